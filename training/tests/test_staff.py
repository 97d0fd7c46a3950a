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
            "sex": "female",
            "birth_year": "1990",
        },
    )
    member = Trainee.objects.get()
    assert member.organization == mine and member.target_group == "association_staff"
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
