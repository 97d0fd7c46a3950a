from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.utils import timezone

from accounts.models import Role
from fund.models import Application, ApplicationStatus, Call, CallStatus, Grant
from impact import results
from impact.models import Indicator, Programme

_numbers = count(1)


@pytest.fixture
def officer(make_user):
    return make_user(Role.FUND_OFFICER)


@pytest.fixture
def second_officer(make_user):
    return make_user(Role.FUND_OFFICER)


@pytest.fixture
def central(make_user):
    return make_user(Role.CENTRAL_OFFICER)


@pytest.fixture
def call(db):
    now = timezone.now()
    return Call.objects.create(
        code="results-2026",
        title_ar="منح التمكين الاقتصادي",
        title_en="Economic empowerment grants",
        text_ar="نص",
        text_en="Text",
        opens_at=now - timedelta(days=400),
        closes_at=now - timedelta(days=300),
        total_budget=Decimal("10000000"),
        grant_floor=Decimal("50000"),
        grant_ceiling=Decimal("500000"),
        admin_share_cap=Decimal("10"),
        status=CallStatus.CLOSED,
    )


@pytest.fixture
def make_grant(call, make_organization, make_member, officer):
    """An awarded grant for 2026 whose application promised one indicator per name."""

    def make(*names, governorate="01", amount="100000"):
        organization = make_organization(f"جمعية {next(_numbers)}", governorate=governorate)
        member = make_member(organization)
        application = Application.objects.create(
            call=call,
            organization=organization,
            created_by=member,
            title="مشروع",
            summary="ملخص",
            requested_amount=Decimal(amount),
            status=ApplicationStatus.FUNDED,
        )
        outcome = application.outcomes.create(text="تمكين الأسر")
        for name in names or ("المستفيدون",):
            outcome.indicators.create(name=name, unit="شخص", baseline=0, target=100)
        grant = Grant.objects.create(
            application=application,
            amount_awarded=Decimal(amount),
            awarded_on=date(2025, 12, 1),
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            decided_by=officer,
        )
        grant.member = member
        return grant

    return make


@pytest.fixture
def library(db):
    return {indicator.code: indicator for indicator in Indicator.objects.all()}


@pytest.fixture
def tied(make_grant, library, officer):
    """A grant whose measures count under the named library indicators."""

    def make(*codes, governorate="01", amount="100000"):
        grant = make_grant(*codes, governorate=governorate, amount=amount)
        measures = results.ensure_for_grant(grant)
        for measure, code in zip(measures, codes, strict=True):
            results.tie(measure, library[code], by=officer)
        grant.by_code = {m.indicator.code: m for m in grant.measures.select_related("indicator")}
        return grant

    return make


@pytest.fixture
def verified(second_officer):
    """Record a quarter's value as the grant's member and verify it as an officer."""

    def give(grant, code, quarter, value, **parts):
        measure = grant.by_code[code]
        period = date(2026, 3 * quarter - 2, 1)
        given = {tuple(key.split("__")): Decimal(v) for key, v in parts.items()}
        found = results.record(measure, period, by=grant.member, total=Decimal(value), parts=given)
        for stored in measure.values.filter(period=period):
            results.check(stored, by=second_officer, verified=True)
        return found

    return give


@pytest.fixture
def programme(db):
    return Programme.objects.create(
        code="takaful-outreach",
        name_ar="التوعية ببرنامج تكافل وكرامة",
        name_en="Takaful and Karama outreach",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
        budget=Decimal("2000000"),
    )
