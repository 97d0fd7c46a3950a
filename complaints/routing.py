"""Which desk a case goes to: the most specific routing rule, else its directorate."""

from django.db.models import Q

from complaints.models import Category, Queue, RoutingRule
from core.models import Governorate


def route(category: Category, governorate: Governorate) -> Queue:
    rules = RoutingRule.objects.select_related("queue").filter(
        Q(category=category) | Q(category__isnull=True),
        Q(governorate=governorate) | Q(governorate__isnull=True),
    )
    best = max(
        rules,
        key=lambda rule: (rule.category_id is not None, rule.governorate_id is not None),
        default=None,
    )
    if best is not None:
        return best.queue
    return Queue.objects.get(governorate=governorate)
