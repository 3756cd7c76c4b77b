"""Person names the tagger missed, found again with what the whole story knows.

Decides which untagged (or mistyped) name forms in the parse are person mentions: initials
before a surname ("A.-M. Kos", "DI L. Bartol": two separate initials, or one initial before a
surname the story already gives a person), and a given name before a surname when the story
names a person with that surname, or one part of that double surname, and a compatible given
name ("Governor Vesna Koral" beside "Vesna Koral-Radić"). It returns analyses with those
mentions added (offsets into `Article.text`, each in its own or the matching local entity); it
does not decide who is who across articles (that is `resolve`). Run by the engine before
resolving when `ResolveOptions.name_forms` is on (docs/quality.md, "r14-names2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..analysis.names import german_fold, known_given_name, translit_key
from ..lexicon.names import ORG_LAST_WORDS, ORG_NOUNS
from ..lexicon.places import NAME_ALIASES, PLACE_NOUNS
from ..model import Analysis, LocalEntity, Mention
from .resolve import (
    PairScorer,
    PersonName,
    given_compatible,
    given_related,
    norm_text,
    parse_person,
)

# an initial: one capital and a dot, or a hyphenated pair of them ("A.-M."); "U.S." (glued) is not
_INITIAL = re.compile(r"[A-Z]\.(?:-[A-Z]\.)?")
_GLUED = re.compile(r"(?:[A-Z]\.){2,3}")
_NOT_SURNAME = ORG_LAST_WORDS | ORG_NOUNS | PLACE_NOUNS


@dataclass
class _Found:
    start: int  # name start (initials or given name)
    end: int  # surname end
    # a non-person mention lying inside the name may be replaced ("Kos" typed ORG in "A.-M.
    # Kos": the initials say person)
    retype: bool = False


def _key(word: str) -> str:
    return german_fold(translit_key(norm_text(word)))


def _credible(le: LocalEntity, p: PersonName) -> bool:
    """A full name the tagger typed PERSON that is a person by more than that label: a stated
    role or a gendered honorific, initials, or a given name that a name table lists. ("Tar
    Heels" or a book title typed PERSON once is none of these.)"""
    return bool(le.roles or le.gender) or any(len(g) == 1 for g in p.given) \
        or any(known_given_name(g) for g in p.given)


def _known_persons(analyses: list[Analysis]) -> dict[str, list[PersonName]]:
    """Surname key (and each part of a double surname) -> the story's credible full-named
    persons (`_credible`)."""
    out: dict[str, list[PersonName]] = {}
    for an in analyses:
        for le in an.entities:
            if le.type != "PERSON" or len(le.name.split()) < 2:
                continue
            p = parse_person(le.name, True)
            if p is None or p.surname_first or not p.given or not _credible(le, p):
                continue
            keys = {german_fold(p.surname)} | {german_fold(k) for k in p.surname_parts}
            for k in keys:
                out.setdefault(k, []).append(p)
    return out


def _known_surnames(analyses: list[Analysis]) -> set[str]:
    """Surname keys any person mention of the story ends with (full names and surnames alone)."""
    keys: set[str] = set()
    for an in analyses:
        for m in an.mentions:
            words = m.text.split()
            if m.type == "PERSON" and words:
                last = words[-1]
                keys.add(_key(last))
                keys.update(_key(h) for h in last.split("-") if len(h) > 1)
    return keys


_HYPHENS = ("-", "\u2010")


def _name_word(tok) -> bool:
    """A capitalised proper-noun word, no common noun of organisations or places ("Bank")."""
    text = tok.text
    return text[:1].isupper() and text.replace("'", "").isalpha() and not text.isupper() \
        and tok.pos_ == "PROPN" and tok.lower_ not in _NOT_SURNAME and not tok.is_stop


def _surnames(doc):
    """(first token, end token, keys) of each word that can end a person's name: one name word,
    or two joined by a hyphen ("Voss-Aalto": the keys of the whole and of each part), not
    followed by a further capitalised word of its sentence (a longer name or title)."""
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not _name_word(tok) or (i > 0 and doc[i - 1].text in _HYPHENS
                                   and not doc[i - 1].whitespace_):
            i += 1
            continue
        end = i + 1
        keys = {_key(tok.text)}
        if i + 2 < n and not tok.whitespace_ and doc[i + 1].text in _HYPHENS \
                and not doc[i + 1].whitespace_:
            if not _name_word(doc[i + 2]):
                i += 1
                continue
            end = i + 3
            keys = {_key(tok.text + doc[i + 2].text), _key(tok.text), _key(doc[i + 2].text)}
        last = doc[end - 1]
        nxt = doc[end] if end < n else None
        if not (nxt is not None and last.whitespace_ and nxt.text[:1].isupper()
                and nxt.is_alpha and nxt.sent == last.sent):
            yield i, end, keys
        i = end


def _by_initials(doc, known: set[str]) -> list[_Found]:
    """Initials before a surname: at least two separate initials ("A.-M.", "H. G."), or one
    (or glued ones) when the story gives a person that surname ("L. Bartol")."""
    out: list[_Found] = []
    for s, e, keys in _surnames(doc):
        i = s
        n = 0
        glued = False
        while i > 0 and doc[i - 1].sent == doc[s].sent and doc[i - 1].whitespace_:
            t = doc[i - 1].text
            if _INITIAL.fullmatch(t):
                n += 1 + t.count("-")
            elif _GLUED.fullmatch(t):
                n += t.count(".")
                glued = True
            else:
                break
            i -= 1
        if n == 0:
            continue
        letters = "".join(c for t in doc[i:s] for c in t.text if c.isalpha()).lower()
        if letters in NAME_ALIASES or " ".join(letters) in NAME_ALIASES:
            continue  # "U. S.", "U.K.": a country's initials, no person's
        if (n >= 2 and not glued) or keys & known:
            out.append(_Found(doc[i].idx, doc[e - 1].idx + len(doc[e - 1].text), True))
    return out


def _model_fits(given: list[str], surname_text: str, p: PersonName,
                scorer: PairScorer | None) -> bool:
    """`ResolveOptions.name_model`: a given name that is another form of the person's
    (`given_related`: "Quim" for "Joaquim") before the person's surname, that the name-pair
    model scores at least its threshold."""
    if scorer is None or not p.given or len(given) != 1 or not given_related(given[0], p.given[0]):
        return False
    q = parse_person(f"{given[0]} {surname_text}", True)
    return q is not None and q.full and scorer(q, p, 0) >= scorer.threshold


def _by_given_name(doc, persons: dict[str, list[PersonName]], written: set[str],
                   scorer: PairScorer | None = None) -> list[_Found]:
    """A given name before a surname, when the story names a person with that surname (or one
    part of that double surname; or one part of this one) whose given name is compatible
    ("Vesna Koral" beside "Vesna Koral-Radić"; "Ana-Marija Kos" beside "A.-M. Kos")."""
    out: list[_Found] = []
    for s, e, keys in _surnames(doc):
        people = [p for k in keys for p in persons.get(k, ())]
        if not people or s == 0:
            continue
        # the given name: one capitalised word, or two joined by a hyphen ("Ana-Marija")
        j = s - 1
        if not doc[j].whitespace_:
            continue
        parts = [doc[j]]
        if j >= 2 and doc[j - 1].text in _HYPHENS and not doc[j - 1].whitespace_ \
                and not doc[j - 2].whitespace_:
            parts = [doc[j - 2], doc[j]]
        if not all(p.text[:1].isupper() and p.is_alpha and not p.is_upper and len(p.text) >= 2
                   and p.sent == doc[s].sent for p in parts):
            continue
        given = [norm_text(p.text) for p in parts]
        start, end = parts[0].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if norm_text(doc.text[start:end]) in written:
            # the very name the tagger typed PERSON elsewhere and nothing here: its reading in
            # this context is the tagger's to make (a team or a title as often as a person)
            continue
        surname_text = doc[s:e].text
        if any(given_compatible(given, p.given, True, True)
               or _model_fits(given, surname_text, p, scorer) for p in people):
            # a name the tagger typed as a place or organisation becomes a person's only when
            # a name table lists its given name ("S. Rich Hill" does not make a place "Richmond
            # Hill" a person)
            out.append(_Found(start, end, any(known_given_name(g) for g in given)))
    return out


def _one_person(a: str, b: str) -> bool:
    """Two names of one article that are one person's: one surname, compatible given names
    (spellings, initials, short forms; not romanisations, which name two people in one article)."""
    pa, pb = parse_person(a, True), parse_person(b, True)
    if pa is None or pb is None:
        return False
    if german_fold(pa.surname) != german_fold(pb.surname):
        return False
    return given_compatible(pa.given, pb.given)


def _add(an: Analysis, found: list[_Found]) -> Analysis:
    """`an` with the found names as PERSON mentions. A found name replaces a non-person mention
    that lies inside it ("Kos" typed ORG in "A.-M. Kos"); it is skipped where a person mention
    overlaps it. It joins the article's one person entity of that surname, else is its own."""
    text = an.article.text
    mentions = list(an.mentions)
    entities = [replace(le, mentions=list(le.mentions), roles=list(le.roles)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    dropped: set[int] = set()
    added: list[Mention] = []
    for f in found:
        over = [k for k, m in enumerate(mentions) if m.start < f.end and f.start < m.end]
        if over and not f.retype:
            continue
        if any(mentions[k].type == "PERSON" or not (f.start <= mentions[k].start
                                                    and mentions[k].end <= f.end) for k in over):
            continue
        if any(a.start < f.end and f.start < a.end for a in added):
            continue
        dropped.update(over)
        name = text[f.start:f.end]
        same = [le for le in entities if le.type == "PERSON" and _one_person(le.name, name)]
        if len(same) == 1:
            ent = same[0].id
        else:
            ent = f"e{len(entities)}"
            while ent in by_id:
                ent += "n"
            le = LocalEntity(ent, text[f.start:f.end], "PERSON")
            entities.append(le)
            by_id[ent] = le
        added.append(Mention(f.start, f.end, text[f.start:f.end], "PERSON", ent))
    if not added:
        return an
    kept = [m for k, m in enumerate(mentions) if k not in dropped] + added
    kept.sort(key=lambda m: (m.start, m.end))
    for le in entities:
        le.mentions = []
    for k, m in enumerate(kept):
        if m.entity in by_id:
            by_id[m.entity].mentions.append(k)
    entities = [le for le in entities if le.mentions]
    return replace(an, mentions=kept, entities=entities)


def with_untagged_names(analyses: list[Analysis], scorer: PairScorer | None = None
                        ) -> list[Analysis]:
    """The analyses with the person names the tagger missed added (see the module docstring);
    an analysis without a kept parse, or where nothing is found, is returned as it was. With
    `scorer` (`ResolveOptions.name_model`) a given name is also found when it is another form
    of the person's that the name-pair model accepts (`_model_fits`)."""
    known = _known_surnames(analyses)
    first = [_add(an, _by_initials(an.doc, known)) if an.doc is not None else an
             for an in analyses]
    persons = _known_persons(first)
    if not persons:
        return first
    written = {norm_text(m.text) for an in first for m in an.mentions if m.type == "PERSON"}
    return [_add(an, _by_given_name(an.doc, persons, written, scorer)) if an.doc is not None else an
            for an in first]
