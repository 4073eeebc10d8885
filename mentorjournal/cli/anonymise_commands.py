"""``mentorjournal anonymise``: de-identify text without a vault.

Two forms, exactly as the contract says:
``--batch IN.jsonl --out OUT.jsonl`` (each IN line ``{"id", "text", "known"}``; each OUT line
``{"id", "spans": [{"start", "end", "category"}], "text"}``), and ``--known known.json < note.txt``
which prints the anonymised text. Bad input names its line and writes nothing: OUT is only
replaced, atomically, once every line has been read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from mentorjournal.cli.common import read_stdin_text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``anonymise`` to the parser."""
    parser = sub.add_parser(
        "anonymise",
        aliases=["anonymize"],
        help="replace identifiers in text (no vault needed)",
        description="Replace names, dates, places, numbers and other identifiers in notes.",
    )
    parser.add_argument("--batch", metavar="IN.jsonl", help='JSON lines {"id", "text", "known"}')
    parser.add_argument("--out", metavar="OUT.jsonl", help="where --batch writes its results")
    parser.add_argument("--known", metavar="FILE", help="JSON of what is known about the mentee")
    parser.add_argument(
        "--mentee-code", default="Mentee A", help='label for the mentee (default "Mentee A")'
    )
    parser.add_argument(
        "--dates",
        choices=("month", "relative"),
        default="month",
        help="dates become a month ('March 2025') or relative to --reference-date ('week 3, day 2')",
    )
    parser.add_argument(
        "--reference-date", metavar="YYYY-MM-DD", help="day 1 of week 1 for --dates relative"
    )
    parser.set_defaults(func=run)


def _options(args: argparse.Namespace) -> Any:
    from mentorjournal.anonymise import AnonymiseOptions, DateMode
    from mentorjournal.errors import UsageError

    reference = None
    if args.reference_date:
        try:
            reference = dt.date.fromisoformat(args.reference_date)
        except ValueError as exc:
            raise UsageError(
                f"--reference-date must be YYYY-MM-DD, not {args.reference_date!r}"
            ) from exc
    if args.dates == "relative" and reference is None:
        raise UsageError("--dates relative needs --reference-date YYYY-MM-DD")
    return AnonymiseOptions(
        mentee_code=args.mentee_code, date_mode=DateMode(args.dates), reference_date=reference
    )


def _read_known(path: str) -> Any:
    from mentorjournal.anonymise import Known
    from mentorjournal.errors import MentorJournalError, UsageError

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"Cannot read the known file {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"The known file {path} is not valid JSON: {exc}") from exc
    try:
        return Known.from_dict(data)
    except MentorJournalError as exc:
        raise UsageError(f"The known file {path}: {exc}") from exc


def _batch_line(raw: str, where: str) -> tuple[Any, str, Any]:
    from mentorjournal.anonymise import Known
    from mentorjournal.errors import MentorJournalError, UsageError

    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{where}: not valid JSON ({exc.msg})") from exc
    if not isinstance(item, dict):
        raise UsageError(f"{where}: expected a JSON object with id, text and known")
    text = item.get("text")
    if not isinstance(text, str):
        raise UsageError(f'{where}: "text" must be a string')
    try:
        known = Known.from_dict(item.get("known"))
    except MentorJournalError as exc:
        raise UsageError(f"{where}: {exc}") from exc
    return item.get("id"), text, known


def run_batch(in_path: str, out_path: str, options: Any) -> int:
    from mentorjournal.anonymise import Anonymiser, PseudonymMap
    from mentorjournal.errors import UsageError
    from mentorjournal.fsutil import atomic_write_bytes

    try:
        raw = Path(in_path).read_bytes()
    except OSError as exc:
        raise UsageError(f"Cannot read {in_path}: {exc.strerror}") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{in_path} is not UTF-8 text") from exc
    anonymiser = Anonymiser(options)
    lines: list[str] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        ident, text, known = _batch_line(line, f"{in_path} line {number}")
        anonymiser.pseudonyms = PseudonymMap(options.mentee_code)  # each record stands alone
        result = anonymiser.anonymise(text, known)
        spans = [
            {"start": r.start, "end": r.end, "category": r.category.value}
            for r in result.replacements
        ]
        lines.append(
            json.dumps({"id": ident, "spans": spans, "text": result.text}, ensure_ascii=False)
        )
    out = Path(out_path)
    if not out.parent.is_dir():
        raise UsageError(f"The folder for {out_path} does not exist")
    atomic_write_bytes(out, ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8"))
    return 0


def run(args: argparse.Namespace) -> int:
    from mentorjournal.anonymise import Known, anonymise
    from mentorjournal.errors import UsageError

    options = _options(args)
    if args.batch:
        if not args.out:
            raise UsageError("--batch needs --out OUT.jsonl")
        return run_batch(args.batch, args.out, options)
    if args.out:
        raise UsageError("--out is only used with --batch")
    known = _read_known(args.known) if args.known else Known()
    text = read_stdin_text()
    sys.stdout.write(anonymise(text, known, options=options).text)
    sys.stdout.flush()
    return 0
