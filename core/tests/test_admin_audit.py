"""Changes made in the admin leave audit entries like every other write."""

import pytest
from django.urls import reverse

from core.models import AuditEntry
from registry.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user, sign_in):
    administrator = make_user("system_admin")
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    return sign_in(client, administrator)


def test_editing_an_organization_and_its_members_in_the_admin_is_audited(
    admin_client, make_organization, make_user
):
    organization = make_organization("جمعية الوفاء", governorate="02")
    member = make_user("organization_member")
    url = reverse("admin:registry_organization_change", args=[organization.pk])
    response = admin_client.post(
        url,
        {
            "registration_number": organization.registration_number,
            "kind": "association",
            "name_ar": "جمعية الوفاء للتنمية",
            "name_en": "",
            "governorate": "02",
            "address": "",
            "founded_on": "",
            "status": "active",
            "federation": "",
            "phone": "",
            "email": "",
            "website": "",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
            "memberships-0-user": str(member.pk),
            "memberships-0-role": "finance",
            "memberships-0-organization": str(organization.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = AuditEntry.objects.get(action="admin.changed", object_type="registry.organization")
    assert changed.data["fields"] == ["name_ar"]
    membership = Membership.objects.get(user=member)
    assert AuditEntry.objects.filter(
        action="admin.added", object_type="registry.membership", object_id=str(membership.pk)
    ).exists()


def test_opening_a_persons_record_in_the_admin_is_logged(admin_client, make_user):
    citizen = make_user()
    url = reverse("admin:accounts_user_change", args=[citizen.pk])
    assert admin_client.get(url).status_code == 200
    assert AuditEntry.objects.filter(
        action="accounts.personal_data_viewed", object_id=str(citizen.pk)
    ).exists()


def test_the_admin_signs_in_through_the_one_sign_in_page(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/admin/"
