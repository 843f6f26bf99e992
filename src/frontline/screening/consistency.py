"""Consistency of a document with its genuine references: which specimen it claims to be,
the alerts that apply, and the warnings an inspector should see (pure, no I/O).

Warnings (codes in the check result's ``warnings``):

- ``number_format``: the number has none of the formats of the country's series (or not
  the format of the series its issue date falls in);
- ``issued_before_series`` / ``issued_after_series``: the issue date is before the series
  existed, or after it stopped being issued;
- ``validity_period``: issue to expiry is not the country's validity for the holder's age;
- ``mrz_visual_mismatch``: the MRZ and the visual zone (the typed fields) disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from anyascii import anyascii

from frontline.domain.checks import CheckWarning
from frontline.domain.dates import PartialDate
from frontline.domain.queries import DocumentQuery, PersonQuery
from frontline.domain.records import DocumentType
from frontline.domain.specimens import Alert, DocumentReference, Specimen, number_fits

__all__ = ["mrz_visual_warnings", "number_format_warning", "reference_for"]

_PASSPORT = DocumentType.PASSPORT
_DAYS_OF_SLACK = 1  # many countries make a document expire the day before the anniversary


def reference_for(
    query: DocumentQuery,
    specimens: Sequence[Specimen],
    alerts: Sequence[Alert],
    *,
    birth_date: PartialDate | None,
) -> tuple[DocumentReference, list[CheckWarning]]:
    """The specimen ``query`` claims to be among its country's ``specimens``, the alerts
    that apply, and what disagrees with the specimen."""
    wanted = [s for s in specimens if query.type is None or s.document_type is query.type]
    specimen, warnings = _choose(query, wanted)
    if specimen is not None:
        warnings.extend(_dates(query, specimen, birth_date))
    kind = specimen.document_type if specimen else query.type
    applying = tuple(
        alert
        for alert in alerts
        if (kind is None or alert.document_type is kind) and alert.applies_to(specimen)
    )
    return DocumentReference(query.number, query.country, specimen, applying), warnings


def _choose(
    query: DocumentQuery, specimens: list[Specimen]
) -> tuple[Specimen | None, list[CheckWarning]]:
    """The series whose number format the number has (the one in issue on the issue date
    if several), else the series in issue on that date, with a number_format warning."""
    if not specimens:
        return None, []
    fitting = [s for s in specimens if number_fits(s, query.number)]
    issued = query.issue_date
    if fitting:
        if issued is None:
            return _latest(fitting), []
        dated = [s for s in fitting if s.is_issued_on(issued)]
        earlier = [s for s in fitting if s.valid_from <= issued]
        if dated or earlier:
            return _latest(dated or earlier), []
        return min(fitting, key=lambda s: (s.valid_from, s.id)), []  # before every series
    dated = [s for s in specimens if issued is not None and s.is_issued_on(issued)]
    chosen = _latest(dated or specimens)
    return chosen, [number_format_warning(query, chosen, of_series=bool(dated))]


def number_format_warning(
    query: DocumentQuery, chosen: Specimen, *, of_series: bool
) -> CheckWarning:
    """The number has not the format of ``chosen`` (``of_series``: the series in issue on
    the issue date) or of any series on file."""
    what = f"{chosen.country} {chosen.document_type.value}"
    where = f"series {chosen.series}" if of_series else "any series on file"
    message = (
        f"{query.entered} does not have the number format of {what} {where} "
        f"({chosen.number_format})"
    )
    return CheckWarning("number_format", "document.number", message)


def _latest(specimens: list[Specimen]) -> Specimen:
    """The newest series; of a number checked without its type, a passport's first."""
    return max(specimens, key=lambda s: (s.document_type is _PASSPORT, s.valid_from, s.id))


def _dates(
    query: DocumentQuery, specimen: Specimen, birth_date: PartialDate | None
) -> list[CheckWarning]:
    issued, expiry = query.issue_date, query.expiry_date
    if issued is None:
        return []
    warnings = []
    if issued < specimen.valid_from:
        message = (
            f"issued {issued.isoformat()}, before series {specimen.series} existed "
            f"(from {specimen.valid_from.isoformat()})"
        )
        warnings.append(CheckWarning("issued_before_series", "document.issue_date", message))
    elif specimen.valid_to is not None and issued > specimen.valid_to:
        message = (
            f"issued {issued.isoformat()}, after series {specimen.series} stopped being "
            f"issued ({specimen.valid_to.isoformat()})"
        )
        warnings.append(CheckWarning("issued_after_series", "document.issue_date", message))
    if expiry is not None:
        problem = _validity_problem(specimen, issued, expiry, birth_date)
        if problem:
            warnings.append(CheckWarning("validity_period", "document.expiry_date", problem))
    return warnings


