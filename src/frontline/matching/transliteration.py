"""Learned romanisation: how names written in Hebrew, Arabic, Cyrillic and Hangul are spelt
in Latin letters, as a table of P(Latin letters | native letter, position in the word).

Hand-written readers (``scripts``) know one reading per letter; names are spelt by people,
who write "ו" as v, o or u and "브" as b or beu depending on the name. The table is learned
from pairs of the same name in both scripts (``bench/train_transliteration.py`` runs EM over
monotone letter alignments, each native unit giving zero to three Latin letters) and
shipped as the generated module ``matching/transliteration_table.py`` (no file to read:
the core stays pure). Reading a word is a beam search over the table: the few likeliest
spellings, which the matcher compares as it compares any other spelling.

Units are letters, except Hangul, read as its jamo (initial, vowel, final), and a Hebrew
letter with a geresh, which is one sound ("ג'" is j). Position is ``b`` (first unit of the
word), ``e`` (last) or ``m``.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from frontline.matching.transliteration_table import SCRIPTS

__all__ = ["Model", "load_model", "native_units", "read_word", "spelling_likelihood"]

MAX_EMIT = 3
"""Most Latin letters one native unit gives."""


_PERSIAN = str.maketrans(
    {"ی": "ي", "ک": "ك", "ہ": "ه", "ۀ": "ه", "ە": "ه", "ے": "ي", "ں": "ن", "ٹ": "ت", "ڈ": "د",
     "ڑ": "ر", "پ": "ب", "چ": "ج", "ژ": "ز", "گ": "ك", "ى": "ي"}
)  # fmt: skip
"""Persian and Urdu letters as the Arabic letters the table knows (it learned Arabic)."""


def native_units(word: str, script: str) -> list[str]:
    """The units of a native word, each prefixed by nothing; positions are added later."""
    word = unicodedata.normalize("NFC", word.casefold())
    if script == "arabic":
        word = word.translate(_PERSIAN)
    if script == "hangul":
        return _jamo(word)
    units: list[str] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and script in ("hebrew", "arabic"):
            continue  # points and harakat: rarely written, dropped for a steady table
        if char in "'׳`’" and units:
            units[-1] += "'"
            continue
        if char.isalpha():
            units.append(char)
    return [unicodedata.normalize("NFC", unit) for unit in units]


def _jamo(word: str) -> list[str]:
    units: list[str] = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            if char.isalpha():
                units.append(char)
            continue
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        units.append(f"i{initial}")
        units.append(f"v{medial}")
        if final:
            units.append(f"f{final}")
    return units


def positioned(units: list[str]) -> list[str]:
    last = len(units) - 1
    return [
        f"{'b' if index == 0 else 'e' if index == last else 'm'}:{unit}"
        for index, unit in enumerate(units)
    ]


@dataclass(frozen=True, slots=True)
class Model:
    """Emission log-probabilities per positioned unit, best first, per script."""

    scripts: dict[str, dict[str, list[tuple[str, float]]]]
    tables: dict[str, dict[str, dict[str, float]]]

    def table(self, script: str, unit: str) -> dict[str, float]:
        """Spelling -> log-probability for one positioned unit."""
        tables = self.tables.get(script, {})
        found = tables.get(unit)
        if found is None:
            found = tables.get("m:" + unit.split(":", 1)[1], {})
        return found

    def emissions(self, script: str, unit: str) -> list[tuple[str, float]]:
        table = self.scripts.get(script, {})
        found = table.get(unit)
        if found is None:  # a position never seen: the unit anywhere in the word
            found = table.get("m:" + unit.split(":", 1)[1])
        return found or []


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped table (``matching/transliteration_table.py``, generated)."""
    scripts = SCRIPTS
    tables = {
        script: {unit: dict(outs) for unit, outs in table.items()}
        for script, table in scripts.items()
    }
    return Model(scripts, tables)


@lru_cache(maxsize=100_000)
def read_word(word: str, script: str, beam: int = 4) -> tuple[str, ...]:
    """The likeliest Latin spellings of one native word, best first (empty when the model
    knows none of its letters)."""
    model = load_model()
    units = positioned(native_units(word, script))
    if not units or script not in model.scripts:
        return ()
    states: list[tuple[float, str]] = [(0.0, "")]
    for unit in units:
        emissions = model.emissions(script, unit)[:6]
        if not emissions:
            continue
        grown = [
            (logp + emitted, text + out) for logp, text in states for out, emitted in emissions
        ]
        grown.sort(key=lambda item: -item[0])
        states = _distinct(grown, beam * 3)
    return tuple(text for _, text in _distinct(states, beam) if text)


def _distinct(states: list[tuple[float, str]], limit: int) -> list[tuple[float, str]]:
    seen: set[str] = set()
    kept = []
    for logp, text in states:
        if text not in seen and not math.isinf(logp):
            seen.add(text)
            kept.append((logp, text))
            if len(kept) == limit:
                break
    return kept


UNSEEN = math.log(1e-5)
"""Log-probability of a spelling the table never saw for a unit."""


@lru_cache(maxsize=200_000)
def spelling_likelihood(segment: str, script: str, latin: str) -> float | None:
    """How usual it is to spell the native ``segment`` as ``latin``: the best alignment's
    log-probability per Latin letter (about -1 for a usual spelling, below -4 for a name
    that merely shares consonants). None when the table cannot read the segment."""
    tables = _unit_tables(segment, script)
    length = len(latin)
    if not tables or not length:
        return None
    nothing = -1e18
    best = [nothing] * (length + 1)
    best[0] = 0.0
    for table in tables:
        grown = [nothing] * (length + 1)
        for start in range(length + 1):
            here = best[start]
            if here <= nothing:
                continue
            stop = min(MAX_EMIT, length - start)
            for size in range(stop + 1):
                score = here + table.get(latin[start : start + size], UNSEEN)
                if score > grown[start + size]:
                    grown[start + size] = score
        best = grown
    return best[length] / length


@lru_cache(maxsize=100_000)
def _unit_tables(segment: str, script: str) -> tuple[dict[str, float], ...]:
    model = load_model()
    if script not in model.scripts:
        return ()
    return tuple(model.table(script, unit) for unit in positioned(native_units(segment, script)))
