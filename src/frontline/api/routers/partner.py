"""POST /v1/partner/checks (one document), /v1/partner/checks/batch, GET /v1/partner/usage:
the only routes a partner key opens. A partner learns a reference and ``no_hit`` or
``refer``, never a record field; its hits reach the bureaus as cases."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request

from frontline.api.deps import PartnerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.errors import InvalidInput

router = APIRouter(prefix="/v1/partner", tags=["partners"])

_ITEM = {
    "type": "object",
    "properties": {
        "number": {"type": "string"},
        "country": {"type": "string", "description": "Issuing country (ISO 3166 alpha-3)."},
        "type": {"type": "string", "enum": ["passport", "id_card", "visa", "other"]},
        "id": {"type": "string", "description": "The partner's own reference, echoed."},
    },
    "required": ["number", "country"],
    "additionalProperties": False,
}


def _body(payload: dict[str, Any]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": payload}}}}


async def _json(request: Request) -> Any:
    # Parsed by hand: a name field must be refused with its own message (partners never send
    # names), which a pydantic model's "extra fields not permitted" would not say.
    try:
        return orjson.loads(await request.body())
    except orjson.JSONDecodeError as error:
        raise InvalidInput.for_field("(body)", f"not valid JSON: {error}") from None


@router.post(
    "/checks",
    response_class=FastJSON,
    summary="Check one document number",
    openapi_extra=_body(_ITEM),
)
async def partner_check(request: Request, services: ServicesDep, partner: PartnerDep) -> Any:
    item = await _json(request)
    (answer,) = services.partners.check(principal=partner, items=[item], batch=False)
    return FastJSON(answer.as_dict())


@router.post(
    "/checks/batch",
    response_class=FastJSON,
    summary="Check many document numbers",
    openapi_extra=_body(
        {
            "type": "object",
            "properties": {"checks": {"type": "array", "items": _ITEM}},
            "required": ["checks"],
            "additionalProperties": False,
        }
    ),
)
async def partner_batch(request: Request, services: ServicesDep, partner: PartnerDep) -> Any:
    payload = await _json(request)
    if not isinstance(payload, dict) or set(payload) != {"checks"}:
        raise InvalidInput.for_field("(body)", 'must be {"checks": [...]} and no more')
    items = payload["checks"]
    if not isinstance(items, list):
        raise InvalidInput.for_field("checks", "must be a list of checks")
    answers = services.partners.check(principal=partner, items=items)
    refer = sum(1 for answer in answers if answer.result == "refer")
    return FastJSON(
        {
            "results": [answer.as_dict() for answer in answers],
            "summary": {"checks": len(answers), "no_hit": len(answers) - refer, "refer": refer},
        }
    )


@router.get("/usage", response_class=FastJSON, summary="The partner's limits and use today")
def partner_usage(services: ServicesDep, partner: PartnerDep) -> Any:
    return FastJSON(services.partners.usage(principal=partner))
