"""API-key authentication for the REST API (kept apart from the views: DRF loads it early)."""

import time

from django.conf import settings
from django.core.cache import cache
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.throttling import BaseThrottle

from complaints import api_keys
from core.audit import client_ip


class ApiKeyAuthentication(BaseAuthentication):
    keyword = b"api-key"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed("Send the header as: Authorization: Api-Key <key>")
        api_key = api_keys.find(parts[1].decode(errors="replace"))
        if api_key is None:
            raise AuthenticationFailed("This API key is unknown or switched off.")
        return (None, api_key)

    def authenticate_header(self, request):
        return "Api-Key"


class HasApiKey(BasePermission):
    def has_permission(self, request, view):
        return request.auth is not None


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """Tells the OpenAPI schema how the key is sent."""

    target_class = "complaints.api_auth.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Api-Key <key>",
        }


class ApiKeyRateThrottle(BaseThrottle):
    """Requests per API key (per address for callers without one), in fixed windows.

    One INCR on the shared cache per request: DRF's throttle reads and writes a list of
    every request time, django-ratelimit's costs an ADD and an INCR, and the API is the
    busiest path there is.
    """

    time_left: int | None = None

    def allow_request(self, request, view):
        limit, period = parse_rate(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api"])
        now = int(time.time())
        window = now - now % period
        ident = f"key-{request.auth.pk}" if request.auth is not None else client_ip(request)
        key = f"api-rate:{ident}:{window}"
        try:
            count = cache.incr(key)
        except ValueError:  # the window's first request (or a racing first one)
            count = 1 if cache.add(key, 1, period + 5) else cache.incr(key)
        self.time_left = window + period - now
        return count <= limit

    def wait(self):
        """Seconds until the window ends: sent as Retry-After."""
        return self.time_left


def parse_rate(rate: str) -> tuple[int, int]:
    """``"600/minute"`` (or ``/m``, ``/s``, ``/h``, ``/d``) as (requests, seconds)."""
    count, _, unit = rate.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit[:1].lower()]
