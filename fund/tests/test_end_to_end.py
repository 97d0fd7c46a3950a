"""One call from publication to final report, through the pages, with every role.

The system administrator drafts the call (in the admin); a fund officer publishes it;
an organization's member applies in steps; the officer asks a question and the member
answers; reviewers declare conflicts and score; an auditor reads but cannot act; the
officer records the committee's reduced award, plans the tranches and pays them as the
reports are approved; the public sees the award and its open data.
"""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.models import AuditEntry
from core.tests.files import small_pdf
from fund.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Criterion,
    Grant,
    Report,
    ReportStatus,
    RequiredDocument,
)

pytestmark = pytest.mark.django_db


def _draft_call():
    now = timezone.now()
    call = Call.objects.create(
        code="family-care-2027",
        title_ar="منح رعاية الأسرة ٢٠٢٧",
        title_en="Family care grants 2027",
        text_ar="مشروعات رعاية الأسرة وكبار السن.",
        text_en="Projects of family and elderly care.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        total_budget=Decimal("5000000"),
        grant_floor=Decimal("50000"),
        grant_ceiling=Decimal("300000"),
    )
    Criterion.objects.create(call=call, name_ar="الأثر", name_en="Impact", weight=70)
    Criterion.objects.create(call=call, name_ar="الكفاءة", name_en="Efficiency", weight=30)
    RequiredDocument.objects.create(call=call, name_ar="النظام الأساسي", name_en="Statutes")
    return call


def _people(make_user, make_organization, make_member, sign_in):
    organization = make_organization("جمعية رعاية الأسرة بطنطا", governorate="16")
    member = make_member(organization)
    member.preferred_language = "en"
    member.save()
    users = {
        "member": member,
        "officer": make_user(Role.FUND_OFFICER),
        "auditor": make_user(Role.AUDITOR),
        "reviewers": [make_user(Role.REVIEWER) for _ in range(3)],
    }
    clients = {name: sign_in(Client(), user) for name, user in users.items() if name != "reviewers"}
    clients["reviewers"] = [sign_in(Client(), reviewer) for reviewer in users["reviewers"]]
    return organization, users, clients


def _publish(call, officer):
    page = officer.get(reverse("fund:staff_calls")).content.decode()
    assert "انشر الإعلان" in page
    officer.post(reverse("fund:staff_calls"), {"call": call.pk, "action": "publish"})
    call.refresh_from_db()
    assert call.status == CallStatus.PUBLISHED
    assert call.title_ar in Client().get(reverse("fund:calls")).content.decode()


def _apply(call, organization, member) -> Application:
    member.post(reverse("fund:apply", args=[call.code]), {"organization": organization.pk})
    application = Application.objects.get(call=call, organization=organization)

    def step(name, data):
        response = member.post(reverse("fund:step", args=[application.pk, name]), data)
        assert response.status_code == 302, response.content.decode()[:3000]

    step(
        "project",
        {
            "title": "نادي نهاري لكبار السن",
            "summary": "رعاية نهارية وأنشطة لكبار السن في طنطا.",
            "requested_amount": "١٥٠٠٠٠",
        },
    )
    step(
        "budget",
        {
            "lines-TOTAL_FORMS": "3",
            "lines-INITIAL_FORMS": "0",
            "lines-0-kind": "personnel",
            "lines-0-description": "مشرفون",
            "lines-0-amount": "90,000",
            "lines-1-kind": "activities",
            "lines-1-description": "أنشطة",
            "lines-1-amount": "50000",
            "lines-2-kind": "administration",
            "lines-2-description": "إدارة",
            "lines-2-amount": "١٠٠٠٠",
        },
    )
    step(
        "results",
        {
            "rows-TOTAL_FORMS": "1",
            "rows-INITIAL_FORMS": "0",
            "rows-0-outcome": "كبار سن أقل عزلة",
            "rows-0-indicator": "عدد المترددين على النادي",
            "rows-0-unit": "شخص",
            "rows-0-baseline": "0",
            "rows-0-target": "١٢٠",
        },
    )
    statutes = call.required_documents.get()
    step("documents", {f"document_{statutes.pk}": small_pdf()})
    response = member.post(reverse("fund:step", args=[application.pk, "submit"]))
    assert response.url == reverse("fund:application", args=[application.pk])
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    return application


