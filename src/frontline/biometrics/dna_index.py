"""The DNA search index: per locus, one uint16 column of genotype ids; per profile, a
bitmask of the loci it holds; searched with numpy.

A search counts, per profile, the loci compared (the popcount of its mask and the probe's)
and agreeing (the probe's genotype id compared column by column, in slices of the rows
small enough to stay in the processor's cache), keeps those within the stringency (at most
``max_mismatches`` disagreeing, at least ``min_loci`` compared) and ranks them: more loci
agreeing first, then the larger likelihood ratio. Genotype ids are dense per locus (a
locus shows a few hundred genotypes), so a column is 2 bytes a profile.

The score is log10 of a likelihood ratio, 1 / the random match probability of the loci
that agree: the product over those loci of the genotype's frequency (p^2 for a homozygote,
2pq for a heterozygote; Hardy-Weinberg, no theta correction). Allele frequencies are
counted over the profiles in the index, with one pseudo-count for each of about 20 alleles
a locus shows (a small gallery gives every allele about 1/20) and none rarer than 5 in 2N
(the minimum allele frequency of NRC II, 1996). It ranks candidates that agree on as many
loci; it is no court statistic (no population database, relatives or subpopulations).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from frontline.biometrics.dna import Profile, allele_code, genotype_code
from frontline.biometrics.loci import AMELOGENIN, STR_LOCI

__all__ = ["Candidate", "DnaIndex"]

_LOCUS_INDEX = {locus: index for index, locus in enumerate(STR_LOCI)}
_ALLELE_CODES = 1000  # allele codes run below 1000 (99.9 -> 999)
_PRIOR_ALLELES = 20  # one pseudo-count for each of about 20 alleles a locus shows
_RARE_COUNT = 5  # NRC II: no allele rarer than 5 in 2N
_SLICE = 65_536  # rows a slice: its columns and counters stay in the L2 cache
Codes = npt.NDArray[np.int32]
Ids = npt.NDArray[np.uint16]
Masks = npt.NDArray[np.uint32]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A profile within the stringency: its row, loci agreeing and compared, its score."""

    row: int
    agreeing: int
    compared: int
    log10_lr: float


