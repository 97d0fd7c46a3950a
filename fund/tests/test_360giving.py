import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from accounts.models import Role
from core.errors import ActionError
from fund import applications, decisions, review
from fund.decisions import Decision
from fund.models import ApplicationStatus, Grant

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent.parent / "standards" / "360giving"


def _validator() -> Draft202012Validator:
    grant = json.loads((SCHEMAS / "360-giving-schema.json").read_text())
    package = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    resource = Resource.from_contents(grant, default_specification=DRAFT202012)
    base = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/{}/schema/360-giving-schema.json"
    registry = Registry().with_resources(
        [(base.format("1.4.2"), resource), (base.format("1.4.3"), resource)]
    )
    return Draft202012Validator(package, registry=registry, format_checker=FormatChecker())


@pytest.fixture
def awarded(complete_draft, make_user):
    officer = make_user(Role.FUND_OFFICER)
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    return decisions.decide(
        complete_draft,
        Decision.FUND_REDUCED,
        by=officer,
        reason="موازنة المعدات أعلى من اللازم",
        amount=Decimal("180000"),
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
    )


def test_the_committee_awards_less_than_asked_and_both_amounts_stay_visible(awarded):
    assert awarded.amount_awarded == Decimal("180000")
    assert awarded.application.requested_amount == Decimal("200000")
    assert awarded.application.status == ApplicationStatus.FUNDED


def test_decisions_need_reasons_and_sane_amounts(complete_draft, make_user):
    officer = make_user(Role.FUND_OFFICER)
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    with pytest.raises(ActionError):
        decisions.decide(complete_draft, Decision.REJECT, by=officer, reason=" ")
    for amount in (Decimal("0"), Decimal("250000")):
        with pytest.raises(ActionError) as bad:
            decisions.decide(
                complete_draft,
                Decision.FUND_REDUCED,
                by=officer,
                reason="x",
                amount=amount,
                starts_on=date(2027, 1, 1),
                ends_on=date(2027, 6, 1),
            )
        assert bad.value.code == "bad_amount"
    assert not Grant.objects.exists()
    decisions.decide(complete_draft, Decision.WAITING_LIST, by=officer, reason="الميزانية نفدت")
    complete_draft.refresh_from_db()
    assert complete_draft.status == ApplicationStatus.WAITING_LIST


def test_the_export_validates_against_the_standards_own_schema(awarded, tmp_path, client):
    out = tmp_path / "grants.json"
    call_command("export_360giving", "--out", str(out))
    package = json.loads(out.read_text())
    assert not list(_validator().iter_errors(package))
    grant = package["grants"][0]
    assert grant["amountAwarded"] == 180000 and grant["amountAppliedFor"] == 200000
    assert grant["currency"] == "EGP" and grant["grantProgramme"][0]["code"] == "innovation-2026"
    assert grant["beneficiaryLocation"][0]["name"] == "Alexandria"
    downloaded = b"".join(client.get("/fund/grants-360giving.json").streaming_content)
    assert json.loads(downloaded)["grants"][0]["id"] == grant["id"]


def test_the_export_refuses_an_empty_package(tmp_path):
    with pytest.raises(CommandError):
        call_command("export_360giving", "--out", str(tmp_path / "none.json"))


def test_a_broken_record_is_caught_by_the_schema(awarded):
    from fund.giving360 import package_chunks

    package = json.loads("".join(package_chunks()))
    del package["grants"][0]["awardDate"]
    assert list(_validator().iter_errors(package))


def test_the_export_asks_the_database_a_fixed_number_of_times(
    awarded, django_assert_max_num_queries
):
    from fund.giving360 import package_chunks

    with django_assert_max_num_queries(6):
        assert "".join(package_chunks())


def test_the_csv_carries_the_same_grant_in_the_standards_columns(awarded, tmp_path, client):
    import csv

    out = tmp_path / "grants.csv"
    call_command("export_360giving", "--out", str(out), "--format", "csv")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == 1
    row = rows[0]
    assert row["Amount Awarded"] == "180000.0" and row["Currency"] == "EGP"
    assert row["Recipient Org:Name"] == awarded.application.organization.name_ar
    downloaded = b"".join(client.get("/fund/grants-360giving.csv").streaming_content)
    assert (
        downloaded.decode("utf-8-sig").splitlines()[1]
        == out.read_text(encoding="utf-8-sig").splitlines()[1]
    )
