"""Whole-vault export to portable JSON, and import of that JSON into a new, empty vault.

The export is a faithful dump of every journal table (see docs/json-format.md): each table's
column names and its rows as JSON arrays, values in the table's declared type. Dumping tables
rather than re-serialising domain objects makes the round trip lossless by construction, and
every column a later migration adds is exported without touching this module.

Import is all-or-nothing: the whole file is checked (envelope, table and column names, value
types, sizes, Unicode) before one transaction inserts it, and the database's own constraints
and triggers check it again; any failure raises ``MalformedImport`` and leaves the vault as it
was. Signed notes must still match their signatures. The source vault's audit events are
re-chained into the new vault, followed by one ``import`` event.

This module owns the file format and the checks; the tables, rows and inserts are
``storage.dump``'s. The CLI and the UI reach both through ``Journal.export_json`` and
``Journal.import_json``, which hold the connection.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mentorjournal import __version__
from mentorjournal.clock import Clock
from mentorjournal.domain import verify_note
from mentorjournal.errors import MalformedImport, ValidationError
from mentorjournal.fsutil import atomic_write_chunks, disk_errors
from mentorjournal.json_stream import JsonStream
from mentorjournal.storage import (
    audit,
    cpd,
    dump,
    goals,
    mentees,
    meta,
    plans,
    reflections,
    sealing,
    sessions,
    supervision,
)
from mentorjournal.storage.connection import Connection, transaction
from mentorjournal.storage.schema import current_version

FORMAT_NAME = "mentorjournal-export"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 1 << 30
MAX_TEXT_CHARS = 1_000_000
MAX_BLOB_BYTES = 4096
MAX_ROWS_PER_TABLE = 10_000_000


@dataclass(frozen=True)
class ImportSummary:
    rows: dict[str, int]
    audit_events: int


# --- what is exported ---------------------------------------------------------------------


def _encode(value: Any) -> Any:
    return value.hex() if isinstance(value, bytes | bytearray | memoryview) else value


def _envelope(conn: Connection, clock: Clock) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema_version": current_version(conn),
        "app_version": __version__,
        "exported_at": clock.now().isoformat(),
        "is_demo": meta.get_meta(conn, "is_demo") == "1",
    }


def _events(conn: Connection) -> Iterator[dict[str, Any]]:
    for row in dump.audit_rows(conn):
        yield dict(zip(dump.AUDIT_FIELDS, row, strict=True))


def export_document(conn: Connection, clock: Clock) -> dict[str, Any]:
    """The export as a JSON-ready dict, read in one transaction (a consistent snapshot)."""
    with transaction(conn):
        tables: dict[str, Any] = {}
        for name, columns in dump.journal_tables(conn):
            rows = [[_encode(v) for v in row] for row in dump.table_rows(conn, name, columns)]
            tables[name] = {"columns": [c for c, _t in columns], "rows": rows}
        return {**_envelope(conn, clock), "tables": tables, "audit_events": list(_events(conn))}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _document_chunks(conn: Connection, clock: Clock, counter: list[int]) -> Iterator[str]:
    """The same JSON as ``export_document``, produced row by row so memory stays flat."""
    yield _dumps(_envelope(conn, clock))[:-1] + ',"tables":{'
    for number, (name, columns) in enumerate(dump.journal_tables(conn)):
        head = "," if number else ""
        yield f'{head}{_dumps(name)}:{{"columns":{_dumps([c for c, _t in columns])},"rows":['
        for index, row in enumerate(dump.table_rows(conn, name, columns)):
            counter[0] += 1
            yield ("," if index else "") + _dumps([_encode(v) for v in row])
        yield "]}"
    yield '},"audit_events":['
    for index, event in enumerate(_events(conn)):
        yield ("," if index else "") + _dumps(event)
    yield "]}"


def _stream_atomically(path: Path, chunks: Iterable[str]) -> int:
    """Write ``chunks`` to a private ``mkstemp`` file beside ``path``, fsync, rename: all or none."""
    return atomic_write_chunks(path, (chunk.encode("utf-8") for chunk in chunks))


def write_export(conn: Connection, clock: Clock, path: Path) -> tuple[int, int]:
    """Write the whole vault to ``path`` (atomically, 0600); returns (bytes, rows) written.

    Rows are streamed from one read transaction (a consistent snapshot), so a large vault
    does not have to fit in memory twice. The file holds everything in the vault in clear
    text: the caller should say so, and audit the export (``Journal.export_json`` does).
    """
    counter = [0]
    with transaction(conn):
        size = _stream_atomically(path, _document_chunks(conn, clock, counter))
    return size, counter[0]


# --- reading and checking an import ---------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise MalformedImport(f"The import file contains {name}, which is not valid JSON.")


def _load_text(path: Path) -> str:
    """The file as one string: the only copy of the document that exists whole."""
    try:
        with disk_errors():
            size = path.stat().st_size
            if size > MAX_IMPORT_BYTES:
                raise MalformedImport(
                    f"The import file is too large ({size} bytes; at most {MAX_IMPORT_BYTES})."
                )
            raw = path.read_bytes()
    except OSError as exc:
        raise MalformedImport(f"Cannot read the import file: {exc.strerror}") from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedImport(f"The import file is not valid UTF-8 (byte {exc.start}).") from exc


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise MalformedImport(message)


def _check_envelope(doc: Any, schema_version: int) -> None:
    _require(isinstance(doc, dict), "The import file is not a Mentor Journal export.")
    _require(doc.get("format") == FORMAT_NAME, "The import file is not a Mentor Journal export.")
    version = doc.get("version")
    _require(
        type(version) is int and version == FORMAT_VERSION,
        f"Unsupported export format version {version!r}; this program reads {FORMAT_VERSION}.",
    )
    schema = doc.get("schema_version")
    _require(
        type(schema) is int and schema == schema_version,
        f"The export was made with schema {schema!r}; this program imports schema "
        f"{schema_version} only. Open the source vault with this version and export again.",
    )
    _require(isinstance(doc.get("is_demo", False), bool), "'is_demo' must be true or false.")


def _checked_text(value: str, where: str) -> str:
    _require(len(value) <= MAX_TEXT_CHARS, f"{where}: text longer than {MAX_TEXT_CHARS} chars.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise MalformedImport(f"{where}: text is not valid Unicode (lone surrogate).") from exc
    return value


def _checked_value(value: Any, declared: str, where: str) -> Any:
    if value is None:
        return None
    if declared == "INTEGER":
        _require(type(value) is int and abs(value) < 1 << 63, f"{where}: expected an integer.")
        return value
    if declared == "REAL":
        _require(
            type(value) in (int, float) and math.isfinite(value), f"{where}: expected a number."
        )
        return float(value)
    if declared == "BLOB":
        _require(isinstance(value, str), f"{where}: expected hex text.")
        try:
            blob = bytes.fromhex(value)
        except ValueError as exc:
            raise MalformedImport(f"{where}: expected hex text.") from exc
        _require(len(blob) <= MAX_BLOB_BYTES, f"{where}: binary value too large.")
        return blob
    _require(isinstance(value, str), f"{where}: expected text.")
    return _checked_text(value, where)


def _checked_rows(
    name: str, stream: JsonStream, columns: dump.Columns
) -> Iterator[tuple[Any, ...]]:
    """The rows of one table, decoded and checked one at a time as they are inserted."""
    for number, _item in enumerate(stream.items(), start=1):
        _require(number <= MAX_ROWS_PER_TABLE, f"Table {name}: too many rows.")
        row = stream.value()
        _require(
            isinstance(row, list) and len(row) == len(columns),
            f"Table {name}, row {number}: expected {len(columns)} values.",
        )
        yield tuple(
            _checked_value(v, declared, f"Table {name}, row {number}, column {column}")
            for v, (column, declared) in zip(row, columns, strict=True)
        )


def _checked_events(listed: Any) -> list[audit.EventRecord]:
    _require(isinstance(listed, list), "'audit_events' must be a list.")
    events: list[audit.EventRecord] = []
    for number, event in enumerate(listed, start=1):
        where = f"Audit event {number}"
        _require(isinstance(event, dict) and set(event) == set(dump.AUDIT_FIELDS), f"{where}: bad.")
        for field in ("at", "action", "kind", "detail"):
            _require(isinstance(event[field], str), f"{where}: '{field}' must be text.")
            _checked_text(event[field], where)
        _require(event["action"] in audit.ACTIONS, f"{where}: unknown action.")
        record_id = event["record_id"]
        _require(record_id is None or isinstance(record_id, str), f"{where}: bad record id.")
        try:
            at = datetime.fromisoformat(event["at"])
        except ValueError as exc:
            raise MalformedImport(f"{where}: bad time.") from exc
        _require(at.tzinfo is not None, f"{where}: time without a time zone.")
        events.append(audit.EventRecord(at, event["action"], event["kind"], record_id,
                                        event["detail"]))  # fmt: skip
    return events


# --- writing an import ------------------------------------------------------------------------


def _verify_signed_notes(conn: Connection) -> None:
    """A signed note whose content no longer matches its hash is a damaged or edited export.

    Reading every note through the repository also checks it against the domain rules.
    """
    for mentee in mentees.list_listings(conn):
        for note in sessions.list_notes(conn, mentee.id):
            if note.is_signed and not verify_note(note):
                raise MalformedImport(
                    f"Signed note {note.id} does not match its signature; the file was altered."
                )


def _validate_records(conn: Connection) -> None:
    """Read every record back through its repository, as the app would: each is rebuilt as a
    domain value whose validation refuses what the domain rules forbid (a mentee code such as
    ``../../evil``, a goal without words, ...), before the import commits."""
    for mentee in mentees.list_all(conn):
        for read in (mentees.list_contacts, mentees.list_places, mentees.list_consents,
                     mentees.list_resources, plans.list_versions):  # fmt: skip
            read(conn, mentee.id)
        for goal in goals.list_goals(conn, mentee.id):
            goals.list_progress(conn, goal.id)
        for note in sessions.list_notes(conn, mentee.id):
            sessions.list_addenda(conn, note.id)
    reflections.list_reflections(conn)
    supervision.list_sessions(conn)
    cpd.list_entries(conn)


class _Import:
    """One import in progress: the document is walked once, tables inserted as they come."""

    def __init__(self, conn: Connection, stream: JsonStream) -> None:
        self.conn = conn
        self.stream = stream
        self.schema = dict(dump.journal_tables(conn))
        self.envelope: dict[str, Any] = {}
        self.events: list[audit.EventRecord] = []
        self.counts: dict[str, int] = {}
        self.saw_tables = False

    def run(self) -> None:
        for key in self.stream.members():
            if key == "tables":
                _check_envelope(self.envelope, current_version(self.conn))
                self._tables()
            elif key == "audit_events":
                self.events = _checked_events(self.stream.value())
            else:
                self.envelope[key] = self.stream.value()
        self.stream.end()
        _check_envelope(self.envelope, current_version(self.conn))
        _require(self.saw_tables, "The export has no 'tables' object.")

    def _tables(self) -> None:
        _require(self.stream.peek() == "{", "The export has no 'tables' object.")
        self.saw_tables = True
        for name in self.stream.members():
            columns = self.schema.get(name)
            _require(
                columns is not None, f"The export has a table this program does not know: {name}"
            )
            assert columns is not None
            _require(name not in self.counts, f"Table {name} appears twice.")
            self.counts[name] = self._table(name, columns)

    def _table(self, name: str, columns: dump.Columns) -> int:
        _require(self.stream.peek() == "{", f"Table {name}: expected an object.")
        names = [c for c, _t in columns]
        inserted = 0
        seen_columns = False
        for key in self.stream.members():
            if key == "columns":
                given = self.stream.value()
                _require(
                    given == names, f"Table {name}: the columns do not match this program's schema."
                )
                seen_columns = True
            elif key == "rows":
                _require(seen_columns, f"Table {name}: 'columns' must come before 'rows'.")
                _require(self.stream.peek() == "[", f"Table {name}: 'rows' must be a list.")
                inserted = dump.insert_rows(
                    self.conn, name, columns, _checked_rows(name, self.stream, columns)
                )
            else:
                raise MalformedImport(f"Table {name}: unexpected field {key!r}.")
        return inserted


def import_into(conn: Connection, clock: Clock, path: Path) -> ImportSummary:
    """Import an export into this (new, empty) vault, all or nothing (``Journal.import_json``).

    The file is walked once and each row is checked and inserted as it is read, so memory
    stays near the file's own size. The envelope (format, version, schema) must come before
    the tables, as every export writes it.
    """
    stream = JsonStream(_load_text(path), parse_constant=_reject_constant)
    job = _Import(conn, stream)
    try:
        with transaction(conn):
            if dump.holds_records(conn, [*job.schema, "audit_log", "record_seals"]):
                raise ValidationError(
                    "Import goes into a new, empty vault; this vault already holds records."
                )
            dump.defer_foreign_keys(conn)
            job.run()
            _verify_signed_notes(conn)
            _validate_records(conn)
            sealing.seal_unsealed(conn, "imported")
            if job.envelope.get("is_demo"):
                meta.set_meta(conn, "is_demo", "1")
            audit.append_many(conn, job.events)
            total = sum(job.counts.values())
            audit.append(conn, at=clock.now(), action="import", kind="vault",
                         record_id=None, detail=f"json,rows={total}")  # fmt: skip
    except MalformedImport:
        raise
    except ValidationError as exc:
        if "new, empty vault" in str(exc):
            raise
        raise MalformedImport(f"The import holds an invalid record: {exc}") from exc
    except RecursionError as exc:
        raise MalformedImport("The import file is nested too deeply.") from exc
    except (ValueError, TypeError, KeyError) as exc:  # bad JSON, or a value the reader cannot use
        raise MalformedImport(f"The import file cannot be read: {exc}") from exc
    except Exception as exc:
        if type(exc).__module__.startswith("sqlcipher3"):
            raise MalformedImport(f"The import breaks a rule of the journal: {exc}") from exc
        raise
    return ImportSummary(job.counts, len(job.events))
