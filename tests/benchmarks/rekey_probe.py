"""How long a new data key takes on a large vault, as a ratio to a backup of the same vault.

``python -m tests.benchmarks.rekey_probe [SESSIONS]`` (default 50,000) builds a demo vault with
the product's KDF cost, then, in this order and on the same files: one verified backup (the
baseline: it too copies and checks every page), and one ``rekey`` (verify every seal, copy
every page under the new key with ``sqlcipher_export``, re-seal, switch in). Prints each phase
the rekey reports, the totals, and ``rekey / backup``. Both include one Argon2id derivation
per slot they touch, so the ratio compares like with like on a loaded machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from mentorjournal.backup import create_backup
from mentorjournal.clock import SystemClock
from mentorjournal.vault.unlocked import unlock_vault
from tests.benchmarks.run import PASSPHRASE, build_vault, isolated_env


def main(argv: list[str]) -> int:
    sessions = int(argv[0]) if argv else 50_000
    with tempfile.TemporaryDirectory(prefix="mj-rekey-bench-") as tmp:
        root = Path(tmp)
        isolated_env(root)
        print(f"building a demo vault of {sessions} sessions ...", flush=True)
        journal, vault, demo_s, _biggest = build_vault(root, sessions)
        paths, state = vault.paths, root / "state"
        journal.lock()
        size_mib = paths.database.stat().st_size / 2**20
        clock = SystemClock()

        vault = unlock_vault(paths, PASSPHRASE, clock=clock, state_dir=state)
        start = time.perf_counter()
        create_backup(vault, root / "backups", clock=clock)
        backup_s = time.perf_counter() - start
        vault.lock()

        vault = unlock_vault(paths, PASSPHRASE, clock=clock, state_dir=state)
        phases: dict[str, float] = {}
        started = time.perf_counter()

        def progress(phase: str, _done: int, _total: int) -> None:
            phases.setdefault(phase, time.perf_counter() - started)

        vault.rekey(PASSPHRASE, progress=progress)
        rekey_s = time.perf_counter() - started
        again = unlock_vault(paths, PASSPHRASE, clock=clock, state_dir=state)
        problems = again.verify_records()
        again.lock()

    print(f"demo fill: {demo_s:.1f} s; database {size_mib:.1f} MiB")
    for phase, at in phases.items():
        print(f"  rekey phase {phase!r} began at {at:.2f} s")
    print(f"backup: {backup_s:.2f} s; rekey: {rekey_s:.2f} s; rekey / backup = "
          f"{rekey_s / backup_s:.2f}; verify after rekey: {problems or 'ok'}")  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
