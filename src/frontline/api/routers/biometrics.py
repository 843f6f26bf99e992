"""/v1/biometrics: a person record's biometrics together; purge its faces and DNA profiles."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.api.schemas import PurgeIn

__all__ = ["router"]

router = APIRouter(prefix="/v1/biometrics", tags=["biometrics"])


@router.post(
    "/purge",
    response_class=FastJSON,
    summary="Remove every face enrolment and DNA profile of a person record, each audited",
)
def purge_biometrics(body: PurgeIn, services: ServicesDep, caller: CallerDep) -> Any:
    """The record's owner bureau, or an admin; one transaction. An empty ``items``: nothing
    was enrolled, and nothing was written."""
    removals = services.biometric_purge.purge(
        principal=caller, record_id=body.record_id, reason=body.reason
    )
    return FastJSON({"record_id": body.record_id, "items": [item.as_dict() for item in removals]})
