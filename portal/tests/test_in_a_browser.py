"""Pages as a person sees them, in headless Chromium: direction, phone width, focus.

Chromium and its driver come from Debian (`.ci/run` installs them). Without them
these tests skip on a developer's machine, but CI sets SANAD_REQUIRE_BROWSER=1 so
that a missing browser fails the run instead.
"""

from datetime import date

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from fund.tests.builders import grant_with_report, submitted_application
from journeys.browser import BROWSER_TESTS, axe_violations, wait
from registry.actions import propose_profile_change

pytestmark = BROWSER_TESTS


@pytest.fixture
def register(make_organization):
    return make_organization(
        "جمعية رعاية الأيتام بالإسكندرية",
        governorate="02",
        name_en="Orphan Care Association, Alexandria",
        address="١٥ طريق الحرية، سيدي جابر",
        phone="+201001234567",
        email="info@orphans-alex.example.org",
    )


PAGES = [
    "/",
    "/registry/?q=الاسكندريه",
    "/accounts/sign-in/",
    "/complaints/new/",
    "/complaints/track/",
    "/complaints/statistics/",
    "/fund/calls/",
    "/fund/awards/",
    "/care/",
    "/training/courses/",
    "/impact/",
    "/impact/indicators/employment-rate/",
    "/impact/data/",
    "/services/",
    "/services/takaful-karama/",
    "/open/",
    "/search/?q=اعاقه",
    "/services/guide/?audience=family&situations=elderly",
    "/news/",
    "/events/?past=1",
    "/accounts/sign-up/",
    "/training/reach/",
]


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_fit_a_360_pixel_phone_in_both_directions(
    browser, live_server, register, path, language
):
    browser.set_window_size(360, 780)
    prefix = "" if language == "ar" else "/en"
    browser.get(live_server.url + prefix + path)
    html = browser.find_element(By.TAG_NAME, "html")
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} in {language} is {overflow}px wider than the phone"


def test_the_profile_page_fits_a_phone(browser, live_server, register):
    browser.set_window_size(360, 780)
    browser.get(f"{live_server.url}/registry/{register.pk}/")
    assert "جمعية رعاية الأيتام بالإسكندرية" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_skip_link_is_the_first_stop_and_visible_on_focus(browser, live_server, register):
    browser.set_window_size(1280, 900)
    browser.get(live_server.url + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("href").endswith("#main")
    assert focused.is_displayed() and focused.location["y"] >= 0
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused)
    assert outline != "none"


