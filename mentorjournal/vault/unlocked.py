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
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from mentorjournal.clock import Clock
from mentorjournal.errors import (
    DiskFull,
    KeyFileOutdated,
    MentorJournalError,
    OlderCopy,
    UsageError,
    VaultCorrupt,
    VaultExists,
    VaultMissing,
)
from mentorjournal.fsutil import atomic_write_bytes, ensure_private_dir, fsync_dir
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, meta, proofs, sealing
from mentorjournal.storage.connection import (
    Connection,
    close_database,
    open_database,
    transaction,
)
from mentorjournal.storage.reencrypt import export_reencrypted, reseal
from mentorjournal.storage.schema import migrate
from mentorjournal.storage.vault_checks import database_errors, quick_check_problems
from mentorjournal.vault import kdf as _kdf
from mentorjournal.vault import rekey as rekey_files
from mentorjournal.vault.keyfile import (
    AuditHead,
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
#: Told a rekey's phase ("checking", "copying", "sealing", "switching"), done and total.
RekeyProgress = Callable[[str, int, int], None]


def _report(progress: RekeyProgress | None, phase: str, done: int, total: int) -> None:
    if progress is not None:
        progress(phase, done, total)


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
        self._new_recovery_text = ""

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
        """Remember the audit head, checkpoint and close, wipe the key, release. Idempotent."""
        if self._locked:
            return
        try:
            self._remember_audit_head()
        finally:
            self._locked = True
            try:
                close_database(self.connection)
            finally:
                wipe(self._data_key)
                self._lock.release()

    @property
    def key_generation(self) -> int:
        return self._keyfile.generation

    @property
    def audit_head(self) -> AuditHead | None:
        """The newest audit event remembered in the key file (outside the database)."""
        return self._keyfile.audit_head

    def _next_audit_head(self) -> AuditHead | None:
        """The chain's newest value, unless the remembered head has gone missing.

        A head that the database no longer holds is evidence (a log cut short, or a database
        replaced); it stays in the key file so ``verify`` keeps reporting it.
        """
        current = self._keyfile.audit_head
        if current is not None and not sealing.head_is_present(
            self.connection, current.seq, current.mac
        ):
            return current
        found = sealing.audit_head(self.connection)
        return current if found is None else AuditHead(found[0], found[1])

    def _remember_audit_head(self) -> None:
        """Best effort at lock: a failure here loses only how fresh the head is, never data."""
        with contextlib.suppress(MentorJournalError, OSError), database_errors():
            head = self._next_audit_head()
            if head != self._keyfile.audit_head:
                self._store_keyfile(replace(self._keyfile, audit_head=head))

    def verify_records(self) -> list[str]:
        """Every seal, both audit chains and the remembered head; problems name the record."""
        self._require_unlocked()
        head = self._keyfile.audit_head
        return proofs.verify_records(
            self.connection, None if head is None else (head.seq, head.mac)
        )

    def seal_origins(self) -> dict[str, int]:
        """Seals per origin (``here``, ``imported``, ``upgrade``): what ``verify`` can vouch for."""
        self._require_unlocked()
        return sealing.origin_counts(self.connection)

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
        self._store_secrets(replace(self._keyfile, passphrase=slot))

    def _store_secrets(self, kf: KeyFile) -> None:
        """A key file with new secrets: a new generation, recorded in the key file first and
        then in the database, so every older copy of the key file is refused from now on (a
        crash between the two leaves the key file ahead, which the next unlock accepts)."""
        generation = max(kf.generation, meta.key_generation(self.connection)) + 1
        self._store_keyfile(replace(kf, generation=generation))
        meta.store_key_generation(self.connection, generation)

    def recalibrate_passphrase_slot(self, passphrase: str, params: _kdf.KdfParams) -> None:
        """Rewrap the passphrase slot with new KDF parameters (same passphrase, proven first)."""
        self._require_unlocked()
        _kdf.require_floor(params)
        wipe(unwrap_with_passphrase(self._keyfile, passphrase))
        slot = new_passphrase_slot(self.vault_id, passphrase, params, self._data_key)
        self._store_secrets(replace(self._keyfile, passphrase=slot))

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
        self._store_secrets(replace(self._keyfile, passphrase=slot))

    def regenerate_recovery_key(self) -> str:
        """A new recovery key; the old one stops working once this returns."""
        self._require_unlocked()
        slot, text = new_recovery_slot(self.vault_id, self._data_key)
        self._store_secrets(replace(self._keyfile, recovery=slot))
        return text

    def adopt_recovery_key(self, recovery_key: str) -> None:
        """Seal the data key under the mentor's existing recovery key instead of a new one."""
        self._require_unlocked()
        slot = recovery_slot_for_key(self.vault_id, self._data_key, recovery_key)
        self._store_secrets(replace(self._keyfile, recovery=slot))

    def rekey(
        self,
        current_passphrase: str | None,
        new_passphrase: str | None = None,
        *,
        progress: RekeyProgress | None = None,
    ) -> str:
        """A new data key for the whole vault; returns the new recovery key, and locks.

        Old key files, old recovery keys and old backups then open nothing current: the
        database is re-encrypted under the new key (a copy, switched in crash-safely, see
        ``vault/rekey.py``), its seals and audit chain re-sealed, and the key file gets a new
        passphrase slot (same passphrase unless ``new_passphrase``), a new recovery key and a
        new generation. ``current_passphrase`` may be None only after a recovery-key unlock
        with a ``new_passphrase``. Refused, changing nothing, while ``verify`` finds a problem:
        re-sealing would vouch for it.
        """
        self._require_unlocked()
        passphrase = new_passphrase if new_passphrase is not None else current_passphrase
        if passphrase is None or (current_passphrase is None and not self.unlocked_via_recovery):
            raise UsageError("A new data key needs the current passphrase.")
        if current_passphrase is not None:
            wipe(unwrap_with_passphrase(self._keyfile, current_passphrase))
        if new_passphrase is not None:
            check_passphrase(new_passphrase)
        _report(progress, "checking", 0, 1)
        problems = self.verify_records()
        if problems:
            raise VaultCorrupt(
                f"The vault failed verification ({problems[0]}); nothing was changed. "
                "Run verify, and restore a backup if needed, before a new key."
            )
        rekey_files.discard_unfinished(self.paths)
        new_key = bytearray(os.urandom(DATA_KEY_BYTES))
        try:
            kf = self._rekeyed_copy(new_key, passphrase, progress)
            _report(progress, "switching", 0, 1)
            self._switch_to(kf, new_key)
            _report(progress, "switching", 1, 1)
        finally:
            wipe(new_key)
        return self._new_recovery_text

    def _rekeyed_copy(
        self, new_key: bytearray, passphrase: str, progress: RekeyProgress | None
    ) -> KeyFile:
        """Steps 1-2 of a rekey: the new database beside the old one, then the new key file."""
        old = self.connection
        generation = max(self._keyfile.generation, meta.key_generation(old)) + 1
        counter = max(meta.change_counter(old), self.change_counter) + 1
        build = rekey_files.building_database(self.paths)
        try:
            with database_errors():
                export_reencrypted(
                    old, build, new_key,
                    None if progress is None else lambda d, t: progress("copying", d, t),
                )  # fmt: skip
                copy = open_database(build, new_key, quick_check=False)
                try:
                    _report(progress, "sealing", 0, 1)
                    reseal(copy, key_generation=generation)
                    meta.store_change_counter(copy, counter)
                    with transaction(copy):
                        audit.append(copy, at=self.clock.now(), action="rekey", kind="vault",
                                     record_id=None, detail=f"generation={generation}")  # fmt: skip
                    head = sealing.audit_head(copy)
                    if quick_check_problems(copy):
                        raise VaultCorrupt(
                            "The re-encrypted copy failed its check; nothing changed."
                        )
                finally:
                    close_database(copy)
            params = self.kdf_params if self.kdf_params.meets(_kdf.FLOOR) else _kdf.DEFAULT_PARAMS
            slot = new_passphrase_slot(self.vault_id, passphrase, params, new_key)
            recovery, self._new_recovery_text = new_recovery_slot(self.vault_id, new_key)
            kf = seal(
                replace(
                    self._keyfile, change_counter=counter, passphrase=slot, recovery=recovery,
                    generation=generation,
                    audit_head=None if head is None else AuditHead(head[0], head[1]),
                ),
                new_key,
            )  # fmt: skip
            write_keyfile(rekey_files.next_keyfile(self.paths), kf)
            build.replace(rekey_files.next_database(self.paths))
            fsync_dir(self.paths.root)
        except BaseException:
            with contextlib.suppress(OSError):
                rekey_files.discard_unfinished(self.paths)
            raise
        return kf

    def _switch_to(self, kf: KeyFile, new_key: bytearray) -> None:
        """Steps 3-4: commit the new key file, put the new database in place, lock."""
        self._locked = True
        try:
            close_database(self.connection)
            os.replace(rekey_files.next_keyfile(self.paths), self.paths.keyfile)  # the commit
            fsync_dir(self.paths.root)
            self._keyfile = kf
            rekey_files.put_database_in_place(self.paths)
            remember_counter(self.state_dir, self.vault_id, kf.change_counter, new_key)
        finally:
            wipe(self._data_key)
            self._lock.release()

    def bump_change_counter(self) -> int:
        """Record a new write session: database first, then key file, then the memory outside."""
        self._require_unlocked()
        remembered = remembered_counter(self.state_dir, self.vault_id, self._data_key) or 0
        counter = max(meta.change_counter(self.connection), self.change_counter, remembered) + 1
        meta.store_change_counter(self.connection, counter)
        if self._keyfile.generation > meta.key_generation(self.connection):
            meta.store_key_generation(self.connection, self._keyfile.generation)
        kf = replace(self._keyfile, change_counter=counter, audit_head=self._next_audit_head())
        self._store_keyfile(kf)
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
    demo: bool = False,
) -> tuple[UnlockedVault, str]:
    """Make a new vault in ``paths.root``; returns it unlocked and the recovery key text.

    Refuses when a vault is already there. A marker file stands while the vault is being made:
    if creation fails or the machine dies half-way, the next attempt recognises the leftovers
    (which cannot contain notes) and starts clean instead of refusing.
    """
    _refuse_existing(paths)
    check_passphrase(passphrase, allow_published=demo)  # the demo's passphrase is published
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
        keyfile = seal(KeyFile(vault_id, 1, slot, recovery, generation=1), data_key)
        write_keyfile(paths.keyfile, keyfile)  # first: it proves what the marker names
        conn = open_database(paths.database, data_key, create=True)
        migrate(conn)
        meta.init_meta(conn, vault_id=vault_id, created_at=clock.now().isoformat(), counter=1)
        meta.store_key_generation(conn, 1)
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
    accept_older_copy: bool = False,
) -> UnlockedVault:
    conn: Connection | None = None
    try:
        check_mac(kf, data_key)
        with database_errors():
            conn = open_database(paths.database, data_key)
            stored_id = meta.vault_id(conn)
            if stored_id != kf.vault_id:
                raise VaultCorrupt("The vault database belongs to another vault than its key file.")
            if kf.generation < meta.key_generation(conn):
                raise KeyFileOutdated(
                    "This key file is older than the journal: the journal's passphrase or "
                    "recovery key has changed since this copy of vault.key was made."
                )
            opened_at = max(meta.change_counter(conn), 0)
        remembered = remembered_counter(state_dir, kf.vault_id, data_key)
        warning = None
        if remembered is not None and remembered > opened_at:
            warning = rollback_message(opened_at, remembered)
            if not accept_older_copy:
                # Nothing is written (no migration, no counter bump) until the mentor says so.
                raise OlderCopy(warning)
        with database_errors():
            migrate(conn)
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
    paths: VaultPaths,
    secret: str,
    *,
    clock: Clock,
    state_dir: Path,
    via_recovery: bool,
    accept_older_copy: bool,
) -> UnlockedVault:
    _check_present(paths)
    vault_lock = VaultLock(paths.lockfile)
    vault_lock.acquire()
    try:
        rekey_files.finish_interrupted_rekey(paths)
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
            accept_older_copy=accept_older_copy,
        )
    except BaseException:
        vault_lock.release()
        raise


