"""What one article's text says about two person mentions being two people of one family, or
two namesakes (r24-family; read by `resolve` with `ResolveOptions.name_family_apart` and
`name_age_apart`): a kinship noun between them ("his son, X", "X, the mayor's wife", "the
father of X"), a namesake lead ("a porter also named X", "his father, also X"), a denial ("X,
no relation of the harbour master"), and the age written with a mention ("X, 38", "X (72)").

Pure text reading: character offsets in, offsets and words out; the resolver decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.names import (
    FAMILY_NAME_LINKS,
    FAMILY_NOUN_MODIFIERS,
    FAMILY_NOUNS,
    NAMESAKE_LEADS,
    NOT_RELATED_LEADS,
)

_KIN = "|".join(sorted(map(re.escape, FAMILY_NOUNS), key=len, reverse=True))
_MODS = "|".join(sorted(map(re.escape, FAMILY_NOUN_MODIFIERS), key=len, reverse=True))
# the possessive before a kinship noun: a pronoun, or an owner's words before "'s"
_POSS = (r"(?:(?P<pron>his|her|their|whose)|(?P<owner>(?:the\s+)?[^\s,.;:!?()\"\u201c\u201d]+"
         r"(?:\s+[^\s,.;:!?()\"\u201c\u201d]+){0,3}?)['\u2019]s)")
_BEFORE = re.compile(
    rf"(?:{_POSS}\s+(?:(?:{_MODS})\s+)?(?P<kin>{_KIN})(?:\s+and\s+namesake)?"
    rf"|\b(?P<kinof>{_KIN})\s+of(?:\s+the\s+[^,.;:!?()\n]{{1,40}},)?),?\s+"
    r"(?P<gap>[^,.;:!?()\"\u201c\u201d\n]*)$", re.I)
_AFTER = re.compile(
    rf"^(?:,?\s*\(?\s*(?:aged\s+)?\d{{1,3}}\s*\)?)?,\s+{_POSS}\s+(?:(?:{_MODS})\s+)?"
    rf"(?P<kin>{_KIN})\b", re.I)
_NOT_RELATED = re.compile(
    r"^[^.;!?\n]{0,40}?\b(?:" + "|".join(map(re.escape, NOT_RELATED_LEADS)) + r")\s+"
    r"(?P<owner>[^,.;:!?()\n]{2,60})", re.I)
_AGE_AFTER = re.compile(r"^\s*(?:,\s*(?:aged\s+)?|\(\s*(?:aged\s+)?)(\d{1,3})\b(?!\s*%)(?![.,]\d)"
                        r"(?!\s*(?:per|percent|km|kg|years?\s+ago|people|of\b))")
_ROLE_STOP = re.compile(r"[.;:!?()\"\u201c\u201d\n]")


@dataclass(frozen=True)
class KinMark:
    """A person mention a kinship noun, namesake lead or denial marks as another person than
    its owner: the owner is a range of the text (a name or role written before "'s", or after
    "no relation of"), or, for a pronoun ("his son"), the nearest person before `at`; `role`
    is the owner's role word when the owner is a role ("the driver's father": "driver")."""

    start: int
    owner: tuple[int, int] | None = None
    at: int = -1
    role: str = ""
    namesake: bool = False
    kin: str = ""  # the kinship noun, lower case ("son", "widow"; r25-roles)


def _gap_ok(gap: str) -> bool:
    """The words between a kinship noun and the mention: a namesake lead, a role ("the
    groom"), and the written name's own words (capitalised, or a link of a naming tradition:
    "Rauf oğlu") -- nothing of another clause."""
    words = gap.split()
    low = [w.lower() for w in words]
    for lead in NAMESAKE_LEADS:
        n = len(lead.split())
        if low[:n] == lead.split():
            words, low = words[n:], low[n:]
            break
    if low[:1] == ["the"]:
        words, low = words[1:], low[1:]
        k = 0
        while k < min(2, len(words)) and words[k][:1].islower():
            k += 1
        words, low = words[k:], low[k:]
    return len(words) <= 4 and all(w[:1].isupper() or lw in FAMILY_NAME_LINKS
                                   for w, lw in zip(words, low, strict=True))


def _role_head(phrase: str) -> str:
    """The head word of a role phrase ("the terminal's commercial director of the same name":
    "director"); "" when the phrase is a name (a capitalised last word)."""
    phrase = re.split(r"\s+(?:of the same name|who|whose|of)\b", phrase.strip())[0]
    words = phrase.split()
    if not words:
        return ""
    last = words[-1].strip(",.'\u2019")
    return last.lower() if last[:1].islower() or (
        words[0].lower() == "the" and len(words) <= 4) else ""


