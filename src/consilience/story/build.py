"""Story comparison: from analysed articles of one story to a Report of judged facts.

Wires the stages in order (origins -> entities -> claims -> quotes -> alignment -> judging ->
timeline -> summary) and guarantees every claim of every article lands in one fact, or in two when
it states two (`align.AlignParams.multi`). It
makes no decision of its own beyond linking claims to the story quotes they carry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import UTC
from typing import Any

from ..model import (
    Analysis,
    Article,
    Claim,
    ClaimGroups,
    Origins,
    Report,
    Resolution,
    StoryQuote,
)
from ..resources import Models
from ..unionfind import UnionFind
from . import align as align_stage
from .align import align
from .attributes import attribute_claims, attribute_groups, attribute_heading, thing_groups
from .claims import extract_claims
from .judge import judge
from .namefind import (
    with_lengthened_names,
    with_name_forms,
    with_name_parts,
    with_untagged_names,
)
from .namelearn import (
    MODEL_PATH_R25,
    MODEL_PATH_R26,
    EitherScorer,
    LearnedScorer,
    learned_scorer,
)
from .namepairs import scorer as name_scorer
from .numbered import with_numbered_names
from .orgnames import with_introduced_orgs
from .quotes_across import merge_quotes
from .resolve import ResolveOptions, resolve
from .sources import cite_name
from .summary import summarize
from .syndication import find_origins
from .timeline import build_timeline
from .values import Role, value_roles


def _link_quotes(claims: list[Claim], quotes: list[StoryQuote]) -> list[Claim]:
    """The claims, each that is the content of an article quote now naming the StoryQuote whose
    carrier it lies in (largest overlap), or None when no story quote carries it."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for sq in quotes:
        for sp in sq.carriers or [sq.span]:
            by_article.setdefault(sp.article, []).append((sp.start, sp.end, sq.id))
    out = []
    for c in claims:
        if c.article_quote is None:
            out.append(c)
            continue
        best, best_ov = None, 0
        for s, e, qid in by_article.get(c.span.article, []):
            ov = min(e, c.span.end) - max(s, c.span.start)
            if ov > best_ov:
                best, best_ov = qid, ov
        out.append(replace(c, quote=best))
    return out


def _merge_origins(articles, found: Origins, given: Origins) -> Origins:
    """Union of two copy judgements: an article is a copy when either one says so (corpus mode
    sees copies across the whole store, the story comparison sees verbatim passages)."""
    sets = UnionFind(a.id for a in articles)
    for o in (found, given):
        for art, origin in o.origin_of.items():
            if art in sets and origin in sets:
                sets.union(art, origin)
    order = {a.id: (a.published is None, a.published or 0, n) for n, a in enumerate(articles)}
    merged = Origins()
    for members in sets.groups():
        first = min(members, key=lambda m: (order[m][0], str(order[m][1]), order[m][2]))
        for m in members:
            merged.origin_of[m] = first
        if len(members) > 1:
            merged.copies[first] = [m for m in members if m != first]
    merged.overlap = {**given.overlap, **found.overlap}
    return merged


_DESCRIPTION = re.compile(r"\s*\([^()]*\)\s*$")


def _outlet_key(a: Article) -> str:
    """The outlet an article names as its source, case and spacing ignored ("" for none). A
    description in brackets at the end ("The Tarsk Weekly (vox pop from the market)") says what
    the outlet published, not who it is: two articles of one outlet may describe themselves
    differently."""
    name = " ".join((a.source or "").lower().split())
    return _DESCRIPTION.sub("", name) or name


def outlet_origins(articles: list[Article]) -> Origins:
    """Articles that name one outlet as their source (case and spacing ignored) are one source
    of facts: the outlet's first article stands for the others. Articles without a stated
    source are each their own."""
    first: dict[str, str] = {}
    out = Origins()
    for a in articles:
        key = _outlet_key(a)
        if not key:
            continue
        origin = first.setdefault(key, a.id)
        out.origin_of[a.id] = origin
    return out


def outlet_updates(articles: list[Article]) -> dict[str, int]:
    """Article id -> its rank in publication order among its outlet's articles, for every
    outlet (`outlet_origins`) that published more than one article here. `articles` come in
    canonical order (publication time first), so the rank is the order of appearance."""
    by_outlet: dict[str, list[str]] = {}
    for a in articles:
        key = _outlet_key(a)
        if key:
            by_outlet.setdefault(key, []).append(a.id)
    return {aid: n for ids in by_outlet.values() if len(ids) > 1 for n, aid in enumerate(ids)}


