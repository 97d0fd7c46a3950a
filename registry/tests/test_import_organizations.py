import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from registry.importer import COLUMNS
from registry.models import Organization

pytestmark = pytest.mark.django_db

GOOD = [
    [
        "02-0001",
        "regional_federation",
        "الاتحاد الإقليمي بالإسكندرية",
        "",
        "02",
        "",
        "2001-01-01",
        "",
        "active",
        "",
        "",
        "",
        "",
    ],
    [
        "١٢٣٤/٢٠١٩",
        "جمعية",
        "جمعية الأمل",
        "Hope Association",
        "الاسكندريه",
        "شارع ١",
        "01/05/2019",
        "orphans;رعاية المسنين",
        "",
        "02-0001",
        "٠١٠٠١٢٣٤٥٦٧",
        "Info@Hope.org",
        "",
    ],
    ["55", "foundation", "مؤسسة النور", "", "Cairo", "", "", "", "موقوفة", "", "", "", ""],
]
BAD = ["X-2", "club", "", "", "99", "", "2099-01-01", "nope", "", "", "123", "bad", ""]


def _write(path, rows, header=COLUMNS, encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _run(path, *args):
    call_command("import_organizations", str(path), *args, "--language", "en")


def test_a_dry_run_writes_nothing(tmp_path):
    _run(_write(tmp_path / "orgs.csv", GOOD))
    assert not Organization.objects.exists()


def test_commit_imports_and_normalizes_every_good_row(tmp_path):
    _run(_write(tmp_path / "orgs.csv", GOOD), "--commit")
    hope = Organization.objects.get(registration_number="1234/2019")
    assert hope.governorate_id == "02" and hope.kind == "association"
    assert hope.phone == "+201001234567" and hope.email == "info@hope.org"
    assert str(hope.founded_on) == "2019-05-01"
    assert sorted(hope.fields.values_list("code", flat=True)) == ["elderly", "orphans"]
    assert hope.federation.registration_number == "02-0001"
    assert list(Organization.objects.search("الامل")) == [hope]
    assert Organization.objects.get(registration_number="55").status == "suspended"


def test_a_second_import_of_the_same_file_changes_nothing(tmp_path, capsys):
    path = _write(tmp_path / "orgs.csv", GOOD)
    _run(path, "--commit")
    before = list(Organization.objects.values().order_by("pk"))
    capsys.readouterr()
    _run(path, "--commit")
    assert "0 created, 0 updated, 3 unchanged" in capsys.readouterr().out
    assert list(Organization.objects.values().order_by("pk")) == before


def test_a_changed_row_updates_the_same_organization(tmp_path):
    _run(_write(tmp_path / "orgs.csv", GOOD), "--commit")
    changed = [row[:] for row in GOOD]
    changed[2][2] = "مؤسسة النور للتنمية"
    _run(_write(tmp_path / "orgs2.csv", changed), "--commit")
    assert Organization.objects.count() == 3
    assert Organization.objects.get(registration_number="55").name_ar == "مؤسسة النور للتنمية"


def test_bad_rows_are_reported_with_every_reason_and_never_stop_the_good(tmp_path, capsys):
    path = _write(tmp_path / "orgs.csv", [GOOD[0], BAD, GOOD[2]])
    _run(path, "--commit")
    out = capsys.readouterr().out
    assert Organization.objects.count() == 2
    assert "2 created, 0 updated, 0 unchanged, 1 rejected" in out
    with (tmp_path / "orgs.csv.report.csv").open(encoding="utf-8") as handle:
        report = list(csv.DictReader(handle))
    assert [row["line"] for row in report] == ["3"]
    reasons = report[0]["reasons"]
    for expected in (
        "name_ar is empty",
        "unknown kind",
        "unknown governorate",
        "in the future",
        "not a valid phone",
        "email 'bad'",
        "unknown field of activity",
    ):
        assert expected in reasons


def test_the_report_reasons_can_be_in_arabic(tmp_path, capsys):
    path = _write(tmp_path / "orgs.csv", [BAD])
    call_command("import_organizations", str(path), "--language", "ar")
    assert "محافظة غير معروفة" in capsys.readouterr().out


def test_an_unknown_federation_is_a_warning_not_a_rejection(tmp_path, capsys):
    row = GOOD[2][:]
    row[9] = "NO-SUCH"
    _run(_write(tmp_path / "orgs.csv", [row]), "--commit")
    assert Organization.objects.get(registration_number="55").federation is None
    assert "federation NO-SUCH is not in the register" in capsys.readouterr().out


def test_a_file_without_the_required_columns_is_refused_whole(tmp_path):
    path = _write(tmp_path / "orgs.csv", [["1", "x"]], header=["registration_number", "name"])
    with pytest.raises(CommandError, match="kind, name_ar, governorate"):
        _run(path, "--commit")


def test_excel_files_with_a_byte_order_mark_import(tmp_path):
    _run(_write(tmp_path / "orgs.csv", GOOD, encoding="utf-8-sig"), "--commit")
    assert Organization.objects.count() == 3


def test_a_row_that_is_not_utf8_is_rejected_alone(tmp_path):
    path = _write(tmp_path / "orgs.csv", GOOD)
    with path.open("ab") as handle:
        handle.write(b"77,association," + "جمعية".encode("cp1256") + b",,01,,,,,,,,\n")
    _run(path, "--commit")
    assert Organization.objects.count() == 3
    assert not Organization.objects.filter(registration_number="77").exists()


def test_a_row_with_extra_cells_or_an_overlong_field_is_rejected_alone(tmp_path):
    too_long = GOOD[2][:]
    too_long[0], too_long[2] = "L-1", "ج" * 300
    path = _write(tmp_path / "orgs.csv", [GOOD[0], [*GOOD[2], "extra"], too_long])
    _run(path, "--commit")
    assert list(Organization.objects.values_list("registration_number", flat=True)) == ["02-0001"]
