"""Enrichment on arrival, on the database: entities, link suggestions, duplicate groups, analyst decisions."""

import uuid

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from accounts.tests.factories import make_staff
from appeals.tests.factories import published
from audit.models import AuditEvent
from audit.services import audit_verify_chain
from intelligence import selectors
from intelligence.enrichment.decisions import link_decide
from intelligence.enrichment.pipeline import enrich_pending, report_enrich, report_text
from intelligence.models import Band, DuplicateGroup, Enrichment, Entity, Link, LinkDecision, Mention
from reporting.models import InformationReport
from reporting.services import report_submit
from reporting.tests.factories import submit

from .factories import analyst

pytestmark = pytest.mark.django_db

QUIET = {
    "last_seen_when": "",
    "last_seen_where": "",
    "vehicle_make": "",
    "vehicle_model": "",
    "vehicle_colour": "",
    "vehicle_registration": "",
    "places": "",
    "companions": "",
}


def general(details: str, **answers: str) -> InformationReport:
    """A report not sent from any appeal's page: only what it says can link it."""
    return submit(None, details=details, **(QUIET | answers)).report


def enrich(report: InformationReport):  # type: ignore[no-untyped-def]
    done = report_enrich(report_id=report.pk)
    assert done is not None
    return done


def submitted(details: str) -> InformationReport:
    """A general report stored as the public form stores it (report_submit, which queues its enrichment)."""
    return report_submit(token=uuid.uuid4(), appeal=None, answers={"details": details}, crime_category="other").report


def enriched(*texts: str) -> list[InformationReport]:
    """General reports, all stored first and then enriched in the order given."""
    reports = [general(text) for text in texts]
    for report in reports:
        enrich(report)
    return reports


def test_report_text_reads_every_answer_and_the_vehicle():
    report = submit(None).report
    text = report_text(report)
    assert "Mill Street gym" in text and "Yesterday about 6pm" in text and "Green Ford Transit QZ71 XLR" in text


def test_entities_are_stored_once_and_joined_by_their_normal_form():
    first, second = enriched(
        "Blue van lb07seo outside the Red Lion pub, call 07700 900123",
        "Saw LB07 SEO again, driver rang 07700900123",
    )
    plate = Entity.objects.get(key="vrm:LB07SEO")
    assert plate.get_kind_display() == "Registration"
    assert set(plate.mentions.values_list("raw", flat=True)) == {"lb07seo", "LB07 SEO"}
    assert Entity.objects.filter(key__startswith="phone:").count() == 1
    assert Mention.objects.filter(report=first, entity__kind="place").exists()
    event = AuditEvent.objects.get(action="report.enriched", target_id=str(first.pk))
    assert event.actor_label == "system" and event.detail["entities"]["vrm"] == 1


def test_the_appeals_plate_suggests_the_appeal_with_the_reason_shown():
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    report = general("That van lb07 seo is parked behind the chip shop every night")
    done = enrich(report)
    link = Link.objects.get(report=report)
    assert link.appeal == appeal and link.likely and link.decision == LinkDecision.SUGGESTED
    assert "same registration as the appeal's vehicle (LB07SEO)" in [r["text"] for r in link.reasons]
    assert [s.reference for s in done.suggestions] == [appeal.reference]
    linked = AuditEvent.objects.get(action="report.linked", target_id=str(report.pk))
    assert linked.detail["suggested"][0]["appeal"] == appeal.reference


def test_a_report_about_no_one_is_linked_to_nothing():
    published()
    report = general("Lots of cannabis smell near the bins on Harbour Road")
    enrich(report)
    assert not Link.objects.filter(report=report).exists()
    assert not AuditEvent.objects.filter(action="report.linked", target_id=str(report.pk)).exists()


def test_enriching_twice_changes_nothing():
    report = general("Van LB07 SEO at the Red Lion pub")
    enrich(report)
    counts = (Mention.objects.count(), Band.objects.count(), AuditEvent.objects.count())
    assert report_enrich(report_id=report.pk) is None
    assert enrich_pending() == 0
    assert (Mention.objects.count(), Band.objects.count(), AuditEvent.objects.count()) == counts
    assert Enrichment.objects.filter(report=report).count() == 1


