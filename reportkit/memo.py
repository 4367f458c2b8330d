"""A small in-process memo in front of the shared cache, for values whose key changes whenever the value may
(the public version is part of every key it holds). The shared cache stays the truth: a process that has not
seen a key reads it there; a takedown bumps the version, so the next request asks for a new key and this memo
is never consulted for the old one. Values are shared by the process's threads: callers must not change them."""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

_MISSING = object()


class Memo:
    """The last `size` keys this process read, least recently used dropped first."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        """The value kept under `key`, or None."""
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                return None
            self._items.move_to_end(key)
            return value

    def read_through(self, key: str, read: Callable[[str], Any]) -> Any:
        """The value kept under `key`, else `read(key)` (the shared cache), kept here when it is not None."""
        value = self.get(key)
        if value is None:
            value = read(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
