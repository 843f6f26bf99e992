"""Korean names in Latin letters: the spellings Korean names are given, syllable by syllable.

A Korean name is spelt one syllable at a time, and each syllable in one of a few systems:
Revised Romanisation (정 jeong), McCune-Reischauer without its breves (chŏng: chong) and
the spellings passports have kept (jung, chung). ``syllable_spellings`` gives them all;
``unspelt_syllables`` says how many syllables of a word a Latin spelling does not spell
that way. Family names have their own usual spellings (이 is Lee, Yi, Rhee or I; 박 is
Park, Pak or Bak), held in ``FAMILY_SPELLINGS`` for the commonest hundred.

The learned table (``transliteration``) reads foreign names in Hangul well, but it learned
that an initial ㅎ is often silent and a vowel often anything: for a Korean given name,
where two names differ by one syllable (동현, 동윤), the syllables themselves decide.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "FAMILY_SPELLINGS",
    "family_names_spelt",
    "is_hangul",
    "syllable_spellings",
    "unspelt_syllables",
]

_INITIALS: tuple[tuple[str, ...], ...] = (
    ("g", "k"), ("kk", "gg", "k"), ("n",), ("d", "t"), ("tt", "dd", "t"), ("r", "l", "n"),
    ("m",), ("b", "p"), ("pp", "bb", "p"), ("s", "sh"), ("ss", "s"), ("",), ("j", "ch"),
    ("jj", "tch", "j"), ("ch", "c"), ("k", "kh"), ("t", "th"), ("p", "ph", "f"), ("h",),
)  # fmt: skip
"""ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ: RR, McCune-Reischauer (k, t, p,
ch where RR writes g, d, b, j) and passports."""
_MEDIALS: tuple[tuple[str, ...], ...] = (
    ("a",), ("ae", "ai", "e"), ("ya",), ("yae", "ye"), ("eo", "u", "o", "eu"), ("e",),
    ("yeo", "yu", "yo", "you"), ("ye",), ("o",), ("wa",), ("wae", "we"), ("oe", "oi", "we"),
    ("yo",), ("u", "oo", "ou"), ("wo", "weo"), ("we",), ("wi", "wee", "ui"),
    ("yu", "yoo", "you"), ("eu", "u"), ("ui", "eui", "ee", "i"), ("i", "ee"),
)  # fmt: skip
"""ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ: ㅓ is RR eo, McCune-Reischauer
ŏ (o), passports u (정 Jung); ㅜ is u or oo (Soo), ㅢ ui or ee (Hee)."""
_FINALS: tuple[tuple[str, ...], ...] = (
    ("",), ("k", "g"), ("k",), ("k",), ("n",), ("n",), ("n",), ("t", "d"), ("l", "r"),
    ("k",), ("m",), ("l",), ("l",), ("l",), ("p",), ("l",), ("m",), ("p", "b"), ("p",),
    ("t", "s"), ("t",), ("ng",), ("t",), ("t",), ("k",), ("t",), ("p",), ("t", "h"),
)  # fmt: skip
_OPEN = {4: ("eo", "o", "uh"), 6: ("yeo", "yo", "yuh")}
"""ㅓ and ㅕ ending a syllable: passports write u only before a consonant (정 Jung, but 서
Seo or Suh)."""
_WITHOUT_INITIAL = {13: ("woo", "wu"), 20: ("yi",), 18: ("eu",), 8: ("oh",), 0: ("ah",)}
"""Vowels written with a glide or an h where no consonant comes before them (우 Woo, 오 Oh)."""

FAMILY_SPELLINGS: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"), "이": ("lee", "yi", "rhee", "i", "ri", "li", "rhie", "yee", "ee"),
    "박": ("park", "pak", "bak", "bahk"), "최": ("choi", "choe", "choy", "chwe", "chey"),
    "정": ("jeong", "jung", "chung", "cheong", "joung", "chong", "jong"),
    "강": ("kang", "gang", "kahng"), "조": ("cho", "jo", "joh", "joe"),
    "윤": ("yoon", "yun", "youn"), "장": ("jang", "chang"), "임": ("lim", "im", "yim", "rim"),
    "한": ("han", "hahn"), "오": ("oh", "o"), "서": ("seo", "suh", "so", "seoh"),
    "신": ("shin", "sin", "shinn"), "권": ("kwon", "gwon", "kweon"), "황": ("hwang", "whang"),
    "안": ("ahn", "an"), "송": ("song",), "전": ("jeon", "jun", "chun", "chon", "jeun"),
    "홍": ("hong",), "유": ("yoo", "yu", "you"), "류": ("ryu", "yoo", "yu", "rhyu", "lyu"),
    "고": ("ko", "go", "koh"), "문": ("moon", "mun"), "양": ("yang", "ryang"),
    "손": ("son", "sohn"), "배": ("bae", "bai", "pae"), "백": ("baek", "paik", "paek", "baik"),
    "허": ("heo", "huh", "hur", "ho"), "남": ("nam",), "심": ("shim", "sim"),
    "노": ("noh", "roh", "no", "ro"), "하": ("ha", "hah"), "곽": ("kwak", "gwak"),
    "성": ("sung", "seong", "song"), "차": ("cha",), "주": ("joo", "ju", "chu", "choo"),
    "우": ("woo", "wu", "u"), "구": ("koo", "ku", "gu"), "민": ("min",), "나": ("na", "ra"),
    "진": ("jin", "chin"), "지": ("ji", "jee", "chi"), "엄": ("eom", "um", "uhm", "ohm"),
    "채": ("chae", "chai"), "원": ("won", "weon"), "천": ("cheon", "chun", "chon"),
    "방": ("bang", "pang"), "공": ("kong", "gong"), "현": ("hyun", "hyeon", "hyon"),
    "함": ("ham", "hahm"), "변": ("byun", "byeon", "pyun", "pyon"), "염": ("yeom", "yum"),
    "여": ("yeo", "yuh", "yo"), "추": ("choo", "chu"), "도": ("do", "doh", "to"),
    "소": ("so", "soh"), "석": ("seok", "suk", "sok"), "선": ("sun", "seon", "son"),
    "설": ("seol", "sul", "sol"), "마": ("ma",), "길": ("gil", "kil"),
    "연": ("yeon", "yun", "yon", "youn"), "위": ("wi", "wee"), "표": ("pyo",),
    "명": ("myung", "myeong", "myong"), "기": ("ki", "gi", "kee"), "반": ("ban", "pan"),
    "왕": ("wang",), "금": ("keum", "geum", "kum"), "옥": ("ok",), "육": ("yook", "yuk"),
    "인": ("in",), "맹": ("maeng",), "제": ("je", "jae", "che"), "모": ("mo",),
    "탁": ("tak",), "국": ("kook", "kuk", "guk"), "은": ("eun", "un"),
    "편": ("pyun", "pyeon", "pyon"), "용": ("yong",), "예": ("ye",),
    "경": ("kyung", "kyeong", "gyeong", "kyong"), "봉": ("bong", "pong"), "사": ("sa",),
    "부": ("boo", "bu", "pu"), "가": ("ka", "ga"), "복": ("bok", "pok"), "태": ("tae",),
    "목": ("mok",), "형": ("hyung", "hyeong", "hyong"), "계": ("kye", "gye"),
    "피": ("pi", "phi"), "두": ("doo", "du", "tu"), "감": ("kam", "gam"),
    "동": ("dong", "tong"), "호": ("ho",), "범": ("beom", "bum", "pom"),
    "승": ("seung", "sung"), "상": ("sang",), "단": ("dan", "tan"),
    "견": ("kyun", "kyeon", "gyeon"), "라": ("ra", "la", "na"), "당": ("dang", "tang"),
    "빈": ("bin", "pin"), "어": ("eo", "uh", "o"), "음": ("eum",), "좌": ("jwa", "chwa"),
    "남궁": ("namgung", "namkoong", "namkung"), "황보": ("hwangbo",),
    "제갈": ("jegal", "chegal"), "선우": ("sunwoo", "seonwoo", "sonu"),
    "독고": ("dokgo", "tokko"), "사공": ("sagong",), "서문": ("seomun", "somun"),
}  # fmt: skip
"""The usual Latin spellings of the commonest Korean family names (RR first)."""

_BY_SPELLING: dict[str, frozenset[str]] = {}
for _family, _spellings in FAMILY_SPELLINGS.items():
    for _spelling in _spellings:
        _BY_SPELLING[_spelling] = _BY_SPELLING.get(_spelling, frozenset()) | {_family}


def is_hangul(word: str) -> bool:
    """Whether every letter of the word is a Hangul syllable."""
    return bool(word) and all("\uac00" <= char <= "\ud7a3" for char in word)


def family_names_spelt(latin: str) -> frozenset[str]:
    """The Korean family names of which ``latin`` is a usual spelling ("cho": 조)."""
    return _BY_SPELLING.get(latin, frozenset())


@lru_cache(maxsize=4096)
def syllable_spellings(syllable: str) -> frozenset[str]:
    """Every usual spelling of one Hangul syllable (정: jeong, jung, jong, chung ...)."""
    code = ord(syllable) - 0xAC00
    initial, rest = divmod(code, 588)
    medial, final = divmod(rest, 28)
    vowels = _MEDIALS[medial]
    starts = _INITIALS[initial]
    if not final and medial in _OPEN:
        vowels = _OPEN[medial]
    if initial == 11 and not final:  # ㅇ: no consonant
        vowels += _WITHOUT_INITIAL.get(medial, ())
    spellings = {
        start + vowel + end for start in starts for vowel in vowels for end in _FINALS[final]
    }
    if initial == 18:  # 황 Whang, 휘 Whee
        spellings.update(
            "wh" + vowel[1:] + end for vowel in vowels if vowel[0] == "w" for end in _FINALS[final]
        )
    return frozenset(spellings)


_MOST_LETTERS = 6
"""Most letters one syllable not spelt the usual way may stand for."""


@lru_cache(maxsize=100_000)
def unspelt_syllables(word: str, latin: str) -> int:
    """How many syllables of the Hangul ``word`` the Latin spelling does not spell in a
    usual way, at best (0: "jungsik" spells 정식 syllable by syllable)."""
    count, length = len(word), len(latin)
    worst = count + 1
    best = [[worst] * (length + 1) for _ in range(count + 1)]
    best[0][0] = 0
    for index, syllable in enumerate(word):
        spellings = syllable_spellings(syllable)
        for start in range(length + 1):
            here = best[index][start]
            if here >= worst:
                continue
            row = best[index + 1]
            for spelling in spellings:
                stop = start + len(spelling)
                if latin.startswith(spelling, start) and here < row[stop]:
                    row[stop] = here
            for stop in range(start + 1, min(length, start + _MOST_LETTERS) + 1):
                if here + 1 < row[stop]:
                    row[stop] = here + 1
    return min(best[count][length], count)
