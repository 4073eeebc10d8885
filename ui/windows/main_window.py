"""The main window: mentees and the mentor's own areas on the left, the chosen view on the right.

Pages
-----
Every content view is a :class:`ui.pages.base.Page` (the mentee tabs a
:class:`~ui.pages.base.MenteePage`), constructed as ``Page(worker, prompts, parent)``. The base
owns the lifecycle: ``set_mentee`` (mentee tabs), ``on_changes`` (reload only for the change
flags the page wants), ``clear`` (on lock; afterwards the page holds no record, which a test
checks model by model), ``save_now`` (lock, Ctrl+S, close: queued before the lock's ``close``
job), ``find_in_view`` (Ctrl+F), ``open_record`` (a search hit) and the signals
``save_state_changed`` and ``record_requested``. The Sessions tab adds ``new_note`` (Ctrl+N).

The window lays out the sidebar (:mod:`ui.windows.sidebar`) beside the pages, which
:mod:`ui.windows.page_registry` names and builds; it switches between them, routes search hits
and timeline rows to the page that shows them, and opens the dialogs. Adding and archiving a
mentee are in :mod:`ui.windows.mentee_actions`. Public methods
below (``select_mentee``, ``show_mentee_tab``, ``show_area``, ``page``, ``open_search``,
``open_settings``, ``open_supervision_preview``, ``open_record``) are what ``ui.smoke`` and
``ui.screenshots`` use to reach each view.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.clock import Clock
from ui.icons import icon
from ui.models.mentees import (
    MenteeFilterProxy,
    MenteeRow,
    load_mentee_rows,
)
from ui.pages.base import MenteePage, Page
from ui.prompts import Prompts
from ui.settings import AppSettings
from ui.style import TextRole, set_text_role
from ui.widgets.adaptive import size_to_current
from ui.widgets.status_bar import JournalStatusBar
from ui.windows import export_actions, mentee_actions
from ui.windows.page_registry import (
    AREAS,
    MENTEE_TAB_KEYS,
    MENTEE_TABS,
    PART_PAGES,
    RECORD_PAGES,
    build_page,
)
from ui.windows.sidebar import Sidebar
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes

log = logging.getLogger(__name__)


#: The caseload home: the first page after unlock, and the page shown with no mentee chosen.
HOME = "home"


class MainWindow(QMainWindow):
    """The unlocked app. It never opens or locks the vault itself: it asks via ``lock_requested``."""

    lock_requested = Signal()
    #: The settings dialog applied new preferences (auto-lock, theme, text size).
    settings_changed = Signal()
    #: The selected mentee id ("" when none).
    mentee_selected = Signal(str)

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        settings: AppSettings,
        clock: Clock,
        *,
        demo: bool = False,
        build_pages: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``build_pages=False`` makes the shell only; ``build_next_page`` then adds the pages
        one at a time (the unlock warm-up), and anything that needs them builds the rest."""
        super().__init__(parent)
        self.worker = worker
        self.prompts = prompts
        self.settings = settings
        self.clock = clock
        self.demo = demo
        self.mentee_id: str | None = None
        self._closed = False
        #: Where the mentor was when the journal locked; shown again after unlock.
        self._resume: tuple[str | None, str | None] | None = None
        self._pages: dict[str, Page[Any]] = {}
        self._dialogs: dict[str, QDialog] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle("DEMO (synthetic data) — Mentor Journal" if demo else "Mentor Journal")
        self.setMinimumSize(900, 600)
        self._build()
        self._build_actions()
        worker.changed.connect(self._on_changes)
        self._restore_geometry()
        if build_pages:
            self.ensure_pages()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.sidebar = Sidebar(AREAS, demo=self.demo, parent=self)
        self.sidebar.mentee_chosen.connect(self.select_mentee)
        self.sidebar.area_chosen.connect(self.show_area)
        self.sidebar.add_button.clicked.connect(self.add_mentee)
        self.sidebar.archive_button.clicked.connect(self.archive_mentee)
        # The sidebar's list and controls, under the names tests and the smoke test use.
        self.mentees = self.sidebar.mentees
        self.mentee_proxy = self.sidebar.mentee_proxy
        self.filter_edit = self.sidebar.filter_edit
        self.status_filter = self.sidebar.status_filter
        self.show_archived = self.sidebar.show_archived
        self.mentee_view = self.sidebar.mentee_view
        self.add_button = self.sidebar.add_button
        self.archive_button = self.sidebar.archive_button
        #: The open "Subject access export…" dialog, if any (kept so it is not collected).
        self.subject_access_dialog: QDialog | None = None
        self.area_list = self.sidebar.area_list
        self._build_content()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.sidebar)
        # At 200% text a page can need more room than the screen has: scroll, never clip.
        self.content_scroll = QScrollArea(self)
        self.content_scroll.setObjectName("contentScroll")
        self.content_scroll.setWidgetResizable(True)
        # Pages fit the width they are given (forms wrap, tables elide); only height scrolls.
        self.content_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content_scroll.setWidget(self.stack)
        self.splitter.addWidget(self.content_scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1000])
        self.setCentralWidget(self.splitter)
        self.status = JournalStatusBar(self)
        self.setStatusBar(self.status)
        for first, second in itertools.pairwise((*self.sidebar.tab_order(), self.tabs)):
            self.setTabOrder(first, second)

    def _build_content(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_page = QLabel("Choose a mentee on the left, or one of your own areas.", self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.stack.addWidget(self.empty_page)
        mentee_panel = QWidget(self)
        mentee_layout = QVBoxLayout(mentee_panel)
        self.mentee_header = QLabel("", mentee_panel)
        self.mentee_header.setObjectName("menteeHeader")
        self.mentee_header.setAccessibleName("Selected mentee")
        # A role, not a fixed size: it follows the text size setting like everything else.
        set_text_role(self.mentee_header, TextRole.TITLE)
        self.tabs = QTabWidget(mentee_panel)
        self.tabs.setObjectName("menteeTabs")
        self.tabs.setAccessibleName("Mentee record")
        mentee_layout.addWidget(self.mentee_header)
        mentee_layout.addWidget(self.tabs, 1)
        self.mentee_panel = mentee_panel
        self.stack.addWidget(mentee_panel)
        # Only the page on show asks for room: a wide hidden page pushed the others off the edge.
        size_to_current(self.stack)
        size_to_current(self.tabs)

    def build_next_page(self) -> bool:
        """Build the next page not built yet, in display order; True while more remain.

        The unlock warm-up calls this once per turn of the event loop, so a key pressed in the
        passphrase field waits for one page at most (the slowest, ~10-50 ms the first time
        PySide6 meets its widget types) rather than for the whole window (230-345 ms on a busy
        machine). Appending in order makes the same tabs and stack as building all at once.
        """
        pending = [s for s in (*MENTEE_TABS, *AREAS) if s.key not in self._pages]
        if not pending:
            return False
        # The caseload home first: it is the page the mentor sees first after unlock.
        pending.sort(key=lambda s: s.key != HOME)
        spec = pending[0]
        container: QTabWidget | QStackedWidget
        if spec in MENTEE_TABS:
            container = self.tabs
            page = build_page(spec, self.worker, self.prompts, self.tabs)
            # "&&" shows a literal "&" in a tab
            self.tabs.addTab(page, icon(spec.icon) if spec.icon else QIcon(), spec.title)
        else:
            container = self.stack
            page = build_page(spec, self.worker, self.prompts, self.stack)
            self.stack.addWidget(page)
        self._pages[spec.key] = page
        self._connect_page(page)
        if spec.key == HOME and self.stack.currentWidget() is self.empty_page:
            self.stack.setCurrentWidget(page)  # with no mentee chosen, the home is on show
        if container.currentWidget() is not page:  # only the page on show asks for room
            page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        if self.mentee_id is not None and isinstance(page, MenteePage):
            page.set_mentee(self.mentee_id)
        return len(pending) > 1

    def ensure_pages(self) -> None:
        """Build every page not built yet (before the window shows or a page is asked for)."""
        while self.build_next_page():
            pass

    def ensure_first_page(self) -> None:
        """Build the caseload home (the page the window opens on) if it is not built yet.

        Enough to show the window: the other pages follow a slice at a time, and whatever
        asks for one (``page``, a mentee chosen) builds the rest first."""
        if not self.first_page_built():
            self.build_next_page()

    def first_page_built(self) -> bool:
        return HOME in self._pages

    def built_page(self, key: str) -> Page[Any] | None:
        """The page ``key`` if it is built, without building anything."""
        return self._pages.get(key)

    def pages_pending(self) -> bool:
        """True while some page is not built yet."""
        return any(s.key not in self._pages for s in (*MENTEE_TABS, *AREAS))

    def _action(
        self, text: str, shortcut: QKeySequence | str, slot: Callable[[], Any], name: str
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_note_action = self._action("&New note", "Ctrl+N", self.new_note, "newNote")
        self.save_action = self._action(
            "&Save now", QKeySequence(std.Save), self.save_all, "saveNow"
        )
        self.find_action = self._action(
            "&Find in view", QKeySequence(std.Find), self.find_in_view, "findInView"
        )
        self.search_action = self._action(
            "Search &everything…", "Ctrl+K", self.open_search, "search"
        )
        self.lock_action = self._action("&Lock", "Ctrl+L", self.lock_requested.emit, "lock")
        # Lock and search work from every window of the app (search box, settings, dialogs).
        for action in (self.search_action, self.lock_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.settings_action = self._action("Se&ttings…", "Ctrl+,", self.open_settings, "settings")
        self.quit_action = self._action("&Quit", QKeySequence(std.Quit), self.close, "quit")
        menu = self.menuBar()
        journal_menu = menu.addMenu("&Journal")
        for action in (self.new_note_action, self.save_action, self.lock_action):
            journal_menu.addAction(action)
        journal_menu.addSeparator()
        for text, name, handler in (
            ("E&xport this note…", "exportNote", export_actions.export_open_note),
            ("&Print this note…", "printNote", export_actions.print_open_note),
            ("Export mentee &record…", "exportRecord", export_actions.export_mentee_record),
            ("S&ubject access export…", "subjectAccess", export_actions.export_subject_access),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, h=handler: h(self))
            journal_menu.addAction(action)
        journal_menu.addSeparator()
        journal_menu.addAction(self.settings_action)
        journal_menu.addAction(self.quit_action)
        find_menu = menu.addMenu("&Find")
        find_menu.addAction(self.find_action)
        find_menu.addAction(self.search_action)
        view_menu = menu.addMenu("&Go")
        for index, spec in enumerate(MENTEE_TABS, start=1):
            self._action(
                spec.title.replace("&&", "&"), f"Alt+{index}",
                partial(self.show_mentee_tab, spec.key), f"tab_{spec.key}",
            )  # fmt: skip
        for spec in AREAS:
            action = QAction(spec.title, self)
            action.triggered.connect(lambda _c=False, key=spec.key: self.show_area(key))
            view_menu.addAction(action)
        supervision_preview = QAction("Prepare supervision summary…", self)
        supervision_preview.triggered.connect(lambda _c=False: self.open_supervision_preview())
        view_menu.addAction(supervision_preview)

    # -- public API --------------------------------------------------------------------------
    def page(self, key: str) -> Page[Any]:
        """The content view for ``key`` (a :data:`MENTEE_TABS` or :data:`AREAS` key)."""
        self.ensure_pages()
        return self._pages[key]

    def pages(self) -> dict[str, Page[Any]]:
        self.ensure_pages()
        return dict(self._pages)

    def refresh_mentees(
        self,
        then: Callable[[], None] | None = None,
        *,
        settled: Callable[[], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Reload the mentee list off-thread, keeping the selection when the mentee remains.

        ``then`` runs once the rows are in; ``settled`` runs either way, after an error too.
        An error is shown, unless ``failed`` is given: then it decides.
        """

        def loaded(rows: list[MenteeRow]) -> None:
            self.mentees.set_rows(rows)
            if self.mentee_id:
                self.sidebar.select_mentee(self.mentee_id)
            if self._resume is not None:
                self.go_to(*self._resume)
                self._resume = None
            if then is not None:
                then()
            if settled is not None:
                settled()

        def not_read(error: BaseException) -> None:
            if failed is None:
                self.prompts.show_error(error)
            else:
                failed(error)
            if settled is not None:
                settled()

        self.worker.query(load_mentee_rows, loaded, not_read)

    def check_erasure_due(self) -> None:
        """Tell the mentor (status bar) what is past retention: archived records past their date,
        and mentees with records of some type past their period."""
        self.worker.query(
            lambda j: (
                len(j.mentees_due_for_erasure()),
                len({p.mentee_id for p in j.records_past_retention()}),
            ),
            lambda counts: self.status.set_erasure_due(*counts),
            lambda _error: None,
        )

    def select_mentee(self, mentee_id: str | None) -> None:
        """Show ``mentee_id``'s record (or nothing) and tell every mentee tab."""
        self.archive_button.setEnabled(mentee_id is not None)
        if mentee_id == self.mentee_id and mentee_id is not None:
            self.stack.setCurrentWidget(self.mentee_panel)
            self.sidebar.select_mentee(mentee_id)
            return
        if mentee_id is not None:
            self.ensure_pages()  # a record opens with every tab
        self.mentee_id = mentee_id
        if mentee_id is None:
            self.mentee_header.setText("")
            # While locked, nothing that reads: the home would load from the locked journal.
            home = self.empty_page if self._closed else self._pages.get(HOME, self.empty_page)
            self.stack.setCurrentWidget(home)
        else:
            self.mentee_header.setText(self.sidebar.code_of(mentee_id))
            self.stack.setCurrentWidget(self.mentee_panel)
            self.sidebar.select_mentee(mentee_id)
        for spec in MENTEE_TABS:  # a tab built later is told when it is built
            page = self._pages.get(spec.key)
            if isinstance(page, MenteePage):
                page.set_mentee(mentee_id)
        self.mentee_selected.emit(mentee_id or "")

    def mentee_page(self, key: str) -> MenteePage[Any]:
        """The mentee tab ``key`` (a :data:`MENTEE_TABS` key)."""
        page = self.page(key)
        assert isinstance(page, MenteePage)
        return page

    def show_mentee_tab(self, key: str) -> Page[Any]:
        """Bring the mentee tab ``key`` forward (selects the first mentee if none is chosen)."""
        if self.mentee_id is None:
            first = self.sidebar.first_mentee_id()
            if first is not None:
                self.select_mentee(first)
        page = self.page(key)
        self.stack.setCurrentWidget(self.mentee_panel if self.mentee_id else self.empty_page)
        if self.mentee_id is not None:
            self.sidebar.select_mentee(self.mentee_id)
        self.tabs.setCurrentWidget(page)
        return page

    def show_area(self, key: str) -> Page[Any]:
        """Show one of the mentor's own areas (reflection, supervision, cpd)."""
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.mentee_view.clearSelection()  # the mentee stays chosen; a click brings it back
        self.sidebar.select_area(key)
        return page

    def prefetch_home(
        self,
        settled: Callable[[], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Before the window shows: fill the caseload home if it is what will show first.

        ``settled`` runs once it is filled (or could not be, or another page will show).
        May be called before the vault is open (the read then queues behind the unlock);
        ``failed`` decides what a failed read says (by default it is shown)."""
        home = self._pages.get(HOME)
        if home is None or not self.home_shows_first():
            settled()
            return
        home.load_before_showing(settled, failed)

    def home_shows_first(self) -> bool:
        """Whether the caseload home is the page the window shows (or will show at unlock)."""
        home = self._pages.get(HOME)
        if home is None or self.mentee_id is not None:
            return False
        if self._resume is not None and self._resume[1] not in (None, HOME):
            return False
        return self.stack.currentWidget() in (home, self.empty_page)

    def place(self) -> tuple[str | None, str | None]:
        """Where the mentor is: (mentee id, page key); either may be None."""
        current = self.stack.currentWidget()
        keys = {id(page): key for key, page in self._pages.items()}
        if current is self.mentee_panel:
            return self.mentee_id, keys.get(id(self.tabs.currentWidget()))
        return self.mentee_id, keys.get(id(current))

    def go_to(self, mentee_id: str | None, key: str | None) -> None:
        """Show a place from :meth:`place` again, as far as it still exists."""
        if mentee_id is not None and self.mentees.row_of(mentee_id) >= 0:
            self.select_mentee(mentee_id)
        if key is None:
            return
        if key in MENTEE_TAB_KEYS and self.mentee_id is not None:
            self.show_mentee_tab(key)
        elif key in {spec.key for spec in AREAS}:
            self.show_area(key)

    def mentee_code(self, mentee_id: str) -> str:
        """The pseudonym code of a listed mentee ("" when unknown)."""
        return self.sidebar.code_of(mentee_id)

    def current_page(self) -> Page[Any] | None:
        widget = self.stack.currentWidget()
        if widget is self.mentee_panel:
            widget = self.tabs.currentWidget()
        return next((page for page in self._pages.values() if page is widget), None)

    def _connect_page(self, page: Page[Any]) -> None:
        """A page's save state to the status bar ("Saving…", "Not saved"), and records it asks
        to open (timeline rows) to the page that shows them."""
        page.save_state_changed.connect(self.status.save_label.setText)
        page.record_requested.connect(
            lambda kind, record_id, mentee_id: self.open_record(kind, record_id, mentee_id or None)
        )

    def open_record(
        self, kind: str, record_id: str, mentee_id: str | None, searched: str = ""
    ) -> None:
        """Route a search hit, a timeline row or a caseload cell to the page that shows it
        (``searched``: the words to mark).

        The caseload home may name a part of a record rather than one record (an empty id):
        the page is shown, with nothing in it opened.
        """
        key = RECORD_PAGES.get(kind) or PART_PAGES.get(kind)
        if key is None:
            log.debug("no page for record kind %s", kind)
            return
        if key in MENTEE_TAB_KEYS:
            if mentee_id:
                self.select_mentee(mentee_id)
            page = self.show_mentee_tab(key)
        else:
            page = self.show_area(key)
        page.setFocus()
        if record_id:
            page.open_record(kind, record_id)
        if searched.strip():
            page.highlight(searched)

    def open_search(self) -> QDialog | None:
        """Ctrl+K. Does nothing while the window is hidden (locked): there is nothing to search."""
        from ui.pages.search.dialog import SearchDialog

        if not self.isVisible():
            return None

        dialog = self._dialogs.get("search")
        if dialog is None:
            dialog = SearchDialog(self.worker, self, code_for=self.mentee_code)
            searching = dialog
            dialog.record_chosen.connect(
                lambda kind, record_id, mentee_id: self.open_record(
                    kind, record_id, mentee_id or None, searching.query_edit.text()
                )
            )
            self._dialogs["search"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        assert isinstance(dialog, SearchDialog)
        dialog.start()
        return dialog

    def open_settings(self) -> QDialog:
        from ui.pages.settings.dialog import SettingsDialog

        dialog = self._dialogs.get("settings")
        if dialog is None:
            dialog = SettingsDialog(self.settings, self.worker, self.prompts, self.clock, self)
            dialog.applied.connect(self.settings_changed.emit)
            dialog.relock_needed.connect(self.lock_requested.emit)
            self._dialogs["settings"] = dialog
        assert isinstance(dialog, SettingsDialog)
        dialog.load()
        dialog.show()
        dialog.raise_()
        return dialog

    def settings_dialog(self) -> QDialog | None:
        return self._dialogs.get("settings")

    def open_supervision_preview(self) -> QDialog:
        """The anonymised supervision export preview (``SupervisionExportDialog``).

        Imported here, not at the top: its export and anonymiser modules cost tens of
        milliseconds that neither start-up nor the unlock warm-up should pay.
        """
        from ui.pages.supervision.export_dialog import SupervisionExportDialog

        dialog = SupervisionExportDialog(self.worker, self.prompts, self)
        self._dialogs["supervision_preview"] = dialog
        dialog.show()
        return dialog

    def new_note(self) -> None:
        if self.mentee_id is None:
            self.prompts.inform("New note", "Choose a mentee first, then press Ctrl+N again.")
            return
        from ui.pages.sessions.page import SessionsTab  # imported with the pages already

        page = self.show_mentee_tab("sessions")
        assert isinstance(page, SessionsTab)
        page.new_note()

    def find_in_view(self) -> None:
        page = self.current_page()
        if page is None or not page.find_in_view():
            self.filter_edit.setFocus()
            self.filter_edit.selectAll()

    def save_all(self) -> None:
        """Ask every page with drafts to save now (queued on the worker before anything else)."""
        for page in self._pages.values():
            page.save_now()

    def reopen(self) -> None:
        """The vault is open again: change sets are news for the pages from now on, and with
        no mentee chosen the caseload home is the page on show."""
        self._closed = False
        home = self._pages.get(HOME)
        if (
            home is not None
            and self.mentee_id is None
            and self.stack.currentWidget() is self.empty_page
        ):
            self.stack.setCurrentWidget(home)

    def clear(self) -> None:
        """Drop every record from every model, view and dialog (called on lock).

        Saves queued just before the lock still answer afterwards; their change sets must
        not make a cleared page reload from the locked journal (that showed "Something
        unexpected went wrong" after Ctrl+L with an unsaved goal change).
        """
        self._closed = True
        self._resume = self.place()
        self.select_mentee(None)
        self.sidebar.clear()
        for page in self._pages.values():
            page.clear()
        for dialog in self._dialogs.values():
            if hasattr(dialog, "clear"):
                dialog.clear()
            dialog.hide()
        supervision = self._dialogs.pop("supervision_preview", None)
        if supervision is not None:
            supervision.deleteLater()
        self.status.clear()

    def models(self) -> list[Any]:
        """Every item model that can hold records, in this window and its dialogs (lock test).

        Fixed choice lists (combo boxes, the "My practice" list) hold no records and are left out.
        """
        from PySide6.QtCore import QAbstractItemModel

        found: list[Any] = [self.mentees]
        for root in (self, *self._dialogs.values()):
            for model in root.findChildren(QAbstractItemModel):
                owner = model.parent()
                if isinstance(owner, QComboBox) or owner is self.area_list:
                    continue
                if model not in found and not isinstance(model, MenteeFilterProxy):
                    found.append(model)
        return found

    def add_mentee(self) -> None:
        mentee_actions.add_mentee(
            self.worker,
            self.prompts,
            lambda new_id: self.refresh_mentees(lambda: self.select_mentee(new_id)),
        )

    def archive_mentee(self) -> None:
        """Close (if needed) and archive the selected mentee until a retention date."""
        if self.mentee_id is None:
            self.prompts.inform("Archive mentee", "Choose a mentee first.")
            return
        mentee_actions.archive_mentee(
            self.worker,
            self.prompts,
            self.clock,
            self.mentee_id,
            code=self.sidebar.code_of(self.mentee_id),
            archived=lambda: self.select_mentee(None),
        )

    # -- internals ---------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if self._closed:
            return
        self.status.set_saved(self.clock.now())
        if changes.mentees:
            self.refresh_mentees()
            self.check_erasure_due()
        for page in self._pages.values():
            page.on_changes(changes)

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def remember_geometry(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())

    #: Set by the controller: called on close so it can save, lock and quit in order.
    close_handler: Callable[[], bool] | None = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_geometry()
        self.save_all()
        if self.close_handler is not None and not self.close_handler():
            event.ignore()
            return
        event.accept()