def canonical_order(an: Analysis) -> tuple:
    """Articles by publication instant (an offset-less time read as UTC; undated last), then by
    id, numbers in ids compared as numbers ("a2" before "a10"). Input order never matters."""
    when = an.article.published
    instant = (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp() if when else 0.0
    parts = re.split(r"(\d+)", an.article.id)
    return (when is None, instant, [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts])


def story_analyses(analyses: list[Analysis], options: ResolveOptions | None = None
                   ) -> list[Analysis]:
    """The analyses the story stages read: with `ResolveOptions.name_forms`, the person names
    the tagger missed added (`namefind.with_untagged_names`); else the analyses as given. The
    bench scripts that resolve by themselves call it as the engine does."""
    options = options or resolve_options()
    if options.org_intros:  # organisations an introduction names ("r15-orgs")
        analyses = with_introduced_orgs(analyses)
    if options.numbered_apart:  # a name cut before its number ("r17-nameless")
        analyses = with_numbered_names(analyses)
    if options.name_traditions:  # names in capitals, chains, honorifics ("r16-names3")
        analyses = with_name_forms(analyses, options.name_alone and options.name_korean)
    if options.name_lengthen:  # a name the tagger began too late ("r19-names8")
        analyses = with_lengthened_names(analyses)
    if options.name_forms:
        analyses = with_untagged_names(analyses, options.name_model)
    if options.name_alone:  # name parts of the story's known persons ("r17-nameless")
        analyses = with_name_parts(analyses, options.name_known_forms)
    return analyses


def _name_learned(params: align_stage.AlignParams) -> LearnedScorer | EitherScorer:
    """The learned name matcher the params choose: round 20's file, round 25's or round 26's
    (`resolve_name_learned_r25` / `_r26`); with `resolve_name_learned_r26_either`, round 26's
    and round 20's asked as one (either at its own bar)."""
    bar = params.resolve_name_learned_threshold or None
    path = (str(MODEL_PATH_R26) if params.resolve_name_learned_r26
            else str(MODEL_PATH_R25) if params.resolve_name_learned_r25 else None)
    scorer = learned_scorer(bar, path)
    if params.resolve_name_learned_r26 and params.resolve_name_learned_r26_either:
        return EitherScorer(scorer, learned_scorer(bar))
    return scorer


def resolve_options() -> ResolveOptions:
    """The resolver's options as the engine's switches stand now (a bench run's `--set` may have
    replaced the alignment defaults): the one place that maps them."""
    params = align_stage.DEFAULT_PARAMS
    model = (name_scorer(params.resolve_name_threshold or None) if params.resolve_name_model
             else None)
    return ResolveOptions(name_variants=params.resolve_name_variants,
                          name_forms=params.resolve_name_forms, name_model=model,
                          name_apart=params.resolve_name_apart,
                          name_traditions=params.resolve_name_traditions,
                          name_korean=params.resolve_name_korean,
                          numbered_apart=params.resolve_numbered_apart,
                          name_alone=params.resolve_name_alone,
                          name_initials=params.resolve_name_initials,
                          name_initial_order=params.resolve_name_initial_order,
                          name_titled=params.resolve_name_titled,
                          name_adjacent=params.resolve_name_adjacent,
                          letter_folds=params.resolve_letter_folds,
                          name_honorifics=params.resolve_name_honorifics,
                          name_given_part=params.resolve_name_given_part,
                          name_elder_marks=params.resolve_name_elder_marks,
                          name_known_forms=params.resolve_name_known_forms,
                          name_generation_split=params.resolve_name_generation_split,
                          name_order_tie=params.resolve_name_order_tie,
                          name_title_words=params.resolve_name_title_words,
                          name_compound_given=params.resolve_name_compound_given,
                          name_yi_onset=params.resolve_name_yi_onset,
                          name_wade_giles=params.resolve_name_wade_giles,
                          name_double_surname=params.resolve_name_double_surname,
                          name_lengthen=params.resolve_name_lengthen,
                          org_intros=params.resolve_org_intros,
                          org_cognates=params.resolve_org_cognates,
                          org_acronym_order=params.resolve_org_acronym_order,
                          org_kinds=params.resolve_org_kinds,
                          org_translations=params.resolve_org_translations,
                          name_learned=_name_learned(params)
                          if params.resolve_name_learned else None,
                          name_learned_veto=params.resolve_name_learned_veto,
                          name_story_types=params.resolve_name_story_types,
                          name_role_mentions=params.resolve_name_role_mentions,
                          name_family_apart=params.resolve_name_family_apart,
                          name_age_apart=params.resolve_name_age_apart,
                          name_age_gap=params.resolve_name_age_gap,
                          role_nouns=params.resolve_role_nouns,
                          relation_mentions=params.resolve_relation_mentions,
                          role_implicit=params.resolve_role_implicit,
                          role_name_bar=params.resolve_role_name_bar)


def alignment_inputs(
    analyses: list[Analysis], resolution: Resolution, origins: Origins, models: Models
) -> tuple[list[Claim], list[StoryQuote], dict[tuple[str, int], Role], dict[str, Any]]:
    """What alignment reads, as the report builds it (the matcher's training reads it too):
    the claims linked to their story quotes, the quotes, each number's role, the kept parses."""
    # the alignment defaults as they are now (a bench run may have replaced them)
    cut = align_stage.DEFAULT_PARAMS.coordinated_values
    month = align_stage.DEFAULT_PARAMS.judge_month_modal
    pol = align_stage.DEFAULT_PARAMS.claim_clause_polarity
    semi = align_stage.DEFAULT_PARAMS.claim_semicolon
    semi_values = align_stage.DEFAULT_PARAMS.claim_semicolon_values
    bound_sums = align_stage.DEFAULT_PARAMS.claim_bound_sums
    since_year = align_stage.DEFAULT_PARAMS.claim_since_year
    claims = [c for an in analyses for c in extract_claims(an, resolution, coordinated_values=cut,
                                                           month_modal=month,
                                                           clause_polarity=pol,
                                                           semicolon=semi,
                                                           semicolon_values=semi_values,
                                                           bound_sums=bound_sums,
                                                           since_year=since_year)]
    quotes = merge_quotes(analyses, resolution, origins)
    claims = _link_quotes(claims, quotes)
    # the parse analysis kept: value roles and the judge read it instead of parsing again
    # (alignment parses each claim alone unless AlignParams.kept_parse, docs/quality.md)
    docs = {an.article.id: an.doc for an in analyses if an.doc is not None}
    # what each number measures: alignment joins counts of one role, the judge compares them
    # the publication month of each article dates "last year's" and a quarter told alone
    published = {an.article.id: (an.article.published.year, an.article.published.month)
                 for an in analyses if an.article.published is not None}
    roles = value_roles(claims, models.nlp, docs,
                        tallies=align_stage.DEFAULT_PARAMS.tally_values,
                        periods=align_stage.DEFAULT_PARAMS.value_periods,
                        measures=align_stage.DEFAULT_PARAMS.value_things,
                        published=published)
    return claims, quotes, roles, docs


def compare_analyses(
    analyses: list[Analysis], models: Models, *, origins: Origins | None = None
) -> Report:
    """The full comparison of one story's analysed articles. Fills every Report field. Articles
    are taken in `canonical_order` (by publication time, then id), never in input order.

    `origins`, when given (corpus mode's near-duplicate groups), is merged with the copies found
    here, so copies of one wire story never count as independent corroboration.
    """
    # One order whatever order the inputs came in, so the same articles give the same report
    analyses = sorted(analyses, key=canonical_order)
    seen: set[str] = set()
    for an in analyses:
        if an.article.id in seen:
            raise ValueError(f"article id {an.article.id!r}: given twice; ids must be unique")
        seen.add(an.article.id)
    articles = [an.article for an in analyses]
    found = find_origins(articles)
    origins = found if origins is None else _merge_origins(articles, found, origins)
    options = resolve_options()
    analyses = story_analyses(analyses, options)  # names the tagger missed ("r14-names2")
    resolution = resolve(analyses, options)
    claims, quotes, roles, docs = alignment_inputs(analyses, resolution, origins, models)
    # which claims of a fact surely state one fact: a conflict is shown only on such a pair
    sure = align_stage.SurePairs() if align_stage.DEFAULT_PARAMS.conflict_sure else None
    groups: ClaimGroups = align(claims, models, roles=roles, docs=docs, quotes=quotes, sure=sure)
    # what two articles say one person is ("a four-term councillor"): grouped by attribute,
    # apart from the sentence claims that hold the same words
    described = attribute_claims(analyses, resolution)
    groups = groups + attribute_groups(described)
    claims = claims + described
    if align_stage.DEFAULT_PARAMS.attribute_things:
        # what two articles say one thing is: "the tunnel, the only road link ..." against
        # "the tunnel is the only road link ..." (`attributes.thing_groups`)
        things, thing_facts = thing_groups(analyses, resolution)
        groups = groups + thing_facts
        claims = claims + things
    # a corroboration counts sources: articles of one outlet speak once, like wire copies
    sources = _merge_origins(articles, origins, outlet_origins(articles))
    facts = judge(groups, sources, resolution, texts={a.id: a.text for a in articles},
                  roles=roles, docs=docs, sure=sure,
                  disputed=sure.disputed if sure is not None
                  and align_stage.DEFAULT_PARAMS.dispute_across else None,
                  updates=outlet_updates(articles),
                  names={a.id: cite_name(a) for a in articles})
    # the contract every consumer relies on: each claim in one fact, or two when it states two
    # (align.AlignParams.multi), never twice in one fact
    placed = Counter(c.id for f in facts for c in f.claims)
    if set(placed) != {c.id for c in claims} or max(placed.values(), default=1) > 2 \
            or any(len({c.id for c in f.claims}) != len(f.claims) for f in facts):
        raise RuntimeError("internal error: claims lost or duplicated between alignment and facts")
    facts = [replace(f, text=heading) if (heading := attribute_heading(f, resolution.entities))
             else f for f in facts]
    return Report(
        articles=articles,
        origins=dict(origins.origin_of),
        copies={k: list(v) for k, v in origins.copies.items()},
        entities=list(resolution.entities),
        quotes=quotes,
        facts=facts,
        timeline=build_timeline(facts, analyses),
        summary=summarize(facts, articles, sources, max_sentences=8,
                          entities=list(resolution.entities), analyses=list(analyses),
                          embed=models.embed),
        analyses=list(analyses),
    )
