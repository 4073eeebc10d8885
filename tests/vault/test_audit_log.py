"""The mentor can read the audit log (ids and actions, never content); CLI backups and restores
are in it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.fixtures.vault_fixtures import CliResult

Run = Callable[..., CliResult]
CANARY = "zqcanarytextxq"


def _audit(run_cli: Run, root: Path, passphrase_file: Path, *extra: str) -> list[dict[str, object]]:
    result = run_cli(
        "--vault", root, "audit", "--json", "--passphrase-file", passphrase_file, *extra
    )
    assert result.code == 0, result.stderr
    events: list[dict[str, object]] = json.loads(result.stdout)
    return events


def test_audit_json_lists_ids_and_actions_filtered_by_mentee_and_action(
    run_cli: Run, journal: Journal, vault_paths: VaultPaths, passphrase_file: Path
) -> None:
    first = make_mentee(journal, "M-001")
    other = make_mentee(journal, "M-002")
    note = make_note(journal, first, text=f"Talked about {CANARY}.", sign=True)
    make_note(journal, other)
    journal.lock()
    everything = _audit(run_cli, vault_paths.root, passphrase_file)
    assert CANARY not in json.dumps(everything)
    assert set(everything[0]) == {"seq", "at", "action", "kind", "record_id", "imported"}
    seqs = [e["seq"] for e in everything]
    assert seqs == sorted(seqs, reverse=True)
    mine = _audit(run_cli, vault_paths.root, passphrase_file, "--mentee", "M-001")
    assert {e["record_id"] for e in mine} == {first.id, note.id}
    signs = _audit(run_cli, vault_paths.root, passphrase_file, "--action", "sign")
    assert [(e["kind"], e["record_id"]) for e in signs] == [("note", note.id)]
    bad = run_cli(
        "--vault", vault_paths.root, "audit", "--action", "nonsense", "--passphrase-file",
        passphrase_file,
    )  # fmt: skip
    assert bad.code == 2


def test_cli_backup_and_restore_are_audited(
    run_cli: Run, journal: Journal, vault_paths: VaultPaths, passphrase_file: Path, tmp_path: Path
) -> None:
    make_mentee(journal)
    journal.lock()
    made = run_cli(
        "--vault", vault_paths.root, "backup", tmp_path / "backups", "--passphrase-file",
        passphrase_file,
    )  # fmt: skip
    assert made.code == 0, made.stderr
    backup_file = made.stdout.strip().splitlines()[-1]
    assert [e["action"] for e in _audit(run_cli, vault_paths.root, passphrase_file,
                                         "--action", "backup")] == ["backup"]  # fmt: skip
    restored = run_cli(
        "--vault", vault_paths.root, "restore", backup_file, "--passphrase-file", passphrase_file
    )
    assert restored.code == 0, restored.stderr
    actions = [e["action"] for e in _audit(run_cli, vault_paths.root, passphrase_file)]
    assert "restore" in actions and "backup" in actions
    verified = run_cli("--vault", vault_paths.root, "verify", "--passphrase-file", passphrase_file)
    assert verified.code == 0, verified.stderr
