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

Pages are found by module and class name (:data:`MENTEE_TABS`, :data:`AREAS`) and imported
lazily (a missing module or class is an error, never a silent stand-in). Public methods
below (``select_mentee``, ``show_mentee_tab``, ``show_area``, ``page``, ``open_search``,
``open_settings``, ``open_supervision_preview``, ``open_record``) are what ``ui.smoke`` and
``ui.screenshots`` use to reach each view.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.clock import Clock
from ui.models.mentees import (
    ID_ROLE,
    MenteeFilterProxy,
    MenteeListModel,
    MenteeRow,
    load_mentee_rows,
)
from ui.pages.base import MenteePage, Page
from ui.prompts import Prompts
from ui.settings import AppSettings
from ui.widgets.adaptive import size_to_current
from ui.widgets.status_bar import JournalStatusBar
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changed, Changes
    from mentorjournal.domain import Mentee
    from mentorjournal.journal import Journal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """Where a content view lives, so it can be imported lazily (and replaced when it lands)."""

    key: str
    title: str
    module: str
    class_name: str


MENTEE_TABS: tuple[PageSpec, ...] = (
    PageSpec("sessions", "Sessions", "ui.pages.sessions.page", "SessionsTab"),
    PageSpec("goals", "Goals", "ui.pages.goals.page", "GoalsTab"),
    PageSpec("coping_plan", "Coping plan", "ui.pages.coping_plan.page", "CopingPlanTab"),
    PageSpec("people", "People && consent", "ui.pages.people.page", "PeopleConsentTab"),
    PageSpec("resources", "Resources", "ui.pages.resources.page", "ResourcesTab"),
)
AREAS: tuple[PageSpec, ...] = (
    PageSpec("reflection", "Reflection", "ui.pages.reflection.page", "ReflectionPage"),
    PageSpec("supervision", "Supervision", "ui.pages.supervision.page", "SupervisionPage"),
    PageSpec("cpd", "CPD", "ui.pages.cpd.page", "CpdPage"),
)


def import_pages() -> None:
    """Import every page's module, making no widget (safe in the worker thread).

    Importing the pages and their models costs about 130 ms, most of the first build of this
    window; the controller runs it in the worker while the mentor types the passphrase, so
    what is left for the GUI thread to do during the KDF is building the widgets (~50 ms).
    """
    for spec in (*MENTEE_TABS, *AREAS):
        importlib.import_module(spec.module)


#: Which page shows a search hit of each kind (kinds as the search index names them).
RECORD_PAGES = {
    "session": "sessions",
    "note": "sessions",
    "addendum": "sessions",
    "goal": "goals",
    "progress": "goals",
    "goal_progress": "goals",
    "plan": "coping_plan",
    "coping_plan": "coping_plan",
    "contact": "people",
    "consent": "people",
    "resource": "resources",
    "reflection": "reflection",
    "supervision": "supervision",
    "cpd": "cpd",
}
STATUS_FILTERS = (
    ("All statuses", ""),
    ("Active", "active"),
    ("Paused", "paused"),
    ("Closed", "closed"),
)


def close_and_archive(journal: Journal, mentee_id: str, keep_until: date) -> Changed[Mentee]:
    """Runs in the worker: archiving needs a closed record, so close it first if open."""
    from mentorjournal.domain import MenteeStatus

    mentee = journal.get_mentee(mentee_id)
    changes = None
    if mentee.status is not MenteeStatus.CLOSED:
        changes = journal.set_mentee_status(mentee_id, MenteeStatus.CLOSED).changes
    result = journal.archive_mentee(mentee_id, keep_until)
    if changes is not None:
        return replace(result, changes=result.changes | changes)
    return result


