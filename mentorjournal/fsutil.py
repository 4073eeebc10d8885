"""Careful file operations: private permissions from birth, atomic replacement, full-disk mapping.

Every file the vault writes goes through here so the permission and durability rules live once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
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
    """Create ``path`` and any missing parents 0700, whatever the umask.

    ``Path.mkdir(parents=True)`` makes the parents with the umask's default (0777 under
    ``umask 000``), so each missing folder is made here, one at a time, and set to 0700.
    Folders that already existed keep their permissions: they are not ours to change.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        if os.name == "posix":
            os.chmod(folder, PRIVATE_DIR_MODE)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "Not a folder", str(path))
    if os.name == "posix" and not missing:
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
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> int:
    """``atomic_write_bytes`` for data produced piece by piece; returns the bytes written.

    The temp file comes from ``mkstemp``: an unpredictable name opened ``O_CREAT|O_EXCL`` (and
    ``O_NOFOLLOW`` where it exists), mode 0600 from birth. So in a folder other users can write
    to, nobody can pre-create or symlink the name to read the clear text or to make us
    overwrite one of their files; the rename then replaces only the name ``path``.
    """
    written = 0
    with disk_errors():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        tmp = Path(tmp_name)
        try:
            try:
                os.fchmod(fd, PRIVATE_FILE_MODE)
                for chunk in chunks:
                    view = memoryview(chunk)
                    while view:
                        count = os.write(fd, view)
                        written += count
                        view = view[count:]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_dir(path.parent)
    return written
