"""What every conflict check reads: the story's entities, the copy origins (one voice per origin),
the article texts, and the shared ways to show a value side by side. It decides which claims
speak independently and who a claim's speaker is; it finds no conflict itself."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from rapidfuzz import fuzz

from ...lexicon.calendar import JUDGE_REPEAT_WORDS
from ...lexicon.speech import DOCUMENT_NOUNS, REPORTING_VERBS
from ...model import Claim, Conflict, ConflictValue, Origins, Resolution, Span, TimeExpr
from ...text import doc_text
from ..occasions import (
    apart,
    claim_occasion,
    participle_times,
    referred_times,
    repeat_marks,
    repeats_apart,
    sentence_times,
    story_month,
    story_year,
)
from ..values import Role

if TYPE_CHECKING:
    from spacy.tokens import Doc


# between a title and the name it stands before: a few capitalised words or "of the"
_TITLE_GAP = re.compile(r"\s+(?:(?:[A-Z][\w.'\u2019-]*|of|the|for|and)\s+){0,5}")


class Entities:
    """Story entity lookups: types, names, linked places, mention positions."""

    def __init__(self, resolution: Resolution) -> None:
        ents = resolution.entities
        self.by_id = {e.id: e for e in ents}
        self.at: dict[str, list[tuple[int, int, str]]] = {}
        for e in ents:
            for sp in e.mentions:
                self.at.setdefault(sp.article, []).append((sp.start, sp.end, e.id))

    def type(self, eid: str) -> str | None:
        e = self.by_id.get(eid)
        return e.type if e else None

    def name(self, who: str) -> str:
        e = self.by_id.get(who)
        return e.name if e else who

    def in_article(self, article: str) -> list[str]:
        return list(dict.fromkeys(eid for _, _, eid in self.at.get(article, [])))

    def linked(self, a: str, b: str) -> bool:
        ea, eb = self.by_id.get(a), self.by_id.get(b)
        return bool((ea and b in ea.linked) or (eb and a in eb.linked))

    def mentions_in(self, c: Claim) -> list[tuple[int, int, str]]:
        out = [
            (s, e, eid)
            for s, e, eid in self.at.get(c.span.article, [])
            if s >= c.span.start and e <= c.span.end and eid in c.entities
        ]
        return sorted(out)


def same_speaker(a: str, b: str) -> bool:
    """Two speaker names that may be one person ("Putin" / "Vladimir Putin", "Yury"/"Yuri")."""
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    return fuzz.token_sort_ratio(a.lower(), b.lower()) >= 85


def value_at(c: Claim, start: int, end: int, value: Any) -> ConflictValue:
    return ConflictValue(span=Span(c.span.article, start, end), text=slice_of(c, start, end),
                         value=value)


def slice_of(c: Claim, start: int, end: int) -> str:
    return c.text[start - c.span.start : end - c.span.start]


def whole(c: Claim, value: Any) -> ConflictValue:
    return ConflictValue(span=c.span, text=c.text, value=value)


@dataclass(slots=True)
class FactDraft:
    """A fact while it is judged: its conflicts may still grow (a place dispute across facts);
    `judge` makes the Fact, with its id and status, once they are all known."""

    text: str
    claims: list[Claim]
    conflicts: list[Conflict] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)


class Judge:
    """One story's judging context: who copies whom, its entities, its texts."""

    def __init__(self, origins: Origins | None, resolution: Resolution,
                 texts: Mapping[str, str] | None = None,
                 claims: list[Claim] | None = None,
                 roles: Mapping[tuple[str, int], Role] | None = None,
                 docs: Mapping[str, Doc] | None = None,
                 names: Mapping[str, str] | None = None) -> None:
        self.origin_of = origins.origin_of if origins is not None else {}
        # article id -> how a reader knows it (its outlet), for explanations that name sources
        self.names = dict(names or {})
        # (claim id, quantity start) -> values.Role: what each number measures
        self.roles = dict(roles or {})
        self.ents = Entities(resolution)
        self.texts = dict(texts or {})
        self.place_of: dict[tuple[str, int], str] = {}
        self.agent_word: dict[str, str] = {}
        # claim id -> the characters of the periods its values cover ("$9 million in 2013")
        self.periods: dict[str, list[tuple[int, int]]] = {}
        for (cid, _), role in self.roles.items():
            if role.period_at is not None:
                self.periods.setdefault(cid, []).append(role.period_at)
        # article id -> its kept parse: what event each claim states (`events`)
        self.docs = dict(docs or {})
        self._events: dict[str, frozenset[str] | None] = {}
        self._referred: dict[str, list[TimeExpr]] | None = None
        self._year: str | None = None
        self._month: int | None = None
        self._around: dict[str, list[TimeExpr]] = {}
        self.claims_in: dict[str, list[Claim]] = {}
        # what a check computes once per story (a check's own key)
        self.memo: dict[str, dict] = {}
        for c in claims or []:
            self.claims_in.setdefault(c.span.article, []).append(c)
        # article id -> its publication rank among its outlet's articles, for outlets that
        # published several (`AlignParams.judge_latest_update`); empty: the first speaks
        self.updates: dict[str, int] = {}

    def origin(self, c: Claim) -> str:
        return self.origin_of.get(c.span.article, c.span.article)

    def independent(self, claims: list[Claim]) -> list[Claim]:
        """One claim per origin: copies of a wire story speak once, through the origin's own
        article when it carries the claim (else the first copy seen)."""
        seen: dict[str, Claim] = {}
        for c in claims:
            o = self.origin(c)
            if o not in seen or (c.span.article == o and seen[o].span.article != o
                                 and not self._later(seen[o], c)) or self._later(c, seen[o]):
                seen[o] = c
        return list(seen.values())

    def _later(self, a: Claim, b: Claim) -> bool:
        """a comes from a later article of b's outlet than b (`AlignParams.judge_latest_update`:
        an outlet's latest update speaks for it, not the account it has since revised)."""
        ra, rb = self.updates.get(a.span.article), self.updates.get(b.span.article)
        return ra is not None and rb is not None and ra > rb

    def views(self, claims: list[Claim]) -> list[list[Claim]]:
        """Sets of claims, one per origin, that between them use every claim of each origin's
        speaking article. A fact may hold several sentences of one article (its headline, lead
        and a recap); each is checked against the other outlets, never against its own article."""
        rep = {self.origin(c): c.span.article for c in self.independent(claims)}
        per: dict[str, list[Claim]] = {}
        for c in claims:
            o = self.origin(c)
            if c.span.article == rep[o]:
                per.setdefault(o, []).append(c)
        if len(per) < 2:
            return []
        depth = max(len(v) for v in per.values())
        return [[v[min(k, len(v) - 1)] for v in per.values()] for k in range(depth)]

    def speaker(self, c: Claim) -> str | None:
        """The story entity that asserts a claim. A speaker the quote extractor left as a bare
        name ("Interior Minister Ana Ruiz") is matched to an entity named in the same article."""
        who = c.speaker_key
        if who is None or who in self.ents.by_id:
            return who
        toks = set(re.findall(r"\w+", who.lower()))
        for eid in self.ents.in_article(c.span.article):
            name = set(re.findall(r"\w+", self.ents.name(eid).lower()))
            if name and name <= toks and self.ents.type(eid) in ("PERSON", "ORG", "GPE"):
                return eid
        return self._titled(c, who) or who

    def _titled(self, c: Claim, who: str) -> str | None:
        """The person a bare title stands before: the quote extractor kept "Minister" of "said
        Minister for the Coast Ana Ruiz"; the person named right after it, with only capitalised
        words and "of"/"the"/"for"/"and" between, in the same sentence, is the speaker."""
        text = self.texts.get(c.span.article)
        if text is None or not who.strip():
            return None
        lo, hi = max(0, c.span.start - 300), min(len(text), c.span.end + 300)
        found = [lo + m.start() for m in re.finditer(re.escape(who), text[lo:hi])]
        if not found:
            return None
        end = min(found, key=lambda k: abs(k - c.span.end)) + len(who)
        for s, _, eid in sorted(self.ents.at.get(c.span.article, [])):
            if s >= end and self.ents.type(eid) == "PERSON":
                return eid if _TITLE_GAP.fullmatch(text[end:s]) else None
        return None

    def one_speaker(self, a: str, b: str) -> bool:
        """Two speakers that are one: the same entity, linked entities ("the Norland coast
        guard" speaks for "Norland"), or two forms of one name."""
        if a == b or self.ents.linked(a, b):
            return True
        na, nb = self.ents.name(a), self.ents.name(b)
        if same_speaker(na, nb):
            return True
        # a country's institution and the country: every word of the shorter name starts a
        # word of the longer one ("norland" / "the norland coast guard")
        ta, tb = re.findall(r"\w+", na.lower()), re.findall(r"\w+", nb.lower())
        short, long_ = sorted((ta, tb), key=len)
        types = {self.ents.type(a), self.ents.type(b)}
        return bool(short) and "PERSON" not in types and all(
            any(w.startswith(s) for w in long_) for s in short)

    def speaker_value(self, c: Claim, who: str, name: str) -> ConflictValue:
        """The speaker side by side: the mention naming the speaker nearest the claim (the
        words are the same on both sides, the names are what differ); the claim when the
        speaker is not an entity with a mention in that article."""
        raw = c.speaker_key
        text = self.texts.get(c.span.article)
        if raw and raw not in self.ents.by_id and text is not None:
            # the quote named its speaker in words the entity tagger missed ("Interior Minister
            # Ana Ruiz"): point at those words next to the quote, not at a later mention
            lo, hi = max(0, c.span.start - 300), min(len(text), c.span.end + 300)
            found = [m.start() for m in re.finditer(re.escape(raw), text[lo:hi])]
            if found:
                i = lo + min(found, key=lambda k: abs(lo + k - c.span.end))
                return ConflictValue(span=Span(c.span.article, i, i + len(raw)), text=raw,
                                     value=name)
        near = [sp for sp in (self.ents.by_id[who].mentions if who in self.ents.by_id else [])
                if sp.article == c.span.article]
        if not near:
            return whole(c, name)

        def gap(sp: Span) -> int:
            return max(c.span.start - sp.end, sp.start - c.span.end, 0)

        best = min(near, key=gap)
        if gap(best) > 400:  # a different paragraph: not this quote's attribution
            return whole(c, name)
        text = self.text_of(best)
        if text is None:
            return whole(c, name)
        return ConflictValue(span=best, text=text, value=name)

    def text_of(self, sp: Span) -> str | None:
        """The exact text of a span, from the article texts when given, else from any claim
        that covers it; None when neither can tell."""
        if sp.article in self.texts:
            return self.texts[sp.article][sp.start : sp.end]
        for c in self.claims_in.get(sp.article, []):
            if c.span.start <= sp.start and sp.end <= c.span.end:
                return slice_of(c, sp.start, sp.end)
        return None

    def events(self, c: Claim) -> frozenset[str] | None:
        """The events a claim states: its predicate lemmas (`frames.predicate_frame`), each with
        its news class (lexicon.events: "killed" and "dead" are one event). None when the
        article has no kept parse: nothing can be told."""
        if c.id not in self._events:
            self._events[c.id] = _events_of(self.docs.get(c.span.article), c)
        return self._events[c.id]

    def other_occasions(self, a: Claim, b: Claim, by_years: bool = True) -> bool:
        """The two claims tell events of different occasions (`story.occasions`: years that
        never overlap, an earlier occasion beside none, dated by the claim or by the mention its
        subject refers back to): their values are no dispute about one event. `by_years`
        False: years both claims name do not tell them apart (`occasions.apart`)."""
        from .. import align

        if self._referred is None:
            mine = [c for cs in self.claims_in.values() for c in cs]
            self._referred = referred_times(mine, self.docs)
            if align.DEFAULT_PARAMS.judge_participle_times:
                for cid, ts in participle_times(mine, self.docs).items():
                    self._referred.setdefault(cid, ts)
            self._year = story_year(mine)
            self._month = story_month(mine) if align.DEFAULT_PARAMS.judge_bare_months else None
            self._around = sentence_times(mine, self.docs,
                                          since_open=align.DEFAULT_PARAMS.judge_since_open) \
                if align.DEFAULT_PARAMS.judge_prior_sentence_year else {}
        return apart(*(claim_occasion(c, self.periods.get(c.id, []), self._referred, self._year,
                                      self._month,
                                      apostrophes=align.DEFAULT_PARAMS.judge_apostrophe_years,
                                      around=self._around) for c in (a, b)), by_years)

    def repeats_apart(self, a: Claim, b: Claim) -> bool:
        """One claim's event is marked as one more occurrence of its kind ("ran aground again",
        "for the second time") and the other's is not, or their ordinals differ
        (`occasions.repeat_marks`, `occasions.repeats_apart`): two occurrences, whose days or
        places are no dispute about one. False when a parse is missing."""
        ma, mb = (once_per_claim(self, "repeat_marks", c, _repeat_marks_of) for c in (a, b))
        return ma is not None and mb is not None and repeats_apart(ma, mb)

    def one_event(self, a: Claim, b: Claim) -> bool:
        """Do two claims state one event? They share a predicate (a lemma or one news class).
        A claim whose parse is unknown may; one whose predicate the parse cannot name (a bare
        "it would have been a massacre") states no event a conflict could be about."""
        ea, eb = self.events(a), self.events(b)
        if ea is None or eb is None:
            return True
        return bool(ea & eb)

    def nested(self, x: str, y: str) -> bool:
        """Some article of the story names one place as lying in the other: the two mentions
        stand next to each other, joined only by a comma or "in" ("Mill Lane, Dunmore", "the
        Hessa quarter in Dunmore"). A street and its town are one place told more or less
        closely, not two places."""
        for article, ms in self.ents.at.items():
            text = self.texts.get(article)
            if text is None:
                continue
            spans = sorted((s, e, eid) for s, e, eid in ms if eid in (x, y))
            for (_s1, e1, a), (s2, _e2, b) in zip(spans, spans[1:], strict=False):
                if a != b and _JOINS_PLACES.fullmatch(text[e1:s2]):
                    return True
            # the holding place written right after a mention but not tagged there ("the depot
            # in Mill Lane, Dunmore"), or the mention cut short by the tagger ("MILL" of "MILL
            # LANE, DUNMORE"): the other place's name read from the text
            for _s1, e1, a in spans:
                other = self.ents.name(y if a == x else x)
                if other and _holder_after(other).match(text, e1):
                    return True
        return False

    def clearest(self, claims: list[Claim]) -> Claim:
        def key(c: Claim) -> tuple:
            n = len(re.findall(r"\w+", c.text))
            anchors = len(c.entities) + len(c.quantities) + len(c.times)
            return (
                not c.attributed,  # the outlet's own statement reads best as a fact
                c.span.article == self.origin(c),  # an origin rather than a copy
                6 <= n <= 40,
                anchors,
                -n,
            )

        return max(claims, key=key)



