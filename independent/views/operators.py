"""The operator console (/operators/): the charity's staff review each anonymous report, edit a sanitised
version, grade it and forward it (or hold it, with a reason); take phone reports in the same form; relay
follow-up answers; offer and pay rewards. Every action is audited (the services write the audit events)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from audit.models import AuditEvent
from reportkit.questions import Acquaintance, InAreaAnswer

from .. import services
from ..forms import HoldForm, PayForm, PhoneReportForm, RewardOfferForm, SanitiseAnswerForm, SanitiseForm
from ..models import AnonymousReport, CleanFile, FollowUpAnswer
from ..police_api import police_appeals
from ..reveal import file_reveal, report_reveal
from ..sanitise import suggest_sanitised
from ..selectors import answers_waiting, console_report, console_reports, reward_of, rewards_open


def operator_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not services.is_operator(request.user):
            raise PermissionDenied("Only the charity's operators may use the console.")
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def _operator(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - operator_required let only signed-in users through
    return user


def _report(pk: int) -> AnonymousReport:
    report = console_report(pk)
    if report is None:
        raise Http404
    return report


# How the detail page labels the reporter's own answers (free text as written, choices by their label).
_RAW_LABELS = {
    "details": "Details",
    "acquaintance": "How they know them",
    "last_seen_when": "Last seen (when)",
    "last_seen_where": "Last seen (where)",
    "in_your_area": "In the reporter's area",
    "vehicle_make": "Vehicle make",
    "vehicle_model": "Vehicle model",
    "vehicle_colour": "Vehicle colour",
    "vehicle_registration": "Vehicle registration",
    "places": "Places",
    "companions": "Companions",
}
_CHOICES = {"acquaintance": dict(Acquaintance.choices), "in_your_area": dict(InAreaAnswer.choices)}


def _raw_rows(answers: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (label, str(_CHOICES.get(name, {}).get(answers[name], answers[name])))
        for name, label in _RAW_LABELS.items()
        if answers.get(name)
    ]


@operator_required
@require_safe
def report_list(request: HttpRequest) -> HttpResponse:
    context = {
        "reports": console_reports()[:200],
        "answers_waiting": answers_waiting(),
        "rewards": rewards_open(),
    }
    return render(request, "independent/operators/list.html", context)


def _detail(request: HttpRequest, report: AnonymousReport, status: int = 200, **extra: Any) -> HttpResponse:
    files = list(report.files.all())
    raw = report_reveal(report=report, actor=_operator(request), page=request.path)
    suggested, findings = suggest_sanitised(raw.answers)
    initial = {
        **(report.sanitised or suggested),
        "urgency": report.urgency or ("urgent" if report.reporter_urgent else "routine"),
    }
    initial["forward_files"] = [str(f.pk) for f in files if f.forward]
    follow_ups = [
        (
            f,
            [
                (
                    a,
                    raw.follow_up_answers.get(a.pk, ""),
                    None
                    if a.is_sent
                    else SanitiseAnswerForm(
                        initial={"sanitised_answer": raw.follow_up_answers.get(a.pk, "")}, prefix=f"fu{a.pk}"
                    ),
                )
                for a in f.answers.all()
            ],
        )
        for f in report.follow_ups.all()
    ]
    context = {
        "report": report,
        "raw_rows": _raw_rows(raw.answers),
        "raw_erased": raw.erased,
        "files": files,
        "findings": findings if report.sanitised is None else [],
        "sanitise_form": SanitiseForm(initial=initial, file_choices=_file_choices(files)),
        "hold_form": HoldForm(),
        "follow_ups": follow_ups,
        "reward": reward_of(report),
        "reward_eligible": services.reward_eligible(report),
        "reward_form": RewardOfferForm(),
        "audit": AuditEvent.objects.for_target(report).order_by("id"),
        **extra,
    }
    return render(request, "independent/operators/detail.html", context, status=status)


def _file_choices(files: list[CleanFile]) -> list[tuple[str, str]]:
    return [(str(f.pk), f"File {n} ({'photo' if f.kind == 'image' else 'text'})") for n, f in enumerate(files, 1)]


@operator_required
@require_safe
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _report(pk))


@operator_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = SanitiseForm(request.POST, file_choices=_file_choices(list(report.files.all())))
    if not form.is_valid():
        return _detail(request, report, status=400, sanitise_form=form)
    kwargs = {
        "report": report,
        "actor": _operator(request),
        "sanitised": form.sanitised(),
        "urgency": form.cleaned_data["urgency"],
        "forward_files": [int(x) for x in form.cleaned_data["forward_files"]],
    }
    if form.cleaned_data["action"] == "forward":
        services.report_forward(**kwargs)
        messages.success(request, f"Forwarded to the police as {report.reference}.")
        return redirect("operators:list")
    services.report_review_save(**kwargs)
    messages.success(request, "Sanitised version saved. It has not been forwarded.")
    return redirect("operators:detail", report.pk)


@operator_required
@require_POST
def report_hold(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = HoldForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, status=400, hold_form=form)
    services.report_hold(report=report, actor=_operator(request), reason=form.cleaned_data["reason"])
    messages.success(request, "Report held.")
    return redirect("operators:detail", report.pk)


@operator_required
@require_POST
def follow_up_send(request: HttpRequest, pk: int, answer_pk: int) -> HttpResponse:
    report = _report(pk)
    answer = get_object_or_404(FollowUpAnswer, pk=answer_pk, follow_up__report=report)
    form = SanitiseAnswerForm(request.POST, prefix=f"fu{answer.pk}")
    if not form.is_valid() or answer.is_sent:
        return _detail(request, report, status=400)
    services.follow_up_send(
        answer=answer, actor=_operator(request), sanitised_answer=form.cleaned_data["sanitised_answer"]
    )
    messages.success(request, "Sanitised answer sent to the police.")
    return redirect("operators:detail", report.pk)


@operator_required
@require_POST
def reward_offer(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = RewardOfferForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, status=400, reward_form=form)
    try:
        services.reward_offer(report=report, actor=_operator(request), **form.cleaned_data)
    except ValueError as exc:
        form.add_error(None, str(exc))
        return _detail(request, report, status=400, reward_form=form)
    messages.success(request, "Reward offered. The reporter sees it when they come back with their receipt.")
    return redirect("operators:detail", report.pk)


@operator_required
@require_http_methods(["GET", "HEAD", "POST"])
def reward_pay(request: HttpRequest) -> HttpResponse:
    form = PayForm(request.POST or None)
    paid = None
    if form.is_bound and form.is_valid():
        paid = services.reward_pay(actor=_operator(request), code=form.cleaned_data["code"])
        if paid is None:
            form.add_error("code", "That code does not match a reward waiting to be paid")
    return render(request, "independent/operators/pay.html", {"form": form, "paid": paid})


@operator_required
@require_http_methods(["GET", "HEAD", "POST"])
def phone_report(request: HttpRequest) -> HttpResponse:
    """The caller's report, typed by the operator in the same guided form; the receipt is read back to them."""
    if request.method == "POST":
        form = PhoneReportForm(request.POST)
        if form.is_valid():
            appeal = None
            reference = form.cleaned_data["appeal_reference"].strip().upper()
            if reference:
                appeal = police_appeals().find(reference)
                if appeal is None:
                    form.add_error("appeal_reference", "That is not a current appeal. Check it with the caller")
                elif appeal.is_missing:
                    form.add_error("appeal_reference", "A missing person: give the caller the police number instead")
            if not form.errors:
                submitted = services.report_submit(
                    nonce=form.cleaned_data["form_token"],
                    appeal=appeal,
                    answers=form.question_answers(),
                    crime_category="" if appeal else form.cleaned_data.get("crime_category", ""),
                    urgent=form.cleaned_data["caller_urgent"],
                    channel="phone",
                    taken_by=_operator(request),
                )
                return render(request, "independent/operators/phone_thanks.html", {"submitted": submitted})
        form.fresh_token()
    else:
        form = PhoneReportForm()
    return render(request, "independent/operators/phone.html", {"form": form})


@operator_required
@require_safe
def file_view(request: HttpRequest, pk: int, public_id: str) -> HttpResponseBase:
    record = get_object_or_404(CleanFile, report_id=pk, public_id=public_id)
    response = HttpResponse(file_reveal(record=record, actor=_operator(request)), content_type=record.content_type)
    if record.kind != "image":
        response["Content-Disposition"] = f'attachment; filename="report-{pk}-{record.public_id}.txt"'
    return response
