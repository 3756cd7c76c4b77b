"""A short extractive summary of a story built from its judged facts.

Decides which facts make the summary (corroborated first, then the most important disputes,
then a single-source lead) and which source wording represents each (a statement: never a
headline, timestamp, byline or clause fragment); every sentence cites its facts and articles and
says how well it is supported (and whom the outlets cite when they all relay one authority).
It never writes new claims: sentences are source claims, trimmed, or source claims quoted side
by side under "Sources differ".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from ..lexicon.furniture import page_furniture
from ..lexicon.modality import READER_VALUE_WORDS
from ..model import (
    Analysis,
    Article,
    Claim,
    Conflict,
    Entity,
    Fact,
    Sentence,
    SummarySentence,
)
from .sources import cite_name, cited_note, cited_sources, qualify_support
from .syndication import Origins

MIN_CLAIM_CHARS = 25  # shorter claim units are fragments, poor summary sentences
MAX_CLAIM_CHARS = 320
# Two summary items this close (embedding cosine of their wordings) that name a story entity in
# common say one point ("X made a rare visit on Tuesday" / "This two-day visit is X's first in
# 24 years"): one item, citing both. Tuning on the seed pair and the bundled examples: the one
# repeated point scores 0.68, the closest distinct points 0.63 and below.
NEAR_DUPLICATE = 0.65



_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|"
    r"does|did|says?|said)\b|\b\w+(?:ed|es)\b", re.IGNORECASE)


def _statement(text: str) -> bool:
    """At least six words and something verb-like: a statement, not a greeting or heading."""
    return len(_WORD.findall(text)) >= 6 and bool(_VERBISH.search(text))


def _furniture(text: str) -> bool:
    """A timestamp, byline or credit line (`lexicon.furniture`, shared with claim extraction)."""
    return page_furniture(text)


# a timestamp line: what sits right under a headline
_STAMP = re.compile(
    r"^\W*(?:(?:last\s+)?updated|posted|published|modified|first published|filed)\b"
    r"|\b\d{1,2}\s*:\s*\d{2}\s*(?:[ap]\.?\s?m\b|GMT|UTC|ET|EST|EDT|PT|PST|PDT)", re.IGNORECASE)
# a clause that opens with a subordinator and has no main clause after a comma is a fragment
# ("If the lorry driver was fined")
_SUBORDINATE = re.compile(r"^(?:if|when|while|although|though|because|unless|whether|as|since|"
                          r"after|before|where|which|who)\b", re.IGNORECASE)
_LINE_END = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*\s*$|[\"\u201d]\s*$")


def _line_of(c: Claim, arts: dict[str, Article]) -> tuple[str, str] | None:
    """The line (between line breaks) holding a claim and the next non-empty line, when the
    article text is at hand."""
    a = arts.get(c.span.article)
    if a is None or a.text[c.span.start : c.span.end] != c.text:
        return None  # the offsets do not index this text: nothing to read around the claim
    lo = a.text.rfind("\n", 0, c.span.start) + 1
    hi = a.text.find("\n", c.span.end)
    hi = hi if hi >= 0 else len(a.text)
    after = a.text[hi:].lstrip().split("\n", 1)[0]
    return a.text[lo:hi], after


def _headline_like(text: str) -> bool:
    """Title Case ("Rovers Hire Tam Lusk as Head Coach") or a shouted kicker
    ("PENSIONER HURT BY ...", "TALLO ROVERS Fired ...")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if any(len(w) >= 7 and w.isupper() for w in words[:3]) or sum(
            len(w) >= 4 and w.isupper() for w in words) >= 3:
        return True
    long = [w for w in words[1:] if len(w) >= 4]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


_ADDRESS = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)


def summary_worthy(c: Claim, wording: str, arts: dict[str, Article]) -> bool:
    """A summary item must be a statement: five words or more, not a headline (a line of its own
    without a full stop, Title Case), a timestamp, a byline or a photo credit, nor a clause
    fragment ("If the driver was charged")."""
    text = " ".join(wording.split())
    # (the verb test is a regex, blind to "sank": single-source items take it, see summarize)
    if len(_WORD.findall(text)) < 5:
        return False
    if _furniture(text) or _headline_like(text):
        return False
    if _SUBORDINATE.match(text) and "," not in text:
        return False
    if _ADDRESS.search(text) and not c.attributed:
        return False  # the outlet talking to its readers ("Most of you will have seen ...")
    got = _line_of(c, arts)
    if got is None:
        return True
    a = arts[c.span.article]
    if text == " ".join(c.text.split()) and re.match(r" +[a-z0-9]",
                                                     a.text[c.span.end : c.span.end + 2]):
        return False  # cut mid-clause ("... and recently took" | " a grain barge")
    line, after = got[0].strip(), got[1].strip()
    # a headline, dateline or timestamp sits on a line of its own with no closing punctuation;
    # a headline with a full stop still sits above its timestamp ("Posted: March 3, 2011")
    if line and not _LINE_END.search(line):
        return False
    if after and _STAMP.search(after[:40]) and len(_WORD.findall(after)) <= 12:
        return False
    return not (_furniture(line) or _headline_like(line))

