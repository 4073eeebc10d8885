"""The read-only record tables every view shows: one way to set them up, so they all behave alike.

Rows are chosen whole, never edited in place (editing happens in a form beside the table), the
row-number header is hidden, and one column may take the spare width.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(
    model: QAbstractItemModel,
    accessible_name: str,
    *,
    stretch_column: int | None = None,
    single_selection: bool = False,
    select_rows: bool = True,
) -> QTableView:
    """A table over ``model`` that screen readers announce as ``accessible_name``."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    if select_rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    if stretch_column is not None:
        view.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view
