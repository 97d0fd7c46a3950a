"""The public pages, the open data and the framework page as people use them."""

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import etree

from accounts.models import Role
from core.models import AuditEntry
from impact import opendata, rollup
from impact.models import Value, Verification

pytestmark = pytest.mark.django_db
SCHEMA = (
    Path(__file__).resolve().parent.parent
    / "standards"
    / "iati-2.03"
    / "iati-activities-schema.xsd"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def reported(tied, verified):
    cairo = tied("people-reached", "people-trained", "trained-in-work", "employment-rate")
    giza = tied("people-reached", governorate="21")
    verified(cairo, "people-reached", 1, "120", sex__female="70", sex__male="50")
    verified(cairo, "people-trained", 1, "40")
    verified(cairo, "trained-in-work", 2, "10")
    verified(cairo, "people-trained", 2, "10")
    verified(giza, "people-reached", 2, "30")
    rollup.rebuild()  # the public pages read the partial sums
    return cairo, giza


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def test_the_public_dashboard_shows_verified_totals_and_the_map(client, reported):
    page = client.get(reverse("impact:overview"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "عدد المستفيدين الذين وصلتهم الخدمة" in text
    assert "150" in text  # 120 in Cairo + 30 in Giza
    assert "القاهرة: 120" in text and "الجيزة: 30" in text  # the tiles' titles
    assert "1.3" in text  # the SDG targets served


def test_every_chart_has_its_numbers_as_csv(client, reported):
    download = client.get(
        reverse("impact:overview"), {"format": "csv", "indicator": "people-reached"}
    )
    rows = list(csv.reader(io.StringIO(_body(download).removeprefix("\ufeff"))))
    assert rows[0][:5] == ["table", "key", "label", "indicator", "actual"]
    assert rows[1][:2] == ["indicators", "people-reached"] and rows[1][4] == "150"
    assert ["governorates", "21"] in [row[:2] for row in rows if row[4] == "30"]


def test_filters_narrow_the_figures(client, reported):
    page = client.get(reverse("impact:overview"), {"governorate": "21", "format": "csv"})
    first = next(csv.reader(io.StringIO(_body(page).removeprefix("\ufeff")[30:].split("\n", 1)[1])))
    assert first[1] == "people-reached" and first[4] == "30"


def test_an_indicator_page_shows_its_rule_parts_and_disaggregations(client, reported):
    page = client.get(reverse("impact:indicator", args=["employment-rate"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "20" in text and "10 / 50" in text  # 100 × 10 ÷ 50, and its parts
    people = client.get(reverse("impact:indicator", args=["people-reached"]), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(_body(people).removeprefix("\ufeff"))))
    assert ["dimension-sex", "female"] in [row[:2] for row in rows if row[4] == "70"]
    assert client.get(reverse("impact:indicator", args=["nothing"])).status_code == 404


def test_the_results_csv_round_trips(client, reported):
    text = _body(client.get(reverse("impact:results_download", args=["csv"])))
    read = opendata.read_csv(text)
    assert read == list(opendata.result_rows())
    assert len(read) == 7  # five totals, two categories
    totals = [row for row in read if row["indicator"] == "people-reached" and not row["dimension"]]
    assert {(row["governorate"], row["value"]) for row in totals} == {("01", 120), ("21", 30)}


def test_the_results_json_carries_the_360giving_identifiers(client, reported, settings):
    data = json.loads(_body(client.get(reverse("impact:results_download", args=["json"]))))
    cairo, _giza = reported
    ids = {row["subject_id"] for row in data["results"]}
    assert f"{settings.GIVING360_PREFIX}-{cairo.pk}" in ids
    assert client.get(reverse("impact:results_download", args=["xlsx"])).status_code == 404


def test_the_indicator_library_downloads(client):
    rows = json.loads(client.get(reverse("impact:indicators_download", args=["json"])).content)
    rate = next(row for row in rows["indicators"] if row["code"] == "employment-rate")
    assert (rate["numerator"], rate["denominator"], rate["factor"]) == (
        "trained-in-work",
        "people-trained",
        100,
    )
    text = _body(client.get(reverse("impact:indicators_download", args=["csv"])))
    assert "people-reached" in text and "1.3;10.2" in text


def test_the_iati_export_validates_against_the_schema(client, reported):
    response = client.get(reverse("impact:iati"))
    document = etree.fromstring(b"".join(response.streaming_content))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), schema.error_log
    activities = document.findall("iati-activity")
    assert len(activities) == 2
    cairo = activities[0]
    rate = [i for i in cairo.iter("indicator") if i.get("measure") == "2"]
    # per quarter: Q2 had 10 trained and 10 in work (Q1 had no one in work yet)
    assert [a.get("value") for a in rate[0].iter("actual")] == ["100"]
    dimensions = {(d.get("name"), d.get("value")) for d in cairo.iter("dimension")}
    assert dimensions == {("sex", "female"), ("sex", "male")}


def test_no_iati_file_before_the_first_grant(client):
    assert client.get(reverse("impact:iati")).status_code == 404


def test_an_organization_gives_values_with_evidence_and_the_fund_verifies_them(
    client, sign_in, tied, second_officer
):
    grant = tied("people-reached")
    measure = grant.by_code["people-reached"]
    page = reverse("impact:grant_framework", args=[grant.pk])
    sign_in(client, grant.member)
    response = client.post(
        page,
        {
            "action": "values",
            "measure": measure.pk,
            f"v{measure.pk}-period": "2026-04-01",
            f"v{measure.pk}-total": "٤٠",  # Arabic-Indic digits
            f"v{measure.pk}-sex__female": "25",
            f"v{measure.pk}-sex__male": "10",
            f"v{measure.pk}-evidence": SimpleUploadedFile("sheet.png", PNG, "image/png"),
        },
        follow=True,
    )
    assert "لا الإجمالي 40" in response.content.decode()  # 25 + 10 is not 40: said, and kept
    value = measure.values.get(dimension="")
    assert (value.value, value.status) == (Decimal(40), Verification.REPORTED)
    assert value.evidence.count() == 1

    sign_in(client, second_officer)
    text = client.get(page).content.decode()
    assert reverse("impact:evidence", args=[value.evidence.get().pk]) in text
    client.post(
        page,
        {
            "action": "check",
            "measure": measure.pk,
            "value": value.pk,
            f"c{measure.pk}-verified": "no",
            f"c{measure.pk}-reason": "",
        },
    )
    value.refresh_from_db()
    assert value.status == Verification.REPORTED  # a rejection needs its reason
    client.post(
        page,
        {
            "action": "check",
            "measure": measure.pk,
            "value": value.pk,
            f"c{measure.pk}-verified": "yes",
        },
    )
    value.refresh_from_db()
    assert value.status == Verification.VERIFIED
    opened = client.get(reverse("impact:evidence", args=[value.evidence.get().pk]))
    assert opened.status_code == 200 and b"".join(opened.streaming_content).startswith(b"\x89PNG")
    assert AuditEntry.objects.filter(action="impact.evidence_opened").exists()


def test_values_refused_come_back_as_typed_with_what_is_wrong(client, sign_in, tied):
    grant = tied("people-reached")
    measure = grant.by_code["people-reached"]
    page = reverse("impact:grant_framework", args=[grant.pk])
    sign_in(client, grant.member)
    response = client.post(
        page,
        {
            "action": "values",
            "measure": measure.pk,
            f"v{measure.pk}-period": "2026-04-01",
            f"v{measure.pk}-total": "-5",
            f"v{measure.pk}-sex__female": "٢٥",
            f"v{measure.pk}-note": "من سجلات الحضور",
            f"v{measure.pk}-evidence": SimpleUploadedFile("sheet.exe", b"MZ\x90\x00", "image/png"),
        },
    )
    assert response.status_code == 400
    page_text = response.content.decode()
    # Nothing to type again; the Arabic-Indic digits come back as a number field holds them.
    assert 'value="-5"' in page_text and 'value="25"' in page_text
    assert "من سجلات الحضور" in page_text
    assert "<details open>" in page_text
    assert not measure.values.exists()


def test_other_organizations_see_neither_the_framework_nor_its_evidence(
    client, sign_in, tied, make_grant, verified
):
    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "5")
    stranger = make_grant().member
    sign_in(client, stranger)
    assert client.get(reverse("impact:grant_framework", args=[grant.pk])).status_code == 404
    measure = grant.by_code["people-reached"]
    forged = client.post(
        reverse("impact:grant_framework", args=[grant.pk]),
        {
            "action": "values",
            "measure": measure.pk,
            f"v{measure.pk}-period": "2026-01-01",
            f"v{measure.pk}-total": "999",
        },
    )
    assert forged.status_code == 404
    assert Value.objects.get(measure=measure, dimension="").value == 5


def test_a_fund_officer_ties_a_measure_and_sets_targets(
    client, sign_in, make_grant, officer, library
):
    grant = make_grant("عدد المتدربين")
    page = reverse("impact:grant_framework", args=[grant.pk])
    sign_in(client, officer)
    client.get(page)
    measure = grant.measures.get()
    client.post(
        page,
        {
            "action": "tie",
            "measure": measure.pk,
            f"m{measure.pk}-indicator": library["people-trained"].pk,
        },
    )
    client.post(
        page,
        {
            "action": "targets",
            "measure": measure.pk,
            f"t{measure.pk}-2026-01-01": "25",
            f"t{measure.pk}-2026-10-01": "",
        },
    )
    measure.refresh_from_db()
    assert measure.indicator == library["people-trained"]
    assert {t.period: t.value for t in measure.targets.all()} == {date(2026, 1, 1): 25}
    assert officer.role == Role.FUND_OFFICER


def test_the_360giving_record_links_its_results_and_sdg_targets(client, reported, settings):
    from fund.tests.test_360giving import _validator

    package = json.loads(_body(client.get(reverse("fund:grants_360giving"))))
    assert not list(_validator().iter_errors(package))
    cairo, _giza = reported
    record = next(
        g for g in package["grants"] if g["id"] == f"{settings.GIVING360_PREFIX}-{cairo.pk}"
    )
    codes = {c["code"] for c in record["classifications"] if c["vocabulary"] == "sdg-target"}
    assert {"1.3", "10.2", "4.4", "8.5"} <= codes
    link = record["relatedDocument"][0]["url"]
    assert link.endswith(f"/impact/data/results.json?grant={cairo.pk}")
    own = json.loads(
        _body(client.get(reverse("impact:results_download", args=["json"]), {"grant": cairo.pk}))
    )
    assert {row["subject_id"] for row in own["results"]} == {record["id"]}


def test_a_central_officer_builds_a_programme_framework(
    client, sign_in, programme, central, library, make_user
):
    page = reverse("impact:programme_framework", args=[programme.code])
    sign_in(client, central)
    client.post(
        page,
        {
            "action": "add",
            "indicator": library["families-supported"].pk,
            "governorate": "24",
            "outcome": "أسر أكثر في المنيا",
        },
    )
    measure = programme.measures.get()
    assert (measure.indicator, measure.governorate_id) == (library["families-supported"], "24")
    client.post(
        page,
        {
            "action": "values",
            "measure": measure.pk,
            f"v{measure.pk}-period": "2026-01-01",
            f"v{measure.pk}-total": "300",
        },
    )
    assert measure.values.get().status == Verification.REPORTED
    sign_in(client, make_user(Role.FUND_OFFICER))  # programmes are the ministry's
    assert (
        client.post(
            page, {"action": "add", "indicator": library["satisfaction"].pk, "outcome": "x"}
        ).status_code
        == 302
    )
    assert programme.measures.count() == 1
