"""Import keeps memory near the file's size and holds every record to the domain rules."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.errors import MalformedImport
from mentorjournal.journal import Journal
from mentorjournal.storage.connection import open_database

KEY = hashlib.sha256(b"import limits test key").digest()


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    source = Journal(open_database(tmp_path / "source.db", KEY, create=True), ManualClock())
    try:
        source.fill_demo(mentees=6, sessions=1500, seed=3)
        source.export_json(tmp_path / "export.json")
    finally:
        source.lock()
    return tmp_path / "export.json"


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(open_database(tmp_path / "target.db", KEY, create=True), ManualClock())
    yield journal
    journal.lock()


def _edited(path: Path, edit: Any) -> Path:
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document)
    out = path.with_name("edited.json")
    out.write_text(json.dumps(document), encoding="utf-8")
    return out


def test_a_large_import_uses_memory_near_the_file_size(export_file: Path, target: Journal) -> None:
    size = export_file.stat().st_size
    tracemalloc.start()
    try:
        summary = target.import_json(export_file).value
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.rows["session_notes"] == 1500
    # json.loads of the whole document peaked at ~26 times the file; one pass keeps the text
    # (up to 4 bytes a character) and a row at a time.
    assert peak < 6 * size, (peak, size)


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("mentees", "code", "../../evil"), ("mentees", "status", "gone")],
)
def test_every_record_type_is_held_to_the_domain_rules(
    export_file: Path, target: Journal, table: str, column: str, value: str
) -> None:
    def edit(document: dict[str, Any]) -> None:
        spec = document["tables"][table]
        spec["rows"][0][spec["columns"].index(column)] = value

    with pytest.raises(MalformedImport):
        target.import_json(_edited(export_file, edit))
    assert target.list_mentees() == []


def test_tables_before_the_envelope_are_refused(export_file: Path, target: Journal) -> None:
    document = json.loads(export_file.read_text(encoding="utf-8"))
    reordered = {"tables": document.pop("tables"), **document}
    out = export_file.with_name("reordered.json")
    out.write_text(json.dumps(reordered), encoding="utf-8")
    with pytest.raises(MalformedImport):
        target.import_json(out)
