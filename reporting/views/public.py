"""Public pages: the first question (the 999 path), the report form, the receipt, and the follow-up.

No page here sets a cookie: the forms carry a signed token and every post must come from our own origin
(reportkit.formtoken, docs/adr/0006-csrf-without-cookies.md), as on the independent service. Nothing about
the client reaches these views (lookout.middleware.ForgetClientMiddleware). The receipt is never put in a URL.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from appeals.public_cache import public_version
from appeals.references import normalise_reference
from reportkit.views import JourneyPages, ReceiptDoor, no_store, report_form_page, same_origin_post, where_now_page

from .. import services
from ..forms import FollowUpLookupForm, FollowUpReplyForm, ReportForm
from ..models import InformationReport
from ..selectors import ReportableAppeal, appeal_report_ended, report_by_receipt, reportable_appeal

public_post = same_origin_post("reporting/public/refused.html")
PAGES = JourneyPages.in_folder("reporting/public")
RECEIPT_DOOR = ReceiptDoor(
    form_class=FollowUpLookupForm, template="reporting/public/follow_up.html", find=report_by_receipt
)


def _target(request: HttpRequest, reference: str, view_name: str) -> ReportableAppeal | HttpResponseBase:
    """The published appeal, or the same answer the appeal page gives (redirect, 410 or 404)."""
    canonical = normalise_reference(reference)
    if canonical != reference:
        return redirect(view_name, canonical, permanent=False)
    target = reportable_appeal(canonical)
    if target is None:
        if appeal_report_ended(canonical):
            return no_store(render(request, "appeals/public/ended.html", status=410))
        raise Http404
    return target


def _start(request: HttpRequest, target: ReportableAppeal | None) -> HttpResponse:
    form_url = reverse("reporting:appeal_form", args=[target.public.reference]) if target else reverse("reporting:form")
    context = {"target": target}
    return where_now_page(request, pages=PAGES, form_url=form_url, about_appeal=target is not None, context=context)


def _form(request: HttpRequest, target: ReportableAppeal | None, *, ended_reference: str = "") -> HttpResponse:
    def submit(form: ReportForm) -> services.Submitted:
        return services.report_submit(
            token=form.cleaned_data["token"],
            appeal=target.appeal if target else None,
            answers=form.question_answers(),
            crime_category=form.cleaned_data.get("crime_category", ""),
            urgent=form.cleaned_data["urgent"],
            contact=form.contact(),
            files=form.cleaned_data["attachments"],
            ended_appeal=ended_reference,
        )

    # An ended appeal's post carries the appeal form's fields: read them as that form, store them unlinked.
    general = target is None and not ended_reference
    return report_form_page(
        request,
        pages=PAGES,
        form_class=ReportForm,
        general=general,
        submit=submit,
        context={"target": target},
        ended=bool(ended_reference),
        # The blank form and the receipt page are the same for everyone until an appeal changes (reportkit.shells).
        shell_key=f"reporting:shell:{public_version()}:{target.public.reference if target else '-'}",
        new_token=ReportForm.blank_token,
    )


@require_safe
def appeal_report_start(request: HttpRequest, reference: str) -> HttpResponseBase:
    target = _target(request, reference, "reporting:appeal_start")
    if not isinstance(target, ReportableAppeal):
        return target
    return _start(request, target)


@public_post
def appeal_report_form(request: HttpRequest, reference: str) -> HttpResponseBase:
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405)
    found = reportable_appeal(reference) if normalise_reference(reference) == reference else None
    if found is not None:  # the common case, from the cache: one look-up per form shown or posted
        return _form(request, found)
    if request.method == "POST" and appeal_report_ended(reference):
        # Closed while the form was open: what they wrote is still kept (without the appeal, without its name).
        return _form(request, None, ended_reference=reference)
    target = _target(request, reference, "reporting:appeal_form")
    if not isinstance(target, ReportableAppeal):
        return target
    return _form(request, target)


@require_safe
def report_start(request: HttpRequest) -> HttpResponse:
    return _start(request, None)


@public_post
def report_form(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405)
    return _form(request, None)


def _report_page(
    request: HttpRequest, report: InformationReport, form: FollowUpReplyForm, *, added: bool = False
) -> HttpResponse:
    context = {"report": report, "form": form, "added": added, "messages_thread": list(report.messages.all())}
    return no_store(render(request, "reporting/public/follow_up_report.html", context))


def _show_report(request: HttpRequest, report: InformationReport, receipt: str) -> HttpResponse:
    return _report_page(request, report, FollowUpReplyForm(initial={"receipt": receipt}))


@public_post
def follow_up(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405)
    return RECEIPT_DOOR.look_up(request, _show_report)


@public_post
@require_POST
@RECEIPT_DOOR.posted_report
def follow_up_reply(request: HttpRequest, report: InformationReport, receipt: str) -> HttpResponse:
    form = FollowUpReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_reply_add(
                report=report,
                token=form.cleaned_data["token"],
                body=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"],
            )
        except services.TokenAlreadyUsed as exc:
            form.add_error("token", str(exc))
        else:
            fresh = FollowUpReplyForm(initial={"receipt": form.cleaned_data["receipt"]})
            report = report_by_receipt(form.cleaned_data["receipt"]).report or report
            return _report_page(request, report, fresh, added=True)
    form.note_lost_files(bool(request.FILES))
    form.fresh_token()
    return _report_page(request, report, form)
