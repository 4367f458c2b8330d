"""The staff page for imports: upload a file, see what each record became (or why it was skipped)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.decorators import acting_user, staff_required
from accounts.models import Unit
from appeals.permissions import can_create
from appeals.rules import RuleViolation

from .formats import FormatError
from .forms import ImportForm
from .services import appeals_import


@staff_required()
def import_upload(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not can_create(user):
        raise PermissionDenied("Only an appeal author can import appeals.")
    form = ImportForm(
        request.POST or None, request.FILES or None, default_unit=Unit.objects.filter(members__user=user).first()
    )
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = appeals_import(
                actor=user, source=data["source"], content=data["file"], unit=data["unit"], dry_run=data["dry_run"]
            )
        except FormatError as exc:
            form.add_error("file", str(exc))
        except RuleViolation as exc:
            form.add_error(None, exc.message)
    status = 400 if request.method == "POST" and report is None else 200
    return render(request, "imports/staff/upload.html", {"form": form, "report": report}, status=status)
