"""gunicorn's logger for both services: no log line carries a client address, user agent or referrer.

gunicorn writes the client address itself in places its configuration does not reach: the access log's
`%(h)s`, request headers (`%({x-forwarded-for}i)s`) and environ atoms, and the error log's
"Invalid request from ip=..." for any malformed or oversized request. So:
1. the access log's atoms are an allow-list (request line, status, size, duration): whatever format is
   configured, an address, user agent, referrer, header or environ atom renders as "-";
2. every record on gunicorn's loggers is rendered and scrubbed of IP literals (lookout.logscrub) before a
   handler sees it, and every handler's formatter scrubs the finished line again (tracebacks included).
"""

import logging
from typing import Any

from gunicorn.glogging import Logger

from lookout.logscrub import attach

SAFE_ATOMS = ("r", "s", "m", "U", "H", "b", "B", "T", "D", "M", "L", "t", "p", "l")


class AddresslessLogger(Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log, logging.getLogger("gunicorn")):
            attach(log)

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        every = super().atoms(resp, req, environ, request_time)
        return {key: every[key] for key in SAFE_ATOMS if key in every}


class DayOnlyLogger(AddresslessLogger):  # type: ignore[misc]
    """The independent service's logger: as above, and its error log is dated by the day only. The charity knows
    the day of what a reporter does, never the time (docs/adr/0031-charity-time-and-sealing.md), and gunicorn's
    error log would otherwise stamp every line - "Invalid request ..." from a reporter's phone included - to the
    second."""

    datefmt = r"[%Y-%m-%d]"
