"""Which script a name is written in, and its Latin reading.

anyascii reads almost every script the way a dictionary would. Names need more than that in
three places, and this module adds only those:

- Hebrew and Arabic write few vowels; anyascii writes ``ו``/``و`` as ``v``/``w`` and ``י``/``ي``
  as ``y`` even where they stand for vowels, so a foreign name's skeleton gets consonants it
  never had ("וושינגטון" -> ``vvsyngtvn``). We read them as vowels inside a word.
- The Arabic article ``ال`` is glued to its word; we split it off so it can be a particle.
- Hangul and Chinese names come out of anyascii as run-together syllables (``ImYongGyu``);
  a Korean or Chinese personal name of one word is split into family name and given name
  (after two characters for a two-character family name: 欧阳娜 is Ouyang Na).
- anyascii reads kanji as Chinese: a name with kana is read as Japanese by pykakasi's own
  dictionary, and a name in kanji alone gets its Japanese readings from ``extra_readings``.
- anyascii's Devanagari and Thai leave out the vowels the script does not write: we say
  Devanagari's inherent a where Hindi says it (राजेश is rajesh) and read Thai in RTGS, the
  system of Thai passports (สมชาย ใจดี is somchai chaidi).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from anyascii import anyascii

if TYPE_CHECKING:
    from pykakasi import Kakasi

__all__ = [
    "ABJADS",
    "KOREAN_SURNAMES",
    "LEARNED",
    "Reading",
    "Script",
    "char_script",
    "dominant_script",
    "extra_readings",
    "read_name",
    "romanise",
    "wade_giles_syllables",
]


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
    if text.isascii():
        return Script.LATIN
    counts: dict[Script, int] = {}
    for char in text:
        script = char_script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return Script.LATIN
    return max(counts.items(), key=lambda item: item[1])[0]


def romanise(text: str) -> tuple[str, Script]:
    """The name in lower-case ASCII letters, words split by spaces, and its script; for
    the scripts without a learned table (``read_name`` reads the others word by word)."""
    text = unicodedata.normalize("NFKC", text)
    script = dominant_script(text)
    if script in (Script.HAN, Script.KANA) and _has_kana(text):
        return _japanese_name(text), Script.KANA
    elif script is Script.HAN:
        text = _han_name(text)
    elif script is Script.DEVANAGARI:
        return " ".join(_devanagari_word(word) for word in _words(text)), script
    elif script is Script.GREEK:
        text = _GREEK_DIGRAPHS.sub(lambda found: _GREEK[found.group().lower()], text)
    elif script is Script.THAI:
        return " ".join(_thai_word(word) for word in _words(text)), script
    return anyascii(text).lower(), script


Reading = tuple[str, str, Script]
"""One word of a name: its hand reading in Latin letters, the native segment it came from
(empty for Latin and scripts without a learned table), and that segment's script."""

LEARNED = frozenset({Script.HEBREW, Script.ARABIC, Script.CYRILLIC, Script.HANGUL})
"""Scripts with a learned romanisation table (``transliteration``)."""


def read_name(text: str, *, split_family: bool = True) -> tuple[list[Reading], Script]:
    """A name word by word: (hand reading, native segment, script) per word, and the
    name's script. The native segment is what the learned table reads again.

    ``split_family`` splits a one-word Korean name that starts with a Korean family name
    ("임용규" is Lim Yong-gyu); a transcribed foreign name ("테오도라") stays whole.
    """
    text = unicodedata.normalize("NFKC", text)
    script = dominant_script(text)
    if script not in LEARNED:
        latin, script = romanise(text)
        return [(word, "", script) for word in latin.split()], script
    readings: list[Reading] = []
    words = _words(text)
    for word in words:
        for segment, hand in _segments(word, script, len(words) if split_family else 0):
            readings.append((hand, segment, script))
    return readings, script


