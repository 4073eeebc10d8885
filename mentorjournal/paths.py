"""Where things live on disk. Every other module receives paths; none computes its own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "MentorJournal"
VAULT_ENV = "MENTORJOURNAL_VAULT"


def user_data_dir() -> Path:
    """The platform's per-user data folder for the app (not roaming: vaults stay on this machine)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def user_state_dir() -> Path:
    """Small non-secret state kept outside vaults (e.g. the rollback memory)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    return user_data_dir() / "vault"


def demo_vault_dir() -> Path:
    return user_data_dir() / "demo-vault"


def default_backup_dir() -> Path:
    return user_data_dir() / "backups"


def resolve_vault_dir(cli_value: str | os.PathLike[str] | None) -> Path:
    """The vault folder: ``--vault`` first, then ``MENTORJOURNAL_VAULT``, then the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(VAULT_ENV)
    if env:
        return Path(env).expanduser()
    return default_vault_dir()


@dataclass(frozen=True)
class VaultPaths:
    """The files that make up one vault folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "journal.db"

    @property
    def keyfile(self) -> Path:
        return self.root / "vault.key"

    @property
    def lockfile(self) -> Path:
        return self.root / ".lock"

    def exists(self) -> bool:
        """True when either vault file is present (then creating here must refuse)."""
        return self.keyfile.exists() or self.database.exists()
