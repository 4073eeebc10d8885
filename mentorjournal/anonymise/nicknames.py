"""Is one given name a short form or nickname of another ("Bex" and "Rebecca", "Sam" and "Samuel")?

Two sources: the ``nicknames`` package's hand-curated English table (Apache-2.0, 74 KB, no model,
loaded once per process) and a rule for the short forms no table lists: a prefix of three or
more letters, optionally with -y/-ie/-o/-sy added ("Tomasz" -> "Tom", "Tommo"; "Jones" -> "Jonesy").
"""

from __future__ import annotations

from functools import lru_cache

_ENDINGS = ("sy", "zza", "ie", "y", "o", "s", "a")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(name -> its nicknames, nickname -> its full names)."""
    from nicknames import NickNamer  # lazy: only an export with names pays for it

    namer = NickNamer()
    nicks = {k: frozenset(v) for k, v in namer.nickname_lookup.items()}
    canon = {k: frozenset(v) for k, v in namer.canonical_lookup.items()}
    return nicks, canon


def _stems(word: str) -> set[str]:
    stems = {word}
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            stems.add(word[: -len(end)])
    stems |= {s[:-1] for s in stems if len(s) >= 4 and s[-1] == s[-2]}  # "Tommo" -> "Tom"
    return stems


def is_short_form(short: str, full: str) -> bool:
    """``short`` is a prefix-based short form of ``full`` (at least three letters of it)."""
    if len(short) >= len(full) + 3 or short == full:
        return False
    return any(len(s) >= 3 and full.startswith(s) and s != full for s in _stems(short)) or any(
        len(s) >= 3 and s == short for s in _stems(full) if s != full
    )


def same_given_name(a: str, b: str) -> bool:
    """True when two lower-case given names can be one person's (table or short-form rule)."""
    if a == b:
        return True
    if is_short_form(a, b) or is_short_form(b, a):
        return True
    nicks, canon = _tables()
    if b in nicks.get(a, ()) or a in nicks.get(b, ()):
        return True
    return bool(canon.get(a, frozenset()) & canon.get(b, frozenset()))


def nickname_forms(name: str) -> frozenset[str]:
    """Every nickname the table lists for a full name (for the detector's known-name lookup)."""
    nicks, canon = _tables()
    out = set(nicks.get(name, ()))
    for full in canon.get(name, ()):
        out.add(full)
    return frozenset(out)
