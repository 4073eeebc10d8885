"""What every page of the main window does the same way: load, reload on changes, clear on lock.

Why one base: every page loads its records off the GUI thread, drops an answer that arrives
after the mentor moved on (another mentee, a lock: the *generation* guard), reloads when a
command changed what it shows (and only then), and forgets every record on lock. Written out
in each page these were the same dozen lines eight times, each with its own small slips (a
reload sent while locked, an answer shown for the mentee just left). Here they are once; a
page says only *what* it loads (:meth:`Page._loader`), *how* it shows it (:meth:`Page._show`),
*which* changes concern it (:meth:`Page._wants`) and *what* it empties on lock
(:meth:`Page._clear`).

Two kinds of page: the mentor's own areas (reflection, supervision, CPD) load when first
shown; the mentee tabs (:class:`MenteePage`) load when a mentee is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ui.callbacks import command, query
from ui.prompts import Prompts
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal
    from ui.worker import C

D = TypeVar("D")
T = TypeVar("T")


class Page(QWidget, Generic[D]):
    """A content view: ``Page(worker, prompts, parent)``; ``D`` is what one load returns."""

    #: Save state for the main window's status bar ("Saving…", "Saved 12:04", "Not saved").
    save_state_changed = Signal(str)
    #: A record this page lists but another page shows (kind, record id, mentee id or "").
    record_requested = Signal(str, str, str)

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prompts = prompts
        #: Bumped by every clear (lock, another mentee): older answers are dropped.
        self._generation = 0
        #: A load was asked for since the last clear (so changes are worth a reload).
        self._loaded = False

    # -- what a page says --------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], D] | None:
        """The read to run in the worker thread for what the page shows now (None: nothing).

        Called on the GUI thread; the function returned runs in the worker, so it must not
        hold the page (capture ids and filters, not ``self``).
        """
        raise NotImplementedError

    def _show(self, data: D) -> None:
        """Show what the loader read (GUI thread; only if no clear came in between)."""
        raise NotImplementedError

    def _wants(self, changes: Changes) -> bool:
        """True when ``changes`` touched something this page shows."""
        raise NotImplementedError

    def _clear(self) -> None:
        """Empty every model and field that holds a record (lock). Nothing may remain."""
        raise NotImplementedError

    # -- the page contract -------------------------------------------------------------------
    def reload(self) -> None:
        """Read again what the page shows (off-thread); nothing to read, nothing sent."""
        loader = self._loader()
        if loader is None:
            return
        self._loaded = True
        self._query(loader, self._show)

    def load_before_showing(
        self,
        settled: Callable[[], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read now, while the page is not on screen yet; ``settled`` once the answer is shown
        (or the read failed, after saying so, or after ``failed`` decided what to say).

        For the page a window opens on: shown only after this, its first paint has the
        records rather than an empty page and a second paint a few milliseconds later.
        """
        loader = self._loader()
        if loader is None:
            settled()
            return
        self._loaded = True
        show = self._fresh(self._show)

        def shown(data: D) -> None:
            show(data)
            settled()

        def not_read(error: BaseException) -> None:
            if failed is None:
                self._prompts.show_error(error)
            else:
                failed(error)
            settled()

        query(self, self._worker, loader, shown, not_read)

    def on_changes(self, changes: Changes) -> None:
        """A command's change set: reload if it touched this page's records and it has any.

        A page not loaded yet (never shown, or cleared by a lock while a save was still on its
        way) loads when next shown instead.
        """
        if self._loaded and self._wants(changes):
            self.reload()

    def clear(self) -> None:
        """On lock: forget every record; answers to earlier queries are dropped."""
        self._generation += 1
        self._loaded = False
        self._clear()

    def save_now(self) -> None:
        """Flush what the mentor typed (lock, Ctrl+S, close). Pages with drafts override it."""

    def find_in_view(self) -> bool:
        """Ctrl+F: focus the page's own list. False when it has none (the main window decides)."""
        return False

    def open_record(self, kind: str, record_id: str) -> None:
        """Show the record a search hit (or a timeline row) named. Pages with records override."""

    def highlight(self, text: str) -> None:
        """After :meth:`open_record` from a search: bring the searched words into sight and mark
        them. Pages whose records are long texts override it; elsewhere the row is enough."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    # -- helpers for pages -------------------------------------------------------------------
    def _fresh(self, fn: Callable[[T], None]) -> Callable[[T], None]:
        """``fn`` only if the page was not cleared between now and the answer."""
        generation = self._generation

        def call(value: T) -> None:
            if generation == self._generation:
                fn(value)

        return call

    def _query(
        self,
        fn: Callable[[Journal], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read in the worker; the answer reaches the page only if still current and alive."""
        failed = on_failure if on_failure is not None else self._prompts.show_error
        query(self, self._worker, fn, self._fresh(on_success), failed)

    def _command(
        self,
        fn: Callable[[Journal], C],
        on_success: Callable[[C], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Change something in the worker; ``on_success`` runs only if the page is alive."""
        failed = on_failure if on_failure is not None else self._prompts.show_error
        command(self, self._worker, fn, on_success, failed)


class MenteePage(Page[D]):
    """A tab of the selected mentee's record: loads when a mentee is chosen, empties when left."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._mentee_id: str | None = None

    @property
    def mentee_id(self) -> str | None:
        return self._mentee_id

    def _load_for(self, mentee_id: str) -> Callable[[Journal], D]:
        """The read for ``mentee_id``'s records (runs in the worker; must not hold the page)."""
        raise NotImplementedError

    def _mentee_changed(self) -> None:
        """A mentee was chosen or left (enable or disable controls). Default: nothing."""

    def _leave_mentee(self) -> None:
        """Before another mentee (or none) is shown: keep what was typed, as a lock would."""
        self.save_now()

    def _loader(self) -> Callable[[Journal], D] | None:
        mentee_id = self._mentee_id
        return None if mentee_id is None else self._load_for(mentee_id)

    def _require_mentee(self) -> str:
        if self._mentee_id is None:
            raise ValueError("no mentee is selected")
        return self._mentee_id

    def set_mentee(self, mentee_id: str | None) -> None:
        """Show ``mentee_id``'s records (``None``: no mentee); the one left is saved first."""
        if mentee_id == self._mentee_id:
            return
        self._leave_mentee()
        self.clear()
        self._mentee_id = mentee_id
        self._mentee_changed()
        self.reload()

    def clear(self) -> None:
        super().clear()
        self._mentee_id = None
        self._mentee_changed()
