"""Speaker names: a speaker token becomes a name span, a local entity, or a pronoun's antecedent.

Decides joint sources ("Tallo and Vestra"), described speakers ("many", "the 52-year-old"),
the author of a document, and which earlier named person a he/she stands for (close by only).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ...lexicon.names import NAMED_AFTER_NOUNS, ORG_LAST_WORDS
from ...lexicon.people import HONORIFICS, PRONOUNS, ROLE_CLASSES, ROLE_MODIFIERS, ROLE_WORDS
from ...lexicon.speech import AUTHORED_NOUNS, ISSUING_VERBS
from ...model import LocalEntity, Mention, Quote
from .context import (
    _FEMALE_HON,
    _MALE_HON,
    _PRONOUN_PARAGRAPHS,
    _RELATIVE,
    _SPEAKER_TYPES,
    RULES,
    _Ctx,
    _in_region,
    _paragraph_of,
    _sent_at,
    _Speaker,
    _tok_span,
)
from .speakers import _QUANT_SPEAKERS

# --------------------------------------------------------------------------- speakers


def fallback_entities(doc: Any, base: int = 0) -> tuple[list[Mention], list[LocalEntity]]:
    """Mentions and entities from the parse's named entities, for use when entity extraction gave
    none: people grouped by surname, other names by their lower-cased text."""
    mentions: list[Mention] = []
    entities: list[LocalEntity] = []
    by_key: dict[tuple[str, str], LocalEntity] = {}
    for ent in doc.ents:
        if ent.label_ not in _SPEAKER_TYPES:
            continue
        toks = [t for t in ent if not (t.is_punct or t.is_space) and t.lower_ not in ("'s", "’s")]
        while toks and toks[0].lower_ == "the":
            toks.pop(0)
        if not toks:
            continue
        label = ent.label_
        key = (label, toks[-1].lower_ if label == "PERSON" else " ".join(t.lower_ for t in toks))
        name = " ".join(t.text for t in toks)
        start = toks[0].idx + base
        end = toks[-1].idx + len(toks[-1].text) + base
        le = by_key.get(key)
        if le is None:
            le = LocalEntity(id=f"q{len(entities)}", name=name, type=label)
            by_key[key] = le
            entities.append(le)
        elif len(name) > len(le.name):
            le.name = name
        le.mentions.append(len(mentions))
        mentions.append(Mention(start=start, end=end, text=name, type=label, entity=le.id))
    return mentions, entities


def _genders(ctx: _Ctx) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in ctx.mentions:
        if m.entity is None or not (m.type == "PERSON" or RULES["speaker_pronoun"]
                                    and _titled_person(m)):
            continue
        before = ctx.text[max(0, m.start - 6) : m.start].lower().split()
        word = before[-1] if before else ""
        if word in _MALE_HON:
            out.setdefault(m.entity, "m")
        elif word in _FEMALE_HON:
            out.setdefault(m.entity, "f")
    return out


def _learn_gender(ctx: _Ctx, q: Quote) -> None:
    word = ctx.text[q.speaker_start : q.speaker_end].lower()
    if word in ("he", "him") and q.speaker_entity:
        ctx.gender.setdefault(q.speaker_entity, "m")
    elif word in ("she", "her") and q.speaker_entity:
        ctx.gender.setdefault(q.speaker_entity, "f")


def _mention_at(ctx: _Ctx, start: int, end: int) -> Mention | None:
    best = None
    i = bisect_right(ctx.mention_starts, end) - 1
    while i >= 0 and i >= bisect_right(ctx.mention_starts, start - 200) - 1:
        m = ctx.mentions[i]
        if m.start < end and m.end > start and m.type in _SPEAKER_TYPES | {"PERSON"}:
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        i -= 1
    return best


def _np_bounds(tok: Any) -> tuple[int, int]:
    lo = tok.i
    for ch in tok.lefts:
        if ch.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "flat", "quantmod"):
            lo = min(lo, ch.left_edge.i)
    hi = tok.i
    for ch in tok.rights:
        if ch.dep_ in ("compound", "flat") and ch.i == hi + 1:
            hi = ch.i
    return lo, hi


def _resolve(ctx: _Ctx, tok: Any, prev: Quote | None) -> _Speaker:
    base = ctx.base
    low = tok.lower_
    if low in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Smith, who said …": the noun the clause describes
        low = tok.lower_
        maker = _made_by(tok) if RULES["issued_document"] and tok.dep_ == "dobj" else None
        if maker is not None and maker.lower_ not in _RELATIVE:
            # "Vell released a video that said …": the issuer speaks through what it issued,
            # as in "issued a statement saying …"
            tok, low = maker, maker.lower_
    # "President Dmitri Varga's adviser, Yury Olenin, said": the appositive names the speaker
    for ch in tok.children:
        # a possessive is whose the speaker is, not who ("Bo Lind, Orrin's aide": the parse
        # may hang "Orrin" on "Lind" as an apposition)
        if any(g.dep_ == "case" for g in ch.children):
            continue
        if ch.dep_ == "appos" and ch.pos_ == "PROPN" and not any(
                t.text == ":" for t in tok.doc[min(tok.i, ch.i) : max(tok.i, ch.i)]):
            m = _mention_at(ctx, ch.idx + base, ch.idx + len(ch.text) + base)
            if m is not None and m.type == "PERSON":
                tok = ch
                break
    if RULES["role_appos"] and tok.pos_ == "NOUN":
        named = _role_name(ctx, tok)
        if named is not None:
            tok = named
    author = _author_of(tok)
    earlier = _earlier_author(tok) if author is None else None
    if earlier is not None:
        # the speaker stays where the text names it ("the statement"); who speaks is its maker
        who = _resolve(ctx, earlier, prev)
        if who.name:
            lo, hi = _np_bounds(tok)
            return _Speaker(tok.doc[lo].idx + base, tok.doc[hi].idx + len(tok.doc[hi].text) + base,
                            who.name, who.entity)
    if author is not None:
        tok, low = author, author.lower_
    if (tok.pos_ == "PRON" or low in PRONOUNS) and low not in _QUANT_SPEAKERS:
        s, e = tok.idx + base, tok.idx + len(tok.text) + base
        if RULES["speaker_pronoun"] and low in ("he", "she", "him", "her"):
            found = _person_antecedent(ctx, low, s, prev)
            return _Speaker(s, e, found[0], found[1]) if found else _Speaker(s, e, None, None)
        ent = _antecedent(ctx, low, s, prev)
        if ent is None:
            return _Speaker(s, e, None, None)
        return _Speaker(s, e, ent.name, ent.id)
    lo, hi = _np_bounds(tok)
    doc = tok.doc
    while lo < tok.i and _paragraph_of(ctx, doc[lo].idx + base) != _paragraph_of(ctx, tok.idx + base):
        lo += 1  # a name never runs across a paragraph break
    while lo < tok.i and any(t.text == ":" for t in doc[lo : tok.i]):
        lo += 1  # nor across a colon ("Poll: Ruiz Leads")
    while hi > tok.i and any(t.text == ":" for t in doc[tok.i + 1 : hi + 1]):
        hi -= 1
    s = doc[lo].idx + base
    e = doc[hi].idx + len(doc[hi].text) + base
    m = _mention_at(ctx, tok.idx + base, tok.idx + len(tok.text) + base)
    conjs = _conjuncts(ctx, tok) if RULES["coordination"] else []
    if conjs and m is not None:
        # a name that holds an "and" ("Smith and Wesson") or a comma: only what follows it
        conjs = [c for c in conjs if c.idx + base >= m.end]
    if conjs:
        # "according to Tallo and Vestra": the source is the whole coordination; its name
        # joins the conjuncts' names, its entity is the first conjunct's (one id only fits)
        first = _resolve_one(ctx, tok, s, e, m)
        names = [first.name or ""]
        for c in conjs:
            clo, chi = _np_bounds(c)
            cs, ce = doc[clo].idx + base, doc[chi].idx + len(doc[chi].text) + base
            one = _resolve_one(ctx, c, cs, ce, _mention_at(ctx, c.idx + base,
                                                           c.idx + len(c.text) + base))
            names.append(one.name or ctx.text[cs:ce])
            e = max(e, one.end or ce)
        name = ", ".join(names[:-1]) + " and " + names[-1]
        return _Speaker(first.start, e, name, first.entity)
    return _resolve_one(ctx, tok, s, e, m)


def _role_name(ctx: _Ctx, tok: Any) -> Any | None:
    """"A lawyer for Ana Ruiz, Bo Lind, said": the parser hangs the role noun's name on the
    person after "for"/"of" as an apposition; two different people's names are never one in
    apposition, so that name is the role noun's."""
    base = ctx.base
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "to"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN":
                continue
            owner = _mention_at(ctx, pobj.idx + base, pobj.idx + len(pobj.text) + base)
            for ap in pobj.children:
                if ap.dep_ != "appos" or ap.pos_ != "PROPN" or ap.i < pobj.i:
                    continue
                m = _mention_at(ctx, ap.idx + base, ap.idx + len(ap.text) + base)
                if (m is not None and m.type == "PERSON" and owner is not None
                        and owner.type == "PERSON" and m.entity != owner.entity):
                    return ap
    return None


