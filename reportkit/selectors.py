"""Reads both services make by one rule: finding a report by its receipt code."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .receipts import receipt_hash, receipt_normalise
from .throttle import failed_lookup_count, lookups_blocked

R = TypeVar("R")


@dataclass(frozen=True)
class Lookup(Generic[R]):
    report: R | None
    throttled: bool = False


def receipt_lookup(text: str, find: Callable[[str], R | None]) -> Lookup[R]:
    """The report for a receipt code as typed, or None. `find` reads the service's report by the code's keyed
    hash: one indexed query. Every failure looks the same to the caller; failures are counted in the code's
    bucket (reportkit.throttle) and, once too many, no code in that bucket is checked until the next minute."""
    code = receipt_normalise(text)
    if code is None:  # cannot be a code: nothing to look up, nothing learnt by a guesser
        return Lookup(report=None)
    if lookups_blocked(code):
        return Lookup(report=None, throttled=True)
    report = find(receipt_hash(code))
    if report is None:
        failed_lookup_count(code)
    return Lookup(report=report)
