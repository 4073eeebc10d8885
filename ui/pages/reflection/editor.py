"""The reflection editor: free, Gibbs, What/So what/Now what or Kolb, with a self-care check.

Reflections are the mentor's own words, written when tired; like notes they are autosaved
(:class:`~ui.autosave.Autosaver`) shortly after typing stops and on lock. Switching structure
carries text over exactly as the session editor does. "Take to supervision" puts the
reflection on the supervision agenda.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.reflection import Reflection, ReflectionModel, SelfCareCheck
from ui.autosave import Autosaver
from ui.glossary import explain_items
from ui.pages import journal_ops as ops
from ui.pages.reflection.models import MODEL_LABELS
from ui.prompts import Prompts
from ui.widgets.mood_slider import MoodSlider
from ui.widgets.section_fields import SectionFields, carry_over, specs_for
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal
    from ui.worker import HasChanges


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, trimmed, blanks and repeats dropped, order kept."""
    return tuple(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


class ReflectionEditor(QWidget):
    """Edits one reflection; every change autosaves."""

    status_changed = Signal(str)
    saved = Signal(object)

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
        self._reflection: Reflection | None = None
        self._loading = False
        self.autosaver = Autosaver(worker, self._save_job, delay_ms=delay_ms, parent=self)
        self.autosaver.status_changed.connect(self._on_status)
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.failure_to_report.connect(
            lambda error: self._prompts.show_error(error, "Reflection not saved yet")
        )
        self._build()
        self.clear()

    def _build(self) -> None:
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setAccessibleName("Reflection title")
        self.title.textChanged.connect(self._edited)
        self.structure = QComboBox()
        self.structure.setAccessibleName("Reflective structure")
        for model in ReflectionModel:
            self.structure.addItem(MODEL_LABELS[model], model.value)
        self.structure.currentIndexChanged.connect(self._structure_changed)
        self.mentee = QComboBox()
        self.mentee.setAccessibleName("About a mentee (optional)")
        self.mentee.currentIndexChanged.connect(self._edited)
        self.tags = QLineEdit()
        self.tags.setAccessibleName("Tags, separated by commas")
        self.tags.setPlaceholderText("e.g. boundaries, endings")
        self.tags.textChanged.connect(self._edited)
        form.addRow("&Title", self.title)
        explain_items(self.structure)
        form.addRow("Str&ucture", self.structure)
        form.addRow("&Mentee", self.mentee)
        form.addRow("Ta&gs", self.tags)
        self.sections = SectionFields()
        self.sections.edited.connect(self._edited)
        care = QGroupBox("How am I doing?")
        care_form = QFormLayout(care)
        self.energy = MoodSlider("Energy")
        self.stress = MoodSlider("Stress")
        self.boundaries = MoodSlider("Boundaries")
        for label, slider in (
            ("&Energy", self.energy),
            ("St&ress", self.stress),
            ("&Boundaries", self.boundaries),
        ):
            slider.edited.connect(self._edited)
            care_form.addRow(label, slider)
        self.flag = QCheckBox("Take to &supervision")
        self.flag.setAccessibleName("Take this reflection to supervision")
        self.flag.toggled.connect(self._edited)
        self.status = QLabel()
        self.status.setAccessibleName("Save state")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sections, 1)
        layout.addWidget(care)
        layout.addWidget(self.flag)
        layout.addWidget(self.status)

    # -- public ----------------------------------------------------------------------------
    @property
    def reflection_id(self) -> str | None:
        return self._reflection.id if self._reflection else None

    def set_mentees(self, codes: Mapping[str, str]) -> None:
        """The mentees a reflection may mention (id -> code), keeping the current choice."""
        current = self.mentee.currentData()
        self.mentee.blockSignals(True)
        self.mentee.clear()
        self.mentee.addItem("No mentee", None)
        for mentee_id, code in sorted(codes.items(), key=lambda kv: kv[1]):
            self.mentee.addItem(code, mentee_id)
        self.mentee.setCurrentIndex(max(0, self.mentee.findData(current)))
        self.mentee.blockSignals(False)

    def load(self, reflection: Reflection) -> None:
        if self._reflection is not None and self._reflection.id != reflection.id:
            self.save_now()
        self.autosaver.reset()
        self._loading = True
        try:
            self._reflection = reflection
            self.title.setText(reflection.title)
            self.structure.setCurrentIndex(self.structure.findData(reflection.model.value))
            self.sections.set_sections(specs_for(reflection.model.sections), reflection.sections)
            index = self.mentee.findData(reflection.mentee_id) if reflection.mentee_id else 0
            self.mentee.setCurrentIndex(max(0, index))
            self.tags.setText(", ".join(reflection.tags))
            self.flag.setChecked(reflection.flagged_for_supervision)
            self.energy.set_value(reflection.self_care.energy)
            self.stress.set_value(reflection.self_care.stress)
            self.boundaries.set_value(reflection.self_care.boundaries)
        finally:
            self._loading = False
        self.setEnabled(True)

    def current(self) -> Reflection | None:
        """The reflection as shown (validated: may raise ``ValidationError``)."""
        if self._reflection is None:
            return None
        mentee_id = self.mentee.currentData()
        return replace(
            self._reflection,
            title=self.title.text().strip(),
            model=ReflectionModel(self.structure.currentData()),
            sections=tuple(self.sections.values()),
            mentee_id=mentee_id if isinstance(mentee_id, str) else None,
            tags=parse_tags(self.tags.text()),
            flagged_for_supervision=self.flag.isChecked(),
            self_care=SelfCareCheck(
                self.energy.value(), self.stress.value(), self.boundaries.value()
            ),
        )

    def save_now(self) -> bool:
        return self.autosaver.save_now()

    def clear(self) -> None:
        self.autosaver.reset()
        self._loading = True
        try:
            self._reflection = None
            self.title.clear()
            self.tags.clear()
            self.mentee.clear()
            self.structure.setCurrentIndex(0)
            self.sections.set_sections(specs_for(ReflectionModel.FREE.sections))
            self.sections.clear()
            self.flag.setChecked(False)
            for slider in (self.energy, self.stress, self.boundaries):
                slider.set_value(None)
            self.status.clear()
        finally:
            self._loading = False
        self.setEnabled(False)

    # -- internals -------------------------------------------------------------------------
    def _structure_changed(self, _index: int) -> None:
        if self._loading:
            return
        model = ReflectionModel(self.structure.currentData())
        values = carry_over(self.sections.values(), model.sections)
        self.sections.set_sections(specs_for(model.sections), values)
        self._edited()

    def _edited(self, *_args: object) -> None:
        if not self._loading and self._reflection is not None:
            self.autosaver.touch()

    def _save_job(self) -> Callable[[Journal], HasChanges] | None:
        try:
            reflection = self.current()
        except Exception as error:
            failure = error

            def fail(_journal: Journal) -> HasChanges:
                raise failure

            return fail
        if reflection is None:
            return None
        return lambda j: ops.save_reflection(j, reflection, new=False)

    def _on_status(self, text: str) -> None:
        self.status.setText(text if text != "Not saved" else "Not saved — will retry")
        self.status_changed.emit(text)

    def _on_saved(self, result: object) -> None:
        self.saved.emit(result)
