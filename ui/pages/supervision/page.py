"""The Supervision area: the agenda gathered from flagged work, and the record of each session.

The agenda is built from what the mentor flagged (reflections, notes flagged or with a risk
flag) and grouped by Proctor's functions, each item optionally given a seven-eyed focus.
Recording a session takes the agenda with it (those items then leave the pending agenda),
with the discussion and agreed actions (owner, due date, done). "Prepare summary…" opens the
anonymised export preview (imported when first used: its export modules are slow to import).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.supervision import (
    SupervisionAction,
    SupervisionFocus,
    SupervisionFunction,
    SupervisionSession,
)
from mentorjournal.domain.supervision_ledger import SupervisionSignOff
from mentorjournal.domain.validation import new_id
from ui.glossary import HelpButton, explain
from ui.models.record_model import RecordRole
from ui.pages import journal_ops as ops
from ui.pages.base import Page
from ui.pages.supervision.agreement_dialog import AgreementDialog
from ui.pages.supervision.ledger import LedgerPanel
from ui.pages.supervision.models import (
    FUNCTION_LABELS,
    ActionColumn,
    ActionsModel,
    AgendaModel,
    AgendaRow,
    SupervisionSessionsModel,
)
from ui.pages.supervision.signoff_dialog import SignOffDialog
from ui.prompts import Prompts
from ui.style import buddy_label
from ui.widgets.adaptive import AdaptiveSplitter, size_to_current
from ui.widgets.export_one import export_to_file
from ui.widgets.flow import FlowLayout
from ui.widgets.qdates import from_qdate, to_qdate
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.journal import Journal
    from ui.pages.supervision.export_dialog import SupervisionExportDialog


class SupervisionPage(Page[ops.SupervisionData]):
    """Agenda (left), the session being recorded (right), past sessions (below)."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._editing: SupervisionSession | None = None
        #: The form differs from what was last saved or loaded (lock and Ctrl+S save only then).
        self._dirty = False
        self._loading = False
        self._dialog: SupervisionExportDialog | None = None
        self._today: date | None = None
        self.agreement_dialog: AgreementDialog | None = None
        self.signoff_dialog: SignOffDialog | None = None
        # One save model with notes and goals: an edit of a stored record saves itself once
        # typing pauses. Saving a new record stays deliberate: it takes the agenda with it.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(700)
        self._autosave.timeout.connect(self._save_edit)
        self.agenda = AgendaModel(self)
        self.actions_model = ActionsModel(self)
        self.sessions = SupervisionSessionsModel(self)
        self._build()
        for signal in (
            self.supervisor.textChanged,
            self.discussion.textChanged,
            self.held_on.dateChanged,
            self.actions_model.modelReset,
            self.minutes.valueChanged,
            *(box.toggled for box in self.function_boxes.values()),
        ):
            signal.connect(self._mark_dirty)
        self.new_session()

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        splitter = AdaptiveSplitter()
        splitter.addWidget(self._build_agenda())
        splitter.addWidget(self._build_record())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 520])
        self.ledger = LedgerPanel()
        self.ledger.edit_agreement.connect(self.open_agreement)
        self.ledger.export_log.connect(self.export_log)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Supervision")
        self.tabs.addTab(splitter, "Agenda and &records")
        self.tabs.addTab(self.ledger, "Agreement and &hours")
        size_to_current(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _build_agenda(self) -> QWidget:
        box = QGroupBox("Agenda: flagged for supervision")
        layout = QVBoxLayout(box)
        self.agenda_view = QTreeView()
        self.agenda_view.setModel(self.agenda)
        self.agenda_view.setAccessibleName("Supervision agenda grouped by function")
        self.agenda_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Every column as wide as its text: a stretched title column shrank to "Fre…" beside
        # "Session note …"; a narrow page scrolls the agenda sideways instead of cutting it.
        self.agenda_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.agenda_view.header().setStretchLastSection(True)
        self.agenda_view.selectionModel().selectionChanged.connect(self._on_agenda_selection)
        self.agenda.modelReset.connect(self._agenda_reset)
        self.function = QComboBox()
        self.function.setAccessibleName("Function of the selected agenda item")
        for function in SupervisionFunction:
            self.function.addItem(FUNCTION_LABELS[function], function.value)
        self.function.activated.connect(self._function_chosen)
        self.focus = QComboBox()
        self.focus.setAccessibleName("Seven-eyed focus of the selected agenda item")
        self.focus.addItem("No particular focus", None)
        for number, focus in enumerate(SupervisionFocus, start=1):
            self.focus.addItem(f"{number}. {focus.label}", focus.value)
        self.focus.activated.connect(self._focus_chosen)
        form = QFormLayout()
        self.function.setToolTip(explain("proctor"))
        self.focus.setToolTip(explain("seven-eyed"))
        function_row = QHBoxLayout()
        function_row.addWidget(self.function, 1)
        function_row.addWidget(HelpButton("proctor"))
        focus_row = QHBoxLayout()
        focus_row.addWidget(self.focus, 1)
        focus_row.addWidget(HelpButton("seven-eyed"))
        form.addRow(buddy_label("F&unction", self.function), function_row)
        form.addRow(buddy_label("F&ocus", self.focus), focus_row)
        self.summary_button = QPushButton("&Prepare summary…")
        self.summary_button.setAccessibleName("Prepare an anonymised supervision summary")
        self.summary_button.clicked.connect(self.prepare_summary)
        layout.addWidget(self.agenda_view, 1)
        layout.addLayout(form)
        layout.addWidget(self.summary_button)
        self._set_item_controls(None)
        return box

    def _build_record(self) -> QWidget:
        box = QGroupBox("Record a supervision session")
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd MMM yyyy")
        self.held_on.setAccessibleName("Date of the supervision session")
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName("Supervisor")
        self.discussion = QPlainTextEdit()
        self.discussion.setAccessibleName("Discussion")
        self.discussion.setTabChangesFocus(True)
        self.discussion.setPlaceholderText("What was discussed (de-identified)")
        form.addRow("&Date", self.held_on)
        form.addRow("&Supervisor", self.supervisor)
        functions = self._build_ledger_fields()
        form.addRow(buddy_label("&Length", self.minutes), self.minutes)
        form.addRow("Functions", functions)
        form.addRow("D&iscussion", self.discussion)
        layout.addLayout(form, 1)
        layout.addWidget(QLabel("Agreed actions"))
        self.actions_view = read_only_table(
            self.actions_model,
            "Agreed actions",
            stretch_column=ActionColumn.TEXT,
            empty="No agreed actions yet. Type one below and add it.",
        )
        layout.addWidget(self.actions_view, 1)
        layout.addLayout(self._build_action_row())
        buttons = FlowLayout()
        self.state = QLabel()
        self.state.setAccessibleName("Supervision record save state")
        self.new_button = QPushButton("&New record")
        self.new_button.setAccessibleName("Start a new supervision record")
        self.new_button.clicked.connect(self.new_session)
        self.save_button = QPushButton("Sa&ve record")
        self.save_button.setAccessibleName("Save the supervision record")
        self.save_button.clicked.connect(self.save_session)
        self.signoff_button = self._build_signoff_button()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.signoff_button)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Past sessions"))
        self.sessions_view = read_only_table(
            self.sessions,
            "Past supervision sessions",
            single_selection=True,
            empty="No supervision sessions recorded yet. Press New record after your next one.",
        )
        self.sessions_view.selectionModel().selectionChanged.connect(self._on_session_selection)
        layout.addWidget(self.sessions_view, 1)
        return box

    def _build_signoff_button(self) -> QPushButton:
        button = QPushButton("Si&gn off…")
        button.setAccessibleName("Supervisor signs off this supervision record")
        button.setToolTip("For the supervisor: sign off this record; it is locked")
        button.clicked.connect(self.open_signoff)
        return button

    def _build_ledger_fields(self) -> QGridLayout:
        """The meeting's length and the Proctor functions it covered (the ledger's fields)."""
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" min")
        self.minutes.setSpecialValueText("Not logged")
        self.minutes.setAccessibleName("Length of the meeting in minutes")
        self.function_boxes: dict[SupervisionFunction, QCheckBox] = {}
        # Two a row: fits the narrow column side by side and the wide one at 200% text.
        functions = QGridLayout()
        for function, label in (
            (SupervisionFunction.NORMATIVE, "&Normative"),
            (SupervisionFunction.FORMATIVE, "&Formative"),
            (SupervisionFunction.RESTORATIVE, "Res&torative"),
        ):
            check = QCheckBox(label)
            check.setAccessibleName(f"Covered: {FUNCTION_LABELS[function]}")
            check.setToolTip(FUNCTION_LABELS[function])
            index = len(self.function_boxes)
            self.function_boxes[function] = check
            functions.addWidget(check, index // 2, index % 2)
        functions.setColumnStretch(2, 1)
        return functions

    def _build_action_row(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        row = FlowLayout()
        second = FlowLayout()
        self.action_text = QLineEdit()
        self.action_text.setPlaceholderText("Agreed action")
        self.action_text.setAccessibleName("New action")
        self.action_owner = QLineEdit()
        self.action_owner.setPlaceholderText("Owner")
        self.action_owner.setAccessibleName("Action owner")
        self.action_has_due = QCheckBox("Due")
        self.action_has_due.setAccessibleName("The action has a due date")
        self.action_due = QDateEdit()
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("dd MMM yyyy")
        self.action_due.setAccessibleName("Action due date")
        self.action_due.setDate(QDate.currentDate())
        self.action_due.setEnabled(False)
        self.action_has_due.toggled.connect(self.action_due.setEnabled)
        self.add_action_button = QPushButton("&Add action")
        self.add_action_button.setAccessibleName("Add action")
        self.add_action_button.clicked.connect(self.add_action)
        self.action_text.returnPressed.connect(self.add_action)
        self.done_button = QPushButton("Done / not done")
        self.done_button.setAccessibleName("Toggle done on the selected action")
        self.done_button.clicked.connect(self.toggle_done)
        row.addWidget(self.action_text, 2)
        row.addWidget(self.action_owner, 1)
        second.addWidget(self.action_has_due)
        second.addWidget(self.action_due)
        second.addStretch(1)
        second.addWidget(self.add_action_button)
        second.addWidget(self.done_button)
        rows.addLayout(row)
        rows.addLayout(second)
        return rows

    # -- page contract -----------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], ops.SupervisionData]:
        return ops.supervision_data

    def _show(self, data: ops.SupervisionData) -> None:
        self.agenda.set_candidates(data.candidates, data.codes)
        self.sessions_view.selectionModel().blockSignals(True)
        self.sessions.set_signoffs(data.signoffs)
        self.sessions.set_records(data.sessions)
        self.sessions_view.selectionModel().blockSignals(False)
        self._today = data.ledger.today if data.ledger is not None else None
        if data.ledger is not None:
            self.ledger.show_data(data.ledger)
            if self._editing is None and not self._dirty:
                # A new record is dated by the journal's clock, as its sign-off will be.
                self._loading = True
                self.held_on.setDate(to_qdate(data.ledger.today))
                self._loading = False
        if self._editing is not None:
            fresh = next((s for s in data.sessions if s.id == self._editing.id), None)
            if fresh is not None and not self._dirty:
                self._set_signed_off(self.sessions.is_signed_off(fresh.id), fresh)

    def _wants(self, changes: Changes) -> bool:
        return changes.supervision or changes.reflections or changes.sessions or changes.mentees

    def _clear(self) -> None:
        self.agenda.clear()
        self.sessions.clear()
        self.ledger.clear()
        self._today = None
        for dialog in (self.agreement_dialog, self.signoff_dialog):
            if dialog is not None:
                dialog.reject()
        self.new_session()
        if self._dialog is not None:  # the export preview: emptied and hidden, like every view
            self._dialog.clear()
            self._dialog.hide()

    def save_now(self) -> None:
        """Keep a record being edited: only if changed and it has what a record needs."""
        if self._dirty and self.supervisor.text().strip():
            self.save_session()

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.sessions.row_of(record_id)
        if row >= 0:
            self.sessions_view.selectRow(row)

    # -- the record ----------------------------------------------------------------------------
    def _mark_dirty(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True
            if self._editing is not None:
                self._autosave.start()

    def _save_edit(self) -> None:
        """Typing paused on a stored record: save it, or say quietly what it still needs."""
        if not self._dirty or self._editing is None:
            return
        if not self.supervisor.text().strip():
            self.state.setText("Not saved yet: a record needs the supervisor's name.")
            return
        self.save_session()

    def new_session(self) -> None:
        self._loading = True
        self._editing = None
        self.held_on.setDate(QDate.currentDate())
        self.supervisor.clear()
        self.discussion.clear()
        self.actions_model.clear()
        self.action_text.clear()
        self.action_owner.clear()
        self.minutes.setValue(0)
        for box in self.function_boxes.values():
            box.setChecked(False)
        self.state.clear()
        self.sessions_view.clearSelection()
        self.save_button.show()
        self._set_signed_off(False, None)
        self._autosave.stop()
        self._loading = False
        self._dirty = False

    def add_action(self) -> None:
        text = self.action_text.text().strip()
        if not text:
            return
        due = self.action_due.date().toPython() if self.action_has_due.isChecked() else None
        assert due is None or isinstance(due, date)
        try:
            action = SupervisionAction(new_id(), text, self.action_owner.text().strip(), due)
        except Exception as error:
            self._prompts.show_error(error, "Action not added")
            return
        self.actions_model.set_records([*self.actions_model.records(), action])
        self.action_text.clear()
        self.action_owner.clear()
        self.action_has_due.setChecked(False)

    def toggle_done(self) -> None:
        index = self.actions_view.currentIndex()
        if not index.isValid():
            return
        records = list(self.actions_model.records())
        action = records[index.row()]
        if self._editing is not None and self.sessions.is_signed_off(self._editing.id):
            # A signed-off record keeps its actions; only the tick changes, on its own.
            self._command(
                lambda j: j.set_supervision_action_done(action.id, not action.done),
                lambda _result: None,
                lambda error: self._prompts.show_error(error, "Action not changed"),
            )
            self._loading = True
            records[index.row()] = replace(action, done=not action.done)
            self.actions_model.set_records(records)
            self._loading = False
            self.actions_view.selectRow(index.row())
            return
        records[index.row()] = SupervisionAction(
            action.id, action.text, action.owner, action.due_on, not action.done
        )
        self.actions_model.set_records(records)
        self.actions_view.selectRow(index.row())

    def current_session(self) -> SupervisionSession:
        """The record as the form shows it (new: takes the pending agenda with it)."""
        held_on = from_qdate(self.held_on.date())
        agenda = (
            self._editing.agenda if self._editing is not None else self.agenda.agenda_items(new_id)
        )
        return SupervisionSession(
            id=self._editing.id if self._editing is not None else new_id(),
            held_on=held_on,
            supervisor=self.supervisor.text().strip(),
            agenda=agenda,
            discussion=self.discussion.toPlainText().strip(),
            actions=self.actions_model.records(),
            minutes=self.minutes.value() or None,
            functions=frozenset(f for f, box in self.function_boxes.items() if box.isChecked()),
        )

    def save_session(self) -> None:
        self._autosave.stop()
        try:
            session = self.current_session()
        except Exception as error:
            self._prompts.show_error(error, "Supervision record not saved")
            return
        self.state.setText("Saving…")
        self._dirty = False

        def saved(result: Changed[SupervisionSession]) -> None:
            self._editing = result.value
            self.save_button.hide()  # stored: later edits save themselves
            if not self._dirty:
                self.state.setText("Saved")
            self.save_state_changed.emit("Saved")

        def failed(error: BaseException) -> None:
            self._dirty = True
            self.state.setText("Not saved")
            self._prompts.show_error(error, "Supervision record not saved")

        self._command(lambda j: j.save_supervision(session), saved, failed)

    def load_session(self, session: SupervisionSession) -> None:
        self._loading = True
        self._editing = session
        self.held_on.setDate(to_qdate(session.held_on))
        self.supervisor.setText(session.supervisor)
        self.discussion.setPlainText(session.discussion)
        self.actions_model.set_records(session.actions)
        self.minutes.setValue(session.minutes or 0)
        for function, box in self.function_boxes.items():
            box.setChecked(function in session.functions)
        self.state.setText(
            f"Editing the record of {session.held_on:%d %b %Y} ({len(session.agenda)} agenda items)"
        )
        self.save_button.hide()  # a stored record saves itself as it is edited
        self._autosave.stop()
        self._loading = False
        self._dirty = False
        self._set_signed_off(self.sessions.is_signed_off(session.id), session)

    # -- sign-off and agreement -----------------------------------------------------------------
    def _set_signed_off(self, signed_off: bool, session: SupervisionSession | None) -> None:
        """A signed-off record is shown locked; only an action's done tick stays open."""
        for widget in (
            self.held_on,
            self.supervisor,
            self.minutes,
            self.action_text,
            self.action_owner,
            self.action_has_due,
            self.add_action_button,
            *self.function_boxes.values(),
        ):
            widget.setEnabled(not signed_off)
        self.action_due.setEnabled(not signed_off and self.action_has_due.isChecked())
        self.discussion.setReadOnly(signed_off)
        self.signoff_button.setVisible(session is not None and not signed_off)
        if signed_off and session is not None:
            # Short, so a long name never widens the page; the name is in the tooltip.
            self.state.setText(f"Signed off {self.sessions.signed_off_on(session.id)}: locked.")
            self.state.setToolTip(
                f"Signed off {self.sessions.signoff_line(session.id)}. Only an agreed action "
                "can still be ticked done."
            )
        else:
            self.state.setToolTip("")

    def open_signoff(self) -> SignOffDialog | None:
        """The supervisor signs the stored record off (saved first if edited)."""
        session = self._editing
        if session is None:
            return None
        if self._dirty:
            self.save_session()
        dialog = SignOffDialog(
            meeting=f"Supervision of {session.held_on:%d %B %Y} with {session.supervisor}",
            held_on=session.held_on,
            today=self._today or date.today(),
            supervisor=session.supervisor,
            parent=self,
        )
        session_id = session.id

        def signed(result: Changed[SupervisionSignOff]) -> None:
            self.state.setText(f"Signed off {result.value.signed_on:%d %b %Y}: locked.")

        def accepted() -> None:
            name, day = dialog.values()
            self._command(
                lambda j: ops.sign_off_supervision(j, session_id, name, day),
                signed,
                lambda error: self._prompts.show_error(error, "Not signed off"),
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "signoff_dialog", None))
        self.signoff_dialog = dialog
        dialog.open()
        return dialog

    def export_log(self) -> None:
        """Save this year's supervision log (.pdf, .docx or .md) with the CLI's exporter."""

        def write(journal: Journal, path: Path) -> object:
            from mentorjournal.export.supervision_log import export_supervision_log

            return export_supervision_log(journal, path)

        export_to_file(self, self._worker, self._prompts, "Export supervision log", write)

    def open_agreement(self) -> AgreementDialog:
        """Add the supervision agreement, or review the one in force."""
        current = self.ledger.data.agreement if self.ledger.data is not None else None
        dialog = AgreementDialog(self._today or date.today(), current, self)

        def accepted() -> None:
            agreement = dialog.result_value
            if agreement is None:
                return
            self._command(
                lambda j: ops.save_supervision_agreement(j, agreement),
                lambda _result: None,
                lambda error: self._prompts.show_error(error, "Agreement not saved"),
            )

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "agreement_dialog", None))
        self.agreement_dialog = dialog
        dialog.open()
        return dialog

    # -- the agenda --------------------------------------------------------------------------
    def selected_row(self) -> AgendaRow | None:
        index = self.agenda_view.currentIndex()
        value = index.siblingAtColumn(0).data(RecordRole) if index.isValid() else None
        return value if isinstance(value, AgendaRow) else None

    def _agenda_reset(self) -> None:
        """Group rows read across the whole width; every group is open."""
        for row in range(self.agenda.rowCount()):
            self.agenda_view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.agenda_view.expandAll()

    def _on_agenda_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._set_item_controls(self.selected_row())

    def _set_item_controls(self, row: AgendaRow | None) -> None:
        for combo in (self.function, self.focus):
            combo.setEnabled(row is not None)
        if row is not None:
            self.function.setCurrentIndex(self.function.findData(row.function.value))
            self.focus.setCurrentIndex(
                max(0, self.focus.findData(row.focus.value if row.focus else None))
            )

    def _function_chosen(self, _index: int) -> None:
        row = self.selected_row()
        if row is not None:
            self.agenda.set_function(row.id, SupervisionFunction(self.function.currentData()))
            self._set_item_controls(None)

    def _focus_chosen(self, _index: int) -> None:
        row = self.selected_row()
        if row is not None:
            value = self.focus.currentData()
            self.agenda.set_focus(row.id, SupervisionFocus(value) if value else None)

    def _on_session_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.load_session(indexes[0].data(RecordRole))

    # -- the anonymised summary preview ---------------------------------------------------------
    def prepare_summary(self) -> QDialog:
        from ui.pages.supervision.export_dialog import SupervisionExportDialog

        if self._dialog is None:
            self._dialog = SupervisionExportDialog(self._worker, self._prompts, self)
        self._dialog.show()
        self._dialog.raise_()
        return self._dialog
