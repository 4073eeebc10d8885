"""Worker callbacks that are safe when the view that asked has gone.

Why: a query or save answers on the GUI thread some milliseconds after it was sent; by then
the page may have been closed (window closed, test finished). Calling into a deleted Qt object
raises ``RuntimeError``; :func:`bound` drops the answer instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T")


def alive(owner: QObject) -> bool:
    return shiboken6.isValid(owner)


def bound(owner: QObject, fn: Callable[[T], None]) -> Callable[[T], None]:
    """``fn`` only while ``owner`` still exists."""

    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


def query(
    owner: QObject,
    worker: Any,
    fn: Callable[[Any], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """``worker.query`` whose answers are dropped if ``owner`` was deleted meanwhile."""
    worker.query(fn, bound(owner, on_success), bound(owner, on_failure))


def command(
    owner: QObject,
    worker: Any,
    fn: Callable[[Any], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
) -> None:
    """``worker.command`` whose answers are dropped if ``owner`` was deleted meanwhile."""
    worker.command(fn, bound(owner, on_success), bound(owner, on_failure))
