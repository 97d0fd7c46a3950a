"""The tables behind the impact dashboards: each chart is drawn from one of these, and the
same rows are its table on the page and its CSV download."""

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core import memo
from core.forms import ReferenceChoiceField
from core.models import Governorate
from core.reference import governorates
from impact import periods, rollup
from impact.aggregation import Figure, Scope
from impact.models import Dimension, Indicator, SdgTarget, Target, categories
from impact.opendata import as_text
from impact.rollup import figures

# Egypt's governorates on a grid, north at the top and west on the left, so that a
# reader finds each in its place without boundary data: (column, row).
TILES = {
    "33": (0, 0), "02": (1, 0), "18": (2, 0), "15": (3, 0), "11": (4, 0), "03": (5, 0),
    "16": (2, 1), "12": (3, 1), "13": (4, 1), "19": (5, 1), "34": (6, 1),
    "17": (2, 2), "14": (3, 2), "01": (4, 2), "04": (5, 2), "35": (6, 2),
    "23": (2, 3), "21": (3, 3), "31": (5, 3),
    "22": (3, 4),
    "32": (1, 5), "24": (3, 5),
    "25": (3, 6),
    "26": (3, 7), "27": (4, 7),
    "29": (4, 8),
    "28": (4, 9),
}  # fmt: skip
TILE_WIDTH, TILE_HEIGHT, SHADES = 110, 64, 5


@dataclass
class Row:
    key: str
    label: str
    figure: Figure | None
    extra: dict = field(default_factory=dict)


@dataclass
class Table:
    """One chart's numbers: rows of figures under a heading."""

    name: str
    title: str
    heading: str
    rows: list[Row]

    def csv_rows(self):
        for row in self.rows:
            figure = row.figure
            yield [
                self.name,
                row.key,
                row.label,
                figure.indicator.code if figure else "",
                as_text(figure.actual if figure else None),
                as_text(figure.target if figure else None),
                "" if not figure or figure.progress is None else figure.progress,
                figure.measures if figure else 0,
            ]


CSV_HEADER = ["table", "key", "label", "indicator", "actual", "target", "progress_pct", "measures"]


@memo.for_seconds(60)
def years() -> list[int]:
    found = Target.objects.dates("period", "year")
    return sorted({day.year for day in found})


@memo.for_seconds(600)
def goals() -> list[int]:
    return sorted(
        set(SdgTarget.objects.filter(indicators__isnull=False).values_list("goal", flat=True))
    )


class DashboardForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

    governorate = ReferenceChoiceField(
        Governorate.objects.all(),
        rows=governorates,
        label=_("Governorate"),
        required=False,
        empty_label=_("All governorates"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    goal = forms.TypedChoiceField(
        label=_("Sustainable development goal"), coerce=int, required=False
    )
    source = forms.ChoiceField(
        label=_("Funded by"),
        required=False,
        choices=[
            ("", _("Grants and programmes")),
            ("grants", _("Fund grants")),
            ("programmes", _("Programmes")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years()]
        self.fields["goal"].choices = [("", _("All goals"))] + [
            (goal, _("Goal %(number)s") % {"number": goal}) for goal in goals()
        ]

    def scope(self) -> Scope:
        if not self.is_valid():
            return Scope()
        data = self.cleaned_data
        start = end = None
        if data.get("year"):
            start, end = periods.quarters_of_year(data["year"])
        return Scope(
            governorate=data["governorate"].code if data.get("governorate") else "",
            start=start,
            end=end,
            source=data.get("source") or "",
            sdg_goal=data.get("goal") or None,
        )


def library() -> list[Indicator]:
    return list(
        Indicator.objects.select_related("numerator", "denominator").prefetch_related("sdg_targets")
    )


def overview(scope: Scope, indicators: list[Indicator]) -> Table:
    found = figures(scope, indicators=indicators)
    rows = [
        Row(indicator.code, indicator.name, found.get((indicator.pk,)), {"indicator": indicator})
        for indicator in indicators
        if (indicator.pk,) in found or not scope.sdg_goal
    ]
    for row in rows:
        if row.figure and row.extra["indicator"].counts_people:
            row.extra["cost"] = cost_per_person(scope, row.extra["indicator"], row.figure)
    return Table("indicators", _("Every indicator"), _("Indicator"), rows)


def by_governorate(scope: Scope, indicator: Indicator) -> Table:
    found = figures(scope, by=("measure__governorate",), indicators=with_parts(indicator))
    rows = [
        Row(code, governorate.name, found.get((indicator.pk, code)))
        for code, governorate in governorates().items()
    ]
    return Table("governorates", _("By governorate"), _("Governorate"), rows)


def by_quarter(scope: Scope, indicator: Indicator) -> Table:
    found = figures(scope, by=("period",), indicators=with_parts(indicator))
    quarters = sorted(key[1] for key in found if key[0] == indicator.pk)
    rows = [Row(q.isoformat(), periods.label(q), found[(indicator.pk, q)]) for q in quarters]
    return Table("quarters", _("By quarter"), _("Quarter"), rows)


def by_source(scope: Scope, indicator: Indicator) -> Table:
    rows = []
    for source, label in (("grants", _("Fund grants")), ("programmes", _("Programmes"))):
        narrowed = Scope(**{**scope.__dict__, "source": source})
        found = figures(narrowed, indicators=with_parts(indicator))
        rows.append(Row(source, label, found.get((indicator.pk,))))
    return Table("sources", _("By source of funding"), _("Funded by"), rows)


def by_category(scope: Scope, indicator: Indicator, dimension: str) -> Table:
    found = figures(scope, by=("category",), dimension=dimension, indicators=with_parts(indicator))
    rows = [
        Row(code, str(label), found.get((indicator.pk, code)))
        for code, label in categories(dimension).items()
        if (indicator.pk, code) in found or dimension != Dimension.GOVERNORATE
    ]
    title = _("By %(dimension)s") % {"dimension": Dimension(dimension).label.lower()}
    return Table(f"dimension-{dimension}", title, Dimension(dimension).label, rows)


def by_goal(scope: Scope, indicators: list[Indicator], overview_table: Table) -> list[dict]:
    """The SDG targets the indicators serve, each with the indicators' figures."""
    figures_by_code = {row.key: row for row in overview_table.rows}
    targets = {}
    for indicator in indicators:
        for target in indicator.sdg_targets.all():
            if scope.sdg_goal and target.goal != scope.sdg_goal:
                continue
            entry = targets.setdefault(target.code, {"target": target, "rows": []})
            if indicator.code in figures_by_code:
                entry["rows"].append(figures_by_code[indicator.code])
    return sorted(targets.values(), key=lambda e: (e["target"].goal, e["target"].pk))


def cost_per_person(scope: Scope, indicator: Indicator, figure: Figure) -> Decimal | None:
    """Money of the grants and programmes counted ÷ the people they reached, where known."""
    if not figure.actual:
        return None
    money = rollup.money(scope, indicator)
    return (money / figure.actual).quantize(Decimal("0.01")) if money else None


def tiles(table: Table) -> list[dict]:
    """The governorates table as shaded tiles: the darker, the higher."""
    values = [row.figure.actual for row in table.rows if row.figure and row.figure.actual]
    top = max(values, default=0)
    drawn = []
    for row in table.rows:
        column, line = TILES[row.key]
        actual = row.figure.actual if row.figure else None
        shade = 0 if not actual or not top else 1 + int((SHADES - 1) * actual / top)
        drawn.append(
            {
                "row": row,
                "x": column * TILE_WIDTH,
                "y": line * TILE_HEIGHT,
                "shade": min(shade, SHADES),
                "text_x": column * TILE_WIDTH + TILE_WIDTH // 2 - 3,
            }
        )
    return drawn


def bars(table: Table) -> list[dict]:
    """The quarters with verified values as bars, each as long as its share of the largest."""
    rows = [row for row in table.rows if row.figure and row.figure.actual is not None]
    top = max((row.figure.actual for row in rows), default=0)
    return [
        {"row": row, "width": int(300 * row.figure.actual / top) if top else 0, "y": i * 28}
        for i, row in enumerate(rows)
    ]


def with_parts(indicator: Indicator) -> list[Indicator]:
    parts = [indicator.numerator, indicator.denominator] if indicator.is_ratio else []
    return [indicator, *parts]
