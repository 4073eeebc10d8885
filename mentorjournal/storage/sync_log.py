"""This device's side of sync in the database: state, change capture, the outbox (all SQL).

Capture: while sync is on, temporary triggers (this connection only, never in the vault
file) note every row a command inserts, updates or deletes in a replicated table, with the
row as it was before the command. When the command ends, the one command helper calls
``record_command``, which turns each noted row into one operation: the fields that really
changed (or the whole row for an insert), each with the stamp of the value it replaced, all
under one new hybrid-clock stamp. The operations wait in ``sync_outbox`` until ``sync now``
writes them into a segment. Remote changes are applied with capture paused, so they are
never echoed back as this device's own.

Replicated: every table whose primary key is a text ``id`` (the journal's records), except
bookkeeping that is per-device by nature: the audit log (each device keeps its own chain),
search tables, vault metadata, seals (each device seals with its own key) and sync itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mentorjournal.storage.connection import Connection
from mentorjournal.sync import hlc as _hlc
from mentorjournal.sync.ops import Op, Stamp, Value

#: Never replicated although their key is a text id: per-device by nature.
NOT_REPLICATED = frozenset(
    {"vault_meta", "audit_log", "erasure_in_progress", "record_seals", "audit_macs", "seal_epoch"}
)
#: Children before parents never matters (merge retries); this order only makes snapshots
#: apply in one pass: parents first.
PARENTS_FIRST = ("mentees", "session_notes", "goals", "supervision_sessions")


@dataclass(frozen=True)
class SyncState:
    """This vault's membership of a synced journal."""

    journal_id: str
    device_id: str
    folder: str
    hlc: int
    joined_at: str
    last_sync_at: str | None


def is_set_up(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM sync_state WHERE id = 1").fetchone() is not None


def state(conn: Connection) -> SyncState | None:
    row = conn.execute(
        "SELECT journal_id, device_id, folder, hlc, joined_at, last_sync_at"
        " FROM sync_state WHERE id = 1"
    ).fetchone()
    return None if row is None else SyncState(*row)


def sync_key(conn: Connection) -> bytearray:
    row = conn.execute("SELECT sync_key FROM sync_state WHERE id = 1").fetchone()
    return bytearray(row[0])


def init_state(
    conn: Connection,
    *,
    journal_id: str,
    device_id: str,
    key: bytes | bytearray,
    folder: str,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO sync_state(id, journal_id, device_id, sync_key, folder, joined_at)"
        " VALUES (1, ?, ?, ?, ?, ?)",
        (journal_id, device_id, bytes(key), folder, now),
    )


def has_records(conn: Connection) -> bool:
    """Whether the journal holds any mentee yet (only an empty vault may join a journal)."""
    return conn.execute("SELECT 1 FROM mentees LIMIT 1").fetchone() is not None


def set_folder(conn: Connection, folder: str) -> None:
    conn.execute("UPDATE sync_state SET folder = ? WHERE id = 1", (folder,))


def set_hlc(conn: Connection, stamp: int) -> None:
    conn.execute("UPDATE sync_state SET hlc = max(hlc, ?) WHERE id = 1", (stamp,))


def set_last_sync(conn: Connection, now: str) -> None:
    conn.execute("UPDATE sync_state SET last_sync_at = ? WHERE id = 1", (now,))


# --- which tables, which columns ---------------------------------------------------------


def replicated_tables(conn: Connection) -> dict[str, list[str]]:
    """Table name -> column names, for every replicated table of this schema."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sync_%' AND name NOT LIKE 'search_%'"
        )
    ]
    tables: dict[str, list[str]] = {}
    for name in names:
        if name in NOT_REPLICATED:
            continue
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        keyed = [c for c in info if c[5] == 1]
        if len(keyed) == 1 and keyed[0][1] == "id" and keyed[0][2].upper() == "TEXT":
            tables[name] = [c[1] for c in info]
    return tables


def ordered(tables: Iterable[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(PARENTS_FIRST)}
    return sorted(tables, key=lambda t: (rank.get(t, len(rank)), t))


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def read_row(conn: Connection, tbl: str, record_id: str) -> dict[str, Value] | None:
    cursor = conn.execute(f"SELECT * FROM {quote(tbl)} WHERE id = ?", (record_id,))
    row = cursor.fetchone()
    if row is None:
        return None
    return {d[0]: row[i] for i, d in enumerate(cursor.description)}


def all_rows(conn: Connection, tbl: str) -> Iterator[dict[str, Value]]:
    cursor = conn.execute(f"SELECT * FROM {quote(tbl)} ORDER BY rowid")
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


# --- capture ------------------------------------------------------------------------------


def install_capture(conn: Connection) -> None:
    """Create this connection's temporary capture table and triggers (idempotent)."""
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_capture ("
        " n INTEGER PRIMARY KEY, tbl TEXT NOT NULL, record_id TEXT NOT NULL, old TEXT,"
        " UNIQUE (tbl, record_id))"
    )
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_paused (x INTEGER)")
    for tbl, columns in replicated_tables(conn).items():
        old = "json_object(" + ", ".join(f"'{c}', OLD.{quote(c)}" for c in columns) + ")"
        when = "WHEN NOT EXISTS (SELECT 1 FROM temp.sync_paused)"
        note = "INSERT OR IGNORE INTO temp.sync_capture(tbl, record_id, old)"
        for event, source, value in (
            ("INSERT", "NEW", "NULL"),
            ("UPDATE", "OLD", old),
            ("DELETE", "OLD", old),
        ):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {quote(f'sync_{event.lower()}_{tbl}')}"
                f" AFTER {event} ON main.{quote(tbl)} {when}"
                f" BEGIN {note} VALUES ('{tbl}', {source}.id, {value}); END"
            )


