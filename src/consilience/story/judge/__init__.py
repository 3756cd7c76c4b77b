"""Judging aligned claims: a fact's status and its typed conflicts (number, date, entity, modality,
negation, attribution), values side by side.

Policy: a contradiction (disjoint counts of the same thing, different dates or weekdays, a different
place or party in the same role, opposite polarity, one quote credited to two speakers) makes the
fact `conflicting`; discrepancies (vaguer vs precise numbers, hedged vs asserted) are listed but
keep it `corroborated`. Copies of one origin count once; where one point event happened is also
compared across facts. It does not decide which claims are one fact (`align.py`) nor who an
entity is (`resolve.py`); it only reads their results.

One module per conflict kind (number, date, entity/place, modality, negation, attribution), each
a check registered in `CHECKS`; `context` holds what they share, `status` the fact's status.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Claim, ClaimGroups, Conflict, ConflictValue, Fact, Origins, Resolution
from ..values import Role
from . import attribute, attribution, clock, date, entity, modality, negation, number
from .across import frames_across, values_across
from .context import FactDraft, Judge, same_speaker
from .date import dates_overlap
from .entity import places_across
from .number import ROUNDING_REACH, VAGUE_WIDTH, compare_numbers
from .status import fact_status

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CHECKS", "ROUNDING_REACH", "VAGUE_WIDTH", "compare_numbers", "dates_overlap", "judge",
           "same_speaker"]


Check = Callable[[Judge, list[Claim]], list[Conflict]]

# every kind of conflict among a fact's independent claims, in the order they are reported
CHECKS: dict[str, Check] = {
    "number": number.numbers,
    "date": date.dates,
    "entity": entity.entities,
    "modality": modality.modality,
    "negation": negation.negation,
    "attribution": attribution.attribution,
    "attribute": attribute.attributes,  # attribute claims only (story/attributes.py)
    "clock": clock.clocks,  # times of day, with `AlignParams.judge_clock_times`
}


# kinds whose disagreement is about one event: shown only between claims stating that event
# (numbers compare values of one role instead; attribution compares one quote's speakers)
ONE_EVENT_KINDS = frozenset({"date", "negation", "modality", "entity", "clock"})


def _of_one_event(j: Judge, cf: Conflict, view: list[Claim]) -> Conflict | None:
    """The conflict kept to the values that disagree with a value of a claim stating the same
    event (`Judge.one_event`) on the same occasion (`Judge.other_occasions`, with
    `AlignParams.judge_occasion_all_kinds`); None when no such pair is left. A value outside every claim of
    the view is kept as it is (its claim cannot be told)."""
    def claim_of(v: ConflictValue) -> Claim | None:
        return next((c for c in view if c.span.article == v.span.article
                     and c.span.start <= v.span.start and v.span.end <= c.span.end), None)

    from .. import align

    # the dates of a date conflict are what it compares, not what tells occasions apart
    occasions = align.DEFAULT_PARAMS.judge_occasion_all_kinds and cf.kind != "date"
    repeat = align.DEFAULT_PARAMS.judge_repeat_occasions
    owners = [claim_of(v) for v in cf.values]
    keep = [any(k != n and str(cf.values[k].value) != str(v.value)
                and (owners[n] is None or owners[k] is None or (
                    owners[n] is not owners[k] and j.one_event(owners[n], owners[k])
                    # an earlier occasion told beside today's ("Earlier this year another
                    # worker denied the shootings happened"): two events, as for counts
                    # (years both claims name may date other things they mention)
                    and not (occasions
                             and j.other_occasions(owners[n], owners[k], by_years=False))
                    # one occurrence marked as a repeat of the other's kind ("ran aground
                    # again on Thursday" / "ran aground on Monday"): two occurrences, for
                    # dates too (`AlignParams.judge_repeat_occasions`)
                    and not (repeat and j.repeats_apart(owners[n], owners[k]))))
                for k in range(len(cf.values)))
            for n, v in enumerate(cf.values)]
    if sum(keep) < 2:
        return None
    return replace(cf, values=[v for v, k in zip(cf.values, keep, strict=True) if k])


def pair_check(j: Judge, kind: str, pair: list[Claim]) -> Conflict | None:
    """The first conflict of one kind between two claims as if they were one fact: the kind's
    check, then for a one-event kind the one-event and occasion test (`_of_one_event`)."""
    found = CHECKS[kind](j, pair)
    if not found:
        return None
    return _of_one_event(j, found[0], pair) if kind in ONE_EVENT_KINDS else found[0]


def check_all(j: Judge, claims: list[Claim]) -> list[Conflict]:
    """Every kind of conflict among the fact's independent claims, over all views; a conflict
    about one event only between claims that state it (`ONE_EVENT_KINDS`)."""
    out: list[Conflict] = []
    seen: set[tuple] = set()
    for view in j.views(claims):
        for kind, check in CHECKS.items():
            for found in check(j, view):
                cf = _of_one_event(j, found, view) if kind in ONE_EVENT_KINDS else found
                if cf is None:
                    continue
                key = (cf.kind, tuple(sorted((v.span.article, v.span.start, v.span.end)
                                             for v in cf.values)))
                if key not in seen:
                    seen.add(key)
                    out.append(cf)
    return out


def _owner(claims: list[Claim], v: ConflictValue) -> Claim | None:
    return next((c for c in claims if c.span.article == v.span.article
                 and c.span.start <= v.span.start and v.span.end <= c.span.end), None)


def _on_sure_pair(cf: Conflict, claims: list[Claim], sure: Callable[[Claim, Claim], bool]) -> bool:
    """Some two different values of the conflict sit on two claims that surely state one fact
    (`sure`); a value outside every claim (a speaker named before a quote) cannot be told, and
    keeps the conflict."""
    owners = [_owner(claims, v) for v in cf.values]
    if any(o is None for o in owners) or len({id(o) for o in owners}) < 2:
        return True
    return any(owners[k] is not owners[n] and str(cf.values[k].value) != str(cf.values[n].value)
               and sure(owners[k], owners[n])  # type: ignore[arg-type]
               for n in range(len(cf.values)) for k in range(n + 1, len(cf.values)))


def _sure_claims(j: Judge, claims: list[Claim], sure: Callable[[Claim, Claim], bool]
                 ) -> tuple[list[Claim], list[Conflict], list[Claim]]:
    """(claims kept, their conflicts, claims that leave the fact) under
    `AlignParams.conflict_sure`: a conflict whose disagreeing values lie on no sure pair of
    claims is no conflict the fact can show; nor may the two claims stand as one corroborated
    fact on that unsure join. The value-holding claim of that conflict with the fewest sure pairs
    to the rest of the fact (the later one on a tie) leaves it, and the rest is judged again."""
    out: list[Claim] = []
    while True:
        conflicts = check_all(j, claims)
        bad = next((cf for cf in conflicts if not _on_sure_pair(cf, claims, sure)), None)
        if bad is None:
            return claims, conflicts, out
        owners = list({id(o): o for v in bad.values if (o := _owner(claims, v))}.values())

        rank = {id(c): n for n, c in enumerate(claims)}
        held = {id(c): sum(1 for o in claims if o is not c and sure(c, o)) for c in owners}
        leaving = min(owners, key=lambda c: (held[id(c)], -rank[id(c)]))
        out.append(leaving)
        claims = [c for c in claims if c is not leaving]


VERBATIM_WORDS = 15  # a sentence this long, word for word in two outlets, was copied


def _verbatim_pairs(j: Judge, claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pairs of claims whose whole sentences hold the same words (at least `VERBATIM_WORDS`,
    no quotation mark: a quote two outlets carry may be heard twice)."""
    from ..syndication import QUOTE_MARKS, words

    keys: dict[int, tuple[str, ...] | None] = {}
    for c in claims:
        text = j.texts.get(c.span.article)
        key = None
        if text is not None and text[c.span.start:c.span.end] == c.text:
            sent = _sentence_around(text, c.span.start, c.span.end)
            toks = tuple(words(sent))
            if len(toks) >= VERBATIM_WORDS and not any(q in sent for q in QUOTE_MARKS):
                key = toks
        keys[id(c)] = key
    return [(a, b) for n, a in enumerate(claims) for b in claims[n + 1:]
            if keys[id(a)] is not None and keys[id(a)] == keys[id(b)]]


