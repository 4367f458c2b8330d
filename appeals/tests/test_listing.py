"""The typed released details (selectors.public_subject) and the pages of appeals.listing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from appeals import services
from appeals.listing import AppealFilter, public_appeals_page, withdrawn_page
from appeals.models import AppealKind, Outcome, ReleasableField
from appeals.selectors import public_subject

from .factories import draft, published

pytestmark = pytest.mark.django_db


def test_a_detail_is_given_only_when_released_and_not_empty():
    appeal = draft(age_min=30, age_max=30, height_cm=None, build="slim", sex="female", aliases="Ro, Robbo")
    nothing = public_subject(appeal, [])
    assert nothing.name is None and nothing.aliases == () and nothing.sex is None and nothing.build is None
    everything = public_subject(appeal, list(ReleasableField.values))
    assert everything.name == "Robin Testperson" and everything.aliases == ("Ro", "Robbo")
    assert (everything.sex, everything.build, everything.age_min) == ("female", "slim", 30)
    assert everything.height_cm is None  # released but not recorded
    assert everything.last_seen_place is None  # a wanted appeal has no last-seen details
    assert (everything.wanted_reason, everything.offence_category) == ("offence", "robbery")


def test_a_missing_person_has_no_offence_even_if_reason_is_released():
    appeal = draft(AppealKind.MISSING, last_seen_on=timezone.localdate(), wanted_reason="offence")
    subject = public_subject(appeal, list(ReleasableField.values))
    assert subject.wanted_reason is None and subject.last_seen_on == timezone.localdate()


def test_pages_do_not_overlap_and_drafts_are_never_counted():
    made = [published() for _ in range(5)]
    draft()
    pages = [public_appeals_page(filters=AppealFilter(), page=n, page_size=2) for n in (1, 2, 3)]
    seen = [a.reference for p in pages for a in p.items]
    assert sorted(seen) == sorted(a.reference for a in made) and pages[0].count == 5
    assert pages[0].has_next and not pages[0].has_previous and not pages[2].has_next


def test_withdrawn_since():
    first, second = published(), published()
    services.appeal_close(appeal=first, actor=first.author, outcome=Outcome.LOCATED)
    services.appeal_close(appeal=second, actor=second.author, outcome=Outcome.LOCATED)
    everything = withdrawn_page(since=None, page=1, page_size=10)
    assert [w.reference for w in everything.items] == [first.reference, second.reference]
    later = withdrawn_page(since=everything.items[1].withdrawn_at, page=1, page_size=10)
    assert [w.reference for w in later.items] == [second.reference]
    assert withdrawn_page(since=timezone.now() + timedelta(seconds=1), page=1, page_size=10).count == 0
