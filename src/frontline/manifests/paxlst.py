"""UN/EDIFACT PAXLST (D02B, D05B) into a ``Manifest``. Pure: bytes or text in.

The message, as the WCO/IATA/ICAO API guide draws it::

    UNA UNB [UNG] UNH BGM [RFF] [DTM]
      NAD(MS) COM                          reporting party
      TDT  LOC DTM  LOC DTM ...            one group per flight leg
      NAD(FL|FM|DDT|DDU|COT) ATT DTM MEA GEI FTX LOC NAT RFF COM EMP
        DOC DTM LOC [RFF]                  one group per document
      CNT UNT [UNE] UNZ

What cannot be read at all (no UNB, separators that are not the declared ones, an
interchange cut short, a message that is not a PAXLST) raises ``InvalidInput``; what is
doubtful (an unknown segment, a date that is no date, a control count that does not match,
a part of a multi-part manifest missing) becomes a warning on the manifest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from frontline.errors import InvalidInput
from frontline.manifests.dates import read_datetime
from frontline.manifests.edifact import Segment, read_segments
from frontline.manifests.model import (
    Leg,
    Manifest,
    ManifestWarning,
    TravelDocumentEntry,
    Traveller,
)

__all__ = ["decode_interchange", "looks_like_paxlst", "parse_paxlst"]

VERSIONS = frozenset({"D02B", "D05B"})
_TRAVELLERS = {"FL": ("passenger", False), "DDU": ("passenger", True), "COT": ("passenger", True)}
_TRAVELLERS |= {"FM": ("crew", False), "DDT": ("crew", True)}
_KNOWN = frozenset(
    [
        "UNA",
        "UNB",
        "UNG",
        "UNH",
        "BGM",
        "RFF",
        "DTM",
        "NAD",
        "COM",
        "TDT",
        "LOC",
        "ATT",
        "MEA",
        "GEI",
        "FTX",
        "NAT",
        "DOC",
        "CPI",
        "QTY",
        "EMP",
        "CNT",
        "UNT",
        "UNE",
        "UNZ",
    ]
)
_LISTS = {"745": "passengers", "250": "crew", "336": "crew", "266": "passengers"}
_COUNTS = {"42": "passenger", "41": "crew"}


def looks_like_paxlst(data: bytes) -> bool:
    """Whether ``data`` starts like an EDIFACT interchange (UNA or UNB), whatever its name."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"UNA", b"UNB"))


