"""An owner's restriction on one record: shown only to listed countries, or hidden from them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Restriction", "RestrictionMode"]


class RestrictionMode(StrEnum):
    ONLY = "only"  # only the listed countries (and the owner) see the record
    EXCEPT = "except"  # every country but the listed ones sees it


@dataclass(frozen=True, slots=True, kw_only=True)
class Restriction:
    """Who, besides its owner, may see a record in checks, reads and copies."""

    kind: str
    record_id: str
    mode: RestrictionMode
    countries: frozenset[str]
    owner: str

    def allows(self, country: str) -> bool:
        """Whether a caller acting for ``country`` may see the record; its owner always may."""
        if country == self.owner:
            return True
        if self.mode is RestrictionMode.ONLY:
            return country in self.countries
        return country not in self.countries

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "record_id": self.record_id,
            "mode": self.mode.value,
            "countries": sorted(self.countries),
            "owner": self.owner,
        }
