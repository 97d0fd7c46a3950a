import pytest

from complaints import actions
from complaints.models import Category, Channel
from core.models import Governorate


@pytest.fixture
def new_case(db):
    def make(category="cash_support", governorate="02", **extra):
        data = actions.CaseInput(
            category=Category.objects.get(code=category),
            description=extra.pop("description", "لم يصرف الدعم النقدي منذ ثلاثة أشهر"),
            governorate=Governorate.objects.get(code=governorate),
            complainant_name=extra.pop("complainant_name", "منى عبد الرحمن"),
            national_id=extra.pop("national_id", "29001010112345"),
            phone=extra.pop("phone", "+201001234567"),
            **extra,
        )
        return actions.submit_case(data, channel=Channel.WEB)

    return make
