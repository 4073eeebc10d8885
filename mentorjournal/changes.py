"""Typed change sets: what a journal command touched, so each view refreshes only what it shows.

Modelled on Anki's ``OpChanges``: a command returns ``Changed(value, changes)``; the UI worker
broadcasts ``changes`` once and every view checks the flags it cares about.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """One flag per kind of record a view may be showing."""

    mentees: bool = False
    sessions: bool = False
    goals: bool = False
    plans: bool = False
    contacts: bool = False
    reflections: bool = False
    supervision: bool = False
    cpd: bool = False
    search: bool = False
    appointments: bool = False
    measures: bool = False
    disclosures: bool = False

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    @classmethod
    def all(cls) -> Changes:
        """Everything changed (after an import, a restore or an erasure)."""
        return cls(**{f.name: True for f in fields(cls)})

    @classmethod
    def none(cls) -> Changes:
        return cls()

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A command's result together with the change set the UI broadcasts."""

    value: T
    changes: Changes
