"""People named in ways the name rules leave: a first name that is also a word at the head of a
note line, "Big Tom", "Said Bill - her neighbour", and lower-case names listed beside a name.

- Structured notes (SOAP, BIRP, GIRP, DAP) open each line with a letter and a colon; the
  person then opens the sentence ("R: Hector engaged", "P: Jade will attend"). A first name
  that is also a word ("hector", "jade", "faith") is refused at a sentence's start by the
  gazetteer rule; after such a label and before a person's verb it is a person.
- A person's verb object: "helped Hector call", "supported Faith to ring".
- Once a first name that is also a word is a person in a note, its other capitalised
  mentions in that note are that person ("Hector to ask his sister").
- Street names for people: "Big Tom", "Lil Quan", "Little Mo" (the word is part of the name).
- A name before a dash and the relation: "Said Bill - her upstairs neighbour - had a leak".
- Lower-case names listed beside a name: "Spoke to Ruth (sp?) and olakunle", when the word is
  in no English word list (a lower-case word that is a word stays: "Ruth and mum").
"""

from __future__ import annotations

import itertools
import re

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import RELATIONS, looks_like_typo
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import MONTHS, NOT_NAMES, WEEKDAYS, is_must_keep
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.textutil import Token, split_words

#: The labels of structured note lines: SOAP, BIRP, GIRP, DAP, PIE, and "Plan:".
_LABEL_LINE_RE = re.compile(
    r"[ \t]*(?:[SOAPBIRGDE]|Plan|Goal|Response|Intervention|Behaviou?r|Assessment|Data)"
    r"[ \t]*[:.)-][ \t]*(?P<n>[A-Z][a-z'’]+)[ ]+(?P<v>[a-z']+)"
)
#: Verbs a person does, after a name at the head of a note line.
_PERSON_VERBS = frozenset(
    split_words("""said says told engaged agreed agrees reported reports stated states denied
    denies arrived attended presented came went described shared feels felt wants wanted asked
    seemed appeared continues continued will would was is has had can could did declined
    identified discussed explained expressed talked spoke cried laughed admitted disclosed
    completed practised practiced plans planned needs needed hopes hoped chose decided""")
)
_WEAK_VERBS = frozenset(split_words("will would was is has had can could did"))
#: Verbs whose object is plainly a person: "helped Hector call".
_OBJECT_VERBS = frozenset(
    split_words("""helped supported encouraged reminded advised asked told showed thanked praised
    accompanied drove walked coached prompted urged invited""")
)
_OBJECT_RE = re.compile(r"\b(?P<v>[a-z]+)[ ](?P<n>[A-Z][a-z'’]+)(?=[ ](?:to[ ])?[a-z])")
#: The three letters before the space ahead of a name that "Big", "Lil", "Little", "Wee" end in.
_BIG_TAILS = frozenset(("Big", "Lil", "tle", "Wee", "il'"))
#: How the text after a name opens when a list or a bracket follows it.
_LIST_OPENINGS = frozenset((", ", " a", " &", " ("))
_BIG_RE = re.compile(r"\b(?:Big|Little|Lil|Lil'|Wee)[ ]$")
#: "Bill - her upstairs neighbour", "Deb – his sponsor".
_DASH_RELATION_RE = re.compile(
    r"\b(?P<n>[A-Z][a-z'’]+)[ ]+[-–—][ ]+(?:her|his|their|my|our|the)[ ](?:[a-z-]+[ ])?"
    r"(?P<r>[a-z-]+)\b"
)
#: A lower-case word listed after a name: "Ruth (sp?) and olakunle", "Tobi, kemi".
_LOWER_AFTER_RE = re.compile(
    r"(?:[ ]\([^()\n]{1,12}\))?(?:(?P<comma>,[ ])|[ ]and[ ]|[ ]&[ ]|,[ ]and[ ])"
    r"(?P<w>[a-zà-ÿłśżźćńó][\w'’-]+)(?![\w'’-])(?P<more>,[ ]|[ ]and[ ]|[ ]&[ ])?"
)
_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")
#: A note's first line names its person after a dash: "session - mo", "note - paolo - nov 6".
_HEADER_NAME_RE = re.compile(
    r"\b(?:session|sesh|note|notes|mentoring|log|visit|check-?in|catch-?up|call|chat|meeting)"
    r"[ ]+[-–—][ ]+(?P<n>[a-zà-ÿłśżźćńó][a-zà-ÿłśżźćńó'’]{1,14})(?=[ ]*(?:$|[-–—(,|]))"
)
#: "Mr O'Driscoll (Pat)": the given name in brackets after a family name.
_GIVEN_IN_BRACKETS_RE = re.compile(r"[ ]\((?P<n>[A-Z][a-z'’]+)\)")
#: Verbs only a person does: a lower-case word no dictionary has before one is a name ("bex
#: texted at 7"), as notes typed quickly write names in lower case.
_ONLY_PEOPLE_VERBS = frozenset(
    split_words("""texted rang phoned messaged reckons reckoned cried laughed agreed disclosed
    admitted turned arrived cancelled apologised apologized snapchatted dm'd dmed agrees""")
)
_NOT_PEOPLE = frozenset(WEEKDAYS) | frozenset(MONTHS) | NOT_NAMES | frozenset(RELATIONS)


