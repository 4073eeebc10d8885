"""Record keeping settings: the service profile, who signs, and the place and service lists.

Set once: the profile decides which session-header fields a note needs before signing and
when it is due; the name, role and credentials are stamped on every note at signing (so they
are asked for here, never typed per note); the lists feed the session editor's pickers. An
empty list means the profile's own defaults, shown as placeholder text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.changes import Changed
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import ValidationError
from ui.callbacks import command, query
from ui.pages import journal_ops as ops
from ui.prompts import Prompts
from ui.worker import JournalWorker


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def parse_service(line: str) -> tuple[str, str]:
    """ "Peer support, individual = H0038" -> (name, code); the code is optional."""
    name, _eq, code = line.partition("=")
    return name.strip(), code.strip()


class RecordKeepingDialog(QDialog):
    """Edits the vault's :class:`RecordSettings`; ``saved`` fires once they are stored."""

    saved = Signal()

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prompts = prompts
        self.setObjectName("recordKeepingDialog")
        self.setWindowTitle("Record keeping — Mentor Journal")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Your service's rules decide what each session note needs before you sign it and "
            "when it is due. Your name, role and credentials are added to every note you sign."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.profile = QComboBox()
        self.profile.setAccessibleName("Service profile")
        for kind in ServiceProfileKind:
            self.profile.addItem(kind.label, kind.value)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        form.addRow("Service &profile:", self.profile)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setAccessibleName("What this profile asks of a note")
        form.addRow(self.rules)
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name as notes are signed")
        self.role = QLineEdit()
        self.role.setAccessibleName("Your role")
        self.role.setPlaceholderText("e.g. Peer Support Specialist")
        self.credentials = QLineEdit()
        self.credentials.setAccessibleName("Your credentials")
        self.credentials.setPlaceholderText("e.g. CPS, CPRS")
        form.addRow("Your &name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Credentials:", self.credentials)
        self.places = QPlainTextEdit()
        self.places.setAccessibleName("Places of service, one per line")
        self.places.setTabChangesFocus(True)
        self.services = QPlainTextEdit()
        self.services.setAccessibleName("Service types, one per line, code after an equals sign")
        self.services.setTabChangesFocus(True)
        for edit in (self.places, self.services):
            edit.setMaximumHeight(edit.fontMetrics().height() * 7)
        form.addRow("P&laces (one a line):", self.places)
        form.addRow("&Services (name = code):", self.services)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        #: What was loaded: the per-profile rules and retention periods edited elsewhere travel.
        self._loaded = RecordSettings()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._profile_changed()

    def load(self) -> None:
        """Read the stored settings through the worker and show them."""
        query(self, self._worker, ops.record_settings, self.show_settings, self._prompts.show_error)

    def show_settings(self, settings: RecordSettings) -> None:
        self._loaded = settings
        self.profile.setCurrentIndex(self.profile.findData(settings.profile.value))
        signer = settings.signer
        self.name.setText(signer.name if signer else "")
        self.role.setText(signer.role if signer else "")
        self.credentials.setText(signer.credentials if signer else "")
        self.places.setPlainText("\n".join(settings.places))
        self.services.setPlainText(
            "\n".join(f"{n} = {c}" if c else n for n, c in settings.services)
        )
        self._profile_changed()

    def settings(self) -> RecordSettings:
        """The settings as the fields show them (``ValidationError`` for a broken rule)."""
        name, role = self.name.text().strip(), self.role.text().strip()
        signer = None
        if name or role:
            if not (name and role):
                raise ValidationError("Give both your name and your role (credentials optional).")
            signer = Signer(name, role, self.credentials.text().strip())
        return RecordSettings(
            profile=ServiceProfileKind(self.profile.currentData()),
            signer=signer,
            places=tuple(_lines(self.places)),
            services=tuple(parse_service(line) for line in _lines(self.services)),
            overrides=self._loaded.overrides,
            retention=self._loaded.retention,
        )

    def save(self) -> None:
        try:
            settings = self.settings()
        except ValidationError as error:
            self._prompts.show_error(error, "Record keeping not saved")
            return

        def stored(_result: Changed[RecordSettings]) -> None:
            self.saved.emit()
            self.accept()

        command(
            self,
            self._worker,
            lambda j: ops.set_record_settings(j, settings),
            stored,
            lambda error: self._prompts.show_error(error, "Record keeping not saved"),
        )

    def _profile_changed(self, *_args: object) -> None:
        rules = ServiceProfileKind(self.profile.currentData()).rules
        needed = sorted(f.label for f in rules.required)
        due = ""
        if rules.due_hours is not None:
            due = f" Due within {rules.due_hours} hours of the session."
        elif rules.due_business_days is not None:
            due = f" Due by the end of business day {rules.due_business_days} after the session."
        crisis = (
            f" Crisis contacts within {rules.crisis_due_hours} hours."
            if rules.crisis_due_hours and rules.required
            else ""
        )
        units = f" Billed in {rules.unit_minutes}-minute units." if rules.unit_minutes else ""
        asks = ", ".join(needed) if needed else "nothing beyond the note itself"
        self.rules.setText(f"Before signing: {asks}.{due}{crisis}{units}")
        self.places.setPlaceholderText("\n".join(rules.places))
        self.services.setPlaceholderText(
            "\n".join(f"{n} = {c}" if c else n for n, c in rules.services)
        )