def _screen_with_a_question(application, officer, member):
    staff_page = reverse("fund:staff_application", args=[application.pk])
    officer.post(
        staff_page,
        {"action": "screen", "outcome": "needs_information", "note": "ما عدد المشرفين؟"},
    )
    answer_page = reverse("fund:application", args=[application.pk])
    assert "ما عدد المشرفين؟" in member.get(answer_page).content.decode()
    member.post(answer_page, {"answer": "ثلاثة مشرفين متفرغين"})
    assert "ثلاثة مشرفين متفرغين" in officer.get(staff_page).content.decode()
    officer.post(staff_page, {"action": "screen", "outcome": "in_review", "note": ""})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW


def _review(application, officer, reviewers, clients):
    officer.post(
        reverse("fund:staff_application", args=[application.pk]),
        {"action": "assign", "count": "2"},
    )
    assigned = list(application.assignments.order_by("pk"))
    assert len(assigned) == 2
    by_reviewer = {r.pk: c for r, c in zip(reviewers, clients, strict=True)}
    # The first declares a conflict: the third reviewer takes the application over.
    first = assigned[0]
    by_reviewer[first.reviewer_id].post(
        reverse("fund:review", args=[first.pk]), {"answer": "conflict", "note": "قريب لي"}
    )
    assigned = list(application.assignments.filter(conflict_declared_at__isnull=True))
    assert len(assigned) == 2 and first.reviewer_id not in {a.reviewer_id for a in assigned}
    for assignment, (impact, efficiency) in zip(assigned, [("8", "6"), ("٩", "7")], strict=True):
        reviewer = by_reviewer[assignment.reviewer_id]
        url = reverse("fund:review", args=[assignment.pk])
        reviewer.post(url, {"answer": "none"})
        impact_pk, efficiency_pk = application.call.criteria.values_list("pk", flat=True)
        reviewer.post(
            url,
            {
                f"c{impact_pk}-value": impact,
                f"c{impact_pk}-comment": "أثر واضح",
                f"c{efficiency_pk}-value": efficiency,
                f"c{efficiency_pk}-comment": "",
                "finish": "1",
            },
        )
    ranking = officer.get(reverse("fund:ranking", args=[application.call.code])).content.decode()
    assert "نادي نهاري لكبار السن" in ranking and "79.0" in ranking  # (74 + 84) / 2


def _decide(application, officer, auditor):
    staff_page = reverse("fund:staff_application", args=[application.pk])
    assert auditor.get(staff_page).status_code == 200
    decision = {
        "action": "decide",
        "decision": "fund_reduced",
        "reason": "مشروع جيد؛ تُخفض بنود الإدارة.",
        "amount": "120000",
        "starts_on": "2027-01-01",
        "ends_on": "2027-12-31",
    }
    assert auditor.post(staff_page, decision).status_code == 403
    unconfirmed = officer.post(staff_page, decision).content.decode()
    assert "ضع علامة في المربع للتأكيد" in unconfirmed  # a final decision is confirmed first
    decision["confirm"] = "on"
    officer.post(staff_page, decision)
    grant = Grant.objects.get(application=application)
    assert (grant.amount_awarded, application.requested_amount) == (
        Decimal("120000"),
        Decimal("150000"),
    )
    return grant


def _plan_and_pay_first(grant, officer):
    page = reverse("fund:staff_grant", args=[grant.pk])
    today = timezone.localdate()
    officer.post(
        page,
        {
            "action": "plan",
            "tranches-TOTAL_FORMS": "3",
            "tranches-INITIAL_FORMS": "0",
            "tranches-0-amount": "60000",
            "tranches-0-condition": "on_signature",
            "tranches-1-amount": "40000",
            "tranches-1-condition": "report_approved",
            "tranches-1-report_kind": "progress",
            "tranches-1-due_on": (today + timedelta(days=90)).isoformat(),
            "tranches-2-amount": "20000",
            "tranches-2-condition": "report_approved",
            "tranches-2-report_kind": "final",
            "tranches-2-due_on": (today + timedelta(days=360)).isoformat(),
        },
    )
    first, second, third = grant.tranches.order_by("position")
    officer.post(
        page,
        {"action": "release", "tranche": first.pk, "paid_on": "2027-01-05", "reference": "TRF-1"},
    )
    # The second waits for its report: the page refuses and says why.
    refused = officer.post(
        page,
        {"action": "release", "tranche": second.pk, "paid_on": "2027-01-05", "reference": "X"},
    )
    assert "لم يُعتمد تقريرها بعد" in refused.content.decode()
    return second, third


