"""Import a file of records: JSON lines or CSV, all or nothing, with every bad row named.

Persons may also come in a public format (FollowTheMoney entities, the notices API JSON):
``records.formats`` maps each entity to a person row; entities that are not persons are
counted as ignored, not as errors.

Rows are validated and written chunk by chunk inside one transaction, so memory stays flat
for a million rows; the first bad row stops the writing (validation goes on, to report
every bad row) and the transaction is rolled back: nothing is written. With
``skip_invalid`` the good rows are committed and the bad ones reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.records import RecordKind
from frontline.errors import FieldError, ImportRefused, InvalidInput
from frontline.metrics import IMPORTED_RECORDS
from frontline.records.fast import fast_document_values
from frontline.records.formats import PublicSource, Refusal, Skip
from frontline.records.kinds import build_row
from frontline.records.writers import InlineWriter, ProcessWriter, Row, RowWriter
from frontline.store.repository import RecordStore

__all__ = ["BrokenRow", "ImportReport", "import_file", "read_rows"]

CHUNK = 10_000
MAX_LINE = 1_000_000
MAX_DOCUMENT = 64 * 1024 * 1024
"""A public-format file that is one (pretty-printed) JSON document is read whole up to this."""
PROCESS_WRITER_BYTES = 8 * 1024 * 1024
"""Files this big or bigger are written by a second process (SQLite only)."""
ROW_BYTES_GUESS = 400
"""A generous guess at a row's size, to tell a bulk load from a top-up."""


@dataclass(slots=True)
class ImportReport:
    kind: RecordKind
    read: int = 0
    written: int = 0
    errors: list[FieldError] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)
    """Entities of a public-format file that are not persons, by reason (``schema Company``)."""

    @property
    def skipped(self) -> int:
        return len({error.line for error in self.errors})

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "read": self.read,
            "written": self.written,
            "skipped": self.skipped,
            "ignored": self.ignored.total(),
            "ignored_reasons": dict(self.ignored),
            "errors": [error.as_dict() for error in self.errors],
        }


def read_rows(path: Path, kind: RecordKind | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, raw row) for each row of a JSON-lines or CSV file; a line that is not
    JSON, or a broken CSV row, yields a ``BrokenRow``. ``kind`` persons reads the CSV
    ``documents`` cell as a list."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path, kind)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        yield from _json_rows(path)
    else:
        raise InvalidInput.for_field("file", "must end in .jsonl, .ndjson, .json or .csv")


