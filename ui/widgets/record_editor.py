"""A list of simple records with a form to add, edit and delete them (contacts, consents, CPD...).

Why one generic piece: people, places, consents, resources and CPD entries are all "a table of
frozen records + a form whose fields map one to one onto the record's attributes". Each tab
declares its :class:`Field` list and how to build a record from the form's values; this class
does the table, the form, validation errors (through prompts, nothing lost: the form keeps
its text), and the worker calls. Selecting a row loads it into the form; "New" empties it;
"Add" stores a new entry, and an edit of a stored one saves itself when typing pauses.
Typing is not dropped on the way: before the form shows another row or an empty form, a
valid form is saved as Save would, and one that is not valid yet is discarded only if the
mentor says so. Before a lock or another mentee (``save_now``) a valid form is saved too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QDate, QItemSelection, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.validation import new_id
from ui.callbacks import command
from ui.models.record_model import RecordRole, RecordTableModel
from ui.prompts import Prompts
from ui.widgets.flow import FlowLayout
from ui.widgets.qdates import from_qdate, to_qdate
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed
    from mentorjournal.journal import Journal

TEXT = "text"
MULTILINE = "multiline"
CHOICE = "choice"
DATE = "date"
OPTIONAL_DATE = "optional_date"
HOURS = "hours"

log = logging.getLogger(__name__)


class StoredRecord(Protocol):
    """A frozen dataclass with an ``id``: what every record this editor edits is."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=StoredRecord)


@dataclass(frozen=True)
class Field:
    """One form field mapped onto the record attribute ``name``."""

    name: str
    label: str
    kind: str = TEXT
    enum: type[Enum] | None = None
    labels: dict[Any, str] | None = None
    #: For text fields of optional attributes: an empty field is stored as None.
    none_if_empty: bool = False
    #: For a choice of an optional attribute: the first item, standing for None.
    none_label: str | None = None


class _OptionalDate(QWidget):
    """A date that may be absent: a checkbox switches the date field on."""

    changed = Signal()

    def __init__(self, label: str) -> None:
        super().__init__()
        label = label.replace("&", "")
        self.check = QCheckBox("Set")
        self.check.setAccessibleName(f"{label}: set a date")
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd MMM yyyy")
        self.edit.setAccessibleName(label)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        value = from_qdate(self.edit.date())
        return value

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(to_qdate(value) if value else QDate.currentDate())


