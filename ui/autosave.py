"""Debounced autosave for drafts: a mentor should never lose more than the last second of typing.

Why a separate class: every editor with drafts (session notes, reflections) needs the same
rules, and they are subtle enough to test once. An edit calls :meth:`Autosaver.touch`, which
(re)starts a single-shot timer; when typing stops for ``delay_ms`` the current snapshot is sent
to the worker as a *command*. Because the worker runs jobs in submission order, a later save can
never be overtaken by an earlier one, so we may submit while a save is still in flight.

A failed save (e.g. ``DiskFull``) leaves the editor untouched and the draft marked dirty; the
failure is reported once (until a save succeeds again) and the save is retried on the next edit
or after ``retry_ms``. :meth:`save_now` flushes synchronously-submitted work, which is what lock,
Ctrl+S and focus changes call: a ``worker.close`` queued after it runs after the save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.callbacks import command
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal
    from ui.worker import HasChanges


#: Builds the job to run on the worker thread from the editor's current content, or None when
#: there is nothing to save (e.g. no draft open).
JobFactory = Callable[[], "Callable[[Journal], HasChanges] | None"]


class Autosaver(QObject):
    """Runs a save job through the worker after edits stop, on demand, and again after failure."""

    #: Human text for a status bar: "Saving…", "Saved 12:04", "Not saved".
    status_changed = Signal(str)
    #: A save succeeded; carries the job's result (e.g. ``Changed[SessionNote]``).
    saved = Signal(object)
    #: A save failed; carries the exception. Emitted every time.
    failed = Signal(object)
    #: The first failure since the last success or reset: the one to tell the mentor about
    #: (the autosaver keeps retrying quietly after that).
    failure_to_report = Signal(object)

    def __init__(
        self,
        worker: JournalWorker,
        make_job: JobFactory,
        *,
        delay_ms: int = 700,
        retry_ms: int = 5000,
        now: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._make_job = make_job
        self._now = now
        self._retry_ms = retry_ms
        self._delay_ms = delay_ms
        self._dirty = False
        self._in_flight = 0
        self._generation = 0
        self._status = ""
        self._failure_reported = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)

    @property
    def dirty(self) -> bool:
        """True while there are edits that have not been handed to the worker."""
        return self._dirty

    @property
    def in_flight(self) -> int:
        """How many saves the worker has not answered yet."""
        return self._in_flight

    @property
    def status(self) -> str:
        return self._status

    @property
    def delay_ms(self) -> int:
        """How long typing must stop before a save is sent."""
        return self._delay_ms

    @property
    def waiting(self) -> bool:
        """True while a save is due once the current pause in typing lasts ``delay_ms``."""
        return self._timer.isActive()

    def touch(self) -> None:
        """An edit happened: save once typing has stopped for ``delay_ms``."""
        self._dirty = True
        self._timer.start(self._delay_ms)

    def reset(self) -> None:
        """Forget pending edits (a new draft was loaded, or the view was cleared on lock)."""
        self._timer.stop()
        self._dirty = False
        self._generation += 1  # answers to older saves no longer touch the status
        self._failure_reported = False
        self._set_status("")

    def save_now(self) -> bool:
        """Hand the current content to the worker now if anything changed; True if submitted."""
        self._timer.stop()
        if not self._dirty:
            return False
        job = self._make_job()
        if job is None:
            return False
        self._dirty = False
        self._in_flight += 1
        generation = self._generation
        self._set_status("Saving…")
        command(
            self,
            self._worker,
            job,
            lambda result: self._succeeded(generation, result),
            lambda error: self._failed(generation, error),
        )
        return True

    def _succeeded(self, generation: int, result: object) -> None:
        self._in_flight -= 1
        if generation != self._generation:
            return
        if not self._dirty and self._in_flight == 0:
            self._set_status(f"Saved {self._now():%H:%M}")
        self._failure_reported = False
        self.saved.emit(result)

    def _failed(self, generation: int, error: BaseException) -> None:
        self._in_flight -= 1
        if generation != self._generation:
            return
        self._dirty = True  # the text is still in the editor: try again later
        self._set_status("Not saved")
        self._timer.start(self._retry_ms)
        self.failed.emit(error)
        if not self._failure_reported:
            self._failure_reported = True
            self.failure_to_report.emit(error)

    def _set_status(self, text: str) -> None:
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)
