"""The unlocked vault, and the functions that create, unlock and re-key it.

Order matters and is the security contract: take the single-instance lock, read and check the
key file, derive and unwrap (a wrong passphrase fails here, before the database is touched),
then open the database with the data key, check it belongs to this vault, migrate, and bump
the change counter (database, then key file, then the rollback memory outside the vault).
Key material lives in bytearrays that ``lock()`` overwrites.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path

from mentorjournal.clock import Clock
from mentorjournal.errors import (
    DiskFull,
    UsageError,
    VaultCorrupt,
    VaultExists,
    VaultMissing,
)
from mentorjournal.fsutil import atomic_write_bytes, ensure_private_dir, fsync_dir
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import meta
from mentorjournal.storage.connection import (
    Connection,
    close_database,
    open_database,
)
from mentorjournal.storage.schema import migrate
from mentorjournal.storage.vault_checks import database_errors
from mentorjournal.vault import kdf as _kdf
from mentorjournal.vault.keyfile import (
    KeyFile,
    check_mac,
    read_keyfile,
    seal,
    serialise,
    write_keyfile,
)
from mentorjournal.vault.lock import VaultLock
from mentorjournal.vault.passphrase import check_passphrase
from mentorjournal.vault.rollback import remember_counter, remembered_counter, rollback_message
from mentorjournal.vault.slots import (
    new_passphrase_slot,
    new_recovery_slot,
    recovery_slot_for_key,
    unwrap_with_passphrase,
    unwrap_with_recovery_key,
    wipe,
)
from mentorjournal.vault.swap import finish_interrupted_restore

DATA_KEY_BYTES = 32


class UnlockedVault:
    """An open vault: its connection, identity and key material until ``lock()``."""

    def __init__(
        self,
        *,
        paths: VaultPaths,
        keyfile: KeyFile,
        data_key: bytearray,
        connection: Connection,
        vault_lock: VaultLock,
        clock: Clock,
        state_dir: Path,
        via_recovery: bool = False,
        rollback_warning: str | None = None,
    ) -> None:
        self.paths = paths
        self.vault_id = keyfile.vault_id
        self.connection: Connection = connection
        self.rollback_warning = rollback_warning
        #: A plain-language notice about the open itself (e.g. a full disk), or None.
        self.open_notice: str | None = None
        self.clock = clock
        self.state_dir = state_dir
        self.unlocked_via_recovery = via_recovery
        self._keyfile = keyfile
        self._data_key = data_key
        self._lock = vault_lock
        self._locked = False

    @property
    def kdf_params(self) -> _kdf.KdfParams:
        return self._keyfile.passphrase.params

    @property
    def change_counter(self) -> int:
        return self._keyfile.change_counter

    @property
    def is_locked(self) -> bool:
        return self._locked

    def data_key_view(self) -> memoryview:
        """Read-only view of the data key, for the backup module's verification of its copy."""
        self._require_unlocked()
        return memoryview(self._data_key).toreadonly()

    def key_material(self) -> tuple[bytearray, ...]:
        """The buffers ``lock()`` wipes (tests check they end up zeroed)."""
        return (self._data_key,)

    def _require_unlocked(self) -> None:
        if self._locked:
            raise UsageError("The vault is locked.")

    def lock(self) -> None:
        """Checkpoint and close the database, wipe the data key, release the lock. Idempotent."""
        if self._locked:
            return
        self._locked = True
        try:
            close_database(self.connection)
        finally:
            wipe(self._data_key)
            self._lock.release()

    def _store_keyfile(self, kf: KeyFile) -> None:
        sealed = seal(kf, self._data_key)
        try:
            write_keyfile(self.paths.keyfile, sealed)
        except BaseException:
            # Failing after the rename (e.g. the folder fsync) leaves the new file in place:
            # follow the disk, so a later counter bump cannot write the old slots back.
            with contextlib.suppress(OSError):
                if self.paths.keyfile.read_bytes() == serialise(sealed):
                    self._keyfile = sealed
            raise
        self._keyfile = sealed

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under ``new``; the database file is not touched."""
        self._require_unlocked()
        check_passphrase(new)
        wipe(unwrap_with_passphrase(self._keyfile, old))
        params = self.kdf_params
        if not params.meets(_kdf.FLOOR):
            params = _kdf.DEFAULT_PARAMS
        _kdf.require_floor(params)
        slot = new_passphrase_slot(self.vault_id, new, params, self._data_key)
        self._store_keyfile(
            KeyFile(self.vault_id, self.change_counter, slot, self._keyfile.recovery)
        )

    def recalibrate_passphrase_slot(self, passphrase: str, params: _kdf.KdfParams) -> None:
        """Rewrap the passphrase slot with new KDF parameters (same passphrase, proven first)."""
        self._require_unlocked()
        _kdf.require_floor(params)
        wipe(unwrap_with_passphrase(self._keyfile, passphrase))
        slot = new_passphrase_slot(self.vault_id, passphrase, params, self._data_key)
        self._store_keyfile(
            KeyFile(self.vault_id, self.change_counter, slot, self._keyfile.recovery)
        )

    def reset_passphrase(self, new: str) -> None:
        """Set a new passphrase without the old one: allowed only after a recovery-key unlock."""
        self._require_unlocked()
        if not self.unlocked_via_recovery:
            raise UsageError(
                "Resetting the passphrase needs the recovery key; use change passphrase."
            )
        check_passphrase(new)
        params = self.kdf_params if self.kdf_params.meets(_kdf.FLOOR) else _kdf.DEFAULT_PARAMS
        _kdf.require_floor(params)
        slot = new_passphrase_slot(self.vault_id, new, params, self._data_key)
        self._store_keyfile(
            KeyFile(self.vault_id, self.change_counter, slot, self._keyfile.recovery)
        )

    def regenerate_recovery_key(self) -> str:
        """A new recovery key; the old one stops working once this returns."""
        self._require_unlocked()
        slot, text = new_recovery_slot(self.vault_id, self._data_key)
        self._store_keyfile(
            KeyFile(self.vault_id, self.change_counter, self._keyfile.passphrase, slot)
        )
        return text

    def adopt_recovery_key(self, recovery_key: str) -> None:
        """Seal the data key under the mentor's existing recovery key instead of a new one."""
        self._require_unlocked()
        slot = recovery_slot_for_key(self.vault_id, self._data_key, recovery_key)
        self._store_keyfile(
            KeyFile(self.vault_id, self.change_counter, self._keyfile.passphrase, slot)
        )

    def bump_change_counter(self) -> int:
        """Record a new write session: database first, then key file, then the memory outside."""
        self._require_unlocked()
        remembered = remembered_counter(self.state_dir, self.vault_id, self._data_key) or 0
        counter = max(meta.change_counter(self.connection), self.change_counter, remembered) + 1
        meta.store_change_counter(self.connection, counter)
        kf = self._keyfile
        self._store_keyfile(KeyFile(kf.vault_id, counter, kf.passphrase, kf.recovery))
        remember_counter(self.state_dir, self.vault_id, counter, self._data_key)
        return counter


