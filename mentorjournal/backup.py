"""Backups: one self-contained, verified file per backup, and a restore that loses nothing.

A backup file holds the key file and an encrypted copy of the database (SQLite's online backup
API, same data key, so nothing is ever written in plaintext)::

    b"MJBACKUP" | u16 version | u32 len | key file | u64 len | database | sha256 of all before

It is built beside its destination, verified (opened with the data key, page authentication,
quick_check, row counts equal to the source) and only then renamed into place, 0600. Restore
verifies first, keeps the current vault aside under a timestamped name, then swaps folders
(atomically where the OS can exchange two paths). Unlocking a restored vault needs the
passphrase that was current when the backup was made.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from mentorjournal.clock import Clock
from mentorjournal.errors import VaultCorrupt, VaultExists, VaultMissing
from mentorjournal.fsutil import (
    PRIVATE_FILE_MODE,
    disk_errors,
    ensure_private_dir,
    fsync_dir,
)
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, meta
from mentorjournal.storage.connection import close_database, open_database, transaction
from mentorjournal.storage.schema import migrate
from mentorjournal.storage.vault_checks import (
    check_integrity,
    copy_database,
    database_errors,
    table_row_counts,
)
from mentorjournal.vault.keyfile import KeyFile, check_mac, parse
from mentorjournal.vault.lock import VaultLock
from mentorjournal.vault.rollback import remember_counter
from mentorjournal.vault.slots import unwrap_with_passphrase, unwrap_with_recovery_key
from mentorjournal.vault.swap import finish_interrupted_restore, helper_dir, mark_ready, swap_in
from mentorjournal.vault.unlocked import UnlockedVault

MAGIC = b"MJBACKUP"
FORMAT_VERSION = 1
SUFFIX = ".mjbackup"
_HEAD = struct.Struct(">8sHI")
_DB_LEN = struct.Struct(">Q")
_DIGEST = 32
_CHUNK = 1 << 20
_NAME = re.compile(r"^mentorjournal-([0-9a-f]{8})-(\d{8}-\d{6})(?:-\d+)?\.mjbackup$")


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself (checked against its checksum)."""

    path: Path
    keyfile: KeyFile
    keyfile_bytes: bytes
    db_offset: int
    db_length: int


@dataclass(frozen=True)
class BackupReport:
    """``verify_backup``'s findings; ``deep`` when the database was decrypted and checked."""

    vault_id: str
    change_counter: int
    deep: bool
    row_counts: dict[str, int]


@dataclass(frozen=True)
class RestoreResult:
    """Where the previous vault was kept (None when the folder was empty or absent)."""

    vault_id: str
    kept_aside: Path | None


def _stamp(clock: Clock) -> str:
    return clock.now().strftime("%Y%m%d-%H%M%S")


def backup_name(vault_id: str, at: datetime) -> str:
    return f"mentorjournal-{vault_id[:8]}-{at:%Y%m%d-%H%M%S}{SUFFIX}"


def _private_open(path: Path) -> BinaryIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    return os.fdopen(fd, "wb")


