"""Whole-vault JSON export/import: lossless round trip, and malformed files rejected cleanly."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.clock import ManualClock
from mentorjournal.domain import NoteTemplate
from mentorjournal.errors import MalformedImport, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.portable import (
    FORMAT_NAME,
    MAX_TEXT_CHARS,
    export_document,
)
from mentorjournal.storage import audit, search
from mentorjournal.storage.connection import open_database
from tests.fixtures.journal_fixtures import db_of

KEY = bytes(range(32))
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
Factory = Callable[[], Journal]


@pytest.fixture
def make_journal(tmp_path: Path) -> Iterator[Factory]:
    made: list[Journal] = []

    def make() -> Journal:
        path = tmp_path / f"j{len(made)}.db"
        journal = Journal(open_database(path, KEY, create=True), ManualClock(NOW))
        made.append(journal)
        return journal

    yield make
    for journal in made:
        journal.lock()


def _tables(journal: Journal) -> dict[str, Any]:
    return export_document(db_of(journal), journal.clock)["tables"]  # type: ignore[no-any-return]


def _events(journal: Journal) -> list[tuple[Any, ...]]:
    return [
        (e.at, e.action, e.kind, e.record_id, e.detail)
        for e in audit.events(db_of(journal), limit=10**6)
    ]


def test_demo_vault_round_trips_losslessly(make_journal: Factory, tmp_path: Path) -> None:
    source = make_journal()
    source.fill_demo(mentees=4, sessions=150, seed=21)
    source.add_mentee("M-900", first_name="Zoë")  # plus a record made through the journal
    path = tmp_path / "export.json"
    assert source.export_json(path).value > 0
    assert (path.stat().st_mode & 0o777) == 0o600
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == (FORMAT_NAME, 1)
    assert document["is_demo"] is True

    target = make_journal()
    summary = target.import_json(path).value
    assert summary.rows["session_notes"] == 150
    assert _tables(target) == _tables(source)
    assert _events(target)[:-1] == _events(source)[:-1]  # the source's own export event is last
    assert _events(target)[-1][1:3] == ("import", "vault")
    assert audit.verify_chain(db_of(target)).ok
    assert [h.record_id for h in search.search(db_of(target), "breath")] == [
        h.record_id for h in search.search(db_of(source), "breath")
    ]
    assert target.mentee_by_code("M-900").first_name == "Zoë"
    signed = [n for m in target.list_mentees() for n in target.notes_for(m.id) if n.is_signed]
    assert signed and all(target.verify_note(n.id) is None for n in signed)


_odd = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=300
) | st.sampled_from(["", "x" * 20_000, "🌱 عربى 中文 \u200d\u0301", "\x00\x01", '"\\\n\r\t'])


def _round_trip_note(make_journal: Factory, tmp_path: Path, texts: list[str]) -> None:
    source = make_journal()
    # Names may not hold NUL (SQLite's length() stops at it); note sections may, and do here.
    name = texts[0].replace("\x00", "").strip()[:200] or None
    mentee = source.add_mentee("M-001", first_name=name).value
    sections = dict(zip(NoteTemplate.SOAP.sections, texts, strict=True))
    note = source.new_note(mentee.id, template=NoteTemplate.SOAP, sections=sections).value
    path = tmp_path / "odd.json"
    path.unlink(missing_ok=True)
    source.export_json(path)
    target = make_journal()
    target.import_json(path)
    assert target.get_note(note.id).sections == tuple(sections.items())
    assert target.get_mentee(mentee.id) == mentee
    assert _tables(target) == _tables(source)


_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}


@settings(max_examples=8, **_SETTINGS)  # type: ignore[arg-type]
@given(texts=st.lists(_odd, min_size=4, max_size=4))
def test_any_unicode_text_survives_the_round_trip(
    make_journal: Factory, tmp_path: Path, texts: list[str]
) -> None:
    _round_trip_note(make_journal, tmp_path, texts)


@pytest.mark.slow
@settings(max_examples=150, **_SETTINGS)  # type: ignore[arg-type]
@given(texts=st.lists(_odd, min_size=4, max_size=4))
def test_any_unicode_text_survives_the_round_trip_many_times(
    make_journal: Factory, tmp_path: Path, texts: list[str]
) -> None:
    _round_trip_note(make_journal, tmp_path, texts)


@pytest.fixture(scope="module")
def exported_once(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One small demo export shared by the malformed-input cases (each gets its own copy)."""
    folder = tmp_path_factory.mktemp("export")
    source = Journal(open_database(folder / "s.db", KEY, create=True), ManualClock(NOW))
    try:
        source.fill_demo(mentees=2, sessions=20, seed=1)
        source.export_json(folder / "good.json")
    finally:
        source.lock()
    return (folder / "good.json").read_text(encoding="utf-8")


@pytest.fixture
def exported(exported_once: str) -> dict[str, Any]:
    return json.loads(exported_once)  # type: ignore[no-any-return]


def _write(tmp_path: Path, payload: Any, name: str = "bad.json") -> Path:
    path = tmp_path / name
    data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    path.write_bytes(data)
    return path


def _note_row(doc: dict[str, Any]) -> tuple[list[str], list[Any]]:
    table = doc["tables"]["session_notes"]
    return table["columns"], table["rows"][0]


