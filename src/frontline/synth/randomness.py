"""Seeded randomness for the synthetic world: one generator per part, weighted draws."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

__all__ = ["Weighted", "section_rng"]

T = TypeVar("T")


def section_rng(seed: int, section: str) -> random.Random:
    """A generator for one part of the world (``"documents"``, ``"persons"`` ...).

    Each part draws from its own stream, so growing one part never shifts another, and a
    string seed is hashed the same way on every platform and every run.
    """
    return random.Random(f"frontline.synth/{seed}/{section}")


class Weighted(Generic[T]):
    """A fixed set of items with integer weights, drawn from with a given generator."""

    __slots__ = ("_cumulative", "_total", "items")

    def __init__(self, pairs: Iterable[tuple[T, int]]) -> None:
        items: list[T] = []
        cumulative: list[int] = []
        total = 0
        for item, weight in pairs:
            if weight <= 0:
                raise ValueError(f"weight must be positive: {item!r} has {weight}")
            total += weight
            items.append(item)
            cumulative.append(total)
        if not items:
            raise ValueError("nothing to draw from")
        self.items: tuple[T, ...] = tuple(items)
        self._cumulative = tuple(cumulative)
        self._total = total

    def draw(self, rng: random.Random) -> T:
        """One item, with probability proportional to its weight."""
        return self.items[bisect_right(self._cumulative, rng.random() * self._total)]

    def table(self, size: int = 1024) -> tuple[T, ...]:
        """``size`` slots filled in proportion to the weights, for draws by random bits.

        A hot loop picks ``table[bits & (size - 1)]`` instead of calling :meth:`draw`.
        """
        slots: list[T] = []
        previous = 0
        for item, cumulative in zip(self.items, self._cumulative, strict=True):
            end = round(cumulative * size / self._total)
            slots.extend([item] * (end - previous))
            previous = end
        return tuple(slots)
