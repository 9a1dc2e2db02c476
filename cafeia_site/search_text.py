"""Words written in their many ways, brought to one form for search (pure functions, no Django).

Readers type `طلبة`, `الطلبة` or `الطُّلبة`, `رباط` or `الرباط`, `إفران` or `افران`, `médiathèques` or
`mediatheques`; pages hold any of them. `normalise()` is applied to the query and to the indexed text alike, so
that every spelling meets every other:
- Arabic: diacritics (tashkeel) and tatweel go, alef variants become ا, alef maqsura ى and Persian ی become ي,
  ta marbuta ة becomes ه (often typed so), Arabic-Indic digits become Western ones (the site writes Western
  digits), and the definite article is taken off a word: ال, and وال بال فال كال, and لل (ل + ال), only when
  enough of the word is left (`بالغ` and `والد` keep their letters). Alef variants are unified first, because
  the hamza is often left out: `ألمانيا` and `المانيا` both become `مانيا`, a harmless conflation since both
  sides of the search go the same way.
- Latin: accents go (é → e, œ → oe), as SQLite's FTS5 already does and PostgreSQL's French configuration does
  not; case is left to the search backend.
- Everything: NFKC (ligatures, presentation forms, decomposed accents typed by some keyboards).
"""
import re
import unicodedata

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks; tatweel.
_MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
_MARKS = re.compile(f"[{_MARK_CHARS}]")
_LATIN_ACCENTS = re.compile("[\u0300-\u036f]")  # combining diacritical marks, once NFKD has taken them apart
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ک": "ك",
    "ة": "ه",
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE",
    **{chr(0x0660 + n): str(n) for n in range(10)},  # ٠١٢…
    **{chr(0x06F0 + n): str(n) for n in range(10)},  # ۰۱۲… (Persian forms)
})
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# A prefix and the shortest rest that keeps it an article: بال + غ is the word بالغ, not "the غ".
_ARTICLES = (("وال", 3), ("بال", 3), ("فال", 3), ("كال", 3), ("لل", 3), ("ال", 2))
WORD = re.compile(r"\w+")
# A word as typed, its diacritics included (\w alone would cut `الرِّباط` in two).
TYPED_WORD = re.compile(f"[\\w{_MARK_CHARS}]+")


def _without_article(word: str) -> str:
    for prefix, shortest_rest in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest_rest:
            return word[len(prefix):]
    return word


def _normal_word(match: re.Match) -> str:
    word = match.group()
    return _without_article(word) if ARABIC_LETTER.match(word) else word


def normalise(text: str) -> str:
    """`text` brought to the one form search compares: Arabic spellings and Latin accents folded."""
    text = _LATIN_ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    text = unicodedata.normalize("NFC", text)
    text = _MARKS.sub("", text).translate(_LETTERS)
    return WORD.sub(_normal_word, text)


def words(text: str) -> list[str]:
    """The words of `text` as typed (diacritics kept): what a query sends to the search backend."""
    return TYPED_WORD.findall(text)


def normal_forms(text: str) -> str:
    """The words of `normalise(text)` that `text` does not already hold as they are, in order: what the index
    adds to a page's own words, so that normalised queries find it without counting its other words twice."""
    present = set(words(text))
    return " ".join(word for word in WORD.findall(normalise(text)) if word not in present)
