"""Benchmark: how fast the public registry pages answer with 36,000 organizations.

Imports the benchmark CSV of bench/import_organizations.py into a fresh SQLite
database (or the empty database named by BENCH_DATABASE_URL, never DATABASE_URL,
so a benchmark cannot fill a real database), then requests each page repeatedly in-process and
prints the median and 95th percentile. The last line is one JSON object.

    .venv/bin/python bench/registry_pages.py [--rows 36000] [--repeat 21]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="sanad-bench-pages-"))
os.environ["SANAD_VAR_DIR"] = str(WORK)
os.environ.pop("DATABASE_URL", None)
if os.environ.get("BENCH_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402
from import_organizations import generate  # noqa: E402

PAGES = {
    "home": "/",
    "registry_first_page": "/registry/",
    "registry_search_alexandria": "/registry/?q=الاسكندريه",
    "registry_search_two_words": "/registry/?q=جمعية+الخير",
    "registry_filtered": "/registry/?governorate=02&kind=association",
    "registry_page_1000": "/registry/?page=1000",
    "registry_english": "/en/registry/?q=hope",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=36_000)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, check=True)  # noqa: S603
    csv_path = WORK / "organizations.csv"
    generate(csv_path, args.rows)
    subprocess.run(  # noqa: S603
        [*manage, "import_organizations", str(csv_path), "--commit", "--show", "0"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    client = Client(HTTP_HOST="127.0.0.1")
    figures = {"organizations": args.rows}
    for name, url in PAGES.items():
        timings = []
        for _ in range(args.repeat):
            cache.clear()  # the home page caches its figures; measure the work
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        timings.sort()
        median = statistics.median(timings)
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"{url:45s} median {median:6.1f} ms   p95 {p95:6.1f} ms")
        figures[f"{name}_median_ms"] = round(median, 1)
        figures[f"{name}_p95_ms"] = round(p95, 1)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
