"""Putting a restored vault folder in place of the current one, crash-safely.

A restore first writes and verifies the new vault in a hidden folder beside the vault, then
renames it to ``.<name>.restore-ready-<token>``: from then on it is known good. The swap is
one atomic exchange where the OS offers it (Linux ``renameat2(RENAME_EXCHANGE)``); elsewhere
it is two renames (current -> aside, ready -> current). A crash between those two leaves no
vault folder but a ready one, and ``finish_interrupted_restore`` (run before every unlock)
completes the swap. Either way the vault opens as the old or the new one, never neither.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

from mentorjournal.fsutil import fsync_dir

_READY = "restore-ready"
_SWAPPING = "restore-swapping"
_LOCK_NAME = ".lock"


def helper_dir(root: Path, kind: str, token: str) -> Path:
    """A hidden sibling folder of the vault, e.g. ``.vault.restoring-1a2b``."""
    return root.parent / f".{root.name}.{kind}-{token}"


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the OS or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        err = ctypes.get_errno()
        if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            return False
        raise OSError(err, os.strerror(err), str(a))
    return True


def mark_ready(staging: Path, root: Path, token: str) -> Path:
    """Declare a verified staging folder good to swap in (one atomic rename)."""
    ready = helper_dir(root, _READY, token)
    os.rename(staging, ready)
    fsync_dir(root.parent)
    return ready


def _is_empty_vault_folder(root: Path) -> bool:
    return all(child.name == _LOCK_NAME for child in root.iterdir())


def swap_in(ready: Path, root: Path, aside: Path, token: str) -> Path | None:
    """Make ``ready`` the vault at ``root``; returns where the previous vault went, if any."""
    parent = root.parent
    if root.exists() and _is_empty_vault_folder(root):
        (root / _LOCK_NAME).unlink(missing_ok=True)
        root.rmdir()
    if not root.exists():
        os.rename(ready, root)
        fsync_dir(parent)
        return None
    swapping = helper_dir(root, _SWAPPING, token)
    os.rename(ready, swapping)  # so a stale "ready" can never hold the old vault
    if exchange(swapping, root):
        fsync_dir(parent)
        os.rename(swapping, aside)  # it now holds the previous vault
    else:
        os.rename(swapping, ready)
        os.rename(root, aside)
        os.rename(ready, root)
    fsync_dir(parent)
    return aside


def finish_interrupted_restore(root: Path) -> bool:
    """If a crash left no vault folder but a verified restore beside it, move it in."""
    if root.exists() or not root.parent.is_dir():
        return False
    candidates = sorted(root.parent.glob(f".{root.name}.{_READY}-*"))
    if not candidates:
        return False
    os.rename(candidates[-1], root)
    fsync_dir(root.parent)
    return True
