"""The public cache purge against the production cache, Redis, shared by two separate clients (as two web
processes would be). Runs when REDIS_URL is set, as it is in CI (.ci/run)."""

import os

import pytest

from appeals import public_cache
from lookout.redis_cache import KeptClientRedisCache as RedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (CI sets it)")


def redis_client() -> RedisCache:
    return RedisCache(REDIS_URL, {"KEY_PREFIX": "lookout-test-purge"})


def test_purge_in_one_process_is_seen_by_another(monkeypatch):
    web_a, web_b = redis_client(), redis_client()
    web_a.clear()
    monkeypatch.setattr(public_cache, "cache", web_a)
    assert public_cache.cached_public("all", lambda: ["W-AAAA"]) == ["W-AAAA"]
    monkeypatch.setattr(public_cache, "cache", web_b)
    assert public_cache.cached_public("all", lambda: ["never built"]) == ["W-AAAA"]  # shared cache hit
    public_cache.purge_public_cache()  # process B closes an appeal
    monkeypatch.setattr(public_cache, "cache", web_a)
    assert public_cache.cached_public("all", list) == []  # process A rebuilds at once
    web_a.clear()
