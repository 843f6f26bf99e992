"""Identifier patterns: a bijection from integers onto plausible identifiers."""

from __future__ import annotations

import random

import pytest

from frontline.synth.bureaus import COUNTRIES
from frontline.synth.patterns import Pattern
from frontline.synth.randomness import Weighted, section_rng


def test_every_value_renders_a_different_identifier() -> None:
    pattern = Pattern("[XY]a9")
    rendered = [pattern.render(value) for value in range(pattern.size)]
    assert pattern.size == 2 * 23 * 10
    assert len(set(rendered)) == pattern.size
    assert rendered[0] == "XA0"
    assert rendered[-1] == "YZ9"


@pytest.mark.parametrize(
    ("text", "example"),
    [("aa9999999", "AA0000000"), ("[E]99999999", "E00000000"), ("aa-999-aa", "AA-000-AA")],
)
def test_literals_and_classes(text: str, example: str) -> None:
    assert Pattern(text).render(0) == example


def test_long_patterns_render_in_range() -> None:
    pattern = Pattern("[CFGHJK]gggggggg")
    rng = random.Random(1)
    for _ in range(200):
        number = pattern.draw(rng)
        assert len(number) == 9
        assert number[0] in "CFGHJK"
        assert "O" not in number
        assert "I" not in number


@pytest.mark.parametrize(
    ("text", "prefix", "digits"),
    [("aa9999999", "aa", 7), ("[E]99999999", "[E]", 8), ("aaa999999", "aaa", 6)],
)
def test_letters_then_digits_split_into_a_range_shape(text: str, prefix: str, digits: int) -> None:
    shape = Pattern(text).range_shape()
    assert shape is not None
    assert (shape.prefix.text, shape.digits) == (prefix, digits)


@pytest.mark.parametrize("text", ["999999999", "99aa99999", "a9999", "[P]9999999a"])
def test_other_patterns_have_no_range_shape(text: str) -> None:
    assert Pattern(text).range_shape() is None


def test_passport_numbers_fit_an_mrz_field() -> None:
    for profile in COUNTRIES:
        assert len(Pattern(profile.passport).render(0)) <= 9, profile.code


def test_seeded_sections_are_independent_and_stable() -> None:
    assert section_rng(1, "a").random() == section_rng(1, "a").random()
    assert section_rng(1, "a").random() != section_rng(1, "b").random()


def test_weighted_tables_follow_weights() -> None:
    table = Weighted([("x", 3), ("y", 1)]).table(8)
    assert table == ("x",) * 6 + ("y",) * 2
    with pytest.raises(ValueError, match="positive"):
        Weighted([("x", 0)])
