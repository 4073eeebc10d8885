"""CLI command group ``disclosure``: record, correct and list information shared about a mentee.

* ``disclosure add --mentee CODE --basis B --to WHO --method M [--at ISO] [--reference REF]
  [--told before|after|not_yet|not_told] [--note ID] [--followup ID] [--corrects ID]``; the text comes on
  stdin as ``## What`` (required), ``## Reasoning`` (required), ``## Advice`` and
  ``## Not told because`` sections, so nothing sensitive is ever in the argument list.
  Prints the new id. ``--corrects ID`` records a correction of an earlier entry.
* ``disclosure list --mentee CODE [--json] [--all]``: standing entries (``--all`` adds the
  corrected ones).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime
from typing import Any

from mentorjournal.cli.common import (
    add_command,
    print_created,
    read_stdin_text,
    with_journal,
)
from mentorjournal.domain import new_id
from mentorjournal.domain.disclosure import (
    Disclosure,
    DisclosureBasis,
    MenteeInformed,
    ShareMethod,
)
from mentorjournal.domain.validation import parse_enum
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal

SECTIONS = {
    "what": "what",
    "reasoning": "reasoning",
    "advice": "advice",
    "not told because": "not_told",
}
_HEADING = re.compile(r"^##[ \t]+(?P<name>[^\r\n]*?)[ \t]*:?[ \t]*\r?$")


def parse_sections(text: str) -> dict[str, str]:
    """``## Name`` sections of the disclosure text; unknown or repeated headings are refused."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match:
            key = SECTIONS.get(match["name"].strip().casefold())
            if key is None:
                names = ", ".join(f"## {n.capitalize()}" for n in SECTIONS)
                raise UsageError(f"Unknown heading {match['name']!r}: use {names}.")
            if key in found:
                raise UsageError(f"The heading {match['name']!r} appears twice.")
            current = found.setdefault(key, [])
        elif current is None:
            if line.strip():
                raise UsageError("The text must start with a heading such as ## What.")
        else:
            current.append(line.removesuffix("\r"))
    return {key: "\n".join(lines).strip() for key, lines in found.items()}


def _moment(value: str | None, journal: Journal) -> datetime:
    if value is None:
        return journal.clock.now()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError("--at must be an ISO date and time, e.g. 2026-03-01T14:30") from exc
    return moment if moment.tzinfo is not None else moment.astimezone()


def cmd_add(journal: Journal, args: argparse.Namespace) -> int:
    sections = parse_sections(read_stdin_text())
    mentee = journal.mentee_by_code(args.mentee)
    entry = Disclosure(
        id=new_id(),
        mentee_id=mentee.id,
        shared_at=_moment(args.at, journal),
        basis=parse_enum(DisclosureBasis, args.basis, "--basis"),
        what=sections.get("what", ""),
        recipient=args.to,
        method=parse_enum(ShareMethod, args.method, "--method"),
        reasoning=sections.get("reasoning", ""),
        reference=args.reference or "",
        advice_sought=sections.get("advice", ""),
        informed=parse_enum(MenteeInformed, args.told, "--told"),
        informed_note=sections.get("not_told", ""),
        note_id=args.note,
        followup_id=args.followup,
        corrects_id=args.corrects,
    )
    print_created(journal.record_disclosure(entry).value.id)
    return 0


def disclosure_json(entry: Disclosure) -> dict[str, Any]:
    return {
        "id": entry.id,
        "shared_at": entry.shared_at.isoformat(),
        "recorded_at": None if entry.recorded_at is None else entry.recorded_at.isoformat(),
        "basis": entry.basis.value,
        "what": entry.what,
        "recipient": entry.recipient,
        "method": entry.method.value,
        "reasoning": entry.reasoning,
        "reference": entry.reference,
        "advice_sought": entry.advice_sought,
        "informed": entry.informed.value,
        "informed_note": entry.informed_note,
        "note_id": entry.note_id,
        "followup_id": entry.followup_id,
        "corrects_id": entry.corrects_id,
    }


def cmd_list(journal: Journal, args: argparse.Namespace) -> int:
    mentee = journal.mentee_by_code(args.mentee)
    entries = journal.list_disclosures(mentee.id, current_only=not args.all)
    if args.json:
        print(json.dumps([disclosure_json(e) for e in entries], ensure_ascii=False, indent=2))
        return 0
    for entry in entries:
        print(f"{entry.shared_at.isoformat(timespec='minutes')}\t{entry.summary}\t{entry.id}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``disclosure`` command group."""
    group = sub.add_parser(
        "disclosure",
        help="record information shared about a mentee (confidentiality broken or agreed)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = group.add_subparsers(dest="disclosure_command", metavar="ACTION", required=True)
    add = add_command(
        commands, "add", with_journal(cmd_add), "record a disclosure from stdin; prints its id"
    )
    add.add_argument("--mentee", required=True, metavar="CODE")
    add.add_argument("--basis", required=True, choices=[b.value for b in DisclosureBasis])
    add.add_argument("--to", required=True, metavar="WHO", help="person, role and organisation")
    add.add_argument("--method", required=True, choices=[m.value for m in ShareMethod])
    add.add_argument("--at", metavar="ISO", help="when it was shared (default: now)")
    add.add_argument("--reference", metavar="REF", help="the recipient's reference number")
    add.add_argument(
        "--told", default="not_yet", choices=[i.value for i in MenteeInformed],
        help="whether the mentee was told (not_told needs a '## Not told because' section)",
    )  # fmt: skip
    add.add_argument("--note", metavar="ID", help="the session note it belongs to")
    add.add_argument("--followup", metavar="ID", help="the risk follow-up it belongs to")
    add.add_argument("--corrects", metavar="ID", help="the earlier entry this one corrects")
    listing = add_command(commands, "list", with_journal(cmd_list), "list a mentee's disclosures")
    listing.add_argument("--mentee", required=True, metavar="CODE")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--all", action="store_true", help="include corrected entries")
