"""CAP 1.2 for high-risk missing-person appeals, parsed with a real XML parser and checked against the CAP 1.2
structure (OASIS CAP 1.2, section 3: the required elements of <alert> and <info>, in the schema's order, and
their values): an Alert while published, a Cancel referencing it once closed, released information only."""

import re
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own output in a test

import pytest
from django.test import Client

from appeals import services as appeal_services
from appeals.models import AppealKind, Outcome, PublicityAssessment
from appeals.tests.factories import published
from distribution.cap import CAP_NS

pytestmark = pytest.mark.django_db
NS = {"cap": CAP_NS, "atom": "http://www.w3.org/2005/Atom"}
CAP_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")  # CAP 1.2 3.3.2: no "Z", no fractions
# The schema's sequence for <alert> and <info> (CAP 1.2 XSD), required elements marked True.
ALERT_SEQUENCE = [
    ("identifier", True), ("sender", True), ("sent", True), ("status", True), ("msgType", True),
    ("source", False), ("scope", True), ("restriction", False), ("addresses", False), ("code", False),
    ("note", False), ("references", False), ("incidents", False), ("info", False),
]  # fmt: skip
INFO_SEQUENCE = [
    ("language", False), ("category", True), ("event", True), ("responseType", False), ("urgency", True),
    ("severity", True), ("certainty", True), ("audience", False), ("eventCode", False), ("effective", False),
    ("onset", False), ("expires", False), ("senderName", False), ("headline", False), ("description", False),
    ("instruction", False), ("web", False), ("contact", False), ("parameter", False), ("resource", False),
    ("area", False),
]  # fmt: skip
VALUES = {
    "status": {"Actual", "Exercise", "System", "Test", "Draft"},
    "msgType": {"Alert", "Update", "Cancel", "Ack", "Error"},
    "scope": {"Public", "Restricted", "Private"},
    "category": {"Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra",
                 "CBRNE", "Other"},
    "urgency": {"Immediate", "Expected", "Future", "Past", "Unknown"},
    "severity": {"Extreme", "Severe", "Moderate", "Minor", "Unknown"},
    "certainty": {"Observed", "Likely", "Possible", "Unlikely", "Unknown"},
}  # fmt: skip


def _check_sequence(element: ET.Element, sequence: list[tuple[str, bool]]) -> None:
    names = [child.tag.removeprefix(f"{{{CAP_NS}}}") for child in element]
    order = [name for name, _ in sequence]
    assert all(name in order for name in names), names
    assert names == sorted(names, key=order.index), names  # in the schema's order
    for name, required in sequence:
        if required:
            assert name in names, f"{name} missing"


def check_cap(xml: bytes) -> ET.Element:
    alert = ET.fromstring(xml)  # noqa: S314
    assert alert.tag == f"{{{CAP_NS}}}alert"
    _check_sequence(alert, ALERT_SEQUENCE)
    for child in alert.iter():
        name = child.tag.removeprefix(f"{{{CAP_NS}}}")
        if name in VALUES:
            assert child.text in VALUES[name], (name, child.text)
    assert CAP_TIME.match(alert.findtext("cap:sent", namespaces=NS) or "")
    identifier = alert.findtext("cap:identifier", namespaces=NS) or ""
    assert identifier and not re.search(r"[\s,<&]", identifier)  # CAP: no spaces, commas or restricted chars
    for info in alert.findall("cap:info", NS):
        _check_sequence(info, INFO_SEQUENCE)
        for area in info.findall("cap:area", NS):
            assert area.findtext("cap:areaDesc", namespaces=NS)
        for resource in info.findall("cap:resource", NS):
            assert resource.findtext("cap:resourceDesc", namespaces=NS)
            assert resource.findtext("cap:mimeType", namespaces=NS)
    return alert


def test_a_high_risk_missing_appeal_has_an_alert_then_a_cancel_that_references_it(django_capture_on_commit_callbacks):
    appeal = published(AppealKind.MISSING)
    client = Client()
    response = client.get(f"/cap/{appeal.reference}.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/cap+xml")
    alert = check_cap(response.content)
    assert alert.findtext("cap:msgType", namespaces=NS) == "Alert"
    assert alert.findtext("cap:scope", namespaces=NS) == "Public"
    info = alert.find("cap:info", NS)
    assert info is not None
    assert info.findtext("cap:urgency", namespaces=NS) == "Immediate"
    assert appeal.reference in (info.findtext("cap:web", namespaces=NS) or "")
    original = (
        alert.findtext("cap:sender", namespaces=NS),
        alert.findtext("cap:identifier", namespaces=NS),
        alert.findtext("cap:sent", namespaces=NS),
    )
    # The index lists it.
    index = ET.fromstring(client.get("/appeals/alerts.cap.xml").content)  # noqa: S314
    assert [e.findtext("atom:title", namespaces=NS) for e in index.findall("atom:entry", NS)] == ["Alert"]

    with django_capture_on_commit_callbacks(execute=True):  # the purge runs on commit, as in production
        appeal_services.appeal_close(appeal=appeal, actor=appeal.author, outcome=Outcome.LOCATED)
    cancel = check_cap(client.get(f"/cap/{appeal.reference}.xml").content)
    assert cancel.findtext("cap:msgType", namespaces=NS) == "Cancel"
    assert cancel.findtext("cap:references", namespaces=NS) == ",".join(original)
    assert cancel.findtext("cap:identifier", namespaces=NS) != original[1]
    text = client.get(f"/cap/{appeal.reference}.xml").content.decode()
    assert appeal.subject_name not in text and "description" not in text  # nothing about the person
    index = ET.fromstring(client.get("/appeals/alerts.cap.xml").content)  # noqa: S314
    assert [e.findtext("atom:title", namespaces=NS) for e in index.findall("atom:entry", NS)] == ["Cancel"]


def test_the_alert_carries_released_information_only():
    appeal = published(AppealKind.MISSING)
    text = Client().get(f"/cap/{appeal.reference}.xml").content.decode()
    assert appeal.subject_name in text  # the name is released by the factory's assessment
    assert appeal.distinguishing_features not in text or not appeal.distinguishing_features


@pytest.mark.parametrize("grade", ["medium", "low"])
def test_no_cap_for_lower_risk_or_wanted_appeals(grade):
    appeal = published(AppealKind.MISSING)
    PublicityAssessment.objects.filter(appeal=appeal).update(missing_risk_grade=grade)
    assert Client().get(f"/cap/{appeal.reference}.xml").status_code == 404
    wanted = published(AppealKind.WANTED)
    assert Client().get(f"/cap/{wanted.reference}.xml").status_code == 404
    assert Client().get("/cap/NOPE.xml").status_code == 404
