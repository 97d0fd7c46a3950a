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
from django.utils import timezone

from fund.models import Call, Grant
from registry.models import FieldOfActivity, Organization

SCHEMA_VERSION = "1.4"
CHUNK = 250


def _org_id(registration_number: str) -> str:
    return f"{settings.GIVING360_PREFIX}-org-{registration_number}"


def grant_record(grant: Grant, fields_of_call: dict, fields_of_organization: dict) -> dict:
    application = grant.application
    organization, call = application.organization, application.call
    record = {
        "id": f"{settings.GIVING360_PREFIX}-{grant.pk}",
        "title": application.title,
        "description": application.summary,
        "currency": "EGP",
        "amountAppliedFor": float(application.requested_amount),
        "amountAwarded": float(grant.amount_awarded),
        "awardDate": grant.awarded_on.isoformat(),
        "plannedDates": [
            {"startDate": grant.starts_on.isoformat(), "endDate": grant.ends_on.isoformat()}
        ],
        "recipientOrganization": [
            {
                "id": _org_id(organization.registration_number),
                "name": organization.name_en or organization.name_ar,
                "charityNumber": organization.registration_number,
                "addressLocality": organization.governorate.name_en,
                "addressCountry": "Egypt",
            }
        ],
        "beneficiaryLocation": [{"name": organization.governorate.name_en, "countryCode": "EG"}],
        "fundingOrganization": [
            {"id": settings.GIVING360_FUNDER_ID, "name": settings.GIVING360_FUNDER_NAME}
        ],
        "grantProgramme": [{"code": call.code, "title": call.title_en, "url": _call_url(call)}],
        "fromOpenCall": "Yes",
        "dateModified": timezone.localtime(application.updated_at).isoformat(),
    }
    fields = fields_of_call.get(call.pk) or fields_of_organization.get(organization.pk)
    if fields:
        record["classifications"] = [
            {"vocabulary": "sanad-fields-of-activity", "code": f.code, "title": f.name_en}
            for f in fields
        ]
    return record


def _call_url(call) -> str:
    return f"{settings.SITE_URL}/en/fund/calls/{call.code}/"


def awarded_grants():
    return Grant.objects.select_related(
        "application__organization__governorate", "application__call"
    ).order_by("pk")


def _fields_by(through, owner: str, ids) -> dict[int, list[FieldOfActivity]]:
    """The fields of activity of each owner (call or organization) among ``ids``."""
    found = defaultdict(list)
    for row in through.objects.filter(**{f"{owner}_id__in": ids}).select_related("fieldofactivity"):
        found[getattr(row, f"{owner}_id")].append(row.fieldofactivity)
    return found


def _records(grants) -> Iterator[dict]:
    """Grant records a chunk at a time, with each chunk's fields fetched in one query.

    (Not prefetch_related with iterator(): measured here, it kept every chunk alive.)
    """
    calls = _fields_by(Call.fields.through, "call", Call.objects.values("pk"))
    chunk: list[Grant] = []
    for grant in grants.iterator(chunk_size=CHUNK):
        chunk.append(grant)
        if len(chunk) == CHUNK:
            yield from _chunk_records(chunk, calls)
            chunk = []
    yield from _chunk_records(chunk, calls)


def _chunk_records(chunk: list[Grant], calls: dict) -> Iterator[dict]:
    organizations = _fields_by(
        Organization.fields.through,
        "organization",
        [grant.application.organization_id for grant in chunk],
    )
    for grant in chunk:
        yield grant_record(grant, calls, organizations)


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
