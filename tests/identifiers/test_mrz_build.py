"""Composing MRZs: names in MRZ characters, fields that must fit, refusals."""

from __future__ import annotations

import pytest

from frontline.errors import InvalidInput
from frontline.identifiers.mrz_build import build_td1, build_td3, mrz_name

ANNA = {
    "issuing_country": "UTO",
    "surname": "ERIKSSON",
    "given_names": "ANNA",
    "document_number": "L898902C3",
    "nationality": "UTO",
    "birth_date": "740812",
    "sex": "F",
    "expiry_date": "340415",
}


@pytest.mark.parametrize(
    ("surname", "given_names", "expected"),
    [
        ("Müller", "Jürgen", "MUELLER<<JUERGEN"),
        ("Åström", "Björn", "AASTROEM<<BJOERN"),
        ("Strauß", "Ærø", "STRAUSS<<AEROE"),
        ("Øster-Gaard", "Þór", "OESTER<GAARD<<THOR"),
        ("García Márquez", "José", "GARCIA<MARQUEZ<<JOSE"),
        ("O'Brien", "Seán", "O<BRIEN<<SEAN"),
        ("Đorđević", "Łukasz", "DORDEVIC<<LUKASZ"),
        ("Щукин", "Юрий", "SHCHUKIN<<IURII"),
        ("  de  la  Cruz ", "", "DE<LA<CRUZ"),
    ],
)
def test_names_are_transliterated_to_mrz_characters(
    surname: str, given_names: str, expected: str
) -> None:
    assert mrz_name(surname, given_names, length=30) == expected.ljust(30, "<")


def test_a_name_too_long_is_cut_at_the_field_length() -> None:
    assert mrz_name("ERIKSSON", "ANNA MARIA", length=13) == "ERIKSSON<<ANN"
    assert mrz_name("ERIKSSON", "ANNA MARIA") == "ERIKSSON<<ANNA<MARIA".ljust(39, "<")


def test_a_name_in_a_script_without_transliteration_is_refused() -> None:
    with pytest.raises(InvalidInput, match="surname"):
        mrz_name("王", "小明")


@pytest.mark.parametrize(
    "override",
    [
        {"issuing_country": "UTOP"},
        {"document_number": "L898-902"},
        {"birth_date": "1974-08-12"},
        {"expiry_date": "34041"},
        {"sex": "Q"},
        {"personal_number": "ZE184226B1234567"},
    ],
)
def test_fields_that_do_not_fit_are_refused(override: dict[str, str]) -> None:
    with pytest.raises(InvalidInput):
        build_td3(**(ANNA | override))


def test_a_long_number_that_does_not_fit_the_optional_data_is_refused() -> None:
    with pytest.raises(InvalidInput, match="document_number"):
        build_td1(**(ANNA | {"document_number": "A" * 24}))


def test_optional_data_after_a_long_number_starts_after_a_filler() -> None:
    line1, _, _ = build_td1(**(ANNA | {"document_number": "D23145890734"}), optional_data="XY")
    assert line1 == "I<UTOD23145890<7349<XY<<<<<<<<"