def _outlet(a: Article | None, aid: str) -> str:
    # a reader knows an article by its outlet, else its headline (quoted and cut short, so it
    # is not read as an outlet's name); a content hash says nothing
    return aid if a is None else cite_name(a)


def _sentences(analyses: list[Analysis] | None) -> dict[str, list[Sentence]]:
    """Each analysed article's sentence spans (the parse's, repaired by `analysis.sentences`),
    in text order, by article id."""
    return {an.article.id: sorted(an.sentences, key=lambda s: s.start) for an in analyses or []}


def _sentence_of(c: Claim, arts: dict[str, Article],
                 sents: dict[str, list[Sentence]]) -> str | None:
    """The whole source sentence around a claim ("Residents were told to keep their windows
    shut, the fire service said.") when the claim alone is a fragment or a relayed statement:
    the analysis's sentence span holding the claim (spaCy's boundaries, so "Dr.", "U.S." and
    "No. 4" end no sentence). None when the article text or its sentences are not at hand, or
    the sentence is too long to quote."""
    a = arts.get(c.span.article)
    if a is None or a.text[c.span.start : c.span.end] != c.text:
        return None
    got = _sentence_span(c, a, sents.get(c.span.article, []))
    if got is None:
        return None
    sent = " ".join(a.text[got[0] : got[1]].split())
    if not sent or len(sent) > MAX_CLAIM_CHARS or not sent[:1].isupper():
        return None
    return sent


def _sentence_span(c: Claim, a: Article, sents: list[Sentence]) -> tuple[int, int] | None:
    """(start, end) in `a.text` of the sentence holding the claim: the kept sentence span that
    holds the claim's start, widened to the claim's end, never above the body or across a line
    break. None when no sentence holds the claim."""
    i = bisect.bisect_right([s.start for s in sents], c.span.start) - 1
    if i < 0 or sents[i].end <= c.span.start:
        return None
    text = a.text
    start = max(sents[i].start, a.body_start or 0, text.rfind("\n", 0, c.span.start) + 1)
    end = max(sents[i].end, c.span.end)
    nl = text.find("\n", c.span.end, end)
    return start, nl if nl >= 0 else end


def _wording(c: Claim, arts: dict[str, Article], sents: dict[str, list[Sentence]]) -> str:
    """How a claim reads in the summary: itself when it is a sentence of the outlet's own,
    else its whole sentence (which names who said it)."""
    text = c.text.strip()
    if not c.attributed and text[:1].isupper() and len(text) >= MIN_CLAIM_CHARS:
        return text
    return _sentence_of(c, arts, sents) or text


def _standalone(c: Claim, arts: dict[str, Article],
                sents: dict[str, list[Sentence]]) -> str | None:
    """The wording of a summary line of its own, or None when it cannot stand alone: someone
    else's words without the sentence naming them would read as the outlet's (or ours)."""
    if not c.attributed:
        return _wording(c, arts, sents)
    return _sentence_of(c, arts, sents)


def _first_standalone(fact: Fact, arts: dict[str, Article], sents: dict[str, list[Sentence]],
                      origin_of: dict[str, str]) -> tuple[Claim, str] | None:
    for c in sorted(fact.claims, key=lambda c: _claim_rank(c, origin_of)):
        text = _standalone(c, arts, sents)
        if text and summary_worthy(c, text, arts):
            return c, text
    return None


def _origin_set(fact: Fact, origin_of: dict[str, str]) -> set[str]:
    arts = {c.span.article for c in fact.claims}
    if origin_of:
        return {origin_of.get(a, a) for a in arts}
    return set(fact.origins) or arts


