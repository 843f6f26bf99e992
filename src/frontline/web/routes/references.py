"""/dna and /specimens: second-line inspection pages (search a DNA profile; the specimens
of genuine documents and the counterfeit alerts on them)."""

from __future__ import annotations

import re
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Response

from frontline.access import Action, require
from frontline.api.routers.dna import search_limits
from frontline.domain.records import DocumentType
from frontline.domain.specimens import alert_as_dict, specimen_as_dict
from frontline.errors import InvalidInput
from frontline.web.console import FormDep, VisitDep, check_csrf, respond, wants_json

router = APIRouter(include_in_schema=False)

_LINE = re.compile(r"^\s*([A-Za-z0-9 ]+?)\s*[:=]\s*(.*?)\s*$")


@router.get("/dna")
def dna_page(visit: VisitDep) -> Response:
    require(visit.principal, Action.CHECK)
    return _dna(visit, {}, form={"min_loci": "8", "max_mismatches": "0"})


@router.post("/dna")
def dna_search(visit: VisitDep, form: FormDep) -> Response:
    if visit.session is not None:
        check_csrf(visit.session, form, visit.request)
    try:
        limits = search_limits(form)
        found = visit.services.dna.search(
            principal=visit.principal, raw=profile_from_text(form.get("profile", "")), limits=limits
        )
    except InvalidInput as error:
        if wants_json(visit.request):
            raise
        return _dna(visit, {}, form=form, errors=error.errors, status=422)
    return _dna(visit, found.as_dict(), form=form)


def _dna(
    visit: Any, data: dict[str, Any], *, form: dict[str, str], errors: Any = (), status: int = 200
) -> Response:
    return respond(
        visit, visit.request, "dna.html", data, status=status, form=form, errors=list(errors)
    )


def profile_from_text(text: str) -> Any:
    """A profile typed in the form: JSON, or one ``LOCUS: a, b`` a line."""
    if text.lstrip().startswith("{"):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as error:
            raise InvalidInput.for_field("profile", f"not JSON: {error}") from None
    loci: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            raise InvalidInput.for_field("profile", f"line {number}: write LOCUS: a, b")
        loci[match.group(1)] = match.group(2)
    if not loci:
        raise InvalidInput.for_field("profile", "give the probe's loci, one LOCUS: a, b a line")
    return loci


@router.get("/specimens")
def specimens_page(
    visit: VisitDep,
    country: Annotated[str | None, Query(max_length=3)] = None,
    document_type: DocumentType | None = None,
) -> Response:
    references = visit.services.references
    kind = document_type.value if document_type else None
    found = references.specimens(principal=visit.principal, country=country, document_type=kind)
    alerts = references.alerts(principal=visit.principal, country=country, document_type=kind)
    data = {
        "items": [specimen_as_dict(item, with_images=False) for item in found],
        "alerts": [alert_as_dict(alert) for alert in alerts],
    }
    query = {"country": country or "", "document_type": kind or ""}
    return respond(
        visit, visit.request, "specimens.html", data, query=query, types=list(DocumentType)
    )


@router.get("/specimens/{specimen_id}")
def specimen_page(specimen_id: str, visit: VisitDep) -> Response:
    specimen, alerts = visit.services.references.specimen(
        principal=visit.principal, specimen_id=specimen_id
    )
    data = {**specimen_as_dict(specimen), "alerts": [alert_as_dict(alert) for alert in alerts]}
    return respond(visit, visit.request, "specimen.html", data)
