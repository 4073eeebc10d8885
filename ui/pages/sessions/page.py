"""The Sessions tab: a mentee's notes (newest first) beside the note editor.

"New note" (Ctrl+N from the main window) creates a draft at once, pre-filled with now and the
mentee, so the autosave that follows only ever updates an existing record. Choosing another
note, another mentee, or locking saves the open draft first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.notes import SessionNote
from ui.callbacks import alive
from ui.icons import set_icon
from ui.models.record_model import IdRole
from ui.pages import journal_ops as ops
from ui.pages.base import MenteePage
from ui.pages.sessions.editor import SessionEditor
from ui.pages.sessions.models import HIDDEN_COLUMNS, SessionColumn, SessionsModel
from ui.prompts import Prompts
from ui.style import mark_primary
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.journal import Journal


class SessionsTab(MenteePage[ops.SessionsData]):
    """List + editor for the selected mentee's session notes."""

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = 700,
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.model = SessionsModel(self)
        self._opening = False  # a note is being read for open_note
        self._searched = ""  # words to mark once it is shown
        self.editor = SessionEditor(worker, prompts, self, delay_ms=autosave_ms)
        self.editor.status_changed.connect(self.save_state_changed)
        self._build()

    def _build(self) -> None:
        self.new_button = QPushButton("&New note")
        self.new_button.setToolTip("Start a note for this mentee (Ctrl+N)")
        self.new_button.setAccessibleName("New session note")
        self.new_button.clicked.connect(self.new_note)
        mark_primary(self.new_button)
        set_icon(self.new_button, "add")
        self.delete_button = QPushButton("Delete draft…")
        self.delete_button.setAccessibleName("Delete the selected draft note")
        self.delete_button.clicked.connect(self.delete_draft)
        self.next_button = QPushButton("Ne&xt session…")
        self.next_button.setToolTip("Plan the next session with the same length and mode")
        self.next_button.setAccessibleName("Plan the next session from this note")
        self.next_button.clicked.connect(self.plan_next_session)
        self.view = read_only_table(
            self.model,
            "Session notes",
            stretch_column=SessionColumn.SUMMARY,
            single_selection=True,
            empty="No notes for this mentee yet. Press New note (Ctrl+N) after a session.",
        )
        for column in HIDDEN_COLUMNS:
            self.view.setColumnHidden(column, True)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.view)
        scroll = VerticalScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.editor_scroll = scroll
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.editor.action_bar)
        splitter = AdaptiveSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        # Room for a note's day, state and first line, not only its date.
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], ops.SessionsData]:
        return lambda journal: ops.sessions_data(journal, mentee_id)

    def _show(self, data: ops.SessionsData) -> None:
        current = self.editor.note_id
        self.view.selectionModel().blockSignals(True)
        self.model.set_records(data.sessions)
        self.view.selectionModel().blockSignals(False)
        self.editor.set_pickers(
            data.goals, data.coping_items, data.record_settings, read_at=data.read_at
        )
        if current is not None:
            self._select(current)
        self._update_buttons()

    def _wants(self, changes: Changes) -> bool:
        return changes.sessions or changes.goals or changes.plans

    def _clear(self) -> None:
        self.editor.clear()
        self.model.clear()

    def _mentee_changed(self) -> None:
        self._update_buttons()

    def save_now(self) -> None:
        self.editor.save_now()

    def find_in_view(self) -> bool:
        self.view.setFocus()
        return True

    def plan_next_session(self) -> None:
        """An appointment a week after the open note (the mentor may change the time)."""
        from ui.pages.appointments.next_session import plan_next_session

        note = self.editor.current_note()
        if note is None:
            self._prompts.inform("Next session", "Open or start a note first.")
            return
        plan_next_session(self, self._worker, self._prompts, note)

    def open_record(self, kind: str, record_id: str) -> None:
        """A search hit: open the note, or for an addendum the signed note it belongs to."""
        if kind in ("session", "note"):
            self.open_note(record_id)
        elif kind == "addendum" and self._mentee_id is not None:
            self._query(
                lambda j: j.note_of_addendum(record_id),
                lambda note_id: self.open_note(note_id) if note_id else None,
            )

    # -- actions -----------------------------------------------------------------------------
    def new_note(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        self.editor.save_now()

        def created(result: Changed[SessionNote]) -> None:
            note = result.value
            if note.mentee_id == self._mentee_id:
                self.editor.load(note)
                self._select(note.id)
                self._update_buttons()
                editors = self.editor.sections.editors()
                if editors:
                    editors[0].setFocus()

        self._command(
            lambda j: ops.new_note(j, mentee_id),
            self._fresh(created),
            lambda error: self._prompts.show_error(error, "Note not started"),
        )

    def open_note(self, note_id: str) -> None:
        if self.editor.note_id == note_id:
            self._show_searched()
            return
        self.editor.save_now()
        self._opening = True

        def opened(result: ops.OpenedNote) -> None:
            self._opening = False
            if result.note.mentee_id == self._mentee_id:
                self.editor.load(result.note, result.addenda)
                self._select(result.note.id)
                self._update_buttons()
                self._show_searched()

        self._query(lambda j: ops.open_note(j, note_id), opened)

    def highlight(self, text: str) -> None:
        """A search hit opened a note: mark the searched words and scroll the first into sight
        (it opened at the top, or at the addenda when those had the focus, hit unmarked)."""
        self._searched = text
        if not self._opening:
            self._show_searched()

    def _show_searched(self) -> None:
        text, self._searched = self._searched, ""
        if not text:
            return
        found = self.editor.mark(text)
        if found is None:
            return

        def into_sight() -> None:
            if not alive(found):
                return
            if isinstance(found, QPlainTextEdit):
                found.ensureCursorVisible()
            self.editor_scroll.ensureWidgetVisible(found, 0, 40)

        # After the layout has placed the loaded note, or the scroll lands short of it.
        QTimer.singleShot(0, self, into_sight)

    def delete_draft(self) -> None:
        note = self.editor.loaded_note
        if note is None or note.is_signed:
            return
        if not self._prompts.confirm(
            "Delete draft",
            "Delete this draft note? It has not been signed; this cannot be undone.",
            ok_label="Delete",
            destructive=True,
        ):
            return
        self.editor.autosaver.reset()
        note_id = note.id
        self._command(
            lambda j: ops.delete_draft(j, note_id),
            lambda _r: self.editor.clear() if self.editor.note_id == note_id else None,
        )

    # -- internals ---------------------------------------------------------------------------
    def _select(self, note_id: str) -> None:
        row = self.model.row_of(note_id)
        if row < 0:
            return
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.view.selectRow(row)
        selection.blockSignals(False)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_note(str(indexes[0].data(IdRole)))

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self._mentee_id is not None)
        note: SessionNote | None = self.editor.loaded_note
        self.delete_button.setEnabled(note is not None and not note.is_signed)
