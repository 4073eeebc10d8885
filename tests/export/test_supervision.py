"""The supervision summary: nothing the vault knows survives, pseudonyms are consistent, audited."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pypdf
import pytest

from mentorjournal.anonymise.dates import DateMode as DateStyle
from mentorjournal.errors import RecordNotFound, UsageError, ValidationError
from mentorjournal.export.audited import export_supervision
from mentorjournal.export.markdown import to_markdown
from mentorjournal.export.supervision_summary import (
    AUDIT_KIND,
    Include,
    SupervisionOptions,
    gather,
    known_leaks,
    prepare,
)
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.export.supervision_seed import PERIOD, Caseload, seed_caseload
from tests.fixtures.journal_fixtures import db_of


@pytest.fixture
def caseload(journal: Journal) -> Caseload:
    return seed_caseload(journal)


def _leaked(text: str, strings: list[str]) -> list[str]:
    """Every known string still present, as a whole word, in any case."""
    found = []
    for value in strings:
        pattern = re.escape(value) if not value[0].isalpha() else rf"\b{re.escape(value)}"
        if re.search(pattern, text, re.IGNORECASE):
            found.append(value)
    return found


def _all_strings(caseload: Caseload) -> list[str]:
    return [s for values in caseload.strings.values() for s in values]


def test_no_known_identifier_of_any_mentee_survives(journal: Journal, caseload: Caseload) -> None:
    options = SupervisionOptions(*PERIOD, mentee_codes=("M-901", "M-902"))
    draft = prepare(journal, options)
    text = to_markdown(draft.document())
    assert _leaked(text, _all_strings(caseload)) == []
    assert known_leaks(draft) == []
    # And nothing that would link back to the vault: codes and record ids.
    assert "M-901" not in text and caseload.first.id not in text


def test_every_format_written_is_free_of_known_identifiers(
    journal: Journal, caseload: Caseload, tmp_path: Path
) -> None:
    draft = prepare(journal, SupervisionOptions(*PERIOD))
    texts = {}
    for suffix in ("md", "pdf", "docx"):
        path = tmp_path / f"summary.{suffix}"
        export_supervision(journal, draft, path)
        if suffix == "md":
            texts[suffix] = path.read_text(encoding="utf-8")
        elif suffix == "pdf":
            reader = pypdf.PdfReader(str(path))
            texts[suffix] = "\n".join(p.extract_text() for p in reader.pages)
        else:
            texts[suffix] = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    for suffix, text in texts.items():
        assert _leaked(text, _all_strings(caseload)) == [], suffix
        assert "Mentee A" in text, suffix


def test_same_person_gets_the_same_pseudonym_everywhere(
    journal: Journal, caseload: Caseload
) -> None:
    draft = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901", "M-902")))
    by_original: dict[str, set[str]] = {}
    for block in draft.blocks:
        for item in block.replacements:
            if item.category == "name":
                key = item.original.casefold().removesuffix("'s")
                by_original.setdefault(key, set()).add(item.pseudonym.removesuffix("'s"))
    assert by_original["morwenna"] == {"Parent 1"}
    assert by_original["tam"] == by_original["tamsin"] == {"Mentee A"}
    assert by_original["ignatius"] == {"Mentee B"}
    assert by_original["delphine"] == {"Sibling 1"}
    text = draft.plain_text()
    # The mother is mentioned in sessions 1, 2 and 3 and the reflection: always Parent 1.
    assert text.count("Parent 1") >= 4
    assert "Mentee A's" in text  # possessives still read naturally


def test_pseudonym_map_never_leaves_the_vault(
    journal: Journal, caseload: Caseload, tmp_path: Path
) -> None:
    draft = prepare(journal, SupervisionOptions(*PERIOD))
    path = tmp_path / "summary.md"
    export_supervision(journal, draft, path)
    text = path.read_text(encoding="utf-8")
    # No table of pseudonym -> original anywhere in the file.
    assert "Morwenna" not in text
    assert not re.search(r"Parent 1\s*(=|->|:)\s*\w", text)


def test_dates_are_relative_to_the_first_session_or_months(
    journal: Journal, caseload: Caseload
) -> None:
    relative = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",))).plain_text()
    assert "Session 1 · week 1, day 1" in relative
    assert "Session 3 · week 3, day 1" in relative
    assert "15th January" not in relative and "week 2, day 4" in relative
    monthly = prepare(
        journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",), date_style=DateStyle.MONTH)
    ).plain_text()
    assert "Session 1 · January 2026" in monthly
    assert "week 1" not in monthly


def test_ages_become_bands_and_scores_and_techniques_stay(
    journal: Journal, caseload: Caseload
) -> None:
    text = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",))).plain_text()
    assert "[mid-teens]" in text
    assert "anxiety 4/10" in text and "grounding" in text


def test_sections_can_be_left_out(journal: Journal, caseload: Caseload) -> None:
    options = SupervisionOptions(
        *PERIOD, mentee_codes=("M-901",), include=frozenset({Include.GOALS})
    )
    text = prepare(journal, options).plain_text()
    assert "Goals and progress" in text and "Session summaries" not in text
    assert "Mentee A" in text and "[School]" in text
    assert "GAS -1" in text


def test_own_reflections_and_agenda_are_included_and_anonymised(
    journal: Journal, caseload: Caseload
) -> None:
    draft = prepare(
        journal,
        SupervisionOptions(
            *PERIOD, mentee_codes=("M-901",), questions=("Is Oswin a safe friend?",)
        ),
    )
    text = draft.plain_text()
    assert "My own boundaries" in text
    assert "How do I hold boundaries when Mentee A's mum calls me?" in text
    assert "Is Friend A a safe friend?" in text


def test_reflection_about_a_mentee_not_exported_is_left_out(
    journal: Journal, caseload: Caseload
) -> None:
    material = gather(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-902",)))
    titles = [r.title for r in material.reflections] + [
        r.title for mm in material.mentees for r in mm.reflections
    ]
    assert "Working with Tam" not in titles and "My own boundaries" in titles


def test_the_export_is_recorded_in_the_audit_log_without_content(
    journal: Journal, caseload: Caseload, tmp_path: Path
) -> None:
    draft = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",)))
    export_supervision(journal, draft, tmp_path / "summary.docx")
    events = [e for e in audit.events(db_of(journal), limit=1000) if e.action == "export"]
    assert len(events) == 1
    assert events[0].kind == AUDIT_KIND
    assert "mentees=1" in events[0].detail and "sessions=3" in events[0].detail
    assert "format=docx" in events[0].detail
    assert _leaked(events[0].detail, _all_strings(caseload)) == []
    assert "summary.docx" not in events[0].detail
    assert audit.verify_chain(db_of(journal)).ok


def test_nothing_is_audited_when_the_write_fails(
    journal: Journal, caseload: Caseload, tmp_path: Path
) -> None:
    draft = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",)))
    with pytest.raises(UsageError):
        export_supervision(journal, draft, tmp_path / "missing" / "summary.md")
    assert [e for e in audit.events(db_of(journal), limit=1000) if e.action == "export"] == []


def test_unknown_mentee_code_is_a_clear_error(journal: Journal, caseload: Caseload) -> None:
    with pytest.raises(RecordNotFound):
        prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-999",)))


def test_a_backwards_period_is_refused() -> None:
    with pytest.raises(ValidationError):
        SupervisionOptions(PERIOD[1], PERIOD[0])


def test_each_session_lists_the_goals_it_worked_on_anonymised(
    journal: Journal, caseload: Caseload
) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    goal = journal.list_goals(caseload.first.id)[0]
    note = next(
        n
        for n in journal.notes_for(caseload.first.id)
        if n.started_at == datetime(2026, 1, 19, 16, 0, tzinfo=UTC)
    )
    journal.save_draft(replace(note, goal_ids=(goal.id,)))
    text = prepare(journal, SupervisionOptions(*PERIOD, mentee_codes=("M-901",))).plain_text()
    assert text.count("Goals worked on:") == 1
    assert "Goals worked on: “I want to get back to [School] full time”" in text
    assert "Harrowgate" not in text
    without_goals = SupervisionOptions(
        *PERIOD, mentee_codes=("M-901",), include=frozenset({Include.SESSIONS})
    )
    assert "Goals worked on" not in prepare(journal, without_goals).plain_text()
