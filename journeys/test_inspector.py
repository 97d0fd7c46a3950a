"""An inspector on a phone at the nursery: each section of the checklist on its own page,
a photo attached, one page refused (a file that is not a picture) without losing the
photo already sent, a violation recorded, the answers checked, the report sent."""

from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from selenium.webdriver.common.by import By

from accounts.models import Role
from care import inspections, licensing
from care.models import Facility, FacilityKind, Fee, Score
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say

pytestmark = BROWSER_TESTS


@pytest.fixture
def inspection(make_user, make_organization):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    inspector = make_user(Role.INSPECTOR, governorate="02")
    nursery = Facility.objects.create(
        kind=FacilityKind.NURSERY,
        name_ar="حضانة زهور المنتزه",
        name_en="Zohour El Montaza Nursery",
        organization=make_organization("جمعية الزهور", governorate="02"),
        governorate_id="02",
        address="12 شارع الجيش، المنتزه",
        capacity=45,
        age_groups={"0-2": 15, "2-4": 30},
    )
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    licensing.record_fee(application, by=officer, fee=Fee.PAID, reference="REC-7")
    return licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )


def _score_every_item(person, section, *, except_for=None):
    for item in section.items:
        if except_for is None or item.pk != except_for:
            person.choose(f"score_{item.pk}", Score.MET)


@DEVICES
def test_an_inspection_recorded_section_by_section_on_a_phone_and_sent(
    browser, live_server, device, inspection, signed_in_browser, tmp_path
):
    language = device[0]
    person = Person(browser, live_server, device, "inspector")
    signed_in_browser(inspection.inspector)
    person.visit("/care/inspections/")
    person.sees(say(language, "موعده", "Due on"))
    person.follow(f"/care/inspections/{inspection.pk}/")

    sections = inspections.sections(inspection.facility)
    first, kitchen_item = sections[0], sections[0].items[0]
    photo = tmp_path / "fire-exit.jpg"
    Image.new("RGB", (640, 480), "red").save(photo, "JPEG")
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("this is not a picture")

    # The first section: one item partly met with a note and a photo; a file that only
    # calls itself a picture is refused, and the sound photo is kept.
    _score_every_item(person, first, except_for=kitchen_item.pk)
    person.choose(f"score_{kitchen_item.pk}", Score.PARTLY)
    person.type(f"note_{kitchen_item.pk}", "مخرج الطوارئ مغلق بأثاث قديم")
    person.attach(f"photo_{kitchen_item.pk}", photo)
    other_item = first.items[1]
    person.attach(f"photo_{other_item.pk}", not_a_photo)
    person.press()
    summary = person.error_summary()
    assert say(language, other_item.text_ar, other_item.text_en) in summary  # whose photo
    person.sees("fire-exit.jpg")  # kept: it need not be chosen again
    person.press()
    draft = inspections.draft_of(inspection)
    assert first.code in draft.sections_done

    # The other sections, every item met, until the violations.
    for section in sections[1:-1]:
        _score_every_item(person, section)
        person.press()

    # A violation, forgetting its date at first.
    person.press("button[name=add-row]")
    person.select("findings-0-severity", "serious")
    person.type("findings-0-description", "مخرج الطوارئ مغلق")
    person.press("main form > .actions:last-child button")
    assert say(language, "المخالفة 1", "Violation 1") in person.error_summary()
    person.pick_date("findings-0-correct_by", timezone.localdate() + timedelta(days=7))
    person.press("main form > .actions:last-child button")

    # Check every answer, then send.
    person.sees("مخرج الطوارئ مغلق بأثاث قديم", say(language, "تغيير", "Change"))
    assert browser.find_elements(By.CSS_SELECTOR, "main a[href*='/care/photos/']")
    person.press()
    inspection.refresh_from_db()
    assert inspection.done_at is not None
    assert inspection.items.filter(score=Score.PARTLY).count() == 1
    assert inspection.facility.violations.count() == 1
