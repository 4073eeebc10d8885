"""The layers hold: SQL only in storage, and no door past the journal facade to its database.

Import-linter forbids the imports; these check what an import rule cannot see: a statement
run on a connection outside ``mentorjournal/storage/``, and a public attribute of ``Journal``
that would hand its connection to whoever asks.
"""

from __future__ import annotations

import re
from pathlib import Path

from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import REPO_ROOT

#: What running SQL looks like: a statement on a cursor or connection, or a PRAGMA.
SQL_CALL = re.compile(r"\.execute(many|script)?\(|\bPRAGMA\b")


def _sources(*roots: str) -> list[Path]:
    return sorted(p for root in roots for p in (REPO_ROOT / root).rglob("*.py"))


def test_sql_runs_only_in_storage() -> None:
    storage = REPO_ROOT / "mentorjournal" / "storage"
    outside = [
        f"{path.relative_to(REPO_ROOT)}:{number}"
        for path in _sources("mentorjournal", "ui")
        if storage not in path.parents
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SQL_CALL.search(line)
    ]
    assert outside == [], "SQL belongs in mentorjournal/storage/: " + ", ".join(outside)


def test_the_journal_keeps_its_connection_to_itself() -> None:
    public = {name for name in dir(Journal) if not name.startswith("_")}
    assert not {"connection", "conn", "db", "database"} & public
