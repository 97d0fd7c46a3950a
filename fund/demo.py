"""The fund's demo: a call open for the next month, and last year's call with its
grants in the open, one of them the demo association's, half paid, its progress report
waiting for the fund officer."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from fund.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallStatus,
    Criterion,
    Grant,
    Report,
    ReportKind,
    ReportStatus,
    RequiredDocument,
    Score,
    Tranche,
    TrancheCondition,
)
from registry.models import Organization, OrganizationStatus

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
            "title_ar": "منح الابتكار الرقمي للجمعيات الناشئة 2026",
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


PAST_PROJECTS = (
    ("نادي نهاري لكبار السن", "250000"),
    ("ورش تأهيل مهني للشباب ذوي الإعاقة", "400000"),
    ("فصول محو الأمية الرقمية للأمهات", "180000"),
    ("مطبخ مجتمعي لأسر تكافل وكرامة", "320000"),
    ("خط مساندة للأسر في الأزمات", "150000"),
)


def seed_awards() -> int:
    """A closed call of last year whose grants are public, one of them the demo
    association's, with a tranche paid and a progress report waiting for the fund."""
    now = timezone.now()
    call, created = Call.objects.get_or_create(
        code="family-care-2025",
        defaults={
            "title_ar": "منح رعاية الأسرة وكبار السن 2025",
            "title_en": "Family and elderly care grants 2025",
            "text_ar": "مشروعات تخدم الأسر الأولى بالرعاية وكبار السن.",
            "text_en": "Projects that serve families in need and older people.",
            "opens_at": now - timedelta(days=400),
            "closes_at": now - timedelta(days=340),
            "total_budget": Decimal("5000000"),
            "grant_floor": Decimal("50000"),
            "grant_ceiling": Decimal("500000"),
            "status": CallStatus.CLOSED,
        },
    )
    if not created:
        return call.applications.filter(status=ApplicationStatus.FUNDED).count()
    for position, (name_ar, name_en, weight) in enumerate(CRITERIA):
        Criterion.objects.create(
            call=call, name_ar=name_ar, name_en=name_en, weight=weight, position=position
        )
    officer = User.objects.get(username="fund_officer")
    organizations = [Organization.objects.get(registration_number="02-0002")]
    for governorate in ("01", "16", "21", "26"):  # Cairo, Gharbia, Giza, Sohag
        found = Organization.objects.filter(
            status=OrganizationStatus.ACTIVE, governorate_id=governorate
        ).first()
        if found is not None:
            organizations.append(found)
    for organization, (title, amount) in zip(organizations, PAST_PROJECTS, strict=False):
        _past_grant(call, organization, officer, title, Decimal(amount), now)
    return len(organizations)


def _past_grant(call, organization, officer, title, amount, now) -> Grant:
    application = Application.objects.create(
        call=call,
        organization=organization,
        created_by=officer,
        title=title,
        summary=title,
        requested_amount=amount,
        status=ApplicationStatus.FUNDED,
        submitted_at=now - timedelta(days=350),
        decision_reason="مشروع واضح الأثر وموازنته معقولة.",
    )
    application.budget_lines.create(kind="activities", description="الأنشطة", amount=amount)
    outcome = application.outcomes.create(text="أسر أكثر تصلها الخدمة")
    outcome.indicators.create(name="عدد المستفيدين", unit="شخص", baseline=0, target=300)
    grant = Grant.objects.create(
        application=application,
        amount_awarded=amount,
        awarded_on=(now - timedelta(days=300)).date(),
        starts_on=(now - timedelta(days=290)).date(),
        ends_on=(now + timedelta(days=75)).date(),
        decided_by=officer,
    )
    half = (amount / 2).quantize(Decimal("0.01"))
    first = Tranche.objects.create(
        grant=grant,
        position=1,
        amount=half,
        condition=TrancheCondition.ON_SIGNATURE,
        released_at=now - timedelta(days=280),
        paid_on=(now - timedelta(days=280)).date(),
        payment_reference=f"TRF-{grant.pk:05d}",
    )
    report = Report.objects.create(
        grant=grant,
        kind=ReportKind.PROGRESS,
        due_on=(now - timedelta(days=10)).date(),
        status=ReportStatus.SUBMITTED,
        narrative="بدأت الأنشطة ووصلت إلى 180 مستفيدًا حتى الآن.",
        submitted_at=now - timedelta(days=12),
    )
    report.lines.create(budget_line=application.budget_lines.get(), spent=half)
    report.indicator_values.create(indicator=outcome.indicators.get(), value=180)
    Tranche.objects.create(
        grant=grant,
        position=first.position + 1,
        amount=amount - half,
        condition=TrancheCondition.REPORT_APPROVED,
        report=report,
    )
    return grant


IN_REVIEW = (
    ("تطبيق لمتابعة جلسات العلاج الطبيعي للأطفال", "480000", ("8", "9", "7", "6")),
    ("منصة تطوع رقمية تربط الشباب بالأسر", "350000", None),
    ("حجز مواعيد الحضانات عبر الهاتف", "220000", None),
)


def seed_reviews() -> None:
    """Three applications to the open call in review, given to the demo reviewer: one
    declared free of conflict and its review finished, two waiting for the declaration."""
    call = Call.objects.get(code="digital-innovation-2026")
    if call.applications.exists():
        return
    reviewer = User.objects.get(username="reviewer")
    organizations = Organization.objects.filter(
        status=OrganizationStatus.ACTIVE, governorate_id__in=["03", "12", "19"]
    ).order_by("governorate_id", "pk")
    chosen = {o.governorate_id: o for o in organizations}.values()
    now = timezone.now()
    for organization, (title, amount, scores) in zip(chosen, IN_REVIEW, strict=False):
        application = Application.objects.create(
            call=call,
            organization=organization,
            created_by=reviewer,  # who typed it does not matter to the demo
            title=title,
            summary=f"{title}: مشروع تجريبي يخدم الأسر في {organization.governorate.name_ar}.",
            requested_amount=Decimal(amount),
            status=ApplicationStatus.IN_REVIEW,
            submitted_at=now - timedelta(days=2),
        )
        share = Decimal(amount) / 10
        application.budget_lines.create(
            kind="personnel", description="فريق المشروع", amount=share * 5
        )
        application.budget_lines.create(
            kind="equipment", description="أجهزة لوحية", amount=share * 4
        )
        application.budget_lines.create(kind="administration", description="إدارة", amount=share)
        outcome = application.outcomes.create(text="خدمة أسرع وأقرب للأسر")
        outcome.indicators.create(name="عدد الأسر المستخدمة", unit="أسرة", baseline=0, target=400)
        assignment = Assignment.objects.create(application=application, reviewer=reviewer)
        if scores:
            assignment.no_conflict_declared_at, assignment.completed_at = now, now
            assignment.save(update_fields=["no_conflict_declared_at", "completed_at"])
            for criterion, value in zip(call.criteria.all(), scores, strict=True):
                Score.objects.create(
                    assignment=assignment,
                    criterion=criterion,
                    value=Decimal(value),
                    comment="واضح ومقنع" if int(value) > 7 else "يحتاج إلى تفصيل",
                )
