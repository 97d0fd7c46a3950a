"""Awarded grants in the 360Giving Data Standard (1.4), streamed grant by grant.

Identifiers: 360Giving grant ids start with the publisher's prefix; organizations without
an identifier in org-id.guide get one made from the prefix and their registration number,
as the standard's guidance allows. Amounts are in Egyptian pounds (EGP).
"""

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from fund.models import Call, Grant
from impact.opendata import sdg_targets_served
from registry.models import Organization

SCHEMA_VERSION = "1.4"
CHUNK = 250


def _org_id(registration_number: str) -> str:
    return f"{settings.GIVING360_PREFIX}-org-{registration_number}"


# What a grant record reads, as flat rows: model instances of a grant and its application
# point at each other, and a long export left such cycles for the garbage collector,
# so memory grew with the number of grants until it ran.
OWN_COLUMNS = ("pk", "amount_awarded", "awarded_on", "starts_on", "ends_on")
RELATED_COLUMNS = {
    "title": F("application__title"),
    "summary": F("application__summary"),
    "requested": F("application__requested_amount"),
    "updated_at": F("application__updated_at"),
    "organization_id": F("application__organization_id"),
    "registration_number": F("application__organization__registration_number"),
    "name_ar": F("application__organization__name_ar"),
    "name_en": F("application__organization__name_en"),
    "governorate": F("application__organization__governorate__name_en"),
    "call_id": F("application__call_id"),
    "call_code": F("application__call__code"),
    "call_title": F("application__call__title_en"),
}


def grant_record(row: dict, fields_of_call: dict, fields_of_organization: dict) -> dict:
    """One grant in the standard's shape, from a row of the columns above."""
    record = {
        "id": f"{settings.GIVING360_PREFIX}-{row['pk']}",
        "title": row["title"],
        "description": row["summary"],
        "currency": "EGP",
        "amountAppliedFor": float(row["requested"]),
        "amountAwarded": float(row["amount_awarded"]),
        "awardDate": row["awarded_on"].isoformat(),
        "plannedDates": [
            {"startDate": row["starts_on"].isoformat(), "endDate": row["ends_on"].isoformat()}
        ],
        "recipientOrganization": [
            {
                "id": _org_id(row["registration_number"]),
                "name": row["name_en"] or row["name_ar"],
                "charityNumber": row["registration_number"],
                "addressLocality": row["governorate"],
                "addressCountry": "Egypt",
            }
        ],
        "beneficiaryLocation": [{"name": row["governorate"], "countryCode": "EG"}],
        "fundingOrganization": [
            {"id": settings.GIVING360_FUNDER_ID, "name": settings.GIVING360_FUNDER_NAME}
        ],
        "grantProgramme": [
            {
                "code": row["call_code"],
                "title": row["call_title"],
                "url": f"{settings.SITE_URL}/en/fund/calls/{row['call_code']}/",
            }
        ],
        "fromOpenCall": "Yes",
        "dateModified": timezone.localtime(row["updated_at"]).isoformat(),
    }
    fields = fields_of_call.get(row["call_id"]) or fields_of_organization.get(
        row["organization_id"]
    )
    if fields:
        record["classifications"] = [
            {"vocabulary": "sanad-fields-of-activity", "code": code, "title": title}
            for code, title in fields
        ]
    return record


def awarded_grants():
    return Grant.objects.order_by("pk")


def _fields_by(through, owner: str, ids) -> dict[int, list[tuple[str, str]]]:
    """The fields of activity (code, English name) of each owner (call or organization)."""
    found = defaultdict(list)
    rows = through.objects.filter(**{f"{owner}_id__in": ids}).values_list(
        f"{owner}_id", "fieldofactivity__code", "fieldofactivity__name_en"
    )
    for owner_id, code, title in rows:
        found[owner_id].append((code, title))
    return found


def _records(grants) -> Iterator[dict]:
    """Grant records a chunk at a time, with each chunk's fields fetched in one query.

    (Not prefetch_related with iterator(): measured here, it kept every chunk alive.)
    """
    calls = _fields_by(Call.fields.through, "call", Call.objects.values("pk"))
    chunk: list[dict] = []
    for row in grants.values(*OWN_COLUMNS, **RELATED_COLUMNS).iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from _chunk_records(chunk, calls)
            chunk = []
    yield from _chunk_records(chunk, calls)


