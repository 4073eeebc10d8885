"""CLI command groups for running a caseload: ``appointment``, ``measure`` and ``caseload``.

``appointment add`` and ``measure add`` print what they made on the last line (an id; a score
with its band). ``--json`` output is one JSON document on stdout. Calendar exports carry
mentee codes, never names. Times given without a zone are the mentor's local time.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentorjournal.cli.common import add_command, print_created, with_journal
from mentorjournal.domain.appointments import AppointmentListing, AppointmentStatus
from mentorjournal.domain.caseload import CaseloadEntry, LatestMeasure
from mentorjournal.domain.measures import Instrument
from mentorjournal.domain.notes import SessionMode
from mentorjournal.domain.validation import parse_enum
from mentorjournal.errors import UsageError, ValidationError
from mentorjournal.journal import Journal

MODES = [m.value for m in SessionMode]


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} must be a date like 2026-03-01.") from exc


def _moment(value: str) -> datetime:
    message = "--at must be a local date and time like 2026-03-01T14:30."
    if "T" not in value.upper():  # a date alone would silently plan the meeting at midnight
        raise UsageError(message)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(message) from exc
    return moment if moment.tzinfo is not None else moment.astimezone()


def _answers(value: str) -> list[int]:
    parts = [p.strip() for p in value.split(",")]
    if not all(p.lstrip("-").isdigit() for p in parts):
        raise UsageError("--answers must be whole numbers separated by commas, e.g. 0,1,2,3.")
    return [int(p) for p in parts]


def _local(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="minutes")


def appointment_json(listing: AppointmentListing) -> dict[str, Any]:
    a = listing.appointment
    return {
        "id": a.id,
        "mentee": listing.mentee_code,
        "at": _local(a.at),
        "minutes": a.minutes,
        "mode": a.mode.value,
        "status": a.status.value,
        "reason": a.reason,
        "held_minutes": a.held_minutes,
        "early_end_agreed": a.early_end_agreed,
    }


def _measure_json(m: LatestMeasure) -> dict[str, Any]:
    return {
        "instrument": m.instrument.value,
        "on": m.taken_on.isoformat(),
        "score": m.score,
        "band": m.band,
        "change": m.change,
    }


def caseload_json(entry: CaseloadEntry) -> dict[str, Any]:
    """One caseload line in the documented JSON shape (codes only, no names)."""
    next_up = entry.next_appointment
    return {
        "mentee": entry.mentee_code,
        "status": entry.status,
        "last_session": None if entry.last_session is None else entry.last_session.isoformat(),
        "days_since_last_session": entry.days_since_last_session,
        "next_appointment": None
        if next_up is None
        else {
            "id": next_up.id,
            "at": _local(next_up.at),
            "minutes": next_up.minutes,
            "mode": next_up.mode.value,
        },
        "open_risk_followups": entry.open_risk_followups,
        "disclosures_untold": entry.disclosures_untold,
        "unsigned_drafts": entry.unsigned_drafts,
        "goals_review_due": entry.goals_review_due,
        "plan_review_due": entry.plan_review_due,
        "consent_reviews_due": entry.consent_reviews_due,
        "latest_measures": [_measure_json(m) for m in entry.latest_measures],
        "gas_t_score": None if entry.gas_t_score is None else round(entry.gas_t_score, 1),
        "needs_attention": list(entry.attention_reasons()),
    }


def _dump(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1))


# --- appointment ---------------------------------------------------------------------------


def cmd_appointment_add(journal: Journal, args: argparse.Namespace) -> int:
    mentee = journal.mentee_by_code(args.mentee)
    appointment = journal.add_appointment(
        mentee.id,
        _moment(args.at),
        minutes=args.minutes,
        mode=parse_enum(SessionMode, args.mode, "--mode"),
    ).value
    print_created(appointment.id)
    return 0


OUTCOMES = [s.value for s in AppointmentStatus]


def cmd_appointment_outcome(journal: Journal, args: argparse.Namespace) -> int:
    """Record how an appointment ended; cancellations and early ends need ``--reason``."""
    from mentorjournal.domain.attendance import Outcome

    status = parse_enum(AppointmentStatus, args.status, "--status")
    agreed = None if args.agreed is None else args.agreed == "yes"
    try:
        outcome = Outcome(status, args.reason or "", args.held_minutes, agreed)
    except ValidationError as exc:  # a missing reason or length: the input was incomplete
        raise UsageError(str(exc)) from exc
    changed = journal.record_outcome(args.id, outcome).value
    print(f"{changed.id}\t{changed.status.value}")
    return 0


def _listings(journal: Journal, args: argparse.Namespace) -> list[AppointmentListing]:
    mentee_id = None if args.mentee is None else journal.mentee_by_code(args.mentee).id
    first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if first is not None and last is not None and last < first:
        raise UsageError("--to cannot be before --from.")
    return journal.appointments_between_days(first, last, mentee_id=mentee_id)


def cmd_appointment_list(journal: Journal, args: argparse.Namespace) -> int:
    listings = _listings(journal, args)
    if args.json:
        _dump([appointment_json(x) for x in listings])
        return 0
    for x in listings:
        row = appointment_json(x)
        print("\t".join(str(row[k]) for k in ("at", "mentee", "minutes", "mode", "status", "id")))
    return 0


def cmd_appointment_export(journal: Journal, args: argparse.Namespace) -> int:
    from mentorjournal.export.calendar import write_calendar

    written = write_calendar(_listings(journal, args), journal.clock.now(), Path(args.ics))
    print(f"wrote {written} appointment(s) to {args.ics}")
    return 0


# --- measure -------------------------------------------------------------------------------


def cmd_measure_add(journal: Journal, args: argparse.Namespace) -> int:
    instrument = parse_enum(Instrument, args.instrument, "--instrument")
    answers = _answers(args.answers)
    on = _day(args.on, "--on")
    mentee = journal.mentee_by_code(args.mentee)
    try:
        result = journal.add_measure(mentee.id, instrument, answers, on=on).value
    except ValidationError as exc:  # wrong count or range: the input was malformed
        raise UsageError(str(exc)) from exc
    print(result.summary)  # stdout is the score line alone, for scripts
    if result.calls_for_risk_conversation:
        print(
            "Item 9 was answered above 0: a risk follow-up is open; review the coping plan.",
            file=sys.stderr,
        )
    return 0


def cmd_measure_list(journal: Journal, args: argparse.Namespace) -> int:
    mentee = journal.mentee_by_code(args.mentee)
    results = journal.measures(mentee.id)
    rows = [
        {
            "id": r.id,
            "mentee": mentee.code,
            "instrument": r.instrument.value,
            "on": r.taken_on.isoformat(),
            "answers": list(r.answers),
            "score": r.score,
            "band": r.band,
        }
        for r in results
    ]
    if args.json:
        _dump(rows)
    else:
        for r in results:
            print(f"{r.taken_on.isoformat()}\t{r.summary}\t{r.id}")
    return 0


# --- caseload ------------------------------------------------------------------------------


def cmd_caseload(journal: Journal, args: argparse.Namespace) -> int:
    entries = journal.caseload(on=_day(args.on, "--on"))
    if args.json:
        _dump([caseload_json(e) for e in entries])
        return 0
    for e in entries:
        since = "never" if e.days_since_last_session is None else f"{e.days_since_last_session}d"
        reasons = "; ".join(e.attention_reasons()) or "-"
        print(f"{e.mentee_code}\tlast seen {since}\t{reasons}")
    return 0


# --- registration --------------------------------------------------------------------------


def _range_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first local day")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last local day")


def _register_appointment(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("appointment", help="plan, list and export appointments")
    commands = group.add_subparsers(dest="appointment_command", metavar="ACTION", required=True)
    add = add_command(
        commands, "add", with_journal(cmd_appointment_add), "plan an appointment; prints its id"
    )
    add.add_argument("--mentee", required=True, metavar="CODE")
    add.add_argument("--at", required=True, metavar="YYYY-MM-DDTHH:MM", help="local start time")
    add.add_argument("--minutes", type=int, default=60, metavar="N")
    add.add_argument("--mode", default="in_person", choices=MODES)
    outcome = add_command(
        commands,
        "outcome",
        with_journal(cmd_appointment_outcome),
        "record how an appointment ended (cancellations and early ends need --reason)",
    )
    outcome.add_argument("id", metavar="ID")
    outcome.add_argument("--status", required=True, choices=OUTCOMES)
    outcome.add_argument(
        "--reason", metavar="TEXT", help="why it was cancelled, missed or cut short"
    )
    outcome.add_argument("--held-minutes", type=int, metavar="N", help="minutes held (ended early)")
    outcome.add_argument("--agreed", choices=["yes", "no"], help="was the early end agreed?")
    listing = add_command(
        commands, "list", with_journal(cmd_appointment_list), "list appointments, oldest first"
    )
    listing.add_argument("--mentee", metavar="CODE")
    _range_options(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    export = add_command(
        commands,
        "export",
        with_journal(cmd_appointment_export),
        "write an iCalendar (.ics) file with mentee codes only",
    )
    export.add_argument("--ics", required=True, metavar="FILE")
    _range_options(export)
    export.add_argument("--mentee", metavar="CODE")


def _register_measure(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("measure", help="record and list PHQ-9 and GAD-7 results")
    commands = group.add_subparsers(dest="measure_command", metavar="ACTION", required=True)
    add = add_command(
        commands, "add", with_journal(cmd_measure_add), "record a result; prints score and band"
    )
    add.add_argument("--mentee", required=True, metavar="CODE")
    add.add_argument("--instrument", required=True, choices=[i.value for i in Instrument])
    add.add_argument("--answers", required=True, metavar="N,N,...", help="one 0-3 per item")
    add.add_argument("--on", metavar="DATE", help="day completed (default: today)")
    listing = add_command(
        commands, "list", with_journal(cmd_measure_list), "list a mentee's results"
    )
    listing.add_argument("--mentee", required=True, metavar="CODE")
    listing.add_argument("--json", action="store_true", help="print JSON")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``appointment``, ``measure`` and ``caseload`` commands."""
    _register_appointment(sub)
    _register_measure(sub)
    caseload = add_command(
        sub, "caseload", with_journal(cmd_caseload), "who needs you this week, per active mentee"
    )
    caseload.add_argument("--on", metavar="YYYY-MM-DD", help="as of this local day")
    caseload.add_argument("--json", action="store_true", help="print JSON")
