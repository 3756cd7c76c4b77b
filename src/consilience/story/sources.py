"""Whom a fact's outlets cite: when every claim of a fact is credited to a quoted source, the
sources cited, one per authority ("Norland's coast guard" and "Norland officials" are both
Norland), with each article's own words naming it. It never changes a status; it only lets
the wording say that two outlets relaying one authority are not two independent witnesses.
Also how an article is named when cited (`cite_name`). The summary and every format use these.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..lexicon.names import WEAK_NAME_FORMS
from ..lexicon.people import (
    INSTITUTION_NOUNS,
    UNNAMED_SOURCE_OPENERS,
    VAGUE_SPEAKERS_POSSESSIVE,
)
from ..model import Analysis, Article, Claim, Entity, Fact, Span

UNNAMED = "unnamed source"  # what claims.py writes when a quote names no speaker

# words that make "officials", "a senior official", "sources close to the talks" unnamed: no
# proper name after the first word, and the first word one of these (or in lower case)
_GENERIC_FIRST = UNNAMED_SOURCE_OPENERS
_PRONOUNS = VAGUE_SPEAKERS_POSSESSIVE
# one-word names that say too little to tie a speaker to an entity ("South African officials"
# is not South Korea, whose short form is "South")
_WEAK_FORMS = WEAK_NAME_FORMS
_POSSESSIVE = re.compile(r"^['’]s\b")


@dataclass
class CitedSource:
    """One authority the outlets cite for a fact."""

    name: str  # the entity's name, the speaker as stated, or "unnamed source"
    entity: str | None = None  # story-level entity id when the speaker is a resolved entity
    unnamed: bool = False
    # each article's own words naming it: (span, text); the span indexes the article's text
    wordings: list[tuple[Span, str]] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # the entity's other names ("Putin")


# "the city council", "the fire service": one body is named, even in lower case
_INSTITUTIONS = INSTITUTION_NOUNS


def is_unnamed(name: str | None) -> bool:
    """'officials', 'a senior official', 'sources close to the talks': no one is named."""
    if not name or name.strip().lower() == UNNAMED:
        return True
    words = [w.strip(",.;:()\"'“”‘’") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return True
    if any(w[:1].isupper() for w in words[1:]):
        return False
    if len(words) <= 4 and words[0].lower() in ("the", "its", "their") \
            and words[-1].lower() in _INSTITUTIONS:
        return False
    return not words[0][:1].isupper() or words[0].lower() in _GENERIC_FIRST


def _match_entity(name: str, entities: list[Entity]) -> Entity | None:
    """The entity a speaker phrase names ("the Norland coast guard" -> Norland): a name or
    alias found as whole words; the head of the phrase wins over a possessive modifier
    ("Putin's aide Yuri Ushakov" is Ushakov), then the last one found."""
    found: list[tuple[bool, int, Entity]] = []
    for ent in entities:
        for form in {ent.name, *ent.aliases}:
            if len(form) < 3 or not form[:1].isupper() or form.lower() in _WEAK_FORMS:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", name):
                possessive = bool(_POSSESSIVE.match(name[m.end():]))
                found.append((not possessive, m.end(), ent))
    if not found:
        return None
    return max(found, key=lambda t: (t[0], t[1]))[2]


def _quote_of(claim: Claim, analyses: dict[str, Analysis]):
    """The article's own quote record a claim is (part of) the content of: the largest overlap."""
    an = analyses.get(claim.span.article)
    if an is None:
        return None, None
    best, best_ov = None, 0
    for q in an.quotes:
        ov = min(q.end, claim.span.end) - max(q.start, claim.span.start)
        if ov > best_ov:
            best, best_ov = q, ov
    return best, an


