"""Composing full names from the culture tables: native form, aliases, passport form."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from frontline.domain.records import Sex
from frontline.synth.names import CULTURES, RESERVED_SURNAMES, Culture, NameOrder, NamePart
from frontline.synth.randomness import Weighted

__all__ = [
    "CULTURE_WEIGHTS",
    "ComposedName",
    "compose_name",
    "culture_for_country",
    "draw_name",
    "fold_ascii",
    "romanisations",
]

MAX_ALIASES = 6

CULTURE_WEIGHTS: Weighted[Culture] = Weighted((culture, culture.weight) for culture in CULTURES)
_BY_COUNTRY = {country: culture for culture in CULTURES for country in culture.countries}
_FOLD = str.maketrans(
    {"ß": "ss", "Đ": "D", "đ": "d", "ı": "i", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o"}
)


@dataclass(frozen=True, slots=True)
class ComposedName:
    """A full name as a notice and a passport carry it.

    ``name`` is in the culture's own script; ``aliases`` are its usual romanisations and
    variants; ``surname`` and ``given_names`` are the passport's Latin form (the MRZ source;
    a mononym has it all in ``surname``, ICAO 9303 Part 3, 4.6).
    """

    name: str
    aliases: tuple[str, ...]
    surname: str
    given_names: str


def fold_ascii(text: str) -> str:
    """``text`` without diacritics: ``"Müller"`` -> ``"Muller"``, ``"Đặng"`` -> ``"Dang"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def romanisations(part: NamePart) -> tuple[str, ...]:
    """The Latin forms of ``part``, the passport form first, without repeats."""
    forms = [part.native] if part.native.isascii() else []
    forms.extend(part.latin)
    folded = fold_ascii(part.native)
    if folded.isascii():
        forms.append(folded)
    if not forms:
        raise ValueError(f"no romanisation for {part.native!r}")
    return tuple(dict.fromkeys(forms))


def culture_for_country(country: str) -> Culture:
    """The naming culture of people from ``country``; English where none is listed."""
    return _BY_COUNTRY.get(country, _BY_COUNTRY["GBR"])


def compose_name(
    culture: Culture, given: NamePart | None, surnames: tuple[NamePart, ...]
) -> ComposedName:
    """Join parts in the culture's order, in its script and in every romanisation."""
    given_forms = romanisations(given) if given else ("",)
    surname_forms = [romanisations(part) for part in surnames]
    order = culture.order
    native_family = " ".join(part.native for part in surnames)
    native_given = given.native if given else ""
    if order is NameOrder.FAMILY_FIRST_JOINED:
        native = native_family + native_given
    else:
        native = _join(order, native_given, native_family)
    variants = max([len(given_forms), *(len(forms) for forms in surname_forms)])
    aliases: list[str] = []
    for index in range(variants):
        family = " ".join(forms[min(index, len(forms) - 1)] for forms in surname_forms)
        aliases.append(_join(order, given_forms[min(index, len(given_forms) - 1)], family))
    passport_family = " ".join(forms[0] for forms in surname_forms)
    aliases.extend(_extra_aliases(culture, given, surnames, surname_forms))
    unique = [alias for alias in dict.fromkeys(aliases) if alias != native]
    return ComposedName(
        name=native,
        aliases=tuple(unique[:MAX_ALIASES]),
        surname=passport_family,
        given_names=given_forms[0],
    )


def draw_name(
    rng: random.Random, culture: Culture, sex: Sex, *, reserved: bool = False
) -> ComposedName:
    """A random name of ``culture`` for a person of ``sex``.

    ``reserved`` draws from the surnames that no notice uses (clean travellers), and never
    gives a mononym.
    """
    given_pool = _given_pool(culture, sex, rng)
    given = rng.choice(given_pool)
    if not reserved and rng.randrange(1000) < culture.mononym_per_mille:
        mononym = compose_name(culture, given, ())
        return ComposedName(mononym.name, mononym.aliases, mononym.given_names, "")
    pool = _surname_pool(culture, sex, reserved=reserved)
    count = 2 if culture.double_surname else 1
    return compose_name(culture, given, tuple(rng.sample(pool, count)))


def _given_pool(culture: Culture, sex: Sex, rng: random.Random) -> tuple[NamePart, ...]:
    if sex is Sex.MALE:
        return culture.male
    if sex is Sex.FEMALE:
        return culture.female
    return culture.male if rng.random() < 0.5 else culture.female


def _surname_pool(culture: Culture, sex: Sex, *, reserved: bool) -> tuple[NamePart, ...]:
    surnames = culture.surnames
    if sex is Sex.FEMALE and culture.female_surnames:
        surnames = culture.female_surnames
    if reserved:
        return surnames[-RESERVED_SURNAMES:]
    return surnames[:-RESERVED_SURNAMES]


def _join(order: NameOrder, given: str, family: str) -> str:
    if not family:
        return given
    if not given:
        return family
    if order is NameOrder.GIVEN_FIRST:
        return f"{given} {family}"
    return f"{family} {given}"


def _extra_aliases(
    culture: Culture,
    given: NamePart | None,
    surnames: tuple[NamePart, ...],
    surname_forms: list[tuple[str, ...]],
) -> list[str]:
    """Aliases beyond the variant spellings: other name orders, the surname people go by."""
    if given is None or not surnames:
        return []
    given_form = romanisations(given)[0]
    extra: list[str] = []
    if culture.order is not NameOrder.GIVEN_FIRST:
        extra.append(f"{given_form} {surname_forms[0][0]}")  # western order: "Wei Wang"
    if culture.double_surname and len(surnames) > 1:
        extra.append(f"{given_form} {surname_forms[culture.principal_surname][0]}")
        extra.append(f"{given_form} {'-'.join(forms[0] for forms in surname_forms)}")
    if given.reading and all(part.reading for part in surnames):
        family = " ".join(part.reading for part in surnames)
        extra.append(f"{family} {given.reading}")  # kana, family first: "サトウ ケン"
    return extra
