"""Careful file operations: private permissions from birth, atomic replacement, full-disk mapping.

Every file the vault writes goes through here so the permission and durability rules live once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mentorjournal.errors import DiskFull

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@contextlib.contextmanager
def disk_errors() -> Iterator[None]:
    """Turn ENOSPC/EDQUOT into ``DiskFull`` so callers and the UI can say what happened."""
    try:
        yield
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull("The disk is full; the change was not saved.") from exc
        raise


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) so that the leaf is 0700 even under a lax umask."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file, failing if it exists: SQLite's -wal/-shm then inherit 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write temp beside ``path``, fsync, rename over it, fsync the folder: old or new, never half.

    The temp file is unique (two writers in one process cannot collide), 0600 from creation,
    and removed on any failure: it may hold key-file bytes or an export.
    """
    with disk_errors():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        tmp = Path(tmp_name)
        try:
            try:
                os.fchmod(fd, PRIVATE_FILE_MODE)
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_dir(path.parent)
