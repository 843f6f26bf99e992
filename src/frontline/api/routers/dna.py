"""/v1/dna: enrol a DNA profile to a person record, list a record's, search a probe profile,
remove one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, status

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.api.schemas import RemovalIn
from frontline.biometrics.dna_service import SearchLimits, profile_summary
from frontline.errors import InvalidInput

router = APIRouter(prefix="/v1/dna", tags=["dna"])

ProfileBody = Annotated[
    dict[str, Any],
    Body(
        description=(
            'Enrol: {"record_id": "PER-1", "loci": {"D3S1358": [15, 16], "TH01": "9.3"}}; '
            'search: {"loci": {...}, "max_mismatches": 0, "min_loci": 8, "limit": 20}. '
            "Loci: docs/biometrics.md."
        )
    ),
]


@router.post("/profiles", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def enrol_profile(body: ProfileBody, services: ServicesDep, caller: CallerDep) -> Any:
    _known(body, {"record_id", "loci"})
    record_id = body.get("record_id")
    if not isinstance(record_id, str) or not record_id:
        raise InvalidInput.for_field("record_id", "is required: the person record's id")
    profile = services.dna.enrol(principal=caller, record_id=record_id, raw=body.get("loci"))
    return FastJSON(profile.as_dict(), status_code=status.HTTP_201_CREATED)


@router.get(
    "/profiles",
    response_class=FastJSON,
    summary="The DNA profiles enrolled to a person record (who, when, how many loci; no alleles)",
)
def list_profiles(
    record_id: Annotated[str, Query(min_length=1, max_length=200)],
    services: ServicesDep,
    caller: CallerDep,
) -> Any:
    found = services.dna.profiles(principal=caller, record_id=record_id)
    return FastJSON({"items": [profile_summary(profile) for profile in found]})


@router.get("/profiles/{profile_id}", response_class=FastJSON)
def read_profile(profile_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return FastJSON(services.dna.get(principal=caller, profile_id=profile_id).as_dict())


@router.delete("/profiles/{profile_id}", response_class=FastJSON)
def remove_profile(
    profile_id: str, body: RemovalIn, services: ServicesDep, caller: CallerDep
) -> Any:
    """Remove a profile (its owner bureau, or an admin): deleted, the removal audited."""
    removal = services.dna.remove(principal=caller, profile_id=profile_id, reason=body.reason)
    return FastJSON(removal.as_dict())


@router.post("/search", response_class=FastJSON)
def search_profiles(body: ProfileBody, services: ServicesDep, caller: CallerDep) -> Any:
    _known(body, {"loci", "max_mismatches", "min_loci", "limit"})
    limits = search_limits(body)
    found = services.dna.search(principal=caller, raw=body.get("loci"), limits=limits)
    return FastJSON(found.as_dict())


def search_limits(fields: dict[str, Any]) -> SearchLimits:
    """The stringency named in a request (whole numbers), the defaults for the rest."""
    values: dict[str, int] = {}
    for name in ("max_mismatches", "min_loci", "limit"):
        value = fields.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise InvalidInput.for_field(name, "must be a whole number")
        values[name] = value
    return SearchLimits(**values)


def _known(body: dict[str, Any], fields: set[str]) -> None:
    for name in body:
        if name not in fields:
            raise InvalidInput.for_field(name, "is not a known field")
