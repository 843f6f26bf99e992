"""/records: a bureau's records to search, read, create and cancel (owner bureau only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from frontline.access import Action, require
from frontline.domain.records import RecordKind, RecordState
from frontline.domain.users import Role
from frontline.errors import InvalidInput, NotFound
from frontline.identifiers.countries import canonical_country
from frontline.store.codecs import record_to_dict
from frontline.web.console import (
    FormDep,
    Visit,
    VisitDep,
    check_csrf,
    redirect,
    respond,
    wants_json,
)
from frontline.web.forms import record_fields, record_raw

router = APIRouter(include_in_schema=False)

PAGE = 50


@router.get("/records")
def list_records(
    visit: VisitDep,
    kind: RecordKind = RecordKind.DOCUMENTS,
    q: Annotated[str | None, Query(max_length=64)] = None,
    owner: Annotated[str | None, Query(max_length=3)] = None,
    state: Annotated[str | None, Query(max_length=16)] = None,
    after: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """Records of one kind, by id (``q``, exact) or a page filtered by owner and state."""
    records = visit.services.records
    owner_code = canonical_country(owner, field="owner") if owner else None
    state_value = _state(state)
    if q:
        try:
            found = [records.get(principal=visit.principal, kind=kind, record_id=q)]
        except NotFound:
            found = []
    else:
        found = records.search(
            principal=visit.principal,
            kind=kind,
            owner=owner_code,
            state=state_value,
            after=after or None,
            limit=PAGE,
        )
    items = [record_to_dict(record) for record in found]
    next_after = items[-1]["id"] if len(items) == PAGE and not q else None
    data = {"kind": kind.value, "items": items, "next_after": next_after}
    query = {"q": q or "", "owner": owner or "", "state": state or ""}
    labels = [_label(item) for item in items]
    return respond(
        visit,
        visit.request,
        "records.html",
        data,
        kinds=list(RecordKind),
        query=query,
        labels=labels,
    )


@router.get("/records/{kind}/new")
def new_record_page(kind: RecordKind, visit: VisitDep) -> Response:
    require(visit.principal, Action.WRITE_RECORDS)
    data = {"kind": kind.value, "fields": [spec.name for spec in record_fields(kind)]}
    return _form_page(visit, kind, data, form={}, errors=[], status=200)


@router.post("/records/{kind}")
def create_record(kind: RecordKind, visit: VisitDep, form: FormDep) -> Response:
    if visit.session is not None:
        check_csrf(visit.session, form, visit.request)
    owner = visit.principal.country
    if visit.principal.role is Role.ADMIN and form.get("owner"):
        owner = form["owner"]
    raw = record_raw(kind, form, owner=owner)
    try:
        record = visit.services.records.create(principal=visit.principal, kind=kind, raw=raw)
    except InvalidInput as error:
        if _is_json(visit.request):
            raise
        data = {"kind": kind.value}
        return _form_page(visit, kind, data, form=form, errors=error.errors, status=422)
    if _is_json(visit.request):
        return respond(visit, visit.request, "record.html", record_to_dict(record), status=201)
    return redirect(
        visit.request, f"/records/{kind.value}/{record.id}?created=1", session=visit.session
    )


@router.get("/records/{kind}/{record_id}")
def read_record(kind: RecordKind, record_id: str, visit: VisitDep) -> Response:
    record = visit.services.records.get(principal=visit.principal, kind=kind, record_id=record_id)
    data = record_to_dict(record)
    return respond(
        visit,
        visit.request,
        "record.html",
        data,
        kind=kind.value,
        may_cancel=_may_cancel(visit, data),
        flash=_flash(visit.request),
    )


@router.post("/records/{kind}/{record_id}/cancel")
def cancel_record(kind: RecordKind, record_id: str, visit: VisitDep, form: FormDep) -> Response:
    if visit.session is not None:
        check_csrf(visit.session, form, visit.request)
    record = visit.services.records.cancel(
        principal=visit.principal, kind=kind, record_id=record_id
    )
    if _is_json(visit.request):
        return respond(visit, visit.request, "record.html", record_to_dict(record))
    return redirect(
        visit.request, f"/records/{kind.value}/{record_id}?cancelled=1", session=visit.session
    )


def _form_page(
    visit: Visit,
    kind: RecordKind,
    data: dict[str, Any],
    *,
    form: dict[str, str],
    errors: list[Any],
    status: int,
) -> Response:
    return respond(
        visit,
        visit.request,
        "record_new.html",
        data,
        status=status,
        kind=kind.value,
        specs=record_fields(kind),
        form=form,
        errors=errors,
        is_admin=visit.principal.role is Role.ADMIN,
    )


def _may_cancel(visit: Visit, record: dict[str, Any]) -> bool:
    """Whether to offer the cancel button; the use case decides again on the post."""
    principal = visit.principal
    if record["state"] != RecordState.CANCELLED.value:
        if principal.role is Role.ADMIN:
            return True
        return principal.role is Role.BUREAU and principal.country == record["owner"]
    return False


def _flash(request: Request) -> str:
    if request.query_params.get("created"):
        return "Record created."
    if request.query_params.get("cancelled"):
        return "Record cancelled: it no longer hits."
    return ""


_NAMING = ("number", "name", "vin", "plate", "imo", "hull_id", "serial", "number_from")


def _label(item: dict[str, Any]) -> str:
    """A record's line in the list: what it names, its type and status."""
    name = next((str(item[key]) for key in _NAMING if item.get(key)), "")
    extra = [str(item[key]) for key in ("type", "status") if item.get(key)]
    return " · ".join([name, *extra])


def _state(text: str | None) -> RecordState | None:
    if not text:
        return None
    try:
        return RecordState(text)
    except ValueError:
        raise InvalidInput.for_field("state", "must be active or cancelled") from None


def _is_json(request: Request) -> bool:
    return wants_json(request)
