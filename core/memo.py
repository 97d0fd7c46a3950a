"""Reference data read on nearly every request, kept in each process for a short while.

Routing rules, service levels, holidays, categories and API keys change a few times a
year but are read for every case: a shared cache still costs a round trip and a pickle
each time. Each process keeps its own copy instead, and an edit reaches every process
within the lifetime given. Values are shared between threads: never change them.
"""

import threading
from collections.abc import Callable

from cachetools import TTLCache, cached

_every_cache: list[TTLCache] = []


def for_seconds(seconds: int, maxsize: int = 64) -> Callable:
    """Decorate a loader: its results, per argument, are kept for ``seconds``."""
    store = TTLCache(maxsize=maxsize, ttl=seconds)
    _every_cache.append(store)
    return cached(store, lock=threading.Lock())


def forget_all() -> None:
    """Empty every process cache (tests, and after a bulk load of reference data)."""
    for store in _every_cache:
        store.clear()
