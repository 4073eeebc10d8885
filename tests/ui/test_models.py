"""Every model the shell owns passes Qt's model tester, filters correctly and empties on clear."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from mentorjournal.domain.mentee import Mentee
from mentorjournal.domain.validation import new_id
from ui.models.mentees import (
    ARCHIVED_ROLE,
    ID_ROLE,
    MenteeFilterProxy,
    MenteeListModel,
    MenteeRow,
)
from ui.pages.search.models import HTML_ROLE, TARGET_ROLE, SearchResultsModel, SearchRow

ROWS = [
    MenteeRow("id-1", "M-001", "active"),
    MenteeRow("id-2", "M-002", "paused"),
    MenteeRow("id-3", "M-017", "closed", archived=True),
]


def test_mentee_model_passes_model_tester_through_reset_and_clear(
    qtmodeltester: ModelTester,
) -> None:
    model = MenteeListModel()
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    assert model.rowCount() == 3 and model.columnCount() == 2
    assert model.index(1, 0).data() == "M-002"
    assert model.index(2, 1).data() == "Closed (archived)"
    assert model.index(0, 0).data(ID_ROLE) == "id-1"
    assert model.index(2, 0).data(ARCHIVED_ROLE) is True
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Code"
    model.clear()
    assert model.rowCount() == 0


def test_mentee_proxy_filters_text_status_and_hides_archived(qtmodeltester: ModelTester) -> None:
    model = MenteeListModel()
    model.set_rows(ROWS)
    proxy = MenteeFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    def codes() -> list[str]:
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    assert codes() == ["M-001", "M-002"], "archived mentees are hidden by default"
    proxy.set_show_archived(True)
    assert codes() == ["M-001", "M-002", "M-017"]
    proxy.set_status("paused")
    assert codes() == ["M-002"]
    proxy.set_status("")
    proxy.setFilterFixedString("m-01")
    assert codes() == ["M-017"]


def test_mentee_row_never_carries_names() -> None:
    mentee = Mentee(id=new_id(), code="M-009", first_name="Synthetic", last_name="Person")
    row = MenteeRow.from_domain(mentee)
    assert "Synthetic" not in repr(row) and "Person" not in repr(row)


def test_search_results_model_highlights_safely(qtmodeltester: ModelTester) -> None:
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_rows(
        [
            SearchRow("note", "n1", "m1", "2026-01-05", "", "felt \x02anxious\x03 <script>"),
            SearchRow("reflection", "r1", "", "2026-01-06", "Gibbs", "my own \x02anxiety\x03"),
        ]
    )
    html = model.index(0).data(HTML_ROLE)
    assert "<b>anxious</b>" in html and "&lt;script&gt;" in html and "<script>" not in html
    plain = model.index(0).data()
    assert "\x02" not in plain and "anxious" in plain and plain.startswith("Session note")
    assert model.index(1).data(TARGET_ROLE) == ("reflection", "r1", "")
    model.clear()
    assert model.rowCount() == 0
