"""Shared test fixtures: real users, organizations and sign-ins, built with the real code."""

import itertools

import pytest
from django.core.cache import cache
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from core import memo
from registry.models import Membership, Organization, OrganizationKind

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _arabic_by_default():
    """Each test starts in Sanad's default language, whatever the last one activated."""
    translation.activate("ar")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files of a test go to its own folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache, reference data in each process; each test
    starts with neither."""
    cache.clear()
    memo.forget_all()


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """Text messages land in a list the test can read, as e-mail lands in mail.outbox."""
    from core.notifications import MemorySMSBackend

    settings.SMS_BACKEND = "core.notifications.MemorySMSBackend"
    MemorySMSBackend.outbox = []
    MemorySMSBackend.down = False
    return MemorySMSBackend.outbox


@pytest.fixture(autouse=True)
def _background_tasks_run_at_once(settings):
    """Tasks run as they are queued, so a test sees their effect; the tests of the worker
    itself put the database backend back."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _triage_only_proposes(settings):
    """Cases the triage reads keep the category they were filed with unless a test lowers
    this to see proposals applied (the seed model's confidence depends on its training;
    a test of routing should not). Possibly critical cases are still marked critical."""
    settings.TRIAGE_CONFIDENCE = 1.01


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing costs a second per user; tests check behaviour, not key stretching."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    def make(role=Role.CITIZEN, *, governorate=None, username=None, password="a-long-test-pass"):
        username = username or f"{role}-{next(_numbers)}"
        user = User.objects.create_user(
            username=username,
            password=password,
            email=f"{username}@example.org",
            role=role,
            governorate_id=governorate,
        )
        return user

    return make


@pytest.fixture
def make_organization(db):
    def make(
        name_ar="جمعية الخير", *, governorate="01", kind=OrganizationKind.ASSOCIATION, **extra
    ):
        return Organization.objects.create(
            registration_number=extra.pop("registration_number", f"T-{next(_numbers):05d}"),
            name_ar=name_ar,
            governorate_id=governorate,
            kind=kind,
            **extra,
        )

    return make


@pytest.fixture
def make_member(make_user):
    def make(organization, role="administrator"):
        user = make_user(Role.ORGANIZATION_MEMBER)
        Membership.objects.create(user=user, organization=organization, role=role)
        return user

    return make


@pytest.fixture
def sign_in():
    """Sign ``user`` in on ``client``; staff also pass the second factor, as they must."""

    def do(client, user):
        client.force_login(user)
        if user.needs_second_factor:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        return client

    return do


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium per test process, for the tests that use Sanad as a person
    does (journeys/browser.py)."""
    from journeys.browser import close_browser, new_browser

    driver = new_browser()
    yield driver
    close_browser(driver)


@pytest.fixture
def signed_in_browser(browser, live_server, client, sign_in):
    """Give the browser the session of ``user``, second factor passed (the sign-in pages
    themselves are walked by journeys/test_officer.py)."""

    def do(user):
        sign_in(client, user)
        browser.get(live_server.url + "/")
        browser.delete_all_cookies()
        browser.add_cookie({"name": "sessionid", "value": client.cookies["sessionid"].value})
        return browser

    yield do
    browser.delete_all_cookies()
