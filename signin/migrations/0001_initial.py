"""SignInLock moves here from accounts, keeping its table (accounts_signinlock), so no lock is lost.

Where accounts is installed (the police service) the table is already there, made by accounts 0002: this
migration only records the model in signin's state, and accounts 0003 drops it from accounts' state. Where it is
not (the independent service) the table is created."""

from django.apps import apps
from django.db import migrations, models


class CreateModelUnlessAccountsHasIt(migrations.CreateModel):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):  # type: ignore[no-untyped-def]
        if not apps.is_installed("accounts"):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):  # type: ignore[no-untyped-def]
        if not apps.is_installed("accounts"):
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    initial = True
    dependencies: list[tuple[str, str]] = []

    operations = [
        CreateModelUnlessAccountsHasIt(
            name="SignInLock",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("username", models.CharField(max_length=150, unique=True)),
                ("failures", models.PositiveIntegerField(default=0)),
                ("first_failure_at", models.DateTimeField(blank=True, null=True)),
                ("locked_until", models.DateTimeField(blank=True, null=True)),
            ],
            options={"db_table": "accounts_signinlock"},
        ),
    ]
