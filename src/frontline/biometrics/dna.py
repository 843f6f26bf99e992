"""DNA STR profiles: reading one, coding it for the index, and comparing two locus by locus.

A profile maps loci to genotypes of one or two alleles. An allele is a repeat number with
an optional microvariant (``9.3``: nine full repeats and three bases), ``OL`` (off-ladder:
the laboratory saw an allele outside its allelic ladder and could not name it), or, at
amelogenin, ``X`` or ``Y``. One allele, or two equal ones, is a homozygote.

Decisions (docs/biometrics.md, DNA):

- A locus with an ``OL`` allele is *inconclusive*: an off-ladder allele has no designation
  another laboratory would give the same way, so the locus is neither agreeing nor
  disagreeing; it is named as inconclusive and does not count toward the loci compared.
- Amelogenin is named (agreeing or disagreeing) but never counts toward the loci compared,
  the mismatches or the score: it is a sex marker, and a Y deletion makes some men read X.
- A missing locus (a partial profile) is simply not compared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from frontline.biometrics.loci import AMELOGENIN, LOCI, STR_LOCI, canonical_locus
from frontline.errors import FieldError, InvalidInput

__all__ = [
    "MAX_ALLELE",
    "OFF_LADDER",
    "Comparison",
    "Profile",
    "allele_code",
    "compare_profiles",
    "genotype_code",
    "parse_profile",
]

OFF_LADDER = "OL"
MAX_ALLELE = 99.9
_REPEAT = re.compile(r"^(\d{1,2})(?:\.(\d))?$")
_AMEL_ALLELES = ("X", "Y")


@dataclass(frozen=True, slots=True)
class Profile:
    """A read profile: locus -> its alleles, sorted, a homozygote's once."""

    genotypes: Mapping[str, tuple[str, ...]]

    @property
    def str_loci(self) -> int:
        """How many STR loci the profile holds (amelogenin not counted)."""
        return sum(1 for locus in self.genotypes if locus != AMELOGENIN)

    def as_dict(self) -> dict[str, list[str]]:
        """The profile in the standard locus order, as stored and shown."""
        return {locus: list(self.genotypes[locus]) for locus in LOCI if locus in self.genotypes}


def parse_profile(raw: Any, *, field: str = "loci") -> Profile:
    """Read ``{"D3S1358": [15, 16], "TH01": "9.3", "AMEL": "X,Y"}``; raise InvalidInput
    naming every unknown locus, malformed allele and locus with more than two alleles."""
    if not isinstance(raw, dict) or not raw:
        raise InvalidInput.for_field(field, "must be an object of locus: alleles")
    errors: list[FieldError] = []
    genotypes: dict[str, tuple[str, ...]] = {}
    for name, value in raw.items():
        where = f"{field}.{name}"
        locus = canonical_locus(name) if isinstance(name, str) else None
        if locus is None:
            errors.append(FieldError(where, "is not a locus of the CODIS core 20, ESS or AMEL"))
            continue
        if locus in genotypes:
            errors.append(FieldError(where, f"repeats locus {locus}"))
            continue
        genotype = _genotype(locus, value, where, errors)
        if genotype is not None:
            genotypes[locus] = genotype
    if not errors and not any(locus != AMELOGENIN for locus in genotypes):
        errors.append(FieldError(field, "holds no STR locus (amelogenin alone is not a profile)"))
    if errors:
        raise InvalidInput(f"{errors[0].field}: {errors[0].message}", errors=errors)
    return Profile({locus: genotypes[locus] for locus in LOCI if locus in genotypes})


def _genotype(
    locus: str, value: Any, where: str, errors: list[FieldError]
) -> tuple[str, ...] | None:
    items = _items(value)
    if items is None or not items:
        errors.append(FieldError(where, "give one or two alleles, as a list or '15,16'"))
        return None
    if len(items) > 2:
        errors.append(FieldError(where, f"has {len(items)} alleles; a locus holds one or two"))
        return None
    alleles = []
    for item in items:
        allele = _allele(locus, item)
        if allele is None:
            expected = "X or Y" if locus == AMELOGENIN else "a repeat number like 15 or 9.3, or OL"
            errors.append(FieldError(where, f"{item!r} is not an allele: give {expected}"))
            return None
        alleles.append(allele)
    return tuple(sorted(set(alleles), key=_order))


def _items(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [part for part in re.split(r"[,/ ]+", value.strip()) if part]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [value]
    return None


def _allele(locus: str, item: Any) -> str | None:
    if isinstance(item, bool):
        return None
    text = repr(item) if isinstance(item, float) else str(item).strip().upper()
    if locus == AMELOGENIN:
        return text if text in _AMEL_ALLELES else None
    if text == OFF_LADDER:
        return OFF_LADDER
    match = _REPEAT.match(text.removesuffix(".0") if isinstance(item, float) else text)
    if match is None or int(match.group(1)) == 0:
        return None
    return match.group(1) + (f".{match.group(2)}" if match.group(2) else "")


def _order(allele: str) -> float:
    if allele in _AMEL_ALLELES:
        return float(_AMEL_ALLELES.index(allele))
    return math.inf if allele == OFF_LADDER else float(allele)


def allele_code(allele: str) -> int:
    """An allele as a small integer: repeats times ten (``9.3`` -> 93), X 1, Y 2; 0 for
    off-ladder (not comparable)."""
    if allele in _AMEL_ALLELES:
        return _AMEL_ALLELES.index(allele) + 1
    if allele == OFF_LADDER:
        return 0
    whole, _, tenth = allele.partition(".")
    return int(whole) * 10 + int(tenth or 0)


def genotype_code(alleles: tuple[str, ...]) -> int:
    """A genotype as one integer, equal exactly when the genotypes are: ``low * 1000 +
    high`` of the allele codes; 0 (not comparable) if an allele is off-ladder."""
    codes = [allele_code(allele) for allele in alleles]
    if 0 in codes:
        return 0
    return min(codes) * 1000 + max(codes)


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a candidate profile stands against a probe, locus by locus."""

    agreeing: tuple[str, ...]
    disagreeing: tuple[str, ...]
    inconclusive: tuple[str, ...]
    amelogenin: str | None  # "agrees", "disagrees", or None when one side lacks it

    @property
    def compared(self) -> int:
        return len(self.agreeing) + len(self.disagreeing)


def compare_profiles(probe: Profile, candidate: Profile) -> Comparison:
    """Name the STR loci that agree (same alleles), disagree, or cannot be compared (an
    off-ladder allele on either side); loci missing from either profile are left out."""
    agreeing, disagreeing, inconclusive = [], [], []
    for locus in STR_LOCI:
        mine, theirs = probe.genotypes.get(locus), candidate.genotypes.get(locus)
        if mine is None or theirs is None:
            continue
        if OFF_LADDER in mine or OFF_LADDER in theirs:
            inconclusive.append(locus)
        elif mine == theirs:
            agreeing.append(locus)
        else:
            disagreeing.append(locus)
    amel = None
    if AMELOGENIN in probe.genotypes and AMELOGENIN in candidate.genotypes:
        same = probe.genotypes[AMELOGENIN] == candidate.genotypes[AMELOGENIN]
        amel = "agrees" if same else "disagrees"
    return Comparison(tuple(agreeing), tuple(disagreeing), tuple(inconclusive), amel)
