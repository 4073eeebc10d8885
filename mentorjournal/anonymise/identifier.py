"""One found identifier: where it is, what kind it is, and whose it is when the vault knows."""

from __future__ import annotations

from dataclasses import dataclass

from mentorjournal.anonymise.categories import Category


@dataclass(frozen=True, slots=True)
class Identifier:
    """A span ``text[start:end]`` (end exclusive) that identifies someone or somewhere.

    ``who`` names the known person or place it belongs to ("mentee", "contact:mother",
    "place:0") so every mention gets the same pseudonym; ``role`` is a hint for people and
    organisations the vault does not know ("friend", "clinician", "school") taken from context.
    """

    start: int
    end: int
    category: Category
    who: str | None = None
    role: str | None = None

    def __post_init__(self) -> None:
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"invalid span {self.start}:{self.end}")

    @property
    def known(self) -> bool:
        """True when the vault knows this identifier (it matched the mentee or a contact/place)."""
        return self.who is not None

    def overlaps(self, other: Identifier) -> bool:
        return self.start < other.end and other.start < self.end
