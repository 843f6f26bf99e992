"""Public person formats: FollowTheMoney entities and the notices API JSON, as import rows.

Pure mapping, no I/O. One source entity becomes one of three outcomes:

- a raw person row in the import format of docs/formats.md, which ``build_row`` then
  validates like any other row;
- a ``Skip``: not a person to import (a Company, a Sanction, a UN notice for an entity);
  counted, never an error;
- a ``Refusal``: the entity cannot be read; its errors name the *source* field
  (``properties.birthDate``, ``_embedded.notices[2].sex_id``).

What a source says that has no field of ours (extra birth dates, weak aliases, country codes
with no ISO equivalent, document numbers without an issuing country) goes into the row's
``reason`` text, so an officer still reads it; nothing is dropped silently.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from frontline.domain.dates import PartialDate
from frontline.domain.records import DocumentType, NoticeType, Sex
from frontline.errors import FieldError, InvalidInput
from frontline.identifiers.countries import canonical_country
from frontline.identifiers.docnumbers import normalise_document_number
from frontline.records.fields import MAX_LIST, MAX_TEXT

__all__ = [
    "NOTICE_API_TYPES",
    "Outcome",
    "PublicSource",
    "Refusal",
    "Skip",
    "SourceFormat",
    "ftm_person",
    "notice_person",
    "public_source",
    "record_id",
]

MAX_NAME = 200
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}$")


class SourceFormat(StrEnum):
    FRONTLINE = "frontline"
    FTM = "ftm"
    INTERPOL = "interpol"


@dataclass(frozen=True, slots=True)
class Skip:
    """A source entity that is not a person to import; ``reason`` says what it was."""

    reason: str


@dataclass(frozen=True, slots=True)
class Refusal:
    """A source entity that cannot be read; each error names a field of the source."""

    errors: tuple[FieldError, ...]


Outcome = dict[str, Any] | Skip | Refusal

NOTICE_API_TYPES = frozenset({NoticeType.RED, NoticeType.YELLOW, NoticeType.UN_SPECIAL})
"""The notice types the public notices API publishes."""


@dataclass(frozen=True, slots=True)
class PublicSource:
    """How to read one public file: its format, the bureau that will own its records and,
    if the caller forces one, the notice type."""

    format: SourceFormat
    owner: str
    notice_type: NoticeType | None = None

    def people(self, document: Any) -> Iterator[Outcome]:
        """An outcome for each entity of one parsed JSON document (a line, or a whole file)."""
        if self.format is SourceFormat.FTM:
            for where, item in _items(document):
                yield _located(where, ftm_person(item, **self._options()))
            return
        page_type, notices = _page(document)
        for where, item in notices:
            yield _located(where, notice_person(item, **self._options(), page_type=page_type))

    def _options(self) -> dict[str, Any]:
        return {"owner": self.owner, "notice_type": self.notice_type}


def public_source(
    format: SourceFormat, *, owner: str | None, notice_type: NoticeType | None = None
) -> PublicSource:
    """A checked PublicSource: an owner is required, the API has three notice types."""
    if not owner:
        raise InvalidInput.for_field("owner", f"--owner CODE is required with --format {format}")
    if format is SourceFormat.INTERPOL and notice_type and notice_type not in NOTICE_API_TYPES:
        raise InvalidInput.for_field("notice_type", "must be red, yellow or un_special")
    return PublicSource(format, canonical_country(owner, field="owner"), notice_type)


def record_id(prefix: str, source_id: str) -> str:
    """``prefix:source_id`` when that fits our id rules; a hash of the source id otherwise."""
    candidate = f"{prefix}:{source_id}"
    if _ID.match(candidate):
        return candidate
    digest = hashlib.sha256(source_id.encode()).hexdigest()[:40]
    return f"{prefix}-sha256:{digest}"


# --- FollowTheMoney ------------------------------------------------------------------------

_FTM_SEX = {"male": Sex.MALE, "female": Sex.FEMALE, "other": Sex.OTHER}
_FTM_DATASET_TYPES = {
    "interpol_red_notices": NoticeType.RED,
    "interpol_yellow_notices": NoticeType.YELLOW,
}
_UN_SC_DATASETS = frozenset({"un_sc_sanctions"})
_FTM_NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "lastName")
# FollowTheMoney country codes that are not ISO 3166-1 alpha-2: former states and Kosovo.
_FTM_COUNTRIES = {
    "suhh": "SUN",
    "yucs": "YUG",
    "csxx": "SCG",
    "cshh": "CSK",
    "ddde": "DDR",
    "xk": "RKS",
}


def ftm_person(entity: Any, *, owner: str, notice_type: NoticeType | None = None) -> Outcome:
    """One FollowTheMoney entity as a person row; other schemas and non-targets are skipped."""
    if not isinstance(entity, dict):
        return _refuse("(entity)", "must be a FollowTheMoney entity object")
    schema = entity.get("schema")
    if not isinstance(schema, str) or not schema:
        return _refuse("schema", "is required (the entity's FollowTheMoney schema)")
    if schema != "Person":
        return Skip(f"schema {schema}")
    if entity.get("target") is False:
        return Skip("Person that is not a target")
    source = _Source(entity)
    properties = source.mapping("properties")
    entity_id = source.text("id", required=True)
    datasets = source.texts("datasets")
    props = _Source(properties, "properties.", source.errors, source.notes)
    names = [*props.texts("name"), _joined(props, _FTM_NAME_PARTS)]
    row = _person_row(
        source,
        owner=owner,
        row_id=record_id("ftm", entity_id) if entity_id else None,
        name_field="properties.name",
        names=[name for name in names if name],
        aliases=[*props.texts("alias"), *props.texts("previousName")],
        births=props.texts("birthDate"),
        sex=_ftm_sex(props),
        countries=[*props.texts("nationality"), *props.texts("citizenship")],
    )
    topics = props.texts("topics")
    row["type"] = (notice_type or _ftm_notice_type(topics, datasets)).value
    row["documents"] = _ftm_documents(props, row["nationalities"])
    source.note_first(
        _listed("topics", topics),
        *props.texts("program"),
        *props.texts("notes"),
        _listed("weak aliases (not matched)", props.texts("weakAlias")),
        _born_in(props.texts("birthPlace")[:1], props.texts("birthCountry")[:1]),
        _listed("datasets", datasets),
        _listed("source", props.texts("sourceUrl")[:1]),
    )
    return source.finish(row)


def _ftm_sex(props: _Source) -> Sex:
    sexes = []
    for value in props.texts("gender"):
        sex = _FTM_SEX.get(value.lower())
        if sex is None:
            props.fail("gender", f"{value!r} is not male, female or other")
        elif sex not in sexes:
            sexes.append(sex)
    if len(sexes) > 1:
        props.note(f"genders given: {', '.join(props.texts('gender'))}")
        return Sex.UNKNOWN
    return sexes[0] if sexes else Sex.UNKNOWN


def _ftm_notice_type(topics: list[str], datasets: list[str]) -> NoticeType:
    """Dataset first (the notices' own exports), then topics; see docs/formats.md."""
    for dataset in datasets:
        if dataset in _FTM_DATASET_TYPES:
            return _FTM_DATASET_TYPES[dataset]
    if "wanted" in topics:
        return NoticeType.RED
    if "sanction" in topics and _UN_SC_DATASETS.intersection(datasets):
        return NoticeType.UN_SPECIAL
    return NoticeType.NOMINAL


def _ftm_documents(props: _Source, nationalities: list[str]) -> list[dict[str, str]]:
    """Passport and id numbers; FtM gives no issuing country, so the only nationality is used."""
    numbers = [
        *((number, DocumentType.PASSPORT) for number in props.texts("passportNumber")),
        *((number, DocumentType.ID_CARD) for number in props.texts("idNumber")),
    ]
    if len(nationalities) != 1:
        unplaced = [number for number, _ in numbers]
        props.note(_listed("document numbers (issuing country unknown)", unplaced))
        return []
    documents: list[dict[str, str]] = []
    for number, doc_type in numbers:
        try:
            normalised = normalise_document_number(number)
        except InvalidInput:
            props.note(f"unreadable document number: {number}")
            continue
        item = {"number": normalised, "issuing_country": nationalities[0], "type": doc_type.value}
        if item not in documents and len(documents) < MAX_LIST:
            documents.append(item)
    return documents


# --- the notices API ----------------------------------------------------------------------

_API_PATH = re.compile(r"/notices/v1/(red|yellow|un)(?:/(persons|entities))?(?:/|$)")
_API_TYPES = {"red": NoticeType.RED, "yellow": NoticeType.YELLOW, "un": NoticeType.UN_SPECIAL}
_API_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "U": Sex.UNKNOWN}
_UN_ENTITY_FIELDS = ("legal_form", "registration_number", "main_activity", "administrators")


