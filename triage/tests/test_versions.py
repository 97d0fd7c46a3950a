"""The model registry: retraining from officers' labels is one command; a version is
activated and rolled back, and each proposal says which version made it."""

import pytest
from django.core.management import call_command

from accounts.models import Role
from core.models import AuditEntry
from triage import registry, review
from triage.models import Label, ModelVersion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _models_in_a_temporary_folder(settings, tmp_path):
    settings.TRIAGE_MODEL_DIR = tmp_path / "models"


def test_retrain_learns_from_the_labels_and_activation_switches_versions(
    make_user, file_case, capsys
):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    case = file_case("عايزين نعرف امتى يفتح باب التطوع في مبادرة المدارس", category="training")
    from complaints.models import Category

    review.settle(
        case.triage, category=Category.objects.get(code="training"), urgency="normal", by=officer
    )
    assert Label.objects.get(case=case).by == officer

    call_command("triage", "retrain", "--months", "3")
    out = capsys.readouterr().out
    assert "1 labelled cases of the last 3 months" in out
    new = ModelVersion.objects.get(number=2)
    assert not new.is_active and new.rows == 325  # the 324 seed texts and the label
    assert new.metrics["macro_f1"] > 0 and len(new.data_fingerprint) == 64

    call_command("triage", "activate", "2")
    version, _model = registry.active()
    assert version.number == 2
    later = file_case("الموظف مش بيرد على التليفون", category="staff_conduct")
    assert later.triage.version.number == 2

    call_command("triage", "rollback")
    assert registry.active()[0].number == 1
    assert AuditEntry.objects.filter(action="triage.model_activated").count() == 2


def test_a_version_whose_files_are_gone_is_not_activated(tmp_path):
    missing = ModelVersion.objects.create(
        number=7, folder="nowhere", data_fingerprint="0" * 64, rows=1
    )
    with pytest.raises(FileNotFoundError):
        registry.activate(missing)
    assert registry.active()[0].number == 1
