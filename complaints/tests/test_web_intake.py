import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from complaints.models import Case, Channel
from core.models import AuditEntry
from core.tests.files import jpeg_with_gps

pytestmark = pytest.mark.django_db

URL = reverse("complaints:new")


def _form(**overrides):
    data = {
        "kind": "complaint",
        "category": "cash_support",
        "description": "لم يُصرف معاش تكافل وكرامة منذ ثلاثة أشهر",
        "governorate": "02",
        "address": "محرم بك",
        "organization_number": "",
        "complainant_type": "citizen",
        "complainant_name": "منى عبد الرحمن",
        "national_id": "٢٩٠٠١٠١٠١١٢٣٤٥",
        "phone": "٠١٠٠ ١٢٣ ٤٥٦٧",
        "email": "",
        "contact_channel": "sms",
        "submission_key": "key-1",
    }
    data.update(overrides)
    return data


def test_a_citizen_files_a_case_and_gets_a_number_and_code(client):
    response = client.post(URL, _form(), follow=True)
    page = response.content.decode()
    case = Case.objects.get()
    assert case.channel == Channel.WEB and case.queue.code == "directorate-02"
    assert case.national_id == "29001010112345" and case.phone == "+201001234567"
    assert "تم استلام" in page or case.tracking_number[:3] in page
    assert AuditEntry.objects.filter(action="complaints.case_received").exists()
    token = response.context["token"]
    tracked = client.post(
        reverse("complaints:track"), {"number": case.tracking_number, "token": token}
    )
    assert tracked.context["case"] == case


def test_personal_data_is_encrypted_in_the_database(client):
    client.post(URL, _form())
    with connection.cursor() as cursor:
        cursor.execute("SELECT national_id, phone, complainant_name FROM complaints_case")
        stored = " ".join(cursor.fetchone())
    assert "29001010112345" not in stored and "1001234567" not in stored
    assert "منى" not in stored


def test_an_anonymous_case_keeps_no_identity(client):
    client.post(URL, _form(anonymous="on"))
    case = Case.objects.get()
    assert case.is_anonymous and case.contact_channel == "none"


def test_missing_identity_is_explained_and_nothing_typed_is_lost(client):
    response = client.post(URL, _form(national_id="", phone=""))
    assert response.status_code == 200 and not Case.objects.exists()
    page = response.content.decode()
    # Said by each field and in the summary at the top (whose links lead to them).
    assert page.count("مطلوب إلا إذا أرسلت دون اسمك") == 2 * 2 + 3  # and beside each box beforehand
    assert '<a href="#id_national_id">' in page and '<a href="#id_phone">' in page
    assert "<title>خطأ:" in page
    assert "لم يُصرف معاش تكافل وكرامة منذ ثلاثة أشهر" in page


def test_a_wrong_national_id_names_the_wrong_part(client):
    response = client.post(URL, _form(national_id="29001019912345"))
    assert "ليسا كود محافظة" in response.content.decode()


def test_script_in_the_description_is_shown_as_text(client):
    client.post(URL, _form(description="<script>alert('x')</script> لم يصلني الرد"))
    case = Case.objects.get()
    assert case.description.startswith("<script>")
    page = client.get(reverse("complaints:submitted")).content.decode()
    assert "<script>alert" not in page


def test_a_double_click_files_one_case(client):
    client.post(URL, _form())
    second = client.post(URL, _form(), follow=True)
    assert Case.objects.count() == 1
    assert second.status_code == 200


def test_cases_are_routed_by_the_rules_table(client):
    client.post(URL, _form(category="digital_services"))
    assert Case.objects.get().queue.code == "central-digital"


def test_an_unknown_organization_number_is_explained(client):
    response = client.post(URL, _form(organization_number="NOPE-1"))
    assert "لا توجد منظمة برقم القيد" in response.content.decode()


def test_a_too_long_description_is_refused_with_a_message(client):
    response = client.post(URL, _form(description="ا" * 4001))
    assert response.status_code == 200 and not Case.objects.exists()


def test_pictures_are_stored_clean_and_a_fake_pdf_refused(client):
    response = client.post(URL, _form(attachments=[jpeg_with_gps()]))
    assert response.status_code == 302
    attachment = Case.objects.get().attachments.get()
    assert attachment.display_name == "photo.jpg" and attachment.content_type == "image/jpeg"
    with attachment.file.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()
    fake = client.post(
        URL,
        _form(
            submission_key="key-2",
            attachments=[SimpleUploadedFile("cv.pdf", b"MZ" + b"\x00" * 100)],
        ),
    )
    assert fake.status_code == 200 and Case.objects.count() == 1


def test_the_public_form_is_rate_limited_per_address(client, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    client.post(URL, _form(submission_key="a"))
    client.post(URL, _form(submission_key="b"))
    assert client.post(URL, _form(submission_key="c")).status_code == 429
    assert Case.objects.count() == 2


def test_a_huge_upload_is_refused_before_it_is_read(client):
    response = client.generic(
        "POST",
        URL,
        data=b"x" * 10,
        content_type="multipart/form-data",
        CONTENT_LENGTH=str(2 * 1024**3),
    )
    assert response.status_code == 413
    assert "55" in response.content.decode() and not Case.objects.exists()


def test_staff_file_a_callers_case_with_its_urgency(client, make_user, sign_in):
    officer = make_user("directorate_officer", governorate="02")
    sign_in(client, officer)
    assert 'name="urgency"' in client.get(URL).content.decode()
    client.post(URL, _form(urgency="critical", category="emergency_aid"))
    case = Case.objects.get()
    assert case.channel == Channel.STAFF and case.urgency == "critical"
    assert case.submitted_by == officer


def test_the_public_cannot_set_the_urgency(client):
    assert 'name="urgency"' not in client.get(URL).content.decode()
    client.post(URL, _form(urgency="critical"))
    assert Case.objects.get().urgency == "normal"


def test_a_photo_sent_with_a_refused_form_is_kept_for_the_next_try(client):
    from core.models import HeldUpload
    from core.tests.files import jpeg_with_gps

    data = _form(national_id="", submission_key="k" * 32)
    page = client.post(URL, {**data, "attachments": jpeg_with_gps("door.jpg")}).content.decode()
    assert "door.jpg" in page and HeldUpload.objects.count() == 1
    assert 'name="has_held"' in page  # the next try says files wait for it
    client.post(URL, {**data, "national_id": "29001010112345", "has_held": "1"})
    case = Case.objects.get()
    assert [a.display_name for a in case.attachments.all()] == ["door.jpg"]
    assert not HeldUpload.objects.exists()


def test_a_kept_photo_can_be_removed_before_sending(client):
    from core.models import HeldUpload
    from core.tests.files import jpeg_with_gps

    data = _form(national_id="", submission_key="k" * 32)
    client.post(URL, {**data, "attachments": jpeg_with_gps("door.jpg")})
    held = HeldUpload.objects.get()
    client.post(
        URL, {**data, "national_id": "29001010112345", "has_held": "1", "drop_held": [held.pk]}
    )
    assert not Case.objects.get().attachments.exists()


def test_files_kept_for_forms_nobody_sent_again_go_after_a_day(client):
    from datetime import timedelta

    from django.utils import timezone

    from core import uploads
    from core.models import HeldUpload
    from core.tests.files import jpeg_with_gps

    data = _form(national_id="", submission_key="k" * 32)
    client.post(URL, {**data, "attachments": jpeg_with_gps()})
    assert uploads.forget_stale_held(timezone.now()) == 0
    assert uploads.forget_stale_held(timezone.now() + timedelta(days=2)) == 1
    assert not HeldUpload.objects.exists()
