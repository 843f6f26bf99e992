"""PAXLST beyond the samples: separators, release character, parts, counts, bad input."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.errors import FrontlineError, InvalidInput
from frontline.manifests import looks_like_paxlst, parse_paxlst

HEAD = "UNB+UNOA:4+AIR1+DHS+261201:0900+CTRL1++APIS'"


def message(reference: str = "M1", part: str = "", travellers: str = "", count: int = 1) -> str:
    body = (
        "BGM+745'TDT+20+XX100+++XX'LOC+125+CDG'DTM+189:2612021000:201'"
        "LOC+87+JFK'DTM+232:2612021300:201'" + (travellers or traveller()) + f"CNT+42:{count}'"
    )
    segments = 2 + body.count("'")
    return f"UNH+{reference}+PAXLST:D:05B:UN:IATA+CAR1{part}'{body}UNT+{segments}+{reference}'"


def traveller(family: str = "DOE", given_name: str = "JANE", number: str = "X1234567") -> str:
    return (
        f"NAD+FL+++{family}:{given_name}'ATT+2++F'DTM+329:850315'NAT+2+FRA'"
        f"DOC+P:110:111+{number}'DTM+36:300101'LOC+91+FRA'"
    )


def interchange(*messages: str, count: int | None = None) -> str:
    total = len(messages) if count is None else count
    return HEAD + "".join(messages) + f"UNZ+{total}+CTRL1'"


def test_a_plain_interchange_reads_without_warnings() -> None:
    manifest = parse_paxlst(interchange(message()))
    (jane,) = manifest.travellers
    assert (jane.name, jane.birth_date, jane.documents[0].number) == (
        "JANE DOE",
        dt.date(1985, 3, 15),
        "X1234567",
    )
    assert jane.documents[0].expiry_date == dt.date(2030, 1, 1)
    assert manifest.warnings == ()
    assert manifest.arrives_at == dt.datetime(2026, 12, 2, 13, 0)


def test_declared_separators_and_the_release_character() -> None:
    text = interchange(message(travellers=traveller(family="O'NEIL+SONS", given_name="ANN:MARIE")))
    swapped = "UNA|*.# !" + text.translate(str.maketrans({"+": "*", "'": "!", ":": "|"}))
    # The names hold the new separators themselves, released with '#'.
    swapped = swapped.replace("O!NEIL*SONS|ANN|MARIE", "O#!NEIL#*SONS|ANN#|MARIE")
    (traveller_,) = parse_paxlst(swapped).travellers
    assert traveller_.family_name == "O!NEIL*SONS"
    assert traveller_.given_names == "ANN|MARIE"


def test_the_default_release_character() -> None:
    text = interchange(message(travellers=traveller(family="O?'NEIL", given_name="A??B")))
    (item,) = parse_paxlst(text).travellers
    assert (item.family_name, item.given_names) == ("O'NEIL", "A?B")


def test_multi_part_manifest_is_one_manifest() -> None:
    text = interchange(
        message("M1", "+01:C", traveller("ONE", "A", "N1")),
        message("M2", "+02:F", traveller("TWO", "B", "N2")),
    )
    manifest = parse_paxlst(text)
    assert manifest.parts == 2
    assert [t.family_name for t in manifest.travellers] == ["ONE", "TWO"]
    assert len(manifest.legs) == 1  # every part repeats the flight
    assert manifest.warnings == ()


def test_a_missing_part_is_a_warning() -> None:
    text = interchange(message("M1", "+01:C"), message("M3", "+03:F"))
    assert [w.code for w in parse_paxlst(text).warnings] == ["parts"]


def test_wrong_counts_are_warnings() -> None:
    text = interchange(message(count=3), count=2)
    warnings = parse_paxlst(text).warnings
    assert [w.code for w in warnings] == ["control_count", "control_count"]
    assert "CNT declares 3 passenger(s)" in warnings[0].message
    assert "UNZ declares 2 messages; there are 1" in warnings[1].message


def test_unknown_segments_and_bad_dates_are_warnings() -> None:
    odd = traveller().replace("DTM+329:850315", "DTM+329:851345'XYZ+1")
    manifest = parse_paxlst(interchange(message(travellers=odd)))
    assert [w.code for w in manifest.warnings] == ["bad_date", "unknown_segment"]
    assert manifest.travellers[0].birth_date is None
    assert "'851345' is not a date" in manifest.warnings[0].message


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (interchange(message())[:-30], "truncated"),
        (interchange(message()).replace("UNZ+1+CTRL1'", ""), "truncated"),
        ("UNA:+.? '" + interchange(message()).replace("+", "*"), "do not match"),
        (interchange(message()).replace("+", "*"), "do not match"),
        ("HELLO", "starts with UNA or UNB"),
        (interchange(message().replace("PAXLST", "CUSCAR")), "not a PAXLST"),
        (HEAD + "UNZ+0+CTRL1'", "no PAXLST message"),
        ("UNA:+", "six characters"),
        ("UNA::::::UNB", "four distinct"),
    ],
)
def test_unreadable_input_is_refused_clearly(text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_paxlst(text)
    assert says in refused.value.message


def test_detected_by_content() -> None:
    assert looks_like_paxlst(b"\r\n UNA:+.? 'UNB+")
    assert looks_like_paxlst(b"UNB+UNOA:4")
    assert not looks_like_paxlst(b'{"name": "UNB"}')


_EDI_TEXT = st.text(alphabet=st.sampled_from("UNABHTZDOCLF+:'? *\n0123456789PAXLST"), max_size=400)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        _EDI_TEXT,
        _EDI_TEXT.map(lambda text: HEAD + text),
        _EDI_TEXT.map(lambda text: "UNA:+.? '" + HEAD + "UNH+1+PAXLST:D:05B'" + text),
        st.text(max_size=200),
    )
)
def test_no_input_raises_anything_but_our_errors(data: bytes | str) -> None:
    with contextlib.suppress(FrontlineError):
        parse_paxlst(data)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(interchange(message()))), st.text(max_size=20))
def test_a_damaged_real_message_raises_only_our_errors(cut: int, noise: str) -> None:
    text = interchange(message())
    with contextlib.suppress(FrontlineError):
        parse_paxlst(text[:cut] + noise + text[cut:])