def notice_person(
    notice: Any,
    *,
    owner: str,
    notice_type: NoticeType | None = None,
    page_type: NoticeType | Skip | None = None,
) -> Outcome:
    """One notice (a detail object or an item of a list page) as a person row."""
    if not isinstance(notice, dict):
        return _refuse("(notice)", "must be a notice object")
    source = _Source(notice)
    found = _notice_type(source, notice_type, page_type)
    if isinstance(found, Skip | Refusal):
        return found
    if any(notice.get(key) for key in _UN_ENTITY_FIELDS):
        return Skip("UN notice for an entity")
    entity_id = source.text("entity_id", required=True)
    latin = _joined(source, ("forename", "name"))
    original = _joined(source, ("forename_in_original_script", "name_in_original_script"))
    if not latin and not original and not source.errors:
        return Skip("notice without a name")
    row = _person_row(
        source,
        owner=owner,
        row_id=record_id("interpol", entity_id.replace("/", "-")) if entity_id else None,
        name_field="name",
        names=[name for name in (original, latin) if name],
        aliases=[*_notice_aliases(source), *source.texts_or_text("birth_name", "name_at_birth")],
        births=[value.replace("/", "-") for value in source.texts_or_text("date_of_birth")],
        sex=_notice_sex(source),
        countries=source.texts("nationalities"),
    )
    row["type"] = found.value
    row["documents"] = []
    source.note_first(
        _charges(source),
        _missing_since(source),
        *source.texts_or_text("summary", "formerly_known_as"),
        *[f"identity document: {text}" for text in source.texts("identity_documents")],
        *[f"UN reference: {ref}" for ref in source.texts_or_text("un_reference")],
        *[f"distinguishing marks: {text}" for text in source.texts_or_text("distinguishing_marks")],
        _born_in(
            source.texts_or_text("place_of_birth"), source.texts_or_text("country_of_birth_id")
        ),
    )
    return source.finish(row)


