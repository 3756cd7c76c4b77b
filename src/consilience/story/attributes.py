"""Attribute claims: what articles say a named person is ("Varga, 56", "a four-term councillor").

Reads the kept parse around each resolved PERSON mention for the descriptions attached to it (an
apposition, a common-noun title before the name, the predicate of a copular clause "Varga is ...",
a role-noun mention "the four-term councillor") and keys each by the story entity and the
description's head: a count's unit ("term"), "age", else the role noun's lemma. Only attributes
that two articles state of one entity become claims, and those of one key form one group:
`judge` corroborates them as usual and `judge/attribute.py` finds differing values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..lexicon.people import HONORIFICS
from ..lexicon.values import NUMBER_WORDS
from ..model import Analysis, Attribute, Claim, ClaimGroups, Entity, Fact, Resolution, Span
from ..text import content_stems

# children of a description's head that start something else: a clause about it, a second
# apposition, a coordinated noun
_NOT_DESCRIPTION = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis"})
# quote kinds whose words are someone else's: a description inside them is not the outlet's
_QUOTED = frozenset({"direct", "reported", "according_to"})
# entity labels of a proper noun that names someone or something else (not a place tag "D-Pa.")
_NAMED = frozenset({"PERSON", "ORG", "NORP", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT"})
_HEDGES = frozenset({"may", "might", "could", "would"})
MAX_AGE = 120
# a description longer than this (in tokens) is a clause, not an attribute
MAX_WORDS = 10
# a name's tag ("D-Pa.") is at most this many tokens
MAX_TAG = 4


def _number(tok: Any) -> int | None:
    """The integer a number token writes ("seven", "56"), else None."""
    w = tok.text.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _description(root: Any, lo_floor: int) -> tuple[int, int] | None:
    """Token range [lo, hi) of the description headed by `root`: its own modifiers and an "of"
    phrase, without a clause or a second apposition hung on it."""
    keep = {root.i}
    for ch in root.children:
        if ch.dep_ not in _NOT_DESCRIPTION:
            keep.update(t.i for t in ch.subtree)
        elif ch.dep_ == "punct" and ch.text == "-" and root.i - 2 <= ch.i < root.i:
            keep.add(ch.i)  # the hyphen of "seven-term"
    lo = root.i
    while lo - 1 in keep and lo - 1 >= lo_floor:
        lo -= 1
    hi = root.i + 1
    while hi in keep:
        hi += 1
    doc = root.doc
    while lo < hi and doc[lo].dep_ == "det":
        lo += 1  # "a", "the": the article is not part of what is said
    if hi - lo > MAX_WORDS or hi <= lo:
        return None
    return lo, hi


def _key(doc: Any, lo: int, hi: int, root: Any) -> tuple[str, int | None] | None:
    """(attribute name, value) of the description doc[lo:hi], or None when it names no
    attribute (a name, a pronoun, an honorific)."""
    for t in doc[lo:hi]:
        # "seven-term", "56-year-old": a number, a hyphen and the unit it counts
        n = _number(t)
        if n is None or t.i + 2 >= hi:
            continue
        if doc[t.i + 1].text == "-" and doc[t.i + 2].pos_ == "NOUN":
            unit = doc[t.i + 2].lemma_.lower()
            old = t.i + 4 < len(doc) and doc[t.i + 3].text == "-" and doc[t.i + 4].lower_ == "old"
            if unit == "year" and old:
                return ("age", n) if 0 < n <= MAX_AGE else None
            return unit, n
    if hi - lo == 1 and root.pos_ == "NUM":
        n = _number(root)
        return ("age", n) if n is not None and 0 < n <= MAX_AGE else None
    if root.pos_ != "NOUN" or root.ent_type_ or not root.text.islower():
        return None
    lemma = root.lemma_.lower()
    if lemma in HONORIFICS or len(lemma) < 3:
        return None
    return lemma, None


def _descriptions(name: Any, mention_root_is_noun: bool, span: Any) -> Iterable[tuple[int, int, Any]]:
    """(lo, hi, head) of each description attached to the name whose head token is `name`."""
    doc = name.doc
    if mention_root_is_noun:
        # a role-noun mention ("the seven-term congressman") is itself the description
        d = _description(name, span.start)
        if d is not None:
            yield d[0], min(d[1], span.end), name
        return
    # an apposition hung on a name's own tag ("Varga, D-Ore., coach of ..."): the tag is a
    # proper noun standing for the name, its apposition describes the name too
    # (a short tag that is nobody's name: "Ana Kell" after "Rui Tamm, ...;" is a list)
    tags = [ch for ch in name.children if ch.dep_ == "appos" and ch.pos_ == "PROPN"
            and ch.i - ch.left_edge.i < MAX_TAG and ch.ent_type_ not in _NAMED]
    # only the first apposition of the name (or of its tag): a later one is often about the
    # first one's complement ("X, a spokeswoman for the agency, the body that ...")
    firsts = [min((c for c in h.children if c.dep_ == "appos" and c.i > name.i
                   and c.pos_ not in ("PROPN", "NUM")), key=lambda c: c.i, default=None)
              for h in (name, *tags)]
    for ch in [*name.children, *(c for t in tags for c in t.children)]:
        # (an age, "X, 56, a teacher", comes before the first apposition)
        if ch.dep_ == "appos" and (ch in firsts or ch.pos_ == "NUM" and ch.i > name.i):
            d = _description(ch, name.i + 1)
            if d is not None:
                yield d[0], d[1], ch
        elif ch.dep_ == "compound" and ch.i < span.start and ch.pos_ == "NOUN":
            d = _description(ch, 0)  # "the four-term councillor Varga"
            if d is not None:
                yield d[0], min(d[1], span.start), ch
    head = name.head
    if name.dep_ == "appos" and head.i < span.start and head.pos_ == "NOUN" and all(
            t.is_punct or t.head.i == name.i and t.dep_ == "compound"
            for t in doc[head.i + 1 : span.start]):
        # "the four-term councillor Ilse Varga", "the managers — Rep. Varga": the parser hangs
        # the name on the description before it
        d = _description(head, 0)
        if d is not None:
            yield d[0], min(d[1], span.start), head
    if name.dep_ == "nsubj" and head.lemma_ == "be" and not any(
            c.dep_ == "neg" or c.lower_ in _HEDGES for c in head.children):
        for ch in head.children:
            if ch.dep_ == "attr" and ch.i > head.i:
                d = _description(ch, head.i + 1)
                if d is not None:
                    yield d[0], d[1], ch


def _entity_of(resolution: Resolution, aid: str, index: int, local: str | None) -> str | None:
    ent = resolution.by_mention.get((aid, index))
    if ent is None and local is not None:
        ent = resolution.by_local.get((aid, local))
    return ent


def article_attributes(analysis: Analysis, resolution: Resolution) -> list[Claim]:
    """Every attribute one article states of a resolved person, one claim per (entity,
    attribute, value), spanning the description's words. Ids are "<article>:a<n>"."""
    doc = analysis.doc
    if doc is None:
        return []
    aid = analysis.article.id
    text = analysis.article.text
    quoted = [(q.start, q.end) for q in analysis.quotes if q.kind in _QUOTED]
    out: list[Claim] = []
    seen: set[tuple[str, str, int | None]] = set()
    person = {e.id for e in resolution.entities if e.type == "PERSON"}
    for mi, m in enumerate(analysis.mentions):
        ent = _entity_of(resolution, aid, mi, m.entity)
        # a person as the story resolves it (the tagger may call one mention of a rare name an
        # organisation), or a mention tagged as a person
        if m.type not in ("PERSON", "ORG") or ent not in person and m.type != "PERSON":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if ent is None or span is None or len(span) == 0:
            continue
        root = span.root
        for lo, hi, head in _descriptions(root, root.pos_ == "NOUN", span):
            if hi <= lo:
                continue
            key = _key(doc, lo, hi, head)
            if key is None:
                continue
            start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
            if any(a <= start and end <= b for a, b in quoted):
                continue  # someone's words, not the outlet's description
            if (ent, *key) in seen:
                continue
            seen.add((ent, *key))
            sent = next((k for k, s in enumerate(analysis.sentences)
                         if s.start <= start < s.end), 0)
            out.append(Claim(
                id=f"{aid}:a{len(out)}", span=Span(aid, start, end), text=text[start:end],
                sentence=sent, entities=[ent], attribute=Attribute(ent, key[0], key[1])))
    main = _main_person(analysis, resolution, person)
    for t in doc if main is not None else ():
        # "the seven-term congressman", "the 68-year-old lawmaker": a definite epithet with a
        # count or an age, no name of its own, is the article's main person (news style names
        # the protagonist so); any other person is left out
        if t.pos_ != "NOUN" or not t.text.islower() or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in t.children) or (
                t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN") or t.ent_type_:
            continue
        d = _description(t, 0)
        if d is None:
            continue
        key = _key(doc, d[0], d[1], t)
        if key is None or key[1] is None:
            continue
        start, end = doc[d[0]].idx, doc[d[1] - 1].idx + len(doc[d[1] - 1].text)
        if any(m.start < end and start < m.end for m in analysis.mentions) or any(
                a <= start and end <= b for a, b in quoted) or (main, *key) in seen:
            continue
        seen.add((main, *key))  # type: ignore[arg-type]
        sent = next((k for k, s in enumerate(analysis.sentences) if s.start <= start < s.end), 0)
        out.append(Claim(
            id=f"{aid}:a{len(out)}", span=Span(aid, start, end), text=text[start:end],
            sentence=sent, entities=[main], attribute=Attribute(main, key[0], key[1])))
    return out


# the main person has at least this many mentions and this many times the next person's
MAIN_MENTIONS = 3
MAIN_LEAD = 2


def _main_person(analysis: Analysis, resolution: Resolution, person: set[str]) -> str | None:
    """The person the article is about: named far more often than anyone else, else None."""
    counts: dict[str, int] = {}
    for mi, m in enumerate(analysis.mentions):
        ent = _entity_of(resolution, analysis.article.id, mi, m.entity)
        if ent in person:
            counts[ent] = counts.get(ent, 0) + 1  # type: ignore[index]
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MAIN_MENTIONS or (
            len(ranked) > 1 and ranked[0][1] < MAIN_LEAD * ranked[1][1]):
        return None
    return ranked[0][0]


def attribute_claims(analyses: list[Analysis], resolution: Resolution) -> list[Claim]:
    """The attribute claims of a story that another article states of the same entity too (an
    attribute only one article gives adds nothing its sentence's claim does not)."""
    per = [article_attributes(an, resolution) for an in analyses]
    articles: dict[tuple[str, str], set[str]] = {}
    for claims in per:
        for c in claims:
            assert c.attribute is not None
            articles.setdefault((c.attribute.entity, c.attribute.name), set()).add(c.span.article)
    return [c for claims in per for c in claims
            if c.attribute is not None
            and len(articles[(c.attribute.entity, c.attribute.name)]) > 1]


def attribute_groups(claims: list[Claim]) -> ClaimGroups:
    """One group per (entity, attribute name): equal values corroborate each other, different
    ones stay together so the judge reports them (`judge/attribute.py`)."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.attribute is not None:
            groups.setdefault((c.attribute.entity, c.attribute.name), []).append(c)
    return list(groups.values())


_LEAD_ARTICLE = re.compile(r"^(?:a|an|the|his|her|its|their)\s+", re.IGNORECASE)


def attribute_heading(fact: Fact, entities: list[Entity]) -> str | None:
    """"<name>, <description>" for a fact made only of attribute claims, else None."""
    if not fact.claims or any(c.attribute is None for c in fact.claims):
        return None
    first = fact.claims[0]
    assert first.attribute is not None
    name = next((e.name for e in entities if e.id == first.attribute.entity), None)
    if name is None:
        return None
    words = _LEAD_ARTICLE.sub("", first.text)
    return f"{name}: age {words}" if first.attribute.name == "age" and words.isdigit() \
        else f"{name}: {words}"


# --- descriptions of things (`AlignParams.attribute_things`, docs/quality.md "r23-clause") ---
# two descriptions of one thing agree when the content words (`text.content_stems`) of one are
# all in the other (one may say less, neither says something the other does not) and they
# share at least this many
THING_SHARED = 2
# entity types a thing's subject may carry (persons are `article_attributes`')
_THING_TYPES = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
# the subject's own modifiers that tell one thing of a kind from another ("the north tunnel")
_SUBJECT_MODS = frozenset({"amod", "compound", "nummod", "poss", "npadvmod"})


def _thing_subject(tok: Any, analysis: Analysis, resolution: Resolution) -> str | None:
    """The story key of the thing a subject token names: its resolved entity ("E3") when a
    non-person mention holds it, else its common noun's lemma ("the tunnel"); None for a
    person, a pronoun, a number or an honorific."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    aid = analysis.article.id
    for mi, m in enumerate(analysis.mentions):
        if m.start <= tok.idx < m.end:
            ent = _entity_of(resolution, aid, mi, m.entity)
            if m.type not in _THING_TYPES or ent is None:
                return None
            if any(e.id == ent and e.type == "PERSON" for e in resolution.entities):
                return None
            return ent
    if tok.pos_ != "NOUN" or not tok.text.islower() or tok.ent_type_:
        return None
    lemma = tok.lemma_.lower()
    return f"the {lemma}" if len(lemma) >= 3 and lemma not in HONORIFICS else None


def _thing_descriptions(doc: Any) -> Iterable[tuple[Any, int, int, Any]]:
    """(subject, lo, hi, head) of each description a sentence gives of a noun: its first
    apposition set off by a comma ("the tunnel, the only road link ...") or the predicate noun
    of an affirmed copular clause ("the tunnel is the only road link ...")."""
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        first = min((c for c in t.children if c.dep_ == "appos" and c.i > t.i),
                    key=lambda c: c.i, default=None)
        if first is not None and first.pos_ == "NOUN" and first.left_edge.i > 0 \
                and doc[first.left_edge.i - 1].text == ",":
            d = _description(first, t.i + 1)
            if d is not None:
                yield t, d[0], d[1], first
        head = t.head
        if t.dep_ == "nsubj" and head.lemma_ == "be" and head.i > t.i and not any(
                c.dep_ == "neg" or c.lower_ in _HEDGES for c in head.children):
            for ch in head.children:
                if ch.dep_ == "attr" and ch.i > head.i and ch.pos_ == "NOUN":
                    d = _description(ch, head.i + 1)
                    if d is not None:
                        yield t, d[0], d[1], ch


def _thing_items(analysis: Analysis, resolution: Resolution) -> list[tuple[Claim, frozenset[str]]]:
    """(claim, the subject's own modifiers) of each thing description of one article."""
    doc = analysis.doc
    if doc is None:
        return []
    aid, text = analysis.article.id, analysis.article.text
    quoted = [(q.start, q.end) for q in analysis.quotes if q.kind in _QUOTED]
    out: list[tuple[Claim, frozenset[str]]] = []
    seen: set[tuple[str, str]] = set()
    for subj, lo, hi, head in _thing_descriptions(doc):
        key = _key(doc, lo, hi, head)
        if key is None or key[1] is not None:
            continue
        who = _thing_subject(subj, analysis, resolution)
        if who is None or (who, key[0]) in seen:
            continue
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if any(a <= start and end <= b for a, b in quoted):
            continue  # someone's words, not the outlet's description
        seen.add((who, key[0]))
        mods = frozenset(t.lower_ for c in subj.children if c.dep_ in _SUBJECT_MODS
                         for t in c.subtree if not t.is_punct and t.dep_ != "det")
        sent = next((k for k, s in enumerate(analysis.sentences) if s.start <= start < s.end), 0)
        out.append((Claim(
            id=f"{aid}:t{len(out)}", span=Span(aid, start, end), text=text[start:end],
            sentence=sent, entities=[] if who.startswith("the ") else [who],
            attribute=Attribute(who, key[0], None)), mods))
    return out


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def _same_thing(a: tuple[Claim, frozenset[str]], b: tuple[Claim, frozenset[str]]) -> bool:
    """Two descriptions of one key say the same of one thing: the subjects' modifiers do not
    differ (one may have none: "the tunnel" / "the Tor Ghasha tunnel"; "the north tunnel" /
    "the south tunnel" differ), the content words of one are all in the other, at least
    `THING_SHARED` shared, and no two numbers."""
    (ca, ma), (cb, mb) = a, b
    if ma and mb and ma != mb:
        return False
    x, y = content_stems(ca.text), content_stems(cb.text)
    if len(x & y) < THING_SHARED or not (x <= y or y <= x):
        return False
    nx, ny = _numbers(ca.text), _numbers(cb.text)
    return not (nx and ny and nx != ny)


def thing_groups(analyses: list[Analysis], resolution: Resolution
                 ) -> tuple[list[Claim], ClaimGroups]:
    """The thing descriptions of a story that another article gives in the same words, and
    their groups: claims of one (subject, head) key joined when their descriptions agree
    (`_same_thing` with every member), each group of at least two articles, one claim per
    article. Descriptions no other article shares are left out (their sentence's claim holds
    them already)."""
    by_key: dict[tuple[str, str], list[tuple[Claim, frozenset[str]]]] = {}
    for an in analyses:
        for item in _thing_items(an, resolution):
            att = item[0].attribute
            assert att is not None
            by_key.setdefault((att.entity, att.name), []).append(item)
    claims: list[Claim] = []
    groups: ClaimGroups = []
    for items in by_key.values():
        left = list(items)
        while len({c.span.article for c, _ in left}) > 1:
            group = [left.pop(0)]
            for item in list(left):
                if item[0].span.article not in {c.span.article for c, _ in group} and all(
                        _same_thing(item, g) for g in group):
                    group.append(item)
                    left.remove(item)
            if len(group) > 1:
                claims += [c for c, _ in group]
                groups.append([c for c, _ in group])
    return claims, groups
