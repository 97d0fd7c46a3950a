"""An association's administrator: proposes a change to its profile, writes a grant
application (budget lines added and removed), answers the fund's question, sends a
report, answers the maturity questionnaire, and registers and enrols its staff."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from PIL import Image

from accounts.models import Role
from fund import review
from fund.models import Application, ApplicationStatus, Call, CallStatus, Criterion
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say

pytestmark = BROWSER_TESTS
ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")


@pytest.fixture
def association(make_organization, make_member):
    organization = make_organization(
        "جمعية رعاية الأيتام بالإسكندرية",
        governorate="02",
        name_en="",
        address="15 طريق الحرية، سيدي جابر",
        founded_on=timezone.localdate() - timedelta(days=900),
    )
    return organization, make_member(organization)


@pytest.fixture
def open_call(db):
    now = timezone.now()
    call = Call.objects.create(
        code="digital-families-2027",
        title_ar="منح الخدمات الرقمية للأسر 2027",
        title_en="Digital services for families 2027",
        text_ar="دعم المشروعات الرقمية التي تخدم الأسر.",
        text_en="Support for digital projects that serve families.",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=30),
        total_budget=Decimal("5000000"),
        grant_floor=Decimal("50000"),
        grant_ceiling=Decimal("500000"),
        admin_share_cap=Decimal("10"),
        status=CallStatus.PUBLISHED,
    )
    Criterion.objects.create(call=call, name_ar="الأثر", name_en="Impact", weight=100)
    return call


@pytest.fixture
def staff_course(db):
    """A course for associations' own staff (not for the families they serve)."""
    from training.models import Course

    return Course.objects.create(
        code="data-protection-associations",
        title_ar="حماية بيانات المستفيدين في الجمعيات",
        title_en="Protecting beneficiaries' data",
        programme="-",
        hours=8,
        target_groups=["association_staff"],
    )


@DEVICES
def test_the_profile_changes_and_the_staff_are_trained(
    browser, live_server, device, association, staff_course, signed_in_browser
):
    from training.models import Cohort, Trainee

    organization, admin = association
    language = device[0]
    course = staff_course
    Cohort.objects.create(
        course=course,
        governorate_id="02",
        venue="مديرية الإسكندرية",
        starts_on=timezone.localdate() + timedelta(days=7),
        ends_on=timezone.localdate() + timedelta(days=14),
        trainer=organization.memberships.get().user,  # any user will do as trainer here
        capacity=10,
    )
    signed_in_browser(admin)
    person = Person(browser, live_server, device, "association-profile-and-staff")

    # The profile: the English name typed left to right, a phone in Arabic digits, and a
    # mistyped e-mail corrected.
    person.visit(f"/registry/{organization.pk}/")
    person.follow(f"/registry/{organization.pk}/propose-change/")
    assert person.box("name_en").get_attribute("dir") == "ltr"
    person.type("name_en", "Orphan Care Association, Alexandria")
    person.type("phone", "01001234567".translate(ARABIC_INDIC))
    person.type("email", "info@")
    person.press()
    person.error_summary()
    person.type("email", "info@orphans-alex.example.org")
    person.press()
    person.sees("Orphan Care Association, Alexandria")
    person.visit(f"/registry/{organization.pk}/propose-change/")  # one waits at a time
    person.sees(say(language, "ينتظر مراجعة المديرية", "waiting for the directorate's review"))

    # Staff: a mistyped national ID, then the right one in Arabic digits; then enrolled.
    person.visit("/training/staff/")
    person.type("national_id", "29001019912345".translate(ARABIC_INDIC))  # governorate 99
    person.type("name", "هالة فؤاد")
    person.press("input[value=register] ~ .actions button", within="main")
    person.error_summary()
    person.type("national_id", "29001010212346".translate(ARABIC_INDIC))
    person.press("input[value=register] ~ .actions button", within="main")
    staff = Trainee.objects.get()
    assert (staff.sex, staff.birth_year) == ("female", 1990)
    person.select("trainee", str(staff.pk))
    person.select("cohort", str(Cohort.objects.get().pk))
    person.press("input[value=enrol] ~ .actions button", within="main")
    person.sees("هالة فؤاد", say(language, "التحق", "enrolled"))


