"""Vehicles, vessels and firearms: identifiers that verify, descriptions that fit."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from frontline.domain.records import Firearm, ObjectStatus, Vehicle, Vessel
from frontline.identifiers.vin import parse_vin
from frontline.synth import World, generate_world, imo_check_digit, vin_check_digit
from frontline.synth.firearms import FIREARM_TYPES

TODAY = dt.date(2026, 11, 21)

# ISO 3779 transliteration and weights, written out from the standard for an independent check.
VIN_VALUES = {
    **{str(d): d for d in range(10)},
    "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8,
    "J": 1, "K": 2, "L": 3, "M": 4, "N": 5, "P": 7, "R": 9,
    "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
}  # fmt: skip
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def reference_vin_check(vin: str) -> str:
    remainder = sum(VIN_VALUES[c] * w for c, w in zip(vin, VIN_WEIGHTS, strict=True)) % 11
    return "X" if remainder == 10 else str(remainder)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(size=10_000, seed=11, today=TODAY)


def test_every_vin_check_digit_verifies(world: World) -> None:
    vins = [v.vin for v in world.vehicles if v.vin is not None]
    assert len(vins) > 0.9 * len(world.vehicles)
    for vin in vins:
        assert re.fullmatch(r"[0-9A-HJ-NPR-Z]{17}", vin), vin
        assert vin[8] == reference_vin_check(vin), vin


@pytest.mark.parametrize(
    ("vin", "check"),
    [("1M8GDM9AXKP042788", "X"), ("11111111111111111", "1"), ("1G8ZF52801Z322733", "0")],
)
def test_vin_check_digit_of_known_vins(vin: str, check: str) -> None:
    assert vin_check_digit(vin) == check


def test_vins_agree_with_the_vin_reader(world: World) -> None:
    for vehicle in world.vehicles[:500]:
        if vehicle.vin is not None:
            assert parse_vin(vehicle.vin).check_digit_ok, vehicle.vin


def test_vehicles_are_identified_and_described(world: World) -> None:
    for vehicle in world.vehicles:
        assert vehicle.vin or (vehicle.plate and vehicle.plate_country)
        assert (vehicle.plate is None) == (vehicle.plate_country is None)
        assert vehicle.make
        assert vehicle.model
        assert vehicle.colour
    assert any(v.vin is None for v in world.vehicles)
    assert any(v.plate is None for v in world.vehicles)
    assert any(v.engine_number for v in world.vehicles)


def test_vehicle_statuses(world: World) -> None:
    statuses = {v.status for v in world.vehicles}
    assert {ObjectStatus.STOLEN, ObjectStatus.WANTED} <= statuses


def test_every_imo_number_is_valid(world: World) -> None:
    imos = [v.imo for v in world.vessels if v.imo is not None]
    assert imos
    for imo in imos:
        assert re.fullmatch(r"[0-9]{7}", imo), imo
        weighted = sum(int(d) * w for d, w in zip(imo[:6], (7, 6, 5, 4, 3, 2), strict=True))
        assert int(imo[6]) == weighted % 10, imo


def test_imo_check_digit_of_a_known_ship() -> None:
    assert imo_check_digit("907472") == "9"  # IMO 9074729, the textbook example


def test_hull_ids_follow_the_us_format(world: World) -> None:
    hulls = [v.hull_id for v in world.vessels if v.hull_id is not None]
    assert hulls
    for hull in hulls:
        match = re.fullmatch(r"([A-Z]{3})([0-9A-HJ-NPR-Z]{5})([A-L])([0-9])([0-9]{2})", hull)
        assert match, hull
        year_digit, model_year = int(match[4]), int(match[5])
        assert model_year % 10 in (year_digit, (year_digit + 1) % 10), hull


def test_vessels_are_identified_and_named(world: World) -> None:
    for vessel in world.vessels:
        assert (vessel.imo is None) != (vessel.hull_id is None)
        assert vessel.name
    assert any(v.engine_serials for v in world.vessels)


def test_firearms_are_described(world: World) -> None:
    firearms: tuple[Firearm, ...] = world.firearms
    assert {f.firearm_type for f in firearms} == set(FIREARM_TYPES)
    assert {"Glock", "Beretta", "Smith & Wesson", "Kalashnikov Concern"} <= {
        f.make for f in firearms
    }
    for firearm in firearms:
        assert firearm.serial
        assert firearm.model
        assert firearm.calibre
    serials = [(f.make, f.serial) for f in firearms]
    assert len(set(serials)) > 0.99 * len(serials)


@pytest.mark.parametrize("kind", [Vehicle, Vessel, Firearm])
def test_object_records_are_of_their_kind(world: World, kind: type) -> None:
    records = {Vehicle: world.vehicles, Vessel: world.vessels, Firearm: world.firearms}[kind]
    assert all(isinstance(record, kind) for record in records)
