"""The public page of who the training reached: the same figures as the ministry's, with
counts too small to be anonymous left out."""

import pytest
from django.urls import reverse

from training import people
from training.models import Cohort

pytestmark = pytest.mark.django_db


def enrol_people(cohort, trainer, count: int, first_id: int):
    for n in range(count):
        trainee, _ = people.register(
            by=trainer, national_id=f"2900101011{first_id + n:04d}", name=f"متدرب {n}",
            sex="female", target_group="beneficiary", governorate_id=cohort.governorate_id,
        )  # fmt: skip
        people.enrol(cohort, trainee, by=trainer)


def test_the_public_sees_the_reach_without_counts_that_could_name_someone(client, cohort, trainer):
    cohort.capacity = 20
    cohort.save()
    cairo = Cohort.objects.create(
        course=cohort.course, governorate_id="01", venue="قاعة القاهرة",
        starts_on=cohort.starts_on, ends_on=cohort.ends_on, trainer=trainer, capacity=20,
    )  # fmt: skip
    enrol_people(cohort, trainer, 7, 100)
    enrol_people(cairo, trainer, 2, 200)
    page = client.get(reverse("training:reach")).content.decode()
    alexandria_row = page.split("الإسكندرية</td>")[1].split("</tr>")[0]
    cairo_row = page.split("القاهرة</td>")[1].split("</tr>")[0]
    assert "غير معروض" in cairo_row and ">2<" not in cairo_row
    # Two governorates, one hidden: the other is hidden too, or 9 - 7 would tell.
    assert "غير معروض" in alexandria_row and ">7<" not in alexandria_row
    assert "<strong>9</strong>" in page  # the total is large enough to show
    english = client.get("/en" + reverse("training:reach")).content.decode()
    assert "not shown" in english


def test_a_breakdown_with_enough_people_everywhere_is_shown_whole(client, cohort, trainer):
    cohort.capacity = 30
    cohort.save()
    enrol_people(cohort, trainer, 12, 300)
    page = client.get(reverse("training:reach")).content.decode()
    assert "<td>12</td>" in page.split("الإسكندرية</td>")[1].split("</tr>")[0]
    assert "غير معروض" not in page
