"""DNA profiles (pure): reading, naming what is wrong, comparing, and the index's ranking."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from frontline.biometrics.dna import compare_profiles, genotype_code, parse_profile
from frontline.biometrics.dna_index import DnaIndex
from frontline.biometrics.loci import CODIS_CORE_20, EUROPEAN_STANDARD_SET, STR_LOCI
from frontline.errors import InvalidInput

BASE: dict[str, Any] = {
    "D3S1358": [15, 16],
    "vWA": [17, 18],
    "FGA": [21, 22],
    "TH01": ["9.3"],
    "D8S1179": [13, 14],
    "D21S11": [29, 30],
    "D18S51": [14, 16],
    "D1S1656": [12, "15.3"],
    "D2S441": [10, 14],
    "D10S1248": [13, 15],
    "AMEL": "X,Y",
}


def profile(**changes: Any) -> dict[str, Any]:
    """BASE with loci changed (a value) or removed (None)."""
    out = {**BASE, **changes}
    return {locus: value for locus, value in out.items() if value is not None}


def test_the_locus_sets_are_the_codis_20_and_the_ess_12_and_ess_is_inside_codis() -> None:
    assert len(CODIS_CORE_20) == 20 == len(set(CODIS_CORE_20))
    assert len(EUROPEAN_STANDARD_SET) == 12
    assert set(EUROPEAN_STANDARD_SET) <= set(CODIS_CORE_20)
    assert STR_LOCI == CODIS_CORE_20


def test_a_profile_reads_lists_text_numbers_microvariants_and_names_in_any_case() -> None:
    read = parse_profile(
        {"d3s1358": "15/16", "VWA": 17, "th01": 9.3, "FGA": [22, 21], "D8S1179": [13, 13]}
    )
    assert read.genotypes == {
        "FGA": ("21", "22"),
        "TH01": ("9.3",),
        "vWA": ("17",),
        "D3S1358": ("15", "16"),
        "D8S1179": ("13",),
    }
    assert genotype_code(("9.3",)) == 93_093
    assert genotype_code(("15", "16")) == 150_160


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"D99S1": [1]}, "loci.D99S1", "not a locus"),
        ({"TH01": [6, 7, 8]}, "loci.TH01", "3 alleles"),
        ({"TH01": ["9.33"]}, "loci.TH01", "not an allele"),
        ({"TH01": ["abc"]}, "loci.TH01", "not an allele"),
        ({"TH01": [0]}, "loci.TH01", "not an allele"),
        ({"TH01": []}, "loci.TH01", "one or two alleles"),
        ({"TH01": True}, "loci.TH01", "one or two alleles"),
        ({"AMEL": ["Z"]}, "loci.AMEL", "X or Y"),
        ({"AMEL": ["X"]}, "loci", "no STR locus"),
        ([], "loci", "must be an object"),
    ],
)
def test_bad_profiles_are_refused_naming_the_locus_and_the_problem(
    raw: Any, field: str, words: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_profile(raw)
    assert caught.value.errors[0].field == field
    assert words in caught.value.errors[0].message


def test_every_bad_locus_is_named_not_only_the_first() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_profile({"XX1": [1], "TH01": [1, 2, 3], "FGA": [21]})
    assert [error.field for error in caught.value.errors] == ["loci.XX1", "loci.TH01"]


def test_comparison_names_agreeing_disagreeing_and_off_ladder_loci_and_skips_missing() -> None:
    probe = parse_profile(profile(FGA=[20, 22], D18S51=["OL", 16], D10S1248=None))
    held = parse_profile(profile(D2S441=None, AMEL="X"))
    comparison = compare_profiles(probe, held)
    assert comparison.disagreeing == ("FGA",)
    assert comparison.inconclusive == ("D18S51",)
    assert "D2S441" not in comparison.agreeing + comparison.disagreeing
    assert "D10S1248" not in comparison.agreeing + comparison.disagreeing
    assert comparison.compared == 7
    assert comparison.amelogenin == "disagrees"


def _index(*profiles: dict[str, Any]) -> DnaIndex:
    index = DnaIndex(capacity=2)  # small, so appending grows it
    index.add([parse_profile(raw) for raw in profiles])
    return index


def test_search_keeps_the_stringency_and_ranks_by_loci_agreeing() -> None:
    index = _index(
        profile(FGA=[20, 22]),  # one mismatch
        profile(),  # identical
        profile(FGA=[20, 22], TH01=[6]),  # two mismatches
        profile(vWA=None, D21S11=None, D18S51=None, D1S1656=None, D2S441=None),  # 5 loci left
    )
    probe = parse_profile(BASE)
    exact = index.search(probe, max_mismatches=0, min_loci=8, limit=10)
    assert [c.row for c in exact] == [1]
    assert exact[0].agreeing == exact[0].compared == 10
    one_off = index.search(probe, max_mismatches=1, min_loci=8, limit=10)
    assert [c.row for c in one_off] == [1, 0]
    partial = index.search(probe, max_mismatches=0, min_loci=5, limit=10)
    assert [c.row for c in partial] == [1, 3]
    assert [c.row for c in index.search(probe, max_mismatches=2, min_loci=8, limit=2)] == [1, 0]


def test_among_equal_agreement_the_rarer_genotypes_score_higher() -> None:
    common = {"D3S1358": [15, 16], "vWA": [17, 18], "FGA": [21, 22]}
    others = [{**common, "TH01": [6, 7]} for _ in range(30)]
    rare = {**common, "TH01": ["9.3"]}
    index = _index(*others, rare, {**common, "TH01": [6, 7]})
    found = index.search(parse_profile(rare), max_mismatches=1, min_loci=3, limit=3)
    assert found[0].row == 30  # the only profile agreeing on all four loci
    common_match = index.search(
        parse_profile({**common, "TH01": [6, 7]}), max_mismatches=0, min_loci=4, limit=40
    )
    assert found[0].log10_lr > common_match[0].log10_lr > 0


def test_the_dna_core_imports_without_any_io_package() -> None:
    modules = ["frontline.biometrics.dna", "frontline.biometrics.dna_index"]
    modules += ["frontline.domain.specimens", "frontline.screening.consistency"]
    forbidden = ["sqlalchemy", "fastapi", "starlette", "httpx", "uvicorn", "alembic", "psycopg"]
    script = (
        "import sys\n"
        f"for name in {forbidden!r}: sys.modules[name] = None\n"
        f"for module in {modules!r}: __import__(module)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
