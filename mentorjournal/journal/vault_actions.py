"""What the mentor does to the vault as a whole: keys, key derivation, backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase

if TYPE_CHECKING:
    from mentorjournal.vault.kdf import KdfParams


class VaultActions(JournalBase):
    """Change the passphrase, replace the recovery key, recalibrate, back up."""

    def change_passphrase(self, old: str, new: str) -> Changed[None]:
        """Rewrap the data key under a new passphrase; the database is not rewritten."""
        self._unlocked_vault().change_passphrase(old, new)
        return Changed(None, Changes())

    def regenerate_recovery_key(self) -> Changed[str]:
        """A new recovery key (returned once, to be shown); the old one stops working."""
        return Changed(self._unlocked_vault().regenerate_recovery_key(), Changes())

    def recalibrate_kdf(self, passphrase: str) -> Changed[KdfParams]:
        """Measure this machine and rewrap the passphrase slot to take about a second again."""
        from mentorjournal.vault.kdf import calibrate

        params = calibrate(self._clock)
        self._unlocked_vault().recalibrate_passphrase_slot(passphrase, params)
        return Changed(params, Changes())

    def backup_now(self, folder: Path, keep: int) -> Changed[Path]:
        """Write one verified backup file into ``folder``, keep the newest ``keep``; audited."""
        from mentorjournal.backup import create_backup, rotate_backups

        vault = self._unlocked_vault()
        self.flush_search()
        with self._command(Changes()) as command:
            command.audit("backup", "vault", None)
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
                command.audit("backup", "vault", None)
        return made
