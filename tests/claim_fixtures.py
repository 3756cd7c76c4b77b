"""Hand-built analyses of fictional mini-stories for the claims / align / judge / compare tests.

`Story.add` takes sentences and annotations located by substring, so fixtures stay readable and
independent of the extractors' progress. Every outlet, place and person here is invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consilience.model import (
    Analysis,
    Article,
    Claim,
    Clause,
    Entity,
    Mention,
    Quantity,
    Quote,
    Sentence,
    Span,
    TimeExpr,
)
from consilience.story.align import DEFAULT_PARAMS, AlignParams, _Scorer
from consilience.story.judge import judge
from consilience.story.resolve import Resolution
from consilience.story.syndication import Origins
from consilience.story.values import value_roles


def _find(text: str, sub: str, after: int = 0) -> tuple[int, int]:
    i = text.index(sub, after)
    return i, i + len(sub)


def _near(text: str, sub: str, at: int) -> tuple[int, int]:
    """The occurrence of `sub` nearest before `at` (a quote's cue or speaker), else after it."""
    i = text.rfind(sub, 0, at)
    return (i, i + len(sub)) if i >= 0 else _find(text, sub, at)


@dataclass
class Story:
    analyses: list[Analysis] = field(default_factory=list)
    resolution: Resolution = field(default_factory=Resolution)
    origin_of: dict[str, str] = field(default_factory=dict)
    _types: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        aid: str,
        sentences: list[str],
        *,
        dateline: str = "",
        entities: list[tuple[str, str, str]] = (),  # (surface, type, story entity key)
        quantities: list[tuple[str, float, float, str | None, bool]] = (),
        times: list[tuple[str, str | None]] = (),
        clauses: list[tuple[str, str, bool]] = (),  # (surface, certainty, negated)
        # (content, kind, speaker key[, cue surface[, speaker surface[, speaker name]]])
        quotes: list[tuple] = (),
        origin: str | None = None,
    ) -> Analysis:
        text = dateline + " ".join(sentences)
        sents, pos = [], len(dateline)
        for i, s in enumerate(sentences):
            # the first sentence includes the dateline, as a sentence splitter would leave it
            sents.append(Sentence(0 if i == 0 else pos, pos + len(s)))
            pos += len(s) + 1
        art = Article(id=aid, text=text, source=f"The {aid.title()} Courier",
                      body_start=len(dateline))
        an = Analysis(article=art, sentences=sents)
        for surface, type_, key in entities:
            after = 0
            while surface in text[after:]:
                s, e = _find(text, surface, after)
                an.mentions.append(Mention(s, e, surface, type_, entity=f"{aid}-{key}"))
                self.resolution.by_mention[(aid, len(an.mentions) - 1)] = key
                self.resolution.by_local[(aid, f"{aid}-{key}")] = key
                self._entity(key, surface, type_).mentions.append(Span(aid, s, e))
                after = e
        for surface, low, high, unit, approx in quantities:
            s, e = _find(text, surface)
            an.quantities.append(Quantity(s, e, surface, low, high, unit, approx))
        for surface, value in times:
            s, e = _find(text, surface)
            an.times.append(TimeExpr(s, e, surface, value, relative=value is None))
        for surface, certainty, negated in clauses:
            s, e = _find(text, surface)
            an.clauses.append(Clause(s, e, certainty, negated))  # type: ignore[arg-type]
        for content, kind, speaker, *more in quotes:
            s, e = _find(text, content)
            q = Quote(s, e, content, kind,  # type: ignore[arg-type]
                      speaker_name=self._types.get(f"name:{speaker}", speaker),
                      speaker_entity=f"{aid}-{speaker}" if speaker else None)
            # optional cue and speaker words, located in the text, and a stated speaker name
            if len(more) > 0 and more[0]:
                q.cue = more[0]
                q.cue_start, q.cue_end = _near(text, more[0], s)
            if len(more) > 1 and more[1]:
                q.speaker_start, q.speaker_end = _near(text, more[1], s)
            if len(more) > 2 and more[2]:
                q.speaker_name = more[2]
            an.quotes.append(q)
        self.analyses.append(an)
        self.origin_of[aid] = origin or aid
        return an

    def _entity(self, key: str, name: str, type_: str) -> Entity:
        for e in self.resolution.entities:
            if e.id == key:
                return e
        ent = Entity(id=key, name=name, type=type_)
        self.resolution.entities.append(ent)
        return ent

    @property
    def origins(self) -> Origins:
        copies: dict[str, list[str]] = {}
        for aid, o in self.origin_of.items():
            if aid != o:
                copies.setdefault(o, []).append(aid)
        return Origins(origin_of=dict(self.origin_of), copies=copies)


def scorers_by_switch(models, texts: list[str], switch: str, values) -> dict:
    """One parsed alignment scorer per value of one `AlignParams` field, over one claim per text
    (claim k is article "a{k}"; embeddings are unit vectors, so only the rules decide)."""
    from dataclasses import replace

    import numpy as np

    from consilience.story.align import DEFAULT_PARAMS, _Scorer

    claims = [Claim(id=f"a{k}:c0", span=Span(f"a{k}", 0, len(t)), text=t, sentence=0)
              for k, t in enumerate(texts)]
    vecs = np.eye(len(claims), dtype=np.float32)
    out = {}
    for value in values:
        sc = _Scorer(claims, vecs, replace(DEFAULT_PARAMS, **{switch: value}))
        sc.parse(models.nlp, models.embed)
        out[value] = sc
    return out


