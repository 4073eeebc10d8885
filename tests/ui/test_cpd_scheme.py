"""CPD against a scheme in the app: categories in the form, progress beside the log, the picker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind
from tests.ui.conftest import ask
from ui.gc_guard import collected_on_gui_thread
from ui.pages.cpd.models import CategoryHoursModel
from ui.pages.cpd.page import CpdPage
from ui.pages.cpd.scheme_dialog import SchemeDialog
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


@pytest.fixture(autouse=True)
def _collect_garbage_on_gui_thread() -> Iterator[None]:
    with collected_on_gui_thread():
        yield


def _page(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> CpdPage:
    page = CpdPage(worker, prompts)
    qtbot.addWidget(page)
    worker.changed.connect(page.on_changes)
    page.resize(1200, 800)
    page.show()
    return page


def test_progress_follows_a_categorised_entry_typed_in_the_form(
    qtbot: QtBot, journal_worker, prompts, journal, vault_clock
) -> None:
    today = vault_clock.now().date()
    journal.set_cpd_scheme(CpdScheme(SchemeKind.ICRC_PEER_RECOVERY, date(today.year, 1, 1)))
    journal.add_cpd("Safeguarding update", today, 15, category=CpdCategory.SAFEGUARDING)
    page = _page(qtbot, journal_worker, prompts)
    qtbot.waitUntil(lambda: "IC&RC Peer Recovery" in page.scheme_title.text(), timeout=5000)
    assert page.hours_bar.text() == "15 of 20 h"
    assert "Still needed: 5 more hours in all; 6 more hours of ethics." in page.scheme_status.text()
    form = page.editor
    form.new_button.click()
    qtbot.keyClicks(form.widgets["activity"], "Boundaries and dual relationships")
    form.widgets["on"].setDate(QDate(today.year, today.month, today.day))
    form.widgets["hours"].setValue(6)
    category = form.widgets["category"]
    category.setCurrentIndex(category.findData(CpdCategory.ETHICS.value))
    form.save_button.click()
    qtbot.waitUntil(lambda: "requirement is met" in page.scheme_status.text(), timeout=5000)
    assert page.hours_bar.text() == "21 of 20 h"
    assert [(c.label, c.hours) for c in page.categories.records()] == [
        ("Ethics", 6.0),
        ("Safeguarding", 15.0),
    ]
    stored = ask(qtbot, journal_worker, lambda j: j.list_cpd())
    assert {e.category for e in stored} == {CpdCategory.ETHICS, CpdCategory.SAFEGUARDING}


def test_an_entry_left_uncategorised_stays_so(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    page = _page(qtbot, journal_worker, prompts)
    qtbot.waitUntil(page.scheme_button.isEnabled, timeout=5000)
    assert page.scheme_title.text().startswith("No scheme chosen")
    qtbot.keyClicks(page.editor.widgets["activity"], "Reading")
    page.editor.save_button.click()
    qtbot.waitUntil(lambda: page.categories.rowCount() == 1, timeout=5000)
    assert page.categories.records()[0].label == "Not categorised"
    assert ask(qtbot, journal_worker, lambda j: j.list_cpd())[0].category is None


def test_the_picker_saves_a_custom_scheme_and_refuses_a_bad_one(
    qtbot: QtBot, journal_worker, prompts, journal
) -> None:
    page = _page(qtbot, journal_worker, prompts)
    qtbot.waitUntil(page.scheme_button.isEnabled, timeout=5000)
    page.scheme_button.click()
    dialog = page.scheme_dialog
    assert isinstance(dialog, SchemeDialog) and dialog.isVisible()
    assert not dialog.custom.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(SchemeKind.CUSTOM.value))
    assert dialog.custom.isVisibleTo(dialog)
    dialog.hours.setValue(5)
    dialog.accept()  # no name: refused, with the reason shown, and nothing saved
    assert dialog.isVisible() and "name" in dialog.error.text().lower()
    qtbot.keyClicks(dialog.name, "Bank staff")
    dialog.minimum_category.setCurrentIndex(dialog.minimum_category.findData("law"))
    dialog.minimum_hours.setValue(2)
    dialog.cycle_start.setDate(QDate(2025, 4, 1))
    dialog.accept()
    qtbot.waitUntil(lambda: "Bank staff" in page.scheme_title.text(), timeout=5000)
    scheme = ask(qtbot, journal_worker, lambda j: j.cpd_scheme())
    assert scheme is not None and scheme.rule is not None
    assert (scheme.cycle_start, scheme.rule.total_hours) == (date(2025, 4, 1), 5)
    assert scheme.rule.minimums[0].categories == frozenset({CpdCategory.LAW})
    assert "Law: 0 of 2 h" in page.scheme_status.text()


def test_export_log_writes_a_pdf_that_opens(
    qtbot: QtBot, journal_worker, prompts, journal, vault_clock, tmp_path: Path
) -> None:
    journal.set_cpd_scheme(CpdScheme(SchemeKind.UMHAN, date(2025, 9, 1)))
    journal.add_cpd("Conference", vault_clock.now().date(), 6, category=CpdCategory.OTHER)
    page = _page(qtbot, journal_worker, prompts)
    qtbot.waitUntil(page.scheme_button.isEnabled, timeout=5000)
    out = tmp_path / "log.pdf"
    prompts.script("save_file", out)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    text = " ".join(pypdf.PdfReader(str(out)).pages[0].extract_text().split())
    assert "UMHAN accredited practitioner" in text and "Conference" in text


def test_category_hours_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from mentorjournal.domain.cpd_scheme import CategoryHours

    model = CategoryHoursModel()
    model.set_records([CategoryHours(CpdCategory.ETHICS, 2.0, 1), CategoryHours(None, 1.0, 1)])
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