def _remove_db_files(path: Path) -> None:
    for extra in ("", "-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _write_container(out: BinaryIO, keyfile_bytes: bytes, db_path: Path) -> None:
    digest = hashlib.sha256()

    def put(data: bytes) -> None:
        digest.update(data)
        out.write(data)

    put(_HEAD.pack(MAGIC, FORMAT_VERSION, len(keyfile_bytes)))
    put(keyfile_bytes)
    put(_DB_LEN.pack(db_path.stat().st_size))
    with db_path.open("rb") as source:
        while chunk := source.read(_CHUNK):
            put(chunk)
    out.write(digest.digest())
    out.flush()
    os.fsync(out.fileno())


def _verify_copy(db_path: Path, key: bytes | bytearray, vault_id: str) -> dict[str, int]:
    """Open a database copy with ``key`` and check it fully; returns its row counts."""
    with database_errors():
        return _check_copy(db_path, key, vault_id)


def _check_copy(db_path: Path, key: bytes | bytearray, vault_id: str) -> dict[str, int]:
    conn = open_database(db_path, key)
    try:
        if meta.vault_id(conn) != vault_id:
            raise VaultCorrupt("The backup's database belongs to another vault than its key file.")
        report = check_integrity(conn, quick=True)
        if not report.ok:
            raise VaultCorrupt("The backup failed its check: " + "; ".join(report.problems()))
        return table_row_counts(conn)
    finally:
        close_database(conn)


def _unique_target(dest_dir: Path, name: str) -> Path:
    target = dest_dir / name
    n = 2
    while target.exists():
        target = dest_dir / name.replace(SUFFIX, f"-{n}{SUFFIX}")
        n += 1
    return target


def create_backup(
    vault: UnlockedVault, dest_dir: Path, *, clock: Clock, audited: bool = False
) -> Path:
    """Write one verified backup file into ``dest_dir`` and return its path.

    A missing ``dest_dir`` is created 0700; an existing one keeps its mode (it may be the
    mentor's own folder), since the backup file itself is 0600 and encrypted. ``audited``
    writes the ``backup`` event first (so the backup holds it), for callers that do not
    audit through the journal's command helper (the CLI).
    """
    if not dest_dir.is_dir():
        ensure_private_dir(dest_dir)
    if audited:
        with database_errors(), transaction(vault.connection):
            audit.append(vault.connection, at=clock.now(), action="backup", kind="vault",
                         record_id=None)  # fmt: skip
    token = secrets.token_hex(6)
    tmp_db = dest_dir / f".mjbackup-{token}.db"
    tmp_file = dest_dir / f".mjbackup-{token}.tmp"
    view = vault.data_key_view()
    key = bytearray(view)
    view.release()
    try:
        with disk_errors():
            expected = table_row_counts(vault.connection)
            with database_errors():
                copy_database(vault.connection, tmp_db, key)
            found = _verify_copy(tmp_db, key, vault.vault_id)
            if found != expected:
                raise VaultCorrupt("The backup copy does not hold the same rows as the vault.")
            keyfile_bytes = vault.paths.keyfile.read_bytes()
            with _private_open(tmp_file) as out:
                _write_container(out, keyfile_bytes, tmp_db)
            read_backup(tmp_file)  # what landed on disk is what we meant to write
            target = _unique_target(dest_dir, backup_name(vault.vault_id, clock.now()))
            os.replace(tmp_file, target)
            fsync_dir(dest_dir)
    finally:
        key[:] = bytes(len(key))
        _remove_db_files(tmp_db)
        tmp_file.unlink(missing_ok=True)
    return target


def _read_exact(handle: BinaryIO, size: int, digest: hashlib._Hash) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise VaultCorrupt("The backup file is truncated.")
    digest.update(data)
    return data


def read_backup(path: Path) -> BackupInfo:
    """Parse and checksum a backup file; ``VaultCorrupt`` for anything damaged or foreign."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise VaultMissing(f"There is no backup file at {path}") from None
    with handle:
        digest = hashlib.sha256()
        magic, version, kf_len = _HEAD.unpack(_read_exact(handle, _HEAD.size, digest))
        if magic != MAGIC:
            raise VaultCorrupt(f"{path.name} is not a Mentor Journal backup.")
        if version != FORMAT_VERSION:
            raise VaultCorrupt(f"{path.name} has backup format {version}, unknown to this app.")
        if kf_len > 1 << 16:
            raise VaultCorrupt("The backup file is damaged (key file length).")
        keyfile_bytes = _read_exact(handle, kf_len, digest)
        (db_len,) = _DB_LEN.unpack(_read_exact(handle, _DB_LEN.size, digest))
        db_offset = handle.tell()
        if path.stat().st_size != db_offset + db_len + _DIGEST:
            raise VaultCorrupt("The backup file is truncated or has extra bytes.")
        remaining = db_len
        while remaining:
            remaining -= len(_read_exact(handle, min(_CHUNK, remaining), digest))
        if handle.read(_DIGEST) != digest.digest():
            raise VaultCorrupt("The backup file is damaged: its checksum does not match.")
    return BackupInfo(path, parse(keyfile_bytes), keyfile_bytes, db_offset, db_len)


def _extract(info: BackupInfo, folder: Path) -> VaultPaths:
    """Write the backup's key file and database into ``folder`` (a fresh private folder)."""
    paths = VaultPaths(folder)
    with disk_errors():
        for target, write in ((paths.keyfile, _copy_keyfile), (paths.database, _copy_db)):
            with _private_open(target) as out:
                write(info, out)
                out.flush()
                os.fsync(out.fileno())
        fsync_dir(folder)
    return paths


def _copy_keyfile(info: BackupInfo, out: BinaryIO) -> None:
    out.write(info.keyfile_bytes)


def _copy_db(info: BackupInfo, out: BinaryIO) -> None:
    with info.path.open("rb") as source:
        source.seek(info.db_offset)
        remaining = info.db_length
        while remaining:
            chunk = source.read(min(_CHUNK, remaining))
            if not chunk:
                raise VaultCorrupt("The backup file is truncated.")
            out.write(chunk)
            remaining -= len(chunk)


@contextlib.contextmanager
def _unwrapped(
    info: BackupInfo, passphrase: str | None, recovery_key: str | None
) -> Iterator[bytearray]:
    if recovery_key is not None:
        key = unwrap_with_recovery_key(info.keyfile, recovery_key)
    elif passphrase is not None:
        key = unwrap_with_passphrase(info.keyfile, passphrase)
    else:
        raise ValueError("a passphrase or a recovery key is needed")
    try:
        check_mac(info.keyfile, key)
        yield key
    finally:
        key[:] = bytes(len(key))


def verify_backup(
    path: Path, passphrase: str | None = None, *, recovery_key: str | None = None
) -> BackupReport:
    """Check a backup file; with the passphrase (or recovery key) of its time, decrypt and
    check its database too."""
    info = read_backup(path)
    if passphrase is None and recovery_key is None:
        return BackupReport(info.keyfile.vault_id, info.keyfile.change_counter, False, {})
    scratch = path.parent / f".mjverify-{secrets.token_hex(6)}"
    ensure_private_dir(scratch)
    try:
        with _unwrapped(info, passphrase, recovery_key) as key:
            extracted = _extract(info, scratch)
            counts = _verify_copy(extracted.database, key, info.keyfile.vault_id)
    finally:
        _remove_tree(scratch)
    return BackupReport(info.keyfile.vault_id, info.keyfile.change_counter, True, counts)


def _remove_tree(folder: Path) -> None:
    if not folder.exists():
        return
    for child in folder.iterdir():
        child.unlink(missing_ok=True)
    folder.rmdir()


def restore_backup(
    backup_file: Path,
    paths: VaultPaths,
    passphrase: str | None = None,
    *,
    clock: Clock,
    state_dir: Path,
    recovery_key: str | None = None,
) -> RestoreResult:
    """Verify ``backup_file`` with its passphrase (or recovery key, from the time of the
    backup), then make it the vault at ``paths.root``.

    The current vault, if any, is renamed to ``<folder>.before-restore-<time>`` beside it and
    must not be open (``VaultInUse``). Restoring into an empty or absent folder works.
    """
    info = read_backup(backup_file)
    root = paths.root
    parent = root.parent
    if not parent.is_dir():
        ensure_private_dir(parent)
    finish_interrupted_restore(root)
    token = secrets.token_hex(4)
    staging = helper_dir(root, "restoring", token)
    aside = parent / f"{root.name}.before-restore-{_stamp(clock)}"
    if aside.exists():
        raise VaultExists(f"{aside} already exists; wait a second and try again.")
    ensure_private_dir(staging)
    current_lock = VaultLock(paths.lockfile)
    ready: Path | None = None
    try:
        with _unwrapped(info, passphrase, recovery_key) as key:
            _extract(info, staging)
            _verify_copy(VaultPaths(staging).database, key, info.keyfile.vault_id)
            _audit_restore(VaultPaths(staging).database, key, clock, backup_file.name)
            if paths.exists():
                current_lock.acquire()
            ready = mark_ready(staging, root, token)
            kept = swap_in(ready, root, aside, token)
            remember_counter(state_dir, info.keyfile.vault_id, info.keyfile.change_counter, key)
    except BaseException:
        finish_interrupted_restore(root)
        for leftover in (staging, ready):
            if leftover is not None and leftover.exists() and root.exists():
                _remove_tree(leftover)
        raise
    finally:
        current_lock.release()
    return RestoreResult(info.keyfile.vault_id, kept)


def _audit_restore(db_path: Path, key: bytes | bytearray, clock: Clock, name: str) -> None:
    """The restored vault's log says it was restored, and from which file (a name, no content)."""
    with database_errors():
        conn = open_database(db_path, key)
        try:
            migrate(conn)
            with transaction(conn):
                audit.append(conn, at=clock.now(), action="restore", kind="vault",
                             record_id=None, detail=f"from {name}")  # fmt: skip
        finally:
            close_database(conn)


def list_backups(backup_dir: Path, vault_id: str | None = None) -> list[Path]:
    """Backup files in ``backup_dir`` (optionally of one vault), oldest first by their name."""
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        match = _NAME.match(path.name)
        if match and (vault_id is None or match[1] == vault_id[:8]):
            found.append((match[2], path.name, path))
    return [path for _, _, path in sorted(found)]


def rotate_backups(backup_dir: Path, keep: int, *, vault_id: str | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups (of ``vault_id``); returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    backups = list_backups(backup_dir, vault_id)
    doomed = backups[:-keep]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def maybe_daily_backup(
    vault: UnlockedVault, backup_dir: Path, keep: int, clock: Clock
) -> Path | None:
    """After a change: back up if this vault has no backup from today yet, then rotate."""
    today = clock.now().strftime("%Y%m%d")
    for path in list_backups(backup_dir, vault.vault_id):
        match = _NAME.match(path.name)
        if match and match[2].startswith(today):
            return None
    made = create_backup(vault, backup_dir, clock=clock)
    rotate_backups(backup_dir, keep, vault_id=vault.vault_id)
    return made
