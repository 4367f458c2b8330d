"""Back-office pages for an appeal's life: draft, images, assessment, submit, decide, renew, close, audit.

Each view validates with a form and calls one service; rule violations come back as messages on the page.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from accounts.decorators import acting_user, staff_required
from audit.models import AuditEvent
from reportkit.images import ImageRejected

from .. import permissions, services
from ..forms import AppealForm, AssessmentForm, CloseForm, DecisionForm, ImageUploadForm, RenewForm
from ..models import Appeal, AppealKind, PublicityAssessment
from ..permissions import Need
from ..rules import RuleViolation, needs_senior_authority


def _appeal_for(request: HttpRequest, reference: str, need: Need = Need.VIEW) -> Appeal:
    return permissions.appeal_for(acting_user(request), reference, need=need)


def _form_done(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[dict[str, Any]], object],
    done: str | Callable[[dict[str, Any]], str],
) -> bool:
    """A posted, valid form runs its service: True (with the success message) when the service accepts it;
    a broken rule becomes an error at the top of the form."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except RuleViolation as exc:
        form.add_error(None, exc.message)
        return False
    messages.success(request, done if isinstance(done, str) else done(form.cleaned_data))
    return True


def _button_done(request: HttpRequest, call: Callable[[], object], done: str) -> None:
    """A button with no form runs its service: a broken rule is shown as an error message."""
    try:
        call()
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)


class KindForm(forms.Form):
    kind = forms.ChoiceField(
        label="Who is the appeal for?",
        choices=[
            (AppealKind.WANTED, "A wanted person"),
            (AppealKind.MISSING, "A missing person"),
        ],
        widget=forms.RadioSelect,
    )


