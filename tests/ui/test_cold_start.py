"""Cold start: the unlock window appears without loading the journal, vault crypto or SQLCipher."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import build_parser, main

HEAVY = (
    "sqlcipher3",
    "cryptography",
    "mentorjournal.journal",
    "mentorjournal.vault.unlocked",
    "zxcvbn",
    "fpdf",
    "docx",
)

_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from ui.app import create_application
app = create_application(["x"])
t_app = time.perf_counter()
from mentorjournal.clock import SystemClock
from mentorjournal.paths import VaultPaths
from ui.controller import AppController, JournalOpener
from ui.prompts import QtPrompts
from ui.settings import AppSettings
from ui.worker import JournalWorker
from pathlib import Path
root = Path(sys.argv[1])
clock = SystemClock()
worker = JournalWorker()
c = AppController(worker=worker, prompts=QtPrompts(), settings=AppSettings.at_path(root / "s.ini"),
                  clock=clock, paths=VaultPaths(root), opener=JournalOpener(clock, root / "state"))
c.start()
app.processEvents()
t_unlock = time.perf_counter()
heavy = [m for m in sys.argv[2].split(",") if m in sys.modules]
print(json.dumps({"state": c.state.value, "visible": c.unlock_window.isVisible(),
                  "to_app_ms": (t_app - t0) * 1000, "to_unlock_ms": (t_unlock - t0) * 1000, "heavy": heavy}))
worker.shutdown()
"""


def test_unlock_window_shows_without_heavy_modules(tmp_path: Path) -> None:
    (tmp_path / "vault.key").write_bytes(b"x")  # looks like a vault: start at unlock
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path), ",".join(HEAVY)],
        capture_output=True, text=True, timeout=120, env=env, check=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["state"] == "unlock" and report["visible"]
    assert report["heavy"] == [], f"imported at start-up: {report['heavy']}"
    print(f"cold start to unlock window: {report['to_unlock_ms']:.0f} ms "
          f"(QApplication alone: {report['to_app_ms']:.0f} ms)")  # fmt: skip


def test_version_prints_and_exits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("Mentor Journal ")


def test_parser_knows_the_documented_options() -> None:
    args = build_parser().parse_args(["--vault", "/tmp/v", "--demo"])
    assert args.vault == "/tmp/v" and args.demo and not args.smoke_test
