"""Key rollback and rotation: an older key file is refused; rekey makes old secrets useless."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mentorjournal.errors import KeyFileOutdated, WrongPassphrase
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.vault.unlocked import unlock_vault, unlock_with_recovery_key
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.fixtures.vault_fixtures import REPO_ROOT, CliResult, CreatedVault

Run = Callable[..., CliResult]


def _secret(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_an_older_key_file_put_back_is_refused_with_exit_4(
    run_cli: Run, new_vault: CreatedVault, tmp_path: Path, passphrase_file: Path
) -> None:
    vault = new_vault.vault
    old_keyfile = new_vault.paths.keyfile.read_bytes()
    vault.change_passphrase(new_vault.passphrase, "quiet harbour lantern with copper bells")
    vault.regenerate_recovery_key()
    vault.lock()
    new_vault.paths.keyfile.write_bytes(old_keyfile)  # the old copy put back
    with pytest.raises(KeyFileOutdated, match="older than the journal"):
        unlock_vault(
            new_vault.paths, new_vault.passphrase, clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )  # fmt: skip
    with pytest.raises(KeyFileOutdated):
        unlock_with_recovery_key(
            new_vault.paths, new_vault.recovery_key, clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )  # fmt: skip
    result = run_cli(
        "--vault", new_vault.paths.root, "verify", "--passphrase-file", passphrase_file
    )
    assert result.code == 4
    assert "older than the journal" in result.stderr


def test_rekey_keeps_every_record_and_old_secrets_open_nothing(
    run_cli: Run,
    journal: Journal,
    vault_paths: VaultPaths,
    passphrase: str,
    passphrase_file: Path,
    vault_state_dir: Path,
    tmp_path: Path,
) -> None:
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    journal.add_addendum(note.id, "Added after signing.")
    journal.lock()
    old_keyfile = vault_paths.keyfile.read_bytes()
    old_database = vault_paths.database.read_bytes()
    result = run_cli("--vault", vault_paths.root, "rekey", "--passphrase-file", passphrase_file)
    assert result.code == 0, result.stderr
    assert "rekey: copying" in result.stderr
    new_recovery = result.stdout.strip().splitlines()[-1]
    assert vault_paths.database.read_bytes() != old_database
    assert sorted(p.name for p in vault_paths.root.iterdir()) == [
        ".lock",
        "journal.db",
        "vault.key",
    ]
    verified = run_cli("--vault", vault_paths.root, "verify", "--passphrase-file", passphrase_file)
    assert verified.code == 0, verified.stderr
    reopened = Journal.open(vault_paths, passphrase, clock=journal.clock, state_dir=vault_state_dir)
    assert reopened.get_note(note.id).signature == note.signature
    assert [e.action for e in reopened.audit_events(limit=2)] == ["unlock", "rekey"]
    reopened.lock()
    unlock_with_recovery_key(
        vault_paths, new_recovery, clock=journal.clock, state_dir=vault_state_dir
    ).lock()
    # The old key file (as in any old backup) unwraps the old data key, which no longer
    # decrypts the journal.
    vault_paths.keyfile.write_bytes(old_keyfile)
    refused = run_cli("--vault", vault_paths.root, "verify", "--passphrase-file", passphrase_file)
    assert refused.code == 4
    # Not only the app's refusal: the standalone reader, which knows nothing of generations,
    # unwraps the old data key from the old key file and still cannot read the journal.
    reader = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tools" / "open_vault.py"), str(vault_paths.root),
         "--passphrase-file", str(passphrase_file), "--sql", "SELECT count(*) FROM mentees"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert reader.returncode == 4, reader.stderr
    assert "cannot be read" in reader.stderr
    assert reader.stdout == ""


def test_rekey_with_a_wrong_current_passphrase_changes_nothing(
    new_vault: CreatedVault,
) -> None:
    with pytest.raises(WrongPassphrase):
        new_vault.vault.rekey("not the passphrase at all, sorry")
    assert not new_vault.vault.is_locked
    new_vault.vault.lock()
    names = sorted(p.name for p in new_vault.paths.root.iterdir())
    assert names == [".lock", "journal.db", "vault.key"]
    unlock_with_recovery_key(  # the same data key: the old recovery key still works
        new_vault.paths, new_vault.recovery_key, clock=new_vault.clock,
        state_dir=new_vault.state_dir,
    ).lock()  # fmt: skip
