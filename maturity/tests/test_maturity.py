"""Scores, peers, recommendations and progress, as an organization and the ministry see them."""

import pytest
from django.urls import reverse

from accounts.models import Role
from core.models import AuditEntry
from maturity import assessment
from maturity.models import Dimension, Statement
from training.models import Competence, Course

pytestmark = pytest.mark.django_db


def _ratings(default: int, **by_dimension: int) -> dict[int, int]:
    return {
        s.pk: by_dimension.get(s.dimension.code.replace("-", "_"), default)
        for s in Statement.objects.select_related("dimension")
    }


def _answer_in_parts(client, organization, ratings: dict[int, int]):
    """Answer as a person does: each dimension on its page, then check and send."""
    for dimension in Dimension.objects.prefetch_related("statements"):
        form = {
            f"s{s.pk}": str(ratings[s.pk]) for s in dimension.statements.all() if s.pk in ratings
        }
        url = reverse("maturity:part", args=[organization.pk, dimension.code])
        assert client.post(url, form).status_code == 302
    return client.post(reverse("maturity:check", args=[organization.pk]))


def test_scores_per_dimension_and_overall(make_organization, make_member):
    organization = make_organization()
    member = make_member(organization)
    ratings = _ratings(3, governance=0, data_protection=1)  # 0 %, 33.33 %, four at 100 %
    ratings[Statement.objects.filter(dimension__code="services").first().pk] = 1
    done = assessment.submit(organization, ratings, by=member)
    scores = {s.dimension.code: s.score for s in done.scores.select_related("dimension")}
    assert scores["governance"] == 0
    assert str(scores["data-protection"]) == "33.33"
    assert str(scores["services"]) == "83.33"  # (1 + 3 + 3 + 3) / 12
    assert str(done.overall) == "69.44"  # (0 + 33.33 + 83.33 + 100 × 3) / 6
    assert assessment.level(done.overall) == "راسخ"
    assert AuditEntry.objects.filter(action="maturity.assessment_submitted").count() == 1


def test_every_statement_must_be_rated(make_organization, make_member):
    organization = make_organization()
    ratings = _ratings(2)
    ratings.popitem()
    with pytest.raises(ValueError):
        assessment.submit(organization, ratings, by=make_member(organization))


def test_peers_are_of_its_kind_and_governorate_and_never_fewer_than_three(
    make_organization, make_member
):
    mine = make_organization(governorate="12")
    member = make_member(mine)
    assessment.submit(mine, _ratings(1), by=member)
    neighbours = [make_organization(governorate="12") for _ in range(2)]
    for neighbour in neighbours:
        assessment.submit(neighbour, _ratings(3), by=member)
    far = make_organization(governorate="28")
    assessment.submit(far, _ratings(0), by=member)
    # two neighbours are too few: the comparison widens to the kind nationally
    compared = assessment.peers(mine)
    assert compared.count == 3 and float(compared.overall) == pytest.approx(200 / 3, abs=0.01)
    third = make_organization(governorate="12")
    assessment.submit(third, _ratings(2), by=member)
    assessment.submit(third, _ratings(3), by=member)  # only its latest counts
    compared = assessment.peers(mine)
    assert compared.count == 3 and compared.overall == 100


def test_the_profile_compares_recommends_and_shows_progress(
    client, sign_in, make_organization, make_member
):
    competence = Competence.objects.create(
        code="data-protection", name_ar="حماية البيانات", name_en="Data protection"
    )
    course = Course.objects.create(
        code="protect",
        title_ar="حماية بيانات المستفيدين",
        title_en="Protecting data",
        programme="x",
        hours=6,
        target_groups=["association_staff"],
    )
    course.competences.add(competence)
    for_families = Course.objects.create(
        code="families", title_ar="الأمان الرقمي للأسر", title_en="Safety for families",
        programme="x", hours=3, target_groups=["beneficiary"],
    )  # fmt: skip
    for_families.competences.add(competence)  # the right subject, but not for staff
    Course.objects.create(
        code="other", title_ar="دورة أخرى", title_en="Other", programme="x", hours=3
    )
    organization = make_organization()
    member = make_member(organization)
    sign_in(client, member)
    sent = _answer_in_parts(client, organization, _ratings(2, data_protection=0, governance=1))
    assert sent.status_code == 302 and organization.maturity_assessments.count() == 1
    _answer_in_parts(client, organization, _ratings(3, data_protection=1, governance=1))

    page = client.get(reverse("maturity:profile", args=[organization.pk])).content.decode()
    assert "حماية بيانات المستفيدين" in page and "دورة أخرى" not in page
    assert "الأمان الرقمي للأسر" not in page and "تفيد في:" in page
    assert page.count('class="weak"') == 2
    assert "التقدم عبر الزمن" in page or "Progress over time" in page


def test_a_missing_answer_is_named_and_nothing_is_kept(
    client, sign_in, make_organization, make_member
):
    organization = make_organization()
    sign_in(client, make_member(organization))
    first = Dimension.objects.first()
    statements = list(first.statements.all())
    form = {f"s{s.pk}": "2" for s in statements[:-1]}
    url = reverse("maturity:part", args=[organization.pk, first.code])
    page = client.post(url, form)
    assert page.status_code == 200 and organization.maturity_assessments.count() == 0
    assert list(page.context["form"].errors) == [f"s{statements[-1].pk}"]
    assert page.content.decode().count(" checked") == len(form)  # the answers given stay
    check = client.get(reverse("maturity:check", args=[organization.pk])).content.decode()
    assert "بعض العبارات لم تُقيَّم بعد" in check and "أرسل إجاباتي" not in check


def test_other_organizations_cannot_read_a_profile_but_the_ministry_can(
    client, sign_in, make_organization, make_member, make_user
):
    organization = make_organization()
    assessment.submit(organization, _ratings(2), by=make_member(organization))
    sign_in(client, make_member(make_organization()))
    assert client.get(reverse("maturity:profile", args=[organization.pk])).status_code == 404
    assert client.get(reverse("maturity:answer", args=[organization.pk])).status_code == 404
    sign_in(client, make_user(Role.CENTRAL_OFFICER))
    assert client.get(reverse("maturity:profile", args=[organization.pk])).status_code == 200
    national = client.get(reverse("maturity:home")).content.decode()
    assert Dimension.objects.get(code="skills").name_ar in national


def test_the_same_answers_sent_twice_are_kept_once(make_organization, make_member):
    organization = make_organization()
    member = make_member(organization)
    first = assessment.submit(organization, _ratings(2), by=member)
    assert assessment.submit(organization, _ratings(2), by=member) == first
    changed = assessment.submit(organization, _ratings(3), by=member)
    assert changed != first and organization.maturity_assessments.count() == 2


def test_a_questionnaire_left_halfway_picks_up_where_it_stopped(
    client, sign_in, make_organization, make_member
):
    organization = make_organization()
    sign_in(client, make_member(organization))
    first, second = list(Dimension.objects.all())[:2]
    form = {f"s{s.pk}": "1" for s in first.statements.all()}
    client.post(reverse("maturity:part", args=[organization.pk, first.code]), form)
    again = client.get(reverse("maturity:answer", args=[organization.pk]))
    assert again.url == reverse("maturity:part", args=[organization.pk, second.code])
    page = client.get(again.url).content.decode()
    assert "الجزء 2 من 6" in page
    back = client.get(reverse("maturity:part", args=[organization.pk, first.code]))
    assert back.content.decode().count(" checked") == first.statements.count()
