"""Phonetic keys that survive transliteration: a name part's consonant skeleton.

Soundex and Metaphone are built for English spelling; a name that went through Hebrew,
Arabic, Korean or Russian and back loses its vowels, swaps b for v and p for f (Korean and
Arabic have no f or v), l for r (Korean and Japanese do not tell them apart), k for g and
t for d (Korean), and s for sh, ch, ts and z. The skeleton keeps what survives such a trip:
the consonants, in order, each folded to its class.

    class  letters (after digraphs)            why
    B      b p f v w ph                        Korean, Arabic, Hebrew merge them
    K      k g c(hard) q ck x(=ks)             Korean g/k; Arabic q/k
    T      t d th dh                           Korean t/d
    S      s z c(soft) sh ch ts tz zh j dj     Hebrew, Korean and Cyrillic sibilants
    L      l r                                 Korean and Japanese l/r
    M      m
    N      n
    (none) vowels, y, h, kh, ' and doubled letters
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["readings", "simplify", "skeleton", "spellings", "voiced", "vowelled"]

_DIGRAPHS = (
    ("tsch", "S"),
    ("dzh", "S"),
    ("sch", "S"),
    ("tch", "S"),
    ("chr", "Kr"),
    ("ch", "S"),
    ("sh", "S"),
    ("zh", "S"),
    ("ts", "S"),
    ("tz", "S"),
    ("dj", "S"),
    ("kh", ""),
    ("gh", "K"),
    ("ph", "B"),
    ("th", "T"),
    ("dh", "T"),
    ("ck", "K"),
    ("qu", "K"),
    ("x", "KS"),
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans(
    {
        "b": "B",
        "p": "B",
        "f": "B",
        "v": "B",
        "w": "B",
        "k": "K",
        "g": "K",
        "c": "K",
        "q": "K",
        "t": "T",
        "d": "T",
        "s": "S",
        "z": "S",
        "j": "S",
        "l": "L",
        "r": "L",
        "m": "M",
        "n": "N",
    }
)
_VOWELISH = re.compile(r"[^BKTSLMN]+")
_DOUBLED = re.compile(r"([a-z])\1+")
_REPEATED = re.compile(r"([BKTSLMN])\1+")


def _digraphs_folded(part: str, *, ph: str = "B") -> str:
    """The part with doubled letters single, soft c as s, and each digraph as its class
    (``ph`` gives what "ph" becomes)."""
    text = _DOUBLED.sub(r"\1", part)
    text = _SOFT_C.sub("s", text)
    for digraph, folded in _DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, ph if digraph == "ph" else folded)
    return text


@lru_cache(maxsize=200_000)
def skeleton(part: str) -> str:
    """The consonant-class skeleton of one lower-case ASCII name part ("mohammed" -> MMT)."""
    text = _digraphs_folded(part)
    # Two letters of one class side by side are one sound ("dt" in "Mahmudt"); the same
    # class on both sides of a vowel is two ("Mohammed" is M-M-T).
    text = _VOWELISH.sub(".", text.translate(_CLASSES))
    return _REPEATED.sub(r"\1", text).replace(".", "")


@lru_cache(maxsize=200_000)
def vowelled(part: str) -> str:
    """The skeleton with each run of vowels kept as ``a`` ("mohammed" -> MaMaT): what an
    abjad writes of a name is its consonants and some of its vowels, in this order."""
    text = _digraphs_folded(part)
    text = _VOWELS.sub("a", text.translate(_CLASSES))
    text = _REPEATED.sub(r"\1", _OTHER.sub(".", text)).replace(".", "")
    return _VOWELS.sub("a", text)


_VOWELS = re.compile(r"[aeiouy]+")
_OTHER = re.compile(r"[^BKTSLMNa]")


_SIMPLE = (
    ("ph", "f"),
    ("ck", "k"),
    ("qu", "k"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
    ("kh", "h"),
    ("dj", "j"),
    ("dzh", "j"),
)


@lru_cache(maxsize=200_000)
def simplify(part: str) -> str:
    """A lenient spelling of one name part: the spellings that romanisations disagree on
    (ph/f, y/i, w/v, ou/u, kh/h, doubled letters) folded to one, vowels kept."""
    text = part.replace("oo", "u").replace("ee", "i")  # before doubles fold: Boonma, Jaidee
    text = _DOUBLED.sub(r"\1", text)
    for digraph, folded in _SIMPLE:
        if digraph in text:
            text = text.replace(digraph, folded)
    text = _SOFT_C.sub("s", text).replace("c", "k")
    return _DOUBLED.sub(r"\1", text)


_SOFT_G = re.compile(r"g(?=[ei])")


def spellings(part: str) -> tuple[str, ...]:
    """The part and the readings that are only other orthographies of the same sounds
    (Wade-Giles hs, Basque tx), not guesses at a letter's sound."""
    found = [part]
    if "hs" in part:
        found.append(part.replace("hs", "x"))
    if "tx" in part:
        found.append(part.replace("tx", "ch"))
    return tuple(found)


@lru_cache(maxsize=200_000)
def readings(part: str) -> tuple[str, ...]:
    """The part itself and its other plausible readings, for letters that sound different
    in different languages: j (English "John", Slavic "Jan" = Yan), ch (English "Charles",
    German and Czech "Tichy" = Tikhy), soft g (Italian "Giovanni" = Jovanni), w (English
    "William", Polish "Wojciech" = Voytsekh, which the skeleton already folds, but also the
    vowel w of "Howard")."""
    found = [part]
    if "hs" in part:  # Wade-Giles hs is pinyin x ("Hsu" is Xu)
        found.append(part.replace("hs", "x"))
    if "tx" in part:  # Basque tx is ch ("Etxeberria" is Echeverria)
        found.append(part.replace("tx", "ch"))
    if "j" in part:
        found.append(part.replace("j", "y"))
    if "ch" in part:
        found.append(part.replace("ch", "kh"))
    if _SOFT_G.search(part):
        found.append(_SOFT_G.sub("j", part))
    if "w" in part:
        found.append(part.replace("w", "u"))
    return tuple(dict.fromkeys(found))[:4]


_VOWEL_CLASS = str.maketrans({"a": "A", "e": "I", "i": "I", "y": "I", "o": "O", "u": "O"})
_VOWEL_RUN = re.compile(r"[aeiou]+|y")
"""A y stands alone: between vowels it is a consonant ("Chaeyoung" is not "Sang")."""


@lru_cache(maxsize=200_000)
def voiced(part: str) -> str:
    """The skeleton with its vowels kept by class (a; e, i, y; o, u), each run of vowels
    as the class of its first ("Mihail" and "Mikhail" -> MIL, "Fiodorov" and "Fedorov"
    -> BITOLOB, but "Hassan" -> ASAN and "Hossein" -> OSIN): spellings that romanisations
    disagree on agree here, different names with the same consonants do not."""
    text = _digraphs_folded(part, ph="F")
    text = text.replace("h", "").replace("p", "P").replace("f", "F")  # p, f apart from b, v
    # A run keeps its first vowel's class, but Korean "eo" is an o ("Jeong" is Jung).
    text = _VOWEL_RUN.sub(lambda run: "o" if run.group().startswith("eo") else run.group()[0], text)
    text = text.translate(_CLASSES).translate(_VOWEL_CLASS)
    text = _OTHER_VOICED.sub("", text)
    return _REPEATED_VOICED.sub(r"\1", text)


_OTHER_VOICED = re.compile(r"[^BPFKTSLMNAIO]")
_REPEATED_VOICED = re.compile(r"([BPFKTSLMNAIO])\1+")
