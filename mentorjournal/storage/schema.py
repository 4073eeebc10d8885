"""Numbered, forward-only migrations in ``migrations/NNNN_name.sql``, applied in one transaction each.

``PRAGMA user_version`` records the schema version. A vault newer than this program is refused
rather than guessed at: opening it would risk writing rows an old schema misunderstands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import sqlcipher3

from mentorjournal.errors import VaultCorrupt
from mentorjournal.storage import sealing
from mentorjournal.storage.connection import Connection, transaction

#: The schema that added record seals and the keyed audit chain.
SEALS_SCHEMA = 9
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    source: Traversable

    @property
    def sql(self) -> str:
        """Read when applied: an up-to-date vault (every unlock) reads no migration text."""
        return self.source.read_text(encoding="utf-8")


def available_migrations() -> list[Migration]:
    """Every migration shipped with the package, in version order, numbered without gaps."""
    found: list[Migration] = []
    folder = resources.files("mentorjournal.storage") / "migrations"
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbering has a gap at {expected}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, target: int | None = None) -> int:
    """Bring the schema up to ``target`` (default: latest) and return the version reached."""
    migrations = available_migrations()
    goal = len(migrations) if target is None else target
    version = current_version(conn)
    if version > len(migrations):
        raise VaultCorrupt(
            f"This vault was written by a newer Mentor Journal (schema {version}); "
            "please update the app."
        )
    pending = migrations[version:goal]
    for migration in pending:
        with transaction(conn):
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            if migration.version == SEALS_SCHEMA:
                # A data migration that needs the key, so it cannot be SQL: seal what an older
                # vault had signed and chain what it had logged, in the same transaction.
                sealing.seal_older_vault(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
    return current_version(conn) if pending else version


def split_statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise RuntimeError("a migration ends with an incomplete statement")
    return statements