def _report(grant, report, member, officer, *, send_back: bool):
    lines = {line.description: line.pk for line in grant.application.budget_lines.all()}
    indicator = grant.application.outcomes.get().indicators.get()
    data = {
        "narrative": "افتتح النادي وتردد عليه ٨٠ شخصًا.",
        f"spent_{lines['مشرفون']}": "٤٥٠٠٠",
        f"spent_{lines['أنشطة']}": "20,000",
        f"spent_{lines['إدارة']}": "0",
        f"value_{indicator.pk}": "80",
    }
    report_page = reverse("fund:report", args=[report.pk])
    assert member.post(report_page, data).status_code == 302
    review_page = reverse("fund:staff_report", args=[report.pk])
    assert "45,000.00" in officer.get(review_page).content.decode()
    if send_back:
        officer.post(review_page, {"decision": "return", "comments": "أرفقوا كشف الحضور"})
        assert "أرفقوا كشف الحضور" in member.get(report_page).content.decode()
        member.post(report_page, data)
    officer.post(review_page, {"decision": "approve", "comments": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


def test_a_call_from_publication_to_final_report(
    make_user, make_organization, make_member, sign_in
):
    call = _draft_call()
    organization, users, clients = _people(make_user, make_organization, make_member, sign_in)
    officer, member = clients["officer"], clients["member"]

    _publish(call, officer)
    application = _apply(call, organization, member)
    _screen_with_a_question(application, officer, member)
    _review(application, officer, users["reviewers"], clients["reviewers"])
    grant = _decide(application, officer, clients["auditor"])
    second, third = _plan_and_pay_first(grant, officer)

    progress, final = Report.objects.filter(grant=grant).order_by("due_on")
    _report(grant, progress, member, officer, send_back=True)
    officer.post(
        reverse("fund:staff_grant", args=[grant.pk]),
        {"action": "release", "tranche": second.pk, "paid_on": "2027-06-01", "reference": "TRF-2"},
    )
    _report(grant, final, member, officer, send_back=False)
    officer.post(
        reverse("fund:staff_grant", args=[grant.pk]),
        {"action": "release", "tranche": third.pk, "paid_on": "2027-12-20", "reference": "TRF-3"},
    )
    assert list(grant.tranches.values_list("payment_reference", flat=True)) == [
        "TRF-1",
        "TRF-2",
        "TRF-3",
    ]

    # The organization sees every payment; it heard of each step in its own language.
    page = member.get(reverse("fund:application", args=[application.pk])).content.decode()
    assert all(reference in page for reference in ("TRF-1", "TRF-2", "TRF-3"))
    to_member = [m.subject for m in mail.outbox if m.to == [users["member"].email]]
    assert "Sanad fund: the committee's decision" in to_member
    assert to_member.count("Sanad fund: a payment was made") == 3

    # The public sees the award, its totals and its open data.
    public = Client()
    awards = public.get(reverse("fund:awards")).content.decode()
    assert "جمعية رعاية الأسرة بطنطا" in awards and "120,000" in awards
    package = json.loads(b"".join(public.get(reverse("fund:grants_360giving")).streaming_content))
    (published,) = package["grants"]
    assert (published["amountAwarded"], published["amountAppliedFor"]) == (120000, 150000)

    # Every step left its mark in the audit log.
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "fund.call_published",
        "fund.application_submitted",
        "fund.information_given",
        "fund.conflict_declared",
        "fund.decision_fund_reduced",
        "fund.report_returned",
        "fund.report_approved",
        "fund.tranche_paid",
    } <= actions
