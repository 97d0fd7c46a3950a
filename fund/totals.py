"""What the fund has awarded, added up for the public: by governorate, field and call.

A grant's field is its call's field when the call names one, else the fields of the
organization, as in the 360Giving export; a grant in two fields counts in both, so the
fields' totals may add up to more than the whole (the page says so).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Sum
from django.utils.translation import gettext_lazy as _

from core.models import Governorate
from fund.models import Call, Grant
from registry.models import FieldOfActivity, Organization


@dataclass(frozen=True)
class Total:
    label: object  # a model instance with a localized __str__
    grants: int
    awarded: Decimal


def overall() -> dict:
    return Grant.objects.aggregate(
        grants=Count("pk"),
        awarded=Sum("amount_awarded"),
        requested=Sum("application__requested_amount"),
    )


def by_governorate() -> list[Total]:
    rows = (
        Grant.objects.values(code=F("application__organization__governorate"))
        .annotate(grants=Count("pk"), awarded=Sum("amount_awarded"))
        .order_by("-awarded")
    )
    names = Governorate.objects.in_bulk(field_name="code")
    return [Total(names[row["code"]], row["grants"], row["awarded"]) for row in rows]


def by_call() -> list[Total]:
    rows = (
        Grant.objects.values(call=F("application__call"))
        .annotate(grants=Count("pk"), awarded=Sum("amount_awarded"))
        .order_by("-awarded")
    )
    calls = Call.objects.in_bulk([row["call"] for row in rows])
    return [Total(calls[row["call"]], row["grants"], row["awarded"]) for row in rows]


def by_field() -> list[Total]:
    sums: dict[int, list] = {}

    def add(rows):
        for row in rows:
            total = sums.setdefault(row["field"], [0, Decimal(0)])
            total[0] += row["grants"]
            total[1] += row["awarded"]

    # Grants of calls that name their fields count in those fields...
    add(
        Call.fields.through.objects.values(field=F("fieldofactivity"))
        .annotate(
            grants=Count("call__applications__grant"),
            awarded=Sum("call__applications__grant__amount_awarded"),
        )
        .filter(grants__gt=0)
    )
    # ...the others in the fields of the organization that received them.
    add(
        Organization.fields.through.objects.filter(
            organization__applications__grant__isnull=False,
            organization__applications__call__fields__isnull=True,
        )
        .values(field=F("fieldofactivity"))
        .annotate(
            grants=Count("organization__applications__grant"),
            awarded=Sum("organization__applications__grant__amount_awarded"),
        )
    )
    names = FieldOfActivity.objects.in_bulk(list(sums))
    totals = [Total(names[pk], grants, awarded) for pk, (grants, awarded) in sums.items()]
    # ...and those with no field at all in a row of their own, so nothing goes missing.
    unclassified = Grant.objects.filter(
        application__call__fields__isnull=True, application__organization__fields__isnull=True
    ).aggregate(grants=Count("pk"), awarded=Sum("amount_awarded"))
    if unclassified["grants"]:
        totals.append(Total(_("No field given"), unclassified["grants"], unclassified["awarded"]))
    return sorted(totals, key=lambda total: -total.awarded)
