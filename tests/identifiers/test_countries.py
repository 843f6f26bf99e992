"""Country codes: ISO 3166 alpha-3, ICAO 9303 specials, retired codes, alpha-2 input."""

from __future__ import annotations

import pytest

from frontline.errors import InvalidInput
from frontline.identifiers.countries import (
    canonical_country,
    country_key,
    country_name,
    is_known_country,
    is_retired_country,
)


@pytest.mark.parametrize(
    "code", ["DEU", "FRA", "USA", "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK"]
)
def test_iso_and_icao_codes_are_known(code: str) -> None:
    assert is_known_country(code)


@pytest.mark.parametrize(
    "code",
    ["XXA", "XXB", "XXC", "XXX", "EUE", "XPO", "XOM", "XCC", "XES", "XIM", "XMP", "XBA", "RKS"],
)
def test_icao_organisation_and_status_codes_are_known(code: str) -> None:
    assert is_known_country(code)
    assert country_name(code)


def test_the_icao_specimen_country_is_known() -> None:
    assert country_name("UTO") == "Utopia (ICAO specimen documents)"


@pytest.mark.parametrize("code", ["YUG", "CSK", "SUN", "DDR", "ANT"])
def test_retired_iso_codes_are_retired_not_known(code: str) -> None:
    assert is_retired_country(code)
    assert not is_known_country(code)
    assert country_name(code)


@pytest.mark.parametrize("code", ["BOS", "ZZZ", "", "DE", "ÄÖÜ"])
def test_other_codes_are_neither(code: str) -> None:
    assert not is_known_country(code)
    assert not is_retired_country(code)


def test_names_come_from_iso_or_the_icao_list() -> None:
    assert country_name("DEU") == "Germany"
    assert country_name("d<<") == "Germany"
    assert country_name("GBN") == "British National (Overseas)"
    assert country_name("BOS") is None


@pytest.mark.parametrize(
    ("code", "key"),
    [("D", "DEU"), ("DEU", "DEU"), (" deu ", "DEU"), ("D<<", "DEU"), ("de", "DEU")],
)
def test_germany_has_one_matching_key(code: str, key: str) -> None:
    assert country_key(code) == key
    assert canonical_country(code) == key


@pytest.mark.parametrize(("code", "key"), [("GBN", "GBN"), ("gb", "GBR"), ("yug", "YUG")])
def test_canonical_country_accepts_icao_alpha_2_and_retired_codes(code: str, key: str) -> None:
    assert canonical_country(code) == key


def test_an_unknown_code_keeps_its_own_key() -> None:
    assert country_key(" bos ") == "BOS"


@pytest.mark.parametrize("code", ["BOS", "", "  ", "XK", "DEUX"])
def test_canonical_country_refuses_unknown_codes_naming_the_field(code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_country(code, field="issuing_country")
    assert [e.field for e in refused.value.errors] == ["issuing_country"]
