"""The inbox comes out in the order of the named rule (intelligence.rules.inbox_priority), for every
combination of what the rule weighs: closed or not, urgent or not, each harm level (or no appeal), fresh or not."""

import itertools
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from appeals.models import PublicityAssessment
from appeals.tests.factories import published
from intelligence import rules, selectors
from reporting.models import InformationReport, ReportStatus
from reporting.tests.factories import submit

pytestmark = pytest.mark.django_db


def test_the_inbox_is_in_the_order_of_the_rule():
    appeals = {level: published(subject_name=f"{level.title()} Harm") for level in ("high", "medium", "low")}
    for level, appeal in appeals.items():
        PublicityAssessment.objects.filter(appeal=appeal).update(threat_risk_harm=level)
    now = timezone.now()
    minutes = itertools.count()
    for appeal, closed, urgent, fresh in itertools.product([*appeals.values(), None], *[[False, True]] * 3):
        report = submit(appeal, urgent=urgent).report
        received = now - (timedelta(minutes=next(minutes)) if fresh else timedelta(days=2))
        status = ReportStatus.CLOSED if closed else report.status
        InformationReport.objects.filter(pk=report.pk).update(received_at=received, status=status)
    # A second high-harm appeal with one report: less corroborated than the first.
    submit(published(subject_name="Lone High")).report  # noqa: B018 - made for its place in the order

    shown = list(selectors.inbox(collapse=False, now=now))
    per_appeal = Counter(r.appeal_id for r in shown if r.appeal_id)

    def by_rule(report: InformationReport) -> tuple:
        harm = report.appeal.assessment.threat_risk_harm if report.appeal else ""
        key = rules.inbox_priority(
            closed=report.status == ReportStatus.CLOSED,
            urgent=report.urgent,
            threat_risk_harm=harm,
            fresh=report.received_at >= now - rules.FRESH_FOR,
            corroboration=per_appeal[report.appeal_id] if report.appeal_id else 1,
        )
        return (*key, -report.received_at.timestamp(), -report.pk)

    assert len(shown) == 4 * 8 + 1
    assert [r.pk for r in shown] == [r.pk for r in sorted(shown, key=by_rule)]
    # The rule's first place is what the desk sees first; its last is a closed report.
    assert rules.is_top_priority(urgent=shown[0].urgent, threat_risk_harm=shown[0].appeal.assessment.threat_risk_harm)
    assert shown[-1].status == ReportStatus.CLOSED