def _segments(word: str, script: Script, count: int) -> list[tuple[str, str]]:
    """(native segment, hand reading) for each part of one native word."""
    if script is Script.HEBREW:
        return [(word, anyascii(_keep_doubles(_hebrew_word(word))).lower())]
    if script is Script.ARABIC:
        out = []
        if len(word) > 3 and word.startswith("ال"):
            out.append(("", "al"))
            word = word[2:]
        out.append((word, _keep_doubles(anyascii(_arabic_word(word)).lower())))
        return out
    if script is Script.HANGUL:
        double = len(word) >= 3 and word[:2] in _KOREAN_DOUBLE_SURNAMES
        if count == 1 and 2 <= len(word) <= 4 and (double or word[0] in KOREAN_SURNAMES):
            cut = 2 if double else 1
            family, given = word[:cut], word[cut:]
            family_reading = KOREAN_SURNAMES.get(family) or _hangul_word(family)
            return [(family, family_reading), (given, _hangul_word(given))]
        return [(word, _hangul_word(word))]
    # The soft and hard signs read as apostrophes; they are not word breaks ("Бальдуччи").
    return [(word, anyascii(word).lower().replace("'", ""))]


_GREEK = {"ου": "ou", "ού": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "μπ": "b", "ντ": "d"}
_GREEK_DIGRAPHS = re.compile("|".join(_GREEK), re.IGNORECASE)
"""Greek digraphs as names are spelt in Latin letters (Παπαδοπούλου is Papadopoulou)."""


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


_ARABIC_VOWELS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a", "ء": "", "ے": "e"}


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
        elif char in "يی":  # Arabic and Persian yeh
            out.append("y" if index == 0 else "i")
        elif char == "ع":
            out.append("")
        else:
            out.append(char)
    return prefix + "".join(out)


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
    if len(word) == 4 or (len(word) == 3 and word[:2] in _CHINESE_DOUBLE_SURNAMES):
        return f"{word[:2]} {word[2:]}"
    return f"{word[0]} {word[1:]}"


_CHINESE_DOUBLE_SURNAMES = frozenset(
    {
        "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "司徒", "夏侯", "皇甫", "尉迟",
        "尉遲", "公孙", "公孫", "慕容", "令狐", "长孙", "長孫", "宇文", "东方", "東方", "轩辕",
        "軒轅", "南宫", "南宮", "西门", "西門", "端木", "申屠", "澹台", "闻人", "聞人", "呼延",
        "独孤", "獨孤", "钟离", "鍾離", "万俟", "萬俟", "东郭", "東郭", "赫连", "赫連",
    }
)  # fmt: skip
"""Two-character Chinese family names (欧阳娜 is Ouyang Na)."""


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


# --- Japanese: kana read as kana, kanji read by the pykakasi dictionary --------------------


def _has_kana(text: str) -> bool:
    return any("\u3040" <= char <= "\u30ff" or "\u31f0" <= char <= "\u31ff" for char in text)


@lru_cache(maxsize=1)
def _kakasi() -> Kakasi:
    # Imported and loaded (about half a second) only when a Japanese name comes.
    from pykakasi import Kakasi

    return Kakasi()  # type: ignore[no-untyped-call]  # pykakasi leaves __init__ unannotated


def _japanese_tokens(text: str) -> list[tuple[str, str]]:
    """(written, reading) per dictionary word of the name, read in passport Hepburn (佐藤 is
    sato); the reading is empty where the dictionary has none."""
    text = text.replace("・", " ").replace("･", " ")
    tokens: list[tuple[str, str]] = []
    for item in _kakasi().convert(text):
        if item["orig"].strip():
            reading = _LONG_VOWEL.sub(r"\1", item["passport"].lower())
            usable = reading.isascii() and reading.isalpha()
            tokens.append((item["orig"].strip(), reading if usable else ""))
    return tokens