def _claim_rank(c: Claim, origin_of: dict[str, str]) -> tuple:
    text = c.text.strip()
    return (
        origin_of.get(c.span.article, c.span.article) != c.span.article,  # origin over copies
        c.attributed,  # the outlet's own statement over a relayed one
        c.certainty != "asserted",
        not (MIN_CLAIM_CHARS <= len(text) <= MAX_CLAIM_CHARS),
        not text[:1].isupper(),  # a clause that reads as a sentence
        c.sentence,  # earlier in the article: closer to the lede
        len(text),
    )


def best_claim(fact: Fact, origin_of: dict[str, str] | None = None) -> Claim | None:
    """The claim whose wording best represents the fact in a summary."""
    if not fact.claims:
        return None
    return min(fact.claims, key=lambda c: _claim_rank(c, origin_of or {}))


def _lead(fact: Fact) -> int:
    return min((c.sentence for c in fact.claims), default=10**6)


_WHAT = {"number": "the number", "date": "the date", "negation": "whether it is so",
         "modality": "how certain it is", "attribution": "who said it"}


def _what(cf: Conflict) -> str:
    if cf.kind == "entity":
        if "place" in cf.explanation:
            return "the place"
        return "who" if "person" in cf.explanation else "the party"
    if cf.kind == "modality" and any(str(v.value) == "scheduled" for v in cf.values):
        return "whether it has happened"  # `AlignParams.judge_planned_done`: planned vs done
    return _WHAT.get(cf.kind, cf.kind)




def _shown(cf: Conflict) -> list[str]:
    """The differing values as a reader sees them: the words for counts, dates, places and
    people; "asserted"/"hedged", "affirmed"/"negated" for the others."""
    use_value = cf.kind in ("negation", "modality")
    shown: dict[str, str] = {}
    for v in cf.values:
        text = (READER_VALUE_WORDS.get(str(v.value), str(v.value)) if use_value
                else " ".join(v.text.split()))
        # "Tuesday" and "11 March 2025" are one date: one side, shown by its first wording
        key = str(v.value) if cf.kind == "date" and v.value else text.lower()
        if text:
            shown.setdefault(key, text)
    return list(shown.values())


def _disputed(fact: Fact, arts: dict[str, Article], sents: dict[str, list[Sentence]],
              origin_of: dict[str, str]) -> tuple[str, list[str], str] | None:
    """What the sources disagree on, the differing values, and each side's own words:
    'Sources differ on the number (12 vs 19): A says "..."; B says "...".'"""
    conflict = next((c for c in fact.conflicts if c.severity == "contradiction"),
                    fact.conflicts[0] if fact.conflicts else None)
    if conflict and conflict.kind == "attribution":
        return _disputed_speaker(fact, conflict, arts, origin_of)
    picked: list[Claim] = []
    if conflict:
        seen_values: set[str] = set()
        for v in conflict.values:
            # one side per differing value: three outlets saying "12" are one side
            shown = " ".join(v.text.split()).lower() if conflict.kind not in (
                "negation", "modality") else str(v.value)
            if shown in seen_values:
                continue
            seen_values.add(shown)
            inside = [c for c in fact.claims if c.span.article == v.span.article
                      and c.span.start <= v.span.start and v.span.end <= c.span.end]
            same_art = [c for c in fact.claims if c.span.article == v.span.article]
            cand = inside or same_art
            if cand:
                c = min(cand, key=lambda c: _claim_rank(c, origin_of))
                if c not in picked and all(c.text.strip() != p.text.strip() for p in picked):
                    picked.append(c)
    if len(picked) < 2:  # no usable conflict values: contrast two articles' wordings
        by_art: dict[str, Claim] = {}
        for c in sorted(fact.claims, key=lambda c: _claim_rank(c, origin_of)):
            by_art.setdefault(c.span.article, c)
        picked = list(by_art.values())
    picked = picked[:3]
    # "Sources differ on the date: A says “Posted: March 3, 2011”" is page furniture, not news
    if not all(summary_worthy(c, _wording(c, arts, sents), arts) for c in picked):
        return None
    kind = conflict.kind if conflict else "wording"
    what = _what(conflict) if conflict else "the wording"
    shown = _shown(conflict) if conflict else []
    head = f"Sources differ on {what}"
    if len(shown) >= 2:
        head += " (" + " vs ".join(shown[:4]) + ")"
    parts = [f"{_outlet(arts.get(c.span.article), c.span.article)} says "
             f"\u201c{_wording(c, arts, sents)}\u201d" for c in picked]
    text = head + ": " + "; ".join(parts) + "."
    cited = list(dict.fromkeys(c.span.article for c in picked))
    return text, cited, f"disputed: {kind}"