def _verbatim_origins(j: Judge, claims: list[Claim]) -> list[str]:
    """The fact's origins when a sentence carried word for word by two outlets is one origin
    (`AlignParams.judge_verbatim_origins`): two claims of different origins whose whole
    sentences hold the same words (`_verbatim_pairs`) come from one copy of one text, a wire
    lead two outlets carry in otherwise own reports (`syndication.find_origins` only joins
    whole articles)."""
    from ...unionfind import UnionFind

    uf = UnionFind(dict.fromkeys(j.origin(c) for c in claims))
    for a, b in _verbatim_pairs(j, claims):
        if j.origin(a) != j.origin(b):
            uf.union(j.origin(a), j.origin(b))
    return list(dict.fromkeys(uf.find(j.origin(c)) for c in claims))


OWN_SHARE = 0.3  # a copy's claim with at most this share carried by the other outlet is its own


def _carried_origins(j: Judge, claims: list[Claim]) -> list[str]:
    """The fact's origins when only the carried part of an article is one origin
    (`AlignParams.wire_containment`, docs/quality.md "r25-wire"):

    - two claims of different origins, each of whose words lie (`syndication.CARRY_SHARE`,
      with a shared run of `CARRY_RUN` words) in a passage the other's article carries too
      (`syndication.carried_share`: word shingles, accents folded, quotes left out) come from
      one copy of one text: one origin, whatever dateline, credit line, lead or tail sits
      around them; so do two whose whole sentences are word for word (`_verbatim_pairs`);
    - a claim of an article that `syndication.find_origins` made a copy of another outlet's,
      of whose words that outlet carries at most `OWN_SHARE`, is its outlet's own statement
      (a paragraph of its own reporter): its own origin, unless the fact's other claims of
      the copied origin are all its own article's (one article never corroborates itself)."""
    from ...unionfind import UnionFind
    from .. import align
    from ..syndication import CARRY_RUN, CARRY_SHARE, CarriedText, carried_share

    memo = j.memo.setdefault("carried", {})

    def text_of(art: str) -> CarriedText | None:
        if art not in memo:
            t = j.texts.get(art)
            memo[art] = CarriedText(t) if t else None
        return memo[art]

    def share(c: Claim, art: str) -> tuple[float, int]:
        src, other = text_of(c.span.article), text_of(art)
        if src is None or other is None or art == c.span.article:
            return 0.0, 0
        return carried_share(src, c.span.start, c.span.end, other)

    def carried(c: Claim, art: str) -> bool:
        sh, run = share(c, art)
        return sh >= CARRY_SHARE and run >= CARRY_RUN

    members: dict[str, list[str]] = {}
    for art, o in j.origin_of.items():
        members.setdefault(o, []).append(art)
    own: set[int] = set()
    for c in claims:
        art = c.span.article
        others = [m for m in members.get(j.origin(c), []) if m != art
                  and j.names.get(m, m) != j.names.get(art, art)]
        if others and all(share(c, m)[0] <= OWN_SHARE for m in others):
            own.add(id(c))
    # keys: ("own", article) for a copy's own words, ("copy", origin) for the rest
    key = {id(c): ("own", c.span.article) if id(c) in own else ("copy", j.origin(c))
           for c in claims}
    uf = UnionFind(dict.fromkeys([*key.values(), *(("copy", j.origin(c)) for c in claims)]))
    for c in claims:
        if id(c) in own:
            rest = [d for d in claims if id(d) not in own and j.origin(d) == j.origin(c)]
            if all(d.span.article == c.span.article for d in rest):
                uf.union(key[id(c)], ("copy", j.origin(c)))
    if align.DEFAULT_PARAMS.judge_verbatim_origins:
        for a, b in _verbatim_pairs(j, claims):
            uf.union(key[id(a)], key[id(b)])
    for n, a in enumerate(claims):
        for b in claims[n + 1:]:
            if uf.find(key[id(a)]) != uf.find(key[id(b)]) and \
                    carried(a, b.span.article) and carried(b, a.span.article):
                uf.union(key[id(a)], key[id(b)])
    # one article id per origin: a copy's own words are named by their article, the carried
    # part by its origin, else by another article of its copies when that name is taken
    classes: dict[object, list[tuple[str, str]]] = {}
    for c in claims:
        classes.setdefault(uf.find(key[id(c)]), []).append(key[id(c)])
    named: dict[object, str] = {}
    for root, keys in classes.items():
        owns = [art for kind, art in keys if kind == "own"]
        if owns:
            named[root] = owns[0]
    taken = set(named.values())
    for root, keys in classes.items():
        if root in named:
            continue
        o = keys[0][1]
        pick = o if o not in taken else next(
            (m for m in members.get(o, []) if m not in taken), o)
        named[root] = pick
        taken.add(pick)
    return list(dict.fromkeys(named[uf.find(key[id(c)])] for c in claims))


