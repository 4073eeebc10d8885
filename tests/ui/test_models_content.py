"""Every content-view model passes Qt's model tester with data and after clear() holds nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.cpd import CpdEntry, CpdYearTotal
from mentorjournal.domain.goals import Goal, GoalOverview, GoalProgress, GoalStatus, GoalStep
from mentorjournal.domain.mentee import Consent, Contact, ContactRole, Place, PlaceKind, Resource
from mentorjournal.domain.notes import NoteSummary, NoteTemplate, SessionMode
from mentorjournal.domain.reflection import Reflection, ReflectionModel
from mentorjournal.domain.supervision import (
    AgendaCandidate,
    SourceKind,
    SupervisionFocus,
    SupervisionFunction,
)
from mentorjournal.domain.timeline import TimelineEntry, TimelineKind
from mentorjournal.domain.validation import new_id
from ui.models.record_model import IdRole, RecordRole, RecordTableModel
from ui.pages.coping_plan.models import PlanItemsModel
from ui.pages.cpd.models import CpdModel, CpdTotalsModel
from ui.pages.goals.models import GoalColumn, GoalsModel
from ui.pages.goals.progress_model import ProgressColumn, ProgressModel
from ui.pages.people.consents_model import ConsentColumn, ConsentsModel
from ui.pages.people.contacts_model import ContactColumn, ContactsModel, PlacesModel
from ui.pages.reflection.models import ReflectionsModel
from ui.pages.reflection.timeline_model import TimelineColumn, TimelineModel
from ui.pages.resources.models import ResourcesModel
from ui.pages.sessions.models import SessionColumn, SessionsModel
from ui.pages.supervision.models import AgendaColumn, AgendaModel
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker

MENTEE = new_id()
T0 = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)


def _goal() -> GoalOverview:
    goal = Goal(
        id=new_id(),
        mentee_id=MENTEE,
        mentee_words="I want to get back to college",
        time_bound=date(2026, 9, 1),
        steps=(GoalStep(new_id(), "Ask about courses", done=True), GoalStep(new_id(), "Visit")),
    )
    latest = GoalProgress(new_id(), goal.id, date(2026, 2, 3), gas_level=1, percent=60)
    return GoalOverview(goal, latest, 2)


def _records() -> dict[type[RecordTableModel], list[object]]:
    return {
        SessionsModel: [
            NoteSummary(
                new_id(),
                MENTEE,
                T0 - timedelta(days=d),
                50,
                SessionMode.PHONE,
                NoteTemplate.SOAP,
                d % 2 == 0,
                d == 1,
                f"Talked about week {d}",
            )
            for d in range(3)
        ],
        GoalsModel: [
            _goal(),
            GoalOverview(Goal(new_id(), MENTEE, "Sleep better", status=GoalStatus.PAUSED), None, 0),
        ],
        ProgressModel: [
            GoalProgress(new_id(), new_id(), date(2026, 1, 1), gas_level=-1),
            GoalProgress(new_id(), new_id(), date(2026, 2, 1), percent=40, note="better"),
        ],
        ContactsModel: [
            Contact(new_id(), MENTEE, "Alex Example", ContactRole.FRIEND, phone="0123 456")
        ],
        PlacesModel: [Place(new_id(), MENTEE, "Exampletown", PlaceKind.TOWN)],
        ConsentsModel: [
            Consent(new_id(), MENTEE, "Share progress", "College tutor", date(2026, 1, 1)),
        ],
        ResourcesModel: [
            Resource(
                new_id(),
                MENTEE,
                "Example talking service",
                "counselling",
                referred_on=date(2026, 1, 9),
            ),
        ],
        ReflectionsModel: [
            Reflection(new_id(), T0, "A hard session", ReflectionModel.GIBBS, tags=("boundaries",)),
        ],
        TimelineModel: [
            TimelineEntry(TimelineKind.SESSION, new_id(), MENTEE, T0, T0.date(), "Session"),
            TimelineEntry(TimelineKind.REFLECTION, new_id(), None, T0, T0.date(), "Reflection"),
        ],
        CpdModel: [CpdEntry(new_id(), "Safeguarding course", date(2026, 1, 20), 6.5, "course")],
        CpdTotalsModel: [CpdYearTotal(2026, 6.5, 1), CpdYearTotal(2025, 12, 3)],
    }


@pytest.mark.parametrize("model_type", list(_records()), ids=lambda t: t.__name__)
def test_record_models_pass_model_tester_and_clear_empties(qtmodeltester, model_type) -> None:  # type: ignore[no-untyped-def]
    model = model_type()
    qtmodeltester.check(model)
    records = _records()[model_type]
    model.set_records(records)
    qtmodeltester.check(model)
    assert model.rowCount() == len(records)
    assert model.columnCount() == len(model.COLUMNS)
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal)
        assert isinstance(model.index(0, column).data(), str)
    assert model.index(0, 0).data(RecordRole) is records[0]
    record_id = model.index(0, 0).data(IdRole)
    assert record_id is not None and model.row_of(record_id) == 0
    model.clear()
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_session_rows_show_status_and_summary(qtbot: QtBot) -> None:
    model = SessionsModel()
    model.set_records(_records()[SessionsModel])
    assert model.index(0, SessionColumn.STATUS).data() == "Signed"
    assert model.index(1, SessionColumn.STATUS).data() == "Draft, risk flagged"
    assert model.index(0, SessionColumn.TEMPLATE).data() == "SOAP"
    assert model.index(2, SessionColumn.SUMMARY).data() == "Talked about week 2"
    # The list hides mode and template; the tooltip tells them, with the first line.
    tip = model.index(2, SessionColumn.DATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "SOAP" in tip and "Talked about week 2" in tip
    assert model.index(0, SessionColumn.STATUS).data(Qt.ItemDataRole.DecorationRole) is not None


def test_the_session_list_shows_day_state_and_first_line_on_one_line(
    qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    from ui.pages.sessions.page import SessionsTab

    tab = SessionsTab(worker, prompts)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitExposed(tab)
    tab.model.set_records(_records()[SessionsModel])
    view = tab.view
    shown = [c for c in range(tab.model.columnCount()) if not view.isColumnHidden(c)]
    assert shown == [SessionColumn.DATE, SessionColumn.STATUS, SessionColumn.SUMMARY]
    date_text = tab.model.index(0, SessionColumn.DATE).data()
    assert "\n" not in date_text
    qtbot.waitUntil(
        lambda: (
            view.columnWidth(SessionColumn.DATE) >= view.fontMetrics().horizontalAdvance(date_text)
        )
    )
    right_edge = view.columnViewportPosition(SessionColumn.SUMMARY)
    assert 0 < right_edge < view.viewport().width()  # the first line is in sight


def test_goal_rows_show_latest_progress_and_steps() -> None:
    model = GoalsModel()
    model.set_records(_records()[GoalsModel])
    assert model.index(0, GoalColumn.LATEST).data() == "+1 / 60% on 03 Feb 2026"
    assert model.index(0, GoalColumn.STEPS).data() == "1 of 2"
    assert model.index(1, GoalColumn.LATEST).data() == "No progress yet"
    assert model.index(1, GoalColumn.STATUS).data() == "Paused"


def test_progress_and_consent_columns_read_plainly() -> None:
    progress = ProgressModel()
    progress.set_records(_records()[ProgressModel])
    assert progress.index(0, ProgressColumn.LEVEL).data() == "-1 Somewhat less than expected"
    assert progress.index(1, ProgressColumn.PERCENT).data() == "40%"
    consent = Consent(
        new_id(),
        MENTEE,
        "Contact family",
        "Parent",
        date(2026, 1, 1),
        review_on=date(2026, 3, 1),
        withdrawn_on=date(2026, 4, 1),
    )
    model = ConsentsModel(today=date(2026, 2, 1))
    model.set_records([consent])
    assert model.index(0, ConsentColumn.STATE).data() == "In force"
    model.set_today(date(2026, 3, 2))
    assert model.index(0, ConsentColumn.STATE).data() == "Review due"
    model.set_today(date(2026, 4, 1))
    assert model.index(0, ConsentColumn.STATE).data() == "Withdrawn"
    contacts = ContactsModel()
    contacts.set_records(_records()[ContactsModel])
    assert contacts.index(0, ContactColumn.EMAIL).data() == "–"


def test_timeline_shows_mentee_codes_not_ids() -> None:
    model = TimelineModel()
    model.set_records(_records()[TimelineModel])
    model.set_mentee_codes({MENTEE: "M-017"})
    assert model.index(0, TimelineColumn.MENTEE).data() == "M-017"
    assert model.index(1, TimelineColumn.MENTEE).data() == "–"


def test_cpd_totals_answer_per_year() -> None:
    model = CpdTotalsModel()
    model.set_records(_records()[CpdTotalsModel])
    assert model.hours_for(2025) == 12
    assert model.hours_for(2024) == 0


def _candidate(kind: SourceKind, title: str, days: int = 0) -> AgendaCandidate:
    return AgendaCandidate(kind, new_id(), MENTEE, T0 + timedelta(days=days), title, "flagged")


def test_agenda_groups_by_function_and_keeps_mentor_choices(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AgendaModel()
    qtmodeltester.check(model)
    note = _candidate(SourceKind.NOTE, "Risk disclosed", 1)
    reflection = _candidate(SourceKind.REFLECTION, "Feeling drained", 2)
    model.set_candidates([reflection, note], {MENTEE: "M-017"})
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    normative = model.index(0, 0)
    assert model.rowCount(normative) == 1
    assert model.index(0, AgendaColumn.ITEM, normative).data() == "Risk disclosed"
    assert model.index(0, AgendaColumn.SOURCE, normative).data() == "Session note (M-017)"
    assert "1 item" in normative.data()
    model.set_function(reflection.source_id, SupervisionFunction.RESTORATIVE)
    model.set_focus(reflection.source_id, SupervisionFocus.MENTOR)
    qtmodeltester.check(model)
    restorative = model.index(2, 0)
    assert model.index(0, AgendaColumn.FOCUS, restorative).data() == "The mentor"
    # a refresh from the journal keeps the mentor's placement
    model.set_candidates([note, reflection])
    assert [r.function for r in model.rows(SupervisionFunction.RESTORATIVE)] == [
        SupervisionFunction.RESTORATIVE
    ]
    items = model.agenda_items(new_id)
    assert {i.source_id for i in items} == {note.source_id, reflection.source_id}
    assert (
        next(i for i in items if i.source_id == reflection.source_id).focus
        is SupervisionFocus.MENTOR
    )
    model.clear()
    assert model.rowCount() == 0  # after lock not even the group rows remain
    qtmodeltester.check(model)
    model.set_candidates([])
    assert model.rowCount() == 3  # loaded but empty: the three groups show, empty


def test_plan_items_reorder_by_keyboard_and_by_drop(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PlanItemsModel()
    edits: list[int] = []
    model.edited.connect(lambda: edits.append(1))
    model.set_items(["walk", "music", "bath"])
    qtmodeltester.check(model)
    assert model.move_item(2, -1) == 1
    assert model.items() == ("walk", "bath", "music")
    assert model.move_item(0, -1) == 0  # already first
    assert model.move_item(0, 1) == 1
    assert model.items() == ("bath", "walk", "music")
    mime = model.mimeData([model.index(2)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.items() == ("music", "bath", "walk")
    model.setData(model.index(1), "  warm bath  ")
    model.add_item("   ")
    assert model.items() == ("music", "warm bath", "walk")  # trimmed, blanks dropped
    model.remove_item(0)
    assert model.items() == ("warm bath", "walk")
    assert len(edits) >= 6
    qtmodeltester.check(model)
    model.clear()
    assert model.rowCount() == 0
