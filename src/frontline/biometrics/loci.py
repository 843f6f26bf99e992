"""The STR loci a DNA profile may hold: the CODIS core 20, the European Standard Set, and
amelogenin (the sex marker).

Sources:

- CODIS core 20: FBI, "Frequently Asked Questions on CODIS and NDIS", core loci in force
  since 1 January 2017 (the original 13 plus D1S1656, D2S441, D2S1338, D10S1248, D12S391,
  D19S433 and D22S1045); Hares, "Selection and implementation of expanded CODIS core loci
  in the United States", Forensic Sci. Int. Genet. 17 (2015) 33-34.
- European Standard Set (ESS, 12 loci): Council Resolution of 30 November 2009 on the
  exchange of DNA analysis results (2009/C 296/01), Annex 1; the 7 loci of the 2001
  resolution plus D1S1656, D2S441, D10S1248, D12S391 and D22S1045.

Every ESS locus is also a CODIS core locus, so a profile typed on either kit compares on
their shared loci. Names are matched without regard to case (``VWA`` is ``vWA``).
"""

from __future__ import annotations

__all__ = [
    "AMELOGENIN",
    "CODIS_CORE_20",
    "EUROPEAN_STANDARD_SET",
    "LOCI",
    "STR_LOCI",
    "canonical_locus",
]

CODIS_CORE_20: tuple[str, ...] = (
    "CSF1PO",
    "FGA",
    "TH01",
    "TPOX",
    "vWA",
    "D3S1358",
    "D5S818",
    "D7S820",
    "D8S1179",
    "D13S317",
    "D16S539",
    "D18S51",
    "D21S11",
    "D1S1656",
    "D2S441",
    "D2S1338",
    "D10S1248",
    "D12S391",
    "D19S433",
    "D22S1045",
)

EUROPEAN_STANDARD_SET: tuple[str, ...] = (
    "D3S1358",
    "vWA",
    "D8S1179",
    "D21S11",
    "D18S51",
    "TH01",
    "FGA",
    "D1S1656",
    "D2S441",
    "D10S1248",
    "D12S391",
    "D22S1045",
)

AMELOGENIN = "AMEL"

STR_LOCI: tuple[str, ...] = CODIS_CORE_20 + tuple(
    locus for locus in EUROPEAN_STANDARD_SET if locus not in CODIS_CORE_20
)
"""Every STR locus a profile may hold, in a fixed order (the index's columns)."""

LOCI: tuple[str, ...] = (*STR_LOCI, AMELOGENIN)

_NAMES = {locus.upper(): locus for locus in LOCI} | {
    "AMELOGENIN": AMELOGENIN,
    "THO1": "TH01",  # a letter O for the zero, as often typed
}


def canonical_locus(name: str) -> str | None:
    """The locus's standard spelling, or None for a locus Frontline does not hold."""
    return _NAMES.get(name.strip().upper().replace(" ", ""))
