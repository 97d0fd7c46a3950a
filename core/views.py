from django.shortcuts import render


def rate_limited(request, exception=None):
    """Shown when someone sends a public form too often (django-ratelimit's RATELIMIT_VIEW)."""
    return render(request, "core/rate_limited.html", status=429)