def unlock_vault(
    paths: VaultPaths,
    passphrase: str,
    *,
    clock: Clock,
    state_dir: Path,
    accept_older_copy: bool = False,
) -> UnlockedVault:
    """Unlock with the passphrase. Wrong passphrase: ``WrongPassphrase``, database untouched.

    An older copy than one seen before raises ``OlderCopy`` (nothing written) unless
    ``accept_older_copy``; an older key file raises ``KeyFileOutdated``.
    """
    return _unlock(
        paths, passphrase, clock=clock, state_dir=state_dir, via_recovery=False,
        accept_older_copy=accept_older_copy,
    )  # fmt: skip


def unlock_with_recovery_key(
    paths: VaultPaths,
    recovery_key: str,
    *,
    clock: Clock,
    state_dir: Path,
    accept_older_copy: bool = False,
) -> UnlockedVault:
    """Unlock with the printed recovery key (then ``reset_passphrase`` is allowed)."""
    return _unlock(
        paths, recovery_key, clock=clock, state_dir=state_dir, via_recovery=True,
        accept_older_copy=accept_older_copy,
    )  # fmt: skip


def read_vault_info(paths: VaultPaths) -> KeyFile:
    """The key file's public facts (id, counter, KDF cost) without unlocking: for ``info``."""
    _check_present(paths)
    return read_keyfile(paths.keyfile)
