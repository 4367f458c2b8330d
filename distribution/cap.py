"""CAP 1.2 (OASIS Common Alerting Protocol) messages for high-risk missing-person appeals, for public alerting
systems: an Alert while the appeal is published, a Cancel (referencing that Alert) once it closes. Released
information only (appeals.selectors.public_appeal); a Cancel carries nothing about the person.
docs/adr/0039-distribution-ledger.md."""

import xml.etree.ElementTree as ET  # noqa: S405 - we only build XML here, never parse untrusted input
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from appeals.feeds.entries import released_text
from appeals.models import Appeal, AppealKind, MissingRiskGrade
from appeals.selectors import public_appeal

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM_NS = "http://www.w3.org/2005/Atom"
CAP_CONTENT_TYPE = "application/cap+xml; charset=utf-8"
# How long a Cancel stays in the index after closing, for systems that poll it.
CANCEL_LISTED_FOR = timedelta(days=7)


def cap_time(moment: datetime) -> str:
    """CAP 1.2 dateTime: seconds, an explicit offset, never "Z" (section 3.3.2)."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def qualifies(appeal: Appeal) -> bool:
    """A CAP alert is offered only for a missing person graded high risk, once published."""
    assessment = getattr(appeal, "assessment", None)
    return (
        appeal.kind == AppealKind.MISSING
        and appeal.was_public
        and assessment is not None
        and assessment.missing_risk_grade == MissingRiskGrade.HIGH
    )


@dataclass(frozen=True)
class CapMessage:
    identifier: str
    msg_type: str  # "Alert" or "Cancel"
    sent: datetime
    xml: bytes


def _sender() -> str:
    return str(settings.LOOKOUT_CAP_SENDER)


def _identifier(appeal: Appeal, msg_type: str) -> str:
    return f"lookout-{appeal.reference}-{msg_type.lower()}"


def _public(path: str) -> str:
    return settings.LOOKOUT_PUBLIC_BASE_URL.rstrip("/") + path


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{CAP_NS}}}{tag}")
    element.text = text
    return element


def _header(appeal: Appeal, msg_type: str, sent: datetime) -> ET.Element:
    alert = ET.Element(f"{{{CAP_NS}}}alert")
    _sub(alert, "identifier", _identifier(appeal, msg_type))
    _sub(alert, "sender", _sender())
    _sub(alert, "sent", cap_time(sent))
    _sub(alert, "status", "Actual")
    _sub(alert, "msgType", msg_type)
    _sub(alert, "scope", "Public")
    return alert


def _info_common(alert: ET.Element, urgency: str, severity: str, certainty: str) -> ET.Element:
    info = _sub(alert, "info", "")
    info.text = None
    _sub(info, "language", "en-GB")
    _sub(info, "category", "Rescue")
    _sub(info, "event", _("Missing person"))
    _sub(info, "urgency", urgency)
    _sub(info, "severity", severity)
    _sub(info, "certainty", certainty)
    return info


def alert_message(appeal: Appeal) -> CapMessage | None:
    """The Alert for a published high-risk missing-person appeal (None if it does not qualify or is not public)."""
    public = public_appeal(appeal.reference)
    if public is None or not qualifies(appeal) or appeal.published_at is None:
        return None
    alert = _header(appeal, "Alert", appeal.published_at)
    info = _info_common(alert, "Immediate", "Severe", "Observed")
    _sub(info, "senderName", str(settings.LOOKOUT_FORCE_NAME))
    _sub(info, "headline", public.title[:160])
    _sub(info, "description", released_text(public))
    _sub(info, "instruction", _("If you see them now, call 999. If you have information, tell us online."))
    _sub(info, "web", _public(public.url))
    for image in public.images[:1]:
        resource = _sub(info, "resource", "")
        resource.text = None
        _sub(resource, "resourceDesc", image.alt or _("Image"))
        _sub(resource, "mimeType", "image/jpeg")
        _sub(resource, "uri", _public(image.url))
    area = _sub(info, "area", "")
    area.text = None
    _sub(area, "areaDesc", ", ".join(public.areas) or str(settings.LOOKOUT_FORCE_NAME))
    return CapMessage(_identifier(appeal, "Alert"), "Alert", appeal.published_at, _serialise(alert))


def cancel_message(appeal: Appeal) -> CapMessage | None:
    """The Cancel for a qualifying appeal that has closed: references the Alert and says only that it ended."""
    if not (qualifies(appeal) and appeal.has_ended and appeal.closed_at and appeal.published_at):
        return None
    alert = _header(appeal, "Cancel", appeal.closed_at)
    _sub(alert, "references", f"{_sender()},{_identifier(appeal, 'Alert')},{cap_time(appeal.published_at)}")
    info = _info_common(alert, "Past", "Minor", "Observed")
    _sub(info, "senderName", str(settings.LOOKOUT_FORCE_NAME))
    _sub(info, "headline", _("This missing person appeal has ended. Thank you for your help."))
    return CapMessage(_identifier(appeal, "Cancel"), "Cancel", appeal.closed_at, _serialise(alert))


def message_for(appeal: Appeal) -> CapMessage | None:
    return alert_message(appeal) if appeal.is_public else cancel_message(appeal)


def _serialise(root: ET.Element) -> bytes:
    ET.register_namespace("", CAP_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def index_messages(now: datetime | None = None) -> list[CapMessage]:
    """Current Alerts, and Cancels of the last CANCEL_LISTED_FOR, newest first."""
    now = now or timezone.now()
    candidates = (
        Appeal.objects.filter(kind=AppealKind.MISSING, assessment__missing_risk_grade=MissingRiskGrade.HIGH)
        .filter(published_at__isnull=False)
        .exclude(closed_at__lt=now - CANCEL_LISTED_FOR)
        .select_related("assessment")
    )
    messages = [m for m in (message_for(a) for a in candidates) if m is not None]
    return sorted(messages, key=lambda m: m.sent, reverse=True)


def index_atom(messages: list[CapMessage], *, self_url: str) -> bytes:
    """An Atom index of CAP messages, as alerting hubs poll (each entry links to the message itself)."""
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")

    def sub(parent: ET.Element, tag: str, text: str = "") -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}")
        if text:
            element.text = text
        return element

    sub(feed, "id", self_url)
    sub(feed, "title", _("%(force)s: alerts for high-risk missing people") % {"force": settings.LOOKOUT_FORCE_NAME})
    sub(feed, "updated", cap_time(messages[0].sent if messages else timezone.now()))
    sub(sub(feed, "author"), "name", str(settings.LOOKOUT_FORCE_NAME))
    link = sub(feed, "link")
    link.set("rel", "self")
    link.set("href", self_url)
    for message in messages:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:cap:{_sender()}:{message.identifier}")
        sub(entry, "title", message.msg_type)
        sub(entry, "updated", cap_time(message.sent))
        reference = message.identifier.removeprefix("lookout-").rsplit("-", 1)[0]
        href = _public(reverse("distribution:cap_message", kwargs={"reference": reference}))
        alternate = sub(entry, "link")
        alternate.set("rel", "alternate")
        alternate.set("type", "application/cap+xml")
        alternate.set("href", href)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
