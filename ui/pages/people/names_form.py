"""The mentee's own names and date of birth, the identifiers the anonymiser most needs to know.

Everything else about who is around the mentee lives in the People tab beside it; this form
edits the mentee record itself (first, last, preferred and legal name, date of birth; the
preferred-name field also takes nicknames, separated by commas). What is
saved here feeds every supervision summary's anonymiser, so the mentee's name in any case,
possessive or short form is replaced, and the date of birth is removed in any written form.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mentorjournal.domain.mentee import Mentee
from mentorjournal.errors import ValidationError
from ui.prompts import Prompts
from ui.widgets.record_editor import _OptionalDate
from ui.worker import JournalWorker

#: (attribute, label): text fields of the mentee record, stored as None when left empty.
NAME_FIELDS = (
    ("first_name", "&First name"),
    ("last_name", "&Last name"),
    ("preferred_name", "P&referred name, nicknames"),
    ("legal_name", "Le&gal name (if different)"),
)


class MenteeNamesForm(QWidget):
    """Edit the selected mentee's names and date of birth; Save writes them through the journal."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.prompts = prompts
        self._mentee: Mentee | None = None
        self.setAccessibleName("The mentee's names")
        intro = QLabel(
            "The mentee's own names and date of birth. The supervision summary replaces them"
            " wherever they appear (any case, possessive or short form).",
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label in NAME_FIELDS:
            edit = QLineEdit(self)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.fields["preferred_name"].setPlaceholderText("e.g. Jo, Jojo (separate with commas)")
        self.fields["preferred_name"].setAccessibleDescription(
            "What the mentee is called: the preferred name first, then any nicknames, separated by"
            " commas. The supervision summary replaces every one of them."
        )
        self.date_of_birth = _OptionalDate("Date of &birth")
        form.addRow("Date of &birth", self.date_of_birth)
        self.save_button = QPushButton("&Save names", self)
        self.save_button.setAccessibleName("Save the mentee's names and date of birth")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        self.status.setAccessibleName("Names status")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.setEnabled(False)

    def show_mentee(self, mentee: Mentee | None) -> None:
        self._mentee = mentee
        for name, edit in self.fields.items():
            edit.setText((getattr(mentee, name) or "") if mentee else "")
        self.date_of_birth.set_value(mentee.date_of_birth if mentee else None)
        self.status.clear()
        self.setEnabled(mentee is not None)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {n: (e.text().strip() or None) for n, e in self.fields.items()}
        out["date_of_birth"] = self.date_of_birth.value()
        return out

    def save(self) -> None:
        mentee = self._mentee
        if mentee is None:
            return
        try:
            changed = replace(mentee, **self.values())
        except ValidationError as exc:  # a domain rule refused it: say so, keep the text
            self.prompts.show_error(exc, "Mentee's names")
            return

        def saved(result: Any) -> None:
            value = getattr(result, "value", result)
            if (
                isinstance(value, Mentee)
                and self._mentee is not None
                and value.id == self._mentee.id
            ):
                self._mentee = value
            self.status.setText("Saved.")

        self.worker.command(lambda j: j.update_mentee(changed), saved, self.prompts.show_error)

    def clear(self) -> None:
        self.show_mentee(None)
