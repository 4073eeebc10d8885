"""The append-only, hash-chained audit log: who-did-what by id and kind, never by content.

Each row stores ``hash = SHA-256(prev_hash || canonical event bytes)``, the first row chaining
from 32 zero bytes. Triggers forbid UPDATE and DELETE, but someone holding the key could drop
them; the chain is what lets ``verify_chain`` notice a changed, removed or reordered row.
A silently truncated *tail* cannot be detected by a chain alone (nothing after it to disagree):
each row also gets a keyed chain value (``storage/sealing.py``) whose newest value is kept in
the key file, outside the database, so ``verify`` notices a log cut short.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from mentorjournal.storage import sealing
from mentorjournal.storage.connection import Connection

GENESIS_HASH = bytes(32)

#: Every action the log knows; anything else is a programming error, not user input.
ACTIONS: frozenset[str] = frozenset(
    {
        "create",
        "edit",
        "sign",
        "addendum",
        "cosign",
        "delete",
        "erase",
        "export",
        "backup",
        "restore",
        "unlock",
        "import",
        "sync-setup",
        "sync-join",
        "merge",
        "sync-resolve",
        "sync-approve",
        "rekey",
    }
)


@dataclass(frozen=True)
class AuditEntry:
    """One stored audit row, as read back."""

    seq: int
    at: datetime
    action: str
    kind: str
    record_id: str | None
    detail: str
    prev_hash: bytes
    hash: bytes


@dataclass(frozen=True)
class ChainReport:
    """The outcome of ``verify_chain``: ``broken_seq`` is the first row that does not fit."""

    ok: bool
    rows_checked: int
    broken_seq: int | None = None
    reason: str = ""


def _timestamp(at: datetime) -> str:
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_event(
    *, seq: int, at: str, action: str, kind: str, record_id: str | None, detail: str
) -> bytes:
    """The exact bytes hashed for one event: sorted-key compact JSON, UTF-8.

    ``seq`` is part of it, so moving a row to another position breaks its hash.
    """
    event = {
        "seq": seq,
        "at": at,
        "action": action,
        "kind": kind,
        "record_id": record_id,
        "detail": detail,
    }
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(prev_hash: bytes, event: bytes) -> bytes:
    return hashlib.sha256(prev_hash + event).digest()


def newest_is(conn: Connection, action: str, record_id: str, detail: str = "") -> bool:
    """True when the newest event is exactly this one (autosave logs one edit per run)."""
    row = conn.execute(
        "SELECT action, record_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return row is not None and tuple(row) == (action, record_id, detail)


def _head(conn: Connection) -> tuple[int, bytes]:
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        return 0, GENESIS_HASH
    return int(row[0]), bytes(row[1])


def append(
    conn: Connection,
    *,
    at: datetime,
    action: str,
    kind: str,
    record_id: str | None,
    detail: str = "",
) -> None:
    """Add one event at the end of the chain.

    Call it inside the caller's transaction so the event commits (or not) with the change it
    describes. ``detail`` must hold ids or counts only, never note content.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not kind:
        raise ValueError("an audit event needs a kind")
    last_seq, prev = _head(conn)
    seq = last_seq + 1
    stamp = _timestamp(at)
    digest = chain_hash(
        prev,
        canonical_event(
            seq=seq, at=stamp, action=action, kind=kind, record_id=record_id, detail=detail
        ),
    )
    conn.execute(
        "INSERT INTO audit_log(seq, at, action, kind, record_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, stamp, action, kind, record_id, detail, prev, digest),
    )
    sealing.mac_audit_rows(conn, [(seq, digest)])


@dataclass(frozen=True)
class EventRecord:
    """An event to append in bulk (for example the log of a vault being imported)."""

    at: datetime
    action: str
    kind: str
    record_id: str | None
    detail: str = ""