def decode_interchange(data: bytes) -> tuple[str, list[ManifestWarning]]:
    """The text of an interchange: UTF-8 (of which ASCII, UNOA and UNOB are part); bytes
    that are not UTF-8 are replaced by U+FFFD, with a warning saying how many."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if not bad:
        return text, []
    message = f"{bad} byte(s) are not UTF-8 and were read as U+FFFD (names may show it)"
    return text, [ManifestWarning("encoding", "(file)", message)]


def parse_paxlst(data: bytes | str) -> Manifest:
    """The manifest of one PAXLST interchange; its messages are parts of one manifest."""
    text, warnings = decode_interchange(data) if isinstance(data, bytes) else (data, [])
    _, segments, tail = read_segments(text)
    reader = _Reader(warnings)
    reader.read(segments, tail)
    return reader.manifest()


@dataclass(slots=True)
class _Traveller:
    position: int
    role: str
    in_transit: bool
    family_name: str
    given_names: str
    values: dict[str, Any] = field(default_factory=dict)
    references: list[tuple[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class _Message:
    reference: str
    start: int
    travellers: list[_Traveller] = field(default_factory=list)
    counts: dict[str, tuple[int, Segment]] = field(default_factory=dict)


class _Reader:
    """Walks the segments once, keeping the group each one belongs to."""

    def __init__(self, warnings: list[ManifestWarning]) -> None:
        self.warnings = warnings
        self.reference_date = dt.date(2000, 1, 1)
        self.header: dict[str, Any] = {}
        self.legs: list[dict[str, Any]] = []
        self.travellers: list[_Traveller] = []
        self.message: _Message | None = None
        self.messages: list[_Message] = []
        self.parts: list[tuple[int | None, str, Segment]] = []
        self.groups = 0
        self.group_messages = 0
        self.group: str = "header"
        self.closed = False

    def warn(self, code: str, segment: Segment | None, message: str) -> None:
        where = segment.where() if segment is not None else "(interchange)"
        self.warnings.append(ManifestWarning(code, where, message))

    # -- the walk ---------------------------------------------------------------------------

    def read(self, segments: list[Segment], tail: str) -> None:
        handlers = {tag: getattr(self, f"_on_{tag.lower()}") for tag in _KNOWN}
        for segment in segments:
            if self.closed:
                self.warn("after_end", segment, "a segment after UNZ was ignored")
                continue
            handler = handlers.get(segment.tag)
            if handler is None:
                self._unknown(segment)
                continue
            handler(segment)
        last = segments[-1] if segments else None
        if not self.closed:
            ended = f"after {last.where()}" if last else "before its first segment"
            cut = " (an unterminated segment follows)" if tail.strip() else ""
            raise InvalidInput.for_field(
                "UNZ", f"the interchange is truncated: it ends {ended}{cut} with no UNZ"
            )
        if tail.strip():
            self.warn("after_end", None, f"text after UNZ was ignored: {tail.strip()[:40]!r}")
        if not self.messages:
            raise InvalidInput.for_field("UNH", "the interchange holds no PAXLST message")

    def _unknown(self, segment: Segment) -> None:
        shown = segment.tag[:10] or "(empty)"
        self.warn("unknown_segment", segment, f"unknown segment {shown!r} was ignored")

    def _on_com(self, segment: Segment) -> None:
        """Known and not needed for screening: contacts, measures, free text, bags."""

    _on_mea = _on_gei = _on_ftx = _on_cpi = _on_qty = _on_emp = _on_com

    def _on_una(self, segment: Segment) -> None:
        self.warn("misplaced", segment, "a second service string advice was ignored")

    def _on_unb(self, segment: Segment) -> None:
        self.header["syntax"] = segment.get(1)
        self.header["sender"] = segment.get(2) or None
        self.header["control"] = segment.get(5)
        prepared = read_datetime(
            segment.get(4, 0) + segment.get(4, 1), "201", reference=dt.date(2000, 1, 1)
        )
        if prepared is None:
            self.warn("bad_date", segment, "the interchange date is not a date")
        else:
            if prepared.year < 1970:  # YYMMDD with YY < 70 is this century: 2000-2069
                prepared = prepared.replace(year=prepared.year + 100)
            self.header["prepared_at"] = prepared
            self.reference_date = prepared.date()

    def _on_ung(self, segment: Segment) -> None:
        self.groups += 1
        self.group_messages = 0
        self.header.setdefault("sender", segment.get(2) or None)

    def _on_une(self, segment: Segment) -> None:
        self._check_count(segment, self.group_messages, "messages in the group")

    def _on_unz(self, segment: Segment) -> None:
        self._check_count(
            segment,
            self.groups or len(self.messages),
            "functional groups" if self.groups else "messages",
        )
        if segment.get(2) != self.header.get("control"):
            self.warn("control_reference", segment, "UNZ and UNB name different references")
        self.closed = True

    def _check_count(self, segment: Segment, actual: int, what: str) -> None:
        declared = segment.get(1)
        if not declared.isdigit() or int(declared) != actual:
            self.warn(
                "control_count",
                segment,
                f"{segment.tag} declares {declared or 'no'} {what}; there are {actual}",
            )

    def _on_unh(self, segment: Segment) -> None:
        if self.message is not None:
            raise InvalidInput.for_field(
                "UNT", f"message {self.message.reference} has no UNT before {segment.where()}"
            )
        kind, version = segment.get(2, 0), segment.get(2, 1) + segment.get(2, 2)
        if kind != "PAXLST":
            raise InvalidInput.for_field(
                "UNH", f"{segment.where()}: a {kind or 'nameless'} message is not a PAXLST"
            )
        if version.upper() not in VERSIONS:
            self.warn("version", segment, f"version {version} is not D02B or D05B; read as D05B")
        self.header.setdefault("version", version.upper())
        self.header.setdefault("reference", segment.get(3) or segment.get(1))
        part = segment.get(4, 0)
        self.parts.append((int(part) if part.isdigit() else None, segment.get(4, 1), segment))
        self.message = _Message(segment.get(1), segment.position)
        self.group_messages += 1
        self.group = "header"

    def _on_unt(self, segment: Segment) -> None:
        message = self._in_message(segment)
        if message is None:
            return
        actual = segment.position - message.start + 1
        declared = segment.get(1)
        if not declared.isdigit() or int(declared) != actual:
            self.warn(
                "control_count",
                segment,
                f"UNT declares {declared or 'no'} segments in message {message.reference}; "
                f"there are {actual}",
            )
        if segment.get(2) != message.reference:
            self.warn("control_reference", segment, "UNT and UNH name different messages")
        self._check_travellers(message)
        self.messages.append(message)
        self.message = None
        self.group = "end"

    def _check_travellers(self, message: _Message) -> None:
        for role, (declared, segment) in message.counts.items():
            actual = sum(1 for item in message.travellers if item.role == role)
            if declared != actual:
                self.warn(
                    "control_count",
                    segment,
                    f"CNT declares {declared} {role}(s) in message {message.reference}; "
                    f"there are {actual} (of {len(message.travellers)} traveller(s))",
                )

    def _in_message(self, segment: Segment) -> _Message | None:
        if self.message is None:
            self.warn("misplaced", segment, f"{segment.tag} outside a message was ignored")
        return self.message

    def _on_bgm(self, segment: Segment) -> None:
        code = segment.get(1)
        listed = _LISTS.get(code)
        if listed is None:
            self.warn("document_code", segment, f"BGM {code!r} is not a passenger or crew list")
        self.header.setdefault("list_type", listed)

    def _on_cnt(self, segment: Segment) -> None:
        message = self._in_message(segment)
        qualifier = segment.get(1, 0)
        # The count belongs in the component (CNT+42:2); some senders write CNT+41+8.
        value = segment.get(1, 1) or segment.get(2)
        role = _COUNTS.get(qualifier)
        if message is None or role is None:
            return
        if not value.isdigit():
            self.warn("control_count", segment, f"CNT {qualifier} gives no number")
            return
        message.counts[role] = (int(value), segment)
        self.group = "end"

    def _on_tdt(self, segment: Segment) -> None:
        if self._in_message(segment) is None:
            return
        self.group = "leg"
        self.legs.append({"flight": segment.get(2), "carrier": segment.get(5) or None})

    def _on_nad(self, segment: Segment) -> None:
        message = self._in_message(segment)
        qualifier = segment.get(1)
        if message is None or qualifier == "MS" or qualifier not in _TRAVELLERS:
            if message is not None and qualifier != "MS":
                self.warn("party", segment, f"NAD {qualifier!r} is not a traveller; ignored")
            self.group = "party"
            return
        role, in_transit = _TRAVELLERS[qualifier]
        family = segment.get(4, 0).strip()
        given = " ".join(
            part.strip() for part in (segment.elements[3][1:] if len(segment.elements) > 3 else ())
        ).strip()
        if not family and not given:
            self.warn("no_name", segment, "a traveller without a name")
        traveller = _Traveller(len(self.travellers) + 1, role, in_transit, family, given)
        self.travellers.append(traveller)
        message.travellers.append(traveller)
        self.group = "traveller"

    def _on_doc(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        if traveller is None:
            return
        traveller.documents.append(
            {"number": segment.get(2).strip() or None, "type_code": segment.get(1).strip() or None}
        )
        self.group = "document"

    def _traveller(self, segment: Segment) -> _Traveller | None:
        if self.group not in ("traveller", "document") or not self.travellers:
            self.warn("misplaced", segment, f"{segment.tag} outside a traveller was ignored")
            return None
        return self.travellers[-1]

    def _on_att(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        if traveller is not None and segment.get(1) == "2":
            sex = segment.get(3).strip().upper()
            traveller.values["sex"] = sex if sex in ("M", "F", "X") else None

    def _on_nat(self, segment: Segment) -> None:
        traveller = self._traveller(segment)
        if traveller is not None:
            traveller.values["nationality"] = segment.get(2).strip().upper() or None

    def _on_rff(self, segment: Segment) -> None:
        if self.group in ("traveller", "document") and self.travellers:
            item = (segment.get(1, 0), segment.get(1, 1))
            self.travellers[-1].references.append(item)

    def _on_dtm(self, segment: Segment) -> None:
        qualifier, value, code = segment.get(1, 0), segment.get(1, 1), segment.get(1, 2)
        target = _DATES.get((self.group, qualifier))
        if target is None:
            return
        past = target == "birth_date"
        moment = read_datetime(value, code, reference=self.reference_date, past=past)
        if moment is None:
            self.warn("bad_date", segment, f"DTM {qualifier} {value!r} is not a date; ignored")
            return
        self._holder()[target] = moment if self.group == "leg" else moment.date()

    def _holder(self) -> dict[str, Any]:
        if self.group == "leg":
            return self.legs[-1]
        if self.group == "document":
            return self.travellers[-1].documents[-1]
        return self.travellers[-1].values

    def _on_loc(self, segment: Segment) -> None:
        qualifier = segment.get(1)
        place = segment.get(2).strip().upper() or None
        if self.group == "leg":
            self._leg_place(qualifier, place)
            return
        if self.group == "document" and qualifier == "91":
            self._holder()["issuing_country"] = place
            return
        target = _PLACES.get(qualifier)
        if self.group in ("traveller", "document") and target is not None:
            if qualifier == "180":  # place of birth: a code, or a name in component 4
                named = [part.strip() for part in segment.elements[1] if part.strip()]
                place = " ".join(named) or None
            self.travellers[-1].values[target] = place

    def _leg_place(self, qualifier: str, place: str | None) -> None:
        leg = self.legs[-1]
        if qualifier == "125" or (qualifier == "92" and "departure_airport" not in leg):
            leg["departure_airport"] = place
        elif qualifier in ("87", "92"):
            leg["arrival_airport"] = place

    # -- the result -------------------------------------------------------------------------

    def manifest(self) -> Manifest:
        self._check_parts()
        header = self.header
        return Manifest(
            format="paxlst",
            reference=header.get("reference"),
            version=header.get("version"),
            sender=header.get("sender"),
            prepared_at=header.get("prepared_at"),
            list_type=header.get("list_type"),
            legs=_distinct_legs(self.legs),
            travellers=tuple(_traveller(item) for item in self.travellers),
            parts=len(self.messages),
            warnings=tuple(self.warnings),
        )

    def _check_parts(self) -> None:
        numbers = [number for number, _, _ in self.parts if number is not None]
        finals = [segment for _, flag, segment in self.parts if flag.upper() == "F"]
        if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            self.warn("parts", None, f"the message parts are numbered {numbers}, not in order")
        if numbers and numbers[0] != 1:
            self.warn("parts", None, f"parts 1 to {numbers[0] - 1} are not in this interchange")
        last = self.parts[-1] if self.parts else None
        if last is not None and last[1].upper() == "C" and not finals:
            self.warn("parts", last[2], "the last part says more follow; none is here")


_DATES = {
    ("leg", "189"): "departure_at",
    ("leg", "232"): "arrival_at",
    ("traveller", "329"): "birth_date",
    ("document", "36"): "expiry_date",
    ("document", "182"): "issue_date",
    ("document", "329"): "birth_date_in_document",
}
_PLACES = {
    "174": "residence_country",
    "178": "embarkation",
    "179": "debarkation",
    "180": "birth_place",
}


def _distinct_legs(legs: list[dict[str, Any]]) -> tuple[Leg, ...]:
    """The legs in order, each once (every part of a multi-part manifest repeats them)."""
    seen: list[Leg] = []
    for item in legs:
        leg = Leg(**item)
        if leg not in seen:
            seen.append(leg)
    return tuple(seen)


def _traveller(item: _Traveller) -> Traveller:
    values = item.values
    documents = tuple(
        TravelDocumentEntry(
            number=document.get("number"),
            type_code=document.get("type_code"),
            issuing_country=document.get("issuing_country"),
            expiry_date=document.get("expiry_date"),
            issue_date=document.get("issue_date"),
        )
        for document in item.documents
    )
    return Traveller(
        position=item.position,
        role=item.role,
        family_name=item.family_name,
        given_names=item.given_names,
        in_transit=item.in_transit,
        sex=values.get("sex"),
        birth_date=values.get("birth_date"),
        nationality=values.get("nationality"),
        residence_country=values.get("residence_country"),
        birth_place=values.get("birth_place"),
        embarkation=values.get("embarkation"),
        debarkation=values.get("debarkation"),
        references=tuple(item.references),
        documents=documents,
    )
