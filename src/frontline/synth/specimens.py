"""Synthetic genuine-document specimens and counterfeit alerts for the demo world.

Each country of the world gets two passport series (the one before 2016 and the current
one) and, where it issues them, an identity card series, numbered like the demo world's
documents (``frontline.synth.bureaus``), so a demo MRZ finds its specimen. Security
features are the usual kinds, described generically; nothing here describes a real
document's features.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from frontline.domain.records import DocumentType
from frontline.synth.bureaus import COUNTRIES, document_pattern, issues_id_cards
from frontline.synth.patterns import Pattern

__all__ = ["demo_alerts", "demo_specimens", "pattern_regex"]

_PASSPORT_FEATURES = (
    "Polycarbonate data page; the portrait is laser-engraved and feels smooth, never raised",
    "A ghost image of the portrait repeats the holder's birth date in microtext",
    "Optically variable ink on the document number changes from green to blue",
    "UV light shows fluorescent fibres and the national emblem on every visa page",
    "Each page carries the document number as laser perforation",
)
_CARD_FEATURES = (
    "Polycarbonate card; the portrait and data are laser-engraved",
    "A tactile laser-engraved element over the portrait, felt with a fingertip",
    "A changeable laser image shows the birth date or the portrait as the card tilts",
)


def pattern_regex(pattern: Pattern) -> str:
    """The regular expression of the numbers a synthetic pattern makes."""
    parts: list[str] = []
    previous, run = "", 0
    for alphabet in (*pattern.alphabets, ""):
        if alphabet == previous:
            run += 1
            continue
        if previous:
            parts.append(_char_class(previous) + (f"{{{run}}}" if run > 1 else ""))
        previous, run = alphabet, 1
    return "".join(parts)


def _char_class(alphabet: str) -> str:
    if len(alphabet) == 1:
        return re.escape(alphabet)
    if alphabet == "0123456789":
        return "[0-9]"
    return "[" + "".join(re.escape(char) for char in alphabet) + "]"


def demo_specimens() -> list[dict[str, Any]]:
    """The specimens of every country of the demo world, in the import format."""
    rows = []
    for profile in COUNTRIES:
        code = profile.code
        passport = pattern_regex(document_pattern(code, DocumentType.PASSPORT))
        rows.append(
            _specimen(code, "passport", "2006", passport, "2006-06-01", "2015-12-31", adult=10)
        )
        rows.append(_specimen(code, "passport", "2016", passport, "2016-01-01", None, adult=10))
        if issues_id_cards(code):
            card = pattern_regex(document_pattern(code, DocumentType.ID_CARD))
            rows.append(_specimen(code, "id_card", "2019", card, "2019-03-01", None, adult=10))
    return rows


def _specimen(
    country: str,
    document_type: str,
    series: str,
    number_format: str,
    valid_from: str,
    valid_to: str | None,
    *,
    adult: int,
) -> dict[str, Any]:
    features = _PASSPORT_FEATURES if document_type == "passport" else _CARD_FEATURES
    kind = "passport" if document_type == "passport" else "identity card"
    return {
        "id": f"SPC-{country}-{document_type.upper().replace('_', '')}-{series}",
        "country": country,
        "document_type": document_type,
        "series": series,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "number_format": number_format,
        "validity": {"adult_years": adult, "minor_years": 5, "minor_age": 18},
        "security_features": list(features),
        "images": [],
        "description": f"Synthetic specimen: the {series} series of the {country} {kind}.",
        "owner": country,
    }


def demo_alerts(today: dt.date) -> list[dict[str, Any]]:
    """A few counterfeit alerts on the demo world's busiest series, dated before ``today``."""
    alerts = [
        (
            "FRA",
            "passport",
            ["2016"],
            21,
            "Counterfeit data pages with a printed portrait",
            "The portrait is inkjet-printed, not laser-engraved: under a loupe it shows dots, and "
            "the ghost image has no microtext. Numbers seen start with 19 or 20.",
        ),
        (
            "DEU",
            "id_card",
            ["2019"],
            45,
            "Altered cards with a relaminated portrait",
            "The tactile element over the portrait is missing or flat; the changeable laser "
            "image does not change as the card tilts.",
        ),
        (
            "ESP",
            "passport",
            [],
            90,
            "Stolen blank booklets personalised by hand",
            "Numbers from stolen blank batches; the perforated number does not match the data "
            "page, and the optically variable ink stays one colour.",
        ),
        (
            "GBR",
            "passport",
            ["2006"],
            200,
            "Old-series booklets with a substituted data page",
            "Stitching redone at the fold; UV light shows no fluorescent fibres on the data page.",
        ),
    ]
    return [
        {
            "id": f"ALR-{country}-{number:03d}",
            "country": country,
            "document_type": kind,
            "series": series,
            "issued_on": (today - dt.timedelta(days=days_ago)).isoformat(),
            "title": title,
            "look_for": look_for,
            "owner": country,
        }
        for number, (country, kind, series, days_ago, title, look_for) in enumerate(alerts, 1)
    ]
