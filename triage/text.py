"""One form for one word: what the triage models read.

Built on ``core.text.search_key`` (invisible characters, tatweel, diacritics, letter
variants, Arabic-Indic digits, case), then two things people do when they type fast:
letters held down (``ارجوووو`` → ``ارجو``) and Arabic written in Latin letters with
digits for the sounds Latin lacks (``3ayez`` → ``عايز``, ``7aga`` → ``حاجه``).

Arabizi has no standard spelling, so the transliteration is a best guess that aims at the
spelling an Egyptian would write in Arabic letters: digits for their letters, digraphs
first, ``a`` written as alef where it opens a syllable and dropped where it is short,
``e`` dropped inside a word. English words are left as they are: a word with no digit is
read as Arabizi only if it is one of the common ones in ``ARABIZI_WORDS``.
"""

import re

from core.text import search_key

_HELD = re.compile(r"(\w)\1{2,}")  # three or more of the same letter
_LATIN_WORD = re.compile(r"^[a-z0-9]+$")
_HAS_LETTER = re.compile(r"[a-z]")
_CONSONANTS = "bcdfghjklmnpqrstvwxyz2356789"

DIGITS = {"2": "", "3": "ع", "4": "ش", "5": "خ", "6": "ط", "7": "ح", "8": "غ", "9": "ق"}
DIGRAPHS = {"sh": "ش", "ch": "ش", "kh": "خ", "gh": "غ", "th": "ث", "dh": "ذ", "aa": "ا"}
DIGRAPHS |= {"ee": "ي", "ii": "ي", "oo": "و", "ou": "و", "ei": "ي", "ai": "ي"}
LETTERS = {
    "b": "ب", "c": "ك", "d": "د", "f": "ف", "g": "ج", "h": "ه", "j": "ج", "k": "ك",
    "l": "ل", "m": "م", "n": "ن", "p": "ب", "q": "ق", "r": "ر", "s": "س", "t": "ت",
    "v": "ف", "w": "و", "x": "كس", "y": "ي", "z": "ز", "i": "ي", "o": "و", "u": "و",
}  # fmt: skip
# Common Egyptian words in Latin letters, spelled as they are in Arabic letters: the
# rules below would guess some of them wrong, and they carry no digit to be noticed by.
WORDS = {
    "ana": "انا", "enta": "انت", "enty": "انتي", "ehna": "احنا", "howa": "هو", "heya": "هي",
    "homa": "هما", "mesh": "مش", "msh": "مش", "mish": "مش", "ya": "يا", "law": "لو",
    "lw": "لو", "leh": "ليه", "ezay": "ازاي", "fein": "فين", "fen": "فين", "emta": "امتي",
    "keda": "كده", "kda": "كده", "bas": "بس", "wallahi": "والله", "wallah": "والله",
    "ebny": "ابني", "bent": "بنت", "walad": "ولد", "men": "من", "fi": "في", "ala": "علي",
    "lazem": "لازم", "lazm": "لازم", "mafish": "مفيش", "mafeesh": "مفيش", "mafesh": "مفيش",
    "mosa3da": "مساعده", "shakwa": "شكوي", "haram": "حرام", "bydrab": "بيضرب",
    "darb": "ضرب", "maash": "معاش", "sa3ed": "ساعد", "mohem": "مهم", "mohim": "مهم",
}  # fmt: skip
# Little words that Arabic writes joined to the next one (``el dar`` → ``الدار``), with
# what stands alone before it (``fel dar`` → ``في الدار``).
PREFIXES = {"el": ("", "ال"), "il": ("", "ال"), "fel": ("في", "ال"), "bel": ("", "بال")}
PREFIXES |= {"we": ("", "و"), "w": ("", "و"), "wel": ("", "وال"), "lel": ("", "لل")}


ENGLISH = {
    "the", "and", "is", "are", "to", "of", "my", "i", "please", "you", "not", "for", "with",
    "this", "have", "from", "in", "on", "was", "it", "we", "they", "he", "she", "no", "a",
}  # fmt: skip


def _is_arabizi(word: str) -> bool:
    """A Latin-letter word that is Arabic: it mixes letters with digits, or is common."""
    if not _LATIN_WORD.match(word) or not _HAS_LETTER.search(word):
        return False
    return word in WORDS or any(digit in word for digit in DIGITS)


def _transliterate(word: str) -> str:
    out, i = [], 0
    while i < len(word):
        pair, char = word[i : i + 2], word[i]
        following = word[i + 1 : i + 2]
        if pair in DIGRAPHS:
            out.append(DIGRAPHS[pair])
            i += 2
            continue
        if char in DIGITS:
            out.append(DIGITS[char] or ("ا" if i == 0 else ""))
        elif char in "ae":
            if i == 0:
                out.append("ا")
            elif char == "a" and i == len(word) - 1:
                out.append("ه")  # a final -a is most often ta marbuta
            elif char == "a" and following and following in _CONSONANTS and _long(word, i + 1):
                out.append("ا")
        else:
            out.append(LETTERS.get(char, ""))
        i += 1
    return "".join(out)


def _long(word: str, at: int) -> bool:
    """Whether the ``a`` before the consonant at ``at`` is long enough to be written: its
    syllable is open (a vowel follows the consonant) or the word ends there (``m3ash``)."""
    step = 2 if word[at : at + 2] in DIGRAPHS else 1
    after = word[at + step : at + step + 1]
    return after in ("", "a", "e", "i", "o", "u", "y")


def normalize(text: str) -> str:
    """The folded form of ``text`` the models read; safe on any input, never raises."""
    if not text:
        return ""
    folded = _HELD.sub(r"\1", search_key(str(text))).split()
    # A text with more Arabizi than English words is Arabizi throughout, even where a word
    # carries no digit (``mesh wasel`` → ``مش واصل``).
    latin = [w for w in folded if _LATIN_WORD.match(w) and _HAS_LETTER.search(w)]
    arabizi = sum(1 for w in latin if _is_arabizi(w) or w in PREFIXES)
    throughout = arabizi > sum(1 for w in latin if w in ENGLISH)
    words, joined = [], ""
    for word in folded:
        if word in PREFIXES:
            alone, joined = PREFIXES[word]
            if alone:
                words.append(alone)
            continue
        if word in WORDS:
            word = WORDS[word]
        elif _is_arabizi(word) or (
            (throughout or joined) and _LATIN_WORD.match(word) and _HAS_LETTER.search(word)
        ):
            word = _transliterate(word)
        words.append(joined + word if word else joined)
        joined = ""
    return " ".join(w for w in words if w)


_WRITTEN_WORD = re.compile(r"\w+")


def as_written(folded: list[str], original: str) -> list[str]:
    """The folded words (or phrases) of a proposal as the writer spelled them in
    ``original``: ``الحضانه`` shows as ``الحضانة``, ``3ayez`` as ``3ayez``, and a cue found
    inside a word (``ضرب`` in ``بتضرب``) as that word. Anything else keeps its folded form."""
    spelled: dict[str, str] = {}
    for word in _WRITTEN_WORD.findall(original or ""):
        for fold in normalize(word).split():
            spelled.setdefault(fold, word)

    def written(part: str) -> str:
        if part in spelled:
            return spelled[part]
        return next((word for fold, word in spelled.items() if part in fold), part)

    return [" ".join(written(part) for part in phrase.split()) for phrase in folded]