def test_arabic_pages_start_from_the_right(browser, live_server, register):
    browser.set_window_size(1280, 900)
    browser.get(live_server.url + "/registry/")
    heading = browser.find_element(By.TAG_NAME, "h1")
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert heading.location["x"] + heading.size["width"] > width * 0.8
    browser.get(live_server.url + "/en/registry/")
    assert browser.find_element(By.TAG_NAME, "h1").location["x"] < width * 0.2


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("path", [*PAGES, "registry-profile"])
def test_pages_pass_axe_accessibility_checks(browser, live_server, register, path, language):
    if path == "registry-profile":
        path = f"/registry/{register.pk}/"
    browser.set_window_size(1280, 900)
    browser.get(live_server.url + ("" if language == "ar" else "/en") + path)
    assert not (report := axe_violations(browser)), report


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_staff_and_member_pages_pass_axe_too(
    signed_in_browser, live_server, register, make_member, make_user, language
):
    prefix = live_server.url + ("" if language == "ar" else "/en")
    admin = make_member(register)
    browser = signed_in_browser(admin)
    for path in (f"/registry/{register.pk}/propose-change/", "/accounts/profile/"):
        browser.get(prefix + path)
        assert not (report := axe_violations(browser)), f"{path}\n{report}"
    change_request = propose_profile_change(register, {"address": "سيدي جابر"}, by=admin)
    browser = signed_in_browser(make_user("directorate_officer", governorate="02"))
    browser.get(f"{prefix}/registry/change-requests/{change_request.pk}/")
    assert browser.find_elements(By.NAME, "decision")  # the officer sees the decision form
    assert not (report := axe_violations(browser)), report
    browser.get(f"{prefix}/registry/change-requests/")
    assert not (report := axe_violations(browser)), report


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_complaints_workbench_and_a_case_pass_axe_and_fit(
    signed_in_browser, live_server, make_user, language, width
):
    from complaints import actions as case_actions
    from complaints.models import Category, Channel
    from core.models import Governorate

    officer = make_user("directorate_officer", governorate="02")
    case = case_actions.submit_case(
        case_actions.CaseInput(
            category=Category.objects.get(code="nurseries"),
            governorate=Governorate.objects.get(code="02"),
            description="الحضانة غير مرخصة والأطفال كثيرون",
        ),
        channel=Channel.WEB,
    ).case
    case_actions.assign(case, by=officer, assignee=officer, reason="اختصاص المديرية")
    browser = signed_in_browser(officer)
    browser.set_window_size(width, 900)
    prefix = live_server.url + ("" if language == "ar" else "/en")
    for path in ("/complaints/work/", f"/complaints/work/{case.tracking_number}/"):
        browser.get(prefix + path)
        assert not (report := axe_violations(browser)), f"{path}\n{report}"
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px too wide at {width}px"


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_fund_application_steps_pass_axe_and_fit(
    signed_in_browser, live_server, register, make_member, language, width
):
    from fund import applications
    from fund.demo import seed_call

    call = seed_call()
    member = make_member(register)
    application = applications.start(call, register, by=member)
    browser = signed_in_browser(member)
    browser.set_window_size(width, 900)
    prefix = live_server.url + ("" if language == "ar" else "/en")
    paths = [f"/fund/calls/{call.code}/"] + [
        f"/fund/applications/{application.pk}/{step}/"
        for step in ("project", "budget", "results", "documents", "submit")
    ]
    for path in paths:
        browser.get(prefix + path)
        assert not (report := axe_violations(browser)), f"{path}\n{report}"
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} overflows by {overflow}px"


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_reviewer_and_committee_pages_pass_axe_and_fit(
    signed_in_browser, live_server, register, make_member, make_user, language, width
):
    from fund import review
    from fund.models import ApplicationStatus

    call, application = submitted_application(register, make_member(register))
    officer = make_user("fund_officer")
    review.screen(application, ApplicationStatus.IN_REVIEW, by=officer)
    make_user("reviewer")
    assignment = review.assign_reviewers(application, 1, by=officer)[0]
    prefix = live_server.url + ("" if language == "ar" else "/en")

    check = _page_checker(signed_in_browser, prefix, width)
    review_page = f"/fund/reviews/{assignment.pk}/"
    check(assignment.reviewer, review_page)  # the declaration
    review.declare(assignment, by=assignment.reviewer, conflict=False)
    check(assignment.reviewer, review_page)  # the scores
    for path in (
        f"/fund/staff/applications/{application.pk}/",
        f"/fund/staff/calls/{call.code}/ranking/",
        "/fund/staff/applications/",
    ):
        check(officer, path)


