"""Each service's settings hold its own apps and keys only: the charity's base and test settings name no police
app or police key, and the police settings no charity key (both build on lookout.settings.common, not on each
other)."""

import importlib
from types import ModuleType

import pytest

POLICE_APPS = {"accounts", "appeals", "reporting", "intelligence", "api", "demo", "django.contrib.admin"}
CHARITY_APPS = {"independent"}
POLICE_KEYS = {
    "DEV_SECRET_KEY",
    "DEV_RECEIPT_KEY",
    "DEV_FORM_TOKEN_KEY",
    "DEV_CONTACT_PRIVATE_KEY",
    "LOOKOUT_CONTACT_PRIVATE_KEY",
    "LOOKOUT_REVIEW_GRACE_DAYS",
    "LOOKOUT_STAFF_BASE_URL",
    "REDIS_URL",
    "CSRF_TRUSTED_ORIGINS",
    "SILENCED_SYSTEM_CHECKS",
}
POLICE_PREFIXES = ("LOOKOUT_DESK_", "DEV_DESK_", "LOOKOUT_RETENTION_", "LOOKOUT_SHARE_")
CHARITY_KEYS = {"AUDIT_TIME_PRECISION", "LOOKOUT_POLICE_API_URL", "LOOKOUT_POLICE_PUBLIC_URL"}
# The charity's copy of the police appeals list and its rewards.
CHARITY_PREFIXES = ("INDEPENDENT_", "DEV_INDEPENDENT_", "LOOKOUT_APPEALS_", "LOOKOUT_REWARD_")


def keys(module: ModuleType) -> set[str]:
    return {name for name in dir(module) if name.isupper()}


def police_keys(module: ModuleType) -> set[str]:
    return {k for k in keys(module) if k in POLICE_KEYS or k.startswith(POLICE_PREFIXES)}


def charity_keys(module: ModuleType) -> set[str]:
    return {k for k in keys(module) if k in CHARITY_KEYS or k.startswith(CHARITY_PREFIXES)}


@pytest.mark.parametrize("name", ["independent", "independent_test"])
def test_the_charity_settings_name_no_police_app_or_key(name):
    module = importlib.import_module(f"lookout.settings.{name}")
    assert not POLICE_APPS & set(module.INSTALLED_APPS)
    assert police_keys(module) == set()
    assert module.ROOT_URLCONF == "independent.urls"


@pytest.mark.parametrize("name", ["base", "test"])
def test_the_police_settings_name_no_charity_app_or_key(name):
    module = importlib.import_module(f"lookout.settings.{name}")
    assert not CHARITY_APPS & set(module.INSTALLED_APPS)
    assert charity_keys(module) == set()
    assert module.ROOT_URLCONF == "lookout.urls"


def test_what_both_share_names_neither_service():
    common = importlib.import_module("lookout.settings.common")
    assert police_keys(common) == set()
    assert charity_keys(common) == set()
    assert not (POLICE_APPS | CHARITY_APPS) & set(common.FRAMEWORK_APPS)


def test_the_lists_above_are_the_services_own_keys():
    """The test can fail: each service does set the keys the other must not have."""
    assert police_keys(importlib.import_module("lookout.settings.base")) >= POLICE_KEYS
    assert charity_keys(importlib.import_module("lookout.settings.independent")) >= CHARITY_KEYS


@pytest.mark.parametrize("name", ["base", "independent"])
def test_both_services_scrub_addresses_from_every_log_line(name):
    logging = importlib.import_module(f"lookout.settings.{name}").LOGGING
    assert logging["formatters"]["plain"]["class"] == "lookout.logscrub.AddresslessFormatter"
    assert logging["handlers"]["console"]["filters"] == ["no_client_error_traceback"]
