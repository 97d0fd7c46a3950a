"""Every form class of Sanad, built, and every admin form: for tests that close a class of
problem in all of them at once (numbers typed in Arabic-Indic digits, text in the other
language's direction). A new form that needs arguments to be built must be given a
builder here: those tests fail until it is, so no form escapes."""

import importlib
import pkgutil
from datetime import date
from pathlib import Path

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory

PROJECT_APPS = [
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == settings.BASE_DIR
]


def project_form_classes():
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


def build(form_class):
    builder = BUILDERS.get(f"{form_class.__module__}.{form_class.__qualname__}")
    return form_class(**builder()) if builder else form_class()


def every_form():
    """(where, form) for each project form class that can be built."""
    unbuilt = []
    for form_class in project_form_classes():
        where = f"{form_class.__module__}.{form_class.__qualname__}"
        try:
            yield where, build(form_class)
        except TypeError as error:
            unbuilt.append(f"{where} needs a builder in core/tests/every_form.py: {error}")
    assert not unbuilt, "\n".join(unbuilt)


def every_admin_form(user):
    """(where, form) for each registered admin and each of its inlines."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        yield f"admin:{model._meta.label}", model_admin.get_form(request)()
        for inline in model_admin.get_inline_instances(request):
            formset = inline.get_formset(request)()
            yield f"admin:{inline.model._meta.label}", formset.empty_form
