"""Template tags every page shares."""

from dataclasses import dataclass

from django import forms, template
from django.forms.formsets import BaseFormSet
from django.template.defaultfilters import floatformat
from django.utils.html import format_html

from core.formsets import numbered_rows

register = template.Library()

# How deep into the context the error summary looks for forms: pages keep them in a
# dict ("forms") or in rows of dicts (a framework's measures), never deeper.
_SEARCH_DEPTH = 3


@dataclass(frozen=True)
class PageError:
    message: str
    label: str = ""
    target: str = ""  # the id of the field to go to, or of the form's own message


def _forms_in(value, depth=0):
    if isinstance(value, forms.BaseForm | BaseFormSet):
        yield value
    elif depth < _SEARCH_DEPTH and isinstance(value, dict):
        for item in value.values():
            yield from _forms_in(item, depth + 1)
    elif depth < _SEARCH_DEPTH and isinstance(value, list | tuple):
        for item in value:
            yield from _forms_in(item, depth + 1)


def _field_target(bound_field) -> str:
    """The id to go to: the box itself, or the first choice of a group of choices."""
    if bound_field.is_hidden:
        return ""
    if bound_field.widget_type in ("radioselect", "checkboxselectmultiple"):
        choices = bound_field.subwidgets
        return choices[0].id_for_label if choices else ""
    return bound_field.auto_id or ""


def _form_errors(form) -> list[PageError]:
    """A form's errors; a form that is one part of its page (a budget line, a criterion)
    names that part before each box's label, and a box whose label repeats on the page
    (each checklist item's "Photo") may give a fuller ``summary_label``."""
    section = str(getattr(form, "section", "") or "")
    errors = [
        PageError(str(message), label=section, target=non_field_errors_id(form))
        for message in form.non_field_errors()
    ]
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound = form[name]
        own = str(getattr(bound.field, "summary_label", "") or bound.label or "")
        # "Why close it early?: …" reads badly: the summary puts its own colon.
        own = own.rstrip(" .?؟:")
        label = " · ".join(part for part in (section, own) if part)
        errors += [
            PageError(str(message), label=label, target=_field_target(bound))
            for message in messages
        ]
    return errors


@register.filter
def form_level_errors(form) -> list:
    """The errors of a whole form (or of a whole formset), not of one of its fields."""
    if isinstance(form, BaseFormSet):
        return form.non_form_errors() if form.is_bound else []
    return form.non_field_errors()


@register.filter
def non_field_errors_id(form) -> str:
    """The id of the place a form shows the errors that are not one field's."""
    return f"{form.prefix or 'form'}-errors"


@register.simple_tag(takes_context=True)
def page_errors(context) -> list[PageError]:
    """Every error of every form sent back on this page, in the page's order: for the
    summary at its top and the "Error:" in its title."""
    errors, seen = [], set()
    for value in context.flatten().values():
        for form in _forms_in(value):
            if id(form) in seen or not form.is_bound:
                continue
            seen.add(id(form))
            if isinstance(form, BaseFormSet):
                for message in form.non_form_errors():
                    errors.append(PageError(str(message), target=non_field_errors_id(form)))
                for member, number in numbered_rows(form):
                    if number:
                        errors += _form_errors(member)
            else:
                errors += _form_errors(form)
    return errors


register.filter("rows", numbered_rows)


@register.filter
def slot(value, name: str):
    """An amount in a sentence, marked so that a script can keep it up to date:
    ``{{ total|slot:"total" }}`` draws ``<b data-n="total">150,000.00</b>``."""
    return format_html('<b data-n="{}">{}</b>', name, floatformat(value or 0, "2g"))


@register.filter
def percent(value):
    """A share from 0 to 1 as people read it: ``0.6656`` as ``67%``; nothing as a dash."""
    if value in (None, ""):
        return "—"
    try:
        return f"{round(float(value) * 100)}%"
    except (TypeError, ValueError):
        return "—"


@register.filter
def marks_optional(form) -> bool:
    """Whether the form says which fields may be left empty: not a search or a filter
    (``is_filter``), where every box may."""
    return not getattr(form, "is_filter", False)