def test_reports_that_tell_the_same_thing_are_grouped_and_the_first_leads():
    first, second, third, other = enriched(
        "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.",
        "Strong cannabis smell, people coming and going all night at 14 Wren Close NE4 7QT",
        "Caller says cannabis smell and visitors all night at Wren Close, NE4 7QT.",
        "Someone is dealing from a car outside the school on Quay Street in the mornings.",
    )
    group = DuplicateGroup.objects.get()
    assert group.lead == first and group.size == 3
    assert set(group.members.values_list("report", flat=True)) == {first.pk, second.pk, third.pk}
    assert Enrichment.objects.get(report=second).duplicate_of == first
    assert Enrichment.objects.get(report=other).group is None
    # The inbox shows the lead with "+2 similar" and hides the repeats until asked.
    shown = {r.pk: r for r in selectors.inbox()}
    assert first.pk in shown and second.pk not in shown and third.pk not in shown
    assert shown[first.pk].similar == 2
    assert {r.pk for r in selectors.inbox(group_id=group.pk)} == {first.pk, second.pk, third.pk}
    assert {r.pk for r in selectors.inbox(collapse=False)} >= {first.pk, second.pk, third.pk, other.pk}


def test_an_urgent_repeat_is_never_hidden():
    first = general("Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.")
    urgent = submit(
        None,
        urgent=True,
        details="Cannabis smell and people coming and going all night at 14 Wren Close NE4 7QT",
        **QUIET,
    ).report
    enrich(first)
    enrich(urgent)
    assert Enrichment.objects.get(report=urgent).group is not None
    assert urgent.pk in {r.pk for r in selectors.inbox()}


def test_a_different_postcode_is_a_different_fact():
    one, two = enriched(
        "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.",
        "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QU.",
    )
    assert not DuplicateGroup.objects.exists()


def test_reports_linked_to_different_appeals_never_group():
    a = published(subject_name="Darren Kellow", aliases="Daz", vehicle="Red Corsa")
    b = published(subject_name="Shane Pickering", aliases="Picks", vehicle="Black Golf")
    one = submit(a, details="Seen him at the Red Lion pub on Quay Street last night about ten", **QUIET).report
    two = submit(b, details="Seen him at the Red Lion pub on Quay Street last night about ten", **QUIET).report
    enrich(one)
    enrich(two)
    assert not DuplicateGroup.objects.exists()


def test_the_entity_filter_finds_every_report_that_mentions_it():
    one, two, three = enriched(
        "Van LB07 SEO outside the Red Lion pub",
        "lb07seo parked on Mill Lane overnight, again",
        "A different van, KX19 TVN",
    )
    found = {r.pk for r in selectors.inbox(entity="vrm:LB07SEO", collapse=False)}
    assert found == {one.pk, two.pk}


def test_confirming_a_link_is_kept_audited_and_teaches_the_index():
    appeal = published(subject_name="Darren Kellow", aliases="Daz", vehicle="Red Corsa", areas="Eastbrook")
    first = general("Darren Kellow is staying with a mate, his new number is 07700 900456")
    enrich(first)
    link = Link.objects.get(report=first, appeal=appeal)
    desk = analyst()
    link_decide(link=link, actor=desk, decision=LinkDecision.CONFIRMED, note="")
    link.refresh_from_db()
    assert link.decision == LinkDecision.CONFIRMED and link.decided_by == desk
    event = AuditEvent.objects.get(action="link.confirmed")
    assert event.detail["appeal"] == appeal.reference and event.actor == desk
    # A later report naming no one but carrying the confirmed number is suggested for the appeal.
    later = general("Whoever has 07700900456 is selling stuff behind the leisure centre")
    enrich(later)
    learnt = Link.objects.get(report=later, appeal=appeal)
    assert any(r["code"] == "known_entity" for r in learnt.reasons)
    # The appeal filter now includes the confirmed general report.
    assert first.pk in {r.pk for r in selectors.inbox(appeal_reference=appeal.reference, collapse=False)}
    assert audit_verify_chain().ok


