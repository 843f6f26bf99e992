"""/v1/records/{kind}: create, read, replace, cancel and list a bureau's records."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import BaseModel, ConfigDict, Field

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.records import RecordKind, RecordState
from frontline.identifiers.countries import canonical_country
from frontline.store.codecs import record_to_dict

router = APIRouter(prefix="/v1/records", tags=["records"])

RecordBody = Annotated[
    dict[str, Any],
    Body(description="The record's fields, as in docs/formats.md for its kind."),
]


@router.post("/{kind}", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def create_record(
    kind: RecordKind, body: RecordBody, services: ServicesDep, caller: CallerDep
) -> Any:
    record = services.records.create(principal=caller, kind=kind, raw=body)
    return FastJSON(record_to_dict(record), status_code=status.HTTP_201_CREATED)


@router.get("/{kind}", response_class=FastJSON)
def list_records(
    kind: RecordKind,
    services: ServicesDep,
    caller: CallerDep,
    owner: Annotated[str | None, Query(max_length=3)] = None,
    state: RecordState | None = None,
    after: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    owner_code = canonical_country(owner, field="owner") if owner else None
    records = services.records.search(
        principal=caller, kind=kind, owner=owner_code, state=state, after=after, limit=limit
    )
    items = [record_to_dict(record) for record in records]
    next_after = items[-1]["id"] if len(items) == limit else None
    return FastJSON({"items": items, "next_after": next_after})


@router.get("/{kind}/{record_id}", response_class=FastJSON)
def read_record(kind: RecordKind, record_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return FastJSON(
        record_to_dict(services.records.get(principal=caller, kind=kind, record_id=record_id))
    )


@router.put("/{kind}/{record_id}", response_class=FastJSON)
def replace_record(
    kind: RecordKind, record_id: str, body: RecordBody, services: ServicesDep, caller: CallerDep
) -> Any:
    record = services.records.replace(principal=caller, kind=kind, record_id=record_id, raw=body)
    return FastJSON(record_to_dict(record))


@router.post("/{kind}/{record_id}/cancel", response_class=FastJSON)
def cancel_record(
    kind: RecordKind, record_id: str, services: ServicesDep, caller: CallerDep
) -> Any:
    record = services.records.cancel(principal=caller, kind=kind, record_id=record_id)
    return FastJSON(record_to_dict(record))


class RestrictionIn(BaseModel):
    """Exactly one of the two lists, of ICAO/ISO alpha-3 codes."""

    model_config = ConfigDict(extra="forbid")

    only: Annotated[list[Annotated[str, Field(max_length=8)]] | None, Field(max_length=100)] = None
    hidden_from: Annotated[
        list[Annotated[str, Field(max_length=8)]] | None, Field(max_length=100)
    ] = None


@router.put("/{kind}/{record_id}/restriction", response_class=FastJSON)
def restrict_record(
    kind: RecordKind,
    record_id: str,
    body: RestrictionIn,
    services: ServicesDep,
    caller: CallerDep,
) -> Any:
    """The owner shows the record only to ``only``, or hides it from ``hidden_from``."""
    restriction = services.records.restrict(
        principal=caller,
        kind=kind,
        record_id=record_id,
        only=body.only,
        hidden_from=body.hidden_from,
    )
    return FastJSON(restriction.as_dict())


@router.delete("/{kind}/{record_id}/restriction", status_code=status.HTTP_204_NO_CONTENT)
def unrestrict_record(
    kind: RecordKind, record_id: str, services: ServicesDep, caller: CallerDep
) -> Response:
    services.records.unrestrict(principal=caller, kind=kind, record_id=record_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
