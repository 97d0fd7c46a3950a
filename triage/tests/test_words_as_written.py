"""The words behind a proposal are shown as the citizen wrote them, not as the model
folded them (``الحضانه`` for ``الحضانة``)."""

from triage.text import as_written, normalize

TEXT = "المشرفة في الحضانة بتضرب الأطفال، وابني رجع عليه كدمات. ana 3ayez a7el"


def test_folded_words_are_shown_in_the_writers_spelling():
    folded = normalize(TEXT).split()
    shown = as_written(folded, TEXT)
    assert "الحضانة" in shown and "الحضانه" not in shown
    assert "الأطفال" in shown and "3ayez" in shown


def test_a_phrase_and_a_cue_inside_a_word_are_shown_as_written():
    assert as_written(["بتضرب الاطفال", "ضرب"], TEXT) == ["بتضرب الأطفال", "بتضرب"]


def test_a_word_not_in_the_text_keeps_its_folded_form():
    assert as_written(["حريق"], TEXT) == ["حريق"]