class NameForms:
    """Finds the name shapes above; built once per detector (it keeps the gazetteers)."""

    def __init__(self, gazetteers: Gazetteers) -> None:
        self._g = gazetteers

    def _word_name(self, word: str) -> bool:
        """A capitalised word that the first-name list has (it may also be an English word)."""
        base = word.lower().replace("’", "'").removesuffix("'s")
        return base in self._g.first_names and base not in _NOT_PEOPLE and not is_must_keep(base)

    def find(self, text: str, tokens: list[Token], bases: set[str]) -> list[Identifier]:
        """Names at the head of a note line and after a verb whose object is a person
        (``bases`` is the set of ``tokens``' lower-case forms)."""
        out: list[Identifier] = []
        if ":" in text or ")" in text:
            out.extend(self._label_lines(text))
        if not bases.isdisjoint(_OBJECT_VERBS):
            for tok in tokens:
                if tok.base not in _OBJECT_VERBS:
                    continue
                obj = _OBJECT_RE.match(text, tok.start)
                if obj is not None and self._word_name(obj.group("n")):
                    out.append(Identifier(obj.start("n"), obj.end("n"), Category.NAME))
        if " - " in text[:120] or " – " in text[:120]:
            out.extend(self._header_names(text))
        for prev, tok in itertools.pairwise(tokens):
            if (
                tok.base in RELATIONS
                and prev.possessive
                and prev.text.islower()
                and prev.base in self._g.first_names
                and prev.base not in self._g.top_words
                and prev.base not in _NOT_PEOPLE
            ):  # "deb's son Craig": whoever has a son is a person
                out.append(Identifier(prev.start, prev.start + len(prev.base), Category.NAME))
        if not bases.isdisjoint(_ONLY_PEOPLE_VERBS):
            out.extend(self._lower_before_verbs(text, tokens))
        if " - " in text or " – " in text:
            for m in finditer(_DASH_RELATION_RE, text):
                if m.group("r") in RELATIONS and self._word_name(m.group("n")):
                    out.append(Identifier(m.start("n"), m.end("n"), Category.NAME))
        return out

    def _lower_before_verbs(self, text: str, tokens: list[Token]) -> list[Identifier]:
        """ "bex texted at 7": a lower-case word in no word list before a verb only people do."""
        out: list[Identifier] = []
        g = self._g
        for k in [k for k, t in enumerate(tokens) if k and t.base in _ONLY_PEOPLE_VERBS]:
            prev, tok = tokens[k - 1], tokens[k]
            if not prev.text.islower():
                continue
            base = prev.base
            if (
                len(base) < 3
                or not any(c in _VOWELS for c in base)  # "dwp rang": an agency's letters
                or base in g.common_words
                or base in _NOT_PEOPLE
                or is_must_keep(base)
                or looks_like_typo(base, g.common_words)
                or text[prev.end : tok.start] != " "
            ):
                continue
            out.append(Identifier(prev.start, prev.end, Category.NAME))
        return out

    def _header_names(self, text: str) -> list[Identifier]:
        """ "peer session - mo", "quick note - paolo - nov 6": the person a note's first line
        is about, written after a dash in lower case."""
        first_line = text.split("\n", 1)[0]
        out: list[Identifier] = []
        for m in _HEADER_NAME_RE.finditer(first_line):
            word = m.group("n")
            if (
                word in _NOT_PEOPLE
                or is_must_keep(word)
                or not any(c in _VOWELS for c in word)
                or (word in self._g.common_words and word not in self._g.first_names)
                or (word in self._g.top_words)
                or looks_like_typo(word, self._g.common_words)
            ):
                continue
            out.append(Identifier(m.start("n"), m.end("n"), Category.NAME))
        return out

    def _label_lines(self, text: str) -> list[Identifier]:
        """ "R: Hector engaged": a first name after a note line's label, before a person's verb."""
        out: list[Identifier] = []
        line_starts = [0]
        at = text.find("\n")
        while at >= 0:
            line_starts.append(at + 1)
            at = text.find("\n", at + 1)
        for pos in line_starts:
            m = _LABEL_LINE_RE.match(text, pos)
            if m is None:
                continue
            verb, name = m.group("v"), m.group("n")
            if verb not in _PERSON_VERBS or not self._word_name(name):
                continue
            if verb in _WEAK_VERBS and name.lower() in self._g.top_words:
                continue  # "A: Hope is returning": a frequent word before "is" may be a word
            out.append(Identifier(m.start("n"), m.end("n"), Category.NAME))
        return out

    def around(self, text: str, found: list[Identifier]) -> list[Identifier]:
        """What a found name brings with it: "Big" before it, its other capitalised mentions
        when it is also a word, lower-case names listed after it. Never overlaps ``found``."""
        taken = [(i.start, i.end) for i in found]
        out: list[Identifier] = []
        words: set[str] = set()
        for ident in found:
            if ident.category is not Category.NAME:
                continue
            big = (
                _BIG_RE.search(text, max(0, ident.start - 6), ident.start)
                if text[ident.start - 4 : ident.start - 1] in _BIG_TAILS
                else None
            )
            if big is not None:
                out.append(Identifier(big.start(), ident.end, Category.NAME, ident.who, ident.role))
            surface = text[ident.start : ident.end]
            if (
                not ident.known
                and surface[:1].isupper()
                and " " not in surface
                and surface.lower() in self._g.common_words
                and surface.lower() not in self._g.top_words  # "Will", "May": too often words
                and self._word_name(surface)
            ):
                words.add(surface)
            nxt = text[ident.end : ident.end + 2]
            if nxt not in _LIST_OPENINGS:
                continue
            after = _LOWER_AFTER_RE.match(text, ident.end)
            if after is not None:
                w = after.group("w")
                base = w.replace("’", "'").removesuffix("'s")
                if (
                    len(base) >= 3
                    and (after.group("comma") is None or after.group("more") is not None)
                    and base not in self._g.common_words
                    and not looks_like_typo(base, self._g.common_words)
                    and base not in _NOT_PEOPLE
                    and not is_must_keep(base)
                    and not any(s < after.end("w") and after.start("w") < e for s, e in taken)
                ):
                    out.append(Identifier(after.start("w"), after.end("w"), Category.NAME))
            given = _GIVEN_IN_BRACKETS_RE.match(text, ident.end) if nxt == " (" else None
            if given is not None and self._word_name(given.group("n")):
                out.append(Identifier(given.start("n"), given.end("n"), Category.NAME))
        for word in words:  # "R: Hector engaged ... Hector to ask his sister"
            for m in re.finditer(r"(?<![\w@])" + re.escape(word) + r"(?![\w])", text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    out.append(Identifier(m.start(), m.end(), Category.NAME))
        return out


#: "Spoke to Wruaola": one speaks to a person, never to a town.
_SPOKEN_TO_RE = re.compile(
    r"\b(?:spoke|speak|speaks|speaking|talked|talk|talks|talking|chatted|chatting|wrote|"
    r"listened|explained|apologised|apologized|introduced|said)[ ]to[ ]$",
    re.IGNORECASE,
)


def spoken_to(text: str, found: list[Identifier]) -> list[Identifier]:
    """A word one speaks to is a person: a town found after "spoke to" becomes a name."""
    return [
        Identifier(ident.start, ident.end, Category.NAME)
        if ident.category is Category.PLACE
        and not ident.known
        and _SPOKEN_TO_RE.search(text, max(0, ident.start - 24), ident.start)
        else ident
        for ident in found
    ]
