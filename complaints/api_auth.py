"""API-key authentication for the REST API (kept apart from the views: DRF loads it early)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.throttling import SimpleRateThrottle

from complaints import api_keys


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


class ApiKeyRateThrottle(SimpleRateThrottle):
    """Requests per API key (per address for callers without one)."""

    scope = "api"

    def get_cache_key(self, request, view):
        ident = f"key-{request.auth.pk}" if request.auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
