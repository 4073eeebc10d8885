"""Applying other devices' operations to this database (all SQL of the merge).

Rules, per table kind (docs/sync.md):

* Editable records merge per field, last writer wins by (hybrid clock, device). A field a
  device changed from a value that is no longer the current one here was changed on two
  devices concurrently; for text fields the mentor writes (a draft's sections, a reflection,
  supervision discussion, mentee notes) the losing text is kept in ``sync_conflicts`` for the
  mentor to see, never silently dropped.
* Insert-only records (addenda, coping-plan versions, co-signatures, review requests,
  supervision sign-offs) merge as a union: the first version of a row stays, a different one is kept as a conflict.
* A signed note's content never changes: signing carries the whole content signed, and
  overrides any draft text (which is kept as a conflict); edits that reach a signed note are
  kept as conflicts.
* Deletions are tombstones and final: a record deleted anywhere stays deleted, whatever edits
  arrive later. A deleted mentee is erased here the way the journal erases (signed notes too).
* An operation whose parent row has not arrived yet waits in ``sync_parked`` and is retried
  after every batch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import sqlcipher3

from mentorjournal.errors import RecordSigned, UsageError
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import same_code, sync_index, sync_log
from mentorjournal.storage.connection import Connection
from mentorjournal.sync.ops import Op, Stamp, Value

CONFLICT_FIELDS: Mapping[str, frozenset[str]] = {
    "session_notes": frozenset({"sections", "next_actions", "risk_followup"}),
    "reflections": frozenset({"sections", "title"}),
    "supervision_sessions": frozenset({"discussion"}),
    "mentees": frozenset({"notes"}),
    "goals": frozenset({"mentee_words", "specific", "measurable", "achievable", "relevant"}),
}
INSERT_ONLY = frozenset(
    {"addenda", "coping_plan_versions", "cosignatures", "review_requests", "supervision_signoffs"}
)
#: What may still change on a signed note (the trigger in 0003_journal.sql allows just these).
SIGNED_MUTABLE = frozenset({"flagged_for_supervision", "updated_at"})

APPLIED, SKIPPED, PARKED = "applied", "skipped", "parked"


@dataclass(frozen=True)
class Pending:
    """One remote operation with its place: which device, which segment, which position."""

    op: Op
    device: str
    seq: int
    idx: int

    @property
    def order(self) -> tuple[int, str, int, int]:
        return (self.op.hlc, self.device, self.seq, self.idx)


@dataclass
class MergeResult:
    applied: int = 0
    skipped: int = 0
    parked: int = 0
    conflicts: int = 0
    touched: set[tuple[str, str]] = field(default_factory=set)
    deleted: set[tuple[str, str]] = field(default_factory=set)
    #: (kind, id) of signed notes and addenda an erasure from another computer took here: the
    #: merge's audit names each, as the journal's own erasure does.
    erased_signed: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Context:
    conn: Connection
    tables: Mapping[str, Sequence[str]]
    now: str
    result: MergeResult


def apply_all(conn: Connection, pending: Iterable[Pending], now: str) -> MergeResult:
    """Apply ``pending`` in (clock, device, sequence, position) order, then retry parked ones.

    Runs in the caller's transaction with capture paused.
    """
    ctx = _Context(conn, sync_log.replicated_tables(conn), now, MergeResult())
    with sync_log.Paused(conn):
        for item in sorted(pending, key=lambda p: p.order):
            outcome = _apply_one(ctx, item)
            if outcome == PARKED:
                _park(conn, item)
        _retry_parked(ctx)
    ctx.result.parked = parked_count(conn)
    return ctx.result


def _apply_one(ctx: _Context, item: Pending) -> str:
    conn = ctx.conn
    conn.execute("SAVEPOINT sync_op")
    try:
        outcome = _apply(ctx, item)
    except sqlcipher3.Error:
        conn.execute("ROLLBACK TO sync_op")
        conn.execute("RELEASE sync_op")
        raise
    conn.execute("RELEASE sync_op")
    if outcome == APPLIED:
        ctx.result.applied += 1
    elif outcome == SKIPPED:
        ctx.result.skipped += 1
    return outcome


def _apply(ctx: _Context, item: Pending) -> str:
    op = item.op
    if op.tbl not in ctx.tables:
        return PARKED  # a table of a newer schema: kept until this app knows it
    if sync_log.is_tombstoned(ctx.conn, op.tbl, op.record_id):
        return SKIPPED
    if op.kind == "del":
        return _delete(ctx, item)
    return _put(ctx, item)


def _delete(ctx: _Context, item: Pending) -> str:
    conn, op = ctx.conn, item.op
    stamp = (op.hlc, item.device)
    if op.tbl == "mentees":
        # Erased exactly as the journal erases: signed records, seals and index entries too.
        touched = mentee_repo.supervision_sessions_touching(conn, op.record_id)
        if conn.execute("SELECT 1 FROM mentees WHERE id = ?", (op.record_id,)).fetchone():
            ctx.result.erased_signed += _signed_records_of(conn, op.record_id)
            sync_log.tombstones_for_cascade(
                conn, stamp, lambda: mentee_repo.erase(conn, op.record_id)
            )
        ctx.result.touched.update(("supervision_sessions", s) for s in touched)
    else:
        try:
            conn.execute(
                f"DELETE FROM {sync_log.quote(op.tbl)} WHERE id = ?",
                (op.record_id,),
            )
        except sqlcipher3.IntegrityError:
            # A signed record goes only with an erasure: its mentee's, which the same batch
            # carries right after it (the cascade is captured child first), or a reviewed
            # retention erasure, whose register row the batch carries after its deletions.
            # Wait for either.
            erased = _erase_by_retention(conn, op.tbl, op.record_id)
            if erased is None:
                return PARKED
            ctx.result.erased_signed += erased
    sync_log.add_tombstone(conn, op.tbl, op.record_id, stamp)
    ctx.result.deleted.add((op.tbl, op.record_id))
    return APPLIED


#: The signed rows a retention erasure may take, by table: the register's record types that
#: cover them (a note's erasure takes its header, addenda and co-signature with it).
_RETENTION_COVERS: dict[str, tuple[str, ...]] = {
    "session_notes": ("session_notes",),
    "session_headers": ("session_notes",),
    "cosignatures": ("session_notes",),
    "addenda": ("addenda", "session_notes"),
    "disclosures": ("disclosures",),
}


def _erase_by_retention(conn: Connection, tbl: str, record_id: str) -> list[tuple[str, str]] | None:
    """Delete a signed row that a retention erasure registered for its mentee and type (the
    register row replicates with the deletions); ``None`` while there is no such entry.

    Returns the ``(kind, id)`` of the sealed record it took, for the merge's erase events.
    """
    covers = _RETENTION_COVERS.get(tbl)
    row = (
        None
        if covers is None
        else conn.execute(
            f"SELECT mentee_id FROM {sync_log.quote(tbl)} WHERE id = ?", (record_id,)
        ).fetchone()
    )
    if covers is None or row is None:
        return None
    mentee_id = str(row[0])
    marks = ", ".join("?" for _ in covers)
    registered = conn.execute(
        f"SELECT 1 FROM retention_erasures WHERE mentee_id = ? AND record_type IN ({marks})",
        (mentee_id, *covers),
    ).fetchone()
    if registered is None:
        return None
    # The row and what its deletion cascades to (a note's addenda, should they still be here).
    ids = [record_id]
    if tbl == "session_notes":
        ids += [
            str(r[0])
            for r in conn.execute("SELECT id FROM addenda WHERE note_id = ?", (record_id,))
        ]
    marks = ", ".join("?" for _ in ids)
    sealed = [
        (str(kind), str(sealed_id))
        for kind, sealed_id in conn.execute(
            f"SELECT kind, record_id FROM record_seals WHERE mentee_id = ? AND record_id IN ({marks})"
            " ORDER BY kind, record_id",
            (mentee_id, *ids),
        )
    ]
    conn.execute("INSERT INTO erasure_in_progress(mentee_id) VALUES (?)", (mentee_id,))
    conn.execute(
        f"DELETE FROM record_seals WHERE mentee_id = ? AND record_id IN ({marks})",
        (mentee_id, *ids),
    )
    conn.execute(f"DELETE FROM search_pending WHERE record_id IN ({marks})", ids)
    for (doc,) in conn.execute(
        f"DELETE FROM search_doc WHERE record_id IN ({marks}) RETURNING doc", ids
    ).fetchall():
        conn.execute("DELETE FROM search_index WHERE rowid = ?", (int(doc),))
    conn.execute(f"DELETE FROM {sync_log.quote(tbl)} WHERE id = ?", (record_id,))
    conn.execute("DELETE FROM erasure_in_progress WHERE mentee_id = ?", (mentee_id,))
    return sealed


def _parent_deleted(conn: Connection, tbl: str, fields: Mapping[str, Value]) -> bool:
    """Whether a row this one refers to has a tombstone (it will never arrive)."""
    for row in conn.execute(f"PRAGMA foreign_key_list({sync_log.quote(tbl)})").fetchall():
        parent, column = str(row[2]), str(row[3])
        value = fields.get(column)
        if isinstance(value, str) and sync_log.is_tombstoned(conn, parent, value):
            return True
    return False


def _signed_records_of(conn: Connection, mentee_id: str) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT 'note', id FROM session_notes WHERE mentee_id = ? AND signed_at IS NOT NULL"
        " UNION ALL SELECT 'addendum', id FROM addenda WHERE mentee_id = ?"
        " UNION ALL SELECT 'cosignature', id FROM cosignatures WHERE mentee_id = ? ORDER BY 1, 2",
        (mentee_id, mentee_id, mentee_id),
    ).fetchall()
    return [(str(kind), str(record_id)) for kind, record_id in rows]


def _insert(ctx: _Context, item: Pending, fields: Mapping[str, Value]) -> str:
    conn, op = ctx.conn, item.op
    names = list(fields)
    sql = (
        f"INSERT INTO {sync_log.quote(op.tbl)}"
        f"({', '.join(sync_log.quote(n) for n in names)})"
        f" VALUES ({', '.join('?' for _ in names)})"
    )
    try:
        conn.execute(sql, [fields[n] for n in names])
    except sqlcipher3.IntegrityError as exc:
        text = str(exc)
        if "mentees.code" in text and isinstance(fields.get("code"), str):
            return _insert_same_code(ctx, item, fields)
        if _parent_deleted(conn, op.tbl, fields):
            # Made on another computer before it saw the erasure: it goes with it, here too.
            sync_log.add_tombstone(conn, op.tbl, op.record_id, (op.hlc, item.device))
            return SKIPPED
        if "FOREIGN KEY" in text or "NOT NULL" in text or "belongs to a signed note" in text:
            return PARKED  # its parent (or its first version) has not arrived yet
        _conflict(ctx, op, "*", _as_text(fields), (op.hlc, item.device),
            reason=f"could not be added here: {text}",
        )  # fmt: skip
        return SKIPPED
    sync_log.set_field_stamps(conn, op.tbl, op.record_id, names, (op.hlc, item.device))
    ctx.result.touched.add((op.tbl, op.record_id))
    return APPLIED


def _insert_same_code(ctx: _Context, item: Pending, fields: Mapping[str, Value]) -> str:
    """Two computers made a mentee with one code: the earlier keeps it, the later gets a suffix.

    Every computer decides alike (by clock and device), so all end with the same codes, and
    nothing of either mentee is lost; the mentor sees the conflict and can rename.
    """
    conn, op = ctx.conn, item.op
    code = str(fields["code"])
    holder = conn.execute("SELECT id FROM mentees WHERE code = ?", (code,)).fetchone()[0]
    holder_stamp = sync_log.field_stamp(conn, "mentees", holder, "code") or (0, "")
    incoming: Stamp = (op.hlc, item.device)
    if incoming < holder_stamp:
        renamed = same_code.suffixed(code, holder_stamp[1])
        conn.execute("UPDATE mentees SET code = ? WHERE id = ?", (renamed, holder))
    else:
        fields = {**fields, "code": same_code.suffixed(code, item.device)}
    _conflict(ctx, op, "code", code, incoming, reason="same mentee code made on two computers")
    return _insert(ctx, item, fields)


def _put(ctx: _Context, item: Pending) -> str:
    conn, op = ctx.conn, item.op
    columns = ctx.tables[op.tbl]
    fields = {k: v for k, v in op.fields.items() if k in columns}
    row = sync_log.read_row(conn, op.tbl, op.record_id)
    if row is None:
        return _insert(ctx, item, fields)
    stamp: Stamp = (op.hlc, item.device)
    stamps = sync_log.field_stamps(conn, op.tbl, op.record_id)
    signed_here = op.tbl == "session_notes" and row.get("signed_at") is not None
    signing = op.tbl == "session_notes" and fields.get("signed_at") is not None
    kept = CONFLICT_FIELDS.get(op.tbl, frozenset())
    updates: dict[str, Value] = {}
    winners: list[str] = []
    for name, value in fields.items():
        current = stamps.get(name, (0, ""))
        if current == stamp:
            continue  # already applied
        same = row.get(name) == value
        if op.tbl in INSERT_ONLY or (signed_here and name not in SIGNED_MUTABLE):
            if not same:
                reason = "kept as first written" if op.tbl in INSERT_ONLY else "note already signed"
                _conflict(ctx, op, name, value, stamp, reason=reason)
            continue
        wins = (signing and not signed_here) or stamp > current
        if wins:
            concurrent = op.base.get(name) != current and current != (0, "")
            if concurrent and not same and name in kept:
                _conflict(ctx, op, name, row.get(name), current, reason="edited on two computers")
            if not same:
                updates[name] = value
            winners.append(name)
        elif not same and name in kept:
            _conflict(ctx, op, name, value, stamp, reason="edited on two computers")
    if updates:
        assignments = ", ".join(f"{sync_log.quote(n)} = ?" for n in updates)
        try:
            conn.execute(
                f"UPDATE {sync_log.quote(op.tbl)} SET {assignments} WHERE id = ?",
                [*updates.values(), op.record_id],
            )
        except sqlcipher3.IntegrityError as exc:
            _conflict(ctx, op, "*", _as_text(updates), stamp, reason=f"not applied: {exc}")
            return SKIPPED
        ctx.result.touched.add((op.tbl, op.record_id))
    if winners:
        sync_log.set_field_stamps(conn, op.tbl, op.record_id, winners, stamp)
    return APPLIED


def _as_text(values: Mapping[str, Value]) -> str:
    return json.dumps(dict(values), sort_keys=True, ensure_ascii=False)


def _conflict(
    ctx: _Context, op: Op, name: str, other: Value, other_stamp: Stamp, *, reason: str
) -> None:
    """Keep the version that did not win, once, under an id every device computes alike."""
    tbl, record_id = op.tbl, op.record_id
    key = f"{tbl}\x00{record_id}\x00{name}\x00{other_stamp[0]}\x00{other_stamp[1]}"
    conflict_id = hashlib.sha256(key.encode()).hexdigest()[:32]
    cursor = ctx.conn.execute(
        "INSERT OR IGNORE INTO sync_conflicts(id, tbl, record_id, field, other_value, other_hlc,"
        " other_device, reason, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conflict_id, tbl, record_id, name, None if other is None else str(other),
            other_stamp[0], other_stamp[1], reason, ctx.now,
        ),
    )  # fmt: skip
    ctx.result.conflicts += cursor.rowcount


# --- parked operations ---------------------------------------------------------------------


def _park(conn: Connection, item: Pending) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_parked(hlc, device, seq, idx, body) VALUES (?, ?, ?, ?, ?)",
        (item.op.hlc, item.device, item.seq, item.idx, json.dumps(item.op.to_json())),
    )


def _retry_parked(ctx: _Context) -> None:
    conn = ctx.conn
    while True:
        rows = conn.execute(
            "SELECT n, hlc, device, seq, idx, body FROM sync_parked ORDER BY hlc, device, seq, idx"
        ).fetchall()
        progress = False
        for n, _hlc, device, seq, idx, body in rows:
            item = Pending(Op.from_json(json.loads(body)), device, seq, idx)
            if _apply_one(ctx, item) != PARKED:
                conn.execute("DELETE FROM sync_parked WHERE n = ?", (n,))
                progress = True
        if not progress:
            return


def parked_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0])


# --- devices, conflicts, quarantine --------------------------------------------------------


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    applied_seq: int
    applied_hash: str
    max_hlc: int
    last_seen_at: str | None
    clock_ahead_ms: int


def devices(conn: Connection) -> dict[str, DeviceRow]:
    rows = conn.execute(
        "SELECT device_id, applied_seq, applied_hash, max_hlc, last_seen_at, clock_ahead_ms"
        " FROM sync_devices"
    ).fetchall()
    return {r[0]: DeviceRow(*r) for r in rows}


def mark_applied(
    conn: Connection,
    device_id: str,
    *,
    seq: int,
    digest: str,
    max_hlc: int,
    now: str,
    ahead_ms: int,
) -> None:
    conn.execute(
        "INSERT INTO sync_devices(device_id, applied_seq, applied_hash, max_hlc, last_seen_at,"
        " clock_ahead_ms) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq,"
        " applied_hash = excluded.applied_hash, max_hlc = max(max_hlc, excluded.max_hlc),"
        " last_seen_at = excluded.last_seen_at, clock_ahead_ms = excluded.clock_ahead_ms",
        (device_id, seq, digest, max_hlc, now, ahead_ms),
    )


@dataclass(frozen=True)
class ConflictRow:
    id: str
    tbl: str
    record_id: str
    field: str
    other_value: str | None
    other_device: str
    reason: str
    found_at: str


def open_conflicts(conn: Connection) -> list[ConflictRow]:
    rows = conn.execute(
        "SELECT id, tbl, record_id, field, other_value, other_device, reason, found_at"
        " FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY found_at, id"
    ).fetchall()
    return [ConflictRow(*r) for r in rows]


def resolve_conflict(conn: Connection, conflict_id: str, now: str, *, keep_other: bool) -> bool:
    """Settle an open conflict; with ``keep_other`` the other version replaces the kept one.

    The replacement is an ordinary write in the caller's command, so it is logged as this
    computer's edit and reaches the other computers like any edit (a signed note refuses it).
    """
    row = conn.execute(
        "SELECT tbl, record_id, field, other_value FROM sync_conflicts"
        " WHERE id = ? AND resolved_at IS NULL",
        (conflict_id,),
    ).fetchone()
    if row is None:
        return False
    tbl, record_id, name, other = row
    if keep_other:
        columns = sync_log.replicated_tables(conn).get(tbl, [])
        if name not in columns or name == "id":
            raise UsageError("Only a single field's version can be taken back.")
        try:
            conn.execute(
                f"UPDATE {sync_log.quote(tbl)} SET {sync_log.quote(name)} = ? WHERE id = ?",
                (other, record_id),
            )
        except sqlcipher3.IntegrityError as exc:
            raise RecordSigned("That record is signed: its text cannot be replaced.") from exc
        sync_index.refresh(conn, [(tbl, record_id)], [])
    conn.execute("UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?", (now, conflict_id))
    return True


def quarantine(conn: Connection, device_id: str, file_name: str, reason: str, now: str) -> bool:
    cursor = conn.execute(
        "INSERT OR IGNORE INTO sync_quarantine(device_id, file_name, reason, found_at)"
        " VALUES (?, ?, ?, ?)",
        (device_id, file_name, reason, now),
    )
    return bool(cursor.rowcount)


def quarantined(conn: Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT device_id, file_name, reason FROM sync_quarantine ORDER BY found_at"
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def is_quarantined(conn: Connection, device_id: str, file_name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sync_quarantine WHERE device_id = ? AND file_name = ?",
        (device_id, file_name),
    ).fetchone()
    return row is not None
