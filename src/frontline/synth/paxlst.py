"""Synthetic UN/EDIFACT PAXLST manifests: a flight and its passengers, as an airline sends
them (D05B, default separators, names and numbers released where they hold one). Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from frontline.synth.documents import DocumentPlan, ReservedNumbers
from frontline.synth.passports import DemoDocument
from frontline.synth.travellers import draw_clean_travellers

__all__ = ["render_paxlst", "synthetic_manifest"]

_DOC_CODES = {"passport": "P", "id_card": "I", "visa": "V", "residence_permit": "A"}


def _released(value: str) -> str:
    """``value`` with the default service characters released (O'NEIL -> O?'NEIL)."""
    for sign in "?'+:":
        value = value.replace(sign, "?" + sign)
    return value


def _traveller(document: DemoDocument) -> list[str]:
    code = _DOC_CODES.get(document.document_type.value, "P")
    return [
        f"NAD+FL+++{_released(document.surname)}:{_released(document.given_names)}",
        f"ATT+2++{document.sex.value[:1].upper()}",
        f"DTM+329:{document.birth_date:%y%m%d}",
        f"NAT+2+{document.nationality}",
        f"DOC+{code}:110:111+{_released(document.document_number)}",
        f"DTM+36:{document.expiry_date:%y%m%d}",
        f"LOC+91+{document.issuing_country}",
    ]


def render_paxlst(
    travellers: Sequence[DemoDocument],
    *,
    departs: dt.datetime,
    arrives: dt.datetime,
    flight: str = "XX0100",
    carrier: str = "XX",
    origin: str = "CDG",
    destination: str = "JFK",
    reference: str = "SYN0001",
) -> str:
    """One interchange, one message: the flight leg, then every traveller and document,
    with control counts that match."""
    body = [
        "BGM+745",
        "NAD+MS+++SYNTHETIC AIRLINE DESK",
        f"TDT+20+{flight}+++{carrier}",
        f"LOC+125+{origin}",
        f"DTM+189:{departs:%y%m%d%H%M}:201",
        f"LOC+87+{destination}",
        f"DTM+232:{arrives:%y%m%d%H%M}:201",
    ]
    for document in travellers:
        body.extend(_traveller(document))
    body.append(f"CNT+42:{len(travellers)}")
    message = [f"UNH+1+PAXLST:D:05B:UN:IATA+{reference}+01:F", *body]
    message.append(f"UNT+{len(message) + 1}+1")
    stamp = f"{departs - dt.timedelta(hours=2):%y%m%d:%H%M}"
    segments = [
        f"UNB+UNOA:4+{carrier}+FRONTLINE+{stamp}+{reference}",
        *message,
        f"UNZ+1+{reference}",
    ]
    return "UNA:+.? '\n" + "".join(segment + "'\n" for segment in segments)


def synthetic_manifest(
    count: int, *, seed: int, departs: dt.datetime, extra: Sequence[DemoDocument] = ()
) -> str:
    """A flight of ``count`` clean synthetic passengers (valid passports, names from many
    cultures) followed by ``extra`` travellers, arriving eight hours after ``departs``."""
    numbers = ReservedNumbers(DocumentPlan(seed), [])
    clean = draw_clean_travellers(count=count, seed=seed, today=departs.date(), numbers=numbers)
    return render_paxlst([*clean, *extra], departs=departs, arrives=departs + dt.timedelta(hours=8))