def _chunk_records(chunk: list[dict], calls: dict) -> Iterator[dict]:
    organizations = _fields_by(
        Organization.fields.through, "organization", [row["organization_id"] for row in chunk]
    )
    served = sdg_targets_served([row["pk"] for row in chunk])
    for row in chunk:
        record = grant_record(row, calls, organizations)
        if row["pk"] in served:
            _join_results(record, row["pk"], served[row["pk"]])
        yield record


def _join_results(record: dict, pk: int, targets: list[tuple[str, str]]) -> None:
    """Where the standard has room for them: the SDG targets the grant's verified results
    serve, as classifications, and its results file as a related document."""
    record.setdefault("classifications", []).extend(
        {"vocabulary": "sdg-target", "code": code, "title": title} for code, title in targets
    )
    record["relatedDocument"] = [
        {
            "id": f"{record['id']}-results",
            "title": "Verified results, quarter by quarter",
            "url": f"{settings.SITE_URL}/en/impact/data/results.json?grant={pk}",
            "documentType": "Results",
        }
    ]


def package_chunks(grants=None) -> Iterator[str]:
    """The JSON package as text chunks, one grant at a time: memory stays flat."""
    grants = awarded_grants() if grants is None else grants
    metadata = {
        "version": SCHEMA_VERSION,
        "title": "Civil Society Support Fund grants",
        "issued": timezone.localdate().isoformat(),
        "publisher": {
            "name": settings.GIVING360_FUNDER_NAME,
            "identifier": settings.GIVING360_FUNDER_ID,
        },
        "grants": [],  # last, so the package is this text cut before its "]}"
    }
    yield json.dumps(metadata, ensure_ascii=False).removesuffix("]}")
    for number, record in enumerate(_records(grants)):
        yield ("," if number else "") + json.dumps(record, ensure_ascii=False)
    yield "]}"


# The 360Giving spreadsheet columns (their titles in the standard's flat template), each
# with the way to read it from a grant record.
CSV_COLUMNS = (
    ("Identifier", lambda r: r["id"]),
    ("Title", lambda r: r["title"]),
    ("Description", lambda r: r["description"]),
    ("Currency", lambda r: r["currency"]),
    ("Amount Applied For", lambda r: r["amountAppliedFor"]),
    ("Amount Awarded", lambda r: r["amountAwarded"]),
    ("Award Date", lambda r: r["awardDate"]),
    ("Planned Dates:Start Date", lambda r: r["plannedDates"][0]["startDate"]),
    ("Planned Dates:End Date", lambda r: r["plannedDates"][0]["endDate"]),
    ("Recipient Org:Identifier", lambda r: r["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda r: r["recipientOrganization"][0]["name"]),
    ("Recipient Org:Charity Number", lambda r: r["recipientOrganization"][0]["charityNumber"]),
    ("Recipient Org:City", lambda r: r["recipientOrganization"][0]["addressLocality"]),
    ("Recipient Org:Country", lambda r: r["recipientOrganization"][0]["addressCountry"]),
    ("Beneficiary Location:Name", lambda r: r["beneficiaryLocation"][0]["name"]),
    ("Beneficiary Location:Country Code", lambda r: r["beneficiaryLocation"][0]["countryCode"]),
    ("Funding Org:Identifier", lambda r: r["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda r: r["fundingOrganization"][0]["name"]),
    ("Grant Programme:Code", lambda r: r["grantProgramme"][0]["code"]),
    ("Grant Programme:Title", lambda r: r["grantProgramme"][0]["title"]),
    ("Grant Programme:URL", lambda r: r["grantProgramme"][0]["url"]),
    ("From An Open Call?", lambda r: r["fromOpenCall"]),
    ("Last Modified", lambda r: r["dateModified"]),
    (
        "Classifications:Title",
        lambda r: "; ".join(c["title"] for c in r.get("classifications", [])),
    ),
)


def csv_chunks(grants=None) -> Iterator[str]:
    """The same grants as CSV lines (with a BOM, so spreadsheets read the Arabic right)."""
    grants = awarded_grants() if grants is None else grants
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(values)
        return buffer.getvalue()

    yield "\ufeff" + line([title for title, _read in CSV_COLUMNS])
    for record in _records(grants):
        yield line([read(record) for _title, read in CSV_COLUMNS])