HEADING_CHARS = 240  # a whole sentence longer than this is no heading


def _reads_as_clause(text: str) -> bool:
    """A claim that opens like a sentence ("The blaze broke out ..."), not a fragment cut from
    one ("after a fire broke out ...", "to keep their windows shut")."""
    t = text.lstrip(" \"'\u201c\u2018(")
    return t[:1].isupper() or t[:1].isdigit()


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind("\n", 0, start), *(text.rfind(p, 0, start) + 1 for p in ".!?"))
    # the claim may end on its own full stop
    hi = [i for i in (text.find(p, max(start, end - 1)) for p in (".", "!", "?", "\n")) if i >= 0]
    stop = min(hi) if hi else len(text)
    stop += text[stop:stop + 1] in ".!?"
    sent = text[lo + 1 if text[lo:lo + 1] == "\n" else lo:stop]
    if (sent.count('"') % 2 and text[stop:stop + 1] == '"') or (
            sent.count("\u201c") > sent.count("\u201d") and text[stop:stop + 1] == "\u201d"):
        sent += text[stop]  # the full stop inside a quotation: the closing mark goes with it
    # a quotation closed by the sentence before is not part of this one; one opened here is
    sent = sent.lstrip()
    while sent[:1] in ("\u201d", "\u2019", ")") or (sent[:1] == '"' and sent.count('"') % 2):
        sent = sent[1:].lstrip()
    return " ".join(sent.split())


