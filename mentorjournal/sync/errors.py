"""The typed errors of sync, each a plain-language line for the CLI and the UI."""

from __future__ import annotations

from mentorjournal.errors import MentorJournalError


class SyncError(MentorJournalError):
    """Sync cannot go on (folder missing or read-only, not set up, wrong journal)."""

    exit_code = 1


class SyncNotSetUp(SyncError):
    """This vault does not take part in sync yet."""

    advice = "Run `mentorjournal sync setup --folder DIR` or `sync join` first."


class SegmentRejected(Exception):
    """A complete segment that failed a check (authentication, header, chain): quarantined."""


class SegmentIncomplete(Exception):
    """A segment still arriving (shorter than its header says): looked at again next time."""
