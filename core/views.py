"""The pages shown when something goes wrong, each in the reader's language and the site's
layout, saying what happened and what to do next."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.translation import gettext as _

from core.context_processors import language_links
from core.scoping import OutsideGovernorate


def _error_page(request, status: int, *, reason: str = "", bare: bool = False):
    context = {"status": status, "reason": reason}
    if bare:
        # No database and no request data that could itself be the fault (a bad host):
        # the layout without the menu, which needs the signed-in person.
        context |= {"bare": True, **language_links(request)}
        return HttpResponse(get_template("core/error.html").render(context), status=status)
    return render(request, "core/error.html", context, status=status)


def bad_request(request, exception=None):
    return _error_page(request, 400, bare=True)


def permission_denied(request, exception=None):
    reason = str(exception) if isinstance(exception, OutsideGovernorate) else ""
    return _error_page(request, 403, reason=reason)


def csrf_failure(request, reason=""):
    """The form's safety token was missing or stale (CSRF_FAILURE_VIEW)."""
    return _error_page(
        request,
        403,
        reason=_(
            "The form was open too long, or your browser did not send back its safety "
            "code. Go back, reload the page and send it again."
        ),
    )


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def rate_limited(request, exception=None):
    """Shown when someone sends a public form too often (django-ratelimit's RATELIMIT_VIEW)."""
    return _error_page(request, 429)


def server_error(request):
    return _error_page(request, 500, bare=True)
