"""A separate process that writes notes the way the app does, acknowledging each durable save.

Run as ``python -m tests.fault.writer_process VAULT_DIR STATE_DIR PASSPHRASE_FILE SEED``. It
creates notes and autosaves edits to drafts in a loop; before an edit it prints
``try <note id> <sha256>`` and after the journal call returned (the transaction committed with
synchronous=FULL) ``ack <note id> <sha256>``. A kill between commit and ack leaves a newer
durable save than the last ack, which is fine; anything else is corruption. The
parent kills it with SIGKILL at random moments and checks every acknowledged save survived.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
from pathlib import Path

from mentorjournal.clock import SystemClock
from mentorjournal.domain import NoteTemplate
from mentorjournal.domain.notes import FREE_SECTION
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths

WORDS = [
    "mentee",
    "talked",
    "about",
    "sleep",
    "routine",
    "and",
    "college",
    "plans;",
    "we",
    "practised",
    "grounding",
    "and",
    "agreed",
    "a",
    "small",
    "step",
    "for",
    "the",
    "week;",
    "mood",
    "lifted",
    "by",
    "the",
    "end;",
    "check",
    "in",
    "about",
    "the",
    "job",
    "fair",
]


def fingerprint(sections: object) -> str:
    """The content a save acknowledged, as the parent will re-read it."""
    return hashlib.sha256(json.dumps(sections, sort_keys=True).encode()).hexdigest()


def main(argv: list[str]) -> int:
    vault_dir, state_dir, passphrase_file, seed = argv
    rng = random.Random(int(seed))
    passphrase = Path(passphrase_file).read_text(encoding="utf-8").splitlines()[0]
    journal = Journal.open(
        VaultPaths(Path(vault_dir)), passphrase, clock=SystemClock(), state_dir=Path(state_dir)
    )
    mentee = journal.list_mentees()[0]
    print("ready", flush=True)
    drafts = []
    while True:
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 300)))
        sections = ((FREE_SECTION, text),)
        if drafts and rng.random() < 0.6:
            note = drafts.pop(rng.randrange(len(drafts)))
            print(f"try {note.id} {fingerprint(sections)}", flush=True)
            saved = journal.save_draft(dataclasses.replace(note, sections=sections)).value
        else:
            saved = journal.new_note(mentee.id, template=NoteTemplate.FREE, sections=sections).value
        drafts.append(saved)
        print(f"ack {saved.id} {fingerprint(saved.sections)}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
