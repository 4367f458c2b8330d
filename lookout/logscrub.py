"""Log lines never carry a network address: every IPv4 or IPv6 literal in a rendered log line is replaced.

Plain Python (no Django), so the web servers' own loggers (deploy/gunicorn_conf.py) use it as well as
Django's (settings LOGGING). A server logs its own bind address at start; that is scrubbed too, a small
price for a rule with no exceptions.
"""

import ipaddress
import logging
import re
from typing import Any

REMOVED = "[address removed]"
_IPV4 = re.compile(r"(?:(?<![\w:.])::ffff:)?(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w])", re.IGNORECASE)
# Candidates only; ipaddress decides (so a time such as 20:04:45 is left alone).
_IPV6 = re.compile(r"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?")


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return False
    return True


def _replace(match: re.Match[str]) -> str:
    found = match.group(0)
    # "ip=2001:db8::1: message" - the colon after the address is the message's, not the address's.
    candidate = found.rstrip(":")
    return REMOVED + found[len(candidate) :] if _is_address(candidate) else found


def scrub_addresses(text: str) -> str:
    """The text with every IP address literal replaced by a fixed marker."""
    # IPv4 first (an IPv4-mapped IPv6 address, "::ffff:192.0.2.1", goes whole).
    return _IPV6.sub(_replace, _IPV4.sub(_replace, text))


class AddresslessFormatter(logging.Formatter):
    """Formats as usual, then scrubs the whole line, traceback included."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub_addresses(super().format(record))


class AddresslessFilter(logging.Filter):
    """Renders the message and scrubs it before any handler sees the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub_addresses(record.getMessage())
        record.args = None
        return True


class NoClientErrorTracebackFilter(logging.Filter):
    """A refused request (4xx: forbidden, bad request, not found, suspicious) is the client's mistake, not ours:
    it is logged as one line, without a traceback (which would carry the request's details)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith("django.security") or (isinstance(status, int) and 400 <= status < 500):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def attach(logger: logging.Logger, **_: Any) -> None:
    """Scrub everything this logger and its handlers write."""
    if not any(isinstance(f, AddresslessFilter) for f in logger.filters):
        logger.addFilter(AddresslessFilter())
    for handler in logger.handlers:
        if not isinstance(handler.formatter, AddresslessFormatter):
            fmt = handler.formatter or logging.Formatter()
            handler.setFormatter(AddresslessFormatter(fmt._fmt, fmt.datefmt))
