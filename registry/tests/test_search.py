import pytest
from django.urls import reverse

from registry.models import Organization

pytestmark = pytest.mark.django_db


def _names(response):
    return [o.name_ar for o in response.context["page"].object_list]


@pytest.fixture
def register(make_organization):
    make_organization(
        "جمعية رعاية الأيتام بالإسكندرية", governorate="02", name_en="Orphan Care Alexandria"
    )
    make_organization("مؤسسة الهدى للتنمية", governorate="01", kind="foundation")
    make_organization("جمعية مستشفى الخير", governorate="21")
    make_organization("جمعية أصدقاء البيئة", governorate="02")


@pytest.mark.parametrize(
    "typed",
    ["الاسكندريه", "الإسكندرية", "الأسكندرية", "الاسكـندريه", "  الإسْكَنْدَرِيَّة  ", "alexandria"],
)
def test_alexandria_is_found_however_it_is_typed(client, register, typed):
    response = client.get(reverse("registry:search"), {"q": typed})
    assert _names(response) == ["جمعية رعاية الأيتام بالإسكندرية"]


def test_alef_maqsura_and_hamza_variants_match(client, register):
    assert _names(client.get(reverse("registry:search"), {"q": "مستشفي"})) == ["جمعية مستشفى الخير"]
    assert _names(client.get(reverse("registry:search"), {"q": "اصدقاء"})) == [
        "جمعية أصدقاء البيئة"
    ]


def test_every_word_must_match(client, register):
    assert _names(client.get(reverse("registry:search"), {"q": "جمعية الاسكندرية"})) == [
        "جمعية رعاية الأيتام بالإسكندرية"
    ]


def test_filters_by_governorate_kind_and_field(client, register):
    assert len(_names(client.get(reverse("registry:search"), {"governorate": "02"}))) == 2
    assert _names(client.get(reverse("registry:search"), {"kind": "foundation"})) == [
        "مؤسسة الهدى للتنمية"
    ]
    org = Organization.objects.get(name_ar="جمعية أصدقاء البيئة")
    org.fields.set([1])
    field_code = org.fields.get().code
    assert _names(client.get(reverse("registry:search"), {"field": field_code})) == [org.name_ar]


def test_an_unknown_filter_value_does_not_break_the_page(client, register):
    response = client.get(reverse("registry:search"), {"governorate": "99", "page": "abc"})
    assert response.status_code == 200


def test_the_list_is_paginated_with_a_steady_number_of_queries(
    client, make_organization, django_assert_max_num_queries
):
    for n in range(45):
        make_organization(f"جمعية رقم {n}")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("registry:search"), {"page": 3})
    assert len(response.context["page"].object_list) == 5
    assert "صفحة 3 من 3" in response.content.decode()


def test_a_profile_page_shows_the_organization_in_both_languages(client, register):
    org = Organization.objects.get(name_en="Orphan Care Alexandria")
    arabic = client.get(reverse("registry:organization", args=[org.pk])).content.decode()
    assert "جمعية رعاية الأيتام بالإسكندرية" in arabic and "الإسكندرية" in arabic
    english = client.get("/en" + reverse("registry:organization", args=[org.pk])).content.decode()
    assert "<h1>Orphan Care Alexandria</h1>" in english and "Alexandria" in english


def test_an_unknown_organization_is_not_found(client, db):
    assert client.get(reverse("registry:organization", args=[999999])).status_code == 404


def test_results_are_alphabetical_in_the_readers_language(client, make_organization):
    make_organization("جمعية ب", name_en="Alpha Society")
    make_organization("جمعية أ", name_en="Zeta Society")
    make_organization("جمعية ج")
    assert _names(client.get(reverse("registry:search"))) == ["جمعية أ", "جمعية ب", "جمعية ج"]
    english = client.get("/en" + reverse("registry:search"))
    assert _names(english) == ["جمعية ب", "جمعية أ", "جمعية ج"]
