"""Who sees and who decides profile change requests, walked through for every role."""

import pytest
from django.urls import reverse

from accounts.models import Role
from core.errors import ActionError
from registry import actions
from registry.models import ChangeRequestStatus, ProfileChangeRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_in_two_governorates(make_organization, make_member):
    alexandria = make_organization("جمعية بالإسكندرية", governorate="02")
    cairo = make_organization("جمعية بالقاهرة", governorate="01")
    alex_admin = make_member(alexandria)
    cairo_admin = make_member(cairo)
    return {
        "alexandria": actions.propose_profile_change(
            alexandria, {"address": "سيدي جابر"}, by=alex_admin
        ),
        "cairo": actions.propose_profile_change(cairo, {"address": "شبرا"}, by=cairo_admin),
        "alex_admin": alex_admin,
    }


# role -> (which requests it sees, which it may decide)
EXPECTED = {
    Role.CITIZEN: (set(), set()),
    Role.DIRECTORATE_OFFICER: ({"alexandria"}, {"alexandria"}),
    Role.CENTRAL_OFFICER: ({"alexandria", "cairo"}, set()),
    Role.FUND_OFFICER: (set(), set()),
    Role.REVIEWER: (set(), set()),
    Role.INSPECTOR: (set(), set()),
    Role.TRAINER: (set(), set()),
    Role.AUDITOR: ({"alexandria", "cairo"}, set()),
    Role.SYSTEM_ADMIN: ({"alexandria", "cairo"}, set()),
    Role.EDITOR: (set(), set()),
}


def test_every_role_is_covered():
    assert set(EXPECTED) | {Role.ORGANIZATION_MEMBER} == set(Role)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_each_role_sees_and_decides_only_what_it_may(
    role, requests_in_two_governorates, make_user, client, sign_in
):
    user = make_user(role, governorate="02" if role == Role.DIRECTORATE_OFFICER else None)
    expected_seen, expected_decided = EXPECTED[role]
    by_name = {name: requests_in_two_governorates[name] for name in ("alexandria", "cairo")}

    seen = {
        n
        for n, cr in by_name.items()
        if ProfileChangeRequest.objects.for_user(user).filter(pk=cr.pk).exists()
    }
    assert seen == expected_seen

    sign_in(client, user)
    # An officer of another governorate is told why; anyone else learns nothing.
    hidden = 403 if user.governorate_id else 404
    for name, change_request in by_name.items():
        url = reverse("registry:change_request", args=[change_request.pk])
        assert client.get(url).status_code == (200 if name in expected_seen else hidden)
        client.post(url, {"decision": "approve", "reason": ""})
        change_request.refresh_from_db()
        decided = change_request.status != ChangeRequestStatus.PENDING
        assert decided == (name in expected_decided), (role, name)


def test_an_officer_of_another_governorate_can_neither_see_nor_approve(
    requests_in_two_governorates, make_user, client, sign_in
):
    cairo_officer = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    alexandria_request = requests_in_two_governorates["alexandria"]
    with pytest.raises(ActionError) as refused:
        actions.approve_change_request(alexandria_request, by=cairo_officer)
    assert refused.value.code == actions.RegistryError.NOT_ALLOWED
    sign_in(client, cairo_officer)
    listing = client.get(reverse("registry:change_requests")).content.decode()
    assert "جمعية بالقاهرة" in listing and "جمعية بالإسكندرية" not in listing


@pytest.mark.parametrize("org_role", ["administrator", "finance", "monitoring"])
def test_organization_members_see_only_their_own_and_only_administrators(
    org_role, requests_in_two_governorates, make_member, client, sign_in
):
    organization = requests_in_two_governorates["alexandria"].organization
    member = make_member(organization, role=org_role)
    visible = set(
        ProfileChangeRequest.objects.for_user(member).values_list(
            "organization__name_ar", flat=True
        )
    )
    assert visible == ({"جمعية بالإسكندرية"} if org_role == "administrator" else set())
    sign_in(client, member)
    url = reverse("registry:change_request", args=[requests_in_two_governorates["alexandria"].pk])
    client.post(url, {"decision": "approve"})
    assert (
        ProfileChangeRequest.objects.get(pk=requests_in_two_governorates["alexandria"].pk).status
        == ChangeRequestStatus.PENDING
    )


def test_anonymous_visitors_are_sent_to_sign_in(requests_in_two_governorates, client):
    response = client.get(reverse("registry:change_requests"))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
