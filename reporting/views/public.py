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

from appeals.references import normalise_reference
from reportkit.views import same_origin_post

from .. import services
from ..forms import FollowUpLookupForm, FollowUpReplyForm, ReportForm, WhereNowForm
from ..models import InformationReport
from ..selectors import ReportableAppeal, appeal_report_ended, report_by_receipt, reportable_appeal

WRONG_RECEIPT = "We could not find information with that receipt code. Check the code and try again"
public_post = same_origin_post("reporting/public/refused.html")
THROTTLED = "Too many wrong receipt codes have been tried in the last minute. Wait a minute and try again."


def _no_store(response: HttpResponse) -> HttpResponse:
    # These pages show a receipt code or a reporter's own words: no browser or proxy may keep a copy.
    response["Cache-Control"] = "no-store, max-age=0"
    return response


def _target(request: HttpRequest, reference: str, view_name: str) -> ReportableAppeal | HttpResponseBase:
    """The published appeal, or the same answer the appeal page gives (redirect, 410 or 404)."""
    canonical = normalise_reference(reference)
    if canonical != reference:
        return redirect(view_name, canonical, permanent=False)
    target = reportable_appeal(canonical)
    if target is None:
        if appeal_report_ended(canonical):
            return render(request, "appeals/public/ended.html", status=410)
        raise Http404
    return target


def _where_now_label(target: ReportableAppeal | None) -> str:
    if target is None:
        return "Is someone in danger, or is a crime happening right now?"
    return "Do you know where this person is right now?"


def _start(request: HttpRequest, target: ReportableAppeal | None) -> HttpResponse:
    form = WhereNowForm(request.GET or None, label=_where_now_label(target))
    form_url = reverse("reporting:appeal_form", args=[target.public.reference]) if target else reverse("reporting:form")
    context = {"form": form, "target": target, "form_url": form_url}
    if form.is_bound and form.is_valid():
        if form.cleaned_data["now"] == "yes":
            return render(request, "reporting/public/urgent.html", {**context, "form_url": form_url + "?urgent=1"})
        return redirect(form_url)
    return render(request, "reporting/public/start.html", context)


def _form(request: HttpRequest, target: ReportableAppeal | None, *, ended_reference: str = "") -> HttpResponse:
    # An ended appeal's post carries the appeal form's fields: read them as that form, store them unlinked.
    general = target is None and not ended_reference
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES, general=general)
        if form.is_valid():
            submitted = services.report_submit(
                token=form.cleaned_data["token"],
                appeal=target.appeal if target else None,
                answers=form.question_answers(),
                crime_category=form.cleaned_data.get("crime_category", ""),
                urgent=form.cleaned_data["urgent"],
                contact=form.contact(),
                files=form.cleaned_data["attachments"],
                ended_appeal=ended_reference,
            )
            context = {"submitted": submitted, "target": target, "ended": bool(ended_reference)}
            return _no_store(render(request, "reporting/public/thanks.html", context))
        form.note_lost_files(bool(request.FILES))
        form.fresh_token()
    else:
        form = ReportForm(initial={"urgent": request.GET.get("urgent") == "1"}, general=general)
    urgent = form["urgent"].value() in {True, "True", "true", "on", "1"}
    return _no_store(render(request, "reporting/public/form.html", {"form": form, "target": target, "urgent": urgent}))


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
    return _no_store(render(request, "reporting/public/follow_up_report.html", context))


def _lookup_page(request: HttpRequest, form: FollowUpLookupForm, status: int = 200) -> HttpResponse:
    return _no_store(render(request, "reporting/public/follow_up.html", {"form": form}, status=status))


@public_post
def follow_up(request: HttpRequest) -> HttpResponse:
    if request.method not in {"GET", "HEAD", "POST"}:
        return HttpResponse(status=405)
    if request.method != "POST":
        return _lookup_page(request, FollowUpLookupForm())
    form = FollowUpLookupForm(request.POST)
    if not form.is_valid():
        return _lookup_page(request, form)
    lookup = report_by_receipt(form.cleaned_data["receipt"])
    if lookup.throttled:
        form.add_error("receipt", THROTTLED)
        return _lookup_page(request, form, status=429)
    if lookup.report is None:
        form.add_error("receipt", WRONG_RECEIPT)
        return _lookup_page(request, form)
    reply = FollowUpReplyForm(initial={"receipt": form.cleaned_data["receipt"]})
    return _report_page(request, lookup.report, reply)


@public_post
@require_POST
def follow_up_reply(request: HttpRequest) -> HttpResponse:
    lookup = report_by_receipt(request.POST.get("receipt", "")[:60])
    if lookup.report is None:
        lookup_form = FollowUpLookupForm({"receipt": request.POST.get("receipt", "")[:60]})
        lookup_form.is_valid()
        lookup_form.add_error("receipt", THROTTLED if lookup.throttled else WRONG_RECEIPT)
        return _lookup_page(request, lookup_form, status=429 if lookup.throttled else 200)
    form = FollowUpReplyForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_reply_add(
                report=lookup.report,
                token=form.cleaned_data["token"],
                body=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"],
            )
        except services.TokenAlreadyUsed as exc:
            form.add_error("token", str(exc))
        else:
            fresh = FollowUpReplyForm(initial={"receipt": form.cleaned_data["receipt"]})
            report = report_by_receipt(form.cleaned_data["receipt"]).report or lookup.report
            return _report_page(request, report, fresh, added=True)
    form.note_lost_files(bool(request.FILES))
    form.fresh_token()
    return _report_page(request, lookup.report, form)
