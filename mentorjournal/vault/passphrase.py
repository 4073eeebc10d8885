"""The passphrase policy and a live strength report the create/change dialogs show per keystroke.

Length is the rule that matters (15+ characters after NFKC); on top of it we refuse passphrases
found in zxcvbn's bundled common-password list and ones zxcvbn scores as trivially guessable.
Any character is allowed, quotes included: the passphrase never reaches SQL or a shell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zxcvbn import zxcvbn
from zxcvbn.matching import RANKED_DICTIONARIES

from mentorjournal.errors import WeakPassphrase
from mentorjournal.vault.kdf import normalise_passphrase

MIN_LENGTH = 15
MAX_LENGTH = 1024
#: zxcvbn's cost grows steeply with length (19 ms at 72); the first 50 characters keep it ~5 ms.
_ZXCVBN_LIMIT = 50
_MIN_SCORE = 2


@dataclass(frozen=True)
class StrengthReport:
    """What the UI shows under the passphrase field; ``problems`` empty means acceptable."""

    score: int  # 0 (very weak) .. 4 (very strong), zxcvbn's scale
    length: int
    problems: tuple[str, ...]
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        return " ".join(self.problems or self.suggestions)


def _is_common(text: str) -> bool:
    common = RANKED_DICTIONARIES["passwords"]
    folded = text.casefold()
    squeezed = "".join(folded.split())
    return folded in common or squeezed in common


#: Passphrases published with the app (the demo vault's, see ``mentorjournal.demo``): never
#: acceptable for a real vault, whatever their strength.
PUBLISHED_PASSPHRASES: frozenset[str] = frozenset({"demo only - mentor journal sample data"})
#: A run of at least this many letters that no dictionary knows counts as a word of its own.
_UNKNOWN_WORD_LETTERS = 4


def _padded_single_word(matches: list[dict[str, Any]]) -> bool:
    """True for one common word dressed up with digits, years, symbols or keyboard runs.

    zxcvbn scores ``Password1234567!`` as strong (its length), yet it is the first thing a
    guesser tries: one dictionary word plus predictable padding. A passphrase needs at least
    two different words, or letters no dictionary knows.
    """
    words: set[str] = set()
    for match in matches:
        token = str(match.get("token", ""))
        letters = sum(c.isalpha() for c in token)
        if match.get("pattern") == "dictionary" and letters:
            words.add(str(match.get("matched_word", token)).casefold())
        elif match.get("pattern") == "bruteforce" and letters >= _UNKNOWN_WORD_LETTERS:
            return False
    return len(words) <= 1


def assess(passphrase: str, *, allow_published: bool = False) -> StrengthReport:
    """Judge ``passphrase`` against the policy; fast enough to run on every keystroke.

    ``allow_published`` is for the demo vault only, which is opened with a published passphrase.
    """
    text = normalise_passphrase(passphrase)
    length = len(text)
    problems: list[str] = []
    if length < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters ({length} so far).")
    if length > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters.")
    if not text.strip():
        return StrengthReport(0, length, tuple(problems) or ("Enter a passphrase.",), ())
    result = zxcvbn(text[:_ZXCVBN_LIMIT], max_length=_ZXCVBN_LIMIT)
    score = int(result["score"])
    feedback = result["feedback"]
    suggestions = tuple(str(s) for s in feedback.get("suggestions", ()) if s)
    if _is_common(text):
        problems.append("This is one of the most common passwords; choose something else.")
        score = 0
    elif text in PUBLISHED_PASSPHRASES and not allow_published:
        problems.append("This passphrase is published with the app; choose your own.")
        score = 0
    elif length >= MIN_LENGTH and _padded_single_word(list(result.get("sequence", ()))):
        problems.append(
            "One common word with numbers or symbols added is easy to guess; use a few "
            "unrelated words."
        )
        score = min(score, 1)
    elif length >= MIN_LENGTH and score < _MIN_SCORE:
        warning = str(feedback.get("warning") or "This passphrase is too easy to guess.")
        problems.append(warning.rstrip(".") + ".")
    return StrengthReport(score, length, tuple(problems), suggestions)


def check_passphrase(passphrase: str, *, allow_published: bool = False) -> None:
    """Raise ``WeakPassphrase`` with the first problem when the policy refuses ``passphrase``."""
    report = assess(passphrase, allow_published=allow_published)
    if not report.acceptable:
        raise WeakPassphrase(report.problems[0])
