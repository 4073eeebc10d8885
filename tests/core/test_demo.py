"""The demo generator covers every kind of record, is deterministic per seed, and writes a usable vault."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import fields
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mentorjournal import demo_text
from mentorjournal.clock import ManualClock
from mentorjournal.demo import (
    DEMO_PASSPHRASE,
    create_demo_vault,
    generate_demo,
    is_demo_vault,
    open_demo_vault,
    populate_demo,
)
from mentorjournal.domain import NoteTemplate, ReflectionModel, verify_chain
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, search
from mentorjournal.storage.bulk import RecordSet
from mentorjournal.storage.connection import Connection, close_database, open_database
from mentorjournal.storage.schema import migrate
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import CliResult

TODAY = date(2026, 1, 5)
KEY = bytes(range(32))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "j.db", KEY, create=True)
    migrate(connection)
    yield connection
    close_database(connection)


def test_same_seed_gives_identical_records_and_another_seed_differs() -> None:
    first = generate_demo(mentees=4, sessions=120, seed=11, today=TODAY)
    again = generate_demo(mentees=4, sessions=120, seed=11, today=TODAY)
    other = generate_demo(mentees=4, sessions=120, seed=12, today=TODAY)
    assert first == again
    assert first.notes != other.notes


def test_nothing_the_mentor_has_done_is_dated_after_today() -> None:
    """Reflections were once spread at a twelfth of the span each: 400 of them ran to 2091."""
    data = generate_demo(mentees=10, sessions=10_000, seed=2, today=TODAY)
    days = (
        [n.started_at.date() for n in data.notes]
        + [a.written_at.date() for a in data.addenda]
        + [r.written_at.date() for r in data.reflections]
        + [p.on for p in data.progress]
        + [s.held_on for s in data.supervision]
        + [c.on for c in data.cpd]
    )
    assert len(data.reflections) == 400
    assert max(days) <= TODAY


def test_every_record_kind_and_variant_is_present() -> None:
    data = generate_demo(mentees=6, sessions=400, seed=3, today=TODAY)
    for f in fields(RecordSet):
        assert getattr(data, f.name), f"no {f.name} generated"
    assert {n.template for n in data.notes} == set(NoteTemplate)
    assert {r.model for r in data.reflections} == set(ReflectionModel)
    assert any(n.is_signed for n in data.notes) and any(not n.is_signed for n in data.notes)
    assert any(n.risk_flag and n.risk_followup for n in data.notes)
    assert any(r.flagged_for_supervision for r in data.reflections)
    assert max(Counter(v.mentee_id for v in data.plan_versions).values()) >= 2
    assert all(g.gas_levels and g.steps and g.time_bound for g in data.goals)
    assert any(item.source_id for s in data.supervision for item in s.agenda)


def test_signed_notes_carry_real_signatures_and_valid_addendum_chains() -> None:
    data = generate_demo(mentees=3, sessions=300, seed=5, today=TODAY)
    by_note: dict[str, list] = {}
    for a in data.addenda:
        by_note.setdefault(a.note_id, []).append(a)
    notes = {n.id: n for n in data.notes}
    assert by_note
    for note_id, chain in by_note.items():
        assert verify_chain(notes[note_id], chain) is None
    assert all(verify_chain(n, []) is None for n in data.notes if n.is_signed)


def test_prose_is_varied_and_uses_only_invented_names() -> None:
    data = generate_demo(mentees=5, sessions=500, seed=9, today=TODAY)
    texts = [n.text for n in data.notes]
    assert len(set(texts)) >= 0.99 * len(texts)
    assert "lorem" not in " ".join(texts).lower()
    assert {m.first_name for m in data.mentees} <= set(demo_text.FIRST_NAMES)
    assert all(m.email and m.email.endswith("@example.org") for m in data.mentees)


def test_populate_writes_every_table_indexes_and_audits_once(conn: Connection) -> None:
    clock = ManualClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    summary = populate_demo(conn, mentees=4, sessions=200, seed=2, clock=clock)
    assert summary.sessions == 200
    for table in (
        "mentees", "contacts", "places", "consents", "resources", "goals", "goal_steps",
        "session_notes", "addenda", "goal_progress", "coping_plan_versions", "reflections",
        "supervision_sessions", "supervision_items", "supervision_actions", "cpd_entries",
    ):  # fmt: skip
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    kinds = {row[0] for row in conn.execute("SELECT DISTINCT kind FROM search_doc")}
    assert kinds == {
        "note", "addendum", "goal", "progress", "plan", "reflection", "supervision"
    }  # fmt: skip
    assert search.search(conn, "breathing")
    report = audit.verify_chain(conn)
    assert report.ok and report.rows_checked == 1
    (event,) = audit.events(conn)
    assert (event.action, event.kind) == ("import", "demo")
    assert "notes=200" in event.detail


def test_demo_vault_is_flagged_and_reopens_with_the_published_passphrase(
    fast_kdf: object, tmp_path: Path, vault_clock: ManualClock, vault_state_dir: Path
) -> None:
    paths = VaultPaths(tmp_path / "demo-vault")
    journal, passphrase = create_demo_vault(
        paths, clock=vault_clock, state_dir=vault_state_dir, mentees=3, sessions=60, kdf=fast_kdf
    )
    assert passphrase == DEMO_PASSPHRASE
    assert journal.is_demo and is_demo_vault(db_of(journal))
    # The three asked for, and the archived former mentee whose appointments are past retention.
    assert len(journal.list_mentees(archived=False)) == 3
    assert journal.records_past_retention()
    assert journal.open_access_requests()
    journal.lock()
    reopened = open_demo_vault(paths, clock=vault_clock, state_dir=vault_state_dir)
    try:
        assert reopened.is_demo and is_demo_vault(db_of(reopened))
        assert len(reopened.list_sessions(reopened.list_mentees()[0].id)) == 20
    finally:
        reopened.lock()


def test_cli_demo_fills_a_new_vault_and_search_json_finds_it(
    new_vault: object,
    passphrase_file: Path,
    vault_paths: VaultPaths,
    run_cli: Callable[..., CliResult],
) -> None:
    vault = ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]
    new_vault.vault.lock()  # type: ignore[attr-defined]
    result = run_cli("demo", *vault, "--mentees", "3", "--sessions", "90", "--seed", "4")
    assert result.code == 0, result.stderr
    assert "notes: 90" in result.stdout
    found = run_cli("search", *vault, "breathing", "--json", "--limit", "5")
    assert found.code == 0, found.stderr
    hits = json.loads(found.stdout)
    assert 0 < len(hits) <= 5
    assert {"kind", "id", "mentee", "date", "snippet"} <= hits[0].keys()
    assert "[breathing]" in " ".join(h["snippet"] for h in hits).lower()
    assert all(h["mentee"] is None or h["mentee"].startswith("M-") for h in hits)
    only = json.loads(
        run_cli(
            "search", *vault, "breathing", "--json", "--mentee", "M-002", "--kind", "note"
        ).stdout
    )
    assert only and {(h["mentee"], h["kind"]) for h in only} == {("M-002", "note")}
    again = run_cli("demo", *vault)
    assert again.code == 2
    assert "already holds mentees" in again.stderr


def test_the_demo_works_under_a_service_profile_with_headers_signers_and_late_entries(
    conn: Connection,
) -> None:
    from mentorjournal.demo_records import DEMO_SETTINGS
    from mentorjournal.storage import session_headers, sessions

    clock = ManualClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    populate_demo(conn, mentees=3, sessions=120, seed=4, clock=clock)
    assert session_headers.get_settings(conn) == DEMO_SETTINGS
    mentee_ids = [r[0] for r in conn.execute("SELECT id FROM mentees")]
    notes = [n for m in mentee_ids for n in sessions.list_notes(conn, m)]
    assert notes and all(n.header is not None and n.header.place for n in notes)
    signed = [n for n in notes if n.is_signed and n.header is not None]
    assert signed and all(n.header.signer == DEMO_SETTINGS.signer for n in signed)  # type: ignore[union-attr]
    assert all(verify_chain(n, []) is None for n in signed)
    late = [n for n in signed if n.header is not None and n.header.is_late_entry]
    assert 0 < len(late) < len(signed)
    assert any(n.header is not None and n.header.written_with_mentee for n in notes)
    assert any(n.header is not None and any(g.progress for g in n.header.goals) for n in notes)


def test_cli_supervision_export_of_the_whole_default_demo_is_not_refused(
    new_vault: object,
    passphrase_file: Path,
    vault_paths: VaultPaths,
    run_cli: Callable[..., CliResult],
    tmp_path: Path,
) -> None:
    """The export's last check (no known identifier left) passes on the demo's own text.

    It once refused: "... for Mentee B. I shared ..." read as the initials of a demo mentee.
    """
    vault = ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]
    new_vault.vault.lock()  # type: ignore[attr-defined]
    assert run_cli("demo", *vault).code == 0
    out = tmp_path / "summary.md"
    result = run_cli(
        "export", *vault, "--supervision", "--from", "2000-01-01", "--to", "2100-12-31",
        "--out", str(out),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "Mentee A" in out.read_text(encoding="utf-8")


def test_the_demo_shows_a_cosigned_note_and_one_waiting_for_review(conn: Connection) -> None:
    from mentorjournal.domain.cosignature import verify_cosignature
    from mentorjournal.storage import cosignatures, proofs, sessions

    clock = ManualClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    populate_demo(conn, mentees=3, sessions=120, seed=4, clock=clock)
    (waiting,) = cosignatures.awaiting(conn, ())
    assert waiting.requested_at is not None
    (mentee_id,) = {r[0] for r in conn.execute("SELECT mentee_id FROM cosignatures")}
    (cosigned,) = cosignatures.for_mentee(conn, mentee_id).values()
    note = sessions.get(conn, cosigned.note_id)
    assert note is not None and verify_cosignature(note, cosigned) is None
    assert cosigned.written_at <= clock.now()
    assert proofs.verify_records(conn, None) == []


def test_the_demo_has_an_agreement_and_signed_off_meetings_that_verify(conn: Connection) -> None:
    from mentorjournal.domain.supervision_ledger import meeting_hash
    from mentorjournal.storage import proofs, supervision, supervision_ledger

    clock = ManualClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    populate_demo(conn, mentees=3, sessions=120, seed=4, clock=clock)
    (agreement,) = supervision_ledger.list_agreements(conn)
    assert agreement.review_on is not None
    meetings = supervision.list_sessions(conn)
    signoffs = supervision_ledger.all_signoffs(conn)
    assert len(signoffs) == len(meetings) - 2 >= 1
    assert all(m.minutes and m.functions for m in meetings)
    for meeting in meetings:
        if meeting.id in signoffs:
            assert signoffs[meeting.id].content_hash == meeting_hash(meeting)
            assert signoffs[meeting.id].signed_on <= clock.now().date()
    assert proofs.verify_records(conn, None) == []
