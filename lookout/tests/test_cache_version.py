"""A request reads the public version once; a bump, by this request or another process, is seen by the next
request, and by this one after its own bump."""

from django.core.cache import cache

from lookout.cache_version import bump, request_snapshot, version

KEY = "test:snapshot-version"


def test_inside_a_request_the_version_is_read_once_and_own_bumps_are_seen():
    cache.delete(KEY)
    first = version(KEY)
    with request_snapshot():
        assert version(KEY) == first
        cache.incr(KEY)  # another process closes an appeal while this request runs
        assert version(KEY) == first  # this request keeps one version throughout
        bump(KEY)  # this request's own change
        assert version(KEY) == first + 2
    assert version(KEY) == first + 2  # outside a request every read goes to the cache
    cache.incr(KEY)
    assert version(KEY) == first + 3
    with request_snapshot():
        assert version(KEY) == first + 3  # the next request sees every change before it


def test_snapshots_do_not_leak_between_threads():
    import threading

    cache.delete(KEY)
    seen: list[int] = []
    with request_snapshot():
        start = version(KEY)
        cache.incr(KEY)

        thread = threading.Thread(target=lambda: seen.append(version(KEY)))
        thread.start()
        thread.join()
        assert version(KEY) == start
    assert seen == [start + 1]
