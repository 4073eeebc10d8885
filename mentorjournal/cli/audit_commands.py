"""CLI command ``audit``: the audit log as the mentor may see it (ids and actions, no content).

``mentorjournal audit [--json] [--mentee CODE] [--action ACTION]`` prints the events newest
first: as one JSON array of objects with ``--json`` (``seq``, ``at``, ``action``, ``kind``,
``record_id``, ``imported``), otherwise one tab-separated line per event. Events that came
with a JSON import are marked "imported, not verified here": another vault chained them.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from mentorjournal.cli.common import add_vault_options, with_journal
from mentorjournal.errors import UsageError

if TYPE_CHECKING:
    from mentorjournal.journal import Journal


def _audit(journal: Journal, args: argparse.Namespace) -> int:
    if args.action is not None and args.action not in journal.audit_actions():
        raise UsageError(
            f"Unknown action {args.action!r}; one of: {', '.join(journal.audit_actions())}."
        )
    mentee_id = journal.mentee_by_code(args.mentee).id if args.mentee else None
    events = journal.audit_events(mentee_id=mentee_id, action=args.action)
    if args.json:
        print(
            json.dumps(
                [
                    {"seq": e.seq, "at": e.at.isoformat(), "action": e.action, "kind": e.kind,
                     "record_id": e.record_id, "imported": e.imported}
                    for e in events
                ],
                indent=1,
            )
        )  # fmt: skip
        return 0
    for e in events:
        mark = "\timported, not verified here" if e.imported else ""
        print(f"{e.seq}\t{e.at.isoformat()}\t{e.action}\t{e.kind}\t{e.record_id or ''}{mark}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit`` to the parser."""
    parser = sub.add_parser(
        "audit",
        help="show the audit log: who did what to which record, by id (never content)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_vault_options(parser)
    parser.add_argument("--json", action="store_true", help="print one JSON array")
    parser.add_argument("--mentee", metavar="CODE", help="only this mentee and their records")
    parser.add_argument("--action", metavar="ACTION", help="only this action (e.g. sign, erase)")
    parser.set_defaults(func=with_journal(_audit))
