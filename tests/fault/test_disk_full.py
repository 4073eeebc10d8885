"""A full disk: the save fails with DiskFull, nothing saved is lost, and saving works once space returns.

Three levels: SQLite's own SQLITE_FULL (the database may not grow: ``max_page_count``), ENOSPC
from the operating system during an atomic file write (injected: the disk is outside our
control), and, where this process may mount one, a real 2 MiB tmpfs filled to the brim (1 MiB
no longer holds four notes now that a vault also carries its sync and seal tables).
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.domain.notes import FREE_SECTION
from mentorjournal.errors import DiskFull
from mentorjournal.fsutil import atomic_write_bytes
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage.audit import verify_chain
from mentorjournal.vault.unlocked import unlock_vault
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import CreatedVault

LONG_TEXT = "We went over the week, sleep, college and the job fair again. " * 400


def _journal(new_vault: CreatedVault) -> Journal:
    return Journal(new_vault.vault.connection, new_vault.clock, vault=new_vault.vault)


def test_database_full_fails_cleanly_and_saves_when_space_returns(new_vault: CreatedVault) -> None:
    journal = _journal(new_vault)
    mentee = journal.add_mentee("M-001").value
    note = journal.new_note(mentee.id, sections={FREE_SECTION: "short first draft"}).value
    conn = db_of(journal)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    edited = dataclasses.replace(note, sections=((FREE_SECTION, LONG_TEXT),))
    with pytest.raises(DiskFull):
        journal.save_draft(edited)
    assert journal.get_note(note.id).sections == ((FREE_SECTION, "short first draft"),)
    assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.execute("PRAGMA max_page_count = 1073741823")
    journal.save_draft(edited)
    assert journal.get_note(note.id).sections == ((FREE_SECTION, LONG_TEXT),)
    assert verify_chain(conn).ok
    journal.lock()


def test_enospc_during_atomic_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.key"
    target.write_bytes(b"old contents")
    real_write = os.write

    def full_disk(fd: int, data: bytes | memoryview) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(DiskFull):
        atomic_write_bytes(target, b"new contents")
    monkeypatch.undo()
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.key"], "no temp file left behind"


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "tiny"
    mount.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI and the dev machine run as root)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_real_full_disk_keeps_every_saved_note(
    tiny_tmpfs: Path, fast_kdf: object, vault_clock: object, vault_state_dir: Path
) -> None:
    from mentorjournal.clock import ManualClock

    assert isinstance(vault_clock, ManualClock)
    paths = VaultPaths(tiny_tmpfs / "vault")
    journal, _recovery = Journal.create(
        paths, "a long enough test passphrase", clock=vault_clock, state_dir=vault_state_dir
    )
    mentee = journal.add_mentee("M-001").value
    filler = tiny_tmpfs / "filler"
    filler.write_bytes(b"\0" * 128 * 1024)
    saved: list[str] = []
    with pytest.raises(DiskFull):
        for _ in range(10_000):
            saved.append(journal.new_note(mentee.id, sections={FREE_SECTION: LONG_TEXT}).value.id)
    assert len(saved) > 3
    journal.lock()
    # Space returns (another file is removed): the vault opens, every saved note is intact.
    filler.unlink()
    journal = Journal.open(
        paths, "a long enough test passphrase", clock=vault_clock, state_dir=vault_state_dir
    )
    assert [journal.get_note(i).sections[0][1] for i in saved] == [LONG_TEXT] * len(saved)
    assert db_of(journal).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    journal.lock()


@pytest.mark.slow
def test_full_disk_still_opens_the_vault_for_reading(
    tiny_tmpfs: Path, fast_kdf: object, vault_clock: object, vault_state_dir: Path
) -> None:
    """A mentor with a full disk can still open and read every note; saving says why it can't."""
    from mentorjournal.clock import ManualClock

    assert isinstance(vault_clock, ManualClock)
    paths = VaultPaths(tiny_tmpfs / "vault")
    passphrase = "a long enough test passphrase"
    journal, _recovery = Journal.create(
        paths, passphrase, clock=vault_clock, state_dir=vault_state_dir
    )
    mentee = journal.add_mentee("M-001").value
    saved: list[str] = []
    with pytest.raises(DiskFull):
        for _ in range(10_000):
            saved.append(journal.new_note(mentee.id, sections={FREE_SECTION: LONG_TEXT}).value.id)
    journal.lock()
    # Take every last byte.
    with open(tiny_tmpfs / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 512)
    vault = unlock_vault(paths, passphrase, clock=vault_clock, state_dir=vault_state_dir)
    assert vault.open_notice is not None and "disk is full" in vault.open_notice.lower()
    journal = Journal(vault.connection, vault_clock, vault=vault)
    assert [journal.get_note(i).sections[0][1] for i in saved] == [LONG_TEXT] * len(saved)
    # A save may still fit where SQLite already holds space (its log keeps pages a failed write
    # took): it either succeeds and is kept, or says the disk is full; soon it must say so.
    with pytest.raises(DiskFull):
        for _ in range(1_000):
            saved.append(journal.new_note(mentee.id, sections={FREE_SECTION: LONG_TEXT}).value.id)
    journal.lock()
    vault = unlock_vault(paths, passphrase, clock=vault_clock, state_dir=vault_state_dir)
    journal = Journal(vault.connection, vault_clock, vault=vault)
    assert [journal.get_note(i).sections[0][1] for i in saved] == [LONG_TEXT] * len(saved)
    journal.lock()
