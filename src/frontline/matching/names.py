"""A name, prepared once for matching: its parts in Latin letters, their lenient spellings
and consonant skeletons, with particles and titles set aside.

Preparing is the expensive step (transliteration); comparing prepared names is cheap, so
the candidate index prepares every listed name once, at load.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from frontline.matching.phonetic import readings, simplify, skeleton, vowelled
from frontline.matching.scripts import ABJADS, Script, romanise

__all__ = ["NamePart", "PreparedName", "prepare_name"]

PARTICLES = frozenset(
    {
        "al", "el", "ul", "ibn", "bin", "bint", "ben", "bat", "van", "der", "den", "de",
        "del", "della", "la", "le", "les", "du", "da", "das", "dos", "do", "di", "von", "zu",
        "ter", "ten", "op", "y", "e", "af", "av", "st", "ap", "ould", "ag",
    }
)  # fmt: skip
"""Words that join a name rather than name anyone: "al", "bin", "van der", "de la", "dos"."""

TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
        "sheikh", "shaikh", "sheik", "haji", "hajji", "mullah", "sayyid", "sayed", "jr",
        "sr", "ii", "iii", "iv", "herr", "frau", "sra", "gen", "col", "maj", "capt",
    }
)  # fmt: skip
"""Words an officer may type that belong to no one's name."""

_SPLIT = re.compile(r"[^a-z0-9]+")
_MRZ_FILLER = re.compile(r"<+")


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a name: as read in Latin letters, spelled leniently, and its skeleton."""

    latin: str
    simple: str
    skeleton: str
    vowelled: str
    skeletons: tuple[str, ...]
    """The skeleton of each reading of the part (``phonetic.readings``), the first its own."""
    vowelleds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A whole name ready to compare.

    ``parts`` exclude particles and titles; ``joined`` is the lenient spelling of all parts
    run together in written order, for names split differently in two scripts ("Yong-Kyu"
    and "용규"); ``is_abjad`` says the name came from a script without written vowels, to be
    compared by consonants.
    """

    original: str
    script: Script
    parts: tuple[NamePart, ...]
    particles: tuple[str, ...]
    joined: str
    joined_skeleton: str
    is_abjad: bool
    truncated: bool = False

    @property
    def latin(self) -> str:
        return " ".join(part.latin for part in self.parts)


def prepare_name(name: str, *, truncated: bool = False) -> PreparedName:
    """Prepare a name written in any script, or read off an MRZ (``SURNAME<<GIVEN``).

    ``truncated`` marks a name cut at the MRZ line length: its last part may be a prefix.
    """
    return _prepare(name, truncated)


@lru_cache(maxsize=100_000)
def _prepare(name: str, truncated: bool) -> PreparedName:
    text = _MRZ_FILLER.sub(" ", name) if "<" in name else name
    latin, script = romanise(_strip_marks(text))
    words = [word for word in _SPLIT.split(latin) if word]
    particles = tuple(word for word in words if word in PARTICLES)
    kept = [word for word in words if word not in PARTICLES and word not in TITLES]
    if not kept:  # a name made only of particles ("De La") is still a name
        kept = [word for word in words if word not in TITLES] or words
    parts = tuple(_part(word) for word in kept)
    joined = "".join(part.simple for part in parts)
    return PreparedName(
        original=name,
        script=script,
        parts=parts,
        particles=particles,
        joined=sys.intern(joined),
        joined_skeleton=sys.intern("".join(part.skeleton for part in parts)),
        is_abjad=script in ABJADS,
        truncated=truncated,
    )


@lru_cache(maxsize=200_000)
def _part(word: str) -> NamePart:
    variants = readings(word)
    skeletons = tuple(dict.fromkeys(sys.intern(skeleton(variant)) for variant in variants))
    vowelleds = tuple(dict.fromkeys(sys.intern(vowelled(variant)) for variant in variants))
    return NamePart(
        sys.intern(word),
        sys.intern(simplify(word)),
        skeletons[0],
        vowelleds[0],
        skeletons,
        vowelleds,
    )


def _strip_marks(text: str) -> str:
    """Drop combining marks of Latin, Greek and Cyrillic letters (é -> e, ё -> е); keep
    those of scripts where marks are letters (Devanagari, Thai, Hangul jamo)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and ord(kept[-1]) < 0x0530:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
