"""The complaint taxonomy and the central departments, shipped as data (DESIGN.md).

Migrations load them; the ministry edits them in the admin afterwards. The codes
are part of the API (Open311 service codes) and never change.
"""

from typing import TYPE_CHECKING

from core import memo

if TYPE_CHECKING:  # migrations read this module before the models are ready
    from complaints.models import Category


CATEGORIES: tuple[tuple[str, str, str], ...] = (
    ("cash_support", "الدعم النقدي (تكافل وكرامة)", "Cash support (Takaful and Karama)"),
    ("disability_services", "خدمات الأشخاص ذوي الإعاقة", "Disability services"),
    ("elderly_care", "رعاية المسنين ودور المسنين", "Elderly care and care homes"),
    ("child_care", "دور رعاية الأيتام والأطفال", "Orphan and child care homes"),
    ("nurseries", "الحضانات", "Nurseries"),
    ("ngo_affairs", "الجمعيات والمؤسسات الأهلية", "Associations and foundations"),
    ("civil_society_fund", "صندوق دعم المجتمع المدني", "Civil society support fund"),
    ("staff_conduct", "أداء الموظفين والوحدات الاجتماعية", "Staff conduct and social units"),
    ("digital_services", "الخدمات الرقمية", "Digital services (website, app, e-payment)"),
    ("training", "التدريب ومحو الأمية الرقمية", "Training and digital literacy"),
    (
        "emergency_aid",
        "المساعدات العاجلة والحالات الإنسانية",
        "Emergency aid and humanitarian cases",
    ),
    ("outside_mandate", "خارج اختصاص الوزارة", "Outside the ministry's mandate"),
)

# Central departments that cases can be routed to besides the 27 directorates.
CENTRAL_QUEUES: tuple[tuple[str, str, str], ...] = (
    ("central-complaints", "الإدارة المركزية للشكاوى", "Central complaints department"),
    ("central-fund", "صندوق دعم المجتمع المدني", "Civil Society Support Fund"),
    ("central-care", "الإدارة المركزية للرعاية", "Central care department"),
    ("central-digital", "إدارة التحول الرقمي", "Digital transformation department"),
)

# category → central queue, loaded as routing rules that apply in every governorate.
CENTRAL_ROUTES = (
    ("civil_society_fund", "central-fund"),
    ("digital_services", "central-digital"),
    ("outside_mandate", "central-complaints"),
)


@memo.for_seconds(60)
def categories(*, active_only: bool) -> dict[str, "Category"]:
    """The categories by code, in their order; an edit shows within a minute."""
    from complaints.models import Category

    rows = Category.objects.filter(is_active=True) if active_only else Category.objects.all()
    return {c.code: c for c in rows}


def active_categories() -> dict[str, "Category"]:
    """The categories offered on forms."""
    return categories(active_only=True)


def all_categories() -> dict[str, "Category"]:
    """Every category, the retired ones too (to find old cases by)."""
    return categories(active_only=False)
