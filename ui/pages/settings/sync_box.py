"""Settings → "Use on another computer": sync status, setting it up, syncing now, conflicts.

The box reads ``journal.sync_status()`` in the worker and shows it in plain words: which folder,
when it last synced, what waits to be published, each other computer's last sync, conflicts
to look at, and a clear line when the folder is missing or read-only or a clock is off.
``sync_setup(folder)`` and ``sync_now()`` run as worker commands (they return change sets:
merged records refresh every page). Joining runs where a vault is made: ``mentorjournal sync
join`` (docs/sync.md).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mentorjournal.clock import Clock
from mentorjournal.sync.status import Conflict, SyncReport, SyncStatus
from ui.prompts import Prompts
from ui.widgets.flow import FlowLayout
from ui.worker import JournalWorker

OFF_TEXT = (
    "Sync is off. To use this journal on another computer, choose a folder that your sync "
    "program (Syncthing, Nextcloud, Dropbox, OneDrive) keeps in step. Never choose the vault "
    "folder itself: only encrypted files go into the sync folder."
)
JOIN_HINT = (
    "On the other computer: mentorjournal sync join --folder FOLDER --recovery-key-file FILE"
)


def _when(text: str | None, clock: Clock) -> str:
    """A stored UTC instant as the mentor's wall clock shows it ("8 December 2026, 09:00")."""
    if not text:
        return "never"
    try:
        return clock.zone.display(datetime.fromisoformat(text))
    except ValueError:
        return text


def describe(status: SyncStatus, clock: Clock) -> str:
    """The status in plain words, most urgent first."""
    if not status.enabled:
        return OFF_TEXT
    lines = []
    if status.folder_problem:
        lines.append(status.folder_problem)
    lines.append(f"Syncing through {status.folder}.")
    lines.append(f"Last sync: {_when(status.last_sync_at, clock)}.")
    if status.pending_local_ops:
        lines.append(f"{status.pending_local_ops} change(s) here wait for the next sync.")
    others = [d for d in status.devices if not d.this_device]
    if not others:
        lines.append("No other computer has joined yet. " + JOIN_HINT)
    for n, device in enumerate(others, start=1):
        waiting = (
            f", {device.pending_segments} update(s) waiting" if device.pending_segments else ""
        )
        lines.append(
            f"Other computer {n}, {device.name or 'unnamed'} ({device.device_id[:8]}): last merged "
            f"{_when(device.last_seen_at, clock)}{waiting}."
        )
    if status.conflicts:
        lines.append(
            f"{status.conflicts} conflict(s): a text was edited on two computers; both versions "
            "are kept. Press Conflicts to see them."
        )
    lines += [f"Refused (damaged or forged): {q}" for q in status.quarantined]
    lines += list(status.warnings)
    return "\n".join(lines)


class SyncBox(QGroupBox):
    """The sync section of the settings window."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__("Use on another computer", parent)
        self._worker = worker
        self._prompts = prompts
        self._clock = clock
        self.status_label = QLabel(OFF_TEXT, self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAccessibleName("Sync status")
        self.setup_button = QPushButton("Choose sync &folder…", self)
        self.setup_button.setAccessibleName("Choose sync folder")
        self.setup_button.clicked.connect(self.set_up)
        self.join_button = QPushButton("&Join a journal from another computer…", self)
        self.join_button.setAccessibleName("Join a journal from another computer")
        self.join_button.clicked.connect(self.join)
        self.sync_button = QPushButton("S&ync now", self)
        self.sync_button.setAccessibleName("Sync now")
        self.sync_button.clicked.connect(self.sync_now)
        self.conflicts_button = QPushButton("Con&flicts…", self)
        self.conflicts_button.setAccessibleName("Show sync conflicts")
        self.conflicts_button.clicked.connect(self.show_conflicts)
        buttons = FlowLayout()  # wraps at large text sizes instead of widening the window
        for button in (
            self.setup_button,
            self.join_button,
            self.sync_button,
            self.conflicts_button,
        ):
            buttons.add(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self._show(SyncStatus(enabled=False))

    def refresh(self) -> None:
        self._worker.query(lambda j: j.sync_status(), self._show, self._prompts.show_error)

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        self.status_label.setText(describe(status, self._clock))
        self.setup_button.setVisible(not status.enabled)
        self.join_button.setVisible(not status.enabled)
        self.sync_button.setVisible(status.enabled)
        self.conflicts_button.setVisible(status.enabled)
        self.conflicts_button.setEnabled(status.conflicts > 0)

    def set_up(self) -> None:
        folder = self._prompts.choose_directory("Choose the synced folder")
        if folder is None:
            return
        self._worker.command(
            lambda j: j.sync_setup(folder),
            lambda result: self._synced(result.value, "Sync is on"),
            lambda error: self._prompts.show_error(error, "Use on another computer"),
        )

    def join(self) -> None:
        """On a new computer, in a new vault: take in the journal kept in a synced folder."""
        title = "Join a journal"
        folder = self._prompts.choose_directory("Choose the synced folder of your journal")
        if folder is None:
            return
        key = self._prompts.ask_text(
            title,
            "Type the recovery key of your journal (from the sheet you printed). From now on it "
            "opens this computer's vault too; the key shown when this vault was made stops "
            "working.",
            password=True,
        )
        if not key:
            return
        self._worker.command(
            lambda j: j.sync_join(folder, key),
            lambda result: self._synced(result.value, title),
            lambda error: self._prompts.show_error(error, title),
        )

    def sync_now(self) -> None:
        self._worker.command(
            lambda j: j.sync_now(),
            lambda result: self._synced(result.value, "Synced"),
            self._failed,
        )

    def _synced(self, report: SyncReport, title: str) -> None:
        self.last_report = report
        self.refresh()
        if report.quarantined:
            self._prompts.warn(
                title,
                "Some files in the sync folder were damaged or not made by this journal; "
                "they were set aside and not used.",
                "\n".join(report.quarantined),
            )

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        self._prompts.show_error(error, "Sync now")

    def show_conflicts(self) -> None:
        self._worker.query(
            lambda j: j.sync_conflicts(), self._list_conflicts, self._prompts.show_error
        )

    def _list_conflicts(self, conflicts: list[Conflict]) -> None:
        blocks = []
        for c in conflicts:
            blocks.append(
                f"{c.table.replace('_', ' ')} {c.record_id[:8]}, {c.field}: {c.reason}\n"
                f"Kept: {c.current_value}\nOther version: {c.other_value}"
            )
        self._prompts.inform(
            "Sync conflicts",
            f"{len(conflicts)} version(s) did not win a merge and are kept here.",
            "\n\n".join(blocks),
        )
