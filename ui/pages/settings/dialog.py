"""Settings: preferences (kept in QSettings, never secret) and vault actions (run in the worker).

Preferences: auto-lock minutes, backup folder and count, theme, text size. Vault actions:
back up now, re-calibrate the key derivation, change passphrase, new recovery key,
export/import, erase a mentee, the record-keeping settings (service profile, signer, rules,
retention) and the review of records past retention. Every vault action runs through the worker; every question
goes through the prompts seam. The journal methods called (run in the worker thread):
``backup_now(folder: Path, keep: int)``, ``recalibrate_kdf(passphrase: str)``,
``change_passphrase(old: str, new: str)``, ``regenerate_recovery_key()``,
``record_counts(mentee_id)``, ``erase_mentee(mentee_id)``; export/import use
``Journal.export_json`` / ``import_json``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.changes import Changed, Changes
from mentorjournal.clock import Clock
from ui.glossary import explain
from ui.models.mentees import MenteeRow, load_mentee_rows
from ui.pages.settings.record_keeping import RecordKeepingDialog
from ui.prompts import Prompts
from ui.settings import AUTO_LOCK_RANGE, BACKUP_KEEP_RANGE, AppSettings, Theme
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal
    from ui.worker import HasChanges

TEXT_SCALES = (100, 125, 150, 175, 200)


#: What each phase of ``UnlockedVault.rekey`` is doing, in the mentor's words.
REKEY_PHASES = {
    "checking": "Checking every seal…",
    "copying": "Re-encrypting the journal…",
    "sealing": "Sealing the re-encrypted journal…",
    "switching": "Switching to the new key…",
}


class RekeyProgressRelay(QObject):
    """Carries the rekey's progress from the worker thread to its dialog (a queued signal)."""

    progressed = Signal(str, int, int)

    def __init__(self, shown: QProgressDialog) -> None:
        super().__init__(shown)
        self.phases: list[str] = []
        self.progressed.connect(self._show)
        self._shown = shown

    def report(self, phase: str, done: int, total: int) -> None:
        """Called in the worker thread by the rekey."""
        self.progressed.emit(phase, done, total)

    def _show(self, phase: str, done: int, total: int) -> None:
        if not self.phases or self.phases[-1] != phase:
            self.phases.append(phase)
        self._shown.setLabelText(REKEY_PHASES.get(phase, phase))
        self._shown.setValue(100 * done // max(total, 1))


class SettingsDialog(QDialog):
    """Modeless settings window; ``applied`` fires after preferences were saved."""

    applied = Signal()
    #: The vault locked itself (after a new data key): the app must show the unlock window.
    relock_needed = Signal()

    def __init__(
        self,
        settings: AppSettings,
        worker: JournalWorker,
        prompts: Prompts,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._worker = worker
        self._prompts = prompts
        self._clock = clock
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings — Mentor Journal")
        self.resize(640, 680)
        layout = QVBoxLayout(self)
        # The sections scroll as one page: at large text sizes on a small screen they are
        # taller than the window, and the buttons below must stay in reach.
        content = QWidget(self)
        sections = QVBoxLayout(content)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.addWidget(self._build_preferences())
        sections.addWidget(self._build_actions())
        from ui.pages.settings.sync_box import SyncBox

        self.sync_box = SyncBox(worker, prompts, clock, content)
        sections.addWidget(self.sync_box)
        sections.addStretch(1)
        scroll = _VerticalScroll(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.hide)
        layout.addWidget(self.buttons)

    def _build_preferences(self) -> QGroupBox:
        box = QGroupBox("Preferences", self)
        self.auto_lock = QSpinBox(box)
        self.auto_lock.setRange(*AUTO_LOCK_RANGE)
        self.auto_lock.setSuffix(" minutes")
        self.auto_lock.setAccessibleName("Lock automatically after minutes without activity")
        self.backup_folder = QLineEdit(box)
        self.backup_folder.setAccessibleName("Backup folder")
        browse = QPushButton("&Browse…", box)
        browse.setAccessibleName("Choose backup folder")
        browse.clicked.connect(self._browse_backup_folder)
        self.browse_button = browse
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(browse)
        self.backup_keep = QSpinBox(box)
        self.backup_keep.setRange(*BACKUP_KEEP_RANGE)
        self.backup_keep.setAccessibleName("Number of backups to keep")
        self.theme = QComboBox(box)
        self.theme.setAccessibleName("Theme")
        for label, theme in (
            ("Follow system", Theme.SYSTEM),
            ("Light", Theme.LIGHT),
            ("Dark", Theme.DARK),
        ):
            self.theme.addItem(label, theme.value)
        self.text_scale = QComboBox(box)
        self.text_scale.setAccessibleName("Text size")
        for scale in TEXT_SCALES:
            self.text_scale.addItem(f"{scale}%", scale)
        form = QFormLayout(box)
        form.addRow("&Lock after:", self.auto_lock)
        form.addRow("Backup folder:", folder_row)
        form.addRow("&Keep backups:", self.backup_keep)
        form.addRow("&Theme:", self.theme)
        form.addRow("Te&xt size:", self.text_scale)
        return box

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox("Vault", self)
        grid = QGridLayout(box)
        actions = (
            ("Back up &now", self.backup_now),
            ("Re-&calibrate key strength…", self.recalibrate),
            ("Change &passphrase…", self.change_passphrase),
            ("New &recovery key…", self.new_recovery_key),
            ("&Export to file…", self.export_vault),
            ("&Import from file…", self.import_vault),
            ("Erase a &mentee…", self.erase_mentee),
            ("Audit &log…", self.show_audit_log),
            ("New data &key…", self.new_data_key),
            ("Recor&d keeping…", self.record_keeping),
            ("Rec&ords past retention…", self.review_retention),
        )
        self.action_buttons: dict[str, QPushButton] = {}
        for i, (label, slot) in enumerate(actions):
            button = QPushButton(label, box)
            button.setAccessibleName(label.replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _c=False, s=slot: s())
            if slot == self.recalibrate:
                button.setToolTip(explain("recalibrate"))
                button.setAccessibleDescription(explain("recalibrate"))
            grid.addWidget(button, i // 2, i % 2)
            self.action_buttons[label.replace("&", "").rstrip("…")] = button
        return box

    # -- preferences -------------------------------------------------------------------------
    def load(self) -> None:
        s = self._settings
        self.auto_lock.setValue(s.auto_lock_minutes)
        self.backup_folder.setText(str(s.backup_folder))
        self.backup_keep.setValue(s.backup_keep)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme.value)))
        index = self.text_scale.findData(s.text_scale)
        if index < 0:
            self.text_scale.addItem(f"{s.text_scale}%", s.text_scale)
            index = self.text_scale.count() - 1
        self.text_scale.setCurrentIndex(index)
        self.sync_box.refresh()

    def save(self) -> None:
        s = self._settings
        s.auto_lock_minutes = self.auto_lock.value()
        folder = self.backup_folder.text().strip()
        if folder:
            s.backup_folder = Path(folder).expanduser()
        s.backup_keep = self.backup_keep.value()
        s.theme = Theme(str(self.theme.currentData()))
        s.text_scale = int(self.text_scale.currentData())
        s.sync()
        self.applied.emit()

    def _browse_backup_folder(self) -> None:
        chosen = self._prompts.choose_directory("Backup folder", self.backup_folder.text())
        if chosen is not None:
            self.backup_folder.setText(str(chosen))

    # -- vault actions -------------------------------------------------------------------------
    def _finisher(self, title: str, done: str) -> Callable[[object], None]:
        def finished(_result: object) -> None:
            if done:
                self._prompts.inform(title, done)

        return finished

    def _run(self, title: str, job: Callable[[Journal], HasChanges], done: str = "") -> None:
        """Run ``job(journal)`` as a command in the worker; say ``done`` when it succeeded."""
        self._worker.command(
            job,
            self._finisher(title, done),
            lambda error: self._prompts.show_error(error, title),
        )

    def backup_now(self) -> None:
        folder = self._settings.backup_folder
        keep = self._settings.backup_keep
        self._run(
            "Back up now",
            lambda j: j.backup_now(folder, keep=keep),
            done=f"A verified backup was written to {folder}.",
        )

    def recalibrate(self) -> None:
        passphrase = self._prompts.ask_text(
            "Re-calibrate key strength",
            "This measures this computer and strengthens the key derivation to take about "
            "a second. Enter your passphrase:",
            password=True,
        )
        if passphrase:
            self._run(
                "Re-calibrate key strength",
                lambda j: j.recalibrate_kdf(passphrase),
                done="Done.",
            )

    def change_passphrase(self) -> QDialog:
        """Opens the (window-modal, non-blocking) dialog; the change runs when it is accepted."""
        from ui.pages.settings.change_passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            old, new = dialog.take()
            self._run(
                "Change passphrase",
                lambda j: j.change_passphrase(old, new),
                done="Your passphrase was changed. Your recovery key still works.",
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        self.passphrase_dialog = dialog
        return dialog

    def new_recovery_key(self) -> None:
        if not self._prompts.confirm(
            "New recovery key",
            "Make a new recovery key? The old one will stop working.",
            ok_label="Make new key",
        ):
            return

        def made(result: Changed[str]) -> None:
            from ui.pages.settings.recovery_key import RecoveryKeyDialog

            dialog = RecoveryKeyDialog(result.value, self._prompts, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        self._worker.command(
            lambda j: j.regenerate_recovery_key(),
            made,
            lambda error: self._prompts.show_error(error, "New recovery key"),
        )

    def show_audit_log(self) -> QDialog:
        from ui.pages.settings.audit_log import AuditLogDialog

        dialog = AuditLogDialog(self._worker, self._prompts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start()
        self.audit_dialog = dialog
        return dialog

    def review_retention(self) -> QDialog:
        """The reviewed list of records past retention and their erasure (its own dialog)."""
        from ui.pages.retention.review import RetentionReviewDialog

        dialog = RetentionReviewDialog(self._worker, self._prompts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.reload()
        self.retention_dialog = dialog
        return dialog

    def new_data_key(self) -> None:
        """Re-encrypt the whole vault under a new data key (``Journal.rekey``), then relock."""
        passphrase = self._prompts.ask_text(
            "New data key",
            "A new data key re-encrypts your whole journal, so old key files, old recovery "
            "keys and old backups no longer open it. You get a new recovery key, and unlock "
            "again afterwards. Enter your passphrase:",
            password=True,
        )
        if not passphrase or not self._prompts.confirm(
            "New data key",
            "Re-encrypt the journal now? This can take a minute for a large journal.",
            ok_label="Re-encrypt",
        ):
            return

        shown = self._rekey_progress_dialog()
        relay = RekeyProgressRelay(shown)

        def made(result: Changed[str]) -> None:
            from ui.pages.settings.recovery_key import RecoveryKeyDialog

            shown.close()
            self.relock_needed.emit()
            dialog = RecoveryKeyDialog(result.value, self._prompts, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        def failed(error: BaseException) -> None:
            shown.close()
            self._prompts.show_error(error, "New data key")

        self._worker.command(
            # No change set: the journal is locked afterwards, no page may reload from it.
            lambda j: Changed(j.rekey(passphrase, progress=relay.report), Changes()),
            made,
            failed,
        )

    def _rekey_progress_dialog(self) -> QProgressDialog:
        """Modal and without Cancel: a rekey half done is finished or undone only at unlock."""
        shown = QProgressDialog("Checking every seal…", "", 0, 100, self)
        shown.setObjectName("rekeyProgress")
        shown.setWindowTitle("New data key")
        shown.setAccessibleName("New data key progress")
        shown.setCancelButton(None)
        shown.setWindowModality(Qt.WindowModality.WindowModal)
        shown.setMinimumDuration(0)
        shown.setAutoClose(False)
        shown.setAutoReset(False)
        shown.setValue(0)
        shown.show()
        return shown

    def export_vault(self) -> None:
        target = self._prompts.save_file(
            "Export the whole vault", "mentor-journal-export.json", "JSON (*.json)"
        )
        if target is None:
            return
        self._worker.command(
            lambda j: j.export_json(target),
            self._finisher(
                "Export", f"Exported to {target}. This file is NOT encrypted: keep it safe."
            ),
            lambda error: self._prompts.show_error(error, "Export"),
        )

    def import_vault(self) -> None:
        source = self._prompts.open_file("Import from file", "", "JSON (*.json)")
        if source is None:
            return
        self._worker.command(
            lambda j: j.import_json(source),
            self._finisher("Import", "Imported."),
            lambda error: self._prompts.show_error(error, "Import"),
        )

    def record_keeping(self) -> RecordKeepingDialog:
        """The service profile, signer and lists (a dialog of its own: they are vault data)."""
        dialog = RecordKeepingDialog(self._worker, self._prompts, self)
        dialog.load()
        dialog.open()
        return dialog

    def erase_mentee(self) -> None:
        self._worker.query(load_mentee_rows, self._choose_mentee_to_erase, self._prompts.show_error)

    def _choose_mentee_to_erase(self, rows: list[MenteeRow]) -> None:
        if not rows:
            self._prompts.inform("Erase a mentee", "There are no mentees.")
            return
        code = self._prompts.ask_item(
            "Erase a mentee", "Whose whole record should be erased?", [r.code for r in rows]
        )
        if code is None:
            return
        row = next(r for r in rows if r.code == code)
        self._worker.query(
            lambda j: j.record_counts(row.id),
            lambda counts: self._confirm_erase(row, counts),
            self._prompts.show_error,
        )

    def _confirm_erase(self, row: MenteeRow, counts: dict[str, int]) -> None:
        code = row.code
        what = describe_counts(counts)
        typed = self._prompts.ask_text(
            "Erase a mentee",
            f"This permanently erases {code}'s whole record"
            + (f" ({what})" if what else "")
            + f". It cannot be undone. Type {code} to confirm:",
        )
        if typed is None or typed.strip() != code:
            if typed is not None:
                self._prompts.inform(
                    "Erase a mentee", "The code did not match; nothing was erased."
                )
            return
        self._worker.command(
            lambda j: j.erase_mentee(row.id),
            lambda _r: self._prompts.inform("Erase a mentee", f"{code} was erased."),
            lambda error: self._prompts.show_error(error, "Erase a mentee"),
        )


class _VerticalScroll(QScrollArea):
    """Scrolls up and down only, and is always as wide as its content needs."""

    def _with_bar(self, size: QSize) -> QSize:
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(size.width() + extra, min(size.height(), 160))

    def minimumSizeHint(self) -> QSize:
        inner = self.widget()
        return self._with_bar(inner.minimumSizeHint() if inner is not None else QSize())

    def sizeHint(self) -> QSize:
        inner = self.widget()
        hint = inner.sizeHint() if inner is not None else QSize()
        return QSize(self._with_bar(hint).width(), hint.height())


_COUNT_LABELS = {
    "session_notes": "session notes",
    "addenda": "addenda",
    "goals": "goals",
    "coping_plan_versions": "coping-plan versions",
    "contacts": "contacts",
    "places": "places",
    "consents": "consent records",
    "resources": "resources",
    "reflections": "linked reflections",
    "supervision_items": "supervision items",
}


def describe_counts(counts: dict[str, int]) -> str:
    """``{"session_notes": 3, "goals": 1}`` -> "3 session notes, 1 goals" (empty kinds left out)."""
    return ", ".join(
        f"{n} {_COUNT_LABELS.get(table, table.replace('_', ' '))}"
        for table, n in counts.items()
        if n
    )
