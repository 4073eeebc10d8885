"""The sync folder's layout, and reading and writing it safely under a foreign sync engine.

``<folder>/<journal-id>/devices/<device-id>/`` holds one device's files and only that device
writes there: ``NNNNNNNN-<digest16>.seg`` segments (never changed once written) and
``join.key``. No two devices ever write the same file, so a sync engine never has two versions
of one file to choose between.

Reading is strict about names: only ``<8 digits>-<16 hex>.seg`` counts. Everything a sync
engine or a cloud client leaves beside the files, such as Syncthing's ``.syncthing.*.tmp``,
``*.sync-conflict-*`` copies, Dropbox's or Nextcloud's "conflicted copy" files, iCloud's
``.*.icloud`` placeholders or our own ``.part`` temp files, does not match and is ignored.
A zero-length file with a segment's name is a placeholder whose content has not arrived.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from mentorjournal.errors import DiskFull
from mentorjournal.fsutil import fsync_dir
from mentorjournal.sync.errors import SyncError

SEGMENT_NAME = re.compile(r"^(\d{8})-([0-9a-f]{16})\.seg$")
JOIN_FILE = "join.key"
DEVICES = "devices"


def journal_dir(folder: Path, journal_id: str) -> Path:
    return folder / journal_id


def device_dir(folder: Path, journal_id: str, device_id: str) -> Path:
    return folder / journal_id / DEVICES / device_id


def segment_name(seq: int, digest: str) -> str:
    return f"{seq:08d}-{digest[:16]}.seg"


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


@dataclass(frozen=True)
class SegmentFile:
    """A file named like a segment: which device, which sequence number, where."""

    device_id: str
    seq: int
    short_digest: str
    path: Path


def device_ids(folder: Path, journal_id: str) -> list[str]:
    """The devices that have a folder in this journal (names that are not ids are ignored)."""
    root = journal_dir(folder, journal_id) / DEVICES
    try:
        entries = list(os.scandir(root))
    except FileNotFoundError:
        return []
    return sorted(e.name for e in entries if _is_uuid(e.name) and e.is_dir(follow_symlinks=False))


def segment_files(folder: Path, journal_id: str, device_id: str) -> list[SegmentFile]:
    """One device's segment files in sequence order; anything else in its folder is skipped."""
    found: list[SegmentFile] = []
    try:
        entries = list(os.scandir(device_dir(folder, journal_id, device_id)))
    except FileNotFoundError:
        return []
    for entry in entries:
        match = SEGMENT_NAME.match(entry.name)
        if match and entry.is_file(follow_symlinks=False):
            found.append(SegmentFile(device_id, int(match[1]), match[2], Path(entry.path)))
    found.sort(key=lambda f: (f.seq, f.short_digest))
    return found


def journals_in(folder: Path) -> list[str]:
    """The journal ids in a sync folder (for ``join`` when the folder holds exactly one)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    return sorted(e.name for e in entries if _is_uuid(e.name) and e.is_dir())


def check_usable(folder: Path) -> None:
    """A clear ``SyncError`` when the folder is missing, not a folder, or cannot be written."""
    if not folder.exists():
        raise SyncError(
            f"The sync folder {folder} is missing. Is the drive connected and the sync app running?"
        )
    if not folder.is_dir():
        raise SyncError(f"The sync folder {folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SyncError(f"The sync folder {folder} is read-only; nothing can be published.")


def refuse_overlap(folder: Path, vault_root: Path) -> None:
    """The vault folder itself must never be inside the sync folder, nor the other way round.

    A sync engine copying the live database mid-write corrupts it; that is the mistake this
    whole design exists to avoid.
    """
    sync_real, vault_real = folder.resolve(), vault_root.resolve()
    if sync_real == vault_real or vault_real.is_relative_to(sync_real):
        raise SyncError(
            "The vault folder is inside the sync folder. Move the vault out of it first: a sync "
            "app copying the live database would corrupt it."
        )
    if sync_real.is_relative_to(vault_real):
        raise SyncError("The sync folder cannot be inside the vault folder.")


def publish(target: Path, data: bytes, staging: Path) -> None:
    """Write ``data`` to ``target`` so a reader sees nothing or the whole file, never part.

    The temp file is written outside the sync folder (``staging``, on this computer), fsynced,
    then renamed into place, so the sync engine never sees a half-written segment. When the
    two folders are on different file systems a rename cannot cross, so the temp file goes
    beside the target under a name readers ignore (``.name.*.part``), then is renamed.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        _write_and_rename(target, data, staging)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        _write_and_rename(target, data, target.parent)
    fsync_dir(target.parent)


def _write_and_rename(target: Path, data: bytes, where: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=where)
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull(
                    f"The disk holding {where} is full. Your changes are saved on this "
                    "computer and will be published once there is space."
                ) from exc
            raise
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
