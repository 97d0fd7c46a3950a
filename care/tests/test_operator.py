"""The operator's side: applying, following each step, and being told in their language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from care import licensing
from care.models import Facility, LicenceApplication, Stage

pytestmark = pytest.mark.django_db


def test_an_operator_applies_and_follows_the_steps_and_hears_of_each(
    client, sign_in, make_organization, make_member, officer
):
    organization = make_organization("جمعية الرعاية", governorate="02")
    member = make_member(organization)
    member.preferred_language = "en"
    member.save()
    sign_in(client, member)
    response = client.post(
        reverse("care:apply"),
        {
            "kind": "nursery",
            "name_ar": "حضانة الزهور",
            "governorate": "02",
            "address": "سموحة",
            "capacity": "٤٥",  # Arabic-Indic digits
            "organization": organization.pk,
        },
    )
    assert response.status_code == 302
    facility = Facility.objects.get(name_ar="حضانة الزهور")
    assert facility.capacity == 45 and facility.organization == organization
    application = LicenceApplication.objects.get(facility=facility)

    mail.outbox.clear()
    licensing.review_documents(
        application, by=officer, complete=False, missing="شهادة الحماية المدنية"
    )
    (message,) = mail.outbox
    assert message.to == [member.email] and "licence application" in message.subject
    assert "شهادة الحماية المدنية" in message.body
    page = client.get(reverse("care:mine")).content.decode()
    assert "حضانة الزهور" in page and "شهادة الحماية المدنية" in page


def test_someone_else_does_not_see_the_application(client, sign_in, nursery, officer, make_user):
    licensing.apply(nursery, by=officer)
    citizen = make_user(Role.CITIZEN)
    page = sign_in(client, citizen).get(reverse("care:mine")).content.decode()
    assert nursery.name_ar not in page
    assert (
        sign_in(client, make_user(Role.INSPECTOR, governorate="02"))
        .get(reverse("care:apply"))
        .status_code
        == 403
    )


def test_operators_are_reminded_once_before_their_licence_ends(licensed, officer):
    application = licensed.application
    application.submitted_by.email = "operator@example.org"
    application.submitted_by.save()
    mail.outbox.clear()
    near_the_end = licensed.valid_until - timedelta(days=20)
    assert licensing.remind_renewals(near_the_end) == 1
    assert licensing.remind_renewals(near_the_end) == 0  # once
    assert any("جدّد ترخيص" in m.subject for m in mail.outbox)
    assert licensing.remind_renewals(timezone.localdate()) == 0


def test_a_facility_with_nothing_valid_cannot_be_reminded(nursery, officer):
    licensing.apply(nursery, by=officer)
    assert LicenceApplication.objects.get().stage == Stage.SUBMITTED
    assert licensing.remind_renewals(timezone.localdate()) == 0


def test_the_operator_asks_for_the_renewal_once(client, sign_in, licensed):
    operator = licensed.application.submitted_by
    operator.role = Role.ORGANIZATION_MEMBER
    operator.governorate = None
    operator.save()
    sign_in(client, operator)
    facility = licensed.facility
    assert "تقدّم لتجديد الترخيص" in client.get(reverse("care:mine")).content.decode()
    client.post(reverse("care:renew", args=[facility.pk]))
    client.post(reverse("care:renew", args=[facility.pk]))  # a double click
    assert facility.applications.filter(renewal=True).count() == 1
