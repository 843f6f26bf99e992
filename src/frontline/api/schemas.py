"""Request bodies as pydantic models: they give the OpenAPI schema and refuse unknown
fields and wrong types at the edge; the use cases then validate meaning (countries, check
digits) with the same code the CLI and importer use."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "BatchIn",
    "CheckIn",
    "DocumentIn",
    "FirearmIn",
    "MrzIn",
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
    """One check: any combination of an MRZ, a document, a vehicle, a vessel, a firearm."""

    mrz: list[Short] | Annotated[str, Field(max_length=400)] | None = Field(
        default=None, description="The 2 or 3 MRZ lines, as a list or one text."
    )
    document: DocumentIn | None = None
    vehicle: VehicleIn | None = None
    vessel: VesselIn | None = None
    firearm: FirearmIn | None = None


class BatchIn(_Strict):
    checks: list[CheckIn] = Field(min_length=1)


class MrzIn(_Strict):
    lines: list[Short] | Annotated[str, Field(max_length=400)]
