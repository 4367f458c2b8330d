"""Retention for the police service: what `manage.py retention_purge` erases once its period has passed, each
erasure in its own transaction with one audit event that names the record by id or reference only
(docs/adr/0034-retention-and-erasure.md). Periods are settings (LOOKOUT_RETENTION_*)."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from appeals.models import Appeal, AppealStatus
from audit.services import audit_erase_justifications, audit_record
from intelligence.models import Entity
from partner.models import OutboxMessage
from reporting.models import Attachment, ContactDetails, InformationReport, ReportStatus
from reporting.services import receipt_replay_expire
from reportkit.storage import files_delete_on_commit

# The subject's details an appeal loses when its retention ends; the reference, kind, outcome and dates stay,
# so figures and the audit trail still add up.
APPEAL_PERSONAL_TEXT = [
    "subject_name",
    "aliases",
    "distinguishing_features",
    "areas",
    "hair",
    "eyes",
    "vehicle",
    "description",
    "reward_text",
    "offence_summary",
    "caution_note",
    "last_seen_place",
    "vulnerability_summary",
    "distinguishing_features_cy",
    "description_cy",
    "offence_summary_cy",
    "caution_note_cy",
    "vulnerability_summary_cy",
    "reward_text_cy",
    "outcome_note",
    "refusal_reason",
    "public_search_text",
    "public_areas",
]
APPEAL_PERSONAL_OTHER = ["age_min", "age_max", "height_cm", "last_seen_on"]


def _before(days: int, now: datetime) -> datetime:
    return now - timedelta(days=days)


def erasable_reports() -> QuerySet[InformationReport]:
    """Closed reports no unit action holds: an action keeps its report as part of that case's record."""
    return InformationReport.objects.filter(status=ReportStatus.CLOSED, actions__isnull=True)


@transaction.atomic
def original_erase(*, attachment: Attachment, now: datetime) -> None:
    """The sealed original of an upload goes; the cleaned copy staff use stays with the report."""
    name = attachment.original_sealed.name
    attachment.original_sealed = ""
    attachment.original_content_type = ""
    attachment.original_size = None
    attachment.save(update_fields=["original_sealed", "original_content_type", "original_size"])
    audit_erase_justifications(target=attachment, now=now)
    audit_record(
        actor=None, action="attachment.original_erased", target=attachment, detail={"report": attachment.report_id}
    )
    files_delete_on_commit([name])


@transaction.atomic
def contact_erase(*, contact: ContactDetails, now: datetime) -> None:
    """The reporter's name, phone and email go, and the reasons staff gave for revealing them."""
    report = contact.report
    contact.delete()
    audit_erase_justifications(target=report, now=now)
    audit_record(actor=None, action="report.contact_erased", target=report)


@transaction.atomic
def report_erase(*, report: InformationReport, now: datetime) -> None:
    """The report and everything derived from it: answers, messages, files, receipt, enrichment, links; and the
    reasons staff recorded against it. Entities no other report mentions go too (they are its words)."""
    report = InformationReport.objects.select_for_update().get(pk=report.pk)
    files = [n for a in report.attachments.all() for n in (a.clean_file.name, a.original_sealed.name)]
    entity_ids = list(report.mentions.values_list("entity_id", flat=True))
    audit_erase_justifications(target=report, now=now)
    for attachment in report.attachments.all():
        audit_erase_justifications(target=attachment, now=now)
    audit_record(actor=None, action="report.erased", target=report, detail={"files": len(files) // 2})
    report.delete()
    Entity.objects.filter(pk__in=entity_ids, mentions__isnull=True).delete()
    files_delete_on_commit(files)


@transaction.atomic
def appeal_personal_data_erase(*, appeal: Appeal, now: datetime) -> None:
    """A closed appeal keeps its reference, kind, outcome and dates; the subject's details, images, the
    assessment's and decisions' reasons and the reasons in the audit trail go."""
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    for field in APPEAL_PERSONAL_TEXT:
        setattr(appeal, field, "")
    for field in APPEAL_PERSONAL_OTHER:
        setattr(appeal, field, None)
    appeal.personal_data_erased_at = now
    appeal.save(update_fields=[*APPEAL_PERSONAL_TEXT, *APPEAL_PERSONAL_OTHER, "personal_data_erased_at"])
    images = list(appeal.images.all())
    files = [n for i in images for n in (i.image.name, i.thumbnail.name)]
    appeal.images.all().delete()
    if hasattr(appeal, "assessment"):
        appeal.assessment.necessity = ""
        appeal.assessment.less_intrusive_means = ""
        appeal.assessment.save(update_fields=["necessity", "less_intrusive_means"])
    appeal.authorisations.update(reason="")
    audit_erase_justifications(target=appeal, now=now)
    audit_record(actor=None, action="appeal.personal_data_erased", target=appeal, detail={"images": len(images)})
    files_delete_on_commit(files)


@transaction.atomic
def outbox_message_erase(*, message: OutboxMessage, now: datetime) -> None:
    """A delivered message to the charity (a question's words, an outcome) is not needed once acknowledged."""
    audit_record(actor=None, action="partner.message_erased", target=message, detail={"kind": message.kind})
    message.delete()


def retention_purge(*, now: datetime | None = None) -> Counter[str]:
    """Erase everything whose retention period has passed, one record per transaction; returns counts."""
    now = now or timezone.now()
    done: Counter[str] = Counter()
    receipt_replay_expire(now=now)
    for report in erasable_reports().filter(received_at__lt=_before(settings.LOOKOUT_RETENTION_REPORT_DAYS, now)):
        report_erase(report=report, now=now)
        done["reports"] += 1
    contacts = ContactDetails.objects.filter(
        report__in=erasable_reports().filter(received_at__lt=_before(settings.LOOKOUT_RETENTION_CONTACT_DAYS, now))
    ).select_related("report")
    for contact in contacts:
        contact_erase(contact=contact, now=now)
        done["contact details"] += 1
    originals = Attachment.objects.exclude(original_sealed="").filter(
        report__in=erasable_reports(), added_at__lt=_before(settings.LOOKOUT_RETENTION_ORIGINAL_DAYS, now)
    )
    for attachment in originals:
        original_erase(attachment=attachment, now=now)
        done["sealed originals"] += 1
    appeals = Appeal.objects.filter(
        status=AppealStatus.CLOSED,
        personal_data_erased_at__isnull=True,
        closed_at__lt=_before(settings.LOOKOUT_RETENTION_CLOSED_APPEAL_DAYS, now),
    )
    for appeal in appeals:
        appeal_personal_data_erase(appeal=appeal, now=now)
        done["closed appeals"] += 1
    delivered = OutboxMessage.objects.filter(
        acknowledged_at__lt=_before(settings.LOOKOUT_RETENTION_PARTNER_MESSAGE_DAYS, now)
    )
    for message in delivered:
        outbox_message_erase(message=message, now=now)
        done["delivered partner messages"] += 1
    return done
