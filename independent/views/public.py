"""The charity's public pages: appeals (from the police public API), the 999 first step, the anonymous form,
the receipt, and coming back with it to answer a question or collect a reward.

No page here sets a cookie: the forms carry a signed token and every post must come from our own origin
(reportkit.formtoken, docs/adr/0006-csrf-without-cookies.md). Nothing about the client reaches these views
(lookout.middleware.ForgetClientMiddleware runs first). The receipt is never put in a URL.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from reportkit.views import JourneyPages, ReceiptDoor, no_store, report_form_page, same_origin_post, where_now_page

from .. import services
from ..forms import AnonymousReportForm, AnswerForm, ClaimForm, ReceiptForm
from ..models import AnonymousReport
from ..police_api import Appeal, AppealList, appeal_withdrawn, police_appeals
from ..selectors import report_by_receipt, reward_of

ANSWER_KEPT = gettext_noop(
    "Thank you. We have kept your answer. We will pass on your answer, without anything about you."
)
public_post = same_origin_post("independent/public/refused.html")
PAGES = JourneyPages.in_folder("independent/public")
RECEIPT_DOOR = ReceiptDoor(form_class=ReceiptForm, template="independent/public/follow_up.html", find=report_by_receipt)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    listing = police_appeals()
    return render(
        request,
        "independent/public/home.html",
        {
            "listing": listing,
            "wanted": [a for a in listing.appeals if a.is_wanted],
            "missing": [a for a in listing.appeals if a.is_missing],
        },
    )


def _appeal(reference: str) -> tuple[Appeal | None, AppealList]:
    listing = police_appeals()
    return listing.find(reference), listing


def _not_reportable(request: HttpRequest, reference: str) -> HttpResponse | Appeal:
    appeal, listing = _appeal(reference)
    if appeal is None and appeal_withdrawn(reference):
        if request.method == "POST":
            return _ended_post(request, reference)
        # Ended (ADR 0030): no name, no details, no form for it; the general form still takes what they know.
        return no_store(render(request, "independent/public/ended.html", status=410))
    if appeal is None:
        return render(
            request, "independent/public/unknown_appeal.html", {"reference": reference, "listing": listing}, status=404
        )
    if appeal.is_missing:
        # Information about a missing person goes to the police directly (DESIGN.md).
        return render(request, "independent/public/missing.html", {"appeal": appeal})
    return appeal


def is_missing_reference(reference: str) -> bool:
    """A missing-person appeal's public reference starts with M- (appeals.references). The tombstone of an
    ended appeal keeps only the reference, so this is how the missing-person rule still holds after it."""
    return reference.strip().upper().startswith("M-")


def _ended_post(request: HttpRequest, reference: str) -> HttpResponse:
    """The appeal ended while its form was open: keep what they wrote as general information (no appeal
    link, no name), or, for a missing person, point to the police as before (ADR 0030)."""
    if is_missing_reference(reference):
        return no_store(render(request, "independent/public/missing_ended.html"))
    return _form(request, None, ended=True)


def _start(request: HttpRequest, appeal: Appeal | None) -> HttpResponse:
    form_url = reverse("independent:appeal_form", args=[appeal.reference]) if appeal else reverse("independent:form")
    context = {"appeal": appeal}
    return where_now_page(request, pages=PAGES, form_url=form_url, about_appeal=appeal is not None, context=context)


def _form(request: HttpRequest, appeal: Appeal | None, *, ended: bool = False) -> HttpResponse:
    def submit(form: AnonymousReportForm) -> services.Submitted:
        return services.report_submit(
            nonce=form.cleaned_data["form_token"],
            appeal=appeal,
            answers=form.question_answers(),
            crime_category=form.cleaned_data.get("crime_category", ""),
            urgent=form.cleaned_data["urgent"],
            files=form.cleaned_data["attachments"],
        )

    # An ended appeal's post carries the appeal form's fields: read them as that form, store them as general.
    # The appeal (None when it ended) names the start page that history keeps (ADR 0035).
    return report_form_page(
        request,
        pages=PAGES,
        form_class=AnonymousReportForm,
        general=appeal is None and not ended,
        submit=submit,
        context={"appeal": appeal},
        ended=ended,
    )


@require_safe
def appeal_start(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _not_reportable(request, reference)
    if isinstance(appeal, HttpResponse):
        return appeal
    return _start(request, appeal)


@require_http_methods(["GET", "HEAD", "POST"])
@public_post
def appeal_form(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _not_reportable(request, reference)
    if isinstance(appeal, HttpResponse):
        return appeal
    return _form(request, appeal)


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    return _start(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@public_post
def form(request: HttpRequest) -> HttpResponse:
    return _form(request, None)


def _report_page(
    request: HttpRequest, report: AnonymousReport, receipt: str, *, notice: str = "", **extra: object
) -> HttpResponse:
    follow_ups = list(report.follow_ups.all())
    # Every question keeps its form: a reporter may correct or add to an answer, and each answer is kept.
    answer_forms = {
        f.pk: AnswerForm(initial={"receipt": receipt, "follow_up": f.pk}, auto_id=f"id_answer_{f.pk}_%s")
        for f in follow_ups
    }
    context = {
        "report": report,
        "follow_ups": [(f, answer_forms.get(f.pk)) for f in follow_ups],
        "reward": reward_of(report),
        "claim_form": ClaimForm(initial={"receipt": receipt}),
        "notice": notice,
        **extra,
    }
    return no_store(render(request, "independent/public/follow_up_report.html", context))


def _show_report(request: HttpRequest, report: AnonymousReport, receipt: str) -> HttpResponse:
    return _report_page(request, report, receipt)


@require_http_methods(["GET", "HEAD", "POST"])
@public_post
def follow_up(request: HttpRequest) -> HttpResponse:
    return RECEIPT_DOOR.look_up(request, _show_report)


@require_POST
@public_post
@RECEIPT_DOOR.posted_report
def answer(request: HttpRequest, report: AnonymousReport, receipt: str) -> HttpResponse:
    form = AnswerForm(request.POST)
    if not form.is_valid():
        form.fresh_token()
        return _report_page(request, report, receipt, answer_error=form)
    follow_up = report.follow_ups.filter(pk=form.cleaned_data["follow_up"]).first()
    if follow_up is not None:
        services.follow_up_answer(
            follow_up=follow_up, nonce=form.cleaned_data["form_token"], answer=form.cleaned_data["answer"]
        )
    report = report_by_receipt(receipt).report or report
    return _report_page(request, report, receipt, notice=gettext(ANSWER_KEPT) if follow_up is not None else "")


@require_POST
@public_post
@RECEIPT_DOOR.posted_report
def claim(request: HttpRequest, report: AnonymousReport, receipt: str) -> HttpResponse:
    form = ClaimForm(request.POST)
    if not form.is_valid():
        return _report_page(request, report, receipt, notice=gettext("This page was open too long. Try again."))
    code = services.reward_claim(report=report, nonce=form.cleaned_data["form_token"])
    return _report_page(request, report, receipt, collection_code=code, claim_tried=True)