@staff_required()
def appeal_new(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create(acting_user(request)):
        raise PermissionDenied("Only an appeal author can draft an appeal.")
    kind_form = KindForm(request.GET or None)
    if not kind_form.is_bound or not kind_form.is_valid():
        return render(request, "appeals/staff/new_kind.html", {"form": kind_form})
    kind = kind_form.cleaned_data["kind"]
    form = AppealForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        appeal = services.appeal_create(author=acting_user(request), kind=kind, data=form.cleaned_data)
        messages.success(request, f"Draft {appeal.reference} saved. Next, add images and the publicity assessment.")
        return redirect("appeals_staff:detail", appeal.reference)
    return render(request, "appeals/staff/edit.html", {"form": form, "kind": kind, "appeal": None})


@staff_required()
@require_safe
def appeal_detail(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference)
    assessment = PublicityAssessment.objects.filter(appeal=appeal).first()
    user = acting_user(request)
    images = [i for i in appeal.images.all() if permissions.can_view_image(user, appeal, i)]
    context = {
        "appeal": appeal,
        "assessment": assessment,
        "images": images,
        "released_images": set(assessment.released_images.values_list("pk", flat=True)) if assessment else set(),
        "needs_senior": needs_senior_authority(appeal, assessment) if assessment else False,
        "authorisations": appeal.authorisations.select_related("officer"),
        "can_edit": permissions.can_edit(user, appeal),
        "can_decide": permissions.can_decide(user, appeal),
        "can_renew": permissions.can_renew(user, appeal),
        "can_close": permissions.can_close(user, appeal),
    }
    return render(request, "appeals/staff/detail.html", context)


@staff_required()
def appeal_edit(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.EDIT)
    form = AppealForm(request.POST or None, instance=appeal, kind=appeal.kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        _button_done(
            request,
            lambda: services.appeal_update(appeal=appeal, actor=acting_user(request), data=data),
            "Changes saved.",
        )
        return redirect("appeals_staff:detail", appeal.reference)
    if request.method == "POST":
        # The ModelForm has already applied the invalid values to the instance; reload before re-rendering.
        appeal.refresh_from_db()
    return render(request, "appeals/staff/edit.html", {"form": form, "kind": appeal.kind, "appeal": appeal})


@staff_required()
def appeal_images(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.EDIT)
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            services.appeal_image_add(
                appeal=appeal,
                actor=acting_user(request),
                upload=upload,
                size=upload.size,
                kind=form.cleaned_data["kind"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ImageRejected as exc:
            form.add_error("image", str(exc))
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Image added. Its metadata (camera, location, dates) was removed.")
            return redirect("appeals_staff:images", appeal.reference)
    return render(request, "appeals/staff/images.html", {"appeal": appeal, "form": form, "images": appeal.images.all()})


@staff_required()
@require_POST
def appeal_image_remove(request: HttpRequest, reference: str, public_id: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.EDIT)
    image = get_object_or_404(appeal.images, public_id=public_id)
    _button_done(
        request, lambda: services.appeal_image_remove(image=image, actor=acting_user(request)), "Image removed."
    )
    return redirect("appeals_staff:images", appeal.reference)


@staff_required()
@require_safe
def staff_image(request: HttpRequest, reference: str, public_id: str, size: str) -> HttpResponseBase:
    appeal = _appeal_for(request, reference)
    image = get_object_or_404(appeal.images, public_id=public_id)
    if size not in {"thumb", "full"} or not permissions.can_view_image(acting_user(request), appeal, image):
        raise Http404
    stored = image.thumbnail if size == "thumb" else image.image
    return FileResponse(stored.open("rb"), content_type="image/jpeg")


@staff_required()
def appeal_assessment(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.EDIT)
    existing = PublicityAssessment.objects.filter(appeal=appeal).first()
    form = AssessmentForm(request.POST or None, instance=existing, appeal=appeal)
    saved = _form_done(
        request,
        form,
        lambda data: services.assessment_save(
            appeal=appeal,
            actor=acting_user(request),
            threat_risk_harm=data["threat_risk_harm"],
            missing_risk_grade=data.get("missing_risk_grade", ""),
            necessity=data["necessity"],
            less_intrusive_means=data["less_intrusive_means"],
            released_fields=data["released_fields"],
            released_images=list(data["released_images"]),
            review_interval_days=data["review_interval_days"],
        ),
        "Publicity assessment saved.",
    )
    if saved:
        return redirect("appeals_staff:detail", appeal.reference)
    return render(request, "appeals/staff/assessment.html", {"appeal": appeal, "form": form})


@staff_required()
@require_POST
def appeal_submit(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.EDIT)
    _button_done(
        request,
        lambda: services.appeal_submit(appeal=appeal, actor=acting_user(request)),
        "Sent for authorisation. An authorising officer will decide.",
    )
    return redirect("appeals_staff:detail", appeal.reference)


@staff_required()
def appeal_decide(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.DECIDE)
    form = DecisionForm(request.POST or None)
    decided = _form_done(
        request,
        form,
        lambda data: (services.appeal_authorise if data["decision"] == "approve" else services.appeal_refuse)(
            appeal=appeal, officer=acting_user(request), reason=data["reason"]
        ),
        lambda data: (
            f"Approved. {appeal.reference} is now published."
            if data["decision"] == "approve"
            else "Refused. The appeal has gone back to its author with your reasons."
        ),
    )
    if decided:
        return redirect("appeals_staff:detail", appeal.reference)
    assessment = PublicityAssessment.objects.filter(appeal=appeal).first()
    context = {"appeal": appeal, "form": form, "assessment": assessment}
    return render(request, "appeals/staff/decide.html", context)


@staff_required()
def appeal_renew(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.RENEW)
    form = RenewForm(request.POST or None)
    renewed = _form_done(
        request,
        form,
        lambda data: services.appeal_renew(appeal=appeal, officer=acting_user(request), reason=data["reason"]),
        "Renewed. The next review date is set.",
    )
    if renewed:
        return redirect("appeals_staff:detail", appeal.reference)
    return render(request, "appeals/staff/renew.html", {"appeal": appeal, "form": form})


@staff_required()
def appeal_close(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference, Need.CLOSE)
    form = CloseForm(request.POST or None)
    closed = _form_done(
        request,
        form,
        lambda data: services.appeal_close(
            appeal=appeal, actor=acting_user(request), outcome=data["outcome"], note=data["note"]
        ),
        "Closed. The appeal has been taken down from every public page.",
    )
    if closed:
        return redirect("appeals_staff:detail", appeal.reference)
    return render(request, "appeals/staff/close.html", {"appeal": appeal, "form": form})


@staff_required()
@require_safe
def appeal_audit(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = _appeal_for(request, reference)
    events = AuditEvent.objects.for_target(appeal).select_related("actor").order_by("-id")
    return render(request, "appeals/staff/audit.html", {"appeal": appeal, "events": events})