def _page_checker(signed_in_browser, prefix, width):
    """Open a page as a person: no serious axe violation, nothing wider than the screen."""

    def check(user, path):
        browser = signed_in_browser(user)
        browser.set_window_size(width, 900)
        browser.get(prefix + path)
        assert not (report := axe_violations(browser)), f"{path}\n{report}"
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} overflows by {overflow}px"

    return check


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_grant_money_and_report_pages_pass_axe_and_fit(
    signed_in_browser, live_server, register, make_member, make_user, language, width
):

    from fund import money_flow

    member = make_member(register)
    grant, report = grant_with_report(register, member, make_user("fund_officer"))
    application, officer = grant.application, grant.decided_by
    check = _page_checker(
        signed_in_browser, live_server.url + ("" if language == "ar" else "/en"), width
    )
    for path in (f"/fund/applications/{application.pk}/", f"/fund/reports/{report.pk}/"):
        check(member, path)
    check(member, "/fund/applications/")
    line = application.budget_lines.get()
    money_flow.submit_report(report, by=member, narrative="تم", spent={line.pk: 40000}, values={})
    for path in (
        f"/fund/staff/grants/{grant.pk}/",
        f"/fund/staff/reports/{report.pk}/",
        "/fund/staff/reports/",
        "/fund/staff/calls/",
    ):
        check(officer, path)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_results_and_maturity_pages_pass_axe_and_fit(
    signed_in_browser, live_server, register, make_member, make_user, language, width
):
    from datetime import date
    from decimal import Decimal

    from fund import decisions, review
    from fund.decisions import Decision
    from fund.models import ApplicationStatus
    from impact import results
    from impact.models import Indicator
    from maturity import assessment
    from maturity.models import Statement

    member = make_member(register)
    _call, application = submitted_application(register, member)
    officer, checker = make_user("fund_officer"), make_user("fund_officer")
    review.screen(application, ApplicationStatus.IN_REVIEW, by=officer)
    grant = decisions.decide(
        application,
        Decision.FUND,
        by=officer,
        reason="جيد",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    measure = results.ensure_for_grant(grant)[0]
    results.tie(measure, Indicator.objects.get(code="people-reached"), by=officer)
    parts = {("sex", "female"): Decimal(30), ("sex", "male"): Decimal(20)}
    results.record(measure, date(2026, 1, 1), by=member, total=Decimal(50), parts=parts)
    results.record(measure, date(2026, 4, 1), by=member, total=Decimal(70))
    for value in measure.values.filter(period=date(2026, 1, 1)):
        results.check(value, by=checker, verified=True)
    statements = Statement.objects.values_list("pk", flat=True)
    assessment.submit(register, {pk: pk % 4 for pk in statements}, by=member)
    check = _page_checker(
        signed_in_browser, live_server.url + ("" if language == "ar" else "/en"), width
    )
    framework = f"/impact/grants/{grant.pk}/"
    for path in (framework, "/impact/frameworks/", f"/maturity/organizations/{register.pk}/"):
        check(member, path)
    check(member, f"/maturity/organizations/{register.pk}/answer/")
    check(officer, framework)
    check(officer, "/impact/?indicator=people-reached")
    check(officer, "/impact/indicators/people-reached/")
    check(make_user("central_officer"), "/maturity/")


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_triage_pages_pass_axe_and_fit(
    signed_in_browser, live_server, make_user, language, width
):
    from complaints import actions as case_actions
    from complaints.models import Category, Channel
    from core.models import Governorate

    case = case_actions.submit_case(
        case_actions.CaseInput(
            category=Category.objects.get(code="nurseries"),
            governorate=Governorate.objects.get(code="02"),
            description="المشرفة في الحضانة بتضرب الاطفال وابني رجع عليه كدمات",
        ),
        channel=Channel.WEB,
    ).case
    from triage import intake

    assert intake.triage_waiting() == 1  # what the worker does within seconds
    officer = make_user("directorate_officer", governorate="02")
    check = _page_checker(
        signed_in_browser, live_server.url + ("" if language == "ar" else "/en"), width
    )
    for path in ("/triage/review/", "/triage/model/", f"/complaints/work/{case.tracking_number}/"):
        check(officer, path)


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_licence_check_and_the_inspectors_form_pass_axe_and_fit(
    signed_in_browser, live_server, make_user, language, width
):
    from django.utils import timezone

    from care import licensing
    from care.models import Facility

    facility = Facility.objects.create(
        kind="nursery", name_ar="حضانة النور", governorate_id="02", address="المنتزه", capacity=30
    )
    officer = make_user("directorate_officer", governorate="02")
    inspector = make_user("inspector", governorate="02")
    application = licensing.apply(facility, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    check = _page_checker(
        signed_in_browser, live_server.url + ("" if language == "ar" else "/en"), width
    )
    check(inspector, "/care/inspections/")
    check(inspector, f"/care/inspections/{inspection.pk}/")
    check(inspector, f"/care/facilities/{facility.pk}/")
    check(inspector, "/care/?name=النور")


def test_attendance_marked_without_a_connection_is_sent_once_when_it_comes_back(
    signed_in_browser, live_server, make_user
):
    import time
    from datetime import date

    from django.utils import timezone

    from training import people
    from training.models import Attendance, Cohort, Course, Session

    trainer = make_user("trainer")
    course = Course.objects.create(
        code="dl",
        title_ar="محو الأمية الرقمية",
        title_en="Digital literacy",
        programme="-",
        hours=6,
    )
    cohort = Cohort.objects.create(
        course=course, governorate_id="02", venue="قاعة", starts_on=date(2027, 1, 1),
        ends_on=date(2027, 1, 9), trainer=trainer, capacity=10,
    )  # fmt: skip
    session = Session.objects.create(cohort=cohort, position=1, starts_at=timezone.now())
    trainee, _ = people.register(
        by=trainer, national_id="29001010112345", name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    people.enrol(cohort, trainee, by=trainer)
    browser = signed_in_browser(trainer)
    browser.get(f"{live_server.url}/training/sessions/{session.pk}/")
    browser.set_network_conditions(
        offline=True, latency=5, download_throughput=0, upload_throughput=0
    )
    browser.find_element(By.ID, f"t{trainee.pk}").click()
    browser.find_element(By.CSS_SELECTOR, "[data-offline-roster] button").click()
    status = browser.find_element(By.CSS_SELECTOR, "[data-roster-status]")
    for _attempt in range(50):
        if status.text:
            break
        time.sleep(0.1)
    assert "لا يوجد اتصال" in status.text
    assert not Attendance.objects.exists()  # only on the phone so far

    browser.set_network_conditions(
        offline=False, latency=5, download_throughput=10**6, upload_throughput=10**6
    )
    browser.execute_script("window.dispatchEvent(new Event('online'))")
    browser.execute_script("window.dispatchEvent(new Event('online'))")  # twice: sent once
    # The phone says when it is done: its store of unsent rosters is empty.
    wait(
        browser, lambda b: b.execute_script("return localStorage.getItem('sanad-rosters')") == "{}"
    )
    time.sleep(0.5)  # the second sending, answered "already counted"
    assert Attendance.objects.filter(session=session, trainee=trainee, present=True).count() == 1


def test_a_service_is_found_by_searching_in_arabic_as_people_type_it(browser, live_server):
    browser.set_window_size(360, 780)
    browser.get(live_server.url + "/services/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("اعاقه")  # typed without hamza and with ه for ة
    box.submit()
    wait(browser, lambda b: "q=" in b.current_url)
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".card h3")]
    assert "بطاقة الخدمات المتكاملة للأشخاص ذوي الإعاقة" in titles
    assert "ترخيص حضانة أو دار رعاية" not in titles
    browser.find_element(By.LINK_TEXT, "بطاقة الخدمات المتكاملة للأشخاص ذوي الإعاقة").click()
    wait(browser, lambda b: "/services/disability-card/" in b.current_url)
    assert "اللجنة الطبية" in browser.find_element(By.TAG_NAME, "main").text


def test_the_eligibility_guide_suggests_the_services_that_fit(browser, live_server):
    browser.set_window_size(1280, 900)
    browser.get(live_server.url + "/en/services/guide/")
    browser.find_element(By.CSS_SELECTOR, "input[name=audience][value=family]").click()
    browser.find_element(By.CSS_SELECTOR, "input[name=situations][value=elderly]").click()
    browser.find_element(By.CSS_SELECTOR, "form.panel button[type=submit]").click()
    wait(browser, lambda b: b.find_elements(By.ID, "suggested"))
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#suggested ~ .cards h3")]
    assert titles == ["Cash support: Takaful and Karama"]
    browser.find_element(By.LINK_TEXT, "Cash support: Takaful and Karama").click()
    wait(browser, lambda b: "/services/takaful-karama/" in b.current_url)
    assert "65" in browser.find_element(By.TAG_NAME, "main").text


def test_a_citizen_files_a_complaint_and_tracks_it_with_its_number_and_code(browser, live_server):
    from selenium.webdriver.support.ui import Select

    browser.set_window_size(360, 780)
    browser.get(live_server.url + "/complaints/new/")
    Select(browser.find_element(By.NAME, "category")).select_by_value("nurseries")
    browser.find_element(By.CSS_SELECTOR, "textarea[name=description]").send_keys(
        "الحضانة تغلق أبوابها قبل موعدها كل يوم"
    )
    Select(browser.find_element(By.NAME, "governorate")).select_by_value("02")
    anonymous = browser.find_element(By.NAME, "anonymous")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", anonymous)
    browser.find_element(By.CSS_SELECTOR, f"label[for={anonymous.get_attribute('id')}]").click()
    assert anonymous.is_selected()
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "code.secret"))
    number = browser.find_element(By.CSS_SELECTOR, ".big-number").text
    code = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    browser.get(live_server.url + "/complaints/track/")
    browser.find_element(By.NAME, "number").send_keys(number)
    browser.find_element(By.NAME, "token").send_keys(code)
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(browser, lambda b: number in b.find_element(By.TAG_NAME, "main").text)
    assert "الحضانات" in browser.find_element(By.TAG_NAME, "main").text


