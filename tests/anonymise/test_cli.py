"""The ``anonymise`` CLI contract: batch JSONL in/out, stdin to stdout, clear errors, atomic output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from mentorjournal.cli import main

from .conftest import KNOWN_DICT


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_writes_one_result_per_line_with_spans_and_text(tmp_path: Path) -> None:
    src = write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps(
                {"id": "a", "text": "Samuel met Dr Patel on 3rd March.", "known": KNOWN_DICT}
            ),
            "",
            json.dumps({"id": 7, "text": "nothing here", "known": {}}),
        ],
    )
    out = tmp_path / "out.jsonl"
    assert main(["anonymise", "--batch", str(src), "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", 7]
    assert rows[0]["text"] == "Mentee A met Dr Clinician A on March."
    assert rows[0]["spans"] == [
        {"start": 0, "end": 6, "category": "name"},
        {"start": 14, "end": 19, "category": "name"},
        {"start": 23, "end": 32, "category": "date"},
    ]
    assert rows[1] == {"id": 7, "spans": [], "text": "nothing here"}


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: expected a JSON object"),
        ('{"id": 1, "text": 5}', 'line 2: "text" must be a string'),
        (
            '{"id": 1, "text": "x", "known": {"mentee": "Sam"}}',
            "line 2: known: mentee must be an object",
        ),
    ],
)
def test_a_malformed_line_is_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad_line: str, message: str
) -> None:
    src = write_lines(
        tmp_path / "in.jsonl", [json.dumps({"id": 1, "text": "Sam", "known": {}}), bad_line]
    )
    out = tmp_path / "out.jsonl"
    out.write_text("previous results\n", encoding="utf-8")
    assert main(["anonymise", "--batch", str(src), "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_missing_input_and_missing_out_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["anonymise", "--batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o")])
        == 2
    )
    assert main(["anonymise", "--batch", str(tmp_path / "nope.jsonl")]) == 2
    assert "--batch needs --out" in capsys.readouterr().err


def test_known_file_and_stdin_print_the_anonymised_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    known = tmp_path / "known.json"
    known.write_text(json.dumps(KNOWN_DICT), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"sammy rang 07700 900123\n")))
    assert main(["anonymise", "--known", str(known)]) == 0
    assert capsys.readouterr().out == "Mentee A rang [Phone]\n"


def test_relative_dates_need_a_reference_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"seen 10/03/2025")))
    assert main(["anonymise", "--dates", "relative"]) == 2
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"seen 10/03/2025")))
    assert main(["anonymise", "--dates", "relative", "--reference-date", "2025-03-03"]) == 0
    assert capsys.readouterr().out == "seen week 2, day 1"


def test_bad_known_file_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "known.json"
    bad.write_text("{oops", encoding="utf-8")
    assert main(["anonymise", "--known", str(bad)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