def _japanese_name(text: str) -> str:
    """A name written in kana, or kanji and kana, read as Japanese ("サトウ ケン" is sato ken)."""
    out: list[str] = []
    for word in _words(text):
        tokens = _japanese_tokens(word)
        out.extend(reading or anyascii(written).lower() for written, reading in tokens)
    return " ".join(word for word in out if word)


_LONG_VOWEL = re.compile(r"(o)[ou](?![aeiou])|(?<=u)u(?![aeiou])")
"""Passports write a long o or u once (太郎 is Taro, 裕子 Yuko), but not the o and u of two
syllables (井上 is Inoue)."""


MAX_JAPANESE_READINGS = 4
"""Japanese readings kept of a name in kanji only (a one-kanji given name has several)."""


def extra_readings(text: str) -> list[str]:
    """Other whole-name readings of a name that its script lets be read more than one way,
    likeliest first, each in lower-case Latin words split by spaces; empty for most names.

    A name in kanji alone may be Chinese (the reading ``romanise`` gives: 高橋直樹 is
    gaoqiao zhishu) or Japanese (takahashi naoki), and a one-kanji Japanese given name has
    more than one reading (健 is takeshi or ken). A Japanese reading is given where every
    kanji has one and the family name is a dictionary word of two or more (佐藤, 高橋), as
    most Japanese family names and few Chinese ones are; simplified characters, which
    Japanese does not use (王晓明), have none.

    A Chinese name in Wade-Giles, as Taiwanese passports write it, gets its pinyin reading
    ("Chou Chun-chieh" is zhou junjie, "Hsu Hsiu-ying" xu xiuying).
    """
    return list(_extra_readings(unicodedata.normalize("NFKC", text)))


@lru_cache(maxsize=10_000)
def _extra_readings(text: str) -> tuple[str, ...]:
    script = dominant_script(text)
    if script is Script.LATIN:
        pinyin = _wade_giles_name(text)
        return (pinyin,) if pinyin else ()
    if script is not Script.HAN or _has_kana(text):
        return ()
    tokens = [token for word in _words(text) for token in _japanese_tokens(word)]
    if not tokens or not all(reading for _, reading in tokens) or len(tokens[0][0]) < 2:
        return ()
    choices = [_kanji_readings(written, reading) for written, reading in tokens]
    readings = [" ".join(choice) for choice in itertools.product(*choices)]
    chinese = romanise(text)[0]
    return tuple(reading for reading in readings if reading != chinese)[:MAX_JAPANESE_READINGS]


def _kanji_readings(written: str, reading: str) -> list[str]:
    """A dictionary word's reading, and for a single kanji its other readings (健 is takeshi,
    ken or take)."""
    readings = [reading]
    if len(written) == 1:
        for kana in _kanji_kana(written)[:3]:
            other = "".join(item["passport"] for item in _kakasi().convert(kana)).lower()
            if other.isascii() and other.isalpha() and other not in readings:
                readings.append(other)
    return readings


def _kanji_kana(kanji: str) -> list[str]:
    """The kana readings the dictionary holds for one kanji standing alone."""
    from pykakasi.kanji import Kanwa  # pykakasi's table of kanji readings

    table = Kanwa().load(kanji)  # type: ignore[no-untyped-call]
    entries = table.get(kanji, []) if isinstance(table, dict) else []
    return [str(kana) for kana, context in entries if context is None]


# --- Wade-Giles: the Chinese romanisation of Taiwan, read as pinyin ------------------------

