"""The audit log chains every event and verify_chain finds the first changed, removed or moved row."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from mentorjournal.storage import audit
from mentorjournal.storage.connection import Connection, close_database, open_database, transaction
from mentorjournal.storage.schema import migrate

KEY = bytes(range(32))
T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "j.db", KEY, create=True)
    migrate(connection)
    yield connection
    close_database(connection)


def _fill(conn: Connection, count: int = 6) -> None:
    actions = ["create", "edit", "sign", "addendum", "export", "delete"]
    with transaction(conn):
        for i in range(count):
            audit.append(
                conn,
                at=T0 + timedelta(minutes=i),
                action=actions[i % len(actions)],
                kind="session",
                record_id=f"rec-{i}",
            )


def _drop_guards(conn: Connection) -> None:
    """What an attacker holding the key could do: remove the append-only triggers."""
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def test_an_empty_log_verifies(conn: Connection) -> None:
    assert audit.verify_chain(conn) == audit.ChainReport(ok=True, rows_checked=0)


def test_appended_events_chain_from_zero_hash_and_verify(conn: Connection) -> None:
    _fill(conn)
    report = audit.verify_chain(conn)
    assert report.ok
    assert report.rows_checked == 6
    entries = audit.events(conn)
    assert entries[0].prev_hash == bytes(32)
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert [e.record_id for e in entries] == [f"rec-{i}" for i in range(6)]
    assert entries[2].action == "sign"
    assert entries[0].at == T0


def test_the_log_refuses_update_and_delete(conn: Connection) -> None:
    _fill(conn, 2)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_log SET record_id = 'x' WHERE seq = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_a_changed_row_is_the_first_broken_link(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    conn.execute("UPDATE audit_log SET record_id = 'someone-else' WHERE seq = 3")
    report = audit.verify_chain(conn)
    assert not report.ok
    assert report.broken_seq == 3
    assert report.reason.startswith("changed")


def test_a_changed_row_with_recomputed_hash_breaks_the_next_link(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    row = conn.execute("SELECT at, action, kind, prev_hash FROM audit_log WHERE seq = 2").fetchone()
    forged = audit.chain_hash(
        bytes(row[3]),
        audit.canonical_event(
            seq=2, at=row[0], action="edit", kind=row[2], record_id="forged", detail=""
        ),
    )
    conn.execute(
        "UPDATE audit_log SET action = 'edit', record_id = 'forged', hash = ? WHERE seq = 2",
        (forged,),
    )
    report = audit.verify_chain(conn)
    assert (report.ok, report.broken_seq) == (False, 3)
    assert report.reason.startswith("changed or removed")


def test_a_removed_row_is_reported_where_the_gap_is(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    conn.execute("DELETE FROM audit_log WHERE seq = 4")
    report = audit.verify_chain(conn)
    assert (report.ok, report.broken_seq) == (False, 5)
    assert report.reason.startswith("removed")


def test_a_removed_row_with_renumbered_successors_is_still_found(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    conn.execute("DELETE FROM audit_log WHERE seq = 2")
    for seq in range(3, 7):
        conn.execute("UPDATE audit_log SET seq = ? WHERE seq = ?", (seq - 1, seq))
    report = audit.verify_chain(conn)
    assert (report.ok, report.broken_seq) == (False, 2)
    assert report.reason.startswith("changed or removed")


def test_swapped_rows_are_reported_as_reordered(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    conn.execute("UPDATE audit_log SET seq = 100 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = 100")
    report = audit.verify_chain(conn)
    assert (report.ok, report.broken_seq) == (False, 3)
    assert report.reason.startswith("reordered")


def test_swapped_contents_are_reported_as_reordered(conn: Connection) -> None:
    _fill(conn)
    _drop_guards(conn)
    columns = "at, action, kind, record_id, detail, prev_hash, hash"
    two = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = 2").fetchone()
    five = conn.execute(f"SELECT {columns} FROM audit_log WHERE seq = 5").fetchone()
    setter = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
    conn.execute(f"UPDATE audit_log SET {setter} WHERE seq = 2", five)
    conn.execute(f"UPDATE audit_log SET {setter} WHERE seq = 5", two)
    report = audit.verify_chain(conn)
    assert (report.ok, report.broken_seq) == (False, 2)
    assert report.reason.startswith("reordered")


def test_unknown_actions_and_naive_times_are_programming_errors(conn: Connection) -> None:
    with pytest.raises(ValueError, match="unknown audit action"):
        audit.append(conn, at=T0, action="peek", kind="session", record_id="1")
    with pytest.raises(ValueError, match="timezone"):
        audit.append(conn, at=datetime(2026, 1, 1), action="edit", kind="session", record_id="1")
    assert audit.verify_chain(conn).rows_checked == 0


def test_every_documented_action_is_accepted(conn: Connection) -> None:
    with transaction(conn):
        for action in sorted(audit.ACTIONS):
            audit.append(conn, at=T0, action=action, kind="vault", record_id=None, detail="n=1")
    assert audit.verify_chain(conn) == audit.ChainReport(True, len(audit.ACTIONS))
