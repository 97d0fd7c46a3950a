from hypothesis import given
from hypothesis import strategies as st

from core.text import clean_text, only_digits, search_key

# NFKD can expand one character into at most 18 (U+FDFA); casefold at most 3.
MAX_GROWTH = 18 * 3


@given(st.text())
def test_cleaning_twice_changes_nothing_more(text):
    assert clean_text(clean_text(text)) == clean_text(text)


@given(st.text())
def test_a_search_key_of_a_search_key_is_itself(text):
    assert search_key(search_key(text)) == search_key(text)


@given(st.text())
def test_normalization_never_grows_unbounded(text):
    assert len(clean_text(text)) <= 3 * len(text)
    assert len(search_key(text)) <= MAX_GROWTH * len(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])))
def test_normalization_handles_every_character(text):
    clean_text(text)
    search_key(text)
    only_digits(text)


def test_cleaning_strips_what_cannot_be_seen_but_keeps_the_words():
    typed = "\u200fجمعـــية\u200d  الخير\u202e ٣٤ \ufeff"
    assert clean_text(typed) == "جمعية الخير 34"


def test_cleaning_keeps_diacritics_and_line_breaks():
    assert clean_text("مُسْتَشْفَى\r\nالنور") == "مُسْتَشْفَى\nالنور"


def test_eastern_arabic_indic_digits_become_ascii():
    assert clean_text("۱۲۳ و ١٢٣") == "123 و 123"


def test_alexandria_is_one_key_however_it_is_spelled():
    spellings = ["الإسكندرية", "الاسكندريه", "الأسكندرية", "الإسْكَنْدَرِيَّة", "الاسكـندرية"]
    assert {search_key(spelling) for spelling in spellings} == {"الاسكندريه"}


def test_alef_maqsura_and_ya_match():
    assert search_key("مستشفى") == search_key("مستشفي")


def test_english_folds_case_and_accents():
    assert search_key("Café  HOPE-Association") == "cafe hope association"


def test_only_digits_drops_spaces_and_dashes_of_any_kind():
    assert only_digits("٢٩٠ ٠١-٠١ ‐ 01234567") == "2900101" + "01234567"
