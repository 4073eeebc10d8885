"""The autosave debounce: one save after typing stops, in order, retried after a failure."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from mentorjournal.changes import Changed, Changes
from mentorjournal.errors import DiskFull
from tests.ui.conftest import wait_idle
from ui.autosave import Autosaver
from ui.worker import JournalWorker


class _Store:
    """Stands in for the journal's storage of one draft (what the worker thread touches)."""

    def __init__(self) -> None:
        self.saved: list[str] = []
        self.fail_next = 0

    def save(self, text: str) -> Changed[str]:
        if self.fail_next:
            self.fail_next -= 1
            raise DiskFull("The disk is full.")
        self.saved.append(text)
        return Changed(text, Changes(sessions=True))


Setup = Callable[..., tuple[JournalWorker, _Store, Autosaver, list[str]]]


@pytest.fixture
def autosave_setup(qtbot: QtBot) -> Iterator[Setup]:
    """Makes a worker owning a store and an autosaver; the worker stops at teardown, even
    when a test fails half-way (a running worker thread would outlive the test)."""
    workers: list[JournalWorker] = []

    def setup(
        qtbot: QtBot, delay_ms: int = 80, retry_ms: int = 150
    ) -> tuple[JournalWorker, _Store, Autosaver, list[str]]:
        worker = JournalWorker()
        workers.append(worker)
        store = _Store()
        worker.open(lambda: store)
        qtbot.waitUntil(lambda: worker.pending == 0, timeout=5000)
        text = [""]

        def job() -> Callable[[_Store], Changed[str]]:
            snapshot = text[0]
            return lambda journal: journal.save(snapshot)

        saver = Autosaver(worker, job, delay_ms=delay_ms, retry_ms=retry_ms)
        return worker, store, saver, text

    yield setup
    for worker in workers:
        worker.shutdown()


def test_many_quick_edits_make_one_save_of_the_latest_text(
    qtbot: QtBot, autosave_setup: Setup
) -> None:
    _worker, store, saver, text = autosave_setup(qtbot)
    statuses: list[str] = []
    saver.status_changed.connect(statuses.append)
    for letter in "hello":
        text[0] += letter
        saver.touch()
    assert store.saved == [] and saver.dirty
    qtbot.waitUntil(lambda: store.saved == ["hello"], timeout=3000)
    qtbot.waitUntil(lambda: saver.status.startswith("Saved "), timeout=3000)
    assert statuses[0] == "Saving…" and not saver.dirty
    assert saver.save_now() is False  # nothing new: no extra write


def test_save_now_flushes_immediately_and_keeps_order(qtbot: QtBot, autosave_setup: Setup) -> None:
    worker, store, saver, text = autosave_setup(qtbot, delay_ms=60_000)
    text[0] = "first"
    saver.touch()
    assert saver.save_now() is True
    text[0] = "second"
    saver.touch()
    saver.save_now()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=3000)
    assert store.saved == ["first", "second"]


def test_a_failed_save_stays_dirty_and_the_timer_retries(
    qtbot: QtBot, autosave_setup: Setup
) -> None:
    _worker, store, saver, text = autosave_setup(qtbot)
    failures: list[BaseException] = []
    saver.failed.connect(failures.append)
    store.fail_next = 1
    text[0] = "kept"
    saver.touch()
    qtbot.waitUntil(lambda: bool(failures), timeout=3000)
    assert isinstance(failures[0], DiskFull) and saver.dirty and saver.status == "Not saved"
    qtbot.waitUntil(lambda: store.saved == ["kept"], timeout=3000)  # retried without an edit
    assert not saver.dirty


def test_reset_forgets_pending_edits(qtbot: QtBot, autosave_setup: Setup) -> None:
    worker, store, saver, text = autosave_setup(qtbot)
    text[0] = "discarded"
    saver.touch()
    saver.reset()
    assert saver.save_now() is False  # nothing pending: no save is sent, now or by the timer
    wait_idle(qtbot, worker)
    assert store.saved == [] and saver.status == ""


def test_a_failure_streak_is_reported_once_and_again_after_a_success(
    qtbot: QtBot, autosave_setup: Setup
) -> None:
    _worker, store, saver, text = autosave_setup(qtbot)
    failures: list[BaseException] = []
    reported: list[BaseException] = []
    saver.failed.connect(failures.append)
    saver.failure_to_report.connect(reported.append)
    store.fail_next = 2
    text[0] = "kept"
    saver.touch()
    qtbot.waitUntil(lambda: store.saved == ["kept"], timeout=5000)  # two failures, then saved
    assert (len(failures), len(reported)) == (2, 1)
    store.fail_next = 1
    text[0] = "kept again"
    saver.touch()
    qtbot.waitUntil(lambda: store.saved == ["kept", "kept again"], timeout=5000)
    assert (len(failures), len(reported)) == (3, 2)
