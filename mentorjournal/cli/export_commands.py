"""CLI command group: ``export`` (supervision summary, mentee record, coping plan, JSON) and ``import``.

* ``export --supervision --from DATE --to DATE [--mentee CODE ...] --out FILE.{md,pdf,docx}``
* ``export --mentee CODE --out FILE.{md,pdf,docx}``: the mentee's whole record
* ``export --coping-plan CODE --out FILE.pdf``: the printable one-page plan
* ``export --note ID --out FILE.{md,pdf,docx}``: one session note with its addenda
* ``export --caseload --out FILE.{md,pdf,docx}``: today's caseload list, codes only
* ``export --subject-access CODE --out DIR [--requested DATE]``: a subject-access copy of the
  mentee's whole record (PDF, DOCX and JSON) in a folder, stating the day the request arrived
  (default: the oldest open request, else today) and the day it is due (one month, ICO)
* ``export --json FILE`` / ``import --json FILE``: the whole vault as portable JSON

The written file's path is printed as the last line of stdout. Every export is recorded in the
audit log; errors map to the usual typed exit codes.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from mentorjournal.cli.common import JournalHandler, add_vault_options, run_with_journal
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal


def _day(value: str | None, option: str) -> date:
    if not value:
        raise UsageError(f"{option} DATE is required (e.g. {option} 2026-01-31).")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} must be a date like 2026-01-31, not {value!r}.") from exc


def _out(args: argparse.Namespace) -> Path:
    if not args.out:
        raise UsageError("Say where to write the export with --out FILE.")
    return Path(args.out)


def _supervision(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.anonymise.dates import DateMode as DateStyle
    from mentorjournal.export.audited import export_supervision
    from mentorjournal.export.output import ExportFormat
    from mentorjournal.export.supervision_summary import (
        Include,
        SupervisionOptions,
        known_leaks,
        prepare,
    )

    out = _out(args)
    ExportFormat.for_path(out)  # a bad extension fails before any work
    try:
        include = frozenset(
            Include(part.strip()) for part in args.include.split(",") if part.strip()
        )
    except ValueError as exc:
        choices = ", ".join(i.value for i in Include)
        raise UsageError(f"--include takes a comma-separated list of: {choices}.") from exc
    options = SupervisionOptions(
        start=_day(args.date_from, "--from"),
        end=_day(args.date_to, "--to"),
        mentee_codes=tuple(args.mentee or ()),
        include=include,
        date_style=DateStyle(args.dates),
    )
    draft = prepare(journal, options)
    leaks = known_leaks(draft)
    if leaks:
        # Should not happen (the same detector replaced them); refuse rather than leak.
        raise UsageError(
            f"{len(leaks)} known identifier(s) would remain in the summary; "
            "review it in the app's preview instead."
        )
    export_supervision(journal, draft, out)
    print(out)
    return 0


def _mentee_record(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.audited import export_mentee_record

    out = _out(args)
    export_mentee_record(journal, args.mentee[0], out)
    print(out)
    return 0


def _coping_plan(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.audited import export_coping_plan

    out = _out(args)
    pages = export_coping_plan(journal, args.coping_plan, out)
    if pages > 1:
        print(
            f"mentorjournal: the plan is long and needed {pages} pages at the smallest type.",
            file=sys.stderr,
        )
    print(out)
    return 0


def _note(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.caseload_list import export_note

    out = _out(args)
    export_note(journal, args.note, out)
    print(out)
    return 0


def _caseload(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.caseload_list import export_caseload_list

    out = _out(args)
    export_caseload_list(journal, out)
    print(out)
    return 0


def _subject_access(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.subject_access import export_subject_access

    if not args.out:
        raise UsageError("Say which folder to write the copy into with --out DIR.")
    requested = None if args.requested is None else _day(args.requested, "--requested")
    written = export_subject_access(
        journal, args.subject_access, Path(args.out), requested_on=requested
    )
    request = written.request
    print(
        f"Request received {request.requested_on.isoformat()}, due by"
        f" {request.due_on.isoformat()} (one month)."
    )
    for path in written.files:
        print(path)
    print(written.folder)
    return 0


def _export_json(journal: Journal, args: argparse.Namespace) -> int:
    out = Path(args.json)
    journal.export_json(out)
    print(out)
    return 0


def _import_json(journal: Journal, args: argparse.Namespace) -> int:
    journal.import_json(Path(args.json))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Pick the export from the options given; exactly one kind per call."""
    kinds = [
        name
        for name, chosen in (
            ("--supervision", args.supervision),
            ("--json", args.json is not None),
            ("--coping-plan", args.coping_plan is not None),
            ("--note", args.note is not None),
            ("--caseload", args.caseload),
            ("--subject-access", args.subject_access is not None),
        )
        if chosen
    ]
    if len(kinds) > 1:
        raise UsageError(f"Choose one export at a time, not {' and '.join(kinds)}.")
    if args.requested is not None and args.subject_access is None:
        raise UsageError("--requested DATE goes with --subject-access CODE.")
    if args.supervision:
        handler: JournalHandler = _supervision
    elif args.json is not None:
        handler = _export_json
    elif args.coping_plan is not None:
        handler = _coping_plan
    elif args.note is not None:
        handler = _note
    elif args.caseload:
        handler = _caseload
    elif args.subject_access is not None:
        handler = _subject_access
    elif args.mentee:
        if len(args.mentee) > 1:
            raise UsageError("A record export takes one --mentee CODE.")
        handler = _mentee_record
    else:
        raise UsageError(
            "Say what to export: --supervision, --mentee CODE, --coping-plan CODE, --note ID,"
            " --caseload, --subject-access CODE or --json FILE."
        )
    return run_with_journal(args, handler)


