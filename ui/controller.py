"""The app's state machine: welcome → create/unlock → main → locked (unlock) → main …

Why one place: locking must happen the same way whether it comes from Ctrl+L, the idle timer,
the screen locking, or closing the window: ask every page to save, queue the lock after those
saves on the worker thread, clear every view and model, then show the unlock window. The
controller owns the windows and wires the signals; the windows know nothing of each other.
Heavy modules (journal, vault, cryptography, sqlcipher3) are imported only inside the worker
jobs below, so the unlock window appears as fast as a bare Qt window.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from mentorjournal.clock import Clock
from mentorjournal.errors import OlderCopy
from mentorjournal.paths import VaultPaths
from ui.locking import IdleLock, SystemLockWatcher
from ui.prompts import Prompts
from ui.settings import AppSettings
from ui.sync_timer import AutoSync
from ui.worker import JournalWorker

if TYPE_CHECKING:  # imported by the worker's jobs, so the unlock window opens as bare Qt
    from mentorjournal.journal import Journal

log = logging.getLogger(__name__)

#: After the unlock window appears, wait this long (first paint, idle) before warming up.
WARM_UP_DELAY_MS = 250
#: After the main window is shown with pages still to build, wait this long (its first
#: paint) before building them, one per turn of the event loop.
REST_OF_PAGES_DELAY_MS = 100
#: After the main window is shown, wait this long (its first paint, the mentor's first look)
#: before loading the supervision summary's modules in the worker.
EXPORT_WARM_UP_DELAY_MS = 1000


class State(enum.StrEnum):
    WELCOME = "welcome"
    CREATE = "create"
    UNLOCK = "unlock"
    OPENING = "opening"
    MAIN = "main"
    CLOSED = "closed"


@dataclass
class JournalOpener:
    """How the worker thread creates and opens journals (tests pass a fast KDF)."""

    clock: Clock
    state_dir: Path
    kdf: Any = None

    def create(self, paths: VaultPaths, passphrase: str) -> tuple[Journal, str]:
        from mentorjournal.journal import Journal

        return Journal.create(
            paths, passphrase, clock=self.clock, state_dir=self.state_dir, kdf=self.kdf
        )

    def open(
        self,
        paths: VaultPaths,
        secret: str,
        via_recovery: bool,
        demo: bool = False,
        accept_older_copy: bool = False,
    ) -> Journal:
        from mentorjournal.journal import Journal

        opener = Journal.open_with_recovery_key if via_recovery else Journal.open
        return opener(
            paths,
            secret,
            clock=self.clock,
            state_dir=self.state_dir,
            is_demo=demo,
            accept_older_copy=accept_older_copy,
        )

    def open_demo(self, paths: VaultPaths) -> Journal:
        """The separate demo vault: made with synthetic data on first use, then reopened."""
        from mentorjournal import demo

        if paths.exists():
            return self.open(paths, demo.DEMO_PASSPHRASE, False, demo=True)
        journal, _passphrase = demo.create_demo_vault(
            paths, clock=self.clock, state_dir=self.state_dir, kdf=self.kdf
        )
        return journal


def demo_passphrase() -> str:
    from mentorjournal import demo

    return str(demo.DEMO_PASSPHRASE)


class AppController(QObject):
    """Owns the windows and moves between them; the only place that opens or locks the vault."""

    state_changed = Signal(str)
    #: Emitted after every lock with the reason (tests and the smoke test wait on it).
    locked = Signal(str)
    #: Emitted after a successful unlock or create, once the main window is shown.
    unlocked = Signal()

    def __init__(
        self,
        *,
        worker: JournalWorker,
        prompts: Prompts,
        settings: AppSettings,
        clock: Clock,
        paths: VaultPaths,
        opener: JournalOpener,
        demo_paths: VaultPaths | None = None,
        demo: bool = False,
        apply_appearance: Callable[[], None] | None = None,
        watch_system_lock: bool = True,
        idle_tick_ms: int = 1000,
        on_quit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.worker = worker
        self.prompts = prompts
        self.settings = settings
        self.clock = clock
        self.paths = paths
        self.demo_paths = demo_paths
        self.opener = opener
        self.demo = demo
        self.state = State.WELCOME
        self._apply_appearance = apply_appearance
        self._on_quit = on_quit
        self._windows: dict[str, QWidget] = {}
        self.idle = IdleLock(clock, settings.auto_lock_minutes, self, tick_ms=idle_tick_ms)
        self.idle.lock_due.connect(
            lambda: self.lock(f"Locked after {self.idle.minutes} minutes without activity.")
        )
        self._last_daily_backup: date | None = None
        self._unlock_path_warm = False
        self._export_path_warm = False
        self._slicing = False
        #: The main window's first reads, queued behind the unlock (see ``_read_ahead``).
        self._first_reads: _FirstReads | None = None
        worker.changed.connect(self._after_change)
        self.auto_sync = AutoSync(worker, self)
        self.unlocked.connect(self.auto_sync.start)
        self.locked.connect(self.auto_sync.stop)
        # Screen-lock and suspend are watched once the first window is up (the unlock warm-up,
        # else show_main): while locked a signal changes nothing, and the D-Bus connections
        # would only delay the first window.
        self._watch_system_lock = watch_system_lock
        self.system_lock: SystemLockWatcher | None = None

    # -- windows (built on first use) ----------------------------------------------------------
    @property
    def welcome(self) -> Any:
        if "welcome" not in self._windows:
            from ui.windows.welcome import WelcomeWindow

            window = WelcomeWindow()
            window.create_requested.connect(self.show_create)
            window.demo_requested.connect(self.explore_demo)
            self._windows["welcome"] = window
        return self._windows["welcome"]

    @property
    def create_window(self) -> Any:
        if "create" not in self._windows:
            from ui.windows.create_vault import CreateVaultWindow

            window = CreateVaultWindow(self.prompts)
            window.create_requested.connect(self.create_vault)
            window.cancelled.connect(self.show_welcome)
            window.finished.connect(self.show_main)
            self._windows["create"] = window
        return self._windows["create"]

    @property
    def unlock_window(self) -> Any:
        if "unlock" not in self._windows:
            from ui.windows.unlock import UnlockWindow

            window = UnlockWindow(self.clock, demo=self.demo)
            window.unlock_requested.connect(self.unlock)
            window.restore_requested.connect(self.restore_from_backup)
            self._windows["unlock"] = window
        return self._windows["unlock"]

    @property
    def main_window(self) -> Any:
        """The main window with every page built (pages the warm-up has not reached yet are
        built now)."""
        window = self._main_shell()
        window.ensure_pages()
        return window

    def _main_shell(self) -> Any:
        """The main window, made without its pages when it does not exist yet."""
        if "main" not in self._windows:
            from ui.windows.main_window import MainWindow

            window = MainWindow(
                self.worker,
                self.prompts,
                self.settings,
                self.clock,
                demo=self.demo,
                build_pages=False,
            )
            window.lock_requested.connect(lambda: self.lock("Locked."))
            window.settings_changed.connect(self.apply_settings)
            window.close_handler = self._on_main_close
            self.idle.remaining_changed.connect(window.status.set_lock_remaining)
            self._windows["main"] = window
        return self._windows["main"]

    def window(self, name: str) -> QWidget | None:
        return self._windows.get(name)

    def _show_only(self, name: str, window: QWidget) -> None:
        for key, other in self._windows.items():
            if key != name and other.isVisible():
                other.hide()
        window.show()
        window.raise_()
        window.activateWindow()

    def _set_state(self, state: State) -> None:
        self.state = state
        self.state_changed.emit(state.value)

    # -- flows -------------------------------------------------------------------------------
    def start(self) -> None:
        """First screen: demo, unlock when a vault exists, otherwise the welcome choice."""
        if self.demo:
            self.explore_demo()
        elif self.paths.exists():
            self.show_unlock()
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        self._set_state(State.WELCOME)
        self._show_only("welcome", self.welcome)

    def show_create(self) -> None:
        self._set_state(State.CREATE)
        self._show_only("create", self.create_window)
        self.create_window.passphrase.setFocus()

    def show_unlock(self, reason: str = "") -> None:
        self._set_state(State.UNLOCK)
        window = self.unlock_window
        window.set_reason(reason)
        self.describe_vault(window)
        self._show_only("unlock", window)
        window.secret.setFocus()
        if not self._unlock_path_warm:
            # While the mentor types, load what unlocking needs in the worker thread, then
            # build the (empty, hidden) main window here: done at unlock instead, the imports
            # delayed the KDF by ~0.2-0.4 s and building competed with it for both cores.
            self._unlock_path_warm = True
            QTimer.singleShot(
                WARM_UP_DELAY_MS,
                lambda: self.worker.prepare(_import_unlock_path, self._prebuild_main_window),
            )

    def describe_vault(self, window: Any) -> None:
        """Say which vault the unlock window opens, in words rather than a raw path.

        The default vault needs no words at all; another folder (``--vault``) is named by its
        last part, with the full path in the tooltip for whoever needs it.
        """
        from mentorjournal.paths import default_vault_dir

        label = window.vault_label
        label.setToolTip(str(self.paths.root))
        if self.demo:
            label.setText(f"Demo vault (synthetic data). Demo passphrase: {demo_passphrase()}")
        elif self.paths.root == default_vault_dir():
            label.setText("")
        else:
            label.setText(f"Vault folder: {self.paths.root.name}")
        label.setVisible(bool(label.text()))

    def create_vault(self, passphrase: str) -> None:
        paths, opener = self.paths, self.opener
        # Made (no journal is open yet) as a "prepare" job, then handed to the worker as the
        # journal by an "open" job: the recovery key never becomes the worker's state.
        self.worker.prepare(
            lambda: _CreatedJournal(*opener.create(paths, passphrase)),
            self._created,
            self.create_window.show_failure,
        )

    def _created(self, created: _CreatedJournal) -> None:
        journal, recovery_key = created.journal, created.recovery_key
        self.worker.open(lambda: journal)
        created.recovery_key = ""
        self.create_window.show_recovery_key(recovery_key)

    def explore_demo(self) -> None:
        if self.demo_paths is None:
            from mentorjournal.paths import demo_vault_dir

            self.demo_paths = VaultPaths(demo_vault_dir())
        self.demo = True
        self.paths = self.demo_paths
        self._set_state(State.OPENING)
        welcome = self._windows.get("welcome")
        if welcome is not None:
            welcome.setEnabled(False)
        paths, opener = self.paths, self.opener
        self.worker.open(lambda: opener.open_demo(paths), self._opened, self._demo_failed)

    def _demo_failed(self, error: BaseException) -> None:
        self.prompts.show_error(error, "Demo vault")
        welcome = self._windows.get("welcome")
        if welcome is not None:
            welcome.setEnabled(True)

    def unlock(self, secret: str, via_recovery: bool, accept_older_copy: bool = False) -> None:
        self._set_state(State.OPENING)
        paths, opener, demo = self.paths, self.opener, self.demo

        def failed(error: BaseException) -> None:
            if isinstance(error, OlderCopy) and not accept_older_copy:
                self._ask_about_older_copy(error, secret, via_recovery)
            else:
                self._unlock_failed(error)

        self.worker.open(
            lambda: opener.open(
                paths, secret, via_recovery, demo=demo, accept_older_copy=accept_older_copy
            ),
            self._opened,
            failed,
        )
        self._first_reads = None
        self._read_ahead()
        # The KDF takes about a second in the worker while this thread idles: build the main
        # window now (once; hidden) so it is ready the moment the vault opens. Any query a page
        # posts while being built queues behind the open job.
        QTimer.singleShot(0, self._prepare_main_window)

    def _read_ahead(self) -> None:
        """Queue the main window's first reads (the caseload home, the mentee list) right behind
        the unlock, once the home page exists: the worker runs them the moment the vault is
        open instead of waiting for this thread to hear of it and ask (a round trip that, on
        a busy machine, waited behind whatever this thread was doing). ``show_main`` shows
        the window when they are in. Nothing is read if the unlock fails: the reads then fail
        too, quietly (the unlock window says why).
        """
        window: Any = self._windows.get("main")
        if (
            self.state is not State.OPENING
            or self._first_reads is not None
            or window is None
            or not window.home_shows_first()
        ):
            return
        reads = _FirstReads({"home", "mentees"})
        self._first_reads = reads

        def failed(error: BaseException) -> None:
            if self.state is State.MAIN:  # the vault is open: a real failure, say so
                self.prompts.show_error(error)

        window.prefetch_home(partial(reads.settled, "home"), failed)
        window.refresh_mentees(settled=partial(reads.settled, "mentees"), failed=failed)

    def _prepare_main_window(self) -> None:
        if self.state is State.OPENING:
            self._build_main_in_slices()

    def _prebuild_main_window(self, _imported: object = None) -> None:
        """Build the main window while the unlock window waits for the passphrase.

        It holds nothing until unlock fills it: the same state as after a lock, which keeps
        the window (cleared). The one off-screen render (``grab``, then dropped) pays the
        first paint's polish, layout and glyph caches now rather than after the KDF (~6 ms of
        each unlock). The idle lock's input filter and the screen-lock watcher each cost a
        one-off ~20 and ~5 ms the first time they run; they are readied here too, so none of
        it falls between KDF and list.
        """
        if self.state is State.UNLOCK:
            self._build_main_in_slices()

    def _build_main_in_slices(self) -> None:
        """Build the main window one slice per turn of the event loop, keys in between.

        Built in one go it held the GUI thread 50 ms on a quiet machine and 230-345 ms on a
        busy one, while the mentor typed. The slices: the shell, each page, then the render,
        the idle filter and the screen-lock watch, while locked or while the KDF runs.
        Slicing stops when the window is about to show: ``main_window`` builds whatever is
        left, and ``show_main`` pays for the rest.
        """
        if self._slicing:
            return
        self._slicing = True
        extras: list[Callable[[], object]] = [
            lambda: self._grab_offscreen(self._windows["main"]),
            lambda: self.idle.prepare_for(self._windows["main"]),
            self._watch_system_locking,
        ]

        def step() -> None:
            window: Any = self._windows.get("main")
            shown = window is not None and window.isVisible()
            if self.state not in (State.UNLOCK, State.OPENING) and not (
                self.state is State.MAIN and shown
            ):
                # Opened but not shown yet: nothing may delay the first paint; ``_reveal_main``
                # starts the slices again once it is done.
                self._slicing = False
                return
            if window is None:
                self._main_shell()
            elif not window.first_page_built():
                window.build_next_page()  # the home first, and its read can queue now
                self._read_ahead()
            elif extras and not shown:
                # Then, while locked or while the KDF runs (it keeps one core, this thread
                # uses the other), what showing the home would otherwise pay after unlock.
                extras.pop(0)()
            elif window.pages_pending() and self.state is not State.OPENING:
                # Not while the KDF runs: a page still being built when it ends held the
                # GIL against the open and the home's read (each SQLite call waits for it),
                # ~40 ms later to a filled home. The rest is built after the first paint.
                window.build_next_page()
            else:
                self._slicing = False
                return
            # Tied to the window: a window deleted meanwhile (app or test ending) stops it.
            QTimer.singleShot(0, self._windows["main"], step)

        step()

    @staticmethod
    def _grab_offscreen(window: QWidget) -> None:
        window.grab()  # rendered once and dropped: the first paint's caches, filled now

    def _ask_about_older_copy(self, error: BaseException, secret: str, via_recovery: bool) -> None:
        """A blocking choice: nothing was written; open this older copy only on a yes."""
        if self.prompts.confirm(
            "Older copy of your vault",
            f"{error}\n\nOpen this older copy anyway? From then on it is the copy in use.",
            ok_label="Open the older copy",
            destructive=True,
        ):
            self.unlock(secret, via_recovery, accept_older_copy=True)
        else:
            self._unlock_failed(error)

    def _unlock_failed(self, error: BaseException) -> None:
        self._first_reads = None
        self._set_state(State.UNLOCK)
        self.unlock_window.show_failure(error)

    def _opened(self, journal: Journal | None) -> None:
        if "unlock" in self._windows:
            self.unlock_window.unlocked()
        notices = [
            (title, str(text))
            for title, text in (
                ("Older copy of your vault", journal.rollback_warning if journal else None),
                ("Your disk is full", journal.open_notice if journal else None),
            )
            if text
        ]

        via_recovery = bool(getattr(journal, "unlocked_via_recovery", False))

        def warn() -> None:  # over the main window, once it shows
            for title, text in notices:
                self.prompts.warn(title, text)
            if via_recovery:
                self.offer_new_passphrase()

        self.show_main(then=warn if notices or via_recovery else None)

    def offer_new_passphrase(self) -> None:
        """After a recovery-key unlock: the mentor who forgot the passphrase sets a new one."""
        if not self.prompts.confirm(
            "Set a new passphrase?",
            "You unlocked with your recovery key. If you have forgotten your passphrase, set a "
            "new one now. Your recovery key keeps working.",
            ok_label="Set a new passphrase",
        ):
            return
        new = self.prompts.ask_text("New passphrase", "New passphrase:", password=True)
        if not new:
            return
        if self.prompts.ask_text("New passphrase", "Type it again:", password=True) != new:
            self.prompts.warn("New passphrase", "The two passphrases differ; nothing changed.")
            return
        self.worker.command(
            lambda j: j.reset_passphrase(new),
            lambda _r: self.prompts.inform(
                "New passphrase", "Your new passphrase is set. Your recovery key still works."
            ),
            lambda error: self.prompts.show_error(error, "New passphrase"),
        )

    def _after_change(self, _changes: object) -> None:
        """The day's first change triggers the automatic rotating backup, queued after it."""
        today = self.clock.now().date()
        if self.demo or self.state is not State.MAIN or self._last_daily_backup == today:
            return
        self._last_daily_backup = today
        folder, keep = self.settings.backup_folder, self.settings.backup_keep
        self.worker.query(
            lambda journal: journal.daily_backup(folder, keep),
            None,
            lambda error: self.prompts.show_error(error, "Automatic backup"),
        )

    def show_main(self, then: Callable[[], None] | None = None) -> None:
        """Open the main window on the vault just unlocked or created; ``then`` once shown.

        Only the home must be built to show it; pages the warm-up did not reach yet are built
        a slice at a time after the first paint (or at once by whatever asks for one)."""
        window = self._main_shell()
        window.ensure_first_page()
        window.setWindowTitle(main_window_title(self.demo))
        window.reopen()
        self._set_state(State.MAIN)
        # The list is read in about a millisecond: show the window once it is in, painted
        # once with the list, rather than empty first and again a few milliseconds later
        # (~5 ms less to a usable list at unlock). A failed read shows the window too.
        # The caseload home (the first page) is read in the same breath and the window waits
        # for it as well: one paint with both, ~20-40 ms sooner to a filled home.
        waiting = {"mentees", "home"}

        def settled(part: str) -> None:
            waiting.discard(part)
            if not waiting:
                self._reveal_main(then)

        # The home's read is queued first: the list (a millisecond) then arrives last and the
        # window shows in the same turn as its rows, as it did before the home was waited for.
        # At unlock both were usually queued already, right behind the KDF (``_read_ahead``).
        reads, self._first_reads = self._first_reads, None
        if reads is None:
            window.prefetch_home(partial(settled, "home"))
            window.refresh_mentees(settled=partial(settled, "mentees"))
        else:
            reads.when_done(partial(self._reveal_main, then))
        window.check_erasure_due()

    def _reveal_main(self, then: Callable[[], None] | None) -> None:
        """Show the main window and start watching for idleness (unless locked meanwhile)."""
        window = self._main_shell()
        if self.state is not State.MAIN or window.isVisible():
            return
        self._show_only("main", window)
        if window.pages_pending():
            QTimer.singleShot(REST_OF_PAGES_DELAY_MS, window, self._build_main_in_slices)
        self.idle.set_minutes(self.settings.auto_lock_minutes)
        self.idle.start()
        self._watch_system_locking()
        self.unlocked.emit()
        if not self._export_path_warm:
            self._export_path_warm = True
            QTimer.singleShot(
                EXPORT_WARM_UP_DELAY_MS, lambda: self.worker.prepare(_import_export_path)
            )
        if then is not None:
            then()

    def _watch_system_locking(self) -> None:
        if not self._watch_system_lock or self.system_lock is not None:
            return
        self.system_lock = SystemLockWatcher(self)
        self.system_lock.system_locking.connect(lambda why: self.lock(f"Locked because of {why}."))

    def lock(self, reason: str = "Locked.") -> None:
        """Save drafts, lock the vault after those saves, clear every view, show unlock."""
        if self.state is not State.MAIN:
            return
        self.idle.stop()
        window = self.main_window
        window.save_all()
        self.auto_sync.publish_before_lock()
        self.auto_sync.stop()
        self.worker.close(_lock_journal, None, self.prompts.show_error)
        close_open_dialogs()
        window.clear()
        self.show_unlock(reason)
        self.locked.emit(reason)

    def apply_settings(self) -> None:
        self.idle.set_minutes(self.settings.auto_lock_minutes)
        if self._apply_appearance is not None:
            self._apply_appearance()

    def restore_from_backup(self) -> None:
        backup = self.prompts.open_file(
            "Restore from backup", str(self.settings.backup_folder), "Backups (*)"
        )
        if backup is None:
            return
        passphrase = self.prompts.ask_text(
            "Restore from backup", "Passphrase of the backup:", password=True
        )
        if not passphrase:
            return
        paths, opener = self.paths, self.opener

        def restore() -> None:
            from mentorjournal import backup as backup_module

            backup_module.restore_backup(
                backup, paths, passphrase, clock=opener.clock, state_dir=opener.state_dir
            )
            # ``open`` keeps what this returns as the journal: the vault stays locked.

        self.worker.open(
            restore,
            lambda _r: self.prompts.inform(
                "Backup restored",
                "The backup was checked and restored. Unlock it with the passphrase it had.",
            ),
            self.prompts.show_error,
        )

    def _on_main_close(self) -> bool:
        """Closing the main window locks (after saving) and ends the app."""
        if self.state is State.MAIN:
            self.lock("Closed.")
        self._set_state(State.CLOSED)
        for window in self._windows.values():
            window.hide()
        if self._on_quit is not None:
            self._on_quit()
        else:
            app = QApplication.instance()
            if app is not None:
                app.quit()
        return True

    def shutdown(self) -> None:
        """On quit: lock if open, then let the worker finish its queue and stop."""
        if self.state is State.MAIN:
            self.lock("Closed.")
        self.worker.close(_lock_journal)
        self.worker.shutdown()


