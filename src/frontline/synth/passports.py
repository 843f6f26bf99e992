"""Valid travel documents with machine-readable zones, and ready-to-paste demo MRZs.

MRZs are composed by ``frontline.identifiers.mrz_build``; this module only decides what goes
in them. German documents print ``D`` where records say ``DEU`` (ICAO 9303 Part 3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from frontline.domain.checks import Database, Verdict
from frontline.domain.records import DocumentType, Sex, TravelDocument
from frontline.identifiers.checkdigit import icao_check_digit
from frontline.identifiers.mrz_build import build_mrva, build_td1, build_td3
from frontline.synth.bureaus import MRZ_CODES
from frontline.synth.naming import ComposedName

__all__ = [
    "DemoDocument",
    "DemoMRZ",
    "break_number_check_digit",
    "build_mrz",
    "make_demo_document",
    "mrz_for_document",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoDocument:
    """A valid (not listed) document and its holder, with the MRZ a reader would scan.

    ``person_id`` names the notice the document is linked to (TDAWN); ``None`` for a clean
    traveller. ``name`` is the holder's name in their own script.
    """

    document_number: str
    document_type: DocumentType
    issuing_country: str
    nationality: str
    surname: str
    given_names: str
    name: str
    birth_date: dt.date
    sex: Sex
    expiry_date: dt.date
    mrz: tuple[str, ...]
    person_id: str | None = None

    @property
    def mrz_text(self) -> str:
        """The MRZ lines joined by newlines, as a scanner sends them."""
        return "\n".join(self.mrz)


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoMRZ:
    """A ready-to-paste MRZ and what checking it should give.

    ``database`` and ``record_id`` name the record a hit comes from; ``expected_warning`` is
    the code of a warning the check reports.
    """

    label: str
    lines: tuple[str, ...]
    expected_verdict: Verdict
    database: Database | None = None
    record_id: str | None = None
    expected_warning: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def make_demo_document(
    *,
    holder: ComposedName,
    document_type: DocumentType,
    document_number: str,
    issuing_country: str,
    birth_date: dt.date,
    sex: Sex,
    expiry_date: dt.date,
    person_id: str | None = None,
) -> DemoDocument:
    """A valid document of ``holder``, a national of the issuing country, with its MRZ."""
    return DemoDocument(
        document_number=document_number,
        document_type=document_type,
        issuing_country=issuing_country,
        nationality=issuing_country,
        surname=holder.surname,
        given_names=holder.given_names,
        name=holder.name,
        birth_date=birth_date,
        sex=sex,
        expiry_date=expiry_date,
        mrz=build_mrz(
            document_type=document_type,
            document_number=document_number,
            issuing_country=issuing_country,
            nationality=issuing_country,
            surname=holder.surname,
            given_names=holder.given_names,
            birth_date=birth_date,
            sex=sex,
            expiry_date=expiry_date,
        ),
        person_id=person_id,
    )


class _MrzFields(TypedDict):
    issuing_country: str
    nationality: str
    surname: str
    given_names: str
    document_number: str
    birth_date: dt.date
    sex: str
    expiry_date: dt.date


def build_mrz(
    *,
    document_type: DocumentType,
    document_number: str,
    issuing_country: str,
    nationality: str,
    surname: str,
    given_names: str,
    birth_date: dt.date,
    sex: Sex,
    expiry_date: dt.date,
) -> tuple[str, ...]:
    """The MRZ of a document: TD3 for passports, TD1 for cards, MRV-A for visas."""
    fields: _MrzFields = {
        "issuing_country": MRZ_CODES.get(issuing_country, issuing_country),
        "nationality": MRZ_CODES.get(nationality, nationality),
        "surname": surname,
        "given_names": given_names,
        "document_number": document_number,
        "birth_date": birth_date,
        "sex": sex.value if sex in (Sex.MALE, Sex.FEMALE) else "X",
        "expiry_date": expiry_date,
    }
    if document_type is DocumentType.PASSPORT:
        return build_td3(**fields)
    if document_type is DocumentType.VISA:
        return build_mrva(**fields)
    if document_type is DocumentType.RESIDENCE_PERMIT:
        return build_td1(document_code="IR", **fields)
    return build_td1(**fields)


def mrz_for_document(
    document: TravelDocument,
    *,
    surname: str,
    given_names: str,
    birth_date: dt.date,
    sex: Sex,
    expiry: dt.date,
    nationality: str | None = None,
) -> tuple[str, ...]:
    """The MRZ a listed single document would carry for the given holder.

    A blank batch has no single number, hence no MRZ: that raises ``ValueError``.
    """
    if document.number is None:
        raise ValueError(f"{document.id} is a blank batch; pick a number in it first")
    return build_mrz(
        document_type=document.type,
        document_number=document.number,
        issuing_country=document.issuing_country,
        nationality=nationality or document.issuing_country,
        surname=surname,
        given_names=given_names,
        birth_date=birth_date,
        sex=sex,
        expiry_date=expiry,
    )


def break_number_check_digit(lines: tuple[str, ...]) -> tuple[str, ...]:
    """A TD3 MRZ whose document-number check digit is wrong and every other digit right.

    The composite check digit is recomputed, so exactly one check fails: the number's.
    """
    line1, line2 = lines
    if len(lines[1]) != 44 or not line2[9].isdigit():
        raise ValueError("not a TD3 MRZ with a short document number")
    wrong = str((int(line2[9]) + 5) % 10)
    body = line2[:9] + wrong + line2[10:43]
    composite = body[0:10] + body[13:20] + body[21:43]
    return line1, body + icao_check_digit(composite)
