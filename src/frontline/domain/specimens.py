"""Genuine-document references: specimens of each series a country issues, and alerts on
counterfeits seen. Read from the import format (docs/biometrics.md) with every bad field
named; pure, no I/O."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontline.domain.records import DocumentType
from frontline.errors import FieldError, InvalidInput
from frontline.identifiers.countries import canonical_country

__all__ = [
    "Alert",
    "DocumentReference",
    "Specimen",
    "SpecimenImage",
    "alert_as_dict",
    "number_fits",
    "parse_alert",
    "parse_specimen",
    "reference_as_dict",
    "specimen_as_dict",
]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")
_IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$")
_MAX_IMAGE_CHARS = 1_500_000  # about 1 MB of image once decoded
# Nested quantifiers ("(a+)+") can take exponential time on a crafted number: refused.
_NESTED_QUANTIFIER = re.compile(r"\)[*+?{]|[*+]\}?[*+{]")


@dataclass(frozen=True, slots=True)
class SpecimenImage:
    caption: str
    url: str | None = None  # https:// or /static/...: shown as a link
    data: str | None = None  # a data:image/... URI: shown inline


@dataclass(frozen=True, slots=True, kw_only=True)
class Specimen:
    """One series of one document type of one country, as the genuine article looks."""

    id: str
    owner: str
    country: str
    document_type: DocumentType
    series: str
    valid_from: dt.date
    valid_to: dt.date | None
    number_format: str
    adult_years: int | None = None
    minor_years: int | None = None
    minor_age: int = 18
    security_features: tuple[str, ...] = ()
    images: tuple[SpecimenImage, ...] = ()
    description: str = ""

    def is_issued_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    """A counterfeit seen: what to look for, on which series (none named: every series)."""

    id: str
    owner: str
    country: str
    document_type: DocumentType
    series: tuple[str, ...]
    issued_on: dt.date
    title: str
    look_for: str

    def applies_to(self, specimen: Specimen | None) -> bool:
        return not self.series or (specimen is not None and specimen.series in self.series)


@dataclass(slots=True)
class DocumentReference:
    """The genuine reference of one checked document: the specimen it claims to be (None
    when none is on file) and the counterfeit alerts that apply.

    Slotted but not frozen, like the check results that carry one: a frozen dataclass costs
    a microsecond more to build, on the document check's hot path."""

    number: str
    country: str
    specimen: Specimen | None
    alerts: tuple[Alert, ...]


@lru_cache(maxsize=4096)
def _compiled(number_format: str) -> re.Pattern[str]:
    return re.compile(number_format)


def number_fits(specimen: Specimen, number: str) -> bool:
    """Whether the (normalised) number has the series's format."""
    return _compiled(specimen.number_format).fullmatch(number) is not None


class _Reader:
    """Reads fields of one raw object, collecting every problem rather than the first."""

    def __init__(self, raw: Any, allowed: frozenset[str]) -> None:
        self.errors: list[FieldError] = []
        if not isinstance(raw, dict):
            self.raw: dict[str, Any] = {}
            self.errors.append(FieldError("(record)", "must be a JSON object"))
            return
        self.raw = raw
        for name in raw:
            if name not in allowed:
                self.errors.append(FieldError(name, "is not a known field"))

    def add(self, name: str, message: str) -> None:
        self.errors.append(FieldError(name, message))

    def text(self, name: str, *, required: bool = True, limit: int = 200) -> str:
        value = self.raw.get(name)
        if value is None or value == "":
            if required:
                self.add(name, "is required")
            return ""
        if not isinstance(value, str):
            self.add(name, "must be text")
            return ""
        if len(value) > limit:
            self.add(name, f"is longer than {limit} characters")
            return ""
        return value.strip()

    def date(self, name: str, *, required: bool = True) -> dt.date | None:
        value = self.text(name, required=required, limit=10)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(name, f"is not a date YYYY-MM-DD: {value!r}")
            return None

    def country(self, name: str) -> str:
        value = self.text(name, limit=3)
        if not value:
            return ""
        try:
            return canonical_country(value, field=name)
        except InvalidInput as error:
            self.add(name, error.errors[0].message if error.errors else error.message)
            return ""

    def document_type(self) -> DocumentType:
        value = self.text("document_type", limit=24)
        try:
            return DocumentType(value.lower())
        except ValueError:
            if value:
                allowed = ", ".join(member.value for member in DocumentType)
                self.add("document_type", f"must be one of {allowed}")
            return DocumentType.OTHER

    def texts(self, name: str, *, limit: int = 1000) -> tuple[str, ...]:
        value = self.raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add(name, "must be a list of texts")
            return ()
        if any(len(item) > limit for item in value) or len(value) > 50:
            self.add(name, f"holds at most 50 texts of at most {limit} characters")
            return ()
        return tuple(item.strip() for item in value if item.strip())

    def identifier(self) -> str:
        value = self.text("id", limit=64)
        if value and not _ID.match(value):
            self.add("id", "must be letters, digits and . _ : - (at most 64)")
        return value

    def years(self, rules: dict[str, Any], name: str, low: int, high: int) -> int | None:
        value = rules.get(name)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.add(f"validity.{name}", f"must be a whole number from {low} to {high}")
            return None
        return value

    def refuse_if_wrong(self, what: str) -> None:
        if self.errors:
            first = self.errors[0]
            raise InvalidInput(f"{what}: {first.field}: {first.message}", errors=self.errors)


_SPECIMEN_FIELDS = frozenset(
    {
        "id",
        "owner",
        "country",
        "document_type",
        "series",
        "valid_from",
        "valid_to",
        "number_format",
        "validity",
        "security_features",
        "images",
        "description",
    }
)