_WG_INITIALS = (
    ("ch'", "ch"), ("ts'", "c"), ("tz'", "c"), ("k'", "k"), ("p'", "p"), ("t'", "t"),
    ("ch", "zh"), ("hs", "x"), ("ts", "z"), ("tz", "z"), ("ss", "s"), ("sz", "s"),
    ("sh", "sh"), ("k", "g"), ("p", "b"), ("t", "d"), ("j", "r"), ("m", "m"), ("f", "f"),
    ("l", "l"), ("n", "n"), ("h", "h"), ("s", "s"), ("w", "w"), ("y", "y"), ("", ""),
)  # fmt: skip
"""Wade-Giles initials, the aspirated (with their apostrophe, often left out) first."""
_WG_FINALS = {
    "a": "a", "ai": "ai", "an": "an", "ang": "ang", "ao": "ao", "e": "e", "ei": "ei",
    "en": "en", "eng": "eng", "erh": "er", "i": "i", "ia": "ia", "iang": "iang",
    "iao": "iao", "ieh": "ie", "ien": "ian", "ih": "i", "in": "in", "ing": "ing",
    "iu": "iu", "iung": "iong", "o": "uo", "ou": "ou", "u": "u", "ua": "ua", "uai": "uai",
    "uan": "uan", "uang": "uang", "ui": "ui", "uei": "ui", "un": "un", "ung": "ong",
    "uo": "uo", "ueh": "ue", "eh": "e", "en'": "en",
}  # fmt: skip
_WG_MARKS = ("hs", "ih", "ieh", "ien", "ung", "erh", "ts", "tz", "'")
"""Spellings pinyin never has: a name with one (or a hyphenated given name) is Wade-Giles."""


def _wade_giles_name(text: str) -> str:
    """The pinyin reading of a name in Wade-Giles, given names joined ("Chou Chun-chieh" is
    zhou junjie); empty where the name is not Wade-Giles."""
    words = text.lower().replace("’", "'").replace("ü", "u").split()
    if not 2 <= len(words) <= 4:
        return ""
    marked = any("-" in word or any(mark in word for mark in _WG_MARKS) for word in words)
    out: list[str] = []
    for word in words:
        syllables = [_wade_giles_syllable(part) for part in word.split("-")]
        if not all(syllables):
            return ""
        out.append("".join(syllables))
    return " ".join(out) if marked else ""


def wade_giles_syllables() -> dict[str, set[str]]:
    """Every Wade-Giles syllable, its apostrophe left out as it mostly is, and the pinyin
    syllables it spells (chang: zhang; hsu: xu)."""
    found: dict[str, set[str]] = {}
    for initial, _ in _WG_INITIALS:
        for final in _WG_FINALS:
            pinyin = _wade_giles_syllable(initial + final)
            if pinyin:
                found.setdefault((initial + final).replace("'", ""), set()).add(pinyin)
    return found


def _wade_giles_syllable(syllable: str) -> str:
    for initial, pinyin in _WG_INITIALS:
        if not syllable.startswith(initial):
            continue
        final = syllable[len(initial) :]
        if final not in _WG_FINALS or (not initial and final in ("ih", "ung", "iung")):
            continue
        return _pinyin_syllable(initial, pinyin, final)
    return ""


def _pinyin_syllable(initial: str, pinyin: str, final: str) -> str:
    rest = _WG_FINALS[final]
    if initial in ("tz", "tz'", "ss", "sz") and final == "u":
        rest = "i"  # tzu is zi, ssu is si
    elif final == "o" and initial in ("", "p", "p'", "m", "f", "w", "y"):
        rest = "o"
    elif final == "o" and initial in ("k", "k'", "h"):
        rest = "e"  # ko is ge, ho is he
    if initial.startswith("ch") and (final.startswith("i") and final != "ih"):
        pinyin = "q" if initial == "ch'" else "j"  # chi is ji, ch'i is qi
    elif initial == "ch" and final == "un":
        pinyin = "j"  # chün, its umlaut left out, is jun far more often than zhun
    if initial == "y":
        rest = {"u": "ou", "un": "un", "uan": "uan", "ung": "ong", "eh": "e", "en": "an"}.get(
            final, rest
        )
    elif not initial and rest[0] in "iu":
        # Pinyin writes a syllable without an initial with y or w (Ing is ying).
        whole = {
            "i": "yi",
            "in": "yin",
            "ing": "ying",
            "iu": "you",
            "u": "wu",
            "un": "wen",
            "ui": "wei",
        }
        rest = whole.get(rest) or ("y" if rest[0] == "i" else "w") + rest[1:]
    return pinyin + rest


