from django.conf import settings
from django.urls import translate_url

from core.i18n import active_language


def language_links(request):
    """The current page in each language, for the switcher and hreflang links."""
    path = request.get_full_path()
    current = active_language()
    links = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {"language_links": links}
