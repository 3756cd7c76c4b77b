"""A short extractive summary of a story built from its judged facts.

Decides which facts make the summary (corroborated first, then the most important disputes,
then a single-source lead) and which source wording represents each; every sentence cites its
facts and articles and says how well it is supported. It never writes new claims: sentences are
source claims, trimmed, or source claims quoted side by side under "Sources differ".
"""

from __future__ import annotations

from .model import Article, Claim, Fact, SummarySentence
from .syndication import Origins

MIN_CLAIM_CHARS = 25  # shorter claim units are fragments, poor summary sentences
MAX_CLAIM_CHARS = 320


def _outlet(a: Article | None, aid: str) -> str:
    # a reader knows an article by its outlet, else its headline; a content hash says nothing
    return (a.source or a.title or a.id) if a else aid


def _origin_set(fact: Fact, origin_of: dict[str, str]) -> set[str]:
    arts = {c.span.article for c in fact.claims}
    if origin_of:
        return {origin_of.get(a, a) for a in arts}
    return set(fact.origins) or arts


def _claim_rank(c: Claim, origin_of: dict[str, str]) -> tuple:
    text = c.text.strip()
    return (
        origin_of.get(c.span.article, c.span.article) != c.span.article,  # origin over copies
        c.asserted_by is not None,  # the outlet's own statement over a relayed one
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


def _disputed(fact: Fact, arts: dict[str, Article], origin_of: dict[str, str]) -> tuple[str, list[str], str]:
    """"Sources differ on the number: A says "...". B says "..."." from the fact's claims."""
    conflict = next((c for c in fact.conflicts if c.severity == "contradiction"),
                    fact.conflicts[0] if fact.conflicts else None)
    picked: list[Claim] = []
    if conflict:
        for v in conflict.values:
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
    kind = conflict.kind if conflict else "wording"
    parts = [f"{_outlet(arts.get(c.span.article), c.span.article)} says \u201c{c.text.strip()}\u201d"
             for c in picked]
    text = f"Sources differ on the {kind}: " + "; ".join(parts) + "."
    cited = list(dict.fromkeys(c.span.article for c in picked))
    return text, cited, f"disputed: {kind}"


def summarize(
    facts: list[Fact], articles: list[Article], origins: Origins | None = None,
    max_sentences: int = 8,
) -> list[SummarySentence]:
    """At most `max_sentences` summary sentences: corroborated facts (most independent sources,
    then nearest the lede), up to a quarter disputed facts, one single-source fact or more when
    nothing else fills the slots. Each cites facts and article ids and states its support."""
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
    single = sorted((f for f in facts if f.status == "single_source" and f.claims),
                    key=lambda f: (_lead(f), -len(f.claims[0].entities), order[f.id]))

    cq = min(len(conf), max(1, max_sentences // 4))
    sq = min(len(single), max(1, max_sentences // 8))
    c_take = min(len(corr), max(max_sentences - cq - sq, 0))
    remaining = max_sentences - c_take
    f_take = min(len(conf), max(remaining - sq, 0))
    s_take = min(len(single), remaining - f_take)

    out: list[SummarySentence] = []
    seen: set[str] = set()

    def add(text: str, fact: Fact, cited: list[str], support: str) -> None:
        key = " ".join(text.lower().split())
        if key in seen or len(out) >= max_sentences:
            return
        seen.add(key)
        out.append(SummarySentence(text=text, facts=[fact.id], articles=cited, support=support))

    for f in corr[:c_take]:
        c = best_claim(f, origin_of)
        cited = list(dict.fromkeys(cl.span.article for cl in f.claims))
        add(c.text.strip(), f, cited, f"corroborated by {nsrc[f.id]} independent sources")
    for f in conf[:f_take]:
        text, cited, support = _disputed(f, arts, origin_of)
        add(text, f, cited, support)
    for f in single[:s_take]:
        c = best_claim(f, origin_of)
        cited = list(dict.fromkeys(cl.span.article for cl in f.claims))
        outlet = _outlet(arts.get(c.span.article), c.span.article)
        support = f"single source: {outlet}"
        if len(cited) > 1:  # one origin carried by its copies
            support += f" (carried by {len(cited)} outlets)"
        add(c.text.strip(), f, cited, support)
    return out[:max_sentences]
