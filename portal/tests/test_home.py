import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_active_organizations_by_kind(client, make_organization):
    make_organization("جمعية أ", governorate="01")
    make_organization("جمعية ب", governorate="02")
    make_organization("مؤسسة ج", governorate="02", kind="foundation")
    make_organization("جمعية منحلة", governorate="03", status="dissolved")
    context = client.get("/").context
    assert (context["active_count"], context["governorate_count"]) == (3, 2)
    assert context["by_kind"] == [{"label": "جمعية", "count": 2}, {"label": "مؤسسة", "count": 1}]
    english = client.get("/en/").context
    assert english["by_kind"][0] == {"label": "Association", "count": 2}