def _page(document: Any) -> tuple[NoticeType | Skip | None, list[tuple[str, Any]]]:
    """A list page's own notice type (from its link) and its notices; else the items."""
    if isinstance(document, dict):
        embedded = document.get("_embedded")
        if isinstance(embedded, dict) and "notices" in embedded:
            notices = embedded["notices"]
            if not isinstance(notices, list):
                return None, [("_embedded.notices", notices)]
            page_type = _href_type(_self_href(document))
            items = [(f"_embedded.notices[{index}]", item) for index, item in enumerate(notices)]
            return page_type, items
    return None, list(_items(document))


def _notice_type(
    source: _Source, forced: NoticeType | None, page_type: NoticeType | Skip | None
) -> NoticeType | Skip | Refusal:
    """The notice's colour: from its own link, its page's link or the caller; never a guess."""
    found = _href_type(_self_href(source.raw)) or page_type
    if isinstance(found, Skip):
        return found
    if found and forced and found is not forced:
        message = f"is a {found} notice but the import asked for {forced}"
        return _refuse("_links.self.href", message)
    chosen = forced or found
    if chosen is None:
        return _refuse("_links.self.href", "no notice type: give --notice-type")
    return chosen


def _href_type(href: str | None) -> NoticeType | Skip | None:
    match = _API_PATH.search(urlsplit(href).path) if href else None
    if match is None:
        return None
    if match.group(2) == "entities":
        return Skip("UN notice for an entity")
    return _API_TYPES[match.group(1)]


