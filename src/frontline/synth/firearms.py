"""Lost, stolen and trafficked firearms: serial numbers in each maker's style."""

from __future__ import annotations

import random
from collections.abc import Iterator

from frontline.domain.records import Firearm, ObjectStatus
from frontline.synth.actions import FIREARM_ACTIONS
from frontline.synth.bureaus import BUREAUS
from frontline.synth.patterns import Pattern
from frontline.synth.randomness import Weighted, section_rng

__all__ = ["FIREARM_TYPES", "iter_firearms"]

FIREARM_TYPES = ("pistol", "revolver", "rifle", "shotgun", "submachine gun")

# make, weight, serial pattern, ((model, calibre, type), ...)
_MAKES: tuple[tuple[str, int, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("Glock", 14, "aaa999", (
        ("17", "9x19mm", "pistol"), ("19", "9x19mm", "pistol"), ("22", ".40 S&W", "pistol"),
        ("26", "9x19mm", "pistol"),
    )),
    ("Beretta", 10, "BER999999a", (
        ("92FS", "9x19mm", "pistol"), ("PX4 Storm", "9x19mm", "pistol"),
        ("686 Silver Pigeon", "12 gauge", "shotgun"),
    )),
    ("Smith & Wesson", 9, "aaa9999", (
        ("Model 686", ".357 Magnum", "revolver"), ("M&P9", "9x19mm", "pistol"),
        ("Model 29", ".44 Magnum", "revolver"), ("M&P15", "5.56x45mm NATO", "rifle"),
    )),
    ("Kalashnikov Concern", 8, "999999", (
        ("AK-74M", "5.45x39mm", "rifle"), ("AKM", "7.62x39mm", "rifle"),
        ("Saiga-12", "12 gauge", "shotgun"),
    )),
    ("CZ", 7, "a999999", (
        ("75 B", "9x19mm", "pistol"), ("Scorpion Evo 3", "9x19mm", "submachine gun"),
        ("457", ".22 LR", "rifle"),
    )),
    ("SIG Sauer", 7, "aaa999999", (
        ("P226", "9x19mm", "pistol"), ("P320", "9x19mm", "pistol"),
        ("MCX", "5.56x45mm NATO", "rifle"),
    )),
    ("Heckler & Koch", 6, "99-999999", (
        ("MP5", "9x19mm", "submachine gun"), ("G36", "5.56x45mm NATO", "rifle"),
        ("USP", ".45 ACP", "pistol"),
    )),
    ("Colt", 4, "9999999", (
        ("M1911A1", ".45 ACP", "pistol"), ("Python", ".357 Magnum", "revolver"),
    )),
    ("Remington", 5, "a999999a", (
        ("870", "12 gauge", "shotgun"), ("700", ".308 Winchester", "rifle"),
    )),
    ("Mossberg", 4, "a999999", (("500", "12 gauge", "shotgun"), ("590", "12 gauge", "shotgun"))),
    ("Walther", 5, "999999a", (("PPK", "7.65x17mm", "pistol"), ("P99", "9x19mm", "pistol"))),
    ("FN Herstal", 5, "999aa99999", (
        ("FAL", "7.62x51mm NATO", "rifle"), ("P90", "5.7x28mm", "submachine gun"),
        ("Five-seveN", "5.7x28mm", "pistol"),
    )),
    ("Zastava", 4, "99999", (("M70", "7.62x39mm", "rifle"), ("M57", "7.62x25mm", "pistol"))),
    ("Taurus", 4, "aaa99999", (
        ("PT92", "9x19mm", "pistol"), ("Model 85", ".38 Special", "revolver"),
    )),
    ("Ruger", 4, "999-99999", (("10/22", ".22 LR", "rifle"), ("GP100", ".357 Magnum", "revolver"))),
    ("IWI", 3, "aa99999", (
        ("Uzi", "9x19mm", "submachine gun"), ("Jericho 941", "9x19mm", "pistol"),
    )),
)  # fmt: skip
_MAKE_WEIGHTS = Weighted((entry, entry[1]) for entry in _MAKES)
_SERIALS = {make: Pattern(serial) for make, _, serial, _ in _MAKES}
_STATUSES = Weighted(
    ((ObjectStatus.STOLEN, 55), (ObjectStatus.LOST, 20), (ObjectStatus.WANTED, 25))
)


def iter_firearms(*, count: int, seed: int) -> Iterator[Firearm]:
    """``count`` firearm records ``FAR-000001``..."""
    rng = section_rng(seed, "firearms")
    for index in range(1, count + 1):
        yield _draw_firearm(rng, f"FAR-{index:06d}")


def _draw_firearm(rng: random.Random, record_id: str) -> Firearm:
    make, _, _, models = _MAKE_WEIGHTS.draw(rng)
    model, calibre, firearm_type = rng.choice(models)
    status = _STATUSES.draw(rng)
    return Firearm(
        id=record_id,
        owner=BUREAUS.draw(rng),
        action=FIREARM_ACTIONS[status],
        status=status,
        serial=_SERIALS[make].draw(rng),
        make=make,
        model=model,
        calibre=calibre,
        firearm_type=firearm_type,
    )
