import pytest
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import RequestFactory

from core import audit
from core.models import AppendOnlyError, AuditEntry, Governorate

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_entries(make_user):
    officer = make_user()
    cairo = Governorate.objects.get(code="01")
    return [
        audit.record("test.first", actor=officer, obj=cairo, reason="because", ip="10.0.0.1"),
        audit.record("test.second", actor=officer, obj=cairo, data={"n": 2}),
        audit.record("test.third", reason="system job"),
    ]


def _verify_output(capsys):
    call_command("verify_audit_log")
    return capsys.readouterr().out


def test_entries_record_who_what_why_and_from_where(three_entries):
    first = three_entries[0]
    assert first.actor_label and first.action == "test.first"
    assert (first.object_type, first.object_id) == ("core.governorate", "01")
    assert (first.reason, first.ip) == ("because", "10.0.0.1")
    assert three_entries[1].prev_hash == first.entry_hash


def test_an_intact_log_verifies(three_entries, capsys):
    assert "3 entries verified" in _verify_output(capsys)


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_an_edited_entry_is_detected(three_entries):
    _raw("UPDATE core_auditentry SET reason = %s WHERE seq = %s", ["nothing to see", 1])
    with pytest.raises(CommandError, match="tampered"):
        call_command("verify_audit_log")


def test_a_deleted_entry_in_the_middle_is_detected(three_entries):
    _raw("DELETE FROM core_auditentry WHERE seq = %s", [2])
    problems = [str(p) for p in audit.verify_chain()]
    assert any("missing" in p for p in problems)


def test_a_deleted_last_entry_is_detected(three_entries):
    _raw("DELETE FROM core_auditentry WHERE seq = %s", [3])
    with pytest.raises(CommandError):
        call_command("verify_audit_log")


def test_an_entry_cannot_be_changed_or_deleted_through_the_code(three_entries):
    entry = AuditEntry.objects.get(seq=1)
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(seq=1).update(reason="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


def test_the_admin_offers_no_way_to_add_change_or_delete(make_user):
    admin_user = make_user("system_admin")
    admin_user.is_superuser = admin_user.is_staff = True
    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = site._registry[AuditEntry]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
