"""Cyrillic names as French and German spell them ("Щукин" is Chtchoukine in a French
passport, "Хрущёв" is Chruschtschow in a German one).

anyascii and the learned table read Cyrillic the English way (Shchukin, Khrushchev); a
traveller naturalised in France or Germany carries the other spelling. These are the
systems' letter tables (the French and German press and civil-registry conventions).
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["french_and_german"]

_FRENCH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "tch", "ш": "ch", "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou",
    "я": "ia", "і": "i", "ї": "ii", "є": "ie", "ґ": "g",
}  # fmt: skip
_GERMAN = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch",
    "з": "s", "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z",
    "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju",
    "я": "ja", "і": "i", "ї": "ji", "є": "je", "ґ": "g",
}  # fmt: skip


@lru_cache(maxsize=100_000)
def french_and_german(word: str) -> tuple[str, ...]:
    """The French and the German spelling of a Cyrillic word (lower-case ASCII)."""
    lowered = word.casefold()
    spelt = []
    for table in (_FRENCH, _GERMAN):
        spelt.append("".join(table.get(char, char if char.isascii() else "") for char in lowered))
    return tuple(dict.fromkeys(text for text in spelt if text))
