"""manage.py triage train | evaluate | retrain | activate | rollback | versions | sweep"""

import json
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triage import dataset, engine, intake, registry
from triage.models import Label, ModelVersion


class Command(BaseCommand):
    help = "Train, evaluate and manage the triage models."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        train = commands.add_parser("train", help="learn a model from a labelled CSV")
        train.add_argument(
            "--data", required=True, type=Path, help="CSV: text, category[, urgency]"
        )
        train.add_argument("--out", required=True, type=Path, help="folder for the model")
        evaluate = commands.add_parser("evaluate", help="score a model on a labelled CSV")
        evaluate.add_argument("--data", required=True, type=Path)
        evaluate.add_argument("--model", required=True, type=Path)
        retrain = commands.add_parser(
            "retrain", help="learn from the seed data and the officers' labels, as a new version"
        )
        retrain.add_argument("--months", type=int, default=6, help="labels of the last N months")
        retrain.add_argument("--activate", action="store_true", help="activate it at once")
        activate = commands.add_parser("activate", help="make a version the one that proposes")
        activate.add_argument("version", type=int)
        commands.add_parser("rollback", help="go back to the previous version")
        commands.add_parser("versions", help="list the versions")
        commands.add_parser("sweep", help="read every recent case not read yet, now")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error

    def _progress(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()

    def _train(self, data, out, **_options):
        texts, categories, urgencies = dataset.read_csv(data)
        if len(set(categories)) < 2:
            raise CommandError(f"{data}: at least two categories are needed to learn anything")
        report = self._learn(texts, categories, urgencies, out)
        self._progress(f"Model saved in {out}")
        self.stdout.write(json.dumps(report, ensure_ascii=False))

    def _learn(self, texts, categories, urgencies, out: Path) -> dict:
        """Train, hold out a fifth, save: the report is that fifth's."""
        rows = zip(texts, categories, urgencies or [""] * len(texts), strict=True)
        return engine.learn(
            texts,
            categories,
            urgencies,
            out=out,
            fingerprint=dataset.fingerprint(rows),
            progress=self._progress,
        )

    def _evaluate(self, data, model, **_options):
        texts, categories, urgencies = dataset.read_csv(data)
        report = engine.evaluate(engine.Model.load(model), texts, categories, urgencies)
        self.stdout.write(json.dumps(report, ensure_ascii=False))

    def _retrain(self, months, activate, **_options):
        texts, categories, urgencies = dataset.read_csv(dataset.SEED_DATA)
        since = timezone.now() - timedelta(days=30 * months)
        # The latest word on each case counts: a correction after a confirmation wins.
        latest = {}
        for label in Label.objects.filter(at__gte=since).order_by("at"):
            latest[label.case_id] = label
        for label in latest.values():
            texts.append(label.text)
            categories.append(label.category_code)
            urgencies.append(label.urgency)
        self._progress(f"{len(latest):,} labelled cases of the last {months} months")
        out = registry.model_dir() / timezone.now().strftime("model-%Y%m%d-%H%M%S")
        report = self._learn(texts, categories, urgencies, out)
        version = registry.register(
            out, notes=f"Seed data and {len(latest)} officers' labels", labels=len(latest)
        )
        if activate:
            registry.activate(version)
        state = "active" if activate else "not active: `manage.py triage activate N`"
        self._progress(f"Version {version.number} registered ({state})")
        self.stdout.write(json.dumps(report, ensure_ascii=False))

    def _activate(self, version, **_options):
        try:
            chosen = ModelVersion.objects.get(number=version)
        except ModelVersion.DoesNotExist:
            raise CommandError(f"There is no version {version}.") from None
        registry.activate(chosen)
        self.stdout.write(f"Version {chosen.number} is active.")

    def _rollback(self, **_options):
        self.stdout.write(f"Version {registry.rollback().number} is active again.")

    def _sweep(self, **_options):
        total = 0
        while read := intake.triage_waiting():
            total += read
        self.stdout.write(f"{total} cases read.")

    def _versions(self, **_options):
        for version in ModelVersion.objects.all():
            mark = "*" if version.is_active else " "
            f1 = version.metrics.get("macro_f1")
            self.stdout.write(
                f"{mark} v{version.number}  {version.created_at:%Y-%m-%d %H:%M}  "
                f"{version.rows} texts  macro F1 {f1}  {version.notes}"
            )