def is_joint_source(name: str) -> bool:
    """A speaker name that coordinates several sources, as `_speaker` writes it ("Washington
    and Seoul", "Osk, Varn and Pell")."""
    return " and " in name


def _conjuncts(ctx: _Ctx, tok: Any) -> list[Any]:
    """The nouns coordinated with `tok` by "and" after it ("Tallo and Vestra", "Osk, Varn
    and Pell"), contiguous, within its paragraph and outside quotation marks."""
    found: list[Any] = []
    todo = [tok]
    while todo and len(found) < 6:
        cur = todo.pop()
        for c in cur.children:
            if c.dep_ == "conj" and c.i > tok.i and c.pos_ in ("PROPN", "NOUN"):
                found.append(c)
                todo.append(c)
    para = _paragraph_of(ctx, tok.idx + ctx.base)
    out: list[Any] = []
    cur = tok
    for nxt in sorted(found, key=lambda t: t.i):
        between = tok.doc[_np_bounds(cur)[1] + 1 : _np_bounds(nxt)[0]]
        if not len(between) or not all(t.lower_ in (",", "and") for t in between):
            break
        p = nxt.idx + ctx.base
        if _paragraph_of(ctx, p) != para or _in_region(ctx.regions, p) is not None:
            break
        out.append(nxt)
        cur = nxt
    if out and not any(t.lower_ == "and" for t in tok.doc[tok.i : out[-1].i]):
        return []  # "Smith, the mayor": an apposition parsed as a conjunct
    return out


