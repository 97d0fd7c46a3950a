from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

from complaints.views_integration import national_platform_cases

admin.site.site_header = admin.site.site_title = _("Sanad administration")
admin.site.site_url = reverse_lazy("portal:home")

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path(
        "integrations/national-platform/cases",
        national_platform_cases,
        name="national_platform_cases",
    ),
    path("open311/v2/", include("complaints.urls_open311")),
    path("api/", include("complaints.urls_api")),
]

# Arabic is the default and lives at "/", English at "/en/".
urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("accounts/", include("accounts.urls")),
    path("registry/", include("registry.urls")),
    path("complaints/", include("complaints.urls")),
    path("fund/", include("fund.urls")),
    path("triage/", include("triage.urls")),
    path("care/", include("care.urls")),
    path("training/", include("training.urls")),
    path("impact/", include("impact.urls")),
    path("maturity/", include("maturity.urls")),
    # One sign-in page for everyone, with its lockout, second factor and audit entry.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("accounts:login"), query_string=True),
    ),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# Error pages in the reader's language and the site's layout (core/views.py).
handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
