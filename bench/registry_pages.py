"""Benchmark: how fast the public registry pages answer with 36,000 organizations.

Imports the benchmark CSV of bench/import_organizations.py into a fresh SQLite
database (or the empty database named by BENCH_DATABASE_URL, never DATABASE_URL,
so a benchmark cannot fill a real database), then requests each page repeatedly in-process and
prints the median and 95th percentile. The last line is one JSON object.

    .venv/bin/python bench/registry_pages.py [--rows 36000] [--repeat 21]
"""

import argparse
import json
import shutil
import subprocess
import sys

from inprocess import ROOT, fresh_django, time_pages

WORK = fresh_django("sanad-bench-pages-")

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
    # The home page caches its figures: clear it before each request to time the work.
    pages = {name: (client, url) for name, url in PAGES.items()}
    figures |= time_pages(pages, args.repeat, before=cache.clear)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
