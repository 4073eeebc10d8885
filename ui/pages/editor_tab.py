"""A mentee tab made of record editors (People & consent, Resources).

On top of the page lifecycle (:class:`~ui.pages.base.MenteePage`) these tabs share what their
editors need: save each editor's typing before a lock or another mentee, empty them on lock,
enable them only while a mentee is chosen, and reload on contact changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtWidgets import QWidget

from ui.pages.base import MenteePage
from ui.prompts import Prompts
from ui.widgets.record_editor import RecordEditor
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes

D = TypeVar("D")


class MenteeEditorsTab(MenteePage[D]):
    """Subclasses build their editors, then implement ``editors``, ``_load_for`` and ``_show``."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)

    def editors(self) -> tuple[RecordEditor[Any], ...]:
        raise NotImplementedError

    def _wants(self, changes: Changes) -> bool:
        return changes.contacts

    def save_now(self) -> None:
        """Before a lock or another mentee: each editor keeps what was typed if it is valid."""
        for editor in self.editors():
            editor.save_now()

    def _clear(self) -> None:
        for editor in self.editors():
            editor.clear()

    def _mentee_changed(self) -> None:
        for editor in self.editors():
            editor.setEnabled(self._mentee_id is not None)