def capture_installed(conn: Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'sync_capture'"
    ).fetchone()
    return row is not None


@dataclass
class Paused:
    """Capture off for remote changes being applied (a context manager)."""

    conn: Connection

    def __enter__(self) -> None:
        self.conn.execute("INSERT INTO temp.sync_paused VALUES (1)")

    def __exit__(self, *exc: object) -> None:
        self.conn.execute("DELETE FROM temp.sync_paused")


def tombstones_for_cascade(conn: Connection, stamp: Stamp, delete: Callable[[], None]) -> None:
    """Run ``delete`` (an erasure from another computer) and tombstone every row it took.

    Capture is resumed for just this call: the rows the cascade deleted are noted like a local
    command's, then kept as tombstones instead of becoming operations, so an edit of one of
    them that arrives later is refused here as everywhere else.
    """
    conn.execute("DELETE FROM temp.sync_paused")
    try:
        delete()
    finally:
        conn.execute("INSERT INTO temp.sync_paused VALUES (1)")
    for tbl, record_id in conn.execute(
        "DELETE FROM temp.sync_capture RETURNING tbl, record_id"
    ).fetchall():
        if read_row(conn, tbl, record_id) is None:
            add_tombstone(conn, tbl, record_id, stamp)


def field_stamp(conn: Connection, tbl: str, record_id: str, field: str) -> Stamp | None:
    row = conn.execute(
        "SELECT hlc, device FROM sync_fields WHERE tbl = ? AND record_id = ? AND field = ?",
        (tbl, record_id, field),
    ).fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def field_stamps(conn: Connection, tbl: str, record_id: str) -> dict[str, Stamp]:
    rows = conn.execute(
        "SELECT field, hlc, device FROM sync_fields WHERE tbl = ? AND record_id = ?",
        (tbl, record_id),
    ).fetchall()
    return {str(r[0]): (int(r[1]), str(r[2])) for r in rows}


def set_field_stamps(
    conn: Connection, tbl: str, record_id: str, fields: Iterable[str], stamp: Stamp
) -> None:
    conn.executemany(
        "INSERT INTO sync_fields(tbl, record_id, field, hlc, device) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(tbl, record_id, field) DO UPDATE SET hlc = excluded.hlc,"
        " device = excluded.device",
        [(tbl, record_id, f, stamp[0], stamp[1]) for f in fields],
    )


def add_tombstone(conn: Connection, tbl: str, record_id: str, stamp: Stamp) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_tombstones(tbl, record_id, hlc, device) VALUES (?, ?, ?, ?)",
        (tbl, record_id, stamp[0], stamp[1]),
    )
    conn.execute("DELETE FROM sync_fields WHERE tbl = ? AND record_id = ?", (tbl, record_id))