def _disputed_speaker(fact: Fact, cf: Conflict, arts: dict[str, Article],
                      origin_of: dict[str, str]) -> tuple[str, list[str], str] | None:
    """'Sources differ on who said "...": A credits X; B credits Y.' One quote, two speakers:
    the words once, then who each outlet names."""
    best = min(fact.claims, key=lambda c: _claim_rank(c, origin_of))
    words = best.text.strip()
    if not summary_worthy(best, words, arts):
        return None
    by_speaker: dict[str, list[str]] = {}
    for v in cf.values:
        by_speaker.setdefault(str(v.value), []).append(v.span.article)
    # every outlet of the fact: copies credit whom their origin credits
    for c in fact.claims:
        if not any(c.span.article in arts_ for arts_ in by_speaker.values()):
            origin = origin_of.get(c.span.article, c.span.article)
            for arts_ in by_speaker.values():
                if origin in arts_ or any(origin_of.get(a, a) == origin for a in arts_):
                    arts_.append(c.span.article)
                    break
    parts = []
    for who, aids in by_speaker.items():
        outlets = [_outlet(arts.get(a), a) for a in dict.fromkeys(aids)]
        parts.append(f"{' and '.join(outlets)} credit{'s' if len(outlets) == 1 else ''} {who}")
    text = f"Sources differ on who said \u201c{words}\u201d: " + "; ".join(parts) + "."
    cited = list(dict.fromkeys(a for aids in by_speaker.values() for a in aids))
    return text, cited, "disputed: attribution"


def _near_duplicates(embed: Callable[[list[str]], Any] | None,
                     items: list[tuple[Fact, str]]) -> set[tuple[str, str]]:
    """Pairs of fact ids (both orders) whose wordings say one point: embedding cosine at least
    NEAR_DUPLICATE and a story entity in common."""
    if embed is None or len(items) < 2:
        return set()
    vecs = [list(map(float, v)) for v in embed([w for _, w in items])]
    norms = [sum(x * x for x in v) ** 0.5 or 1.0 for v in vecs]
    ents = [{e for c in f.claims for e in c.entities} for f, _ in items]
    out: set[tuple[str, str]] = set()
    for i in range(len(items)):
        for k in range(i + 1, len(items)):
            if not ents[i] & ents[k]:
                continue
            cos = sum(a * b for a, b in zip(vecs[i], vecs[k], strict=True)) / (norms[i] * norms[k])
            if cos >= NEAR_DUPLICATE:
                a, b = items[i][0].id, items[k][0].id
                out |= {(a, b), (b, a)}
    return out


