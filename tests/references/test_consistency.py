"""Which specimen a document claims to be, the alerts that apply, and the consistency
warnings (pure): number format, issue date and series, validity period, MRZ vs visual."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontline.domain.dates import PartialDate
from frontline.domain.queries import DocumentQuery
from frontline.domain.records import DocumentType, Sex
from frontline.domain.specimens import Alert, Specimen, parse_alert, parse_specimen
from frontline.errors import InvalidInput
from frontline.screening.consistency import reference_for
from frontline.screening.requests import parse_check_request
from frontline.synth import build_mrz

TODAY = dt.date(2026, 11, 21)


def specimen(series: str = "2016", **fields: Any) -> Specimen:
    raw = {
        "id": f"SPC-FRA-P-{series}",
        "country": "FRA",
        "document_type": "passport",
        "series": series,
        "valid_from": "2016-01-01",
        "number_format": "[0-9]{2}[A-Z]{2}[0-9]{5}",
        "validity": {"adult_years": 10, "minor_years": 5},
        **fields,
    }
    return parse_specimen(raw, owner="FRA")


OLD = specimen("2006", valid_from="2006-06-01", valid_to="2015-12-31")
NEW = specimen("2016")
CARD = specimen("2019", document_type="id_card", number_format="[A-Z0-9]{12}")
ALERTS = (
    parse_alert(
        {
            "id": "ALR-1",
            "country": "FRA",
            "document_type": "passport",
            "series": ["2016"],
            "issued_on": "2026-10-01",
            "title": "Printed portraits",
            "look_for": "Dots under a loupe",
        },
        owner="FRA",
    ),
    parse_alert(
        {
            "id": "ALR-2",
            "country": "FRA",
            "document_type": "id_card",
            "issued_on": "2026-09-01",
            "title": "Relaminated",
            "look_for": "Flat tactile element",
        },
        owner="FRA",
    ),
)


def check(
    number: str = "19AB12345",
    issued: str | None = None,
    expires: str | None = None,
    born: str | None = None,
    kind: DocumentType | None = DocumentType.PASSPORT,
) -> tuple[Specimen | None, tuple[Alert, ...], list[str]]:
    query = DocumentQuery(
        number=number,
        entered=number,
        country="FRA",
        type=kind,
        issue_date=dt.date.fromisoformat(issued) if issued else None,
        expiry_date=dt.date.fromisoformat(expires) if expires else None,
    )
    birth = PartialDate.parse(born) if born else None
    reference, warnings = reference_for(query, (OLD, NEW, CARD), ALERTS, birth_date=birth)
    return reference.specimen, reference.alerts, [warning.code for warning in warnings]


def test_the_series_in_issue_on_the_issue_date_is_the_specimen_with_its_alerts() -> None:
    assert check(issued="2012-03-01", expires="2022-03-01") == (OLD, (), [])
    assert check(issued="2019-03-01", expires="2029-02-28") == (NEW, (ALERTS[0],), [])
    assert check() == (NEW, (ALERTS[0],), [])  # no date: the newest series of that format


def test_a_number_without_a_type_finds_the_passport_first_and_a_card_number_the_card() -> None:
    assert check(kind=None)[0] is NEW
    card, alerts, warnings = check("AB12CD34EF56", kind=None)
    assert (card, alerts, warnings) == (CARD, (ALERTS[1],), [])


def test_a_number_no_series_uses_is_a_number_format_warning() -> None:
    chosen, _, warnings = check("X1234567", issued="2019-03-01")
    assert chosen is NEW
    assert warnings == ["number_format"]


def test_an_issue_date_before_the_series_or_after_it_ended_is_a_warning() -> None:
    assert check(issued="2004-01-01")[2] == ["issued_before_series"]
    assert check(issued="2004-01-01")[0] is OLD
    late = specimen("2006", valid_from="2006-06-01", valid_to="2015-12-31", id="ONLY")
    query = DocumentQuery(
        number="19AB12345",
        entered="19AB12345",
        country="FRA",
        type=DocumentType.PASSPORT,
        issue_date=dt.date(2017, 1, 1),
    )
    _, warnings = reference_for(query, (late,), (), birth_date=None)
    assert [warning.code for warning in warnings] == ["issued_after_series"]


@pytest.mark.parametrize(
    ("born", "issued", "expires", "warned"),
    [
        ("1980-05-01", "2019-03-01", "2029-03-01", False),  # adult, 10 years
        ("1980-05-01", "2019-03-01", "2029-02-28", False),  # the day before is allowed
        ("1980-05-01", "2019-03-01", "2024-03-01", True),  # an adult's card for 5 years
        ("2010-05-01", "2019-03-01", "2024-03-01", False),  # a minor, 5 years
        ("2010-05-01", "2019-03-01", "2029-03-01", True),  # a minor's for 10 years
        ("2001", "2019-03-01", "2024-03-01", False),  # 17 or 18 at issue: either rule
        (None, "2019-03-01", "2024-03-01", False),  # age unknown: either rule
        (None, "2019-03-01", "2027-03-01", True),  # 8 years fits no rule
    ],
)
def test_the_validity_period_follows_the_rule_for_the_holders_age(
    born: str | None, issued: str, expires: str, warned: bool
) -> None:
    _, _, warnings = check(issued=issued, expires=expires, born=born)
    assert ("validity_period" in warnings) is warned


def test_bad_specimens_are_refused_naming_every_field() -> None:
    raw = {
        "id": "bad id!",
        "country": "ZZZ",
        "document_type": "scroll",
        "series": "",
        "valid_from": "2016-13-01",
        "number_format": "([A-Z]+)+",
        "validity": {"adult_years": 99},
        "colour": "blue",
    }
    with pytest.raises(InvalidInput) as caught:
        parse_specimen(raw, owner="FRA")
    fields = {error.field for error in caught.value.errors}
    assert fields >= {
        "id",
        "country",
        "document_type",
        "series",
        "valid_from",
        "number_format",
        "validity.adult_years",
        "colour",
    }


def _mrz(number: str = "19AB12345", expiry: dt.date = dt.date(2029, 3, 1)) -> list[str]:
    return list(
        build_mrz(
            document_type=DocumentType.PASSPORT,
            document_number=number,
            issuing_country="FRA",
            nationality="FRA",
            surname="DUPONT",
            given_names="JEAN",
            birth_date=dt.date(1980, 5, 1),
            sex=Sex.MALE,
            expiry_date=expiry,
        )
    )


def _warnings(raw: dict[str, Any]) -> dict[str, str]:
    request = parse_check_request(raw, today=TODAY)
    return {w.field: w.message for w in request.warnings if w.code == "mrz_visual_mismatch"}


def test_the_mrz_and_the_visual_zone_that_agree_give_no_warning_and_one_document() -> None:
    raw = {
        "mrz": _mrz(),
        "document": {"number": "19AB 12345", "country": "FRA", "expiry_date": "2029-03-01"},
        "person": {"name": "Jean Dupont", "birth_date": "1980-05-01"},
    }
    assert _warnings(raw) == {}
    request = parse_check_request({**raw, "document": {**raw["document"]}}, today=TODAY)
    assert len(request.documents) == 1


def test_the_mrz_and_the_visual_zone_that_disagree_are_named_field_by_field() -> None:
    raw = {
        "mrz": _mrz(),
        "document": {"number": "19AB12346", "country": "FRA", "expiry_date": "2030-03-01"},
        "person": {"name": "Pierre Martin", "birth_date": "1981-05-01"},
    }
    found = _warnings(raw)
    assert set(found) == {
        "document.number",
        "document.expiry_date",
        "person.name",
        "person.birth_date",
    }
    assert "19AB12346" in found["document.number"]
    assert "19AB12345" in found["document.number"]


class _Shelves:
    """A store of the three specimens and two alerts above, for the catalogue."""

    def specimens(self) -> list[Specimen]:
        return [OLD, NEW, CARD]

    def alerts(self) -> list[Alert]:
        return list(ALERTS)

    def stamp(self) -> tuple[int]:
        return (1,)


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        ("19AB12345", DocumentType.PASSPORT),
        ("19AB12345", None),
        ("AB12CD34EF56", None),
        ("AB12CD34EF56", DocumentType.ID_CARD),
        ("X1", DocumentType.PASSPORT),
        ("X1", None),
        ("19AB12345", DocumentType.VISA),
    ],
)
def test_the_catalogues_fast_path_gives_what_reference_for_gives(
    number: str, kind: DocumentType | None
) -> None:
    from frontline.references.catalogue import Catalogue

    catalogue = Catalogue(_Shelves(), refresh_seconds=3600)
    catalogue.reload()
    request = parse_check_request(
        {"document": {"number": number, "country": "FRA", **({"type": kind} if kind else {})}},
        today=TODAY,
    )
    found = catalogue.references(request)
    assert found is not None
    references, warnings = found
    expected, problems = reference_for(
        request.documents[0], (OLD, NEW, CARD), ALERTS, birth_date=None
    )
    assert references == (expected,)
    assert list(warnings) == problems