# --- Devanagari: inherent vowels, and the final one Hindi does not say ----------------------

_DEVANAGARI_CONSONANTS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j",
    "झ": "jh", "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t",
    "थ": "th", "द": "d", "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh",
    "म": "m", "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v", "श": "sh", "ष": "sh",
    "स": "s", "ह": "h",
}  # fmt: skip
_DEVANAGARI_NUKTA = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f"}
_DEVANAGARI_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e",
    "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e",
}  # fmt: skip
_DEVANAGARI_SIGNS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai",
    "ो": "o", "ौ": "au", "ॉ": "o", "ॅ": "e",
}  # fmt: skip
_VIRAMA, _NUKTA, _NASALS, _VISARGA = "्", "़", "ंँ", "ः"
_LABIALS = frozenset("पफबभम")


def _devanagari_word(word: str) -> str:
    """One word in the spelling Indian passports use. A consonant carries an a unless a
    vowel sign or a virama says otherwise, but Hindi does not say every such a: not the
    last ("राजेश" is rajesh, not rajesha; unless the word ends in a conjunct, मित्र is
    mitra, or in -iya), nor one between a vowel-consonant and a consonant-vowel ("मनमोहन"
    is manmohan)."""
    units = _devanagari_units(word)
    if units and units[-1] == ("A", "a") and not _keeps_final_a(units):
        units.pop()
    for index in range(len(units) - 3, 1, -1):
        if (
            units[index][0] == "A"
            and units[index - 1][0] == "C"
            and units[index - 2][0] in "AV"
            and units[index + 1][0] == "C"
            and units[index + 2][0] in "AV"
        ):
            del units[index]
    return "".join(text for _, text in units)


def _keeps_final_a(units: list[tuple[str, str]]) -> bool:
    if len(units) < 3 or units[-2][0] == "J":
        return True  # one consonant alone, or a conjunct at the end
    return units[-2] == ("C", "y") and units[-3][1] == "i"


def _devanagari_units(word: str) -> list[tuple[str, str]]:
    """(kind, letters) per sound: C a consonant (J one closing a conjunct), A the a that a
    consonant carries, V a written vowel, N a nasal."""
    units: list[tuple[str, str]] = []
    for index, char in enumerate(word):
        following = word[index + 1] if index + 1 < len(word) else ""
        previous = word[index - 1] if index > 0 else ""
        if char in _DEVANAGARI_CONSONANTS:
            if char == "ञ" and previous == _VIRAMA and units and units[-1][1] == "j":
                units[-1] = ("C", "gy")  # ज्ञ is said gy (Gyan)
            else:
                kind = "J" if previous == _VIRAMA else "C"
                units.append((kind, _DEVANAGARI_CONSONANTS[char]))
            units.append(("A", "a"))
        elif char == _NUKTA and len(units) >= 2 and previous in _DEVANAGARI_NUKTA:
            units[-2] = (units[-2][0], _DEVANAGARI_NUKTA[previous])
        elif char == _VIRAMA and units and units[-1][0] == "A":
            units.pop()
        elif char in _DEVANAGARI_SIGNS and units and units[-1][0] == "A":
            units[-1] = ("V", _DEVANAGARI_SIGNS[char])
        elif char in _DEVANAGARI_VOWELS:
            units.append(("V", _DEVANAGARI_VOWELS[char]))
        elif char in _NASALS:
            nasal = "m" if following in _LABIALS else "ng" if following == "ह" else "n"
            units.append(("N", nasal))
        elif char == _VISARGA:
            units.append(("N", "h"))
    return units


# --- Thai: the Royal Thai General System, which Thai passports follow ------------------------

