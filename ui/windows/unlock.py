"""Unlock: passphrase (or recovery key), a busy state while the KDF runs off-thread, clear errors.

Why the busy bar waits a second before it appears: Argon2id keeps both cores of a small
machine busy for about half a second, and an indeterminate bar repaints all the while, which
measurably slowed the KDF it was waiting for (0.46 -> 0.48 s). Under a second, "Unlocking…"
in the message line says enough (and is what a screen reader reads); a longer unlock also
gets the moving bar.

Why throttling lives here too: the key derivation already costs about a second per guess, but
someone at an unlocked-then-left laptop could still try many passphrases. After a few wrong
ones each further try waits longer (2 s, 4 s, 8 s … up to a minute). Time comes from the
injected clock, so the rule is tested without sleeping.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from mentorjournal.clock import Clock
from mentorjournal.errors import VaultCorrupt, VaultMissing, WrongPassphrase
from ui.icons import set_icon
from ui.prompts import explain
from ui.style import mark_primary
from ui.widgets.card import centred_card

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0
#: An unlock that takes longer than this also shows the moving busy bar.
BUSY_BAR_DELAY_MS = 1000
UNLOCKING_TEXT = "Unlocking…"


class AuthThrottle:
    """A growing wait after repeated failures: none for the first few, then 2, 4, 8 … 60 s."""

    def __init__(self, clock: Clock, free_attempts: int = FREE_ATTEMPTS) -> None:
        self._clock = clock
        self._free = free_attempts
        self.failures = 0
        self._blocked_until = 0.0

    def delay_for(self, failures: int) -> float:
        if failures < self._free:
            return 0.0
        return min(MAX_DELAY_SECONDS, 2.0 ** (failures - self._free + 1))

    def record_failure(self) -> float:
        self.failures += 1
        delay = self.delay_for(self.failures)
        self._blocked_until = self._clock.monotonic() + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._blocked_until = 0.0

    def remaining(self) -> float:
        return max(0.0, self._blocked_until - self._clock.monotonic())


class UnlockWindow(QWidget):
    """Emits ``unlock_requested(secret, via_recovery)``; the controller runs it in the worker."""

    unlock_requested = Signal(str, bool)
    restore_requested = Signal()

    def __init__(
        self,
        clock: Clock,
        vault_label: str = "",
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.throttle = AuthThrottle(clock)
        self.via_recovery = False
        self.setObjectName("unlockWindow")
        self.setWindowTitle("Unlock DEMO — Mentor Journal" if demo else "Unlock — Mentor Journal")
        self.setMinimumSize(520, 360)
        self.heading = QLabel("<h2>Unlock your journal</h2>", self)
        self.reason_label = QLabel("", self)
        self.reason_label.setObjectName("lockReason")
        self.reason_label.setWordWrap(True)
        self.vault_label = QLabel(vault_label, self)
        self.vault_label.setObjectName("vaultLocation")
        self.vault_label.setWordWrap(True)
        self.field_label = QLabel("&Passphrase:", self)
        self.secret = QLineEdit(self)
        self.secret.setObjectName("passphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName("Passphrase")
        self.field_label.setBuddy(self.secret)
        self.unlock_button = QPushButton("&Unlock", self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        mark_primary(self.unlock_button)
        set_icon(self.unlock_button, "lock")
        self.mode_link = QPushButton("Use recovery key", self)
        self.mode_link.setObjectName("useRecoveryKey")
        self.mode_link.setFlat(True)
        self.mode_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mode_link.setAccessibleName("Use recovery key instead")
        self._busy = False
        self.busy, self._bar_delay = self._busy_indicator()
        self.message = QLabel("", self)
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Unlock message")
        self.restore_button = QPushButton("&Restore from backup…", self)
        self.restore_button.setObjectName("restoreFromBackup")
        self.restore_button.hide()
        self._lay_out()
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_throttle)
        self.secret.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.mode_link.clicked.connect(self.toggle_mode)
        self.restore_button.clicked.connect(self.restore_requested.emit)

    def _busy_indicator(self) -> tuple[QProgressBar, QTimer]:
        """The moving bar (hidden) and the timer that shows it once an unlock runs long."""
        bar = QProgressBar(self)
        bar.setRange(0, 0)
        bar.setAccessibleName("Unlocking")
        bar.hide()
        delay = QTimer(self)
        delay.setSingleShot(True)
        delay.setInterval(BUSY_BAR_DELAY_MS)
        delay.timeout.connect(lambda: bar.setVisible(self._busy))
        return bar, delay

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock_button)
        _card, layout = centred_card(self, 560)
        for widget in (self.heading, self.reason_label, self.vault_label, self.field_label):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.mode_link, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)

    def toggle_mode(self) -> None:
        self.set_recovery_mode(not self.via_recovery)

    def set_recovery_mode(self, on: bool) -> None:
        self.via_recovery = on
        self.secret.clear()
        if on:
            self.field_label.setText("&Recovery key:")
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setAccessibleName("Recovery key")
            self.secret.setPlaceholderText("XXXX-XXXX-…")
            self.mode_link.setText("Use passphrase")
        else:
            self.field_label.setText("&Passphrase:")
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setAccessibleName("Passphrase")
            self.secret.setPlaceholderText("")
            self.mode_link.setText("Use recovery key")
        self.secret.setFocus()

    def set_reason(self, text: str) -> None:
        """Why the window shows (e.g. "Locked after 5 minutes without activity")."""
        self.reason_label.setText(text)

    def submit(self) -> None:
        if self._busy or not self.secret.text():
            return
        wait = self.throttle.remaining()
        if wait > 0:
            self._update_throttle()
            return
        self.message.setText("")
        self.set_busy(True)
        self.unlock_requested.emit(self.secret.text(), self.via_recovery)

    @property
    def is_busy(self) -> bool:
        """An unlock is running in the worker (the bar itself shows only after a second)."""
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self.message.setText(UNLOCKING_TEXT)
            self._bar_delay.start()
        else:
            self._bar_delay.stop()
            self.busy.hide()
            if self.message.text() == UNLOCKING_TEXT:
                self.message.setText("")
        self.secret.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and self.throttle.remaining() <= 0)
        self.mode_link.setEnabled(not busy)

    def unlocked(self) -> None:
        """Success: forget the typed secret and the failure count."""
        self.throttle.record_success()
        # The next lock screen asks for the passphrase again, masked: a recovery-key unlock
        # must never leave the field in its unmasked recovery mode.
        self.set_recovery_mode(False)
        self.secret.clear()
        self.message.setText("")
        self.reason_label.setText("")
        self.restore_button.hide()
        self.set_busy(False)

    def show_failure(self, error: BaseException) -> None:
        self.set_busy(False)
        words = explain(error)
        text = " ".join(p for p in (words.headline, words.advice) if p)
        if isinstance(error, WrongPassphrase):
            delay = self.throttle.record_failure()
            if delay > 0:
                text += f" Please wait {int(delay)} seconds before trying again."
                self._tick.start()
                self.unlock_button.setEnabled(False)
            self.secret.selectAll()
        elif words.detail:
            text = f"{words.headline} {words.detail} {words.advice}".strip()
        self.restore_button.setVisible(isinstance(error, VaultMissing | VaultCorrupt))
        self.message.setText(text)
        self.secret.setFocus()

    def _update_throttle(self) -> None:
        wait = self.throttle.remaining()
        if wait <= 0:
            self._tick.stop()
            self.unlock_button.setText("&Unlock")
            self.unlock_button.setEnabled(not self._busy)
            return
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(f"Wait {math.ceil(wait)} s")

    def clear(self) -> None:
        self.secret.clear()
        self.message.setText("")
