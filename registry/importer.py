"""Bulk import of organizations from the ministry's CSV export.

Streams the file in batches, so memory stays flat whatever the file's size.
Idempotent by registration number: a second run of the same file changes
nothing. A bad row is reported with its reasons and never stops the others.
The CSV columns are documented in README.md.
"""

import contextlib
import csv
import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from core import audit
from core.models import Governorate
from core.phones import parse_phone
from core.text import clean_text, search_key
from registry.models import (
    FEDERATION_KINDS,
    FieldOfActivity,
    Organization,
    OrganizationKind,
    OrganizationStatus,
)

REQUIRED_COLUMNS = ("registration_number", "kind", "name_ar", "governorate")
# Every column the importer reads, in the order README.md documents them.
COLUMNS = (
    "registration_number", "kind", "name_ar", "name_en", "governorate", "address",
    "founded_on", "fields", "status", "federation", "phone", "email", "website",
)  # fmt: skip
# Written by the importer; compared to decide whether a row changes anything.
SCALAR_FIELDS = (
    "kind",
    "name_ar",
    "name_en",
    "governorate_id",
    "address",
    "founded_on",
    "status",
    "phone",
    "email",
    "website",
)
BATCH_SIZE = 1000
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (for example, a required column is missing)."""


@dataclass
class ParsedRow:
    line: int
    values: dict
    field_codes: list[str]
    federation: str


@dataclass
class Rejection:
    line: int
    registration_number: str
    reasons: list[str]
    severity: str = "rejected"


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings: int = 0
    rows: int = 0

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged


def _lookup(pairs: Iterable[tuple[str, ...]]) -> dict[str, str]:
    """Map every spelling (code, Arabic, English) to the code, through the search key."""
    table = {}
    for code, *names in pairs:
        for name in (code, *names):
            table[search_key(str(name))] = code
    return table


@dataclass
class Vocabulary:
    """The reference data rows are checked against, loaded once per import."""

    kinds: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    governorates: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    field_ids: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Vocabulary":
        def labelled(choices):
            rows = []
            for value, label in choices.choices:
                names = []
                for language in ("ar", "en"):
                    with translation.override(language):
                        names.append(str(label))
                rows.append((value, *names))
            return rows

        governorates = list(Governorate.objects.values_list("code", "name_ar", "name_en"))
        governorates += [(code.lstrip("0"), ar, en) for code, ar, en in governorates]
        table = _lookup(governorates)
        vocabulary = cls(
            kinds=_lookup(labelled(OrganizationKind)),
            statuses=_lookup(labelled(OrganizationStatus)),
            governorates={key: code.zfill(2) for key, code in table.items()},
            fields=_lookup(FieldOfActivity.objects.values_list("code", "name_ar", "name_en")),
        )
        vocabulary.field_ids = dict(FieldOfActivity.objects.values_list("code", "id"))
        return vocabulary


_EMAIL = EmailValidator()
_URL = URLValidator(schemes=["http", "https"])
_MAX_LENGTHS = {f.name: f.max_length for f in Organization._meta.fields if f.max_length}


def _parse_date(text: str) -> datetime.date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    raise ValueError(text)


def parse_row(line: int, raw: dict, vocabulary: Vocabulary) -> ParsedRow | Rejection:
    """Check one CSV row; return what to write or every reason it cannot be written."""
    row = {key: clean_text(value or "") for key, value in raw.items() if key}
    reasons = []
    number = row.get("registration_number", "")
    if any("\ufffd" in value for value in row.values()):
        reasons.append(_("the row has characters that are not UTF-8 text"))
    for column in REQUIRED_COLUMNS:
        if not row.get(column):
            reasons.append(_("%(column)s is empty") % {"column": column})
    for column, limit in _MAX_LENGTHS.items():
        if len(row.get(column, "")) > limit:
            reasons.append(
                _("%(column)s is longer than %(limit)d characters")
                % {"column": column, "limit": limit}
            )
    values = {
        "registration_number": number,
        "name_ar": row.get("name_ar", ""),
        "name_en": row.get("name_en", ""),
        "address": row.get("address", ""),
        "founded_on": None,
        "phone": "",
        "email": row.get("email", "").lower(),
        "website": row.get("website", ""),
    }
    kind = vocabulary.kinds.get(search_key(row.get("kind", "")))
    if row.get("kind") and not kind:
        reasons.append(_("unknown kind %(value)r") % {"value": row["kind"]})
    values["kind"] = kind
    governorate = vocabulary.governorates.get(search_key(row.get("governorate", "")))
    if row.get("governorate") and not governorate:
        reasons.append(_("unknown governorate %(value)r") % {"value": row["governorate"]})
    values["governorate_id"] = governorate
    status = row.get("status") or OrganizationStatus.ACTIVE.value
    values["status"] = vocabulary.statuses.get(search_key(status))
    if not values["status"]:
        reasons.append(_("unknown status %(value)r") % {"value": status})
    if row.get("founded_on"):
        try:
            values["founded_on"] = _parse_date(row["founded_on"])
        except ValueError:
            reasons.append(
                _("founded_on %(value)r is not a date (use YYYY-MM-DD)")
                % {"value": row["founded_on"]}
            )
        else:
            if values["founded_on"] > datetime.date.today():  # noqa: DTZ011 (a calendar date)
                reasons.append(_("founded_on is in the future"))
    if row.get("phone"):
        try:
            values["phone"] = parse_phone(row["phone"])
        except ValidationError as error:
            reasons.append(_("phone: %(error)s") % {"error": " ".join(error.messages)})
    for column, validator in (("email", _EMAIL), ("website", _URL)):
        if values[column]:
            try:
                validator(values[column])
            except ValidationError:
                reasons.append(
                    _("%(column)s %(value)r is not valid")
                    % {"column": column, "value": values[column]}
                )
    field_codes = []
    for name in filter(
        None, (part.strip() for part in row.get("fields", "").replace("|", ";").split(";"))
    ):
        code = vocabulary.fields.get(search_key(name))
        if code:
            field_codes.append(code)
        else:
            reasons.append(_("unknown field of activity %(value)r") % {"value": name})
    if reasons:
        return Rejection(line, number, reasons)
    return ParsedRow(line, values, sorted(set(field_codes)), row.get("federation", ""))


def _read_rows(text: IO[str]) -> Iterator[tuple[int, dict | None, str]]:
    """Yield (line, row, error) for every record; a broken record yields its error instead."""
    reader = csv.DictReader(text)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV: %(error)s") % {"error": error}
        ) from error
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _("The file lacks the column(s) %(missing)s. The first line must name the columns.")
            % {"missing": ", ".join(missing)}
        )
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield reader.line_num, None, str(error)
            continue
        if None in row:
            yield reader.line_num, None, _("the row has more cells than the header")
            continue
        yield reader.line_num, row, ""


class OrganizationImporter:
    def __init__(self, *, commit: bool, by=None, source: str = "", report: IO[str] | None = None):
        self.commit = commit
        self.by = by
        self.source = source
        self.result = ImportResult()
        self.vocabulary = Vocabulary.load()
        self.report = csv.writer(report) if report is not None else None
        if self.report:
            self.report.writerow(["line", "registration_number", "outcome", "reasons"])

    def run(self, stream: IO[str], progress=None) -> ImportResult:
        """Import every row of ``stream``; in a dry run nothing stays written.

        With ``commit`` each batch is its own transaction, so a long import
        never holds the database for its whole length and a re-run resumes.
        """
        with transaction.atomic() if not self.commit else contextlib.nullcontext():
            batch: list[ParsedRow] = []
            for line, row, error in _read_rows(stream):
                self.result.rows += 1
                parsed = (
                    Rejection(line, "", [error]) if error else parse_row(line, row, self.vocabulary)
                )
                if isinstance(parsed, Rejection):
                    self._reject(parsed)
                else:
                    batch.append(parsed)
                if len(batch) >= BATCH_SIZE:
                    self._write(batch)
                    batch = []
                    if progress:
                        progress(self.result)
            if batch:
                self._write(batch)
            if not self.commit:
                transaction.set_rollback(True)
        return self.result

    def _reject(self, rejection: Rejection) -> None:
        if rejection.severity == "rejected":
            self.result.rejected += 1
        else:
            self.result.warnings += 1
        if self.report:
            self.report.writerow(
                [
                    rejection.line,
                    rejection.registration_number,
                    rejection.severity,
                    "; ".join(rejection.reasons),
                ]
            )

    def _write(self, rows: list[ParsedRow]) -> None:
        # The same number twice in one batch: the later row wins, as it would across batches.
        rows = list({row.values["registration_number"]: row for row in rows}.values())
        with transaction.atomic():
            existing = Organization.objects.in_bulk(
                [row.values["registration_number"] for row in rows],
                field_name="registration_number",
            )
            current_fields = self._current_fields(existing.values())
            to_create, to_update, field_changes = [], [], {}
            for row in rows:
                organization = existing.get(row.values["registration_number"])
                if organization is None:
                    organization = Organization(**row.values)
                    organization.refresh_search_key()
                    to_create.append((organization, row))
                    continue
                changed = [n for n in SCALAR_FIELDS if getattr(organization, n) != row.values[n]]
                fields_changed = current_fields.get(organization.pk, []) != row.field_codes
                for name in changed:
                    setattr(organization, name, row.values[name])
                if changed:
                    organization.refresh_search_key()
                    to_update.append(organization)
                if fields_changed:
                    field_changes[organization.pk] = row.field_codes
                if changed or fields_changed:
                    self.result.updated += 1
                else:
                    self.result.unchanged += 1
            Organization.objects.bulk_create([org for org, _row in to_create], batch_size=500)
            self.result.created += len(to_create)
            for organization, row in to_create:
                if row.field_codes:
                    field_changes[organization.pk] = row.field_codes
            if to_update:
                Organization.objects.bulk_update(
                    to_update, [*SCALAR_FIELDS, "search_key", "updated_at"], batch_size=500
                )
            self._set_fields(field_changes)
            self._link_federations(rows)
            audit.record(
                "registry.organizations_imported",
                actor=self.by,
                data={
                    "source": self.source,
                    "created": len(to_create),
                    "updated": len(to_update) + len(field_changes),
                    "first_line": rows[0].line,
                    "last_line": rows[-1].line,
                },
            )

    @staticmethod
    def _current_fields(organizations) -> dict[int, list[str]]:
        through = Organization.fields.through
        current: dict[int, list[str]] = {}
        pairs = through.objects.filter(
            organization_id__in=[o.pk for o in organizations]
        ).values_list("organization_id", "fieldofactivity__code")
        for organization_id, code in pairs:
            current.setdefault(organization_id, []).append(code)
        return {key: sorted(codes) for key, codes in current.items()}

    def _set_fields(self, changes: dict[int, list[str]]) -> None:
        if not changes:
            return
        through = Organization.fields.through
        through.objects.filter(organization_id__in=list(changes)).delete()
        through.objects.bulk_create(
            [
                through(
                    organization_id=organization_id,
                    fieldofactivity_id=self.vocabulary.field_ids[code],
                )
                for organization_id, codes in changes.items()
                for code in codes
            ],
            batch_size=1000,
        )

    def _link_federations(self, rows: list[ParsedRow]) -> None:
        linked = [row for row in rows if row.federation]
        if not linked:
            return
        federations = Organization.objects.in_bulk(
            {row.federation for row in linked}, field_name="registration_number"
        )
        members = Organization.objects.in_bulk(
            [row.values["registration_number"] for row in linked], field_name="registration_number"
        )
        to_update = []
        for row in linked:
            federation = federations.get(row.federation)
            member = members[row.values["registration_number"]]
            if federation is None or federation.kind not in FEDERATION_KINDS:
                reason = (
                    _("federation %(number)s is not in the register; link not set")
                    if federation is None
                    else _("%(number)s is not a federation or union; link not set")
                )
                self._reject(
                    Rejection(
                        row.line,
                        member.registration_number,
                        [reason % {"number": row.federation}],
                        "warning",
                    )
                )
            elif member.federation_id != federation.pk:
                member.federation_id = federation.pk
                to_update.append(member)
        Organization.objects.bulk_update(to_update, ["federation"], batch_size=500)


def import_file(
    path: Path, *, commit: bool, by=None, report: IO[str] | None = None, progress=None
) -> ImportResult:
    # Bytes that are not UTF-8 become U+FFFD, which parse_row rejects with its line.
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        importer = OrganizationImporter(commit=commit, by=by, source=path.name, report=report)
        return importer.run(stream, progress=progress)