def _wording(claim: Claim, analyses: dict[str, Analysis],
             by_name: bool) -> tuple[Span, str] | None:
    """The article's words naming whom the claim is credited to, as a span of its text: the
    quote's speaker phrase (not a pronoun), else the stated name found just before the claim."""
    q, an = _quote_of(claim, analyses)
    if q is not None and an is not None and q.speaker_start is not None \
            and q.speaker_end is not None and 0 <= q.speaker_start < q.speaker_end \
            <= len(an.article.text):
        words = an.article.text[q.speaker_start:q.speaker_end]
        if words.strip().lower() not in _PRONOUNS:
            return Span(claim.span.article, q.speaker_start, q.speaker_end), " ".join(words.split())
    name = claim.speaker_key
    an = analyses.get(claim.span.article)
    if by_name and an is not None and name and name.strip().lower() != UNNAMED:
        text = an.article.text
        lo = max(0, claim.span.start - 300)
        i = text.rfind(name, lo, claim.span.end + 300)
        if i >= 0:
            return Span(claim.span.article, i, i + len(name)), " ".join(name.split())
    return None


def cited_sources(fact: Fact, entities: Iterable[Entity] = (),
                  analyses: Iterable[Analysis] = ()) -> list[CitedSource]:
    """The sources a fact's claims are credited to, one per authority, in claim order; [] when
    any claim is the outlet's own statement (then the outlets themselves are the sources)."""
    if not fact.claims or any(not c.attributed for c in fact.claims):
        return []
    ents = list(entities)
    by_id = {e.id: e for e in ents}
    ans = {an.article.id: an for an in analyses}
    groups: dict[str, CitedSource] = {}
    for c in fact.claims:
        who = str(c.speaker_key)
        ent = by_id.get(who)
        if ent is None and not is_unnamed(who):
            ent = _match_entity(who, ents)
        # a capital speaks for its country ("Tallo said" and "Norland's coast guard said")
        if ent is not None and ent.linked and ent.linked[0] in by_id:
            ent = by_id[ent.linked[0]]
        if ent is not None:
            key, src = ent.id, CitedSource(ent.name, ent.id, forms=list(ent.aliases))
        elif is_unnamed(who):
            key, src = "\0unnamed", CitedSource(UNNAMED, None, True)
        else:
            words = " ".join(who.split())
            key = re.sub(r"^(?:the|a|an) ", "", words.lower())
            src = CitedSource(words)
        src = groups.setdefault(key, src)
        if c.span.article not in src.articles:
            src.articles.append(c.span.article)
        said = _wording(c, ans, who not in by_id)
        if said is not None and all(said[0] != s for s, _ in src.wordings):
            src.wordings.append(said)
    return list(groups.values())


def _fold(text: str) -> str:
    return re.sub(r"^(?:the|a|an) ", "", " ".join(text.lower().replace("’", "'").split()))


def one_authority(sources: list[CitedSource]) -> bool:
    """Every claim rests on one named authority, or every one on unnamed sources."""
    return len(sources) == 1


def own_words(name: str, wordings: Iterable[str], forms: Iterable[str] = ()) -> list[str]:
    """The articles' words for a speaker worth showing beside its name: not the name itself,
    and not a title before it ("NATO Secretary-General Jens Stoltenberg", "Mr. Putin" say no
    more than the name); "Norland's coast guard" is kept (the name is not its head)."""
    names = [f for f in {name, *forms} if len(f) >= 3]
    seen = {_fold(name)}
    out = []
    for words in wordings:
        folded = _fold(words)
        if folded in seen or any(folded.endswith(_fold(f)) for f in names):
            continue
        seen.add(folded)
        out.append(words)
    return out


def cited_who(source: CitedSource) -> str:
    """'Norland (“Norland’s coast guard”, “Norland officials”)': the authority, then
    the articles' own words for it where they say more than its name."""
    if source.unnamed:
        own = own_words("", (w for _, w in source.wordings))
        return "unnamed sources" + (f" ({', '.join(f'“{w}”' for w in own)})" if own else "")
    own = own_words(source.name, (w for _, w in source.wordings), source.forms)
    return source.name + (f" ({', '.join(f'“{w}”' for w in own)})" if own else "")


