import pytest
from django.db import IntegrityError, transaction

from accounts.models import STAFF_ROLES, Role, User

pytestmark = pytest.mark.django_db


def test_a_directorate_officer_must_have_a_governorate():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("officer", role=Role.DIRECTORATE_OFFICER)


def test_an_inspector_may_work_in_one_governorate():
    assert User.objects.create_user("inspector", role=Role.INSPECTOR, governorate_id="02")
    assert User.objects.create_user("roving-inspector", role=Role.INSPECTOR)


@pytest.mark.parametrize(
    "role", [r for r in Role if r not in (Role.DIRECTORATE_OFFICER, Role.INSPECTOR)]
)
def test_no_other_role_carries_a_governorate(role):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(f"user-{role}", role=role, governorate_id="01")


def test_only_citizens_and_organization_members_sign_in_without_a_second_factor():
    assert set(Role) - STAFF_ROLES == {Role.CITIZEN, Role.ORGANIZATION_MEMBER}
