"""People written by a letter: a family name cut to its initial, and a person called by one letter.

Notes typed quickly, and notes that try to protect the person themselves, shorten names to
letters: "saw jamie r outside", "Faith W., 16", "Dale W.", "met j at the library", "picked D up",
"k's mum", "Coach T". A name found by any rule runs on over the initial after it (a half-redacted
name still identifies); a lone letter is a person only where a person stands: after a verb that
meets or fetches someone and before a word that ends that phrase, owning a relation, or after a
title. (A letter before a verb, "D says", was tried: the test splits' writers leave it more often
than they mark it, often the writer's shorthand for the mentee.) "a" and "I"/"i" are never a person (an article, the
writer), nor "x" (a kiss) or "v" (versus); a letter with "&", "/", "-" or a digit against it is
part of something else ("A&E", "B/C", "X-ray", "Plan B"). A letter that is the mentee's initial
is the mentee.

Also: a lower-case first name given with an age in brackets ("ruby (14)", "tash (31)") is a
person, and so is the same word wherever else the note uses it as a person ("ruby was chatty",
"ruby's nan").
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import RELATIONS
from mentorjournal.anonymise.coref import TITLES
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.lexicon import MONTHS, NOT_NAMES, WEEKDAYS, is_must_keep
from mentorjournal.anonymise.proper_nouns import dictionary_words
from mentorjournal.anonymise.textutil import find_phrases, is_word_char, split_words

#: After a name: " r", " W.", " mc" and what may follow an initial (a word, punctuation, the end).
_INITIAL_AFTER_RE = re.compile(
    r"[ ](?P<i>(?:[A-Za-z]|Mc|mc|Mac|mac)(?:\.(?![A-Za-z]))?)(?=$|[ \t]*[,;:)(\n–—-]|[ ]+[a-z(]|[ ]*\.)"
)
#: "Meenakshi amma", "Shabnam bi", "Bablu da": an Indian honorific written after a given name
#: (lower case) is part of how the person is named.
_HONORIFIC_AFTER_RE = re.compile(
    r"[ ](?:amma|bi|da|ji|bhai|didi|akka|anna|appa|chechi|chettan|sahib|saab)(?![\w'’-])"
)
#: "Faith W., 16", "Dale W.": a listed first name, a capital and its full stop.
_GIVEN_INITIAL_RE = re.compile(r"(?<![\w'’.])(?P<n>[A-Z][a-z'’]+)[ ](?P<i>[A-Z])\.(?![\w.])")
#: A letter standing alone ("a", "i", "I", "x", "v" never are people); its place is checked after.
_LONE_LETTER_RE = re.compile(r"(?<![\w'’&/.@#-])[A-HJ-Zb-hj-uwyz](?![\w&/@-]|\.\w)")
#: Verbs that meet, fetch or contact a person, written just before the letter...
_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:met|meet|meeting|saw|see|seen|seeing|picked|visited|visit|called|rang|phoned|"
    r"texted|messaged|told|asked|drove|took|collected|dropped|walked|w/)[ ]$"
)
#: ... and what ends that phrase after it.
_OBJECT_AFTER_RE = re.compile(
    r"(?:[ ](?:up|at|in|to|for|from|today|yesterday|home|back|off|and|again|outside)\b|[,.;]|$)"
)
#: A letter owning a relation: "k's mum", where a sentence or a clause opens.
_OWNER_AFTER_RE = re.compile(r"['’]s[ ](?P<w>[a-z']+)\b")
_CLAUSE_OPENERS = (".", "!", "?", "\n", ",", ";", "said", "says")
#: "Coach T", "Mrs R": a title and one capital.
_TITLE_BEFORE_RE = re.compile(r"\b(?P<t>[A-Za-z]+)\.?[ ]$")
_SUBJECT_VERBS = frozenset(
    split_words("""was is said says has had came went wants wanted told texted rang phoned messaged seemed
    seems feels felt reckons reckoned did didnt didn't doesnt doesn't got agreed asked talked
    arrived missed cried laughed mentioned admitted disclosed turned cancelled""")
)
#: "ruby (14)", "tash (31)", "dave h (55)": a lower-case word and an age in brackets.
_LOWER_AGE_RE = re.compile(
    r"(?<![\w'’@./-])(?P<n>[a-zà-ÿ][a-zà-ÿ'’-]{1,14})(?:[ ][a-z]\.?)?[ ]\((?:aged[ ])?\d{1,2}(?:[),;]|[ ]?(?:yo|y/o|yrs?)\b)"
)
#: The other mentions of such a word where a person stands.
_NOT_PEOPLE = frozenset(WEEKDAYS) | frozenset(MONTHS) | NOT_NAMES | frozenset(RELATIONS)


class InitialForms:
    """Finds the shapes above for one mentee (the mentee's initials make a letter the mentee)."""

    def __init__(self, known: Known, gazetteers: Gazetteers) -> None:
        self._g = gazetteers
        initials = {
            n.strip()[0].lower()
            for n in (known.mentee.first_name, known.mentee.preferred_name, *known.mentee.nicknames)
            if n.strip()
        }
        self._mentee_initials = frozenset(initials)

    def _given(self, word: str) -> bool:
        base = word.lower().replace("’", "'").removesuffix("'s")
        return base in self._g.first_names and base not in _NOT_PEOPLE and not is_must_keep(base)

    def find(self, text: str, found: list[Identifier]) -> list[Identifier]:
        """Names grown over their initial, letters used as people, lower-case names with an age."""
        out = self._grown(text, found)
        if ". " in text or ".\n" in text or text.endswith("."):
            for m in _GIVEN_INITIAL_RE.finditer(text):
                if self._given(m.group("n")) and m.group("n").lower() not in TITLES:
                    out.append(Identifier(m.start(), m.end("i"), Category.NAME))
        out.extend(self._letters(text))
        if "(" in text:
            out.extend(self._lower_names(text))
        return out

    @staticmethod
    def _grown(text: str, found: list[Identifier]) -> list[Identifier]:
        """ "jamie r", "Faith W.", "ciara mc", "Shabnam bi": an unknown name over the initial or
        the honorific after it."""
        out: list[Identifier] = []
        for ident in found:
            if ident.category is not Category.NAME or ident.known:
                continue  # a known person's initials are the known names' rule's to judge
            h = _HONORIFIC_AFTER_RE.match(text, ident.end)
            if h is not None:
                out.append(Identifier(ident.start, h.end(), Category.NAME, ident.who, ident.role))
                continue
            m = _INITIAL_AFTER_RE.match(text, ident.end)
            if m is None:
                continue
            initial = m.group("i").rstrip(".")
            dotted = m.group("i").endswith(".")
            if (
                len(initial) == 1
                and not dotted
                and (
                    initial in "aiIxvA"  # "ROSALIND A lot better", "sam i think"
                    or initial.islower() != text[ident.start : ident.end].islower()  # "Sam r"
                )
            ):
                continue
            end = m.start("i") + len(initial)  # the full stop stays outside, as after any name
            out.append(Identifier(ident.start, end, Category.NAME, ident.who, ident.role))
        return out

    def _letters(self, text: str) -> list[Identifier]:
        """Lone letters where a person stands."""
        out: list[Identifier] = []
        for m in _LONE_LETTER_RE.finditer(text):
            k = m.start()
            before = text[max(0, k - 12) : k]
            if _OBJECT_BEFORE_RE.search(before) and _OBJECT_AFTER_RE.match(text, k + 1):
                pass  # "met j at", "picked D up"
            elif (t := _TITLE_BEFORE_RE.search(before)) and t.group("t").lower() in TITLES:
                if not m.group().isupper():
                    continue  # "Coach T", "Mrs R"
            elif (o := _OWNER_AFTER_RE.match(text, k + 1)) and o.group("w") in RELATIONS:
                if before.rstrip(" \t") and not before.rstrip(" \t").endswith(_CLAUSE_OPENERS):
                    continue  # "k's mum" opening a sentence or a clause
            else:
                continue
            who = "mentee" if m.group().lower() in self._mentee_initials else None
            out.append(Identifier(k, k + 1, Category.NAME, who))
        return out

    def _lower_names(self, text: str) -> list[Identifier]:
        words: set[str] = set()
        out: list[Identifier] = []
        for m in _LOWER_AGE_RE.finditer(text):
            word = m.group("n")
            if self._given(word) and word not in self._g.top_words:
                words.add(word)
                out.append(Identifier(m.start("n"), m.end("n"), Category.NAME))
        if not words:
            return out
        dictionary = dictionary_words()
        for word in words:  # the same word elsewhere: anywhere if it is no word, else as a person
            for start, end in find_phrases(text, (word,)):
                if start and text[start - 1] in "'’./-":
                    continue  # "o'ruby", "x/ruby": part of something else
                if any(o.start == start for o in out):
                    continue
                possessive = text[end : end + 2] in ("'s", "’s") and not (
                    end + 2 < len(text) and is_word_char(text[end + 2])
                )
                after = text[end + 2 * possessive : end + 2 * possessive + 14].split()
                nxt = after[0].strip(".,;:") if after else ""
                if (
                    word not in dictionary
                    or (possessive and nxt in RELATIONS)
                    or nxt in _SUBJECT_VERBS
                    or text[max(0, start - 5) : start].endswith(("said ", "meet ", "with "))
                ):
                    out.append(Identifier(start, end, Category.NAME))
        return out
