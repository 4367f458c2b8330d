"""The charity answers /healthz as the police service does (lookout.health)."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "tasks": "ok"}
    assert "no-store" in response["Cache-Control"]
