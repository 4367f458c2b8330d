"""A reporter's contact details and the originals of their uploads are reachable only through the audited
reveals (reporting.services.contact_reveal, attachment_original_reveal): no other staff page, file or admin page
shows them to any role, the database holds them sealed, and each reveal writes an audit event with its reason."""

from typing import Any

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent
from reporting.models import Attachment, ContactDetails

from .test_roles_access_matrix import EXPECTED, POST_ONLY, _clients, _urls, build_world

pytestmark = pytest.mark.django_db

# In the matrix's world the reporter left these (fictional) details and a phone photo whose original carries
# camera metadata the cleaned copy lost.
SECRETS = (b"Fictional Reporter", b"TestCam")


@pytest.fixture
def world() -> dict[str, Any]:
    return build_world()


def _shows_secret(content: bytes) -> bool:
    return any(secret in content for secret in SECRETS)


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_no_page_but_the_reveals_shows_contact_details_or_originals(world: dict[str, Any]):
    clients = _clients(world)
    pages = [url for name in EXPECTED if name not in POST_ONLY for url in _urls(name, world).values()]
    admin_client = clients["administrator"]
    world["users"]["administrator"].is_staff = world["users"]["administrator"].is_superuser = True
    world["users"]["administrator"].save()
    for model in admin.site._registry:
        meta = model._meta
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        for obj in model._default_manager.all()[:20]:
            pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    shown = [(who, url) for who, client in clients.items() for url in pages if _shows_secret(_body(client.get(url)))]
    assert shown == []
    assert admin_client.get("/staff/admin/").status_code == 200


def test_the_database_holds_them_sealed(world: dict[str, Any]):
    report = world["report"]
    contact = ContactDetails.objects.get(report=report)
    assert not _shows_secret(bytes(contact.sealed))
    attachment = report.attachments.get()
    with attachment.original_sealed.open("rb") as sealed:
        assert not _shows_secret(sealed.read())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ContactDetails._meta.db_table}")  # noqa: S608 - our own table name
        assert not any(
            _shows_secret(bytes(v) if isinstance(v, bytes | memoryview) else str(v).encode())
            for row in cursor.fetchall()
            for v in row
        )
    assert Attachment.objects.filter(report=report).exists()


def test_the_audited_reveals_show_them_and_record_why(world: dict[str, Any]):
    report = world["report"]
    attachment = report.attachments.get()
    analyst = Client()
    analyst.force_login(world["users"]["analyst"])
    why = "Calling back about the sighting"
    shown = analyst.post(reverse("reporting_staff:contact", args=[report.pk]), {"justification": why})
    assert shown.status_code == 200 and b"Fictional Reporter" in shown.content
    original = analyst.post(
        reverse("reporting_staff:original", args=[report.pk, attachment.public_id]), {"justification": why}
    )
    assert original.status_code == 200 and b"TestCam" in original.content
    events = AuditEvent.objects.for_target(report).filter(
        action__in=["report.contact_revealed", "report.original_viewed"], justification=why
    )
    assert sorted(events.values_list("action", flat=True)) == ["report.contact_revealed", "report.original_viewed"]
    # Without a reason nothing is shown.
    refused = analyst.post(reverse("reporting_staff:contact", args=[report.pk]), {"justification": ""})
    assert refused.status_code == 400 and b"Fictional Reporter" not in refused.content
