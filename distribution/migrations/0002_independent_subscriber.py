"""The independent service is the first subscriber: it is reached through the partner channel (ADR 0030)."""

from django.db import migrations


def add_independent(apps, schema_editor):  # type: ignore[no-untyped-def]
    Subscriber = apps.get_model("distribution", "Subscriber")
    Subscriber.objects.get_or_create(name="Independent charity service", defaults={"kind": "independent"})


class Migration(migrations.Migration):
    dependencies = [("distribution", "0001_initial")]
    operations = [migrations.RunPython(add_independent, migrations.RunPython.noop)]