def _resolve_one(ctx: _Ctx, tok: Any, s: int, e: int, m: Mention | None) -> _Speaker:
    """The speaker named by the noun `tok` whose noun phrase spans [s, e)."""
    if m is not None and m.entity in ctx.ent_by_id:
        ent = ctx.ent_by_id[m.entity]
        return _Speaker(min(s, m.start), max(e, m.end), ent.name, ent.id)
    if m is not None:
        return _Speaker(min(s, m.start), max(e, m.end), m.text, None)
    if tok.pos_ == "NOUN":
        ent = _by_role(ctx, tok, s)
        if ent is not None:
            return _Speaker(s, e, ent.name, ent.id)
    if RULES["untagged_name"] and tok.pos_ == "PROPN":
        named = _untagged_name(ctx, tok, s)
        if named is not None:
            return _Speaker(s, e, named[0], named[1])
    return _Speaker(s, e, ctx.text[s:e], None)


# Words that open a name's title ("Interior Minister", "Dr.", "the"), compared without a dot.
_TITLE_WORDS = frozenset(w.rstrip(".") for w in ROLE_WORDS | ROLE_MODIFIERS | HONORIFICS) | {
    "the", "a", "an"}


def _untagged_name(ctx: _Ctx, tok: Any, start: int) -> tuple[str, str | None] | None:
    """A proper-name speaker the entity tagger missed ("Interior Minister Ana Ruiz said"): the
    name without its title ("Ana Ruiz"), and the one entity it refers to -- the single person
    whose name ends in the same surname, or an entity of exactly that name -- else None."""
    doc = tok.doc
    i = tok.i
    while i - 1 >= 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].idx + ctx.base >= start:
        i -= 1
    run = [t for t in doc[i : tok.i + 1]]
    for k in range(len(run) - 1, -1, -1):
        if run[k].tag_ == "POS" or run[k].lower_ in ("'s", "’s"):
            run = run[k + 1 :]  # "The Post's Ana Ruiz": the name follows the possessive
            break
    while run and run[0].lower_.rstrip(".") in _TITLE_WORDS:
        run.pop(0)
    while run and run[0].is_quote:
        run.pop(0)
    if not run:
        return None
    # words before the proper nouns that are no title ("Red Hot Chili Peppers") belong to the
    # name: the title-less form is only used when it links to an entity
    loose = any(not (t.pos_ in ("DET", "PUNCT") or t.lower_.rstrip(".") in _TITLE_WORDS)
                for t in doc[i:run[0].i] if t.idx + ctx.base >= start) or any(
        t.idx + ctx.base >= start and t.pos_ not in ("DET", "PUNCT") for t in doc[
            max(0, i - 3) : i])
    name = " ".join(t.text for t in run)
    same = [en for en in ctx.entities if en.name.lower() == name.lower()]
    if len(same) == 1:
        return same[0].name, same[0].id
    sur = run[-1].lower_
    persons = [en for en in ctx.entities if en.type == "PERSON" and en.name.split()
               and en.name.split()[-1].lower() == sur]
    if len(persons) == 1 and (len(run) == 1 or len(persons[0].name.split()) == 1
                              or persons[0].name.lower() in name.lower()
                              or name.lower() in persons[0].name.lower()):
        # "Ana Ruiz" and the entity "Ruiz" (or "Ana Ruiz"): the fuller form is the name
        fuller = max((name, persons[0].name), key=len)
        return fuller, persons[0].id
    return None if loose else (name, None)


