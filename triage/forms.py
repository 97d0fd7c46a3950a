from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.models import Category, Urgency
from complaints.reference import active_categories
from core.forms import FixedChoiceField, ReferenceChoiceField


class SettleForm(forms.Form):
    category = ReferenceChoiceField(
        Category.objects.filter(is_active=True),
        rows=active_categories,
        to_field_name="code",
        label=_("Category"),
    )
    urgency = FixedChoiceField(label=_("Urgency"), choices=Urgency.choices)
