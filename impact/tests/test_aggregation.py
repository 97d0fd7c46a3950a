"""The aggregation rules: what may be added is added, what may not never is."""

from datetime import date
from decimal import Decimal

import pytest

from impact.aggregation import Scope, figures

pytestmark = pytest.mark.django_db


def _figure(library, code, scope=None, **by):
    result = figures(scope or Scope(), **by)
    return result[(library[code].pk,)]


def test_a_ratio_across_two_grants_is_the_ratio_of_the_summed_parts(tied, verified, library):
    small = tied("people-trained", "trained-in-work", "employment-rate")
    large = tied("people-trained", "trained-in-work", "employment-rate")
    verified(small, "people-trained", 1, "2")
    verified(small, "trained-in-work", 1, "2")  # 100 % of 2 people
    verified(large, "people-trained", 1, "200")
    verified(large, "trained-in-work", 1, "50")  # 25 % of 200 people

    rate = _figure(library, "employment-rate")

    assert rate.numerator == 52 and rate.denominator == 202
    assert rate.actual == Decimal("25.74")  # 100 × 52 / 202
    assert rate.actual != Decimal("62.50")  # the mean of 100 % and 25 %


def test_a_ratio_cannot_be_typed_in(tied, library):
    grant = tied("employment-rate")
    from core.errors import ActionError
    from impact import results

    with pytest.raises(ActionError) as refused:
        results.record(
            grant.by_code["employment-rate"], date(2026, 1, 1), by=grant.member, total=Decimal(40)
        )
    assert refused.value.code == results.ResultsError.COMPUTED


def test_a_latest_indicator_is_never_summed_over_quarters_or_grants(tied, verified, library):
    first = tied("children-in-nurseries")
    second = tied("children-in-nurseries")
    verified(first, "children-in-nurseries", 1, "100")
    verified(first, "children-in-nurseries", 2, "10")  # its level now
    verified(second, "children-in-nurseries", 1, "30")

    children = _figure(library, "children-in-nurseries")

    assert children.actual == Decimal(20)  # the mean of the levels 10 and 30
    assert children.actual not in (Decimal(40), Decimal(140), Decimal(110))
    by_quarter = figures(Scope(), by=("period",))
    assert by_quarter[(library["children-in-nurseries"].pk, date(2026, 1, 1))].actual == 65
    assert by_quarter[(library["children-in-nurseries"].pk, date(2026, 4, 1))].actual == 10


def test_sums_add_across_quarters_and_grants_and_split_by_governorate(tied, verified, library):
    cairo = tied("people-reached", governorate="01")
    giza = tied("people-reached", governorate="21")
    verified(cairo, "people-reached", 1, "40")
    verified(cairo, "people-reached", 2, "60")
    verified(giza, "people-reached", 1, "25")

    assert _figure(library, "people-reached").actual == 125
    by_place = figures(Scope(), by=("measure__governorate",))
    assert by_place[(library["people-reached"].pk, "01")].actual == 100
    assert by_place[(library["people-reached"].pk, "21")].actual == 25
    first_quarter = figures(Scope(end=date(2026, 1, 1)))
    assert first_quarter[(library["people-reached"].pk,)].actual == 65


def test_only_verified_values_count(tied, library):
    from impact import results

    grant = tied("people-reached")
    results.record(
        grant.by_code["people-reached"], date(2026, 1, 1), by=grant.member, total=Decimal(90)
    )
    assert (library["people-reached"].pk,) not in figures(Scope()) or (
        figures(Scope())[(library["people-reached"].pk,)].actual is None
    )


def test_a_mean_averages_and_progress_runs_from_the_baseline(tied, verified, library):
    grant = tied("satisfaction")
    measure = grant.by_code["satisfaction"]
    measure.baseline = Decimal(3)
    measure.save()
    verified(grant, "satisfaction", 1, "3.5")
    verified(grant, "satisfaction", 2, "4.5")

    satisfaction = _figure(library, "satisfaction")

    assert satisfaction.actual == 4  # (3.5 + 4.5) / 2
    assert satisfaction.target == 100  # the promised target, as the application gave it
    assert satisfaction.progress == round(1 * 100 / 97)


def test_progress_for_a_sum_runs_from_zero(tied, verified, library):
    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "30")
    verified(grant, "people-reached", 2, "20")
    reached = _figure(library, "people-reached")
    assert (reached.target, reached.progress) == (100, 50)


def test_disaggregations_that_miss_their_total_are_flagged(tied, verified):
    grant = tied("people-reached")
    good = verified(grant, "people-reached", 1, "10", sex__female="6", sex__male="4")
    bad = verified(grant, "people-reached", 2, "10", sex__female="6", sex__male="3")

    assert good == []
    assert [(gap.dimension, gap.total, gap.parts) for gap in bad] == [("sex", 10, 9)]


def test_disaggregated_values_never_double_the_total(tied, verified, library):
    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "10", sex__female="6", sex__male="4", age__18_29="10")
    assert _figure(library, "people-reached").actual == 10


def test_an_sdg_goal_counts_each_value_once(tied, verified, library):
    # people-reached serves two targets of two goals; disability-services two of goal 10 and 4
    grant = tied("people-reached", "disability-services")
    verified(grant, "people-reached", 1, "10")
    verified(grant, "disability-services", 1, "7")
    goal_ten = figures(Scope(sdg_goal=10))
    assert goal_ten[(library["people-reached"].pk,)].actual == 10
    assert goal_ten[(library["disability-services"].pk,)].actual == 7
    assert (library["people-trained"].pk,) not in goal_ten


def test_programmes_and_grants_count_together_or_apart(
    tied, verified, library, programme, central, make_user
):
    from accounts.models import Role
    from impact import results

    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "10")
    measure = results.programme_measure(
        programme, library["people-reached"], by=central, outcome="وعي أكبر", governorate_id="01"
    )
    results.record(measure, date(2026, 1, 1), by=central, total=Decimal(500))
    checker = make_user(Role.CENTRAL_OFFICER)
    results.check(measure.values.get(), by=checker, verified=True)

    assert _figure(library, "people-reached").actual == 510
    assert _figure(library, "people-reached", Scope(source="grants")).actual == 10
    assert _figure(library, "people-reached", Scope(source="programmes")).actual == 500
