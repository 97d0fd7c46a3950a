import pytest

from core.models import Governorate
from core.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


def test_counts_stop_at_the_cap_and_say_so():
    paginator = CappedPaginator(Governorate.objects.all(), 5, cap=10)
    assert paginator.is_capped and paginator.count == 11
    assert len(paginator.get_page(1).object_list) == 5


def test_short_lists_are_counted_exactly():
    paginator = CappedPaginator(Governorate.objects.all(), 5, cap=100)
    assert not paginator.is_capped and paginator.count == 27
