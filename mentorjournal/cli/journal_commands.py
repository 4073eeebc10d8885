"""CLI command group for the journal: ``mentee add|list`` and ``note add|show|edit|sign|addendum|delete``.

Record text comes on stdin (UTF-8, exactly as given for a free note, ``## Section`` headings
for a template). A command that creates something prints the new id as the last stdout line.
A signed note refuses edit and delete with exit code 6 (``RecordSigned``).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import datetime, time

from mentorjournal import domain as d
from mentorjournal.cli.common import (
    add_command,
    print_created,
    read_stdin_text,
    with_journal,
)
from mentorjournal.clock import LocalZone
from mentorjournal.domain import MenteeStatus, NoteTemplate, SessionMode, parse_enum
from mentorjournal.domain.note_text import format_note_text, parse_note_text
from mentorjournal.domain.service_profile import billing_units
from mentorjournal.domain.session_header import Modality, SessionHeader
from mentorjournal.domain.settings import service_code_of
from mentorjournal.errors import RecordSigned, UsageError
from mentorjournal.journal import Journal


def _started_at(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError("--started must be an ISO date and time, e.g. 2026-03-01T14:30") from exc
    return moment if moment.tzinfo is not None else moment.astimezone()


# --- mentee -------------------------------------------------------------------------------


def cmd_mentee_add(journal: Journal, args: argparse.Namespace) -> int:
    mentee = journal.add_mentee(
        args.code,
        preferred_name=args.name,
        first_name=args.first_name,
        last_name=args.last_name,
        legal_name=args.legal_name,
    ).value
    print_created(mentee.id)
    return 0


def cmd_mentee_list(journal: Journal, args: argparse.Namespace) -> int:
    status = None if args.status is None else parse_enum(MenteeStatus, args.status, "--status")
    for mentee in journal.list_mentees(status=status):
        columns = [mentee.code, mentee.status.value, mentee.id]
        if args.names:
            names = (mentee.preferred_name, mentee.first_name, mentee.last_name)
            columns.append(" ".join(n for n in names if n))
        print("\t".join(columns))
    return 0


# --- note ---------------------------------------------------------------------------------


def _ended_at(value: str | None, started: datetime, zone: LocalZone) -> datetime | None:
    """``--ended``: a full ISO time, or HH:MM on the start's local day."""
    if value is None:
        return None
    try:
        if len(value) <= 5 and ":" in value:
            return zone.instant(zone.day_of(started), time.fromisoformat(value))
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError("--ended must be HH:MM or an ISO date and time") from exc
    return moment if moment.tzinfo is not None else moment.astimezone()


def _header(journal: Journal, args: argparse.Namespace, started: datetime) -> SessionHeader | None:
    """The header the session options describe (``None`` when none was given)."""
    given = (args.ended, args.place, args.service, args.service_code)
    if all(v is None for v in given) and not (args.group or args.with_mentee or args.crisis):
        return None
    service = args.service or ""
    code = args.service_code
    if code is None:
        code = service_code_of(journal.record_settings(), service)
    return SessionHeader(
        ended_at=_ended_at(args.ended, started, journal.clock.zone),
        place=args.place or "",
        service=service,
        service_code=code,
        modality=Modality.GROUP if args.group else Modality.INDIVIDUAL,
        written_with_mentee=args.with_mentee,
        crisis=args.crisis,
    )


def cmd_note_add(journal: Journal, args: argparse.Namespace) -> int:
    template = parse_enum(NoteTemplate, args.template, "--template")
    mode = parse_enum(SessionMode, args.mode, "--mode")
    mentee = journal.mentee_by_code(args.mentee)
    sections = parse_note_text(template, read_stdin_text())
    started = _started_at(args.started) or journal.clock.now()
    header = _header(journal, args, started)
    note = d.SessionNote(
        id=d.new_id(),
        mentee_id=mentee.id,
        started_at=started,
        duration_minutes=args.duration,
        mode=mode,
        template=template,
        sections=sections,
        header=header,
    )
    journal.insert_note(note)
    print_created(note.id)
    return 0


#: What a seal made for a record this vault did not sign itself vouches for.
SEAL_ORIGINS = {
    "imported": "imported, not verified here (sealed when the export was imported)",
    "upgrade": "signed before this vault had seals (sealed at the upgrade)",
    "synced": "signed on another computer of this journal (sealed here when it arrived)",
}


def _header_lines(journal: Journal, note: d.SessionNote) -> list[str]:
    header = note.header
    if header is None:
        return []
    local = journal.clock.zone.local
    lines = []
    if header.ended_at is not None:
        lines.append(f"ended: {local(header.ended_at).isoformat()}")
    units = billing_units(
        note.duration_minutes, journal.record_settings().profile.rules.unit_minutes
    )
    if units:
        lines.append(f"units: {units} x 15 min")
    for label, value in (("place", header.place), ("service", header.service)):
        if value:
            lines.append(f"{label}: {value}")
    if header.service_code:
        lines.append(f"service code: {header.service_code}")
    lines.append(f"modality: {header.modality.value}")
    for line in header.goals:
        lines.append(f"goal {line.goal_id}: {line.progress}")
    if header.written_with_mentee:
        lines.append("written with the mentee: yes")
    if header.signer is not None:
        lines.append(f"signed by: {header.signer.line}")
    if header.is_late_entry:
        lines.append(f"late entry: {header.late_reason}")
    return lines