def test_rejecting_keeps_the_reason_and_only_the_desk_decides():
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    report = general("That van lb07 seo is parked behind the chip shop every night")
    enrich(report)
    link = Link.objects.get(report=report, appeal=appeal)
    with pytest.raises(PermissionDenied):
        link_decide(link=link, actor=make_staff(Role.UNIT_OFFICER), decision=LinkDecision.REJECTED)
    link_decide(link=link, actor=analyst(), decision=LinkDecision.REJECTED, note="Plate was cloned; seen in Leeds.")
    link.refresh_from_db()
    assert link.decision == LinkDecision.REJECTED and link.decision_note.startswith("Plate was cloned")
    event = AuditEvent.objects.get(action="link.rejected")
    assert event.justification == "Plate was cloned; seen in Leeds."


@pytest.mark.django_db(transaction=True)
def test_a_new_report_is_enriched_on_arrival_without_anyone_asking():
    """report_submit queues the enrichment once its transaction commits (the test settings run tasks at once)."""
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    stored = submitted("That van lb07 seo is parked behind the chip shop every night")
    assert Enrichment.objects.filter(report=stored).exists()
    assert Link.objects.filter(report=stored, appeal=appeal, likely=True).exists()
    stages = [s.name for s in selectors.timelines([selectors.desk_report(stored.pk)])[stored.pk]]
    assert stages[:3] == ["received", "enriched", "linked"]


# --- On the desk's pages ----------------------------------------------------------------------------------------


def desk_client():  # type: ignore[no-untyped-def]
    from .test_views_staff import signed_in

    return signed_in(analyst())


def test_inbox_shows_entities_to_click_and_similar_reports_folded():
    first, second, other = enriched(
        "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.",
        "Strong cannabis smell, people coming and going all night at 14 Wren Close NE4 7QT",
        "Van LB07 SEO outside the Red Lion pub",
    )
    client = desk_client()
    html = client.get("/staff/inbox/").content.decode()
    assert f">Report {first.pk}<" in html and f">Report {second.pk}<" not in html
    group = DuplicateGroup.objects.get()
    assert f'href="/staff/inbox/?group={group.pk}">+1 similar<' in html
    assert 'href="/staff/inbox/?mentions=vrm%3ALB07SEO&amp;every=on">LB07SEO<' in html
    html = client.get("/staff/inbox/", {"mentions": "vrm:LB07SEO", "every": "on"}).content.decode()
    assert "Reports that mention registration LB07SEO" in html
    assert "Likely about" not in html  # no appeal has that plate
    assert f">Report {other.pk}<" in html and f">Report {first.pk}<" not in html
    # Typed as a person would write it, the registration is read the same way.
    html = client.get("/staff/inbox/", {"mentions": "lb07 seo"}).content.decode()
    assert f">Report {other.pk}<" in html and f">Report {first.pk}<" not in html
    html = client.get("/staff/inbox/", {"group": group.pk}).content.decode()
    assert f">Report {first.pk}<" in html and f">Report {second.pk}<" in html