def main_window_title(demo: bool) -> str:
    """Ends with the app's name: Qt appends the display name to any title that does not,
    which made "Mentor Journal — DEMO (synthetic data) — Mentor Journal"."""
    return "DEMO (synthetic data) — Mentor Journal" if demo else "Mentor Journal"


class _FirstReads:
    """Reads queued before the vault opened; ``when_done`` runs once every part settled."""

    def __init__(self, parts: set[str]) -> None:
        self._waiting = set(parts)
        self._then: Callable[[], None] | None = None

    def settled(self, part: str) -> None:
        self._waiting.discard(part)
        self._run()

    def when_done(self, then: Callable[[], None]) -> None:
        self._then = then
        self._run()

    def _run(self) -> None:
        if not self._waiting and self._then is not None:
            then, self._then = self._then, None
            then()


@dataclass
class _CreatedJournal:
    journal: Journal
    recovery_key: str


def close_open_dialogs() -> None:
    """Lock closes every open dialog (a question, a passphrase form): none may outlive the lock."""
    from PySide6.QtWidgets import QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def _import_unlock_path() -> None:
    """Import what unlocking needs (runs in the worker thread while the mentor types).

    The vault, the journal, SQLCipher and cryptography for opening, and what a first open
    reads (``prepare_to_open``); the main window's pages for showing it (imports only:
    widgets are made in the GUI thread, while the passphrase is typed).
    """
    import mentorjournal.vault.unlocked  # noqa: F401
    from mentorjournal.journal import prepare_to_open
    from ui.windows.page_registry import import_pages

    import_pages()
    prepare_to_open()


def _import_export_path() -> None:
    """Import the supervision summary's preview, exporters and anonymiser (worker thread,
    once, a second after the first unlock).

    Imported when the preview opened, they held the GUI thread 50-300 ms (the anonymiser
    compiles its patterns at import) just as the mentor clicked; start-up and the unlock
    warm-up should not pay for them either.
    """
    import ui.pages.supervision.export_dialog  # noqa: F401


def _lock_journal(journal: Journal) -> None:
    journal.lock()


def default_retention(clock: Clock, years: int = 7) -> str:
    """Default keep-until date offered when archiving (organisations often keep 7 years)."""
    return (clock.now().date() + timedelta(days=365 * years)).isoformat()
