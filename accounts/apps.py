from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_role_groups(**kwargs: Any) -> None:
    """One group per role (accounts.roles.Role), recreated after every migrate (and test database flush)."""
    from django.contrib.auth.models import Group

    from .roles import Role

    for role in Role:
        Group.objects.get_or_create(name=role.value)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff accounts and units"

    def ready(self) -> None:
        post_migrate.connect(ensure_role_groups, sender=self)