def build_page(
    spec: PageSpec, worker: JournalWorker, prompts: Prompts, parent: QWidget
) -> Page[Any]:
    """Import (lazily, for start-up time) and construct a page; a missing one raises."""
    module = importlib.import_module(spec.module)
    page_class = getattr(module, spec.class_name)
    if not (isinstance(page_class, type) and issubclass(page_class, Page)):
        raise TypeError(f"{spec.module}.{spec.class_name} is not a page")
    page: Page[Any] = page_class(worker, prompts, parent)
    return page


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.prompts = prompts
        self.settings = settings
        self.clock = clock
        self.demo = demo
        self.mentee_id: str | None = None
        self._pages: dict[str, Page[Any]] = {}
        self._dialogs: dict[str, QDialog] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle("Mentor Journal — DEMO (synthetic data)" if demo else "Mentor Journal")
        self.setMinimumSize(900, 600)
        self._build()
        self._build_actions()
        worker.changed.connect(self._on_changes)
        self._restore_geometry()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        left = self._build_sidebar()
        self._build_content()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
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
        for page in self._pages.values():
            self._connect_page(page)
        order = (
            self.filter_edit, self.status_filter, self.show_archived, self.mentee_view,
            self.add_button, self.archive_button, self.area_list, self.tabs,
        )  # fmt: skip
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _build_sidebar(self) -> QWidget:
        self.mentees = MenteeListModel(self)
        self.mentee_proxy = MenteeFilterProxy(self)
        self.mentee_proxy.setSourceModel(self.mentees)

        left = QWidget(self)
        left.setObjectName("sidebar")
        left_layout = QVBoxLayout(left)
        if self.demo:
            banner = QLabel("DEMO — synthetic data, not a real vault", left)
            banner.setObjectName("demoBanner")
            banner.setStyleSheet("background:#8a5a00;color:white;padding:4px;font-weight:bold")
            left_layout.addWidget(banner)
        heading = QLabel("&Mentees", left)
        self.filter_edit = QLineEdit(left)
        self.filter_edit.setPlaceholderText("Filter by code")
        self.filter_edit.setAccessibleName("Filter mentees by code")
        self.filter_edit.setClearButtonEnabled(True)
        heading.setBuddy(self.filter_edit)
        self.filter_edit.textChanged.connect(self.mentee_proxy.setFilterFixedString)
        self.status_filter = QComboBox(left)
        self.status_filter.setAccessibleName("Show mentees with status")
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.mentee_proxy.set_status(str(self.status_filter.currentData()))
        )
        self.show_archived = QCheckBox("Show archived", left)
        self.show_archived.setAccessibleName("Show archived mentees")
        self.show_archived.toggled.connect(self.mentee_proxy.set_show_archived)
        self.mentee_view = self._build_mentee_view(left)
        self.add_button = QPushButton("&Add mentee…", left)
        self.add_button.setAccessibleName("Add mentee")
        self.add_button.clicked.connect(self.add_mentee)
        self.archive_button = QPushButton("Archi&ve", left)
        self.archive_button.setAccessibleName("Archive selected mentee")
        self.archive_button.clicked.connect(self.archive_mentee)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.archive_button)
        self.area_list = self._build_area_list(left)
        for widget in (heading, self.filter_edit, self.status_filter, self.show_archived):
            left_layout.addWidget(widget)
        left_layout.addWidget(self.mentee_view, 1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(QLabel("My practice", left))
        left_layout.addWidget(self.area_list)
        return left

    def _build_mentee_view(self, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setObjectName("menteeList")
        view.setAccessibleName("Mentees")
        view.setModel(self.mentee_proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        view.setTabKeyNavigation(False)  # arrows move within the list; Tab leaves it
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentRowChanged.connect(self._on_mentee_row)
        return view

    def _build_area_list(self, parent: QWidget) -> QListWidget:
        area_list = QListWidget(parent)
        area_list.setObjectName("areaList")
        area_list.setAccessibleName("My practice")
        for spec in AREAS:
            item = QListWidgetItem(spec.title, area_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
        area_list.setMaximumHeight(area_list.sizeHintForRow(0) * (len(AREAS) + 1) + 8)
        area_list.itemActivated.connect(self._on_area_item)
        area_list.itemClicked.connect(self._on_area_item)
        return area_list

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
        font = self.mentee_header.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.mentee_header.setFont(font)
        self.tabs = QTabWidget(mentee_panel)
        self.tabs.setObjectName("menteeTabs")
        self.tabs.setAccessibleName("Mentee record")
        for spec in MENTEE_TABS:
            page = build_page(spec, self.worker, self.prompts, self.tabs)
            self._pages[spec.key] = page
            self.tabs.addTab(page, spec.title)  # "&&" shows a literal "&" in a tab
        mentee_layout.addWidget(self.mentee_header)
        mentee_layout.addWidget(self.tabs, 1)
        self.mentee_panel = mentee_panel
        self.stack.addWidget(mentee_panel)
        for spec in AREAS:
            page = build_page(spec, self.worker, self.prompts, self.stack)
            self._pages[spec.key] = page
            self.stack.addWidget(page)
        # Only the page on show asks for room: a wide hidden page pushed the others off the edge.
        size_to_current(self.stack)
        size_to_current(self.tabs)

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
        return self._pages[key]

    def pages(self) -> dict[str, Page[Any]]:
        return dict(self._pages)

    def refresh_mentees(
        self,
        then: Callable[[], None] | None = None,
        *,
        settled: Callable[[], None] | None = None,
    ) -> None:
        """Reload the mentee list off-thread, keeping the selection when the mentee remains.

        ``then`` runs once the rows are in; ``settled`` runs either way, after an error too.
        """

        def loaded(rows: list[MenteeRow]) -> None:
            self.mentees.set_rows(rows)
            if self.mentee_id and self.mentees.row_of(self.mentee_id) >= 0:
                self._select_row(self.mentee_id)
            if then is not None:
                then()
            if settled is not None:
                settled()

        def failed(error: BaseException) -> None:
            self.prompts.show_error(error)
            if settled is not None:
                settled()

        self.worker.query(load_mentee_rows, loaded, failed)

    def check_erasure_due(self) -> None:
        """Tell the mentor (status bar) how many archived records are past their retention date."""
        self.worker.query(
            lambda j: len(j.mentees_due_for_erasure()),
            self.status.set_erasure_due,
            lambda _error: None,
        )

    def select_mentee(self, mentee_id: str | None) -> None:
        """Show ``mentee_id``'s record (or nothing) and tell every mentee tab."""
        if mentee_id == self.mentee_id and mentee_id is not None:
            self.stack.setCurrentWidget(self.mentee_panel)
            return
        self.mentee_id = mentee_id
        if mentee_id is None:
            self.mentee_header.setText("")
            self.stack.setCurrentWidget(self.empty_page)
        else:
            row = self.mentees.row_of(mentee_id)
            code = self.mentees.mentee(row).code if row >= 0 else ""
            self.mentee_header.setText(code)
            self.stack.setCurrentWidget(self.mentee_panel)
            self._select_row(mentee_id)
        for spec in MENTEE_TABS:
            self.mentee_page(spec.key).set_mentee(mentee_id)
        self.mentee_selected.emit(mentee_id or "")

    def mentee_page(self, key: str) -> MenteePage[Any]:
        """The mentee tab ``key`` (a :data:`MENTEE_TABS` key)."""
        page = self._pages[key]
        assert isinstance(page, MenteePage)
        return page

    def show_mentee_tab(self, key: str) -> Page[Any]:
        """Bring the mentee tab ``key`` forward (selects the first mentee if none is chosen)."""
        if self.mentee_id is None and self.mentees.rowCount() > 0:
            first = self.mentee_proxy.index(0, 0)
            if first.isValid():
                self.select_mentee(str(first.data(ID_ROLE)))
        page = self._pages[key]
        self.stack.setCurrentWidget(self.mentee_panel if self.mentee_id else self.empty_page)
        self.tabs.setCurrentWidget(page)
        return page

    def show_area(self, key: str) -> Page[Any]:
        """Show one of the mentor's own areas (reflection, supervision, cpd)."""
        page = self._pages[key]
        self.stack.setCurrentWidget(page)
        for row in range(self.area_list.count()):
            item = self.area_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self.area_list.setCurrentItem(item)
        return page

    def mentee_code(self, mentee_id: str) -> str:
        """The pseudonym code of a listed mentee ("" when unknown)."""
        row = self.mentees.row_of(mentee_id)
        return self.mentees.mentee(row).code if row >= 0 else ""

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

    def open_record(self, kind: str, record_id: str, mentee_id: str | None) -> None:
        """Route a search hit to the page that shows it."""
        key = RECORD_PAGES.get(kind)
        if key is None:
            log.debug("no page for record kind %s", kind)
            return
        if key in {s.key for s in MENTEE_TABS}:
            if mentee_id:
                self.select_mentee(mentee_id)
            page = self.show_mentee_tab(key)
        else:
            page = self.show_area(key)
        page.open_record(kind, record_id)
        page.setFocus()

    def open_search(self) -> QDialog | None:
        """Ctrl+K. Does nothing while the window is hidden (locked): there is nothing to search."""
        from ui.pages.search.dialog import SearchDialog

        if not self.isVisible():
            return None

        dialog = self._dialogs.get("search")
        if dialog is None:
            dialog = SearchDialog(self.worker, self, code_for=self.mentee_code)
            dialog.record_chosen.connect(self.open_record)
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

    def clear(self) -> None:
        """Drop every record from every model, view and dialog (called on lock)."""
        self.select_mentee(None)
        self.mentees.clear()
        self.filter_edit.clear()
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
        code = self.prompts.ask_text("Add mentee", "Pseudonym code (for example M-017):")
        if not code or not code.strip():
            return
        clean = code.strip()

        def added(result: Changed[Mentee]) -> None:
            new_id = result.value.id
            self.refresh_mentees(lambda: self.select_mentee(new_id))

        self.worker.command(lambda j: j.add_mentee(code=clean), added, self.prompts.show_error)

    def archive_mentee(self) -> None:
        """Close (if needed) and archive the selected mentee until a retention date."""
        if self.mentee_id is None:
            self.prompts.inform("Archive mentee", "Choose a mentee first.")
            return
        row = self.mentees.row_of(self.mentee_id)
        code = self.mentees.mentee(row).code if row >= 0 else "this mentee"
        default = (self.clock.now().date() + timedelta(days=365 * 7)).isoformat()
        answer = self.prompts.ask_text(
            "Archive mentee",
            f"Archiving closes {code}'s record and hides it from the list. Keep it until "
            "(YYYY-MM-DD, your organisation's retention period), after which erasure is offered:",
            default,
        )
        if answer is None:
            return
        try:
            keep_until = date.fromisoformat(answer.strip())
        except ValueError:
            self.prompts.warn(
                "Archive mentee", "That is not a date like 2033-01-31; nothing changed."
            )
            return
        mentee_id = self.mentee_id
        self.worker.command(
            lambda j: close_and_archive(j, mentee_id, keep_until),
            lambda _r: self.select_mentee(None),
            self.prompts.show_error,
        )

    # -- internals ---------------------------------------------------------------------------
    def _select_row(self, mentee_id: str) -> None:
        row = self.mentees.row_of(mentee_id)
        if row < 0:
            return
        proxy_index = self.mentee_proxy.mapFromSource(self.mentees.index(row, 0))
        if proxy_index.isValid() and self.mentee_view.currentIndex().row() != proxy_index.row():
            self.mentee_view.setCurrentIndex(proxy_index)

    def _on_mentee_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.select_mentee(str(current.data(ID_ROLE)))

    def _on_area_item(self, item: QListWidgetItem) -> None:
        self.show_area(str(item.data(Qt.ItemDataRole.UserRole)))

    def _on_changes(self, changes: Changes) -> None:
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
