"""A citizen finds the service, files a complaint with a photo (a mistake first, then its
correction), gets the number by text message, tracks the case with the code typed in
small letters, and rates the answer; signed in, they land in their own space."""

import re

from PIL import Image

from accounts.models import Role
from complaints import actions
from complaints.models import Case
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say

pytestmark = BROWSER_TESTS
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _photo(tmp_path):
    path = tmp_path / "nursery-door.jpg"
    Image.new("RGB", (320, 240), "orange").save(path, "JPEG")
    return path


@DEVICES
def test_a_citizen_files_a_complaint_tracks_it_and_rates_the_answer(
    browser, live_server, device, sms_outbox, tmp_path, make_user
):
    person = Person(browser, live_server, device, "citizen")
    language = device[0]

    # Find the service from the home page's search.
    person.visit("/")
    person.type("q", say(language, "شكوى", "complaint"))
    person.press("main form[role=search] button[type=submit]")
    person.follow("/services/complaint/")
    person.follow("/complaints/new/")

    # File it, forgetting the national ID and the phone the first time.
    person.select("category", "nurseries")
    person.type("description", "الحضانة تغلق أبوابها قبل موعدها كل يوم والأطفال ينتظرون في الشارع")
    person.select("governorate", "02")
    person.type("complainant_name", "منى عبد الرحمن")
    person.attach("attachments", _photo(tmp_path))
    person.press()
    summary = person.error_summary()
    assert say(language, "الرقم القومي", "National ID") in summary
    assert not Case.objects.exists()  # nothing half-filed
    person.sees("nursery-door.jpg")  # the photo was kept: it need not be chosen again
    person.type("national_id", "29001010112345".translate(ARABIC_INDIC))
    person.type("phone", "01001234567".translate(ARABIC_INDIC))
    person.press()

    number = browser.find_element("css selector", ".big-number").text
    code = browser.find_element("css selector", "code.secret").text
    assert re.fullmatch(r"\d{3}-\d{3}-\d{3}", number) and re.fullmatch(r"\w{5}-\w{5}", code)
    case = Case.objects.get()
    assert case.attachments.count() == 1 and case.national_id == "29001010112345"
    ((phone, message),) = sms_outbox
    assert phone == "+201001234567" and number in message
    assert code.replace("-", "") not in message.replace("-", "")

    # Track it with the code as people type it: small letters, no dash.
    person.visit("/complaints/track/")
    person.type("number", number)
    person.type("token", code.replace("-", "").lower())
    person.press()
    person.sees(number, say(language, "موعد الرد", "Reply expected"))

    # The directorate answers; the citizen rates it, forgetting to choose the first time.
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    actions.assign(case, by=officer, assignee=officer, reason="اختصاص المديرية")
    actions.reply(case, "زارت المديرية الحضانة وأُلزمت بمواعيدها.", by=officer, final=True)
    person.visit("/complaints/track/")
    person.type("number", number)
    person.type("token", code)
    person.press()
    person.sees("زارت المديرية الحضانة")
    person.press("input[value=rate] ~ .actions button", within="main")
    person.error_summary()
    person.choose("score", "4")
    person.press("input[value=rate] ~ .actions button", within="main")
    person.sees(say(language, "شكرًا لك: حُفظ تقييمك.", "Thank you: your rating is saved."))
    case.refresh_from_db()
    assert case.satisfaction == 4


@DEVICES
def test_a_citizen_who_signs_in_lands_in_their_own_space(browser, live_server, device, make_user):
    from complaints.models import Category, Channel
    from core.models import Governorate

    person = Person(browser, live_server, device, "citizen-space")
    citizen = make_user(Role.CITIZEN, password="a-long-test-pass")
    actions.submit_case(
        actions.CaseInput(
            category=Category.objects.get(code="cash_support"),
            governorate=Governorate.objects.get(code="02"),
            description="لم يصرف الدعم النقدي منذ ثلاثة أشهر",
        ),
        channel=Channel.WEB,
        by=citizen,
    )
    person.visit("/accounts/sign-in/")
    person.type("username", citizen.username)
    person.type("password", "a-long-test-pass")
    person.press()
    assert browser.current_url.endswith("/my/")
    person.sees(say(language := device[0], "شكاواي", "My cases"))
    person.follow("/my/cases/")
    assert language
