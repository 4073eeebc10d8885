"""Sync in the background while the journal is open: on unlock, every few minutes, and once
more just before the journal locks.

Nothing is asked or shown from here: when the folder is missing or a sync fails, the next
tick tries again and Settings → "Use on another computer" says what is wrong. The check and
the sync run in the worker thread; a vault that does not sync costs one small query per tick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from mentorjournal.journal import Journal
    from ui.worker import JournalWorker

INTERVAL_MS = 5 * 60 * 1000


class AutoSync(QObject):
    """Starts on the controller's ``unlocked`` signal and stops on ``locked``."""

    synced = Signal(object)
    failed = Signal(object)

    def __init__(self, worker: JournalWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._running = True
        self.tick()
        self.timer.start()

    def stop(self, _reason: object = None) -> None:
        self._running = False
        self.timer.stop()

    def publish_before_lock(self) -> None:
        """Queue one last sync ahead of the lock, so the other computers get today's changes.

        A query, not a command: the pages are being cleared, nothing should reload.
        """
        if self._running:
            self._worker.query(_sync_if_enabled, None, self._failed)

    def tick(self) -> None:
        if self._running:
            self._worker.query(lambda j: j.sync_status().enabled, self._maybe_sync, self._failed)

    def _maybe_sync(self, enabled: bool) -> None:
        if enabled and self._running:
            self._worker.command(lambda j: j.sync_now(), self.synced.emit, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(error)


def _sync_if_enabled(journal: Journal) -> object:
    return journal.sync_now() if journal.sync_status().enabled else None
