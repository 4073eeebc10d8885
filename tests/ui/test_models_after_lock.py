"""Lock: after clear() no page keeps a record in any model or any editor field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentorjournal.domain.mentee import Contact, Resource
from mentorjournal.domain.plans import PlanSection
from mentorjournal.domain.validation import new_id
from tests.fixtures.journal_fixtures import make_goal, make_mentee, make_note, make_reflection
from tests.ui.conftest import wait_idle
from ui.pages.coping_plan.page import CopingPlanTab
from ui.pages.cpd.page import CpdPage
from ui.pages.goals.page import GoalsTab
from ui.pages.people.page import PeopleConsentTab
from ui.pages.reflection.page import ReflectionPage
from ui.pages.resources.page import ResourcesTab
from ui.pages.sessions.page import SessionsTab
from ui.pages.supervision.page import SupervisionPage

PAGES = (SessionsTab, GoalsTab, CopingPlanTab, PeopleConsentTab, ResourcesTab)
AREAS = (ReflectionPage, SupervisionPage, CpdPage)


def _record_models(page: QWidget) -> list[QAbstractItemModel]:
    """Every model under the page except fixed choice lists (combo boxes)."""
    return [
        m for m in page.findChildren(QAbstractItemModel) if not isinstance(m.parent(), QComboBox)
    ]


def _texts(page: QWidget) -> list[str]:
    found = [e.toPlainText() for e in page.findChildren(QPlainTextEdit)]
    found += [e.toPlainText() for e in page.findChildren(QTextEdit)]
    found += [
        e.text()
        for e in page.findChildren(QLineEdit)
        if not isinstance(e.parent(), QComboBox | QAbstractSpinBox)  # choices, numbers, dates
    ]
    return [text for text in found if text]


def _qt_inner_part(widget: QWidget) -> bool:
    """Qt's own parts of a composite control: corner button, header, popup list, spin editor."""
    from PySide6.QtWidgets import QHeaderView

    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parent()
    return False


def test_every_page_holds_nothing_after_clear(qtbot: QtBot, worker, prompts, journal) -> None:
    mentee = make_mentee(journal)
    note = make_note(
        journal, mentee, text="A note to be forgotten on lock", flagged_for_supervision=True
    )
    goal = make_goal(journal, mentee)
    journal.add_progress(goal.id, on=date(2026, 1, 5), percent=40, session_id=note.id)
    journal.save_plan(mentee.id, {PlanSection.SELF_COPING: ["Walk"]})
    journal.save_plan(mentee.id, {PlanSection.SELF_COPING: ["Walk", "Music"]})
    journal.save_contact(Contact(new_id(), mentee.id, "Alex Example"))
    journal.save_resource(Resource(new_id(), mentee.id, "Example service"))
    make_reflection(journal, "Flagged thought", flagged_for_supervision=True, mentee_id=mentee.id)
    journal.add_cpd("Course", date(2026, 1, 5), 2)
    pages: list[QWidget] = []
    for page_type in PAGES + AREAS:
        page = page_type(worker, prompts)
        qtbot.addWidget(page)
        page.resize(1100, 800)
        page.show()
        if hasattr(page, "set_mentee"):
            page.set_mentee(mentee.id)
        pages.append(page)
    sessions, goals, plan = pages[0], pages[1], pages[2]
    assert isinstance(sessions, SessionsTab) and isinstance(goals, GoalsTab)
    assert isinstance(plan, CopingPlanTab)
    qtbot.waitUntil(
        lambda: sessions.model.rowCount() == 1 and goals.model.rowCount() == 1, timeout=5000
    )
    sessions.open_note(note.id)
    goals.open_goal(goal.id)
    qtbot.waitUntil(lambda: sessions.editor.note_id == note.id, timeout=5000)
    qtbot.waitUntil(lambda: goals.progress_model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: plan.versions_model.rowCount() == 2, timeout=5000)
    plan.compare_button.click()
    wait_idle(qtbot, worker)
    loaded = [m for page in pages for m in _record_models(page) if m.rowCount() > 0]
    assert len(loaded) >= 12, "the pages should have loaded real data before the lock"
    assert any("A note to be forgotten" in t for t in _texts(sessions))
    for page in pages:
        save_now = getattr(page, "save_now", None)
        if save_now is not None:
            save_now()
        page.clear()
    wait_idle(qtbot, worker)  # late answers to queries sent before the lock must not refill
    for page in pages:
        for model in _record_models(page):
            assert model.rowCount() == 0, f"{type(page).__name__}: {type(model).__name__} kept rows"
        assert _texts(page) == [], f"{type(page).__name__} kept text"


def test_every_control_on_every_page_has_an_accessible_name(qtbot: QtBot, worker, prompts) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QSlider,
    )

    kinds = (
        QPlainTextEdit,
        QTextEdit,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QSlider,
        QAbstractItemView,
        QAbstractButton,
    )
    for page_type in PAGES + AREAS:
        page = page_type(worker, prompts)
        qtbot.addWidget(page)
        for kind in kinds:
            for widget in page.findChildren(kind):
                if _qt_inner_part(widget):
                    continue
                name = widget.accessibleName() or (
                    widget.text() if isinstance(widget, QAbstractButton) else ""
                )
                assert name, f"{page_type.__name__}: a {kind.__name__} has no accessible name"
                assert "&" not in widget.accessibleName(), f"mnemonic marker in {name!r}"
