"""The secret code is read aloud on the phone and typed on a phone: ten characters that
neither look nor sound alike, read back whatever the case, spacing or digit script."""

import hashlib
import re

import pytest
from django.urls import reverse

from complaints import tracking
from complaints.models import Case

pytestmark = pytest.mark.django_db
URL = reverse("complaints:track")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_code_has_ten_characters_without_look_alikes():
    codes = {tracking.new_token() for _ in range(300)}
    assert len(codes) == 300
    for code in codes:
        assert re.fullmatch(r"[2-9A-HJKMNQRTW-Y]{10}", code), code
        assert not set(code) & set("01ILOSZPVU")


def test_the_code_is_shown_in_two_groups(client, new_case):
    submitted = new_case()
    response = client.post(
        reverse("complaints:new"),
        {
            "kind": "complaint",
            "category": "cash_support",
            "description": "لم يصرف الدعم النقدي منذ ثلاثة أشهر",
            "governorate": "02",
            "complainant_type": "citizen",
            "anonymous": "on",
            "contact_channel": "none",
        },
        follow=True,
    )
    shown = re.search(r'<code class="secret">([^<]+)</code>', response.content.decode()).group(1)
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", shown)
    assert submitted.case.tracking_number  # the other case is untouched


@pytest.mark.parametrize(
    "typing",
    [
        lambda code: code.lower(),
        lambda code: tracking.format_code(code).lower(),
        lambda code: " ".join(code),
        lambda code: code.translate(ARABIC_INDIC),
        lambda code: f"  {tracking.format_code(code)}\u200f ",
    ],
)
def test_the_code_is_read_however_it_is_typed(client, new_case, typing):
    submitted = new_case()
    page = client.post(
        URL, {"number": submitted.case.tracking_number, "token": typing(submitted.token)}
    )
    assert page.context["case"] == submitted.case


def test_a_case_filed_before_the_change_keeps_its_old_code(client, new_case):
    case = new_case().case
    old_code = "aB3-xY_9qRtZ1kLm"  # 16 case-sensitive characters, as codes were
    Case.objects.filter(pk=case.pk).update(
        token_digest=hashlib.sha256(old_code.encode()).hexdigest()
    )
    exactly = client.post(URL, {"number": case.tracking_number, "token": old_code})
    assert exactly.context["case"] == case
    otherwise = client.post(URL, {"number": case.tracking_number, "token": old_code.upper()})
    assert otherwise.context["case"] is None


def test_guessing_one_cases_code_stops_after_ten_tries_from_anywhere(client, new_case):
    submitted = new_case()
    number = submitted.case.tracking_number
    for n in range(10):
        address = f"10.0.0.{n}"  # each try from another address
        page = client.post(URL, {"number": number, "token": "WRONG23456"}, REMOTE_ADDR=address)
        assert page.context["case"] is None
    page = client.post(URL, {"number": number, "token": submitted.token}, REMOTE_ADDR="10.0.1.1")
    assert page.context["case"] is None
    assert "جُرّب عدد كبير من الرموز لهذا الرقم" in page.content.decode()
