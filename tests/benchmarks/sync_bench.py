"""Sync figures for ``make bench`` (also ``python -m tests.benchmarks.sync_bench``).

* merge time for 1,000 pending operations on the receiving computer, beside the time the
  sending computer took to make those changes itself (the baseline, same run, same machine);
* bytes in the sync folder per note (one note per ``sync now``, and 100 notes in one);
* segments and bytes after a month of daily use (3 notes and 20 autosaves a working day,
  ``sync now`` every hour for eight hours).
Over real Syncthing, the time from save to visible is measured by ``make sync-e2e``.
"""

from __future__ import annotations

import dataclasses
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.sync import engine
from mentorjournal.vault import kdf

PASSPHRASE = "benchmark passphrase, synthetic vault only"
TEXT = (
    "We talked about the week: sleep is better since the new routine, college applications "
    "are open, and the next step is to phone the careers adviser before Friday."
)
WORDS = TEXT.replace(":", "").replace(",", "").replace(".", "").split()


def _text(rng: random.Random) -> str:
    """About as long as ``TEXT``, different every time (compression must not flatter us)."""
    return " ".join(rng.choice(WORDS) for _ in range(30))


def _pair(root: Path) -> tuple[Journal, Journal, Path]:
    folder = root / "Sync"
    folder.mkdir()
    clock = ManualClock()
    made = []
    for name in ("a", "b"):
        state = root / f"state-{name}"
        state.mkdir()
        made.append(
            Journal.create(
                VaultPaths(root / name), PASSPHRASE, clock=clock, state_dir=state, kdf=kdf.FLOOR
            )
        )
    (a, recovery), (b, _other) = made
    a.add_mentee("M-001")
    a.sync_setup(folder)
    journal_id = engine.find_journal(folder, None)
    b.sync_adopt(
        folder, journal_id, engine.open_journal_key(folder, journal_id, recovery), recovery
    )
    return a, b, folder


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.seg"))


def _segments(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.seg"))


def measure_merge(root: Path) -> dict[str, float]:
    a, b, _folder = _pair(root)
    try:
        mentee = a.find_mentee("M-001")
        assert mentee is not None
        rng = random.Random(1000)
        started = time.perf_counter()
        for _ in range(1000):  # new records: autosaves would be compacted before publishing
            a.new_note(mentee.id, sections={"Body": _text(rng)})
        local_s = time.perf_counter() - started
        a.sync_now()
        started = time.perf_counter()
        report = b.sync_now().value
        merge_s = time.perf_counter() - started
        assert report.applied_ops == 1000, report
        return {
            "sync_merge_1000_ops_s": round(merge_s, 3),
            "sync_local_1000_changes_s": round(local_s, 3),
            "sync_merge_ratio": round(merge_s / local_s, 2),
        }
    finally:
        a.lock()
        b.lock()


def measure_bytes(root: Path) -> dict[str, float]:
    a, b, folder = _pair(root)
    try:
        mentee = a.find_mentee("M-001")
        assert mentee is not None
        rng = random.Random(20261207)
        before = _folder_bytes(folder)
        for _ in range(50):
            a.new_note(mentee.id, sections={"Body": _text(rng)})
            a.sync_now()
        one_each = (_folder_bytes(folder) - before) / 50
        before = _folder_bytes(folder)
        for _ in range(100):
            a.new_note(mentee.id, sections={"Body": _text(rng)})
        a.sync_now()
        batched = (_folder_bytes(folder) - before) / 100
        return {
            "sync_bytes_per_note_one_per_sync": round(one_each),
            "sync_bytes_per_note_batched": round(batched),
            "sync_note_text_bytes": len(TEXT.encode()),
        }
    finally:
        a.lock()
        b.lock()


def measure_month(root: Path) -> dict[str, float]:
    a, b, folder = _pair(root)
    clock = a.clock
    try:
        mentee = a.find_mentee("M-001")
        assert mentee is not None
        start_segments, start_bytes = _segments(folder), _folder_bytes(folder)
        for day in range(30):
            if day % 7 in (5, 6):
                clock.advance(86400)  # type: ignore[attr-defined]
                continue
            for hour in range(8):
                if hour in (1, 3, 6):
                    note = a.new_note(mentee.id, sections={"Body": TEXT}).value
                    for save in range(7):
                        a.save_draft(
                            dataclasses.replace(note, sections=(("Body", f"{TEXT} {save}"),))
                        )
                clock.advance(3600)  # type: ignore[attr-defined]
                a.sync_now()
                b.sync_now()
            clock.advance(16 * 3600)  # type: ignore[attr-defined]
        return {
            "sync_month_segments": _segments(folder) - start_segments,
            "sync_month_folder_kib": round((_folder_bytes(folder) - start_bytes) / 1024, 1),
        }
    finally:
        a.lock()
        b.lock()


def measure(work: Path) -> dict[str, float]:
    results: dict[str, float] = {}
    for name, figure in (
        ("merge", measure_merge),
        ("bytes", measure_bytes),
        ("month", measure_month),
    ):
        root = work / f"sync-{name}"
        root.mkdir()
        results.update(figure(root))
    return results


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mentorjournal-sync-bench-") as tmp:
        results: dict[str, Any] = measure(Path(tmp))
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