def is_tombstoned(conn: Connection, tbl: str, record_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sync_tombstones WHERE tbl = ? AND record_id = ?", (tbl, record_id)
    ).fetchone()
    return row is not None


def _changed(tbl: str, old: Mapping[str, Any] | None, row: Mapping[str, Value]) -> list[str]:
    if old is None:
        return list(row)
    changed = [c for c in row if c in old and old[c] != row[c]]
    if tbl == "session_notes" and "signed_at" in changed and row.get("signed_at") is not None:
        return list(row)  # signing carries the whole content it signs
    return changed


def record_command(conn: Connection, device_id: str, now_ms: int) -> int:
    """Turn what the command changed into outbox operations; returns how many were made.

    Called by the command helper inside the command's transaction, so the operations commit
    or roll back with the change itself. The stamp is after every value it replaces, even
    one stamped by a device whose clock runs ahead: an edit made after seeing a value must
    win over it everywhere, or the devices would disagree.
    """
    captured = conn.execute(
        "DELETE FROM temp.sync_capture RETURNING n, tbl, record_id, old"
    ).fetchall()
    if not captured:
        return 0
    captured.sort(key=lambda r: r[0])
    changes: list[tuple[str, str, dict[str, Value] | None, list[str], dict[str, Stamp]]] = []
    newest_base = 0
    for _n, tbl, record_id, old_text in captured:
        old = None if old_text is None else json.loads(old_text)
        row = read_row(conn, tbl, record_id)
        if row is None and old is None:
            continue  # made and deleted within one command
        changed = [] if row is None else _changed(tbl, old, row)
        if row is not None and not changed:
            continue
        known = field_stamps(conn, tbl, record_id)
        base = {f: known[f] for f in changed if f in known}
        newest_base = max([newest_base, *(s[0] for s in known.values())])
        changes.append((tbl, record_id, row, changed, base))
    last = int(conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0])
    stamp = max(_hlc.next_stamp(last, now_ms), newest_base + 1)
    for tbl, record_id, row, changed, base in changes:
        if row is None:
            add_tombstone(conn, tbl, record_id, (stamp, device_id))
            queue(conn, Op(stamp, tbl, record_id, "del"))
            continue
        set_field_stamps(conn, tbl, record_id, changed, (stamp, device_id))
        queue(conn, Op(stamp, tbl, record_id, "put", {f: row[f] for f in changed}, base))
    conn.execute("UPDATE sync_state SET hlc = ? WHERE id = 1", (stamp,))
    return len(changes)


def discard_captured(conn: Connection) -> None:
    conn.execute("DELETE FROM temp.sync_capture")


def snapshot(conn: Connection, device_id: str, now_ms: int) -> int:
    """Queue every replicated row as one put: what a device that joins later starts from."""
    last = int(conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0])
    stamp = _hlc.next_stamp(last, now_ms)
    made = 0
    for tbl in ordered(replicated_tables(conn)):
        for row in all_rows(conn, tbl):
            record_id = str(row["id"])
            set_field_stamps(conn, tbl, record_id, list(row), (stamp, device_id))
            queue(conn, Op(stamp, tbl, record_id, "put", row))
            made += 1
    conn.execute("UPDATE sync_state SET hlc = ? WHERE id = 1", (stamp,))
    return made


# --- outbox -------------------------------------------------------------------------------


def queue(conn: Connection, op: Op) -> None:
    body = json.dumps(op.to_json(), separators=(",", ":"), ensure_ascii=False)
    conn.execute(
        "INSERT INTO sync_outbox(hlc, tbl, record_id, op, body) VALUES (?, ?, ?, ?, ?)",
        (op.hlc, op.tbl, op.record_id, op.kind, body),
    )


def outbox(conn: Connection, limit: int) -> list[tuple[int, Op]]:
    rows = conn.execute("SELECT n, body FROM sync_outbox ORDER BY n LIMIT ?", (limit,)).fetchall()
    return [(int(n), Op.from_json(json.loads(body))) for n, body in rows]


def outbox_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0])


def drop_outbox_upto(conn: Connection, n: int) -> None:
    conn.execute("DELETE FROM sync_outbox WHERE n <= ?", (n,))
