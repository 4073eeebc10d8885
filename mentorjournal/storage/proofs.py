"""``verify``'s proof that nothing signed or logged changed: every seal, every chain, the head.

Each problem is one line naming the record (by id, never by content) and what is wrong, so a
mentor or a maintainer can find it with ``tools/open_vault.py``. Checks, in order:

* every signed note still hashes to its signature (unkeyed) and carries a matching keyed seal,
  and the first line stored for list views is still part of its content (it is not hashed);
* every addendum chain links from its note's signature, and each addendum has its seal;
* every co-signature still hashes to its content, names its note's signature as signed, and
  has its seal;
* every supervision sign-off still matches its meeting as signed off, and has its seal;
* every seal still has its record, and every signed record the log mentions still exists or
  was taken by the erase command (a signed record deleted behind the app's back);
* the audit log's hash chain and its keyed chain, row by row;
* the keyed chain still holds the head remembered outside the database (a cut-off tail).
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from mentorjournal.domain import verify_chain
from mentorjournal.domain.cosignature import cosignature_hash
from mentorjournal.domain.supervision_ledger import meeting_hash
from mentorjournal.errors import ValidationError
from mentorjournal.storage import audit, cosignatures, sealing, sessions, supervision
from mentorjournal.storage.connection import Connection

#: Stop listing after this many problems: one is enough to fail, a few help to find the cause.
MAX_PROBLEMS = 50
#: The sealed kinds whose making the log records, as verify names them.
LABELS = {
    "note": "signed note",
    "addendum": "addendum",
    "cosignature": "co-signature of note",
    "supervision_signoff": "supervision sign-off",
}


def _seals(conn: Connection) -> dict[tuple[str, str], bytes]:
    return {
        (str(kind), str(record_id)): bytes(seal)
        for kind, record_id, seal in conn.execute("SELECT kind, record_id, seal FROM record_seals")
    }


def _note_problems(conn: Connection, seals: dict[tuple[str, str], bytes]) -> Iterator[str]:
    keys = sealing.keys_of(conn)
    rows = {
        str(r[0]): r
        for r in conn.execute(
            f"SELECT {sealing.NOTE_SEAL_COLUMNS} FROM session_notes WHERE signed_at IS NOT NULL"
        )
    }
    previews = {
        str(r[0]): r[1]
        for r in conn.execute(
            "SELECT id, first_line FROM session_notes WHERE signed_at IS NOT NULL"
        )
    }
    addenda = sessions.addenda_by_note(conn)
    for note_id, note in sessions.signed_notes(conn):
        chain = addenda.pop(note_id, [])
        # verify_chain checks the note's own hash first (0: the note itself changed).
        broken = None if note is None else verify_chain(note, chain)
        found = seals.pop(("note", note_id), None)
        if note is None or broken == 0:
            yield f"signed note {note_id}: its content was changed after signing"
            continue
        # The list views show this stored copy. Contained, not equal: older versions cut it
        # differently, and a later change to the cut must not fail every older signed note.
        if str(previews[note_id] or "").strip() not in note.text:
            yield f"signed note {note_id}: its stored first line is not in its content"
        if found is None:
            yield f"signed note {note_id}: it has no seal (signed outside this app)"
        elif not sealing.seal_matches(keys, "note", rows[note_id], found):
            yield f"signed note {note_id}: its seal does not match (id, mentee, times or hash)"
        if broken is not None:
            yield (
                f"signed note {note_id}: addendum {chain[broken - 1].id} (number {broken}) was"
                " changed, removed"
                " or reordered"
            )
    for note_id in addenda:
        yield f"addenda of note {note_id}: the note is missing or not signed"


def _addendum_problems(conn: Connection, seals: dict[tuple[str, str], bytes]) -> Iterator[str]:
    keys = sealing.keys_of(conn)
    for row in conn.execute(f"SELECT {sealing.ADDENDUM_SEAL_COLUMNS} FROM addenda ORDER BY id"):
        addendum_id = str(row[0])
        found = seals.pop(("addendum", addendum_id), None)
        if found is None:
            yield f"addendum {addendum_id}: it has no seal (added outside this app)"
        elif not sealing.seal_matches(keys, "addendum", row, found):
            yield f"addendum {addendum_id} (note {row[1]}): its seal does not match"


def _cosignature_problems(conn: Connection, seals: dict[tuple[str, str], bytes]) -> Iterator[str]:
    keys = sealing.keys_of(conn)
    signed = {
        str(r[0]): r[1]
        for r in conn.execute("SELECT id, signature FROM session_notes WHERE signed_at IS NOT NULL")
    }
    for row, value in cosignatures.all_rows(conn):
        note_id = str(row[0])
        if value is None or cosignature_hash(value) != value.hash:
            yield f"co-signature of note {note_id}: its content was changed after it was added"
        elif signed.get(note_id) != value.note_signature:
            yield f"co-signature of note {note_id}: the note is missing or not as it was co-signed"
        found = seals.pop(("cosignature", note_id), None)
        if found is None:
            yield f"co-signature of note {note_id}: it has no seal (added outside this app)"
        elif not sealing.seal_matches(keys, "cosignature", row, found):
            yield f"co-signature of note {note_id}: its seal does not match"


def _signoff_problems(conn: Connection, seals: dict[tuple[str, str], bytes]) -> Iterator[str]:
    keys = sealing.keys_of(conn)
    for row in conn.execute(
        f"SELECT {sealing.SIGNOFF_SEAL_COLUMNS} FROM supervision_signoffs ORDER BY id"
    ):
        meeting_id = str(row[0])
        try:
            meeting = supervision.get(conn, meeting_id)
        except (ValidationError, ValueError, TypeError, KeyError):  # out of the domain rules
            meeting = None
        if meeting is None or meeting_hash(meeting) != row[4]:
            yield f"supervision record {meeting_id}: it was changed after it was signed off"
        found = seals.pop(("supervision_signoff", meeting_id), None)
        if found is None:
            yield f"supervision sign-off {meeting_id}: it has no seal (added outside this app)"
        elif not sealing.seal_matches(keys, "supervision_signoff", row, found):
            yield f"supervision sign-off {meeting_id}: its seal does not match"


def _audit_problems(conn: Connection, head: tuple[int, bytes] | None) -> Iterator[str]:
    report = audit.verify_chain(conn)
    if not report.ok:
        yield f"audit log: row {report.broken_seq} {report.reason}"
    keys = sealing.keys_of(conn)
    prev = sealing.GENESIS_MAC
    cursor = conn.execute(
        "SELECT l.seq, l.hash, m.mac FROM audit_log l LEFT JOIN audit_macs m ON m.seq = l.seq"
        " ORDER BY l.seq"
    )
    for seq, digest, mac in cursor:
        expected = sealing.audit_mac(keys, prev, int(seq), bytes(digest))
        if mac is None or not hmac.compare_digest(bytes(mac), expected):
            yield f"audit log: row {seq} does not match its keyed chain (changed, moved or added)"
            return
        prev = expected
    orphans = conn.execute(
        "SELECT min(seq) FROM audit_macs m WHERE NOT EXISTS"
        " (SELECT 1 FROM audit_log l WHERE l.seq = m.seq)"
    ).fetchone()[0]
    if orphans is not None:
        yield f"audit log: row {orphans} was removed"
    if head is not None and not sealing.head_is_present(conn, *head):
        yield (
            f"audit log: event {head[0]}, remembered in the key file, is missing or changed"
            " (the log was cut short or replaced)"
        )


def _vanished_problems(conn: Connection) -> Iterator[str]:
    """Signed records the log says were made (since seals) that are gone without an erasure."""
    epoch = conn.execute("SELECT audit_seq FROM seal_epoch").fetchone()
    if epoch is None:
        return
    # History that came in with a JSON import is "imported, not verified here".
    since = max(int(epoch[0]), audit.last_import_seq(conn))
    made: dict[tuple[str, str], int] = {}
    erased: set[tuple[str, str]] = set()
    for seq, action, kind, record_id in conn.execute(
        "SELECT seq, action, kind, record_id FROM audit_log WHERE seq > ? AND record_id IS NOT"
        " NULL AND action IN ('sign', 'addendum', 'cosign', 'erase') ORDER BY seq",
        (since,),
    ):
        key = (str(kind), str(record_id))
        if action == "erase":
            erased.add(key)
        elif key[0] in LABELS:
            made.setdefault(key, int(seq))
    present = (
        {
            ("note", str(r[0]))
            for r in conn.execute("SELECT id FROM session_notes WHERE signed_at IS NOT NULL")
        }
        | {("addendum", str(r[0])) for r in conn.execute("SELECT id FROM addenda")}
        | {("cosignature", str(r[0])) for r in conn.execute("SELECT id FROM cosignatures")}
        | {
            ("supervision_signoff", str(r[0]))
            for r in conn.execute("SELECT id FROM supervision_signoffs")
        }
    )
    for (kind, record_id), seq in sorted(made.items(), key=lambda item: item[1]):
        if (kind, record_id) not in present and (kind, record_id) not in erased:
            label = LABELS[kind]
            yield (
                f"{label} {record_id}: audit event {seq} records it, but it is gone and no "
                "erasure took it"
            )


def verify_records(conn: Connection, audit_head: tuple[int, bytes] | None) -> list[str]:
    """Every problem found (empty: every seal and chain holds), at most ``MAX_PROBLEMS``.

    ``audit_head`` is the newest ``(seq, mac)`` remembered outside the database, or None.
    """
    seals = _seals(conn)
    problems: list[str] = []
    for problem in (
        *_note_problems(conn, seals),
        *_addendum_problems(conn, seals),
        *_cosignature_problems(conn, seals),
        *_signoff_problems(conn, seals),
        *(f"sealed {kind} {record_id}: the record is missing" for kind, record_id in seals),
        *_audit_problems(conn, audit_head),
        *_vanished_problems(conn),
    ):
        problems.append(problem)
        if len(problems) >= MAX_PROBLEMS:
            break
    return problems
