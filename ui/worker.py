"""One QThread owns the journal and its database connection; the GUI thread only sends it work.

Modelled on Anki's ``CollectionOp``/``QueryOp``: a *query* reads and hands a value back; a
*command* changes the vault and returns a value carrying ``changes`` (a typed change set), which
is broadcast once through ``changed`` so each view decides whether to refresh. Jobs run one at a
time in submission order, so an autosave can never overtake the edit before it. Callbacks run
on the GUI thread. Nothing here is global: the worker is passed to every view that needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:  # the journal (SQLCipher, cryptography) is imported by worker jobs, not here
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

T = TypeVar("T")
log = logging.getLogger(__name__)


class HasChanges(Protocol):
    """What a command returns: a value with the change set to broadcast (``Changed[T]``)."""

    @property
    def changes(self) -> Changes: ...


C = TypeVar("C", bound=HasChanges)


def _no_changes(_result: object) -> Changes | None:
    return None


def _changes_of(result: HasChanges) -> Changes | None:
    return result.changes


@dataclass
class _Job(Generic[T]):
    """One unit of work. ``fn`` gets the open journal (``None`` for open and prepare jobs)."""

    fn: Callable[[Journal | None], T]
    on_success: Callable[[T], None] | None
    on_failure: Callable[[BaseException], None] | None
    kind: str  # "query", "command", "open", "close" or "prepare"
    #: The change set to broadcast after success (commands only).
    changes: Callable[[T], Changes | None] = _no_changes


class _Runner(QObject):
    """Lives in the worker thread; the only object that ever touches the journal."""

    finished = Signal(object, object, object)  # job, result, error

    def __init__(self) -> None:
        super().__init__()
        self.journal: Journal | None = None

    @Slot(object)
    def run(self, job: _Job[object]) -> None:
        try:
            result = self._run(job)
        except BaseException as exc:  # every failure goes back to the GUI, typed
            log.debug("job failed: %s", type(exc).__name__)
            self.finished.emit(job, None, exc)
            return
        self.finished.emit(job, result, None)

    def _run(self, job: _Job[object]) -> object:
        if job.kind == "open":
            self.journal = job.fn(None)  # type: ignore[assignment]  # open jobs return the journal
            return self.journal
        if job.kind == "prepare":
            return job.fn(None)
        if job.kind == "close":
            journal, self.journal = self.journal, None
            return job.fn(journal) if journal is not None else None
        if self.journal is None:
            raise RuntimeError("the journal is locked")
        return job.fn(self.journal)


def _with_journal(fn: Callable[[Journal], T]) -> Callable[[Journal | None], T]:
    """A job that needs the open journal (the runner never passes ``None`` to these)."""

    def run(journal: Journal | None) -> T:
        assert journal is not None
        return fn(journal)

    return run


class JournalWorker(QObject):
    """The GUI's handle on the worker thread: ``open``, ``query``, ``command``, ``close``."""

    #: A command's change set (``result.changes``), emitted once after its success callback.
    changed = Signal(object)
    #: True while any job is queued or running (drives busy indicators).
    busy_changed = Signal(bool)
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("journal-worker")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)
        self._pending = 0
        self._stopped = False

    @property
    def pending(self) -> int:
        return self._pending

    def open(
        self,
        opener: Callable[[], Journal | None],
        on_success: Callable[[Journal | None], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``opener`` (unlock: KDF, unwrap, open) off-thread; its result becomes the journal.

        ``None`` (after a restore, say) leaves the worker locked.
        """
        self._post(_Job(lambda _none: opener(), on_success, on_failure, "open"))

    def prepare(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``fn()`` in the worker thread without touching the journal (e.g. warm up imports)."""
        self._post(_Job(lambda _none: fn(), on_success, on_failure, "prepare"))

    def query(
        self,
        fn: Callable[[Journal], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read something: ``fn(journal)`` runs in the worker thread."""
        self._post(_Job(_with_journal(fn), on_success, on_failure, "query"))

    def command(
        self,
        fn: Callable[[Journal], C],
        on_success: Callable[[C], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Change something; the result's change set is broadcast through ``changed``."""
        self._post(_Job(_with_journal(fn), on_success, on_failure, "command", _changes_of))

    def close(
        self,
        fn: Callable[[Journal], T],
        on_success: Callable[[T | None], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Lock: ``fn(journal)`` (e.g. ``journal.lock``) runs last and the journal is dropped.

        When no journal is open ``fn`` is not called and ``on_success`` gets ``None``.
        """
        self._post(_Job(_with_journal(fn), on_success, on_failure, "close"))

    def shutdown(self) -> None:
        """Stop the thread after queued jobs finish (call ``close`` first to lock).

        Afterwards every new job is refused, so a late timer cannot start the thread again.
        """
        self._stopped = True
        self._thread.quit()
        self._thread.wait()

    def _post(self, job: _Job[T]) -> None:
        if self._stopped:
            log.debug("%s job refused: the worker has stopped", job.kind)
            if job.on_failure is not None:
                job.on_failure(RuntimeError("the journal worker has stopped"))
            return
        if not self._thread.isRunning():  # started by the first job: nothing to do before unlock
            self._thread.start()
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._submit.emit(job)

    @Slot(object, object, object)
    def _on_finished(self, job: _Job[object], result: object, error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if job.on_failure is not None:
                job.on_failure(error)
            else:
                log.warning("unhandled %s failure: %s", job.kind, type(error).__name__)
            return
        if job.on_success is not None:
            job.on_success(result)
        changes = job.changes(result)
        if changes is not None:
            self.changed.emit(changes)
