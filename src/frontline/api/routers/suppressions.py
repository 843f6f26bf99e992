"""/v1/suppressions: a bureau records that a hit was false, lists and reverses decisions."""

from __future__ import annotations

from typing import Annotated, Any, Self

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field, model_validator

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.records import RecordKind
from frontline.domain.suppressions import MAX_REASON, subject_key_for

router = APIRouter(prefix="/v1/suppressions", tags=["suppressions"])

# Request bodies are pydantic models for the OpenAPI schema and to refuse unknown fields
# at the edge; the use case validates meaning (countries, dates, the record's owner).
Short = Annotated[str, Field(max_length=200)]
Reason = Annotated[
    str, Field(min_length=1, max_length=MAX_REASON, description="Why: the bureau's decision.")
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubjectDocumentIn(_Strict):
    number: Short
    country: Annotated[str, Field(max_length=8, description="Issuing country (alpha-3).")]


class SubjectIn(_Strict):
    """The traveller: a document (preferred: it names this person alone) or a name."""

    name: Short | None = None
    birth_date: Annotated[str | None, Field(max_length=10, description="YYYY[-MM[-DD]]")] = None
    document: SubjectDocumentIn | None = None


class SuppressionIn(_Strict):
    subject_key: Annotated[
        str | None, Field(max_length=400, description="doc:COUNTRY|NUMBER or name:NAME|DATE")
    ] = None
    subject: SubjectIn | None = None
    record_kind: RecordKind
    record_id: Annotated[str, Field(min_length=1, max_length=64)]
    reason: Reason

    @model_validator(mode="after")
    def _one_subject(self) -> Self:
        if (self.subject_key is None) == (self.subject is None):
            raise ValueError("give either subject_key or subject")
        return self

    def key(self) -> str:
        if self.subject_key is not None:
            return self.subject_key
        assert self.subject is not None
        document = self.subject.document
        return subject_key_for(
            name=self.subject.name,
            birth_date=self.subject.birth_date,
            document_number=document.number if document else None,
            document_country=document.country if document else None,
        )


class ReverseIn(_Strict):
    reason: Reason


@router.post("", response_class=FastJSON, status_code=status.HTTP_201_CREATED)
def create_suppression(body: SuppressionIn, services: ServicesDep, caller: CallerDep) -> Any:
    suppression = services.suppressions.suppress_hit(
        principal=caller,
        subject_key=body.key(),
        record_kind=body.record_kind,
        record_id=body.record_id,
        reason=body.reason,
    )
    return FastJSON(suppression.as_dict(), status_code=status.HTTP_201_CREATED)


@router.get("", response_class=FastJSON)
def list_suppressions(
    services: ServicesDep,
    caller: CallerDep,
    record_id: Annotated[str | None, Query(max_length=64)] = None,
    record_kind: RecordKind | None = None,
    active: Annotated[
        bool | None, Query(description="true: only in force; false: only reversed.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    items = services.suppressions.list_suppressions(
        principal=caller,
        active=active,
        record_id=record_id,
        record_kind=record_kind,
        limit=limit,
    )
    return FastJSON({"items": [item.as_dict() for item in items]})


@router.post("/{suppression_id}/reverse", response_class=FastJSON)
def reverse_suppression(
    suppression_id: str, body: ReverseIn, services: ServicesDep, caller: CallerDep
) -> Any:
    suppression = services.suppressions.reverse_suppression(
        principal=caller, suppression_id=suppression_id, reason=body.reason
    )
    return FastJSON(suppression.as_dict())
