"""Benchmark: complaint intake, tracking and the staff pages under gunicorn and PostgreSQL.

In one run it:
1. creates an empty PostgreSQL database (BENCH_DATABASE_URL, default sanad_bench on
   127.0.0.1), migrates it, and starts gunicorn with production-like settings;
2. measures, with concurrent clients on this machine, creates per second and p50/p95/p99
   latency for API intake, web-form intake, the tracking page, and a bare Django view
   that inserts one row (the ceiling), in interleaved rounds (median round reported),
   with the server's CPU time per request (gunicorn and PostgreSQL, from /proc);
3. replays API intake at half the measured maximum rate and reports its latency;
4. seeds 2,000,000 cases and measures the workbench queue and the statistics page.

    .venv/bin/python bench/complaints.py [--seconds 10] [--rounds 3] [--clients 16]
                                         [--cases 2000000]

The last line is one JSON object of the figures.
"""

import argparse
import asyncio
import json
import logging
import os
import secrets
import signal
import sys
import time

import httpx
from served import (
    ROOT,
    SERVER,
    closed_loop,
    database_name,
    environment,
    open_loop,
    psql,
    server_cpu_seconds_since,
    server_cpu_ticks,
    start_server,
)
from served import fresh_database as fresh_served_database
from served import manage as manage_in

ENV = environment("postgres://postgres@127.0.0.1:5432/sanad_bench", "sanad-bench-complaints-")
CASE = {
    "category": "cash_support",
    "governorate": "02",
    "description": "لم يصرف معاش تكافل وكرامة منذ ثلاثة أشهر رغم سلامة البطاقة",
    "complainant_name": "منى عبد الرحمن",
    "national_id": "29001010112345",
    "phone": "01001234567",
}


def manage(*args: str) -> str:
    return manage_in(ENV, *args)


def fresh_database() -> None:
    fresh_served_database(ENV)
    psql(
        "CREATE TABLE bench_ceiling (id bigserial PRIMARY KEY, at timestamptz DEFAULT now(), "
        "body text)",
        database_name(ENV),
    )


def api_key() -> str:
    return manage("open311_key", "bench").strip().splitlines()[-1]


def csrf_pair() -> tuple[str, str]:
    """A CSRF cookie and token for the web forms (the cookie is Secure: sent by hand)."""
    response = httpx.get(f"{SERVER}/complaints/new/")
    cookie = (
        response.cookies.get("csrftoken")
        or response.headers["set-cookie"].split("csrftoken=")[1].split(";")[0]
    )
    token = response.text.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    return cookie, token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--cases", type=int, default=2_000_000)
    args = parser.parse_args()
    fresh_database()
    key = api_key()
    server = start_server(ENV, "bench.ceiling_wsgi:application", "/open311/v2/services.json")
    figures = {}
    try:
        figures.update(run_intake(key, args))
        figures.update(run_seeded_pages(args))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(json.dumps(figures, ensure_ascii=False))


