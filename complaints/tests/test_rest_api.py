import pytest
from django.core.management import call_command

from accounts.models import Role
from complaints import actions
from complaints.models import Case, Channel

pytestmark = pytest.mark.django_db
CASE = {
    "category": "cash_support",
    "governorate": "02",
    "description": "لم يصرف معاش تكافل وكرامة منذ ثلاثة أشهر",
    "complainant_name": "منى عبد الرحمن",
    "national_id": "٢٩٠٠١٠١٠١١٢٣٤٥",
    "phone": "01001234567",
}


@pytest.fixture
def auth(capsys):
    call_command("open311_key", "Integration test")
    return {"Authorization": f"Api-Key {capsys.readouterr().out.strip().splitlines()[-1]}"}


def test_an_integration_files_a_case_with_its_key(client, auth):
    response = client.post("/api/v1/cases/", CASE, content_type="application/json", headers=auth)
    assert response.status_code == 201
    body = response.json()
    case = Case.objects.get(tracking_number=body["tracking_number"])
    assert case.channel == Channel.API and case.national_id == "29001010112345"
    assert body["token"] and body["created"] is True


def test_the_idempotency_key_makes_a_retry_harmless(client, auth):
    headers = {**auth, "Idempotency-Key": "retry-1"}
    first = client.post("/api/v1/cases/", CASE, content_type="application/json", headers=headers)
    again = client.post("/api/v1/cases/", CASE, content_type="application/json", headers=headers)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["tracking_number"] == first.json()["tracking_number"]
    assert again.json()["token"] is None and Case.objects.count() == 1


def test_without_a_valid_key_nothing_is_filed(client):
    for headers in ({}, {"Authorization": "Api-Key wrong"}, {"Authorization": "Bearer x"}):
        response = client.post(
            "/api/v1/cases/", CASE, content_type="application/json", headers=headers
        )
        assert response.status_code in (401, 403)
    assert not Case.objects.exists()


def test_bad_fields_come_back_named(client, auth):
    response = client.post(
        "/api/v1/cases/",
        {**CASE, "national_id": "29001019912345", "category": "nope"},
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 400
    assert {"national_id", "category"} <= set(response.json()["errors"])


def test_the_case_can_be_followed_with_its_token(client, auth, make_user):
    body = client.post("/api/v1/cases/", CASE, content_type="application/json", headers=auth).json()
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    case = Case.objects.get()
    actions.assign(case, by=officer, reason="x")
    actions.add_note(case, "داخلي", by=officer)
    actions.reply(case, "تم الصرف", by=officer, final=True)
    url = f"/api/v1/cases/{body['tracking_number']}/"
    status = client.get(url, {"token": body["token"]}, headers=auth).json()
    assert status["status"] == "answered"
    assert [entry["text"] for entry in status["timeline"]][-1] == "تم الصرف"
    assert "داخلي" not in str(status)
    assert client.get(url, {"token": "wrong"}, headers=auth).status_code == 404


def test_the_openapi_schema_is_published(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/cases/" in schema["paths"]


def test_pictures_come_through_the_api_cleaned(client, auth):
    from core.tests.files import jpeg_with_gps

    response = client.post(
        "/api/v1/cases/", {**CASE, "attachments": [jpeg_with_gps()]}, headers=auth
    )
    assert response.status_code == 201, response.content
    attachment = Case.objects.get().attachments.get()
    with attachment.file.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()


def test_a_program_posing_as_a_pdf_is_refused_by_the_api(client, auth):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("report.pdf", b"MZ" + b"\x00" * 64)
    response = client.post("/api/v1/cases/", {**CASE, "attachments": [fake]}, headers=auth)
    assert response.status_code == 400 and "attachments" in response.json()["errors"]
    assert not Case.objects.exists()


def test_a_busy_key_is_slowed_down_with_a_time_to_wait(client, auth, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api": "2/m"},
    }
    statuses = [
        client.post("/api/v1/cases/", CASE, content_type="application/json", headers=auth)
        for _ in range(3)
    ]
    assert [r.status_code for r in statuses] == [201, 201, 429]
    assert 0 < int(statuses[-1].headers["Retry-After"]) <= 60
    assert Case.objects.count() == 2


def test_a_body_that_is_not_one_case_is_refused_plainly(client, auth):
    response = client.post(
        "/api/v1/cases/", [CASE, CASE], content_type="application/json", headers=auth
    )
    assert response.status_code == 400 and "__all__" in response.json()["errors"]
    assert not Case.objects.exists()
