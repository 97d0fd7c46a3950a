import pytest
from django.urls import reverse

from accounts.models import Role
from core.audit import history, verify_chain
from core.errors import ActionError
from registry import actions
from registry.models import ChangeRequestStatus, FieldOfActivity

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(make_organization):
    return make_organization("جمعية النور", governorate="02", address="شارع النيل")


@pytest.fixture
def officer(make_user):
    return make_user(Role.DIRECTORATE_OFFICER, governorate="02")


def test_an_administrator_proposes_a_change_through_the_page(
    client, organization, make_member, sign_in
):
    admin = make_member(organization)
    sign_in(client, admin)
    url = reverse("registry:propose_change", args=[organization.pk])
    response = client.post(
        url,
        {
            "name_en": "Al-Nour Association",
            "address": "١٥ طريق الحرية",
            "phone": "٠١٠٠١٢٣٤٥٦٧",
            "email": "",
            "website": "",
            "fields": ["orphans"],
            "note": "نقل المقر",
        },
    )
    assert response.status_code == 302
    change_request = organization.change_requests.get()
    assert change_request.proposed == {
        "name_en": "Al-Nour Association",
        "address": "15 طريق الحرية",
        "phone": "+201001234567",
        "fields": ["orphans"],
    }
    assert change_request.previous["address"] == "شارع النيل"
    organization.refresh_from_db()
    assert organization.address == "شارع النيل"  # nothing is published before review


def test_approval_publishes_the_change_and_is_audited(organization, make_member, officer):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(
        organization, {"address": "سيدي جابر", "fields": ["elderly"]}, by=admin
    )
    actions.approve_change_request(
        change_request, by=officer, reason="مستندات سليمة", ip="10.1.2.3"
    )
    organization.refresh_from_db()
    assert organization.address == "سيدي جابر"
    assert list(organization.fields.values_list("code", flat=True)) == ["elderly"]
    actions_logged = [e.action for e in history(change_request)]
    assert actions_logged == ["registry.change_approved", "registry.change_proposed"]
    approved = history(change_request).first()
    assert (approved.actor, approved.reason, approved.ip) == (officer, "مستندات سليمة", "10.1.2.3")
    assert history(organization).filter(action="registry.profile_updated").exists()
    assert not list(verify_chain())


def test_rejection_needs_a_reason_and_changes_nothing(organization, make_member, officer):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(organization, {"address": "x"}, by=admin)
    with pytest.raises(ActionError) as refused:
        actions.reject_change_request(change_request, by=officer, reason="  ")
    assert refused.value.code == actions.RegistryError.REASON_REQUIRED
    actions.reject_change_request(change_request, by=officer, reason="العنوان غير موثق")
    change_request.refresh_from_db()
    organization.refresh_from_db()
    assert change_request.status == ChangeRequestStatus.REJECTED
    assert organization.address == "شارع النيل"


def test_a_decision_is_final(organization, make_member, officer):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(organization, {"address": "x"}, by=admin)
    actions.approve_change_request(change_request, by=officer)
    with pytest.raises(ActionError) as refused:
        actions.reject_change_request(change_request, by=officer, reason="late")
    assert refused.value.code == actions.RegistryError.NOT_PENDING


def test_only_one_request_waits_at_a_time(organization, make_member):
    admin = make_member(organization)
    actions.propose_profile_change(organization, {"address": "x"}, by=admin)
    with pytest.raises(ActionError) as refused:
        actions.propose_profile_change(organization, {"address": "y"}, by=admin)
    assert refused.value.code == actions.RegistryError.ALREADY_PENDING


def test_a_proposal_that_changes_nothing_is_refused(organization, make_member):
    admin = make_member(organization)
    with pytest.raises(ActionError) as refused:
        actions.propose_profile_change(organization, {"address": "شارع النيل"}, by=admin)
    assert refused.value.code == actions.RegistryError.NO_CHANGE


def test_the_rejection_page_keeps_the_officer_on_the_form_without_a_reason(
    client, organization, make_member, officer, sign_in
):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(organization, {"address": "x"}, by=admin)
    sign_in(client, officer)
    url = reverse("registry:change_request", args=[change_request.pk])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200
    page = response.content.decode()
    # The refusal sits beside the reason box, and the error summary links to it.
    assert '<a href="#id_reason">' in page and "اذكر للمنظمة سبب الرفض" in page
    assert "(مطلوب عند الرفض؛ تطّلع عليه المنظمة)" in page and "(اختياري)" not in page


