"""Form fields that normalize before they validate (DESIGN.md: rules every module keeps)."""

from collections.abc import Callable, Mapping
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from core.money import parse_amount
from core.national_id import parse_national_id
from core.phones import parse_phone
from core.text import clean_text, western_number
from core.uploads import ACCEPTED_TYPES, clean_upload


def written_in(widget: forms.Widget, language: str) -> None:
    """A box for text in one language (an English name on an Arabic page) takes that
    language's direction, so its start is not cut off or reordered."""
    widget.attrs.update({"lang": language, "dir": "rtl" if language == "ar" else "ltr"})


def needed_only(when: str, field: forms.Field) -> forms.Field:
    """A field needed in some cases only (a reason to reject): its label says which cases
    in place of "(required)" or "(optional)"; the form's ``clean`` enforces it."""
    field.required = False
    field.need_note = when
    return field


def language_of(name: str) -> str | None:
    """The language of a paired field by its name's ending (``name_en``, ``body_ar``)."""
    suffix = name.rpartition("_")[2]
    return suffix if suffix in ("ar", "en") else None


class CleanCharField(forms.CharField):
    """A CharField whose value is cleaned of invisible characters, tatweel and odd digits;
    ``language`` for text that is always in one language."""

    def __init__(self, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if language:
            written_in(self.widget, language)
        elif not self.widget.is_hidden:
            # Free text takes the direction of what is typed: Arabic on an English page
            # starts from the right, an e-mail address on an Arabic page from the left.
            self.widget.attrs.setdefault("dir", "auto")

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value) if value else value


class NumberInput(forms.TextInput):
    """The one box Sanad draws for a number.

    A browser's ``type=number`` box throws away Arabic-Indic digits (٣٠٠) before the form
    is sent, so the server never sees them: this is a text box that brings up the phone's
    number pad and leaves the reading to the field (``DigitTolerantField``).
    """

    inputmode = "numeric"

    def __init__(self, attrs=None):
        defaults = {"inputmode": self.inputmode, "dir": "ltr", "autocomplete": "off"}
        super().__init__({**defaults, **(attrs or {})})


class DecimalInput(NumberInput):
    inputmode = "decimal"


class DigitTolerantField:
    """Mixed into every numeric form field of Sanad: numbers typed in Western,
    Arabic-Indic or Eastern Arabic-Indic digits, with Arabic separators (``٫`` ``٬``) or
    grouping commas, are read; a form shown again shows them as typed, in ASCII."""

    widget = NumberInput

    def to_python(self, value):
        return super().to_python(western_number(value) if isinstance(value, str) else value)

    def bound_data(self, data, initial):
        data = super().bound_data(data, initial)
        return western_number(data) if isinstance(data, str) else data


class CleanIntegerField(DigitTolerantField, forms.IntegerField):
    pass


class CleanDecimalField(DigitTolerantField, forms.DecimalField):
    widget = DecimalInput


class CleanFloatField(DigitTolerantField, forms.FloatField):
    widget = DecimalInput


NUMBER_FIELDS = {
    models.IntegerField: CleanIntegerField,
    models.DecimalField: CleanDecimalField,
    models.FloatField: CleanFloatField,
}


def number_form_class(db_field: models.Field) -> type[forms.Field] | None:
    """The digit-tolerant form field for a numeric model field (choices and keys excepted),
    for the admin and model forms."""
    if db_field.choices or isinstance(db_field, models.AutoField | models.ForeignKey):
        return None
    for model_class, form_class in NUMBER_FIELDS.items():
        if isinstance(db_field, model_class):
            return form_class
    return None


class NationalIdField(CleanCharField):
    """Accepts a national ID in any digit script; cleans to the 14 ASCII digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off", "dir": "ltr"})

    def clean(self, value):
        value = super().clean(value)
        return parse_national_id(value).number if value else value


class PhoneField(CleanCharField):
    """Accepts an Egyptian or international number; cleans to E.164."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(**kwargs)
        self.widget.input_type = "tel"
        self.widget.attrs.update({"autocomplete": "tel", "dir": "ltr"})

    def clean(self, value):
        value = super().clean(value)
        return parse_phone(value) if value else value


class AmountField(forms.Field):
    """An amount in Egyptian pounds as people type it (core.money.parse_amount)."""

    widget = DecimalInput(attrs={"maxlength": 40})

    def __init__(self, *args, allow_zero: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_zero = allow_zero

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = value if isinstance(value, Decimal) else str(value)[:40]
        return parse_amount(text, allow_zero=self.allow_zero)


class DayField(forms.DateField):
    """A date picked with the browser's calendar (and typed as YYYY-MM-DD without one)."""

    widget = forms.DateInput(attrs={"type": "date"})


class UploadField(forms.FileField):
    """One picture or PDF, checked and cleaned by its content: its value is a CleanFile."""

    widget = forms.FileInput(attrs={"accept": ACCEPTED_TYPES})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return clean_upload(upload) if upload else None


class ConfirmField(forms.BooleanField):
    """The box a person ticks to go ahead with something that cannot be undone; its label
    says what will happen."""

    def __init__(self, *, label, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Tick the box to confirm.")})
        super().__init__(label=label, required=True, **kwargs)
        # The label is a whole sentence; the error summary names the box more briefly.
        self.summary_label = _("Confirmation")


class FixedChoiceField(forms.ChoiceField):
    """A ChoiceField whose choices are the same for every form (an enumeration).

    Django deep-copies a ChoiceField's choices for each form it makes, so that one form
    may change its own; these never change, and every new case paid for the copies.
    """

    def __deepcopy__(self, memo):
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result


class _ReferenceChoiceIterator(ModelChoiceIterator):
    """The options from the process copy: no query and no new rows for each page."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.rows().values():
            yield self.choice(row)

    def __len__(self):
        return len(self.field.rows()) + (self.field.empty_label is not None)


class ReferenceChoiceField(forms.ModelChoiceField):
    """A choice of reference data (governorates, categories) checked and listed from a
    copy kept in the process: every case names both, and a query each costs a round trip.

    ``rows`` returns the choosable rows keyed by ``to_field_name`` (or primary key).
    """

    iterator = _ReferenceChoiceIterator

    def __init__(self, queryset, *, rows: Callable[[], Mapping[str, models.Model]], **kwargs):
        super().__init__(queryset, **kwargs)
        self.rows = rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        row = self.rows().get(str(value))
        if row is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return row
