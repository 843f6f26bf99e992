"""The countries of the synthetic world: how often they report, how their numbers look.

Number patterns imitate the public shape of each country's documents (see
``frontline.synth.patterns``); they are plausible, never real numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontline.domain.records import DocumentType
from frontline.synth.patterns import Pattern
from frontline.synth.randomness import Weighted

__all__ = [
    "BUREAUS",
    "COUNTRIES",
    "MRZ_CODES",
    "CountryProfile",
    "document_pattern",
    "issues_id_cards",
]


@dataclass(frozen=True, slots=True)
class CountryProfile:
    """One issuing country: its share of reports and the patterns of its numbers.

    ``id_card`` is ``None`` for a country without a national identity card.
    """

    code: str
    weight: int
    passport: str
    id_card: str | None = None
    visa: str = "999999999"
    residence_permit: str = "aa9999999"


# fmt: off
COUNTRIES: tuple[CountryProfile, ...] = (
    CountryProfile("FRA", 60, "99aa99999", "xxxxxxxxx"),
    CountryProfile("DEU", 60, "[CFGHJK]gggggggg", "[LMNPRTVWXY]gggggggg"),
    CountryProfile("ESP", 45, "aaa999999", "99999999a"),
    CountryProfile("ITA", 45, "aa9999999", "[C]a99999aa"),
    CountryProfile("GBR", 45, "999999999"),
    CountryProfile("USA", 50, "a99999999"),
    CountryProfile("RUS", 40, "999999999", "9999999999"),
    CountryProfile("UKR", 35, "aa999999", "999999999"),
    CountryProfile("TUR", 35, "[U]99999999", "a99a99999"),
    CountryProfile("EGY", 20, "a99999999", "99999999999999"),
    CountryProfile("MAR", 20, "aa9999999", "aa999999"),
    CountryProfile("NGA", 25, "a99999999", "99999999999"),
    CountryProfile("KEN", 15, "aa9999999", "99999999"),
    CountryProfile("ZAF", 20, "a99999999", "9999999999999"),
    CountryProfile("IND", 35, "a9999999"),
    CountryProfile("PAK", 20, "aa9999999", "9999999999999"),
    CountryProfile("CHN", 35, "[E]99999999"),
    CountryProfile("JPN", 20, "aa9999999"),
    CountryProfile("KOR", 20, "[M]99999999"),
    CountryProfile("THA", 15, "aa9999999", "9999999999999"),
    CountryProfile("PHL", 15, "[P]9999999a"),
    CountryProfile("IDN", 15, "a9999999", "9999999999999999"),
    CountryProfile("BRA", 30, "aa999999", "999999999"),
    CountryProfile("MEX", 20, "a99999999"),
    CountryProfile("COL", 15, "aa999999", "9999999999"),
    CountryProfile("ARG", 15, "aaa999999", "99999999"),
    CountryProfile("GRC", 15, "aa9999999", "aa999999"),
    CountryProfile("ISR", 10, "99999999", "999999999"),
    CountryProfile("IRN", 15, "a99999999"),
    CountryProfile("SAU", 10, "a9999999", "9999999999"),
    CountryProfile("NLD", 25, "aaxxxxxx9", "aaxxxxxx9"),
    CountryProfile("POL", 25, "aa9999999", "aaa999999"),
    CountryProfile("BEL", 15, "aa999999", "999999999999"),
    CountryProfile("PRT", 10, "[C]a999999", "99999999"),
    CountryProfile("AUT", 10, "[PU]9999999", "9999999"),
    CountryProfile("CHE", 10, "a9999999", "a9999999"),
    CountryProfile("VNM", 15, "[BC]9999999"),
    CountryProfile("CAN", 15, "aa999999"),
    CountryProfile("AUS", 15, "a9999999"),
    CountryProfile("IRQ", 10, "a99999999", "999999999999"),
    CountryProfile("SYR", 10, "[N]99999999"),
    CountryProfile("AFG", 5, "[P]9999999"),
)
# fmt: on

_BY_CODE = {profile.code: profile for profile in COUNTRIES}

BUREAUS: Weighted[str] = Weighted((profile.code, profile.weight) for profile in COUNTRIES)
"""Bureaus that own records, in proportion to how much they report."""

MRZ_CODES = {"DEU": "D"}
"""Codes an MRZ prints differently from ISO 3166 (ICAO 9303 Part 3: Germany is ``D``)."""


def document_pattern(country: str, document_type: DocumentType) -> Pattern:
    """The number pattern of ``country`` for ``document_type``.

    A country without identity cards numbers them like its passports, so callers that want
    realism pick passports there instead (see :func:`issues_id_cards`).
    """
    profile = _BY_CODE[country]
    if document_type is DocumentType.ID_CARD:
        return Pattern(profile.id_card or profile.passport)
    if document_type is DocumentType.VISA:
        return Pattern(profile.visa)
    if document_type is DocumentType.RESIDENCE_PERMIT:
        return Pattern(profile.residence_permit)
    return Pattern(profile.passport)


def issues_id_cards(country: str) -> bool:
    """Whether ``country`` issues a national identity card."""
    return _BY_CODE[country].id_card is not None