def ruled_out_conflicts(nlp, alpha: list[str]) -> int:
    """Entity conflicts the judge shows when article "alpha" tells `alpha` (about Ras Holm and/or
    Ivo Vine) and article "beta" only that Ivo Vine was ruled out for the season; alpha's first
    claim is grouped with beta's, its others stand alone."""
    from consilience.story.claims import extract_claims
    from consilience.story.judge import judge

    st = Story()
    people = [("Ras Holm", "PERSON", "holm"), ("Ivo Vine", "PERSON", "vine")]
    a = extract_claims(st.add("alpha", sentences=alpha,
                              entities=[p for p in people if any(p[0] in s for s in alpha)]),
                       st.resolution)
    b = extract_claims(st.add("beta", sentences=["Ivo Vine was ruled out for the season."],
                              entities=[people[1]]), st.resolution)
    docs = {an.article.id: nlp(an.article.text) for an in st.analyses}
    texts = {an.article.id: an.article.text for an in st.analyses}
    facts = judge([[a[0], b[0]], *([c] for c in a[1:])], st.origins, st.resolution,
                  texts=texts, docs=docs, cross_fact=False)
    return sum(cf.kind == "entity" for f in facts for cf in f.conflicts)


FILLER_A = ["The harbour board will meet on Friday.", "Ferries ran as usual."]
FILLER_B = ["The union asked for an inquiry.", "The quay reopened at noon."]


def two_outlet_claims(a: str, b: str, ents, times_a=(), times_b=(), qa=(), qb=(),
                      filler_a=FILLER_A, filler_b=FILLER_B) -> list:
    """The claims of two fictional outlets, "gull" telling `a` and "tern" telling `b`, each
    followed by two unrelated filler sentences, with the given entities, times and quantities."""
    from consilience.story.claims import extract_claims

    st = Story()
    st.add("gull", [a, *filler_a], entities=list(ents), times=list(times_a), quantities=list(qa))
    st.add("tern", [b, *filler_b], entities=list(ents), times=list(times_b), quantities=list(qb))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def together(groups, x: str, y: str) -> bool:
    """Some fact holds a claim cut from the start of sentence x and one from that of y."""
    return any(any(x.startswith(c.text) for c in g) and any(y.startswith(c.text) for c in g)
               for g in groups)


def parsed_scorer(models, claims: list[Claim], params: AlignParams | None = None,
                  roles=None) -> _Scorer:
    """The pair scorer over claims as `align` builds it: embedded, parsed, with value roles
    (read from the claims with `values.value_roles` unless given)."""
    from consilience.story.values import value_roles

    sc = _Scorer(claims, models.embed([c.text for c in claims]), params or DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed)
    sc.set_roles(value_roles(claims, models.nlp, None) if roles is None else roles)
    return sc


def claim_at(claims: list[Claim], article: str, words: str) -> int:
    """The index of the one claim of `article` whose text holds `words`."""
    [k] = [k for k, c in enumerate(claims) if c.span.article == article and words in c.text]
    return k


def parsed_claims(models, texts: dict[str, str]):
    """Claims of fictional articles ({id: text}) through analysis and resolution, with their value
    roles: the inputs `align` takes in the end-to-end alignment tests."""
    from consilience.analysis import analyze
    from consilience.model import Article
    from consilience.story.claims import extract_claims
    from consilience.story.resolve import resolve
    from consilience.story.values import value_roles

    ans = analyze([Article(id=a, text=t) for a, t in texts.items()], models)
    claims = [c for an in ans for c in extract_claims(an, resolve(ans))]
    return claims, value_roles(claims, models.nlp, None)


def joined_across(groups, a: str, b: str, left: str = "gull", right: str = "tern") -> bool:
    """Some fact holds a claim of `left` with `a` in it and one of `right` with `b` in it."""
    return any(any(c.span.article == left and a in c.text for c in g)
               and any(c.span.article == right and b in c.text for c in g) for g in groups)


def joined_with_rules(models, a: str, b: str, params, left: str, right: str) -> tuple[bool, dict]:
    """Two fictional articles ("gull", "tern") aligned with `params`: whether a fact holds a
    claim of the first with `left` in it and one of the second with `right`, and the rule that
    scored each joined pair (`Trace`)."""
    from consilience.story.align import Trace, align

    claims, roles = parsed_claims(models, {"gull": a, "tern": b})
    trace = Trace()
    groups = align(claims, models, params, roles=roles, trace=trace)
    return joined_across(groups, left, right), dict(trace.scorer.rule)


NumberRow = tuple[str, str, "float | None", "float | None", "str | None"]


def one_number_claim(aid: str, text: str, number: str, low: float | None, high: float | None,
                     unit: str | None, approximate: bool = False) -> Claim:
    """A claim over all of `text` whose one quantity is `number` (its first occurrence)."""
    s = text.index(number)
    q = Quantity(s, s + len(number), number, low, high, unit=unit, approximate=approximate)
    return Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                 quantities=[q])


def number_conflicts(nlp, *rows: NumberRow, open_is_approximate: bool = False) -> int:
    """Number conflicts the judge finds in one fact made of one claim per row (one article
    each); `open_is_approximate`: a row with no upper bound is an approximate value."""
    claims, docs = [], {}
    for n, (text, number, low, high, unit) in enumerate(rows):
        c = one_number_claim(f"a{n}", text, number, low, high, unit,
                             approximate=open_is_approximate and high is None)
        claims.append(c)
        docs[c.span.article] = nlp(text)
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, roles=roles)
    return sum(cf.kind == "number" for cf in fact.conflicts)
