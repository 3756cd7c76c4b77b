"""What the text around one person's mentions says, for the learned name matcher (round 26,
docs/quality.md "r26-spell"; `namelearn.FEATURES_R26`): the ages stated right after a
mention, its role words, a kinship reading, and the content words of the sentences around it.
Two spellings of one person tend to share them (one age, one office, one quoted phrase in both
outlets); two people of near names tend to differ in them. The resolver reads a unit's context
(`resolve._unit_context`) and the trainer a gold mention's (`bench/train_name_learned.py --r26`)
with the same function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analysis.names import ascii_fold
from ..lexicon.spelling import CONTEXT_STOP
from .kinship import age_of, kin_mark, role_words


@dataclass(frozen=True)
class MentionContext:
    """What the text around one person's mentions says (`mention_context`): stated ages, role
    words, a kinship reading, the content words of the sentences around them."""

    ages: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()
    kin: bool = False
    words: frozenset[str] = frozenset()


NO_CONTEXT = MentionContext()
_WORD = re.compile(r"[^\W\d_][\w'\-]*", re.UNICODE)


def _content(text: str, drop: set[str]) -> set[str]:
    return {w for w in (ascii_fold(x).lower().strip("'-") for x in _WORD.findall(text))
            if len(w) >= 3 and w not in CONTEXT_STOP and w not in drop}


def _sentence_of(text: str, start: int, end: int, reach: int = 160) -> str:
    a = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, start - reach, 0)
    b = [x for x in (text.find(". ", end), text.find("\n", end)) if x >= 0]
    return text[a:start] + " " + text[end:min([*b, end + reach])]


def mention_context(text: str, spans: list[tuple[int, int]],
                    roles: list[str] | tuple[str, ...] = ()) -> MentionContext:
    """The context of one person's mentions (character spans of `text`; `roles`: role phrases
    the analysis read for it): the ages written right after a mention (`kinship.age_of`), the
    content words of its role words (`kinship.role_words`) and of `roles`, a kinship reading
    (`kinship.kin_mark`), and the content words of the sentence around each mention (the
    mention's own name words left out)."""
    ages: set[int] = set()
    rws: set[str] = set()
    words: set[str] = set()
    kin = False
    for start, end in spans:
        if not (0 <= start < end <= len(text)):
            continue
        drop = {ascii_fold(w).lower() for w in _WORD.findall(text[start:end])}
        age = age_of(text, end)
        if age is not None:
            ages.add(age)
        rws |= _content(" ".join(role_words(text, start, end)), drop)
        kin = kin or kin_mark(text, start, end) is not None
        words |= _content(_sentence_of(text, start, end), drop)
    for r in roles:
        rws |= _content(r, set())
    return MentionContext(frozenset(ages), frozenset(rws), kin, frozenset(words))


def merge_contexts(parts: list[MentionContext]) -> MentionContext:
    """The union of several mentions' contexts (one person's units across articles)."""
    if not parts:
        return NO_CONTEXT
    return MentionContext(frozenset().union(*(p.ages for p in parts)),
                          frozenset().union(*(p.roles for p in parts)),
                          any(p.kin for p in parts),
                          frozenset().union(*(p.words for p in parts)))


def context_features(a: MentionContext, b: MentionContext) -> tuple[float, ...]:
    """FEATURES_R26's context part for two persons' contexts (symmetric)."""
    both_age = bool(a.ages and b.ages)
    gap = float(min(min(abs(x - y) for x in a.ages for y in b.ages), 30)) if both_age else -1.0
    both_role = bool(a.roles and b.roles)
    shared_role = len(a.roles & b.roles)
    if a.words and b.words:
        inter = len(a.words & b.words)
        jac, shared = inter / len(a.words | b.words), float(min(inter, 15))
    else:
        jac, shared = -1.0, -1.0
    return (float(both_age), gap, float(bool(a.ages) != bool(b.ages)), float(both_role),
            float(min(shared_role, 3)), float(both_role and not shared_role),
            float(a.kin or b.kin), jac, shared)
