"""The analyst's decision on a suggested link."""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from intelligence.models import Link, LinkDecision
from intelligence.rules import RuleViolation

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
