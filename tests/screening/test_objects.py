"""Vehicle, vessel and firearm checks, and checks that combine several parts."""

from __future__ import annotations

from frontline.domain.checks import Database, Verdict
from tests.factories import document, firearm, vehicle, vessel
from tests.screening.conftest import Add, Check


def test_a_stolen_vehicle_hits_by_vin(add: Add, check: Check) -> None:
    add("vehicles", vehicle("1M8GDM9AXKP042788", id="VEH-1"))
    result = check(vehicle={"vin": "1m8gdm9a-xkp042788"})
    assert result.verdict is Verdict.HIT
    assert result.hits[0].database is Database.SMV
    assert result.hits[0].record_id == "VEH-1"


def test_a_stolen_vehicle_hits_by_plate_and_country_only(add: Add, check: Check) -> None:
    add("vehicles", vehicle(None, plate="B-AB 1234", plate_country="DEU", id="VEH-2"))
    assert check(vehicle={"plate": "BAB1234", "plate_country": "DEU"}).verdict is Verdict.HIT
    assert check(vehicle={"plate": "BAB1234", "plate_country": "AUT"}).verdict is Verdict.NO_HIT


def test_a_vin_with_a_wrong_check_digit_is_checked_and_warned_about(add: Add, check: Check) -> None:
    add("vehicles", vehicle("1M8GDM9A1KP042788", id="VEH-3"))
    result = check(vehicle={"vin": "1M8GDM9A1KP042788"})
    assert result.verdict is Verdict.HIT
    assert [warning.code for warning in result.warnings] == ["vin_check_digit"]


def test_a_stolen_vessel_hits_by_imo_or_hull_number(add: Add, check: Check) -> None:
    add("vessels", vessel("9074729", hull_id="ABC12345D404", id="VSL-1"))
    assert check(vessel={"imo": "IMO 9074729"}).hits[0].record_id == "VSL-1"
    assert check(vessel={"hull_id": "ABC12345D404"}).hits[0].database is Database.VESSELS
    assert check(vessel={"imo": "9176187"}).verdict is Verdict.NO_HIT


def test_a_firearm_hits_on_serial_and_make(add: Add, check: Check) -> None:
    add("firearms", firearm("ABC123", make="Glock", id="FAR-1"))
    assert check(firearm={"serial": "abc-123", "make": "GLOCK"}).verdict is Verdict.HIT


def test_the_same_serial_from_another_maker_does_not_hit(add: Add, check: Check) -> None:
    add("firearms", firearm("ABC123", make="Glock"))
    assert check(firearm={"serial": "ABC123", "make": "Beretta"}).verdict is Verdict.NO_HIT


def test_a_serial_without_a_make_is_a_possible_match(add: Add, check: Check) -> None:
    add("firearms", firearm("ABC123", make="Glock"))
    result = check(firearm={"serial": "ABC123"})
    assert result.verdict is Verdict.POSSIBLE_MATCH
    assert "confirm" in result.hits[0].reasons[1].detail


def test_one_check_fans_out_to_every_part(add: Add, check: Check) -> None:
    add("documents", document("X1234567", id="DOC-1"))
    add("vehicles", vehicle("1M8GDM9AXKP042788", id="VEH-1"))
    result = check(
        document={"number": "X1234567", "country": "FRA"},
        vehicle={"vin": "1M8GDM9AXKP042788"},
        firearm={"serial": "NOPE1", "make": "CZ"},
    )
    assert sorted(hit.record_id for hit in result.hits) == ["DOC-1", "VEH-1"]
