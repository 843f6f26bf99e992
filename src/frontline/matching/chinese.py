"""Chinese names written in Hangul, against their pinyin (or Wade-Giles) spelling.

Korean writes a Chinese name one of two ways, and ``is_chinese_reading`` knows both:

- by the Korean readings of its characters (張孝純 Zhang Xiaochun is 장효순, 劉備 Liu Bei
  유비), from the generated ``chinese_table`` (the Mandarin syllables of the common
  characters, by Korean reading);
- by its Mandarin sound, in the Korean government's transcription of Mandarin
  (외래어 표기법: Bei Dao is 베이다오, Xu Shichang 쉬스창, Zhu De 주더).
"""

from __future__ import annotations

from functools import lru_cache

from frontline.matching.chinese_table import SINO_KOREAN

__all__ = ["hangul_keys", "is_chinese_reading", "pinyin_keys", "transcribe_syllable"]

_INITIALS = {
    "b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5, "g": 0, "k": 15,
    "h": 18, "j": 12, "q": 14, "x": 9, "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13,
    "c": 14, "s": 10, "": 11,
}  # fmt: skip
"""Pinyin initials as Hangul initial jamo (ㅂ ㅍ ㅁ ㅍ ㄷ ㅌ ㄴ ㄹ ㄱ ㅋ ㅎ ㅈ ㅊ ㅅ ...)."""

_FINALS = {
    "a": (0, 0, ""), "o": (8, 0, ""), "e": (4, 0, ""), "ai": (0, 0, "이"), "ei": (5, 0, "이"),
    "ao": (0, 0, "오"), "ou": (4, 0, "우"), "an": (0, 4, ""), "en": (4, 4, ""),
    "ang": (0, 21, ""), "eng": (4, 21, ""), "er": (4, 8, ""), "ong": (13, 21, ""),
    "i": (20, 0, ""), "ia": (2, 0, ""), "ie": (7, 0, ""), "iao": (2, 0, "오"),
    "iu": (17, 0, ""), "ian": (7, 4, ""), "in": (20, 4, ""), "iang": (2, 21, ""),
    "ing": (20, 21, ""), "iong": (17, 21, ""), "u": (13, 0, ""), "ua": (9, 0, ""),
    "uo": (14, 0, ""), "uai": (9, 0, "이"), "ui": (13, 0, "이"), "uan": (9, 4, ""),
    "un": (13, 4, ""), "uang": (9, 21, ""), "ue": (15, 0, ""),
}  # fmt: skip
"""Pinyin finals as (vowel jamo, final jamo, syllables after): ai is 아이, ian 옌, uo 워."""

_WITHOUT_INITIAL = {
    "ya": "야", "ye": "예", "yao": "야오", "you": "유", "yan": "옌", "yin": "인", "yang": "양",
    "ying": "잉", "yong": "융", "yi": "이", "yu": "위", "yue": "웨", "yuan": "위안", "yun": "윈",
    "wa": "와", "wo": "워", "wai": "와이", "wei": "웨이", "wan": "완", "wen": "원",
    "wang": "왕", "weng": "웡", "wu": "우",
}  # fmt: skip
_PALATAL_U = {"u": (16, 0, ""), "ue": (15, 0, ""), "uan": (16, 0, "안"), "un": (16, 4, "")}
"""After j, q and x a written u is ü: ju 쥐, jue 줴, juan 쥐안, jun 쥔."""
_PLAIN_VOWEL = {2: 0, 6: 4, 7: 5, 12: 8, 17: 13}
"""After ㅈ, ㅉ and ㅊ the y-vowels lose their y (jia 자, jie 제, jiu 주)."""


def _syllable(initial: int, vowel: int, final: int) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def transcribe_syllable(pinyin: str) -> str:
    """One pinyin syllable in the Korean transcription of Mandarin, "" where it is none."""
    if pinyin in _WITHOUT_INITIAL:
        return _WITHOUT_INITIAL[pinyin]
    initial = next((i for i in ("zh", "ch", "sh") if pinyin.startswith(i)), pinyin[:1])
    if initial not in _INITIALS or initial in "aeo":
        initial = ""
    final = pinyin[len(initial) :]
    jamo = _INITIALS[initial]
    if initial in ("j", "q", "x") and final in _PALATAL_U:
        vowel, end, after = _PALATAL_U[final]
    elif final == "i" and initial in ("zh", "ch", "sh", "r", "z", "c", "s"):
        vowel, end, after = 18, 0, ""  # zhi 즈, si 쓰
    elif final in _FINALS and (initial or final[0] in "aoe"):
        vowel, end, after = _FINALS[final]
    else:
        return ""
    if jamo in (12, 13, 14):
        vowel = _PLAIN_VOWEL.get(vowel, vowel)
    return _syllable(jamo, vowel, end) + after


