from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from training.models import Cohort, Course, Session


@pytest.fixture
def trainer(make_user):
    return make_user(Role.TRAINER)


@pytest.fixture
def cohort(db, trainer):
    course = Course.objects.create(
        code="digital-literacy",
        title_ar="محو الأمية الرقمية",
        title_en="Digital literacy",
        programme="Takaful and Karama families",
        hours=12,
        target_groups=["beneficiary"],
    )
    cohort = Cohort.objects.create(
        course=course,
        governorate_id="02",
        venue="قاعة مديرية الإسكندرية",
        starts_on=date(2027, 1, 10),
        ends_on=date(2027, 1, 31),
        trainer=trainer,
        capacity=2,
    )
    # Three sessions held on the last three days: attendance is taken on the day or after.
    for position in (1, 2, 3):
        Session.objects.create(
            cohort=cohort,
            position=position,
            starts_at=timezone.now() - timedelta(days=4 - position),
        )
    return cohort
