"""`make audit-deps`: pip-audit over the pinned requirements, failing on any known vulnerability that has no
reviewed exception in requirements/audit-exceptions.txt. Without a reachable vulnerability source it fails
loudly; LOOKOUT_AUDIT_DEPS_OFFLINE=skip turns that into a loud skip, for machines known to be offline."""

import json
import os
import subprocess
import sys
import urllib.request
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"]
EXCEPTIONS = ROOT / "requirements" / "audit-exceptions.txt"
# pip-audit's two services; the probe asks each about one pinned package, as pip-audit itself would.
PROBES = {
    "pypi": ("https://pypi.org/pypi/Django/{version}/json", None),
    "osv": ("https://api.osv.dev/v1/query", {"package": {"name": "Django", "ecosystem": "PyPI"}, "version": ""}),
}


class ReviewedException(NamedTuple):
    vuln_id: str
    review_by: date
    reason: str


def parse_exceptions(text: str, *, today: date) -> list[ReviewedException]:
    """Lines `<id> <review-by YYYY-MM-DD> <reason>`; '#' starts a comment. An exception past its review date,
    or without a reason, is an error: accepting a vulnerability is a decision someone must renew."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(maxsplit=2)
        if len(parts) < 3:
            raise ValueError(f"audit-exceptions.txt line {number}: need '<id> <review-by YYYY-MM-DD> <reason>'")
        review_by = date.fromisoformat(parts[1])
        if review_by < today:
            raise ValueError(
                f"audit-exceptions.txt line {number}: the exception for {parts[0]} needed review by {review_by}"
            )
        found.append(ReviewedException(parts[0], review_by, parts[2]))
    return found


def django_pin() -> str:
    for line in REQUIREMENTS[0].read_text().splitlines():
        if line.lower().startswith("django=="):
            return line.split("==", 1)[1].strip()
    return "5.2"


def reachable_service() -> str | None:
    """The first vulnerability service that answers a real query with vulnerability data."""
    for service, (url, body) in PROBES.items():
        try:
            if body is None:
                request = urllib.request.Request(url.format(version=django_pin()))  # noqa: S310 - fixed https URL
            else:
                data = json.dumps({**body, "version": django_pin()}).encode()
                request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})  # noqa: S310
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                answer = json.load(response)
        except (OSError, ValueError) as error:
            print(f"audit-deps: {service} vulnerability service not usable: {error}", file=sys.stderr)
            continue
        if service != "pypi" or "vulnerabilities" in answer:
            return service
        print(f"audit-deps: {service} answered without vulnerability data", file=sys.stderr)
    return None


def main() -> int:
    exceptions = parse_exceptions(EXCEPTIONS.read_text() if EXCEPTIONS.exists() else "", today=datetime.now(UTC).date())
    service = reachable_service()
    if service is None:
        message = (
            "audit-deps: NO VULNERABILITY SOURCE IS REACHABLE (PyPI's per-release JSON with vulnerabilities, "
            "or api.osv.dev): the pinned requirements were NOT checked for known vulnerabilities."
        )
        if os.environ.get("LOOKOUT_AUDIT_DEPS_OFFLINE") == "skip":
            print(f"{message}\naudit-deps: SKIPPED because LOOKOUT_AUDIT_DEPS_OFFLINE=skip.", file=sys.stderr)
            return 0
        print(
            f"{message}\nSet LOOKOUT_AUDIT_DEPS_OFFLINE=skip to skip on a machine known to be offline.", file=sys.stderr
        )
        return 2
    argv = [sys.executable, "-m", "pip_audit", "--strict", "--no-deps", "--disable-pip", "--progress-spinner", "off"]
    argv += ["--vulnerability-service", service]
    for requirements in REQUIREMENTS:
        argv += ["-r", str(requirements)]
    for exception in exceptions:
        argv += ["--ignore-vuln", exception.vuln_id]
    print(f"audit-deps: pip-audit via {service}, {len(exceptions)} reviewed exception(s)")
    return subprocess.call(argv)  # noqa: S603 - fixed argument list


if __name__ == "__main__":
    sys.exit(main())
