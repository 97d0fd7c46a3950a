"""Finding a service: by words in any spelling, and by the eligibility guide's answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanCharField
from core.text import search_key
from portal.catalogue import SITUATIONS
from portal.models import Audience, Service


def find(query: str = "", audience: str = ""):
    """Services whose title, summary or conditions hold every word of ``query`` (Arabic
    letters folded: أ/إ/ا, ى/ي, ة/ه, digits of any script)."""
    services = Service.objects.all()
    if audience:
        services = services.filter(audience__in=[audience, Audience.ANYONE])
    for word in search_key(query).split():
        services = services.filter(search_text__contains=word)
    return services


def suggest(audience: str, situations: list[str]) -> list[Service]:
    """The services for this person, those answering more of their situations first."""
    fitting = []
    for service in find(audience=audience):
        shared = len(set(service.situations) & set(situations))
        if shared or not situations:
            fitting.append((shared, service))
    fitting.sort(key=lambda pair: (-pair[0], pair[1].position))
    return [service for _shared, service in fitting]


class SearchForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

    q = CleanCharField(label=_("What are you looking for?"), max_length=200, required=False)
    audience = forms.ChoiceField(
        label=_("For"),
        required=False,
        choices=[("", _("Everyone")), *Audience.choices],
    )


class GuideForm(forms.Form):
    is_filter = True  # two questions, both optional: none is marked

    audience = forms.ChoiceField(
        label=_("Who are you asking for?"),
        choices=[c for c in Audience.choices if c[0] != Audience.ANYONE],
        widget=forms.RadioSelect,
    )
    situations = forms.MultipleChoiceField(
        label=_("Which of these is true? (choose any)"),
        choices=list(SITUATIONS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
