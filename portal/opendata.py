"""The public registers and open data files, each kept by the module that owns it: one
list, shown on the open data page and searched by the site's one search."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import search_key


@dataclass(frozen=True)
class Register:
    title: str
    description: str
    page: str  # URL name of the module's own page
    files: tuple[tuple[str, str], ...] = ()  # (format, URL name)

    @property
    def url(self) -> str:
        return reverse(self.page)

    @property
    def downloads(self) -> list[dict]:
        return [{"label": label, "url": reverse(name)} for label, name in self.files]

    @property
    def search_text(self) -> str:
        """Its words in both languages, so an English query finds it on an Arabic page."""
        words = []
        for language in ("ar", "en"):
            with translation.override(language):
                words += [str(self.title), str(self.description)]
        words += [str(label) for label, _name in self.files]
        return search_key(" ".join(words))


REGISTERS = (
    Register(
        _("Organizations"),
        _("Associations, foundations, federations and unions registered under Law 149 of 2019."),
        "registry:search",
    ),
    Register(
        _("Licensed nurseries and care homes"),
        _("Check a licence by its number, or find the licensed facilities of a governorate."),
        "care:check",
    ),
    Register(
        _("The fund's awards"),
        _("Every grant: to whom, how much, for what and where."),
        "fund:awards",
        (("360Giving JSON", "fund:grants_360giving"), ("CSV", "fund:grants_360giving_csv")),
    ),
    Register(
        _("Complaint statistics"),
        _("How many cases the ministry received and answered, and how fast, month by month."),
        "complaints:statistics",
        (("CSV", "complaints:statistics_csv"), ("JSON", "complaints:statistics_json")),
    ),
    Register(
        _("Results and impact"),
        _("What the grants and programmes changed, by indicator, governorate and SDG target."),
        "impact:overview",
        ((_("Open data"), "impact:open_data"), ("IATI XML", "impact:iati")),
    ),
    Register(
        _("Who the training reached"),
        _(
            "How many people the digital skills courses enrolled and trained, by governorate, "
            "group, sex, age and course."
        ),
        "training:reach",
    ),
    Register(
        _("Digital skills courses"),
        _("Courses and cohorts open to join."),
        "training:open_courses",
    ),
)


def matching(words: list[str]) -> list[Register]:
    return [r for r in REGISTERS if all(word in r.search_text for word in words)]
