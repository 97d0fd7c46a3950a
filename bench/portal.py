"""Benchmark: the public website's weight and speed.

Imports the registry benchmark's organizations (36,000 by default) into a fresh SQLite
database (or the empty database named by BENCH_DATABASE_URL, never DATABASE_URL), then for
each public page prints what a visitor downloads before images (the HTML, its stylesheets
and scripts, uncompressed: an upper bound; the budget is 150 KB), and times the home,
search and service pages in process (median and 95th percentile). The last line is one
JSON object.

    .venv/bin/python bench/portal.py [--rows 36000] [--repeat 30]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys

from inprocess import ROOT, fresh_django, time_pages

WORK = fresh_django("sanad-bench-portal-")

from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from import_organizations import generate  # noqa: E402

from registry.models import Organization  # noqa: E402

WEIGHED = {
    "home": "/",
    "services": "/services/",
    "service": "/services/takaful-karama/",
    "guide": "/services/guide/?audience=family&situations=elderly",
    "search": "/search/?q=اعاقه",
    "open_registers": "/open/",
    "registry": "/registry/",
    "complaint_form": "/complaints/new/",
    "complaint_tracking": "/complaints/track/",
    "licence_check": "/care/",
    "results": "/impact/",
    "fund_awards": "/fund/awards/",
    "home_english": "/en/",
}
TIMED = ("home", "search", "service", "services", "guide")
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="/static/([^"]+)"')
BUDGET_KB = 150


def transferred(client, url: str) -> int:
    """Bytes of the page and of the stylesheets and scripts it loads."""
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    html = response.content.decode()
    size = len(response.content)
    for asset in ASSET.findall(html):
        path = finders.find(asset)
        if path:
            with open(path, "rb") as file:
                size += len(file.read())
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=36_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    csv_path = WORK / "organizations.csv"
    generate(csv_path, args.rows)
    subprocess.run(  # noqa: S603 (our own command, on the file just generated)
        [
            sys.executable,
            "manage.py",
            "import_organizations",
            str(csv_path),
            "--commit",
            "--show",
            "0",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    client = Client(HTTP_HOST="127.0.0.1")
    figures = {"organizations": Organization.objects.count()}
    heaviest = 0
    for name, url in WEIGHED.items():
        kilobytes = transferred(client, url) / 1024
        heaviest = max(heaviest, kilobytes)
        flag = "" if kilobytes <= BUDGET_KB else "  OVER BUDGET"
        print(f"{name:20s} {kilobytes:6.1f} KB before images{flag}")
        figures[f"{name}_kb"] = round(kilobytes, 1)
    figures["heaviest_page_kb"] = round(heaviest, 1)
    figures |= time_pages({name: (client, WEIGHED[name]) for name in TIMED}, args.repeat)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
