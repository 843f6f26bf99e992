"""A name, prepared once for matching: its parts in Latin letters, their lenient spellings
and consonant skeletons, with particles and titles set aside.

Preparing is the expensive step (transliteration); comparing prepared names is cheap, so
the candidate index prepares every listed name once, at load.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from frontline.matching.cyrillic import french_and_german
from frontline.matching.hangul import FAMILY_SPELLINGS, is_hangul
from frontline.matching.phonetic import readings, simplify, skeleton, spellings, voiced, vowelled
from frontline.matching.scripts import ABJADS, Script, read_name
from frontline.matching.transliteration import read_word

__all__ = ["TITLE_SURNAMES", "NamePart", "PreparedName", "prepare_name"]

PARTICLES = frozenset(
    {
        "al", "el", "ul", "ibn", "bin", "bint", "ben", "bat", "van", "der", "den", "de",
        "del", "della", "la", "le", "les", "du", "da", "das", "dos", "do", "di", "von", "zu",
        "ter", "ten", "op", "y", "e", "af", "av", "st", "ap", "ould", "ag",
    }
)  # fmt: skip
"""Words that join a name rather than name anyone: "al", "bin", "van der", "de la", "dos"."""
_LONG_PARTICLES = frozenset(word for word in PARTICLES if len(word) > 1)

TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady",
        "haji", "hajji", "mullah", "jr", "sr", "ii", "iii", "iv", "herr", "frau", "sra",
        "gen", "col", "maj", "capt",
    }
)  # fmt: skip
"""Words an officer may type that belong to no one's name."""

STYLES = frozenset(
    {
        "of", "the", "emperor", "empress", "king", "queen", "prince", "princess", "duke",
        "duchess", "archduke", "archduchess", "grand", "saint", "pope", "consort", "baron",
        "baroness", "earl", "count", "countess", "marquis", "marquess", "margrave",
        "margravine", "viscount", "dowager", "tsar", "tsarina", "ii", "iii", "vi", "vii",
        "viii", "ix", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    }
)  # fmt: skip
"""Words of a ruler's or a noble's style, typed in Latin letters, that name no one: the
title, "of", the ordinal (Louis IX of France, Charles Brandon, Duke of Suffolk); not XI,
which is also the Chinese name Xi, nor I, V and X, which are also initials."""

NATIVE_STYLES = frozenset(
    {
        # Korean: emperor (of Japan), emperor, empress, queen consort, empress dowager,
        # princess, prince, lady, chief, duke, marquis, count, baron, pope, great king
        "천황", "황제", "황후", "왕후", "태후", "황태후", "공주", "왕자", "부인", "추장", "공작",
        "후작", "백작", "남작", "교황", "대왕", "여왕", "국왕", "대공",
        # Hebrew: king, queen, prince, princess, duke, saint, the great, pope, emperor,
        # of, and the ordinals the first to the tenth
        "מלך", "המלך", "מלכת", "המלכה", "נסיך", "הנסיך", "נסיכת", "הנסיכה", "דוכס", "הדוכס",
        "דוכסית", "הדוכסית", "הקדוש", "הקדושה", "הגדול", "הגדולה", "האפיפיור", "אפיפיור",
        "הקיסר", "הקיסרית", "של", "הראשון", "הראשונה", "השני", "השנייה", "השלישי",
        "השלישית", "הרביעי", "החמישי", "השישי", "השביעי", "השמיני", "התשיעי", "העשירי",
        # Russian: emperor, empress, king, queen, tsar, prince, princess, count, duke, saint,
        # the great
        "император", "императрица", "король", "королева", "царь", "царица", "князь",
        "княгиня", "княжна", "принц", "принцесса", "граф", "графиня", "герцог", "герцогиня",
        "святой", "святая", "великий", "великая",
    }
)  # fmt: skip
"""The same words written in Hangul, Hebrew and Cyrillic (Korean, Hebrew and Russian
write the style as its own word: 에드워드 8세, ולדמר הרביעי, מלך דנמרק)."""