def _mutations() -> dict[str, Callable[[dict[str, Any]], Any]]:
    def set_in_note(column: str, value: Any) -> Callable[[dict[str, Any]], Any]:
        def mutate(doc: dict[str, Any]) -> Any:
            columns, row = _note_row(doc)
            row[columns.index(column)] = value
            return doc

        return mutate

    def drop_field(doc: dict[str, Any]) -> Any:
        del doc["tables"]["session_notes"]["columns"][0]
        return doc

    def short_row(doc: dict[str, Any]) -> Any:
        doc["tables"]["session_notes"]["rows"][0].pop()
        return doc

    def extra_table(doc: dict[str, Any]) -> Any:
        doc["tables"]["secrets"] = {"columns": [], "rows": []}
        return doc

    def orphan(doc: dict[str, Any]) -> Any:
        doc["tables"]["mentees"]["rows"] = []
        return doc

    def signed_edit(doc: dict[str, Any]) -> Any:
        columns, _row = _note_row(doc)
        for row in doc["tables"]["session_notes"]["rows"]:
            if row[columns.index("signature")]:
                row[columns.index("next_actions")] += " (changed)"
                return doc
        raise AssertionError("no signed note in the fixture")

    return {
        "wrong format": lambda d: {**d, "format": "something-else"},
        "wrong version": lambda d: {**d, "version": 99},
        "version as text": lambda d: {**d, "version": "1"},
        "wrong schema": lambda d: {**d, "schema_version": 1},
        "not an object": lambda d: [d],
        "tables missing": lambda d: {k: v for k, v in d.items() if k != "tables"},
        "integer as text": set_in_note("duration_minutes", "sixty"),
        "text as number": set_in_note("mentee_id", 12),
        "boolean as integer": set_in_note("mood_before", True),
        "huge field": set_in_note("next_actions", "x" * (MAX_TEXT_CHARS + 1)),
        "check constraint": set_in_note("mood_before", 11),
        "sections not json": set_in_note("sections", "{not json"),
        "sections of the wrong shape": set_in_note("sections", '[["Nope", 1, 2]]'),
        "missing field": drop_field,
        "short row": short_row,
        "unknown table": extra_table,
        "dangling reference": orphan,
        "edited signed note": signed_edit,
        "bad audit action": lambda d: {
            **d,
            "audit_events": [{**d["audit_events"][0], "action": "x"}],
        },
    }


@pytest.mark.parametrize("case", sorted(_mutations()))
def test_malformed_documents_are_rejected_and_nothing_is_imported(
    make_journal: Factory, tmp_path: Path, exported: dict[str, Any], case: str
) -> None:
    path = _write(tmp_path, _mutations()[case](json.loads(json.dumps(exported))))
    target = make_journal()
    with pytest.raises(MalformedImport):
        target.import_json(path)
    assert target.list_mentees() == []
    assert search.indexed_count(db_of(target)) == 0
    assert audit.verify_chain(db_of(target)).rows_checked == 0


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("invalid utf-8", b'{"format": "\xff\xfe"}'),
        ("not json", b"{nope"),
        ("deep nesting", b"[" * 100_000 + b"]" * 100_000),
        ("NaN", b'{"format": NaN}'),
        ("lone surrogate", b'{"format": "mentorjournal-export", "x": "\\ud800"}'),
        ("empty", b""),
    ],
)
def test_unreadable_files_are_rejected_with_a_clear_message(
    make_journal: Factory, tmp_path: Path, case: str, data: bytes
) -> None:
    target = make_journal()
    with pytest.raises(MalformedImport, match=r"\S"):
        target.import_json(_write(tmp_path, data))
    assert target.list_mentees() == []


def test_lone_surrogates_inside_records_are_rejected(
    make_journal: Factory, tmp_path: Path, exported: dict[str, Any]
) -> None:
    columns, row = _note_row(exported)
    row[columns.index("next_actions")] = "PLACEHOLDER"
    text = json.dumps(exported).replace("PLACEHOLDER", "\\udc80")
    target = make_journal()
    with pytest.raises(MalformedImport, match="Unicode"):
        target.import_json(_write(tmp_path, text.encode()))
    assert target.list_mentees() == []


def test_import_refuses_a_vault_that_already_holds_records(
    make_journal: Factory, tmp_path: Path, exported: dict[str, Any]
) -> None:
    target = make_journal()
    target.add_mentee("M-001")
    with pytest.raises(ValidationError, match="new, empty vault"):
        target.import_json(_write(tmp_path, exported))
    assert [m.code for m in target.list_mentees()] == ["M-001"]


def test_streamed_export_equals_the_in_memory_document(
    make_journal: Factory, tmp_path: Path
) -> None:
    source = make_journal()
    source.fill_demo(mentees=2, sessions=30, seed=8)
    expected = export_document(db_of(source), source.clock)
    source.export_json(tmp_path / "s.json")
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == expected


def test_a_full_disk_during_export_leaves_no_file_and_no_export_event(
    make_journal: Factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from mentorjournal import portable
    from mentorjournal.errors import DiskFull

    source = make_journal()
    source.fill_demo(mentees=1, sessions=5, seed=8)
    real = portable._document_chunks

    def filling_up(*args: Any) -> Iterator[str]:
        chunks = real(*args)
        yield next(chunks)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(portable, "_document_chunks", filling_up)
    with pytest.raises(DiskFull):
        source.export_json(tmp_path / "full.json")
    assert sorted(p.name for p in tmp_path.iterdir() if "full" in p.name) == []
    assert [e.action for e in audit.events(db_of(source))] == ["import"]
