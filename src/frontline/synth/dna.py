"""Synthetic DNA STR profiles for benchmarks and the demo: alleles drawn per locus from the
usual range of each locus, peaked in its middle. The ranges are the common allelic-ladder
ranges; the frequencies are made up (a binomial shape), never a population's."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from frontline.biometrics.loci import STR_LOCI

__all__ = ["ALLELES", "profile_from_codes", "synthetic_codes"]

# Alleles (tenths: 93 is 9.3) per locus, roughly the ladder range of the common kits.
_RANGES: dict[str, tuple[int, int, tuple[int, ...]]] = {
    "CSF1PO": (7, 15, ()),
    "FGA": (18, 27, (222, 212)),
    "TH01": (5, 10, (93,)),
    "TPOX": (6, 12, ()),
    "vWA": (13, 20, ()),
    "D3S1358": (12, 19, ()),
    "D5S818": (7, 15, ()),
    "D7S820": (6, 14, ()),
    "D8S1179": (8, 17, ()),
    "D13S317": (8, 15, ()),
    "D16S539": (8, 14, ()),
    "D18S51": (10, 22, ()),
    "D21S11": (27, 33, (302, 312, 322)),
    "D1S1656": (11, 18, (153, 163, 173)),
    "D2S441": (9, 15, (113,)),
    "D2S1338": (16, 26, ()),
    "D10S1248": (11, 17, ()),
    "D12S391": (15, 25, (183, 193)),
    "D19S433": (11, 17, (132, 142)),
    "D22S1045": (11, 17, ()),
}
ALLELES: dict[str, tuple[int, ...]] = {
    locus: tuple(sorted([value * 10 for value in range(low, high + 1)] + list(extra)))
    for locus, (low, high, extra) in _RANGES.items()
}


def _weights(count: int) -> npt.NDArray[np.float64]:
    middle = np.arange(count) - (count - 1) / 2
    weights = np.exp(-(middle**2) / (2 * max(count / 5, 1.0) ** 2))
    return np.asarray(weights / weights.sum(), dtype=np.float64)


def synthetic_codes(count: int, *, seed: int = 1) -> npt.NDArray[np.int32]:
    """``count`` full profiles as a (loci x count) block of genotype codes (the index's)."""
    rng = np.random.default_rng(seed)
    block = np.zeros((len(STR_LOCI), count), dtype=np.int32)
    for row, locus in enumerate(STR_LOCI):
        alleles = np.asarray(ALLELES[locus], dtype=np.int32)
        weights = _weights(len(alleles))
        first = rng.choice(alleles, size=count, p=weights)
        second = rng.choice(alleles, size=count, p=weights)
        block[row] = np.minimum(first, second) * 1000 + np.maximum(first, second)
    return block


def profile_from_codes(codes: npt.NDArray[np.int32]) -> dict[str, list[str]]:
    """One column of genotype codes as a profile in the import format."""
    out = {}
    for locus, code in zip(STR_LOCI, codes.tolist(), strict=True):
        if code:
            low, high = divmod(int(code), 1000)
            out[locus] = sorted({_allele(low), _allele(high)}, key=float)
    return out


def _allele(code: int) -> str:
    whole, tenth = divmod(code, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)
