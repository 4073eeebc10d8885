"""A mentee tab made of record editors: one lifecycle for selection, reloading and locking.

People & consent and Resources differ only in which editors they hold, what they load and
how they show it; selecting a mentee, dropping answers that arrive after another mentee was
selected (the generation counter), refreshing on contact changes and clearing on lock are the
same, so they live here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ui.callbacks import query
from ui.prompts import Prompts
from ui.widgets.record_editor import RecordEditor
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal


class MenteeEditorsTab(QWidget):
    """Subclasses build their editors, then implement ``editors``, ``_load`` and ``_show``."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prompts = prompts
        self._mentee_id: str | None = None
        self._generation = 0

    def editors(self) -> tuple[RecordEditor[Any], ...]:
        raise NotImplementedError

    def _load(self, journal: Journal, mentee_id: str) -> Any:
        """Runs in the worker thread: everything the editors show for ``mentee_id``."""
        raise NotImplementedError

    def _show(self, data: Any) -> None:
        """Runs on the GUI thread with what ``_load`` returned."""
        raise NotImplementedError

    def _require_mentee(self) -> str:
        if self._mentee_id is None:
            raise ValueError("no mentee is selected")
        return self._mentee_id

    # -- page contract -----------------------------------------------------------------------
    def set_mentee(self, mentee_id: str | None) -> None:
        if mentee_id == self._mentee_id:
            return
        self.save_now()  # what was typed for the mentee being left, as a lock would
        self.clear()
        self._mentee_id = mentee_id
        self._set_enabled()
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if self._mentee_id is not None and changes.contacts:
            self.reload()

    def save_now(self) -> None:
        """Before a lock or another mentee: each editor keeps what was typed if it is valid."""
        for editor in self.editors():
            editor.save_now()

    def clear(self) -> None:
        self._generation += 1
        self._mentee_id = None
        for editor in self.editors():
            editor.clear()
        self._set_enabled()

    def reload(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        generation = self._generation

        def loaded(data: Any) -> None:
            if generation == self._generation:  # else another mentee was selected meanwhile
                self._show(data)

        query(
            self,
            self._worker,
            lambda j: self._load(j, mentee_id),
            loaded,
            self._prompts.show_error,
        )

    def _set_enabled(self) -> None:
        for editor in self.editors():
            editor.setEnabled(self._mentee_id is not None)
