"""Copy a process's output to a log, line by line, with every client detail removed: nginx's error-line context
(", client: <address>, server: ..., request: "...", host: "...", referrer: "..."", appended to any message
logged inside a request, at every level) is cut off, and every IP literal left is replaced (lookout.logscrub).
The supervisor (deploy/prod_local.py) passes every child's output through scrub_line; a systemd unit runs

    python deploy/logpipe.py --day-only -- /usr/sbin/nginx -c /etc/lookout/nginx.conf -e stderr

so the journal never sees an unscrubbed line either.
"""

import re
import subprocess
import sys
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lookout.logscrub import scrub_addresses  # noqa: E402

NGINX_CONTEXT = ", client: "
# nginx's error lines begin "2026/12/02 19:04:05 [error] ...": the time of day goes (docs/adr/0031).
NGINX_TIME = re.compile(r"^(\d{4}/\d{2}/\d{2}) \d{2}:\d{2}:\d{2} ")


def scrub_line(line: str, *, day_only: bool = False) -> str:
    """The line without nginx's request context and without any address literal; with day_only, without the
    time of day at its start either."""
    head, _, _ = line.partition(NGINX_CONTEXT)
    if head != line:
        head += "\n"
    if day_only:
        head = NGINX_TIME.sub(r"\1 ", head)
    return scrub_addresses(head)


def copy_scrubbed(source: IO[bytes], sink: IO[str], *, day_only: bool = False) -> None:
    for raw in iter(source.readline, b""):
        sink.write(scrub_line(raw.decode("utf-8", "replace"), day_only=day_only))
        sink.flush()


def main() -> None:
    args = sys.argv[1:]
    day_only = args[:1] == ["--day-only"]
    if day_only:
        args = args[1:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit("usage: logpipe.py -- COMMAND [ARGS...]")
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        copy_scrubbed(process.stdout, sys.stdout, day_only=day_only)  # type: ignore[arg-type]  # a pipe
    except KeyboardInterrupt:
        process.terminate()
    sys.exit(process.wait())


if __name__ == "__main__":
    main()
