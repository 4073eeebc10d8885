"""Every window, page, dialog and tab of the real app, reachable by name.

Why one tour for two tools: the layout audit (``ui.layout_audit``) and the README screenshots
(``ui.screenshots``) must look at the same views, so a picture never shows a screen the audit
did not check. The tour starts the real controller on a throw-away demo vault in a temporary
folder (the user's vault and settings are never touched) and brings each view forward through
the windows' public methods, as a mentor would by clicking.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

#: A passphrase that is long enough to be rated "Very strong." (the meter's longest verdict).
SAMPLE_PASSPHRASE = "quiet harbour lantern seventeen maple"


@dataclass(frozen=True)
class View:
    """One screen: ``show`` brings it up and returns its top-level widget."""

    name: str
    show: Callable[[], QWidget]
    #: A dialog keeps its own size (clamped to the screen); a window fills the screen size.
    dialog: bool = False


class Tour:
    """The app on a demo vault, and the list of views to visit."""

    def __init__(self, work: Path) -> None:
        from mentorjournal.clock import SystemClock
        from mentorjournal.paths import VaultPaths
        from ui.app import create_application
        from ui.controller import AppController, JournalOpener
        from ui.prompts import ScriptedPrompts
        from ui.settings import AppSettings, Theme
        from ui.theme import ThemeManager
        from ui.worker import JournalWorker

        app = create_application(["mentorjournal-tour"])
        assert isinstance(app, QApplication)
        self.app = app
        self.theme = ThemeManager(app)
        self.theme.apply(Theme.LIGHT, 100)
        clock = SystemClock()
        self.prompts = ScriptedPrompts()
        self.worker = JournalWorker()
        self.controller = AppController(
            worker=self.worker,
            prompts=self.prompts,
            settings=AppSettings.at_path(work / "settings.ini"),
            clock=clock,
            paths=VaultPaths(work / "vault"),
            demo_paths=VaultPaths(work / "demo-vault"),
            opener=JournalOpener(clock, work / "state"),
            watch_system_lock=False,
        )
        self._open_windows: list[QWidget] = []

    # -- waiting -------------------------------------------------------------------------------
    def settle(self, seconds: float = 0.1) -> None:
        """Let queued jobs, debounces, layouts and repaints finish."""
        end = time.monotonic() + seconds
        while time.monotonic() < end or self.worker.pending:
            self.app.processEvents()
            time.sleep(0.005)
            if time.monotonic() > end + 60:
                raise TimeoutError("the worker did not finish")

    def settle_layout(self, widget: QWidget, rounds: int = 40) -> None:
        """Process events until no widget under ``widget`` moves any more.

        Some layouts take a few passes (a row that wraps asks for more height, which can
        show a scroll bar, which narrows the row ...); a fixed wait is either slow or short.
        """
        last: tuple[tuple[int, int, int, int], ...] = ()
        still = 0
        for _ in range(rounds):
            self.settle(0.02)
            shape = tuple(
                (w.x(), w.y(), w.width(), w.height())
                for w in widget.findChildren(QWidget)
                if w.isVisible()
            )
            still = still + 1 if shape == last else 0
            if still == 4:
                return
            last = shape

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"timed out waiting for {what}")
            self.app.processEvents()
            time.sleep(0.005)

    # -- the demo vault ------------------------------------------------------------------------
    def open_demo(self) -> None:
        """Open the demo vault in the main window, first mentee chosen."""
        controller = self.controller
        controller.explore_demo()
        self.wait_for(lambda: controller.state.value == "main", "the demo vault")
        main = controller.main_window
        self.wait_for(lambda: main.mentees.rowCount() > 0, "the mentee list")
        main.mentee_view.setCurrentIndex(main.mentee_proxy.index(0, 0))
        self.settle(0.3)

    @property
    def main(self) -> Any:
        return self.controller.main_window

    def hide_dialogs(self) -> None:
        for widget in self._open_windows:
            widget.hide()
        self._open_windows.clear()

    # -- the views -------------------------------------------------------------------------------
    def views(self) -> list[View]:
        """Every screen, in the order a mentor meets them."""
        views = [
            View("first-run", self._welcome),
            View("create-vault", self._create),
            View("recovery-key", self._recovery_step),
            View("unlock", self._unlock),
            View("unlock-recovery-key", self._unlock_recovery),
        ]
        views.append(View("home", partial(self._area, "home")))
        main_tabs = (
            "sessions", "goals", "coping_plan", "people", "resources", "disclosures",
            "appointments", "measures",
        )  # fmt: skip
        names = {"sessions": "main-window", "coping_plan": "coping-plan"}
        for key in main_tabs:
            views.append(View(names.get(key, key), partial(self._tab, key)))
        views.append(View("session-editor", self._session_editor))
        views.append(View("cosigned-note", self._cosigned_note))
        views.append(View("cosign-dialog", self._cosign_dialog, dialog=True))
        views.extend(self._people_tabs())
        for key in ("reflection", "self_review", "supervision", "cpd"):
            views.append(View(key.replace("_", "-"), partial(self._area, key)))
            if key == "supervision":
                views.append(View("supervision-ledger", self._supervision_ledger))
                views.append(View("supervision-signed-off", self._supervision_signed_off))
        views.append(View("search", self._search, dialog=True))
        views.append(View("settings", self._settings, dialog=True))
        views.append(View("record-keeping", self._record_keeping, dialog=True))
        views.append(View("record-keeping-rules", partial(self._record_keeping, 1), dialog=True))
        views.append(
            View("record-keeping-retention", partial(self._record_keeping, 2), dialog=True)
        )
        views.append(View("retention-review", self._retention_review, dialog=True))
        views.append(View("subject-access", self._subject_access, dialog=True))
        views.append(View("supervision-preview", self._supervision_preview, dialog=True))
        views.append(View("change-passphrase", self._change_passphrase, dialog=True))
        views.append(View("supervision-agreement", self._supervision_agreement, dialog=True))
        views.append(View("supervision-signoff", self._supervision_signoff, dialog=True))
        views.extend(self._optional_dialogs())
        return views

    def _optional_dialogs(self) -> Iterator[View]:
        """Dialogs opened from inside a page or dialog, where the app has them."""
        from ui.pages.cpd.page import CpdPage
        from ui.pages.settings.dialog import SettingsDialog

        if hasattr(SettingsDialog, "show_audit_log"):
            yield View("audit-log", self._audit_log, dialog=True)
        if hasattr(CpdPage, "choose_scheme"):
            yield View("cpd-scheme", self._cpd_scheme, dialog=True)
        yield View("appointment-outcome", self._appointment_outcome, dialog=True)
        yield View("print-timesheet", self._print_timesheet, dialog=True)
        yield View("hour-allocation", self._hour_allocation, dialog=True)

    def _audit_log(self) -> QWidget:
        settings = self._settings()
        dialog = settings.show_audit_log()  # type: ignore[attr-defined]
        self.settle(0.2)
        return self._dialog(dialog)

    def _cpd_scheme(self) -> QWidget:
        self._area("cpd")
        page = self.main.page("cpd")
        self.wait_for(lambda: getattr(page, "_data", None) is not None, "the CPD log")
        return self._dialog(page.choose_scheme())

    def _appointments_loaded(self) -> Any:
        self._tab("appointments")
        page = self.main.page("appointments")
        self.wait_for(lambda: getattr(page, "_data", None) is not None, "the appointments")
        return page

    def _appointment_outcome(self) -> QWidget:
        from mentorjournal.domain.appointments import AppointmentStatus

        page = self._appointments_loaded()
        model = page.model
        for row in range(model.rowCount()):  # an early end shows every field of the dialog
            if model.record_at(row).status is AppointmentStatus.ENDED_EARLY:
                page.view.selectRow(row)
                break
        return self._dialog(page.record_outcome(AppointmentStatus.ENDED_EARLY))

    def _print_timesheet(self) -> QWidget:
        page = self._appointments_loaded()
        dialog = page.print_timesheet()
        dialog.path.setText(str(Path.home() / f"timesheet-{page._data.code}.pdf"))
        return self._dialog(dialog)

    def _hour_allocation(self) -> QWidget:
        return self._dialog(self._appointments_loaded().set_allocation())

    def _show_window(self, window: QWidget) -> QWidget:
        for other in (self.controller.window(n) for n in ("welcome", "create", "unlock", "main")):
            if other is not None and other is not window:
                other.hide()
        window.show()
        return window

    def _welcome(self) -> QWidget:
        return self._show_window(self.controller.welcome)

    def _create(self) -> QWidget:
        window = self.controller.create_window
        window.steps.setCurrentIndex(0)
        window.passphrase.setText(SAMPLE_PASSPHRASE)
        window.repeat.setText(SAMPLE_PASSPHRASE)
        return self._show_window(window)

    def _recovery_step(self) -> QWidget:
        from mentorjournal.vault.recovery import format_recovery_key, new_recovery_secret

        window = self.controller.create_window
        window.show_recovery_key(format_recovery_key(new_recovery_secret()))
        return self._show_window(window)

    def _unlock(self) -> QWidget:
        window = self.controller.unlock_window
        self.controller.describe_vault(window)
        window.set_recovery_mode(False)
        window.set_reason("Locked after 5 minutes without activity.")
        return self._show_window(window)

    def _unlock_recovery(self) -> QWidget:
        window = self._unlock()
        window.set_recovery_mode(True)  # type: ignore[attr-defined]
        return window

    def _tab(self, key: str) -> QWidget:
        main = self.main
        self._show_window(main)
        main.show_mentee_tab(key)
        self._select_first_row(main.page(key))
        return main  # type: ignore[no-any-return]

    def _area(self, key: str) -> QWidget:
        main = self.main
        self._show_window(main)
        main.show_area(key)
        self._select_first_row(main.page(key))
        return main  # type: ignore[no-any-return]

    def _people_tabs(self) -> Iterator[View]:
        """The People tab holds its own tabs (people, consent, ...): each is a view."""
        main = self.main
        pages = main.page("people").pages
        for index in range(1, pages.count()):
            title = pages.tabText(index).replace("&", "").lower().replace(" ", "-")
            yield View(f"people-{title}", partial(self._people_tab, index))

    def _people_tab(self, index: int) -> QWidget:
        window = self._tab("people")
        self.main.page("people").pages.setCurrentIndex(index)
        return window

    def _select_first_row(self, page: Any) -> None:
        self.settle(0.05)
        view = getattr(page, "view", None)
        if view is not None:
            model = view.model()
            if model is not None and model.rowCount() > 0 and not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
        self.settle(0.05)

    def _session_editor(self) -> QWidget:
        window = self._tab("sessions")
        page = self.main.page("sessions")
        model = getattr(page, "model", None)
        if model is not None and model.rowCount() > 0:
            note_id = model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
            if isinstance(note_id, str):
                page.open_note(note_id)
        self.settle(0.1)
        return window

    def _cosigned_note(self) -> QWidget:
        """The demo's co-signed note, scrolled to both signatures under it."""
        found: list[tuple[str, str]] = []

        def first_cosigned(journal: Any) -> tuple[str, str]:
            for mentee in journal.list_mentees():
                for note_id in journal.cosignatures_for(mentee.id):
                    return mentee.id, note_id
            raise LookupError("the demo has no co-signed note")

        self.main.worker.query(first_cosigned, found.append)
        self.wait_for(lambda: bool(found), "the co-signed note")
        mentee_id, note_id = found[0]
        self.main.select_mentee(mentee_id)
        window = self._tab("sessions")
        page = self.main.page("sessions")
        page.open_note(note_id)
        panel = page.editor.cosign_panel
        self.wait_for(lambda: panel.state.text().startswith("Co-signed"), "the co-signature")
        self.settle(0.1)
        page.editor_scroll.ensureWidgetVisible(panel, 0, 40)
        self.settle(0.1)
        return window

    def _cosign_dialog(self) -> QWidget:
        """The co-signature dialog, as a supervisor fills it in."""
        from datetime import date

        from ui.pages.sessions.cosign_dialog import CosignDialog

        self._show_window(self.main)
        today = date.today()
        dialog = CosignDialog(
            note_title="Session on Monday 9 March 2026, 10:00",
            signed_on=today,
            today=today,
            parent=self.main,
        )
        dialog.name.setText("Dr Robin Placeholder")
        dialog.role.setText("Clinical supervisor")
        dialog.comment.setPlainText("Read in supervision; the plan for the next session is agreed.")
        return self._dialog(dialog)

    def _supervision_page(self) -> Any:
        self._area("supervision")
        page = self.main.page("supervision")
        self.wait_for(lambda: page.ledger.data is not None, "the supervision ledger")
        return page

    def _supervision_ledger(self) -> QWidget:
        """The agreement and hours tab of the Supervision page."""
        page = self._supervision_page()
        page.tabs.setCurrentIndex(1)
        self.settle(0.1)
        return self.main  # type: ignore[no-any-return]

    def _supervision_signed_off(self) -> QWidget:
        """A signed-off meeting in the record form (locked)."""
        page = self._supervision_page()
        page.tabs.setCurrentIndex(0)
        rows = page.sessions.rowCount()
        signed = next(
            (r for r in range(rows) if page.sessions.is_signed_off(page.sessions.record_at(r).id)),
            None,
        )
        if signed is not None:
            page.sessions_view.selectRow(signed)
        self.settle(0.1)
        return self.main  # type: ignore[no-any-return]

    def _supervision_agreement(self) -> QWidget:
        page = self._supervision_page()
        page.tabs.setCurrentIndex(1)
        return self._dialog(page.open_agreement())

    def _supervision_signoff(self) -> QWidget:
        page = self._supervision_page()
        page.tabs.setCurrentIndex(0)
        rows = page.sessions.rowCount()
        unsigned = next(
            (
                r
                for r in range(rows)
                if not page.sessions.is_signed_off(page.sessions.record_at(r).id)
            ),
            None,
        )
        if unsigned is not None:
            page.sessions_view.selectRow(unsigned)
            self.settle(0.05)
        dialog = page.open_signoff()
        if dialog is None:
            raise LookupError("the demo has no supervision record to sign off")
        return self._dialog(dialog)

    def _dialog(self, dialog: QWidget) -> QWidget:
        self._open_windows.append(dialog)
        dialog.show()
        return dialog

    def _search(self) -> QWidget:
        self._show_window(self.main)
        search = self.main.open_search()
        search.query_edit.setText("anxious")
        self.wait_for(lambda: search.model.rowCount() > 0 or _search_done(search), "results")
        return self._dialog(search)

    def _settings(self) -> QWidget:
        self._show_window(self.main)
        return self._dialog(self.main.open_settings())

    def _record_keeping(self, tab: int = 0) -> QWidget:
        from ui.pages.settings.record_keeping import RecordKeepingDialog

        self._show_window(self.main)
        dialog = RecordKeepingDialog(self.main.worker, self.main.prompts, self.main)
        dialog.load()
        self.wait_for(lambda: bool(dialog.name.text()), "the record-keeping settings")
        dialog.tabs.setCurrentIndex(tab)
        return self._dialog(dialog)

    def _retention_review(self) -> QWidget:
        from ui.pages.retention.review import RetentionReviewDialog

        self._show_window(self.main)
        dialog = RetentionReviewDialog(self.main.worker, self.main.prompts, self.main)
        dialog.reload()
        self.wait_for(lambda: bool(dialog.status.text()), "the records past retention")
        return self._dialog(dialog)

    def _subject_access(self) -> QWidget:
        from ui.pages.retention.subject_access import SubjectAccessDialog

        self._show_window(self.main)
        rows = self.main.mentees
        first = next(  # the demo's M-001 has an open subject-access request
            rows.mentee(r) for r in range(rows.rowCount()) if rows.mentee(r).code == "M-001"
        )
        dialog = SubjectAccessDialog(
            self.main.worker, self.main.prompts, first.id, first.code, self.main
        )
        dialog.load()
        self.wait_for(lambda: "(the open request)" in dialog.due.text(), "the open request")
        return self._dialog(dialog)

    def _supervision_preview(self) -> QWidget:
        self._show_window(self.main)
        dialog = self.main.open_supervision_preview()
        mentees = getattr(dialog, "mentee_list", None)
        if mentees is not None and mentees.count() > 0:
            mentees.item(0).setCheckState(Qt.CheckState.Checked)
        refresh = getattr(dialog, "refresh", None)
        if refresh is not None:
            refresh()
            self.settle(0.2)
            status = getattr(dialog, "status_label", None)
            if status is not None:
                self.wait_for(lambda: "Anonymising" not in status.text(), "the preview", 60)
        return self._dialog(dialog)

    def _change_passphrase(self) -> QWidget:
        from ui.pages.settings.change_passphrase import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.main)
        return self._dialog(dialog)

    def close(self) -> None:
        self.hide_dialogs()
        self.controller.shutdown()
        for name in ("welcome", "create", "unlock", "main"):
            window = self.controller.window(name)
            if window is not None:
                window.hide()


def _search_done(search: Any) -> bool:
    return str(search.state_label.text()) not in {"", "Searching…"}
