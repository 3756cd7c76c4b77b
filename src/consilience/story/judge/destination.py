"""Where one group of people was taken: a place conflict between two outlets that send the same
whole group ("the injured", "evacuees") by one kind of transfer ("taken to", "admitted at",
"accommodated in") to two different named places of one kind (two hospitals, two shelters),
with `AlignParams.judge_destinations`.

The destinations are read from the articles' sentences, not from the claims' parses: a
destination is often told in a fragment or a headline line ("INJURED TAKEN TO: X Hospital").
The rule that different entities in one role are not one fact is kept by asking for evidence
that the two sentences tell ONE transfer of ONE group:

- the group is named by a word of one class on both sides (`DESTINATION_GROUPS`) and neither
  clause takes a part of it or one more transfer ("five of the injured", "the others", "were
  also taken": `DESTINATION_PART_WORDS`): a part may go to another hospital;
- neither article tells the other's destination anywhere, nor two destinations of that kind
  itself ("treated at X hospital and the Y centre"): a story that knows of several hospitals
  has no dispute about one;
- the two articles share a fact (they tell one event), the two claims that hold the sentences
  are of two origins and of one occasion (`Judge.other_occasions`);
- the two places differ by name (`_differ`): their distinctive words (`DESTINATION_GENERIC_WORDS`
  and the kind's own words left out, a town both name left out) have nothing in common, and
  some word of them is a name (capitalised), so "the hospital" / "the clinic" is no dispute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.places import (
    DESTINATION_GENERIC_WORDS,
    DESTINATION_GROUPS,
    DESTINATION_KINDS,
    DESTINATION_PART_WORDS,
    DESTINATION_PREPOSITIONS,
    DESTINATION_VERBS,
)
from ...model import Claim, Conflict, ConflictValue, Span
from .context import FactDraft, Judge

_EXPL = "the same group is said to be taken to different places"
_VERB = re.compile(r"\b(" + "|".join(sorted(DESTINATION_VERBS)) + r")\s+("
                   + "|".join(sorted(DESTINATION_PREPOSITIONS)) + r")\b\s*:?\s*", re.I)
# a destination phrase ends at punctuation or at a word that opens another phrase
_PHRASE_END = re.compile(r"[.,;:()\n|]")
_BREAK = frozenset({"in", "with", "after", "for", "on", "by", "and", "where", "from", "at",
                    "near", "outside", "said", "says", "according", "which", "who", "while",
                    "since", "until", "before", "when", "as", "or", "but", "to"})
_CLAUSE_START = re.compile(r"[.!?\n|;]")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+", re.U)
_KIND_PARTS = {p for ws in DESTINATION_KINDS.values() for w in ws for p in w.split("_")}


@dataclass(frozen=True, slots=True)
class Destination:
    """One destination told in an article: its characters, its words, its kind and the class
    of the group sent there."""

    article: str
    start: int
    end: int
    text: str
    kind: str
    words: tuple[str, ...]


def _kind(words: list[str]) -> str | None:
    low = [w.lower() for w in words]
    grams = set(low) | {f"{x}_{y}" for x, y in zip(low, low[1:], strict=False)}
    kinds = [k for k, ws in DESTINATION_KINDS.items() if grams & ws]
    return kinds[0] if len(kinds) == 1 else None


def _phrase(text: str, start: int) -> tuple[int, int] | None:
    """The destination phrase opening at `start`: its words up to punctuation or a word that
    opens another phrase; None when empty."""
    m = _PHRASE_END.search(text, start)
    stop = m.start() if m else len(text)
    end = start
    for w in _WORD.finditer(text, start, stop):
        if w.group().lower() in _BREAK:
            break
        end = w.end()
    return (start, end) if end > start else None


def destinations(text: str, article: str) -> list[Destination]:
    """Every destination of a whole group the article tells (see the module's rules on the
    group); a second place coordinated with the first ("X hospital and the Y centre") is
    returned as well, so the article is known to tell two."""
    out: list[Destination] = []
    for m in _VERB.finditer(text):
        lo = max((x.end() for x in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
        group = [w.lower() for w in _WORD.findall(text[lo:m.start()])]
        cls = next((k for k, ws in DESTINATION_GROUPS.items() if set(group) & ws), None)
        whole = cls is not None and not (set(group) & DESTINATION_PART_WORDS)
        at = m.end()
        first = True
        while True:
            ph = _phrase(text, at)
            if ph is None:
                break
            words = _WORD.findall(text[ph[0]:ph[1]])
            kind = _kind(words)
            if kind is not None:
                out.append(Destination(article, ph[0], ph[1], text[ph[0]:ph[1]],
                                       kind if (whole and first and kind == cls) else "",
                                       tuple(words)))
            first = False
            nxt = re.match(r"\s+(?:and|or)\s+", text[ph[1]:])
            if nxt is None:
                break
            at = ph[1] + nxt.end()
    return out


def _distinct(d: Destination) -> list[str]:
    return [w for w in d.words if w.lower() not in DESTINATION_GENERIC_WORDS
            and w.lower() not in _KIND_PARTS]


def _differ(a: Destination, b: Destination) -> bool:
    """Two destinations of one kind that are two places by name (the module's last rule)."""
    wa, wb = _distinct(a), _distinct(b)
    la, lb = {w.lower() for w in wa}, {w.lower() for w in wb}
    shared = la & lb
    # a town both name qualifies both ("the X school" / "the X culture house")
    la, lb = la - shared, lb - shared
    ka = {w.lower() for w in a.words if w.lower() in _KIND_PARTS}
    kb = {w.lower() for w in b.words if w.lower() in _KIND_PARTS}
    if not (la or lb) or (la & lb):
        return False
    if not (la and lb) and ka == kb:
        return False  # "the X hospital" / "the hospital": one may be the other
    if shared and (la and lb):
        return False  # "X central hospital" / "X regional hospital": may be one, named twice
    return any(w[:1].isupper() for w in wa + wb)


def _knows(text: str, o: Destination) -> bool:
    """The article's text names the destination `o` somewhere: its distinctive words in their
    order (`_distinct`), then at most two words, then a word of its kind ("Kiwala Regional
    Referral Hospital"); a destination with no distinctive word is known to every article."""
    dist = [w.lower() for w in _distinct(o)]
    kind = sorted({w.lower() for w in o.words if w.lower() in _KIND_PARTS})
    if not dist:
        return True
    name = r"\W+".join(re.escape(w) for w in dist)
    rx = (r"(?<!\w)" + name + r"(?:\W+[^\W\d_]+){0,2}?\W+(?:"
          + "|".join(re.escape(k) for k in kind) + r")(?!\w)")
    return re.search(rx, text.lower()) is not None


def _claim_at(ctx: Judge, d: Destination) -> Claim | None:
    """The claim that holds the destination, else one in its sentence."""
    cs = ctx.claims_in.get(d.article, [])
    hold = [c for c in cs if c.span.start <= d.start and d.end <= c.span.end]
    if hold:
        return min(hold, key=lambda c: c.span.end - c.span.start)
    text = ctx.texts.get(d.article, "")
    lo = max((x.end() for x in _CLAUSE_START.finditer(text, 0, d.start)), default=0)
    m = _CLAUSE_START.search(text, d.end)
    hi = m.start() if m else len(text)
    near = [c for c in cs if c.span.start < hi and lo < c.span.end]
    return min(near, key=lambda c: abs(c.span.start - d.start)) if near else None


def destinations_across(ctx: Judge, facts: list[FactDraft]) -> None:
    """Place conflicts between two outlets' destinations of one group (the module's rules); the
    conflict goes to the fact of the claim met first, joined to one of its kind already there."""
    from .across import _add_merged

    fact_of: dict[int, FactDraft] = {}
    for f in facts:
        for c in f.claims:
            fact_of.setdefault(id(c), f)

    def origin(article: str) -> str:
        return ctx.origin_of.get(article, article)

    told = {a: destinations(t, a) for a, t in ctx.texts.items()}
    # what an outlet's articles say together (one origin: `syndication`, `outlet_origins`)
    said: dict[str, str] = {}
    for a, t in ctx.texts.items():
        said[origin(a)] = said.get(origin(a), "") + "\n" + t
    # origins that tell two destinations of one kind: no dispute with them of that kind
    by_origin: dict[str, list[Destination]] = {}
    for a, ds in told.items():
        by_origin.setdefault(origin(a), []).extend(ds)
    several = {(o, _kind(list(d.words))) for o, ds in by_origin.items()
               for n, d in enumerate(ds) for e in ds[n + 1:]
               if _kind(list(d.words)) == _kind(list(e.words)) and _differ(d, e)}
    # two origins that tell one event: some fact holds claims of both
    shared_fact = {(x, y) for f in facts for x in {origin(c.span.article) for c in f.claims}
                   for y in {origin(c.span.article) for c in f.claims} if x != y}
    # a destination told in no claim (a form's line "INJURED TAKEN TO: X") still disputes one
    # told in a claim: the conflict goes to the fact of that claim
    cand = [(d, c if c is not None and id(c) in fact_of else None)
            for a, ds in sorted(told.items()) for d in ds
            if d.kind and (origin(a), d.kind) not in several for c in (_claim_at(ctx, d),)]
    for n, (da, ca) in enumerate(cand):
        for db, cb in cand[n + 1:]:
            oa, ob = origin(da.article), origin(db.article)
            if da.kind != db.kind or oa == ob or (ca is None and cb is None) \
                    or (oa, ob) not in shared_fact or not _differ(da, db) \
                    or _knows(said[oa], db) or _knows(said[ob], da) \
                    or (ca is not None and cb is not None and ctx.other_occasions(ca, cb)):
                continue
            values = [ConflictValue(span=Span(d.article, d.start, d.end), text=d.text,
                                    value=d.text) for d in (da, db)]
            homes = [fact_of[id(c)] for c in (ca, cb) if c is not None]
            home = min(homes, key=facts.index)
            _add_merged(home, Conflict("entity", "contradiction", values, _EXPL))
