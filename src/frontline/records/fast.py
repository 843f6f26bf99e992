"""The fast path for the common document row, for imports of millions of rows.

``build_row`` reads fields through a collecting reader that names every bad field; that
costs about 15 us a row. A well-formed document row (the vast majority of a bureau's file)
is validated here in a microsecond or two with the same normalisers, straight into the
values SQLite stores; anything unusual (a range, an expiry, a missing, odd or padded
field) returns None and takes the full path, which either accepts it or says exactly what
is wrong. A property test holds the two paths to the same answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from frontline.domain.records import DocumentStatus, DocumentType
from frontline.errors import InvalidInput
from frontline.identifiers.countries import canonical_country, country_key
from frontline.identifiers.docnumbers import (
    MAX_LENGTH,
    fold_confusables,
    normalise_document_number,
)
from frontline.records.fields import MAX_TEXT
from frontline.store.dialect import plain_document_row

__all__ = ["fast_document_row", "fast_document_values"]

# fullmatch: the full path strips the id first, and "$" would let a trailing newline in.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}")
_TYPES: dict[Any, str] = {member.value: member.value for member in DocumentType}
_STATUSES: dict[Any, str] = {member.value: member.value for member in DocumentStatus}
_ASCII = bytes(range(128))
# fold_confusables on ASCII as one byte table (a str.translate looks up each character).
_FOLD_ASCII = bytes.maketrans(_ASCII, fold_confusables(_ASCII.decode()).encode("ascii"))
_CACHE_LIMIT = 10_000  # each cache is bounded: its values are few, but input is untrusted
_countries: dict[Any, tuple[str, str]] = {}
_actions: dict[Any, str] = {}
_dates: dict[Any, str] = {}


def fast_document_row(raw: Any) -> dict[str, Any] | None:
    """The table row of a plain document row, or None to send it down the full path."""
    values = fast_document_values(raw)
    return None if values is None else plain_document_row(values)


def fast_document_values(raw: Any) -> tuple[Any, ...] | None:
    """A plain document row's values for SQLite (``PLAIN_DOCUMENT_COLUMNS``), or None to send
    it down the full path."""
    if type(raw) is not dict:
        return None
    get = raw.get
    record_id, number, state = get("id"), get("number"), get("state")
    action, reported = get("action"), get("reported_at")
    # Six fields are required and three optional; any other key (a range, an expiry, an
    # unknown field) or a null makes the count differ and takes the full path.
    if len(raw) != 6 + (state is not None) + (action is not None) + (reported is not None):
        return None
    if type(record_id) is not str or type(number) is not str or not _ID.fullmatch(record_id):
        return None
    if state is None or state == "":
        state = "active"
    elif state != "active" and state != "cancelled":
        return None
    # The caches answer nearly every row; a value they cannot hold (a list) is no plain row.
    try:
        issuing = _countries.get(get("issuing_country")) or _country(get("issuing_country"))
        owner = _countries.get(get("owner")) or _country(get("owner"))
        doc_type, status = _TYPES.get(get("type")), _STATUSES.get(get("status"))
        if action is None:
            action = ""
        elif (action := _actions.get(action) or _action(action)) is None:
            return None
        if reported == "":
            reported = None
        elif reported is not None and (reported := _dates.get(reported) or _date(reported)) is None:
            return None
    except TypeError:
        return None
    if issuing is None or owner is None or doc_type is None or status is None:
        return None
    # Letters and digits alone: nothing to drop, so upper case is the normal form.
    is_clean = number.isascii() and number.isalnum() and len(number) <= MAX_LENGTH
    normal = number.upper() if is_clean else _normalised(number)
    if normal is None:
        return None
    key = normal.encode("ascii").translate(_FOLD_ASCII).decode("ascii")
    return (record_id, owner[0], state, action, *issuing, doc_type, status, normal, key, reported)


def _country(code: Any) -> tuple[str, str] | None:
    """(canonical code, key) for a valid code (remembered), or None."""
    if type(code) is not str:
        return None
    try:
        canonical = canonical_country(code)
    except InvalidInput:
        return None
    found = (canonical, country_key(canonical))
    if len(_countries) < _CACHE_LIMIT:
        _countries[code] = found
    return found


def _action(text: Any) -> str | None:
    """The stripped text (remembered, so a text repeated in a chunk travels once), or None
    if it is not text or too long."""
    if type(text) is not str:
        return None
    found = text.strip()
    if len(found) > MAX_TEXT:
        return None
    if len(_actions) < _CACHE_LIMIT:
        _actions[text] = found
    return found


def _date(value: Any) -> str | None:
    """The ISO text of a date YYYY-MM-DD (remembered), or None if it is not one."""
    if type(value) is not str:
        return None
    try:
        found = dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None
    if len(_dates) < _CACHE_LIMIT:
        _dates[value] = found
    return found


def _normalised(number: str) -> str | None:
    try:
        return normalise_document_number(number)
    except InvalidInput:
        return None