_CANDIDATES = (
    *_WITHOUT_INITIAL,
    *(initial + final for initial in _INITIALS for final in _FINALS),
    *(initial + "i" for initial in ("zh", "ch", "sh", "r", "z", "c", "s")),
)
_PINYIN = frozenset(
    {syllable for syllable in _CANDIDATES if transcribe_syllable(syllable)}
    | {reading for readings in SINO_KOREAN.values() for reading in readings}
)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, frozenset[str]]:
    """Latin syllable -> the pinyin syllables it may spell (itself; Wade-Giles hsu: xu)."""
    from frontline.matching.scripts import wade_giles_syllables

    found: dict[str, set[str]] = {pinyin: {pinyin} for pinyin in _PINYIN}
    for spelt, pinyins in wade_giles_syllables().items():
        found.setdefault(spelt, set()).update(pinyins & _PINYIN)
    return {spelt: frozenset(pinyins) for spelt, pinyins in found.items() if pinyins}


_LONGEST = 7


@lru_cache(maxsize=100_000)
def is_chinese_reading(word: str, latin: str) -> bool:
    """Whether the Hangul ``word`` writes the Chinese name spelt ``latin`` (its parts run
    together, in pinyin or Wade-Giles), syllable by syllable, by the Korean readings of
    its characters or by the Korean transcription of its Mandarin sound."""
    if not word or not latin:
        return False
    spellings = _spellings()
    reached = {(0, 0)}
    frontier = [(0, 0)]
    while frontier:
        index, start = frontier.pop()
        if index == len(word):
            if start == len(latin):
                return True
            continue
        readings = SINO_KOREAN.get(word[index], ())
        for stop in range(start + 1, min(len(latin), start + _LONGEST) + 1):
            for pinyin in spellings.get(latin[start:stop], ()):
                steps = []
                if pinyin in readings:
                    steps.append(index + 1)
                sound = transcribe_syllable(pinyin)
                if sound and word.startswith(sound, index):
                    steps.append(index + len(sound))
                for step in steps:
                    if (step, stop) not in reached:
                        reached.add((step, stop))
                        frontier.append((step, stop))
    return False


@lru_cache(maxsize=4096)
def _readings_of(syllable: str) -> frozenset[str]:
    """The pinyin syllables a Hangul syllable may stand for in a Chinese name: its
    characters' Mandarin, and the Mandarin syllables whose transcription starts with it."""
    return frozenset(SINO_KOREAN.get(syllable, ())) | _TRANSCRIBED_FROM.get(syllable, frozenset())


@lru_cache(maxsize=100_000)
def _first_syllables(word: str) -> tuple[str, ...]:
    """The pinyin of a Latin word's first syllable, where the whole word reads as pinyin or
    Wade-Giles syllables (longest first syllable); () where it does not."""
    spellings = _spellings()
    for stop in range(min(len(word), _LONGEST), 0, -1):
        first = spellings.get(word[:stop])
        if first and _parses(word[stop:]):
            return tuple(sorted(first))
    return ()


@lru_cache(maxsize=100_000)
def _parses(rest: str) -> bool:
    if not rest:
        return True
    spellings = _spellings()
    return any(
        rest[:stop] in spellings and _parses(rest[stop:])
        for stop in range(1, min(len(rest), _LONGEST) + 1)
    )


@lru_cache(maxsize=100_000)
def pinyin_keys(words: tuple[str, ...]) -> frozenset[str]:
    """Blocking keys of a Latin name that reads as Chinese ("Zhang Xiaochun"): the first
    syllable of the family name (first or last word) with that of the given name."""
    if not 2 <= len(words) <= 3:
        return frozenset()
    firsts = []
    for word in words:
        first = _first_syllables(word)
        if not first:
            return frozenset()  # most names: a word that is no pinyin
        firsts.append(first)
    keys: set[str] = set()
    for family, given in ((0, 1), (len(words) - 1, 0)):
        keys.update(f"c:{one}|{other}" for one in firsts[family] for other in firsts[given])
    return frozenset(keys)


@lru_cache(maxsize=100_000)
def hangul_keys(word: str) -> frozenset[str]:
    """The same keys for a Chinese name that may be written in Hangul (장효순, 베이다오):
    every pinyin its first syllables may stand for."""
    if not 2 <= len(word) <= 6:
        return frozenset()
    keys = {f"c:{one}|{other}" for one in _readings_of(word[0]) for other in _readings_of(word[1])}
    for pinyin, sound in _TWO_SYLLABLES.items():
        if len(word) > 2 and word.startswith(sound):
            keys.update(f"c:{pinyin}|{other}" for other in _readings_of(word[2]))
    return frozenset(keys)


_TRANSCRIBED_FROM: dict[str, frozenset[str]] = {}
for _pinyin in _PINYIN:
    _sound = transcribe_syllable(_pinyin)
    if _sound:
        _TRANSCRIBED_FROM[_sound[0]] = _TRANSCRIBED_FROM.get(_sound[0], frozenset()) | {_pinyin}
_TWO_SYLLABLES = {
    pinyin: sound for pinyin in _PINYIN if len(sound := transcribe_syllable(pinyin)) == 2
}
"""Pinyin syllables the transcription writes as two Hangul syllables (bei 베이)."""
