"""Request bodies as pydantic models: they give the OpenAPI schema and refuse unknown
fields and wrong types at the edge; the use cases then validate meaning (countries, check
digits) with the same code the CLI and importer use."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from frontline.domain.removals import MAX_REMOVAL_REASON

__all__ = [
    "BatchIn",
    "CheckIn",
    "ContextIn",
    "DocumentIn",
    "FirearmIn",
    "MrzIn",
    "PersonIn",
    "PurgeIn",
    "RemovalIn",
    "SingleCheckIn",
    "VehicleIn",
    "VesselIn",
]

Short = Annotated[str, Field(max_length=200)]
Code = Annotated[str, Field(max_length=8)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentIn(_Strict):
    number: Short
    country: Code | None = Field(default=None, description="Issuing country (ICAO/ISO alpha-3).")
    issuing_country: Code | None = Field(default=None, description="Same as country.")
    type: Short | None = Field(default=None, description="passport, id_card, visa, ...")
    issue_date: Annotated[str, Field(max_length=10)] | None = Field(
        default=None, description="YYYY-MM-DD, from the visual zone: checked against the specimen."
    )
    expiry_date: Annotated[str, Field(max_length=10)] | None = Field(
        default=None, description="YYYY-MM-DD, from the visual zone."
    )


class PersonIn(_Strict):
    name: Short = Field(description="The name in any script, any order, or an MRZ name field.")
    birth_date: Code | Annotated[str, Field(max_length=10)] | None = Field(
        default=None, description="YYYY, YYYY-MM or YYYY-MM-DD."
    )
    sex: Annotated[str, Field(max_length=1)] | None = Field(default=None, description="M, F, X, U.")
    nationality: Code | None = Field(default=None, description="ICAO/ISO alpha-3.")


class VehicleIn(_Strict):
    vin: Short | None = None
    plate: Short | None = None
    plate_country: Code | None = None


class VesselIn(_Strict):
    imo: Short | None = None
    hull_id: Short | None = None


class FirearmIn(_Strict):
    serial: Short
    make: Short | None = None


class CheckIn(_Strict):
    """One check: any combination of an MRZ, a document, a person, a vehicle, a vessel, a
    firearm. An MRZ checks both its document and its holder's name."""

    mrz: list[Short] | Annotated[str, Field(max_length=400)] | None = Field(
        default=None, description="The 2 or 3 MRZ lines, as a list or one text."
    )
    document: DocumentIn | None = None
    person: PersonIn | None = None
    vehicle: VehicleIn | None = None
    vessel: VesselIn | None = None
    firearm: FirearmIn | None = None


class ContextIn(_Strict):
    """Where the check is made: the operation it belongs to and its border point."""

    operation_id: Annotated[str, Field(max_length=40)] | None = Field(
        default=None, description="The operation (op_...); its temporary access applies."
    )
    border_point: Annotated[str, Field(max_length=16)] | None = Field(
        default=None, description="The border point's code (IATA, ICAO or UN/LOCODE)."
    )


class SingleCheckIn(CheckIn, ContextIn):
    """One check, optionally in an operation at one of its border points."""


class BatchItemIn(CheckIn):
    id: Annotated[str, Field(max_length=200)] | int | None = Field(
        default=None, description="The caller's reference, echoed as input_id."
    )


class BatchIn(ContextIn):
    checks: list[BatchItemIn] = Field(min_length=1)


class MrzIn(_Strict):
    lines: list[Short] | Annotated[str, Field(max_length=400)]


class RemovalIn(_Strict):
    """Why a face enrolment or DNA profile is removed: kept in the audit and the removal."""

    reason: Annotated[
        str,
        Field(
            min_length=1,
            max_length=MAX_REMOVAL_REASON,
            description="Why (wrong person, entered wrongly, notice cancelled): required.",
        ),
    ]


class PurgeIn(RemovalIn):
    """Which person record's faces and DNA profiles are purged, and why."""

    record_id: Annotated[
        str, Field(min_length=1, max_length=200, description="The person record's id.")
    ]