def run_intake(key: str, args) -> dict:
    headers = {"Authorization": f"Api-Key {key}"}
    cookie, token = csrf_pair()
    form_headers = {
        "Cookie": f"csrftoken={cookie}",
        "X-CSRFToken": token,
        "Referer": f"{SERVER}/complaints/new/",
    }

    async def ceiling(client):
        return await client.post("/bench/ceiling", content=CASE["description"].encode())

    async def api(client):
        return await client.post("/api/v1/cases/", json=CASE, headers=headers)

    async def web(client):
        form = {
            **CASE,
            "kind": "complaint",
            "complainant_type": "citizen",
            "contact_channel": "sms",
            "submission_key": secrets.token_urlsafe(16),
            "csrfmiddlewaretoken": token,
        }
        return await client.post("/complaints/new/", data=form, headers=form_headers)

    # Rounds interleave the three so that a slow moment of the machine (a checkpoint,
    # autovacuum) falls on all of them; each figure is the median round's.
    kinds = {"ceiling": ceiling, "api_intake": api, "web_intake": web}
    rounds = {name: [] for name in kinds}
    for request in kinds.values():
        asyncio.run(closed_loop(request, args.clients, 2))  # warm every worker up
    for number in range(args.rounds):
        for name, request in kinds.items():
            cpu_before = server_cpu_ticks()
            result = asyncio.run(closed_loop(request, args.clients, args.seconds))
            used = server_cpu_seconds_since(cpu_before)
            result["server_cpu_ms_per_request"] = round(used * 1000 / result["requests"], 2)
            rounds[name].append(result)
            print(
                f"round {number + 1} {name:12s} {result['per_second']:8.1f}/s  "
                f"p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms  p99 {result['p99_ms']} ms"
                f"  server CPU {result['server_cpu_ms_per_request']} ms/request"
                f"  errors {result['errors']}"
            )
    results = {
        name: sorted(runs, key=lambda r: r["per_second"])[len(runs) // 2]
        for name, runs in rounds.items()
    }
    for name, result in results.items():
        print(
            f"{name:12s} {result['per_second']:8.1f}/s  p50 {result['p50_ms']} ms  "
            f"p95 {result['p95_ms']} ms  p99 {result['p99_ms']} ms  "
            f"server CPU {result['server_cpu_ms_per_request']} ms/request (median round)"
        )

    created = [
        httpx.post(f"{SERVER}/api/v1/cases/", json=CASE, headers=headers).json() for _ in range(50)
    ]

    async def track(client):
        case = created[secrets.randbelow(len(created))]
        data = {
            "number": case["tracking_number"],
            "token": case["token"],
            "csrfmiddlewaretoken": token,
        }
        return await client.post("/complaints/track/", data=data, headers=form_headers)

    results["tracking_page"] = asyncio.run(closed_loop(track, args.clients, args.seconds))
    print(
        f"tracking     {results['tracking_page']['per_second']:8.1f}/s  "
        f"p99 {results['tracking_page']['p99_ms']} ms"
    )
    half = results["api_intake"]["per_second"] / 2
    results["api_intake_at_half_load"] = asyncio.run(open_loop(api, half, args.seconds))
    print(
        f"API intake at {half:.0f}/s (half the maximum): "
        f"p99 {results['api_intake_at_half_load']['p99_ms']} ms"
    )
    ratio = results["api_intake"]["per_second"] / results["ceiling"]["per_second"]
    web_ratio = results["web_intake"]["per_second"] / results["ceiling"]["per_second"]
    print(f"intake / ceiling throughput: API {ratio:.2f}, web {web_ratio:.2f} (target ≥ 0.5)")
    flat = {}
    for name, result in results.items():
        for metric, value in result.items():
            if metric.endswith(("_ms", "per_second", "_per_request")):
                flat[f"{name}_{metric}"] = value
    flat["api_intake_to_ceiling_ratio"] = round(ratio, 2)
    flat["web_intake_to_ceiling_ratio"] = round(web_ratio, 2)
    return flat


# Seeded numbers start with 0, which real tracking numbers never do: no collisions.
SEED_SQL = """
INSERT INTO complaints_case (
  tracking_number, token_digest, kind, category_id, description, governorate_id,
  complainant_type, preferred_language, contact_channel, protect_identity,
  national_id_digest, channel, status, urgency, queue_id, received_at,
  resolution_due, first_response_due, escalation_level, answer_working_hours,
  answered_on_time, answered_at)
SELECT
  lpad(n::text, 9, '0'), md5(n::text), 'complaint',
  (SELECT id FROM complaints_category ORDER BY id OFFSET n %% 12 LIMIT 1),
  'حالة للقياس رقم ' || n, g.code, 'citizen', 'ar', 'none', false, '',
  (ARRAY['web','api','open311','national_platform','staff'])[1 + n %% 5],
  (ARRAY['received','assigned','in_progress','answered','closed','closed','closed'])[1 + n %% 7],
  (ARRAY['normal','normal','high','critical'])[1 + n %% 4],
  q.id, now() - (n %% 365) * interval '1 day' - (n %% 24) * interval '1 hour',
  now() + ((n %% 20) - 5) * interval '1 day', now(), 0,
  CASE WHEN n %% 7 >= 3 THEN n %% 90 END, CASE WHEN n %% 7 >= 3 THEN n %% 5 <> 0 END,
  CASE WHEN n %% 7 >= 3 THEN now() - (n %% 300) * interval '1 day' END
FROM generate_series(%(start)s, %(stop)s) AS n
JOIN core_governorate g ON g.code = (SELECT code FROM core_governorate ORDER BY code
                                      OFFSET n %% 27 LIMIT 1)
JOIN complaints_queue q ON q.governorate_id = g.code
"""


def run_seeded_pages(args) -> dict:
    import django

    os.environ.update(
        {
            k: v
            for k, v in ENV.items()
            if k not in os.environ
            or k
            in (
                "DATABASE_URL",
                "DEBUG",
                "SECRET_KEY",
                "ALLOWED_HOSTS",
                "REDIS_URL",
                "FIELD_ENCRYPTION_SALT",
                "NATIONAL_PLATFORM_SECRET",
                "SECURE_SSL_REDIRECT",
            )
        }
    )
    sys.path.insert(0, str(ROOT))
    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from django.db import connection
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import Role, User

    started = time.perf_counter()
    step = 250_000
    with connection.cursor() as cursor:
        for start in range(1, args.cases + 1, step):
            cursor.execute(SEED_SQL % {"start": start, "stop": min(start + step - 1, args.cases)})
        cursor.execute("ANALYZE complaints_case")
    seeded = time.perf_counter() - started
    print(f"seeded {args.cases:,} cases in {seeded:.0f} s")

    officer = User.objects.create_user(
        "bench-officer", role=Role.DIRECTORATE_OFFICER, governorate_id="02"
    )
    device = TOTPDevice.objects.create(user=officer, name="bench", confirmed=True)
    session_client = Client()
    session_client.force_login(officer)
    session = session_client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    cookie = {"Cookie": f"sessionid={session.session_key}"}

    async def workbench(client):
        return await client.get("/complaints/work/", headers=cookie)

    async def statistics_page(client):
        return await client.get("/complaints/statistics/")

    httpx.get(f"{SERVER}/complaints/statistics/", timeout=600)  # computes and stores once
    results = {}
    for name, request in (("workbench_queue", workbench), ("statistics_page", statistics_page)):
        result = asyncio.run(closed_loop(request, 4, args.seconds))
        print(
            f"{name:16s} with {args.cases:,} cases: p50 {result['p50_ms']} ms  "
            f"p95 {result['p95_ms']} ms  errors {result['errors']}"
        )
        results[f"{name}_p50_ms"] = result["p50_ms"]
        results[f"{name}_p95_ms"] = result["p95_ms"]
    results["seeded_cases"] = args.cases
    results["seed_seconds"] = round(seeded, 1)
    return results


if __name__ == "__main__":
    main()
