"""A column of labelled text fields, one per section of a note or reflection structure.

Why one widget: session templates (SOAP, DAP, BIRP, GIRP, free) and reflection models (free,
Gibbs, What/So what/Now what) are both "named sections, each a text field with a one-line
hint". Switching structure must never lose a word: text of sections with the same name stays
put, and text of sections the new structure lacks is moved, under its old heading, into the
first field of the new one (:func:`carry_over`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

#: One-line hints for the section names used in DOMAIN.md (session templates and reflections).
HINTS: dict[str, str] = {
    "Subjective": "What the mentee said",
    "Objective": "What you observed",
    "Assessment": "Your understanding",
    "Plan": "Next steps",
    "Data": "What happened and was said",
    "Behaviour": "How the mentee presented",
    "Intervention": "What you did",
    "Response": "How the mentee responded",
    "Goals": "Which of the mentee's goals the session addressed (tick them below)",
    "Body": "The session in your own words",
    "Text": "In your own words",
    "Reflection": "In your own words",
    "Description": "What happened?",
    "Feelings": "What were you thinking and feeling?",
    "Evaluation": "What was good and bad about the experience?",
    "Analysis": "What sense can you make of it?",
    "Conclusion": "What else could you have done?",
    "Action plan": "If it arose again, what would you do?",
    "What?": "What happened; what did you do?",
    "So what?": "What does it mean; what did you learn?",
    "Now what?": "What will you do next?",
}


@dataclass(frozen=True)
class SectionSpec:
    name: str
    hint: str = ""


def specs_for(names: Sequence[str]) -> tuple[SectionSpec, ...]:
    return tuple(SectionSpec(name, HINTS.get(name, "")) for name in names)


def carry_over(
    values: Sequence[tuple[str, str]], new_names: Sequence[str]
) -> list[tuple[str, str]]:
    """Map section texts onto new section names without dropping any text.

    Same-named sections keep their text; every other non-empty text is appended to the first
    new section under a ``Old name:`` line, in the old order.
    """
    if not new_names:
        raise ValueError("a structure has at least one section")
    old = dict(values)
    result = {name: old.get(name, "") for name in new_names}
    orphans = [(name, text) for name, text in values if name not in result and text.strip()]
    if orphans:
        first = new_names[0]
        pieces = [result[first]] if result[first].strip() else []
        if len(new_names) == 1 and len(orphans) == 1 and not pieces:
            pieces.append(orphans[0][1])  # one body into one body: no heading needed
        else:
            pieces.extend(f"{name}:\n{text}" for name, text in orphans)
        result[first] = "\n\n".join(pieces)
    return [(name, result[name]) for name in new_names]


class SectionFields(QWidget):
    """Labelled multi-line fields; ``edited`` fires on every keystroke in any of them."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._fields: list[tuple[SectionSpec, QPlainTextEdit, QLabel]] = []
        self._read_only = False

    def set_sections(
        self, specs: Sequence[SectionSpec], values: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Rebuild the fields for ``specs`` and fill them (by section name) from ``values``."""
        texts = dict(values)
        for _spec, editor, label in self._fields:
            # Empty the old field at once: deleteLater keeps it alive until the event loop runs,
            # and nothing of a note may linger after a lock.
            editor.blockSignals(True)
            editor.clear()
            label.hide()
            editor.hide()
            label.deleteLater()
            editor.deleteLater()
        self._fields = []
        for spec in specs:
            label = QLabel(
                f"<b>{spec.name}</b> — {spec.hint}" if spec.hint else f"<b>{spec.name}</b>"
            )
            label.setWordWrap(True)
            editor = QPlainTextEdit()
            editor.setObjectName(f"section:{spec.name}")
            editor.setAccessibleName(spec.name)
            editor.setAccessibleDescription(spec.hint)
            editor.setPlaceholderText(spec.hint)
            editor.setTabChangesFocus(True)
            editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            editor.setMinimumHeight(editor.fontMetrics().height() * (8 if len(specs) == 1 else 4))
            editor.setPlainText(texts.get(spec.name, ""))
            editor.setReadOnly(self._read_only)
            editor.textChanged.connect(self.edited)
            label.setBuddy(editor)
            self._layout.addWidget(label)
            self._layout.addWidget(editor, 1)
            self._fields.append((spec, editor, label))

    def names(self) -> list[str]:
        return [spec.name for spec, _e, _l in self._fields]

    def values(self) -> list[tuple[str, str]]:
        return [(spec.name, editor.toPlainText()) for spec, editor, _l in self._fields]

    def editor(self, name: str) -> QPlainTextEdit:
        for spec, editor, _l in self._fields:
            if spec.name == name:
                return editor
        raise KeyError(name)

    def editors(self) -> list[QPlainTextEdit]:
        return [editor for _s, editor, _l in self._fields]

    def has_text(self) -> bool:
        return any(text.strip() for _n, text in self.values())

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for _s, editor, _l in self._fields:
            editor.setReadOnly(read_only)

    def clear(self) -> None:
        """Empty every field (lock) without emitting ``edited``."""
        self.blockSignals(True)
        try:
            for _s, editor, _l in self._fields:
                editor.blockSignals(True)
                editor.setPlainText("")
                editor.blockSignals(False)
        finally:
            self.blockSignals(False)
