"""Subject rows (a line of a screening file) into raw check requests.

A row is flat, as a CSV row is: ``id, name, birth_date, sex, nationality, document_number,
issuing_country, document_type, mrz``. ``subject_request`` only reshapes it; the meaning
(countries, dates, check digits) is validated by ``parse_check_request`` like any check,
and ``subject_field`` turns the field it names back into the row's column.
"""

from __future__ import annotations

from typing import Any

from frontline.errors import FieldError, InvalidInput

__all__ = ["SUBJECT_FIELDS", "subject_field", "subject_id", "subject_request"]

SUBJECT_FIELDS = (
    "id",
    "name",
    "birth_date",
    "sex",
    "nationality",
    "document_number",
    "issuing_country",
    "document_type",
    "mrz",
)
_PERSON = {"name": "name", "birth_date": "birth_date", "sex": "sex", "nationality": "nationality"}
_DOCUMENT = {"document_number": "number", "issuing_country": "country", "document_type": "type"}
_COLUMNS = {
    **{f"person.{key}": column for column, key in _PERSON.items()},
    **{f"document.{key}": column for column, key in _DOCUMENT.items()},
    "document.issuing_country": "issuing_country",
}
_KNOWN = frozenset(SUBJECT_FIELDS)


def subject_request(row: Any) -> dict[str, Any]:
    """The raw check request for one subject row; InvalidInput names each bad field."""
    if not isinstance(row, dict):
        raise InvalidInput.for_field("(row)", "must be an object of subject fields")
    errors = [FieldError(str(key), "is not a known field") for key in row if key not in _KNOWN]
    if errors:
        raise InvalidInput(f"{errors[0].field}: {errors[0].message}", errors=errors)
    subject_id(row)
    values = {key: value for key, value in row.items() if value not in (None, "")}
    raw: dict[str, Any] = {}
    person = {key: values[column] for column, key in _PERSON.items() if column in values}
    document = {key: values[column] for column, key in _DOCUMENT.items() if column in values}
    if "mrz" in values:
        raw["mrz"] = _mrz_lines(values["mrz"])
    if document:
        raw["document"] = document
    if person:
        raw["person"] = person
    if not raw:
        raise InvalidInput.for_field(
            "(row)", "has nothing to check: give a name, a document_number or an mrz"
        )
    return raw


def subject_id(row: dict[str, Any]) -> str | int | None:
    """The row's own ``id``, echoed as ``input_id``: text, a whole number, or absent."""
    value = row.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int) or len(str(value)) > 200:
        raise InvalidInput.for_field("id", "must be text or a whole number (200 characters)")
    return value


def subject_field(field: str) -> str:
    """The row's column for a field ``parse_check_request`` named (``person.name`` -> name)."""
    return _COLUMNS.get(field, field)


def _mrz_lines(value: Any) -> Any:
    # A CSV cell holds the lines joined by line breaks; surrounding blanks are not part of it.
    if isinstance(value, str):
        return [line.strip() for line in value.strip().splitlines() if line.strip()]
    return value