def _self_href(raw: dict[str, Any]) -> str | None:
    links = raw.get("_links")
    own = links.get("self") if isinstance(links, dict) else None
    href = own.get("href") if isinstance(own, dict) else None
    return href if isinstance(href, str) else None


def _notice_aliases(source: _Source) -> list[str]:
    aliases = source.raw.get("aliases")
    if aliases is None:
        return []
    if not isinstance(aliases, list):
        source.fail("aliases", "must be a list")
        return []
    out = []
    for index, alias in enumerate(aliases):
        if isinstance(alias, str):
            out.append(alias.strip())
        elif isinstance(alias, dict):
            item = _Source(alias, f"aliases[{index}].", source.errors, source.notes)
            out.append(_joined(item, ("forename", "name")))
        else:
            source.fail(f"aliases[{index}]", "must be text or {forename, name}")
    return [alias for alias in out if alias]


def _notice_sex(source: _Source) -> Sex:
    value = source.text("sex_id")
    if value is None:
        return Sex.UNKNOWN
    sex = _API_SEX.get(value.upper())
    if sex is None:
        source.fail("sex_id", f"{value!r} is not M, F or U")
    return sex or Sex.UNKNOWN


def _charges(source: _Source) -> str:
    warrants = source.raw.get("arrest_warrants")
    if warrants is None:
        return ""
    if not isinstance(warrants, list):
        source.fail("arrest_warrants", "must be a list")
        return ""
    charges = []
    for index, warrant in enumerate(warrants):
        if not isinstance(warrant, dict):
            source.fail(f"arrest_warrants[{index}]", "must be an object")
            continue
        item = _Source(warrant, f"arrest_warrants[{index}].", source.errors, source.notes)
        text = " / ".join(item.texts_or_text("charge", "charge_translation"))
        country = item.text("issuing_country_id")
        charges.append(f"{text} (warrant issued by {country})" if country else text)
    return f"charges: {'; '.join(charge for charge in charges if charge)}" if charges else ""


def _missing_since(source: _Source) -> str:
    date = " ".join(source.texts_or_text("date_of_event")).replace("/", "-")
    place = ", ".join(source.texts_or_text("place", "country"))
    if not date and not place:
        return ""
    return "missing" + (f" since {date}" if date else "") + (f" at {place}" if place else "")


