"""SignInLock now belongs to the signin app (shared with the independent service). State only: the table
accounts_signinlock and its rows stay where they are; signin 0001 takes the model over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_signinlock"),
        ("signin", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SignInLock")],
            database_operations=[],
        ),
    ]
