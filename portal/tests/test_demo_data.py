import pytest
from django.core.management import call_command

from accounts.models import Role, User
from core.audit import verify_chain
from fund.models import Grant
from registry.models import Organization

pytestmark = pytest.mark.django_db


def test_the_demo_covers_every_governorate_and_every_role_and_can_run_twice(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert Organization.objects.count() >= 300
    assert Organization.objects.values("governorate").distinct().count() == 27
    assert set(User.objects.values_list("role", flat=True)) == set(Role)
    assert Organization.objects.filter(name_ar__contains="الإسكندرية").exists()
    assert not Organization.objects.filter(name_en="").exists()
    assert "sanad-demo-2026" in out and "officer_alex" in out
    assert not list(verify_chain())
    awarded = Grant.objects.values("application__organization__governorate").distinct()
    assert awarded.count() == 5  # the fund's public page has places to compare


def test_the_demo_gives_each_role_something_to_do():
    from care.models import Inspection
    from complaints.models import Case
    from training.models import Certificate, Cohort, TargetGroup

    call_command("seed_demo")
    inspector = User.objects.get(username="inspector")
    waiting = Inspection.objects.filter(inspector=inspector, done_at=None)
    assert waiting.filter(facility__kind="nursery").exists()  # a nursery to inspect
    assert Certificate.objects.exists()  # a closed cohort's certificates
    staff_cohorts = [
        c
        for c in Cohort.objects.filter(closed_at=None)
        if TargetGroup.ASSOCIATION_STAFF in c.course.target_groups
    ]
    assert staff_cohorts  # the association can enrol its staff
    editor = User.objects.get(username="editor")
    assert editor.role == Role.EDITOR and not Case.objects.for_user(editor).exists()
