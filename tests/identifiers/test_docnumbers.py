"""Document numbers: the normal form, OCR confusables, and how a variant is described."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.errors import InvalidInput
from frontline.identifiers.docnumbers import (
    describe_variant,
    fold_confusables,
    normalise_document_number,
)


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("L898902C3", "L898902C3"),
        ("l898 902c3", "L898902C3"),
        (" AB-12.34/56<< ", "AB123456"),
        ("x" * 35, "X" * 35),
    ],
)
def test_numbers_are_upper_case_without_separators(raw: str, number: str) -> None:
    assert normalise_document_number(raw) == number


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "required"),
        (" - / < ", "required"),
        ("AB#123", "only letters"),
        ("ÄB123", "only letters"),
        ("AB_123", "only letters"),
        ("A" * 36, "longer than 35"),
    ],
)
def test_bad_numbers_are_refused_naming_the_field(raw: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as refused:
        normalise_document_number(raw, field="document.number")
    assert [e.field for e in refused.value.errors] == ["document.number"]


def test_confusable_letters_fold_onto_their_digits() -> None:
    assert fold_confusables("OISBZ") == "01582"
    assert fold_confusables("L898902C3") == "L898902C3"
    assert fold_confusables("QGDA") == "QGDA"


def test_numbers_that_differ_only_by_confusables_fold_alike() -> None:
    assert fold_confusables("AB1O5S") == fold_confusables("A81055")


def test_an_equal_number_is_exact() -> None:
    assert describe_variant("L898902C3", "L898902C3") == "exact after normalisation"


def test_one_confusable_is_named_with_its_position() -> None:
    assert (
        describe_variant("L89O902C3", "L890902C3") == "matched after reading O as 0 at position 4"
    )


def test_several_confusables_are_listed_in_order() -> None:
    assert describe_variant("5I8O", "S180") == (
        "matched after reading 5 as S at position 1, I as 1 at position 2 and O as 0 at position 4"
    )


def test_numbers_that_are_not_variants_say_where_they_differ() -> None:
    assert describe_variant("AB123", "AB124") == "differs at position 5 (3 vs 4)"
    assert describe_variant("AB123", "AB1234") == "different lengths (5 and 6 characters)"


_NUMBERS = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=35)


@given(_NUMBERS)
def test_normalising_twice_changes_nothing(number: str) -> None:
    once = normalise_document_number(number)
    assert normalise_document_number(once) == once


@given(_NUMBERS)
def test_folding_leaves_no_confusable_letter(number: str) -> None:
    folded = fold_confusables(number)
    assert not set(folded) & set("OISBZ")
    assert fold_confusables(folded) == folded


@given(st.text(max_size=60))
def test_arbitrary_text_normalises_or_is_refused(raw: str) -> None:
    try:
        number = normalise_document_number(raw)
    except InvalidInput:
        return
    assert number.isascii()
    assert number.isalnum()
    assert number == number.upper()
