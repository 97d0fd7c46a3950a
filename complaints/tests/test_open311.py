"""Open311 GeoReport v2, checked against the specification's own JSON schemas."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from complaints.models import Case, Channel

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "standards" / "open311"
BASE = "/open311/v2"


def _validator(name: str) -> Draft7Validator:
    resources = [
        (path.name, Resource(contents=json.loads(path.read_text()), specification=DRAFT7))
        for path in SCHEMAS.glob("*.json")
    ]
    registry = Registry().with_resources(resources)
    return Draft7Validator(json.loads((SCHEMAS / name).read_text()), registry=registry)


@pytest.fixture
def api_key(capsys):
    call_command("open311_key", "Test app")
    return capsys.readouterr().out.strip().splitlines()[-1]


def _post(client, api_key, fmt="json", **fields):
    data = {
        "api_key": api_key,
        "service_code": "nurseries",
        "description": "الحضانة غير مرخصة والأطفال كثيرون في غرفة واحدة",
        "address_string": "شارع النصر، سموحة، الاسكندريه",
        **fields,
    }
    return client.post(f"{BASE}/requests.{fmt}", data)


def test_the_service_list_follows_the_schema_in_json_and_xml(client):
    services = client.get(f"{BASE}/services.json").json()
    assert not list(_validator("services.json").iter_errors(services))
    assert {s["service_code"] for s in services} >= {"cash_support", "nurseries", "training"}
    response = client.get(f"{BASE}/services.xml")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "services" and root.find("service/metadata").text == "false"


def test_a_service_definition_and_an_unknown_code(client):
    assert client.get(f"{BASE}/services/nurseries.json").json() == {
        "service_code": "nurseries",
        "attributes": [],
    }
    missing = client.get(f"{BASE}/services/nope.xml")
    assert missing.status_code == 404
    assert ET.fromstring(missing.content).find("error/code").text == "404"


def test_an_app_files_a_request_and_reads_it_back(client, api_key):
    created = _post(client, api_key)
    assert created.status_code == 200
    number = created.json()[0]["service_request_id"]
    case = Case.objects.get(tracking_number=number)
    assert case.channel == Channel.OPEN311 and case.governorate_id == "02"
    listed = client.get(f"{BASE}/requests/{number}.json").json()
    assert not list(_validator("requests.json").iter_errors(listed))
    assert listed[0]["status"] == "open" and listed[0]["service_code"] == "nurseries"
    assert listed[0]["description"] is None  # no complaint text is published
    xml = ET.fromstring(client.get(f"{BASE}/requests/{number}.xml").content)
    assert xml.find("request/service_request_id").text == number


def test_a_media_url_reaches_staff_and_is_never_published(client, api_key):
    picture = "https://photos.example.org/nursery-door.jpg"
    number = _post(client, api_key, media_url=picture).json()[0]["service_request_id"]
    case = Case.objects.get(tracking_number=number)
    note = case.timeline.get(visibility="staff")
    assert picture in note.body
    listed = client.get(f"{BASE}/requests/{number}.json").json()
    assert listed[0]["media_url"] is None


def test_posting_needs_a_valid_api_key(client, api_key):
    response = _post(client, "wrong-key", fmt="xml")
    assert response.status_code == 403
    assert "api_key" in ET.fromstring(response.content).find("error/description").text
    assert not Case.objects.exists()


def test_a_request_needs_a_location_and_a_known_service(client, api_key):
    assert _post(client, api_key, address_string="").status_code == 400
    assert _post(client, api_key, service_code="potholes").status_code == 404
    no_governorate = _post(client, api_key, address_string="شارع النصر")
    assert no_governorate.status_code == 400
    assert "governorate" in no_governorate.json()[0]["description"]
    assert (
        _post(
            client, api_key, address_string="", lat="31.2", long="29.9", governorate="02"
        ).status_code
        == 200
    )


def test_the_list_filters_as_the_specification_says(client, api_key):
    first = _post(client, api_key).json()[0]["service_request_id"]
    _post(client, api_key, service_code="cash_support")
    assert len(client.get(f"{BASE}/requests.json", {"service_code": "nurseries"}).json()) == 1
    assert client.get(f"{BASE}/requests.json", {"status": "closed"}).json() == []
    listed = client.get(f"{BASE}/requests.json", {"service_request_id": f"{first},000000000"})
    assert [row["service_request_id"] for row in listed.json()] == [first]
    assert not list(
        _validator("requests.json").iter_errors(client.get(f"{BASE}/requests.json").json())
    )
    bad = client.get(f"{BASE}/requests.json", {"start_date": "yesterday"})
    assert bad.status_code == 400
    too_long = client.get(
        f"{BASE}/requests.json",
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"},
    )
    assert too_long.status_code == 400


def test_a_retried_post_with_an_idempotency_key_files_once(client, api_key):
    headers = {"Idempotency-Key": "app-7-req-42"}
    one = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": api_key,
            "service_code": "nurseries",
            "description": "حضانة مخالفة للشروط",
            "governorate": "01",
            "address_string": "مدينة نصر",
        },
        headers=headers,
    ).json()
    two = client.post(
        f"{BASE}/requests.json",
        {
            "api_key": api_key,
            "service_code": "nurseries",
            "description": "حضانة مخالفة للشروط",
            "governorate": "01",
            "address_string": "مدينة نصر",
        },
        headers=headers,
    ).json()
    assert one == two and Case.objects.count() == 1


def test_the_secret_code_works_as_an_open311_token(client, new_case):
    submitted = new_case()
    response = client.get(f"{BASE}/tokens/{submitted.token}.json").json()
    assert response == [
        {"service_request_id": submitted.case.tracking_number, "token": submitted.token}
    ]
    assert client.get(f"{BASE}/tokens/nope.json").status_code == 404


def test_discovery_names_both_formats(client):
    document = client.get(f"{BASE}/discovery.json").json()
    assert document["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert "text/xml" in document["endpoints"][0]["formats"][0]
    assert ET.fromstring(client.get(f"{BASE}/discovery.xml").content).tag == "discovery"


def test_errors_speak_the_callers_language(client, api_key):
    arabic = _post(client, "wrong-key").json()[0]["description"]
    english = client.post(
        f"{BASE}/requests.json", {"api_key": "wrong"}, HTTP_ACCEPT_LANGUAGE="en"
    ).json()[0]["description"]
    assert arabic == "مفتاح api_key مفقود أو غير صحيح"
    assert english == "Missing or invalid api_key"
