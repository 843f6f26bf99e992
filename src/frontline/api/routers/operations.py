"""/v1/operations and /v1/access: operations, their statistics and reports; standing access."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response, status
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.operations.report import REPORT_TYPES, render_report

router = APIRouter(tags=["operations"])

# Bodies are pydantic models for the OpenAPI schema and to refuse unknown fields at the
# edge; the use case validates meaning (codes, countries, users, the window).
Short = Annotated[str, Field(max_length=120)]
Name = Annotated[str, Field(max_length=80)]
DatabaseName = Annotated[str, Field(max_length=16, description="SLTD, TDAWN, NOMINAL, ...")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BorderPointIn(_Strict):
    code: Annotated[str, Field(max_length=16, description="IATA/ICAO (air), UN/LOCODE")]
    type: Literal["air", "land", "sea"]
    name: Short | None = None


class OperationIn(_Strict):
    name: Short
    host_country: Annotated[str, Field(max_length=8, description="Alpha-3.")]
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    border_points: Annotated[list[BorderPointIn], Field(min_length=1, max_length=200)]
    databases: Annotated[list[DatabaseName], Field(min_length=1, max_length=16)]
    crime_areas: Annotated[list[Short], Field(max_length=50)] = []
    officers: Annotated[list[Name], Field(max_length=500)] = []
    devices: Annotated[list[Name], Field(max_length=500)] = []
    description: Annotated[str, Field(max_length=2000)] = ""


class ParticipantsIn(_Strict):
    officers: Annotated[list[Name], Field(max_length=500)] | None = None
    devices: Annotated[list[Name], Field(max_length=500)] | None = None


class AccessIn(_Strict):
    databases: Annotated[
        list[DatabaseName] | None, Field(description="null: every database (no restriction).")
    ]


@router.post("/v1/operations", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def create_operation(body: OperationIn, services: ServicesDep, caller: CallerDep) -> Any:
    operation = services.operations.create(
        principal=caller,
        name=body.name,
        host_country=body.host_country,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        border_points=[point.model_dump() for point in body.border_points],
        databases=body.databases,
        crime_areas=body.crime_areas,
        officers=body.officers,
        devices=body.devices,
        description=body.description,
    )
    return FastJSON(operation.as_dict(services.clock()), status_code=status.HTTP_201_CREATED)


@router.get("/v1/operations", response_class=FastJSON)
def list_operations(
    services: ServicesDep, caller: CallerDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> Any:
    now = services.clock()
    items = services.operations.list_operations(principal=caller, limit=limit)
    return FastJSON({"items": [item.as_dict(now) for item in items]})


@router.get("/v1/operations/{operation_id}", response_class=FastJSON)
def show_operation(operation_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    operation = services.operations.get(principal=caller, operation_id=operation_id)
    return FastJSON(operation.as_dict(services.clock()))


@router.put("/v1/operations/{operation_id}/participants", response_class=FastJSON)
def set_participants(
    operation_id: str, body: ParticipantsIn, services: ServicesDep, caller: CallerDep
) -> Any:
    operation = services.operations.set_participants(
        principal=caller, operation_id=operation_id, officers=body.officers, devices=body.devices
    )
    return FastJSON(operation.as_dict(services.clock()))


@router.post("/v1/operations/{operation_id}/close", response_class=FastJSON)
def close_operation(operation_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    operation = services.operations.close(principal=caller, operation_id=operation_id)
    return FastJSON(operation.as_dict(services.clock()))


@router.get("/v1/operations/{operation_id}/statistics", response_class=FastJSON)
def operation_statistics(operation_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    stats = services.operations.statistics(principal=caller, operation_id=operation_id)
    return FastJSON(stats.as_dict())


@router.get(
    "/v1/operations/{operation_id}/report",
    response_class=Response,
    responses={200: {"content": {media: {} for media in REPORT_TYPES.values()}}},
)
def operation_report(
    operation_id: str,
    services: ServicesDep,
    caller: CallerDep,
    format: Literal["html", "pdf", "csv"] = "html",
) -> Response:
    stats = services.operations.statistics(principal=caller, operation_id=operation_id)
    body = render_report(stats, format)
    filename = f"{operation_id}-report.{format}"
    return Response(
        body,
        media_type=REPORT_TYPES[format],
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


@router.get("/v1/access", response_class=FastJSON)
def show_access(services: ServicesDep, caller: CallerDep) -> Any:
    restricted = services.operations.standing_access(principal=caller)
    return FastJSON({"restricted": restricted, "others": "every database"})


@router.put("/v1/access/{country}", response_class=FastJSON)
def set_access(country: str, body: AccessIn, services: ServicesDep, caller: CallerDep) -> Any:
    allowed = services.operations.set_standing_access(
        principal=caller, country=country, databases=body.databases
    )
    names = sorted(allowed) if allowed is not None else None
    return FastJSON({"country": country.upper(), "databases": names})
