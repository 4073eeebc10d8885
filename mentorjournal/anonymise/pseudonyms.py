"""Consistent pseudonyms across one export: the same person or place gets the same label everywhere.

The export's one policy: people get role labels ("Parent 1", "Friend A", "Person A"), the mentee
their code ("Mentee A"), organisations and places bracketed kinds ("[School]", "[School 2]"),
structured identifiers bracketed categories ("[Phone]"). Which mentions are one person is decided
by ``coref.Coreference``; a label is handed out the first time an entity is shown and then kept.

The map is the re-identification key, so it stays inside the vault (GDPR: a pseudonymised export
is still personal data while the key exists); exports carry only the labels.
"""

from __future__ import annotations

import re
import string

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import RELATIONS
from mentorjournal.anonymise.coref import Coreference, Entity, alias_between, title_before
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known

#: Role -> (label, numbered): family members are numbered ("Parent 1"), others lettered ("Friend B").
ROLE_LABELS: dict[str, tuple[str, bool]] = {
    "parent": ("Parent", True),
    "sibling": ("Sibling", True),
    "relative": ("Relative", True),
    "child": ("Child", True),
    "friend": ("Friend", False),
    "partner": ("Partner", False),
    "teacher": ("Teacher", False),
    "clinician": ("Clinician", False),
    "worker": ("Worker", False),
    "colleague": ("Colleague", False),
    "neighbour": ("Neighbour", False),
}
ORG_LABELS = {
    "school": "School", "college": "College", "university": "University", "hospital": "Hospital",
    "ward": "Ward", "clinic": "Clinic", "employer": "Employer", "organisation": "Organisation",
    "venue": "Venue", "park": "Park", "town": "Town",
}  # fmt: skip
CATEGORY_LABELS = {
    Category.PLACE: "Town",
    Category.ADDRESS: "Address",
    Category.POSTCODE: "Postcode",
    Category.ZIP: "ZIP",
    Category.PHONE: "Phone",
    Category.EMAIL: "Email",
    Category.URL: "URL",
    Category.HANDLE: "Handle",
    Category.ID_NUMBER: "ID number",
}
#: The vault's contact roles (domain ContactRole values) as pseudonym roles.
_CONTACT_ROLES = {"employer": "colleague", "other": None}


def role_of(relation: str | None) -> str | None:
    """A free-text relation ("Mother", "best friend", "GP") reduced to a pseudonym role."""
    if not relation:
        return None
    low = relation.lower()
    if low in _CONTACT_ROLES:
        return _CONTACT_ROLES[low]
    words = re.findall(r"[a-z-]+", low)
    for word in reversed(words):
        if word in RELATIONS:
            return RELATIONS[word]
    return low if low in ROLE_LABELS else None


def relation_before(text: str, start: int) -> str | None:
    """ "her friend Jordan", "his mum, Jo": the relation written just before a name, as a role."""
    words = re.findall(r"[A-Za-z'’-]+", text[max(0, start - 30) : start].lower())[-3:]
    if not words or not re.fullmatch(r"[\s,(]*", text[start - 1 : start] if start else ""):
        return None
    for word in reversed(words[-2:]):
        if word in RELATIONS:
            return RELATIONS[word]
    return None


def letter(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: enough labels for any export."""
    letters = string.ascii_uppercase
    name = ""
    while n:
        n, rest = divmod(n - 1, 26)
        name = letters[rest] + name
    return name


class PseudonymMap:
    """Hands out labels; one instance per export so labels stay consistent across its notes."""

    def __init__(self, mentee_code: str = "Mentee A") -> None:
        self.mentee_code = mentee_code
        self.coref = Coreference()
        self._labels: dict[int, str] = {}
        self._counts: dict[str, int] = {}
        self._mentee_labels: dict[str, str] = {}
        self._registered: set[tuple[str, Known]] = set()
        self._last_name: tuple[str, int, Entity] | None = None

    # -- the vault's knowledge ---------------------------------------------------------------

    def add_known(self, known: Known, scope: str = "", mentee_label: str | None = None) -> None:
        """Register one mentee's people; ``mentee_label`` is their code in this export."""
        if (scope, known) not in self._registered:
            self._registered.add((scope, known))
            self.coref.add_known(known, scope)
        if mentee_label is not None:
            self._mentee_labels[scope] = mentee_label

    def mentee_label(self, scope: str = "") -> str:
        return self._mentee_labels.get(scope, self.mentee_code)

    # -- entities ------------------------------------------------------------------------------

    def entity(self, ident: Identifier, text: str, scope: str = "") -> Entity:
        """Which person/place/value this mention is (``text`` is the whole block, for context)."""
        surface = text[ident.start : ident.end]
        if ident.who is not None and ident.who != "manual":
            entity = self.coref.resolve_known(scope, ident.who, ident.category, ident.role)
        elif ident.category is Category.NAME:
            entity = self.coref.resolve_name(
                surface,
                title=title_before(text, ident.start),
                role=ident.role or relation_before(text, ident.start),
                scope=scope,
            )
            previous = self._last_name
            if (
                previous is not None
                and previous[0] == text
                and previous[1] <= ident.start
                and alias_between(text[previous[1] : ident.start])
            ):
                entity = self.coref.link(previous[2], entity)
        else:
            entity = self.coref.resolve_other(surface, ident.category, ident.role)
        entity.surfaces[surface] += 1
        if ident.category is Category.NAME:
            self._last_name = (text, ident.end, entity)
        return entity

    def label_of(self, entity: Entity) -> str:
        """The entity's label, handed out on first use and kept for the whole export."""
        entity = self.coref.entities[entity.id]
        if entity.id not in self._labels:
            self._labels[entity.id] = self._new_label(entity)
        return self._labels[entity.id]

    def _next(self, prefix: str) -> int:
        self._counts[prefix] = self._counts.get(prefix, 0) + 1
        return self._counts[prefix]

    def _new_label(self, entity: Entity) -> str:
        if entity.category is Category.NAME:
            if entity.is_mentee and entity.who is not None:
                return self.mentee_label(entity.who.split("|", 1)[0])
            role = role_of(entity.role) if entity.who is not None else entity.role
            label, numbered = ROLE_LABELS.get(role or "", ("Person", False))
            n = self._next(label)
            return f"{label} {n}" if numbered else f"{label} {letter(n)}"
        if entity.category is Category.ORGANISATION or (
            entity.category is Category.PLACE and entity.role in ("venue", "park")
        ):
            label = ORG_LABELS.get(entity.role or "", "Organisation")
        else:
            label = CATEGORY_LABELS.get(entity.category, entity.category.value)
        n = self._next(label)
        return f"[{label}]" if n == 1 else f"[{label} {n}]"

    def label(
        self, ident: Identifier, surface: str, *, text: str | None = None, scope: str = ""
    ) -> str:
        """The pseudonym for one mention (names, places and structured values; dates and ages are derived)."""
        if text is None:
            text, ident = (
                surface,
                Identifier(0, len(surface), ident.category, ident.who, ident.role),
            )
        return self.label_of(self.entity(ident, text, scope))

    def mapping(self) -> dict[str, str]:
        """Surface forms -> label; the key to re-identify, to be stored only inside the vault."""
        out: dict[str, str] = {}
        for entity_id, label in self._labels.items():
            for surface in self.coref.entities[entity_id].surfaces:
                out[surface] = label
        return out
