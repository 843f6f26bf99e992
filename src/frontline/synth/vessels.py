"""Stolen and wanted vessels: ships with IMO numbers, small craft with hull identification
numbers (HIN) and outboard engine serials.

IMO number: seven digits, the last being the sum of the first six weighted 7 6 5 4 3 2,
mod 10. HIN (US style, 12 characters): manufacturer code (3 letters), serial (5), month of
production (A-L), last digit of the production year, model year (2 digits).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from frontline.domain.records import ObjectStatus, Vessel
from frontline.synth.actions import VESSEL_ACTIONS
from frontline.synth.bureaus import BUREAUS
from frontline.synth.patterns import Pattern
from frontline.synth.randomness import Weighted, section_rng

__all__ = ["imo_check_digit", "iter_vessels"]

_SHIP_PER_CENT = 25
_SHIP_NAMES = (
    "Nordic Star", "Ocean Pearl", "Aegean Queen", "Golden Tide", "Baltic Trader",
    "Atlantic Hope", "Eastern Dawn", "Cape Horizon", "Silver Wave", "Southern Cross",
    "Pacific Glory", "Sea Falcon", "Adriatic Sun", "Mare Nostrum", "Northern Light",
    "Zvezda Morya", "Hai Xing", "Al Bahr", "Kapitan Belov", "Santa Maria",
)  # fmt: skip
_CRAFT_NAMES = (
    "Sea Breeze", "Blue Horizon", "Aurora", "Marianne", "Wind Dancer", "Dolce Vita",
    "Mistral", "Santa Lucia", "Kalliope", "Stella Maris", "Black Pearl", "Seagull",
    "Morning Star", "Lady Anne", "Amalthea", "Sirocco", "Free Spirit", "Bella Luna",
    "Odyssey", "Pegasus", "Mañana", "Jolie Brise", "Meltemi", "Reel Therapy",
)  # fmt: skip
_SUFFIXES = ("", "", "", "", " II", " III", " 2")
_MANUFACTURERS = ("SER", "BWC", "NTL", "BEN", "JEA", "BAV", "PRN", "AZM", "FGB", "RGM", "ZDL")
_ENGINES = Weighted(
    (
        (Pattern("9aa-9999999"), 30),  # Yamaha
        (Pattern("9a999999"), 25),  # Mercury
        (Pattern("99999a-999999"), 15),  # Suzuki
        (Pattern("BBLa-9999999"), 10),  # Honda
        (Pattern("9999999999"), 10),  # Volvo Penta
        (Pattern("9999999"), 10),  # Tohatsu
    )
)
_SHIP_ENGINE = Pattern("aa99999-9")
_HIN_SERIAL = Pattern("xxxxx")
_MONTHS = "ABCDEFGHIJKL"
_STATUSES = Weighted(((ObjectStatus.STOLEN, 80), (ObjectStatus.WANTED, 15), (ObjectStatus.LOST, 5)))
_IMO_WEIGHTS = (7, 6, 5, 4, 3, 2)


def imo_check_digit(first_six: str) -> str:
    """The seventh digit of an IMO number from its first six."""
    return str(sum(int(d) * w for d, w in zip(first_six, _IMO_WEIGHTS, strict=True)) % 10)


def iter_vessels(*, count: int, seed: int, today: dt.date) -> Iterator[Vessel]:
    """``count`` vessel records ``VSL-000001``..: a quarter ships, the rest small craft."""
    rng = section_rng(seed, "vessels")
    for index in range(1, count + 1):
        yield _draw_vessel(rng, f"VSL-{index:06d}", today)


def _draw_vessel(rng: random.Random, record_id: str, today: dt.date) -> Vessel:
    status = _STATUSES.draw(rng)
    owner = BUREAUS.draw(rng)
    imo: str | None = None
    hull_id: str | None = None
    engines: tuple[str, ...] = ()
    if rng.randrange(100) < _SHIP_PER_CENT:
        imo = _imo(rng)
        name = rng.choice(_SHIP_NAMES)
        if rng.randrange(100) < 50:
            engines = (_SHIP_ENGINE.draw(rng),)
    else:
        hull_id = _hin(rng, today)
        name = rng.choice(_CRAFT_NAMES)
        engine = _ENGINES.draw(rng)
        engines = tuple(engine.draw(rng) for _ in range(rng.choice((1, 1, 1, 2))))
    return Vessel(
        id=record_id,
        owner=owner,
        action=VESSEL_ACTIONS[status],
        status=status,
        imo=imo,
        hull_id=hull_id,
        name=name + rng.choice(_SUFFIXES),
        engine_serials=engines,
    )


def _imo(rng: random.Random) -> str:
    first_six = f"{rng.randint(7, 9)}{rng.randrange(10**5):05d}"
    return first_six + imo_check_digit(first_six)


def _hin(rng: random.Random, today: dt.date) -> str:
    """A hull identification number; the model year follows production from August on."""
    year = rng.randint(today.year - 25, today.year)
    month = rng.randrange(12)
    model_year = year + 1 if month >= 7 else year
    serial = _HIN_SERIAL.draw(rng)
    manufacturer = rng.choice(_MANUFACTURERS)
    return f"{manufacturer}{serial}{_MONTHS[month]}{year % 10}{model_year % 100:02d}"
