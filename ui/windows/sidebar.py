"""The main window's left column: the mentee list with its filters, and the mentor's own areas.

Why apart from the window: the list, its filters and its keyboard order are one job (finding
a mentee); the window only needs to hear which mentee or area was chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon, set_icon
from ui.models.mentees import ID_ROLE, MenteeFilterProxy, MenteeListModel
from ui.windows.page_registry import PageSpec

STATUS_FILTERS = (
    ("All statuses", ""),
    ("Active", "active"),
    ("Paused", "paused"),
    ("Closed", "closed"),
)


class Sidebar(QWidget):
    """Mentees (filter by code and status, show archived, add, archive) and "My practice"."""

    #: A mentee row became current (its id).
    mentee_chosen = Signal(str)
    #: An area of "My practice" was clicked or activated (its page key).
    area_chosen = Signal(str)

    def __init__(self, areas: Sequence[PageSpec], *, demo: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.mentees = MenteeListModel(self)
        self.mentee_proxy = MenteeFilterProxy(self)
        self.mentee_proxy.setSourceModel(self.mentees)
        layout = QVBoxLayout(self)
        if demo:
            banner = QLabel("DEMO — synthetic data, not a real vault", self)
            banner.setObjectName("demoBanner")
            banner.setStyleSheet("background:#8a5a00;color:white;padding:4px;font-weight:bold")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        heading = QLabel("&Mentees", self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter by code")
        self.filter_edit.setAccessibleName("Filter mentees by code")
        self.filter_edit.setClearButtonEnabled(True)
        heading.setBuddy(self.filter_edit)
        self.filter_edit.textChanged.connect(self.mentee_proxy.setFilterFixedString)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show mentees with status")
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.mentee_proxy.set_status(str(self.status_filter.currentData()))
        )
        self.show_archived = QCheckBox("Show archived", self)
        self.show_archived.setAccessibleName("Show archived mentees")
        self.show_archived.toggled.connect(self.mentee_proxy.set_show_archived)
        self.mentee_view = self._build_mentee_view()
        self.add_button = QPushButton("&Add mentee…", self)
        self.add_button.setAccessibleName("Add mentee")
        set_icon(self.add_button, "add")
        self.archive_button = QPushButton("Archi&ve", self)
        self.archive_button.setAccessibleName("Archive selected mentee")
        set_icon(self.archive_button, "archive")
        self.archive_button.setEnabled(False)  # until a mentee is chosen
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.archive_button)
        self.area_list = self._build_area_list(areas)
        for widget in (heading, self.filter_edit, self.status_filter, self.show_archived):
            layout.addWidget(widget)
        layout.addWidget(self.mentee_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("My practice", self))
        layout.addWidget(self.area_list)

    def _build_mentee_view(self) -> QTableView:
        view = QTableView(self)
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
        # A click on the mentee already chosen (after Reflection, say) shows its record again.
        view.clicked.connect(self._on_mentee_clicked)
        view.activated.connect(self._on_mentee_clicked)
        return view

    def _build_area_list(self, areas: Sequence[PageSpec]) -> QListWidget:
        area_list = QListWidget(self)
        area_list.setObjectName("areaList")
        area_list.setAccessibleName("My practice")
        for spec in areas:
            item = QListWidgetItem(spec.title, area_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            if spec.icon:
                item.setIcon(icon(spec.icon))
        area_list.setMaximumHeight(area_list.sizeHintForRow(0) * (len(areas) + 1) + 8)
        area_list.itemActivated.connect(self._on_area_item)
        area_list.itemClicked.connect(self._on_area_item)
        return area_list

    def tab_order(self) -> tuple[QWidget, ...]:
        """The sidebar's controls in keyboard order (the window chains them to its tabs)."""
        return (
            self.filter_edit, self.status_filter, self.show_archived, self.mentee_view,
            self.add_button, self.archive_button, self.area_list,
        )  # fmt: skip

    def code_of(self, mentee_id: str) -> str:
        """The pseudonym code of a listed mentee ("" when unknown)."""
        row = self.mentees.row_of(mentee_id)
        return self.mentees.mentee(row).code if row >= 0 else ""

    def first_mentee_id(self) -> str | None:
        """The mentee at the top of the list as filtered and sorted now (None: empty)."""
        first = self.mentee_proxy.index(0, 0)
        return str(first.data(ID_ROLE)) if first.isValid() else None

    def select_mentee(self, mentee_id: str) -> None:
        """Make ``mentee_id`` the current row (if it is listed)."""
        row = self.mentees.row_of(mentee_id)
        if row < 0:
            return
        proxy_index = self.mentee_proxy.mapFromSource(self.mentees.index(row, 0))
        if not proxy_index.isValid():
            return
        if self.mentee_view.currentIndex().row() != proxy_index.row():
            self.mentee_view.setCurrentIndex(proxy_index)
        elif not self.mentee_view.selectionModel().isRowSelected(proxy_index.row()):
            self.mentee_view.selectRow(proxy_index.row())  # shown again after an area
        self.area_list.clearSelection()  # one list shows where you are, not two

    def select_area(self, key: str) -> None:
        for row in range(self.area_list.count()):
            item = self.area_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self.area_list.setCurrentItem(item)

    def clear(self) -> None:
        """On lock: no mentee code stays in the list or the filter."""
        self.mentees.clear()
        self.filter_edit.clear()

    def _on_mentee_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.mentee_chosen.emit(str(current.data(ID_ROLE)))

    def _on_mentee_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.mentee_chosen.emit(str(index.data(ID_ROLE)))
            self.mentee_view.selectRow(index.row())

    def _on_area_item(self, item: QListWidgetItem) -> None:
        self.area_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