def kin_mark(text: str, start: int, end: int) -> KinMark | None:
    """What the text around one person mention says makes it another person than someone."""
    before = text[max(0, start - 120):start]
    base = start - len(before)
    m = _BEFORE.search(before)
    if m and _gap_ok(m.group("gap")):
        namesake = any(m.group("gap").lower().startswith(lead + " ") for lead in NAMESAKE_LEADS)
        kin = (m.group("kin") or m.group("kinof") or "").lower()
        if m.group("owner"):
            o0, o1 = base + m.start("owner"), base + m.end("owner")
            return KinMark(start, (o0, o1), role=_role_head(m.group("owner")),
                           namesake=namesake, kin=kin)
        return KinMark(start, at=base + m.start(), namesake=namesake, kin=kin)
    a = _AFTER.match(text[end:end + 120])
    if a:
        if a.group("owner"):
            o0, o1 = end + a.start("owner"), end + a.end("owner")
            return KinMark(start, (o0, o1), role=_role_head(a.group("owner")),
                           kin=a.group("kin").lower())
        return KinMark(start, at=start, kin=a.group("kin").lower())
    r = _NOT_RELATED.match(text[end:end + 140])
    if r:
        o0 = end + r.start("owner")
        return KinMark(start, (o0, end + r.end("owner")), role=_role_head(r.group("owner")))
    low = before.lower().rstrip()
    if before[-1:].isspace() and any(low.endswith(" " + lead) or low == lead
                                     for lead in NAMESAKE_LEADS[:3]):
        return KinMark(start, at=start, namesake=True)
    return None


def possessive_kin(text: str, end: int) -> bool:
    """A mention written right before "'s" and a kinship noun ("the mayor's wife"): the noun
    phrase names the relative, not the mention's person."""
    return re.match(rf"['\u2019]s\s+(?:(?:{_MODS})\s+)?(?:{_KIN})\b", text[end:end + 40],
                    re.I) is not None


def age_of(text: str, end: int) -> int | None:
    """The age written right after a person mention ("X, 38,", "X (72)", "X, aged 19")."""
    m = _AGE_AFTER.match(text[end:end + 30])
    if m is None:
        return None
    age = int(m.group(1))
    return age if 1 <= age <= 110 else None


def role_words(text: str, start: int, end: int) -> set[str]:
    """The lower-case words written as a person mention's role: the clause before it ("The
    driver, Mr X", "Senior guide X") and an apposition after it ("X, the harbour master,")."""
    before = _ROLE_STOP.split(text[max(0, start - 50):start])[-1]
    after = re.match(r",\s+((?:the\s+)?[^,.;:!?()\n]{2,40})", text[end:end + 50])
    words = before.split()[-4:] + (after.group(1).split()[:5] if after else [])
    return {w.lower().strip(",") for w in words} - {""}


_BARE_KIN = re.compile(
    rf"\b(?:(?P<pron>his|her)|(?P<owner>(?:[A-Z][\w\-]*\.?\s+){{0,2}}[A-Z][\w\-]+)['\u2019]s)"
    rf"\s+(?:(?:{_MODS})\s+)?(?P<kin>{_KIN})\b(?![\-\w'\u2019])", re.I)


def relation_mentions(text: str) -> list[tuple[int, int, str, tuple[int, int] | None]]:
    """The bare relation mentions of a text ("his widow said", "Varo's son"; r25-roles): start,
    end, the kinship noun, and the owner's range when a name owns it (None for "his"/"her": the
    nearest person before). A relation written before a name ("his son, X", "her sister Y") is
    that name's mark (`kin_mark`), no bare mention; a plural or "'s" after it is none either."""
    out: list[tuple[int, int, str, tuple[int, int] | None]] = []
    for m in _BARE_KIN.finditer(text):
        if m.group("owner") is not None and not m.group("owner")[:1].isupper():
            continue
        rest = text[m.end():m.end() + 60]
        if re.match(r"['\u2019]s\b|,?\s+(?:also\s+(?:named\s+|called\s+)?)?[A-Z]", rest):
            continue
        owner = (m.start("owner"), m.end("owner")) if m.group("owner") else None
        out.append((m.start(), m.end(), m.group("kin").lower(), owner))
    return out
