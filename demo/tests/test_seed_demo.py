"""The demo loads every role and every state of an appeal from demo.data, once."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from accounts.roles import Role
from appeals.models import Appeal, AppealStatus
from demo.data import APPEALS, DEMO_PASSWORD, STAFF
from reporting.models import InformationReport

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_every_role_and_every_state_once():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Loaded fictional demo data." in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue()
    assert {role for *_, roles in STAFF for role in roles} == set(Role)
    assert User.objects.filter(username__in=[s[0] for s in STAFF]).count() == len(STAFF)
    assert Appeal.objects.count() == len(APPEALS)
    assert set(Appeal.objects.values_list("status", flat=True)) == set(AppealStatus.values)
    assert Appeal.objects.filter(review_flagged_at__isnull=False).count() == 1  # the review that fell due
    assert Appeal.objects.public().count() == sum(d.status == AppealStatus.PUBLISHED for d in APPEALS)
    assert InformationReport.objects.filter(urgent=True, appeal__subject_name="Darren Kellow").exists()

    again = io.StringIO()
    call_command("seed_demo", "--quiet-logins", stdout=again)
    assert "already loaded" in again.getvalue() and DEMO_PASSWORD not in again.getvalue()
    assert Appeal.objects.count() == len(APPEALS)
