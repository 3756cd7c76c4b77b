"""Numbered things kept apart: two names that differ only by a number are two things.

Two sister ships "Arvo No. 4" / "Arvo No. 9", two reactors "Unit 3" / "Unit 4", two flights
"Flight 12" / "Flight 21" share every word but the number, so every spelling rule of the
resolver (one key, a fuzzy ratio, an acronym) can join them. Two steps (docs/quality.md,
"r17-nameless"; `AlignParams.resolve_numbered_apart`):

- `with_numbered_names`, before resolving: a mention the tagger cut before its number ("Arvo
  No" then ". 9", or "Arvo" then " No. 9") is lengthened over it, a person label on such a
  mention becomes a product's (a person's name has no serial number), and an article entity
  whose mentions carry two different numbers is split into one entity per number.
- `numbers_of` / `split_numbered`, in the resolver: a group of units whose names carry two
  different number sets is split by number (units with no number stand alone then: which of
  the numbered things they mean is not known).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Analysis, Mention, add_local_entity

# words that only number a thing: the number after them is a designation, never a count
_ABBREVIATED = frozenset({"no", "nr", "nos", "num"})
DESIGNATORS = _ABBREVIATED | frozenset({
    "number", "unit", "flight", "reactor", "platform", "gate", "block", "berth", "pier",
    "route", "terminal", "squadron", "battalion", "brigade", "regiment", "lot", "batch", "ward",
    "shaft", "dock", "hangar", "runway", "sector", "precinct", "lane", "exit", "pavilion",
    "mission", "turbine", "furnace", "kiln",
})
_NUMBER = r"(\d+[A-Za-z]?|[IVX]{1,5})(?![\w.,]\d)\b"
_AFTER_DESIGNATOR = re.compile(r"(\.?\s?)" + _NUMBER)
_AFTER_NAME = re.compile(r"\s(?:No\.?|Nr\.?|Number)\s?" + _NUMBER)
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"[IVX]{1,5}")
_NUMBERED_TYPES = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "GPE", "LOC", "NORP"})


def numbers_of(text: str) -> frozenset[str]:
    """The designation numbers of a name, leading zeros dropped ("No. 07" and "No. 7": {"7"}):
    a whole number that is its last word, or that follows a word of `DESIGNATORS` ("Unit 3
    reactor"). A number inside ("a 6.1 quake", "2031 Games") designates nothing here."""
    words = [w.strip(".,;:()") for w in text.split()]
    out = set()
    for k, w in enumerate(words):
        if _DIGITS.fullmatch(w) and (k == len(words) - 1 and k > 0
                                     or k > 0 and words[k - 1].lower() in DESIGNATORS):
            out.add(w.lstrip("0") or "0")
        elif _ROMAN.fullmatch(w) and k > 0 and words[k - 1].lower() in DESIGNATORS:
            out.add(w)
    return frozenset(out)


def _counted(an: Analysis, start: int, end: int) -> bool:
    """The number at [start, end) is a count of the noun after it in the parse ("Station 12
    people"): a number modifier whose head follows it."""
    doc = an.doc
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[-1]
    return tok.dep_ == "nummod" and tok.head.i > tok.i


def _extended(an: Analysis, m: Mention) -> int:
    """The end of the mention lengthened over the number the tagger left after it; its own end
    when there is none."""
    text = an.article.text
    words = m.text.split()
    if not words:
        return m.end
    last = words[-1].rstrip(".").lower()
    after = text[m.end:m.end + 24]
    if last in DESIGNATORS:
        g = _AFTER_DESIGNATOR.match(after)
        if g is None or (g.group(1).startswith(".") and last not in _ABBREVIATED):
            return m.end
        end = m.end + g.end()
        if last not in _ABBREVIATED and _counted(an, m.end + g.start(2), end):
            return m.end
        return end
    g = _AFTER_NAME.match(after)
    return m.end + g.end() if g else m.end


def with_numbered_names(analyses: list[Analysis]) -> list[Analysis]:
    """The analyses with cut numbered names lengthened and retyped, and each article entity
    of two numbers split (module docstring); an analysis with nothing to change is returned
    as it was."""
    return [_numbered(an) for an in analyses]


def _numbered(an: Analysis) -> Analysis:
    text = an.article.text
    mentions = list(an.mentions)
    changed = False
    for k, m in enumerate(mentions):
        if m.type not in _NUMBERED_TYPES:
            continue
        end = _extended(an, m)
        if end == m.end:
            continue
        if any(o.start < end and m.end <= o.start for o in mentions if o is not m):
            continue  # another mention there already
        new_type = "PRODUCT" if m.type == "PERSON" else m.type
        mentions[k] = replace(m, end=end, text=text[m.start:end], type=new_type)
        changed = True
    entities = [replace(le, mentions=list(le.mentions), roles=list(le.roles)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    for le in list(entities):
        idx = [i for i in le.mentions if 0 <= i < len(mentions)]
        nums = [numbers_of(mentions[i].text) for i in idx]
        if le.type == "PERSON" and idx and all(n for n in nums):
            le.type = "PRODUCT"  # every mention numbered: a thing, not a person
            for i in idx:
                mentions[i] = replace(mentions[i], type="PRODUCT")
            changed = True
        if any(n for n in nums) and not numbers_of(le.name):
            le.name = next(mentions[i].text for i, n in zip(idx, nums, strict=True) if n)
            changed = True
        distinct = list(dict.fromkeys(n for n in nums if n))
        if len(distinct) < 2:
            continue
        changed = True
        keep = distinct[0]
        le.mentions = [i for i, n in zip(idx, nums, strict=True) if not n or n == keep]
        for other in distinct[1:]:
            mine = [i for i, n in zip(idx, nums, strict=True) if n == other]
            ent = add_local_entity(entities, by_id, mentions[mine[0]].text, le.type)
            by_id[ent].mentions = mine
            by_id[ent].roles = []
            for i in mine:
                mentions[i] = replace(mentions[i], entity=ent)
    if not changed:
        return an
    return replace(an, mentions=mentions, entities=entities)


def split_numbered(groups: list[list[int]], numbers: list[frozenset[str]]) -> list[list[int]]:
    """Each group whose members (unit indexes) carry two different number sets, split into one
    group per number set, and each member without a number alone; other groups as they are."""
    out: list[list[int]] = []
    for members in groups:
        sets = list(dict.fromkeys(numbers[j] for j in members if numbers[j]))
        if len(sets) < 2:
            out.append(members)
            continue
        for s in sets:
            out.append([j for j in members if numbers[j] == s])
        out.extend([j] for j in members if not numbers[j])
    return out