#: Shown after an unlock on a full disk: everything can be read, nothing new can be saved yet.
DISK_FULL_NOTICE = (
    "Your disk is full. Your journal is open and every note can be read, but new changes "
    "cannot be saved until you free some disk space."
)


def _creation_marker(paths: VaultPaths) -> Path:
    """Present while a vault is being created: its files cannot hold any notes yet."""
    return paths.root / ".creating"


def _remove_unfinished(paths: VaultPaths) -> None:
    database = paths.database
    for path in (
        paths.keyfile,
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
        _creation_marker(paths),
    ):
        path.unlink(missing_ok=True)


def _marker_vault_id(paths: VaultPaths) -> str | None:
    """The vault id the creation marker names, or None (no marker, or not one we wrote)."""
    try:
        text = _creation_marker(paths).read_bytes()[:64].decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if len(text) == 36 else None


def _is_unfinished_creation(paths: VaultPaths) -> bool:
    """True only for the leftovers of a creation that never finished, which hold no notes.

    A marker alone proves nothing (it may be stray or copied): the leftovers count as ours only
    when the marker names the vault id of the key file beside it, and that key file has never
    been unlocked (change counter 1). The key file is written before the database, so a
    database without a key file is never treated as a leftover.
    """
    marked = _marker_vault_id(paths)
    if marked is None or not paths.keyfile.is_file():
        return False
    try:
        kf = read_keyfile(paths.keyfile)
    except (VaultCorrupt, VaultMissing, OSError):
        return False
    return kf.vault_id == marked and kf.change_counter == 1


def _refuse_existing(paths: VaultPaths) -> None:
    if paths.exists() and not _is_unfinished_creation(paths):
        raise VaultExists(f"A vault already exists in {paths.root}; it was not changed.")