def summarize(
    facts: list[Fact], articles: list[Article], origins: Origins | None = None,
    max_sentences: int = 8, *, entities: list[Entity] | None = None,
    analyses: list[Analysis] | None = None,
    embed: Callable[[list[str]], Any] | None = None,
) -> list[SummarySentence]:
    """At most `max_sentences` summary sentences: corroborated facts (most independent sources,
    then nearest the lede), up to a quarter disputed facts, one single-source fact or more when
    nothing else fills the slots. Each cites facts and article ids and states its support.

    With the story's `entities` and `analyses`, a corroborated fact whose outlets all relay one
    quoted authority says so ("… 2 independent outlets, both citing Norland (…)").

    A line that quotes a claim's whole source sentence takes that sentence from `analyses`
    (its kept sentence spans); without them a relayed claim cannot stand alone and an own
    fragment is shown as it is.

    With `embed` (texts -> vectors, the models the story already loaded), a corroborated or
    single-source item that repeats one already chosen (`NEAR_DUPLICATE`) is merged into it:
    its facts and articles are added to the earlier item and it takes no slot."""
    if max_sentences <= 0 or not facts:
        return []
    arts = {a.id: a for a in articles}
    origin_of = origins.origin_of if origins else {}
    nsrc = {f.id: len(_origin_set(f, origin_of)) for f in facts}
    order = {f.id: i for i, f in enumerate(facts)}

    def rank(f: Fact) -> tuple:
        return (-nsrc[f.id], -len(f.claims), _lead(f), order[f.id])

    corr = sorted((f for f in facts if f.status == "corroborated" and f.claims), key=rank)
    conf = sorted((f for f in facts if f.status == "conflicting" and f.claims),
                  key=lambda f: (not any(c.severity == "contradiction" for c in f.conflicts),
                                 *rank(f)))
    # a single-source item must be a statement worth a reader's time: a greeting or a heading
    # ("Good morning, Brenmouth.") has no verb and too few words to be one
    single = sorted((f for f in facts if f.status == "single_source" and f.claims
                     and _statement(f.claims[0].text)),
                    key=lambda f: (_lead(f), -len(f.claims[0].entities), order[f.id]))
    # only facts with a statement to show take a slot: a headline, a timestamp or a fragment
    # ("Posted: March 3, 2011") would otherwise fill it, and the slot would be lost
    sents = _sentences(analyses)
    words = {f.id: _first_standalone(f, arts, sents, origin_of) for f in corr + single}
    disputes = {f.id: _disputed(f, arts, sents, origin_of) for f in conf}
    # what a person is ("a four-term councillor") is background, not the story's news: an
    # attribute fact takes no corroborated slot (a disputed one still may)
    corr = [f for f in corr if words[f.id] is not None
            and not all(c.attribute is not None for c in f.claims)]
    single = [f for f in single if words[f.id] is not None]
    conf = [f for f in conf if disputes[f.id] is not None]

    cq = min(len(conf), max(1, max_sentences // 4))
    sq = min(len(single), max(1, max_sentences // 8))
    c_take = min(len(corr), max(max_sentences - cq - sq, 0))
    remaining = max_sentences - c_take
    f_take = min(len(conf), max(remaining - sq, 0))
    s_take = min(len(single), remaining - f_take)

    out: list[SummarySentence] = []
    seen: set[str] = set()
    used: set[tuple[str, int]] = set()  # (article, sentence) already quoted
    said_by: dict[str, int] = {}  # claim id -> index in `out` of the item quoting it

    near = _near_duplicates(embed, [(f, words[f.id][1]) for f in corr + single])  # type: ignore[index]
    kept: dict[int, str] = {}  # index in `out` of an item that may absorb repeats -> its fact

    def add(text: str, fact: Fact, cited: list[str], support: str,
            claim: Claim | None = None) -> bool:
        key = " ".join(text.lower().split())
        where = (claim.span.article, claim.sentence) if claim else None
        if claim is not None and claim.id in said_by and len(out) < max_sentences + 1:
            # one claim that states two facts (align.AlignParams.multi) is quoted once, citing both
            i = said_by[claim.id]
            out[i].facts.append(fact.id)
            out[i].articles += [a for a in cited if a not in out[i].articles]
            return False
        if key in seen or where in used or len(out) >= max_sentences:
            return False
        for i, fid in kept.items():
            if (fid, fact.id) in near:  # the same point again: cite its sources on the first
                out[i].facts.append(fact.id)
                out[i].articles += [a for a in cited if a not in out[i].articles]
                return False
        seen.add(key)
        if where:
            used.add(where)
        if claim is not None:
            kept[len(out)] = fact.id
            said_by[claim.id] = len(out)
        out.append(SummarySentence(text=text, facts=[fact.id], articles=cited, support=support))
        return True

    taken = 0
    for f in corr:
        if taken >= c_take:
            break
        c, wording = words[f.id]  # type: ignore[misc]
        cited = list(dict.fromkeys(cl.span.article for cl in f.claims))
        support = f"corroborated by {nsrc[f.id]} independent sources"
        if len(cited) > nsrc[f.id]:  # the cited list is longer: say why
            support += f" ({len(cited)} articles; copies of one story count once)"
        # two outlets relaying one authority are not two witnesses: the wording must say so
        if entities is not None or analyses is not None:
            note = cited_note(cited_sources(f, entities or [], analyses or []), len(cited))
            support = qualify_support(support, note)
        for cf in f.conflicts:  # a discrepancy does not dispute the fact, but a reader should know
            shown = _shown(cf)
            if len(shown) >= 2:
                support += f"; they differ in detail on {_what(cf)} ({' vs '.join(shown[:4])})"
                break
        taken += add(wording, f, cited, support, c)
    taken = 0
    for f in conf:
        if taken >= f_take:
            break
        text, cited, support = disputes[f.id]  # type: ignore[misc]
        taken += add(text, f, cited, support)
    taken = 0
    for f in single:
        if taken >= s_take:
            break
        c, wording = words[f.id]  # type: ignore[misc]
        cited = list(dict.fromkeys(cl.span.article for cl in f.claims))
        outlet = _outlet(arts.get(c.span.article), c.span.article)
        support = f"single source: {outlet}"
        if len(cited) > 1:  # one origin carried by its copies
            support += f" (carried by {len(cited)} outlets)"
        taken += add(wording, f, cited, support, c)
    return out[:max_sentences]