_ORDINAL = re.compile(r"(?<![\w<])\d{1,2}(?:세|st|nd|rd|th)?(?![\w<])")
"""A ruler's number ("3세" the third, "1st"), set aside before digits are read as letters."""

TITLE_SURNAMES = frozenset({"sheikh", "shaikh", "sheik", "shaykh", "sayyid", "sayed", "syed"})
"""Honorifics that are also family names (Faisal Sheikh, Imran Syed, among the commonest
in Pakistan and India): kept as parts, but one name carries and another omits costs little
(``features``)."""

_SPLIT = re.compile(r"[^a-z0-9]+")
_MRZ_FILLER = re.compile(r"<+")


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a name: as read in Latin letters, spelled leniently, and its skeleton."""

    latin: str
    simple: str
    skeleton: str
    vowelled: str
    native: str
    """The native-script word the part was read from (empty for a Latin word)."""
    native_script: str
    forms: tuple[tuple[str, str, str], ...]
    """(lenient spelling, skeleton, vowelled skeleton) of each reading of the part
    (``phonetic.readings`` and, for a native word, the learned ``transliteration``
    readings), its own first."""
    skeletons: tuple[str, ...]
    """The distinct skeletons of ``forms``, its own first."""
    voiced: tuple[str, ...] = ()
    """``phonetic.voiced`` of each of the part's own readings (not the learned ones)."""
    unglued: str = ""
    """The word without a particle glued to its front ("delacruz" -> "cruz"), if any."""
    written: str = ""
    """The word as ICAO 9303 spells its umlauts ("jörg" -> "joerg"), where that differs
    from ``latin`` ("jorg"): a slip in one spelling may be one letter from the other."""
    korean: str = ""
    """``family`` or ``given`` for the parts of a Korean name written in Hangul (김민준),
    whose spellings are compared syllable by syllable (``hangul``)."""
    piece: bool = False
    """A piece of a hyphenated word ("Jong" of Jong-ok): a syllable of one given name, not a
    short form of a longer one."""


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A whole name ready to compare.

    ``parts`` exclude particles and titles; ``joined`` is the lenient spelling of all parts
    run together in written order, for names split differently in two scripts ("Yong-Kyu"
    and "용규"); ``is_abjad`` says the name came from a script without written vowels, to be
    compared by consonants.
    """

    original: str
    script: Script
    parts: tuple[NamePart, ...]
    particles: tuple[str, ...]
    joined: str
    joined_skeleton: str
    is_abjad: bool
    truncated: bool = False
    merged: PreparedName | None = None
    """The same name with its hyphenated parts run together ("Yong-Kyu" as one given
    name, as Korean writes it), compared besides the split form."""

    @property
    def latin(self) -> str:
        return " ".join(part.latin for part in self.parts)


def prepare_name(name: str, *, truncated: bool = False) -> PreparedName:
    """Prepare a name written in any script, or read off an MRZ (``SURNAME<<GIVEN``).

    ``truncated`` marks a name cut at the MRZ line length: its last part may be a prefix.
    """
    prepared = _prepare(name, truncated)
    one_word = " " not in _ORDINAL.sub("", name).strip()
    if prepared.script is Script.HANGUL and len(prepared.parts) == 2 and one_word:
        merged = _prepare(name, truncated, split_family=False)  # perhaps not a Korean name
    elif "-" in name or "'" in name:
        merged = _prepare(_HYPHEN.sub("", name), truncated)
    else:
        return prepared
    if merged.parts == prepared.parts:
        return prepared
    return dataclasses.replace(prepared, merged=merged)


_HYPHEN = re.compile(r"(?<=\w)['-](?=\w)")
"""A hyphen, or an apostrophe, inside a word: McCune-Reischauer writes Ch'oe Hyŏn-u."""


