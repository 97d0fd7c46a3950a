from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fund.models import (
    Application,
    BudgetKind,
    Call,
    CallStatus,
    Criterion,
)


@pytest.fixture
def open_call(db):
    now = timezone.now()
    call = Call.objects.create(
        code="innovation-2026",
        title_ar="منح الابتكار والتكنولوجيا ٢٠٢٦",
        title_en="Innovation and technology grants 2026",
        text_ar="دعم الجمعيات الناشئة في مشروعات التحول الرقمي.",
        text_en="Support for emerging associations in digital projects.",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=20),
        total_budget=Decimal("10000000"),
        grant_floor=Decimal("50000"),
        grant_ceiling=Decimal("500000"),
        admin_share_cap=Decimal("10"),
        status=CallStatus.PUBLISHED,
    )
    Criterion.objects.create(call=call, name_ar="الأثر", name_en="Impact", weight=60)
    Criterion.objects.create(call=call, name_ar="الاستدامة", name_en="Sustainability", weight=40)
    return call


@pytest.fixture
def applicant(make_organization, make_member):
    organization = make_organization(governorate="02", founded_on=date(2023, 5, 1))
    return organization, make_member(organization)


@pytest.fixture
def complete_draft(open_call, applicant):
    organization, member = applicant
    application = Application.objects.create(
        call=open_call,
        organization=organization,
        created_by=member,
        title="منصة تطوع رقمية",
        summary="ربط المتطوعين بالأسر المستفيدة في الإسكندرية.",
        requested_amount=Decimal("200000"),
    )
    for kind, amount in (
        (BudgetKind.PERSONNEL, "90000"),
        (BudgetKind.ACTIVITIES, "80000"),
        (BudgetKind.EQUIPMENT, "15000"),
        (BudgetKind.ADMINISTRATION, "15000"),
    ):
        application.budget_lines.create(kind=kind, description=str(kind.label), amount=amount)
    outcome = application.outcomes.create(text="أسر أكثر تصلها الخدمة")
    outcome.indicators.create(name="عدد الأسر المخدومة", unit="أسرة", baseline=0, target=500)
    return application
