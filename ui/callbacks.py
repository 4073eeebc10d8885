"""Worker callbacks that are safe when the view that asked has gone, and never keep it alive.

Why: a query or save answers on the GUI thread some milliseconds after it was sent; by then
the page may have been closed (window closed, lock, test finished). Calling into a deleted Qt
object raises ``RuntimeError``, so answers for a deleted owner are dropped.

There is a second, nastier hazard: the worker hands each job (with its callbacks) to its own
thread and back. If the job's callbacks held the last strong reference to a Python-owned
widget, that widget could be freed *in the worker thread* when the worker drops the job, and
a QWidget destroyed off the GUI thread crashes the process. So the callbacks given to the
worker hold only a weak reference to the owner and a number; the real callbacks wait in a
small table on the owner, and whichever answer comes first takes both out.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from mentorjournal.journal import Journal
    from ui.worker import C, JournalWorker

T = TypeVar("T")

_TABLE = "_pending_worker_callbacks"
_tokens = itertools.count(1)  # only ever increases; shared so tokens never repeat


def alive(owner: QObject) -> bool:
    return shiboken6.isValid(owner)


def _table(owner: QObject) -> dict[int, tuple[Callable[[Any], None], Callable[[Any], None]]]:
    table = getattr(owner, _TABLE, None)
    if table is None:
        table = {}
        setattr(owner, _TABLE, table)
    return table


def weak_pair(
    owner: QObject,
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> tuple[Callable[[T], None], Callable[[BaseException], None]]:
    """Two callbacks for the worker that reach ``owner``'s real ones only while it lives."""
    token = next(_tokens)
    _table(owner)[token] = (on_success, on_failure)
    ref = weakref.ref(owner)

    def answer(which: int, value: Any) -> None:
        target = ref()
        if target is None or not shiboken6.isValid(target):
            return
        pair = _table(target).pop(token, None)
        if pair is not None:
            pair[which](value)

    return (lambda value: answer(0, value)), (lambda error: answer(1, error))


def bound(owner: QObject, fn: Callable[[T], None]) -> Callable[[T], None]:
    """``fn`` only while ``owner`` still exists (for callbacks that stay on the GUI thread)."""

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


def query(
    owner: QObject,
    worker: JournalWorker,
    fn: Callable[[Journal], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """``worker.query`` whose answers reach ``owner`` only while it exists."""
    worker.query(fn, *weak_pair(owner, on_success, on_failure))


def command(
    owner: QObject,
    worker: JournalWorker,
    fn: Callable[[Journal], C],
    on_success: Callable[[C], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """``worker.command`` whose answers reach ``owner`` only while it exists."""
    worker.command(fn, *weak_pair(owner, on_success, on_failure))