# Products that speak for their makers: "according to a study by the Orrin Research Institute".
_AUTHORED_NOUNS = AUTHORED_NOUNS


def _author_of(tok: Any) -> Any | None:
    """The named maker of a report-like noun ("a tally by the Norpress agency", "a post from
    Lena Ostrova", "a court document filed by Odo Prell"), who is the real source."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AUTHORED_NOUNS:
        return None
    for ch in tok.children:
        preps = [ch] if ch.dep_ == "prep" and ch.lower_ in ("by", "from") else [
            a for a in ch.children if a.dep_ == "agent"] if ch.dep_ == "acl" else []
        for prep in preps:
            for p in prep.children:
                if p.dep_ == "pobj" and p.pos_ == "PROPN":
                    return p
                if p.dep_ == "pobj" and p.pos_ == "NOUN":  # "from Lind's lawyer, Bo Ek"
                    named = [a for a in p.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                    if named:
                        return named[0]
        # "a letter that her aide Ove Lind wrote", "a statement Lind issued": the subject of a
        # relative clause that makes the document
        if ch.dep_ in ("relcl", "acl") and ch.lemma_.lower() in _ISSUING:
            for subj in ch.children:
                if subj.dep_ == "nsubj" and subj.lower_ not in _RELATIVE:
                    named = [a for a in subj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
                    return named[0] if named else subj
    return None


# Verbs whose subject is the maker of the document they take ("Lind issued a statement").
_ISSUING = ISSUING_VERBS


def _made_by(tok: Any) -> Any | None:
    """Who made the document noun `tok`, from the clause it sits in: the subject of the verb
    that says in it ("Lind said in a statement") or that issues it ("Lind issued a letter")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "through", "via"):
        head = head.head
    elif tok.dep_ != "dobj" or head.lemma_.lower() not in _ISSUING:
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in head.children if c.dep_ == "nsubj"]
    return subj[0] if subj and subj[0].pos_ in ("PROPN", "NOUN", "PRON") else None


