"""Vault-level fault tests (issue 7): crashes between steps, damaged key files, foreign
databases, stale locks after kill -9, and key wiping.

A crash is simulated faithfully: just before the Nth file-system step (os.write, os.fsync,
os.replace, os.rename) the folder is copied exactly as it is on disk at that instant, as if
the power went out there, and the step raises. The copy must then open with the old or the
new state, never a broken one. Every N is tried until the operation runs to completion.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from mentorjournal import backup as backup_module
from mentorjournal.backup import create_backup, list_backups, restore_backup, verify_backup
from mentorjournal.clock import ManualClock
from mentorjournal.errors import (
    DiskFull,
    MentorJournalError,
    VaultCorrupt,
    VaultExists,
    VaultInUse,
    VaultMissing,
    WrongPassphrase,
)
from mentorjournal.paths import VaultPaths
from mentorjournal.storage.connection import transaction
from mentorjournal.vault import unlocked as unlocked_module
from mentorjournal.vault.keyfile import MAGIC, read_keyfile
from mentorjournal.vault.unlocked import (
    UnlockedVault,
    create_vault,
    unlock_vault,
    unlock_with_recovery_key,
)
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

NEW_PASSPHRASE = "the new passphrase after the crash test, ünïcödé"
STEPS = ("write", "fsync", "replace", "rename")
Run = Callable[..., CliResult]
Begin = Callable[[], tuple[Callable[[], object], Callable[[], None]]]


class Crash(OSError):
    """The simulated power cut."""


@dataclass
class CrashAt:
    """Before call number ``at`` to any step in ``STEPS``: snapshot ``world`` and raise."""

    world: Path
    snapshot: Path
    at: int
    calls: int = 0
    crashed: bool = False
    steps_seen: list[str] = field(default_factory=list)

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            self.steps_seen.append(name)
            if self.calls == self.at and not self.crashed:
                self.crashed = True
                shutil.copytree(self.world, self.snapshot, symlinks=True)
                raise Crash(errno.EIO, f"simulated crash before {name} #{self.at}")
            return real(*args, **kwargs)

        return step


@dataclass
class Crashes:
    monkeypatch: pytest.MonkeyPatch
    tmp_path: Path

    def run(self, world: Path, at: int, operation: Callable[[], object]) -> CrashAt | None:
        """Run ``operation`` crashing before step ``at``; None when it finished first."""
        crash = CrashAt(world, self.tmp_path / f"crash-{at}", at)
        with self.monkeypatch.context() as patch:
            for name in STEPS:
                patch.setattr(os, name, crash.wrap(name, getattr(os, name)))
            with contextlib.suppress(Crash):
                operation()
        return crash if crash.crashed else None

    def each_point(self, world: Path, begin: Begin) -> Iterator[CrashAt]:
        """Crash at step 1, 2, ... each time from the same starting ``world``.

        ``begin()`` opens what it needs and returns the operation and its clean-up.
        """
        pristine = self.tmp_path / "pristine"
        shutil.copytree(world, pristine, symlinks=True)
        at = 1
        while True:
            shutil.rmtree(world)
            shutil.copytree(pristine, world, symlinks=True)
            operation, cleanup = begin()
            try:
                crash = self.run(world, at, operation)
            finally:
                cleanup()
            if crash is None:
                print(f"{at - 1} crash points tried, then a clean run")
                return
            yield crash
            at += 1
            assert at < 200, "the operation never finished"


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Crashes:
    return Crashes(monkeypatch, tmp_path)


@pytest.fixture
def world_vault(
    fast_kdf: object, tmp_path: Path, passphrase: str, vault_state_dir: Path
) -> Iterator[CreatedVault]:
    """A vault inside ``tmp_path/world`` (so snapshots can include its neighbours)."""
    paths = VaultPaths(tmp_path / "world" / "vault")
    clock = ManualClock()
    vault, key = create_vault(paths, passphrase, clock=clock, state_dir=vault_state_dir)
    with transaction(vault.connection):
        vault.connection.execute("CREATE TABLE notes(t TEXT)")
        vault.connection.execute("INSERT INTO notes VALUES ('acknowledged note')")
    created = CreatedVault(vault, key, paths, passphrase, vault_state_dir, clock)
    yield created
    created.vault.lock()


def _open_any(paths: VaultPaths, secrets: list[str], state_dir: Path) -> tuple[str, list[str]]:
    """Unlock with whichever secret works; return it and the notes (fails if none works).

    Crash snapshots share one rollback memory, so an earlier snapshot is "an older copy":
    accepted here, since what is tested is that it opens whole.
    """
    for secret in secrets:
        try:
            vault = unlock_vault(
                paths, secret, clock=ManualClock(), state_dir=state_dir, accept_older_copy=True
            )
        except WrongPassphrase:
            continue
        try:
            notes = [r[0] for r in vault.connection.execute("SELECT t FROM notes")]
        finally:
            vault.lock()
        return secret, notes
    raise AssertionError(f"no passphrase opens {paths.root}")


def _reopen(created: CreatedVault) -> UnlockedVault:
    return unlock_vault(
        created.paths,
        created.passphrase,
        clock=created.clock,
        state_dir=created.state_dir,
        accept_older_copy=True,  # each crash run starts again from the same older copy
    )


def test_crash_at_every_step_of_a_passphrase_change_leaves_old_or_new(
    world_vault: CreatedVault, crashes: Crashes
) -> None:
    world = world_vault.paths.root.parent
    world_vault.vault.lock()

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        vault = _reopen(world_vault)
        return lambda: vault.change_passphrase(world_vault.passphrase, NEW_PASSPHRASE), vault.lock

    seen: set[str] = set()
    for crash in crashes.each_point(world, begin):
        paths = VaultPaths(crash.snapshot / "vault")
        secret, notes = _open_any(
            paths, [world_vault.passphrase, NEW_PASSPHRASE], world_vault.state_dir
        )
        seen.add(secret)
        assert notes == ["acknowledged note"]
    # Before the atomic rename: the old passphrase; after it (folder fsync): the new one.
    assert seen == {world_vault.passphrase, NEW_PASSPHRASE}
    # The run that finished really switched the passphrase.
    assert (
        _open_any(world_vault.paths, [NEW_PASSPHRASE], world_vault.state_dir)[0] == NEW_PASSPHRASE
    )


def test_crash_at_every_step_of_recovery_key_regeneration_keeps_the_vault_openable(
    world_vault: CreatedVault, crashes: Crashes
) -> None:
    """Before the rename the old recovery key still works; after it a new, intact slot is in
    place (its text was never shown, so the mentor regenerates again with the passphrase)."""
    world = world_vault.paths.root.parent
    original = read_keyfile(world_vault.paths.keyfile).recovery
    world_vault.vault.lock()

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        vault = _reopen(world_vault)
        return vault.regenerate_recovery_key, vault.lock

    outcomes: set[str] = set()
    for crash in crashes.each_point(world, begin):
        paths = VaultPaths(crash.snapshot / "vault")
        _open_any(paths, [world_vault.passphrase], world_vault.state_dir)  # MAC and slots intact
        if read_keyfile(paths.keyfile).recovery == original:
            outcomes.add("old")
            unlock_with_recovery_key(
                paths,
                world_vault.recovery_key,
                clock=ManualClock(),
                state_dir=world_vault.state_dir,
            ).lock()
        else:
            outcomes.add("new")
    assert outcomes == {"old", "new"}


def test_crash_at_every_step_of_a_backup_leaves_the_vault_and_only_whole_backups(
    world_vault: CreatedVault, crashes: Crashes
) -> None:
    world = world_vault.paths.root.parent
    dest = world / "backups"
    world_vault.vault.lock()

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        vault = _reopen(world_vault)
        return lambda: create_backup(vault, dest, clock=world_vault.clock), vault.lock

    points = 0
    for crash in crashes.each_point(world, begin):
        points += 1
        _open_any(
            VaultPaths(crash.snapshot / "vault"), [world_vault.passphrase], world_vault.state_dir
        )
        for made in list_backups(crash.snapshot / "backups"):
            assert verify_backup(made, world_vault.passphrase).deep
        leftovers = list(dest.glob(".mjbackup-*"))  # the failed attempt cleaned up after itself
        assert leftovers == []
    assert points >= 3
    assert len(list_backups(dest)) == 1


@pytest.mark.parametrize("atomic_exchange", [True, False], ids=["exchange", "two-renames"])
def test_crash_at_every_step_of_a_restore_leaves_old_or_new_vault(
    world_vault: CreatedVault,
    crashes: Crashes,
    monkeypatch: pytest.MonkeyPatch,
    atomic_exchange: bool,
) -> None:
    """With the atomic exchange (Linux) and with the portable two renames, whose gap is
    closed by ``finish_interrupted_restore`` on the next unlock."""
    if not atomic_exchange:
        monkeypatch.setattr("mentorjournal.vault.swap.exchange", lambda a, b: False)
    world, vault = world_vault.paths.root.parent, world_vault.vault
    backup = create_backup(vault, world / "backups", clock=world_vault.clock)
    with transaction(vault.connection):
        vault.connection.execute("INSERT INTO notes VALUES ('written after the backup')")
    vault.lock()
    old = ["acknowledged note", "written after the backup"]
    new = ["acknowledged note"]

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        def restore() -> object:
            return restore_backup(
                backup,
                world_vault.paths,
                world_vault.passphrase,
                clock=world_vault.clock,
                state_dir=world_vault.state_dir,
            )

        return restore, lambda: None

    outcomes: list[list[str]] = []
    for crash in crashes.each_point(world, begin):
        _, notes = _open_any(
            VaultPaths(crash.snapshot / "vault"), [world_vault.passphrase], world_vault.state_dir
        )
        assert notes in (old, new)
        outcomes.append(notes)
    assert old in outcomes and new in outcomes
    _, notes = _open_any(world_vault.paths, [world_vault.passphrase], world_vault.state_dir)
    assert notes == new


def test_crash_at_every_step_of_vault_creation_leaves_nothing_or_a_whole_vault(
    fast_kdf: object, tmp_path: Path, passphrase: str, vault_state_dir: Path, crashes: Crashes
) -> None:
    """After a crash during ``init`` the folder either opens, or ``init`` simply works again
    (never "a vault already exists" over leftovers that cannot be opened)."""
    world = tmp_path / "world"
    world.mkdir()
    paths = VaultPaths(world / "vault")
    made: list[UnlockedVault] = []

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        def create() -> object:
            made.append(
                create_vault(paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir)[0]
            )
            return None

        def cleanup() -> None:
            for vault in made:
                vault.lock()

        return create, cleanup

    outcomes: set[str] = set()
    for crash in crashes.each_point(world, begin):
        snapshot = VaultPaths(crash.snapshot / "vault")
        try:
            unlock_vault(
                snapshot, passphrase, clock=ManualClock(), state_dir=vault_state_dir
            ).lock()
            outcomes.add("complete")
        except (VaultMissing, VaultCorrupt):
            vault, _ = create_vault(
                snapshot, passphrase, clock=ManualClock(), state_dir=vault_state_dir
            )
            vault.lock()
            outcomes.add("retried")
    assert outcomes == {"retried", "complete"}
    unlock_vault(paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir).lock()


def test_a_creation_that_failed_is_cleaned_up_and_can_be_retried(
    fast_kdf: object,
    tmp_path: Path,
    passphrase: str,
    vault_state_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = VaultPaths(tmp_path / "vault")

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full)
        with pytest.raises(DiskFull):
            create_vault(paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir)
    assert not paths.exists()
    assert sorted(p.name for p in paths.root.iterdir()) == [".lock"]
    vault, _ = create_vault(paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir)
    vault.lock()


def test_a_real_vault_without_its_key_file_is_never_cleaned_away(
    new_vault: CreatedVault,
) -> None:
    new_vault.vault.lock()
    new_vault.paths.keyfile.unlink()
    database = new_vault.paths.database.read_bytes()
    with pytest.raises(VaultExists):
        create_vault(
            new_vault.paths,
            new_vault.passphrase,
            clock=ManualClock(),
            state_dir=new_vault.state_dir,
        )
    assert new_vault.paths.database.read_bytes() == database


def test_disk_full_while_rewriting_the_key_file_is_diskfull_and_keeps_the_old_file(
    world_vault: CreatedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = world_vault.paths.keyfile.read_bytes()

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(DiskFull):
        world_vault.vault.change_passphrase(world_vault.passphrase, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert world_vault.paths.keyfile.read_bytes() == before
    assert not list(world_vault.paths.root.glob(".vault.key.tmp-*"))
    world_vault.vault.lock()
    _open_any(world_vault.paths, [world_vault.passphrase], world_vault.state_dir)


def _keyfile_damage(raw: bytes, stride: int) -> Iterator[tuple[str, bytes]]:
    for offset in range(0, len(raw), stride):
        damaged = bytearray(raw)
        damaged[offset] ^= 1 << (offset % 8)
        yield f"bit flip at {offset}", bytes(damaged)
    for cut in range(0, len(raw), 7 * stride):
        yield f"truncated to {cut}", raw[:cut]
    yield "wrong version", raw.replace(f"{MAGIC} ".encode(), f"{MAGIC} 9".encode(), 1)
    yield "extra bytes", raw + b"\n"


def _check_keyfile_damage(
    created: CreatedVault, run_cli: Run, passphrase_file: Path, stride: int
) -> int:
    created.vault.lock()
    paths = created.paths
    raw = paths.keyfile.read_bytes()
    db_before = paths.database.read_bytes()
    cases = 0
    for label, damaged in _keyfile_damage(raw, stride):
        paths.keyfile.write_bytes(damaged)
        result = run_cli("--vault", paths.root, "verify", "--passphrase-file", passphrase_file)
        assert result.code == 4, (label, result.code, result.stderr)
        assert "Traceback" not in result.stderr
        assert paths.keyfile.read_bytes() == damaged, label
        cases += 1
    assert paths.database.read_bytes() == db_before
    paths.keyfile.write_bytes(raw)
    assert run_cli("--vault", paths.root, "verify", "--passphrase-file", passphrase_file).code == 0
    return cases


def test_damaged_key_file_is_a_typed_error_and_is_never_changed(
    new_vault: CreatedVault, run_cli: Run, passphrase_file: Path
) -> None:
    """Short version for ``make test``: every 11th byte, a spread of truncations."""
    assert _check_keyfile_damage(new_vault, run_cli, passphrase_file, stride=11) > 50


@pytest.mark.slow
def test_damaged_key_file_at_every_offset_is_a_typed_error_and_is_never_changed(
    new_vault: CreatedVault, run_cli: Run, passphrase_file: Path
) -> None:
    """Long version for ``make faults``: a bit flip at every byte, a truncation every 7."""
    size = len(new_vault.paths.keyfile.read_bytes())
    assert _check_keyfile_damage(new_vault, run_cli, passphrase_file, stride=1) > size


def test_database_from_another_vault_is_exit_4_and_untouched(
    new_vault: CreatedVault, run_cli: Run, passphrase_file: Path, tmp_path: Path
) -> None:
    other, _ = create_vault(
        VaultPaths(tmp_path / "other"),
        new_vault.passphrase,
        clock=ManualClock(),
        state_dir=new_vault.state_dir,
    )
    other.lock()
    new_vault.vault.lock()
    foreign = (tmp_path / "other" / "journal.db").read_bytes()
    new_vault.paths.database.write_bytes(foreign)
    result = run_cli(
        "--vault", new_vault.paths.root, "verify", "--passphrase-file", passphrase_file
    )
    assert result.code == 4
    assert new_vault.paths.database.read_bytes() == foreign


HOLD_OPEN = """
import sys, time
from pathlib import Path
from mentorjournal.clock import ManualClock
from mentorjournal.paths import VaultPaths
from mentorjournal.vault.unlocked import unlock_vault
from mentorjournal.storage.connection import transaction
passphrase = Path(sys.argv[2]).read_text(encoding="utf-8").rstrip("\\n")
vault = unlock_vault(VaultPaths(Path(sys.argv[1])), passphrase, clock=ManualClock(), state_dir=Path(sys.argv[3]))
with transaction(vault.connection):
    vault.connection.execute("INSERT INTO notes VALUES ('written by the killed process')")