# --- shared -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Source:
    """Reads one source object, collecting errors (named by source field) and notes."""

    raw: dict[str, Any]
    prefix: str = ""
    errors: list[FieldError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def fail(self, name: str, message: str) -> None:
        self.errors.append(FieldError(self.prefix + name, message))

    def note(self, text: str | None) -> None:
        self.notes.extend(_tidy([text]))

    def note_first(self, *texts: str | None) -> None:
        """Notes that go before the ones added so far (the source's own reason first)."""
        self.notes[:0] = _tidy(texts)

    def mapping(self, name: str) -> dict[str, Any]:
        value = self.raw.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(name, "must be an object")
            return {}
        return value

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.raw.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None and not isinstance(value, str):
            self.fail(name, f"must be text, not {type(value).__name__}")
        elif required:
            self.fail(name, "is required")
        return None

    def texts(self, name: str) -> list[str]:
        """A list of text values (FtM properties, API code lists); empty when absent."""
        value = self.raw.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(name, "must be a list of text")
            return []
        return [item.strip() for item in value if item.strip()]

    def texts_or_text(self, *names: str) -> list[str]:
        """The values of fields that hold one text each (or, in some notices, a list)."""
        out: list[str] = []
        for name in names:
            if isinstance(self.raw.get(name), list):
                out.extend(self.texts(name))
            elif (value := self.text(name)) is not None:
                out.append(value)
        return out

    def finish(self, row: dict[str, Any]) -> Outcome:
        if self.errors:
            return Refusal(tuple(self.errors))
        row["reason"] = _clip("; ".join(self.notes), MAX_TEXT)
        return row


def _person_row(
    source: _Source,
    *,
    owner: str,
    row_id: str | None,
    name_field: str,
    names: list[str],
    aliases: list[str],
    births: list[str],
    sex: Sex,
    countries: list[str],
) -> dict[str, Any]:
    """The fields both formats fill alike; what does not fit becomes a note."""
    if not names and not source.errors:
        source.errors.append(FieldError(name_field, "is required: a person needs a name"))
    elif names and len(names[0]) > MAX_NAME:
        source.errors.append(FieldError(name_field, f"is longer than {MAX_NAME} characters"))
    return {
        "id": row_id,
        "owner": owner,
        "name": names[0] if names else "",
        "aliases": _aliases(names[1:] + aliases, names[:1], source),
        "birth_date": _birth_date(births, source),
        "sex": sex.value,
        "nationalities": _countries(countries, source),
    }


def _aliases(candidates: list[str], taken: list[str], source: _Source) -> list[str]:
    seen = {name.casefold() for name in taken}
    out: list[str] = []
    for alias in candidates:
        if alias.casefold() in seen:
            continue
        seen.add(alias.casefold())
        if len(alias) > MAX_NAME:
            source.note(f"alias too long to match: {_clip(alias, 80)}")
        elif len(out) < MAX_LIST:
            out.append(alias)
        else:
            source.note(f"alias beyond the first {MAX_LIST}: {alias}")
    return out


def _birth_date(values: list[str], source: _Source) -> str | None:
    """The first readable date (full or partial); the others are kept as notes."""
    dates: list[str] = []
    for value in values:
        try:
            date = PartialDate.parse(value.split("T", 1)[0]).isoformat()
        except ValueError:
            source.note(f"unreadable birth date: {value}")
            continue
        if date not in dates:
            dates.append(date)
    if len(dates) > 1:
        source.note(f"other birth dates: {', '.join(dates[1:])}")
    return dates[0] if dates else None


def _countries(codes: list[str], source: _Source) -> list[str]:
    """ISO alpha-2 (any case) or FtM codes as our alpha-3; unknown codes become a note."""
    out: list[str] = []
    unknown: list[str] = []
    for code in codes:
        mapped = _FTM_COUNTRIES.get(code.lower())
        if mapped is None:
            try:
                mapped = canonical_country(code)
            except InvalidInput:
                unknown.append(code)
                continue
        if mapped not in out and len(out) < MAX_LIST:
            out.append(mapped)
    source.note(_listed("nationality codes with no ISO equivalent", unknown))
    return out


def _joined(source: _Source, names: tuple[str, ...]) -> str:
    """The first value of each name part, joined by spaces (``forename`` + ``name``)."""
    parts = [values[0] for name in names if (values := source.texts_or_text(name))]
    return " ".join(part for part in parts if part not in ("-", ""))


def _tidy(texts: Iterable[str | None]) -> list[str]:
    """The non-empty texts, without trailing stops that would double up once joined."""
    return [tidy for text in texts if text and (tidy := text.strip().rstrip(" .;"))]


def _listed(label: str, values: list[str]) -> str:
    return f"{label}: {', '.join(values)}" if values else ""


def _born_in(places: list[str], countries: list[str]) -> str:
    where = ", ".join([*places, *countries])
    return f"born in {where}" if where else ""


def _items(document: Any) -> Iterator[tuple[str, Any]]:
    """A JSON array is many entities, anything else one."""
    if isinstance(document, list):
        for index, item in enumerate(document):
            yield f"[{index}]", item
    else:
        yield "", document


def _located(where: str, outcome: Outcome) -> Outcome:
    """Errors of an entity inside a page or array, named by their path in the document."""
    if not where or not isinstance(outcome, Refusal):
        return outcome
    return Refusal(tuple(FieldError(f"{where}.{e.field}", e.message) for e in outcome.errors))


def _refuse(name: str, message: str) -> Refusal:
    return Refusal((FieldError(name, message),))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