def cited_sentence(sources: list[CitedSource], n_articles: int) -> str:
    """'Both outlets cite Norland (…).'; '' unless every claim rests on one authority."""
    if not one_authority(sources):
        return ""
    n = max(n_articles, len(sources[0].articles))
    lead = "The outlet cites " if n < 2 else (
        "Both outlets cite " if n == 2 else f"All {n} outlets cite ")
    return lead + cited_who(sources[0]) + "."


def qualify_support(support: str, note: str) -> str:
    """'corroborated by 2 independent sources' -> 'corroborated by 2 independent outlets, both
    citing Norland (…)': outlets relaying one authority are not independent sources."""
    if not note or "citing" in support or not support.startswith("corroborated by"):
        return support
    head, sep, rest = support.partition(";")
    head = head.replace("independent sources", "independent outlets")
    return f"{head}, {note}{sep}{rest}"


def cited_note(sources: list[CitedSource], n_articles: int) -> str:
    """'both citing Norland (…)' / 'all 3 citing unnamed sources'; '' unless every claim
    rests on one authority (or on unnamed sources only)."""
    if not one_authority(sources):
        return ""
    n = max(n_articles, len(sources[0].articles))
    lead = "citing " if n < 2 else ("both citing " if n == 2 else f"all {n} citing ")
    return lead + cited_who(sources[0])


HEADLINE_LABEL = 60  # an article without an outlet is cited by its headline, cut to this


def file_label(article: Article) -> str | None:
    """The file an article was read from, by name ("ferry.txt"), with its record number for a
    file of many ("wire.jsonl:12"); None for an article not read from a file."""
    if not article.path or article.path.startswith("<"):
        return None
    name = os.path.basename(article.path.rstrip("/")) or article.path
    return f"{name}:{article.record}" if article.record is not None else name


UNKNOWN_OUTLET = "unknown outlet"


def url_site(article: Article) -> str | None:
    """The site an article's web address names ("harbourpost.example" of
    "https://www.harbourpost.example/news/1"), without "www."; None without a web address."""
    url = urlsplit((article.url or "").strip())
    if url.scheme.lower() not in ("http", "https") or not url.hostname:
        return None
    host = url.hostname.rstrip(".")
    host = host.removeprefix("www.")
    return host if "." in host else None


def unknown_outlet_labels() -> bool:
    """`AlignParams.label_unknown_outlet`: an article with no outlet line is cited by the
    site of its web address, else as an unknown outlet with its file name as its id."""
    from . import align

    return align.DEFAULT_PARAMS.label_unknown_outlet


def cite_name(article: Article) -> str:
    """How a reader knows an article: its outlet; else (`AlignParams.label_unknown_outlet`)
    the site of its web address, else "unknown outlet [ferry.txt]" for an article read from a
    file (the file name is the article's id, never an outlet's name); else (off) the file it
    was read from; else its headline in quotes (never passed off as an outlet's name), cut
    short, with its own double quotes turned to single ones so the quotes nest; else the
    request position it came from ("Article 2" for posted text); else its id."""
    if (article.source or "").strip():
        return " ".join(article.source.split())
    named = file_label(article)
    if unknown_outlet_labels():
        site = url_site(article)
        if site:
            return site
        if named:
            return f"{UNKNOWN_OUTLET} [{named}]"
    if named:
        return named
    title = " ".join((article.title or "").split())
    if title:
        n = iter(range(title.count('"')))  # straight quotes open and close in turn
        title = re.sub('"', lambda _m: "‘" if next(n) % 2 == 0 else "’", title)
        title = title.replace("“", "‘").replace("”", "’")
        if len(title) > HEADLINE_LABEL:
            title = title[: HEADLINE_LABEL - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return f"“{title}”"
    # no outlet, no headline: where it came from ("a.txt", "Article 2" for posted text)
    origin = (article.origin_path or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return origin or article.id