def test_a_parent_checks_a_licence_number_typed_in_arabic_digits(browser, live_server, register):
    from care import licensing
    from care.models import Facility, FacilityKind, FacilityStatus

    facility = Facility.objects.create(
        kind=FacilityKind.NURSERY,
        name_ar="حضانة البراعم",
        organization=register,
        governorate_id="02",
        address="سيدي جابر",
        capacity=40,
        status=FacilityStatus.LICENSED,
        licence_number="02-1-000123",
        licence_key=licensing.licence_key("02-1-000123"),
        licence_valid_until=date(2030, 1, 1),
    )
    browser.set_window_size(360, 780)
    browser.get(live_server.url + "/care/")
    browser.find_element(By.NAME, "number").send_keys("٠٢-١-٠٠٠١٢٣")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait(browser, lambda b: "number=" in b.current_url)
    assert facility.name_ar in browser.find_element(By.TAG_NAME, "main").text


@pytest.mark.parametrize("path", ["/", "/services/takaful-karama/", "/impact/", "/care/", "/open/"])
def test_the_language_switch_keeps_the_reader_on_the_same_page(browser, live_server, path):
    browser.set_window_size(1280, 900)
    browser.get(live_server.url + path)
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.current_url == live_server.url + "/en" + path
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr"
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar")
    assert browser.current_url == live_server.url + path


