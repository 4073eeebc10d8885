"""CLI command group ``supervision``: the supervision ledger, read-only.

* ``supervision log [--year YEAR] [--json]``: every meeting (newest first) with its date,
  supervisor, length, the Proctor functions it covered, its agenda and action counts, and the
  supervisor's sign-off (name and date) when it has one.
* ``supervision hours [--year YEAR] [--json]``: logged hours by month of the year (this year:
  through this month) against the monthly target, and where that target comes from.
* ``supervision export --out FILE.{pdf,docx,md} [--year YEAR]``: the year's log (agreement,
  hours, meetings with their sign-off) without case material, for renewal or audit.

Meetings are recorded and signed off on the Supervision page; the agreement is kept there too.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from mentorjournal.cli.common import add_command, with_journal
from mentorjournal.domain.supervision import SupervisionSession
from mentorjournal.domain.supervision_ledger import SupervisionSignOff, YearHours
from mentorjournal.journal import Journal


def meeting_json(meeting: SupervisionSession, signoff: SupervisionSignOff | None) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "held_on": meeting.held_on.isoformat(),
        "supervisor": meeting.supervisor,
        "minutes": meeting.minutes,
        "functions": sorted(f.value for f in meeting.functions),
        "agenda_items": len(meeting.agenda),
        "actions": len(meeting.actions),
        "open_actions": sum(1 for a in meeting.actions if not a.done),
        "signed_off": None
        if signoff is None
        else {"name": signoff.name, "on": signoff.signed_on.isoformat()},
    }


def cmd_log(journal: Journal, args: argparse.Namespace) -> int:
    meetings = [
        m for m in journal.list_supervision() if args.year is None or m.held_on.year == args.year
    ]
    signoffs = journal.supervision_signoffs()
    if args.json:
        rows = [meeting_json(m, signoffs.get(m.id)) for m in meetings]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for m in meetings:
        length = "not logged" if m.minutes is None else f"{m.minutes} min"
        functions = ", ".join(sorted(f.value for f in m.functions)) or "-"
        signed = signoffs.get(m.id)
        state = "not signed off" if signed is None else f"signed off by {signed.name}"
        print(f"{m.held_on.isoformat()}\t{m.supervisor}\t{length}\t{functions}\t{state}\t{m.id}")
    return 0


def hours_json(hours: YearHours, source: str | None) -> dict[str, Any]:
    return {
        "year": hours.year,
        "minutes": hours.minutes,
        "meetings": hours.meetings,
        "target_minutes": hours.target_minutes,
        "target_source": source,
        "months": [
            {
                "month": f"{m.month:%Y-%m}",
                "minutes": m.minutes,
                "meetings": m.meetings,
                "target_minutes": m.target_minutes,
                "met": m.met,
            }
            for m in hours.months
        ],
    }


def cmd_hours(journal: Journal, args: argparse.Namespace) -> int:
    hours = journal.supervision_hours(args.year)
    target = journal.supervision_target()
    if args.json:
        source = None if target is None else target.source
        print(json.dumps(hours_json(hours, source), ensure_ascii=False, indent=2))
        return 0
    for m in hours.months:
        goal = "" if m.target_minutes is None else f" of {m.target_minutes / 60:g} h"
        print(f"{m.month:%Y-%m}\t{m.minutes / 60:g} h{goal}\t{m.meetings} meetings")
    where = (
        ""
        if target is None
        else f" (target: {target.hours_per_month:g} h a month, {target.source})"
    )
    print(f"{hours.year}\t{hours.minutes / 60:g} h in {hours.meetings} meetings{where}")
    return 0


def cmd_export(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.supervision_log import export_supervision_log

    out = Path(args.out)
    export_supervision_log(journal, out, args.year)
    print(out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``supervision`` command group."""
    group = sub.add_parser(
        "supervision",
        help="the supervision ledger: meetings, sign-offs and hours",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="supervision_command", metavar="ACTION", required=True)
    log = add_command(commands, "log", with_journal(cmd_log), "list supervision meetings")
    log.add_argument("--year", type=int, metavar="YEAR")
    log.add_argument("--json", action="store_true")
    hours = add_command(
        commands, "hours", with_journal(cmd_hours), "supervision hours by month against the target"
    )
    hours.add_argument("--year", type=int, metavar="YEAR")
    hours.add_argument("--json", action="store_true")
    export = add_command(
        commands, "export", with_journal(cmd_export), "write the year's supervision log"
    )
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--year", type=int, metavar="YEAR")