class RecordEditor(QGroupBox, Generic[R]):
    """Table + form for one kind of record.

    One save model with notes and goals: an edit of a stored entry saves itself once typing
    pauses (:attr:`AUTOSAVE_MS`), with the same quiet "Saved" beside the buttons. Adding an
    entry stays a deliberate "Add", as a note or goal starts with "New".
    """

    #: A record was saved or deleted (the tab may reload other views).
    changed = Signal()
    #: How long typing must pause before an edit of a stored entry saves itself.
    AUTOSAVE_MS = 700

    def __init__(
        self,
        title: str,
        model: RecordTableModel,
        fields: Sequence[Field],
        *,
        worker: JournalWorker,
        prompts: Prompts,
        make_record: Callable[[str, dict[str, Any]], R],
        save: Callable[[Journal, R], Changed[R]],
        delete: Callable[[Journal, str], Changed[None]],
        stretch_column: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._title = title
        self._worker = worker
        self._prompts = prompts
        self._make_record = make_record
        self._save = save
        self._delete = delete
        self.model = model
        self.fields = tuple(fields)
        self.widgets: dict[str, QWidget] = {}
        self._current: R | None = None
        #: What the form held when last emptied or loaded: anything else is unsaved typing.
        self._baseline: dict[str, Any] = {}
        #: Bumped by ``clear`` (lock): an answer from before it must not refill the form.
        self._generation = 0
        #: Bumped whenever the form shows another record: a save's answer refills the form
        #: only if it still shows what was saved.
        self._shown = 0
        self.view = read_only_table(
            model,
            title,
            stretch_column=stretch_column,
            single_selection=True,
            empty="Nothing here yet. Fill in the form below and press Add.",
        )
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        form = QFormLayout()
        for field in self.fields:
            widget = self._widget(field)
            self.widgets[field.name] = widget
            label = QLabel(field.label)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.new_button = QPushButton("New")
        self.new_button.setAccessibleName(f"New entry in {title}")
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton("Add")
        self.save_button.setAccessibleName(f"Save entry in {title}")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setAccessibleName(f"Delete selected entry in {title}")
        self.delete_button.clicked.connect(self.delete)
        self.state = QLabel()
        self.state.setObjectName("saveState")
        self.state.setAccessibleName(f"Save state of {title}")
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(self.AUTOSAVE_MS)
        self._autosave.timeout.connect(self._save_edit)
        for widget in self.widgets.values():
            _on_edit(widget, self._edited)
        buttons = FlowLayout()
        buttons.addWidget(self.state, 1)
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.new_record()

    # -- widgets ---------------------------------------------------------------------------
    def _widget(self, field: Field) -> QWidget:
        widget: QWidget
        if field.kind == MULTILINE:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(edit.fontMetrics().height() * 4)
            widget = edit
        elif field.kind == CHOICE:
            combo = QComboBox()
            assert field.enum is not None
            if field.none_label is not None:
                combo.addItem(field.none_label, None)
            for member in field.enum:
                label = (field.labels or {}).get(
                    member, str(member.value).replace("_", " ").capitalize()
                )
                combo.addItem(label, member.value)
            widget = combo
        elif field.kind == DATE:
            date_edit = QDateEdit()
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("dd MMM yyyy")
            date_edit.setDate(QDate.currentDate())
            widget = date_edit
        elif field.kind == OPTIONAL_DATE:
            widget = _OptionalDate(field.label)
        elif field.kind == HOURS:
            spin = QDoubleSpinBox()
            spin.setRange(0.25, 1000)
            spin.setSingleStep(0.25)
            spin.setDecimals(2)
            spin.setSuffix(" h")
            widget = spin
        else:
            widget = QLineEdit()
        widget.setAccessibleName(field.label.replace("&", ""))
        return widget

    def value(self, field: Field) -> Any:
        widget = self.widgets[field.name]
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText().strip()
            return None if field.none_if_empty and not text else text
        if isinstance(widget, QLineEdit):
            text = widget.text().strip()
            return None if field.none_if_empty and not text else text
        if isinstance(widget, QComboBox):
            assert field.enum is not None
            data = widget.currentData()
            return None if data is None else field.enum(data)
        if isinstance(widget, _OptionalDate):
            return widget.value()
        if isinstance(widget, QDateEdit):
            return widget.date().toPython()
        if isinstance(widget, QDoubleSpinBox):
            return widget.value()
        raise TypeError(field.kind)

    def set_value(self, field: Field, value: Any) -> None:
        widget = self.widgets[field.name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QLineEdit):
            widget.setText(value or "")
        elif isinstance(widget, QComboBox):
            index = widget.findData(value.value) if isinstance(value, Enum) else 0
            widget.setCurrentIndex(max(0, index))
        elif isinstance(widget, _OptionalDate):
            widget.set_value(value)
        elif isinstance(widget, QDateEdit):
            today = QDate.currentDate()
            widget.setDate(to_qdate(value) if value else today)
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value) if value else 1.0)

    def values(self) -> dict[str, Any]:
        return {field.name: self.value(field) for field in self.fields}

    # -- actions ---------------------------------------------------------------------------
    @property
    def current(self) -> R | None:
        return self._current

    def start_new(self) -> None:
        """The New button: an empty form, once what was typed is kept (or discarded)."""
        if self._keep_typing():
            self.new_record()

    def new_record(self) -> None:
        self._shown += 1
        self._current = None
        for field in self.fields:
            self.set_value(field, None)
        self.view.clearSelection()
        self.save_button.setText("Add")
        self.save_button.show()
        self.state.clear()
        self.delete_button.setEnabled(False)
        self._baseline = self.values()

    def load(self, record: R) -> None:
        self._shown += 1
        self._set_current(record)
        for field in self.fields:
            self.set_value(field, getattr(record, field.name))
        self._baseline = self.values()

    def _set_current(self, record: R) -> None:
        """The stored record the form edits: Save now updates it, Delete removes it."""
        self._current = record
        self.save_button.setText("Save")
        self.save_button.hide()  # a stored entry saves itself (Ctrl+S still saves at once)
        self.delete_button.setEnabled(True)

    def _edited(self) -> None:
        if self._current is not None and self.has_unsaved_changes():
            self.state.clear()  # "Saved" no longer true; it will be again in a moment
            self._autosave.start()

    def _save_edit(self) -> None:
        """Typing paused on a stored entry: save it, or say quietly why it cannot be yet."""
        if self._current is None or not self.has_unsaved_changes():
            return
        try:
            record = self._record_from_form()
        except Exception as error:
            from ui.prompts import explain

            self.state.setText(f"Not saved yet: {explain(error).headline}")
            return
        self._submit(record)

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._baseline

    def _record_from_form(self) -> R:
        values = self.values()
        if self._current is None:
            return self._make_record(new_id(), values)
        return replace(self._current, **values)

    def save(self) -> None:
        """Build the record from the form (a rule broken: say so, keep the form) and save it."""
        try:
            record = self._record_from_form()
        except Exception as error:
            self._prompts.show_error(error, f"{self._title}: not saved")
            return
        self._submit(record)

    def save_now(self) -> None:
        """The vault is about to lock: keep what was typed if it makes a valid record.

        Locking empties the form, so unsaved typing would be lost; it is saved as the Save
        button would, queued before the lock. A form that breaks a rule (a contact without a
        name) cannot become a record and nobody is there to ask: it is dropped, as before.
        """
        if not self.has_unsaved_changes():
            return
        try:
            record = self._record_from_form()
        except Exception:
            log.info("%s: an unfinished entry could not be saved before locking", self._title)
            return
        self._submit(record)

    def _keep_typing(self) -> bool:
        """Before the form shows something else: save what was typed, or ask. False: stay.

        A valid form is saved as Save would (the answer then leaves the form alone). One that
        cannot become a record yet (a contact without a name) is the mentor's to discard.
        """
        if not self.has_unsaved_changes():
            return True
        try:
            record = self._record_from_form()
        except Exception as error:
            return self._prompts.confirm(
                f"{self._title}: unfinished entry",
                f"This entry cannot be saved yet: {error}\n\nDiscard what was typed?",
                ok_label="Discard",
                destructive=True,
            )
        self._submit(record)
        return True

    def _submit(self, record: R) -> None:
        """Save ``record`` (built from the form) off-thread; the form counts as saved meanwhile.

        Counting it saved at once keeps a second trigger (a lock right after a mentee switch)
        from sending the same entry twice; a failure makes it unsaved again. Typing that goes
        on while the answer is on its way is kept, as an edit of the stored record.
        """
        generation, shown = self._generation, self._shown
        before, submitted = self._baseline, self.values()
        self._baseline = submitted
        self._autosave.stop()
        self.state.setText("Saving…")

        def saved(result: Changed[R]) -> None:
            if generation != self._generation:
                return  # locked (cleared) meanwhile: the saved record stays out of the form
            if shown == self._shown:  # else the form moved on to another record meanwhile
                self.state.setText("Saved" if not self.has_unsaved_changes() else "")
                stored = result.value
                if self.values() == submitted:
                    self.load(stored)
                else:
                    self._set_current(stored)
            self.changed.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation and shown == self._shown:
                self._baseline = before
                self.state.setText("Not saved")
            self._prompts.show_error(error, f"{self._title}: not saved")

        save = self._save  # the job must not hold the widget (it travels to the worker thread)
        command(self, self._worker, lambda j: save(j, record), saved, failed)

    def delete(self) -> None:
        record = self._current
        if record is None:
            return
        if not self._prompts.confirm(
            f"Delete from {self._title}",
            "Delete the selected entry? This cannot be undone.",
            ok_label="Delete",
            destructive=True,
        ):
            return

        def deleted(_result: Changed[None]) -> None:
            self.new_record()
            self.changed.emit()

        delete = self._delete  # the job must not hold the widget
        command(
            self,
            self._worker,
            lambda j: delete(j, record.id),
            deleted,
            lambda error: self._prompts.show_error(error, f"{self._title}: not deleted"),
        )

    def set_records(self, records: Sequence[R]) -> None:
        """Fresh rows; the form keeps showing the current record (reloaded if it changed).

        A reload while the mentor types (another editor of the tab saved) keeps the typing.
        """
        current = self._current
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        self.model.set_records(records)
        row = self.model.row_of(current.id) if current is not None else -1
        if row >= 0:
            self.view.selectRow(row)
        selection.blockSignals(False)
        if row >= 0 and not self.has_unsaved_changes():
            self.load(self.model.record_at(row))

    def clear(self) -> None:
        self._generation += 1
        self.model.clear()
        self.new_record()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record = indexes[0].data(RecordRole)
        if self._current is not None and record.id == self._current.id:
            return
        if self._keep_typing():
            self.load(record)
        else:
            self._select_current()

    def _select_current(self) -> None:
        """Put the selection back on the record the form shows (without reloading the form)."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        row = self.model.row_of(self._current.id) if self._current is not None else -1
        if row >= 0:
            self.view.selectRow(row)
        else:
            self.view.clearSelection()
        selection.blockSignals(False)


def _on_edit(widget: QWidget, edited: Callable[[], None]) -> None:
    """Call ``edited`` on any change the mentor makes to a form field."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _t: edited())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(edited)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: edited())
    elif isinstance(widget, _OptionalDate):
        widget.changed.connect(edited)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(lambda _d: edited())
    elif isinstance(widget, QDoubleSpinBox):
        widget.valueChanged.connect(lambda _v: edited())
