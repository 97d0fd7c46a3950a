"""What the in-process benchmarks share: a database of their own, and timing a page.

The database is a fresh SQLite file, or the empty database named by BENCH_DATABASE_URL,
never DATABASE_URL, so that a benchmark cannot fill a real database.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fresh_django(prefix: str) -> Path:
    """Point Django at a database of the benchmark's own, migrate it and set Django up;
    returns the scratch folder (the caller removes it)."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["SANAD_VAR_DIR"] = str(work)
    os.environ.pop("DATABASE_URL", None)
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, check=True)
    return work


def signed_in(user):
    """A test client signed in as ``user``, past the second factor staff must pass."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def time_page(client, url: str, repeat: int, before: Callable | None = None) -> tuple[float, float]:
    """Median and 95th percentile in ms of ``repeat`` requests; any answer but 200 stops."""
    timings = []
    for _ in range(repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        response = client.get(url, secure=True)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def time_pages(pages: dict, repeat: int, before: Callable | None = None) -> dict:
    """Time each named page (``name: (client, url)``), print its median and 95th
    percentile, and return them as ``{name}_median_ms`` and ``{name}_p95_ms``."""
    figures = {}
    width = max(len(name) for name in pages)
    for name, (client, url) in pages.items():
        median, p95 = time_page(client, url, repeat, before=before)
        print(f"{name:{width}s} median {median:7.1f} ms   p95 {p95:7.1f} ms")
        figures[f"{name}_median_ms"] = round(median, 1)
        figures[f"{name}_p95_ms"] = round(p95, 1)
    return figures
