"""CLI commands for attendance: ``timesheet`` and ``allocation``.

* ``timesheet --mentee CODE --from DATE --to DATE --out FILE.pdf|.docx [--per month|term|year]
  [--json]``: the printable session log with a blank line per session for the mentee's
  signature and a summary per period against the allocation; ``--json`` prints the same rows
  and figures (codes only). Dates are the mentor's local days, both inclusive.
* ``allocation --mentee CODE [--hours H --per month|term|year | --clear] [--json]``: show, set
  or clear the hours a mentee is allocated.

The arguments are checked before the vault is opened, so a bad date costs no passphrase.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mentorjournal.cli.common import add_command, run_with_journal
from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation, format_hours
from mentorjournal.domain.validation import parse_enum
from mentorjournal.errors import UsageError, ValidationError
from mentorjournal.journal import Journal

PERIODS = [p.value for p in AllocationPeriod]


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} must be a date like 2026-03-01.") from exc


def _check_timesheet(args: argparse.Namespace) -> None:
    first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if last < first:
        raise UsageError("--to cannot be before --from.")
    if args.out is None and not args.json:
        raise UsageError("Give --out FILE.pdf or FILE.docx, or --json, or both.")
    if args.out is not None:
        from mentorjournal.export.timesheet import timesheet_format

        timesheet_format(Path(args.out))


def cmd_timesheet(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.timesheet import export_timesheet, timesheet_json

    first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    per = None if args.per is None else parse_enum(AllocationPeriod, args.per, "--per")
    if args.out is not None:
        sheet = export_timesheet(journal, args.mentee, first, last, Path(args.out), summary_per=per)
    else:
        sheet = journal.timesheet(journal.mentee_by_code(args.mentee).id, first, last,
                                  summary_per=per)  # fmt: skip
    if args.json:
        print(json.dumps(timesheet_json(sheet), ensure_ascii=False, indent=1))
    else:
        total = sheet.total
        print(
            f"{sheet.mentee_code}: {total.sessions_held} session(s) held, "
            f"{format_hours(total.minutes_held)} h; wrote {args.out}"
        )
    return 0


def _check_allocation(args: argparse.Namespace) -> None:
    if args.clear and (args.hours is not None or args.per is not None):
        raise UsageError("--clear takes neither --hours nor --per.")
    if (args.hours is None) != (args.per is None):
        raise UsageError("Give both --hours and --per to set an allocation.")


def cmd_allocation(journal: Journal, args: argparse.Namespace) -> int:
    mentee = journal.mentee_by_code(args.mentee)
    if args.clear:
        journal.clear_hour_allocation(mentee.id)
    elif args.hours is not None:
        per = parse_enum(AllocationPeriod, args.per, "--per")
        try:
            allocation = HourAllocation.of_hours(mentee.id, args.hours, per)
        except ValidationError as exc:  # a malformed number is a usage error
            raise UsageError(str(exc)) from exc
        journal.set_hour_allocation(allocation)
    found = journal.hour_allocation(mentee.id)
    if args.json:
        shown = None if found is None else {"minutes": found.minutes, "per": found.per.value}
        print(json.dumps({"mentee": mentee.code, "allocation": shown}))
    else:
        print(f"{mentee.code}: " + ("no allocation" if found is None else found.text))
    return 0


def _checked(
    check: Callable[[argparse.Namespace], None],
    handler: Callable[[Journal, argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        check(args)
        return run_with_journal(args, handler)

    return run


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``timesheet`` and ``allocation`` commands."""
    sheet = add_command(
        sub,
        "timesheet",
        _checked(_check_timesheet, cmd_timesheet),
        "a mentee's session log for signing, with a summary against the allocation",
    )
    sheet.add_argument("--mentee", required=True, metavar="CODE")
    sheet.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    sheet.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    sheet.add_argument("--out", metavar="FILE", help="a .pdf or .docx file to write")
    sheet.add_argument("--per", choices=PERIODS, help="summary per (default: the allocation's)")
    sheet.add_argument("--json", action="store_true", help="print the rows and totals as JSON")
    allocation = add_command(
        sub,
        "allocation",
        _checked(_check_allocation, cmd_allocation),
        "show, set or clear a mentee's allocation of hours",
    )
    allocation.add_argument("--mentee", required=True, metavar="CODE")
    allocation.add_argument("--hours", metavar="H", help="hours allocated, e.g. 12 or 7.5")
    allocation.add_argument("--per", choices=PERIODS)
    allocation.add_argument("--clear", action="store_true", help="remove the allocation")
    allocation.add_argument("--json", action="store_true", help="print JSON")
