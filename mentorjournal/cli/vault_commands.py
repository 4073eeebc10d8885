"""CLI command group for the vault itself: init, verify, keys, backup, restore, info.

Secrets come only from files named on the command line (first line) or a getpass prompt,
never from argv or the environment. Exit codes follow ``mentorjournal.errors``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from mentorjournal.backup import create_backup, restore_backup
from mentorjournal.cli.common import (
    accept_older_copy,
    add_command,
    read_first_line,
    read_passphrase,
    vault_dir,
)
from mentorjournal.clock import SystemClock
from mentorjournal.errors import UsageError, VaultCorrupt
from mentorjournal.paths import VaultPaths, user_state_dir
from mentorjournal.storage.vault_checks import check_integrity
from mentorjournal.sync import engine as sync_engine
from mentorjournal.vault.unlocked import (
    UnlockedVault,
    create_vault,
    read_vault_info,
    unlock_vault,
    unlock_with_recovery_key,
)

Handler = Callable[[argparse.Namespace], int]


def _paths(args: argparse.Namespace) -> VaultPaths:
    return VaultPaths(vault_dir(args))


def _warn(text: str) -> None:
    print(f"mentorjournal: warning: {text}", file=sys.stderr)


def _unlock(args: argparse.Namespace) -> UnlockedVault:
    vault = unlock_vault(
        _paths(args),
        read_passphrase(args),
        clock=SystemClock(),
        state_dir=user_state_dir(),
        accept_older_copy=accept_older_copy(args),
    )
    if vault.rollback_warning:
        _warn(vault.rollback_warning)
    return vault


def _new_passphrase(args: argparse.Namespace) -> str:
    """The new passphrase from ``--new-passphrase-file``, or asked twice on a terminal."""
    path = getattr(args, "new_passphrase_file", None)
    if path:
        return read_first_line(path, "new passphrase")
    if not sys.stdin.isatty():
        raise UsageError(
            "No terminal to ask for the new passphrase: use --new-passphrase-file FILE."
        )
    first = getpass.getpass("New passphrase: ")
    if getpass.getpass("Repeat the new passphrase: ") != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def _print_recovery_key(key: str) -> None:
    print("Recovery key (write it down and keep it somewhere safe; it is shown only once):")
    print(key)


def cmd_init(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if args.passphrase_file:
        passphrase = read_passphrase(args)
    else:
        args.new_passphrase_file = None
        passphrase = _new_passphrase(args)
    vault, recovery_key = create_vault(
        paths, passphrase, clock=SystemClock(), state_dir=user_state_dir()
    )
    try:
        print(f"Created a vault in {paths.root}")
        _print_recovery_key(recovery_key)
    finally:
        vault.lock()
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    vault = _unlock(args)  # key file checksum, MAC and unwrap are checked here
    try:
        report = check_integrity(vault.connection)
        problems = report.problems() + vault.verify_records()
        problems += sync_engine.verify_problems(vault.connection)
        origins = vault.seal_origins()
    finally:
        vault.lock()
    if problems:
        for problem in problems:
            print(f"mentorjournal: {problem}", file=sys.stderr)
        raise VaultCorrupt(f"The vault failed verification ({len(problems)} problem(s)).")
    print(
        "ok: key file, page authentication, integrity, foreign keys, "
        "seals of signed notes and addenda, audit log and its head, sync chains"
    )
    for origin, meaning in SEAL_CAVEATS.items():
        if origins.get(origin):
            print(f"note: {origins[origin]} signed record(s) {meaning}")
    return 0


#: Seals this vault made for records it did not sign itself: they vouch only from then on.
SEAL_CAVEATS = {
    "imported": "came with a JSON import: imported, not verified here (sealed on arrival)",
    "upgrade": "were signed before seals existed: sealed when the vault was upgraded",
    "synced": "were signed on another computer of this journal: sealed here as they arrived",
}


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    old = read_passphrase(args, "Current passphrase: ")
    new = _new_passphrase(args)
    vault = unlock_vault(
        _paths(args),
        old,
        clock=SystemClock(),
        state_dir=user_state_dir(),
        accept_older_copy=accept_older_copy(args),
    )
    try:
        vault.change_passphrase(old, new)
    finally:
        vault.lock()
    print("Passphrase changed.")
    return 0


def cmd_recovery_key(args: argparse.Namespace) -> int:
    vault = _unlock(args)
    try:
        key = vault.regenerate_recovery_key()
    finally:
        vault.lock()
    print("The previous recovery key no longer works.")
    _print_recovery_key(key)
    return 0


def cmd_reset_passphrase(args: argparse.Namespace) -> int:
    recovery = read_first_line(args.recovery_key_file, "recovery key")
    new = _new_passphrase(args)
    vault = unlock_with_recovery_key(
        _paths(args),
        recovery,
        clock=SystemClock(),
        state_dir=user_state_dir(),
        accept_older_copy=accept_older_copy(args),
    )
    try:
        vault.reset_passphrase(new)
    finally:
        vault.lock()
    print("Passphrase reset. Your recovery key still works.")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    current = read_passphrase(args, "Current passphrase: ")
    new = _new_passphrase(args) if args.new_passphrase_file else None
    vault = unlock_vault(
        _paths(args),
        current,
        clock=SystemClock(),
        state_dir=user_state_dir(),
        accept_older_copy=accept_older_copy(args),
    )
    shown: dict[str, int] = {}

    def progress(phase: str, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if shown.get(phase, -10) + 10 <= percent or done == total:
            shown[phase] = percent
            print(f"mentorjournal: rekey: {phase} {percent}%", file=sys.stderr)

    try:
        key = vault.rekey(current, new, progress=progress)
    finally:
        vault.lock()
    print("The vault has a new data key. Old key files, recovery keys and backups no longer")
    print("open it; make a new backup now.")
    _print_recovery_key(key)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    vault = _unlock(args)
    try:
        path = create_backup(vault, Path(args.dest_dir), clock=SystemClock(), audited=True)
    finally:
        vault.lock()
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    paths = _paths(args)
    recovery_key = passphrase = None
    if args.recovery_key_file:
        recovery_key = read_first_line(args.recovery_key_file, "recovery key")
    else:
        passphrase = read_passphrase(args, "Passphrase at the time of the backup: ")
    result = restore_backup(
        Path(args.backup_file),
        paths,
        passphrase,
        clock=SystemClock(),
        state_dir=user_state_dir(),
        recovery_key=recovery_key,
    )
    print(f"Restored the backup into {paths.root}")
    if result.kept_aside is not None:
        print(f"The previous vault was kept at {result.kept_aside}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    paths = _paths(args)
    kf = read_vault_info(paths)
    params = kf.passphrase.params
    size = paths.database.stat().st_size if paths.database.exists() else 0
    print(f"vault folder: {paths.root}")
    print(f"vault id: {kf.vault_id}")
    print(f"change counter: {kf.change_counter}")
    print(
        f"passphrase KDF: Argon2id, memory {params.memory_kib // 1024} MiB, "
        f"{params.iterations} passes, {params.lanes} lanes"
    )
    print("unlock methods: passphrase, recovery key")
    print(f"database size: {size} bytes")
    return 0


def _new_passphrase_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        required=required,
        help="read the new passphrase from the first line of FILE",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the parser."""
    add_command(sub, "init", cmd_init, "create a new vault and print its recovery key")
    add_command(sub, "verify", cmd_verify, "open the vault and check everything in it")
    change = add_command(sub, "change-passphrase", cmd_change_passphrase, "set a new passphrase")
    _new_passphrase_option(change, required=False)
    add_command(
        sub, "recovery-key", cmd_recovery_key, "make a new recovery key (the old one stops working)"
    )
    reset = add_command(
        sub, "reset-passphrase", cmd_reset_passphrase, "set a new passphrase using the recovery key"
    )
    reset.add_argument("--recovery-key-file", metavar="FILE", required=True)
    _new_passphrase_option(reset, required=False)
    rekey = add_command(
        sub,
        "rekey",
        cmd_rekey,
        "re-encrypt the whole vault under a new data key; prints a new recovery key",
    )
    _new_passphrase_option(rekey, required=False)
    backup = add_command(sub, "backup", cmd_backup, "write a verified backup file into DEST_DIR")
    backup.add_argument("dest_dir", metavar="DEST_DIR")
    restore = add_command(
        sub, "restore", cmd_restore, "replace the vault with a backup (the current one is kept)"
    )
    restore.add_argument("backup_file", metavar="BACKUP_FILE")
    restore.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        help="unlock the backup with the recovery key of its time instead of the passphrase",
    )
    add_command(
        sub, "info", cmd_info, "show facts about the vault (no secrets, no passphrase needed)"
    )