@lru_cache(maxsize=100_000)
def _prepare(name: str, truncated: bool, split_family: bool = True) -> PreparedName:
    text = _MRZ_FILLER.sub(" ", name) if "<" in name else name
    if any(char.isdigit() for char in text):
        text = _ORDINAL.sub(" ", text)
        text = _OCR_DIGITS.sub(lambda found: found.group().translate(_DIGIT_LETTERS), text)
    readings, script = read_name(_strip_marks(text), split_family=split_family)
    words: list[tuple[str, str, str]] = []
    hyphenated: set[str] = set()
    for hand, segment, word_script in readings:
        pieces = [piece for piece in _SPLIT.split(hand) if piece]
        if len(pieces) == 1 and segment:
            words.append((pieces[0], segment, word_script.value))
        else:
            words.extend((piece, "", "") for piece in pieces)
            if "-" in hand and len(pieces) > 1:
                hyphenated.update(pieces)
    # A one-letter "particle" (Spanish y, Portuguese e) is an initial outside Latin script.
    joining = PARTICLES if script is Script.LATIN else _LONG_PARTICLES
    words = _theophoric(words)
    particles = tuple(word for word, _, _ in words if word in joining)
    kept = [item for item in words if item[0] not in joining and not _is_title(item)]
    if not kept:  # a name made only of particles ("De La") is still a name
        kept = [item for item in words if not _is_title(item)] or words
    written = _icao_spellings(text) if script is Script.LATIN else {}
    roles = _korean_roles(kept) if script is Script.HANGUL else {}
    parts = tuple(
        _part(
            *item,
            written=written.get(item[0], ""),
            korean=roles.get(number, ""),
            piece=item[0] in hyphenated,
        )
        for number, item in enumerate(kept)
    )
    joined = "".join(part.simple for part in parts)
    return PreparedName(
        original=name,
        script=script,
        parts=parts,
        particles=particles,
        joined=sys.intern(joined),
        joined_skeleton=sys.intern("".join(part.skeleton for part in parts)),
        is_abjad=script in ABJADS,
        truncated=truncated,
    )


def _korean_roles(words: list[tuple[str, str, str]]) -> dict[int, str]:
    """Which word is the family name and which the given name of a Korean name in Hangul:
    a known family name and a given name of one or two syllables, in either order."""
    if len(words) != 2 or not all(is_hangul(segment) for _, segment, _ in words):
        return {}
    for family in (0, 1):
        surname, given = words[family][1], words[1 - family][1]
        if surname in FAMILY_SPELLINGS and 1 <= len(given) <= 2:
            return {family: "family", 1 - family: "given"}
    return {}


def _is_title(word: tuple[str, str, str]) -> bool:
    """A title typed in Latin letters ("Dr", "Mrs"), not a native word whose reading looks
    like one (عمر read without vowels is "mr")."""
    if word[1]:
        return word[1].casefold() in NATIVE_STYLES
    return word[0] in TITLES or word[0] in STYLES


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "å": "aa"})


def _icao_spellings(text: str) -> dict[str, str]:
    """Each word of a Latin name written with an umlaut, as marks stripped read it
    ("jorg"), and as ICAO 9303 transliterates it ("joerg")."""
    if text.isascii():
        return {}
    folded = unicodedata.normalize("NFC", text).lower()
    if folded == (expanded := folded.translate(_UMLAUTS)):
        return {}
    plain = _SPLIT.split(_strip_marks(folded))
    spelt = _SPLIT.split(_strip_marks(expanded))
    if len(plain) != len(spelt):
        return {}
    return {one: other for one, other in zip(plain, spelt, strict=True) if one != other}


