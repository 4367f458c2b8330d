"""The loopback subscriber lives with the partner test support (shared by both suites)."""

from partner.testing import SignedEventSubscriber as Subscriber

__all__ = ["Subscriber"]
