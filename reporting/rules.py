"""Rules for reports that come from the independent service (docs/adr/0005-independent-service.md)."""

from datetime import date, datetime, time

from django.utils import timezone


def anonymous_received_at(received_on: date) -> datetime:
    """An anonymous report is known to the police by the *day* it reached the charity, never a finer time
    (a time could be matched with phone or network records to find the reporter). The stored timestamp is
    midnight of that day, local time, and pages show the date only."""
    return timezone.make_aware(datetime.combine(received_on, time.min))
