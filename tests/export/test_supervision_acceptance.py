"""Acceptance: a supervision export of two notes that name one person four ways.

Through the real CLI on a real vault: the person named in full, by first name, by title and
surname and by nickname shows as ONE label, and none of the notes' place, venue, employer, date
or handle strings is left in any format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
import pypdf
import pytest

from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.fixtures.vault_fixtures import CliResult

Cli = Callable[..., CliResult]
NOTE_ONE = (
    "Tamsin met her friend Jordan Ellery at Castle Park after school. Jordan works at Costa "
    "in Filton and posts on insta as jord_e99. They are meeting again on 10/12."
)
NOTE_TWO = (
    "Jordan (known as Jordo to his mates) came too; Mr Ellery collected them from Cabot Circus. "
    "Jordo wants to study at UCD in Dún Laoghaire. PHQ-9 of 14, GAD-7 11."
)
MUST_GO = ["Jordan", "Ellery", "Jordo", "Castle Park", "Costa", "Filton", "jord_e99", "10/12",
           "Cabot Circus", "UCD", "Dún Laoghaire", "Tamsin"]  # fmt: skip


@pytest.fixture
def vault_args(journal: Journal, vault_paths: VaultPaths, passphrase_file: Path) -> list[str]:
    mentee = make_mentee(journal, "M-777", first_name="Tamsin", last_name="Quillfeather")
    make_note(journal, mentee, text=NOTE_ONE, started_at=datetime(2026, 1, 5, 16, 0, tzinfo=UTC))
    make_note(journal, mentee, text=NOTE_TWO, started_at=datetime(2026, 1, 12, 16, 0, tzinfo=UTC))
    journal.lock()
    return ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages)
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", ["md", "pdf", "docx"])
def test_one_person_one_label_and_nothing_left_behind(
    run_cli: Cli, vault_args: list[str], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"summary.{suffix}"
    result = run_cli(
        "export", "--supervision", "--from", "2026-01-01", "--to", "2026-01-31",
        "--out", out, *vault_args,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    text = _text(out)
    for value in MUST_GO:
        assert value not in text, (value, text)
    people = set(re.findall(r"\b(?:Person|Friend|Relative|Parent) [A-Z0-9]+\b", text))
    assert people == {"Friend A"}, text
    assert "Mr Friend A" in text
    assert "PHQ-9 of 14" in text and "GAD-7 11" in text
