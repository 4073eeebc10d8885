"""Record keeping settings: the service profile, who signs, the lists, the rules, retention.

Set once: the profile decides which session-header fields a note needs before signing and
when it is due; the name, role and credentials are stamped on every note at signing (so they
are asked for here, never typed per note); the lists feed the session editor's pickers. An
empty list means the profile's own defaults, shown as placeholder text.

Three tabs: the profile and signer; the profile's **rules** (required fields and due times),
which the mentor may change for their programme; and **retention**, the years each kind of
record is kept. Rules and periods are kept per profile (``RecordSettings.overrides`` and
``retention``): the tabs show the chosen profile's, and switching profile and back keeps
what was typed for each until Save.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.changes import Changed
from mentorjournal.domain.retention import (
    MAX_YEARS,
    MIN_YEARS,
    RETENTION_SOURCES,
    RecordType,
    RetentionPolicy,
)
from mentorjournal.domain.rule_overrides import MAX_BUSINESS_DAYS, MAX_HOURS, RuleOverride
from mentorjournal.domain.service_profile import HeaderField, ServiceProfileKind, ServiceRules
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


#: The due-time choices of the rules tab, as (label, kind).
DUE_KINDS = (
    ("No due time", "none"),
    ("End of a business day after the session", "business_days"),
    ("Hours after the session", "hours"),
)


@dataclass(frozen=True)
class RulesShown:
    """The rules tab's fields as typed (checked only on Save, so switching never refuses)."""

    required: frozenset[HeaderField]
    due_kind: str
    due_value: int
    crisis_hours: int  # 0: no separate limit for crisis contacts

    @classmethod
    def of(cls, rules: ServiceRules) -> RulesShown:
        if rules.due_hours is not None:
            kind, value = "hours", rules.due_hours
        elif rules.due_business_days is not None:
            kind, value = "business_days", rules.due_business_days
        else:
            kind, value = "none", 1
        return cls(rules.required, kind, value, rules.crisis_due_hours or 0)

    def override(self) -> RuleOverride:
        return RuleOverride(
            self.required,
            due_business_days=self.due_value if self.due_kind == "business_days" else None,
            due_hours=self.due_value if self.due_kind == "hours" else None,
            crisis_due_hours=self.crisis_hours or None,
        )


