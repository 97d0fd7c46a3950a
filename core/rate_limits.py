"""The one rate limiter: requests counted per fixed window in the shared cache.

One INCR per request (django-ratelimit's counter costs an ADD and an INCR, DRF's
throttle a read and a write of every request time), because it guards the busiest
paths there are: the public complaint form and the API. A refused form raises
django-ratelimit's ``Ratelimited``, which its middleware turns into
``core.views.rate_limited`` (429).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django_ratelimit.exceptions import Ratelimited

from core.audit import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"600/minute"`` (or ``/m``, ``/s``, ``/h``, ``/d``) as (requests, seconds)."""
    count, _, unit = rate.partition("/")
    return int(count), PERIODS[unit[:1].lower()]


@dataclass(frozen=True)
class Count:
    allowed: bool
    seconds_left: int


def hit(scope: str, ident: str, rate: str) -> Count:
    """Count one request of ``ident`` in ``scope``; allowed while within ``rate``."""
    limit, period = parse_rate(rate)
    now = int(time.time())
    window = now - now % period
    key = f"rate:{scope}:{ident}:{window}"
    try:
        count = cache.incr(key)
    except ValueError:  # the window's first request (or a racing first one)
        count = 1 if cache.add(key, 1, period + 5) else cache.incr(key)
    return Count(allowed=count <= limit, seconds_left=window + period - now)


def limit_posts(scope: str, rate: Callable[[], str], key: Callable = client_ip) -> Callable:
    """Refuse a view's POSTs beyond ``rate()`` per ``key(request)`` (the address)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            counted = request.method == "POST"
            if counted and not hit(scope, key(request) or "unknown", rate()).allowed:
                raise Ratelimited
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
