"""The access matrix (issue 9, ADR 0033): every staff page of the police service (walked from the URL resolver)
and every API operation (walked from the OpenAPI schema), for appeals in each state, x every role, a user with no
role, an officer who shaped the appeal and anonymous, x GET and POST -> allowed or refused, against the table
written below. A new URL or operation without an entry fails the test.

Refused means 401, 403, 404, 405, 410 or a redirect to sign in (?next=); anything else (200, 400, a redirect
elsewhere) means the request got past every check. A page answers only the methods it takes (GET_ONLY,
POST_ONLY: 405 to everyone for the other). Each request runs in a savepoint that is rolled back, and the
client's cookies are put back after it, so a POST that changes something (or signs out) does not change the next
cell's world.
"""

import copy
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.roles import Role
from accounts.tests.factories import make_staff
from api.urls import api
from appeals import services as appeal_services
from appeals.tests.factories import add_image, assess, draft, senior
from distribution.services import manual_copy_record
from intelligence.enrichment.pipeline import report_enrich
from intelligence.tests.factories import disseminate, fugitive_team, unit_officer
from reporting.models import InformationReport
from reporting.tests.factories import clean_photo, submit

pytestmark = pytest.mark.django_db

STAFF_NAMESPACES = {
    "staff",
    "appeals_staff",
    "reporting_staff",
    "intelligence_staff",
    "distribution_staff",
    "imports_staff",
}
STATES = ("draft", "refused", "awaiting", "published", "closed")
USERS = (
    "anonymous",
    "no_role",
    "author",  # wrote every appeal below
    "author2",  # another appeal author
    "authoriser",
    "senior",  # senior authorising officer; approved the published and closed appeals
    "shaper",  # author and authoriser who rewrote the refused appeal now awaiting authorisation
    "analyst",
    "unit_officer",  # of the unit the action was sent to
    "administrator",
    "auditor",
)
EVERYONE = frozenset(USERS)
STAFF = EVERYONE - {"anonymous", "no_role"}
NOBODY: frozenset[str] = frozenset()
DESK = frozenset({"analyst", "administrator"})
AUTHORS = frozenset({"author", "author2", "shaper"})
WORKERS = AUTHORS | {"authoriser", "senior", "administrator"}


def only(*users: str) -> frozenset[str]:
    return frozenset(users)


def per_state(draft: frozenset[str], refused: frozenset[str], awaiting: frozenset[str], published, closed):
    return dict(zip(STATES, (draft, refused, awaiting, published, closed), strict=True))


# Who may see an appeal at all (appeals.permissions.can_view), by state.
SEE = per_state(only("author", "administrator"), WORKERS, WORKERS, STAFF, STAFF)
EDIT = per_state(only("author"), AUTHORS, NOBODY, NOBODY, NOBODY)

