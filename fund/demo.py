"""A call for proposals for the demo, open for the next month."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from fund.models import Call, CallStatus, Criterion, RequiredDocument

CRITERIA = (
    ("وضوح المشكلة والفئة المستهدفة", "Clarity of the problem and the people served", 25),
    ("الأثر المتوقع وقابليته للقياس", "Expected impact, and how it is measured", 35),
    ("كفاءة الموازنة", "Value for money", 20),
    ("الاستدامة بعد انتهاء المنحة", "Sustainability after the grant", 20),
)


def seed_call() -> Call:
    now = timezone.now()
    call, created = Call.objects.get_or_create(
        code="digital-innovation-2026",
        defaults={
            "title_ar": "منح الابتكار الرقمي للجمعيات الناشئة ٢٠٢٦",
            "title_en": "Digital innovation grants for emerging associations 2026",
            "text_ar": "يدعم الصندوق مشروعات التحول الرقمي التي تقدم خدمة أفضل للأسر "
            "والأشخاص ذوي الإعاقة وكبار السن.",
            "text_en": "The fund supports digital projects that serve families, persons "
            "with disabilities and older people better.",
            "opens_at": now - timedelta(days=5),
            "closes_at": now + timedelta(days=30),
            "total_budget": Decimal("20000000"),
            "grant_floor": Decimal("100000"),
            "grant_ceiling": Decimal("750000"),
            "admin_share_cap": Decimal("10"),
            "status": CallStatus.PUBLISHED,
        },
    )
    if created:
        for position, (name_ar, name_en, weight) in enumerate(CRITERIA):
            Criterion.objects.create(
                call=call, name_ar=name_ar, name_en=name_en, weight=weight, position=position
            )
        RequiredDocument.objects.create(
            call=call, name_ar="آخر ميزانية معتمدة", name_en="The latest approved accounts"
        )
    return call