def _earlier_author(tok: Any) -> Any | None:
    """"The statement said": a definite document noun with no maker of its own stands for the
    last document of that kind the article gave a maker ("Lind issued a statement ... the
    statement said"), within a few paragraphs."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AUTHORED_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children):
        return None
    doc, lemma = tok.doc, tok.lemma_.lower()
    for j in range(tok.i - 1, max(-1, tok.i - 400), -1):
        prev = doc[j]
        if prev.pos_ == "NOUN" and prev.lemma_.lower() == lemma:
            maker = _author_of(prev) or _made_by(prev)
            if maker is not None:
                return maker
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in prev.children):
                return None  # a new document of unknown maker: "the statement" is that one
    return None


def _by_role(ctx: _Ctx, tok: Any, before: int) -> LocalEntity | None:
    """A role noun ("the spokesperson") names the entity that was given that role earlier."""
    lemma = tok.lemma_.lower()
    # "the congressman" for a person titled "Rep.": any title of the noun's own classes
    words = {lemma, tok.lower_}
    for cls in ROLE_CLASSES:
        if words & cls:
            words |= cls
    best: tuple[int, LocalEntity] | None = None
    for ent in ctx.entities:
        if not any(words & {w.strip(".,") for w in role.lower().split()} for role in ent.roles):
            continue
        last = max(
            (ctx.mentions[i].start for i in ent.mentions if i < len(ctx.mentions)
             and ctx.mentions[i].start < before),
            default=-1,
        )
        if best is None or last > best[0]:
            best = (last, ent)
    return best[1] if best else None


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _dep_of(ctx: _Ctx, m: Mention) -> tuple[str, Any] | None:
    span = _tok_span(ctx, m.start, m.end)
    if span is None or len(span) == 0:
        return None
    return span.root.dep_, span.root.sent


def _subject_over(ctx: _Ctx, m: Mention, ent: LocalEntity, want_gender: str) -> LocalEntity:
    """A he/she continues the subject of the sentence before rather than a person named only as
    someone's possessor or inside a phrase ("Lind ran to Mr. Ek's side. He said ..." is Lind):
    the nearest person stands, unless it is no subject and its sentence has one person subject."""
    found = _dep_of(ctx, m)
    if found is None or found[0] in _SUBJECT_DEPS or found[0] not in ("poss", "pobj"):
        return ent
    sent = found[1]
    lo = sent.start_char + ctx.base
    subjects = []
    i = bisect_right(ctx.mention_starts, m.start) - 1
    while i >= 0 and ctx.mentions[i].start >= lo:
        o = ctx.mentions[i]
        i -= 1
        if o is m or o.type != "PERSON" or o.entity not in ctx.ent_by_id or o.entity == ent.id:
            continue
        g = ctx.gender.get(o.entity)
        if (g is not None and g != want_gender) or _inside_content(ctx, o):
            continue
        dep = _dep_of(ctx, o)
        if dep is not None and dep[0] in _SUBJECT_DEPS:
            subjects.append(ctx.ent_by_id[o.entity])
    return subjects[0] if len({e.id for e in subjects}) == 1 else ent


def _inside_content(ctx: _Ctx, m: Mention) -> bool:
    if ctx.content_index.covers(m.start, m.end):
        return True
    return _in_region(ctx.regions, m.start) is not None


def _antecedent(ctx: _Ctx, pron: str, pos: int, prev: Quote | None) -> LocalEntity | None:
    """he/she: the most recent person (of a compatible gender, when known) within the pronoun's
    paragraph or the ones just before it, skipping names inside quoted or reported content;
    it: the most recent organisation or country in the same or the previous sentence."""
    if pron not in ("he", "she", "it", "him", "her"):
        return None
    want_gender = "m" if pron in ("he", "him") else "f"
    para = _paragraph_of(ctx, pos)
    limit_para = max(0, para - _PRONOUN_PARAGRAPHS)
    limit = ctx.para_starts[limit_para]
    if pron == "it":
        sent = _sent_at(ctx, pos)
        limit = pos - 300
        if sent is not None and sent.start > 0:
            limit = ctx.doc[sent.start - 1].sent.start_char + ctx.base
    i = bisect_right(ctx.mention_starts, pos) - 1
    skipped: LocalEntity | None = None
    while i >= 0 and ctx.mentions[i].start >= limit:
        m = ctx.mentions[i]
        i -= 1
        if m.entity is None or m.entity not in ctx.ent_by_id:
            continue
        ent = ctx.ent_by_id[m.entity]
        if pron == "it":
            if m.type in ("ORG", "GPE", "NORP") and not _inside_content(ctx, m):
                return ent
            continue
        if m.type != "PERSON":
            continue
        g = ctx.gender.get(ent.id)
        if g is not None and g != want_gender:
            continue
        if _inside_content(ctx, m):
            skipped = skipped or ent
            continue
        return _subject_over(ctx, m, ent, want_gender)
    if pron != "it" and prev is not None and prev.speaker_entity in ctx.ent_by_id:
        ent = ctx.ent_by_id[prev.speaker_entity]  # type: ignore[index]
        g = ctx.gender.get(ent.id)
        if ent.type == "PERSON" and (g is None or g == want_gender) and prev.start >= limit:
            return ent
    return None


# --------------------------------------------------------------- he/she (RULES["speaker_pronoun"])

_NOT_PERSON_TYPES = frozenset({"ORG", "GPE", "FAC", "LOC"})
_ORG_ENDINGS = NAMED_AFTER_NOUNS | ORG_LAST_WORDS


def _titled_person(m: Mention) -> bool:
    """A name led by a person's title ("Councillor Ana Ruiz", "Dr. Ove Lind") that the tagger
    typed otherwise: a title word and then a given name and a surname, none an organisation's
    word ("General Motors Company" is no person)."""
    words = m.text.split()
    if len(words) < 3 or len(words) > 5:
        return False
    if words[0].lower() not in ROLE_WORDS | HONORIFICS and words[0].lower().rstrip(".") not in (
            ROLE_WORDS | HONORIFICS):
        return False
    rest = words[1:]
    while rest and rest[0].lower().rstrip(".") in _TITLE_WORDS:
        rest = rest[1:]  # "Deputy Mayor Ana Ruiz"
    return 2 <= len(rest) <= 3 and all(
        w[:1].isupper() and w.replace("-", "").replace("’", "").replace("'", "").isalpha()
        for w in rest) and rest[-1].lower() not in _ORG_ENDINGS


def _phrase_head(tok: Any) -> Any:
    """The head of the noun phrase `tok` belongs to, through compounds and appositions."""
    for _ in range(6):
        if tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
            tok = tok.head
            continue
        break
    return tok


def _coordinated(a: Any, b: Any) -> bool:
    """Two people named as conjuncts of one phrase ("Ruiz and Lind", "the mayor, Ana Ruiz, and
    Lind"): neither is the clause's one subject or object, so a pronoun after them is either."""
    ha, hb = _phrase_head(a), _phrase_head(b)
    return (ha.i != hb.i and (ha.dep_ == "conj" and _phrase_head(ha.head).i == hb.i
                              or hb.dep_ == "conj" and _phrase_head(hb.head).i == ha.i))


def _person_antecedent(ctx: _Ctx, pron: str, pos: int, prev: Quote | None
                       ) -> tuple[str, str | None] | None:
    """he/she as a (name, entity id): the nearest person before the pronoun within its paragraph
    or the one before it (as `_antecedent`, two lines back at least) -- a person mention (also a title-led name the tagger typed otherwise)
    or the named speaker of an earlier quote (a name the tagger missed) -- of a compatible
    gender, outside quoted or reported content; refused (None) when another person of that
    clause competes for it (two core arguments of one verb: "Ruiz met Lind. ... he said")."""
    want = "m" if pron in ("he", "him") else "f"
    para = _paragraph_of(ctx, pos)
    k = para - 1
    while k > 0 and not ctx.text[ctx.para_starts[k] : ctx.para_starts[k + 1]].strip():
        k -= 1  # the previous paragraph that holds words (or, one sentence a line, two lines)
    limit = ctx.para_starts[max(0, min(k, para - _PRONOUN_PARAGRAPHS))]
    cands: list[tuple[int, str, str | None, Any]] = []  # (position, name, entity id, token)
    i = bisect_right(ctx.mention_starts, pos) - 1
    while i >= 0 and ctx.mentions[i].start >= limit:
        m = ctx.mentions[i]
        i -= 1
        if m.entity not in ctx.ent_by_id or m.end > pos:
            continue
        if not (m.type == "PERSON" or _titled_person(m)):
            continue
        g = ctx.gender.get(m.entity)  # type: ignore[arg-type]
        if (g is not None and g != want) or _inside_content(ctx, m):
            continue
        span = _tok_span(ctx, m.start, m.end)
        if span is None or not len(span):
            continue
        ent = ctx.ent_by_id[m.entity]  # type: ignore[index]
        cands.append((m.start, ent.name, ent.id, span.root))
    covered = [(m.start, m.end) for m in ctx.mentions if limit <= m.start < pos
               and (m.type == "PERSON" or _titled_person(m))]
    for p, name, eid, ti in ctx.spoken:
        if not (limit <= p < pos) or any(s <= p < e for s, e in covered):
            continue  # (a speaker the mentions hold already is read there, with its role)
        ent = ctx.ent_by_id.get(eid) if eid else None
        tok = ctx.doc[ti]
        if tok.tag_ == "NNPS" or tok.ent_type_ == "NORP" or ent is not None and ent.type == "NORP":
            continue  # "Democrats said": a group, never he/she
        if (ent is not None and ent.type in _NOT_PERSON_TYPES and not any(
                ctx.mentions[k].start <= p < ctx.mentions[k].end and _titled_person(
                    ctx.mentions[k]) for k in ent.mentions if k < len(ctx.mentions))
                or tok.ent_type_ in _NOT_PERSON_TYPES or is_joint_source(name)):
            continue
        g = ctx.gender.get(eid) if eid else None
        if g is not None and g != want:
            continue
        cands.append((p, name, eid, tok))
    if not cands:
        if prev is not None and prev.speaker_entity in ctx.ent_by_id and prev.start >= limit:
            ent = ctx.ent_by_id[prev.speaker_entity]  # type: ignore[index]
            g = ctx.gender.get(ent.id)
            if ent.type == "PERSON" and (g is None or g == want):
                return ent.name, ent.id
        return None
    cands.sort(key=lambda c: c[0])
    best = cands[-1]
    m_best = next((m for m in ctx.mentions if m.start == best[0]), None)
    if m_best is not None and best[2] in ctx.ent_by_id:
        over = _subject_over(ctx, m_best, ctx.ent_by_id[best[2]], want)  # type: ignore[index]
        if over.id != best[2]:
            best = next((c for c in reversed(cands) if c[2] == over.id), best)
    for c in cands:
        same = c[2] == best[2] if (c[2] and best[2]) else c[1] == best[1]
        if not same and c[3].sent == best[3].sent and _coordinated(c[3], best[3]):
            return None  # "Ruiz and Lind met ...": the pronoun could be either
    return best[1], best[2]
