"""One quote as carried by several outlets: merges per-article quotes into StoryQuotes.

Decides sameness from the quoted words only (exact after normalising case, punctuation and quote
marks; a fragment contained in a longer carrier; or a near-identical wording), and flags carriers
whose wording or credited speaker differ. It does not decide who the speaker is (the analyzer and
`resolve` do) and never merges paraphrases that merely mean the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..analysis.quotes import is_joint_source
from ..model import Analysis, Quote, Span, StoryQuote
from .resolve import Resolution, norm_text
from .syndication import Origins

NEAR_IDENTICAL = 90  # rapidfuzz ratio of normalised texts: same quote, wording differs
FRAGMENT_MIN_WORDS = 3  # a fragment from this many words (2 when credited to the same speaker)
FUZZY_FRAGMENT = 94  # partial_ratio for a fragment of a slightly re-worded longer carrier
FUZZY_FRAGMENT_MIN_WORDS = 6

_NONWORD = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise_quote(text: str) -> str:
    """Lower case, no punctuation or quotation marks, single spaces, diacritics kept apart."""
    t = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    t = _NONWORD.sub(" ", t)
    return _SPACE.sub(" ", t).strip()


@dataclass
class _Carrier:
    article: str
    quote: Quote
    norm: str
    speaker: str | None  # story-level Entity id, else "name:<normalised name>", else None
    order: int


@dataclass
class _Group:
    members: list[_Carrier] = field(default_factory=list)
    reworded: bool = False

    @property
    def head(self) -> _Carrier:
        return self.members[0]


def _speaker(an: Analysis, q: Quote, res: Resolution) -> str | None:
    aid = an.article.id
    if q.speaker_entity and (aid, q.speaker_entity) in res.by_local:
        return res.by_local[(aid, q.speaker_entity)]
    if q.speaker_start is not None and q.speaker_end is not None:
        for i, m in enumerate(an.mentions):
            if m.start < q.speaker_end and q.speaker_start < m.end and (aid, i) in res.by_mention:
                return res.by_mention[(aid, i)]
    if q.speaker_name:
        return "name:" + norm_text(q.speaker_name)
    return None


def _match(c: _Carrier, g: _Group) -> str | None:
    """"same", "fragment", "reworded" or None: how carrier `c` relates to group `g`."""
    for m in g.members:
        if c.norm == m.norm:
            return "same"
    n_words = len(c.norm.split())
    for m in g.members:
        if m.article == c.article and m.quote.start <= c.quote.start and c.quote.end <= m.quote.end:
            return "fragment"  # a partial quote nested in the longer statement that carries it
        short_ok = n_words >= FRAGMENT_MIN_WORDS or (
            n_words >= 2 and c.speaker is not None and c.speaker == m.speaker)
        if short_ok and f" {c.norm} " in f" {m.norm} ":
            return "fragment"
    for m in g.members:
        if fuzz.ratio(c.norm, m.norm) >= NEAR_IDENTICAL:
            return "reworded"
        if n_words >= FUZZY_FRAGMENT_MIN_WORDS and fuzz.partial_ratio(c.norm, m.norm) >= FUZZY_FRAGMENT:
            return "reworded"
    return None


def merge_quotes(
    analyses: list[Analysis], resolution: Resolution, origins: Origins | None = None
) -> list[StoryQuote]:
    """One StoryQuote per quote of the story, with each carrying article's pieces as carrier Spans.

    Longer carriers found groups first, so a fragment joins the fullest quote containing it.
    `speaker` is the story-level Entity the carriers credit (the most common; None if unstated);
    flags: "wording_differs" (a carrier's words differ beyond case/punctuation),
    "speaker_differs" (carriers credit different speakers). Ids Q1, Q2... by number of carrying
    articles, then first appearance. `origins` breaks ties for the fullest carrier in favour of
    the origin article over its copies.
    """
    origin_of = origins.origin_of if origins else {}
    carriers: list[_Carrier] = []
    for an in analyses:
        for q in an.quotes:
            norm = normalise_quote(q.text or "")
            if norm:
                carriers.append(_Carrier(an.article.id, q, norm, _speaker(an, q, resolution),
                                         len(carriers)))
    names = {e.id: e.name for e in resolution.entities}
    # a speaker named but not linked to an entity still matches an entity by its name or alias
    by_form: dict[str, str] = {}
    for e in resolution.entities:
        for form in [e.name, *e.aliases]:
            by_form.setdefault("name:" + norm_text(form), e.id)
    for c in carriers:
        if c.speaker and c.speaker.startswith("name:"):
            c.speaker = by_form.get(c.speaker, c.speaker)
    # fullest first; origin articles before their copies; then reading order
    carriers.sort(key=lambda c: (-len(c.norm), origin_of.get(c.article, c.article) != c.article,
                                 c.order))
    groups: list[_Group] = []
    for c in carriers:
        for g in groups:
            how = _match(c, g)
            if how:
                g.members.append(c)
                g.reworded |= how == "reworded"
                break
        else:
            groups.append(_Group([c]))

    ranked = []
    for g in groups:
        per_article: dict[str, _Carrier] = {}
        kept: list[_Carrier] = []
        for m in g.members:  # members are fullest-first: keep each article's fullest carrier,
            # and its other pieces of the statement that it does not contain ("When ...," she
            # added. "Until ...": two pieces of one quote another outlet prints whole)
            per_article.setdefault(m.article, m)
            if not any(k.article == m.article and (
                    (k.quote.start < m.quote.end and m.quote.start < k.quote.end)
                    or f" {m.norm} " in f" {k.norm} ") for k in kept):
                kept.append(m)
        first = min(g.members, key=lambda m: m.order)
        ranked.append((-len(per_article), first.order, g, kept))
    ranked.sort(key=lambda r: (r[0], r[1]))

    out: list[StoryQuote] = []
    for n, (_, _, g, kept) in enumerate(ranked, 1):
        head = g.head
        speakers = [m.speaker for m in g.members if m.speaker]
        counts = Counter(speakers)
        speaker = None
        if counts:
            top = max(counts.values())
            speaker = head.speaker if counts.get(head.speaker) == top else next(
                s for s in speakers if counts[s] == top)
        flags = []
        if g.reworded:
            flags.append("wording_differs")
        if len(counts) > 1:
            flags.append("speaker_differs")
        entity_id = speaker if speaker and not speaker.startswith("name:") else None
        speaker_name = names.get(entity_id) if entity_id else None
        # "according to Tallo and Vestra": the entity is the first conjunct, the source is
        # the coordination, and a reader must see all of it
        joint = next((m.quote.speaker_name for m in g.members if m.speaker == speaker
                      and m.quote.speaker_name and is_joint_source(m.quote.speaker_name)), None)
        if joint:
            speaker_name = joint
        if speaker_name is None:
            speaker_name = next((m.quote.speaker_name for m in g.members
                                 if m.speaker == speaker and m.quote.speaker_name), None)
        kinds = Counter(m.quote.kind for m in g.members)
        out.append(StoryQuote(
            id=f"Q{n}",
            span=Span(head.article, head.quote.start, head.quote.end),
            text=head.quote.text,
            speaker=entity_id,
            speaker_name=speaker_name,
            cue=head.quote.cue,
            kind="direct" if "direct" in kinds else head.quote.kind,
            carriers=[Span(m.article, m.quote.start, m.quote.end)
                      for m in sorted(kept, key=lambda m: m.order)],
            flags=flags,
        ))
    return out

