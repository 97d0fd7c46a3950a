import pytest

from triage.text import normalize


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("مُعَاشٌ", "معاش"),  # diacritics
        ("مـعـاش", "معاش"),  # tatweel
        ("إعاقة أطفال", "اعاقه اطفال"),  # alef forms, ta marbuta
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("ارجوووو", "ارجو"),  # a held-down letter
        ("٢٠٢٥", "2025"),  # Arabic-Indic digits
        ("3ayez 7aga", "عايز حاجه"),  # Arabizi with digits
        ("ana mesh la2ya", "انا مش لايه"),  # Arabizi words without digits, in an Arabizi text
        ("ebny fel dar", "ابني في الدار"),  # little words joined as Arabic writes them
        ("\u200fمعاش\u200e", "معاش"),  # invisible direction marks
    ],
)
def test_one_form_for_one_word(typed, folded):
    assert normalize(typed) == folded


def test_english_stays_english_and_nothing_raises():
    assert normalize("I did not receive my pension") == "i did not receive my pension"
    for strange in ("", "😡😡😡", "12345", "!!!", "ا" * 5000, None):
        assert isinstance(normalize(strange), str)
