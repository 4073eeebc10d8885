"""Single-instance lock: a second opener is refused; a crashed holder's lock is released."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mentorjournal.errors import VaultInUse, VaultMissing
from mentorjournal.vault.lock import VaultLock

HOLD_LOCK = """
import sys, time
from pathlib import Path
from mentorjournal.vault.lock import VaultLock
lock = VaultLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(120)
"""


def test_second_lock_is_refused_until_the_first_is_released(tmp_path: Path) -> None:
    first, second = VaultLock(tmp_path / ".lock"), VaultLock(tmp_path / ".lock")
    first.acquire()
    with pytest.raises(VaultInUse):
        second.acquire()
    first.release()
    first.release()  # idempotent
    second.acquire()
    assert second.held
    second.release()


def test_lock_file_is_private(tmp_path: Path) -> None:
    with VaultLock(tmp_path / ".lock"):
        assert (tmp_path / ".lock").stat().st_mode & 0o777 == 0o600


def test_missing_folder_is_vault_missing(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing):
        VaultLock(tmp_path / "absent" / ".lock").acquire()


def test_lock_of_a_killed_process_is_released_by_the_os(tmp_path: Path) -> None:
    path = tmp_path / ".lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(VaultInUse):
            VaultLock(path).acquire()
        holder.kill()  # SIGKILL: no cleanup code runs
        holder.wait(timeout=10)
        with VaultLock(path) as lock:
            assert lock.held
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