@DEVICES
def test_a_grant_application_from_the_call_to_the_funds_question(
    browser, live_server, device, association, open_call, signed_in_browser, make_user, tmp_path
):
    _, admin = association
    signed_in_browser(admin)
    person = Person(browser, live_server, device, "association-application")

    person.visit("/fund/calls/")
    person.follow(f"/fund/calls/{open_call.code}/")
    person.press("form[action$='/apply/'] button")
    person.type("title", "منصة تطوع رقمية للأسر")
    person.type("summary", "ربط المتطوعين بالأسر المستفيدة في الإسكندرية، ومتابعة الزيارات.")
    person.type("requested_amount", "200,000".translate(ARABIC_INDIC))
    person.press()

    # The budget: two lines, a third added and removed, the total said as it goes.
    person.select("lines-0-kind", "activities")
    person.type("lines-0-description", "ورش تدريب المتطوعين")
    person.type("lines-0-amount", "150,000".translate(ARABIC_INDIC))
    person.press("button[name=add-row]")
    person.select("lines-1-kind", "equipment")
    person.type("lines-1-description", "أجهزة لوحية")
    person.type("lines-1-amount", "60000")
    person.press("button[name=add-row]")
    person.press("#row-2 button[name=remove-row]")
    person.sees("210,000.00", "10,000.00")  # over the amount asked, by how much
    person.type("lines-1-amount", "50000")
    person.sees("200,000.00")  # kept up to date while typing
    person.press("main form > .actions:last-child button")
    application = Application.objects.get()
    assert application.budget_lines.count() == 2

    # The results framework, numbers in Arabic-Indic digits.
    person.type("rows-0-outcome", "أسر أكثر تصلها الخدمة")
    person.type("rows-0-indicator", "عدد الأسر المخدومة")
    person.type("rows-0-unit", "أسرة")
    person.type("rows-0-baseline", "0".translate(ARABIC_INDIC))
    person.type("rows-0-target", "300".translate(ARABIC_INDIC))
    person.press("main form > .actions:last-child button")
    assert application.outcomes.get().indicators.get().target == 300
    person.press()  # no document asked by this call

    # Check every answer, then submit.
    person.sees("منصة تطوع رقمية للأسر", "ورش تدريب المتطوعين", "عدد الأسر المخدومة")
    person.press()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED

    # The fund asks a question; the association answers it, with a document.
    officer = make_user(Role.FUND_OFFICER)
    review.screen(
        application,
        ApplicationStatus.NEEDS_INFORMATION,
        by=officer,
        note="أرفقوا خطاب موافقة مجلس الإدارة على المشروع.",
    )
    person.visit(f"/fund/applications/{application.pk}/")
    person.sees("أرفقوا خطاب موافقة مجلس الإدارة")
    person.press()
    person.error_summary()  # the answer was forgotten
    person.type("answer", "مرفق خطاب موافقة المجلس بتاريخ اليوم.")
    letter = tmp_path / "board.jpg"
    Image.new("RGB", (200, 280), "white").save(letter, "JPEG")
    person.attach("file", letter)
    person.press()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.documents.filter(display_name="board.jpg").exists()


@DEVICES
def test_a_report_on_the_grant_and_the_maturity_questionnaire(
    browser, live_server, device, association, staff_course, signed_in_browser, make_user
):
    from fund.models import ReportStatus
    from fund.tests.builders import grant_with_report
    from maturity.models import Dimension
    from training.models import Competence

    organization, admin = association
    language = device[0]
    course = staff_course
    course.competences.add(
        Competence.objects.create(code="data-protection", name_ar="حماية البيانات", name_en="Data")
    )
    grant, report = grant_with_report(organization, admin, make_user(Role.FUND_OFFICER))
    signed_in_browser(admin)
    person = Person(browser, live_server, device, "association-report-and-maturity")

    # The report: spending and an indicator value in Arabic-Indic digits; a negative
    # amount first, refused and said.
    person.visit(f"/fund/applications/{grant.application_id}/")
    person.follow(f"/fund/reports/{report.pk}/")
    line = grant.application.budget_lines.get()
    indicator = grant.application.outcomes.get().indicators.get()
    person.type("narrative", "نُفذت ثلاث ورش ووصلت الخدمة إلى 120 أسرة.")
    person.type(f"spent_{line.pk}", "-500")
    person.type(f"value_{indicator.pk}", "120".translate(ARABIC_INDIC))
    person.press()
    person.error_summary()
    person.type(f"spent_{line.pk}", "45,000".translate(ARABIC_INDIC))
    person.press()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.indicator_values.get().value == 120

    # The maturity questionnaire, one dimension a page; one statement forgotten once.
    person.visit(f"/maturity/organizations/{organization.pk}/")
    person.follow(f"/maturity/organizations/{organization.pk}/answer/")
    dimensions = list(Dimension.objects.prefetch_related("statements"))
    for number, dimension in enumerate(dimensions):
        statements = list(dimension.statements.all())
        rating = "0" if number < 2 else "3"  # governance and data protection are weak
        for statement in statements[1:] if number == 0 else statements:
            person.choose(f"s{statement.pk}", rating)
        person.press("main form .actions button[type=submit]")
        if number == 0:
            person.error_summary()
            person.choose(f"s{statements[0].pk}", rating)
            person.press("main form .actions button[type=submit]")
    person.sees(
        say(language, "راجع إجاباتك قبل إرسالها", "Check your answers before you send them")
    )
    person.press()
    person.sees(
        say(language, "تفيد في:", "Helps with:"),
        course.title_ar if language == "ar" else course.title_en,
    )
