"""Identifier patterns ("aa9999999") that turn an integer into a plausible identifier.

A pattern is a string of character classes and literals:

- ``9`` a digit; ``a`` a letter other than I, O and Q; ``c`` a consonant (Spanish plates);
  ``x`` a digit or such a letter; ``g`` a character of German passport numbers;
- ``[ABC]`` one of the characters listed;
- anything else stands for itself (``E99999999``, ``aa-999-aa``).

``Pattern.render`` is a bijection from ``range(pattern.size)`` onto the identifiers the
pattern allows, so a permutation of integers gives identifiers that never repeat.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["LETTERS", "VIN_CHARACTERS", "Pattern", "RangeShape"]

DIGITS = "0123456789"
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"
VIN_CHARACTERS = DIGITS + LETTERS  # ISO 3779: every letter but I, O and Q
_CLASSES = {
    "9": DIGITS,
    "a": LETTERS,
    "c": "BCDFGHJKLMNPRSTVWXYZ",
    "x": VIN_CHARACTERS,
    "g": "0123456789CFGHJKLMNPRTVWXYZ",
}
_TABLE_LIMIT = 1024  # runs of letters are rendered through tables of at most this many entries

Segment = tuple[int, Callable[[int], str]]


@dataclass(frozen=True, slots=True)
class RangeShape:
    """How a pattern splits into an alphabetic prefix and a numeric run (blank batches)."""

    prefix: Pattern
    digits: int


class Pattern:
    """A compiled identifier pattern; see the module docstring for the syntax."""

    __slots__ = ("_segments", "_tokens", "alphabets", "size", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens = _tokens(text)
        self.alphabets = tuple(_CLASSES.get(token, token.strip("[]")) for token in self._tokens)
        size = 1
        for alphabet in self.alphabets:
            size *= len(alphabet)
        self.size = size
        self._segments = tuple(reversed(_segments(self.alphabets)))

    def __repr__(self) -> str:
        return f"Pattern({self.text!r})"

    def render(self, value: int) -> str:
        """The identifier numbered ``value`` (``0 <= value < size``)."""
        out: list[str] = []
        for modulus, render in self._segments:
            value, rest = divmod(value, modulus)
            out.append(render(rest))
        out.reverse()
        return "".join(out)

    def draw(self, rng: random.Random) -> str:
        """A random identifier of this pattern."""
        return self.render(rng.randrange(self.size))

    def range_shape(self) -> RangeShape | None:
        """Prefix and digit count when the pattern is letters then five or more digits."""
        digits = 0
        for alphabet in reversed(self.alphabets):
            if alphabet != DIGITS:
                break
            digits += 1
        head = len(self.alphabets) - digits
        if digits < 5 or not head or any(set(a) & set(DIGITS) for a in self.alphabets[:head]):
            return None
        return RangeShape(prefix=Pattern("".join(self._tokens[:head])), digits=digits)


def _tokens(text: str) -> tuple[str, ...]:
    """One token per position: a class letter, a ``[...]`` set, or a literal character."""
    tokens: list[str] = []
    index = 0
    while index < len(text):
        end = text.index("]", index) + 1 if text[index] == "[" else index + 1
        tokens.append(text[index:end])
        index = end
    return tuple(tokens)


def _segments(alphabets: tuple[str, ...]) -> list[Segment]:
    """Group positions into runs rendered in one step: digit runs, small letter tables."""
    segments: list[Segment] = []
    index = 0
    while index < len(alphabets):
        alphabet = alphabets[index]
        if alphabet == DIGITS:
            end = index
            while end < len(alphabets) and alphabets[end] == DIGITS:
                end += 1
            segments.append((10 ** (end - index), f"%0{end - index}d".__mod__))
            index = end
            continue
        end, size = index, 1
        while (
            end < len(alphabets)
            and alphabets[end] != DIGITS
            and size * len(alphabets[end]) <= _TABLE_LIMIT
        ):
            size *= len(alphabets[end])
            end += 1
        table = _table(alphabets[index:end])
        segments.append((len(table), table.__getitem__))
        index = end
    return segments


def _table(alphabets: tuple[str, ...]) -> tuple[str, ...]:
    words = [""]
    for alphabet in alphabets:
        words = [word + char for word in words for char in alphabet]
    return tuple(words)
