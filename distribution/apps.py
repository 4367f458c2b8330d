from django.apps import AppConfig


class DistributionConfig(AppConfig):
    """Where each appeal went (our surfaces, partner subscribers, copies made by hand) and the proof that every
    copy came down when it closed (docs/adr/0039-distribution-ledger.md)."""

    name = "distribution"
    verbose_name = "Distribution ledger"

    def ready(self) -> None:
        from appeals.signals import appeal_closed, appeal_published

        from . import receivers

        appeal_published.connect(receivers.on_published, dispatch_uid="distribution.on_published")
        appeal_closed.connect(receivers.on_closed, dispatch_uid="distribution.on_closed")
