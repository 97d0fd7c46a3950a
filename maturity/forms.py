from django import forms

from maturity.models import Rating


class AssessmentForm(forms.Form):
    """One rating per statement, grouped by dimension on the page."""

    def __init__(self, *args, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for dimension in dimensions:
            names = []
            for statement in dimension.statements.all():
                name = f"s{statement.pk}"
                self.fields[name] = forms.TypedChoiceField(
                    label=str(statement),
                    coerce=int,
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                )
                names.append(name)
            self.groups.append((dimension, [self[name] for name in names]))

    def ratings(self) -> dict[int, int]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}
