"""Rotating the data key: the files of a rekey in progress, and finishing or undoing one.

A rekey writes everything new beside the vault before it touches anything old:

1. ``vault.key.next``: the new key file (new data key, slots, generation, audit head);
2. ``journal.db.rekey``: the database re-encrypted and re-sealed under the new key, then
   renamed ``journal.db.next`` once complete (so ``.next`` always means "whole");
3. the commit: ``vault.key.next`` is renamed over ``vault.key`` (one atomic rename);
4. ``journal.db.next`` is renamed over ``journal.db``.

``finish_interrupted_rekey`` runs under the vault lock before every unlock: a ``vault.key.next``
still there means the commit never happened, so the new files are removed and the vault is as
it was; a ``journal.db.next`` without it means the commit happened, so step 4 is completed.
Either way the vault opens whole, under the old key or the new one, and loses nothing.
"""

from __future__ import annotations

from pathlib import Path

from mentorjournal.fsutil import fsync_dir
from mentorjournal.paths import VaultPaths


def next_keyfile(paths: VaultPaths) -> Path:
    return paths.keyfile.with_name(paths.keyfile.name + ".next")


def building_database(paths: VaultPaths) -> Path:
    return paths.database.with_name(paths.database.name + ".rekey")


def next_database(paths: VaultPaths) -> Path:
    return paths.database.with_name(paths.database.name + ".next")


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _remove_partial_keyfiles(paths: VaultPaths) -> None:
    """The temp files of a ``vault.key.next`` write cut short (``.vault.key.next.*.part``)."""
    for partial in paths.root.glob(f".{next_keyfile(paths).name}.*.part"):
        partial.unlink(missing_ok=True)


def discard_unfinished(paths: VaultPaths) -> None:
    """Remove a rekey's new files that were never committed."""
    _remove_partial_keyfiles(paths)
    next_keyfile(paths).unlink(missing_ok=True)
    _remove_database(building_database(paths))
    _remove_database(next_database(paths))
    fsync_dir(paths.root)


def put_database_in_place(paths: VaultPaths) -> None:
    """Step 4: the committed, re-encrypted database replaces the old one."""
    for suffix in ("-wal", "-shm"):  # the old database's log: its pages are under the old key
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    next_database(paths).replace(paths.database)
    fsync_dir(paths.root)


def finish_interrupted_rekey(paths: VaultPaths) -> None:
    """Complete a committed rekey or undo an uncommitted one (call under the vault lock)."""
    if next_keyfile(paths).exists():
        discard_unfinished(paths)
    elif next_database(paths).exists():
        put_database_in_place(paths)
    if building_database(paths).exists():
        _remove_database(building_database(paths))
    _remove_partial_keyfiles(paths)