def _validity_problem(
    specimen: Specimen, issued: dt.date, expiry: dt.date, birth: PartialDate | None
) -> str | None:
    rules = _rules_for_age(specimen, issued, birth)
    if not rules:
        return None
    for years in rules.values():
        if abs((expiry - _add_years(issued, years)).days) <= _DAYS_OF_SLACK:
            return None
    said = " or ".join(f"{years} years for {who}" for who, years in rules.items())
    return (
        f"issued {issued.isoformat()} and expiring {expiry.isoformat()}: "
        f"{specimen.country} {specimen.document_type.value} series {specimen.series} "
        f"is valid {said}"
    )


def _rules_for_age(
    specimen: Specimen, issued: dt.date, birth: PartialDate | None
) -> dict[str, int]:
    """The validity periods that may apply: by the holder's age at issue when known."""
    rules = {}
    if specimen.adult_years:
        rules["adults"] = specimen.adult_years
    if specimen.minor_years:
        rules[f"minors under {specimen.minor_age}"] = specimen.minor_years
    if birth is None or len(rules) < 2:
        return rules
    youngest, oldest = _age_bounds(issued, birth)
    if oldest < specimen.minor_age:
        return {f"minors under {specimen.minor_age}": specimen.minor_years or 0}
    if youngest >= specimen.minor_age:
        return {"adults": specimen.adult_years or 0}
    return rules


def _age_bounds(on: dt.date, birth: PartialDate) -> tuple[int, int]:
    years = on.year - birth.year
    if birth.month is None or birth.day is None:
        return years - 1, years
    before_birthday = (on.month, on.day) < (birth.month, birth.day)
    age = years - 1 if before_birthday else years
    return age, age


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


def mrz_visual_warnings(
    mrz_document: DocumentQuery,
    mrz_person: PersonQuery | None,
    document: DocumentQuery | None,
    person: PersonQuery | None,
) -> list[CheckWarning]:
    """Where the visual zone (the typed fields) disagrees with the MRZ of the same page."""
    found: list[tuple[str, str, str]] = []
    if document is not None:
        if document.number != mrz_document.number:
            found.append(("document.number", document.entered, mrz_document.entered))
        if document.country != mrz_document.country:
            found.append(("document.country", document.country, mrz_document.country))
        expiry, read = document.expiry_date, mrz_document.expiry_date
        if expiry is not None and read is not None and expiry != read:
            found.append(("document.expiry_date", expiry.isoformat(), read.isoformat()))
    if person is not None and mrz_person is not None:
        born, read_born = person.birth_date, mrz_person.birth_date
        if born is not None and read_born is not None and not _same_date(born, read_born):
            found.append(("person.birth_date", born.isoformat(), read_born.isoformat()))
        if not _names_agree(person.name, mrz_person.name):
            found.append(("person.name", person.name, mrz_person.name.replace("<", " ").strip()))
    return [
        CheckWarning("mrz_visual_mismatch", where, f"the visual zone reads {seen}, the MRZ {read}")
        for where, seen, read in found
    ]


def _same_date(one: PartialDate, other: PartialDate) -> bool:
    pairs = ((one.year, other.year), (one.month, other.month), (one.day, other.day))
    return all(a is None or b is None or a == b for a, b in pairs)


_WORD = re.compile(r"[A-Z]+")


def _words(name: str) -> set[str]:
    folded = anyascii(name.replace("<", " ")).upper()
    return {word for word in _WORD.findall(folded) if len(word) > 1}


def _names_agree(visual: str, mrz: str) -> bool:
    """Lenient on purpose (the MRZ transliterates and truncates): any word of the MRZ name
    that starts a word of the visual name, or is started by one, agrees."""
    seen, read = _words(visual), _words(mrz)
    if not seen or not read:
        return True
    return any(a.startswith(b) or b.startswith(a) for a in seen for b in read)
