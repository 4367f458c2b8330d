"""CAP 1.2 for public alerting systems: one message per qualifying appeal and an Atom index (distribution.cap)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from appeals.models import Appeal

from .. import cap


@require_safe
def cap_index(request: HttpRequest) -> HttpResponse:
    body = cap.index_atom(cap.index_messages(), self_url=request.build_absolute_uri())
    response = HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def cap_message(request: HttpRequest, reference: str) -> HttpResponse:
    appeal = Appeal.objects.select_related("assessment").filter(reference=reference).first()
    message = cap.message_for(appeal) if appeal is not None else None
    if message is None:
        raise Http404("No alert for this appeal.")
    response = HttpResponse(message.xml, content_type=cap.CAP_CONTENT_TYPE)
    response["Cache-Control"] = "public, max-age=60"
    return response
