"""API-key authentication for the REST API (kept apart from the views: DRF loads it early)."""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.throttling import BaseThrottle

from complaints import api_keys
from core import rate_limits
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
    """Requests per API key (per address for callers without one): core.rate_limits."""

    time_left: int | None = None

    def allow_request(self, request, view):
        ident = f"key-{request.auth.pk}" if request.auth is not None else client_ip(request)
        count = rate_limits.hit(
            "api", ident, settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api"]
        )
        self.time_left = count.seconds_left
        return count.allowed

    def wait(self):
        """Seconds until the window ends: sent as Retry-After."""
        return self.time_left
