"""The Reflection area: the timeline, the mentor's reflections, and the reflection editor.

"New reflection" creates it at once (titled with the date, which the mentor can change) so the
editor only ever autosaves an existing record, exactly like session notes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.reflection import Reflection
from mentorjournal.domain.timeline import TimelineEntry, TimelineKind
from ui.models.record_model import IdRole
from ui.pages import journal_ops as ops
from ui.pages.base import Page
from ui.pages.reflection.editor import ReflectionEditor
from ui.pages.reflection.models import ReflectionColumn, ReflectionsModel
from ui.pages.reflection.timeline import TimelineView
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.flow import FlowLayout
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.journal import Journal


class ReflectionPage(Page[ops.ReflectionData]):
    """Timeline and reflections on the left, the editor on the right.

    A timeline entry the page cannot show itself goes out as ``record_requested``: the main
    window routes it (a session opens in the Sessions tab).
    """

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = 700,
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.timeline = TimelineView()
        self.timeline.filters_changed.connect(self.reload)
        self.timeline.entry_activated.connect(self._on_entry)
        self.model = ReflectionsModel(self)
        self.editor = ReflectionEditor(worker, prompts, self, delay_ms=autosave_ms)
        self.editor.status_changed.connect(self.save_state_changed)
        self._build()

    def _build(self) -> None:
        self.new_button = QPushButton("&New reflection")
        self.new_button.setAccessibleName("New reflection")
        self.new_button.clicked.connect(self.new_reflection)
        self.delete_button = QPushButton("Delete reflection…")
        self.delete_button.setAccessibleName("Delete the open reflection")
        self.delete_button.clicked.connect(self.delete_reflection)
        self.review_button = QPushButton("How I'm &doing…")
        self.review_button.setAccessibleName("Open my self-review: how I'm doing")
        self.review_button.clicked.connect(
            lambda: self.record_requested.emit("self_review", "", "")
        )
        self.view = read_only_table(
            self.model,
            "My reflections",
            stretch_column=ReflectionColumn.TITLE,
            single_selection=True,
            empty="No reflections yet. Press New reflection to think a session through.",
        )
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        lists = QSplitter(Qt.Orientation.Vertical)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_layout.addWidget(QLabel("<b>Timeline</b>"))
        timeline_layout.addWidget(self.timeline)
        reflections_box = QWidget()
        reflections_layout = QVBoxLayout(reflections_box)
        reflections_layout.setContentsMargins(0, 0, 0, 0)
        buttons = FlowLayout()  # wraps at large text rather than widening the page
        buttons.add(QLabel("<b>My reflections</b>"), stretch=True)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.review_button)
        reflections_layout.addLayout(buttons)
        reflections_layout.addWidget(self.view)
        lists.addWidget(timeline_box)
        lists.addWidget(reflections_box)
        scroll = VerticalScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        splitter = AdaptiveSplitter()
        splitter.addWidget(lists)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.delete_button.setEnabled(False)

    # -- page contract -----------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], ops.ReflectionData]:
        mentee_id = self.timeline.mentee_id()
        days = self.timeline.days()
        return lambda journal: ops.reflection_data(journal, mentee_id, days)

    def _show(self, data: ops.ReflectionData) -> None:
        self.timeline.set_mentees(data.codes)
        self.timeline.set_entries(data.timeline)
        self.editor.set_mentees(data.codes)
        current = self.editor.reflection_id
        self.view.selectionModel().blockSignals(True)
        self.model.set_records(sorted(data.reflections, key=lambda r: r.written_at, reverse=True))
        if current is not None and self.model.row_of(current) >= 0:
            self.view.selectRow(self.model.row_of(current))
        self.view.selectionModel().blockSignals(False)

    def _wants(self, changes: Changes) -> bool:
        return changes.reflections or changes.sessions or changes.goals or changes.mentees

    def _clear(self) -> None:
        self.timeline.clear()
        self.model.clear()
        self.editor.clear()
        self.delete_button.setEnabled(False)

    def save_now(self) -> None:
        self.editor.save_now()

    def find_in_view(self) -> bool:
        self.view.setFocus()
        return True

    def open_record(self, kind: str, record_id: str) -> None:
        if kind == "reflection":
            self.open_reflection(record_id)

    # -- actions -----------------------------------------------------------------------------

    def new_reflection(self) -> None:
        self.editor.save_now()
        mentee_id = self.timeline.mentee_id()

        def create(journal: Journal) -> Changed[Reflection]:
            title = f"Reflection {journal.today():%d %b %Y}"
            return journal.add_reflection(title, mentee_id=mentee_id)

        def created(result: Changed[Reflection]) -> None:
            self.editor.load(result.value)
            self.delete_button.setEnabled(True)
            editors = self.editor.sections.editors()
            if editors:
                editors[0].setFocus()

        self._command(
            create,
            self._fresh(created),
            lambda e: self._prompts.show_error(e, "Reflection not started"),
        )

    def open_reflection(self, reflection_id: str) -> None:
        if self.editor.reflection_id == reflection_id:
            return
        self.editor.save_now()

        def opened(reflection: Reflection) -> None:
            self.editor.load(reflection)
            self.delete_button.setEnabled(True)

        self._query(lambda j: j.get_reflection(reflection_id), opened)

    def delete_reflection(self) -> None:
        reflection_id = self.editor.reflection_id
        if reflection_id is None:
            return
        if not self._prompts.confirm(
            "Delete reflection",
            "Delete this reflection? This cannot be undone.",
            ok_label="Delete",
            destructive=True,
        ):
            return
        self.editor.clear()
        self.delete_button.setEnabled(False)
        self._command(lambda j: j.delete_reflection(reflection_id), lambda _r: None)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_reflection(str(indexes[0].data(IdRole)))

    def _on_entry(self, entry: TimelineEntry | None) -> None:
        if entry is None:
            return
        if entry.kind is TimelineKind.REFLECTION:
            self.open_reflection(entry.record_id)
        else:
            self.record_requested.emit(entry.kind.value, entry.record_id, entry.mentee_id or "")
