"""kill -9 at random moments while notes are written: every acknowledged save survives intact.

The short version (a few kills) runs in ``make test``; ``make faults`` runs 200 kills and writes
the figures to ``docs/reliability.md`` through ``tests/fault/report.py``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from mentorjournal.cli import main as cli_main
from mentorjournal.clock import SystemClock
from mentorjournal.journal import Journal
from tests.fault.writer_process import fingerprint
from tests.fixtures.vault_fixtures import REPO_ROOT, CreatedVault


@dataclass
class KillReport:
    runs: int = 0
    acknowledged: int = 0
    lost: int = 0
    changed: int = 0
    verify_failures: int = 0


def _run_and_kill(
    vault: CreatedVault, pass_file: Path, seed: int, rng: random.Random
) -> dict[str, set[str]]:
    """Start a writer, let it save for a random while, SIGKILL it.

    Returns, per acknowledged note, the contents it may now hold: the last acknowledged one
    and any edit attempted after it (committed, then killed before it could say so).
    """
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.fault.writer_process",
            str(vault.paths.root),
            str(vault.state_dir),
            str(pass_file),
            str(seed),
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    acked: dict[str, set[str]] = {}
    first = proc.stdout.readline()
    assert first.strip() == "ready", f"writer did not start: {first!r}"
    # The random moment is counted from the first acknowledged save, so that a slow start on a
    # busy machine cannot turn a run into one that tested nothing.
    lines = [proc.stdout.readline()]
    deadline = time.monotonic() + rng.uniform(0.0, 0.4)
    os.set_blocking(proc.stdout.fileno(), False)
    while time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    os.set_blocking(proc.stdout.fileno(), True)
    for line in lines + proc.stdout.read().splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        verb, note_id, digest = parts
        if verb == "ack":
            acked[note_id] = {digest}  # the durable state; older attempts no longer count
        elif verb == "try" and note_id in acked:
            acked[note_id].add(digest)  # may have committed just before the kill
    return acked


def run_kill_campaign(vault: CreatedVault, tmp: Path, runs: int, seed: int) -> KillReport:
    pass_file = tmp / "pass.txt"
    pass_file.write_text(vault.passphrase + "\n", encoding="utf-8")
    pass_file.chmod(0o600)
    rng = random.Random(seed)
    report = KillReport()
    expected: dict[str, set[str]] = {}
    for run in range(runs):
        expected.update(_run_and_kill(vault, pass_file, seed * 1000 + run, rng))
        report.runs += 1
        code = cli_main(
            ["--vault", str(vault.paths.root), "verify", "--passphrase-file", str(pass_file)]
        )
        report.verify_failures += code != 0
        journal = Journal.open(
            vault.paths, vault.passphrase, clock=SystemClock(), state_dir=vault.state_dir
        )
        try:
            for note_id, allowed in expected.items():
                try:
                    note = journal.get_note(note_id)
                except Exception:
                    report.lost += 1
                    continue
                report.changed += fingerprint(note.sections) not in allowed
        finally:
            journal.lock()
    report.acknowledged = len(expected)
    return report


def _prepare(new_vault: CreatedVault) -> CreatedVault:
    journal = Journal(new_vault.vault.connection, new_vault.clock, vault=new_vault.vault)
    journal.add_mentee("M-001")
    journal.lock()
    return new_vault


def test_kill9_short_loses_no_acknowledged_note(new_vault: CreatedVault, tmp_path: Path) -> None:
    report = run_kill_campaign(_prepare(new_vault), tmp_path, runs=4, seed=7)
    assert report.acknowledged > 0
    assert (report.lost, report.changed, report.verify_failures) == (0, 0, 0)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_kill9_200_runs(new_vault: CreatedVault, tmp_path: Path) -> None:
    report = run_kill_campaign(_prepare(new_vault), tmp_path, runs=200, seed=2026)
    out = Path(os.environ.get("MENTORJOURNAL_FAULT_REPORT", tmp_path / "kill9.json"))
    out.write_text(json.dumps(report.__dict__, indent=2), encoding="utf-8")
    print(f"kill -9: {report}")
    assert report.acknowledged > 0
    assert (report.lost, report.changed, report.verify_failures) == (0, 0, 0)