print("open", flush=True)
time.sleep(120)
"""


def test_stale_lock_after_kill_9_is_recovered_and_the_vault_verifies(
    world_vault: CreatedVault, passphrase_file: Path, run_cli: Run
) -> None:
    world_vault.vault.lock()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLD_OPEN,
            str(world_vault.paths.root),
            str(passphrase_file),
            str(world_vault.state_dir),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"open"
        with pytest.raises(VaultInUse):
            _open_any(world_vault.paths, [world_vault.passphrase], world_vault.state_dir)
        holder.kill()
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    _, notes = _open_any(world_vault.paths, [world_vault.passphrase], world_vault.state_dir)
    assert notes == ["acknowledged note", "written by the killed process"]
    verify = run_cli(
        "--vault", world_vault.paths.root, "verify", "--passphrase-file", passphrase_file
    )
    assert verify.code == 0, verify.stderr


def test_key_bytearrays_are_zeroed_after_lock_and_after_a_failed_open(
    new_vault: CreatedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffers = new_vault.vault.key_material()
    assert all(any(b) for b in buffers)
    new_vault.vault.lock()
    assert all(b == bytearray(len(b)) for b in buffers)

    seen: list[bytearray] = []
    real_open = unlocked_module.open_database

    def spy(path: Path, key: bytearray, **kwargs: Any) -> Any:
        seen.append(key)
        real_open(path, key, **kwargs).close()
        raise VaultCorrupt("simulated damage found after the key was unwrapped")

    monkeypatch.setattr(unlocked_module, "open_database", spy)
    with pytest.raises(VaultCorrupt):
        unlock_vault(
            new_vault.paths,
            new_vault.passphrase,
            clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )
    assert len(seen) == 1 and seen[0] == bytearray(32)
    monkeypatch.undo()
    # ...and the failed open released the lock.
    unlock_vault(
        new_vault.paths, new_vault.passphrase, clock=new_vault.clock, state_dir=new_vault.state_dir
    ).lock()


def test_errors_of_every_vault_fault_are_typed_with_exit_codes() -> None:
    for error in (VaultCorrupt, WrongPassphrase, VaultInUse, DiskFull):
        assert issubclass(error, MentorJournalError)
    assert backup_module.MAGIC == b"MJBACKUP"
