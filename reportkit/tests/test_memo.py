"""The in-process memo in front of the shared cache: bounded, least recently used dropped first."""

from reportkit.memo import Memo


def test_the_memo_keeps_the_latest_keys_and_drops_the_least_recently_used() -> None:
    memo = Memo(size=2)
    memo.put("v1:a", ["A"])
    memo.put("v1:b", ["B"])
    assert memo.get("v1:a") == ["A"]  # now the most recently used
    memo.put("v1:c", ["C"])
    assert memo.get("v1:b") is None and memo.get("v1:a") == ["A"] and memo.get("v1:c") == ["C"]
    reads: list[str] = []
    assert memo.read_through("v1:d", lambda key: reads.append(key) or ["D"]) == ["D"]
    assert memo.read_through("v1:d", lambda key: reads.append(key) or ["other"]) == ["D"]  # kept: read once
    assert memo.read_through("v1:e", lambda key: None) is None and memo.get("v1:e") is None  # nothing kept
    assert reads == ["v1:d"]
    memo.clear()
    assert memo.get("v1:a") is None
