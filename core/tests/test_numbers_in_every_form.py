"""Every number box of Sanad takes the digits people type: Western, Arabic-Indic (٣٠٠) or
Eastern Arabic-Indic (۳۰۰), with Arabic separators.

A browser's ``type=number`` box drops Arabic-Indic digits before the form is sent, so
the test walks every form class the project defines (and every admin form), finds each
numeric field, checks that it is not drawn as such a box, and types a number into it.
A new form that needs arguments to be built must be given a builder below: the test
fails until it is, so no form escapes.
"""

import importlib
import pkgutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory

from core.forms import AmountField, DigitTolerantField

pytestmark = pytest.mark.django_db

PROJECT_APPS = [
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == settings.BASE_DIR
]
ARABIC_INDIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
NUMBER_FIELDS = forms.IntegerField | forms.DecimalField | forms.FloatField | AmountField
EASTERN_ARABIC_INDIC = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")


def _project_form_classes():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not any(part in module.name for part in (".tests", ".migrations", ".management")):
                importlib.import_module(module.name)
    found, todo = set(), [forms.BaseForm]
    while todo:
        for cls in todo.pop().__subclasses__():
            todo.append(cls)
            model = getattr(getattr(cls, "_meta", None), "model", None)
            abstract = issubclass(cls, forms.BaseModelForm) and model is None
            ours = cls.__module__.split(".")[0] in PROJECT_APPS and ".tests" not in cls.__module__
            if ours and not abstract:
                found.add(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def _report():
    """A progress report, whose form has a box per budget line and per indicator."""
    from accounts.models import User
    from fund.tests.builders import grant_with_report
    from registry.models import Membership, Organization

    organization = Organization.objects.create(
        registration_number="N-1", name_ar="جمعية الأرقام", governorate_id="02"
    )
    member = User.objects.create_user("member", role="organization_member")
    Membership.objects.create(user=member, organization=organization, role="administrator")
    officer = User.objects.create_user("officer", role="fund_officer")
    return grant_with_report(organization, member, officer)[1]


def _model(label):
    return apps.get_model(label)


def _user():
    from accounts.models import User

    return User.objects.get_or_create(username="numbers", defaults={"role": "central_officer"})[0]


# How to build each form that cannot be built without arguments; numeric fields that a
# form adds for its data need data that has them.
BUILDERS = {
    "accounts.forms.NewPasswordForm": lambda: {"user": _user()},
    "care.forms.ApplyForm": lambda: {"user": _user()},
    "care.forms.SectionForm": lambda: {"items": _model("care.ChecklistItem").objects.all()},
    "care.forms.FindingForm": lambda: {"today": date(2027, 1, 1)},
    "care.forms.FindingsNotesForm": lambda: {"open_violations": []},
    "care.forms_staff.ScheduleForm": lambda: {
        "governorate": _model("core.Governorate").objects.get(code="02")
    },
    "complaints.forms.AssignForm": lambda: {"user": _user()},
    "complaints.forms.BulkAssignForm": lambda: {"user": _user()},
    "complaints.forms.DuplicateForm": lambda: {"user": _user()},
    "complaints.forms.StatusForm": lambda: {"case": _model("complaints.Case")(status="assigned")},
    "maturity.forms.AssessmentForm": lambda: {
        "dimensions": _model("maturity.Dimension").objects.all()
    },
    "training.forms.EnrolStaffForm": lambda: {
        "staff": _model("training.Trainee").objects.none(),
        "cohorts": _model("training.Cohort").objects.none(),
    },
    "training.forms.TestForm": lambda: {"questions": _model("training.Question").objects.all()},
    "training.forms.CorrectionForm": lambda: {
        "questions": _model("training.Question").objects.all()
    },
    "training.forms.CloseCohortForm": lambda: {"early": True},
    "fund.forms.ReportForm": lambda: {"report": _report()},
    "fund.forms.DocumentsForm": lambda: {"required_documents": []},
    "fund.forms_staff.ScoreForm": lambda: {"criterion": None},
    "impact.forms.TargetsForm": lambda: {
        "quarters": [date(2027, 1, 1), date(2027, 4, 1)],
        "targets": {},
    },
    "impact.forms.ValuesForm": lambda: {
        "quarters": [date(2027, 1, 1)],
        "dimensions": ["sex", "age"],
    },
}


def _build(form_class):
    builder = BUILDERS.get(f"{form_class.__module__}.{form_class.__qualname__}")
    return form_class(**builder()) if builder else form_class()


def _numeric_fields(form):
    return {name: field for name, field in form.fields.items() if isinstance(field, NUMBER_FIELDS)}


def _a_fitting_number(field) -> str:
    """A value the field accepts, written in Western digits with a decimal if it has any."""
    low = field.min_value if getattr(field, "min_value", None) is not None else 0
    high = field.max_value if getattr(field, "max_value", None) is not None else low + 2000
    places = getattr(field, "decimal_places", None)
    if getattr(field, "max_digits", None):
        high = min(high, 10 ** (field.max_digits - (places or 0)) - 1)
    whole = max(int((Decimal(low) + Decimal(high)) / 2), 1)
    if isinstance(field, AmountField):
        return f"{whole * 100:,}.50"
    if isinstance(field, forms.DecimalField | forms.FloatField) and places != 0:
        return f"{whole}.5"
    return str(whole)


def _typed(field, name, typed):
    data = {name: typed}
    return field.clean(field.widget.value_from_datadict(data, {}, name))


def _check(form, where):
    numeric = _numeric_fields(form)
    for name, field in numeric.items():
        assert isinstance(field, DigitTolerantField | AmountField), (
            f"{where}.{name} is a plain {type(field).__name__}: use core.forms' number fields"
        )
        if field.widget.is_hidden:
            continue
        html = str(form[name])
        assert 'type="number"' not in html, f"{where}.{name} is drawn as a number box"
        western = _a_fitting_number(field)
        expected = _typed(field, name, western)
        for script in (ARABIC_INDIC, EASTERN_ARABIC_INDIC):
            typed = western.translate(script)
            assert _typed(field, name, typed) == expected, f"{where}.{name} misread {typed}"
    return len(numeric)


def test_every_form_reads_numbers_typed_in_arabic_indic_digits():
    counted, unbuilt = 0, []
    for form_class in _project_form_classes():
        where = f"{form_class.__module__}.{form_class.__qualname__}"
        try:
            form = _build(form_class)
        except TypeError as error:
            unbuilt.append(f"{where} needs a builder in BUILDERS: {error}")
            continue
        counted += _check(form, where)
    assert not unbuilt, "\n".join(unbuilt)
    # The forms this was written against had these many typed number boxes; fewer means
    # the walk stopped finding them.
    assert counted >= 20, counted


def test_every_admin_form_reads_numbers_typed_in_arabic_indic_digits(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    counted = 0
    for model, model_admin in admin.site._registry.items():
        form = model_admin.get_form(request)()
        counted += _check(form, f"admin:{model._meta.label}")
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)()
            counted += _check(formset.empty_form, f"admin:{inline.model._meta.label}")
    assert counted >= 10, counted


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("٣٠٠", 300),
        ("۳۰۰", 300),
        ("١٬٢٠٠", 1200),
        ("1,200", 1200),
        (" ٣٠٠ ", 300),
        ("\u200f٣٠٠", 300),
    ],
)
def test_a_whole_number_in_any_script_and_with_separators(typed, value):
    from core.forms import CleanIntegerField

    assert CleanIntegerField().clean(typed) == value


def test_a_decimal_with_the_arabic_decimal_separator():
    from core.forms import CleanDecimalField

    assert CleanDecimalField(decimal_places=1).clean("٦٫٥") == Decimal("6.5")


def test_a_number_shown_again_is_one_the_box_can_hold():
    from core.forms import CleanIntegerField

    class Form(forms.Form):
        n = CleanIntegerField(max_value=10)

    form = Form({"n": "١٢"})
    assert not form.is_valid()
    assert 'value="12"' in str(form["n"])
    assert 'inputmode="numeric"' in str(form["n"])