def _published_pieces():
    """A news item with its picture (in Arabic only), an event and a page, all public."""
    import io
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone
    from PIL import Image

    from portal.models import Event, NewsItem, Page, State
    from portal.pictures import keep_picture

    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (11, 110, 79)).save(out, format="JPEG")
    news = NewsItem.objects.create(
        kind="activity",
        title_ar="قافلة تضامن لقرى أسوان توزع كراسي متحركة على الأسر",
        summary_ar="سلمت المديرية ١٢٠ كرسيًا متحركًا بالتعاون مع ست جمعيات أهلية.",
        body_ar="## التفاصيل\n\n- ١٢٠ كرسيًا\n- ست جمعيات\n\n[المزيد](https://example.org)",
        picture=keep_picture(SimpleUploadedFile("aswan.jpg", out.getvalue())),
        picture_alt_ar="متطوعون يسلمون كرسيًا متحركًا",
        state=State.APPROVED,
    )
    event = Event.objects.create(
        title_ar="يوم مفتوح للجمعيات الأهلية",
        title_en="Open day for associations",
        place_ar="مديرية التضامن الاجتماعي بالإسكندرية",
        place_en="Social solidarity directorate, Alexandria",
        governorate_id="02",
        starts_at=timezone.now() + timedelta(days=5),
        state=State.APPROVED,
    )
    Page.objects.create(
        slug="accessibility",
        title_ar="بيان إتاحة الموقع",
        title_en="Accessibility statement",
        body_ar="نلتزم بمعيار **WCAG 2.1** بمستوى AA.",
        body_en="We aim for **WCAG 2.1** level AA.",
        in_footer=True,
        state=State.APPROVED,
    )
    return news, event


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_news_events_and_pages_pass_axe_and_fit(browser, live_server, language, width):
    news, event = _published_pieces()
    prefix = live_server.url + ("" if language == "ar" else "/en")
    browser.set_window_size(width, 900)
    paths = ("/", "/news/", news.get_absolute_url(), "/events/", event.get_absolute_url())
    for path in (*paths, "/pages/accessibility/"):
        browser.get(prefix + path.removeprefix("/en"))
        assert not (report := axe_violations(browser)), f"{path}\n{report}"
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} overflows by {overflow}px"
    # The piece written only in Arabic keeps its own direction on an English page.
    browser.get(prefix + news.get_absolute_url().removeprefix("/en"))
    article = browser.find_element(By.TAG_NAME, "article")
    assert article.get_attribute("dir") == "rtl"
    picture = article.find_element(By.TAG_NAME, "img")
    assert browser.execute_script("return arguments[0].naturalWidth", picture) == 1280


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("width", [1280, 360])
def test_the_citizens_space_passes_axe_and_fits(
    signed_in_browser, live_server, make_user, language, width
):
    from complaints import actions
    from complaints.models import Category, Channel
    from core.models import Governorate

    citizen = make_user("citizen")
    data = actions.CaseInput(
        category=Category.objects.get(code="cash_support"),
        description="لم يصرف الدعم النقدي منذ ثلاثة أشهر",
        governorate=Governorate.objects.get(code="02"),
    )
    case = actions.submit_case(data, channel=Channel.WEB, by=citizen).case
    check = _page_checker(
        signed_in_browser, live_server.url + ("" if language == "ar" else "/en"), width
    )
    check(citizen, "/my/")
    check(citizen, f"/my/cases/{case.tracking_number}/")
