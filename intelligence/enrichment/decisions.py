"""The analyst's decisions on what enrichment suggested: a link to an appeal, and a group of reports that tell
the same thing (a report taken out of it: "not the same")."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from intelligence.models import DuplicateGroup, Enrichment, GroupSplit, Link, LinkDecision
from intelligence.rules import RuleViolation
from reporting.models import InformationReport

from .index import index_invalidate_now_and_on_commit


def link_decide(*, link: Link, actor: User, decision: str, note: str = "") -> Link:
    """Confirm or reject a suggested link. The decision is kept (and may be changed, with the change audited);
    a confirmed link teaches the index the report's phone numbers, plates, handles and postcodes."""
    from intelligence.permissions import can_work_desk
    from intelligence.services import _require

    _require(can_work_desk(actor))
    if decision not in (LinkDecision.CONFIRMED, LinkDecision.REJECTED):
        raise RuleViolation("decision", "Choose whether the report is about this appeal.")
    note = note.strip()
    with transaction.atomic():
        link = Link.objects.select_for_update().select_related("appeal").get(pk=link.pk)
        previous = link.decision
        link.decision = decision
        link.decided_by = actor
        link.decided_at = timezone.now()
        link.decision_note = note
        link.save(update_fields=["decision", "decided_by", "decided_at", "decision_note"])
        audit_record(
            actor=actor,
            action="link.confirmed" if decision == LinkDecision.CONFIRMED else "link.rejected",
            target=link.report,
            detail={"appeal": link.appeal.reference, "confidence": link.confidence, "previous": previous},
            justification=note,
        )
        if LinkDecision.CONFIRMED in (decision, previous):
            index_invalidate_now_and_on_commit()
    return link


def group_split(*, report: InformationReport, actor: User, note: str = "") -> GroupSplit:
    """Take the report out of its group ("not the same"). The group keeps its other members (its lead moves to
    the earliest of them if this report led it); the split is kept, audited, and the duplicate check never puts
    the report back in that group."""
    from intelligence.permissions import can_work_desk
    from intelligence.services import _require

    _require(can_work_desk(actor))
    note = note.strip()
    with transaction.atomic():
        enrichment = Enrichment.objects.select_for_update().filter(report=report).first()
        if enrichment is None or enrichment.group_id is None:
            raise RuleViolation("not_grouped", "This report is not in a group of similar reports.")
        group = DuplicateGroup.objects.select_for_update().get(pk=enrichment.group_id)
        split = GroupSplit.objects.create(
            report=report, group=group, split_by=actor, split_at=timezone.now(), note=note
        )
        Enrichment.objects.filter(pk=enrichment.pk).update(
            group=None, duplicate_of=None, duplicate_score=None, duplicate_reasons=[]
        )
        rest = Enrichment.objects.filter(group=group)
        group.size = rest.count()
        if group.lead_id == report.pk and group.size:
            group.lead_id = rest.order_by("report__received_at", "report_id").values_list("report_id", flat=True)[0]
        group.save(update_fields=["size", "lead"])
        audit_record(
            actor=actor,
            action="group.split",
            target=report,
            detail={"group": group.pk, "lead": group.lead_id, "left": group.size},
            justification=note,
        )
    return split
