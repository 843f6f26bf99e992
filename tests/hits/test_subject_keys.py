"""Subject keys name one traveller the same way however the check spelled them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import (
    Suppression,
    canonical_subject_key,
    document_subject_key,
    fold_name,
    name_subject_key,
    subject_key_for,
    subject_keys,
)
from frontline.errors import Conflict, InvalidInput

AT = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "spelling",
    [
        "PETROVA<<ANNA",
        "Anna Petrova",
        "Анна Петрова",
        "Петрова Анна",
        "  anna   PETROVA ",
        "ＡＮＮＡ Petrova",
    ],
)
def test_one_name_in_every_script_order_and_mrz_form_gives_one_key(spelling: str) -> None:
    assert name_subject_key(name=spelling, birth_date="1974-08-12") == (
        "name:anna petrova|1974-08-12"
    )


@pytest.mark.parametrize(
    ("typed", "mrz"),
    [("Seán O'Brien", "OBRIEN<<SEAN"), ("Jean-Paul Dupont", "DUPONT<<JEAN<PAUL")],
)
def test_apostrophes_are_dropped_and_hyphens_split_as_in_the_mrz(typed: str, mrz: str) -> None:
    assert fold_name(typed) == fold_name(mrz)


def test_another_birth_date_or_name_is_another_subject() -> None:
    anna = name_subject_key(name="Anna Petrova", birth_date="1974-08-12")
    assert name_subject_key(name="Anna Petrova", birth_date="1974-12-08") != anna
    assert name_subject_key(name="Anna Petrov", birth_date="1974-08-12") != anna
    assert name_subject_key(name="Anna Petrova") == "name:anna petrova|"


def test_a_partial_birth_date_is_kept_in_its_iso_form_and_a_bad_one_refused() -> None:
    assert name_subject_key(name="Anna Petrova", birth_date="1974-08-XX") == (
        "name:anna petrova|1974-08"
    )
    with pytest.raises(InvalidInput) as refused:
        name_subject_key(name="Anna Petrova", birth_date="12/08/1974")
    assert refused.value.errors[0].field == "birth_date"


def test_a_name_with_nothing_to_key_gives_no_key() -> None:
    assert name_subject_key(name="<<< --") is None


@pytest.mark.parametrize(
    ("country", "number"),
    [("FRA", "X1234567"), ("fra", "x 123-4567"), ("FR", "X1234567"), ("FRA", "X<1234567")],
)
def test_one_document_in_any_spelling_gives_one_key(country: str, number: str) -> None:
    assert document_subject_key(country=country, number=number) == "doc:FRA|X1234567"


def test_document_keys_fold_ocr_confusables_and_country_forms() -> None:
    assert document_subject_key(country="D", number="AB0O1") == "doc:DEU|A8001"
    assert document_subject_key(country="DEU", number="A8-001") == "doc:DEU|A8001"
    assert document_subject_key(country="de", number="a b o o 1") == "doc:DEU|A8001"


def test_the_keys_of_a_check_are_its_documents_then_its_name_without_duplicates() -> None:
    keys = subject_keys(
        name="Анна Петрова",
        birth_date="1974-08-12",
        documents=[("FRA", "X1234567"), ("fra", "x1234567"), ("RUS", "7512345")],
    )
    assert keys == ("doc:FRA|X1234567", "doc:RUS|7512345", "name:anna petrova|1974-08-12")
    assert subject_keys(name=None, birth_date="1974-08-12", documents=[]) == ()


def test_a_suppression_is_made_for_the_document_when_there_is_one() -> None:
    by_document = subject_key_for(
        name="Anna Petrova", document_number="X1234567", document_country="FRA"
    )
    assert by_document == "doc:FRA|X1234567"
    assert subject_key_for(name="PETROVA<<ANNA", birth_date="1974") == "name:anna petrova|1974"


@pytest.mark.parametrize(
    ("subject", "field"),
    [
        ({}, "subject"),
        ({"document_number": "X1"}, "subject.document"),
        ({"document_number": "X1", "document_country": "QQQ"}, "subject.document.country"),
    ],
)
def test_a_subject_without_enough_to_key_is_refused(subject: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        subject_key_for(**subject)
    assert refused.value.errors[0].field == field


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("doc:fra|x 123 4567", "doc:FRA|X1234567"),
        ("name:Петрова Анна|1974-08-12", "name:anna petrova|1974-08-12"),
        ("name:anna petrova|", "name:anna petrova|"),
    ],
)
def test_a_subject_key_given_by_hand_is_re_keyed(raw: str, canonical: str) -> None:
    assert canonical_subject_key(raw) == canonical


@pytest.mark.parametrize(
    "raw", ["anna petrova", "doc:FRA", "doc:|X1", "name:<<|1974", "person:x|y"]
)
def test_anything_but_a_doc_or_name_key_is_refused(raw: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_subject_key(raw)
    assert refused.value.errors[0].field == "subject_key"


def _suppression(**overrides: object) -> Suppression:
    fields: dict[str, object] = {
        "id": "sup_1",
        "subject_key": "name:anna petrova|1974-08-12",
        "record_kind": RecordKind.PERSONS,
        "record_id": "PER-1",
        "record_owner": "RUS",
        "reason": "Fingerprints differ",
        "created_by": "bureau-RUS",
        "created_at": AT,
        **overrides,
    }
    return Suppression(**fields)  # type: ignore[arg-type]


def test_a_suppression_needs_a_reason() -> None:
    with pytest.raises(InvalidInput):
        _suppression(reason="  ")


def test_reversing_keeps_the_decision_and_adds_who_when_why() -> None:
    first = _suppression()
    later = AT + dt.timedelta(days=1)
    undone = first.reversed(by="admin-1", at=later, reason="  New evidence  ")
    assert first.is_active
    assert not undone.is_active
    assert (undone.reason, undone.created_by) == (first.reason, first.created_by)
    assert (undone.reversed_by, undone.reversed_at, undone.reversed_reason) == (
        "admin-1",
        later,
        "New evidence",
    )
    with pytest.raises(Conflict):
        undone.reversed(by="admin-1", at=later, reason="again")
    with pytest.raises(InvalidInput):
        first.reversed(by="admin-1", at=later, reason="")


def test_the_subject_keys_import_without_any_io_package() -> None:
    forbidden = ["sqlalchemy", "fastapi", "starlette", "httpx", "uvicorn", "alembic", "psycopg"]
    script = (
        f"import sys\nfor name in {forbidden!r}: sys.modules[name] = None\n"
        "import frontline.domain.suppressions\nprint('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
