"""Typed, non-secret preferences over QSettings.

Why a wrapper: QSettings is an untyped key/value store that survives on disk unencrypted, so
what goes into it must be decided in one place. Only the keys in :data:`KEYS` are ever
written: window geometry, auto-lock minutes, theme, text scale, backup folder and count.
NOTHING sensitive: no mentee codes, no passphrase, no recent files with names, no search
history. A test scans the written file for mentee codes and the passphrase.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from mentorjournal.paths import APP_NAME, default_backup_dir

ORGANISATION = "MentorJournal"

#: Every key this app may write; anything else is a bug.
KEYS = frozenset(
    {
        "window/geometry",
        "window/state",
        "window/splitter",
        "lock/auto_lock_minutes",
        "appearance/theme",
        "appearance/text_scale",
        "backup/folder",
        "backup/keep",
    }
)

AUTO_LOCK_DEFAULT = 5
AUTO_LOCK_RANGE = (1, 240)
TEXT_SCALE_RANGE = (80, 250)
BACKUP_KEEP_DEFAULT = 10
BACKUP_KEEP_RANGE = (1, 365)


class Theme(enum.StrEnum):
    """Follow the desktop's light/dark choice, or force one."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))


def _as_int(raw: object, default: int) -> int:
    try:
        return int(str(raw))
    except (TypeError, ValueError):
        return default


class AppSettings:
    """Read and write the preferences; bad stored values fall back to defaults, never crash."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def default(cls) -> AppSettings:
        """The user's settings in the platform's usual place."""
        return cls(QSettings(ORGANISATION, APP_NAME))

    @classmethod
    def at_path(cls, path: Path) -> AppSettings:
        """Settings in an INI file (tests, screenshots, portable use)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def sync(self) -> None:
        self._store.sync()

    def _set(self, key: str, value: object) -> None:
        if key not in KEYS:  # pragma: no cover - guards future edits
            raise KeyError(f"not an allowed settings key: {key}")
        self._store.setValue(key, value)

    # -- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        self._set("window/state", value)

    def splitter(self) -> QByteArray | None:
        value = self._store.value("window/splitter")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_splitter(self, value: QByteArray) -> None:
        self._set("window/splitter", value)

    # -- locking -----------------------------------------------------------------------------
    @property
    def auto_lock_minutes(self) -> int:
        raw = self._store.value("lock/auto_lock_minutes", AUTO_LOCK_DEFAULT)
        return _clamp(_as_int(raw, AUTO_LOCK_DEFAULT), AUTO_LOCK_RANGE)

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._set("lock/auto_lock_minutes", _clamp(int(minutes), AUTO_LOCK_RANGE))

    # -- appearance --------------------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        raw = str(self._store.value("appearance/theme", Theme.SYSTEM.value))
        try:
            return Theme(raw)
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._set("appearance/theme", Theme(theme).value)

    @property
    def text_scale(self) -> int:
        """Text size in percent of the system font (100 = as the desktop says)."""
        return _clamp(
            _as_int(self._store.value("appearance/text_scale", 100), 100), TEXT_SCALE_RANGE
        )

    @text_scale.setter
    def text_scale(self, percent: int) -> None:
        self._set("appearance/text_scale", _clamp(int(percent), TEXT_SCALE_RANGE))

    # -- backups -----------------------------------------------------------------------------
    @property
    def backup_folder(self) -> Path:
        raw = self._store.value("backup/folder", "")
        return Path(str(raw)) if raw else default_backup_dir()

    @backup_folder.setter
    def backup_folder(self, folder: Path) -> None:
        self._set("backup/folder", str(folder))

    @property
    def backup_keep(self) -> int:
        raw = self._store.value("backup/keep", BACKUP_KEEP_DEFAULT)
        return _clamp(_as_int(raw, BACKUP_KEEP_DEFAULT), BACKUP_KEEP_RANGE)

    @backup_keep.setter
    def backup_keep(self, count: int) -> None:
        self._set("backup/keep", _clamp(int(count), BACKUP_KEEP_RANGE))

    def stored_keys(self) -> list[str]:
        """What is actually on disk (a test asserts it is a subset of :data:`KEYS`)."""
        return list(self._store.allKeys())
