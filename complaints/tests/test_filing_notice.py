"""The tracking number reaches the citizen by text message or e-mail as soon as the case
is filed, in their language, with the date to expect a reply: never the secret code."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_the_number_and_the_reply_date_arrive_by_text_message(new_case, sms_outbox):
    submitted = new_case()
    ((phone, text),) = sms_outbox
    assert phone == "+201001234567"
    assert submitted.case.number_shown in text
    assert submitted.token not in text and submitted.token.lower() not in text
    assert "استلمنا شكواك بخصوص «الدعم النقدي" in text
    assert "سنرد عليك في موعد أقصاه" in text and "/complaints/track/" in text


def test_in_english_for_a_case_filed_in_english(new_case, sms_outbox):
    new_case(preferred_language="en", kind="request")
    assert "We received your request about" in sms_outbox[0][1]


def test_by_e_mail_when_the_citizen_chose_e_mail(new_case, sms_outbox):
    submitted = new_case(contact_channel="email", email="mona@example.org")
    assert sms_outbox == []
    (message,) = mail.outbox
    assert message.to == ["mona@example.org"]
    assert submitted.case.number_shown in message.subject
    assert submitted.token not in message.body


def test_nothing_is_sent_to_someone_who_filed_without_their_name(new_case, sms_outbox):
    new_case(contact_channel="none", complainant_name="", national_id="", phone="")
    assert sms_outbox == [] and mail.outbox == []
