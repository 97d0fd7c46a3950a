"""Awarded grants in the 360Giving Data Standard (1.4), streamed grant by grant.

Identifiers: 360Giving grant ids start with the publisher's prefix; organizations without
an identifier in org-id.guide get one made from the prefix and their registration number,
as the standard's guidance allows. Amounts are in Egyptian pounds (EGP).
"""

import json
from collections.abc import Iterator

from django.conf import settings
from django.utils import timezone

from fund.models import Grant

SCHEMA_VERSION = "1.4"


def _org_id(registration_number: str) -> str:
    return f"{settings.GIVING360_PREFIX}-org-{registration_number}"


def grant_record(grant: Grant) -> dict:
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
    fields = list(call.fields.all()) or list(organization.fields.all())
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
    ).prefetch_related("application__call__fields", "application__organization__fields")


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
    for number, grant in enumerate(grants.iterator(chunk_size=500)):
        yield ("," if number else "") + json.dumps(grant_record(grant), ensure_ascii=False)
    yield "]}"
