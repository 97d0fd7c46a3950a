"""Grants and their results as IATI activities (standard 2.03), written grant by grant.

Each grant is an activity funded by the fund (participating-org role 1) and carried out by
the organization (role 4, a national NGO), with its commitment and one ``result`` per
outcome: each indicator with its measure (unit or percentage), direction, whether it may
be aggregated, its baseline, and per quarter the target and the verified actual — with a
``dimension`` for each category of a disaggregation. A ratio's actuals are computed from
its parts, quarter by quarter, as everywhere else.
"""

import io
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from lxml import etree

from fund.models import Grant
from impact import periods
from impact.models import Aggregation, Direction, Measure, Value, Verification

VERSION = "2.03"
CHUNK = 200
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NGO_NATIONAL, GOVERNMENT = "22", "10"
OUTCOME = "2"
UNIT, PERCENTAGE = "1", "2"


def _text(parent, tag: str, text: str, **attributes) -> etree._Element:
    element = etree.SubElement(parent, tag, **attributes)
    etree.SubElement(element, "narrative").text = text
    return element


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _grants_in_chunks() -> Iterator[list[Grant]]:
    grants = Grant.objects.select_related("application__organization").order_by("pk")
    last = 0
    while chunk := list(grants.filter(pk__gt=last)[:CHUNK]):
        yield chunk
        last = chunk[-1].pk


def _measures(grants: list[Grant]) -> dict[int, list[Measure]]:
    by_grant = defaultdict(list)
    measures = (
        Measure.objects.filter(grant__in=grants)
        .select_related("indicator")
        .prefetch_related("targets")
        .order_by("pk")
    )
    values = defaultdict(list)
    for value in Value.objects.filter(
        measure__grant__in=grants, status=Verification.VERIFIED
    ).order_by("period", "dimension", "category"):
        values[value.measure_id].append(value)
    for measure in measures:
        measure.verified = values[measure.pk]
        by_grant[measure.grant_id].append(measure)
    return by_grant


def activity(grant: Grant, measures: list[Measure]) -> etree._Element:
    application, organization = grant.application, grant.application.organization
    element = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": application.updated_at.isoformat(timespec="seconds"),
            XML_LANG: "ar",
            "default-currency": "EGP",
        },
    )
    etree.SubElement(
        element, "iati-identifier"
    ).text = f"{settings.IATI_REPORTING_ORG}-grant-{grant.pk}"
    _text(
        element,
        "reporting-org",
        settings.IATI_REPORTING_NAME,
        ref=settings.IATI_REPORTING_ORG,
        type=GOVERNMENT,
    )
    _text(element, "title", application.title or str(organization))
    _text(element, "description", application.summary or application.title, type="1")
    _text(
        element,
        "participating-org",
        settings.IATI_REPORTING_NAME,
        ref=settings.IATI_REPORTING_ORG,
        role="1",
        type=GOVERNMENT,
    )
    _text(
        element,
        "participating-org",
        organization.name_ar,
        ref=f"{settings.GIVING360_PREFIX}-org-{organization.registration_number}",
        role="4",
        type=NGO_NATIONAL,
    )
    finished = grant.ends_on < timezone.localdate()
    etree.SubElement(element, "activity-status", code="3" if finished else "2")
    etree.SubElement(
        element, "activity-date", type="1", **{"iso-date": grant.starts_on.isoformat()}
    )
    etree.SubElement(element, "activity-date", type="3", **{"iso-date": grant.ends_on.isoformat()})
    etree.SubElement(element, "recipient-country", code="EG", percentage="100")
    transaction = etree.SubElement(element, "transaction")
    etree.SubElement(transaction, "transaction-type", code="2")  # commitment
    etree.SubElement(transaction, "transaction-date", **{"iso-date": grant.awarded_on.isoformat()})
    value = etree.SubElement(transaction, "value", **{"value-date": grant.awarded_on.isoformat()})
    value.text = _number(grant.amount_awarded)
    outcomes = defaultdict(list)
    for measure in measures:
        outcomes[measure.outcome].append(measure)
    for outcome, grouped in outcomes.items():
        tied = {m.indicator_id: m for m in measures if m.indicator_id}
        _result(element, outcome, grouped, tied, grant.starts_on.year)
    return element


def _result(parent, outcome: str, measures: list[Measure], by_indicator: dict, year) -> None:
    result = etree.SubElement(parent, "result", type=OUTCOME)
    _text(result, "title", outcome)
    for measure in measures:
        library = measure.indicator
        ratio = library is not None and library.is_ratio
        indicator = etree.SubElement(
            result,
            "indicator",
            measure=PERCENTAGE if ratio and library.factor == 100 else UNIT,
            ascending="0" if library and library.direction == Direction.DOWN else "1",
            **{
                "aggregation-status": "1"
                if library and library.aggregation == Aggregation.SUM
                else "0"
            },
        )
        _text(indicator, "title", measure.name)
        if library:
            _text(indicator, "description", f"{library.code}: {library.definition_ar}")
        etree.SubElement(indicator, "baseline", year=str(year), value=_number(measure.baseline))
        actuals = _ratio_actuals(library, by_indicator) if ratio else _actuals(measure)
        targets = {t.period: t.value for t in measure.targets.all()}
        for period in sorted(targets.keys() | actuals.keys()):
            _period(indicator, period, targets.get(period), actuals.get(period, []))


def _actuals(measure: Measure) -> dict:
    found = defaultdict(list)
    for value in measure.verified:
        found[value.period].append(value)
    return found


def _ratio_actuals(library, by_indicator: dict) -> dict:
    """A ratio per quarter from its parts' verified totals in the same grant."""
    numerator, denominator = (
        by_indicator.get(library.numerator_id),
        by_indicator.get(library.denominator_id),
    )
    if numerator is None or denominator is None:
        return {}
    below = {v.period: v.value for v in denominator.verified if not v.dimension}
    found = {}
    for value in numerator.verified:
        if not value.dimension and below.get(value.period):
            share = library.factor * value.value / below[value.period]
            found[value.period] = [
                Value(period=value.period, value=share.quantize(Decimal("0.01")))
            ]
    return found


def _period(indicator, period, target, actuals) -> None:
    element = etree.SubElement(indicator, "period")
    end = periods.next_quarter(period) - timedelta(days=1)
    etree.SubElement(element, "period-start", **{"iso-date": period.isoformat()})
    etree.SubElement(element, "period-end", **{"iso-date": end.isoformat()})
    if target is not None:
        etree.SubElement(element, "target", value=_number(target))
    for value in actuals:
        actual = etree.SubElement(element, "actual", value=_number(value.value))
        if value.dimension:
            etree.SubElement(actual, "dimension", name=value.dimension, value=value.category)


def chunks() -> Iterator[bytes]:
    """The whole file, streamed: every grant's activity, a few hundred at a time."""
    buffer = io.BytesIO()
    with etree.xmlfile(buffer, encoding="utf-8") as xml:
        xml.write_declaration()
        generated = timezone.now().isoformat(timespec="seconds")
        with xml.element("iati-activities", version=VERSION, **{"generated-datetime": generated}):
            for grants in _grants_in_chunks():
                measures = _measures(grants)
                for grant in grants:
                    xml.write(activity(grant, measures.get(grant.pk, [])))
                yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.BytesIO) -> bytes:
    data = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return data