class DnaIndex:
    """Profiles as columns of genotype ids (0: locus missing or off-ladder); rows are
    appended and removed."""

    def __init__(self, capacity: int = 1024) -> None:
        capacity = max(capacity, 16)
        self.columns: Ids = np.zeros((len(STR_LOCI), capacity), dtype=np.uint16)
        self.masks: Masks = np.zeros(capacity, dtype=np.uint32)
        self.size = 0
        self.allele_counts = np.zeros((len(STR_LOCI), _ALLELE_CODES), dtype=np.int64)
        self.typed = np.zeros(len(STR_LOCI), dtype=np.int64)  # profiles typed at each locus
        self._genotypes: list[dict[int, int]] = [{} for _ in STR_LOCI]  # code -> id

    @staticmethod
    def codes_of(profile: Profile) -> dict[int, int]:
        """A profile's comparable STR loci as column -> genotype code."""
        out = {}
        for locus, alleles in profile.genotypes.items():
            if locus == AMELOGENIN:
                continue
            code = genotype_code(alleles)
            if code:
                out[_LOCUS_INDEX[locus]] = code
        return out

    def add(self, profiles: Sequence[Profile]) -> range:
        """Append profiles; return their rows."""
        block = np.zeros((len(STR_LOCI), len(profiles)), dtype=np.int32)
        for offset, profile in enumerate(profiles):
            for column, code in self.codes_of(profile).items():
                block[column, offset] = code
        return self.add_codes(block)

    def add_codes(self, block: Codes) -> range:
        """Append a (loci x profiles) block of genotype codes; return their rows."""
        count = block.shape[1]
        self._reserve(self.size + count)
        start = self.size
        for column in range(block.shape[0]):
            codes = block[column]
            self.columns[column, start : start + count] = self._ids(column, codes)
            typed = (codes > 0).astype(np.uint32) << np.uint32(column)
            self.masks[start : start + count] |= typed
        self.size += count
        self._count_alleles(block)
        return range(start, start + count)

    def remove(self, rows: Collection[int]) -> None:
        """Drop the profiles at ``rows``: their alleles leave the counts, the rows after
        them move up in order (as if the index had been built without them)."""
        doomed = np.zeros(self.size, dtype=np.bool_)
        doomed[np.fromiter(rows, dtype=np.int64, count=len(rows))] = True
        if not doomed.any():
            return
        block = self._codes_at(np.flatnonzero(doomed))
        self._count_alleles(block, sign=-1)
        keep = np.flatnonzero(~doomed)
        size = keep.size
        self.columns[:, :size] = self.columns[:, keep]
        self.columns[:, size : self.size] = 0
        self.masks[:size] = self.masks[keep]
        self.masks[size : self.size] = 0
        self.size = size

    def _codes_at(self, rows: npt.NDArray[np.int64]) -> Codes:
        """The (loci x rows) genotype codes stored at ``rows`` (0: locus missing)."""
        block = np.zeros((len(STR_LOCI), rows.size), dtype=np.int32)
        for column, known in enumerate(self._genotypes):
            code_of = np.zeros(len(known) + 1, dtype=np.int32)
            code_of[list(known.values())] = list(known.keys())
            block[column] = code_of[self.columns[column, rows]]
        return block

    def _ids(self, column: int, codes: Codes) -> Ids:
        """The dense ids of genotype codes at ``column``, new genotypes numbered on."""
        known = self._genotypes[column]
        unique, inverse = np.unique(codes, return_inverse=True)
        ids = np.zeros(unique.size, dtype=np.uint16)
        for position, code in enumerate(unique.tolist()):
            if code:
                if code not in known:
                    known[code] = len(known) + 1
                ids[position] = known[code]
        return ids[inverse]

    def _reserve(self, needed: int) -> None:
        capacity = self.columns.shape[1]
        if needed <= capacity:
            return
        grown_to = max(needed, capacity * 2)
        columns = np.zeros((len(STR_LOCI), grown_to), dtype=np.uint16)
        columns[:, : self.size] = self.columns[:, : self.size]
        masks = np.zeros(grown_to, dtype=np.uint32)
        masks[: self.size] = self.masks[: self.size]
        self.columns, self.masks = columns, masks

    def _count_alleles(self, block: Codes, *, sign: int = 1) -> None:
        for column in range(block.shape[0]):
            codes = block[column][block[column] > 0]
            self.typed[column] += sign * codes.size
            for allele in (codes // 1000, codes % 1000):
                counts = np.bincount(allele, minlength=_ALLELE_CODES)
                self.allele_counts[column] += sign * counts

    def search(
        self, probe: Profile, *, max_mismatches: int, min_loci: int, limit: int
    ) -> list[Candidate]:
        """The best ``limit`` profiles within the stringency, best first."""
        wanted = self.codes_of(probe)
        probe_mask = np.uint32(sum(1 << column for column in wanted))
        # A genotype the index never saw agrees nowhere: id 0xFFFF is never stored.
        ids = {column: self._genotypes[column].get(code, 0xFFFF) for column, code in wanted.items()}
        compared = np.bitwise_count(self.masks[: self.size] & probe_mask).astype(np.int8)
        agreeing = np.zeros(self.size, dtype=np.int8)
        same = np.empty(_SLICE, dtype=np.bool_)
        for start in range(0, self.size, _SLICE):
            stop = min(start + _SLICE, self.size)
            here, equal = agreeing[start:stop], same[: stop - start]
            for column, genotype in ids.items():
                np.equal(self.columns[column, start:stop], genotype, out=equal)
                np.add(here, equal, out=here, casting="unsafe")
        inside = (compared >= min_loci) & (compared - agreeing <= max_mismatches)
        rows = np.flatnonzero(inside)
        if rows.size > limit:  # keep the rows agreeing on the most loci (ties kept whole)
            cut = np.partition(agreeing[rows], rows.size - limit)[rows.size - limit]
            rows = rows[agreeing[rows] >= cut]
        scores = np.zeros(rows.size, dtype=np.float64)
        for column, genotype in ids.items():
            weight = self.weight(column, wanted[column])
            scores += (self.columns[column, rows] == genotype) * weight
        order = np.lexsort((rows, -scores, -agreeing[rows]))[:limit]
        return [
            Candidate(
                int(rows[i]), int(agreeing[rows[i]]), int(compared[rows[i]]), float(scores[i])
            )
            for i in order
        ]

    def weight(self, column: int, code: int) -> float:
        """-log10 of the frequency of genotype ``code`` at ``column`` among the profiles."""
        low, high = divmod(code, 1000)
        alleles = int(self.typed[column]) * 2 + _PRIOR_ALLELES

        def frequency(allele: int) -> float:
            count = int(self.allele_counts[column, allele])
            return max(count + 1, _RARE_COUNT) / alleles

        p, q = frequency(low), frequency(high)
        genotype = p * p if low == high else 2 * p * q
        return -math.log10(min(genotype, 1.0))


def allele_codes_of(alleles: Sequence[str]) -> list[int]:
    """The allele codes of a genotype (for tests and the synthetic generator)."""
    return [allele_code(allele) for allele in alleles]
