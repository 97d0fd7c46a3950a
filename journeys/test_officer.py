"""A directorate officer signs in (password, then an authenticator set up on the spot),
decides an association's change request, finds the new critical case at the top of the
workbench, assigns it, answers from a template without losing their place, and closes it."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from selenium.webdriver.common.by import By

from accounts.models import Role
from complaints import actions
from complaints.models import Case, Category, Channel, Status, Urgency
from core.models import Governorate
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say
from registry import actions as registry_actions
from registry.models import ChangeRequestStatus

pytestmark = BROWSER_TESTS
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _file(description: str, *, urgency: str = Urgency.NORMAL) -> Case:
    return actions.submit_case(
        actions.CaseInput(
            category=Category.objects.get(code="nurseries"),
            governorate=Governorate.objects.get(code="02"),
            description=description,
            urgency=urgency,
            complainant_name="سعاد إبراهيم",
            phone="+201001234567",
        ),
        channel=Channel.WEB,
        by=None,
    ).case


@pytest.fixture
def caseload(make_user):
    """A directorate's ordinary day: a case in hand, one answered, one nobody has taken,
    and then, filed last, a critical one."""
    colleague = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    in_hand = _file("تأخر صرف الدعم الشهري للحضانة")
    actions.assign(in_hand, by=colleague, assignee=colleague, reason="متابعة")
    answered = _file("طلب معرفة مواعيد الحضانة")
    actions.assign(answered, by=colleague, assignee=colleague, reason="متابعة")
    actions.reply(answered, "المواعيد من 7 صباحًا إلى 3 عصرًا.", by=colleague, final=True)
    _file("الحضانة لا ترد على الهاتف")
    critical = _file("طفل تُرك وحده في فناء الحضانة بعد الإغلاق وأصيب", urgency=Urgency.CRITICAL)
    return critical, colleague


def _sign_in_with_a_new_authenticator(person, officer, language):
    person.visit("/accounts/sign-in/")
    person.type("username", officer.username)
    person.type("password", "not-the-password")
    person.press()
    person.error_summary()
    person.type("password", "a-long-test-pass")
    person.press()
    # First sign-in: the page shows the key to type into an authenticator app.
    key = person.browser.find_element(By.CSS_SELECTOR, "code.secret").text.replace(" ", "")
    secret = b32decode(key)
    person.type("token", "123")
    person.press()
    assert say(language, "ستة أرقام", "six digits") in person.error_summary()
    person.type("token", f"{totp(secret):06d}".translate(ARABIC_INDIC))
    person.press()


@DEVICES
def test_an_officer_signs_in_decides_a_change_and_answers_the_critical_case_first(
    browser, live_server, device, caseload, make_user, make_organization, make_member
):
    language = device[0]
    critical, colleague = caseload
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    organization = make_organization("جمعية الأمل بسيدي جابر", governorate="02")
    change = registry_actions.propose_profile_change(
        organization, {"address": "22 شارع بورسعيد، سيدي جابر"}, by=make_member(organization)
    )
    person = Person(browser, live_server, device, "directorate-officer")

    _sign_in_with_a_new_authenticator(person, officer, language)
    assert browser.current_url.endswith("/complaints/work/")

    # The change request: a rejection with no reason is refused, then the approval.
    person.navigate("/registry/change-requests/")
    person.follow(f"/registry/change-requests/{change.pk}/")
    person.choose("decision", "reject")
    person.press()
    person.error_summary()
    person.choose("decision", "approve")
    person.press()
    person.sees("22 شارع بورسعيد")
    change.refresh_from_db()
    assert change.status == ChangeRequestStatus.APPROVED

    # The workbench: the critical case filed a minute ago is on top.
    person.navigate("/complaints/work/")
    first_row = browser.find_element(By.CSS_SELECTOR, "table.workbench tbody tr")
    number = re.sub(r"\D", "", critical.tracking_number)
    assert number in re.sub(r"\D", "", first_row.text)
    person.sees(say(language, "الأكثر إلحاحًا أولًا", "the most urgent first"))
    person.follow(f"/complaints/work/{critical.tracking_number}/")

    # Assign it to a colleague, forgetting the reason the first time.
    person.select("assign-assignee", str(colleague.pk))
    person.press("input[value=assign] ~ button")
    assert say(language, "السبب", "Reason") in person.error_summary()
    person.select("assign-assignee", str(officer.pk))
    person.type("assign-reason", "حالة حرجة: أتابعها بنفسي")
    person.press("input[value=assign] ~ button")
    critical.refresh_from_db()
    assert critical.assignee == officer

    # A template fills the reply box where the officer is: the page does not reload.
    address = browser.current_url
    template = browser.find_element(By.CSS_SELECTOR, "#reply a[data-fill-target]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", template)
    browser.execute_script("window.sanadStillHere = true")
    template.click()
    box = person.box("reply-body")
    assert box.get_attribute("value").strip()
    assert browser.execute_script("return window.sanadStillHere") and browser.current_url == address
    person.type("reply-body", " زارت المديرية الحضانة اليوم وأحالت المسؤول للتحقيق.", clear=False)
    person.choose("reply-final")
    person.press("#reply > button")
    critical.refresh_from_db()
    assert critical.status == Status.ANSWERED
    assert "أحالت المسؤول للتحقيق" in critical.timeline.filter(is_reply=True).get().body

    # Close it, with the reason the citizen's file keeps.
    person.type("close-reason", "أُجيب المواطن وأُحيل الأمر للتحقيق.")
    person.press("input[value=close] ~ button")
    critical.refresh_from_db()
    assert critical.status == Status.CLOSED
    person.sees(say(language, "مغلقة", "Closed"))
