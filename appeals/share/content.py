"""The words on a share card and a poster: released information only, in the active language. Drawing code
(card.py, poster.py) takes a ShareContent and decides nothing about what may be shown."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from ..selectors import PublicAppeal


@dataclass(frozen=True)
class ShareContent:
    """Everything printed on a card or poster. `details` and the description are released text only."""

    reference: str
    is_missing: bool
    brand: str
    headline: str
    title: str
    short_address: str
    page_url: str
    report_url: str
    details: tuple[tuple[str, str], ...]
    description: str
    what_to_do: tuple[str, ...]
    what_to_do_heading: str
    qr_caption: str
    reference_line: str
    card_alt: str


def headline(appeal: PublicAppeal) -> str:
    """A card or poster says WANTED or MISSING, in capitals, in the reader's language."""
    return (_("MISSING") if appeal.is_missing else _("WANTED")).upper()


def short_address(host: str, path: str) -> str:
    """The appeal page's address as a person would type it: host and path, no scheme, no trailing slash."""
    return f"{host}{path}".rstrip("/")


def what_to_do(appeal: PublicAppeal, *, report_address: str) -> tuple[str, ...]:
    """What a reader should do, most urgent first: 999 if they know where the person is now (never approach a
    wanted person); tell us on the report page; for a wanted person, the independent charity's number for
    anyone who wants to stay anonymous. Information about a missing person comes to the police directly, not
    through the charity (we may need to call back), so a missing person's poster does not give its number.
    `report_address` is the report page as a person would type it (the poster's QR code carries the full URL)."""
    phone = settings.LOOKOUT_CHARITY_PHONE.replace(" ", "\u00a0")  # never broken across lines
    if appeal.is_missing:
        steps = [
            _("If you can see them now, or know where they are right now, call 999."),
            _("Stay with them if it is safe and you feel able to."),
            _("Anything else you know could help: tell us at %(url)s or call 101 and quote %(reference)s.")
            % {"url": report_address, "reference": appeal.reference},
        ]
    else:
        steps = [
            " ".join(
                part
                for part in (
                    _("If you know where they are right now, call 999. Do not approach them."),
                    appeal.caution_note,
                )
                if part
            ),
            _("Tell us what you know at %(url)s or call 101 and quote %(reference)s.")
            % {"url": report_address, "reference": appeal.reference},
            _(
                "Or stay completely anonymous: call %(charity)s, an independent charity that is not the police, "
                "on %(phone)s."
            )
            % {"charity": settings.LOOKOUT_CHARITY_NAME, "phone": phone},
        ]
    return tuple(steps)


def share_content(appeal: PublicAppeal, request: HttpRequest) -> ShareContent:
    page_path = reverse("appeals:detail", args=[appeal.reference])
    report_path = reverse("reporting:appeal_start", args=[appeal.reference])
    report_url = request.build_absolute_uri(report_path)
    # The title already carries the name when it is released; the rest of the released details follow it.
    details = tuple((label, value) for label, value in appeal.details.items() if value != appeal.title)
    text = "\n\n".join(part for part in (appeal.description, appeal.offence_summary, appeal.vulnerability) if part)
    return ShareContent(
        reference=appeal.reference,
        is_missing=appeal.is_missing,
        brand=settings.LOOKOUT_FORCE_NAME,
        headline=headline(appeal),
        title=appeal.title,
        short_address=short_address(request.get_host(), page_path),
        page_url=request.build_absolute_uri(page_path),
        report_url=report_url,
        details=details,
        description=text,
        what_to_do=what_to_do(appeal, report_address=short_address(request.get_host(), report_path)),
        what_to_do_heading=_("What to do"),
        qr_caption=_("Scan to tell us"),
        reference_line=_("Reference %(reference)s · %(address)s")
        % {"reference": appeal.reference, "address": short_address(request.get_host(), page_path)},
        card_alt=card_alt(appeal, brand=settings.LOOKOUT_FORCE_NAME),
    )


def card_alt(appeal: PublicAppeal, *, brand: str) -> str:
    """What the share card shows, for people who cannot see it."""
    # Only placeholders: nothing here to translate (the headline is translated where it is made).
    return f"{brand}: {headline(appeal)}. {appeal.title}."
