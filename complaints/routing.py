"""Which desk a case goes to: the most specific routing rule, else its directorate."""

from complaints.models import Queue, RoutingRule
from core import memo

# Edits to routing rules take effect within a minute.
REFERENCE_CACHE_SECONDS = 60


@memo.for_seconds(REFERENCE_CACHE_SECONDS)
def _table() -> tuple[dict[tuple[int | None, str | None], int], dict[str, int]]:
    """Rules and directorates, kept briefly: routing runs for every new case."""
    rules = {(r.category_id, r.governorate_id): r.queue_id for r in RoutingRule.objects.all()}
    directorates = dict(
        Queue.objects.filter(governorate__isnull=False).values_list("governorate_id", "pk")
    )
    return rules, directorates


def route(category_id: int, governorate_code: str) -> int:
    """The queue id for a case of this category in this governorate."""
    rules, directorates = _table()
    for key in ((category_id, governorate_code), (category_id, None), (None, governorate_code)):
        if key in rules:
            return rules[key]
    return directorates[governorate_code]
