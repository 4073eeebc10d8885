"""Run in a fresh process: unlock a vault, lock it, then count hex copies of its data key.

Prints one integer: how many places in this process's writable memory still hold the data
key as the hex text of a ``PRAGMA key``. The needle is kept as two halves so the search
itself never puts the whole text in memory. Linux only (reads /proc/self/mem).
"""

from __future__ import annotations

import gc
import sys
import tempfile
from pathlib import Path

from mentorjournal.clock import ManualClock
from mentorjournal.paths import VaultPaths
from mentorjournal.vault import kdf
from mentorjournal.vault.unlocked import create_vault, unlock_vault

PASSPHRASE = "probe passphrase, synthetic vault only"


def _regions() -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    with open("/proc/self/maps", encoding="ascii") as maps:
        for line in maps:
            span, perms = line.split()[:2]
            if perms.startswith("rw"):
                start, end = (int(x, 16) for x in span.split("-"))
                found.append((start, end))
    return found


def count_copies(first: bytes, second: bytes) -> int:
    """Places where ``first`` is directly followed by ``second``."""
    found = 0
    with open("/proc/self/mem", "rb", 0) as mem:
        for start, end in _regions():
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except (OSError, ValueError, OverflowError):
                continue
            pos = data.find(first)
            while pos >= 0:
                if data[pos + len(first) : pos + len(first) + len(second)] == second:
                    found += 1
                pos = data.find(first, pos + 1)
            del data
    return found


def main() -> int:
    kdf.FLOOR = kdf.DEFAULT_PARAMS = kdf.KdfParams(1024, 1, 1)
    kdf.CALIBRATION_TARGET = (0.0, float("inf"))
    root = Path(tempfile.mkdtemp())
    paths = VaultPaths(root / "vault")
    clock = ManualClock()
    create_vault(paths, PASSPHRASE, clock=clock, state_dir=root / "state")[0].lock()
    vault = unlock_vault(paths, PASSPHRASE, clock=clock, state_dir=root / "state")
    key = vault.key_material()[0]
    first, second = bytes(key[:16]).hex().encode(), bytes(key[16:]).hex().encode()
    vault.connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    vault.lock()
    gc.collect()
    print(count_copies(first, second))
    return 0


if __name__ == "__main__":
    sys.exit(main())
