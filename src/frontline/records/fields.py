"""Field readers shared by every record kind: each reads one raw value or reports why not.

Raw input comes from JSON (typed values) or CSV (strings, lists ``;``-separated, empty
means absent); a reader accepts both. Errors are collected per row, so an import can list
every bad field of every bad row at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from frontline.domain.dates import PartialDate
from frontline.errors import FieldError, InvalidInput
from frontline.identifiers.countries import canonical_country

__all__ = ["RowReader"]

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}$")
MAX_TEXT = 2000
MAX_LIST = 50


class RowReader:
    """Reads the fields of one raw row, collecting an error per bad field."""

    __slots__ = ("errors", "line", "raw", "seen")

    def __init__(self, raw: dict[str, Any], *, line: int | None = None) -> None:
        self.raw = raw
        self.line = line
        self.errors: list[FieldError] = []
        self.seen: set[str] = set()

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message, self.line))

    def value(self, field: str) -> Any:
        """The raw value of ``field``, with empty strings read as absent."""
        self.seen.add(field)
        value = self.raw.get(field)
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def _convert(self, field: str, required: bool, convert: Callable[[Any], T]) -> T | None:
        value = self.value(field)
        if value is None:
            if required:
                self.fail(field, "is required")
            return None
        try:
            return convert(value)
        except InvalidInput as error:
            message = error.errors[0].message if error.errors else error.message
            self.fail(field, message)
        except (ValueError, TypeError) as error:
            self.fail(field, str(error))
        return None

    def text(self, field: str, *, required: bool = False, max_length: int = MAX_TEXT) -> str | None:
        def convert(value: Any) -> str:
            if not isinstance(value, str):
                raise TypeError(f"must be text, not {type(value).__name__}")
            text = value.strip()
            if len(text) > max_length:
                raise ValueError(f"is longer than {max_length} characters")
            return text

        return self._convert(field, required, convert)

    def record_id(self) -> str | None:
        def convert(value: Any) -> str:
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise TypeError("must be text")
            text = str(value).strip()
            if not _ID.match(text):
                raise ValueError("must be 1-64 letters, digits or . _ : - (starting alphanumeric)")
            return text

        return self._convert("id", True, convert)

    def country(self, field: str, *, required: bool = False) -> str | None:
        def convert(value: Any) -> str:
            if not isinstance(value, str):
                raise TypeError("must be a country code")
            return canonical_country(value, field=field)

        return self._convert(field, required, convert)

    def choice(self, field: str, enum: type[E], *, required: bool = False) -> E | None:
        def convert(value: Any) -> E:
            text = str(value).strip()
            for candidate in (text, text.lower(), text.upper()):
                try:
                    return enum(candidate)
                except ValueError:
                    continue
            allowed = ", ".join(member.value for member in enum)
            raise ValueError(f"must be one of {allowed}")

        return self._convert(field, required, convert)

    def parsed(self, field: str, parse: Callable[[str], T], *, required: bool = False) -> T | None:
        """A text field passed through an identifier parser (VIN, IMO, serial...)."""

        def convert(value: Any) -> T:
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise TypeError("must be text")
            return parse(str(value))

        return self._convert(field, required, convert)

    def date(self, field: str) -> dt.date | None:
        def convert(value: Any) -> dt.date:
            if not isinstance(value, str):
                raise TypeError("must be a date YYYY-MM-DD")
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"not a date YYYY-MM-DD: {value!r}") from None

        return self._convert(field, False, convert)

    def timestamp(self, field: str) -> dt.datetime | None:
        def convert(value: Any) -> dt.datetime:
            if not isinstance(value, str):
                raise TypeError("must be a date-time in ISO 8601")
            try:
                moment = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                raise ValueError(f"not an ISO 8601 date-time: {value!r}") from None
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            return moment.astimezone(dt.UTC).replace(tzinfo=None)

        return self._convert(field, False, convert)

    def partial_date(self, field: str) -> PartialDate | None:
        def convert(value: Any) -> PartialDate:
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise TypeError("must be a date YYYY, YYYY-MM or YYYY-MM-DD")
            return PartialDate.parse(str(value))

        return self._convert(field, False, convert)

    def text_list(self, field: str, *, max_length: int = 200) -> list[str]:
        def convert(value: Any) -> list[str]:
            items = _as_list(value)
            if len(items) > MAX_LIST:
                raise ValueError(f"has more than {MAX_LIST} items")
            out = []
            for item in items:
                if not isinstance(item, str):
                    raise TypeError("must be a list of text")
                if len(item.strip()) > max_length:
                    raise ValueError(f"has an item longer than {max_length} characters")
                if item.strip():
                    out.append(item.strip())
            return out

        return self._convert(field, False, convert) or []

    def unknown_fields(self, allowed: frozenset[str]) -> None:
        for field in self.raw:
            if field not in allowed:
                self.fail(field, "is not a known field")

    def raise_if_failed(self) -> None:
        if self.errors:
            first = self.errors[0]
            where = f"line {self.line}: " if self.line is not None else ""
            raise InvalidInput(f"{where}{first.field}: {first.message}", errors=self.errors)


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, str):
        return list(value.split(";"))
    if isinstance(value, list):
        return value
    raise TypeError("must be a list (or ;-separated text in CSV)")
