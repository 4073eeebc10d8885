"""Create my vault: choose a passphrase (twice, with live strength), then keep the recovery key.

Why two steps in one window: the recovery key is the only way back if the passphrase is
forgotten, and it is shown exactly once. So the mentor cannot continue until they have typed
back its last group, which proves they wrote or saved it (not just clicked past it).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.prompts import Prompts, explain
from ui.style import mark_primary
from ui.widgets.card import centred_card
from ui.widgets.strength_meter import StrengthMeter

POLICY_TEXT = (
    "Your passphrase protects everything in the journal. Use at least 15 characters; "
    "a few unrelated words with spaces work well and are easier to remember than symbols. "
    "Very common passwords are refused. Nobody, including us, can recover your notes "
    "without the passphrase or the recovery key you will see next."
)


def last_group(recovery_key: str) -> str:
    return recovery_key.replace(" ", "").split("-")[-1].upper()


class CreateVaultWindow(QWidget):
    """Step 1 emits ``create_requested(passphrase)``; step 2 emits ``finished`` after type-back."""

    create_requested = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._recovery_key = ""
        self.setObjectName("createVaultWindow")
        self.setWindowTitle("Create my vault — Mentor Journal")
        self.setMinimumSize(620, 520)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._build_passphrase_step())
        self.steps.addWidget(self._build_recovery_step())
        _card, layout = centred_card(self, 680)
        layout.addWidget(self.steps)

    # -- step 1 ------------------------------------------------------------------------------
    def _build_passphrase_step(self) -> QWidget:
        page = QWidget(self)
        policy = QLabel(POLICY_TEXT, page)
        policy.setWordWrap(True)
        policy.setObjectName("policy")
        self.passphrase = QLineEdit(page)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("New passphrase")
        self.passphrase.setObjectName("newPassphrase")
        self.repeat = QLineEdit(page)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Repeat passphrase")
        self.repeat.setObjectName("repeatPassphrase")
        self.meter = StrengthMeter(page)
        self.match_label = QLabel("", page)
        self.match_label.setAccessibleName("Passphrases match")
        self.error_label = QLabel("", page)
        self.error_label.setObjectName("createError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e")
        self.busy = QProgressBar(page)
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Creating your vault")
        self.busy.hide()
        self.create_button = QPushButton("&Create vault", page)
        self.create_button.setObjectName("createButton")
        self.create_button.setEnabled(False)
        mark_primary(self.create_button)
        self.back_button = QPushButton("&Back", page)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("", self.meter)
        form.addRow("&Repeat it:", self.repeat)
        form.addRow("", self.match_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("<h2>Choose your passphrase</h2>", page))
        layout.addWidget(policy)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.passphrase.textChanged.connect(self._on_passphrase)
        self.repeat.textChanged.connect(self._update_create_button)
        self.create_button.clicked.connect(self._on_create)
        self.repeat.returnPressed.connect(self._on_create)
        self.back_button.clicked.connect(self.cancelled.emit)
        return page

    def _on_passphrase(self, text: str) -> None:
        self.meter.update_for(text)
        self._update_create_button()

    def _update_create_button(self) -> None:
        same = self.passphrase.text() == self.repeat.text()
        typed = bool(self.repeat.text())
        self.match_label.setText("" if not typed else ("Matches" if same else "Does not match yet"))
        self.create_button.setEnabled(self.meter.acceptable and same and not self.busy.isVisible())

    def _on_create(self) -> None:
        if not self.create_button.isEnabled():
            return
        self.set_busy(True)
        self.error_label.setText("")
        self.create_requested.emit(self.passphrase.text())

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.passphrase, self.repeat, self.back_button):
            widget.setEnabled(not busy)
        self._update_create_button()

    def show_failure(self, error: BaseException) -> None:
        self.set_busy(False)
        words = explain(error)
        self.error_label.setText(
            " ".join(p for p in (words.headline, words.detail, words.advice) if p)
        )

    # -- step 2 ------------------------------------------------------------------------------
    def _build_recovery_step(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            "This is your <b>recovery key</b>. If you ever forget your passphrase, it is the "
            "only way back into your journal. Write it down or print it and keep it somewhere "
            "safe, away from this computer. It is shown only now.",
            page,
        )
        intro.setWordWrap(True)
        self.key_label = QLabel("", page)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setAccessibleName("Recovery key")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        mono.setPointSizeF(mono.pointSizeF() * 1.3)
        self.key_label.setFont(mono)
        self.key_label.setWordWrap(True)
        self.copy_button = QPushButton("C&opy", page)
        self.save_button = QPushButton("&Save as file…", page)
        self.print_button = QPushButton("&Print…", page)
        self.copy_button.clicked.connect(self._copy)
        self.save_button.clicked.connect(self._save)
        self.print_button.clicked.connect(self._print)
        self.typeback = QLineEdit(page)
        self.typeback.setObjectName("typeBack")
        self.typeback.setAccessibleName("Last group of the recovery key")
        self.typeback.setMaxLength(8)
        self.typeback_hint = QLabel("", page)
        self.typeback_hint.setWordWrap(True)
        self.continue_button = QPushButton("Con&tinue to my journal", page)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        mark_primary(self.continue_button)
        self.typeback.textChanged.connect(self._check_typeback)
        self.typeback.returnPressed.connect(self._continue)
        self.continue_button.clicked.connect(self._continue)
        actions = QHBoxLayout()
        for button in (self.copy_button, self.save_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        form = QFormLayout()
        form.addRow("Type the &last group:", self.typeback)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("<h2>Keep your recovery key</h2>", page))
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.typeback_hint)
        layout.addStretch(1)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def show_recovery_key(self, recovery_key: str) -> None:
        """Step 2. The passphrase fields are emptied: they are not needed any more."""
        self.set_busy(False)
        self.passphrase.clear()
        self.repeat.clear()
        self.meter.clear()
        self._recovery_key = recovery_key
        self.key_label.setText(recovery_key)
        self.typeback.clear()
        self.typeback_hint.setText(
            "To be sure you have it, type the last group of four characters above."
        )
        self.steps.setCurrentIndex(1)
        self.typeback.setFocus()

    def _check_typeback(self, text: str) -> None:
        ok = bool(self._recovery_key) and text.strip().upper() == last_group(self._recovery_key)
        self.continue_button.setEnabled(ok)
        if ok:
            self.typeback_hint.setText("That matches. You can continue.")

    def _continue(self) -> None:
        if not self.continue_button.isEnabled():
            return
        self.forget()
        self.finished.emit()

    def forget(self) -> None:
        """Drop the recovery key and passphrases from the widgets."""
        self._recovery_key = ""
        self.key_label.clear()
        self.typeback.clear()
        self.passphrase.clear()
        self.repeat.clear()
        self.steps.setCurrentIndex(0)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._recovery_key)
        self._prompts.inform(
            "Recovery key copied",
            "Paste it somewhere safe (a password manager), then clear your clipboard.",
        )

    def _save(self) -> None:
        target = self._prompts.save_file(
            "Save recovery key", "mentor-journal-recovery-key.txt", "Text files (*.txt)"
        )
        if target is None:
            return
        try:
            write_recovery_file(target, self._recovery_key)
        except OSError as exc:
            self._prompts.show_error(exc, "Save recovery key")
            return
        self._prompts.inform(
            "Recovery key saved", f"Saved to {target}. Keep that file off this computer."
        )

    def _print(self) -> None:
        document = QTextDocument()
        document.setPlainText(recovery_sheet(self._recovery_key))
        self._prompts.print_document("Mentor Journal recovery key", document)


def recovery_sheet(recovery_key: str) -> str:
    return (
        "Mentor Journal: recovery key\n\n"
        f"{recovery_key}\n\n"
        "Use this key if you forget your passphrase: on the unlock screen choose "
        "'Use recovery key'. Keep this sheet somewhere safe, away from the computer.\n"
    )


def write_recovery_file(target: Path, recovery_key: str) -> None:
    """Write the sheet readable by the owner only (0600), replacing nothing half-way."""
    from mentorjournal.fsutil import atomic_write_bytes

    atomic_write_bytes(target, recovery_sheet(recovery_key).encode("utf-8"))
