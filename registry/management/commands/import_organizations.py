from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from registry.importer import ImportFileError, import_file


class Command(BaseCommand):
    help = (
        "Import organizations from a CSV file (columns in README.md). A dry run unless "
        "--commit is given; idempotent by registration number; bad rows are reported, "
        "never fatal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="the CSV file, UTF-8, first line names the columns"
        )
        parser.add_argument("--commit", action="store_true", help="write to the database")
        parser.add_argument(
            "--report",
            type=Path,
            help="where to write the per-row report (default: FILE.report.csv)",
        )
        parser.add_argument(
            "--show",
            type=int,
            default=100,
            help="how many report lines to print at the end (default 100)",
        )
        parser.add_argument(
            "--language",
            choices=["ar", "en"],
            default="en",
            help="language of the report's reasons",
        )

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        report_path = options["report"] or path.with_name(path.name + ".report.csv")
        translation.activate(options["language"])
        mode = "IMPORT" if options["commit"] else "DRY RUN (nothing is written; add --commit)"
        self.stdout.write(f"{mode}: {path}")

        def progress(result):
            self.stdout.write(f"  … {result.rows:,} rows read, {result.rejected:,} rejected")

        with report_path.open("w", encoding="utf-8", newline="") as report:
            try:
                result = import_file(
                    path, commit=options["commit"], report=report, progress=progress
                )
            except ImportFileError as error:
                raise CommandError(str(error)) from error
        self._print_report(report_path, options["show"])
        verb = "" if options["commit"] else " (would be)"
        self.stdout.write(
            f"{result.rows:,} rows: {result.created:,} created{verb}, {result.updated:,} "
            f"updated{verb}, {result.unchanged:,} unchanged, {result.rejected:,} rejected, "
            f"{result.warnings:,} warnings. Full report: {report_path}"
        )
        style = self.style.SUCCESS if not result.rejected else self.style.WARNING
        self.stdout.write(style("Done." if options["commit"] else "Dry run done."))

    def _print_report(self, report_path: Path, show: int) -> None:
        """Stream the report back, so a file full of bad rows costs no memory."""
        shown = total = 0
        with report_path.open(encoding="utf-8") as report:
            next(report, None)
            for text in report:
                total += 1
                if shown < show:
                    if not shown:
                        self.stdout.write(
                            "Rejected rows and warnings "
                            "(line, registration number, outcome, reasons):"
                        )
                    self.stdout.write("  " + text.rstrip("\n"))
                    shown += 1
        if total > shown:
            self.stdout.write(f"  … and {total - shown:,} more in {report_path}")
