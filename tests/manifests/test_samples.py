"""Every shared PAXLST sample, read exactly: the values below were read off the files by
hand (../shared/data/paxlst/)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.manifests import Manifest, parse_paxlst
from tests.conftest import SHARED_DATA

SAMPLES = SHARED_DATA / "paxlst"
D = dt.date
T = dt.datetime


def sample(name: str) -> Manifest:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"no shared sample {path}")
    return parse_paxlst(path.read_bytes())


def codes(manifest: Manifest) -> list[str]:
    return [warning.code for warning in manifest.warnings]


def test_crew_list_of_eight() -> None:
    manifest = sample("GTAS_Test1.txt")
    assert (manifest.version, manifest.list_type, manifest.reference) == (
        "D02B",
        "crew",
        "1402010600",
    )
    assert manifest.prepared_at == T(2014, 2, 2, 6, 0)
    (leg,) = manifest.legs
    assert (leg.flight, leg.carrier, leg.departure_airport, leg.arrival_airport) == (
        "UA0989",
        "UA",
        "FRA",
        "IAD",
    )
    assert (leg.departure_at, leg.arrival_at) == (T(2017, 1, 27, 17, 25), T(2017, 1, 28, 7, 10))
    names = [(t.family_name, t.given_names, t.sex) for t in manifest.travellers]
    assert names == [
        ("Steur", "Andrea Pat", "F"),
        ("Adomat", "Julie Pat", "F"),
        ("Nalek", "Clifton Pat", "M"),
        ("Meissener", "Costa Pat", "M"),
        ("Pelzing", "Melissa Pat", "F"),
        ("Merfort", "Kevin Pat", "M"),
        ("Sautter", "Kari Pat", "F"),
        ("Zschieschak", "Jaclyn Pat", "F"),
    ]
    for day, traveller in enumerate(manifest.travellers, start=6):
        assert traveller.role == "crew"
        assert traveller.birth_date == D(1978, 7, day)
        assert (traveller.nationality, traveller.residence_country) == ("GBR", "GBR")
        assert (traveller.embarkation, traveller.debarkation) == ("FRA", "IAD")
        assert traveller.birth_place == "Hartford USA"
        (document,) = traveller.documents
        assert (document.number, document.type, document.issuing_country) == (
            "123456789",
            "passport",
            "GBR",
        )
        assert document.expiry_date == D(2061, 2, 18)  # 61 read within fifty years of 2014
    # UNT says 152 segments (there are 107); UNZ names 1402010600, UNB 1403010600.
    assert codes(manifest) == ["control_count", "control_reference"]


def test_two_hundred_and_sixty_passengers_with_a_wrong_count() -> None:
    manifest = sample("GTAS_Test3.txt")
    travellers = manifest.travellers
    assert len(travellers) == 260
    assert {t.role for t in travellers} == {"passenger"}
    first, last = travellers[0], travellers[-1]
    assert (first.family_name, first.given_names, first.nationality) == (
        "Kuchel",
        "Rachel Pat",
        "USA",
    )
    assert (last.family_name, last.given_names, last.nationality) == (
        "Pfaffelhuber",
        "Lisa Pat",
        "GBR",
    )
    assert travellers[99].family_name == "Loppenthien"
    assert travellers[129].family_name == "Dutt"
    assert travellers[258].family_name == "Xing"
    for index, traveller in enumerate(travellers):
        assert traveller.birth_date == D(1977, 10, 19) + dt.timedelta(days=index)
        (document,) = traveller.documents
        assert document.number == "12345678"
        assert document.type == "passport"
        assert document.issuing_country == traveller.nationality
        assert document.expiry_date == D(2019, 12, 18) + dt.timedelta(days=index)
    nationalities = [t.nationality for t in travellers]
    assert (nationalities.count("USA"), nationalities.count("GBR"), nationalities.count("CAN")) == (
        121,
        113,
        26,
    )
    # One byte (0x87) in "Nov?k" is not UTF-8.
    assert any(t.family_name == "Nov\ufffdk" for t in travellers)
    counts = [w.message for w in manifest.warnings if w.code == "control_count"]
    assert any("CNT declares 206" in message for message in counts)
    assert set(codes(manifest)) == {"encoding", "control_count", "parts"}


def test_bags_and_an_empty_second_document() -> None:
    manifest = sample("GTAS_UNedifactTest_bags_FENNER.edi")
    assert manifest.version == "D05B"
    (leg,) = manifest.legs
    assert (leg.flight, leg.carrier, leg.departure_at, leg.arrival_at) == (
        "UA988",
        None,
        T(2018, 6, 26, 12, 20),
        T(2018, 6, 26, 15, 5),
    )
    (traveller,) = manifest.travellers
    assert (traveller.family_name, traveller.given_names, traveller.sex) == (
        "FENNER",
        "JACKI ANJA",
        "F",
    )
    assert traveller.birth_date == D(1970, 6, 2)
    assert (traveller.embarkation, traveller.debarkation, traveller.nationality) == (
        "WDH",
        "FRA",
        "USA",
    )
    assert traveller.references == (("AVF", "9C7313"), ("SEA", "44G"))
    passport, empty = traveller.documents
    assert (passport.number, passport.type_code, passport.issuing_country) == (
        "448763368",
        None,
        "USA",
    )
    assert passport.expiry_date == D(2022, 5, 18)
    assert (empty.number, empty.issuing_country, empty.expiry_date) == (None, None, D(2019, 9, 19))
    # UNT 135 (there are 32) and names 1 (UNH PAX001); UNZ 020A07 vs UNB 000000001.
    assert codes(manifest) == ["control_count", "control_reference", "control_reference"]


def test_non_default_separators_and_line_breaks() -> None:
    manifest = sample("GTAS_airline2.edi")  # UNA:*.? $ with CR LF after each segment
    assert (manifest.version, manifest.reference, manifest.sender) == ("D02B", "AA346", "SDT")
    (leg,) = manifest.legs
    assert (leg.flight, leg.departure_airport, leg.arrival_airport) == ("TN506", "BRE", "YEU")
    assert (leg.departure_at, leg.arrival_at) == (T(2014, 5, 11, 13, 40), T(2014, 5, 11, 17, 0))
    expected = [
        ("BETTON", "DAVID", "178556534"),
        ("TRIBBLE", "FRANK", "130906000"),
        ("RIDER", "GORDON", "185723910"),
        ("COOLEY", "RAQUEL", "361569645"),
        ("YOUNG", "JAVIER", "132434347"),
        ("ELLIOTT", "CARMEN", "321648375"),
        ("WHITLOCK", "APRIL", "293312850"),
        ("WESLEY", "DAVID", "169177598"),
        ("STEWART", "MARYJANE", "179868051"),
        ("LOWE", "DANIEL", "153284238"),
    ]
    got = [(t.family_name, t.given_names, t.documents[0].number) for t in manifest.travellers]
    assert got == expected
    for traveller in manifest.travellers:
        assert (traveller.sex, traveller.birth_date, traveller.nationality) == (
            "M",
            D(1954, 10, 16),
            "USA",
        )
        assert traveller.references == (("AVF", "QXGYLO"),)
        (document,) = traveller.documents
        assert (document.type, document.issuing_country, document.expiry_date) == (
            "passport",
            "USA",
            D(2018, 2, 21),
        )
    # UNT 121 (111) naming "140211180 0"; CNT 136 passengers (10); part 10 of a series.
    assert codes(manifest) == ["control_count", "control_reference", "control_count", "parts"]


def test_two_legs_travellers_without_documents() -> None:
    manifest = sample("GTAS_apisMessage.txt")  # indented lines, UNA reserving '*'
    assert [(leg.flight, leg.departure_airport, leg.arrival_airport) for leg in manifest.legs] == [
        ("AA123", "ATL", "ORD"),
        ("AA124", "ORD", "JFK"),
    ]
    assert manifest.legs[1].arrival_at == T(2007, 2, 19, 19, 55)
    assert manifest.arrives_at == T(2007, 2, 19, 19, 55)
    michael, cheryl = manifest.travellers
    assert (michael.family_name, michael.given_names, michael.sex, michael.birth_date) == (
        "CLARK",
        "MICHAEL",
        "M",
        D(1972, 9, 7),
    )
    assert (michael.embarkation, michael.debarkation) == ("ATL", "JFK")
    assert michael.references == (
        ("AVF", "TYR123"),
        ("ABO", "ABC123"),
        ("AEA", "1234567890ABC"),
        ("CR", "20060907NY123"),
    )
    assert (cheryl.given_names, cheryl.sex, cheryl.birth_date, cheryl.embarkation) == (
        "CHERYL",
        "F",
        D(1973, 4, 7),
        "ORD",
    )
    assert michael.documents == cheryl.documents == ()
    assert manifest.warnings == ()


def test_three_legs_and_text_after_the_end() -> None:
    manifest = sample("GTAS_multiple_flight_leg_apis.txt")
    assert [(leg.flight, leg.departure_airport, leg.arrival_airport) for leg in manifest.legs] == [
        ("QQ877", "MIA", "IAD"),
        ("QQ827", "IAD", "JFK"),
        ("QQ827", "JFK", "CDG"),
    ]
    assert manifest.legs[2].arrival_at == T(2008, 8, 11, 6, 30)
    barrett, lang = manifest.travellers
    assert (barrett.family_name, barrett.given_names, barrett.birth_date) == (
        "BARRETT",
        "TODD",
        D(1968, 2, 23),
    )
    assert (barrett.residence_country, barrett.nationality) == ("FRA", "FRA")
    assert barrett.documents[0].number == "YY3478621G"
    assert barrett.documents[0].expiry_date == D(2008, 12, 30)
    assert (lang.family_name, lang.given_names, lang.sex, lang.birth_date) == (
        "LANG",
        "KRISTIN",
        "F",
        D(1960, 6, 6),
    )
    assert (lang.documents[0].number, lang.documents[0].issuing_country) == ("TRQWE99800", "ESP")
    assert lang.documents[0].expiry_date == D(2009, 9, 16)
    assert codes(manifest) == ["after_end"]  # "13Nov09" after UNZ


def test_the_implementation_guide_example() -> None:
    manifest = sample("WCO_IATA_guide_example_DOE_JOHN_WAYNE.edi")
    assert (manifest.reference, manifest.version, manifest.list_type) == (
        "API01",
        "D05B",
        "passengers",
    )
    assert [(leg.flight, leg.departure_airport, leg.arrival_airport) for leg in manifest.legs] == [
        ("UA123", "YVR", "JFK"),
        ("UA124", "JFK", "ATL"),
    ]
    (doe,) = manifest.travellers
    assert (doe.family_name, doe.given_names, doe.name) == ("DOE", "JOHN WAYNE", "JOHN WAYNE DOE")
    assert (doe.sex, doe.birth_date, doe.nationality, doe.residence_country) == (
        "M",
        D(1957, 1, 21),
        "CAN",
        "CAN",
    )
    assert (doe.embarkation, doe.debarkation) == ("YVR", "ATL")
    assert ("SEA", "23C") in doe.references
    (passport,) = doe.documents
    assert (passport.number, passport.type, passport.issuing_country) == (
        "MB140241",
        "passport",
        "CAN",
    )
    assert passport.expiry_date == D(2008, 10, 21)
    assert manifest.warnings == ()
