from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from complaints.actions import CASE_READERS
from portal.models import Page

# A page published or taken down shows in every footer within this time.
FOOTER_SECONDS = 60

CHANGE_REQUEST_READERS = {*CASE_READERS, Role.ORGANIZATION_MEMBER}


def navigation(request):
    """The main menu: what the signed-in person's role adds (their work, first), then what
    everyone can reach."""
    public = [
        ("portal:services", _("Services")),
        ("portal:news", _("News")),
        ("registry:search", _("Organizations")),
        ("complaints:new", _("File a complaint")),
        ("complaints:track", _("Track a case")),
        ("complaints:statistics", _("Statistics")),
        ("fund:calls", _("Grants")),
        ("care:check", _("Licence check")),
        ("training:open_courses", _("Courses")),
        ("impact:overview", _("Results")),
    ]
    items = []
    role = getattr(request.user, "role", None)
    if role in CASE_READERS:
        items.append(("complaints:workbench", _("Workbench")))
        items.append(("triage:queue", _("Triage")))
        items.append(("care:desk", _("Licensing")))
        items.append(("training:dashboard", _("Training")))
    if role in CHANGE_REQUEST_READERS:
        items.append(("registry:change_requests", _("Change requests")))
    if role == Role.ORGANIZATION_MEMBER:
        items.append(("fund:my_applications", _("My applications")))
    if role in (Role.FUND_OFFICER, Role.AUDITOR):
        items.append(("fund:staff_calls", _("Fund calls")))
        items.append(("fund:staff_applications", _("Fund applications")))
        items.append(("fund:staff_reports", _("Grant reports")))
    if role in (Role.FUND_OFFICER, Role.CENTRAL_OFFICER, Role.AUDITOR, Role.ORGANIZATION_MEMBER):
        items.append(("impact:frameworks", _("Results frameworks")))
    if role in (Role.ORGANIZATION_MEMBER, Role.CENTRAL_OFFICER):
        items.append(("maturity:home", _("Digital maturity")))
    if role == Role.ORGANIZATION_MEMBER:
        items.append(("care:mine", _("My facilities")))
        items.append(("training:staff", _("Staff training")))
    if role == Role.TRAINER:
        items.append(("training:my_cohorts", _("My cohorts")))
    if role == Role.INSPECTOR:
        items.append(("care:my_inspections", _("My inspections")))
    if role == Role.REVIEWER:
        items.append(("fund:my_reviews", _("My reviews")))
    if role == Role.EDITOR:
        items.append(("admin:portal_newsitem_changelist", _("News to write")))
        items.append(("admin:portal_event_changelist", _("Events")))
    current = request.resolver_match.view_name if request.resolver_match else ""

    def links(names):
        return [
            {"url": reverse(name), "label": label, "current": current == name}
            for name, label in names
        ]

    return {"work_navigation": links(items), "navigation": links(public)}


def _footer_pages() -> list[tuple[str, str, str]]:
    pages = Page.objects.live().filter(in_footer=True).order_by("slug")
    return [(p.slug, p.title_ar or p.title_en, p.title_en or p.title_ar) for p in pages]


def footer_pages(request):
    """The pages every footer links to (about, privacy, accessibility), in the reader's
    language where translated."""
    english = request.LANGUAGE_CODE == "en"
    return {
        "footer_pages": [
            {"url": reverse("portal:page", args=[slug]), "title": en if english else ar}
            for slug, ar, en in cache.get_or_set(
                "portal:footer-pages", _footer_pages, FOOTER_SECONDS
            )
        ]
    }