_THAI_INITIALS = {
    "ก": "k", "ข": "kh", "ฃ": "kh", "ค": "kh", "ฅ": "kh", "ฆ": "kh", "ง": "ng", "จ": "ch",
    "ฉ": "ch", "ช": "ch", "ซ": "s", "ฌ": "ch", "ญ": "y", "ฎ": "d", "ฏ": "t", "ฐ": "th",
    "ฑ": "th", "ฒ": "th", "ณ": "n", "ด": "d", "ต": "t", "ถ": "th", "ท": "th", "ธ": "th",
    "น": "n", "บ": "b", "ป": "p", "ผ": "ph", "ฝ": "f", "พ": "ph", "ฟ": "f", "ภ": "ph",
    "ม": "m", "ย": "y", "ร": "r", "ล": "l", "ว": "w", "ศ": "s", "ษ": "s", "ส": "s",
    "ห": "h", "ฬ": "l", "อ": "", "ฮ": "h",
}  # fmt: skip
_THAI_FINALS = {
    **dict.fromkeys("กขฃคฅฆ", "k"), **dict.fromkeys("จฉชซฌฎฏฐฑฒดตถทธศษส", "t"),
    **dict.fromkeys("ญณนรลฬ", "n"), **dict.fromkeys("บปผพฟภ", "p"),
    "ง": "ng", "ม": "m", "ย": "i", "ว": "o", "อ": "", "ห": "", "ฮ": "",
}  # fmt: skip
"""A consonant closing a syllable is said otherwise than one opening it (บุญ is bun)."""
_THAI_LEADING = frozenset("เแโใไ")
_THAI_SIGNS = frozenset("ะัาำิีึืุูๅ")
_THAI_CLUSTERS = frozenset(
    {"กร", "กล", "กว", "ขร", "ขล", "ขว", "คร", "คล", "คว", "ปร", "ปล", "พร", "พล", "ตร",
     "บร", "บล", "ดร", "ฟร", "ฟล", "ผล", "ศร", "สร", "ซร", "ทร"}
)  # fmt: skip
_THAI_VOWELS = {
    "ะ": "a", "า": "a", "ำ": "am", "ิ": "i", "ี": "i", "ึ": "ue", "ื": "ue", "ุ": "u",
    "ู": "u", "ๅ": "",
}  # fmt: skip


def _thai_letters(word: str) -> tuple[list[str], frozenset[int]]:
    """The letters that are said: tone marks dropped, and each letter under a thanthakhat
    (with its vowel sign) silenced; and where a silenced letter followed (a consonant there
    closes a final cluster: จันทร์ is chan)."""
    letters = [char for char in word.replace("ํา", "ำ") if char not in "่้๊๋็ๆ"]
    out: list[str] = []
    before_silence: set[int] = set()
    for char in letters:
        if char != "์":
            out.append(char)
            continue
        if out and out[-1] in "ิุ":
            out.pop()
        if out:
            out.pop()
        before_silence.add(len(out) - 1)
    return out, frozenset(before_silence)


def _thai_word(word: str) -> str:
    """One Thai word in RTGS ("สมชาย" is somchai, "ประเสริฐ" prasoet, "บุญมา" bunma)."""
    letters, before_silence = _thai_letters(word)
    silenced_end = len(letters) - 1 in before_silence
    out: list[str] = []
    index, closed = 0, False
    while index < len(letters):
        lead = letters[index] if letters[index] in _THAI_LEADING else ""
        index += bool(lead)
        if index >= len(letters):
            break
        char = letters[index]
        if char not in _THAI_INITIALS:
            out.append("rue" if char == "ฤ" else _THAI_VOWELS.get(char, ""))
            index += 1
            continue
        if closed and not lead and (index == len(letters) - 1 or index in before_silence):
            index += 1  # a consonant after a closed syllable, ending it, is not said (จันทร์)
            continue
        onset, index = _thai_onset(letters, index, lead)
        vowel, needs_final, index = _thai_vowel(letters, index, lead)
        final, index = _thai_final(letters, index, vowel, needs_final, silenced_end)
        out.append(onset + vowel + final)
        closed = bool(final)
    return "".join(out)


