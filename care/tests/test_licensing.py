"""From application to licence to renewal, and from a serious violation to suspension;
the public check; what an inspector sees."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from care import inspections, licensing
from care.inspections import Finding
from care.models import (
    Facility,
    FacilityStatus,
    Fee,
    LicenceState,
    Result,
    Severity,
    StaffMember,
    Stage,
    ViolationState,
)
from care.tests.conftest import all_met, walk_inspection
from core.errors import ActionError
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_from_application_to_licence_to_renewal(nursery, officer, inspector, licensed):
    nursery.refresh_from_db()
    assert licensed.number == "02-1-000001" and nursery.status == FacilityStatus.LICENSED
    assert licensed.valid_until == licensed.issued_on.replace(
        year=licensed.issued_on.year + 3
    ) - timedelta(days=1)
    assert nursery.licence_is_valid

    # Near the end of its validity the licence is due for renewal; renewing keeps the number.
    soon = licensed.valid_until - timedelta(days=30)
    assert licensed in licensing.due_for_renewal(soon)
    renewal = licensing.apply(nursery, by=officer, renewal=True)
    licensing.review_documents(renewal, by=officer, complete=True)
    licensing.record_fee(renewal, by=officer, fee=Fee.WAIVED, reference="جمعية أهلية")
    visit = licensing.schedule_inspection(
        renewal, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    inspections.record(visit, by=inspector, answers=all_met(nursery), findings=[])
    renewed = licensing.decide(renewal, "licence", by=officer)
    licensed.refresh_from_db()
    assert renewed.number == licensed.number and licensed.state == LicenceState.REPLACED
    assert renewed.valid_until > licensed.valid_until
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"care.application_submitted", "care.inspection_recorded", "care.decision_licence"} <= (
        actions
    )


def test_each_step_only_in_its_turn_and_refusals_say_why(nursery, officer, inspector):
    application = licensing.apply(nursery, by=officer)
    with pytest.raises(ActionError):  # no inspection before the documents are complete
        licensing.schedule_inspection(
            application, by=officer, inspector=inspector, due_on=timezone.localdate()
        )
    with pytest.raises(ActionError, match="اذكر الناقص"):
        licensing.review_documents(application, by=officer, complete=False, missing=" ")
    licensing.review_documents(
        application, by=officer, complete=False, missing="شهادة الحماية المدنية منتهية"
    )
    application.refresh_from_db()
    assert application.stage == Stage.MISSING_DOCUMENTS
    elsewhere = type(inspector).objects.create_user(
        username="cairo-inspector", role=Role.INSPECTOR, governorate_id="01"
    )
    licensing.review_documents(application, by=officer, complete=True)
    with pytest.raises(ActionError, match="مفتشًا من محافظة المنشأة"):
        licensing.schedule_inspection(
            application, by=officer, inspector=elsewhere, due_on=timezone.localdate()
        )


def test_a_serious_violation_leads_to_suspension_and_the_public_sees_it(
    client, nursery, officer, inspector, licensed
):
    visit = inspections.schedule_follow_up(
        licensed.application.inspections.get(),
        by=officer,
        inspector=inspector,
        due_on=timezone.localdate(),
    )
    inspections.record(
        visit,
        by=inspector,
        answers=all_met(nursery),
        findings=[
            Finding(
                Severity.SERIOUS,
                "سلك كهرباء مكشوف في غرفة نوم الأطفال",
                timezone.localdate() + timedelta(days=2),
            )
        ],
    )
    nursery.refresh_from_db()
    assert nursery.last_inspection_result == Result.FAILED and nursery.open_serious_violations == 1
    licensing.suspend(nursery, by=officer, reason="خطر كهرباء على الأطفال")
    page = client.get(reverse("care:facility", args=[nursery.pk])).content.decode()
    assert "موقوف" in page and "سلك كهرباء مكشوف" in page

    # The follow-up sees it corrected: the violation closes, the licence is reinstated.
    again = inspections.schedule_follow_up(
        visit, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    serious = nursery.violations.get()
    inspections.record(
        again, by=inspector, answers=all_met(nursery), findings=[], corrected={serious.pk}
    )
    serious.refresh_from_db()
    assert serious.state == ViolationState.CORRECTED
    licensing.reinstate(nursery, by=officer, reason="تم إصلاح الكهرباء")
    nursery.refresh_from_db()
    assert nursery.status == FacilityStatus.LICENSED and nursery.open_serious_violations == 0


@pytest.mark.parametrize("typed", ["02-1-000001", "٠٢-١-٠٠٠٠٠١", "02 1 000001", "021000001"])
def test_a_licence_number_typed_any_way_finds_the_facility(client, licensed, typed):
    page = client.get(reverse("care:check"), {"number": typed}).content.decode()
    assert "حضانة براعم النور" in page and "مرخصة" in page


def test_an_unknown_number_says_so_plainly(client, licensed):
    page = client.get(reverse("care:check"), {"number": "99-9-999999"}).content.decode()
    assert "لا توجد منشأة برقم الترخيص" in page
    assert client.get(reverse("care:verify", args=["999999999"])).status_code == 404


def test_a_revoked_or_expired_licence_says_so(client, nursery, officer, licensed):
    Facility.objects.filter(pk=nursery.pk).update(
        licence_valid_until=timezone.localdate() - timedelta(days=1)
    )
    licensed.valid_until = timezone.localdate() - timedelta(days=1)
    licensed.save()
    page = client.get(reverse("care:verify", args=[licensed.key])).content.decode()
    assert "انتهى" in page and "غير سارٍ" in page
    licensing.revoke(nursery, by=officer, reason="تشغيل أطفال")
    page = client.get(reverse("care:verify", args=[licensed.key])).content.decode()
    assert "أُلغي" in page


def test_the_public_page_shows_no_staff(client, nursery, licensed):
    StaffMember.objects.create(facility=nursery, name="سعاد المشرفة", role="مشرفة")
    page = client.get(reverse("care:facility", args=[nursery.pk])).content.decode()
    assert "سعاد" not in page and "60" in page


def test_an_inspector_sees_only_their_inspections_in_their_governorate(
    client, sign_in, nursery, officer, inspector, make_user
):
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    other = make_user(Role.INSPECTOR, governorate="02")
    sign_in(client, other)
    assert nursery.name_ar not in client.get(reverse("care:my_inspections")).content.decode()
    assert client.get(reverse("care:inspection", args=[inspection.pk])).status_code == 404
    sign_in(client, inspector)
    assert nursery.name_ar in client.get(reverse("care:my_inspections")).content.decode()
    assert Facility.objects.for_inspector(inspector).get() == nursery
    assert not Facility.objects.for_inspector(other).exists()
    sign_in(client, make_user(Role.CITIZEN))
    assert client.get(reverse("care:my_inspections")).status_code == 403


def test_the_inspectors_phone_form_sends_a_report(client, sign_in, nursery, officer, inspector):
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    sign_in(client, inspector)
    first = inspections.sections(nursery)[0]
    start = client.get(reverse("care:inspection", args=[inspection.pk]))
    assert start.url == reverse("care:inspection_section", args=[inspection.pk, first.code])
    page = client.get(start.url).content.decode()
    assert "القسم 1 من" in page and 'type="radio"' in page
    findings_url = reverse("care:inspection_section", args=[inspection.pk, "findings"])
    forgotten = {
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "0",
        "findings-0-severity": "minor",
        "findings-0-description": "",  # forgotten: the page says so and keeps the rest
        "findings-0-correct_by": (timezone.localdate() + timedelta(days=7)).isoformat(),
    }
    response = client.post(findings_url, forgotten)
    assert response.status_code == 200 and "توجد مشكلة" in response.content.decode()
    assert 'value="minor" selected' in response.content.decode()
    items = list(inspections.checklist(nursery))
    finding = {
        "severity": "minor",
        "description": "سجل التطعيمات ناقص",
        "correct_by": forgotten["findings-0-correct_by"],
    }
    sent = walk_inspection(client, inspection, scores={items[0].pk: "partly"}, findings=[finding])
    assert sent.status_code == 302
    inspection.refresh_from_db()
    application.refresh_from_db()
    assert inspection.result == Result.PASSED_WITH_REMARKS
    assert application.stage == Stage.INSPECTED and nursery.violations.count() == 1


def test_an_inspectors_photo_is_cleaned_and_shown_only_to_those_in_charge(
    client, sign_in, nursery, officer, inspector, make_user
):
    from core.tests.files import jpeg_with_gps

    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    items = list(inspections.checklist(nursery))
    sign_in(client, inspector)
    sent = walk_inspection(client, inspection, photos={items[0].pk: jpeg_with_gps()})
    assert sent.status_code == 302
    photo = inspection.photos.get()
    with photo.file.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()  # the phone's metadata (and GPS) is gone
    url = reverse("care:photo", args=[photo.pk])
    response = sign_in(client, officer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content)
    cairo = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    assert sign_in(client, cairo).get(url).status_code == 404


def test_a_photo_sent_with_a_refused_section_is_kept(client, sign_in, nursery, officer, inspector):
    from core.tests.files import jpeg_with_gps

    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    first = inspections.sections(nursery)[0]
    url = reverse("care:inspection_section", args=[inspection.pk, first.code])
    data = {f"score_{item.pk}": "met" for item in first.items[1:]}  # one item forgotten
    data[f"photo_{first.items[0].pk}"] = jpeg_with_gps("kitchen.jpg")
    page = sign_in(client, inspector).post(url, data).content.decode()
    assert "توجد مشكلة" in page
    assert "حُفظت الصورة: kitchen.jpg" in page and inspection.photos.count() == 1
    assert 'value="met" required id="id_score_' in page and " checked>" in page  # scores stay
    data = {f"score_{item.pk}": "met" for item in first.items}
    assert client.post(url, data).status_code == 302
    assert inspection.photos.count() == 1  # kept, not lost for want of sending it again


def test_the_report_is_checked_before_it_is_sent(client, sign_in, nursery, officer, inspector):
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    sign_in(client, inspector)
    check = reverse("care:inspection_check", args=[inspection.pk])
    page = client.get(check).content.decode()
    assert "بعض الأقسام لم تُسجّل بعد" in page and "أرسل تقرير التفتيش" not in page
    client.post(check)
    inspection.refresh_from_db()
    assert inspection.done_at is None  # nothing is sent half-recorded
    walk_inspection(client, inspection)
    inspection.refresh_from_db()
    assert inspection.get_result_display() == "مستوفية للمعايير"
