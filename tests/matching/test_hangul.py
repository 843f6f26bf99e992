"""Korean names in Latin letters, syllable by syllable (``matching.hangul``)."""

from __future__ import annotations

from frontline.matching.hangul import family_names_spelt, syllable_spellings, unspelt_syllables


def test_a_syllable_has_its_romanisations_and_passport_spellings() -> None:
    assert {"jeong", "jung", "chung", "jong"} <= syllable_spellings("정")
    assert {"hui", "hee"} <= syllable_spellings("희")
    assert {"hwi", "whee"} <= syllable_spellings("휘")


def test_an_open_syllable_keeps_its_vowel() -> None:
    assert "seo" in syllable_spellings("서")
    assert "su" not in syllable_spellings("서")  # Su is 수


def test_a_name_spelt_syllable_by_syllable() -> None:
    assert unspelt_syllables("정심", "jongsim") == 0
    assert unspelt_syllables("기희", "keehee") == 0


def test_a_name_one_syllable_apart() -> None:
    assert unspelt_syllables("동현", "dongyun") == 1
    assert unspelt_syllables("윤규", "junho") == 2


def test_family_names_by_their_spellings() -> None:
    assert family_names_spelt("cho") == {"조"}
    assert "최" in family_names_spelt("choe")
    assert family_names_spelt("smith") == frozenset()
