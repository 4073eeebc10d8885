"""CLI command group ``cpd``: log CPD, choose the scheme, see progress, export the renewal log.

* ``cpd add --activity TEXT --on DATE --hours H [--category C] [--kind K] [--evidence REF]``
  (what was learnt on stdin with ``--learning-stdin``); prints the new id
* ``cpd scheme --set KIND --cycle-start DATE`` (``--set custom`` also takes ``--name``,
  ``--months``, ``--hours``, ``--activities`` and ``--minimum CATEGORY[+CATEGORY]=HOURS``);
  ``cpd scheme`` alone prints the current one
* ``cpd summary [--json] [--on DATE]``: hours by category and the current cycle's progress
* ``cpd export --out FILE.{md,pdf,docx} [--from DATE --to DATE]``: the log for renewal
  (default: the current cycle, or this calendar year without a scheme)
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from mentorjournal.cli.common import (
    add_command,
    print_created,
    read_stdin_text,
    with_journal,
)
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import (
    CategoryHours,
    CategoryMinimum,
    CpdRule,
    CpdScheme,
    SchemeKind,
    SchemeProgress,
)
from mentorjournal.domain.validation import parse_enum
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal


def _day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} must be a date like 2026-01-31, not {value!r}.") from exc


def _category(value: str | None) -> CpdCategory | None:
    return None if value is None else parse_enum(CpdCategory, value, "--category")


def cmd_add(journal: Journal, args: argparse.Namespace) -> int:
    learning = read_stdin_text() if args.learning_stdin else ""
    entry = journal.add_cpd(
        args.activity,
        _day(args.on, "--on"),
        args.hours,
        kind=args.kind or "",
        learning=learning,
        evidence=args.evidence or "",
        category=_category(args.category),
    ).value
    print_created(entry.id)
    return 0


def _minimum(text: str) -> CategoryMinimum:
    """``ethics+law=6``: hours from any of the named categories."""
    names, sep, hours = text.partition("=")
    if not sep:
        raise UsageError(f"--minimum takes CATEGORY[+CATEGORY]=HOURS, not {text!r}.")
    categories = frozenset(
        parse_enum(CpdCategory, name.strip(), "--minimum") for name in names.split("+")
    )
    try:
        value = float(hours)
    except ValueError as exc:
        raise UsageError(f"--minimum hours must be a number, not {hours!r}.") from exc
    label = " and ".join(sorted(c.label for c in categories))
    return CategoryMinimum(label, categories, value)


def _custom_rule(args: argparse.Namespace) -> CpdRule:
    if args.name is None or args.months is None or args.hours is None:
        raise UsageError("A custom scheme needs --name, --months and --hours.")
    return CpdRule(
        args.name,
        args.months,
        args.hours,
        tuple(_minimum(m) for m in args.minimum or ()),
        args.activities or 0,
    )


def cmd_scheme(journal: Journal, args: argparse.Namespace) -> int:
    if args.set is None:
        scheme = journal.cpd_scheme()
        print(json.dumps(None if scheme is None else scheme_json(scheme), indent=2))
        return 0
    kind = parse_enum(SchemeKind, args.set, "--set")
    if args.cycle_start is None:
        raise UsageError("Say when the current cycle began with --cycle-start DATE.")
    custom = _custom_rule(args) if kind is SchemeKind.CUSTOM else None
    if kind is not SchemeKind.CUSTOM and (args.name or args.minimum or args.months):
        raise UsageError("--name, --months and --minimum are for --set custom only.")
    journal.set_cpd_scheme(CpdScheme(kind, _day(args.cycle_start, "--cycle-start"), custom))
    print(kind.value)
    return 0


def scheme_json(scheme: CpdScheme) -> dict[str, Any]:
    rule = scheme.rule
    return {
        "kind": scheme.kind.value,
        "cycle_start": scheme.cycle_start.isoformat(),
        "rule": None
        if rule is None
        else {
            "name": rule.name,
            "cycle_months": rule.cycle_months,
            "hours": rule.total_hours,
            "activities": rule.min_activities,
            "minimums": [
                {
                    "label": m.label,
                    "categories": sorted(c.value for c in m.categories),
                    "hours": m.hours,
                }
                for m in rule.minimums
            ],
        },
    }


def _categories_json(rows: tuple[CategoryHours, ...]) -> list[dict[str, Any]]:
    return [
        {
            "category": None if r.category is None else r.category.value,
            "label": r.label,
            "hours": r.hours,
            "activities": r.activities,
        }
        for r in rows
    ]


def progress_json(progress: SchemeProgress) -> dict[str, Any]:
    return {
        "name": progress.scheme,
        "cycle_start": progress.cycle_start.isoformat(),
        "cycle_end": progress.cycle_end.isoformat(),
        "days_left": progress.days_left,
        "hours_required": progress.hours.required,
        "hours_done": progress.hours.done,
        "activities_required": progress.activities_required,
        "activities_done": progress.activities_done,
        "minimums": [
            {"label": m.label, "required": m.required, "done": m.done, "met": m.met}
            for m in progress.minimums
        ],
        "met": progress.met,
        "shortfalls": progress.shortfalls(),
        "hours_by_category": _categories_json(progress.by_category),
    }


def cmd_summary(journal: Journal, args: argparse.Namespace) -> int:
    today = _day(args.on, "--on") if args.on else journal.today()
    scheme = journal.cpd_scheme()
    progress = journal.cpd_progress(today)
    by_category = journal.cpd_by_category()
    summary = {
        "today": today.isoformat(),
        "total_hours": round(sum(r.hours for r in by_category), 2),
        "activities": sum(r.activities for r in by_category),
        "hours_by_category": _categories_json(by_category),
        "scheme": None if scheme is None else scheme.kind.value,
        "progress": None if progress is None else progress_json(progress),
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for row in by_category:
        print(f"{row.label}\t{row.hours:g} h\t{row.activities}")
    print(f"All\t{summary['total_hours']:g} h\t{summary['activities']}")
    if progress is not None:
        state = "met" if progress.met else "; ".join(progress.shortfalls())
        print(
            f"{progress.scheme}: {progress.hours.done:g} of {progress.hours.required:g} h"
            f" by {progress.cycle_end.isoformat()} ({state})"
        )
    return 0


def cmd_export(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.cpd_log import export_cpd_log

    if (args.date_from is None) != (args.date_to is None):
        raise UsageError("Give both --from and --to, or neither for the current cycle.")
    first = None if args.date_from is None else _day(args.date_from, "--from")
    last = None if args.date_to is None else _day(args.date_to, "--to")
    out = Path(args.out)
    export_cpd_log(journal, out, first, last)
    print(out)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cpd`` command group."""
    group = sub.add_parser(
        "cpd",
        help="log CPD and see progress against your scheme",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="cpd_command", metavar="ACTION", required=True)
    add = add_command(commands, "add", with_journal(cmd_add), "log a CPD activity; prints its id")
    add.add_argument("--activity", required=True)
    add.add_argument("--on", required=True, metavar="DATE")
    add.add_argument("--hours", required=True, type=float)
    add.add_argument("--category", choices=[c.value for c in CpdCategory])
    add.add_argument("--kind", help="course, workshop, reading, group...")
    add.add_argument("--evidence", metavar="REF", help="certificate or evidence reference")
    add.add_argument(
        "--learning-stdin", action="store_true", help="read what you learnt from stdin"
    )
    scheme = add_command(
        commands, "scheme", with_journal(cmd_scheme), "show or set the scheme you renew under"
    )
    scheme.add_argument("--set", choices=[k.value for k in SchemeKind], metavar="KIND")
    scheme.add_argument("--cycle-start", metavar="DATE", help="the day this cycle began")
    scheme.add_argument("--name", help="custom scheme: its name")
    scheme.add_argument("--months", type=int, help="custom scheme: months per cycle")
    scheme.add_argument("--hours", type=float, help="custom scheme: hours per cycle")
    scheme.add_argument("--activities", type=int, help="custom scheme: activities per cycle")
    scheme.add_argument(
        "--minimum",
        action="append",
        metavar="CATEGORY[+CATEGORY]=HOURS",
        help="custom scheme: hours needed from some categories (repeatable)",
    )
    summary = add_command(
        commands, "summary", with_journal(cmd_summary), "hours by category and scheme progress"
    )
    summary.add_argument("--json", action="store_true", help="print one JSON object")
    summary.add_argument("--on", metavar="DATE", help="the day to measure on (default: today)")
    export = add_command(
        commands, "export", with_journal(cmd_export), "write the CPD log for a renewal"
    )
    export.add_argument("--out", required=True, metavar="FILE", help=".md, .pdf or .docx")
    export.add_argument("--from", dest="date_from", metavar="DATE")
    export.add_argument("--to", dest="date_to", metavar="DATE")
