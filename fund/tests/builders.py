"""Applications and grants built with the fund's own actions, for tests of other pages."""

from datetime import date, timedelta

from django.utils import timezone

from core.tests.files import small_pdf
from core.uploads import clean_upload
from fund import applications, decisions, money_flow, review
from fund.decisions import Decision
from fund.demo import seed_call
from fund.models import ApplicationStatus, TrancheCondition


def submitted_application(organization, member):
    """The demo call, and an application to it complete and submitted by ``member``."""
    call = seed_call()
    application = applications.start(call, organization, by=member)
    application.title, application.summary = "منصة تطوع", "ربط المتطوعين بالأسر."
    application.requested_amount = 100000
    application.save()
    application.budget_lines.create(kind="activities", description="ورش", amount=100000)
    outcome = application.outcomes.create(text="أسر أكثر تُخدم")
    outcome.indicators.create(name="عدد الأسر", unit="أسرة", baseline=0, target=200)
    for required in call.required_documents.all():
        applications.attach(application, clean_upload(small_pdf()), by=member, required=required)
    applications.submit(application, by=member)
    return call, application


def grant_with_report(organization, member, officer):
    """A submitted application funded at 80,000 in two tranches, the second paid on its
    progress report (due in 60 days): the grant and that report."""
    _call, application = submitted_application(organization, member)
    review.screen(application, ApplicationStatus.IN_REVIEW, by=officer)
    grant = decisions.decide(
        application,
        Decision.FUND_REDUCED,
        by=officer,
        reason="جيد",
        amount=80000,
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    money_flow.plan(
        grant,
        [
            {"amount": "50000", "condition": TrancheCondition.ON_SIGNATURE},
            {
                "amount": "30000",
                "condition": TrancheCondition.REPORT_APPROVED,
                "due_on": timezone.localdate() + timedelta(days=60),
            },
        ],
        by=officer,
    )
    return grant, grant.reports.get()
