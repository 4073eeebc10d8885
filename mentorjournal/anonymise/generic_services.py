"""Services named by what they do, written with capitals: "the Community Mental Health Team",
"Perinatal Mental Health Team", "Crisis Resolution and Home Treatment Team".

Such a name says which kind of service someone sees, not where: every trust, board and county
has one, so it stays like "the crisis team" in lower case. A run with any other word in it
("Bristol Community Mental Health Team", "Oakwood Recovery Service") names one place's own
service and is left to the organisation rules. So is a university's or a charity's own
service named by kind ("Student Counselling Service", "Disability Support Service",
"Veterans Emergency Transition Services"): outside writers mark those as organisations.
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.textutil import Token, split_words

#: The last word of a service's name.
HEADS = frozenset(
    split_words("team teams service services clinic hub unit programme program pathway line")
)
#: Words that describe a kind of service and never name one place's own.
GENERIC_WORDS = frozenset(
    split_words(
        """community mental health perinatal maternal crisis resolution home treatment assertive
        outreach early intervention psychosis eating disorder disorders liaison psychiatry
        psychiatric psychological drug drugs alcohol substance misuse use learning memory youth offending justice leaving care safeguarding adult adults
        children's childrens child children adolescent adolescents young people family families
        social talking therapies therapy wellbeing well-being recovery housing homeless
        homelessness addiction addictions forensic rehabilitation specialist sexual older
        primary secondary acute day duty access assessment triage single point emergency urgent
        personality trauma neurodevelopmental autism adhd gender identity support peer
        employment benefits welfare bereavement behavioral behavioural nursing district school inpatient outpatient mobile
        response intensive complex needs first episode dual diagnosis harm reduction
        prevention suicide self-harm infant mother baby parent parenting carers carer new
        integrated multi-agency multiagency virtual digital rapid out-of-hours hours
        looked-after after looked and & of for the with in"""
    )
)
_RUN_RE = re.compile(
    r"(?<![\w'’-])(?:[Tt]he[ ]+)?"
    r"(?:[A-Z][\w'’&-]*[ ]+(?:(?:and|&|of|for|with|in)[ ]+)?){1,7}"
    r"(?:Team|Teams|Service|Services|Clinic|Hub|Unit|Programme|Program|Pathway|Line)\b"
)


#: Every word a kind-of-service name may hold, made once rather than for each word tested.
_SERVICE_WORDS = GENERIC_WORDS | HEADS
_WORD_RE = re.compile(r"[^ ]+")
_JOINERS = frozenset(split_words("and & of for with in the"))


def generic_service_spans(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Spans of capitalised service names made only of words that describe a kind of service."""
    if not any(t.base in HEADS and t.text[:1].isupper() for t in tokens):
        return []
    spans = []
    for m in finditer(_RUN_RE, text):
        words = [(w.start(), w.group()) for w in _WORD_RE.finditer(m.group())]
        # the name starts after the last word that is not generic ("Spoke with Perinatal ...")
        last_other = max(
            (k for k, (_, w) in enumerate(words) if w.lower() not in _SERVICE_WORDS),
            default=-1,
        )
        rest = words[last_other + 1 :]
        while rest and (rest[0][1].lower() in _JOINERS or not rest[0][1][:1].isupper()):
            rest = rest[1:]
        if not rest or (len(rest) < 2 and not m.group().lower().startswith("the ")):
            continue
        before = words[: words.index(rest[0])]
        if before and before[-1][1].lower() not in _JOINERS:
            continue  # "Oakwood Recovery Hub", "Bristol Community Mental Health Team": one place's
        if len(before) >= 2 and before[-1][1].lower() in ("and", "&", "of", "for"):
            continue  # "Counselling and Psychological Services", "Job & Family Services"
        spans.append((m.start() + rest[0][0], m.end()))
    return spans