# url name -> who is allowed, the same for GET and POST; per appeal state for the pages of one appeal.
EXPECTED: dict[str, Any] = {
    "staff:home": STAFF,
    "staff:login": EVERYONE,
    "staff:logout": EVERYONE,
    "staff:two_factor": EVERYONE - {"anonymous"},
    "appeals_staff:new": AUTHORS,
    "imports_staff:upload": AUTHORS,  # appeals.permissions.can_create, as drafting one
    "appeals_staff:detail": SEE,
    "appeals_staff:audit": SEE,
    "appeals_staff:image": SEE,  # a released image: the same as the appeal
    "appeals_staff:edit": EDIT,
    "appeals_staff:images": EDIT,
    "appeals_staff:image_remove": EDIT,
    "appeals_staff:assessment": EDIT,
    "appeals_staff:submit": EDIT,
    "appeals_staff:decide": per_state(NOBODY, NOBODY, only("authoriser", "senior"), NOBODY, NOBODY),
    "appeals_staff:renew": per_state(NOBODY, NOBODY, NOBODY, only("authoriser", "senior", "shaper"), NOBODY),
    "appeals_staff:close": per_state(
        only("author", "administrator"),
        only("author", "authoriser", "senior", "shaper", "administrator"),
        only("author", "authoriser", "senior", "shaper", "administrator"),
        STAFF - {"auditor"},
        NOBODY,
    ),
    "intelligence_staff:share": per_state(
        only("administrator"),
        only("authoriser", "senior", "shaper", "administrator"),
        only("authoriser", "senior", "shaper", "administrator"),
        only("analyst", "authoriser", "senior", "shaper", "administrator"),
        only("analyst", "authoriser", "senior", "shaper", "administrator"),
    ),
    "intelligence_staff:appeal_numbers": per_state(
        only("administrator"),
        only("administrator"),
        only("administrator"),
        only("analyst", "administrator", "auditor"),
        only("analyst", "administrator", "auditor"),
    ),
    "reporting_staff:list": DESK,
    "reporting_staff:detail": DESK,
    "reporting_staff:question": DESK,
    "reporting_staff:status": DESK,
    "reporting_staff:outcome": DESK,
    "reporting_staff:contact": DESK,
    "reporting_staff:file": DESK,
    "reporting_staff:original": DESK,
    "intelligence_staff:inbox": DESK,
    "intelligence_staff:record": DESK,
    "intelligence_staff:report": DESK,
    "intelligence_staff:grade": DESK,
    "intelligence_staff:disseminate": DESK,
    "intelligence_staff:link_decide": DESK,
    "intelligence_staff:split": DESK,
    "intelligence_staff:reissue": DESK,
    "intelligence_staff:file": DESK,
    "intelligence_staff:actions": DESK | {"unit_officer"},
    "intelligence_staff:action": DESK | {"unit_officer"},
    "intelligence_staff:allocate": only("unit_officer"),
    "intelligence_staff:complete": only("unit_officer"),
    "intelligence_staff:result": only("unit_officer"),
    "intelligence_staff:refer_back": only("unit_officer"),
    "intelligence_staff:audit": only("auditor", "administrator"),
    "intelligence_staff:numbers": DESK | {"auditor"},
    # The distribution ledger (ADR 0039): every role that acts records copies of a published appeal and has a
    # desk of them; only the officer who recorded a copy (author, below) or an administrator ticks it.
    "distribution_staff:desk": STAFF - {"auditor"},
    "distribution_staff:copy_record": per_state(NOBODY, NOBODY, NOBODY, STAFF - {"auditor"}, NOBODY),
    "distribution_staff:copy_removed": only("author", "administrator"),
}
GET_ONLY = {
    "appeals_staff:detail",
    "appeals_staff:image",
    "appeals_staff:audit",
    "intelligence_staff:appeal_numbers",
    "reporting_staff:list",
    "reporting_staff:detail",
    "reporting_staff:file",
    "intelligence_staff:inbox",
    "intelligence_staff:report",
    "intelligence_staff:actions",
    "intelligence_staff:action",
    "intelligence_staff:audit",
    "intelligence_staff:numbers",
    "distribution_staff:desk",
}
POST_ONLY = {
    "distribution_staff:copy_removed",
    "staff:logout",
    "appeals_staff:image_remove",
    "appeals_staff:submit",
    "reporting_staff:question",
    "reporting_staff:status",
    "reporting_staff:outcome",
    "reporting_staff:contact",
    "reporting_staff:original",
    "intelligence_staff:grade",
    "intelligence_staff:disseminate",
    "intelligence_staff:link_decide",
    "intelligence_staff:split",
    "intelligence_staff:allocate",
    "intelligence_staff:complete",
    "intelligence_staff:result",
    "intelligence_staff:refer_back",
    "intelligence_staff:reissue",
    "intelligence_staff:file",
}


def takes(name: str, method: str) -> bool:
    return not (name in GET_ONLY and method == "post" or name in POST_ONLY and method == "get")


# API operations (path in the OpenAPI schema, method) -> who is allowed. Partner operations need the
# independent service's signature, which no user has; the public ones show published appeals to anyone.
EXPECTED_API: dict[tuple[str, str], Any] = {
    ("/api/v1/public/appeals", "get"): EVERYONE,
    ("/api/v1/public/appeals/withdrawn", "get"): EVERYONE,
    ("/api/v1/public/appeals/{reference}", "get"): per_state(NOBODY, NOBODY, NOBODY, EVERYONE, NOBODY),
    ("/api/v1/partner/reports", "post"): NOBODY,
    ("/api/v1/partner/answers", "post"): NOBODY,
}


def _appeal(author, state: str, *, shaper=None, approver=None):
    appeal = draft(by=author)
    add_image(appeal)
    assess(appeal)
    if state == "draft":
        return appeal
    appeal = appeal_services.appeal_submit(appeal=appeal, actor=author)
    if state in {"refused", "awaiting"}:
        appeal = appeal_services.appeal_refuse(appeal=appeal, officer=approver, reason="Say more.")
        if state == "awaiting":
            appeal_services.appeal_update(appeal=appeal, actor=shaper, data={"description": "Rewritten."})
            appeal = appeal_services.appeal_submit(appeal=appeal, actor=author)
        return appeal
    appeal = appeal_services.appeal_authorise(appeal=appeal, officer=approver, reason="Proportionate.")
    if state == "closed":
        appeal = appeal_services.appeal_close(appeal=appeal, actor=author, outcome="located")
    return appeal


def build_world() -> dict[str, Any]:
    """Every role's user, an appeal in each state (all by "author"), a report on the published appeal with the
    reporter's contact details and a photo, an action for the unit officer's unit, and a forwarded report."""
    team = fugitive_team()
    users = {
        "no_role": make_staff(),
        "author": make_staff(Role.AUTHOR),
        "author2": make_staff(Role.AUTHOR),
        "authoriser": make_staff(Role.AUTHORISER),
        "senior": senior(),
        "shaper": make_staff(Role.AUTHOR, Role.AUTHORISER),
        "analyst": make_staff(Role.ANALYST),
        "unit_officer": unit_officer(team),
        "administrator": make_staff(Role.ADMINISTRATOR),
        "auditor": make_staff(Role.AUDITOR),
    }
    appeals = {
        state: _appeal(users["author"], state, shaper=users["shaper"], approver=users["senior"]) for state in STATES
    }
    report = submit(appeals["published"], contact={"name": "Fictional Reporter"}, files=[clean_photo()]).report
    report_enrich(report_id=report.pk)
    action = disseminate(report, team)
    # Outcomes are sent only for reports the independent service forwarded: one such report for that page.
    forwarded = submit(None).report
    InformationReport.objects.filter(pk=forwarded.pk).update(partner_reference="SUS-MATRIX-1")
    copy = manual_copy_record(appeal=appeals["published"], actor=users["author"], kind="poster", where="Mill Street")
    return {
        "users": users,
        "appeals": appeals,
        "report": report,
        "action": action,
        "forwarded": forwarded,
        "copy": copy,
    }


