"""Property tests for the public person formats (FollowTheMoney entities, the notices API's
JSON): any JSON document gives, per entity, a person row, a skip or a refusal naming the
field, and a row they give is then valid or refused by the row validator with InvalidInput."""

from __future__ import annotations

import contextlib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput
from frontline.records.formats import PublicSource, Refusal, Skip, SourceFormat
from frontline.records.kinds import build_row

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
FTM_PROPERTIES = st.dictionaries(
    st.sampled_from(
        [
            "name",
            "firstName",
            "lastName",
            "alias",
            "birthDate",
            "gender",
            "nationality",
            "citizenship",
            "topics",
            "passportNumber",
            "idNumber",
            "notes",
            "weakAlias",
        ]
    ),
    st.lists(SCALARS, max_size=3) | SCALARS,
    max_size=6,
)
FTM = st.fixed_dictionaries(
    {"schema": st.sampled_from(["Person", "Company", "", 3]), "properties": FTM_PROPERTIES | JSON},
    optional={"id": SCALARS, "datasets": JSON, "target": st.booleans()},
)
TEXTS = st.lists(st.text(max_size=20), min_size=1, max_size=3)
# Near a real entity: a Person with an id and names, the rest as above.
FTM_PERSON = st.fixed_dictionaries(
    {
        "schema": st.just("Person"),
        "id": st.text(min_size=1, max_size=70),
        "properties": st.fixed_dictionaries(
            {"name": TEXTS},
            optional={
                "birthDate": TEXTS,
                "nationality": TEXTS,
                "gender": TEXTS,
                "alias": TEXTS,
                "passportNumber": TEXTS,
                "topics": TEXTS,
            },
        ),
    },
    optional={"datasets": TEXTS},
)
NOTICE_KEYS = [
    "entity_id",
    "forename",
    "name",
    "date_of_birth",
    "sex_id",
    "nationalities",
    "forename_in_original_script",
    "name_in_original_script",
    "arrest_warrants",
    "_links",
]
NOTICE = st.dictionaries(st.sampled_from(NOTICE_KEYS), JSON, max_size=8) | st.fixed_dictionaries(
    {
        "entity_id": st.from_regex(r"20[0-9]{2}/[0-9]{1,6}", fullmatch=True),
        "name": st.text(max_size=20),
    },
    optional={
        "forename": st.text(max_size=20),
        "date_of_birth": st.text(max_size=12),
        "sex_id": st.sampled_from(["M", "F", "U", "Z"]),
        "nationalities": st.lists(st.text(max_size=3), max_size=3) | JSON,
        "_links": st.just({"self": {"href": "https://example.org/notices/v1/red/2026-1"}}),
    },
)
PAGE = st.fixed_dictionaries(
    {"_embedded": st.fixed_dictionaries({"notices": st.lists(NOTICE, max_size=3) | JSON})},
    optional={"_links": JSON},
)


def _rows_of(source: PublicSource, document: Any) -> None:
    for outcome in source.people(document):
        if isinstance(outcome, Refusal):
            assert outcome.errors
        elif not isinstance(outcome, Skip):
            with contextlib.suppress(InvalidInput):
                build_row(RecordKind.PERSONS, outcome)


@settings(max_examples=200, deadline=None)
@given(FTM_PERSON | FTM | st.lists(FTM_PERSON | FTM, max_size=3) | JSON)
def test_any_followthemoney_document_reads_entity_by_entity(document: Any) -> None:
    _rows_of(PublicSource(SourceFormat.FTM, "FRA"), document)


@settings(max_examples=200, deadline=None)
@given(NOTICE | PAGE | JSON)
def test_any_notices_document_reads_notice_by_notice(document: Any) -> None:
    _rows_of(PublicSource(SourceFormat.INTERPOL, "FRA"), document)