def _heading(j: Judge, claims: list[Claim]) -> str:
    """The fact's wording: its clearest claim that reads as a clause; when every claim is a
    fragment, the whole sentence around one of them that says least besides it (the claim
    covers the largest share), so a heading is never a sentence fragment."""
    whole = [c for c in claims if _reads_as_clause(c.text)]
    if whole:
        return j.clearest(whole).text
    found = []
    for c in claims:
        text = j.texts.get(c.span.article)
        if text is None or text[c.span.start:c.span.end] != c.text:
            continue
        sent = _sentence_around(text, c.span.start, c.span.end)
        if _reads_as_clause(sent) and len(sent) <= HEADING_CHARS:
            found.append((len(c.text) / max(len(sent), 1), sent))
    return max(found)[1] if found else j.clearest(claims).text


def _disputed(claims: list[Claim], conflicts: list[Conflict]) -> list[Claim]:
    """The claims a fact's heading is chosen from: with `AlignParams.judge_heading_disputed`,
    those holding the values of its first conflict (a fact that joins a visit planned, the visit
    done and the visit's rarity is headed by the visit, the point in dispute), else all."""
    from .. import align

    if not conflicts or not align.DEFAULT_PARAMS.judge_heading_disputed:
        return claims
    held = [c for c in claims if any(_owner([c], v) is c for v in conflicts[0].values)]
    return held or claims


