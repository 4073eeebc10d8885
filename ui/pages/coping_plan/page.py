"""The Coping plan tab: the seven sections as ordered lists, saved as versions, compared, printed.

Why versions: a plan is revised with the mentee over months and every version is kept, so
"Save as new version" never overwrites. Items are reordered by drag and drop *and* by keyboard
(Move up/down buttons, Alt+Up/Alt+Down in a list) because dragging is not possible for
everyone. Two versions chosen from the history are compared section by section
(:mod:`ui.pages.coping_plan.diff`). "Save as PDF" writes the one-page plan through the
worker (file dialog through prompts); the export is audited by the export code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.plans import CopingPlanVersion, PlanSection
from ui.pages import journal_ops as ops
from ui.pages.base import MenteePage
from ui.pages.coping_plan.diff import PlanDiffView, diff_sections, summarise
from ui.pages.coping_plan.models import PlanItemsModel, PlanVersionColumn, PlanVersionsModel
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.flow import FlowLayout
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.journal import Journal


class PlanSectionEditor(QGroupBox):
    """One section: an ordered, editable list with Add, Remove, Move up and Move down."""

    def __init__(self, section: PlanSection, parent: QWidget | None = None) -> None:
        super().__init__(section.label, parent)
        self.section = section
        self.model = PlanItemsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(f"{section.label}: items in order")
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setMinimumHeight(self.view.fontMetrics().height() * 4)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText("Add an item and press Enter")
        self.new_item.setAccessibleName(f"New item for {section.label}")
        self.new_item.returnPressed.connect(self.add_item)
        self.add_button = self._button("Add", f"Add item to {section.label}", self.add_item)
        self.remove_button = self._button(
            "Remove", f"Remove selected item from {section.label}", self.remove_item
        )
        self.up_button = self._button(
            "Move up", "Move selected item up (Alt+Up)", lambda: self.move_selected(-1)
        )
        self.down_button = self._button(
            "Move down", "Move selected item down (Alt+Down)", lambda: self.move_selected(1)
        )
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_selected(d))
        layout = QGridLayout(self)
        layout.addWidget(self.view, 0, 0, 4, 1)
        layout.addWidget(self.up_button, 0, 1)
        layout.addWidget(self.down_button, 1, 1)
        layout.addWidget(self.remove_button, 2, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.new_item, 1)
        entry.addWidget(self.add_button)
        layout.addLayout(entry, 4, 0, 1, 2)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(slot)
        return button

    def add_item(self) -> None:
        text = self.new_item.text().strip()
        if text:
            row = self.model.add_item(text)
            self.new_item.clear()
            self.view.setCurrentIndex(self.model.index(row))

    def remove_item(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_item(index.row())

    def move_selected(self, delta: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = self.model.move_item(index.row(), delta)
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (
            self.new_item,
            self.add_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            widget.setEnabled(not read_only)


class CopingPlanTab(MenteePage[list[CopingPlanVersion]]):
    """Edit the current plan, save versions, compare two versions, print."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._loading = False
        self._modified = False
        self._shown_version: int | None = None
        self.versions_model = PlanVersionsModel(self)
        self._versions: dict[int, CopingPlanVersion] = {}
        self.sections: dict[PlanSection, PlanSectionEditor] = {}
        self._build()
        self._set_enabled()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        editors = QWidget()
        editors_layout = QVBoxLayout(editors)
        for section in PlanSection:
            editor = PlanSectionEditor(section)
            editor.model.edited.connect(self._edited)
            self.sections[section] = editor
            editors_layout.addWidget(editor)
        scroll = VerticalScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editors)
        self.version_note = QLineEdit()
        self.version_note.setPlaceholderText(
            "What changed, e.g. reviewed together after a hard week"
        )
        self.version_note.setAccessibleName("Note for the new version")
        self.save_button = QPushButton("&Save as new version")
        self.save_button.setAccessibleName("Save the plan as a new version")
        self.save_button.clicked.connect(self.save_version)
        # It writes a file (printed from there, or given to the mentee): the label says so.
        self.print_button = QPushButton("Save as &PDF…")
        self.print_button.setAccessibleName("Save the current plan as a one-page PDF")
        self.print_button.setToolTip("A one-page PDF of the plan, to print or give the mentee")
        self.print_button.clicked.connect(self.print_plan)
        self.state = QLabel()
        self.state.setAccessibleName("Plan save state")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.version_note)
        row = FlowLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        left_layout.addLayout(row)
        splitter = AdaptiveSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_history())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _build_history(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        history_label = QLabel("Version &history")
        self.history = read_only_table(
            self.versions_model,
            "Version history",
            stretch_column=PlanVersionColumn.NOTE,
            empty="No version saved yet. Add what helps, then press Save as new version.",
        )
        history_label.setBuddy(self.history)
        self.older = QComboBox()
        self.older.setAccessibleName("Compare from version")
        self.newer = QComboBox()
        self.newer.setAccessibleName("Compare to version")
        self.compare_button = QPushButton("&Compare")
        self.compare_button.setAccessibleName("Compare the two chosen versions")
        self.compare_button.clicked.connect(self.compare)
        compare_row = FlowLayout()
        compare_row.addWidget(QLabel("From"))
        compare_row.addWidget(self.older)
        compare_row.addWidget(QLabel("to"))
        compare_row.addWidget(self.newer)
        compare_row.addWidget(self.compare_button)
        self.diff_summary = QLabel()
        self.diff_summary.setAccessibleName("Summary of differences")
        self.diff_summary.setWordWrap(True)
        self.diff_view = PlanDiffView()
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(compare_row)
        layout.addWidget(self.diff_summary)
        layout.addWidget(self.diff_view, 2)
        return box

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], list[CopingPlanVersion]]:
        return lambda journal: ops.plan_versions(journal, mentee_id)

    def _show(self, data: list[CopingPlanVersion]) -> None:
        """The versions, and the newest in the editors unless the mentor has edits there."""
        self._show_versions(data)
        if not self._modified and data:
            self._show_plan(data[-1])

    def _wants(self, changes: Changes) -> bool:
        return changes.plans

    def _mentee_changed(self) -> None:
        self._set_enabled()

    def _clear(self) -> None:
        self._loading = True
        try:
            for editor in self.sections.values():
                editor.model.clear()
                editor.new_item.clear()
        finally:
            self._loading = False
        self._modified = False
        self._shown_version = None
        self.versions_model.clear()
        self._versions = {}
        self.older.clear()
        self.newer.clear()
        self.diff_view.clear()
        self.diff_summary.clear()
        self.version_note.clear()
        self.state.clear()

    def save_now(self) -> None:
        """Lock or Ctrl+S: unsaved edits become a new version rather than being lost."""
        if self._modified and self._mentee_id is not None:
            self.save_version()

    def open_record(self, kind: str, record_id: str) -> None:
        """A search hit on a plan version: show its history row."""
        row = self.versions_model.row_of(record_id)
        if row >= 0:
            self.history.selectRow(row)

    # -- data --------------------------------------------------------------------------------
    def current_sections(self) -> list[tuple[PlanSection, tuple[str, ...]]]:
        return [(section, editor.model.items()) for section, editor in self.sections.items()]

    def save_version(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        sections = self.current_sections()
        note = self.version_note.text().strip()
        self._modified = False
        self.state.setText("Saving…")

        def saved(result: Changed[CopingPlanVersion]) -> None:
            self.version_note.clear()
            self.state.setText(f"Saved as version {result.value.version}")
            self.save_state_changed.emit(self.state.text())

        def failed(error: BaseException) -> None:
            self._modified = True
            self.state.setText("Not saved")
            self._prompts.show_error(error, "Plan not saved")

        self._command(lambda j: ops.save_plan(j, mentee_id, sections, note), saved, failed)

    def compare(self) -> None:
        old = self._version(self.older.currentData())
        new = self._version(self.newer.currentData())
        if old is None or new is None:
            return
        diffs = diff_sections(_labelled(old), _labelled(new))
        self.diff_view.show_diff(diffs)
        self.diff_summary.setText(
            f"Version {old.version} → version {new.version}: {summarise(diffs)}"
        )

    def print_plan(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        will_save = self._modified and self._prompts.confirm(
            "Save plan as PDF",
            "The plan has changes that are not saved. Save them as a new version first, so the "
            "PDF shows them?",
            ok_label="Save version and PDF",
        )
        if will_save:
            self.save_version()  # queued before the export, so the PDF shows it
        if not self.versions_model.rowCount() and not will_save:
            self._prompts.inform("Save plan as PDF", "There is no saved plan yet.")
            return
        path = self._prompts.save_file(
            "Save coping plan as PDF", str(pdf_suggestion(self._shown_version)), "PDF files (*.pdf)"
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def written(pages: int) -> None:
            extra = "" if pages == 1 else f" It needed {pages} pages."
            self._prompts.inform("Coping plan saved", f"The plan was saved as {path.name}.{extra}")

        self._query(
            lambda j: _export_plan(j, mentee_id, path),
            written,
            lambda error: self._prompts.show_error(error, "Plan not saved as PDF"),
        )

    # -- internals ---------------------------------------------------------------------------
    def _show_plan(self, version: CopingPlanVersion) -> None:
        self._loading = True
        try:
            for section, items in version.sections:
                self.sections[section].model.set_items(items)
        finally:
            self._loading = False
        self._modified = False
        self._shown_version = version.version
        self.state.setText(f"Current version {version.version}")

    def _show_versions(self, versions: Sequence[CopingPlanVersion]) -> None:
        newest_first = sorted(versions, key=lambda v: v.version, reverse=True)
        self.versions_model.set_records(newest_first)
        self._versions = {v.version: v for v in versions}
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.clear()
            for version in newest_first:
                combo.addItem(
                    f"Version {version.version} ({version.saved_at.astimezone():%d %b %Y})",
                    version.version,
                )
            combo.blockSignals(False)
        if len(newest_first) >= 2:
            self.newer.setCurrentIndex(0)
            self.older.setCurrentIndex(1)
            self.compare()  # what changed last time is the first question at a review
        else:
            self.diff_view.clear()
            self.diff_summary.clear()
        self._set_enabled()

    def _version(self, number: Any) -> CopingPlanVersion | None:
        return self._versions.get(number) if isinstance(number, int) else None

    def _set_enabled(self) -> None:
        has_mentee = self._mentee_id is not None
        for editor in self.sections.values():
            editor.setEnabled(has_mentee)
        for widget in (self.save_button, self.print_button, self.version_note):
            widget.setEnabled(has_mentee)
        self.compare_button.setEnabled(self.versions_model.rowCount() >= 2)

    def _edited(self) -> None:
        if self._loading or self._mentee_id is None:
            return
        self._modified = True
        self.state.setText("Changed — not saved as a version yet")


def _labelled(version: CopingPlanVersion) -> list[tuple[str, tuple[str, ...]]]:
    return [(section.label, items) for section, items in version.sections]


def _export_plan(journal: Journal, mentee_id: str, path: Path) -> int:
    """Worker side: the audited one-page PDF of the current version (imported lazily)."""
    from mentorjournal.export.audited import export_coping_plan

    code = journal.get_mentee(mentee_id).code
    return export_coping_plan(journal, code, path)


def pdf_suggestion(version: int | None) -> Path:
    """Where the save dialog starts: the Documents folder and a file name that says what it is
    (it opened in whatever folder the app was started from, with no name)."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = f"coping-plan-version-{version}.pdf" if version else "coping-plan.pdf"
    return Path(folder or Path.home()) / name