def _json_rows(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if len(line) < 8 and not line.strip():
                continue
            if len(line) > MAX_LINE:
                yield number, BrokenRow(f"line is longer than {MAX_LINE} bytes")
                continue
            try:
                yield number, orjson.loads(line)
            except orjson.JSONDecodeError as error:
                yield number, BrokenRow(f"not valid JSON: {error}")


def _csv_rows(path: Path, kind: RecordKind | None) -> Iterator[tuple[int, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput.for_field("file", f"is not UTF-8 text: {error}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                yield line, BrokenRow("has more cells than the header")
                continue
            cleaned = {key.strip(): value for key, value in row.items() if key is not None}
            if kind is RecordKind.PERSONS and cleaned.get("documents"):
                cleaned["documents"] = _csv_documents(cleaned["documents"])
            yield line, cleaned
    except csv.Error as error:
        yield reader.line_num, BrokenRow(f"broken CSV: {error}")


def _csv_documents(cell: str) -> Any:
    """``NUMBER:COUNTRY[:TYPE];...`` in a CSV cell, as the list of objects JSON would give."""
    items: list[dict[str, str]] = []
    for part in cell.split(";"):
        if not part.strip():
            continue
        fields = [value.strip() for value in part.split(":")]
        if len(fields) not in (2, 3):
            return part  # build_row reports it as malformed
        item = {"number": fields[0], "issuing_country": fields[1]}
        if len(fields) == 3:
            item["type"] = fields[2]
        items.append(item)
    return items


def _public_rows(
    path: Path, source: PublicSource, report: ImportReport
) -> Iterator[tuple[int, Any]]:
    """(line number, raw person row or Refusal) for each person of a public-format file."""
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        raise InvalidInput.for_field("file", "must end in .jsonl, .ndjson or .json")
    for line, document in _json_documents(path):
        if isinstance(document, BrokenRow):
            yield line, document
            continue
        for outcome in source.people(document):
            if isinstance(outcome, Skip):
                report.ignored[outcome.reason] += 1
            else:
                yield line, outcome


def _json_documents(path: Path) -> Iterator[tuple[int, Any]]:
    """JSON lines, or the whole file as one document when its first line is not JSON alone
    (a saved, pretty-printed API answer)."""
    rows = _json_rows(path)
    first = next(rows, None)
    if first is None:
        return
    if isinstance(first[1], BrokenRow) and path.stat().st_size <= MAX_DOCUMENT:
        try:
            yield 1, orjson.loads(path.read_bytes())
            return
        except orjson.JSONDecodeError:
            pass
    yield first
    yield from rows


@dataclass(frozen=True, slots=True)
class BrokenRow:
    """A line that could not be read as a row, and why."""

    message: str


def import_file(
    *,
    store: RecordStore,
    kind: RecordKind,
    path: Path,
    now: dt.datetime,
    skip_invalid: bool = False,
    progress: Callable[[int], None] | None = None,
    source: PublicSource | None = None,
) -> ImportReport:
    """Validate and write every row of ``path``; raise ImportRefused if any row is bad
    (unless ``skip_invalid``), in which case nothing at all is written. ``source`` reads
    persons from a public format instead of our own rows."""
    if source is not None and kind is not RecordKind.PERSONS:
        raise InvalidInput.for_field("format", f"{source.format} files hold persons only")
    report = ImportReport(kind)
    pending: list[Row] = []
    writer = _writer_for(store, kind, path, now)
    fast = fast_document_values if kind is RecordKind.DOCUMENTS else _never
    try:
        rows = read_rows(path, kind) if source is None else _public_rows(path, source, report)
        for line, raw in rows:
            report.read += 1
            row = fast(raw) or _validate(kind, line, raw, report)
            if row is not None and (skip_invalid or not report.errors):
                pending.append(row)
            if len(pending) >= CHUNK:
                writer.send(pending)
                pending = []
                if progress:
                    progress(report.read)
        if pending:
            writer.send(pending)
        if progress:
            progress(report.read)
    except BaseException:
        writer.rollback()
        raise
    if report.errors and not skip_invalid:
        writer.rollback()
        raise ImportRefused(_refusal(report), errors=report.errors)
    report.written = writer.commit()
    IMPORTED_RECORDS.labels(kind.value).inc(report.written)
    return report


def _writer_for(store: RecordStore, kind: RecordKind, path: Path, now: dt.datetime) -> RowWriter:
    """A writer process for a big file of documents on SQLite; the caller's thread otherwise."""
    size = path.stat().st_size
    is_bulk = kind is RecordKind.DOCUMENTS and size >= PROCESS_WRITER_BYTES
    if is_bulk and store.engine.dialect.name == "sqlite":
        url = store.engine.url.render_as_string(hide_password=False)
        return ProcessWriter(url, kind, now, expected_rows=size // ROW_BYTES_GUESS)
    return InlineWriter(store, kind, now)


def _never(_raw: Any) -> None:
    return None


def _validate(kind: RecordKind, line: int, raw: Any, report: ImportReport) -> dict[str, Any] | None:
    if isinstance(raw, BrokenRow):
        report.errors.append(FieldError("(row)", raw.message, line))
        return None
    if isinstance(raw, Refusal):
        report.errors.extend(FieldError(e.field, e.message, line) for e in raw.errors)
        return None
    try:
        return build_row(kind, raw, line=line)
    except InvalidInput as error:
        report.errors.extend(error.errors)
        return None


def _refusal(report: ImportReport) -> str:
    bad_rows = report.skipped
    first = report.errors[0]
    return (
        f"refused: {bad_rows} bad row(s) of {report.read}; nothing was written. "
        f"First: line {first.line}, {first.field}: {first.message}"
    )
