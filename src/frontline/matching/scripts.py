"""Which script a name is written in, and its Latin reading.

anyascii reads almost every script the way a dictionary would. Names need more than that in
three places, and this module adds only those:

- Hebrew and Arabic write few vowels; anyascii writes ``ו``/``و`` as ``v``/``w`` and ``י``/``ي``
  as ``y`` even where they stand for vowels, so a foreign name's skeleton gets consonants it
  never had ("וושינגטון" -> ``vvsyngtvn``). We read them as vowels inside a word.
- The Arabic article ``ال`` is glued to its word; we split it off so it can be a particle.
- Hangul and Chinese names come out of anyascii as run-together syllables (``ImYongGyu``);
  a Korean or Chinese personal name of one word is split into family name and given name.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from anyascii import anyascii

__all__ = ["ABJADS", "KOREAN_SURNAMES", "Script", "char_script", "dominant_script", "romanise"]


class Script(StrEnum):
    LATIN = "latin"
    CYRILLIC = "cyrillic"
    GREEK = "greek"
    ARABIC = "arabic"
    HEBREW = "hebrew"
    HANGUL = "hangul"
    HAN = "han"
    KANA = "kana"
    DEVANAGARI = "devanagari"
    THAI = "thai"
    OTHER = "other"


_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0041, 0x024F, Script.LATIN),
    (0x1E00, 0x1EFF, Script.LATIN),
    (0x0370, 0x03FF, Script.GREEK),
    (0x1F00, 0x1FFF, Script.GREEK),
    (0x0400, 0x052F, Script.CYRILLIC),
    (0x0590, 0x05FF, Script.HEBREW),
    (0x0600, 0x06FF, Script.ARABIC),
    (0x0750, 0x077F, Script.ARABIC),
    (0xFB50, 0xFDFF, Script.ARABIC),
    (0xFE70, 0xFEFF, Script.ARABIC),
    (0x0900, 0x097F, Script.DEVANAGARI),
    (0x0E00, 0x0E7F, Script.THAI),
    (0x1100, 0x11FF, Script.HANGUL),
    (0x3130, 0x318F, Script.HANGUL),
    (0xAC00, 0xD7AF, Script.HANGUL),
    (0x3040, 0x30FF, Script.KANA),
    (0x31F0, 0x31FF, Script.KANA),
    (0x4E00, 0x9FFF, Script.HAN),
    (0x3400, 0x4DBF, Script.HAN),
)

ABJADS = frozenset({Script.ARABIC, Script.HEBREW})
"""Scripts that leave most vowels unwritten: compare their names by consonants."""


def char_script(char: str) -> Script | None:
    """The script of one letter, or None for digits, spaces and punctuation."""
    point = ord(char)
    if point < 0x80:
        return Script.LATIN if char.isalpha() else None
    for low, high, script in _RANGES:
        if low <= point <= high:
            return script if char.isalpha() or script is Script.THAI else None
    return Script.OTHER if char.isalpha() else None


def dominant_script(text: str) -> Script:
    """The script most of the name's letters are written in (Latin for an empty name)."""
    counts: dict[Script, int] = {}
    for char in text:
        script = char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return Script.LATIN
    return max(counts.items(), key=lambda item: item[1])[0]


def romanise(text: str) -> tuple[str, Script]:
    """The name in lower-case ASCII letters, words split by spaces, and its script."""
    text = unicodedata.normalize("NFKC", text)
    script = dominant_script(text)
    if script is Script.HEBREW:
        text = " ".join(_keep_doubles(_hebrew_word(word)) for word in _words(text))
    elif script is Script.ARABIC:
        words = (anyascii(_arabic_word(word)).lower() for word in _words(text))
        text = " ".join(_keep_doubles(word) for word in words)
    elif script is Script.HANGUL:
        return _east_asian(text, script), script
    elif script is Script.HAN:
        text = _east_asian(text, script)
    return anyascii(text).lower(), script


def _keep_doubles(word: str) -> str:
    """Two equal consonants in an abjad are two sounds ("הררי" is Harari): put a silent h
    between them so that no later step reads them as one."""
    out: list[str] = []
    for char in word:
        if out and out[-1] == char and char.isalpha() and char not in "aeiou":
            out.append("h")
        out.append(char)
    return "".join(out)


def _words(text: str) -> list[str]:
    return text.replace("-", " ").replace("־", " ").split()


# Hebrew: consonants as anyascii reads them, vav and yod as vowels inside a word, and the
# geresh that turns g, z and ts into j, zh and ch ("ג'ורג'" is George).
_HEBREW = {
    "א": "a",
    "ב": "b",
    "ג": "g",
    "ד": "d",
    "ה": "h",
    "ז": "z",
    "ח": "kh",
    "ט": "t",
    "כ": "k",
    "ך": "kh",
    "ל": "l",
    "מ": "m",
    "ם": "m",
    "נ": "n",
    "ן": "n",
    "ס": "s",
    "ע": "a",
    "פ": "p",
    "ף": "f",
    "צ": "ts",
    "ץ": "ts",
    "ק": "k",
    "ר": "r",
    "ש": "sh",
    "ת": "t",
}
_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ת": "th", "ד": "th"}


