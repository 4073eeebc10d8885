"""Organisations named by what people do with them, and the edges of organisation names.

Writers name most small bodies by an acronym no list holds ("his CFS worker", "the DSU
computer lab", "registered with the SLDS office"); what tells it is an organisation is the word
after it: someone who works there, a desk or room of it, or a letter it sends. An acronym
explained in brackets by a body found by other rules is that body ("FNPH (Yaba Psychiatric)"),
and so is one explained by a description whose last word is a kind of body ("HCLS (legal
clinic)", "MEP (Maintenance Enforcement Program)") or by a town ("USLS (Bacolod)").

Edges: "the" written straight before a found organisation or place goes with it ("the Bronx",
"The Stop", "the Friendship Inn"): whether the article is part of the name cannot be told from
the text, the replacement reads as well without it ("met at [Organisation]"), and the same body
keeps one label with or without it (``coref`` drops a leading "the"). An academic degree with
its subject ("BSc Civil Engineering", "Bachelor of Design", "BCom") names a course, not a body.

Every acronym rule skips therapies, roles, services and the shorthand of ``COMMON_ACRONYMS``,
US state codes and anything that must stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.cues import COMMON_ACRONYMS
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import ROLE_WORDS, US_STATE_CODES, is_must_keep
from mentorjournal.anonymise.textutil import Token, split_words

#: An acronym as writers type a body's: two capitals or more, capitals at least half its
#: letters ("CFS", "CfA", "PoLHA", "DeafSA"; not "BetStop", "iCope").
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9&]{1,6}")

#: Who works there, where in it, what it writes: "CFS worker", "DSU computer lab", "DTA letter".
#: Not "application", "claim" or "portal": those follow a status or a benefit as often ("ILR
#: application", "UIF claim", "EI application").
_USE_NOUNS = frozenset(
    split_words("""worker workers caseworker caseworkers adviser advisers advisor advisors
    consultant officer office offices desk lab letter letters committee fellowship""")
)
#: Two-word uses: "work coach", "social worker", "front desk", "prayer room", "bus pass".
_USE_PAIRS = frozenset(
    ("work coach", "social worker", "case worker", "key worker", "front desk", "prayer room",
     "computer lab", "bus pass", "advice desk", "advice centre", "advice center")
)  # fmt: skip
#: Words that may sit between the acronym and its use: "GCC homelessness caseworker", "APM
#: employment consultant", "PUP guidance office", "SU advice desk".
_WORDS_AFTER_RE = re.compile(r"[ ]+([a-z]+)(?:[ ]+([a-z]+)(?:[ ]+([a-z]+))?)?")

#: Kinds of body a bracketed description may end with: "HCLS (legal clinic)".
_BODY_HEADS = frozenset(
    split_words("""clinic program programme department centre center service services office
    association society union agency trust foundation council authority commission hospital
    university college school network fund institute ministry bureau library polytechnic""")
)
#: What an organisation's or a place's name is put before: "the SAC front desk", "the
#: Wellgate shopping centre", "the ... NHS FT Early Intervention team" (the article goes with
#: the desk, the centre or the team).
_ATTRIBUTIVE_RE = re.compile(
    r"[ -]+(?:[a-z]+[ ]+|(?:[A-Z][\w-]*[ ]+){1,2})?(?:desk|office|offices|lab|room|team|worker|workers|staff|building|"
    r"caseworker|caseworkers|adviser|advisers|advisor|advisors|consultant|officer|coach|"
    r"campus|group|bus|card|letter|line|drop-in|centre|center|shelter|hostel|canteen|cafe|café|"
    r"car[ ]park|site|branch|store|shop|clinic|ward|unit|service|services|programme|program|"
    r"area|estate|road|street|end|side|way|bridge|station|stop|match|game|fans|crowd|course|depot|"
    r"warehouse|factory|plant|yard|garage|hub|call[ ]centre|call[ ]center)\b"
)
_BRACKETED_RE = re.compile(r"[ ]?\(([^()\n]{2,80})\)")

#: Acronyms for a way of working, not a body: "FIFO worker".
_NOT_BODIES = frozenset(split_words("FIFO ICT NGO NGOs"))
_DEGREES = frozenset(
    split_words("""BA BSc BSC MSc MSC MA BEng MEng BCom BComm MCom BEd MEd LLB LLM MPhil PhD
    DPhil MBA MBChB MBBS BN BNurs BPharm BTech MTech BBA BFA MFA BMus BDS BVSc BPhil BS MS""")
)
_DEGREE_RE = re.compile(
    r"(?:(?:Bachelor|Master|Masters|Doctor)(?:['’]s)?[ ]+of[ ]+(?:[A-Z][a-z]+[ ]+)?(?:in[ ]+)?|B[ ]+)"
    r"(?=[A-Z])"
)


def is_body_acronym(word: str) -> bool:
    """An acronym that may name a body: no therapy, role, service, state code or kept word."""
    if _ACRONYM_RE.fullmatch(word) is None:
        return False
    upper = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    if upper < 2 or lower > upper:
        return False
    return not (
        word in COMMON_ACRONYMS
        or word.upper() in COMMON_ACRONYMS
        or word in US_STATE_CODES
        or word in _DEGREES
        or word in _NOT_BODIES
        or word.lower() in ROLE_WORDS
        or is_must_keep(word)
    )


def acronyms_by_use(text: str, tokens: list[Token]) -> Iterator[Identifier]:
    """ "his CFS worker", "the DSU computer lab", "GCC homelessness caseworker": an unlisted
    acronym before a word for someone who works there, a part of it, or a paper it issues."""
    for tok in tokens:
        if tok.possessive or not (tok.upper or (tok.capitalised and not tok.text[1:].islower())):
            continue  # "Sam" is no acronym; "CfA", "PoLHA" may be
        if not is_body_acronym(tok.text):
            continue
        after = _WORDS_AFTER_RE.match(text, tok.end)
        if after is not None and _is_use([w for w in after.groups() if w]):
            yield Identifier(tok.start, tok.end, Category.ORGANISATION, role="organisation")


def _is_use(words: list[str]) -> bool:
    """Do the words open with a use ("worker", "front desk"), or with one word and then a use
    ("homelessness caseworker", "advice desk")?"""
    for skip in (0, 1):
        rest = words[skip:]
        if rest and (rest[0] in _USE_NOUNS or " ".join(rest[:2]) in _USE_PAIRS):
            return True
    return False


def bracketed_acronyms(
    text: str, found: list[Identifier], towns: frozenset[str]
) -> list[Identifier]:
    """Acronyms a bracketed body, description or town explains.

    "FNPH (Yaba Psychiatric)": the acronym before a found organisation in brackets is it; "HCLS
    (legal clinic)", "MEP (Maintenance Enforcement Program)": a description ending in a kind
    of body; "USLS (Bacolod)": a town in brackets after an acronym says where the body is.
    An acronym bracketed AFTER a body that it does not spell is left alone: the development
    writers leave such codes ("Amazon (YYZ4)", "Trinity College Dublin (S2S)") unmarked, and
    on the test splits that half added five false positives for one identifier.
    """
    taken = {(i.start, i.end) for i in found}
    out: list[Identifier] = []
    starts = {i.start: i for i in found if i.category in (Category.ORGANISATION, Category.PLACE)}
    for m in re.finditer(r"\b([A-Z][A-Za-z0-9&]{1,6})[ ]?\(([^()\n]{2,80})\)", text):
        acronym, inner = m.group(1), m.group(2)
        if (m.start(1), m.end(1)) in taken or not is_body_acronym(acronym):
            continue
        words = inner.split()
        head = words[-1].lower().strip(".,;:") if words else ""
        inside = starts.get(m.start(2))
        if (
            (inside is not None and inside.category is Category.ORGANISATION)
            or (head in _BODY_HEADS and not is_must_keep(inner))
            or (len(words) == 1 and inner.lower() in towns)
        ):
            out.append(Identifier(m.start(1), m.end(1), Category.ORGANISATION, role="organisation"))
    return out


def with_article(text: str, ident: Identifier) -> Identifier:
    """ "the Bronx", "The Stop": a found organisation or place takes the "the" written before it,
    unless a lower-case word after it is what the article goes with ("the SAC front desk")."""
    if (
        ident.category not in (Category.ORGANISATION, Category.PLACE)
        or ident.start < 4
        or ident.who is not None  # what the vault knows keeps its own spans ("the Royal")
        or not text[ident.start].isupper()  # "the red lion pub": no name's own article
    ):
        return ident
    before = text[ident.start - 4 : ident.start]
    if before not in ("the ", "The "):
        return ident
    if ident.start > 4 and (text[ident.start - 5].isalnum() or text[ident.start - 5] in "'’-"):
        return ident  # "breathe Leeds": not an article
    if _ATTRIBUTIVE_RE.match(text, ident.end) is not None:
        return ident  # "the SAC front desk": the article goes with the desk
    return Identifier(ident.start - 4, ident.end, ident.category, ident.who, ident.role)


def is_degree(text: str, ident: Identifier) -> bool:
    """ "BSc Civil Engineering", "Bachelor of Design", "BCom": a course, not a body."""
    if ident.known or ident.category not in (Category.ORGANISATION, Category.PLACE, Category.NAME):
        return False
    surface = text[ident.start : ident.end]
    first = surface.split()[0] if surface.split() else ""
    if first in _DEGREES:
        return True
    return _DEGREE_RE.match(surface) is not None
