"""Demo content for the public website: news with pictures, coming events and the pages
every footer links to, in both languages (one news item in Arabic only, to show the
mark); the two editors' groups given to "editor" and "central"; and the demo citizen's
own space."""

import io
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts.models import User
from complaints.models import Case
from portal.editors import EDITORS, REVIEWERS
from portal.models import Event, KeptCertificate, NewsItem, Page, State
from portal.pictures import keep_picture
from training.models import Certificate

NEWS = [
    (
        "activity",
        "قافلة تضامن لقرى أسوان توزع كراسي متحركة",
        "A solidarity convoy brings wheelchairs to the villages of Aswan",
        "سلمت المديرية 120 كرسيًا متحركًا بالتعاون مع ست جمعيات أهلية.",
        "The directorate handed over 120 wheelchairs with six local associations.",
        "28",
        (11, 110, 79),
    ),
    (
        "news",
        "فتح باب التقدم لمنح صندوق دعم المجتمع المدني للتحول الرقمي",
        "Applications open for the fund's digital transformation grants",
        "تتقدم الجمعيات والمؤسسات الأهلية حتى نهاية الشهر القادم عبر سند.",
        "Associations and foundations apply through Sanad until the end of next month.",
        "",
        (31, 95, 191),
    ),
    (
        "news",
        "تيسير إجراءات ترخيص الحضانات في المحافظات",
        "",
        "يمكن لأصحاب الحضانات الآن تقديم طلب الترخيص ومتابعته من سند دون زيارة المديرية.",
        "",
        "",
        (199, 144, 28),
    ),
]
EVENTS = [
    (
        "يوم مفتوح للجمعيات الأهلية",
        "Open day for associations",
        "مديرية التضامن الاجتماعي بالإسكندرية",
        "Social solidarity directorate, Alexandria",
        "02",
        5,
    ),
    (
        "ورشة كتابة مقترحات المنح",
        "Grant proposal writing workshop",
        "مركز التدريب بالقاهرة",
        "Training centre, Cairo",
        "01",
        12,
    ),
]
PAGES = [
    (
        "about",
        "عن سند",
        "About Sanad",
        "سند منصة وزارة التضامن الاجتماعي وصندوق دعم المجتمع المدني: **خدمة واحدة** للمواطن "
        "والجمعيات.\n\n- الخدمات\n- الشكاوى\n- السجلات العامة",
        "Sanad is the platform of the Ministry of Social Solidarity and the Civil Society "
        "Support Fund: **one front door** for citizens and organizations.\n\n- Services\n"
        "- Complaints\n- Public registers",
    ),
    (
        "accessibility",
        "بيان إتاحة الموقع",
        "Accessibility statement",
        "نلتزم بمعيار WCAG 2.1 بمستوى AA. إن واجهتك صعوبة فاكتب لنا عبر نموذج الشكاوى.",
        "We aim for WCAG 2.1 level AA. If something is hard to use, tell us through the "
        "complaint form.",
    ),
    (
        "privacy",
        "الخصوصية",
        "Privacy",
        "لا نطلب إلا ما نحتاجه لخدمتك، ونسجل كل اطلاع على بياناتك الشخصية.",
        "We ask only for what we need to serve you, and log every access to your personal data.",
    ),
]


def _picture(colour):
    """A plain illustration (the demo has no photographs of real people)."""
    image = Image.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(image)
    for step in range(6):
        draw.ellipse(
            (100 + step * 160, 200 - step * 20, 400 + step * 160, 500 - step * 20),
            outline=(255, 255, 255),
            width=6,
        )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return keep_picture(SimpleUploadedFile("demo.jpg", out.getvalue()))


def seed_content() -> None:
    _editors()
    _citizens_space()
    if NewsItem.objects.exists():
        return
    now = timezone.now()
    for age, (kind, title_ar, title_en, summary_ar, summary_en, governorate, colour) in enumerate(
        NEWS
    ):
        NewsItem.objects.create(
            kind=kind,
            title_ar=title_ar,
            title_en=title_en,
            summary_ar=summary_ar,
            summary_en=summary_en,
            body_ar=summary_ar,
            body_en=summary_en,
            governorate_id=governorate or None,
            picture=_picture(colour),
            picture_alt_ar="رسم توضيحي",
            picture_alt_en="An illustration",
            state=State.APPROVED,
            publish_at=now - timedelta(days=age * 3 + 1),
        )
    for title_ar, title_en, place_ar, place_en, governorate, days in EVENTS:
        Event.objects.create(
            title_ar=title_ar,
            title_en=title_en,
            place_ar=place_ar,
            place_en=place_en,
            governorate_id=governorate,
            starts_at=(now + timedelta(days=days)).replace(hour=8, minute=0, second=0),
            state=State.APPROVED,
        )
    for slug, title_ar, title_en, body_ar, body_en in PAGES:
        Page.objects.create(
            slug=slug,
            title_ar=title_ar,
            title_en=title_en,
            body_ar=body_ar,
            body_en=body_en,
            in_footer=True,
            state=State.APPROVED,
        )
    # One piece waiting for review, for the reviewer to find.
    NewsItem.objects.create(
        kind="news",
        title_ar="مسودة: نتائج مسح الحضانات",
        body_ar="تنتظر المراجعة.",
        state=State.IN_REVIEW,
        submitted_by=User.objects.get(username="editor"),
    )


def _editors() -> None:
    for username, group in (("editor", EDITORS), ("central", REVIEWERS)):
        user = User.objects.get(username=username)
        user.is_staff = True
        user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=group))


def _citizens_space() -> None:
    """The demo citizen's space: two cases of theirs and a certificate they added."""
    citizen = User.objects.get(username="citizen")
    if Case.objects.filter(citizen=citizen).exists():
        return
    for case in Case.objects.filter(citizen=None, submitted_by=None).order_by("pk")[:2]:
        case.citizen = citizen
        case.save(update_fields=["citizen"])
    certificate = Certificate.objects.filter(revoked_at=None).first()
    if certificate:
        KeptCertificate.objects.get_or_create(user=citizen, certificate=certificate)
