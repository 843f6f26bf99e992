"""What the training tests share: the trainer, and what a trainee types into the check form."""

from __future__ import annotations

from typing import Any

from frontline.domain.users import Principal, Role

TRAINER = Principal(901, "tina-trainer", Role.TRAINER, "FRA")


def check_body(presented: dict[str, Any]) -> dict[str, Any]:
    """The check a trainee sends for a case: its MRZ, its list entry, its car."""
    raw: dict[str, Any] = {}
    if "mrz" in presented:
        raw["mrz"] = presented["mrz"]
    if "person" in presented:
        raw["person"] = {key: value for key, value in presented["person"].items() if value}
    if "vehicle" in presented:
        vehicle = presented["vehicle"]
        raw["vehicle"] = {k: vehicle[k] for k in ("vin", "plate", "plate_country") if k in vehicle}
    return raw
