"""The evaluation sets: ``make eval`` prints one row per set, and test-set misses stay hidden.

The held-out notes were written outside the team and live outside the repository (``--heldout
FILE`` or ``MENTORJOURNAL_HELDOUT``): nothing here reads them, so nobody is tempted to tune the
rules on them. These tests use a small file of our own in the same format instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mentorjournal.anonymise.evaluation.__main__ import main
from mentorjournal.anonymise.evaluation.sets import (
    BRIEF_DEV_FILE,
    BRIEF_FILES,
    HELDOUT_ENV,
    SETS,
    SetUnavailable,
    brief_dev,
    brief_notes,
    heldout,
)

_NOTE = "Met Ruth Okonjo at Brambleford Library on 3rd of May; mood 6/10, she's 17."


@pytest.fixture
def heldout_file(tmp_path: Path) -> Path:
    """A held-out-format file (ids, text, known, gold spans, keep) written here, not copied."""

    def span(text: str, category: str) -> dict[str, object]:
        start = _NOTE.index(text)
        return {"start": start, "end": start + len(text), "category": category, "known": False}

    note = {
        "id": "t1",
        "text": _NOTE,
        "known": {},
        "gold": [
            span("Ruth Okonjo", "name"),
            span("Brambleford Library", "organisation"),
            span("3rd of May", "date"),
            span("17", "age"),
        ],
        "keep": [[_NOTE.index("6/10"), _NOTE.index("6/10") + 4]],
    }
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps(note) + "\n\n", encoding="utf-8")
    return path


def test_the_held_out_set_is_read_from_outside_the_repository(
    heldout_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HELDOUT_ENV, raising=False)
    with pytest.raises(SetUnavailable, match="--heldout"):
        heldout()
    monkeypatch.setenv(HELDOUT_ENV, str(heldout_file))
    (note,) = heldout()
    assert (
        note.id == "t1"
        and len(note.gold) == 4
        and note.keep == [(_NOTE.index("6/10"), _NOTE.index("6/10") + 4)]
    )
    with pytest.raises(SetUnavailable, match="is not there"):
        heldout(heldout_file.with_name("missing.jsonl"))


def test_no_held_out_file_is_kept_in_the_repository() -> None:
    root = Path(__file__).resolve().parents[2]
    assert not (root / "tests" / "anonymise" / "heldout").exists()


def test_make_eval_prints_one_row_per_set_and_recall_by_category(
    heldout_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--sets", "synth-dev,synth-test,heldout", "--n", "20", "--heldout", str(heldout_file)]
    assert main(args) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert {"synth-dev", "synth-test", "heldout"} <= rows
    assert "must-stay removed" in out and "recall by category" in out


def test_misses_of_test_and_held_out_sets_are_never_printed(
    heldout_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(
        [
            "--sets",
            "synth-test,heldout",
            "--n",
            "20",
            "--show-errors",
            "--heldout",
            str(heldout_file),
        ]
    )
    out = capsys.readouterr().out
    assert not re.search(r"^  (?:heldout|synth-test) ", out, re.MULTILINE)
    main(["--sets", "brief-dev", "--show-errors"])  # a development set: its errors are shown
    out = capsys.readouterr().out
    # each example says whether it is a miss or a false positive
    assert re.search(r"^  brief-dev missed \w+ +['\"]", out, re.MULTILINE)
    assert re.search(r"^  brief-dev false\+ \w+ +['\"]", out, re.MULTILINE)


@pytest.mark.parametrize(
    "name", ["brief-dev", "brief-dev2", "brief-dev3", "brief-dev4", "brief-dev5", "brief-dev6"]
)
def test_the_brief_dev_sets_load_with_gold_spans_and_kept_words(name: str) -> None:
    """Notes written outside the code from a one-paragraph brief: development sets in the repository."""
    notes = brief_notes(BRIEF_FILES[name])
    assert len(notes) >= 100
    assert name in SETS
    assert len({note.id for note in notes}) == len(notes)
    categories = {g["category"] for note in notes for g in note.gold}
    assert {"name", "date", "age", "phone", "organisation", "place"} <= categories
    for note in notes:
        assert note.id and note.text
        for g in note.gold:
            assert 0 <= g["start"] < g["end"] <= len(note.text)
        for start, end in note.keep:
            assert 0 <= start < end <= len(note.text)
    assert any(note.known for note in notes)  # some notes say what the vault knows


def test_brief_dev_is_reported_unavailable_when_its_file_is_missing(tmp_path: Path) -> None:
    assert BRIEF_DEV_FILE.name == "brief_dev.jsonl"
    with pytest.raises(SetUnavailable, match="not there"):
        brief_dev(tmp_path / "missing.jsonl")


@pytest.mark.parametrize("name", ["brief-test", "brief-test2"])
def test_brief_test_misses_are_never_shown(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The brief's test splits are scored like the held-out set: their notes are not for tuning."""
    split = tmp_path / "brief_test.jsonl"
    split.write_text(
        "\n".join(json.dumps(vars(note)) for note in brief_dev()[:5]), encoding="utf-8"
    )
    monkeypatch.setitem(BRIEF_FILES, name, split)
    main(["--sets", name, "--show-errors"])
    out = capsys.readouterr().out
    assert re.search(rf"^{name} +5 ", out, re.MULTILINE)  # scored
    assert not re.search(rf"^  {name} ", out, re.MULTILINE)  # never inspected
