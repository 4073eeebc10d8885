"""Status bar: whether the work is saved ("Saved 12:04") and when the vault will lock.

Why: a mentor must be able to trust at a glance that nothing typed is lost, and be warned
before the idle lock closes the vault under their hands.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

#: Below this many seconds the countdown is shown (earlier it would only distract).
COUNTDOWN_FROM = 60


def format_countdown(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"Locks in {minutes}:{secs:02d}"


class JournalStatusBar(QStatusBar):
    """Save state on the left, lock countdown on the right; both readable by screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_label = QLabel("", self)
        self.save_label.setObjectName("saveState")
        self.save_label.setAccessibleName("Save state")
        self.lock_label = QLabel("", self)
        self.lock_label.setObjectName("lockCountdown")
        self.lock_label.setAccessibleName("Automatic lock countdown")
        self.notice_label = QLabel("", self)
        self.notice_label.setObjectName("notice")
        self.notice_label.setAccessibleName("Notice")
        self.addWidget(self.save_label, 1)
        self.addWidget(self.notice_label)
        self.addPermanentWidget(self.lock_label)

    def set_saving(self) -> None:
        self.save_label.setText("Saving…")

    def set_saved(self, when: datetime) -> None:
        """``when`` is an aware time; shown in the computer's local time zone."""
        self.save_label.setText(f"Saved {when.astimezone().strftime('%H:%M')}")

    def set_save_failed(self, reason: str) -> None:
        self.save_label.setText(f"Not saved: {reason}")

    def set_lock_remaining(self, seconds: int) -> None:
        self.lock_label.setText(format_countdown(seconds) if seconds <= COUNTDOWN_FROM else "")

    def set_erasure_due(self, count: int, past_retention: int = 0) -> None:
        """Archived records past their retention date, and mentees with records of some type
        past their retention period: the app helps erase them when due."""
        if past_retention > 0:
            where = "Records past retention" + (", Erase a mentee" if count > 0 else "")
            self.notice_label.setText(f"Records past retention: Settings › {where}")
        elif count > 0:
            self.notice_label.setText(
                f"{count} archived record{'s are' if count != 1 else ' is'} past retention: "
                "Settings › Erase a mentee"
            )
        else:
            self.notice_label.setText("")

    def clear(self) -> None:
        self.notice_label.setText("")
        self.save_label.setText("")
        self.lock_label.setText("")
