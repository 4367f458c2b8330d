"""The charity's one clock: it knows the DAY of anything a reporter does, never the time of day
(docs/adr/0031-charity-time-and-sealing.md). Every date the independent service stores about a reporter's
action comes from here; order within a day is the order of ids."""

import datetime as dt

from django.utils import timezone


def charity_today() -> dt.date:
    """Today, in the service's time zone."""
    return timezone.localdate()


def day_start(day: dt.date | None = None) -> dt.datetime:
    """Midnight (local) at the start of `day` (today by default): the only "time" the charity records."""
    return timezone.make_aware(dt.datetime.combine(day or charity_today(), dt.time.min))
