"""Live passphrase strength: a bar, a word for it, and the policy's first problem or tip.

Why a widget of its own: the create-vault and change-passphrase screens both need it, and the
assessment (zxcvbn, via the core's policy) is imported only when such a screen opens, so cold
start to the unlock window stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

_WORDS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
_COLOURS = ("#b3261e", "#b3261e", "#a86b00", "#2e7d32", "#1b5e20")


def _default_assess(passphrase: str) -> Any:
    from mentorjournal.vault.passphrase import assess

    return assess(passphrase)


class StrengthMeter(QWidget):
    """Shows how strong a passphrase is; ``acceptable`` says whether the policy allows it."""

    def __init__(
        self,
        parent: QWidget | None = None,
        assess: Callable[[str], Any] = _default_assess,
    ) -> None:
        super().__init__(parent)
        self._assess = assess
        self.acceptable = False
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName("Passphrase strength")
        self.verdict = QLabel("", self)
        self.verdict.setObjectName("strengthVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Passphrase strength verdict")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)

    def update_for(self, passphrase: str) -> None:
        if not passphrase:
            self.acceptable = False
            self.bar.setValue(0)
            self.verdict.setText("")
            return
        report = self._assess(passphrase)
        score = max(0, min(4, int(report.score)))
        self.acceptable = bool(report.acceptable)
        self.bar.setValue(score)
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {_COLOURS[score]}; }}")
        word = _WORDS[score] if self.acceptable else "Not allowed"
        detail = report.message
        self.verdict.setText(f"{word}. {detail}".strip())
        self.bar.setAccessibleDescription(self.verdict.text())

    def clear(self) -> None:
        self.update_for("")