def test_finance_members_cannot_propose(client, organization, make_member, sign_in):
    finance = make_member(organization, role="finance")
    sign_in(client, finance)
    response = client.post(
        reverse("registry:propose_change", args=[organization.pk]), {"address": "x"}
    )
    assert response.status_code == 302
    assert not organization.change_requests.exists()


def test_field_names_are_shown_not_codes(client, organization, make_member, officer, sign_in):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(organization, {"fields": ["elderly"]}, by=admin)
    sign_in(client, officer)
    page = client.get(reverse("registry:change_request", args=[change_request.pk])).content.decode()
    assert FieldOfActivity.objects.get(code="elderly").name_ar in page


def test_the_action_itself_normalizes_what_it_stores(organization, make_member):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(
        organization, {"address": "\u200f١٥ شارع الحريـــة\u202c"}, by=admin
    )
    assert change_request.proposed == {"address": "15 شارع الحرية"}


def test_a_double_submitted_proposal_lands_on_the_one_request(
    client, organization, make_member, sign_in
):
    sign_in(client, make_member(organization))
    url = reverse("registry:propose_change", args=[organization.pk])
    data = {
        "name_en": "",
        "address": "سيدي جابر",
        "phone": "",
        "email": "",
        "website": "",
        "note": "",
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert organization.change_requests.count() == 1


def test_a_different_second_proposal_keeps_what_was_typed(
    client, organization, make_member, sign_in
):
    sign_in(client, make_member(organization))
    url = reverse("registry:propose_change", args=[organization.pk])
    blank = {"name_en": "", "phone": "", "email": "", "website": "", "note": ""}
    client.post(url, {**blank, "address": "سيدي جابر"})
    response = client.post(url, {**blank, "address": "محرم بك"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ينتظر المراجعة بالفعل" in page and 'value="محرم بك"' in page


def test_a_second_click_on_the_decision_is_harmless(
    client, organization, make_member, officer, sign_in
):
    change_request = actions.propose_profile_change(
        organization, {"address": "x"}, by=make_member(organization)
    )
    sign_in(client, officer)
    url = reverse("registry:change_request", args=[change_request.pk])
    client.post(url, {"decision": "approve", "reason": ""})
    response = client.post(url, {"decision": "reject", "reason": "late click"}, follow=True)
    assert "سبق البت في طلب التعديل هذا" in response.content.decode()
    change_request.refresh_from_db()
    assert change_request.status == ChangeRequestStatus.APPROVED


def test_a_pending_change_is_said_before_anything_is_typed(
    client, sign_in, make_organization, make_member
):
    from django.urls import reverse

    from registry.actions import propose_profile_change

    organization = make_organization(governorate="02")
    admin = make_member(organization)
    propose_profile_change(organization, {"address": "سيدي جابر"}, by=admin)
    page = (
        sign_in(client, admin)
        .get(reverse("registry:propose_change", args=[organization.pk]))
        .content.decode()
    )
    assert "ينتظر مراجعة المديرية" in page and 'name="address"' not in page


def test_after_approval_the_columns_say_before_and_after(
    client, sign_in, make_organization, make_member, make_user
):
    from django.urls import reverse

    from registry.actions import approve_change_request, propose_profile_change

    organization = make_organization(governorate="02", address="المنشية")
    admin = make_member(organization)
    request = propose_profile_change(organization, {"address": "سيدي جابر"}, by=admin)
    officer = make_user("directorate_officer", governorate="02")
    approve_change_request(request, by=officer, reason="")
    page = (
        sign_in(client, officer)
        .get(reverse("registry:change_request", args=[request.pk]))
        .content.decode()
    )
    assert "بعد (الآن في الملف)" in page and ">الحالي<" not in page


def test_a_phone_the_profile_lacks_reads_as_a_dash_not_a_blank(
    client, organization, make_member, officer, sign_in
):
    admin = make_member(organization)
    change_request = actions.propose_profile_change(
        organization, {"phone": "01001234567"}, by=admin
    )
    sign_in(client, officer)
    page = client.get(reverse("registry:change_request", args=[change_request.pk])).content.decode()
    assert '<td dir="auto">—</td>' in page
