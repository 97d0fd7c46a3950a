"""One person, one record; merges keep history; the waiting list; attendance counted once."""

import pytest
from django.urls import reverse

from accounts.models import Role
from training import people
from training.models import Attendance, EnrolmentStatus, Trainee

pytestmark = pytest.mark.django_db

NATIONAL_ID = "29001010112345"


def _check_in(client, session, national_id="", phone="", name="منى عبد الرحمن"):
    return client.post(
        reverse("training:roster", args=[session.pk]),
        {
            "form": "check_in",
            "national_id": national_id,
            "phone": phone,
            "name": name,
            "sex": "female",
            "target_group": "beneficiary",
        },
    )


def test_a_trainee_registered_twice_in_two_digit_scripts_is_one_person(
    client, sign_in, cohort, trainer
):
    session = cohort.sessions.first()
    sign_in(client, trainer)
    _check_in(client, session, national_id="٢٩٠٠١٠١٠١١٢٣٤٥")
    _check_in(client, session, national_id=" 2900101 0112345 ", name="منى عبدالرحمن")
    assert Trainee.objects.count() == 1
    assert cohort.enrolments.count() == 1


def test_a_merge_keeps_every_enrolment_and_mark(cohort, trainer):
    first, _ = people.register(
        by=trainer, national_id=NATIONAL_ID, name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    second, _ = people.register(
        by=trainer, phone="+201001234567", name="منى ع.", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    people.enrol(cohort, second, by=trainer)
    session = cohort.sessions.first()
    people.mark_attendance(session, {second.pk: True}, by=trainer, key="k1")
    people.merge(first, second, by=trainer)
    second.refresh_from_db()
    assert second.merged_into == first
    assert cohort.enrolments.get().trainee == first
    assert Attendance.objects.get(session=session).trainee == first


def test_a_full_cohort_puts_people_on_the_waiting_list_and_a_withdrawal_lets_one_in(
    cohort, trainer
):
    def person(n):
        return people.register(
            by=trainer, national_id=f"2900101011234{n}", name=f"شخص {n}", sex="male",
            target_group="volunteer", governorate_id="02",
        )[0]  # fmt: skip

    a, b, c = (people.enrol(cohort, person(n), by=trainer) for n in (1, 3, 5))
    assert [a.status, b.status, c.status] == ["enrolled", "enrolled", "waiting"]
    promoted = people.withdraw(a, by=trainer)
    assert promoted == c
    c.refresh_from_db()
    assert c.status == EnrolmentStatus.ENROLLED


def test_a_roster_sent_twice_is_counted_once(client, sign_in, cohort, trainer):
    trainee, _ = people.register(
        by=trainer, national_id=NATIONAL_ID, name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    people.enrol(cohort, trainee, by=trainer)
    session = cohort.sessions.first()
    sign_in(client, trainer)
    url = reverse("training:roster", args=[session.pk])
    data = {"form": "roster", "key": "phone-key-1", "present": [trainee.pk]}
    first = client.post(url, data, HTTP_ACCEPT="application/json").json()
    again = client.post(url, data, HTTP_ACCEPT="application/json").json()
    assert (first["recorded"], again["recorded"]) == (True, False)
    assert Attendance.objects.filter(session=session, present=True).count() == 1


def test_a_trainer_sees_only_their_cohorts(client, sign_in, cohort, make_user):
    other = make_user(Role.TRAINER)
    sign_in(client, other)
    assert cohort.course.title_ar not in client.get(reverse("training:my_cohorts")).content.decode()
    session = cohort.sessions.first()
    assert client.get(reverse("training:roster", args=[session.pk])).status_code == 404
    sign_in(client, make_user(Role.CITIZEN))
    assert client.get(reverse("training:my_cohorts")).status_code == 403
