"""Signed records are provable: an edit made with the key, outside the app, is caught by verify.

Each tamper goes through ``tools/open_vault.py`` (the standalone reader), the way someone who
holds the key would do it: drop the trigger that stands in the way, change the row, put the
trigger back. ``verify`` must then exit 4 and name the record.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from mentorjournal.domain import note_hash
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, sealing
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.fixtures.vault_fixtures import REPO_ROOT, CliResult

Run = Callable[..., CliResult]
TOOL = REPO_ROOT / "tools" / "open_vault.py"
NOTE_TRIGGER = (
    "CREATE TRIGGER session_notes_signed_no_update BEFORE UPDATE OF id, mentee_id, started_at,"
    " duration_minutes, mode, template, sections, first_line, mood_before, mood_after,"
    " risk_flag, risk_followup, goal_ids, coping_items_used, next_actions, created_at,"
    " signed_at, signature ON session_notes WHEN OLD.signed_at IS NOT NULL BEGIN"
    " SELECT RAISE(ABORT, 'record signed: a signed note cannot be changed'); END"
)


def open_vault(
    root: Path, passphrase_file: Path, *statements: str
) -> subprocess.CompletedProcess[str]:
    sql: list[str] = []
    for statement in statements:
        sql += ["--sql", statement]
    return subprocess.run(
        [sys.executable, str(TOOL), str(root), "--passphrase-file", str(passphrase_file), *sql],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def tamper(root: Path, passphrase_file: Path, *statements: str) -> list[list[list[object]]]:
    done = open_vault(root, passphrase_file, *statements)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def verify(run_cli: Run, root: Path, passphrase_file: Path) -> CliResult:
    return run_cli("--vault", root, "verify", "--passphrase-file", passphrase_file)


@pytest.fixture
def signed(journal: Journal, vault_paths: VaultPaths) -> tuple[str, str, str]:
    """A locked vault with one signed note and one addendum: (mentee id, note id, addendum id)."""
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    addendum = journal.add_addendum(note.id, "A later correction of the time.").value
    make_note(journal, mentee, text="A draft stays a draft.")
    journal.lock()
    return mentee.id, note.id, addendum.id


def test_an_untouched_vault_verifies(
    run_cli: Run, signed: tuple[str, str, str], vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 0, result.stderr
    assert "seals" in result.stdout


def test_the_reader_runs_statements_in_one_transaction_and_prints_json_lines(
    signed: tuple[str, str, str], vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    _mentee, note_id, _addendum = signed
    rows = tamper(
        vault_paths.root, passphrase_file,
        "SELECT id, signed_at IS NOT NULL FROM session_notes WHERE id = '" + note_id + "'",
        "SELECT count(*) FROM record_seals",
    )  # fmt: skip
    assert rows == [[[note_id, 1]], [[2]]]
    failed = open_vault(
        vault_paths.root, passphrase_file,
        "DELETE FROM session_notes WHERE signed_at IS NULL", "SELECT no_such_column FROM mentees",
    )  # fmt: skip
    assert failed.returncode == 1
    assert "nothing was changed" in failed.stderr
    assert tamper(vault_paths.root, passphrase_file, "SELECT count(*) FROM session_notes") == [
        [[2]]
    ]


def test_the_reader_says_wrong_passphrase_and_never_imports_the_app(
    signed: tuple[str, str, str], vault_paths: VaultPaths, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("certainly not the passphrase\n", encoding="utf-8")
    assert open_vault(vault_paths.root, wrong, "SELECT 1").returncode == 3
    source = TOOL.read_text(encoding="utf-8")
    assert "mentorjournal" not in "".join(
        line for line in source.splitlines() if line.startswith(("import", "from"))
    )


def test_a_signed_note_edited_with_its_trigger_dropped_fails_verify_by_name(
    run_cli: Run, signed: tuple[str, str, str], vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    _mentee, note_id, _addendum = signed
    tamper(
        vault_paths.root, passphrase_file,
        "DROP TRIGGER session_notes_signed_no_update",
        "UPDATE session_notes SET duration_minutes = duration_minutes + 30"
        f" WHERE id = '{note_id}'",
        NOTE_TRIGGER,
    )  # fmt: skip
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    assert f"signed note {note_id}" in result.stderr


def test_a_signed_note_edited_with_its_hash_recomputed_fails_on_its_seal(
    run_cli: Run,
    signed: tuple[str, str, str],
    journal: Journal,
    vault_paths: VaultPaths,
    passphrase: str,
    passphrase_file: Path,
    vault_state_dir: Path,
) -> None:
    _mentee, note_id, _addendum = signed
    reopened = Journal.open(vault_paths, passphrase, clock=journal.clock, state_dir=vault_state_dir)
    note = reopened.get_note(note_id)
    reopened.lock()
    assert note.signed_at is not None
    forged = replace(note, duration_minutes=note.duration_minutes + 30)
    forged_hash = note_hash(forged, note.signed_at)
    tamper(
        vault_paths.root, passphrase_file,
        "DROP TRIGGER session_notes_signed_no_update",
        f"UPDATE session_notes SET duration_minutes = {forged.duration_minutes},"
        f" signature = '{forged_hash}' WHERE id = '{note_id}'",
        NOTE_TRIGGER,
    )  # fmt: skip
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    assert f"signed note {note_id}: its seal does not match" in result.stderr


ADDENDUM_TRIGGER = (
    "CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda BEGIN"
    " SELECT RAISE(ABORT, 'record signed: addenda are append-only'); END"
)


@pytest.mark.parametrize("kind", ["note", "note preview", "addendum"])
def test_a_signed_record_edited_through_the_reader_with_triggers_dropped_fails_verify_by_name(
    run_cli: Run,
    signed: tuple[str, str, str],
    vault_paths: VaultPaths,
    passphrase_file: Path,
    kind: str,
) -> None:
    """The issue's own test: edit through tools/open_vault.py, triggers dropped and put back."""
    _mentee, note_id, addendum_id = signed
    if kind in {"note", "note preview"}:
        column = "sections" if kind == "note" else "first_line"
        value = '[["Body","Something else happened."]]' if kind == "note" else "Another line."
        edit = (
            "DROP TRIGGER session_notes_signed_no_update",
            f"UPDATE session_notes SET {column} = '{value}' WHERE id = '{note_id}'",
            NOTE_TRIGGER,
        )
        named = f"signed note {note_id}"
    else:
        edit = (
            "DROP TRIGGER addenda_no_update",
            f"UPDATE addenda SET text = 'A different story.' WHERE id = '{addendum_id}'",
            ADDENDUM_TRIGGER,
        )
        named = f"addendum {addendum_id}"
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    before = tamper(vault_paths.root, passphrase_file, triggers)
    tamper(vault_paths.root, passphrase_file, *edit)
    assert tamper(vault_paths.root, passphrase_file, triggers) == before  # no trace left there
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    assert named in result.stderr


