"""The dependency audit's reviewed exceptions: malformed or overdue ones fail the audit instead of hiding a
vulnerability; and with no vulnerability source the audit fails unless told to skip."""

import importlib.util
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "audit_deps.py"
spec = importlib.util.spec_from_file_location("audit_deps", SCRIPT)
assert spec is not None and spec.loader is not None
audit_deps = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit_deps)

TODAY = date(2026, 12, 1)


def test_a_reviewed_exception_is_passed_on():
    text = "# comment\n\nGHSA-aaaa-bbbb-cccc 2027-01-31 Admin-only feature we do not use (A. Reviewer)\n"
    [exception] = audit_deps.parse_exceptions(text, today=TODAY)
    assert exception.vuln_id == "GHSA-aaaa-bbbb-cccc" and exception.review_by == date(2027, 1, 31)


def test_an_overdue_exception_fails():
    with pytest.raises(ValueError, match="needed review by 2026-11-30"):
        audit_deps.parse_exceptions("PYSEC-2026-1 2026-11-30 reviewed once\n", today=TODAY)


def test_an_exception_without_a_reason_fails():
    with pytest.raises(ValueError, match="line 1"):
        audit_deps.parse_exceptions("PYSEC-2026-1 2027-01-01\n", today=TODAY)


def test_the_shipped_exception_file_is_valid():
    audit_deps.parse_exceptions(audit_deps.EXCEPTIONS.read_text(), today=datetime.now(UTC).date())


@pytest.mark.skipif(audit_deps.reachable_service() is not None, reason="a vulnerability source is reachable here")
def test_without_a_vulnerability_source_the_audit_fails_loudly_unless_told_to_skip():
    env = {"PATH": "/usr/bin:/bin"}
    failed = subprocess.run([sys.executable, SCRIPT], env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 2 and "NO VULNERABILITY SOURCE IS REACHABLE" in failed.stderr
    skipped = subprocess.run(
        [sys.executable, SCRIPT], env={**env, "LOOKOUT_AUDIT_DEPS_OFFLINE": "skip"}, capture_output=True, text=True
    )
    assert skipped.returncode == 0 and "SKIPPED" in skipped.stderr