def _thai_onset(letters: list[str], index: int, lead: str) -> tuple[str, int]:
    char, rest = letters[index], letters[index + 1 :]
    vowel_follows = len(rest) > 1 and (rest[1] in _THAI_SIGNS or bool(lead))
    if char == "ห" and rest and rest[0] in "งญนมยรลว" and vowel_follows:
        return _THAI_INITIALS[rest[0]], index + 2  # a leading h only sets the tone
    if rest and char + rest[0] in _THAI_CLUSTERS and vowel_follows:
        if rest[0] == "ร" and char in "สซท":
            return "s", index + 2  # สร, ซร and ทร are said s
        return _THAI_INITIALS[char] + _THAI_INITIALS[rest[0]], index + 2
    return _THAI_INITIALS[char], index + 1


def _thai_vowel(letters: list[str], index: int, lead: str) -> tuple[str, bool, int]:
    """(vowel, whether a final consonant must follow, index after the vowel)."""
    at = letters[index : index + 2]
    first = at[0] if at else ""
    if lead == "เ":
        if first == "า":
            return "ao", False, index + 1
        if at == ["ี", "ย"]:
            return "ia", False, index + 2
        if at == ["ื", "อ"]:
            return "uea", False, index + 2
        if first in "ิอ" and first:
            return "oe", False, index + 1
        return "e", False, index + (first == "ะ")
    if lead == "แ":
        return "ae", False, index + (first == "ะ")
    if lead == "โ":
        return "o", False, index + (first == "ะ")
    if lead:
        return "ai", False, index
    if first == "ั":
        if at == ["ั", "ว"]:
            return "ua", False, index + 2
        return "a", True, index + 1
    if first in _THAI_VOWELS:
        skip = 2 if at == ["ื", "อ"] else 1
        return _THAI_VOWELS[first], False, index + skip
    if at == ["ร", "ร"]:
        return "a", True, index + 2  # ro han: วรรณ is wan
    return _thai_inherent(letters, index)


def _thai_inherent(letters: list[str], index: int) -> tuple[str, bool, int]:
    """No vowel written: o in a closed syllable, a in an open one (สม is som, ธนา thana)."""
    rest = letters[index:]
    if not rest:
        return "a", False, index
    closes = len(rest) > 1 and rest[1] in _THAI_FINALS
    if rest[0] in "อว" and closes and (len(rest) == 2 or rest[2] not in _THAI_SIGNS):
        return ("o" if rest[0] == "อ" else "ua"), True, index + 1  # ทอง, สวน
    if len(rest) > 1 and (rest[1] in _THAI_SIGNS or rest[1] in "ะ"):
        return "a", False, index
    return "o", True, index


def _thai_final(
    letters: list[str], index: int, vowel: str, needs_final: bool, silenced_end: bool
) -> tuple[str, int]:
    if vowel == "ao" or index >= len(letters) or letters[index] not in _THAI_FINALS:
        ro_han = needs_final and letters[index - 1 : index] == ["ร"]
        return ("n" if ro_han else ""), index  # สรร is san
    rest = letters[index + 1 :]
    if not needs_final:
        if rest and rest[0] in _THAI_SIGNS:
            return "", index  # the consonant opens the next syllable
        if len(rest) > 1 and letters[index] + rest[0] in _THAI_CLUSTERS and rest[1] in _THAI_SIGNS:
            return "", index
        if len(rest) == 1 and not silenced_end:
            return "", index  # ธนากร: the last two letters are a syllable (kon)
    final = _THAI_FINALS[letters[index]]
    if final == "i" and vowel.endswith("i"):
        final = ""  # ไทย is thai
    return final, index + 1
