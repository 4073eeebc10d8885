"""One person, one pseudonym: decide which mentions across an export are the same person or place.

A note names people loosely: "Sam Jones", then "Sam", "Sammy", "Sam's", "Mr Jones", "SJ", a
misspelt "Sma". The detector finds each mention; this module groups them into entities so the
pseudonym map hands every mention of one person the same label, whether or not the vault knows
that person. Rules, in order:

- A mention the vault knows (``Identifier.who``) belongs to that vault person, within the
  mentee whose knowledge found it (``scope``).
- A full name (given + family) joins the entity with that family name and a compatible given
  name, or an entity known so far only by a compatible given name.
- A title with a family name ("Mr Jones") joins the one other person with that family name. It
  never joins the mentee: a relative who shares the mentee's surname is a different person.
- A single word joins an entity with a compatible given name (the same, a short form or
  nickname, or a one-letter slip), else one with that family name.
- Initials ("SJ", "S.J.") join the entity whose given and family names start with them.
- An alias written beside a name ("Sam (known as Smudge)", "aka Smudge") joins that name.

Organisations and places join by their normalised text, and an acronym joins the entity whose
capitalised words it spells ("UCD" and "University College Dublin").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.nicknames import same_given_name
from mentorjournal.anonymise.textutil import edit_distance_at_most

TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "doctor",
        "prof",
        "professor",
        "nurse",
        "sir",
        "dame",
        "rev",
        "reverend",
        "coach",
        "pc",
        "officer",
    ]
)
_MALE = frozenset(
    [
        "mr",
        "sir",
        "father",
        "dad",
        "stepdad",
        "stepfather",
        "brother",
        "stepbrother",
        "grandad",
        "grandpa",
        "grandfather",
        "uncle",
        "son",
        "husband",
        "boyfriend",
        "nephew",
    ]
)
_FEMALE = frozenset(
    [
        "mrs",
        "ms",
        "miss",
        "dame",
        "mother",
        "mum",
        "mom",
        "mam",
        "stepmum",
        "stepmother",
        "sister",
        "stepsister",
        "nan",
        "nana",
        "gran",
        "granny",
        "grandma",
        "grandmother",
        "aunt",
        "auntie",
        "aunty",
        "daughter",
        "wife",
        "girlfriend",
        "niece",
    ]
)


def gender_of(word: str | None) -> str:
    """ "m", "f" or "" from a title or relation word; used only to keep Mr and Mrs Jones apart."""
    words = set(re.findall(r"[a-z]+", (word or "").lower()))
    if words & _MALE:
        return "m"
    if words & _FEMALE:
        return "f"
    return ""


_ACRONYM_SKIP = frozenset(["of", "the", "and", "&", "for", "in", "at", "on"])
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ALIAS_BETWEEN = re.compile(
    r"""^\s*[,(]?\s*(?:who\s+is\s+|who\s+|is\s+)?(?:known\s+as|aka|a\.k\.a\.?|goes\s+by|"""
    r"""nicknamed|calls\s+(?:him|her|them)self)\s+["“‘']?\s*$""",
    re.IGNORECASE,
)


def fold(word: str) -> str:
    """Lower case without accents or a possessive: "Siân's" -> "sian"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    return unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii") or w


@dataclass
class Entity:
    """One person, organisation or place; ``surfaces`` counts how it was written."""

    id: int
    category: Category
    role: str | None = None
    given: set[str] = field(default_factory=set)
    family: set[str] = field(default_factory=set)
    #: "scope|who" when the vault knows it; mentee entities are never joined by a bare title.
    who: str | None = None
    is_mentee: bool = False
    key: str = ""
    acronym: str = ""
    gender: str = ""
    surfaces: Counter[str] = field(default_factory=Counter)

    def initials(self) -> set[str]:
        return {(g[0] + f[0]).upper() for g in self.given for f in self.family if g and f}


@dataclass(frozen=True, slots=True)
class NameMention:
    """A name mention reduced to its parts; ``title`` is the word written before it, if any."""

    given: str = ""
    family: str = ""
    single: str = ""
    initials: str = ""
    title: str = ""


def parse_name(surface: str, title: str = "") -> NameMention:
    """ "Sam Jones" -> given/family; "Jones" after "Mr" -> family; "SJ" -> initials; else single."""
    words = _WORD.findall(surface)
    parts = [fold(w) for w in words]
    parts = [p for p in parts if p]
    if parts and parts[0] in TITLES and len(parts) > 1:
        title, parts, words = parts[0], parts[1:], words[1:]
    if not parts:
        return NameMention(title=title)
    compact = re.sub(r"[\s.]", "", surface)
    if (
        2 <= len(compact) <= 3
        and compact.isalpha()
        and compact.isupper()
        and (len(words) > 1 or len(words[0]) == len(compact))
    ):
        return NameMention(initials=compact.upper(), title=title)
    if len(parts) >= 2:
        return NameMention(given=parts[0], family=parts[-1], title=title)
    if title:
        return NameMention(family=parts[0], title=title)
    return NameMention(single=parts[0])


def _misspelt(a: str, b: str) -> bool:
    """One slip for names of 4+ letters with the same first letter; two from 8 letters."""
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return edit_distance_at_most(a, b, limit)


def compatible_given(a: str, b: str) -> bool:
    return a == b or same_given_name(a, b) or _misspelt(a, b)


def acronym_of(surface: str) -> str:
    words = [w for w in _WORD.findall(surface) if w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


class Coreference:
    """Entities for one export; ``resolve`` puts each mention into one (creating it if new)."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_who: dict[str, Entity] = {}
        self._by_key: dict[str, Entity] = {}

    # -- the vault's knowledge ---------------------------------------------------------------

    def _new(self, category: Category, **kw: object) -> Entity:
        entity = Entity(len(self.entities), category, **kw)  # type: ignore[arg-type]
        self.entities.append(entity)
        return entity

    def add_known(self, known: Known, scope: str = "") -> None:
        """Register the mentee and contacts of one mentee so their names join them, not strangers."""
        m = known.mentee
        mentee = self._known_person(scope, "mentee", "mentee")
        mentee.is_mentee = True
        for name in (m.first_name, m.preferred_name, *m.nicknames):
            mentee.given.update(fold(p) for p in _WORD.findall(name)[:1])
        if m.legal_name:
            parts = _WORD.findall(m.legal_name)
            mentee.given.add(fold(parts[0]))
            if len(parts) > 1:
                mentee.family.add(fold(parts[-1]))
        if m.last_name:
            mentee.family.update(fold(p) for p in _WORD.findall(m.last_name)[-1:])
        for key, contact in zip(known.contact_keys(), known.contacts, strict=True):
            person = self._known_person(scope, key, contact.relation.strip().lower() or None)
            person.gender = gender_of(contact.relation)
            parts = _WORD.findall(contact.name)
            if parts:
                person.given.add(fold(parts[0]))
            if len(parts) > 1:
                person.family.add(fold(parts[-1]))

    def _known_person(self, scope: str, who: str, role: str | None) -> Entity:
        key = f"{scope}|{who}"
        if key not in self._by_who:
            self._by_who[key] = self._new(Category.NAME, role=role, who=key)
        return self._by_who[key]

    # -- resolving mentions ------------------------------------------------------------------

    def resolve_known(self, scope: str, who: str, category: Category, role: str | None) -> Entity:
        """A mention the vault knows: its person, or its place/phone/email keyed by category."""
        if category is Category.NAME:
            entity = self._known_person(scope, who, role)
            if who == "mentee":
                entity.is_mentee = True
            return entity
        key = f"{scope}|{who}|{category.value}"
        if key not in self._by_who:
            self._by_who[key] = self._new(category, role=role, who=key)
        return self._by_who[key]

    def resolve_name(
        self, surface: str, *, title: str = "", role: str | None = None, scope: str = ""
    ) -> Entity:
        """An unknown person's mention: join an entity these rules say is the same person, or start one."""
        m = parse_name(surface, title)
        entity = self._match_name(m, scope)
        if entity is None:
            entity = self._new(Category.NAME)
            if m.single:
                entity.given.add(m.single)
            if m.given:
                entity.given.add(m.given)
            if m.family:
                entity.family.add(m.family)
            if m.initials:
                entity.key = f"initials:{m.initials}"
            entity.gender = gender_of(m.title) or gender_of(role)
            if (
                m.title
                and m.family
                and self._mentee_family(m.family, scope)
                and role
                in (
                    None,
                    "adult",
                )
            ):
                role = "relative"
        elif m.given and m.family:
            entity.given.add(m.given)
            if not entity.is_mentee or not entity.family:
                entity.family.add(m.family)
        self._set_role(entity, role)
        return entity

    def link(self, entity: Entity, alias: Entity) -> Entity:
        """``alias`` is another name of ``entity`` ("known as Smudge"): merge it in."""
        if alias is entity or alias.who is not None:
            return entity
        entity.given |= alias.given
        entity.surfaces.update(alias.surfaces)
        alias.given, alias.family = set(), set()
        self.entities[alias.id] = entity
        return entity

    def _mentee_family(self, family: str, scope: str) -> bool:
        return any(e.is_mentee and family in e.family for e in self._scoped(scope))

    def _scoped(self, scope: str) -> list[Entity]:
        """Entities a mention in ``scope`` may join: unknown ones, and the vault's for this scope."""
        return [
            e
            for i, e in enumerate(self.entities)
            if e.id == i
            and e.category is Category.NAME
            and (e.who is None or e.who.startswith(f"{scope}|"))
        ]

    def _match_name(self, m: NameMention, scope: str) -> Entity | None:
        people = self._scoped(scope)
        if m.initials:
            return _first(
                e for e in people if m.initials in e.initials() or e.key == f"initials:{m.initials}"
            )
        if m.given and m.family:
            return _match_full(m, people)
        if m.family:  # after a title: anyone with that family name except the mentee
            gender = gender_of(m.title)
            hits = [
                e
                for e in people
                if m.family in e.family
                and not e.is_mentee
                and not (gender and e.gender and gender != e.gender)
            ]
            return hits[0] if len(hits) == 1 else None
        word = m.single
        return (
            _first(e for e in people if word in e.given)  # exact given names first
            or _first(e for e in people if any(compatible_given(word, g) for g in e.given))
            or _first(e for e in people if word in e.family)
        )

    def _set_role(self, entity: Entity, role: str | None) -> None:
        if (
            role and role not in ("adult", "person") and entity.role in (None, "adult", "person")
        ) or (role and entity.role is None):
            entity.role = role

    def resolve_other(self, surface: str, category: Category, role: str | None) -> Entity:
        """Organisations, places and structured identifiers: one entity per normalised text."""
        if category in (Category.PHONE, Category.ID_NUMBER, Category.ZIP):
            norm = re.sub(r"\W", "", surface).lower()
            if category is Category.PHONE:
                norm = norm.lstrip("+")[-9:]
        else:
            words = [fold(w) for w in _WORD.findall(surface)]
            if words and words[0] == "the":
                words = words[1:]
            norm = " ".join(words) or surface.strip().lower()
        bucket = category.value
        if category in (Category.ORGANISATION, Category.PLACE):
            bucket = "org_or_place"
        key = f"{bucket}:{norm}"
        found = self._by_key.get(key) or self._match_acronym(surface, category)
        entity = found or self._new(category, key=key, acronym=acronym_of(surface))
        self._by_key[key] = entity
        self._set_role(entity, role)
        return entity

    def _match_acronym(self, surface: str, category: Category) -> Entity | None:
        if category is not Category.ORGANISATION:
            return None
        compact = surface.strip()
        acronym = acronym_of(surface)
        for e in self.entities:
            if e.category is not Category.ORGANISATION:
                continue
            if compact.isupper() and 2 <= len(compact) <= 6 and e.acronym == compact:
                return e
            if acronym and e.key == f"org_or_place:{acronym.lower()}":
                e.acronym = acronym
                return e
        return None


def alias_between(text: str) -> bool:
    """Is the text between two names an alias cue ("Sam (known as Smudge)", "Sam aka Smudge")?"""
    return len(text) <= 40 and bool(_ALIAS_BETWEEN.match(text)) and text.strip() != ""


def title_before(text: str, start: int) -> str:
    """The title written just before a name span ("Mr " in "Mr Jones"), folded, or ""."""
    m = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, start - 14) : start])
    if m and m.group(1).lower() in TITLES:
        return m.group(1).lower()
    return ""


def _first(entities: Iterable[Entity]) -> Entity | None:
    return next(iter(entities), None)


def _match_full(m: NameMention, people: list[Entity]) -> Entity | None:
    """A given + family name: the same family with a compatible given name, else a given-only entity."""
    same = _first(
        e
        for e in people
        if m.family in e.family
        and (not e.given or any(compatible_given(m.given, g) for g in e.given))
    )
    if same is not None:
        return same
    given_only = _first(
        e for e in people if not e.family and any(compatible_given(m.given, g) for g in e.given)
    )
    if given_only is not None:
        return given_only
    titled = [e for e in people if not e.given and m.family in e.family]
    return titled[0] if len(titled) == 1 else None
