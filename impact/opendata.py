"""Results and indicators as open data: CSV and JSON, streamed, read back by ``read_csv``.

One row per verified value: a quarter's total (no dimension) or one category of a
disaggregation, with the quarter's target beside totals. Grants carry their 360Giving
identifier, so the two publications join on it."""

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from impact.models import Indicator, SdgTarget, Target, Value, Verification

CHUNK = 5000

RESULT_COLUMNS = [
    "subject",
    "subject_id",
    "organization_id",
    "governorate",
    "indicator",
    "measure",
    "unit",
    "outcome",
    "period",
    "dimension",
    "category",
    "value",
    "target",
    "baseline",
]
INDICATOR_COLUMNS = [
    "code",
    "name_ar",
    "name_en",
    "definition_ar",
    "definition_en",
    "unit_ar",
    "unit_en",
    "direction",
    "aggregation",
    "numerator",
    "denominator",
    "factor",
    "disaggregations",
    "sdg_targets",
]
_NUMBERS = ("value", "target", "baseline")


def _grant_id(pk) -> str:
    return f"{settings.GIVING360_PREFIX}-{pk}"


def _org_id(registration_number) -> str:
    return f"{settings.GIVING360_PREFIX}-org-{registration_number}"


def sdg_targets_served(grants: list[int]) -> dict[int, list[tuple[str, str]]]:
    """For each grant with verified results, the SDG targets (code, English title) served."""
    found = defaultdict(list)
    rows = (
        SdgTarget.objects.filter(
            indicators__measures__grant__in=grants,
            indicators__measures__values__status=Verification.VERIFIED,
        )
        .values_list("indicators__measures__grant", "code", "title_en")
        .order_by("indicators__measures__grant", "goal", "pk")
        .distinct()
    )
    for grant, code, title in rows:
        found[grant].append((code, title))
    return found


def _rows(grant: int | None = None) -> Iterator[dict]:
    target = Target.objects.filter(measure=OuterRef("measure"), period=OuterRef("period"))
    values = Value.objects.filter(status=Verification.VERIFIED, measure__indicator__isnull=False)
    if grant is not None:
        values = values.filter(measure__grant=grant)
    values = (
        values.annotate(target=Subquery(target.values("value")[:1]))
        .order_by("measure", "period", "dimension", "category")
        .values_list(
            "measure__grant",
            "measure__programme__code",
            "measure__grant__application__organization__registration_number",
            "measure__governorate",
            "measure__indicator__code",
            "measure__name",
            "measure__unit",
            "measure__outcome",
            "period",
            "dimension",
            "category",
            "value",
            "target",
            "measure__baseline",
        )
    )
    for row in values.iterator(chunk_size=CHUNK):
        grant, programme, registration, *rest = row
        yield dict(
            zip(
                RESULT_COLUMNS,
                [
                    "grant" if grant else "programme",
                    _grant_id(grant) if grant else programme,
                    _org_id(registration) if registration else "",
                    *rest,
                ],
                strict=True,
            )
        )


def result_rows(grant: int | None = None) -> Iterator[dict]:
    """Each verified value (of one grant, or of all), targets only beside totals."""
    for row in _rows(grant):
        if row["dimension"]:
            row["target"] = None
        yield row


def as_text(value) -> str:
    """A value as open data writes it: plain decimals, ISO dates, empty for none."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_lines(rows: Iterable[dict], columns: list[str]) -> Iterator[list[str]]:
    for row in rows:
        yield [as_text(row[name]) for name in columns]


def csv_chunks(grant: int | None = None) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(RESULT_COLUMNS)
    for number, line in enumerate(as_lines(result_rows(grant), RESULT_COLUMNS), start=1):
        writer.writerow(line)
        if number % CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(grant: int | None = None) -> Iterator[str]:
    head = {"publisher": settings.GIVING360_PREFIX, "generated": timezone.now().isoformat()}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
    for number, row in enumerate(result_rows(grant)):
        line = {name: _json(value) for name, value in row.items()}
        yield ("," if number else "") + json.dumps(line, ensure_ascii=False)
    yield "]}"


def _json(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def read_csv(text: str) -> list[dict]:
    """The results CSV read back with its types (dates, decimals, empty as None)."""
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    if reader.fieldnames != RESULT_COLUMNS:
        raise ValueError(f"unexpected columns: {reader.fieldnames}")
    rows = []
    for row in reader:
        typed = dict(row)
        typed["period"] = date.fromisoformat(row["period"])
        for name in _NUMBERS:
            typed[name] = Decimal(row[name]) if row[name] else None
        rows.append(typed)
    return rows


def indicator_rows() -> list[dict]:
    indicators = Indicator.objects.select_related("numerator", "denominator").prefetch_related(
        "sdg_targets"
    )
    return [
        {
            **{name: getattr(i, name) for name in INDICATOR_COLUMNS[:9]},
            "numerator": i.numerator.code if i.numerator else "",
            "denominator": i.denominator.code if i.denominator else "",
            "factor": i.factor,
            "disaggregations": ";".join(i.disaggregations),
            "sdg_targets": ";".join(t.code for t in i.sdg_targets.all()),
        }
        for i in indicators
    ]