@lru_cache(maxsize=200_000)
def _part(
    word: str,
    segment: str = "",
    script: str = "",
    *,
    written: str = "",
    korean: str = "",
    piece: bool = False,
) -> NamePart:
    learned = read_word(segment, script)[:MAX_LEARNED] if segment else ()
    if script == "cyrillic":
        learned = (*learned, *french_and_german(segment))
    elif script == "hebrew" and segment in HEBREW_NAMES:
        learned = (HEBREW_NAMES[segment], *learned)
    variants = (*readings(word)[:MAX_VARIANTS], *learned)
    forms = tuple(
        dict.fromkeys(
            (sys.intern(simplify(v)), sys.intern(skeleton(v)), sys.intern(vowelled(v)))
            for v in variants
        )
    )
    skeletons = tuple(dict.fromkeys(form[1] for form in forms))
    return NamePart(
        sys.intern(word),
        forms[0][0],
        forms[0][1],
        forms[0][2],
        segment,
        script,
        forms,
        skeletons,
        tuple(dict.fromkeys(voiced(variant) for variant in spellings(word))),
        _unglued(word),
        sys.intern(written),
        korean,
        piece,
    )


_GLUE = "al el ben bin ibn de del dela della van vanden vander von le la di da dos das du"
_GLUED = tuple(sorted(_GLUE.split(), key=len, reverse=True))
_THEOPHORIC_PREFIXES = ("oluwa", "olu", "chukwu", "chi")
"""Yoruba Oluwa-, Olu- (God) and Igbo Chukwu-, Chi- (God): the short name is what follows
(Oluwaseun is Seun, Olufemi Femi, Chukwuemeka Emeka, Chiamaka Amaka)."""
_VOWELS = frozenset("aeiouy")


_OCR_DIGITS = re.compile(r"\b(?=\w*[^\W\d_])\w+\b")
"""A word with letters in it: its digits are letters a reader misread (K0EHLER, Y0K0)."""
_DIGIT_LETTERS = str.maketrans("0158", "OISB")

_ABD = re.compile(r"^abd(?:el|ul|al|ol|oul|ou|il)?$")
_ABD_GLUED = re.compile(r"^abd(?:el|ul|al|ol|oul|ou|il|u|e|o)(?=[a-z]{4,}$)")


_ALLAH = re.compile(r"^[aueo]?(?:llah?|lah)$")
"""Allah after Abd, as romanisations write it: Abd Allah, Abdul Lah, Abdu-llah."""
_ABD_ALLAH = re.compile(r"^abd(?:ou|u|a|e|o)?(?:llah?|lah)$")
"""Abdullah, Abdallah, Abdulla, Abdellah, Abdollah: Abd and Allah in one word."""
_ALLAH_NATIVE = frozenset({"الله", "لله", "له"})
"""الله, and what is left of it once the article is read apart."""