@pytest.fixture
def world() -> dict[str, Any]:
    return build_world()


def staff_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue  # Django's admin site: its own is_staff check, for administrators (ADR 0033)
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and p.name and namespace in STAFF_NAMESPACES:
                names.add(f"{namespace}:{p.name}")

    walk(get_resolver().url_patterns, "")
    return names


def api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {(path, method) for path, ops in schema["paths"].items() for method in ops}


def test_every_staff_url_and_api_operation_has_an_entry():
    assert staff_url_names() == set(EXPECTED)
    assert api_operations() == set(EXPECTED_API)


def _urls(name: str, w: dict[str, Any]) -> dict[str, str]:
    """The URL for each appeal state (one appeal page) or for the one object it is about (the key "-")."""
    report, action = w["report"], w["action"]
    if isinstance(EXPECTED[name], dict):  # one appeal's page: one URL per state
        urls = {}
        for state, appeal in w["appeals"].items():
            image = appeal.images.first()
            args: list[Any] = [appeal.reference]
            if name == "appeals_staff:image":
                args += [image.public_id, "thumb"]
            elif name == "appeals_staff:image_remove":
                args += [image.public_id]
            urls[state] = reverse(name, args=args)
        return urls
    attachment = report.attachments.first()
    args_for: dict[str, list[Any]] = {
        "reporting_staff:file": [report.pk, attachment.public_id],
        "reporting_staff:original": [report.pk, attachment.public_id],
        "intelligence_staff:link_decide": [report.pk, report.links.order_by("pk").first().pk],
        "intelligence_staff:report": [report.pk],
        "intelligence_staff:grade": [report.pk],
        "intelligence_staff:disseminate": [report.pk],
        "intelligence_staff:split": [report.pk],
    }
    args_for["distribution_staff:copy_removed"] = [w["copy"].pk]
    if name in args_for:
        return {"-": reverse(name, args=args_for[name])}
    if name == "reporting_staff:outcome":
        return {"-": reverse(name, args=[w["forwarded"].pk])}
    if name.startswith("reporting_staff:") and name != "reporting_staff:list":
        return {"-": reverse(name, args=[report.pk])}
    if name.startswith("intelligence_staff:") and name not in {
        "intelligence_staff:inbox",
        "intelligence_staff:record",
        "intelligence_staff:actions",
        "intelligence_staff:audit",
        "intelligence_staff:numbers",
    }:
        return {"-": reverse(name, args=[action.pk])}
    return {"-": reverse(name)}


def allowed(response: Any) -> bool:
    if response.status_code in {401, 403, 404, 405, 410}:
        return False
    return not (response.status_code == 302 and response["Location"].startswith(reverse("staff:login") + "?next="))


def _clients(w: dict[str, Any]) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    for key, user in w["users"].items():
        clients[key] = Client()
        clients[key].force_login(user)
    return clients


def _ask(client: Client, method: str, url: str) -> bool:
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = client.get(url) if method == "get" else client.post(url, {})
        transaction.set_rollback(True)
    client.cookies = cookies
    return allowed(response)


def test_access_matrix(world):
    clients = _clients(world)
    failures: list[tuple[str, str, str, str, bool]] = []
    cells = 0
    for name, expected in sorted(EXPECTED.items()):
        for state, url in _urls(name, world).items():
            allowed_users = expected[state] if isinstance(expected, dict) else expected
            for user, client in clients.items():
                for method in ("get", "post"):
                    cells += 1
                    expected_allowed = user in allowed_users and takes(name, method)
                    if (got := _ask(client, method, url)) != expected_allowed:
                        failures.append((name, state, user, method, got))
    for (path, method), expected in sorted(EXPECTED_API.items()):
        for state, appeal in world["appeals"].items() if "{reference}" in path else [("-", None)]:
            url = path.replace("{reference}", appeal.reference) if appeal else path
            allowed_users = expected[state] if isinstance(expected, dict) else expected
            for user, client in clients.items():
                cells += 1
                with transaction.atomic():
                    if method == "get":
                        response = client.get(url)
                    else:
                        response = client.post(url, "{}", content_type="application/json")
                    transaction.set_rollback(True)
                if (got := allowed(response)) != (user in allowed_users):
                    failures.append((f"api {path}", state, user, method, got))
    print(f"access matrix: {cells} cells")  # noqa: T201 - the figure the issue asks to report
    assert failures == [], "\n".join(map(str, failures))
    assert cells > 2000
