"""An organization's administrator manages its own staff's training, and only theirs."""

import pytest
from django.urls import reverse

from training.models import Trainee

pytestmark = pytest.mark.django_db


def test_an_administrator_registers_and_enrols_its_staff_and_sees_only_them(
    client, sign_in, cohort, make_organization, make_member
):
    cohort.course.target_groups = ["association_staff"]
    cohort.course.save()
    mine, theirs = make_organization("جمعية النور"), make_organization("جمعية الأمل")
    admin, other_admin = make_member(mine), make_member(theirs)
    sign_in(client, admin)
    url = reverse("training:staff")
    client.post(
        url,
        {
            "form": "register",
            "national_id": "٢٩٠٠١٠١٠١١٢٣٤٥",
            "name": "هالة فؤاد",
        },
    )
    member = Trainee.objects.get()
    assert member.organization == mine and member.target_group == "association_staff"
    # Read from the national ID, not asked: born 1 January 1990, its serial ends even.
    assert (member.sex, member.birth_year) == ("female", 1990)
    client.post(url, {"form": "enrol", "trainee": member.pk, "cohort": cohort.pk})
    assert cohort.enrolments.get().trainee == member
    assert "هالة فؤاد" in client.get(url).content.decode()

    sign_in(client, other_admin)
    assert "هالة فؤاد" not in client.get(url).content.decode()
    response = client.post(url, {"form": "enrol", "trainee": member.pk, "cohort": cohort.pk})
    assert response.status_code == 200  # not their staff: the choice is refused


def test_a_member_who_does_not_administer_may_not(client, sign_in, make_organization, make_member):
    finance = make_member(make_organization(), role="finance")
    assert sign_in(client, finance).get(reverse("training:staff")).status_code == 403


def test_anyone_signed_in_joins_an_open_cohort_once(client, sign_in, cohort, make_user):
    from training.models import Cohort

    url = reverse("training:join", args=[cohort.pk])
    citizen = make_user("citizen")
    sign_in(client, citizen)
    assert client.get(url).status_code == 404  # not open to self-enrolment
    Cohort.objects.filter(pk=cohort.pk).update(self_enrolment=True)
    assert cohort.course.title_ar in client.get(reverse("training:open_courses")).content.decode()
    data = {
        "national_id": "29001010112345",
        "name": "منى",
        "target_group": "beneficiary",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double click
    assert cohort.enrolments.count() == 1


def test_with_no_open_cohort_the_administrator_is_told_why_and_what_to_do(
    client, sign_in, make_organization, make_member
):
    sign_in(client, make_member(make_organization("جمعية النور")))
    page = client.get(reverse("training:staff")).content.decode()
    assert "لا توجد حاليًا دورة مفتوحة للالتحاق" in page
    assert 'name="cohort"' not in page  # no empty list to choose from
