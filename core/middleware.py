from django.conf import settings
from django.shortcuts import render
from django.utils import translation


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is larger than any form needs (a 2 GB upload,
    say) before a byte of it is read, with a page that says why. The reverse proxy in
    front should carry the same limit for bodies sent without a length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            megabytes = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return render(request, "core/too_large.html", {"megabytes": megabytes}, status=413)
        return self.get_response(request)


class ApiLanguageMiddleware:
    """Machine endpoints have no /en/ prefix: let them follow Accept-Language instead.

    LocaleMiddleware gives every unprefixed path the default language (Arabic), which
    is right for pages but would deny an app its English error messages.
    """

    PREFIXES = ("/api/", "/open311/", "/integrations/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.PREFIXES) and "HTTP_ACCEPT_LANGUAGE" in request.META:
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
