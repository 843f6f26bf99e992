"""Write the table of Korean readings of Chinese characters by Mandarin syllable.

A Chinese name written in Hangul is often its characters' Korean readings (張孝純 Zhang
Xiaochun is 장효순): for each Hangul syllable, the Mandarin syllables (pinyin, no tones)
of the common characters read that way. Common: the first level of GB 2312 (simplified)
and of Big5 (traditional), about 9,000 characters. Korean readings from the ``hanja``
package, Mandarin from ``pypinyin`` (the ``tables`` extra, only needed to run this: the
table ships as the generated module ``matching/chinese_table.py``).
Usage: python -m bench.make_chinese_readings
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontline" / "matching" / "chinese_table.py"


def common_characters() -> list[str]:
    chars = []
    for first in range(0xB0, 0xD8):  # GB 2312 level 1
        for second in range(0xA1, 0xFF):
            try:
                chars.append(bytes((first, second)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for code in range(0xA440, 0xC67F):  # Big5 level 1
        try:
            chars.append(code.to_bytes(2, "big").decode("big5"))
        except UnicodeDecodeError:
            continue
    return sorted(set(chars))


def initial_forms(syllable: str) -> set[str]:
    """The syllable and its forms at the start of a word (the initial sound rule: 리 is 이,
    라 나, 녀 여), which names take too (劉 류, 유)."""
    code = ord(syllable) - 0xAC00
    initial, rest = divmod(code, 588)
    medial = rest // 28
    forms = {syllable}
    y_vowels = {2, 3, 6, 7, 12, 17, 20}  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
    if initial == 5:  # ㄹ
        forms.add(chr(0xAC00 + (11 if medial in y_vowels else 2) * 588 + rest))
    if initial == 2 and medial in y_vowels:  # ㄴ
        forms.add(chr(0xAC00 + 11 * 588 + rest))
    return forms


def main() -> None:
    from hanja import table
    from pypinyin import Style, pinyin

    readings: dict[str, set[str]] = defaultdict(set)
    for char in common_characters():
        korean = table.hanja_table.get(char)
        if not korean or not "\uac00" <= korean <= "\ud7a3":
            continue
        mandarin = {
            reading.replace("ü", "u").replace("v", "u")
            for reading in pinyin(char, style=Style.NORMAL, heteronym=False)[0]
            if (reading.isalpha() and reading.isascii()) or "ü" in reading
        }
        for form in initial_forms(korean):
            readings[form].update(mandarin)
    lines = [
        "# ruff: noqa: E501",
        '"""Mandarin syllables (pinyin without tones) of the common Chinese characters, by the',
        "Korean reading of those characters (장: zhang, chang ...), from the hanja and pypinyin",
        'packages by bench/make_chinese_readings.py. Generated: do not edit."""',
        "",
        "# fmt: off",
        "SINO_KOREAN: dict[str, tuple[str, ...]] = {",
    ]
    for syllable in sorted(readings):
        found = ", ".join(f'"{reading}"' for reading in sorted(readings[syllable]))
        lines.append(f'    "{syllable}": ({found},),')
    lines += ["}", "# fmt: on", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(readings)} Hangul syllables -> {OUT}")


if __name__ == "__main__":
    main()
