"""Demo maturity assessments: the demo association answered a year ago and again now; a
few dozen organizations of the register answered once, so that peers can be compared."""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from maturity import assessment
from maturity.models import Assessment, Statement
from registry.models import Organization, OrganizationKind


def seed_maturity() -> int:
    if Assessment.objects.exists():
        return Assessment.objects.count()
    rng = random.Random(11)
    statements = list(Statement.objects.values_list("pk", flat=True))
    central = User.objects.get(username="central")
    association = Organization.objects.get(registration_number="02-0002")
    member = User.objects.get(username="org_admin")
    earlier = assessment.submit(
        association, {pk: rng.choice((0, 1, 1, 2)) for pk in statements}, by=member
    )
    Assessment.objects.filter(pk=earlier.pk).update(
        submitted_at=timezone.now() - timedelta(days=365)
    )
    assessment.submit(association, {pk: rng.choice((1, 2, 2, 3)) for pk in statements}, by=member)
    others = Organization.objects.filter(kind=OrganizationKind.ASSOCIATION).exclude(
        pk=association.pk
    )
    peers = list(others.filter(governorate_id="02")[:6]) + list(others.order_by("pk")[:40])
    for organization in peers:
        leaning = rng.choice(((0, 1, 1, 2), (1, 1, 2, 2), (1, 2, 3, 3)))
        assessment.submit(organization, {pk: rng.choice(leaning) for pk in statements}, by=central)
    return Assessment.objects.count()
