"""The worker runs jobs off the GUI thread, in order, and hands results and errors back."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from ui.worker import JournalWorker


@dataclass(frozen=True)
class _Result:
    value: int
    changes: str


def test_jobs_run_in_worker_thread_in_order(qtbot: QtBot) -> None:
    worker = JournalWorker()
    gui_thread = threading.get_ident()
    seen: list[object] = []
    worker.open(lambda: {"n": 0}, lambda j: seen.append("opened"))
    worker.query(lambda j: threading.get_ident(), seen.append)
    worker.command(lambda j: _Result(1, "sessions"), lambda r: seen.append(r.value))
    with qtbot.waitSignal(worker.changed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["sessions"]
    assert seen[0] == "opened"
    assert seen[1] != gui_thread
    assert seen[2] == 1
    worker.shutdown()


def test_errors_reach_failure_callback_and_locked_journal_refuses(qtbot: QtBot) -> None:
    worker = JournalWorker()
    errors: list[BaseException] = []
    worker.query(lambda j: 1, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert "locked" in str(errors[0])
    worker.open(object)
    worker.close(lambda j: None)
    worker.query(lambda j: 1, on_failure=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    worker.shutdown()


def test_prepare_runs_without_a_journal_and_leaves_it_locked(qtbot: QtBot) -> None:
    worker = JournalWorker()
    gui_thread = threading.get_ident()
    ran_on: list[int] = []
    errors: list[BaseException] = []
    worker.prepare(threading.get_ident, ran_on.append)
    worker.query(lambda j: 1, on_failure=errors.append)  # still locked afterwards
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert ran_on and ran_on[0] != gui_thread
    assert "locked" in str(errors[0])
    worker.shutdown()


def test_a_stopped_worker_refuses_jobs_and_never_restarts(qtbot: QtBot) -> None:
    worker = JournalWorker()
    worker.shutdown()
    errors: list[BaseException] = []
    worker.prepare(lambda: None, on_failure=errors.append)
    assert "stopped" in str(errors[0])
    assert not worker._thread.isRunning()
