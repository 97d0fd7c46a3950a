import pytest

from complaints import actions
from complaints.models import Category, Channel
from core.models import Governorate
from triage import intake


@pytest.fixture
def file_case(db):
    """File a case through the real intake, as the web form does."""

    def make(description, *, category="outside_mandate", governorate="02", **extra):
        data = actions.CaseInput(
            category=Category.objects.get(code=category),
            description=description,
            governorate=Governorate.objects.get(code=governorate),
            **extra,
        )
        case = actions.submit_case(data, channel=Channel.WEB).case
        intake.triage_waiting()  # what the worker does a few seconds later
        case.refresh_from_db()
        return case

    return make
