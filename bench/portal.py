"""Benchmark: the public website's weight, and its speed under load.

In one run it:
1. makes its own PostgreSQL database (BENCH_DATABASE_URL, default sanad_bench_portal on
   127.0.0.1), imports the registry benchmark's organizations (36,000 by default) and
   publishes news items and events;
2. prints for each public page what a visitor downloads before images (the HTML, its
   stylesheets and scripts, uncompressed: an upper bound; the budget is 150 KB);
3. serves Sanad with gunicorn (four workers of two threads, production settings, the
   Redis cache) and measures the home page, the search and a service page as visitors
   meet them (kept whole for a minute), and the home page and the search with a new
   address each time (never from the cache): each page's most requests per second with
   concurrent clients on this machine, then p50/p95/p99 with requests arriving at half
   that rate.

    .venv/bin/python bench/portal.py [--rows 36000] [--clients 8] [--seconds 10]

The last line is one JSON object of the figures.
"""

import argparse
import asyncio
import itertools
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from served import ROOT, closed_loop, environment, fresh_database, open_loop, start_server

ENV = environment("postgres://postgres@127.0.0.1:5432/sanad_bench_portal", "sanad-bench-portal-")
WEIGHED = {
    "home": "/",
    "services": "/services/",
    "service": "/services/takaful-karama/",
    "guide": "/services/guide/?audience=family&situations=elderly",
    "search": "/search/?q=اعاقه",
    "news": "/news/",
    "events": "/events/",
    "open_registers": "/open/",
    "registry": "/registry/",
    "complaint_form": "/complaints/new/",
    "complaint_tracking": "/complaints/track/",
    "licence_check": "/care/",
    "results": "/impact/",
    "fund_awards": "/fund/awards/",
    "sign_up": "/accounts/sign-up/",
    "home_english": "/en/",
}
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="/static/([^"]+)"')
BUDGET_KB = 150
SCRATCH = [ENV["SANAD_VAR_DIR"]]  # folders removed at the end
SEARCHES = ("اعاقه", "حضانه", "تكافل وكرامه", "disability", "جمعيه الاسكندريه")


def transferred(client, url: str) -> int:
    """Bytes of the page and of the stylesheets and scripts it loads."""
    from django.contrib.staticfiles import finders

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


def prepare(rows: int) -> None:
    """The database with the register and the published pieces, set up in this process."""
    fresh_database(ENV)
    os.environ["BENCH_DATABASE_URL"] = ENV["DATABASE_URL"]
    from inprocess import fresh_django

    SCRATCH.append(fresh_django("sanad-bench-portal-pages-"))
    from import_organizations import generate

    csv_path = Path(ENV["SANAD_VAR_DIR"]) / "organizations.csv"  # removed with its report
    generate(csv_path, rows)
    command = [sys.executable, "manage.py", "import_organizations", str(csv_path)]
    subprocess.run(  # noqa: S603 (our own command, on the file just generated)
        [*command, "--commit", "--show", "0"], cwd=ROOT, env=ENV, check=True
    )
    publish_pieces()


def publish_pieces(news: int = 300, events: int = 30) -> None:
    from django.utils import timezone

    from portal.models import Event, NewsItem, State

    now = timezone.now()
    NewsItem.objects.bulk_create(
        NewsItem(
            kind="news" if n % 3 else "activity",
            title_ar=f"خبر رقم {n} عن خدمات الأشخاص ذوي الإعاقة والحضانات",
            title_en=f"News {n} on disability services and nurseries",
            summary_ar="ملخص قصير للخبر يظهر في القوائم.",
            summary_en="A short summary shown in the lists.",
            search_text=f"خبر رقم {n} عن خدمات الاشخاص ذوي الاعاقه والحضانات",
            state=State.APPROVED,
            publish_at=now - timedelta(hours=n),
        )
        for n in range(news)
    )
    Event.objects.bulk_create(
        Event(
            title_ar=f"فعالية رقم {n}",
            title_en=f"Event {n}",
            place_ar="مديرية التضامن الاجتماعي",
            search_text=f"فعاليه رقم {n}",
            starts_at=now + timedelta(days=n - events // 2),
            state=State.APPROVED,
        )
        for n in range(events)
    )


def weigh() -> dict:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    figures, heaviest = {}, 0
    for name, url in WEIGHED.items():
        kilobytes = transferred(client, url) / 1024
        heaviest = max(heaviest, kilobytes)
        flag = "" if kilobytes <= BUDGET_KB else "  OVER BUDGET"
        print(f"{name:20s} {kilobytes:6.1f} KB before images{flag}")
        figures[f"{name}_kb"] = round(kilobytes, 1)
    figures["heaviest_page_kb"] = round(heaviest, 1)
    return figures


def under_load(clients: int, seconds: float) -> dict:
    """Each page's capacity (``clients`` callers in a closed loop), then its latency when
    requests arrive at half that rate, whatever the answers do: the server's time under a
    load it can carry, without the queue a saturated closed loop builds itself."""
    fresh = itertools.count()
    searches = itertools.cycle(SEARCHES)
    pages = {
        "home": lambda: "/",
        "search": lambda: f"/search/?q={next(searches)}",
        "service": lambda: "/services/takaful-karama/",
        # A new address each time: the page is made afresh, as on a cache's first visit.
        "home_uncached": lambda: f"/?visit={next(fresh)}",
        "search_uncached": lambda: f"/search/?q={next(searches)}&visit={next(fresh)}",
    }
    figures = {}
    for name, address in pages.items():

        async def request(client, address=address):
            return await client.get(address())

        asyncio.run(closed_loop(request, clients, 2))  # warm every worker up
        capacity = asyncio.run(closed_loop(request, clients, seconds))
        loaded = asyncio.run(open_loop(request, capacity["per_second"] / 2, seconds))
        print(
            f"{name:16s} at most {capacity['per_second']:7.1f}/s (p95 {capacity['p95_ms']} ms "
            f"with {clients} clients); at {loaded['rate_per_second']:.0f}/s: "
            f"p50 {loaded['p50_ms']} ms  p95 {loaded['p95_ms']} ms  p99 {loaded['p99_ms']} ms"
        )
        errors = capacity["errors"] + loaded["errors"]
        if errors:
            raise SystemExit(f"{name} had {errors} errors")
        figures[f"{name}_max_per_second"] = capacity["per_second"]
        figures[f"{name}_saturated_p95_ms"] = capacity["p95_ms"]
        figures[f"{name}_at_half_load_per_second"] = loaded["rate_per_second"]
        for metric in ("p50_ms", "p95_ms", "p99_ms"):
            figures[f"{name}_{metric}"] = loaded[metric]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=36_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    prepare(args.rows)
    from registry.models import Organization

    figures = {"organizations": Organization.objects.count()}
    figures |= weigh()
    server = start_server(ENV, "sanad.wsgi:application", "/services/")
    try:
        figures |= under_load(args.clients, args.seconds)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        for folder in SCRATCH:
            shutil.rmtree(folder, ignore_errors=True)