def test_a_signed_note_deleted_through_the_erasure_exception_is_caught(
    run_cli: Run, signed: tuple[str, str, str], vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    mentee_id, note_id, _addendum = signed
    tamper(
        vault_paths.root, passphrase_file,
        f"INSERT INTO erasure_in_progress(mentee_id) VALUES ('{mentee_id}')",
        f"DELETE FROM record_seals WHERE record_id IN (SELECT id FROM addenda WHERE note_id ="
        f" '{note_id}') OR record_id = '{note_id}'",
        f"DELETE FROM session_notes WHERE id = '{note_id}'",
        "DELETE FROM erasure_in_progress",
    )  # fmt: skip
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    assert f"signed note {note_id}" in result.stderr
    assert "no erasure took it" in result.stderr


def test_erasing_a_mentee_through_the_app_still_verifies(
    run_cli: Run,
    journal: Journal,
    vault_paths: VaultPaths,
    passphrase_file: Path,
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    journal.add_addendum(note.id, "Another line.")
    journal.erase_mentee(mentee.id)
    journal.lock()
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 0, result.stderr


@pytest.mark.parametrize(
    "statements",
    [
        # the tail cut off, both chains consistent with each other
        ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
         "DELETE FROM audit_macs WHERE seq = (SELECT max(seq) FROM audit_macs)"),
        # a middle row removed
        ("DELETE FROM audit_log WHERE seq = 2", "DELETE FROM audit_macs WHERE seq = 2"),
        # a row's action rewritten
        ("UPDATE audit_log SET action = 'export' WHERE seq = 2",),
    ],
    ids=["tail", "middle", "edit"],
)  # fmt: skip
def test_audit_log_tampering_is_caught(
    run_cli: Run,
    signed: tuple[str, str, str],
    vault_paths: VaultPaths,
    passphrase_file: Path,
    statements: Sequence[str],
) -> None:
    assert verify(run_cli, vault_paths.root, passphrase_file).code == 0  # remembers the head
    drops = [
        f"DROP TRIGGER {name}"
        for name in ("audit_log_no_delete", "audit_log_no_update", "audit_macs_no_delete")
    ]
    tamper(vault_paths.root, passphrase_file, *drops, *statements)
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    assert "audit log" in result.stderr


def test_a_middle_audit_event_removed_with_the_hash_chain_recomputed_is_caught(
    run_cli: Run, signed: tuple[str, str, str], vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    """The unkeyed chain recomputed after the cut verifies on its own; the keyed one cannot."""
    assert verify(run_cli, vault_paths.root, passphrase_file).code == 0
    (rows,) = tamper(
        vault_paths.root, passphrase_file,
        "SELECT seq, at, action, kind, record_id, detail FROM audit_log ORDER BY seq",
    )  # fmt: skip
    assert len(rows) >= 4
    kept = [row for row in rows if row[0] != 2]
    inserts, prev = [], audit.GENESIS_HASH
    for seq, (_old, at, action, kind, record_id, detail) in enumerate(kept, start=1):
        event = audit.canonical_event(
            seq=seq, at=str(at), action=str(action), kind=str(kind),
            record_id=None if record_id is None else str(record_id), detail=str(detail),
        )  # fmt: skip
        digest = audit.chain_hash(prev, event)
        rid = "NULL" if record_id is None else f"'{record_id}'"
        inserts.append(
            "INSERT INTO audit_log(seq, at, action, kind, record_id, detail, prev_hash, hash)"
            f" VALUES ({seq}, '{at}', '{action}', '{kind}', {rid}, '{detail}',"
            f" x'{prev.hex()}', x'{digest.hex()}')"
        )
        prev = digest
    tamper(
        vault_paths.root, passphrase_file,
        "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log", *inserts,
    )  # fmt: skip
    result = verify(run_cli, vault_paths.root, passphrase_file)
    assert result.code == 4
    problems = [line for line in result.stderr.splitlines() if "audit log:" in line]
    assert problems == [  # the plain hash chain, recomputed, holds: only the keyed one fails
        "mentorjournal: audit log: row 2 does not match its keyed chain (changed, moved or added)"
    ]


def test_every_seal_binds_the_key(journal: Journal) -> None:
    """The same record under another data key gets another seal (keyed, not a plain hash)."""
    one = sealing.SealKeys.derive(bytes(32))
    other = sealing.SealKeys.derive(bytes(31) + b"\x01")
    fields = ("id", "mentee", "2026-01-05T09:00:00+00:00", "2026-01-05T10:00:00+00:00", "ab" * 32)
    assert sealing.record_seal(one, "note", fields) != sealing.record_seal(other, "note", fields)


def test_an_edited_export_with_forged_history_imports_only_marked_not_verified_here(
    run_cli: Run,
    journal: Journal,
    vault_paths: VaultPaths,
    passphrase: str,
    passphrase_file: Path,
    vault_state_dir: Path,
    tmp_path: Path,
) -> None:
    """Recomputed hash, back-dated signing time, made-up audit history: another vault's seals
    cannot be checked here, so the import says so everywhere the record or event is shown."""
    note = make_note(journal, make_mentee(journal), sign=True)
    journal.lock()
    dump = tmp_path / "vault.json"
    vault = ("--vault", vault_paths.root, "--passphrase-file", passphrase_file)
    assert run_cli("export", "--json", dump, *vault).code == 0
    doc = json.loads(dump.read_text(encoding="utf-8"))
    table = doc["tables"]["session_notes"]
    row = table["rows"][0]
    column = {name: i for i, name in enumerate(table["columns"])}
    assert note.signed_at is not None
    back_dated = note.signed_at.replace(year=note.signed_at.year - 1)
    forged = replace(note, sections=(("Body", "A session that never happened like this."),))
    row[column["sections"]] = json.dumps([list(s) for s in forged.sections])
    row[column["first_line"]] = forged.first_line
    row[column["signed_at"]] = back_dated.isoformat()
    row[column["signature"]] = note_hash(forged, back_dated)
    doc["audit_events"].insert(
        0,
        {"at": back_dated.isoformat(), "action": "sign", "kind": "note",
         "record_id": note.id, "detail": ""},
    )  # fmt: skip
    dump.write_text(json.dumps(doc), encoding="utf-8")

    other = tmp_path / "other-vault"
    there = ("--vault", other, "--passphrase-file", passphrase_file)
    assert run_cli("init", *there).code == 0
    imported = run_cli("import", "--json", dump, *there)
    assert imported.code == 0, imported.stderr

    verified = run_cli("verify", *there)
    assert verified.code == 0, verified.stderr
    assert "1 signed record(s) came with a JSON import: imported, not verified here" in (
        verified.stdout
    )
    shown = run_cli("note", "show", note.id, *there)
    assert "seal: imported, not verified here" in shown.stdout
    events = json.loads(run_cli("audit", "--json", *there).stdout)
    import_seq = next(e["seq"] for e in events if e["action"] == "import")
    assert import_seq > 1
    assert all(e["imported"] == (e["seq"] < import_seq) for e in events)
    # The vault it came from still says "here" about its own note.
    own = run_cli("note", "show", note.id, *vault)
    assert "seal:" not in own.stdout