def parse_specimen(raw: Any, *, owner: str) -> Specimen:
    """A specimen from the import format; ``owner`` when the record names none."""
    reader = _Reader(raw, _SPECIMEN_FIELDS)
    identifier = reader.identifier()
    country = reader.country("country")
    document_type = reader.document_type()
    series = reader.text("series", limit=80)
    valid_from = reader.date("valid_from")
    valid_to = reader.date("valid_to", required=False)
    if valid_from and valid_to and valid_to < valid_from:
        reader.add("valid_to", "is before valid_from")
    number_format = _number_format(reader)
    rules = reader.raw.get("validity") or {}
    if not isinstance(rules, dict) or set(rules) - {"adult_years", "minor_years", "minor_age"}:
        reader.add("validity", "must be an object of adult_years, minor_years, minor_age")
        rules = {}
    adult = reader.years(rules, "adult_years", 1, 30)
    minor = reader.years(rules, "minor_years", 1, 30)
    minor_age = reader.years(rules, "minor_age", 1, 25)
    features = reader.texts("security_features")
    images = _images(reader)
    description = reader.text("description", required=False, limit=4000)
    record_owner = _owner(reader, owner)
    reader.refuse_if_wrong("specimen")
    assert valid_from is not None
    return Specimen(
        id=identifier,
        owner=record_owner,
        country=country,
        document_type=document_type,
        series=series,
        valid_from=valid_from,
        valid_to=valid_to,
        number_format=number_format,
        adult_years=adult,
        minor_years=minor,
        minor_age=minor_age or 18,
        security_features=features,
        images=images,
        description=description,
    )


def _owner(reader: _Reader, default: str) -> str:
    if reader.raw.get("owner") is None:
        return default
    return reader.country("owner")


def _number_format(reader: _Reader) -> str:
    value = reader.text("number_format", limit=120)
    if not value:
        return ""
    if _NESTED_QUANTIFIER.search(value):
        reader.add("number_format", "may not nest quantifiers, as in (A+)+")
        return ""
    try:
        _compiled(value)
    except re.error as error:
        reader.add("number_format", f"is not a regular expression: {error}")
        return ""
    return value


def _images(reader: _Reader) -> tuple[SpecimenImage, ...]:
    value = reader.raw.get("images", [])
    if not isinstance(value, list) or len(value) > 12:
        reader.add("images", "must be a list of at most 12 images")
        return ()
    images = []
    for number, item in enumerate(value):
        where = f"images.{number}"
        if not isinstance(item, dict) or not isinstance(item.get("caption", ""), str):
            reader.add(where, "must be an object with a caption and a url or data")
            continue
        url, data = item.get("url"), item.get("data")
        if isinstance(url, str) and (url.startswith(("https://", "/static/"))) and len(url) < 500:
            images.append(SpecimenImage(item.get("caption", ""), url=url))
        elif isinstance(data, str) and len(data) <= _MAX_IMAGE_CHARS and _IMAGE_DATA.match(data):
            images.append(SpecimenImage(item.get("caption", ""), data=data))
        else:
            reader.add(where, "give a url (https:// or /static/) or data (data:image/...;base64)")
    return tuple(images)


_ALERT_FIELDS = frozenset(
    {"id", "owner", "country", "document_type", "series", "issued_on", "title", "look_for"}
)


def parse_alert(raw: Any, *, owner: str) -> Alert:
    """A counterfeit alert from the import format; ``owner`` when the record names none."""
    reader = _Reader(raw, _ALERT_FIELDS)
    identifier = reader.identifier()
    country = reader.country("country")
    document_type = reader.document_type()
    series = reader.texts("series", limit=80)
    issued_on = reader.date("issued_on")
    title = reader.text("title")
    look_for = reader.text("look_for", limit=4000)
    record_owner = _owner(reader, owner)
    reader.refuse_if_wrong("alert")
    assert issued_on is not None
    return Alert(
        id=identifier,
        owner=record_owner,
        country=country,
        document_type=document_type,
        series=series,
        issued_on=issued_on,
        title=title,
        look_for=look_for,
    )


def specimen_as_dict(specimen: Specimen, *, with_images: bool = True) -> dict[str, Any]:
    """The JSON shape of a specimen (the import format); a check's copy leaves out image
    data, which its specimen page shows."""
    images = [
        {"caption": image.caption, **({"url": image.url} if image.url else {})}
        | ({"data": image.data} if image.data and with_images else {})
        for image in specimen.images
    ]
    return {
        "id": specimen.id,
        "owner": specimen.owner,
        "country": specimen.country,
        "document_type": specimen.document_type.value,
        "series": specimen.series,
        "valid_from": specimen.valid_from.isoformat(),
        "valid_to": specimen.valid_to.isoformat() if specimen.valid_to else None,
        "number_format": specimen.number_format,
        "validity": {
            "adult_years": specimen.adult_years,
            "minor_years": specimen.minor_years,
            "minor_age": specimen.minor_age,
        },
        "security_features": list(specimen.security_features),
        "images": images,
        "description": specimen.description,
    }


def alert_as_dict(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id,
        "owner": alert.owner,
        "country": alert.country,
        "document_type": alert.document_type.value,
        "series": list(alert.series),
        "issued_on": alert.issued_on.isoformat(),
        "title": alert.title,
        "look_for": alert.look_for,
    }


def reference_as_dict(reference: DocumentReference) -> dict[str, Any]:
    """A check result's ``references`` item: the document, its specimen and alerts."""
    specimen = reference.specimen
    return {
        "document": {"number": reference.number, "country": reference.country},
        "specimen": specimen_as_dict(specimen, with_images=False) if specimen else None,
        "alerts": [alert_as_dict(alert) for alert in reference.alerts],
    }
