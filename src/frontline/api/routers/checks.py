"""POST /v1/checks and /v1/checks/batch: screen documents, MRZs, vehicles, vessels, firearms."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.api.schemas import BatchIn, MrzIn, SingleCheckIn
from frontline.domain.checks import Verdict, result_as_dict
from frontline.domain.operations import check_context
from frontline.domain.queries import CheckContext
from frontline.errors import InvalidInput, PayloadTooLarge
from frontline.identifiers.mrz import parse_mrz
from frontline.screening.requests import parse_check_request
from frontline.screening.subjects import subject_id

router = APIRouter(prefix="/v1", tags=["checks"])


@router.post("/checks", response_class=FastJSON, summary="Check one traveller or object")
def check(body: SingleCheckIn, services: ServicesDep, caller: CallerDep) -> Any:
    context = check_context(body.operation_id, body.border_point)
    raw = body.model_dump(exclude_none=True, exclude={"operation_id", "border_point"})
    request = parse_check_request(raw, today=services.clock().date())
    result = services.screening.check(principal=caller, request=request, context=context)
    return FastJSON(result_as_dict(result))


@router.post(
    "/checks/batch",
    response_class=FastJSON,
    summary="Check many at once",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": BatchIn.model_json_schema(ref_template="#/components/schemas/{model}")
                }
            },
        }
    },
)
async def check_batch(request: Request, services: ServicesDep, caller: CallerDep) -> Any:
    # The body is parsed by hand rather than through pydantic: a batch holds thousands of
    # checks and parse_check_request validates every field (types included) anyway.
    items, context = _batch_items(await request.body(), services.settings.max_batch)
    today = services.clock().date()
    errors = []
    requests = []
    input_ids: dict[int, str | int] = {}
    for position, item in enumerate(items):
        prefix = f"checks[{position}]."
        try:
            if type(item) is dict and "id" in item:
                item = _without_id(item, position, input_ids, prefix)
            requests.append(parse_check_request(item, today=today, prefix=prefix))
        except InvalidInput as error:
            errors.extend(error.errors)
    if errors:
        raise InvalidInput(
            f"{len(errors)} bad field(s) in the batch; nothing was checked", errors=errors
        )
    results = services.screening.check_batch(principal=caller, requests=requests, context=context)
    rendered = [result_as_dict(result) for result in results]
    for position, input_id in input_ids.items():
        rendered[position] = {"input_id": input_id, **rendered[position]}
    summary = {verdict.value: 0 for verdict in Verdict}
    for result in results:
        summary[result.verdict.value] += 1
    return FastJSON({"results": rendered, "summary": {"checks": len(results), **summary}})


def _without_id(
    item: dict[str, Any], position: int, input_ids: dict[int, str | int], prefix: str
) -> dict[str, Any]:
    """The item less its caller's ``id`` (echoed as ``input_id``), so the plain document
    item still takes parse_check_request's fast path."""
    rest = {key: value for key, value in item.items() if key != "id"}
    try:
        input_id = subject_id(item)
    except InvalidInput as error:
        raise InvalidInput.for_field(f"{prefix}id", error.errors[0].message) from None
    if input_id is not None:
        input_ids[position] = input_id
    return rest


_BATCH_KEYS = frozenset({"checks", "operation_id", "border_point"})


def _batch_items(body: bytes, limit: int) -> tuple[list[Any], CheckContext]:
    try:
        payload = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise InvalidInput.for_field("(body)", f"not valid JSON: {error}") from None
    if not isinstance(payload, dict) or "checks" not in payload or set(payload) - _BATCH_KEYS:
        raise InvalidInput.for_field(
            "(body)", 'must be {"checks": [...]} (with operation_id, border_point) and no more'
        )
    items = payload["checks"]
    if not isinstance(items, list) or not items:
        raise InvalidInput.for_field("checks", "must be a non-empty list of checks")
    if len(items) > limit:
        raise PayloadTooLarge(f"a batch holds at most {limit} checks; this one has {len(items)}")
    return items, check_context(payload.get("operation_id"), payload.get("border_point"))


@router.post("/mrz", response_class=FastJSON, summary="Parse and verify an MRZ (no check)")
def mrz(body: MrzIn, services: ServicesDep, caller: CallerDep) -> Any:
    parsed = parse_mrz(body.lines, today=services.clock().date())
    return FastJSON(parsed.as_dict())
