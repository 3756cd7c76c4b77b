"""Parts of a personal name that decide identity: short forms of a given name and generations.

Decides whether two given names can be one person's ("Jim" / "James", "Sandi" / "Sandra", via
the `nicknames` table), and which generation a written suffix marks ("Jr.", "Sr.", "III"). Does
not decide who is who: `entities` (one article) and `resolve` (across articles) use these answers.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon.names import GENERATIONS


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer

    return NickNamer()


def _spellings(name: str) -> tuple[str, ...]:
    """A diminutive and its usual respellings: "sandi" / "sandie" / "sandy"."""
    out = [name]
    for end in ("ie", "ey", "i"):
        if name.endswith(end) and len(name) - len(end) >= 2:
            out.append(name[: -len(end)] + "y")
            break
    return tuple(out)


@lru_cache(maxsize=4096)
def _forms(name: str) -> frozenset[str]:
    """The name, its nicknames and the full names it is a nickname of (one step each way)."""
    nn = _namer()
    out: set[str] = set()
    for s in _spellings(name):
        out.add(s)
        out |= nn.nicknames_of(s)
        out |= nn.canonicals_of(s)
    return frozenset(out)


def nickname_match(a: str, b: str) -> bool:
    """Two given names (lower case, no dots) that can be one person's: equal, one a listed short
    form of the other ("jim"/"james", "chuck"/"charles", "sandi"/"sandra"), or two short forms of
    one full name that share their first three letters ("jim"/"jimmy"). Two short names of different
    initials never match ("fred"/"bill"), nor do initials."""
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or not a.isalpha() or not b.isalpha():
        return False
    if a[0] != b[0] and max(len(a), len(b)) < 5:
        return False  # the table's rare cross-pairs of two short names ("fred"/"bill") are noise
    fa, fb = _forms(a), _forms(b)
    if any(s in fb for s in _spellings(a)) or any(s in fa for s in _spellings(b)):
        return True
    return a[:3] == b[:3] and bool(fa & fb - {a, b})


def generation_of(token: str) -> str | None:
    """The generation a name token marks ("Jr." -> "jr", "III" -> "iii"), else None."""
    return GENERATIONS.get(token.lower().rstrip(".").strip(","))