def append_many(conn: Connection, records: Iterable[EventRecord]) -> int:
    """Append many events in order with one ``executemany``; the chain is computed in Python."""
    last_seq, prev = _head(conn)
    rows: list[tuple[int, str, str, str, str | None, str, bytes, bytes]] = []
    for seq, r in enumerate(records, start=last_seq + 1):
        if r.action not in ACTIONS:
            raise ValueError(f"unknown audit action {r.action!r}")
        stamp = _timestamp(r.at)
        digest = chain_hash(
            prev,
            canonical_event(
                seq=seq, at=stamp, action=r.action, kind=r.kind, record_id=r.record_id,
                detail=r.detail,
            ),
        )  # fmt: skip
        rows.append((seq, stamp, r.action, r.kind, r.record_id, r.detail, prev, digest))
        prev = digest
    conn.executemany(
        "INSERT INTO audit_log(seq, at, action, kind, record_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    sealing.mac_audit_rows(conn, [(row[0], row[7]) for row in rows])
    return len(rows)


def _rows(conn: Connection) -> Iterator[tuple[int, str, str, str, str | None, str, bytes, bytes]]:
    cursor = conn.execute(
        "SELECT seq, at, action, kind, record_id, detail, prev_hash, hash"
        " FROM audit_log ORDER BY seq"
    )
    for seq, at, action, kind, record_id, detail, prev, digest in cursor:
        yield int(seq), at, action, kind, record_id, detail, bytes(prev), bytes(digest)


def events(conn: Connection, *, after_seq: int = 0, limit: int = 200) -> list[AuditEntry]:
    """Read events in order (for an audit view or a report), ``limit`` at a time."""
    rows = conn.execute(
        "SELECT seq, at, action, kind, record_id, detail, prev_hash, hash FROM audit_log"
        " WHERE seq > ? ORDER BY seq LIMIT ?",
        (after_seq, limit),
    ).fetchall()
    return [
        AuditEntry(
            seq=int(r[0]),
            at=datetime.fromisoformat(r[1]),
            action=r[2],
            kind=r[3],
            record_id=r[4],
            detail=r[5],
            prev_hash=bytes(r[6]),
            hash=bytes(r[7]),
        )
        for r in rows
    ]


def _link_reason(prev: bytes, position: dict[bytes, int], seq: int) -> str:
    """Why a row's ``prev_hash`` does not name the row before it."""
    earlier = position.get(prev)
    if earlier is not None and earlier >= seq:
        return "reordered: the row claims to follow a later row"
    if earlier is not None:
        return f"removed: rows between {earlier} and {seq} are missing"
    return "changed or removed: the row it follows was altered or is no longer in the log"


def verify_chain(conn: Connection) -> ChainReport:
    """Recompute every link and report the first row that does not fit, and why.

    Removed rows show as a gap in ``seq`` or a link to an older row; reordered rows as a link
    to a later row or a hash that no longer matches its position; edited rows as a hash mismatch.
    """
    position = {
        bytes(digest): int(seq) for seq, digest in conn.execute("SELECT seq, hash FROM audit_log")
    }
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for seq, at, action, kind, record_id, detail, prev, digest in _rows(conn):
        checked += 1
        if seq != expected_seq:
            return ChainReport(
                False, checked, seq, f"removed: rows {expected_seq}..{seq - 1} are missing"
            )
        if prev != expected_prev:
            return ChainReport(False, checked, seq, _link_reason(prev, position, seq))
        event = canonical_event(
            seq=seq, at=at, action=action, kind=kind, record_id=record_id, detail=detail
        )
        if chain_hash(prev, event) != digest:
            moved = position.get(digest)
            reason = (
                "reordered: the row's contents belong to another position"
                if moved is not None and moved != seq
                else "changed: the row's contents do not match its hash"
            )
            return ChainReport(False, checked, seq, reason)
        expected_prev = digest
        expected_seq = seq + 1
    return ChainReport(True, checked)


@dataclass(frozen=True)
class AuditRow:
    """One audit event as the mentor may see it: ids and actions only, never content."""

    seq: int
    at: datetime
    action: str
    kind: str
    record_id: str | None
    #: Came from another vault with a JSON import: "imported, not verified here".
    imported: bool = False


def last_import_seq(conn: Connection) -> int:
    """The ``seq`` of the newest whole-vault import event (0: none). Events before it came
    from the imported file: this vault cannot vouch for them (another key chained them)."""
    row = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM audit_log WHERE action = 'import' AND kind = 'vault'"
    ).fetchone()
    return int(row[0])


def _mentee_record_ids(conn: Connection) -> list[str]:
    """Every table with both an ``id`` and a ``mentee_id`` column (read from the schema)."""
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    found: list[str] = []
    for name in tables:
        columns = {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')}
        if {"id", "mentee_id"} <= columns:
            found.append(name)
    return found


def filtered_events(
    conn: Connection,
    *,
    mentee_id: str | None = None,
    action: str | None = None,
    limit: int = 10_000,
) -> list[AuditRow]:
    """Events, newest first, optionally only one mentee's (the mentee and their records that
    still exist) and only one action. Erased records are gone, so their events match no mentee.
    """
    where: list[str] = []
    params: list[object] = []
    if action is not None:
        where.append("action = ?")
        params.append(action)
    if mentee_id is not None:
        owned = " UNION ".join(
            f'SELECT id FROM "{t}" WHERE mentee_id = ?' for t in _mentee_record_ids(conn)
        )
        where.append(f"(record_id = ? OR record_id IN ({owned}))")
        params += [mentee_id] * (1 + owned.count("?"))
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT seq, at, action, kind, record_id FROM audit_log{clause} ORDER BY seq DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    imported_before = last_import_seq(conn)
    return [
        AuditRow(int(r[0]), datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[0] < imported_before)
        for r in rows
    ]
