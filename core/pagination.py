"""Pagination for very long lists: count up to a cap instead of every row.

A queue of tens of thousands of open cases needs its first pages fast, not an exact
total; past the cap the page says "more than N".
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = 10_000, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap
