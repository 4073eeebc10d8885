"""Keyed seals for signed records and the keyed audit chain (all of their SQL lives here).

The SHA-256 note hash, addendum chain and audit chain are unkeyed: anyone who can write the
database can recompute them. The seals added here are HMAC-SHA256 under keys derived (HKDF)
from the data key, so an edit made with the database open in another tool, triggers dropped
and hashes recomputed, no longer matches unless the editor also recomputes the seals with
the data key. That is the promise: a change is detected, not prevented, and someone who
holds the key can still rewrite their own journal. Exact bytes: docs/vault-format.md.

Seals are written explicitly where this app signs or adds (never "seal whatever is not
sealed yet", which would bless a record slipped in behind its back), except for the three
bulk paths that are this app's own: the demo fill, a JSON import (marked ``imported``) and
the one-time upgrade of a vault made before seals existed (marked ``upgrade``). A sync merge
seals exactly the signed records it applied (marked ``synced``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.storage.connection import Connection

RECORD_SEAL_INFO = b"mentorjournal record seal v1"
AUDIT_CHAIN_INFO = b"mentorjournal audit chain v1"
GENESIS_MAC = bytes(32)
ORIGINS = ("here", "imported", "upgrade", "synced")

NOTE_SEAL_COLUMNS = "id, mentee_id, started_at, signed_at, signature"
ADDENDUM_SEAL_COLUMNS = "id, note_id, mentee_id, seq, written_at, prev_hash, hash"
#: A co-signature's id is its note's id; ``note_signature`` ties it to the note as signed.
COSIGNATURE_SEAL_COLUMNS = "id, mentee_id, cosigned_on, written_at, note_signature, hash"
#: A supervision sign-off's id is its meeting's id; it belongs to no mentee (mentee_id '').
SIGNOFF_SEAL_COLUMNS = "id, name, signed_on, written_at, content_hash"


def _derive(data_key: bytes | bytearray, info: bytes) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info)
    return bytearray(hkdf.derive(bytes(data_key)))


@dataclass
class SealKeys:
    """The two MAC keys of one open database; wiped when it closes."""

    record: bytearray
    audit: bytearray

    @classmethod
    def derive(cls, data_key: bytes | bytearray) -> SealKeys:
        return cls(_derive(data_key, RECORD_SEAL_INFO), _derive(data_key, AUDIT_CHAIN_INFO))

    def wipe(self) -> None:
        for key in (self.record, self.audit):
            key[:] = bytes(len(key))


def keys_of(conn: Connection) -> SealKeys:
    """The seal keys the connection was opened with (``storage.connection.open_database``)."""
    keys = getattr(conn, "seal_keys", None)
    if not isinstance(keys, SealKeys):
        raise RuntimeError("this connection was not opened with a data key; it cannot seal")
    return keys


def seal_message(kind: str, fields: Sequence[str | int | None]) -> bytes:
    """``[kind, *fields]`` as compact JSON (UTF-8, no escaping of non-ASCII): the MAC input."""
    return json.dumps([kind, *fields], ensure_ascii=False, separators=(",", ":")).encode()


def record_seal(keys: SealKeys, kind: str, fields: Sequence[str | int | None]) -> bytes:
    return hmac.new(bytes(keys.record), seal_message(kind, fields), hashlib.sha256).digest()


def seal_matches(
    keys: SealKeys, kind: str, fields: Sequence[str | int | None], seal: bytes | None
) -> bool:
    """True when ``seal`` is this key's seal of the record (constant-time; None never matches).

    ``fields`` are the row's ``NOTE_SEAL_COLUMNS`` or ``ADDENDUM_SEAL_COLUMNS``, in order. A
    record arriving from another copy of the same vault (same data key) can be checked with
    this before it is stored, rather than sealed afresh as "imported".
    """
    return seal is not None and hmac.compare_digest(record_seal(keys, kind, fields), seal)


def audit_mac(keys: SealKeys, prev_mac: bytes, seq: int, digest: bytes) -> bytes:
    message = prev_mac + seq.to_bytes(8, "big") + digest
    return hmac.new(bytes(keys.audit), message, hashlib.sha256).digest()


# --- writing seals ----------------------------------------------------------------------------


def _insert_seal(conn: Connection, row: tuple[str, str, str, bytes, str]) -> None:
    """``row`` = (kind, record id, mentee id, seal, origin)."""
    conn.execute(
        "INSERT INTO record_seals(kind, record_id, mentee_id, seal, origin) VALUES (?,?,?,?,?)",
        row,
    )


def seal_note(conn: Connection, note_id: str, origin: str = "here") -> None:
    """Seal a note that has just been signed (inside the signing transaction)."""
    row = conn.execute(
        f"SELECT {NOTE_SEAL_COLUMNS} FROM session_notes WHERE id = ? AND signed_at IS NOT NULL",
        (note_id,),
    ).fetchone()
    if row is None:
        raise ValueError("only a stored, signed note can be sealed")
    _insert_seal(conn, ("note", row[0], row[1], record_seal(keys_of(conn), "note", row), origin))


def _seal_stored(
    conn: Connection,
    kind: str,
    select: str,
    record_id: str,
    *,
    what: str,
    mentee_at: int | None,
    origin: str,
) -> None:
    """Seal one stored row of ``kind`` read by ``select``; its mentee id is at ``mentee_at``."""
    row = conn.execute(select, (record_id,)).fetchone()
    if row is None:
        raise ValueError(f"only a stored {what} can be sealed")
    mentee_id = "" if mentee_at is None else row[mentee_at]  # a sign-off belongs to no mentee
    _insert_seal(conn, (kind, row[0], mentee_id, record_seal(keys_of(conn), kind, row), origin))


def seal_addendum(conn: Connection, addendum_id: str, origin: str = "here") -> None:
    """Seal an addendum that has just been added (inside the same transaction)."""
    select = f"SELECT {ADDENDUM_SEAL_COLUMNS} FROM addenda WHERE id = ?"
    _seal_stored(conn, "addendum", select, addendum_id, what="addendum", mentee_at=2, origin=origin)


def seal_cosignature(conn: Connection, note_id: str, origin: str = "here") -> None:
    """Seal a co-signature that has just been added (inside the same transaction)."""
    select = f"SELECT {COSIGNATURE_SEAL_COLUMNS} FROM cosignatures WHERE id = ?"
    _seal_stored(
        conn, "cosignature", select, note_id, what="co-signature", mentee_at=1, origin=origin
    )


def seal_signoff(conn: Connection, supervision_id: str, origin: str = "here") -> None:
    """Seal a supervision sign-off that has just been added (inside the same transaction)."""
    select = f"SELECT {SIGNOFF_SEAL_COLUMNS} FROM supervision_signoffs WHERE id = ?"
    _seal_stored(
        conn,
        "supervision_signoff",
        select,
        supervision_id,
        what="sign-off",
        mentee_at=None,
        origin=origin,
    )


def _has_seal(conn: Connection, kind: str, record_id: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM record_seals WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    return found is not None


def seal_arrivals(conn: Connection, touched: Iterable[tuple[str, str]], origin: str) -> int:
    """Seal the signed notes, addenda, co-signatures and sign-offs among ``touched`` ``(table, id)`` that have no seal.

    For records another copy of the journal signed, applied here by a sync merge in the same
    transaction: that copy's seals are under its own data key and cannot be checked here, so
    they are sealed as they arrive (origin ``synced``). Only the rows named are sealed, never
    "whatever is unsealed"; their content hash is still checked by ``verify`` as for any other.
    """
    sealed = 0
    for table, record_id in sorted(set(touched)):
        if table == "session_notes" and not _has_seal(conn, "note", record_id):
            signed = conn.execute(
                "SELECT 1 FROM session_notes WHERE id = ? AND signed_at IS NOT NULL", (record_id,)
            ).fetchone()
            if signed is not None:
                seal_note(conn, record_id, origin)
                sealed += 1
        elif table == "addenda" and not _has_seal(conn, "addendum", record_id):
            present = conn.execute("SELECT 1 FROM addenda WHERE id = ?", (record_id,)).fetchone()
            if present is not None:
                seal_addendum(conn, record_id, origin)
                sealed += 1
        elif table == "cosignatures" and not _has_seal(conn, "cosignature", record_id):
            found = conn.execute("SELECT 1 FROM cosignatures WHERE id = ?", (record_id,)).fetchone()
            if found is not None:
                seal_cosignature(conn, record_id, origin)
                sealed += 1
        elif table == "supervision_signoffs" and not _has_seal(
            conn, "supervision_signoff", record_id
        ):
            found = conn.execute(
                "SELECT 1 FROM supervision_signoffs WHERE id = ?", (record_id,)
            ).fetchone()
            if found is not None:
                seal_signoff(conn, record_id, origin)
                sealed += 1
    return sealed


def seal_unsealed(conn: Connection, origin: str) -> int:
    """Seal every signed record (note, addendum, co-signature, supervision sign-off) that has
    no seal: only for this app's bulk paths."""
    keys = keys_of(conn)
    notes = conn.execute(
        f"SELECT {NOTE_SEAL_COLUMNS} FROM session_notes n WHERE signed_at IS NOT NULL AND NOT"
        " EXISTS (SELECT 1 FROM record_seals s WHERE s.kind = 'note' AND s.record_id = n.id)"
    ).fetchall()
    addenda = conn.execute(
        f"SELECT {ADDENDUM_SEAL_COLUMNS} FROM addenda a WHERE NOT EXISTS"
        " (SELECT 1 FROM record_seals s WHERE s.kind = 'addendum' AND s.record_id = a.id)"
    ).fetchall()
    rows = [("note", r[0], r[1], record_seal(keys, "note", r), origin) for r in notes]
    rows += [("addendum", r[0], r[2], record_seal(keys, "addendum", r), origin) for r in addenda]
    if _has_table(conn, "cosignatures"):
        cosigned = conn.execute(
            f"SELECT {COSIGNATURE_SEAL_COLUMNS} FROM cosignatures c WHERE NOT EXISTS (SELECT 1"
            " FROM record_seals s WHERE s.kind = 'cosignature' AND s.record_id = c.id)"
        ).fetchall()
        rows += [
            ("cosignature", r[0], r[1], record_seal(keys, "cosignature", r), origin)
            for r in cosigned
        ]
    if _has_table(conn, "supervision_signoffs"):
        signed_off = conn.execute(
            f"SELECT {SIGNOFF_SEAL_COLUMNS} FROM supervision_signoffs o WHERE NOT EXISTS"
            " (SELECT 1 FROM record_seals s WHERE s.kind = 'supervision_signoff'"
            " AND s.record_id = o.id)"
        ).fetchall()
        rows += [
            ("supervision_signoff", r[0], "", record_seal(keys, "supervision_signoff", r), origin)
            for r in signed_off
        ]
    conn.executemany(
        "INSERT INTO record_seals(kind, record_id, mentee_id, seal, origin) VALUES (?,?,?,?,?)",
        rows,
    )
    return len(rows)


def _has_table(conn: Connection, name: str) -> bool:
    """Whether the schema has ``name`` yet (the seal upgrade runs at schema 9, before some)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def mac_audit_rows(conn: Connection, rows: Sequence[tuple[int, bytes]]) -> None:
    """Extend the keyed chain over freshly appended audit rows ``(seq, hash)``, in order."""
    if not rows:
        return
    keys = keys_of(conn)
    first = rows[0][0]
    prev = GENESIS_MAC
    if first > 1:
        found = conn.execute("SELECT mac FROM audit_macs WHERE seq = ?", (first - 1,)).fetchone()
        if found is None:
            raise RuntimeError("the keyed audit chain has a gap; run verify")
        prev = bytes(found[0])
    macs: list[tuple[int, bytes]] = []
    for seq, digest in rows:
        prev = audit_mac(keys, prev, seq, bytes(digest))
        macs.append((seq, prev))
    conn.executemany("INSERT INTO audit_macs(seq, mac) VALUES (?, ?)", macs)


def audit_head(conn: Connection) -> tuple[int, bytes] | None:
    """The newest keyed chain value ``(seq, mac)``, or None for an empty log."""
    row = conn.execute("SELECT seq, mac FROM audit_macs ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else (int(row[0]), bytes(row[1]))


def head_is_present(conn: Connection, seq: int, mac: bytes) -> bool:
    """True when the chain still holds the head remembered outside the database."""
    row = conn.execute("SELECT mac FROM audit_macs WHERE seq = ?", (seq,)).fetchone()
    return row is not None and hmac.compare_digest(bytes(row[0]), mac)


def seal_older_vault(conn: Connection) -> None:
    """Once, for a vault made before seals: seal what is signed, chain what is logged.

    Marked ``upgrade``: the seal vouches for the record from now on, not for its past.
    Runs inside the transaction of the migration that adds the seal tables, so exactly once.
    """
    seal_unsealed(conn, "upgrade")
    unchained = conn.execute(
        "SELECT seq, hash FROM audit_log l WHERE NOT EXISTS"
        " (SELECT 1 FROM audit_macs m WHERE m.seq = l.seq) ORDER BY seq"
    ).fetchall()
    mac_audit_rows(conn, [(int(s), bytes(h)) for s, h in unchained])
    last = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]
    conn.execute("INSERT INTO seal_epoch(id, audit_seq) VALUES (1, ?)", (int(last),))


def sealed_records_of(conn: Connection, mentee_id: str) -> list[tuple[str, str]]:
    """``(kind, record id)`` of every sealed record of a mentee (what an erasure takes)."""
    rows = conn.execute(
        "SELECT kind, record_id FROM record_seals WHERE mentee_id = ? ORDER BY kind, record_id",
        (mentee_id,),
    ).fetchall()
    return [(str(kind), str(record_id)) for kind, record_id in rows]


def origin_counts(conn: Connection) -> dict[str, int]:
    """How many seals each origin has: ``here``, ``imported``, ``upgrade`` (zero ones left out).

    ``imported`` and ``upgrade`` seals vouch for a record only from the moment they were made
    (the import, the upgrade): ``verify`` says so rather than letting them pass as proof.
    """
    return {
        str(origin): int(count)
        for origin, count in conn.execute(
            "SELECT origin, count(*) FROM record_seals GROUP BY origin ORDER BY origin"
        )
    }


def seal_origin(conn: Connection, kind: str, record_id: str) -> str | None:
    """The origin of one record's seal, or None when it has none (a draft, or not sealed)."""
    row = conn.execute(
        "SELECT origin FROM record_seals WHERE kind = ? AND record_id = ?", (kind, record_id)
    ).fetchone()
    return None if row is None else str(row[0])
