"""Suppressions: a bureau's decision that a hit was false, and the subject keys of a check.

When the bureau that owns a record decides that a traveller is not the person (or the
document) in it, it records a ``Suppression`` for that traveller's subject key and that
record. A later check of the same traveller drops the hit on that record and says that a
suppression applied; every other traveller is still stopped by it.

A subject key names the traveller, never the record:

- ``doc:{COUNTRY}|{NUMBER}``: a travel document, country in its matching-key form (``D`` ->
  ``DEU``), number normalised with OCR confusables folded (O0, I1, S5, B8, Z2), so the same
  passport read twice gives one key;
- ``name:{folded name}|{birth date}``: a name folded across scripts and orders (NFKC, case
  fold, ASCII transliteration, letters and digits only, tokens sorted), so ``PETROVA<<ANNA``,
  ``Anna Petrova`` and ``Анна Петрова`` agree; the birth date is ``YYYY[-MM[-DD]]`` or empty.

Pure: no store, no clock.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from anyascii import anyascii

from frontline.domain.dates import PartialDate
from frontline.domain.records import RecordKind
from frontline.errors import Conflict, InvalidInput
from frontline.identifiers.countries import canonical_country, country_key
from frontline.identifiers.docnumbers import fold_confusables, normalise_document_number

__all__ = [
    "MAX_REASON",
    "Suppression",
    "canonical_subject_key",
    "clean_reason",
    "document_subject_key",
    "fold_name",
    "name_subject_key",
    "subject_key_for",
    "subject_keys",
]

MAX_REASON = 2000
"""The longest reason a bureau may give, in characters."""

_DOC = "doc:"
_NAME = "name:"
# ICAO 9303 drops apostrophes from names (O'BRIEN -> OBRIEN) but turns hyphens into fillers
# (JEAN-PAUL -> JEAN<PAUL): drop the one, split on the other, so a typed name meets its MRZ.
_APOSTROPHES = str.maketrans("", "", "'`")


def fold_name(name: str) -> str:
    """A name in one form across scripts, orders and MRZ fillers: ``anna petrova``."""
    text = anyascii(unicodedata.normalize("NFKC", name).casefold()).casefold()
    text = text.translate(_APOSTROPHES)
    cleaned = "".join(char if char.isalnum() else " " for char in text)
    return " ".join(sorted(cleaned.split()))


def document_subject_key(*, country: str, number: str) -> str:
    """``doc:FRA|X1234567``: a document's subject key, confusables folded."""
    folded = fold_confusables(normalise_document_number(number, field="document.number"))
    return f"{_DOC}{country_key(country)}|{folded}"


def name_subject_key(*, name: str, birth_date: str | None = None) -> str | None:
    """``name:anna petrova|1974-08-12``, or None when nothing of the name is left to key."""
    folded = fold_name(name)
    if not folded:
        return None
    return f"{_NAME}{folded}|{_birth_date(birth_date)}"


def subject_keys(
    *, name: str | None, birth_date: str | None, documents: Iterable[tuple[str, str]]
) -> tuple[str, ...]:
    """Every subject key of one check: one per ``(country, number)`` document, then the name
    key; without duplicates, in that order."""
    keys = [document_subject_key(country=country, number=number) for country, number in documents]
    if name:
        key = name_subject_key(name=name, birth_date=birth_date)
        if key is not None:
            keys.append(key)
    return tuple(dict.fromkeys(keys))


def subject_key_for(
    *,
    name: str | None = None,
    birth_date: str | None = None,
    document_number: str | None = None,
    document_country: str | None = None,
) -> str:
    """The one key a suppression is made for: the document's when there is one (it names
    this traveller; a name and birth date may be shared by others), else the name's.

    Input from a person, so the country must be a known code (``subject_keys``, on the
    check path, keys any code).
    """
    if document_number or document_country:
        if not (document_number and document_country):
            raise InvalidInput.for_field(
                "subject.document", "give both the document number and its country"
            )
        country = canonical_country(document_country, field="subject.document.country")
        return document_subject_key(country=country, number=document_number)
    key = name_subject_key(name=name, birth_date=birth_date) if name else None
    if key is None:
        raise InvalidInput.for_field("subject", "give a document or a name")
    return key


def canonical_subject_key(raw: str) -> str:
    """``raw`` re-keyed into its canonical form; refuses anything not ``doc:`` or ``name:``."""
    text = raw.strip()
    if text.startswith(_DOC) and "|" in text:
        country, number = text[len(_DOC) :].split("|", 1)
        if country.strip() and number.strip():
            return document_subject_key(country=country, number=number)
    if text.startswith(_NAME) and "|" in text:
        name, birth = text[len(_NAME) :].rsplit("|", 1)
        key = name_subject_key(name=name, birth_date=birth)
        if key is not None:
            return key
    raise InvalidInput.for_field(
        "subject_key", "must be doc:COUNTRY|NUMBER or name:NAME|BIRTH-DATE"
    )


def _birth_date(raw: str | None) -> str:
    if raw is None or not raw.strip():
        return ""
    try:
        return PartialDate.parse(raw).isoformat()
    except ValueError as error:
        raise InvalidInput.for_field("birth_date", str(error)) from None


def clean_reason(raw: str, *, field: str = "reason") -> str:
    """A reason without surrounding space; refuses an empty or overlong one."""
    reason = raw.strip()
    if not reason:
        raise InvalidInput.for_field(field, "a reason is required")
    if len(reason) > MAX_REASON:
        raise InvalidInput.for_field(field, f"longer than {MAX_REASON} characters")
    return reason


@dataclass(frozen=True, slots=True, kw_only=True)
class Suppression:
    """A decided false hit: ``subject_key`` is not the subject of the record
    ``record_kind``/``record_id``. Reversal keeps it, marked with who, when and why."""

    id: str
    subject_key: str
    record_kind: RecordKind
    record_id: str
    record_owner: str
    reason: str
    created_by: str
    created_at: dt.datetime
    reversed_by: str | None = None
    reversed_at: dt.datetime | None = None
    reversed_reason: str | None = None

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput.for_field("reason", "a reason is required")

    @property
    def is_active(self) -> bool:
        """True until the suppression is reversed."""
        return self.reversed_at is None

    @property
    def pair(self) -> tuple[str, str, str]:
        """(subject key, record kind, record id): what a check looks up."""
        return (self.subject_key, self.record_kind.value, self.record_id)

    def reversed(self, *, by: str, at: dt.datetime, reason: str) -> Suppression:
        """This suppression reversed; refuses one reversed already."""
        if not self.is_active:
            raise Conflict(f"suppression {self.id} was already reversed")
        return replace(self, reversed_by=by, reversed_at=at, reversed_reason=clean_reason(reason))

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject_key": self.subject_key,
            "record_kind": self.record_kind.value,
            "record_id": self.record_id,
            "record_owner": self.record_owner,
            "reason": self.reason,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "active": self.is_active,
            "reversed_by": self.reversed_by,
            "reversed_at": self.reversed_at.isoformat() if self.reversed_at else None,
            "reversed_reason": self.reversed_reason,
        }
