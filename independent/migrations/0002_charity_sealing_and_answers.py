"""Seal what reporters wrote (ADR 0031): existing plaintext answers, follow-up answers and cleaned files are
sealed in place, form nonces become keyed hashes, and the receipt replay copy and its exact deadline go.
Going back is refused while any report is stored: it would mean writing reporters' words out in plain text
again (an empty database, as in the tests, can go back)."""

import django.db.models.deletion
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models

RAW_FIELDS = [
    "details",
    "acquaintance",
    "last_seen_when",
    "last_seen_where",
    "in_your_area",
    "vehicle_make",
    "vehicle_model",
    "vehicle_colour",
    "vehicle_registration",
    "places",
    "companions",
]


def seal_existing(apps, schema_editor):  # type: ignore[no-untyped-def]
    from independent.codes import nonce_key
    from independent.sealing import seal_bytes, seal_json

    report_model = apps.get_model("independent", "AnonymousReport")
    for report in report_model.objects.all():
        report.form_key = nonce_key(report.form_nonce, purpose="report")
        if report.state == "forwarded":
            report.sealed_answers = None  # only what was sent is kept
            report.raw_erased_on = report.forwarded_on
        else:
            report.sealed_answers = seal_json({name: getattr(report, name) or "" for name in RAW_FIELDS})
        report.save(update_fields=["form_key", "sealed_answers", "raw_erased_on"])
    follow_up_model = apps.get_model("independent", "FollowUp")
    answer_model = apps.get_model("independent", "FollowUpAnswer")
    for follow_up in follow_up_model.objects.exclude(answer=""):
        answer_model.objects.create(
            follow_up=follow_up,
            sealed_answer=None if follow_up.sent_on else seal_bytes(follow_up.answer.encode()),
            answered_on=follow_up.answered_on or follow_up.asked_on,
            key=nonce_key(
                follow_up.answer_nonce or f"migrated-{follow_up.pk}", purpose="answer", extra=follow_up.answer
            ),
            sanitised_answer=follow_up.sanitised_answer,
            sent_on=follow_up.sent_on,
        )
    for record in apps.get_model("independent", "CleanFile").objects.all():
        name = record.clean_file.name
        if not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as handle:
            data = handle.read()
        default_storage.delete(name)
        default_storage.save(name, ContentFile(seal_bytes(data)))


def refuse_with_data(apps, schema_editor):  # type: ignore[no-untyped-def]
    if apps.get_model("independent", "AnonymousReport").objects.exists():
        raise RuntimeError("Refusing to unseal reporters' words: this migration is not reversed with data.")


class Migration(migrations.Migration):
    dependencies = [("independent", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="FollowUpAnswer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sealed_answer", models.BinaryField(blank=True, editable=False, null=True)),
                ("answered_on", models.DateField()),
                ("key", models.CharField(max_length=64, unique=True)),
                ("sanitised_answer", models.TextField(blank=True)),
                ("sent_on", models.DateField(blank=True, null=True)),
                (
                    "follow_up",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="answers", to="independent.followup"
                    ),
                ),
            ],
            options={"ordering": ["pk"]},
        ),
        migrations.AddField(
            model_name="anonymousreport",
            name="sealed_answers",
            field=models.BinaryField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="anonymousreport", name="raw_erased_on", field=models.DateField(blank=True, null=True)
        ),
        migrations.AddField(
            model_name="anonymousreport", name="form_key", field=models.CharField(max_length=64, null=True)
        ),
        migrations.AddField(
            model_name="reward",
            name="claim_key",
            field=models.CharField(blank=True, max_length=64, null=True, unique=True),
        ),
        migrations.RunPython(seal_existing, refuse_with_data),
        *[migrations.RemoveField(model_name="anonymousreport", name=name) for name in RAW_FIELDS],
        migrations.RemoveField(model_name="anonymousreport", name="form_nonce"),
        migrations.RemoveField(model_name="anonymousreport", name="receipt_replay"),
        migrations.RemoveField(model_name="anonymousreport", name="receipt_replay_until"),
        *[
            migrations.RemoveField(model_name="followup", name=name)
            for name in ("answer", "answered_on", "answer_nonce", "sanitised_answer", "sent_on")
        ],
        migrations.AlterField(
            model_name="anonymousreport", name="form_key", field=models.CharField(max_length=64, unique=True)
        ),
    ]
