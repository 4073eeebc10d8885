"""The vault CLI commands and their exit codes (0 ok, 1 other, 2 usage, 3 wrong key, 4 damaged
or missing, 5 in use), each error one line (plus advice) on stderr and never a traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.paths import VaultPaths, user_state_dir
from mentorjournal.vault import kdf
from mentorjournal.vault.unlocked import UnlockedVault, unlock_vault
from tests.fixtures.vault_fixtures import CliResult

Run = Callable[..., CliResult]
KEY_RE = re.compile(r"^([A-Z2-7]{4}-){8}[A-Z2-7]{4}$", re.MULTILINE)


@dataclass
class CliVault:
    root: Path
    passphrase_file: Path
    recovery_key: str


def _secret_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def cli_vault(
    run_cli: Run, fast_kdf: kdf.KdfParams, tmp_path: Path, passphrase_file: Path
) -> CliVault:
    root = tmp_path / "vault"
    result = run_cli("--vault", root, "init", "--passphrase-file", passphrase_file)
    assert result.code == 0, result.stderr
    match = KEY_RE.search(result.stdout)
    assert match is not None
    return CliVault(root, passphrase_file, match[0])


def _no_traceback(result: CliResult) -> None:
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("mentorjournal: ")


def test_init_prints_the_recovery_key_and_refuses_a_second_init(
    run_cli: Run, cli_vault: CliVault
) -> None:
    again = run_cli(
        "--vault", cli_vault.root, "init", "--passphrase-file", cli_vault.passphrase_file
    )
    assert again.code == 1
    assert "already exists" in again.stderr
    _no_traceback(again)


def test_init_refuses_a_weak_passphrase(
    run_cli: Run, fast_kdf: kdf.KdfParams, tmp_path: Path
) -> None:
    weak = _secret_file(tmp_path, "weak", "qazwsxedcrfvtgb")
    result = run_cli("--vault", tmp_path / "v", "init", "--passphrase-file", weak)
    assert result.code == 1
    assert "common" in result.stderr
    assert not VaultPaths(tmp_path / "v").exists()


def test_verify_ok_and_vault_option_after_the_command(run_cli: Run, cli_vault: CliVault) -> None:
    result = run_cli(
        "verify", "--vault", cli_vault.root, "--passphrase-file", cli_vault.passphrase_file
    )
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_wrong_passphrase_exits_3(run_cli: Run, cli_vault: CliVault, tmp_path: Path) -> None:
    wrong = _secret_file(tmp_path, "wrong", "this is not the right passphrase")
    result = run_cli("--vault", cli_vault.root, "verify", "--passphrase-file", wrong)
    assert result.code == 3
    _no_traceback(result)


def test_missing_vault_exits_4(run_cli: Run, tmp_path: Path, passphrase_file: Path) -> None:
    result = run_cli("--vault", tmp_path / "none", "verify", "--passphrase-file", passphrase_file)
    assert result.code == 4
    _no_traceback(result)
    assert not (tmp_path / "none").exists()


def test_usage_errors_exit_2(run_cli: Run, cli_vault: CliVault, tmp_path: Path) -> None:
    assert run_cli("--vault", cli_vault.root, "backup").code == 2  # DEST_DIR missing
    missing_file = run_cli("--vault", cli_vault.root, "verify", "--passphrase-file", tmp_path / "x")
    assert missing_file.code == 2
    _no_traceback(missing_file)
    no_tty = run_cli("--vault", cli_vault.root, "verify")  # stdin is not a terminal
    assert no_tty.code == 2
    assert "--passphrase-file" in no_tty.stderr


def test_vault_in_use_exits_5(run_cli: Run, cli_vault: CliVault, passphrase: str) -> None:
    holder = unlock_vault(
        VaultPaths(cli_vault.root), passphrase, clock=ManualClock(), state_dir=user_state_dir()
    )
    try:
        result = run_cli(
            "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
        )
    finally:
        holder.lock()
    assert result.code == 5
    assert "in use" in result.stderr
    _no_traceback(result)


def test_vault_in_use_across_processes_exits_5(
    run_cli_process: Run, cli_vault: CliVault, passphrase: str
) -> None:
    holder = unlock_vault(
        VaultPaths(cli_vault.root), passphrase, clock=ManualClock(), state_dir=user_state_dir()
    )
    try:
        result = run_cli_process(
            "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
        )
    finally:
        holder.lock()
    assert result.code == 5, result.stderr
    _no_traceback(result)
    after = run_cli_process(
        "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
    )
    assert after.code == 0, after.stderr


def test_change_passphrase_then_old_fails_and_new_works(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    new = _secret_file(tmp_path, "new", "brand new passphrase with 'quotes' ü")
    result = run_cli(
        "--vault", cli_vault.root, "change-passphrase",
        "--passphrase-file", cli_vault.passphrase_file, "--new-passphrase-file", new,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert (
        run_cli(
            "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
        ).code
        == 3
    )
    assert run_cli("--vault", cli_vault.root, "verify", "--passphrase-file", new).code == 0


def test_recovery_key_regeneration_and_reset_passphrase(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    old_key = _secret_file(tmp_path, "old-key", cli_vault.recovery_key)
    new = _secret_file(tmp_path, "new", "reset passphrase: river lantern copper")
    regenerated = run_cli(
        "--vault", cli_vault.root, "recovery-key", "--passphrase-file", cli_vault.passphrase_file
    )
    assert regenerated.code == 0, regenerated.stderr
    match = KEY_RE.search(regenerated.stdout)
    assert match is not None and match[0] != cli_vault.recovery_key
    stale = run_cli(
        "--vault", cli_vault.root, "reset-passphrase",
        "--recovery-key-file", old_key, "--new-passphrase-file", new,
    )  # fmt: skip
    assert stale.code == 3
    fresh_key = _secret_file(tmp_path, "fresh-key", match[0].lower().replace("-", " "))
    reset = run_cli(
        "--vault", cli_vault.root, "reset-passphrase",
        "--recovery-key-file", fresh_key, "--new-passphrase-file", new,
    )  # fmt: skip
    assert reset.code == 0, reset.stderr
    assert run_cli("--vault", cli_vault.root, "verify", "--passphrase-file", new).code == 0


def test_recovery_key_typo_exits_3_with_a_typo_message(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    key = cli_vault.recovery_key
    typo = _secret_file(tmp_path, "typo", key[:-1] + ("A" if key[-1] != "A" else "B"))
    new = _secret_file(tmp_path, "new", "reset passphrase: river lantern copper")
    result = run_cli(
        "--vault", cli_vault.root, "reset-passphrase",
        "--recovery-key-file", typo, "--new-passphrase-file", new,
    )  # fmt: skip
    assert result.code == 3
    assert "typo" in result.stderr


def test_backup_prints_its_path_and_restore_brings_it_back(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    backup = run_cli(
        "--vault",
        cli_vault.root,
        "backup",
        tmp_path / "backups",
        "--passphrase-file",
        cli_vault.passphrase_file,
    )
    assert backup.code == 0, backup.stderr
    written = Path(backup.stdout.strip().splitlines()[-1])
    assert written.is_file() and written.parent == tmp_path / "backups"
    assert written.stat().st_mode & 0o777 == 0o600
    restored_root = tmp_path / "new-machine" / "vault"
    restore = run_cli(
        "--vault", restored_root, "restore", written, "--passphrase-file", cli_vault.passphrase_file
    )
    assert restore.code == 0, restore.stderr
    assert (
        run_cli(
            "--vault", restored_root, "verify", "--passphrase-file", cli_vault.passphrase_file
        ).code
        == 0
    )


def test_restore_of_a_damaged_backup_exits_4_and_keeps_the_vault(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    damaged = tmp_path / "damaged.mjbackup"
    damaged.write_bytes(b"MJBACKUP" + bytes(200))
    before = (cli_vault.root / "journal.db").read_bytes()
    result = run_cli(
        "--vault",
        cli_vault.root,
        "restore",
        damaged,
        "--passphrase-file",
        cli_vault.passphrase_file,
    )
    assert result.code == 4
    _no_traceback(result)
    assert (cli_vault.root / "journal.db").read_bytes() == before


def test_info_shows_facts_without_secrets_or_passphrase(
    run_cli: Run, cli_vault: CliVault, passphrase: str
) -> None:
    result = run_cli("--vault", cli_vault.root, "info")
    assert result.code == 0, result.stderr
    assert "vault id:" in result.stdout and "Argon2id" in result.stdout
    assert passphrase not in result.stdout
    assert cli_vault.recovery_key not in result.stdout
    keyfile_text = (cli_vault.root / "vault.key").read_text()
    for blob in re.findall(r'"([A-Za-z0-9+/=]{20,})"', keyfile_text):
        assert blob not in result.stdout


def _open_for_tampering(cli_vault: CliVault, passphrase: str) -> UnlockedVault:
    return unlock_vault(
        VaultPaths(cli_vault.root), passphrase, clock=ManualClock(), state_dir=user_state_dir()
    )


def test_verify_reports_a_broken_audit_chain_as_exit_4(
    run_cli: Run, cli_vault: CliVault, passphrase: str
) -> None:
    vault = _open_for_tampering(cli_vault, passphrase)
    try:
        vault.connection.execute(
            "INSERT INTO audit_log(seq, at, action, kind, record_id, detail, prev_hash, hash) "
            "VALUES (1, '2026-01-05T09:00:00Z', 'create', 'note', 'n1', '', ?, ?)",
            (bytes(32), bytes(32)),
        )
    finally:
        vault.lock()
    result = run_cli(
        "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
    )
    assert result.code == 4
    assert "audit log" in result.stderr


def test_verify_reports_a_foreign_key_violation_as_exit_4(
    run_cli: Run, cli_vault: CliVault, passphrase: str
) -> None:
    vault = _open_for_tampering(cli_vault, passphrase)
    try:
        conn = vault.connection
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("CREATE TABLE parent(id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE child(parent_id INTEGER REFERENCES parent(id))")
        conn.execute("INSERT INTO child VALUES (42)")
    finally:
        vault.lock()
    result = run_cli(
        "--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file
    )
    assert result.code == 4
    assert "foreign key: child" in result.stderr


def test_an_older_copy_stops_the_cli_until_the_mentor_accepts_it(
    run_cli: Run, cli_vault: CliVault
) -> None:
    saved = {p.name: p.read_bytes() for p in cli_vault.root.iterdir() if p.name != ".lock"}
    args = ("--vault", cli_vault.root, "verify", "--passphrase-file", cli_vault.passphrase_file)
    assert run_cli(*args).code == 0
    for name, data in saved.items():
        (cli_vault.root / name).write_bytes(data)
    refused = run_cli(*args)
    assert refused.code == 4
    assert "This vault is an older copy" in refused.stderr
    assert "--accept-older-copy" in refused.stderr
    assert (cli_vault.root / "journal.db").read_bytes() == saved["journal.db"]
    accepted = run_cli(*args, "--accept-older-copy")
    assert accepted.code == 0, accepted.stderr
    assert "warning: This vault is an older copy" in accepted.stderr
    assert run_cli(*args).code == 0  # confirmed once: the next open is quiet


def test_restore_with_the_recovery_key_after_the_passphrase_changed(
    run_cli: Run, cli_vault: CliVault, tmp_path: Path
) -> None:
    backup = run_cli(
        "--vault",
        cli_vault.root,
        "backup",
        tmp_path / "b",
        "--passphrase-file",
        cli_vault.passphrase_file,
    )
    written = backup.stdout.strip().splitlines()[-1]
    new = _secret_file(tmp_path, "new", "brand new passphrase with 'quotes' ü")
    run_cli(
        "--vault", cli_vault.root, "change-passphrase",
        "--passphrase-file", cli_vault.passphrase_file, "--new-passphrase-file", new,
    )  # fmt: skip
    key_file = _secret_file(tmp_path, "key", cli_vault.recovery_key)
    target = tmp_path / "elsewhere"
    wrong = run_cli("--vault", target, "restore", written, "--passphrase-file", new)
    assert wrong.code == 3  # the backup still has the passphrase of its time
    restored = run_cli("--vault", target, "restore", written, "--recovery-key-file", key_file)
    assert restored.code == 0, restored.stderr
    assert (
        run_cli("--vault", target, "verify", "--passphrase-file", cli_vault.passphrase_file).code
        == 0
    )
