"""Partial dates, as police records and MRZs carry them ("1974", "1974-08", "1974-08-12")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["PartialDate"]

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}|XX|00)(?:-(\d{2}|XX|00))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date whose month and day may be unknown; the year is always known."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise ValueError("a day without a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.month is not None and self.day is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError on 31 April

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``00`` or ``XX`` mean unknown."""
        match = _PATTERN.match(text.strip())
        if match is None:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = match.groups()
        month_value = None if month in (None, "XX", "00") else int(month)
        day_value = None if day in (None, "XX", "00") else int(day)
        if month_value is None and day_value is not None:
            raise ValueError(f"a day without a month: {text!r}")
        return cls(int(year), month_value, day_value)

    @property
    def is_complete(self) -> bool:
        return self.month is not None and self.day is not None

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()
