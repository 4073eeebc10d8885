"""StoredTableModel: cells worked out once at set_records, the same roles as RecordTableModel."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ui.models.record_model import Column, IdRole, RecordRole, SortRole
from ui.models.stored_model import StoredTableModel


@dataclass(frozen=True)
class Row:
    id: str
    code: str
    days: int


class Rows(StoredTableModel):
    COLUMNS = (
        Column("Code", lambda r: r.code, tooltip=lambda r: f"Mentee {r.code}"),
        Column("Days", lambda r: f"{r.days} days", sort_key=lambda r: r.days, align_right=True),
    )


ROWS = [Row("id-1", "M-001", 12), Row("id-2", "M-002", 3)]


def test_cells_carry_text_tooltip_alignment_sort_value_record_and_id(
    qtmodeltester: ModelTester,
) -> None:
    model = Rows()
    qtmodeltester.check(model)
    model.set_records(ROWS)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Days"
    code, days = model.index(1, 0), model.index(1, 1)
    assert (code.data(), days.data()) == ("M-002", "3 days")
    assert code.data(Qt.ItemDataRole.ToolTipRole) == "Mentee M-002"
    assert days.data(Qt.ItemDataRole.ToolTipRole) is None
    assert days.data(SortRole) == 3 and code.data(SortRole) == "M-002"
    assert int(days.data(Qt.ItemDataRole.TextAlignmentRole)) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert days.data(RecordRole) is ROWS[1] and days.data(IdRole) == "id-2"
    assert model.records() == tuple(ROWS) and model.row_of("id-2") == 1
    assert not model.flags(code) & Qt.ItemFlag.ItemIsEditable


def test_a_refill_is_one_reset_and_clear_keeps_the_headers() -> None:
    model = Rows()
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda *_a: seen.append("inserted"))
    model.rowsRemoved.connect(lambda *_a: seen.append("removed"))
    model.set_records(ROWS)
    model.set_records(ROWS[:1])
    assert seen == ["reset", "reset"] and model.rowCount() == 1
    model.clear()
    assert model.rowCount() == 0 and model.records() == ()
    assert model.columnCount() == 2 and model.headerData(0, Qt.Orientation.Horizontal) == "Code"
