"""Single-instance lock: one process at a time may hold a vault open.

An OS advisory lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on the vault's lock
file. The OS drops it when the holder dies, so a crash never leaves a lock a user must clear.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import TracebackType

from mentorjournal.errors import VaultInUse, VaultMissing
from mentorjournal.fsutil import PRIVATE_FILE_MODE


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class VaultLock:
    """Holds the lock on ``path`` from ``acquire`` until ``release`` (idempotent)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise ``VaultInUse``; ``VaultMissing`` when the folder is absent."""
        if self._fd is not None:
            return
        if not self.path.parent.is_dir():
            raise VaultMissing(f"There is no vault folder at {self.path.parent}")
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        if not _try_lock(fd):
            os.close(fd)
            raise VaultInUse("The vault is in use by another Mentor Journal window or command.")
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            # Closing the descriptor drops the lock on every platform.
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> VaultLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