def cmd_note_show(journal: Journal, args: argparse.Namespace) -> int:
    note = journal.get_note(args.id)
    mentee = journal.get_mentee(note.mentee_id)
    local = journal.clock.zone.local  # the mentor's wall clock, with its UTC offset
    lines = [
        f"id: {note.id}",
        f"mentee: {mentee.code}",
        f"started: {local(note.started_at).isoformat()}",
        f"duration: {note.duration_minutes} min",
        f"mode: {note.mode.value}",
        f"template: {note.template.value}",
    ]
    if note.signed_at is not None:
        lines.append(f"signed: {local(note.signed_at).isoformat()} sha256:{note.signature}")
        origin = journal.seal_origin("note", note.id)
        if origin is not None and origin != "here":
            lines.append(f"seal: {SEAL_ORIGINS[origin]}")
    else:
        lines.append("signed: no (draft)")
    lines += _header_lines(journal, note)
    if note.mood_before is not None or note.mood_after is not None:
        lines.append(f"mood: {note.mood_before} -> {note.mood_after}")
    if note.risk_flag:
        lines.append("risk: yes")
    out = sys.stdout
    out.write("\n".join(lines) + "\n\n")
    body = format_note_text(note.template, note.sections)
    out.write(body if body.endswith("\n") or not body else body + "\n")
    for addendum in journal.addenda(note.id):
        out.write(
            f"\n## Addendum {addendum.seq} ({local(addendum.written_at).isoformat()}"
            f" sha256:{addendum.hash})\n{addendum.text}\n"
        )
    return 0


def cmd_note_edit(journal: Journal, args: argparse.Namespace) -> int:
    note = journal.get_note(args.id)
    if note.is_signed:  # say so before judging the new text: it could never be saved
        raise RecordSigned("This note is signed and cannot be changed; add an addendum instead.")
    sections = parse_note_text(note.template, read_stdin_text())
    journal.save_draft(replace(note, sections=sections))
    return 0


def cmd_note_sign(journal: Journal, args: argparse.Namespace) -> int:
    note = journal.sign_note(args.id, late_reason=args.late_reason or "").value
    late = " (late entry)" if note.header is not None and note.header.is_late_entry else ""
    print(f"signed {note.id} sha256:{note.signature}{late}")
    return 0


def cmd_note_addendum(journal: Journal, args: argparse.Namespace) -> int:
    text = read_stdin_text()
    if not text.strip():
        raise UsageError("An addendum needs text on standard input.")
    addendum = journal.add_addendum(args.id, text).value
    print_created(addendum.id)
    return 0


def cmd_note_delete(journal: Journal, args: argparse.Namespace) -> int:
    journal.delete_draft(args.id)
    print(f"deleted {args.id}")
    return 0


def _refuse_without_yes(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError("Deleting a note cannot be undone: add --yes to confirm.")
    return with_journal(cmd_note_delete)(args)


# --- registration -------------------------------------------------------------------------


def _register_mentee(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("mentee", help="add and list mentees")
    commands = group.add_subparsers(dest="mentee_command", metavar="ACTION", required=True)
    add = add_command(commands, "add", with_journal(cmd_mentee_add), "add a mentee; prints its id")
    add.add_argument("--code", required=True, help="pseudonym code shown in lists, e.g. M-017")
    add.add_argument("--name", help="the name the mentee goes by (optional)")
    add.add_argument("--first-name")
    add.add_argument("--last-name")
    add.add_argument("--legal-name")
    listing = add_command(
        commands, "list", with_journal(cmd_mentee_list), "list mentees: code, status, id"
    )
    listing.add_argument("--status", choices=[s.value for s in MenteeStatus])
    listing.add_argument("--names", action="store_true", help="also show names")


def _register_note(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("note", help="write, show, sign and amend session notes")
    commands = group.add_subparsers(dest="note_command", metavar="ACTION", required=True)
    add = add_command(
        commands, "add", with_journal(cmd_note_add), "add a draft note from stdin; prints its id"
    )
    add.add_argument("--mentee", required=True, metavar="CODE")
    add.add_argument("--template", default="free", choices=[t.value for t in NoteTemplate])
    add.add_argument("--started", metavar="ISO", help="session start (default: now)")
    add.add_argument("--duration", type=int, default=60, metavar="MINUTES")
    add.add_argument("--mode", default="in_person", choices=[m.value for m in SessionMode])
    add.add_argument("--ended", metavar="HH:MM|ISO", help="session end; sets the duration")
    add.add_argument("--place", help="place of service, e.g. 'Community (99)'")
    add.add_argument("--service", help="service type; its code comes from the settings' list")
    add.add_argument("--service-code", help="service code, when not the listed one")
    add.add_argument("--group", action="store_true", help="a group session (default: individual)")
    add.add_argument("--with-mentee", action="store_true", help="the note was written with them")
    add.add_argument("--crisis", action="store_true", help="a crisis contact (due sooner)")
    show = add_command(
        commands, "show", with_journal(cmd_note_show), "print a note and its addenda"
    )
    show.add_argument("id")
    edit = add_command(
        commands, "edit", with_journal(cmd_note_edit), "replace a draft's text from stdin"
    )
    edit.add_argument("id")
    sign = add_command(commands, "sign", with_journal(cmd_note_sign), "sign and lock a note")
    sign.add_argument("id")
    sign.add_argument("--late-reason", help="why the note is signed after its due time")
    addendum = add_command(
        commands,
        "addendum",
        with_journal(cmd_note_addendum),
        "append an addendum from stdin to a signed note; prints its id",
    )
    addendum.add_argument("id")
    delete = add_command(commands, "delete", _refuse_without_yes, "delete a draft note")
    delete.add_argument("id")
    delete.add_argument("--yes", action="store_true", help="confirm the deletion")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``mentee`` and ``note`` command groups."""
    _register_mentee(sub)
    _register_note(sub)
