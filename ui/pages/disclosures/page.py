"""Disclosures: what was shared about the mentee, with whom, how, when and why.

A disclosure is a record, so this tab has no Edit and no Delete: "Record" keeps a new entry,
and "Correct selected" fills the form from an entry so that the next "Record" keeps a
correction of it (the original stays, marked "Corrected"). The form asks for the fields good
practice names: what, with whom, how, when, any reference, the reasoning, any advice sought,
and whether the mentee was told (and if not, why not). A half-typed entry is not saved on
lock, unlike other forms: what is recorded here can never be deleted, so only the mentor's
own "Record" keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
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

from mentorjournal.domain import new_id
from mentorjournal.domain.disclosure import (
    BASIS_LABELS,
    INFORMED_LABELS,
    METHOD_LABELS,
    Disclosure,
    DisclosureBasis,
    MenteeInformed,
    ShareMethod,
)
from mentorjournal.domain.measures import RiskFollowUp
from mentorjournal.domain.notes import NoteSummary
from mentorjournal.errors import MentorJournalError
from ui.models.record_model import RecordRole
from ui.pages.base import MenteePage
from ui.pages.disclosures.models import DisclosureColumn, DisclosureRow, DisclosuresModel, rows_of
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

_Loaded = tuple[list[Disclosure], list[NoteSummary], list[RiskFollowUp], datetime]


def _combo(name: str, labels: dict[Any, str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    # Long labels ("Safeguarding an adult at risk") must not widen the whole form.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    for member, label in labels.items():
        combo.addItem(label, member.value)
    return combo


def _text(name: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().height() * (lines + 1))
    return edit


class DisclosuresTab(MenteePage[_Loaded]):
    """The selected mentee's disclosures and the form to record one (or a correction)."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._corrects: Disclosure | None = None
        self.model = DisclosuresModel(self)
        self.view = read_only_table(
            self.model, "Disclosures", stretch_column=DisclosureColumn.RECIPIENT,
            single_selection=True,
        )  # fmt: skip
        self.form = self._form()
        scroll = VerticalScrollArea()  # the form scrolls up and down, never sideways
        scroll.setWidget(self.form)
        splitter = AdaptiveSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_enabled()

    def _form(self) -> QGroupBox:
        box = QGroupBox("Record a disclosure")
        self.shared_at = QDateTimeEdit()
        self.shared_at.setCalendarPopup(True)
        self.shared_at.setDisplayFormat("dd MMM yyyy HH:mm")
        self.shared_at.setAccessibleName("When it was shared")
        self.basis = _combo("Why it was shared", BASIS_LABELS)
        self.what = _text("What was shared")
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName("With whom (person, role, organisation)")
        self.method = _combo("How it was shared", METHOD_LABELS)
        self.reference = QLineEdit()
        self.reference.setAccessibleName("Their reference number")
        self.reasoning = _text("The reasoning")
        self.advice = _text("Advice sought", 2)
        self.informed = _combo("Whether the mentee was told", INFORMED_LABELS)
        self.informed_note = _text("Why the mentee was not told", 2)
        self.note = QComboBox()
        self.note.setAccessibleName("Session note it belongs to")
        self.note.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.note.setMinimumContentsLength(16)
        self.followup = QComboBox()
        self.followup.setAccessibleName("Risk follow-up it belongs to")
        self.followup.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.followup.setMinimumContentsLength(16)
        self.correcting = QLabel()
        self.correcting.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("What needs fixing")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget in (
            ("&When shared", self.shared_at),
            ("W&hy", self.basis),
            ("&What was shared", self.what),
            ("With wh&om", self.recipient),
            ("Ho&w", self.method),
            ("Re&ference", self.reference),
            ("&Reasoning", self.reasoning),
            ("&Advice sought", self.advice),
            ("Mentee &told", self.informed),
            ("If not told, &why", self.informed_note),
            ("Session &note", self.note),
            ("Risk &follow-up", self.followup),
        ):
            form.addRow(label, widget)
        self.record_button = QPushButton("Record")
        self.record_button.setAccessibleName("Record this disclosure")
        self.record_button.clicked.connect(self.record)
        self.correct_button = QPushButton("Correct selected…")
        self.correct_button.setAccessibleName("Correct the selected disclosure")
        self.correct_button.clicked.connect(self.start_correction)
        self.new_button = QPushButton("New")
        self.new_button.setAccessibleName("Empty the disclosure form")
        self.new_button.clicked.connect(self.reset_form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.new_button, self.correct_button, self.record_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.correcting)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        return box

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], _Loaded]:
        def load(j: Journal) -> _Loaded:
            return (
                j.list_disclosures(mentee_id),
                j.list_sessions(mentee_id),
                j.followups(mentee_id=mentee_id),
                j.clock.now(),
            )

        return load

    def _show(self, data: _Loaded) -> None:
        entries, notes, followups, now = data
        self.model.set_records(rows_of(entries))
        self._fill_notes(notes)
        self._fill_followups(followups)
        if self._corrects is None and not self.what.toPlainText():
            self._set_time(now)

    def _wants(self, changes: Changes) -> bool:
        return changes.disclosures or changes.sessions

    def _clear(self) -> None:
        self.model.clear()
        self.note.clear()
        self.followup.clear()
        self.reset_form()

    def _leave_mentee(self) -> None:
        """Nothing is kept automatically: a disclosure is recorded only by Record."""

    def _mentee_changed(self) -> None:
        self._set_enabled()

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.view.selectRow(row)

    # -- the form ----------------------------------------------------------------------------
    def _fill_notes(self, notes: list[NoteSummary]) -> None:
        chosen = self.note.currentData()
        self.note.clear()
        self.note.addItem("None", None)
        for n in notes:
            title = n.first_line or f"{n.template.label} session"
            self.note.addItem(f"{n.started_at.astimezone():%d %b %Y}: {title}", n.id)
        self.note.setCurrentIndex(max(0, self.note.findData(chosen)))

    def _fill_followups(self, followups: list[RiskFollowUp]) -> None:
        chosen = self.followup.currentData()
        self.followup.clear()
        self.followup.addItem("None", None)
        for f in followups:
            state = "open" if f.closed_at is None else "closed"
            self.followup.addItem(
                f"{f.opened_at.astimezone():%d %b %Y}: {f.reason} ({state})", f.id
            )
        self.followup.setCurrentIndex(max(0, self.followup.findData(chosen)))

    def _set_time(self, moment: datetime) -> None:
        local = moment.astimezone()
        self.shared_at.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )

    def _set_enabled(self) -> None:
        self.form.setEnabled(self._mentee_id is not None)
        self.view.setEnabled(self._mentee_id is not None)

    def reset_form(self) -> None:
        """An empty form for a new entry (nothing is lost: entries are kept on Record only)."""
        self._corrects = None
        self.correcting.setText("")
        self.error.setText("")
        for edit in (self.what, self.reasoning, self.advice, self.informed_note):
            edit.clear()
        for line in (self.recipient, self.reference):
            line.clear()
        for combo in (self.basis, self.method, self.informed):
            combo.setCurrentIndex(0)
        self.note.setCurrentIndex(0)
        self.followup.setCurrentIndex(0)

    def selected(self) -> Disclosure | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        row = indexes[0].data(RecordRole)
        return row.entry if isinstance(row, DisclosureRow) else None

    def start_correction(self) -> None:
        """Fill the form from the selected entry; the next Record keeps a correction of it."""
        entry = self.selected()
        if entry is None:
            self.error.setText("Select the entry to correct in the list first.")
            return
        self.reset_form()
        self._corrects = entry
        self.correcting.setText(
            f"Correcting the entry of {entry.shared_at.astimezone():%d %b %Y %H:%M}: "
            "change what was wrong, then Record. The original is kept."
        )
        self._set_time(entry.shared_at)
        self.basis.setCurrentIndex(self.basis.findData(entry.basis.value))
        self.what.setPlainText(entry.what)
        self.recipient.setText(entry.recipient)
        self.method.setCurrentIndex(self.method.findData(entry.method.value))
        self.reference.setText(entry.reference)
        self.reasoning.setPlainText(entry.reasoning)
        self.advice.setPlainText(entry.advice_sought)
        self.informed.setCurrentIndex(self.informed.findData(entry.informed.value))
        self.informed_note.setPlainText(entry.informed_note)
        self.note.setCurrentIndex(max(0, self.note.findData(entry.note_id)))
        self.followup.setCurrentIndex(max(0, self.followup.findData(entry.followup_id)))

    def entry(self) -> Disclosure:
        """The form as a ``Disclosure`` (the domain says what is missing)."""
        shared = self.shared_at.dateTime().toPython()
        assert isinstance(shared, datetime)
        mentee_id = self._mentee_id
        if mentee_id is None:
            raise ValueError("no mentee is selected")
        return Disclosure(
            id=new_id(),
            mentee_id=mentee_id,
            shared_at=shared.astimezone(),
            basis=DisclosureBasis(self.basis.currentData()),
            what=self.what.toPlainText().strip(),
            recipient=self.recipient.text().strip(),
            method=ShareMethod(self.method.currentData()),
            reasoning=self.reasoning.toPlainText().strip(),
            reference=self.reference.text().strip(),
            advice_sought=self.advice.toPlainText().strip(),
            informed=MenteeInformed(self.informed.currentData()),
            informed_note=self.informed_note.toPlainText().strip(),
            note_id=self.note.currentData(),
            followup_id=self.followup.currentData(),
            corrects_id=None if self._corrects is None else self._corrects.id,
        )

    def record(self) -> None:
        """Keep the entry; a problem is shown beside the form and nothing typed is lost."""
        try:
            entry = self.entry()
        except MentorJournalError as exc:
            self.error.setText(str(exc))
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, MentorJournalError):
                self.error.setText(str(exc))
            else:
                self._prompts.show_error(exc)

        self._command(
            lambda j: j.record_disclosure(entry), self._fresh(lambda _c: self.reset_form()), failed
        )
