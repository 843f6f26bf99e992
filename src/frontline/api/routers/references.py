"""/v1/specimens and /v1/alerts: genuine-document specimens and counterfeit alerts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, status

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.records import DocumentType
from frontline.domain.specimens import alert_as_dict, specimen_as_dict

router = APIRouter(tags=["references"])

ItemsBody = Annotated[
    dict[str, Any] | list[Any],
    Body(description="One item, or a list of them, in the import format (docs/biometrics.md)."),
]
Country = Annotated[str | None, Query(max_length=3)]


def _load(services: Any, caller: Any, kind: Literal["specimens", "alerts"], body: Any) -> Any:
    items = body if isinstance(body, list) else [body]
    written = services.references.load(principal=caller, kind=kind, raws=items)
    return FastJSON({"written": written}, status_code=status.HTTP_201_CREATED)


@router.post("/v1/specimens", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def load_specimens(body: ItemsBody, services: ServicesDep, caller: CallerDep) -> Any:
    return _load(services, caller, "specimens", body)


@router.get("/v1/specimens", response_class=FastJSON)
def list_specimens(
    services: ServicesDep,
    caller: CallerDep,
    country: Country = None,
    document_type: DocumentType | None = None,
) -> Any:
    found = services.references.specimens(
        principal=caller,
        country=country,
        document_type=document_type.value if document_type else None,
    )
    return FastJSON({"items": [specimen_as_dict(s, with_images=False) for s in found]})


@router.get("/v1/specimens/{specimen_id}", response_class=FastJSON)
def read_specimen(specimen_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    specimen, alerts = services.references.specimen(principal=caller, specimen_id=specimen_id)
    return FastJSON(
        {**specimen_as_dict(specimen), "alerts": [alert_as_dict(alert) for alert in alerts]}
    )


@router.post("/v1/alerts", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def load_alerts(body: ItemsBody, services: ServicesDep, caller: CallerDep) -> Any:
    return _load(services, caller, "alerts", body)


@router.get("/v1/alerts", response_class=FastJSON)
def list_alerts(
    services: ServicesDep,
    caller: CallerDep,
    country: Country = None,
    document_type: DocumentType | None = None,
) -> Any:
    found = services.references.alerts(
        principal=caller,
        country=country,
        document_type=document_type.value if document_type else None,
    )
    return FastJSON({"items": [alert_as_dict(alert) for alert in found]})


@router.get("/v1/alerts/{alert_id}", response_class=FastJSON)
def read_alert(alert_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return FastJSON(alert_as_dict(services.references.alert(principal=caller, alert_id=alert_id)))
