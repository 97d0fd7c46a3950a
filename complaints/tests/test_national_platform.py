"""The national complaints platform: signed cases in, ordered updates out, through outages."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Role
from complaints import actions, outbox
from complaints.models import Case, Category, Channel, Delivery, PlatformOutbox, Status
from complaints.national_platform import signed_headers
from core.models import Governorate

ROOT = Path(__file__).resolve().parents[2]
URL = "/integrations/national-platform/cases"
CASE = {
    "reference": "NCP-2026-000123",
    "category": "cash_support",
    "governorate": "02",
    "description": "لم يصرف معاش تكافل وكرامة منذ ثلاثة أشهر",
    "complainant": {
        "name": "منى عبد الرحمن",
        "national_id": "29001010112345",
        "phone": "01001234567",
    },
}


def _post(client, payload, *, secret=None, timestamp=None, raw=None):
    body = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode()
    headers = signed_headers(secret or settings.NATIONAL_PLATFORM_SECRET, body, timestamp)
    return client.post(URL, data=body, content_type="application/json", headers=headers)


@pytest.mark.django_db
class TestInbound:
    def test_a_signed_case_is_received_and_routed(self, client):
        response = _post(client, CASE)
        assert response.status_code == 201
        case = Case.objects.get()
        assert response.json()["tracking_number"] == case.tracking_number
        assert case.channel == Channel.NATIONAL_PLATFORM
        assert case.external_reference == "NCP-2026-000123"
        assert case.queue.code == "directorate-02" and case.phone == "+201001234567"

    def test_a_replay_creates_nothing_new(self, client):
        first = _post(client, CASE).json()
        again = _post(client, CASE)
        assert again.status_code == 200 and again.json()["created"] is False
        assert again.json()["tracking_number"] == first["tracking_number"]
        assert Case.objects.count() == 1

    def test_a_bad_signature_is_refused(self, client):
        response = _post(client, CASE, secret="not-the-secret")
        assert response.status_code == 401 and response.json()["error"] == "bad_signature"
        assert not Case.objects.exists()

    def test_a_request_outside_the_five_minute_window_is_refused(self, client):
        response = _post(client, CASE, timestamp=int(time.time()) - 301)
        assert response.status_code == 401 and response.json()["error"] == "stale"

    def test_an_unsigned_request_is_refused(self, client):
        response = client.post(URL, data=json.dumps(CASE), content_type="application/json")
        assert response.status_code == 401

    def test_bad_fields_are_named(self, client):
        response = _post(
            client,
            {
                **CASE,
                "category": "nope",
                "governorate": "99",
                "complainant": {"national_id": "123"},
            },
        )
        assert response.status_code == 422
        assert {"category", "governorate", "national_id"} <= set(response.json()["fields"])

    def test_a_body_that_is_not_json_is_refused(self, client):
        assert _post(client, None, raw=b"<xml/>").status_code == 400


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def standin(settings, live_server):
    """The stand-in platform as a separate process, pointed at this test's server."""
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603 (our own command)
        [
            sys.executable,
            "manage.py",
            "national_platform_standin",
            "--port",
            str(port),
            "--target",
            live_server.url,
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "sanad.settings"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{url}/received", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    settings.NATIONAL_PLATFORM_URL = url
    yield url
    process.terminate()
    process.wait(timeout=10)


def _control(url, **flags):
    httpx.post(f"{url}/control", json=flags, timeout=5).raise_for_status()


def _drain(rounds=10):
    """Run the worker until nothing is due, moving the clock past every back-off."""
    for _ in range(rounds):
        PlatformOutbox.objects.filter(state=Delivery.PENDING).update(
            next_attempt_at="2000-01-01T00:00Z"
        )
        delivered, failed = outbox.deliver_due()
        if not delivered and not failed:
            return


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_standin_sends_a_signed_case_end_to_end(standin):
    response = httpx.post(f"{standin}/send-case", json=CASE, timeout=10)
    assert response.status_code == 201
    assert Case.objects.get().external_reference == CASE["reference"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_updates_survive_an_outage_and_arrive_once_in_order(standin, make_user):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    httpx.post(f"{standin}/send-case", json=CASE, timeout=10).raise_for_status()
    second = {**CASE, "reference": "NCP-2026-000124", "governorate": "02"}
    httpx.post(f"{standin}/send-case", json=second, timeout=10).raise_for_status()
    _control(standin, refuse=True)
    for case in Case.objects.order_by("pk"):
        actions.assign(case, by=officer, assignee=officer, reason="x")
        actions.change_status(case, Status.IN_PROGRESS, by=officer, reason="بدء الفحص")
        actions.reply(case, "تم صرف المستحقات", by=officer, final=True)
    assert PlatformOutbox.objects.count() == 6

    for _ in range(4):  # the platform is down for a while
        _drain(rounds=1)
    assert httpx.get(f"{standin}/received", timeout=5).json() == []
    assert PlatformOutbox.objects.filter(state=Delivery.PENDING, attempts__gte=2).count() == 2

    _control(standin, refuse=False, lose_answers=True)  # back, but its answers get lost
    _drain(rounds=3)
    _control(standin, lose_answers=False)
    _drain()
    received = httpx.get(f"{standin}/received", timeout=5).json()
    assert len(received) == 6 and len({r["message_id"] for r in received}) == 6
    for reference in (CASE["reference"], second["reference"]):
        statuses = [r["status"] for r in received if r["reference"] == reference]
        assert statuses == ["assigned", "in_progress", "answered"]
    assert not PlatformOutbox.objects.filter(state=Delivery.PENDING).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reconciliation_names_what_differs(standin, make_user, capsys):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    httpx.post(f"{standin}/send-case", json=CASE, timeout=10).raise_for_status()
    case = Case.objects.get()
    actions.assign(case, by=officer, reason="x")
    _drain()
    actions.change_status(case, Status.IN_PROGRESS, by=officer, reason="y")  # not yet sent
    call_command("reconcile_national_platform")
    out = capsys.readouterr().out
    assert "platform says assigned, here in_progress" in out and "1 difference" in out


@pytest.mark.django_db
def test_the_admin_shows_pending_updates_and_retries_them_now(client, make_user, sign_in):
    administrator = make_user(Role.SYSTEM_ADMIN)
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    sign_in(client, administrator)
    submitted = actions.submit_case(
        actions.CaseInput(
            category=Category.objects.get(code="nurseries"),
            governorate=Governorate.objects.get(code="01"),
            description="حضانة غير مرخصة",
            external_reference="NCP-9",
        ),
        channel=Channel.API,
    )
    actions.assign(submitted.case, by=administrator, reason="x")
    PlatformOutbox.objects.update(
        attempts=3, next_attempt_at="2100-01-01T00:00Z", last_error="503 Service Unavailable"
    )
    url = reverse("admin:complaints_platformoutbox_changelist")
    page = client.get(url).content.decode()
    assert "503 Service Unavailable" in page
    message = PlatformOutbox.objects.get()
    client.post(url, {"action": "retry_now", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.next_attempt_at.year < 2100
