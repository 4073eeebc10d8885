"""What the mentor does to the vault as a whole: keys, key derivation, backups.

Key changes rewrap the key file, outside the database; each runs inside a command so its audit
event commits only when the rewrap succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase

if TYPE_CHECKING:
    from mentorjournal.vault.kdf import KdfParams


#: Audit kind for actions on the vault as a whole (the record id is the vault's id).
KIND_VAULT = "vault"


class VaultActions(JournalBase):
    """Change the passphrase, replace the recovery key, recalibrate, back up."""

    def change_passphrase(self, old: str, new: str) -> Changed[None]:
        """Rewrap the data key under a new passphrase; the database is not rewritten."""
        vault = self._unlocked_vault()
        with self._command(Changes()) as command:
            vault.change_passphrase(old, new)
            command.audit("edit", KIND_VAULT, vault.vault_id, detail="passphrase changed")
        return command.done(None)

    def reset_passphrase(self, new: str) -> Changed[None]:
        """Set a new passphrase without the old one: only after a recovery-key unlock."""
        vault = self._unlocked_vault()
        with self._command(Changes()) as command:
            vault.reset_passphrase(new)
            command.audit("edit", KIND_VAULT, vault.vault_id, detail="passphrase reset")
        return command.done(None)

    @property
    def unlocked_via_recovery(self) -> bool:
        """True when this journal was unlocked with the recovery key (a new passphrase may be set)."""
        vault = self._vault
        return bool(getattr(vault, "unlocked_via_recovery", False))

    def regenerate_recovery_key(self) -> Changed[str]:
        """A new recovery key (returned once, to be shown); the old one stops working."""
        vault = self._unlocked_vault()
        with self._command(Changes()) as command:
            recovery_key = vault.regenerate_recovery_key()
            command.audit("edit", KIND_VAULT, vault.vault_id, detail="recovery key replaced")
        return command.done(recovery_key)

    def recalibrate_kdf(self, passphrase: str) -> Changed[KdfParams]:
        """Measure this machine and rewrap the passphrase slot to take about a second again."""
        from mentorjournal.vault.kdf import calibrate

        vault = self._unlocked_vault()
        params = calibrate(self._clock)
        with self._command(Changes()) as command:
            vault.recalibrate_passphrase_slot(passphrase, params)
            command.audit("edit", KIND_VAULT, vault.vault_id, detail="key derivation recalibrated")
        return command.done(params)

    def rekey(
        self,
        current_passphrase: str | None,
        new_passphrase: str | None = None,
        progress: Callable[[str, int, int], None] | None = None,
    ) -> str:
        """A new data key for the whole vault; returns the new recovery key (shown once).

        Not a ``Changed`` command: it ends this journal. The vault re-encrypts the database
        into a new file, writes the ``rekey`` audit event there, switches files and locks, so
        the journal must be unlocked again (with the passphrase, the new one if given, or the
        new recovery key). Old key files and backups open nothing current from then on.
        """
        vault = self._unlocked_vault()
        self.flush_search()
        recovery = vault.rekey(current_passphrase, new_passphrase, progress=progress)
        self._open = False  # the vault locked itself: its connection is closed
        return recovery

    def backup_now(self, folder: Path, keep: int) -> Changed[Path]:
        """Write one verified backup file into ``folder``, keep the newest ``keep``; audited."""
        from mentorjournal.backup import create_backup, rotate_backups

        vault = self._unlocked_vault()
        self.flush_search()
        with self._command(Changes()) as command:
            command.audit("backup", KIND_VAULT, None)
        made = create_backup(vault, folder, clock=self._clock)
        rotate_backups(folder, keep, vault_id=vault.vault_id)
        return command.done(made)

    def daily_backup(self, folder: Path, keep: int) -> Path | None:
        """After a change: a backup if this vault has none from today yet (then rotate)."""
        from mentorjournal.backup import maybe_daily_backup

        vault = self._unlocked_vault()
        made = maybe_daily_backup(vault, folder, keep, self._clock)
        if made is not None:
            with self._command(Changes()) as command:
                command.audit("backup", KIND_VAULT, None)
        return made