def describe_rules(rules: ServiceRules) -> str:
    """One paragraph: what the rules ask before signing and when a note is due."""
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
    return f"Before signing: {asks}.{due}{crisis}{units}"


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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordKeepingTabs")
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_profile_tab(), "Profile and si&gner")
        self.tabs.addTab(self._build_rules_tab(), "R&ules")
        self.tabs.addTab(self._build_retention_tab(), "Re&tention")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        #: What was loaded, and the rules and periods typed per profile since.
        self._loaded = RecordSettings()
        self._rules_typed: dict[ServiceProfileKind, RulesShown] = {}
        self._periods_typed: dict[ServiceProfileKind, dict[RecordType, int]] = {}
        self._shown_profile: ServiceProfileKind | None = None
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._profile_changed()

    def _build_profile_tab(self) -> QWidget:
        profile_tab = QWidget()
        form = QFormLayout(profile_tab)
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
        return profile_tab

    def load(self) -> None:
        """Read the stored settings through the worker and show them."""
        query(self, self._worker, ops.record_settings, self.show_settings, self._prompts.show_error)

    def show_settings(self, settings: RecordSettings) -> None:
        self._loaded = settings
        self._rules_typed.clear()
        self._periods_typed.clear()
        self._shown_profile = None
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
            overrides=self._typed_overrides(),
            retention=self._typed_periods(),
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

    # -- rules and retention tabs ---------------------------------------------------------------
    def _build_rules_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        note = QLabel(
            "Your programme's manual may ask for more than the profile, or allow longer. "
            "Changes apply to notes signed from now on."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        fields = QWidget()
        grid = QVBoxLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        self.required: dict[HeaderField, QCheckBox] = {}
        for field in HeaderField:
            box = QCheckBox(field.label[0].upper() + field.label[1:])
            box.setAccessibleName(f"Require {field.label}")
            box.toggled.connect(self._rules_edited)
            grid.addWidget(box)
            self.required[field] = box
        form.addRow("Required before signing:", fields)
        due_row = QHBoxLayout()
        self.due_kind = QComboBox()
        self.due_kind.setAccessibleName("When a note is due")
        for label, kind in DUE_KINDS:
            self.due_kind.addItem(label, kind)
        self.due_value = QSpinBox()
        self.due_value.setAccessibleName("Business days or hours to sign a note")
        self.due_kind.currentIndexChanged.connect(self._due_kind_changed)
        self.due_value.valueChanged.connect(self._rules_edited)
        due_row.addWidget(self.due_kind, 1)
        due_row.addWidget(self.due_value)
        due_label = QLabel("&Due:")
        due_label.setBuddy(self.due_kind)  # a row of two: the label names the first
        form.addRow(due_label, due_row)
        self.crisis_hours = QSpinBox()
        self.crisis_hours.setRange(0, MAX_HOURS)
        self.crisis_hours.setSpecialValueText("No separate limit")
        self.crisis_hours.setSuffix(" h")
        self.crisis_hours.setAccessibleName("Hours to sign a crisis contact's note")
        self.crisis_hours.valueChanged.connect(self._rules_edited)
        form.addRow("Cr&isis contacts:", self.crisis_hours)
        layout.addLayout(form)
        self.reset_rules = QPushButton("Use the profile's &own rules")
        self.reset_rules.clicked.connect(self._reset_rules)
        layout.addWidget(self.reset_rules)
        layout.addStretch(1)
        return tab

    def _build_retention_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.retention_source = QLabel()
        self.retention_source.setWordWrap(True)
        self.retention_source.setAccessibleName("Where the starting periods come from")
        layout.addWidget(self.retention_source)
        explain = QLabel(
            "Kept this many years after the later of the record's date and the end of care. "
            "Nothing of an open mentee is ever due; the audit log is never shortened."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        # Two columns of label and years, so nine rows fit a small screen at large text.
        grid = QGridLayout()
        self.years: dict[RecordType, QSpinBox] = {}
        half = (len(RecordType) + 1) // 2
        for index, record_type in enumerate(RecordType):
            spin = QSpinBox()
            spin.setRange(MIN_YEARS, MAX_YEARS)
            spin.setSuffix(" years")
            spin.setAccessibleName(f"Years to keep {record_type.label.lower()}")
            self.years[record_type] = spin
            label = QLabel(f"{record_type.label}:")
            label.setBuddy(spin)
            row, column = index % half, (index // half) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(spin, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.reset_periods = QPushButton("Use the profile's own &years")
        self.reset_periods.clicked.connect(self._reset_periods)
        layout.addWidget(self.reset_periods)
        layout.addStretch(1)
        return tab

    def _rules_shown(self) -> RulesShown:
        return RulesShown(
            frozenset(f for f, box in self.required.items() if box.isChecked()),
            str(self.due_kind.currentData()),
            self.due_value.value(),
            self.crisis_hours.value(),
        )

    def _periods_shown(self) -> dict[RecordType, int]:
        return {t: spin.value() for t, spin in self.years.items()}

    def _show_rules(self, shown: RulesShown) -> None:
        self._filling = True
        for field, box in self.required.items():
            box.setChecked(field in shown.required)
        self.due_kind.setCurrentIndex(self.due_kind.findData(shown.due_kind))
        self._due_kind_changed()
        self.due_value.setValue(shown.due_value)
        self.crisis_hours.setValue(shown.crisis_hours)
        self._filling = False

    def _show_periods(self, kind: ServiceProfileKind, periods: dict[RecordType, int]) -> None:
        for record_type, spin in self.years.items():
            spin.setValue(periods[record_type])
        self.retention_source.setText(RETENTION_SOURCES[kind])

    def _due_kind_changed(self, *_args: object) -> None:
        kind = self.due_kind.currentData()
        self.due_value.setEnabled(kind != "none")
        if kind == "hours":
            self.due_value.setRange(1, MAX_HOURS)
            self.due_value.setSuffix(" h")
        else:
            self.due_value.setRange(1, MAX_BUSINESS_DAYS)
            self.due_value.setSuffix(" business days")
        self._rules_edited()

    def _rules_edited(self, *_args: object) -> None:
        """Keep the summary on the first tab true to what the rules tab shows."""
        if getattr(self, "_filling", False) or not hasattr(self, "crisis_hours"):
            return
        kind = ServiceProfileKind(self.profile.currentData())
        try:
            rules = self._rules_shown().override().apply(kind.rules)
        except ValidationError as error:
            self.rules.setText(f"These rules cannot be saved yet: {error}")
            return
        self.rules.setText(describe_rules(rules))

    def _reset_rules(self) -> None:
        self._show_rules(RulesShown.of(ServiceProfileKind(self.profile.currentData()).rules))
        self._rules_edited()

    def _reset_periods(self) -> None:
        kind = ServiceProfileKind(self.profile.currentData())
        self._show_periods(kind, dict(RetentionPolicy(kind).periods))

    def _remember_typed(self) -> None:
        if self._shown_profile is not None:
            self._rules_typed[self._shown_profile] = self._rules_shown()
            self._periods_typed[self._shown_profile] = self._periods_shown()

    def _typed_overrides(self) -> dict[ServiceProfileKind, RuleOverride]:
        self._remember_typed()
        overrides = dict(self._loaded.overrides)
        overrides.update({k: shown.override() for k, shown in self._rules_typed.items()})
        return overrides

    def _typed_periods(self) -> dict[ServiceProfileKind, dict[RecordType, int]]:
        self._remember_typed()
        periods = {k: dict(v) for k, v in self._loaded.retention.items()}
        periods.update({k: dict(v) for k, v in self._periods_typed.items()})
        return periods

    def _profile_changed(self, *_args: object) -> None:
        kind = ServiceProfileKind(self.profile.currentData())
        if not hasattr(self, "years"):
            return
        self._remember_typed()
        self._shown_profile = kind
        rules = kind.rules
        shown = self._rules_typed.get(kind) or RulesShown.of(self._loaded.rules_for(kind))
        self._show_rules(shown)
        periods = self._periods_typed.get(kind) or dict(self._loaded.retention_for(kind).periods)
        self._show_periods(kind, periods)
        self._rules_edited()
        self.places.setPlaceholderText("\n".join(rules.places))
        self.services.setPlaceholderText(
            "\n".join(f"{n} = {c}" if c else n for n, c in rules.services)
        )
