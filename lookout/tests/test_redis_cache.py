"""The production cache backend keeps one Redis client per pool and is otherwise Django's (values, expiry,
counters), shared between threads. Runs against the real Redis when REDIS_URL is set, as it is in CI."""

import os
import threading

import pytest

from lookout.redis_cache import KeptClientRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (CI sets it)")


@pytest.fixture
def backend():
    cache = KeptClientRedisCache(REDIS_URL, {"KEY_PREFIX": "lookout-test-kept-client"})
    cache.clear()
    yield cache
    cache.clear()


def test_one_client_is_kept_and_values_round_trip(backend):
    assert backend._cache.get_client() is backend._cache.get_client()
    backend.set("page", {"html": "<p>x</p>", "n": 3}, 30)
    assert backend.get("page") == {"html": "<p>x</p>", "n": 3}
    backend.set("version", 41, None)
    assert backend.incr("version") == 42 and backend.get("version") == 42
    assert backend.add("version", 1) is False
    backend.delete("page")
    assert backend.get("page", "gone") == "gone"


def test_threads_share_the_kept_client(backend):
    errors: list[BaseException] = []

    def count() -> None:
        try:
            for _ in range(200):
                backend.incr("hits")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    backend.set("hits", 0, None)
    threads = [threading.Thread(target=count) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and backend.get("hits") == 1600
