"""Rows a person adds and removes: a budget's lines, a framework's indicators, a grant's
tranches.

No blank row is ever required: an untouched row is left out. "Add a row" and each row's
"Remove" are buttons of the form itself, so they work on any phone without JavaScript;
the page comes back with the change and with everything typed so far, judged only when
the person saves.
"""

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

ADD = "add-row"
REMOVE = "remove-row"


class _Rows:
    # What one row is called: its legend, and the start of its errors in the page's
    # error summary ("Line 2 · Amount"), where rows' boxes would otherwise read alike.
    row_name = _("Row %(number)s")

    def add_error(self, field, error) -> None:
        """A refusal about the rows together (tranches that do not add up to the grant):
        said above them and in the page's error summary, as a form's would be."""
        self.non_form_errors()  # judges the rows first, as a form's add_error does
        self._non_form_errors.append(error)


class Rows(_Rows, forms.BaseFormSet):
    """A formset whose removed rows travel as hidden fields until the person saves."""

    deletion_widget = forms.HiddenInput


class InlineRows(_Rows, forms.BaseInlineFormSet):
    deletion_widget = forms.HiddenInput


def is_removed(form) -> bool:
    if not form.is_bound or "DELETE" not in form.fields:
        return False
    raw = form["DELETE"].value()
    return bool(form.fields["DELETE"].to_python(raw))


def numbered_rows(formset) -> list[tuple]:
    """Each row with its number among those shown, its ``section`` set to its name; a
    removed row has no number (only its hidden fields are drawn, so the removal reaches
    the save)."""
    shown, numbered = 0, []
    for form in formset:
        if is_removed(form):
            numbered.append((form, None))
        else:
            shown += 1
            name = getattr(formset, "row_name", _Rows.row_name)  # any formset, ours or not
            form.section = name % {"number": shown}
            numbered.append((form, shown))
    return numbered


def edited_rows(data, formset_class, *, prefix: str, **kwargs):
    """The formset shown again after "Add a row" or a row's "Remove", or None when the
    person pressed something else (save)."""
    if data is None or (ADD not in data and REMOVE not in data):
        return None
    data = data.copy()
    total = f"{prefix}-TOTAL_FORMS"
    count = _whole(data.get(total))
    if ADD in data:
        data[total] = str(count + 1)
    elif 0 <= (index := _whole(data.get(REMOVE), default=-1)) < count:
        data[f"{prefix}-{index}-DELETE"] = "on"
    formset = formset_class(data, prefix=prefix, **kwargs)
    # Nothing is judged until the person saves: a half-typed row is not an error yet.
    for form in formset.forms:
        form._errors = ErrorDict()
    formset._errors = [ErrorDict() for _form in formset.forms]
    formset._non_form_errors = formset.error_class()
    return formset


def _whole(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