def cmd_import(args: argparse.Namespace) -> int:
    if args.json is None:
        raise UsageError("Say what to import: --json FILE.")
    return run_with_journal(args, _import_json)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` and ``import`` to the parser."""
    export = sub.add_parser(
        "export",
        help="write an anonymised supervision summary, a mentee's record, a coping plan or JSON",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_vault_options(export)
    export.add_argument(
        "--supervision", action="store_true", help="the anonymised supervision summary"
    )
    export.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    export.add_argument(
        "--mentee",
        metavar="CODE",
        action="append",
        help="a mentee code (repeat for several; default: all with sessions in the period)",
    )
    export.add_argument(
        "--include",
        default="sessions,goals,reflections,agenda",
        help="what the summary holds (default: sessions,goals,reflections,agenda)",
    )
    export.add_argument(
        "--dates",
        choices=("relative", "month"),
        default="relative",
        help="dates as weeks from the first session (default) or as months",
    )
    export.add_argument("--coping-plan", metavar="CODE", help="the printable plan of a mentee")
    export.add_argument("--json", metavar="FILE", help="the whole vault as portable JSON")
    export.add_argument("--note", metavar="ID", help="one session note with its addenda")
    export.add_argument(
        "--caseload", action="store_true", help="today's caseload list (mentee codes only)"
    )
    export.add_argument(
        "--subject-access",
        metavar="CODE",
        help="a subject-access copy of a mentee's whole record (PDF, DOCX, JSON) into --out DIR",
    )
    export.add_argument(
        "--requested",
        metavar="DATE",
        help="with --subject-access: the day the request arrived (YYYY-MM-DD; default today)",
    )
    export.add_argument(
        "--out",
        metavar="FILE",
        help="where to write (.md, .pdf or .docx; a folder for --subject-access)",
    )
    export.set_defaults(func=cmd_export)

    importer = sub.add_parser("import", help="import a portable JSON export into this vault")
    add_vault_options(importer)
    importer.add_argument("--json", metavar="FILE", help="a file made by export --json")
    importer.set_defaults(func=cmd_import)