def _theophoric(words: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """ "Abdel Rahman", "Abdul Rahman", "Abd al-Rahman" are one name: read the servant-of
    word as "abd" and drop the article after it. Allah after it reads "allah" however it
    is spelt or written (Abdullah, Abd Allah, عبد الله)."""
    out: list[tuple[str, str, str]] = []
    for word, segment, script in words:
        after_abd = bool(out) and (out[-1][0] == "abd" or out[-1][1] == "عبد")
        if after_abd and word in ("al", "el", "ul", "ar", "as", "an"):
            continue
        if after_abd and (segment in _ALLAH_NATIVE or (not segment and _ALLAH.match(word))):
            # A native الله is still read by the learned table, as the whole word.
            out.append(("allah", "الله" if segment else "", script))
            continue
        if not segment and _ABD_ALLAH.match(word):
            out.extend((("abd", "", script), ("allah", "", script)))
            continue
        if segment.startswith("عبد") and segment[3:] in _ALLAH_NATIVE:
            out.extend((("abd", "عبد", script), ("allah", "الله", script)))
            continue
        glued = _ABD_GLUED.match(word) if not segment else None
        if glued is not None:  # "Abdulrahman" is Abd al-Rahman
            out.extend((("abd", "", script), (word[glued.end() :], "", script)))
        else:
            out.append(("abd", segment, script) if _ABD.match(word) else (word, segment, script))
    return out


def _unglued(word: str) -> str:
    """The word without a particle glued to its front ("delacruz" -> "cruz", "benali" ->
    "ali", "alhashimi" -> "hashimi", "deluca" -> "luca") or without a Yoruba or Igbo
    theophoric prefix ("oluwaseun" -> "seun"), or "" when none is."""
    rest = word
    while (particle := _glued_particle(rest)) is not None:
        rest = rest[len(particle) :]
    if rest == word and word.isalpha():
        prefix = next((p for p in _THEOPHORIC_PREFIXES if word.startswith(p)), None)
        if prefix is not None and len(word) - len(prefix) >= 4:
            rest = word[len(prefix) :]
    return simplify(rest) if rest != word else ""


def _glued_particle(word: str) -> str | None:
    """The particle glued to the front of ``word``, leaving a name of 3 letters (4 after a
    two-letter particle): the longest that leaves a consonant first ("de" in "deluca", not
    "del"; "della" in "dellarosa"), else the longest."""
    found = [
        particle
        for particle in _GLUED
        if word.startswith(particle)
        and len(word) - len(particle) >= (3 if len(particle) > 2 else 4)
        and word[len(particle) :].isalpha()
    ]
    if not found:
        return None
    return next((p for p in found if word[len(p)] not in _VOWELS), found[0])


HEBREW_NAMES = {
    "משה": "moshe", "יעקב": "yaakov", "יצחק": "yitzhak", "אברהם": "avraham", "דוד": "david",
    "יוסף": "yosef", "שלמה": "shlomo", "שמואל": "shmuel", "אליהו": "eliyahu",
    "יוחנן": "yohanan", "שרה": "sarah", "רחל": "rachel", "מרים": "miriam", "חנה": "hannah",
    "רבקה": "rivka", "לאה": "leah", "יהודה": "yehuda", "בנימין": "binyamin", "אהרן": "aharon",
    "אהרון": "aharon", "מיכאל": "michael", "גבריאל": "gabriel", "דניאל": "daniel",
    "חיים": "chaim", "נתן": "natan", "שמעון": "shimon", "ראובן": "reuven", "יונה": "yona",
    "אליעזר": "eliezer", "יהושע": "yehoshua", "אסתר": "esther", "רות": "ruth",
    "יוחאי": "yochai", "אלעזר": "elazar", "זכריה": "zecharia", "מתתיהו": "matityahu",
    "פנחס": "pinchas", "ישראל": "israel", "עמנואל": "emanuel", "אליזבת": "elizabeth",
    "יהונתן": "yehonatan", "ישעיהו": "yeshayahu", "שאול": "shaul", "נחום": "nachum",
    "זיו": "ziv", "אורי": "uri", "נועה": "noa", "כהן": "cohen", "לוי": "levi",
    "מזרחי": "mizrahi", "פרץ": "peretz", "ביטון": "biton", "דהן": "dahan", "כץ": "katz",
    "אזולאי": "azoulay", "פרידמן": "friedman", "שפירא": "shapira", "אוחיון": "ohayon",
}  # fmt: skip
"""The commonest Hebrew given and family names as they are usually spelt, which the
learned table reads without their vowels (משה is read msha, כהן khn): the nickname groups
know Moshe as Moses and Musa."""

MAX_VARIANTS = 2
"""Readings kept of a part's own spelling (itself and its likeliest other reading)."""
MAX_LEARNED = 3
"""Learned readings kept of a native word."""


def _strip_marks(text: str) -> str:
    """Drop combining marks of Latin, Greek and Cyrillic letters (é -> e, ё -> е); keep
    those of scripts where marks are letters (Devanagari, Thai, Hangul jamo)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and ord(kept[-1]) < 0x0530:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
