"""The services catalogue and the eligibility guide, without a browser."""

import pytest
from django.urls import reverse

from portal import services
from portal.models import Service

pytestmark = pytest.mark.django_db


def _codes(found) -> list[str]:
    return [service.code for service in found]


def test_search_tolerates_arabic_spelling_variants_and_english():
    disability = _codes(services.find("الاعاقه"))  # for الإعاقة
    assert "disability-card" in disability and "nursery-licence" not in disability
    assert "takaful-karama" in _codes(services.find("تكافل و كرامه"))
    assert _codes(services.find("NURSERY")) == ["nursery-licence"]
    assert _codes(services.find("زراعة")) == []


def test_the_audience_narrows_but_services_for_anyone_stay():
    assert set(_codes(services.find(audience="organization"))) == {
        "found-association",
        "fund-grant",
        "complaint",
    }


def test_the_guide_puts_the_best_fit_first():
    suggested = _codes(services.suggest("family", ["disability", "low_income"]))
    assert suggested[:2] == ["takaful-karama", "disability-card"]
    assert "fund-grant" not in suggested
    assert _codes(services.suggest("operator", ["open_nursery"])) == ["nursery-licence"]


def test_the_service_page_says_everything_and_starts_in_the_readers_language(client):
    page = client.get(reverse("portal:service", args=["nursery-licence"])).content.decode()
    for heading in ("المستندات", "الخطوات", "الرسوم", "أين تذهب"):
        assert heading in page
    assert 'href="/care/apply/"' in page
    english = client.get("/en/services/nursery-licence/").content.decode()
    assert 'href="/en/care/apply/"' in english and "Licensing a nursery" in english
    assert client.get(reverse("portal:service", args=["nothing"])).status_code == 404


def test_the_guide_page_without_answers_asks_and_with_answers_suggests(client):
    empty = client.get(reverse("portal:guide")).content.decode()
    assert 'name="audience"' in empty and 'id="suggested"' not in empty
    answered = client.get(
        reverse("portal:guide"), {"audience": "family", "situations": ["elderly"]}
    )
    assert 'id="suggested"' in answered.content.decode()
    assert Service.objects.get(code="takaful-karama").title_ar in answered.content.decode()
    wrong = client.get(reverse("portal:guide"), {"audience": "martian"})
    assert wrong.status_code == 200 and 'id="suggested"' not in wrong.content.decode()


def test_the_open_registers_page_links_every_register_and_its_files(client):
    page = client.get(reverse("portal:open")).content.decode()
    for name in ("registry:search", "care:check", "fund:awards", "complaints:statistics",
                 "impact:overview", "impact:open_data", "fund:grants_360giving"):  # fmt: skip
        assert f'href="{reverse(name)}"' in page


def test_one_search_finds_services_organizations_facilities_and_indicators(
    client, make_organization
):
    from care.models import Facility, FacilityKind

    make_organization("جمعية رعاية ذوي الإعاقة بأسيوط", governorate="25")
    Facility.objects.create(
        name_ar="حضانة الإعاقة والأمل",
        kind=FacilityKind.NURSERY,
        governorate_id="25",
        operator_name="منى علي",
        capacity=30,
        address="شارع النيل، أسيوط",
    )
    page = client.get(reverse("portal:search"), {"q": "الاعاقه"}).content.decode()
    assert "بطاقة الخدمات المتكاملة للأشخاص ذوي الإعاقة" in page  # a service
    assert "جمعية رعاية ذوي الإعاقة بأسيوط" in page  # an organization
    assert "حضانة الإعاقة والأمل" in page  # a facility
    assert "عدد الأشخاص ذوي الإعاقة الذين تلقوا خدمة" in page  # an indicator
    nothing = client.get(reverse("portal:search"), {"q": "زراعة المريخ"}).content.decode()
    assert 'role="status"' in nothing
    assert client.get(reverse("portal:search")).status_code == 200


def test_one_search_finds_news_events_and_open_data_in_either_language(client):
    from datetime import timedelta

    from django.utils import timezone

    from portal.models import Event, NewsItem, State

    NewsItem.objects.create(
        kind="news",
        title_ar="توزيع كراسي متحركة على الأشخاص ذوي الإعاقة",
        state=State.APPROVED,
    )
    NewsItem.objects.create(kind="news", title_ar="خبر عن الإعاقة لم يراجع بعد")
    Event.objects.create(
        title_en="Disability rights open day",
        state=State.APPROVED,
        starts_at=timezone.now() + timedelta(days=3),
    )
    page = client.get(reverse("portal:search"), {"q": "اعاقه"}).content.decode()
    assert "توزيع كراسي متحركة على الأشخاص ذوي الإعاقة" in page
    assert "لم يراجع بعد" not in page
    english = client.get("/en/search/", {"q": "disability"}).content.decode()
    assert "Disability rights open day" in english
    # Open data is found by its words in either language, whatever the page's language.
    files = client.get("/search/", {"q": "360giving"}).content.decode()
    assert 'href="/fund/awards/"' in files and "منح الصندوق" in files
    statistics = client.get("/en/search/", {"q": "إحصاءات الشكاوى"}).content.decode()
    assert "Complaint statistics" in statistics
