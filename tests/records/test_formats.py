"""Public person formats: FollowTheMoney entities and the notices API JSON.

The fixtures under ``fixtures/`` are synthetic people (no real person's data), written in
the shape OpenSanctions publishes its FtM entities and the notices API answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.domain.records import NoticeType, Person, RecordKind
from frontline.errors import ImportRefused, InvalidInput
from frontline.records.formats import (
    PublicSource,
    Refusal,
    Skip,
    SourceFormat,
    ftm_person,
    notice_person,
    public_source,
    record_id,
)
from frontline.records.importer import import_file
from frontline.records.kinds import build_row
from frontline.services import Services

FIXTURES = Path(__file__).parent / "fixtures"
FTM_FILE = FIXTURES / "persons.ftm.jsonl"
NOTICES_FILE = FIXTURES / "notices.jsonl"
RED_PAGE = FIXTURES / "notices-red-page.json"
API = "https://ws-public.interpol.int/notices/v1"


def entity(name: str | list[str] = "Всеволод Кравцов", **properties: Any) -> dict[str, Any]:
    """A synthetic FtM Person; ``schema``, ``datasets``, ``target`` and ``id`` may be given."""
    meta = {
        key: properties.pop(key)
        for key in ("schema", "datasets", "target", "id")
        if key in properties
    }
    names = [name] if isinstance(name, str) else name
    return {
        "id": meta.get("id", "syn-1"),
        "schema": meta.get("schema", "Person"),
        "properties": {"name": names, **{key: _listed(value) for key, value in properties.items()}},
        "datasets": meta.get("datasets", ["synthetic"]),
        **({"target": meta["target"]} if "target" in meta else {}),
    }


def notice(colour: str | None = "red", **fields: Any) -> dict[str, Any]:
    """A synthetic notice detail; ``colour`` None leaves out its ``_links``."""
    body: dict[str, Any] = {"entity_id": "2099/1", "forename": "ANA", "name": "LUNGU", **fields}
    if colour:
        body["_links"] = {"self": {"href": f"{API}/{colour}/2099-1"}}
    return body


def ftm(raw: Any, **options: Any) -> Any:
    return ftm_person(raw, owner="UTO", **options)


def api(raw: Any, **options: Any) -> Any:
    return notice_person(raw, owner="UTO", **options)


def _listed(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


def _fields(outcome: Any) -> set[str]:
    assert isinstance(outcome, Refusal), outcome
    return {error.field for error in outcome.errors}


# --- FollowTheMoney: fields ---------------------------------------------------------------


def test_a_cyrillic_person_keeps_its_name_and_latin_aliases() -> None:
    row = ftm(entity(alias=["Vsevolod Kravtsov", "Wsewolod Krawzow"], nationality="ru"))
    assert row["name"] == "Всеволод Кравцов"
    assert row["aliases"] == ["Vsevolod Kravtsov", "Wsewolod Krawzow"]
    assert row["nationalities"] == ["RUS"]
    assert row["id"] == "ftm:syn-1"
    assert row["owner"] == "UTO"


def test_the_first_name_value_is_the_name_and_the_others_aliases() -> None:
    row = ftm(entity(["سليم الفاروقي", "Salim al-Faruqi"], previousName="Salim Hadad"))
    assert row["name"] == "سليم الفاروقي"
    assert row["aliases"] == ["Salim al-Faruqi", "Salim Hadad"]


def test_first_and_last_name_make_a_name_when_there_is_none() -> None:
    row = ftm(entity([], firstName="Jonas", lastName="Vilkaitis"))
    assert row["name"] == "Jonas Vilkaitis"


def test_weak_aliases_are_kept_for_the_officer_but_never_matched() -> None:
    row = ftm(entity(weakAlias="Abu Nour"))
    assert "Abu Nour" not in row["aliases"]
    assert "weak aliases (not matched): Abu Nour" in row["reason"]


@pytest.mark.parametrize(
    ("dates", "kept"),
    [(["1974-08-12"], "1974-08-12"), (["1974-08"], "1974-08"), (["1974"], "1974")],
)
def test_full_and_partial_birth_dates_are_read(dates: list[str], kept: str) -> None:
    assert ftm(entity(birthDate=dates))["birth_date"] == kept


def test_of_several_birth_dates_the_first_is_kept_and_the_rest_told() -> None:
    row = ftm(entity(birthDate=["circa 1960", "1961-03-04", "1962"]))
    assert row["birth_date"] == "1961-03-04"
    assert "other birth dates: 1962" in row["reason"]
    assert "unreadable birth date: circa 1960" in row["reason"]


@pytest.mark.parametrize(("gender", "sex"), [("male", "M"), ("female", "F"), ("other", "X")])
def test_gender_becomes_sex(gender: str, sex: str) -> None:
    assert ftm(entity(gender=gender))["sex"] == sex


def test_conflicting_genders_leave_sex_unknown() -> None:
    row = ftm(entity(gender=["male", "female"]))
    assert row["sex"] == "U"
    assert "genders given: male, female" in row["reason"]


def test_nationality_and_citizenship_become_alpha_3_codes() -> None:
    row = ftm(entity(nationality=["iq", "suhh"], citizenship=["sy", "iq"]))
    assert row["nationalities"] == ["IRQ", "SUN", "SYR"]


def test_a_country_code_with_no_iso_equivalent_is_told_not_dropped() -> None:
    row = ftm(entity(nationality=["ru", "ge-ab"]))
    assert row["nationalities"] == ["RUS"]
    assert "nationality codes with no ISO equivalent: ge-ab" in row["reason"]


def test_passport_and_id_numbers_are_linked_to_the_only_nationality() -> None:
    row = ftm(entity(nationality="ru", passportNumber="75 1234567", idNumber="4509-123456"))
    assert row["documents"] == [
        {"number": "751234567", "issuing_country": "RUS", "type": "passport"},
        {"number": "4509123456", "issuing_country": "RUS", "type": "id_card"},
    ]


def test_with_several_nationalities_document_numbers_are_told_not_linked() -> None:
    row = ftm(entity(nationality=["iq", "sy"], passportNumber="A1234567"))
    assert row["documents"] == []
    assert "document numbers (issuing country unknown): A1234567" in row["reason"]


def test_aliases_beyond_fifty_are_told_not_kept() -> None:
    row = ftm(entity(alias=[f"Alias {n}" for n in range(55)]))
    assert len(row["aliases"]) == 50
    assert "alias beyond the first 50: Alias 54" in row["reason"]


def test_the_reason_starts_with_topics_notes_and_source() -> None:
    row = ftm(entity(topics=["wanted"], notes="Synthetic note.", sourceUrl="https://example.org/1"))
    assert row["reason"].startswith("topics: wanted; Synthetic note; datasets: synthetic")
    assert row["reason"].endswith("source: https://example.org/1")


# --- FollowTheMoney: notice type ----------------------------------------------------------


@pytest.mark.parametrize(
    ("topics", "datasets", "expected"),
    [
        (["crime", "wanted"], ["synthetic"], "red"),
        (["wanted"], ["synthetic"], "red"),
        ([], ["interpol_red_notices"], "red"),
        ([], ["interpol_yellow_notices"], "yellow"),
        (["sanction"], ["un_sc_sanctions", "eu_fsf"], "un_special"),
        (["sanction"], ["eu_fsf"], "nominal"),
        (["crime.terror"], ["synthetic"], "nominal"),
        (["role.pep"], ["synthetic"], "nominal"),
        ([], ["synthetic"], "nominal"),
    ],
)
def test_topics_and_datasets_choose_the_notice_type(
    topics: list[str], datasets: list[str], expected: str
) -> None:
    assert ftm(entity(topics=topics, datasets=datasets))["type"] == expected


def test_a_notice_type_given_by_the_caller_wins() -> None:
    row = ftm(entity(topics="wanted"), notice_type=NoticeType.DIFFUSION)
    assert row["type"] == "diffusion"


# --- FollowTheMoney: skips and refusals ---------------------------------------------------


@pytest.mark.parametrize("schema", ["Company", "Vessel", "Address", "Passport", "Sanction"])
def test_entities_that_are_not_persons_are_skipped(schema: str) -> None:
    assert ftm(entity("Synthetic Trading LLC", schema=schema)) == Skip(f"schema {schema}")


def test_a_person_that_is_not_a_target_is_skipped() -> None:
    assert isinstance(ftm(entity(target=False)), Skip)


def test_a_malformed_person_is_refused_naming_each_property() -> None:
    raw = entity(gender="unknown-value")
    raw["properties"]["name"] = "Ξανθή Ραπτοπούλου"
    raw["properties"]["birthDate"] = [19850412]
    assert _fields(ftm(raw)) == {"properties.name", "properties.birthDate", "properties.gender"}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ("not an object", "(entity)"),
        ({"id": "x", "properties": {}}, "schema"),
        ({"schema": "Person", "properties": {"name": ["Ana"]}}, "id"),
        ({"id": "x", "schema": "Person", "properties": {}}, "properties.name"),
        ({"id": "x", "schema": "Person", "properties": []}, "properties"),
    ],
)
def test_an_unreadable_entity_is_refused_naming_the_field(raw: Any, field: str) -> None:
    assert field in _fields(ftm(raw))


@pytest.mark.parametrize(
    "source_id", ["NK-2bUSYx8mS4Z8MEYwxoGfDt", "Q7747", "a" * 64, "id with spaces", "ид-1"]
)
def test_record_ids_keep_to_our_id_rules(source_id: str) -> None:
    made = record_id("ftm", source_id)
    assert build_row(RecordKind.PERSONS, {**ftm(entity()), "id": made})["id"] == made
    assert made == record_id("ftm", source_id)
    if len(source_id) < 40 and " " not in source_id and source_id.isascii():
        assert made == f"ftm:{source_id}"


# --- the notices API ----------------------------------------------------------------------


def test_a_red_notice_detail_becomes_a_red_person() -> None:
    row = api(
        notice(
            forename="MATÍAS EZEQUIEL",
            name="ZUBIRÍA OCAMPO",
            date_of_birth="1979/11/23",
            sex_id="M",
            nationalities=["AR"],
            arrest_warrants=[
                {"issuing_country_id": "AR", "charge": "Estafa", "charge_translation": "Fraud"}
            ],
        )
    )
    assert row["type"] == "red"
    assert row["id"] == "interpol:2099-1"
    assert row["name"] == "MATÍAS EZEQUIEL ZUBIRÍA OCAMPO"
    assert (row["birth_date"], row["sex"], row["nationalities"]) == ("1979-11-23", "M", ["ARG"])
    assert row["reason"] == "charges: Estafa / Fraud (warrant issued by AR)"


@pytest.mark.parametrize(
    ("raw", "kept"), [("1974/08/12", "1974-08-12"), ("1974/08", "1974-08"), ("1974", "1974")]
)
def test_notice_birth_dates_may_be_partial(raw: str, kept: str) -> None:
    assert api(notice(date_of_birth=raw))["birth_date"] == kept


@pytest.mark.parametrize(
    ("colour", "expected"), [("red", "red"), ("yellow", "yellow"), ("un/persons", "un_special")]
)
def test_the_notice_type_comes_from_its_link(colour: str, expected: str) -> None:
    assert api(notice(colour))["type"] == expected


def test_without_a_link_the_caller_gives_the_notice_type() -> None:
    assert api(notice(None), notice_type=NoticeType.YELLOW)["type"] == "yellow"
    assert _fields(api(notice(None))) == {"_links.self.href"}


def test_a_link_that_disagrees_with_the_caller_is_refused() -> None:
    refused = api(notice("yellow"), notice_type=NoticeType.RED)
    assert _fields(refused) == {"_links.self.href"}


def test_a_un_person_is_named_in_its_own_script_with_the_latin_as_alias() -> None:
    row = api(
        notice(
            "un/persons",
            forename="KHALID",
            name="RAHMATZAI",
            forename_in_original_script="خالد",
            name_in_original_script="رحمت‌زی",
            aliases=[{"forename": "Kaled", "name": "Rahmatzay"}],
        )
    )
    assert row["name"] == "خالد رحمت‌زی"
    assert row["aliases"] == ["KHALID RAHMATZAI", "Kaled Rahmatzay"]


def test_a_yellow_notice_tells_where_and_when_the_person_went_missing() -> None:
    row = api(notice("yellow", date_of_event="2025/06/30", place="Chiang Mai", country="TH"))
    assert row["reason"] == "missing since 2025-06-30 at Chiang Mai, TH"


def test_un_entities_and_nameless_notices_are_skipped() -> None:
    assert api(notice("un/entities")) == Skip("UN notice for an entity")
    assert api(notice(forename="-", name=None)) == Skip("notice without a name")


def test_a_malformed_notice_is_refused_naming_each_field() -> None:
    refused = api(notice(sex_id="Q", nationalities="MD", arrest_warrants=[{"charge": 7}]))
    assert _fields(refused) == {"sex_id", "nationalities", "arrest_warrants[0].charge"}


def test_a_list_page_gives_its_notice_type_and_paths_to_its_notices() -> None:
    page = {
        "total": 2,
        "_embedded": {"notices": [notice(None), notice(None, entity_id="2099/2", sex_id="Q")]},
        "_links": {"self": {"href": f"{API}/red?page=1"}},
    }
    source = PublicSource(SourceFormat.INTERPOL, "UTO")
    first, second = source.people(page)
    assert isinstance(first, dict)
    assert first["type"] == "red"
    assert _fields(second) == {"_embedded.notices[1].sex_id"}


def test_a_public_source_needs_an_owner_and_an_api_notice_type() -> None:
    with pytest.raises(InvalidInput, match="--owner"):
        public_source(SourceFormat.FTM, owner=None)
    with pytest.raises(InvalidInput, match="owner"):
        public_source(SourceFormat.FTM, owner="ZZZ")
    with pytest.raises(InvalidInput, match="notice_type"):
        public_source(SourceFormat.INTERPOL, owner="UTO", notice_type=NoticeType.BLUE)
    assert public_source(SourceFormat.INTERPOL, owner="de").owner == "DEU"


@pytest.mark.parametrize(("path", "format"), [(FTM_FILE, "ftm"), (NOTICES_FILE, "interpol")])
def test_every_mapped_fixture_row_is_a_valid_person_row(path: Path, format: str) -> None:
    source = public_source(SourceFormat(format), owner="UTO")
    rows = [
        outcome
        for line in path.read_bytes().splitlines()
        for outcome in source.people(orjson.loads(line))
        if isinstance(outcome, dict)
    ]
    assert len(rows) >= 4
    for row in rows:
        build_row(RecordKind.PERSONS, row)


# --- importing files ----------------------------------------------------------------------


def _import(services: Services, path: Path, format: str, **options: Any):  # type: ignore[no-untyped-def]
    return import_file(
        store=services.store,
        kind=RecordKind.PERSONS,
        path=path,
        now=services.clock(),
        source=public_source(SourceFormat(format), owner="UTO"),
        **options,
    )


def test_a_bad_entity_refuses_the_whole_ftm_file(services: Services) -> None:
    with pytest.raises(ImportRefused) as refused:
        _import(services, FTM_FILE, "ftm")
    assert {(error.line, error.field) for error in refused.value.errors} == {
        (9, "properties.name"),
        (9, "properties.birthDate"),
        (9, "properties.gender"),
    }
    assert services.store.count(RecordKind.PERSONS) == 0


def test_an_ftm_file_imports_its_persons_and_counts_the_rest(services: Services) -> None:
    report = _import(services, FTM_FILE, "ftm", skip_invalid=True)
    assert (report.read, report.written, report.skipped) == (6, 5, 1)
    assert report.ignored == {
        "schema Company": 1,
        "schema Sanction": 1,
        "schema Passport": 1,
        "Person that is not a target": 1,
    }
    record = services.store.get(RecordKind.PERSONS, "ftm:syn-wanted-kravtsov")
    assert isinstance(record, Person)
    assert record.name == "Всеволод Кравцов"
    assert record.aliases == ("Vsevolod Kravtsov", "Wsewolod Krawzow")
    assert (str(record.birth_date), record.type, record.owner) == ("1974-08", "red", "UTO")
    assert record.documents[0].number == "751234567"
    yellow = services.store.get(RecordKind.PERSONS, "ftm:syn-yellow-raptopoulou")
    assert isinstance(yellow, Person)
    assert yellow.type is NoticeType.YELLOW


def test_a_pretty_printed_list_page_is_read_whole(services: Services) -> None:
    report = _import(services, RED_PAGE, "interpol")
    assert (report.written, report.ignored) == (2, {"notice without a name": 1})
    record = services.store.get(RecordKind.PERSONS, "interpol:2099-20001")
    assert isinstance(record, Person)
    assert (record.name, str(record.birth_date)) == ("ОЛЕКСАНДР ДОВГАНЮК", "1974-08-12")
    assert record.nationalities == ("UKR", "RUS")


def test_reimporting_a_notice_updates_its_record(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_bytes(orjson.dumps(notice(date_of_birth="1974")) + b"\n")
    _import(services, path, "interpol")
    path.write_bytes(orjson.dumps(notice(date_of_birth="1974/08/12")) + b"\n")
    _import(services, path, "interpol")
    assert services.store.count(RecordKind.PERSONS) == 1
    record = services.store.get(RecordKind.PERSONS, "interpol:2099-1")
    assert str(record.birth_date) == "1974-08-12"  # type: ignore[union-attr]


def test_a_public_format_holds_persons_only(services: Services) -> None:
    with pytest.raises(InvalidInput, match="persons"):
        import_file(
            store=services.store,
            kind=RecordKind.DOCUMENTS,
            path=FTM_FILE,
            now=services.clock(),
            source=public_source(SourceFormat.FTM, owner="UTO"),
        )


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(tmp_path / "data"))
    return CliRunner()


def test_cli_imports_notices_then_a_linked_passport_hits_as_tdawn(cli: CliRunner) -> None:
    ftm_args = ["import", "persons", str(FTM_FILE), "--format", "ftm", "--owner", "UTO"]
    imported = cli.invoke(app, [*ftm_args, "--skip-invalid", "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["ignored"] == 4
    checked = cli.invoke(
        app, ["check", "document", "--number", "751234567", "--country", "RUS", "--json"]
    )
    hits = json.loads(checked.stdout)["hits"]
    assert [hit["record_id"] for hit in hits] == ["ftm:syn-wanted-kravtsov"]


def test_cli_refuses_a_bad_notice_with_its_line(cli: CliRunner) -> None:
    args = ["import", "persons", str(NOTICES_FILE), "--format", "interpol", "--owner", "UTO"]
    result = cli.invoke(app, args)
    assert result.exit_code == 2
    assert "line 5" in result.stderr
    assert "sex_id" in result.stderr


def test_cli_needs_an_owner_for_public_formats(cli: CliRunner) -> None:
    result = cli.invoke(app, ["import", "persons", str(FTM_FILE), "--format", "ftm"])
    assert result.exit_code == 2
    assert "--owner" in result.stderr
    result = cli.invoke(app, ["import", "persons", str(FTM_FILE), "--owner", "UTO"])
    assert result.exit_code == 2
    assert "--format" in result.stderr