def judge(groups: ClaimGroups, origins: Origins, resolution: Resolution, *,
          texts: Mapping[str, str] | None = None, cross_fact: bool = True,
          roles: Mapping[tuple[str, int], Role] | None = None,
          docs: Mapping[str, Doc] | None = None,
          sure: Callable[[Claim, Claim], bool] | None = None,
          disputed: number.Disputed | None = None,
          updates: Mapping[str, int] | None = None,
          names: Mapping[str, str] | None = None) -> list[Fact]:
    """One judged Fact per group: status, typed conflicts, distinct origins, a representative
    wording. Facts are numbered F1... by number of independent origins, then text position.
    `texts` (article id -> Article.text), when given, lets a conflict point at words outside
    every claim (the speaker named before a quote). `cross_fact` also compares where one point
    event happened across facts (`entity.places_across`). `roles` ((claim id, quantity start) ->
    `values.Role`) says what each number measures: only numbers of one role are compared.
    `docs` (article id -> the article's kept parse) lets a date, negation, modality or entity
    conflict be shown only between claims that state one event; without it they all are.
    `sure` (`align.SurePairs`, with `AlignParams.conflict_sure`) says which two claims surely
    state one fact: a conflict is shown only on such a pair, and a claim whose disagreement
    with the fact rests on no sure pair leaves it as a fact of its own (`_sure_claims`).
    `disputed` (`align.SurePairs.disputed`, with `AlignParams.dispute_across`) names the two
    disagreeing values of two claims that tell one frame with another value; such a pair left
    in two facts is shown as a number conflict (`number.disputes_across`). `updates` (article
    id -> publication rank among its outlet's articles, for outlets with several) lets an
    outlet's latest article speak for it, with `AlignParams.judge_latest_update`. `names`
    (article id -> how a reader knows it) lets an explanation name the sources."""
    # a claim that states two facts sits in two groups (align.AlignParams.multi): one Claim
    j = Judge(origins, resolution, texts, list({id(c): c for g in groups for c in g}.values()),
              roles, docs, names)
    from .. import align

    if align.DEFAULT_PARAMS.judge_latest_update:
        j.updates = dict(updates or {})
    article_rank: dict[str, int] = {}
    for g in groups:
        for c in g:
            article_rank.setdefault(c.span.article, len(article_rank))
    drafts: list[tuple[int, tuple[int, int], FactDraft]] = []
    # how many groups hold each claim: one that leaves a fact but sits in another is not alone
    placed = Counter(id(c) for g in groups for c in g)
    queue = [list(g) for g in groups]
    while queue:
        g = queue.pop(0)
        if not g:
            continue
        claims = sorted(g, key=lambda c: (article_rank[c.span.article], c.span.start))
        if sure is not None:
            claims, conflicts, leaving = _sure_claims(j, claims, sure)
            for c in leaving:
                placed[id(c)] -= 1
                if placed[id(c)] == 0:
                    placed[id(c)] = 1
                    queue.append([c])
        else:
            conflicts = check_all(j, claims)
        origin_ids = list(dict.fromkeys(j.origin(c) for c in claims))
        if align.DEFAULT_PARAMS.judge_verbatim_origins and len(origin_ids) > 1:
            origin_ids = _verbatim_origins(j, claims)
        if align.DEFAULT_PARAMS.wire_containment and (len(origin_ids) > 1 or any(
                j.origin(c) != c.span.article for c in claims)):
            origin_ids = _carried_origins(j, claims)
        pos = (article_rank[claims[0].span.article], claims[0].span.start)
        drafts.append((-len(origin_ids), pos, FactDraft(
            text=_heading(j, _disputed(claims, conflicts)), claims=claims, conflicts=conflicts,
            origins=origin_ids)))
    if disputed is not None:
        number.disputes_across(j, [f for _, _, f in sorted(drafts, key=lambda d: (d[0], d[1]))],
                               disputed)
    if cross_fact:
        places_across(j, [f for _, _, f in drafts])
    if align.DEFAULT_PARAMS.judge_frames_across and docs:
        frames_across(j, [f for _, _, f in sorted(drafts, key=lambda d: (d[0], d[1]))])
    if align.DEFAULT_PARAMS.judge_values_across and docs:
        values_across(j, [f for _, _, f in sorted(drafts, key=lambda d: (d[0], d[1]))])
    if align.DEFAULT_PARAMS.judge_destinations and j.texts:
        from .destination import destinations_across

        destinations_across(j, [f for _, _, f in sorted(drafts, key=lambda d: (d[0], d[1]))])
    if align.DEFAULT_PARAMS.judge_learned_across and sure is not None and docs:
        from .learned import learned_across

        learned_across(j, [f for _, _, f in sorted(drafts, key=lambda d: (d[0], d[1]))], sure,
                       pair_check)
    drafts.sort(key=lambda d: (d[0], d[1]))
    # the status is read once every conflict is known (a place dispute across facts included)
    return [Fact(id=f"F{n}", status=fact_status(d.conflicts, d.origins),  # type: ignore[arg-type]
                 text=d.text, claims=d.claims, conflicts=d.conflicts, origins=d.origins)
            for n, (_, _, d) in enumerate(drafts, 1)]
