"""A partner's check items into check requests: document number, issuing country, type, and
nothing else. Pure. A name (or any field about the person) is refused outright: partners
never send names, so a partner cannot turn Frontline into a people search."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontline.domain.queries import CheckRequest
from frontline.errors import FieldError, InvalidInput
from frontline.screening.requests import parse_check_request

__all__ = ["PARTNER_FIELDS", "parse_partner_item"]

PARTNER_FIELDS = ("number", "country", "type")
_ID = "id"
_PERSONAL = frozenset(
    {"person", "birth_date", "date_of_birth", "dob", "sex", "nationality", "mrz", "surname"}
)
_UNKNOWN = "is not a field of a partner check (number, country, type)"
NAMES_REFUSED = "partners never send names or other personal data: send number, country, type"


def _is_personal(key: str) -> bool:
    lowered = key.lower()
    return "name" in lowered or lowered in _PERSONAL


def parse_partner_item(raw: Any, *, today: dt.date, prefix: str = "") -> tuple[CheckRequest, Any]:
    """The check request of one partner item and the partner's own ``id`` for it (or None);
    InvalidInput names each bad field."""
    if not isinstance(raw, dict):
        raise InvalidInput.for_field(prefix or "(body)", "must be an object: number, country, type")
    errors = [
        FieldError(f"{prefix}{key}", NAMES_REFUSED)
        if _is_personal(str(key))
        else FieldError(
            f"{prefix}{key}", "is not a field of a partner check (number, country, type)"
        )
        for key in raw
        if key not in PARTNER_FIELDS and key != _ID
    ]
    if errors:
        raise InvalidInput(f"{errors[0].field}: {errors[0].message}", errors=errors)
    input_id = raw.get(_ID)
    if input_id is not None and (type(input_id) not in (str, int) or len(str(input_id)) > 64):
        raise InvalidInput.for_field(f"{prefix}id", "must be a string or number (64 at most)")
    document = {key: raw[key] for key in PARTNER_FIELDS if key in raw}
    for key in ("number", "country"):
        if key not in document:
            raise InvalidInput.for_field(f"{prefix}{key}", "is required")
    request = parse_check_request({"document": document}, today=today, prefix=prefix)
    return request, input_id