def _hebrew_word(word: str) -> str:
    out: list[str] = []
    letters = [char for char in word if "\u05d0" <= char <= "\u05ea" or char in "'׳"]
    index = 0
    while index < len(letters):
        char = letters[index]
        following = letters[index + 1] if index + 1 < len(letters) else ""
        if char in "'׳":
            index += 1
            continue
        if following in "'׳" and char in _GERESH:
            out.append(_GERESH[char])
        elif char == "ו":
            if following == "ו":  # a doubled vav is a consonant: "וו" is v or w
                out.append("v")
                index += 1
            else:
                out.append("v" if index == 0 else "o")
        elif char == "י":
            if following == "י":
                out.append("y" if index == 0 else "ei")
                index += 1
            else:
                out.append("y" if index == 0 else "i")
        elif char == "ה" and index == len(letters) - 1 and index > 0:
            out.append("a")  # a final he is a vowel: "מרתה" is Martha
        elif char == "ב" and index > 0:
            out.append("v")  # without points, a beth inside a word is more often v
        elif char == "פ" and index > 0:
            out.append("f")
        else:
            out.append(_HEBREW.get(char, ""))
        index += 1
    return "".join(out)


_ARABIC_VOWELS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a", "ء": ""}


def _arabic_word(word: str) -> str:
    # The article is glued on: "الهاشمي" reads "al hashimi", so it can be a particle.
    prefix = ""
    if len(word) > 3 and word.startswith("ال"):
        prefix, word = "al ", word[2:]
    out: list[str] = []
    for index, char in enumerate(word):
        if char in _ARABIC_VOWELS:
            out.append(_ARABIC_VOWELS[char])
        elif char == "و":
            out.append("w" if index == 0 else "u")
        elif char == "ي":
            out.append("y" if index == 0 else "i")
        elif char == "ع":
            out.append("")
        else:
            out.append(char)
    return prefix + "".join(out)


def _east_asian(text: str, script: Script) -> str:
    """Split a one-word Korean or Chinese name into family name and given name; read Hangul
    syllable by syllable."""
    if script is Script.HANGUL:
        return " ".join(
            _hangul_word(word) if index or len(text.split()) > 1 else _hangul_name(word)
            for index, word in enumerate(text.split())
        )
    return _han_name(text)


def _hangul_name(word: str) -> str:
    if not 2 <= len(word) <= 4:
        return _hangul_word(word)
    if len(word) >= 3 and word[:2] in _KOREAN_DOUBLE_SURNAMES:
        return f"{_hangul_word(word[:2])} {_hangul_word(word[2:])}"
    surname = KOREAN_SURNAMES.get(word[0]) or _hangul_word(word[0])
    return f"{surname} {_hangul_word(word[1:])}"


_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "-",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
"""Revised Romanisation, with final consonants as they sound (스콧 is seukot)."""


def _hangul_word(word: str) -> str:
    out: list[str] = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            out.append(anyascii(char).lower())
            continue
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        out.append(_INITIALS[initial].strip("-") + _MEDIALS[medial] + _FINALS[final].strip("-"))
    return "".join(out)


def _han_name(text: str) -> str:
    """Split a one-word Chinese name into family name and given name."""
    words = text.split()
    if len(words) != 1:
        return text
    word = words[0]
    if not 2 <= len(word) <= 4:
        return text
    if len(word) == 4:
        return f"{word[:2]} {word[2:]}"
    return f"{word[0]} {word[1:]}"


_KOREAN_DOUBLE_SURNAMES = frozenset({"남궁", "황보", "제갈", "사공", "선우", "서문", "독고"})

KOREAN_SURNAMES = {
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang",
    "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh",
    "서": "seo", "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn", "송": "song",
    "전": "jeon", "홍": "hong", "유": "yoo", "고": "ko", "문": "moon", "양": "yang",
    "손": "son", "배": "bae", "백": "baek", "허": "heo", "남": "nam", "심": "shim",
    "노": "roh", "하": "ha", "곽": "kwak", "성": "sung", "차": "cha", "주": "joo",
    "우": "woo", "구": "koo", "민": "min", "류": "ryu", "나": "na", "진": "jin",
    "지": "ji", "엄": "eom", "채": "chae", "원": "won", "천": "cheon", "방": "bang",
    "공": "kong", "현": "hyun", "함": "ham", "변": "byun", "염": "yeom", "여": "yeo",
    "추": "choo", "도": "do", "소": "so", "석": "seok", "선": "sun", "설": "seol",
    "마": "ma", "길": "gil", "연": "yeon", "위": "wi", "표": "pyo", "명": "myung",
    "기": "ki", "반": "ban", "왕": "wang", "금": "keum", "옥": "ok", "육": "yook",
    "인": "in", "맹": "maeng", "제": "je", "모": "mo", "탁": "tak", "국": "kook",
    "은": "eun", "편": "pyun", "용": "yong", "예": "ye", "경": "kyung", "봉": "bong",
    "사": "sa", "부": "boo", "가": "ka", "복": "bok", "태": "tae", "목": "mok",
    "형": "hyung", "계": "kye", "피": "pi", "두": "doo", "감": "kam", "동": "dong",
    "호": "ho", "범": "beom", "승": "seung", "상": "sang", "단": "dan", "견": "kyun",
}  # fmt: skip
"""The usual passport romanisation of the commonest Korean family names."""
