"""CLI command group for whole-journal data: ``search`` and ``demo``.

``search --json`` prints a JSON array (kind, id, mentee code, date, title, snippet, rank) so
scripts can rely on it; snippets mark matches as ``[word]`` in both forms. ``demo`` fills a
vault (for example one just made by ``init``) with seeded synthetic records and flags it as a
demo vault.
"""

from __future__ import annotations

import argparse
import json
import sys

from mentorjournal.cli.common import add_vault_options, with_journal
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal
from mentorjournal.storage.codec import (
    KIND_ADDENDUM,
    KIND_GOAL,
    KIND_NOTE,
    KIND_PLAN,
    KIND_PROGRESS,
    KIND_REFLECTION,
    KIND_SUPERVISION,
)
from mentorjournal.storage.search import SearchHit, plain_snippet

SEARCH_KINDS = (
    KIND_NOTE,
    KIND_ADDENDUM,
    KIND_GOAL,
    KIND_PROGRESS,
    KIND_PLAN,
    KIND_REFLECTION,
    KIND_SUPERVISION,
)
MAX_DEMO_SESSIONS = 1_000_000
MAX_DEMO_MENTEES = 999


def _hit_json(hit: SearchHit) -> dict[str, object]:
    return {
        "kind": hit.kind,
        "id": hit.record_id,
        "mentee": hit.mentee_code,
        "date": None if hit.day is None else hit.day.isoformat(),
        "title": hit.title,
        "snippet": plain_snippet(hit.snippet),
        "rank": hit.rank,
    }


def cmd_search(journal: Journal, args: argparse.Namespace) -> int:
    mentee_id = None
    if args.mentee:
        mentee_id = journal.mentee_by_code(args.mentee).id
    results = journal.search_results(
        args.query,
        mentee_id=mentee_id,
        kinds=[args.kind] if args.kind else None,
        limit=args.limit,
    )
    rows = [_hit_json(h) for h in results.hits]
    if results.notice:
        print(results.notice, file=sys.stderr)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['date'] or '-'}  {row['kind']:<11} {row['mentee'] or '-':<8} {row['id']}")
        print(f"    {' '.join(str(row['snippet']).split())}")
    if not rows:
        print("No matches.", file=sys.stderr)
    return 0


def cmd_demo(journal: Journal, args: argparse.Namespace) -> int:
    if not 1 <= args.mentees <= MAX_DEMO_MENTEES:
        raise UsageError(f"--mentees must be from 1 to {MAX_DEMO_MENTEES}.")
    if not 0 <= args.sessions <= MAX_DEMO_SESSIONS:
        raise UsageError(f"--sessions must be from 0 to {MAX_DEMO_SESSIONS}.")
    if journal.list_mentees():
        raise UsageError(
            "This vault already holds mentees; demo data goes into a new, empty vault "
            "(run `mentorjournal init --vault DIR` first)."
        )
    summary = journal.fill_demo(mentees=args.mentees, sessions=args.sessions, seed=args.seed).value
    for name, count in summary.counts.items():
        print(f"{name}: {count}")
    print(f"Demo data written in {summary.seconds:.1f} s (seed {args.seed}).")
    return 0


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``search`` and ``demo``."""
    search = sub.add_parser("search", help="full-text search over the journal")
    add_vault_options(search)
    search.add_argument("query", metavar="QUERY", help='words (prefix match) or "a phrase"')
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.add_argument("--mentee", metavar="CODE", help="only this mentee's records")
    search.add_argument("--kind", choices=SEARCH_KINDS, help="only records of this kind")
    search.add_argument("--limit", type=_whole, default=50, metavar="N")
    search.set_defaults(func=with_journal(cmd_search))

    demo = sub.add_parser("demo", help="fill an empty vault with synthetic demo data")
    add_vault_options(demo)
    demo.add_argument("--mentees", type=_whole, default=12, metavar="N")
    demo.add_argument("--sessions", type=_whole, default=600, metavar="N")
    demo.add_argument("--seed", type=_whole, default=1, metavar="N")
    demo.set_defaults(func=with_journal(cmd_demo))
