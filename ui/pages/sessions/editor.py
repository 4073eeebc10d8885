"""The session-note editor: write right after a session, autosaved, then signed and locked.

Why it is built this way: a tired mentor must never lose a word. Every edit restarts a short
debounce (:class:`~ui.autosave.Autosaver`); the draft is saved through the worker within a
second of typing stopping, when focus leaves the editor, and on lock (``save_now``). A failed
save keeps the text on screen, says so once, and retries. Signing asks first; a signed note is
read-only and can only gain addenda. Changing the template never drops text (see
:func:`~ui.widgets.section_fields.carry_over`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.goals import GoalOverview, GoalProgress
from mentorjournal.domain.notes import Addendum, NoteTemplate, SessionMode, SessionNote
from mentorjournal.domain.session_header import PlanGoalLine
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.validation import new_id
from mentorjournal.errors import LateEntryNeedsReason
from ui.autosave import Autosaver
from ui.callbacks import alive, command, query
from ui.glossary import HelpButton, explain, explain_items
from ui.icons import set_icon
from ui.pages import journal_ops as ops
from ui.pages.sessions.cosign_panel import CosignPanel
from ui.pages.sessions.header_fields import SessionHeaderFields
from ui.pages.sessions.models import MODE_LABELS
from ui.prompts import Prompts
from ui.style import TextRole, buddy_label, mark_primary, set_text_role
from ui.widgets.gas_progress import GasProgressRow
from ui.widgets.qdates import to_qdate
from ui.widgets.section_fields import SectionFields, carry_over, specs_for
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed
    from mentorjournal.journal import Journal
    from ui.worker import HasChanges

_ID = Qt.ItemDataRole.UserRole


def _checked(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(row).data(_ID))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def _fill_checklist(
    widget: QListWidget, entries: Sequence[tuple[str, str]], checked: set[str]
) -> None:
    """``entries`` are (key, label); keys in ``checked`` but not listed are kept, checked."""
    widget.blockSignals(True)
    widget.clear()
    keys = [key for key, _label in entries]
    rows = list(entries) + [(key, key) for key in sorted(checked) if key not in keys]
    for key, label in rows:
        item = QListWidgetItem(label)
        item.setData(_ID, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.blockSignals(False)


class SessionEditor(QWidget):
    """Edits one note at a time; ``load`` a note, then every edit autosaves."""

    #: Autosave status for the status bar ("Saving…", "Saved 12:04", "Not saved").
    status_changed = Signal(str)
    #: The note was signed (its id).
    signed = Signal(str)

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        delay_ms: int = 700,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prompts = prompts
        self._note: SessionNote | None = None
        self._loading = False
        self._focus_inside = False
        self._goal_labels: list[tuple[str, str]] = []
        self._coping_items: list[str] = []
        self._read_at: datetime | None = None
        self.autosaver = Autosaver(worker, self._save_job, delay_ms=delay_ms, parent=self)
        self.autosaver.status_changed.connect(self._on_status)
        self.autosaver.failure_to_report.connect(
            lambda error: self._prompts.show_error(error, "Note not saved yet")
        )
        self._build()
        self.clear()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("noteTitle")
        self.title.setWordWrap(True)
        set_text_role(self.title, TextRole.SUBTITLE)
        layout.addWidget(self.title)
        # After signing: a clear, calm statement of what that means (the fingerprint is in
        # its tooltip, for whoever wants to check it).
        self.signed_label = QLabel()
        self.signed_label.setObjectName("signedState")
        self.signed_label.setWordWrap(True)
        self.signed_label.setAccessibleName("Signed state")
        self.signed_label.hide()
        layout.addWidget(self.signed_label)
        # Both signatures together at the top of a signed note (hidden for a draft).
        self.cosign_panel = CosignPanel(self._worker, self._prompts)
        layout.addWidget(self.cosign_panel)
        layout.addLayout(self._build_header())
        self.header_fields = SessionHeaderFields()
        self.header_fields.edited.connect(self._header_edited)
        layout.addWidget(self.header_fields)
        self.sections = SectionFields()
        self.sections.edited.connect(self._edited)
        layout.addWidget(self.sections, 3)
        layout.addWidget(self._build_checkins())
        layout.addWidget(self._build_goals())
        layout.addWidget(self._build_coping())
        actions_label = QLabel("&Actions for next time")
        self.next_actions = QPlainTextEdit()
        self.next_actions.setAccessibleName("Actions for next time")
        self.next_actions.setTabChangesFocus(True)
        self.next_actions.setMaximumHeight(self.next_actions.fontMetrics().height() * 5)
        self.next_actions.textChanged.connect(self._edited)
        actions_label.setBuddy(self.next_actions)
        layout.addWidget(actions_label)
        layout.addWidget(self.next_actions)
        self.flag_supervision = QCheckBox("Take to &supervision")
        self.flag_supervision.setAccessibleName("Take this note to supervision")
        self.flag_supervision.toggled.connect(self._edited)
        layout.addWidget(self.flag_supervision)
        self.action_bar = self._build_footer()  # placed by the page, outside the scrolling
        layout.addWidget(self._build_addenda())
        sign_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        sign_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sign_shortcut.activated.connect(self.sign)

    def _build_header(self) -> QFormLayout:
        form = QFormLayout()
        self.started = QDateTimeEdit()
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("ddd dd MMM yyyy HH:mm")
        self.started.setAccessibleName("Session start")
        self.started.dateTimeChanged.connect(self._edited)
        self.duration = QSpinBox()
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.valueChanged.connect(self._edited)
        self.mode = QComboBox()
        self.mode.setAccessibleName("Mode")
        for mode in SessionMode:
            self.mode.addItem(MODE_LABELS[mode], mode.value)
        self.mode.currentIndexChanged.connect(self._edited)
        self.template = QComboBox()
        self.template.setAccessibleName("Note template")
        for template in NoteTemplate:
            self.template.addItem(template.label, template.value)
        self.template.currentIndexChanged.connect(self._template_changed)
        form.addRow("S&tarted", self.started)
        form.addRow("&Duration", self.duration)
        form.addRow("&Mode", self.mode)
        explain_items(self.template)
        self.template_help = HelpButton(str(self.template.currentData()))
        self.template.currentIndexChanged.connect(
            lambda _i: self.template_help.set_term(str(self.template.currentData()))
        )
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.template_help)
        form.addRow(buddy_label("Tem&plate", self.template), template_row)
        return form

    def _build_checkins(self) -> QGroupBox:
        from ui.widgets.mood_slider import MoodSlider

        box = QGroupBox("Check-in")
        form = QFormLayout(box)
        self.mood_before = MoodSlider("Mood before")
        self.mood_after = MoodSlider("Mood after")
        self.mood_before.edited.connect(self._edited)
        self.mood_after.edited.connect(self._edited)
        form.addRow("Mood &before", self.mood_before)
        form.addRow("Mood a&fter", self.mood_after)
        self.risk = QCheckBox("&Risk flag")
        self.risk.setAccessibleName("Risk flag")
        self.risk.toggled.connect(self._risk_toggled)
        self.risk_followup = QPlainTextEdit()
        self.risk_followup.setAccessibleName("Risk follow-up")
        self.risk_followup.setPlaceholderText("What was agreed, who was told, when to follow up")
        self.risk_followup.setTabChangesFocus(True)
        self.risk_followup.setMaximumHeight(self.risk_followup.fontMetrics().height() * 4)
        self.risk_followup.textChanged.connect(self._edited)
        form.addRow(self.risk)
        form.addRow("Follow-up", self.risk_followup)
        return box

    def _build_goals(self) -> QGroupBox:
        box = QGroupBox("Goals worked on")
        layout = QVBoxLayout(box)
        self.goals = QListWidget()
        self.goals.setAccessibleName("Goals worked on (tick each)")
        self.goals.setMaximumHeight(self.goals.fontMetrics().height() * 6)
        self.goals.itemChanged.connect(self._goals_ticked)
        layout.addWidget(self.goals)
        self.progress_row = GasProgressRow(with_date=False, about=" for the selected goal")
        self.progress_row.add_requested.connect(self.add_progress)
        self.progress_level = self.progress_row.level_box
        self.progress_percent = self.progress_row.percent_box
        self.progress_note = self.progress_row.note_edit
        self.add_progress_button = self.progress_row.add_button
        layout.addWidget(self.progress_row)
        return box

    def _build_coping(self) -> QGroupBox:
        box = QGroupBox("Coping-plan items used")
        layout = QVBoxLayout(box)
        self.coping = QListWidget()
        self.coping.setAccessibleName("Coping-plan items used (tick each)")
        self.coping.setMaximumHeight(self.coping.fontMetrics().height() * 6)
        self.coping.itemChanged.connect(self._edited)
        layout.addWidget(self.coping)
        return box

    def _build_footer(self) -> QWidget:
        """Save state and Sign & lock: always in sight under the note, where writing ends."""
        bar = QWidget()
        bar.setObjectName("noteActions")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 4, 0, 0)
        self.status = QLabel()
        self.status.setObjectName("saveState")
        self.status.setAccessibleName("Save state")
        self.sign_button = QPushButton("Sign && &lock…")
        self.sign_button.setToolTip(
            "Sign and lock this note (Ctrl+Return). It cannot be changed afterwards."
        )
        self.sign_button.setAccessibleName("Sign and lock this note")
        self.sign_button.clicked.connect(self.sign)
        mark_primary(self.sign_button)
        set_icon(self.sign_button, "signed")
        self.sign_help = HelpButton("sign")
        row.addWidget(self.status, 1)
        row.addWidget(self.sign_help)
        row.addWidget(self.sign_button)
        return bar

    def _build_addenda(self) -> QGroupBox:
        self.addenda_box = QGroupBox("Addenda")
        layout = QVBoxLayout(self.addenda_box)
        self.addenda = QListWidget()
        self.addenda.setAccessibleName("Addenda to this signed note")
        self.addenda.setWordWrap(True)
        layout.addWidget(self.addenda)
        self.addendum_text = QPlainTextEdit()
        self.addendum_text.setAccessibleName("New addendum text")
        self.addendum_text.setPlaceholderText("A correction or addition, dated when added")
        self.addendum_text.setTabChangesFocus(True)
        self.addendum_text.setMaximumHeight(self.addendum_text.fontMetrics().height() * 5)
        layout.addWidget(self.addendum_text)
        self.addendum_button = QPushButton("Add a&ddendum")
        self.addendum_button.setAccessibleName("Add addendum")
        self.addendum_button.clicked.connect(self.add_addendum)
        layout.addWidget(self.addendum_button, 0, Qt.AlignmentFlag.AlignRight)
        return self.addenda_box

    # -- public API ------------------------------------------------------------------------
    @property
    def note_id(self) -> str | None:
        return self._note.id if self._note is not None else None

    @property
    def loaded_note(self) -> SessionNote | None:
        """The note as last loaded (not including unsaved edits: see :meth:`current_note`)."""
        return self._note

    def is_read_only(self) -> bool:
        return self._note is not None and self._note.is_signed

    def load(
        self,
        note: SessionNote,
        addenda: Sequence[Addendum] = (),
        goals: Sequence[GoalOverview] | None = None,
        coping_items: Sequence[str] | None = None,
    ) -> None:
        """Show ``note`` (saving any pending edits of the previous one first)."""
        if self._note is not None and self._note.id != note.id:
            self.save_now()
        self.autosaver.reset()
        self._loading = True
        try:
            self._note = note
            if goals is not None:
                self._goal_labels = [(o.goal.id, o.goal.mentee_words) for o in goals]
            if coping_items is not None:
                self._coping_items = list(dict.fromkeys(coping_items))
            for editor in self.sections.editors():
                editor.setExtraSelections([])  # marks of an earlier search
            self._show_note(note)
            self._show_addenda(addenda)
        finally:
            self._loading = False
        self.cosign_panel.show_for(note)
        self._apply_read_only()
        self.setEnabled(True)

    def set_pickers(
        self,
        goals: Sequence[GoalOverview],
        coping_items: Sequence[str],
        settings: RecordSettings | None = None,
        *,
        read_at: datetime | None = None,
    ) -> None:
        """Refresh the goal and coping-item lists (keeping what is ticked) and the profile.

        ``read_at`` is the journal clock's time of the read: due times are judged against it.
        """
        if settings is not None:
            self.header_fields.set_settings(settings)
        if read_at is not None:
            self._read_at = read_at
        self._goal_labels = [(o.goal.id, o.goal.mentee_words) for o in goals]
        self._coping_items = list(dict.fromkeys(coping_items))
        goal_ids, items = set(_checked(self.goals)), set(_checked(self.coping))
        _fill_checklist(self.goals, self._goal_labels, goal_ids)
        _fill_checklist(self.coping, [(i, i) for i in self._coping_items], items)
        self._sync_goal_lines()
        self._apply_read_only()

    def current_note(self) -> SessionNote | None:
        """The note as the fields show it now (validated: may raise ``ValidationError``)."""
        if self._note is None:
            return None
        template = NoteTemplate(self.template.currentData())
        started = self.started.dateTime().toPython()
        assert isinstance(started, datetime)
        started = started.astimezone().astimezone(UTC)
        goal_ids = tuple(_checked(self.goals))
        return replace(
            self._note,
            started_at=started,
            duration_minutes=self.duration.value(),
            mode=SessionMode(self.mode.currentData()),
            template=template,
            sections=tuple(self.sections.values()),
            mood_before=self.mood_before.value(),
            mood_after=self.mood_after.value(),
            risk_flag=self.risk.isChecked(),
            risk_followup=self.risk_followup.toPlainText(),
            goal_ids=goal_ids,
            coping_items_used=tuple(_checked(self.coping)),
            next_actions=self.next_actions.toPlainText(),
            flagged_for_supervision=self.flag_supervision.isChecked(),
            header=self.header_fields.header(started, goal_ids),
        )

    def save_now(self) -> bool:
        """Flush pending edits to the worker now (lock, Ctrl+S, focus leaving)."""
        return self.autosaver.save_now()

    def clear(self) -> None:
        """Forget the note and every word of it (lock). Call ``save_now`` first."""
        self.autosaver.reset()
        self._loading = True
        try:
            self._note = None
            self._goal_labels = []
            self._coping_items = []
            self.title.setText("No note open")
            self.sections.set_sections(specs_for(NoteTemplate.FREE.sections))
            self.sections.clear()
            for edit in (self.next_actions, self.risk_followup, self.addendum_text):
                edit.clear()
            for widget in (self.goals, self.coping, self.addenda):
                widget.clear()
            self.mood_before.set_value(None)
            self.mood_after.set_value(None)
            self.started.setDateTime(QDateTime.currentDateTime())  # no session's time lingers
            self.duration.setValue(60)
            self.risk.setChecked(False)
            self.flag_supervision.setChecked(False)
            self.header_fields.show_header(None, datetime.now(UTC))
            self.header_fields.clear_lists()
            self.header_fields.needs.clear()
            self.signed_label.clear()
            self.signed_label.hide()
            self.status.clear()
        finally:
            self._loading = False
        self.addenda_box.setVisible(False)
        self.cosign_panel.clear()
        self.action_bar.setVisible(False)
        self.setEnabled(False)

    def sign(self) -> None:
        """Ask, then sign and lock the note; it becomes read-only."""
        note = self._note
        if note is None or note.is_signed:
            return
        if not self._confirm_sign():
            return
        self.save_now()  # queued before the signing, so the signed text is what is on screen
        self._sign(note.id, "")

    def _sign(self, note_id: str, late_reason: str) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, LateEntryNeedsReason) and not late_reason:
                reason = self._prompts.ask_text("Late entry", f"{error}\nReason:")
                if reason and reason.strip():
                    self._sign(note_id, reason.strip())
                return
            self._prompts.show_error(error, "Note not signed")

        command(
            self,
            self._worker,
            lambda j: ops.sign_note(j, note_id, late_reason),
            self._on_signed,
            failed,
        )

    def _confirm_sign(self) -> bool:
        return self._prompts.confirm(
            "Sign and lock note",
            "Once signed, this note is a record and cannot be changed; corrections are added "
            "as dated addenda. Sign it now?",
            ok_label="Sign && lock",
        )

    def add_addendum(self) -> None:
        note = self._note
        text = self.addendum_text.toPlainText().strip()
        if note is None or not note.is_signed or not text:
            return
        note_id = note.id

        def added(_result: Changed[Addendum]) -> None:
            self.addendum_text.clear()
            self._reload_addenda(note_id)

        command(
            self,
            self._worker,
            lambda j: ops.add_addendum(j, note_id, text),
            added,
            lambda error: self._prompts.show_error(error, "Addendum not added"),
        )

    def add_progress(self) -> None:
        """Record progress on the selected goal, linked to this session."""
        note = self._note
        item = self.goals.currentItem()
        if note is None or item is None:
            self._prompts.inform("Add progress", "Select a goal in the list first.")
            return
        row = self.progress_row
        goal_id = str(item.data(_ID))
        started = self.started.dateTime().toPython()
        assert isinstance(started, datetime)
        try:
            progress = GoalProgress(
                id=new_id(),
                goal_id=goal_id,
                on=started.date(),
                gas_level=row.level(),
                percent=row.percent(),
                note=row.note(),
                session_id=note.id,
            )
        except Exception as error:
            self._prompts.show_error(error, "Progress not added")
            return
        if item.checkState() != Qt.CheckState.Checked:
            item.setCheckState(Qt.CheckState.Checked)  # progress means it was worked on
        self.save_now()

        command(
            self,
            self._worker,
            lambda j: ops.add_progress(j, progress),
            lambda _result: row.reset(),
            lambda error: self._prompts.show_error(error, "Progress not added"),
        )

    # -- internals -------------------------------------------------------------------------
    def mark(self, searched: str) -> QWidget | None:
        """Mark every place the searched words occur in this note; the first such field (or
        the matching addendum's box), for the page to scroll into sight. None: not found."""
        words = [w for w in re.findall(r"\w+", searched) if len(w) > 1] or [searched.strip()]
        tint = self.palette().color(QPalette.ColorRole.Highlight)
        tint.setAlpha(90)
        first: QWidget | None = None
        for editor in self.sections.editors():
            marks: list[QTextEdit.ExtraSelection] = []
            for word in words:
                found = editor.document().find(word)
                while not found.isNull():
                    mark = QTextEdit.ExtraSelection()
                    mark.cursor = found
                    tinted = QTextCharFormat()
                    tinted.setBackground(tint)
                    mark.format = tinted
                    marks.append(mark)
                    found = editor.document().find(word, found)
            editor.setExtraSelections(marks)
            if marks and first is None:
                first = editor
                at = QTextCursor(marks[0].cursor)
                at.clearSelection()  # a place, not a selection to type over
                editor.setTextCursor(at)
                editor.ensureCursorVisible()
        if first is None and self.addenda_box.isVisible():
            for row in range(self.addenda.count()):
                item = self.addenda.item(row)
                if any(w.lower() in item.text().lower() for w in words):
                    self.addenda.setCurrentItem(item)
                    return self.addenda_box
        return first

    def _show_note(self, note: SessionNote) -> None:
        self.title.setText(
            f"Session on {note.started_at.astimezone():%A %d %B %Y, %H:%M}"
            + (" — signed" if note.is_signed else " — draft")
        )
        local = note.started_at.astimezone()
        self.started.setDateTime(
            QDateTime(
                to_qdate(local),
                QTime(local.hour, local.minute, local.second),
            )
        )
        self.duration.setValue(note.duration_minutes)
        self.mode.setCurrentIndex(self.mode.findData(note.mode.value))
        self.template.setCurrentIndex(self.template.findData(note.template.value))
        self.sections.set_sections(specs_for(note.template.sections), note.sections)
        self.mood_before.set_value(note.mood_before)
        self.mood_after.set_value(note.mood_after)
        self.risk.setChecked(note.risk_flag)
        self.risk_followup.setPlainText(note.risk_followup)
        self.next_actions.setPlainText(note.next_actions)
        self.flag_supervision.setChecked(note.flagged_for_supervision)
        self.header_fields.show_header(note.header, note.started_at)
        _fill_checklist(self.goals, self._goal_labels, set(note.goal_ids))
        self._sync_goal_lines(note.header.goals if note.header else ())
        _fill_checklist(
            self.coping, [(i, i) for i in self._coping_items], set(note.coping_items_used)
        )
        self.header_fields.show_status(
            note.header, note.started_at, note.duration_minutes, note.is_signed, self._now()
        )
        if note.signed_at is not None:
            self.signed_label.setText(
                f"Signed on {note.signed_at.astimezone():%A %d %B %Y at %H:%M}: this note is a "
                "permanent record now. Add corrections and later thoughts as addenda below."
            )
            self.signed_label.setToolTip(f"{explain('fingerprint')}\nFingerprint: {note.signature}")
            self.signed_label.show()
        else:
            self.signed_label.clear()
            self.signed_label.hide()

    def _show_addenda(self, addenda: Sequence[Addendum]) -> None:
        self.addenda.clear()
        for addendum in addenda:
            item = QListWidgetItem(
                f"{addendum.written_at.astimezone():%d %b %Y %H:%M} — {addendum.text}"
            )
            item.setData(_ID, addendum.id)
            self.addenda.addItem(item)

    def _reload_addenda(self, note_id: str) -> None:
        def loaded(addenda: Sequence[Addendum]) -> None:
            if self.note_id == note_id:
                self._show_addenda(addenda)

        query(
            self,
            self._worker,
            lambda j: ops.list_addenda(j, note_id),
            loaded,
            self._prompts.show_error,
        )

    def _apply_read_only(self) -> None:
        read_only = self.is_read_only()
        self.sections.set_read_only(read_only)
        for edit in (self.next_actions, self.risk_followup):
            edit.setReadOnly(read_only)
        for widget in (
            self.started,
            self.duration,
            self.mode,
            self.template,
            self.mood_before,
            self.mood_after,
            self.risk,
            self.flag_supervision,
            self.goals,
            self.coping,
            self.progress_row,
        ):
            widget.setEnabled(not read_only)
        self.header_fields.set_read_only(read_only)
        self.duration.setEnabled(not read_only and not self.header_fields.ends)
        self.risk_followup.setEnabled(
            self.risk.isChecked() or bool(self.risk_followup.toPlainText())
        )
        self.sign_button.setVisible(not read_only)
        self.sign_help.setVisible(not read_only)
        self.addenda_box.setVisible(read_only)
        self.action_bar.setVisible(self._note is not None)
        if read_only:
            self.status.setText("Signed: a permanent record")

    def _now(self) -> datetime:
        """The journal clock's time at the last read (the wall clock before any read)."""
        return self._read_at or datetime.now(UTC)

    def _goals_ticked(self, *_args: object) -> None:
        self._sync_goal_lines()
        self._edited()

    def _sync_goal_lines(self, lines: Sequence[PlanGoalLine] = ()) -> None:
        """A progress line in the header for each ticked goal, in the list's order."""
        ticked = set(_checked(self.goals))
        labels = [(key, label) for key, label in self._goal_labels if key in ticked]
        labels += [(key, "A goal") for key in ticked if key not in dict(self._goal_labels)]
        self.header_fields.set_goals(labels, lines)
        self.header_fields.set_read_only(self.is_read_only())

    def _header_edited(self) -> None:
        """The end time sets the duration; the status line follows every change."""
        if self._loading or self._note is None:
            return
        try:
            note = self.current_note()
        except Exception:  # a field broke a rule: the autosave reports it
            note = None
        if note is not None:
            if self.header_fields.ends and self.duration.value() != note.duration_minutes:
                self.duration.setValue(note.duration_minutes)
            self.header_fields.show_status(
                note.header, note.started_at, note.duration_minutes, note.is_signed, self._now()
            )
        self.duration.setEnabled(not self.is_read_only() and not self.header_fields.ends)
        self._edited()

    def _risk_toggled(self, checked: bool) -> None:
        self.risk_followup.setEnabled(checked or bool(self.risk_followup.toPlainText()))
        self._edited()

    def _template_changed(self, _index: int) -> None:
        if self._loading:
            return
        template = NoteTemplate(self.template.currentData())
        values = carry_over(self.sections.values(), template.sections)
        self.sections.set_sections(specs_for(template.sections), values)
        self._edited()

    def _edited(self, *_args: object) -> None:
        if self._loading or self._note is None or self._note.is_signed:
            return
        self.autosaver.touch()

    def _save_job(self) -> Callable[[Journal], HasChanges] | None:
        try:
            note = self.current_note()
        except Exception as error:  # a field broke a rule: report through the failure path
            failure = error

            def fail(_journal: Journal) -> HasChanges:
                raise failure

            return fail
        if note is None or note.is_signed:
            return None
        return lambda j: ops.save_draft(j, note)

    def _on_status(self, text: str) -> None:
        self.status.setText(text if text != "Not saved" else "Not saved — will retry")
        self.status_changed.emit(text)

    def _on_signed(self, result: Changed[SessionNote]) -> None:
        note = result.value
        if note.id == self.note_id:
            self.load(note)
            self._reload_addenda(note.id)
            self.signed.emit(note.id)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Save when focus moves from inside the editor to another control.

        Only ``new`` is looked at: ``old`` may be a widget in the middle of being destroyed
        (a destroyed focus widget reports focus moving to nothing), and touching it is unsafe.
        """
        if new is None or not alive(self):
            return
        inside = self.isAncestorOf(new)
        if self._focus_inside and not inside:
            self.save_now()
        self._focus_inside = inside
