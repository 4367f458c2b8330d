"""Where each partner message goes. Both services import these, so the sender and the receiver agree."""

# Where each service mounts its partner endpoints (api/urls.py under /api/v1/; independent/urls.py).
POLICE_PREFIX = "/api/v1/partner"
INDEPENDENT_PREFIX = "/partner/v1"

# On the police service (api.partner): forwarded reports and sanitised answers, from the independent service.
POLICE_REPORTS = f"{POLICE_PREFIX}/reports"
POLICE_ANSWERS = f"{POLICE_PREFIX}/answers"
# On the independent service (independent.api): follow-up questions and outcomes, from the police service.
INDEPENDENT_QUESTIONS = f"{INDEPENDENT_PREFIX}/questions"
INDEPENDENT_OUTCOMES = f"{INDEPENDENT_PREFIX}/outcomes"
# On the independent service: an appeal has ended and must leave its pages at once (ADR 0030).
INDEPENDENT_WITHDRAWN = f"{INDEPENDENT_PREFIX}/withdrawn"


def route(path: str) -> str:
    """A path as the receiving service's partner router declares it: without the prefix it is mounted under."""
    for prefix in (POLICE_PREFIX, INDEPENDENT_PREFIX):
        if path.startswith(prefix + "/"):
            return path.removeprefix(prefix)
    raise ValueError(f"{path!r} is not a partner path")
