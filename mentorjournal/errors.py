"""Errors a user can meet, each typed, with a plain message and the CLI exit code it maps to.

The UI maps each class to a message with what to do next; the CLI prints ``str(error)`` on one
line and exits with ``exit_code``. Messages never contain note content or secrets.
"""

from __future__ import annotations


class MentorJournalError(Exception):
    """Base of every error the program expects and explains."""

    exit_code = 1
    #: A short hint of what to do next, shown under the message by the UI.
    advice = ""


class UsageError(MentorJournalError):
    """The command or its input was malformed."""

    exit_code = 2


class WrongPassphrase(MentorJournalError):
    """The passphrase or recovery key did not unlock the vault."""

    exit_code = 3
    advice = "Check Caps Lock and keyboard layout, or use your recovery key."


class VaultMissing(MentorJournalError):
    """There is no vault where one was expected (never silently replaced by a new one)."""

    exit_code = 4
    advice = "Choose the right vault folder, or restore it from a backup."


class VaultCorrupt(MentorJournalError):
    """The vault's files are damaged, truncated, foreign or of an unknown version."""

    exit_code = 4
    advice = "Your data has not been changed. Restore from a backup."


class VaultInUse(MentorJournalError):
    """Another Mentor Journal process has the vault open."""

    exit_code = 5
    advice = "Close the other window or command that has this vault open, then try again."


class RecordSigned(MentorJournalError):
    """A signed note is a record: it cannot change, only gain addenda."""

    exit_code = 6
    advice = "Add an addendum instead."


class RecordNotFound(MentorJournalError):
    """The requested record does not exist (or was erased)."""

    exit_code = 1


class ValidationError(MentorJournalError):
    """A domain value broke one of its rules (empty code, mood out of range, ...)."""

    exit_code = 1


class LateEntryNeedsReason(ValidationError):
    """A note signed after its due time needs the reason for the late entry (asked, then signed)."""


class WeakPassphrase(MentorJournalError):
    """The chosen passphrase does not meet the policy."""

    exit_code = 1
    advice = "Use at least 15 characters; a few unrelated words work well."


class DiskFull(MentorJournalError):
    """The disk ran out of space; nothing already saved was lost."""

    exit_code = 1
    advice = "Free some disk space; your unsaved text is kept and saved when space returns."


class MalformedImport(MentorJournalError):
    """An import file is not a valid Mentor Journal export."""

    exit_code = 1


class VaultExists(MentorJournalError):
    """Creating a vault where one already exists would destroy it."""

    exit_code = 1


class KeyFileOutdated(VaultCorrupt):
    """The key file is an older copy than the journal's: its secrets were replaced since."""

    advice = (
        "Use the current key file (vault.key) of this journal. An old copy, with the passphrase "
        "or recovery key of its time, does not open the journal as it is now."
    )


class OlderCopy(VaultCorrupt):
    """The vault is an older copy than one opened before on this computer: nothing is written."""

    advice = (
        "Look for the newer copy first (another synced folder or a backup). If you mean to go "
        "back to this copy, confirm it (CLI: --accept-older-copy)."
    )
