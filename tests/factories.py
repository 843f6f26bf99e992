"""One-line factories for raw records (the import format) and principals."""

from __future__ import annotations

import itertools
from typing import Any

from frontline.domain.users import Principal, Role

_ids = itertools.count(1)


def _id(prefix: str) -> str:
    return f"{prefix}-{next(_ids):06d}"


def document(
    number: str | None = "X1234567",
    *,
    country: str = "FRA",
    status: str = "stolen",
    type: str = "passport",
    owner: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": extra.pop("id", _id("DOC")),
        "issuing_country": country,
        "type": type,
        "status": status,
        "owner": owner or country,
        "action": extra.pop("action", "Seize the document and contact the issuing bureau."),
        **extra,
    }
    if number is not None:
        row["number"] = number
    return row


def blank_range(low: str, high: str, *, country: str = "FRA", **extra: Any) -> dict[str, Any]:
    return document(
        None, country=country, status="stolen_blank", number_from=low, number_to=high, **extra
    )


def person(
    name: str = "Анна Петрова",
    *,
    type: str = "red",
    owner: str = "RUS",
    documents: list[dict[str, str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": extra.pop("id", _id("PER")),
        "type": type,
        "name": name,
        "owner": owner,
        "reason": extra.pop("reason", "Wanted for prosecution"),
        "action": extra.pop("action", "Arrest provisionally; contact the requesting bureau."),
        "documents": documents or [],
        **extra,
    }


def vehicle(vin: str | None = "1M8GDM9AXKP042788", **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": extra.pop("id", _id("VEH")),
        "status": "stolen",
        "owner": extra.pop("owner", "DEU"),
        "make": "Volkswagen",
        "model": "Golf",
        **extra,
    }
    if vin is not None:
        row["vin"] = vin
    return row


def vessel(imo: str | None = "9074729", **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": extra.pop("id", _id("VSL")),
        "status": "stolen",
        "owner": extra.pop("owner", "GRC"),
        "name": "Aegean Star",
        **extra,
    }
    if imo is not None:
        row["imo"] = imo
    return row


def firearm(serial: str = "ABC123", make: str = "Glock", **extra: Any) -> dict[str, Any]:
    return {
        "id": extra.pop("id", _id("FAR")),
        "serial": serial,
        "make": make,
        "model": "17",
        "calibre": "9mm",
        "firearm_type": "pistol",
        "status": "stolen",
        "owner": extra.pop("owner", "AUT"),
        **extra,
    }


def principal(role: str = "officer", country: str = "FRA", name: str = "officer-1") -> Principal:
    return Principal(1, name, Role(role), country)


OFFICER = principal()
ADMIN = principal("admin", "FRA", "admin-1")
