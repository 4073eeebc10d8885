"""The Goals tab: the mentee's goals, a goal's SMART fields, GAS levels and steps, its progress.

Goals are written with the mentee, so the editor leads with their own words; SMART fields and
the five GAS level descriptions follow. Progress is rated over time and drawn by
:class:`~ui.pages.goals.chart.GoalChart` with session markers; the same entries are listed in a
table beside it (the accessible alternative to the picture). Edits save themselves when typing
pauses, as notes do; switching goal or mentee, Ctrl+S and lock call :meth:`GoalsTab.save_now`,
which saves only if something changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.goals import (
    GAS_LABELS,
    GAS_LEVELS,
    Goal,
    GoalOverview,
    GoalProgress,
    GoalStatus,
    GoalStep,
)
from mentorjournal.domain.validation import new_id
from ui.glossary import HelpButton, explain
from ui.models.record_model import IdRole
from ui.pages import journal_ops as ops
from ui.pages.base import MenteePage
from ui.pages.goals.chart import GAS, PERCENT, ChartPoint, GoalChart
from ui.pages.goals.models import STATUS_LABELS, GoalColumn, GoalsModel
from ui.pages.goals.progress_model import ProgressColumn, ProgressModel
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.flow import FlowLayout
from ui.widgets.gas_progress import GasProgressRow
from ui.widgets.qdates import to_qdate
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.journal import Journal

_ID = Qt.ItemDataRole.UserRole


def chart_points(progress: tuple[GoalProgress, ...]) -> tuple[list[ChartPoint], str]:
    """GAS levels when any entry has one (the goal's own scale), else percentages."""
    rated = [p for p in progress if p.gas_level is not None]
    if rated:
        return [ChartPoint(p.on, float(p.gas_level or 0), p.note) for p in rated], GAS
    return [ChartPoint(p.on, float(p.percent or 0), p.note) for p in progress], PERCENT


def t_score_text(history: tuple[tuple[date, float], ...]) -> str:
    """The latest GAS T-score and where it came from, in words (50: goals met as expected)."""
    if not history:
        return "GAS T-score: not yet (rate a goal against its levels to see it)."
    day, score = history[-1]
    text = f"GAS T-score across this mentee's goals: {score:.0f} on {day:%d %b %Y}"
    if len(history) > 1:
        text += f" (first {history[0][1]:.0f} on {history[0][0]:%d %b %Y})"
    return text + ". 50 means the goals are where they were expected to be."


class GoalsTab(MenteePage[list[GoalOverview]]):
    """List of goals; the chosen goal's editor, progress chart and progress entries."""

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = 700,
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._goal: Goal | None = None
        self._dirty = False
        self._loading = False
        # One save model with session notes: a goal saves itself once typing pauses (and on
        # switching goal or mentee, Ctrl+S and lock, through save_now). There is no Save button.
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(autosave_ms)
        self._autosave.timeout.connect(lambda: self.save_goal(quiet=True))
        self.model = GoalsModel(self)
        self.progress_model = ProgressModel(self)
        self._build()
        self._show_goal(None)

    # -- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        self.new_button = QPushButton("&New goal…")
        self.new_button.setAccessibleName("New goal")
        self.new_button.clicked.connect(self.new_goal)
        self.delete_button = QPushButton("Delete goal…")
        self.delete_button.setAccessibleName("Delete the selected goal")
        self.delete_button.clicked.connect(self.delete_goal)
        self.view = read_only_table(
            self.model,
            "Goals",
            stretch_column=GoalColumn.GOAL,
            single_selection=True,
            empty="No goals yet. Press New goal… and write it in the mentee's own words.",
        )
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = FlowLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self._build_editor())
        right_layout.addWidget(self._build_progress(), 1)
        scroll = VerticalScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        splitter = AdaptiveSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        # Room for a goal's words, status and progress, not only the first few words.
        splitter.setSizes([400, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _text(self, name: str, multi: bool = False) -> QLineEdit | QPlainTextEdit:
        edit: QLineEdit | QPlainTextEdit
        if multi:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(edit.fontMetrics().height() * 4)
        else:
            edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.textChanged.connect(self._edited)
        return edit

    def _build_editor(self) -> QGroupBox:
        self.editor_box = QGroupBox("Goal")
        form = QFormLayout(self.editor_box)
        self.words = self._text("The goal in the mentee's own words", multi=True)
        self.specific = self._text("Specific")
        self.measurable = self._text("Measurable")
        self.achievable = self._text("Achievable")
        self.relevant = self._text("Relevant")
        self.has_date = QCheckBox("By a date")
        self.has_date.setAccessibleName("The goal has a target date")
        self.has_date.toggled.connect(self._date_toggled)
        self.time_bound = QDateEdit()
        self.time_bound.setCalendarPopup(True)
        self.time_bound.setDisplayFormat("dd MMM yyyy")
        self.time_bound.setAccessibleName("Time-bound: target date")
        self.time_bound.dateChanged.connect(self._edited)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.time_bound, 1)
        self.status = QComboBox()
        self.status.setAccessibleName("Goal status")
        for status in GoalStatus:
            self.status.addItem(STATUS_LABELS[status], status.value)
        self.status.currentIndexChanged.connect(self._edited)
        form.addRow("In their &words", self.words)
        form.addRow("&Specific", self.specific)
        form.addRow("&Measurable", self.measurable)
        form.addRow("&Achievable", self.achievable)
        form.addRow("&Relevant", self.relevant)
        form.addRow("Time-bound", date_row)
        form.addRow("St&atus", self.status)
        self._build_gas(form)
        self._build_steps(form)
        self.state = QLabel()
        self.state.setObjectName("saveState")
        self.state.setAccessibleName("Goal save state")
        self.state.setWordWrap(True)
        form.addRow(self.state)
        return self.editor_box

    def _build_gas(self, form: QFormLayout) -> None:
        """The five GAS outcomes, with a "?" that says what the scale is."""
        self.gas: dict[int, QLineEdit] = {}
        for level in GAS_LEVELS:
            edit = QLineEdit()
            edit.setAccessibleName(
                f"GAS level {level:+d}: {GAS_LABELS[level]}"
                if level
                else f"GAS level 0: {GAS_LABELS[0]}"
            )
            edit.setPlaceholderText(GAS_LABELS[level])
            edit.textChanged.connect(self._edited)
            self.gas[level] = edit
            label = f"GAS {level:+d}" if level else "GAS 0"
            if level == GAS_LEVELS[0]:
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(HelpButton("gas"))
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
            edit.setToolTip(explain("gas"))

    def _build_steps(self, form: QFormLayout) -> None:
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps (tick when done)")
        self.steps.setMaximumHeight(self.steps.fontMetrics().height() * 7)
        self.steps.itemChanged.connect(self._edited)
        self.step_text = QLineEdit()
        self.step_text.setPlaceholderText("A small next step")
        self.step_text.setAccessibleName("New step")
        self.step_text.returnPressed.connect(self.add_step)
        self.add_step_button = QPushButton("Add ste&p")
        self.add_step_button.setAccessibleName("Add step")
        self.add_step_button.clicked.connect(self.add_step)
        self.remove_step_button = QPushButton("Remove step")
        self.remove_step_button.setAccessibleName("Remove the selected step")
        self.remove_step_button.clicked.connect(self.remove_step)
        step_row = FlowLayout()
        step_row.addWidget(self.step_text, 1)
        step_row.addWidget(self.add_step_button)
        step_row.addWidget(self.remove_step_button)
        form.addRow("Steps", self.steps)
        form.addRow("", step_row)

    def _build_progress(self) -> QGroupBox:
        self.progress_box = QGroupBox("Progress")
        layout = QVBoxLayout(self.progress_box)
        self.chart = GoalChart()
        self.t_score = QLabel()
        self.t_score.setObjectName("gasTScore")
        self.t_score.setWordWrap(True)
        self.t_score.setAccessibleName("GAS T-score of this mentee's goals")
        self.goal_sessions = QListWidget()
        self.goal_sessions.setAccessibleName("Sessions that worked on this goal")
        self.goal_sessions.setMaximumHeight(self.fontMetrics().height() * 6)
        self.goal_sessions.itemActivated.connect(self._open_session)
        self.chart_summary = QLabel()
        self.chart_summary.setWordWrap(True)
        self.chart_summary.setAccessibleName("Progress chart summary")
        self.progress_view = read_only_table(
            self.progress_model,
            "Progress entries (the chart's data)",
            stretch_column=ProgressColumn.NOTE,
            empty="No progress rated yet. Choose a level above and press Add progress.",
        )
        self.progress_row = GasProgressRow(with_date=True)
        self.progress_row.add_requested.connect(self.add_progress)
        self.progress_on = self.progress_row.on_edit
        self.progress_level = self.progress_row.level_box
        self.progress_percent = self.progress_row.percent_box
        self.progress_note = self.progress_row.note_edit
        self.add_progress_button = self.progress_row.add_button
        layout.addWidget(self.t_score)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.chart_summary)
        sessions_label = QLabel("Sessions that worked on this goal (Enter opens the note):")
        sessions_label.setWordWrap(True)
        layout.addWidget(sessions_label)
        layout.addWidget(self.goal_sessions)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.progress_view, 1)
        return self.progress_box

    # -- page contract -----------------------------------------------------------------------
    def _load_for(self, mentee_id: str) -> Callable[[Journal], list[GoalOverview]]:
        return lambda journal: ops.list_goals(journal, mentee_id)

    def _show(self, data: list[GoalOverview]) -> None:
        self.view.selectionModel().blockSignals(True)
        self.model.set_records(data)
        self.view.selectionModel().blockSignals(False)
        if self._goal is not None:
            self._select(self._goal.id)
            self._load_detail(self._goal.id, keep_edits=self._dirty)

    def _wants(self, changes: Changes) -> bool:
        return changes.goals or changes.sessions

    def _clear(self) -> None:
        self.model.clear()
        self._show_goal(None)

    def _mentee_changed(self) -> None:
        self.new_button.setEnabled(self._mentee_id is not None)

    def save_now(self) -> None:
        self._autosave.stop()
        if self._dirty and self._goal is not None:
            self.save_goal()

    def open_record(self, kind: str, record_id: str) -> None:
        """A search hit: a goal opens itself; a progress entry opens the goal it rates."""
        if kind == "goal":
            self.open_goal(record_id)
        elif kind in ("progress", "goal_progress") and self._mentee_id is not None:
            self._query(
                lambda j: j.goal_of_progress(record_id),
                lambda goal_id: self.open_goal(goal_id) if goal_id else None,
            )

    def find_in_view(self) -> bool:
        self.view.setFocus()
        return True

    # -- loading -----------------------------------------------------------------------------

    def open_goal(self, goal_id: str) -> None:
        if self._goal is not None and self._goal.id == goal_id:
            return
        self.save_now()
        self._load_detail(goal_id)

    def _load_detail(self, goal_id: str, keep_edits: bool = False) -> None:
        def loaded(detail: ops.GoalDetail) -> None:
            if detail.goal.mentee_id != self._mentee_id:
                return
            if not keep_edits:
                self._show_goal(detail.goal)
            self._show_progress(detail)
            self._select(goal_id)

        self._query(lambda j: ops.goal_detail(j, goal_id), loaded)

    # -- actions -----------------------------------------------------------------------------
    def new_goal(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        words = self._prompts.ask_text("New goal", "The goal in the mentee's own words:")
        if not words or not words.strip():
            return
        self.save_now()
        try:
            goal = Goal(id=new_id(), mentee_id=mentee_id, mentee_words=words.strip())
        except Exception as error:
            self._prompts.show_error(error, "Goal not added")
            return

        def added(result: Changed[Goal]) -> None:
            self._show_goal(result.value)
            self._load_detail(result.value.id)

        self._command(lambda j: ops.save_goal(j, goal, new=True), added)

    def current_goal(self) -> Goal | None:
        """The goal as the editor shows it (validated; may raise ``ValidationError``)."""
        if self._goal is None:
            return None
        steps = []
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            old: GoalStep = item.data(_ID)
            steps.append(
                replace(old, text=item.text(), done=item.checkState() == Qt.CheckState.Checked)
            )
        target = self.time_bound.date().toPython() if self.has_date.isChecked() else None
        assert target is None or isinstance(target, date)
        return replace(
            self._goal,
            mentee_words=self.words.toPlainText().strip()
            if isinstance(self.words, QPlainTextEdit)
            else "",
            specific=self._line(self.specific),
            measurable=self._line(self.measurable),
            achievable=self._line(self.achievable),
            relevant=self._line(self.relevant),
            time_bound=target,
            status=GoalStatus(self.status.currentData()),
            gas_levels=tuple(
                (level, edit.text().strip())
                for level, edit in self.gas.items()
                if edit.text().strip()
            ),
            steps=tuple(steps),
        )

    @staticmethod
    def _line(edit: QLineEdit | QPlainTextEdit) -> str:
        return (edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()).strip()

    def save_goal(self, *, quiet: bool = False) -> None:
        """Store the goal as typed. ``quiet`` (the pause in typing): a goal that cannot be
        stored yet says why beside the form instead of in a dialog, and keeps the typing."""
        self._autosave.stop()
        try:
            goal = self.current_goal()
        except Exception as error:
            if quiet:
                from ui.prompts import explain as explain_error

                words = explain_error(error)
                self.state.setText(f"Not saved yet: {words.headline}")
                return
            self._prompts.show_error(error, "Goal not saved")
            return
        if goal is None:
            return
        self._dirty = False
        self.state.setText("Saving…")

        def saved(result: Changed[Goal]) -> None:
            self._goal = result.value
            if not self._dirty:
                self.state.setText("Saved")
            self.save_state_changed.emit("Saved")

        def failed(error: BaseException) -> None:
            self._dirty = True
            self.state.setText("Not saved")
            self._prompts.show_error(error, "Goal not saved")

        self._command(lambda j: ops.save_goal(j, goal, new=False), saved, failed)

    def delete_goal(self) -> None:
        goal = self._goal
        if goal is None:
            return
        if not self._prompts.confirm(
            "Delete goal",
            "Delete this goal with its steps and progress entries? This cannot be undone.",
            ok_label="Delete",
            destructive=True,
        ):
            return
        self._dirty = False
        self._show_goal(None)
        self._command(lambda j: ops.delete_goal(j, goal.id), lambda _r: None)

    def add_step(self) -> None:
        text = self.step_text.text().strip()
        if not text or self._goal is None:
            return
        step = GoalStep(new_id(), text)
        self._add_step_item(step)
        self.step_text.clear()
        self._edited()

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.takeItem(row)
            self._edited()

    def add_progress(self) -> None:
        goal = self._goal
        if goal is None:
            return
        row = self.progress_row
        on = row.day()
        assert on is not None  # this row asks for the day
        try:
            entry = GoalProgress(
                id=new_id(),
                goal_id=goal.id,
                on=on,
                gas_level=row.level(),
                percent=row.percent(),
                note=row.note(),
            )
        except Exception as error:
            self._prompts.show_error(error, "Progress not added")
            return

        self._command(lambda j: ops.add_progress(j, entry), lambda _r: row.reset())

    # -- internals ---------------------------------------------------------------------------
    def _show_goal(self, goal: Goal | None) -> None:
        self._loading = True
        try:
            if goal is None or self._goal is None or goal.id != self._goal.id:
                self.state.clear()
            self._goal = goal
            self._dirty = False
            self._autosave.stop()
            if isinstance(self.words, QPlainTextEdit):
                self.words.setPlainText(goal.mentee_words if goal else "")
            for edit, value in (
                (self.specific, goal.specific if goal else ""),
                (self.measurable, goal.measurable if goal else ""),
                (self.achievable, goal.achievable if goal else ""),
                (self.relevant, goal.relevant if goal else ""),
            ):
                assert isinstance(edit, QLineEdit)
                edit.setText(value)
            self.has_date.setChecked(goal is not None and goal.time_bound is not None)
            self.time_bound.setEnabled(self.has_date.isChecked())
            self.time_bound.setDate(
                to_qdate(goal.time_bound) if goal and goal.time_bound else QDate.currentDate()
            )
            self.status.setCurrentIndex(
                self.status.findData((goal.status if goal else GoalStatus.ACTIVE).value)
            )
            for level, edit in self.gas.items():
                edit.setText(goal.gas_text(level) if goal else "")
            self.steps.clear()
            for step in goal.steps if goal else ():
                self._add_step_item(step)
            self.step_text.clear()
        finally:
            self._loading = False
        if goal is None:
            self.progress_model.clear()
            self.chart.clear()
            self.chart_summary.clear()
            self.t_score.clear()
            self.goal_sessions.clear()
        self.editor_box.setEnabled(goal is not None)
        self.progress_box.setEnabled(goal is not None)
        self.delete_button.setEnabled(goal is not None)
        self.new_button.setEnabled(self._mentee_id is not None)

    def _add_step_item(self, step: GoalStep) -> None:
        self.steps.blockSignals(True)
        item = QListWidgetItem(step.text)
        item.setData(_ID, step)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
        self.steps.addItem(item)
        self.steps.blockSignals(False)

    def _show_progress(self, detail: ops.GoalDetail) -> None:
        self.progress_model.set_records(detail.progress)
        points, scale = chart_points(detail.progress)
        self.chart.set_data(points, detail.session_dates, scale)
        self.chart_summary.setText(self.chart.summary())
        self.t_score.setText(t_score_text(detail.t_history))
        self.goal_sessions.clear()
        for session in detail.sessions:
            title = session.title or "Session"
            item = QListWidgetItem(f"{session.started_at.astimezone():%d %b %Y} — {title}")
            item.setData(Qt.ItemDataRole.UserRole, session.note_id)
            self.goal_sessions.addItem(item)

    def _open_session(self, item: QListWidgetItem) -> None:
        if self._mentee_id is not None:
            note_id = str(item.data(Qt.ItemDataRole.UserRole))
            self.record_requested.emit("note", note_id, self._mentee_id)

    def _select(self, goal_id: str) -> None:
        row = self.model.row_of(goal_id)
        if row >= 0:
            self.view.selectionModel().blockSignals(True)
            self.view.selectRow(row)
            self.view.selectionModel().blockSignals(False)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.open_goal(str(indexes[0].data(IdRole)))

    def _date_toggled(self, checked: bool) -> None:
        self.time_bound.setEnabled(checked)
        self._edited()

    def _edited(self, *_args: object) -> None:
        if self._loading or self._goal is None:
            return
        self._dirty = True
        self.state.setText("Changed — saving when you pause")
        self._autosave.start()
