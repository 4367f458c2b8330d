from django.apps import AppConfig


class PartnerConfig(AppConfig):
    """The signed service-to-service channel between the police service and the independent service.
    Installed in both; holds no police or reporter data of its own beyond the messages in flight."""

    name = "partner"
    verbose_name = "Service-to-service channel"
