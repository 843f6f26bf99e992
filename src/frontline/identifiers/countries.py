"""Country codes as travel documents carry them: ISO 3166-1 alpha-3 plus ICAO 9303 codes.

Three kinds of code:

- *known*: current ISO 3166-1 alpha-3 codes and the ICAO 9303 Part 3 codes that are not in
  ISO (``D`` for Germany, ``GBN``, ``XXA``, ``UTO`` ...). A document issued today carries these.
- *retired*: ISO codes withdrawn from 3166-1 (``YUG``, ``CSK``, ``SUN`` ...). Old documents
  and old records still carry them, so records may name them, but an MRZ carrying one gets a
  warning.
- *unknown*: everything else. ``canonical_country`` refuses it; the MRZ parser warns.

Matching keys use one form per country: ``D`` and ``DEU`` are both ``DEU``.
"""

from __future__ import annotations

import pycountry

from frontline.errors import InvalidInput

__all__ = [
    "canonical_country",
    "country_key",
    "country_name",
    "is_known_country",
    "is_retired_country",
]

# pycountry follows ISO 3166 only; the codes below exist in ICAO 9303 Part 3, section 5, and
# in no ISO list, so their names are written here by hand.
_ICAO_CODES = {
    "D": "Germany",
    "EUE": "European Union",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "RKS": "Republic of Kosovo",
    "UNA": "Specialized agency of the United Nations",
    "UNK": "Resident of Kosovo (travel document issued by UNMIK)",
    "UNO": "United Nations Organization",
    "UTO": "Utopia (ICAO specimen documents)",
    "XBA": "African Development Bank",
    "XCC": "Caribbean Community (CARICOM)",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa (COMESA)",
    "XDC": "Southern African Development Community",
    "XEC": "Economic Community of West African States (ECOWAS)",
    "XES": "Organisation of Eastern Caribbean States",
    "XIM": "African Export-Import Bank",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta",
    "XPO": "International Criminal Police Organization (INTERPOL)",
    "XXA": "Stateless person (1954 Convention)",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other than under the 1951 Convention)",
    "XXX": "Person of unspecified nationality",
}

# ICAO codes that name the same country as an ISO code: matching keys use the ISO form, so a
# record entered as DEU hits a German MRZ reading D<<.
_ALIASES = {"D": "DEU"}

_CURRENT = {country.alpha_3: country.name for country in pycountry.countries}
_KNOWN = {**_CURRENT, **_ICAO_CODES}
_RETIRED = {
    country.alpha_3: country.name
    for country in pycountry.historic_countries
    if country.alpha_3 not in _KNOWN
}
_ALPHA_2 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
_KEYS = {code: _ALIASES.get(code, code) for code in (*_KNOWN, *_RETIRED)}
_KEYS.update(_ALPHA_2)


def _clean(code: str) -> str:
    """Upper case, without surrounding spaces or MRZ fillers (``D<<`` is ``D``)."""
    return code.strip().strip("<").upper()


def is_known_country(code: str) -> bool:
    """Whether ``code`` is a current ISO 3166-1 alpha-3 code or an ICAO 9303 code."""
    return _clean(code) in _KNOWN


def is_retired_country(code: str) -> bool:
    """Whether ``code`` is an alpha-3 code withdrawn from ISO 3166-1 (``YUG``, ``CSK``)."""
    return _clean(code) in _RETIRED


def country_name(code: str) -> str | None:
    """The English name of a known or retired code, or ``None``."""
    cleaned = _clean(code)
    return _KNOWN.get(cleaned) or _RETIRED.get(cleaned)


def country_key(code: str) -> str:
    """The form used in matching keys (``D`` -> ``DEU``, ``de`` -> ``DEU``); never raises.

    An unknown code comes back stripped and upper-cased, so it still matches itself.
    """
    # Every check derives keys from a country code: known codes are answered from a table.
    found = _KEYS.get(code)
    if found is not None:
        return found
    cleaned = _clean(code)
    return _KEYS.get(cleaned, cleaned)


def canonical_country(code: str, *, field: str = "country") -> str:
    """The matching-key form of a known, retired or ISO alpha-2 code; refuses unknown codes."""
    cleaned = _clean(code)
    if cleaned not in _KEYS:
        raise InvalidInput.for_field(
            field, f"{code!r} is not an ISO 3166 or ICAO 9303 country code"
        )
    return _KEYS[cleaned]
