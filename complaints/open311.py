"""Open311 GeoReport v2 at /open311/v2/, in XML (required) and JSON, as the specification says.

Service codes are the category codes. Our workflow states map to open/closed, and
ours is given in status_notes. Public listings carry no personal data: no
description, no street address (the governorate stands for the place), no contact.
"""

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from complaints import actions, api_keys
from complaints.forms import Open311RequestForm
from complaints.models import Case, Category, Channel, Status
from complaints.tracking import candidate_digests
from core.audit import client_ip
from core.i18n import localized

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CLOSED = {Status.ANSWERED, Status.CLOSED, Status.FORWARDED, Status.DUPLICATE}
MAX_RESULTS = 1000
MAX_SPAN = datetime.timedelta(days=90)
FORMATS = {"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}


# --- Rendering -------------------------------------------------------------------


def _xml_value(parent: ET.Element, key: str, value) -> None:
    child = ET.SubElement(parent, key)
    if isinstance(value, bool):
        child.text = "true" if value else "false"
    elif isinstance(value, list):
        for item in value:
            _xml_value(child, key.rstrip("s") if key.endswith("s") else "item", item)
    elif value is not None:
        child.text = str(value)


def render(fmt: str, root: str, item: str, rows: Iterable[dict], status: int = 200):
    """A list of objects as JSON (an array) or XML (<root><item>…</item></root>)."""
    rows = list(rows)
    if fmt == "json":
        return JsonResponse(
            rows, safe=False, status=status, json_dumps_params={"ensure_ascii": False}
        )
    element = ET.Element(root)
    for row in rows:
        node = ET.SubElement(element, item)
        for key, value in row.items():
            _xml_value(node, key, value)
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(element, encoding="utf-8")
    return HttpResponse(body, content_type=FORMATS["xml"], status=status)


def error(fmt: str, status: int, description: str):
    return render(fmt, "errors", "error", [{"code": status, "description": description}], status)


def _w3(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


# --- Mapping our cases to the specification's fields ---------------------------------


def service_row(category: Category) -> dict:
    return {
        "service_code": category.code,
        "service_name": localized(category, "name"),
        "description": localized(category, "name"),
        "metadata": False,
        "type": "realtime",
        "keywords": f"{category.name_ar},{category.name_en}",
        "group": "social_solidarity",
    }


def request_row(case: Case) -> dict:
    updated = case.closed_at or case.answered_at or case.received_at
    return {
        "service_request_id": case.tracking_number,
        "status": "closed" if case.status in CLOSED else "open",
        "status_notes": f"{case.status}: {Status(case.status).label}",
        "service_name": localized(case.category, "name"),
        "service_code": case.category.code,
        "description": None,  # never published: it may name people
        "agency_responsible": localized(case.queue, "name"),
        "service_notice": None,
        "requested_datetime": _w3(case.received_at),
        "updated_datetime": _w3(updated),
        "expected_datetime": _w3(case.resolution_due),
        "address": localized(case.governorate, "name"),
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


# --- Endpoints -----------------------------------------------------------------------


@require_GET
def discovery(request, fmt):
    url = request.build_absolute_uri(reverse("open311:services", args=["xml"]))[
        : -len("services.xml")
    ]
    document = {
        "changeset": "2026-11-29T00:00:00Z",
        "contact": "Ministry of Social Solidarity, Sanad",
        "key_service": "API keys are issued by the ministry to app makers.",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url,
                "changeset": "2026-11-29T00:00:00Z",
                "type": "production",
                "formats": list(FORMATS.values()),
            }
        ],
    }
    if fmt == "json":
        return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    root = ET.Element("discovery")
    for key in ("changeset", "contact", "key_service"):
        ET.SubElement(root, key).text = document[key]
    endpoints = ET.SubElement(root, "endpoints")
    endpoint = ET.SubElement(endpoints, "endpoint")
    for key in ("specification", "url", "changeset", "type"):
        ET.SubElement(endpoint, key).text = document["endpoints"][0][key]
    formats = ET.SubElement(endpoint, "formats")
    for value in FORMATS.values():
        ET.SubElement(formats, "format").text = value
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return HttpResponse(body, content_type=FORMATS["xml"])


@require_GET
def services(request, fmt):
    return render(
        fmt,
        "services",
        "service",
        (service_row(c) for c in Category.objects.filter(is_active=True)),
    )


@require_GET
def service_definition(request, code, fmt):
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        return error(fmt, 404, _("service_code %(code)s was not found") % {"code": code})
    definition = {"service_code": category.code, "attributes": []}
    if fmt == "json":
        return JsonResponse(definition)
    root = ET.Element("service_definition")
    ET.SubElement(root, "service_code").text = category.code
    ET.SubElement(root, "attributes")
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return HttpResponse(body, content_type=FORMATS["xml"])


def _public_cases():
    return Case.objects.select_related("category", "queue", "governorate")


def _parse_w3(value: str, name: str, fmt: str):
    moment = parse_datetime(value)
    if moment is None or moment.tzinfo is None:
        return None, error(
            fmt,
            400,
            _("%(name)s must be a w3 date-time with a time zone, such as 2026-01-01T00:00:00Z")
            % {"name": name},
        )
    return moment, None


def _list_requests(request, fmt):
    params = request.GET
    cases = _public_cases()
    if params.get("service_request_id"):
        numbers = [n.strip() for n in params["service_request_id"].split(",") if n.strip()]
        return render(
            fmt,
            "service_requests",
            "request",
            (request_row(c) for c in cases.filter(tracking_number__in=numbers)),
        )
    now = timezone.now()
    start = end = None
    if params.get("start_date"):
        start, problem = _parse_w3(params["start_date"], "start_date", fmt)
        if problem:
            return problem
    if params.get("end_date"):
        end, problem = _parse_w3(params["end_date"], "end_date", fmt)
        if problem:
            return problem
    end = end or (start + MAX_SPAN if start else now)
    start = start or end - MAX_SPAN
    if end - start > MAX_SPAN or end < start:
        return error(fmt, 400, _("start_date and end_date may span at most 90 days"))
    cases = cases.filter(received_at__gte=start, received_at__lte=end)
    if params.get("service_code"):
        cases = cases.filter(category__code__in=params["service_code"].split(","))
    if params.get("status"):
        wanted = {s.strip() for s in params["status"].split(",") if s.strip()}
        if not wanted <= {"open", "closed"}:
            return error(fmt, 400, _("status may be open, closed, or both"))
        if wanted == {"open"}:
            cases = cases.exclude(status__in=CLOSED)
        elif wanted == {"closed"}:
            cases = cases.filter(status__in=CLOSED)
    cases = cases.order_by("-received_at")[:MAX_RESULTS]
    return render(fmt, "service_requests", "request", (request_row(c) for c in cases))


def _create_request(request, fmt):
    if api_keys.find(request.POST.get("api_key")) is None:
        return error(fmt, 403, _("Missing or invalid api_key"))
    form = Open311RequestForm(request.POST)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        status = 404 if "service_code" in form.errors and request.POST.get("service_code") else 400
        return error(fmt, status, f"{next(iter(form.errors))}: {first}")
    key = request.headers.get("Idempotency-Key")
    submitted = actions.submit_case(
        actions.CaseInput(**form.case_fields()),
        channel=Channel.OPEN311,
        idempotency_key=f"open311:{key}" if key else None,
        ip=client_ip(request),
    )
    row = {
        "service_request_id": submitted.case.tracking_number,
        "service_notice": f"Sent to {submitted.case.queue.name_en}",
        "account_id": None,
    }
    return render(fmt, "service_requests", "request", [row])


@csrf_exempt  # an API for apps, authenticated by api_key, never by a browser session
@require_http_methods(["GET", "POST"])
def requests(request, fmt):
    if request.method == "POST":
        return _create_request(request, fmt)
    return _list_requests(request, fmt)


@require_GET
def request_detail(request, number, fmt):
    case = _public_cases().filter(tracking_number=number).first()
    if case is None:
        return error(fmt, 404, _("service_request_id %(id)s was not found") % {"id": number})
    return render(fmt, "service_requests", "request", [request_row(case)])


@require_GET
def token(request, token, fmt):
    case = Case.objects.filter(token_digest__in=candidate_digests(token)).first()
    if case is None:
        return error(fmt, 404, _("token was not found"))
    return render(
        fmt,
        "service_requests",
        "request",
        [{"service_request_id": case.tracking_number, "token": token}],
    )
