"""Labelled texts: the seed set shipped with the project, and any CSV of the same shape.
(No Django here: the benchmark and the training command read these without a database.)"""

import csv
import hashlib
from pathlib import Path

SEED_FOLDER = Path(__file__).resolve().parent / "data" / "seed_model"
SEED_DATA = Path(__file__).resolve().parent / "data" / "seed.csv"


def fingerprint(rows) -> str:
    """SHA-256 of the training rows, in order: the same data gives the same print."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join(str(v) for v in row).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def read_csv(path: Path) -> tuple[list[str], list[str], list[str] | None]:
    """Texts, categories and (if the file has them) urgencies of a labelled CSV.

    The header must name ``text`` and ``category``; ``urgency`` is optional. Rows without
    a text or a category are skipped (a CSV exported from a spreadsheet has some).
    """
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        if not {"text", "category"} <= columns:
            raise ValueError(
                f"{path}: the header must have a 'text' and a 'category' column "
                f"(it has: {', '.join(sorted(columns)) or 'nothing'})"
            )
        with_urgency = "urgency" in columns
        texts, categories, urgencies = [], [], []
        for row in reader:
            text, category = (row.get("text") or "").strip(), (row.get("category") or "").strip()
            urgency = (row.get("urgency") or "").strip()
            if not text or not category or (with_urgency and not urgency):
                continue
            texts.append(text)
            categories.append(category)
            urgencies.append(urgency)
    return texts, categories, urgencies if with_urgency else None
