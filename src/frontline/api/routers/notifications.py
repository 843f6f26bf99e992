"""/v1/webhooks and /v1/outbox: where a bureau's notifications go, and what did not arrive."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.store.outbox import DeliveryState

router = APIRouter(prefix="/v1", tags=["notifications"])


class WebhookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Annotated[str, Field(min_length=1, max_length=500, description="https:// only.")]
    country: Annotated[
        str | None, Field(max_length=3, description="Admins: whose webhook; bureaus: theirs.")
    ] = None


@router.put("/webhooks", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def set_webhook(body: WebhookIn, services: ServicesDep, caller: CallerDep) -> Any:
    """Register (or replace) a bureau's webhook. The signing secret is shown this once."""
    hook = services.notifications.set_webhook(principal=caller, country=body.country, url=body.url)
    return FastJSON({**hook.as_dict(), "secret": hook.secret}, status_code=status.HTTP_201_CREATED)


@router.get("/webhooks", response_class=FastJSON)
def list_webhooks(services: ServicesDep, caller: CallerDep) -> Any:
    hooks = services.notifications.webhooks(principal=caller)
    return FastJSON({"items": [hook.as_dict() for hook in hooks]})


@router.delete("/webhooks/{country}", status_code=status.HTTP_204_NO_CONTENT)
def remove_webhook(country: str, services: ServicesDep, caller: CallerDep) -> None:
    services.notifications.remove_webhook(principal=caller, country=country)


@router.get("/outbox", response_class=FastJSON, summary="Notifications by delivery state")
def list_outbox(
    services: ServicesDep,
    caller: CallerDep,
    state: DeliveryState = DeliveryState.DEAD,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    events = services.notifications.undelivered(principal=caller, state=state, limit=limit)
    counts = services.notifications.counts(principal=caller)
    return FastJSON({"items": [event.as_dict() for event in events], "counts": counts})


@router.post("/outbox/{event_id}/retry", response_class=FastJSON)
def retry_event(event_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return FastJSON(services.notifications.resend(principal=caller, event_id=event_id).as_dict())
