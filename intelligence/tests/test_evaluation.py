"""The fixture set is reproducible, and the evaluation command runs and reports both measures."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from intelligence.fixtures.linking_set import HOLDOUT_PATH, HOLDOUT_SEED, JSON_PATH, SEED, as_json, build, load


def test_fixture_files_are_what_the_generator_writes() -> None:
    assert JSON_PATH.read_text(encoding="utf-8") == as_json(build(SEED))
    assert HOLDOUT_PATH.read_text(encoding="utf-8") == as_json(build(HOLDOUT_SEED))


def test_fixture_set_is_big_enough_and_labelled() -> None:
    fixture = load()
    assert len(fixture.appeals) >= 40
    assert len(fixture.reports) >= 300
    assert any(not r.truth for r in fixture.reports)
    assert any(len(r.truth) == 2 for r in fixture.reports)
    refs = {a.reference for a in fixture.appeals}
    assert all(set(r.truth) <= refs for r in fixture.reports)


def test_intel_evaluate_prints_precision_and_recall() -> None:
    out = StringIO()
    call_command("intel_evaluate", "--set", "development", stdout=out)
    text = out.getvalue()
    assert "linking:  precision" in text
    assert "grouping: precision" in text


def test_linking_meets_the_issue_targets_cold_on_both_sets() -> None:
    """Precision >= 0.95 and recall >= 0.90 with nothing learnt from analysts, on the development set and on the
    held-out set (another seed), feature traps included."""
    from intelligence.fixtures.linking_set import HOLDOUT_PATH, JSON_PATH, load
    from intelligence.matching.evaluation import evaluate

    for path in (JSON_PATH, HOLDOUT_PATH):
        result = evaluate(load(path), confirm=False)
        assert result.linking.precision >= 0.95, path.name
        assert result.linking.recall >= 0.90, path.name
        assert any(r.style == "feature_trap" for r in load(path).reports)


def _tiny_set(path: Path) -> Path:
    """A hand-written set in the issue's shape, with the appeal fields the generated sets leave out."""
    data = {
        "appeals": [
            {
                "reference": "W-AB23",
                "kind": "wanted",
                "status": "published",
                "name": "Dorian Fairweather",
                "aliases": ["Dozza"],
                "age_min": 30,
                "age_max": None,
                "sex": "male",
                "height_cm": 180,
                "build": "slim",
                "features": "A scar on his chin.",
                "areas": ["Quillby"],
                "vehicle": "",
                "description": "Dorian Fairweather is wanted for burglary.",
                "offence_summary": "Burglary",
            }
        ],
        "reports": [
            {
                "id": "r1",
                "text": "saw dorian fairweather in quillby last night",
                "submitted_from": None,
                "received": "2026-03-01",
                "truth": ["W-AB23"],
                "group": "g1",
                "style": "lower_case",
            },
            {
                "id": "r2",
                "text": "my neighbour's shed was broken into",
                "submitted_from": "",
                "received": "2026-03-02",
                "truth": [],
                "group": "g2",
                "style": "general",
            },
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_intel_evaluate_reads_any_set_and_prints_json(tmp_path: Path) -> None:
    out = StringIO()
    call_command("intel_evaluate", "--set", str(_tiny_set(tmp_path / "set.json")), "--cold", "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["linking"] == {"precision": 1.0, "recall": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert set(figures["grouping"]) >= {"precision", "recall"}
    assert figures["by_style"]["lower_case"]["found"] == 1
    assert figures["reports"] == 2


def test_hand_written_sets_carry_the_appeal_fields(tmp_path: Path) -> None:
    fixture = load(_tiny_set(tmp_path / "set.json"))
    appeal = fixture.appeals[0]
    assert (appeal.age_min, appeal.sex, appeal.build, appeal.height_cm) == (30, "male", "slim", 180)
    assert [r.id for r in fixture.reports] == [1, 2]
    assert fixture.reports[1].submitted_from is None


def test_intel_evaluate_refuses_a_missing_set() -> None:
    with pytest.raises(CommandError, match="No such set"):
        call_command("intel_evaluate", "--set", "/nonexistent/set.json", stdout=StringIO())


PUBLIC = JSON_PATH.parent / "public_set.json"
PUBLIC_HOLDOUT = JSON_PATH.parent / "public_set_holdout.json"
PUBLIC_2 = JSON_PATH.parent / "public_set_2.json"
PUBLIC_3 = JSON_PATH.parent / "public_set_3.json"
PUBLIC_4 = JSON_PATH.parent / "public_set_4.json"


# Floors (linking precision, recall; grouping pairwise precision, recall), nothing learnt.
# - The development half (tuned on) meets issue 11's targets on reports written by someone who had not seen the
#   linker: linking P >= 0.95 and R >= 0.85, grouping P >= 0.90 and R >= 0.60.
# - The first held-out half, scored and since tuned on: linking P 0.979 R 0.888, grouping P 1.000 R 0.727 on
#   3 December (at its first scoring: linking P 0.931 R 0.879, grouping P 0.842 R 0.727).
# - The blind, held-out set is now public_set_5.json (written 4 December): measured by `intel_evaluate`, never
#   tuned on, so not here.
@pytest.mark.parametrize(
    ("path", "floors"),
    [
        pytest.param(PUBLIC, (0.95, 0.85, 0.90, 0.60), id="development-half-meets-the-issue-11-targets"),
        pytest.param(PUBLIC_HOLDOUT, (0.95, 0.87, 0.95, 0.72), id="held-out-half-does-not-get-worse"),
        # Written blind, scored blind twice, a development set since 3 December (its README): measured at the
        # end of that day at linking P 0.940 R 0.878, grouping P 0.500 R 0.634 - far from the grouping targets.
        # 4 December: linking P 0.960 R 0.885, grouping P 0.619 R 0.634.
        # 4 December evening: linking P 0.968 R 0.896, grouping P 0.700 R 0.683.
        pytest.param(PUBLIC_2, (0.95, 0.88, 0.68, 0.66), id="second-blind-set-now-development-does-not-get-worse"),
        # Written blind, scored blind three times (3 December: linking P 0.809 R 0.849, grouping P 0.659 R 0.587),
        # a development set since 4 December: linking P 0.943 R 0.885, grouping P 0.737 R 0.609 that day.
        # 4 December evening: grouping P 0.744 R 0.630.
        pytest.param(PUBLIC_3, (0.93, 0.87, 0.73, 0.61), id="third-blind-set-now-development-does-not-get-worse"),
        # Written blind, scored blind four times (4 December, at best linking P 0.856 R 0.836, grouping P 0.641
        # R 0.383), a development set since: linking P 0.941 R 0.851, grouping P 0.815 R 0.617 that evening.
        pytest.param(PUBLIC_4, (0.93, 0.84, 0.80, 0.60), id="fourth-blind-set-now-development-does-not-get-worse"),
    ],
)
def test_the_independent_set_holds_its_floors_cold(path: Path, floors: tuple[float, float, float, float]) -> None:
    from intelligence.matching.evaluation import evaluate

    link_precision, link_recall, group_precision, group_recall = floors
    result = evaluate(load(path), confirm=False)
    assert result.linking.precision >= link_precision
    assert result.linking.recall >= link_recall
    assert result.grouping.precision >= group_precision
    assert result.grouping.recall >= group_recall


def test_intel_evaluate_knows_the_independent_sets_by_name() -> None:
    out = StringIO()
    call_command("intel_evaluate", "--set", "public", "--cold", "--json", stdout=out)
    assert json.loads(out.getvalue())["reports"] >= 200
