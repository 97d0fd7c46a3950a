"""Publication, the grant's money pages, reports and the public totals: what each person
sees and what each refuses."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from fund import applications, decisions, money_flow, review
from fund.decisions import Decision
from fund.models import ApplicationStatus, Call, CallStatus, ReportStatus, TrancheCondition
from registry.models import FieldOfActivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.FUND_OFFICER)


def _award(application, officer, amount=None):
    applications.submit(application, by=application.created_by)
    review.screen(application, ApplicationStatus.IN_REVIEW, by=officer)
    return decisions.decide(
        application,
        Decision.FUND_REDUCED if amount else Decision.FUND,
        by=officer,
        reason="جيد",
        amount=amount,
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
    )


@pytest.fixture
def grant(complete_draft, officer):
    return _award(complete_draft, officer)


def test_an_incomplete_call_is_not_published_and_says_why(client, sign_in, open_call, officer):
    open_call.status = CallStatus.DRAFT
    open_call.save()
    open_call.criteria.filter(name_en="Sustainability").update(weight=30)  # 60 + 30
    sign_in(client, officer)
    page = client.get(reverse("fund:staff_calls")).content.decode()
    assert "مجموع أوزان المعايير 90%" in page and "انشر الإعلان" not in page
    client.post(reverse("fund:staff_calls"), {"call": open_call.pk, "action": "publish"})
    open_call.refresh_from_db()
    assert open_call.status == CallStatus.DRAFT


def test_closing_a_call_needs_a_confirmation_and_an_officer(
    client, sign_in, open_call, officer, make_user
):
    url = reverse("fund:staff_calls")
    auditor = make_user(Role.AUDITOR)
    assert sign_in(client, auditor).get(url).status_code == 200
    assert client.post(url, {"call": open_call.pk, "action": "close"}).status_code == 403
    sign_in(client, officer).post(url, {"call": open_call.pk, "action": "close"})
    assert Call.objects.get().status == CallStatus.PUBLISHED
    client.post(url, {"call": open_call.pk, "action": "close", "confirm": "yes"})
    assert Call.objects.get().status == CallStatus.CLOSED


def test_tranches_that_do_not_make_the_grant_are_refused_with_what_was_typed(
    client, sign_in, grant, officer
):
    sign_in(client, officer)
    response = client.post(
        reverse("fund:staff_grant", args=[grant.pk]),
        {
            "action": "plan",
            "tranches-TOTAL_FORMS": "2",
            "tranches-INITIAL_FORMS": "0",
            "tranches-0-amount": "١٠٠٬٠٠٠",
            "tranches-0-condition": "on_signature",
            "tranches-1-amount": "50000",
            "tranches-1-condition": "milestone",
            "tranches-1-milestone": "",
        },
    )
    page = response.content.decode()
    assert "اذكر المرحلة المطلوبة" in page and 'value="١٠٠٬٠٠٠"' in page
    assert not grant.tranches.exists()
    response = client.post(
        reverse("fund:staff_grant", args=[grant.pk]),
        {
            "action": "plan",
            "tranches-TOTAL_FORMS": "1",
            "tranches-INITIAL_FORMS": "0",
            "tranches-0-amount": "100000",
            "tranches-0-condition": "on_signature",
        },
    )
    assert "مجموع الدفعات 100,000.00 جنيه" in response.content.decode()
    assert not grant.tranches.exists()


def test_an_overdue_report_blocks_the_next_payment_on_the_page(client, sign_in, grant, officer):
    today = timezone.localdate()
    money_flow.plan(
        grant,
        [
            {
                "amount": "100000",
                "condition": TrancheCondition.REPORT_APPROVED,
                "due_on": today - timedelta(days=1),
            },
            {"amount": "100000", "condition": TrancheCondition.ON_SIGNATURE},
        ],
        by=officer,
    )
    sign_in(client, officer)
    page = client.get(reverse("fund:staff_grant", args=[grant.pk])).content.decode()
    assert "متأخر" in page and "سجّل الصرف" not in page
    second = grant.tranches.get(position=2)
    client.post(
        reverse("fund:staff_grant", args=[grant.pk]),
        {"action": "release", "tranche": second.pk, "paid_on": "2027-01-02", "reference": "T"},
    )
    second.refresh_from_db()
    assert second.released_at is None


def test_auditors_read_the_money_but_cannot_move_it(client, sign_in, grant, make_user):
    money_flow.plan(
        grant,
        [{"amount": "200000", "condition": TrancheCondition.ON_SIGNATURE}],
        by=grant.decided_by,
    )
    auditor = make_user(Role.AUDITOR)
    url = reverse("fund:staff_grant", args=[grant.pk])
    page = sign_in(client, auditor).get(url).content.decode()
    assert "200,000.00" in page and "سجّل الصرف" not in page
    tranche = grant.tranches.get()
    response = client.post(
        url, {"action": "release", "tranche": tranche.pk, "paid_on": "2027-01-02", "reference": "T"}
    )
    assert response.status_code == 403


@pytest.fixture
def report(grant, officer):
    money_flow.plan(
        grant,
        [
            {
                "amount": "200000",
                "condition": TrancheCondition.REPORT_APPROVED,
                "due_on": timezone.localdate() + timedelta(days=30),
            }
        ],
        by=officer,
    )
    return grant.reports.get()


def _report_data(report, **spent):
    lines = list(report.grant.application.budget_lines.all())
    data = {"narrative": "تم التنفيذ"}
    for line in lines:
        data[f"spent_{line.pk}"] = spent.get(line.kind, "0")
    return data


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-500", "لا يمكن أن يكون المبلغ سالبًا"),
        ("90000000000", "راجع عدد الأصفار"),
        ("خمسة آلاف", "ليس مبلغًا"),
    ],
)
def test_bad_spending_is_refused_and_the_report_stays_unsent(
    client, sign_in, report, typed, message
):
    member = report.grant.application.created_by
    sign_in(client, member)
    response = client.post(
        reverse("fund:report", args=[report.pk]), _report_data(report, personnel=typed)
    )
    page = response.content.decode()
    assert response.status_code == 200 and message in page and "تم التنفيذ" in page
    report.refresh_from_db()
    assert report.status == ReportStatus.EXPECTED


def test_a_report_in_arabic_digits_reaches_the_officers(client, sign_in, report, officer):
    member = report.grant.application.created_by
    mail.outbox.clear()
    sign_in(client, member).post(
        reverse("fund:report", args=[report.pk]), _report_data(report, personnel="٤٥٬٠٠٠")
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.lines.get(budget_line__kind="personnel").spent == Decimal("45000")
    assert [m.to for m in mail.outbox] == [[officer.email]]


def test_sending_back_needs_comments(client, sign_in, report, officer):
    member = report.grant.application.created_by
    sign_in(client, member).post(reverse("fund:report", args=[report.pk]), _report_data(report))
    sign_in(client, officer)
    response = client.post(
        reverse("fund:staff_report", args=[report.pk]), {"decision": "return", "comments": " "}
    )
    assert "اذكر ما يجب على المنظمة تصحيحه" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_other_organizations_cannot_open_a_report_or_an_application_page(
    client, sign_in, report, make_organization, make_member
):
    stranger = make_member(make_organization("جمعية أخرى"))
    sign_in(client, stranger)
    assert client.get(reverse("fund:report", args=[report.pk])).status_code == 404
    application = report.grant.application
    assert client.get(reverse("fund:application", args=[application.pk])).status_code == 404
    assert application.title not in client.get(reverse("fund:my_applications")).content.decode()


def test_the_public_page_adds_up_awards_by_governorate_and_field(
    client, open_call, complete_draft, officer, make_organization, make_member
):
    assert client.get(reverse("fund:grants_360giving")).status_code == 404  # nothing yet
    assert "لم تُمنح أي منحة بعد" in client.get(reverse("fund:awards")).content.decode()
    elderly = FieldOfActivity.objects.get(code="elderly")
    complete_draft.organization.fields.add(elderly)
    _award(complete_draft, officer, amount=Decimal("150000"))

    # A second organization in the same governorate, funded by a call that names its field.
    tech = FieldOfActivity.objects.get(code="digital")
    other_call = Call.objects.create(
        code="tech-2027",
        title_ar="منح التكنولوجيا",
        title_en="Technology grants",
        text_ar="-",
        text_en="-",
        opens_at=open_call.opens_at,
        closes_at=open_call.closes_at,
        total_budget=Decimal("1000000"),
        grant_floor=Decimal("50000"),
        grant_ceiling=Decimal("500000"),
        status=CallStatus.PUBLISHED,
    )
    other_call.fields.add(tech)
    organization = make_organization("جمعية ثانية", governorate="02", founded_on=date(2022, 1, 1))
    organization.fields.add(elderly, tech)  # the grant counts under the call's field alone
    second = applications.start(other_call, organization, by=make_member(organization))
    second.title, second.summary, second.requested_amount = "ب", "ب", Decimal("100000")
    second.save()
    second.budget_lines.create(kind="activities", description="-", amount=Decimal("100000"))
    applications.save_results(
        second, [{"outcome": "o", "indicator": "i", "unit": "u", "baseline": 0, "target": 1}]
    )
    _award(second, officer)

    from fund import totals

    (alexandria,) = totals.by_governorate()
    assert (alexandria.grants, alexandria.awarded) == (2, Decimal("250000"))
    assert {(str(t.label), t.grants, t.awarded) for t in totals.by_field()} == {
        ("رعاية المسنين", 1, Decimal("150000")),
        ("التحول الرقمي والتكنولوجيا", 1, Decimal("100000")),
    }
    page = client.get(reverse("fund:awards")).content.decode()
    assert "250,000" in page and "جمعية ثانية" in page and "<meter" in page


def test_officers_see_reports_waiting_and_overdue_in_one_list(
    client, sign_in, report, officer, make_user
):
    url = reverse("fund:staff_reports")
    member = report.grant.application.created_by
    assert sign_in(client, member).get(url).status_code == 403
    page = sign_in(client, officer).get(url).content.decode()
    assert "لا يوجد تقرير متأخر" in page and "لا يوجد تقرير في الانتظار" in page
    report.due_on = timezone.localdate() - timedelta(days=2)
    report.save()
    page = client.get(url).content.decode()
    assert report.grant.application.organization.name_ar in page
    assert "لا يوجد تقرير متأخر" not in page
    auditor = make_user(Role.AUDITOR)
    assert sign_in(client, auditor).get(url).status_code == 200


def test_a_plan_is_one_tranche_or_more_added_and_removed_by_the_officer(
    client, sign_in, grant, officer
):
    url = reverse("fund:staff_grant", args=[grant.pk])
    page = sign_in(client, officer).get(url)
    plan = page.context["plan"]
    assert plan.total_form_count() == 1  # the whole grant on signature, to start from
    assert 'value="200000' in page.content.decode()
    two = {
        "action": "plan",
        "tranches-TOTAL_FORMS": "1",
        "tranches-INITIAL_FORMS": "0",
        "tranches-0-amount": "120000",
        "tranches-0-condition": "on_signature",
        "add-row": "1",
    }
    page = client.post(url, two)
    assert page.context["plan"].total_form_count() == 2 and not grant.tranches.exists()
    del two["add-row"]
    two.update(
        {
            "tranches-TOTAL_FORMS": "2",
            "tranches-1-amount": "80000",
            "tranches-1-condition": "milestone",
            "tranches-1-milestone": "إطلاق المنصة",
        }
    )
    response = client.post(url, two, follow=True)
    assert grant.tranches.count() == 2
    assert "خُطّطت المنحة في دفعتين." in response.content.decode()


def test_a_returned_report_is_due_again_two_weeks_on_not_in_arrears(
    client, sign_in, report, officer
):
    member = report.grant.application.created_by
    sign_in(client, member).post(reverse("fund:report", args=[report.pk]), _report_data(report))
    report.__class__.objects.filter(pk=report.pk).update(
        due_on=timezone.localdate() - timedelta(days=3)  # already past when it comes back
    )
    sign_in(client, officer)
    url = reverse("fund:staff_report", args=[report.pk])
    default = (timezone.localdate() + timedelta(days=14)).isoformat()
    assert f'value="{default}"' in client.get(url).content.decode()
    refused = client.post(
        url, {"decision": "return", "comments": "أرفقوا الفواتير", "due_on": "2020-01-01"}
    )
    assert "بعد اليوم" in refused.content.decode()
    client.post(url, {"decision": "return", "comments": "أرفقوا الفواتير", "due_on": default})
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    assert report.due_on.isoformat() == default
    assert not report.grant.reports.overdue(timezone.localdate()).exists()


def test_a_waiting_list_application_is_funded_when_money_frees_up(complete_draft, officer):
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    decisions.decide(complete_draft, Decision.WAITING_LIST, by=officer, reason="لا ميزانية")
    grant = decisions.decide(
        complete_draft,
        Decision.FUND,
        by=officer,
        reason="تحرر مبلغ",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    complete_draft.refresh_from_db()
    assert grant is not None and complete_draft.status == ApplicationStatus.FUNDED


def test_an_award_beyond_the_calls_budget_is_refused_with_what_is_left(
    complete_draft, officer, open_call
):
    from core.errors import ActionError

    open_call.total_budget = Decimal("150000")
    open_call.save()
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    with pytest.raises(ActionError) as refused:
        decisions.decide(
            complete_draft,
            Decision.FUND,
            by=officer,
            reason="جيد",
            starts_on=date(2027, 1, 1),
            ends_on=date(2027, 12, 31),
        )
    assert refused.value.code == "over_budget" and "150,000.00" in refused.value.message
    complete_draft.refresh_from_db()
    assert complete_draft.status == ApplicationStatus.IN_REVIEW


def test_closing_a_call_looks_like_what_it_is(client, sign_in, open_call, officer):
    page = sign_in(client, officer).get(reverse("fund:staff_calls")).content.decode()
    assert '<button type="submit" class="button--danger">أغلق الإعلان</button>' in page
    assert "لا يمكن التراجع عن الإغلاق" in page
