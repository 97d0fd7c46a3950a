"""What the benchmarks that serve Sanad with gunicorn over PostgreSQL share: the
production-like settings, a fresh database, the server itself, the server's CPU time,
and concurrent clients in a closed or an open loop with their latency percentiles.

A benchmark sets ``DATABASE`` (BENCH_DATABASE_URL, or its own default) before it
starts; its own database is dropped and made again each run.
"""

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVER = "http://127.0.0.1:8099"


def environment(default_database: str, prefix: str) -> dict:
    """The settings of a production server, on the benchmark's own database."""
    database = os.environ.get("BENCH_DATABASE_URL", default_database)
    return {
        **os.environ,
        "DATABASE_URL": database,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "FIELD_ENCRYPTION_SALT": "bench-only-salt",
        "NATIONAL_PLATFORM_SECRET": "bench-only-secret",
        "PUBLIC_FORM_RATE": "100000000/h",
        "API_RATE": "100000000/minute",
        "SIGN_IN_RATE": "100000000/h",
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_SETTINGS_MODULE": "sanad.settings",
        "SANAD_VAR_DIR": tempfile.mkdtemp(prefix=prefix),
    }


def manage(env: dict, *args: str) -> str:
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def psql(sql: str, database: str = "postgres") -> None:
    subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qc", sql],  # noqa: S607
        check=True,
        capture_output=True,
    )


def database_name(env: dict) -> str:
    return env["DATABASE_URL"].rsplit("/", 1)[-1]


def fresh_database(env: dict) -> None:
    """Drop and make the benchmark's database, migrate it and collect the static files."""
    psql(f"DROP DATABASE IF EXISTS {database_name(env)} WITH (FORCE)")
    psql(f"CREATE DATABASE {database_name(env)}")
    manage(env, "migrate", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


def start_server(env: dict, application: str, probe: str) -> subprocess.Popen:
    """gunicorn with four workers of two threads, once ``probe`` answers."""
    process = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            application,
            "--bind",
            SERVER.removeprefix("http://"),
            "--workers",
            "4",
            "--threads",
            "2",
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            httpx.get(f"{SERVER}{probe}", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def server_cpu_ticks() -> dict[int, int]:
    """CPU ticks used so far by each gunicorn and PostgreSQL process."""
    ticks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if name.startswith(("postgres", "gunicorn")) or "gunicorn" in _cmdline(stat.parent):
            values = fields[1].split()
            ticks[int(stat.parent.name)] = int(values[11]) + int(values[12])  # utime, stime
    return ticks


def server_cpu_seconds_since(before: dict[int, int]) -> float:
    """Per process, so that one ending (a database connection closed) subtracts nothing."""
    after = server_cpu_ticks()
    used = sum(ticks - before.get(pid, 0) for pid, ticks in after.items())
    return used / os.sysconf("SC_CLK_TCK")


def _cmdline(proc: Path) -> str:
    try:
        return (proc / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def percentiles(latencies: list[float]) -> dict:
    ordered = sorted(latencies)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000, 1)

    return {
        "p50_ms": at(0.50),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "median_ms": round(statistics.median(ordered) * 1000, 1),
    }


async def _succeeded(make_request, client) -> bool:
    """One request; a refused or dropped connection counts as an error, not a crash."""
    try:
        response = await make_request(client)
    except httpx.TransportError:
        return False
    return response.status_code < 400


async def closed_loop(make_request, clients: int, seconds: float) -> dict:
    """``clients`` callers, each sending its next request when the last one answers."""
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=SERVER, limits=limits, timeout=30) as client:

        async def caller():
            nonlocal errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                if not await _succeeded(make_request, client):
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(caller() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {
        "per_second": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "errors": errors,
        **percentiles(latencies),
    }


async def open_loop(make_request, rate: float, seconds: float) -> dict:
    """Requests started at a steady ``rate`` whatever the answers do: latency under load."""
    latencies, errors, tasks = [], 0, []
    async with httpx.AsyncClient(
        base_url=SERVER, timeout=30, limits=httpx.Limits(max_connections=200)
    ) as client:

        async def one():
            nonlocal errors
            started = time.perf_counter()
            if not await _succeeded(make_request, client):
                errors += 1
            latencies.append(time.perf_counter() - started)

        start = time.perf_counter()
        for n in range(int(rate * seconds)):
            delay = start + n / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one()))
        await asyncio.gather(*tasks)
    return {
        "rate_per_second": round(rate, 1),
        "requests": len(latencies),
        "errors": errors,
        **percentiles(latencies),
    }
