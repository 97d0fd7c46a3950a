import pytest

from complaints import actions
from complaints.models import Category, Channel
from core.models import Governorate


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
        return actions.submit_case(data, channel=Channel.WEB).case

    return make
