"""Chinese names written in Hangul (``matching.chinese``)."""

from __future__ import annotations

from frontline.matching.chinese import is_chinese_reading, transcribe_syllable


def test_mandarin_syllables_in_the_korean_transcription() -> None:
    assert [transcribe_syllable(s) for s in ("bei", "xiao", "zhi", "jie", "xu")] == [
        "베이",
        "샤오",
        "즈",
        "제",
        "쉬",
    ]
    assert transcribe_syllable("brr") == ""


def test_a_name_by_its_characters_korean_readings() -> None:
    assert is_chinese_reading("장효순", "zhangxiaochun")
    assert is_chinese_reading("서요창", "hsuyaochang")  # Wade-Giles


def test_a_name_by_its_mandarin_sound() -> None:
    assert is_chinese_reading("베이다오", "beidao")
    assert is_chinese_reading("쉬스창", "xushichang")


def test_a_korean_spelling_is_no_chinese_reading() -> None:
    assert not is_chinese_reading("동현", "dongyun")
    assert not is_chinese_reading("유비", "liuwei")