def create_vault(
    paths: VaultPaths,
    passphrase: str,
    *,
    clock: Clock,
    state_dir: Path,
    kdf: _kdf.KdfParams | None = None,
) -> tuple[UnlockedVault, str]:
    """Make a new vault in ``paths.root``; returns it unlocked and the recovery key text.

    Refuses when a vault is already there. A marker file stands while the vault is being made:
    if creation fails or the machine dies half-way, the next attempt recognises the leftovers
    (which cannot contain notes) and starts clean instead of refusing.
    """
    _refuse_existing(paths)
    check_passphrase(passphrase)
    params = kdf if kdf is not None else _kdf.calibrate(clock)
    _kdf.require_floor(params)
    ensure_private_dir(paths.root)
    vault_lock = VaultLock(paths.lockfile)
    vault_lock.acquire()
    data_key = bytearray(os.urandom(DATA_KEY_BYTES))
    vault_id = str(uuid.uuid4())
    conn: Connection | None = None
    try:
        _refuse_existing(paths)  # checked again under the lock
        if paths.exists():
            _remove_unfinished(paths)  # proven leftovers of an unfinished creation
        _creation_marker(paths).unlink(missing_ok=True)
        atomic_write_bytes(_creation_marker(paths), vault_id.encode("ascii"))
        recovery, recovery_text = new_recovery_slot(vault_id, data_key)
        slot = new_passphrase_slot(vault_id, passphrase, params, data_key)
        keyfile = seal(KeyFile(vault_id, 1, slot, recovery), data_key)
        write_keyfile(paths.keyfile, keyfile)  # first: it proves what the marker names
        conn = open_database(paths.database, data_key, create=True)
        migrate(conn)
        meta.init_meta(conn, vault_id=vault_id, created_at=clock.now().isoformat(), counter=1)
        _creation_marker(paths).unlink()
        fsync_dir(paths.root)
    except BaseException as exc:
        if conn is not None:
            close_database(conn)
        if not isinstance(exc, VaultExists) and _is_unfinished_creation(paths):
            _remove_unfinished(paths)  # ours: no notes can be in a vault still being made
        elif not isinstance(exc, VaultExists) and not paths.keyfile.exists():
            _creation_marker(paths).unlink(missing_ok=True)
        wipe(data_key)
        vault_lock.release()
        raise
    remember_counter(state_dir, vault_id, 1, data_key)
    vault = UnlockedVault(
        paths=paths,
        keyfile=keyfile,
        data_key=data_key,
        connection=conn,
        vault_lock=vault_lock,
        clock=clock,
        state_dir=state_dir,
    )
    return vault, recovery_text


def _check_present(paths: VaultPaths) -> None:
    finish_interrupted_restore(paths.root)
    if not paths.keyfile.exists():
        if paths.database.exists():
            raise VaultCorrupt(f"The vault key file is missing in {paths.root}.")
        raise VaultMissing(f"There is no vault in {paths.root}.")


def _open_unlocked(
    paths: VaultPaths,
    kf: KeyFile,
    data_key: bytearray,
    vault_lock: VaultLock,
    *,
    clock: Clock,
    state_dir: Path,
    via_recovery: bool,
) -> UnlockedVault:
    conn: Connection | None = None
    try:
        check_mac(kf, data_key)
        with database_errors():
            conn = open_database(paths.database, data_key)
            stored_id = meta.vault_id(conn)
            if stored_id != kf.vault_id:
                raise VaultCorrupt("The vault database belongs to another vault than its key file.")
            migrate(conn)
            opened_at = max(meta.change_counter(conn), 0)
        remembered = remembered_counter(state_dir, kf.vault_id, data_key)
        warning = None
        if remembered is not None and remembered > opened_at:
            warning = rollback_message(opened_at, remembered)
        vault = UnlockedVault(
            paths=paths,
            keyfile=kf,
            data_key=data_key,
            connection=conn,
            vault_lock=vault_lock,
            clock=clock,
            state_dir=state_dir,
            via_recovery=via_recovery,
            rollback_warning=warning,
        )
        try:
            with database_errors():
                vault.bump_change_counter()
        except DiskFull:
            # Reading must still work when the disk is full: each save will say DiskFull itself,
            # and the counter is bumped at the next unlock with space (rollback checks use max).
            vault.open_notice = DISK_FULL_NOTICE
        # It unlocked and is consistent, so creation did finish: it now may hold notes.
        _creation_marker(paths).unlink(missing_ok=True)
    except BaseException:
        if conn is not None:
            with contextlib.suppress(Exception):
                close_database(conn)
        wipe(data_key)
        raise
    return vault


def _unlock(
    paths: VaultPaths, secret: str, *, clock: Clock, state_dir: Path, via_recovery: bool
) -> UnlockedVault:
    _check_present(paths)
    vault_lock = VaultLock(paths.lockfile)
    vault_lock.acquire()
    try:
        kf = read_keyfile(paths.keyfile)
        data_key = (
            unwrap_with_recovery_key(kf, secret)
            if via_recovery
            else unwrap_with_passphrase(kf, secret)
        )
        return _open_unlocked(
            paths,
            kf,
            data_key,
            vault_lock,
            clock=clock,
            state_dir=state_dir,
            via_recovery=via_recovery,
        )
    except BaseException:
        vault_lock.release()
        raise


def unlock_vault(
    paths: VaultPaths, passphrase: str, *, clock: Clock, state_dir: Path
) -> UnlockedVault:
    """Unlock with the passphrase. Wrong passphrase: ``WrongPassphrase``, database untouched."""
    return _unlock(paths, passphrase, clock=clock, state_dir=state_dir, via_recovery=False)


def unlock_with_recovery_key(
    paths: VaultPaths, recovery_key: str, *, clock: Clock, state_dir: Path
) -> UnlockedVault:
    """Unlock with the printed recovery key (then ``reset_passphrase`` is allowed)."""
    return _unlock(paths, recovery_key, clock=clock, state_dir=state_dir, via_recovery=True)


def read_vault_info(paths: VaultPaths) -> KeyFile:
    """The key file's public facts (id, counter, KDF cost) without unlocking: for ``info``."""
    _check_present(paths)
    return read_keyfile(paths.keyfile)
