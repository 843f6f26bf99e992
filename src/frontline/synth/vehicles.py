"""Stolen and wanted motor vehicles: VINs with valid check digits, plates, engine numbers.

The VIN check digit (position 9) follows ISO 3779 as North America mandates it: letters
transliterated to digits, weighted 8 7 6 5 4 3 2 10 * 9 8 7 6 5 4 3 2, sum mod 11, 10 as X.
Manufacturer codes (WMI) are the public ones of each make.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from frontline.domain.records import ObjectStatus, Vehicle
from frontline.synth.actions import VEHICLE_ACTIONS
from frontline.synth.patterns import Pattern
from frontline.synth.randomness import Weighted, section_rng

__all__ = ["iter_vehicles", "vin_check_digit"]

_VIN_VALUES = dict(zip("0123456789", range(10), strict=True)) | {
    **dict.fromkeys("AJ", 1), **dict.fromkeys("BKS", 2), **dict.fromkeys("CLT", 3),
    **dict.fromkeys("DMU", 4), **dict.fromkeys("ENV", 5), **dict.fromkeys("FW", 6),
    **dict.fromkeys("GPX", 7), **dict.fromkeys("HY", 8), **dict.fromkeys("RZ", 9),
}  # fmt: skip
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model years 1980.. in a 30-year cycle

# make, weight, {WMI: models built under it}, engine code prefixes
_MAKES: tuple[tuple[str, int, dict[str, tuple[str, ...]], tuple[str, ...]], ...] = (
    (
        "Toyota",
        14,
        {"JTD": ("Corolla", "Camry", "Yaris"), "JTM": ("RAV4", "Land Cruiser", "Hilux")},
        ("1ZR", "2GR", "1GD"),
    ),
    (
        "Volkswagen",
        12,
        {"WVW": ("Golf", "Passat", "Polo"), "WVG": ("Tiguan", "Touareg")},
        ("CJX", "DFG", "CZE"),
    ),
    ("BMW", 7, {"WBA": ("320d", "520d", "X3"), "WBS": ("M3", "M5")}, ("B47", "B48", "S58")),
    (
        "Mercedes-Benz",
        7,
        {"WDD": ("C 220", "E 300", "S 500"), "WDC": ("GLE 350", "G 63")},
        ("OM654", "M264", "M177"),
    ),
    ("Audi", 6, {"WAU": ("A4", "A6", "Q5", "Q7", "RS6")}, ("DETA", "CVK", "DKM")),
    (
        "Ford",
        7,
        {"WF0": ("Focus", "Fiesta", "Kuga"), "1FA": ("Mustang",), "1FM": ("Explorer",)},
        ("M1DA", "XQDA", "P5AT"),
    ),
    ("Honda", 5, {"JHM": ("Civic", "Accord", "Jazz"), "SHS": ("CR-V",)}, ("R18A", "K20C", "L15B")),
    (
        "Nissan",
        5,
        {"JN1": ("X-Trail", "Patrol", "Navara"), "SJN": ("Qashqai", "Juke")},
        ("MR20", "HR13", "YD25"),
    ),
    (
        "Hyundai",
        5,
        {"KMH": ("Tucson", "Elantra", "Santa Fe"), "TMA": ("i30",)},
        ("G4FJ", "D4HA", "G4NA"),
    ),
    ("Kia", 4, {"KNA": ("Sportage", "Sorento", "Rio"), "U5Y": ("Ceed",)}, ("G4FJ", "D4HB", "G4LC")),
    ("Renault", 5, {"VF1": ("Clio", "Megane", "Captur", "Kadjar")}, ("K9K", "H5H", "M5M")),
    ("Peugeot", 4, {"VF3": ("208", "308", "3008", "508")}, ("EB2", "DV5", "EP6")),
    ("Lada", 3, {"XTA": ("Vesta", "Niva", "Granta")}, ("21126", "21179", "11186")),
    (
        "Land Rover",
        4,
        {"SAL": ("Range Rover", "Defender", "Discovery")},
        ("306DT", "508PS", "204DTD"),
    ),
    ("Lexus", 3, {"JTH": ("RX 450h", "LX 570", "NX 300")}, ("2GR", "3UR", "8AR")),
    ("Skoda", 3, {"TMB": ("Octavia", "Superb", "Kodiaq")}, ("CZC", "DFG", "CJS")),
    ("Fiat", 3, {"ZFA": ("500", "Panda", "Tipo", "Ducato")}, ("169A4", "312A2", "F1AE")),
    ("Tesla", 2, {"5YJ": ("Model 3", "Model S"), "7SA": ("Model Y",)}, ("3D1", "3D7")),
    ("Chevrolet", 3, {"1G1": ("Malibu", "Camaro"), "1GN": ("Tahoe",)}, ("LFX", "L83", "LT1")),
    ("Dacia", 2, {"UU1": ("Duster", "Sandero", "Logan")}, ("K9K", "H4D", "K7M")),
    ("Porsche", 2, {"WP0": ("911 Carrera",), "WP1": ("Cayenne", "Macan")}, ("MA1", "DCB", "MCW")),
    ("Volvo", 2, {"YV1": ("XC90", "XC60", "S60")}, ("B4204", "D4204", "B6304")),
    ("Mitsubishi", 2, {"JMB": ("Pajero", "Outlander"), "MMB": ("L200",)}, ("4N15", "4B12", "4D56")),
)
_MAKE_WEIGHTS = Weighted((entry, entry[1]) for entry in _MAKES)
_COLOURS = Weighted(
    (
        ("white", 24), ("black", 20), ("grey", 16), ("silver", 12), ("blue", 9), ("red", 8),
        ("green", 3), ("beige", 2), ("brown", 2), ("yellow", 1), ("orange", 1), ("gold", 1),
    )
)  # fmt: skip
_PLATES: dict[str, tuple[str, ...]] = {
    "FRA": ("aa-999-aa",),
    "DEU": ("[BMKFSD]-aa 9999", "HH-aa 999", "[BMKFSD]-a 999"),
    "GBR": ("aa99 aaa",),
    "ITA": ("aa 999aa",),
    "ESP": ("9999 ccc",),
    "NLD": ("aa-999-a", "99-aaa-9"),
    "BEL": ("1-aaa-999",),
    "POL": ("[WKGP]a 99999", "[WKGP]a 9999a"),
    "RUS": ("[ABEKMHOPCTYX]999[ABEKMHOPCTYX][ABEKMHOPCTYX]99",),
    "UKR": ("aa9999aa",),
    "TUR": ("99 aaa 99", "99 a 9999"),
    "USA": ("9aaa999", "aaa 9999"),
    "BRA": ("aaa9a99",),
    "ARG": ("aa 999 aa",),
    "MEX": ("aaa-999-a",),
    "ZAF": ("aa 99 aa GP",),
    "KEN": ("Kaa 999a",),
    "NGA": ("aaa-999aa",),
    "GRC": ("aaa-9999",),
    "AUT": ("W-99999a",),
    "CHE": ("ZH 999999",),
}
_PLATE_COUNTRIES = Weighted(
    (
        ("FRA", 12), ("DEU", 14), ("GBR", 10), ("ITA", 10), ("ESP", 9), ("NLD", 5), ("BEL", 4),
        ("POL", 6), ("RUS", 5), ("UKR", 5), ("TUR", 4), ("USA", 5), ("BRA", 2), ("ARG", 1),
        ("MEX", 2), ("ZAF", 2), ("KEN", 1), ("NGA", 1), ("GRC", 2), ("AUT", 2), ("CHE", 2),
    )
)  # fmt: skip
_STATUSES = Weighted(((ObjectStatus.STOLEN, 88), (ObjectStatus.WANTED, 10), (ObjectStatus.LOST, 2)))
_VDS = Pattern("xxxxx")
_PLANT = Pattern("x")


def vin_check_digit(vin: str) -> str:
    """The check digit of a 17-character VIN (its own position 9 is ignored)."""
    total = sum(_VIN_VALUES[char] * weight for char, weight in zip(vin, _VIN_WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def iter_vehicles(*, count: int, seed: int, today: dt.date) -> Iterator[Vehicle]:
    """``count`` vehicle records ``VEH-000001``..; most carry both VIN and plate."""
    rng = section_rng(seed, "vehicles")
    for index in range(1, count + 1):
        yield _draw_vehicle(rng, f"VEH-{index:06d}", today)


def _draw_vehicle(rng: random.Random, record_id: str, today: dt.date) -> Vehicle:
    make, _, builds, engines = _MAKE_WEIGHTS.draw(rng)
    wmi = rng.choice(sorted(builds))
    country = _PLATE_COUNTRIES.draw(rng)
    status = _STATUSES.draw(rng)
    vin, plate = _identifiers(rng, wmi, country, rng.randint(today.year - 15, today.year))
    engine_number = None
    if rng.randrange(100) < 70:
        engine_number = f"{rng.choice(engines)}{rng.randrange(10**6, 10**7)}"
    return Vehicle(
        id=record_id,
        owner=country,
        action=VEHICLE_ACTIONS[status],
        status=status,
        vin=vin,
        plate=plate,
        plate_country=country if plate else None,
        make=make,
        model=rng.choice(builds[wmi]),
        colour=_COLOURS.draw(rng),
        engine_number=engine_number,
    )


def _identifiers(
    rng: random.Random, wmi: str, country: str, model_year: int
) -> tuple[str | None, str | None]:
    """VIN and plate; most records know both, some only one (a plate seen, a VIN on a part)."""
    draw = rng.randrange(100)
    vin = _vin(rng, wmi, model_year) if draw < 97 else None
    plate = Pattern(rng.choice(_PLATES[country])).draw(rng) if draw < 90 or vin is None else None
    return vin, plate


def _vin(rng: random.Random, wmi: str, model_year: int) -> str:
    """A 17-character VIN: maker, vehicle descriptor, check digit, year, plant, serial."""
    year_code = _YEAR_CODES[(model_year - 1980) % len(_YEAR_CODES)]
    serial = f"{rng.randrange(10**6):06d}"
    body = f"{wmi}{_VDS.draw(rng)}0{year_code}{_PLANT.draw(rng)}{serial}"
    return body[:8] + vin_check_digit(body) + body[9:]
