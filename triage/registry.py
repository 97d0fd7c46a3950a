"""Which model proposes: versions trained, one of them active, rolled back in one step.

The model shipped with the project lives in ``triage/data/seed_model`` and is version 1;
models trained here are kept under ``TRIAGE_MODEL_DIR``. Each process keeps the active
model loaded and looks again every minute, so an activation reaches every worker soon.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import audit, memo
from triage.dataset import SEED_FOLDER
from triage.engine import Model
from triage.models import ModelVersion

SEED = "seed"


def model_dir() -> Path:
    return Path(settings.TRIAGE_MODEL_DIR)


def folder_of(version: ModelVersion) -> Path:
    return SEED_FOLDER if version.folder == SEED else model_dir() / version.folder


@cache
def _load(folder: str) -> Model:
    return Model.load(Path(folder))


@memo.for_seconds(60)
def active() -> tuple[ModelVersion, Model]:
    """The active version and its model (the seed model, version 1, until another is
    activated; the migration that creates the tables registers it)."""
    version = ModelVersion.objects.filter(is_active=True).first()
    if version is None:
        version = ModelVersion.objects.get(folder=SEED)
    return version, _load(str(folder_of(version)))


def seed_record() -> dict:
    """The fields of version 1, read from the shipped model's own description."""
    about = json.loads((SEED_FOLDER / "model.json").read_text(encoding="utf-8"))
    return {
        "number": 1,
        "folder": SEED,
        "data_fingerprint": about.get("data_fingerprint", ""),
        "rows": about.get("rows", 0),
        "metrics": about.get("held_out", {}),
        "notes": "The seed model, trained on triage/data/seed.csv.",
    }


def register(folder: Path, *, by=None, notes: str = "", labels: int = 0) -> ModelVersion:
    """Record a model saved in ``folder`` (under TRIAGE_MODEL_DIR) as the next version,
    not yet active."""
    model = Model.load(folder)
    with transaction.atomic():
        last = ModelVersion.objects.select_for_update().order_by("-number").first()
        version = ModelVersion.objects.create(
            number=(last.number if last else 1) + 1,
            folder=str(folder.resolve().relative_to(model_dir().resolve())),
            trained_by=by,
            data_fingerprint=model.meta.get("data_fingerprint", ""),
            rows=model.meta.get("rows", 0),
            metrics=model.meta.get("held_out", {}),
            notes=notes,
            labels=labels,
        )
        audit.record("triage.model_registered", actor=by, obj=version)
    return version


def activate(version: ModelVersion, *, by=None) -> ModelVersion:
    """Make ``version`` the one that proposes, from the next minute in every process."""
    Model.load(folder_of(version))  # refuse a version whose files are missing or broken
    with transaction.atomic():
        previous = ModelVersion.objects.select_for_update().filter(is_active=True).first()
        ModelVersion.objects.filter(is_active=True).update(is_active=False)
        ModelVersion.objects.filter(pk=version.pk).update(
            is_active=True, activated_at=timezone.now()
        )
        audit.record(
            "triage.model_activated",
            actor=by,
            obj=version,
            data={"previous": previous.number if previous else None},
        )
    memo.forget_all()
    version.refresh_from_db()
    return version


def rollback(*, by=None) -> ModelVersion:
    """Go back to the version active before the current one (by number, the previous)."""
    current = ModelVersion.objects.filter(is_active=True).first()
    earlier = ModelVersion.objects.filter(number__lt=current.number if current else 0).first()
    if earlier is None:
        raise ValueError("There is no earlier version to go back to.")
    return activate(earlier, by=by)