# what stands between a place and the larger place holding it: "Mill Lane, Dunmore", "in"
_JOINS_PLACES = re.compile(r"\s*,\s*|\s+(?:in|of)\s+(?:the\s+)?", re.I)


def _holder_after(name: str) -> re.Pattern[str]:
    """After a place's mention: at most two more capitalised words of its name, a joint
    (`_JOINS_PLACES`), then `name` as a whole word, any case."""
    return re.compile(r"(?:\s+[A-Z][\w'-]*){0,2}(?:" + _JOINS_PLACES.pattern + r")"
                      + re.escape(name) + r"\b", re.I)


def _events_of(doc: Doc | None, c: Claim) -> frozenset[str] | None:
    from ..align import DEFAULT_PARAMS
    from ..frames import claim_doc, predicate_class, predicate_frame

    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return None
    sub = claim_doc(doc, c.span.start, c.span.end)
    if sub is None:
        return None
    # the speech act that frames a claim ("said", "in a statement") is its attribution, not
    # the event it reports: two statements on two days are no dispute about one event
    speech = REPORTING_VERBS | DOCUMENT_NOUNS
    # (a verb of belief with a clause is how sure the holder is: `AlignParams.belief_clause`)
    found = predicate_frame(sub, beliefs=DEFAULT_PARAMS.belief_clause)[0]
    preds = {p for p in found if not p.startswith("~") and p not in speech}
    if not preds:
        # a misparse that hangs the clause off a dateline or a name ("Mumbai: A warship foiled
        # ..."): the claim's full verbs still name its events
        preds = {t.lemma_.lower() for t in sub if t.pos_ == "VERB"} - speech
    return frozenset(preds | {f"class:{k}" for p in preds if (k := predicate_class(p))})


def _repeat_marks_of(j: Judge, c: Claim) -> frozenset[str] | None:
    from ..frames import claim_doc

    doc = j.docs.get(c.span.article)
    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return None
    sub = claim_doc(doc, c.span.start, c.span.end)
    return None if sub is None else repeat_marks(sub, JUDGE_REPEAT_WORDS)


T = TypeVar("T")


def once_per_claim(ctx: Judge, table: str, c: Claim, find: Callable[[Judge, Claim], T]) -> T:
    """`find(ctx, c)`, kept in the judge's per-story memo under `table` (computed each time
    when the judge has no memo)."""
    memo = getattr(ctx, "memo", None)
    if memo is None:
        return find(ctx, c)
    seen = memo.setdefault(table, {})
    key = (c.span.article, c.span.start, c.span.end, c.text)
    if key not in seen:
        seen[key] = find(ctx, c)
    return seen[key]