def test_inbox_says_what_it_could_not_read():
    response = desk_client().get("/staff/inbox/", {"mentions": "the man in the blue coat"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not read a registration, phone number, postcode" in html
    assert "govuk-error-summary" in html


def test_report_page_shows_suggestion_reasons_and_the_analyst_decides():
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    report = general("That van lb07 seo is parked behind the chip shop every night")
    enrich(report)
    link = Link.objects.get(report=report)
    client = desk_client()
    html = client.get(f"/staff/inbox/{report.pk}/").content.decode()
    assert f"Appeal {appeal.reference}</a>" in html and "Likely" in html
    inbox = client.get("/staff/inbox/").content.decode()
    assert f"Likely about {appeal.reference}" in inbox
    assert "Same registration as the appeal&#x27;s vehicle (LB07SEO)" in html
    url = f"/staff/inbox/{report.pk}/links/{link.pk}/"
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Choose whether the report is about this appeal." in refused.content.decode()
    done = client.post(url, {f"link-{link.pk}-decision": "confirmed", f"link-{link.pk}-note": ""}, follow=True)
    assert f"Link to appeal {appeal.reference} confirmed." in done.content.decode()
    link.refresh_from_db()
    assert link.decision == LinkDecision.CONFIRMED
    assert "Confirmed" in client.get(f"/staff/inbox/{report.pk}/").content.decode()


def test_a_link_of_another_report_is_not_found():
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    one, two = enriched("That van lb07 seo is parked behind the chip shop every night", "Nothing to do with anyone")
    link = Link.objects.get(report=one, appeal=appeal)
    response = desk_client().post(f"/staff/inbox/{two.pk}/links/{link.pk}/", {f"link-{link.pk}-decision": "confirmed"})
    assert response.status_code == 404


def test_appeal_numbers_count_confirmed_and_waiting_links():
    from intelligence.numbers import appeal_numbers

    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    one, two = enriched(
        "That van lb07 seo is parked behind the chip shop every night",
        "LB07 SEO outside the Red Lion pub at closing time",
    )
    assert (appeal_numbers(appeal).confirmed, appeal_numbers(appeal).awaiting) == (0, 2)
    link_decide(link=Link.objects.get(report=one), actor=analyst(), decision=LinkDecision.CONFIRMED)
    assert (appeal_numbers(appeal).confirmed, appeal_numbers(appeal).awaiting) == (1, 1)


@pytest.mark.django_db(transaction=True)
def test_publishing_an_appeal_reads_last_weeks_reports_again_for_it():
    """A report about a van, made before the van's owner was on an appeal, is suggested for the appeal as soon as
    it is published; reports about other things are not; running it again suggests nothing twice."""
    from intelligence.enrichment.pipeline import appeal_relink_recent

    before = submitted("The van LB07 SEO is parked behind the chip shop every night")
    unrelated = submitted("Bikes stolen from the station")
    assert not Link.objects.exists()
    appeal = published(vehicle="Blue Ford Transit, LB07 SEO")
    link = Link.objects.get(report=before)
    assert link.appeal == appeal and link.likely and link.decision == LinkDecision.SUGGESTED
    assert not Link.objects.filter(report=unrelated).exists()
    event = AuditEvent.objects.filter(action="report.linked", target_id=str(before.pk)).get()
    assert event.detail["after_publication"] is True
    assert appeal_relink_recent(appeal_id=appeal.pk) == 0


def test_less_likely_appeals_are_folded_away_on_the_report_page():
    published(subject_name="Darren Kellow", aliases="Daz", vehicle="Red Corsa", areas="Eastbrook")
    report = general("Bikes keep going missing from the racks in Eastbrook")
    enrich(report)
    assert not Link.objects.get(report=report).likely
    html = desk_client().get(f"/staff/inbox/{report.pk}/").content.decode()
    assert "No appeal is a likely match." in html
    assert "1 less likely appeal<" in html and "govuk-details" in html


def test_two_tellings_of_one_sighting_in_other_words_are_grouped_on_the_database():
    """Issue 11: reports linked to the same appeal, a day apart, at a similar place ("the chippy on Mill Rd",
    "fish shop, mill road") share no entity and little wording, and are still one group."""
    appeal = published(subject_name="Dorian Kettering", aliases="Dozza", areas="Quillby")
    first = submit(appeal, details="saw him coming out the chippy on Mill Rd last night, got in a white van", **QUIET)
    second = general("Dorian Kettering was queueing at the fish shop, mill road, monday evening")
    enrich(first.report)
    done = enrich(second)
    assert done.repeats == first.report.pk
    assert "similar place" in Enrichment.objects.get(report=second).duplicate_reasons[0]


def test_two_tellings_of_one_incident_about_no_appeal_are_grouped_on_the_database():
    """Two people tell one incident that is about no appeal, in other words, sharing no entity: grouped. The
    same kind of incident at another named place is not."""
    first, elsewhere, second = enriched(
        "There was a massive fight outside the Plough in Brackwell on Saturday at closing time, one lad on the floor",
        "There was a massive fight outside the Red Lion in Brackwell on Saturday at closing time",
        "fight outside the plough brackwell sat night at closing, loads of them, someone on the floor",
    )
    done = Enrichment.objects.get(report=second)
    assert done.group_id is not None and done.group == Enrichment.objects.get(report=first).group
    assert "neither about an appeal" in done.duplicate_reasons[0]
    assert Enrichment.objects.get(report=elsewhere).group != done.group


def test_the_new_appeal_fields_reach_linking():
    """Age, sex, build and height are on the profile, so a report describing someone else is vetoed."""
    appeal = published(subject_name="Dorian Kettering", sex="male", age_min=22, build="slim", height_cm=183)
    report = submit(appeal, details="an old woman, about 70, very fat, shouting at the bus stop", **QUIET).report
    done = enrich(report)
    assert not any(s.likely for s in done.suggestions)
    link = Link.objects.get(report=report)
    assert any(r["code"] == "contradiction" for r in link.reasons)


def test_the_analyst_sees_weak_and_contradicted_reasons_as_such():
    """Issue 11: a suggestion keeps every reason; weak ones say so, and a contradiction is shown against it."""
    appeal = published(subject_name="Dorian Kettering", sex="male", age_min=22, areas="Quillby")
    report = submit(appeal, details="an old woman, about 70, shouting at the bus stop in Quillby", **QUIET).report
    enrich(report)
    html = desk_client().get(f"/staff/inbox/{report.pk}/").content.decode()
    assert f"Appeal {appeal.reference}</a>" in html and "Possible" in html
    assert "But the report describes a woman" in html and "Against" in html
    assert "Outweighed" in html


CANNABIS = (
    "Cannabis smell and people coming and going all night at 14 Wren Close, NE4 7QT.",
    "Strong cannabis smell, people coming and going all night at 14 Wren Close NE4 7QT",
    "Caller says cannabis smell and visitors all night at Wren Close, NE4 7QT.",
)


def test_an_analyst_takes_a_report_out_of_its_group_and_the_split_is_remembered():
    from intelligence.enrichment.decisions import group_split
    from intelligence.models import GroupSplit

    first, second, third = enriched(*CANNABIS)
    group = DuplicateGroup.objects.get()
    desk = analyst()
    with pytest.raises(PermissionDenied):
        group_split(report=first, actor=make_staff(Role.UNIT_OFFICER))
    group_split(report=first, actor=desk, note="Number 14 is the flat above; this is the house.")
    group.refresh_from_db()
    assert group.size == 2 and group.lead == second  # the lead moves to the earliest left
    assert Enrichment.objects.get(report=first).group is None
    assert {r.pk for r in selectors.inbox()} >= {first.pk, second.pk}  # each read on its own now
    event = AuditEvent.objects.filter(action="group.split").get()
    assert event.detail["group"] == group.pk and "flat above" in event.justification
    # Enriched again (its fingerprint lost and made anew), it is not put back in the group it was taken out of.
    for derived in (Enrichment, Mention, Link, Band):
        derived.objects.filter(report=first).delete()
    enrich(first)
    assert Enrichment.objects.get(report=first).group_id != group.pk
    assert GroupSplit.objects.get().report == first
    # A report in no group cannot be split.
    from intelligence.rules import RuleViolation

    with pytest.raises(RuleViolation):
        group_split(report=first, actor=desk)


def test_the_report_page_offers_not_the_same_and_says_it_was_done():
    first, second, _third = enriched(*CANNABIS)
    client = desk_client()
    page = client.get(f"/staff/inbox/{second.pk}/").content.decode()
    assert "Not the same: take this report out of the group" in page
    response = client.post(f"/staff/inbox/{second.pk}/split/", {"note": ""}, follow=True)
    assert response.status_code == 200
    assert f"Report {second.pk} taken out of the group" in response.content.decode()
    assert "Not the same: take this report out of the group" not in response.content.decode()
    again = client.post(f"/staff/inbox/{second.pk}/split/", {"note": ""})
    assert again.status_code == 400 and "not in a group" in again.content.decode()
    too_long = client.post(f"/staff/inbox/{first.pk}/split/", {"note": "x" * 1001})
    assert too_long.status_code == 400
