"""Benchmark: import 36,000 organizations from CSV, as the ministry's migration will.

Generates the CSV (about 1 % bad rows, federations first), imports it with
`manage.py import_organizations --commit` into a fresh database, and prints rows
per second and the importer's peak memory. It also imports a file a quarter the
size: peak memory should not grow with the file, so the two peaks should match.

    .venv/bin/python bench/import_organizations.py [--rows 36000]

Each import gets a fresh SQLite database in a temporary folder (the issue's
target is SQLite on this machine); DATABASE_URL is never touched.
The last line is one JSON object with the figures.
"""

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings")
django.setup()

from core.reference import GOVERNORATES  # noqa: E402
from registry.demo_vocabulary import NAMES, PURPOSES, STREETS, TOWNS  # noqa: E402
from registry.importer import COLUMNS  # noqa: E402


def generate(path: Path, rows: int, seed: int = 149) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for code, name_ar, name_en in GOVERNORATES:
            writer.writerow(
                [
                    f"F-{code}",
                    "regional_federation",
                    f"الاتحاد الإقليمي ب{name_ar}",
                    f"Regional Federation, {name_en}",
                    code,
                    "",
                    "2003-01-15",
                    "",
                    "active",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        for n in range(rows - len(GOVERNORATES)):
            code = rng.choice(GOVERNORATES)[0]
            town_ar, town_en = rng.choice(TOWNS[code])
            purpose_ar, purpose_en, fields = rng.choice(PURPOSES)
            name_ar, name_en = rng.choice(NAMES)
            bad = rng.random() < 0.01
            writer.writerow(
                [
                    f"{code}-{n:06d}",
                    "association" if rng.random() < 0.8 else "foundation",
                    "" if bad else f"جمعية {name_ar} ل{purpose_ar} ب{town_ar}",
                    f"{name_en} Association for {purpose_en}, {town_en}",
                    code,
                    f"{rng.randint(1, 200)} شارع {rng.choice(STREETS)}، {town_ar}",
                    f"{rng.randint(1970, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    ";".join(fields),
                    "active",
                    f"F-{code}" if rng.random() < 0.6 else "",
                    f"010{rng.randrange(10**8):08d}" if rng.random() < 0.7 else "",
                    f"org{n}@example.org" if rng.random() < 0.5 else "",
                    "",
                ]
            )


# Imports run as in production: with DEBUG off, Django keeps no log of every query.
PRODUCTION_LIKE = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "localhost",
    "SECURE_SSL_REDIRECT": "0",
    # Required by production settings, unused here.
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "FIELD_ENCRYPTION_SALT": "bench-only-salt",
    "NATIONAL_PLATFORM_SECRET": "bench-only-secret",
}


def run_import(csv_path: Path, template_db: Path, work: Path) -> dict:
    database = work / f"{csv_path.stem}.sqlite3"
    shutil.copy(template_db, database)
    env = {**os.environ, **PRODUCTION_LIKE, "DATABASE_URL": f"sqlite:///{database}"}
    command = [
        sys.executable,
        "manage.py",
        "import_organizations",
        str(csv_path),
        "--commit",
        "--show",
        "0",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"import failed:\n{output}")
    summary = next(line for line in output.splitlines() if " rows: " in line)
    return {"seconds": elapsed, "peak_rss_mb": usage.ru_maxrss / 1024, "summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=36_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sanad-bench-"))
    try:
        template_db = work / "template.sqlite3"
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{template_db}"}
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        full, quarter = work / "full.csv", work / "quarter.csv"
        generate(full, args.rows)
        generate(quarter, args.rows // 4)
        print(
            f"generated {args.rows:,} rows ({full.stat().st_size / 1e6:.1f} MB) "
            f"and {args.rows // 4:,} rows"
        )
        small = run_import(quarter, template_db, work)
        big = run_import(full, template_db, work)
        rate = args.rows / big["seconds"]
        print(
            f"{args.rows:,} rows: {big['seconds']:.1f} s, {rate:,.0f} rows/s, "
            f"peak memory {big['peak_rss_mb']:.0f} MB — {big['summary']}"
        )
        print(
            f"{args.rows // 4:,} rows: {small['seconds']:.1f} s, "
            f"peak memory {small['peak_rss_mb']:.0f} MB"
        )
        print(
            f"memory ratio, full file to a quarter of it: "
            f"{big['peak_rss_mb'] / small['peak_rss_mb']:.2f}"
        )
        print(
            json.dumps(
                {
                    "rows": args.rows,
                    "import_seconds": round(big["seconds"], 2),
                    "rows_per_second": round(rate),
                    "peak_rss_mb": round(big["peak_rss_mb"], 1),
                    "quarter_file_peak_rss_mb": round(small["peak_rss_mb"], 1),
                    "memory_ratio_full_to_quarter": round(
                        big["peak_rss_mb"] / small["peak_rss_mb"], 2
                    ),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
