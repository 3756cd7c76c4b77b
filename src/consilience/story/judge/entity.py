"""Entity and place conflicts: a different place or party in the same role slot of one fact, a
different person opening the claim, a different holder of the same role; and where one point
event happened, compared across facts (`places_across`), which may mark a fact conflicting.
Only places of an act both claims state, and people of an act no article gives several doers,
are set against each other: other occasions' places and doers are no dispute."""

from __future__ import annotations

import re

from ...lexicon.calendar import OTHER_OCCASION_PREPOSITIONS
from ...lexicon.events import POINT_EVENT_PATTERNS
from ...lexicon.places import EVENT_PLACE_PREPOSITIONS, NOT_EVENT_PLACE_WORDS
from ...model import Claim, Conflict, Span
from ...text import stem
from .context import FactDraft, Judge, same_speaker, slice_of, value_at
from .date import date_agree, date_comparable, weekday

# prepositions that put a place in the location role of its clause ("from"/"to" give a route,
# not where the event happened)
_LOCATIVE = EVENT_PLACE_PREPOSITIONS
# the analyzer often types a small town as ORG or PRODUCT: after "in"/"off" it is still a place
_NEVER_SLOT = {"NORP", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
_AGENT_TYPES = {"PERSON", "ORG"}
# the word before a mention (skipping an article), and the word before that
# ("in Brenmouth's Ostkaj zone": the slot holds Ostkaj, the possessive only qualifies it)
_BEFORE = re.compile(r"(?:(\w+)\s+)?(\w+)\s+(?:the\s+)?(?:[\w-]+['\u2019]s\s+)?$", re.I)
_POSSESSIVE = re.compile(r"^['\u2019]s\b")
_PLURAL_POSSESSIVE = re.compile(r"^['\u2019]\s?[A-Za-z]")
# "registered in", "based in": where the ship or firm belongs, not where the event happened
_NOT_EVENT_PLACE = NOT_EVENT_PLACE_WORDS
_ROLE_STOP = {"the", "a", "an", "of", "for", "s", "to", "and"}
# a locative inside a route phrase places the route's end, not the event: "evacuated from their
# homes in Eastbank" / "taken to shelters at the ice rink" say where people came from and went
_IN_ROUTE = re.compile(r"\b(?:from|to|towards?)\s+((?:[\w'\u2019.-]+\s+){1,3})$", re.I)
_CLAUSE_WORDS = {"when", "after", "before", "while", "as", "and", "but", "or", "which", "who",
                 "that", "where", "because", "until", "since"}

# rolled onto its side ... off Vestra"), so their places are also compared across facts.
# Deliberately narrow: people die, are rescued or shelter in many places at once.
_POINT_EVENTS = {k: re.compile(rx, re.I) for k, rx in POINT_EVENT_PATTERNS.items()}
# entity types that name a place, not a participant of the event
_PLACE_TYPES = {"GPE", "LOC", "FAC"}
_PLACE_EXPL = "the same event is placed in different places"


def _same_role(a: str, b: str) -> bool:
    """Two role descriptions of one post: "spokesperson for Norland's foreign ministry" vs
    "Norland foreign ministry spokesperson"."""
    ta = {stem(w) for w in re.findall(r"\w+", a.lower())} - _ROLE_STOP
    tb = {stem(w) for w in re.findall(r"\w+", b.lower())} - _ROLE_STOP
    if not (ta and tb):
        return False
    # a country and its adjective are one word here ("Norland's" / "Norlandic")
    def near(x: str, y: str) -> bool:
        return x == y or (min(len(x), len(y)) >= 5 and (x.startswith(y) or y.startswith(x)))

    matched = min(sum(any(near(x, y) for y in tb) for x in ta),
                  sum(any(near(x, y) for x in ta) for y in tb))
    return matched / (len(ta) + len(tb) - matched) >= 0.6


def _route_end(before: str) -> bool:
    """The words before a locative preposition end a route phrase ("from their homes", "to
    emergency shelters"): the place it introduces qualifies the route's end."""
    m = _IN_ROUTE.search(before)
    return bool(m) and not ({w.lower() for w in m.group(1).split()} & _CLAUSE_WORDS)


def _plural_possessive(before: str, after: str) -> bool:
    """A name ending in "s" followed by a bare apostrophe and a word ("the Rangers' game"): an
    owner like "X's", not a place (`AlignParams.judge_plural_possessive`)."""
    from .. import align

    return align.DEFAULT_PARAMS.judge_plural_possessive and before[-1:] in ("s", "S") \
        and bool(_PLURAL_POSSESSIVE.match(after))


def _slots(ctx: Judge, c: Claim) -> list[tuple[str, int, int, str]]:
    """(role, start, end, entity id) of the entities in a role slot of the claim: a place
    after a locative preposition ("off Vestra"), an agent after "<verb> by" ("owned by
    Tessel Chemicals")."""
    out: list[tuple[str, int, int, str]] = []
    last_end = -1
    for s, e, eid in ctx.ents.mentions_in(c):
        type_ = ctx.ents.type(eid)
        before = c.text[: s - c.span.start]
        m = _BEFORE.search(before)
        if not m or type_ in _NEVER_SLOT or _POSSESSIVE.match(c.text[e - c.span.start :]) \
                or _plural_possessive(c.text[: e - c.span.start], c.text[e - c.span.start :]):
            continue
        prev, word = (m.group(1) or "").lower(), m.group(2).lower()
        # "in Port Alder and Vestra": the coordinated place shares the slot
        coordinated = (word in ("and", "or") and out and out[-1][0] == "place"
                       and out[-1][2] == last_end and s - last_end <= 6)
        if word in _LOCATIVE and not coordinated and _route_end(before[:m.start(2)]):
            continue
        if (word in _LOCATIVE and prev not in _NOT_EVENT_PLACE or coordinated) \
                and type_ != "PERSON" and not _of_other_occasion(ctx, c, s, e):
            out.append(("place", s, e, eid))
            # the noun the place belongs to ("talks in Kallio"): pairs places across claims
            ctx.place_of[(c.span.article, s)] = prev if not coordinated else \
                ctx.place_of.get((c.span.article, out[-2][1]), "") if len(out) > 1 else ""
            last_end = e
        elif word == "by" and prev and type_ in _AGENT_TYPES:
            out.append((f"by {stem(prev)}", s, e, eid))
            ctx.agent_word[f"by {stem(prev)}"] = prev
    return out


def _phrase_root(doc, start: int, end: int):
    """The token of doc characters start..end whose head lies outside them (the phrase's root)."""
    span = doc.char_span(start, end, alignment_mode="expand")  # the tokens overlapping it
    inside = [t for t in (span if span is not None else doc) if start <= t.idx < end]
    return next((t for t in inside if not start <= t.head.idx < end or t.head is t), None)


def _of_other_occasion(ctx: Judge, c: Claim, start: int, end: int) -> bool:
    """The place at start..end locates an occurrence the claim's event is set against in time,
    not that event: in the parse, the first common noun above it (places and prepositions passed
    over) stands after "before", "after", "since" ... ("arrested two days before the cup loss
    at Vestra": Vestra is where the loss was)."""
    from .. import align

    doc = ctx.docs.get(c.span.article)
    if doc is None or not align.DEFAULT_PARAMS.judge_place_occasion:
        return False
    root = _phrase_root(doc, start, end)
    if root is None:
        return False
    h = root.head
    # a root is its own head: compare indices (spaCy makes a new Token object per access)
    while h.pos_ in ("ADP", "PROPN", "NUM", "DET", "PART") and h.head.i != h.i:
        h = h.head
    if h.pos_ != "NOUN":
        return False
    return h.dep_ == "pobj" and h.head.lower_ in OTHER_OCCASION_PREPOSITIONS


def _place_word(ctx: Judge, c: Claim, start: int, end: int):
    """The word a place at start..end locates in the claim's parse: the first common noun or
    verb above it, prepositions, other names and numbers, distances and place nouns in a place
    phrase and time nouns passed over ("on Route 5 near Hallby", "four miles off Hallby", "in
    the strait off Hallby", "on Monday evening near Hallby": the verb); None when the parse is
    unknown or a copula holds it ("was in Hallby")."""
    doc = ctx.docs.get(c.span.article)
    if doc is None:
        return None
    root = _phrase_root(doc, start, end)
    if root is None:
        return None
    h = root.head
    while h.head.i != h.i and (
            h.pos_ in ("ADP", "PROPN", "NUM", "DET", "PART", "PUNCT")
            # a distance ("four miles off X") or a place noun in a place phrase ("in the
            # strait off X") measures or narrows the place: what it locates lies above
            or h.pos_ == "NOUN" and (any(ch.dep_ == "nummod" for ch in h.children)
                                     or h.ent_type_ in ("DATE", "TIME")  # "on Monday evening near X"
                                     or h.dep_ == "pobj" and h.head.lower_ in _LOCATIVE)):
        h = h.head
    return h if h.pos_ in ("NOUN", "VERB") else None


def _place_keys(ctx: Judge, c: Claim, start: int, end: int) -> set[str] | None:
    """The lemma and news class of the word a place locates (`_place_word`); None when it
    cannot be read."""
    from ..frames import predicate_class

    w = _place_word(ctx, c, start, end)
    if w is None:
        return None
    lemma = w.lemma_.lower()
    # a phrasal verb is its verb and particle ("went over": "go over")
    prt = [ch.lower_ for ch in w.children if ch.dep_ == "prt"]
    lemmas = {lemma} | ({f"{lemma} {prt[0]}"} if prt else set())
    return lemmas | {f"class:{k}" for x in lemmas if (k := predicate_class(x))}


def _places_of_shared(ctx: Judge, ca: Claim, cb: Claim, xa: list[tuple[int, int, str]],
                      xb: list[tuple[int, int, str]]) -> tuple[list, list]:
    """The places of each side that locate one thing: an event both claims state
    (`Judge.events`: one lemma or news class), or a word the other side's place locates too
    ("talks in Vestra" / "talks in Kallio", "sank near X" / "capsized off Y"). A place of
    another noun or verb ("a jury in Norby", "a member of the unit at Lakeside station", "the
    hearing took place at the court" beside "charged") says where something else was. Both
    sides whole when either parse is unknown; a place whose word cannot be read is kept."""
    from .. import align

    if not align.DEFAULT_PARAMS.judge_place_event:
        return xa, xb
    ea, eb = ctx.events(ca), ctx.events(cb)
    if ea is None or eb is None:
        return xa, xb
    shared = ea & eb
    ka = [(v, _place_keys(ctx, ca, v[0], v[1])) for v in xa]
    kb = [(v, _place_keys(ctx, cb, v[0], v[1])) for v in xb]
    words_a = set().union(*(k for _, k in ka if k))
    words_b = set().union(*(k for _, k in kb if k))
    keep_a = [v for v, k in ka if k is None or k & (shared | words_b)]
    keep_b = [v for v, k in kb if k is None or k & (shared | words_a)]
    return keep_a, keep_b


def _different(ctx: Judge, x: str, ca: Claim, y: str, cb: Claim) -> bool:
    """Two entities in one slot name different things: neither claim names the other's,
    they are not linked (a city and its country) and their names are not one name."""
    if x == y or x in cb.entities or y in ca.entities or ctx.ents.linked(x, y):
        return False
    # the resolver may have split one name in two entities: a name the other claim
    # also uses is the same thing
    nx, ny = ctx.ents.name(x).lower(), ctx.ents.name(y).lower()
    if nx in {ctx.ents.name(z).lower() for z in cb.entities} or ny in {
            ctx.ents.name(z).lower() for z in ca.entities}:
        return False
    return not (same_speaker(nx, ny) or _family_of(nx, ny) or _family_of(ny, nx))


def _named_in(ctx: Judge, x: str, c: Claim) -> bool:
    """The claim names person `x` too, under any form of the name ("Daniel Okafor" in a claim
    that names "Forward Daniel Okafor")."""
    nx = ctx.ents.name(x)
    return any(ctx.ents.type(z) == "PERSON" and same_speaker(nx, ctx.ents.name(z))
               for z in c.entities if z != x)


def _objects(ctx: Judge, c: Claim, at: int) -> set[str] | None:
    """What the act of the person opening the claim (the mention at `at`) is done to or with:
    the lemmas of the objects of the verb it is the subject of ("missed a shot": shot, "rushed
    for 226 yards": yard); None when the parse is unknown or the verb takes no object."""
    doc = ctx.docs.get(c.span.article)
    if doc is None:
        return None
    tok = next((t for t in doc if t.idx <= at < t.idx + len(t.text)), None)
    if tok is None:
        return None
    while tok.dep_ in ("compound", "flat") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = tok.head
    objs = {ch for ch in verb.children if ch.dep_ in ("dobj", "attr", "oprd")}
    objs |= {g for ch in verb.children if ch.dep_ == "prep"
             for g in ch.children if g.dep_ == "pobj" and g.pos_ != "PROPN"}
    return {o.lemma_.lower() for o in objs} or None


def _other_arguments(ctx: Judge, ca: Claim, at_a: int, cb: Claim, at_b: int) -> bool:
    """Two people opening claims of one event class do different acts when the acts' objects
    have nothing in common ("missed a penalty" / "missed both free throws", "was injured in
    the final" / "was injured in training"): the role is bound to one event only when the
    predicate's other arguments agree."""
    oa, ob = _objects(ctx, ca, at_a), _objects(ctx, cb, at_b)
    return oa is not None and ob is not None and not (oa & ob)


def _family_of(family: str, person: str) -> bool:
    """A family named by its plural surname ("the Varkes", "Varkes'") holds every person of that
    surname ("Ola Varke"): the couple and one of them are no different party."""
    words = re.findall(r"[\w-]+", family)
    if words[:1] == ["the"]:
        words = words[1:]
    last = re.findall(r"[\w-]+", person)[-1:]
    return len(words) == 1 and bool(last) and words[0] in (last[0] + "s", last[0] + "es")


# words that may stand before the person opening a claim: a dateline, a title, a party tag
_OPENING_WORDS = 3


def _opens(c: Claim, start: int) -> bool:
    """The mention at `start` opens the claim: at most a few words (a dateline, a title) before
    it. A person named later ("ventures involving Mr. Varke", "deleted his Lumen account") is
    no actor of the claim."""
    return len(re.findall(r"\w+", c.text[: start - c.span.start])) <= _OPENING_WORDS


# a name of more words than a person's full name is a run of title-case headline words
_NAME_WORDS = 4
# the parse places the mention where it qualifies or receives the act, not where it does it
_NOT_ACTOR_DEPS = {"compound", "poss", "amod", "nmod", "pobj", "dobj", "dative", "npadvmod"}


def _person_name(name: str) -> bool:
    """The entity's name reads as a person's name: a few words, the last one capitalised
    ("Ludwig van Brenn" keeps its particle; "Per" or "Will" may open a name). A headline run
    typed PERSON ("Reds Beat Owls To Reach Final") or a name run into the next word ("Vik
    doesn") is no person who could act."""
    words = re.findall(r"[\w'\u2019.-]+", name)
    return 0 < len(words) <= _NAME_WORDS and words[-1][:1].isupper()


def _actor(ctx: Judge, c: Claim, start: int, end: int, eid: str) -> bool:
    """The person mention at start..end can be the one acting in the claim: a person's name,
    not written after "the" (a team, a band, a family), and, when the article's parse is known,
    the mention is not a modifier or object ("the Lind administration", "replaced him with
    Okafor")."""
    if not _person_name(ctx.ents.name(eid)):
        return False
    if re.search(r"\bthe\s+$", c.text[max(0, start - c.span.start - 5):start - c.span.start],
                 re.I):
        return False  # "The Hawks drove ...": a person's name takes no article; a team's does
    doc = ctx.docs.get(c.span.article)
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")  # the tokens overlapping it
    inside = [t for t in (span if span is not None else doc) if start <= t.idx < end]
    root = next((t for t in inside if not start <= t.head.idx < end or t.head is t), None)
    return root is None or root.dep_ not in _NOT_ACTOR_DEPS


def _family_mention(ctx: Judge, surface: str) -> bool:
    """The words name a family by its plural surname ("the Varkes"), a surname some person of
    the story bears: whoever else a claim names is then no different person."""
    return any(e.type == "PERSON" and _family_of(surface.lower(), e.name.lower())
               for e in ctx.ents.by_id.values())


def _may_contain(ctx: Judge, x: str, y: str) -> bool:
    """A region (LOC: a strait, a coast, a valley) may hold the other place ("in the Skarn
    Strait" / "near Hollen Point"): without a map that is no contradiction; nor is a place
    some article of the story names as lying in the other ("Mill Lane, Dunmore"). Two towns,
    two landmarks or two regions are otherwise compared."""
    tx, ty = ctx.ents.type(x), ctx.ents.type(y)
    return (tx == "LOC") != (ty == "LOC") or ctx.nested(x, y)


def entities(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    out: list[Conflict] = []
    slotted = [(c, _slots(ctx, c)) for c in cs]
    done: set[str] = set()
    for i in range(len(slotted)):
        for j in range(i + 1, len(slotted)):
            (ca, sa), (cb, sb) = slotted[i], slotted[j]
            for role in {r for r, *_ in sa} & {r for r, *_ in sb} - done:
                xa = [(s, e, x) for r, s, e, x in sa if r == role]
                xb = [(s, e, x) for r, s, e, x in sb if r == role]
                # conflict only when no entity of one side agrees with the other side
                if any(not _different(ctx, x, ca, y, cb) for *_, x in xa for *_, y in xb):
                    continue
                if role == "place" and any(_may_contain(ctx, x, y)
                                           for *_, x in xa for *_, y in xb):
                    continue
                if role == "place":
                    # only places of the event the two claims share ("charged with a murder
                    # in Millby" / "a hearing took place at Dorran court": neither place is
                    # where the charge was laid)
                    xa, xb = _places_of_shared(ctx, ca, cb, xa, xb)
                    if not (xa and xb):
                        continue
                if role == "place":
                    # "talks in Vestra" vs "fishing rights in the Brenn Bank after talks in
                    # Kallio": when places hang off the same noun, only those are compared
                    na = {s: ctx.place_of.get((ca.span.article, s)) for s, _, _ in xa}
                    nb = {s: ctx.place_of.get((cb.span.article, s)) for s, _, _ in xb}
                    common = {w for w in na.values() if w} & {w for w in nb.values() if w}
                    if common:
                        xa = [v for v in xa if na[v[0]] in common]
                        xb = [v for v in xb if nb[v[0]] in common]
                values = [value_at(ca, s, e, ctx.ents.name(x)) for s, e, x in xa]
                values += [value_at(cb, s, e, ctx.ents.name(x)) for s, e, x in xb]
                what = (_PLACE_EXPL if role == "place"
                        else "a different party in the same role "
                             f"(\u201c{ctx.agent_word.get(role, role[3:])} by\u201d)")
                out.append(Conflict("entity", "contradiction", values, what))
                done.add(role)
    # actor: the claim opens with a different person, whom the other claim never names
    firsts = []
    for c in cs:
        ms = ctx.ents.mentions_in(c)
        if ms and ctx.ents.type(ms[0][2]) == "PERSON" and not c.attributed \
                and _opens(c, ms[0][0]) and _actor(ctx, c, *ms[0]):
            firsts.append((c, ms[0]))
    for i in range(len(firsts)):
        for j in range(i + 1, len(firsts)):
            (ca, ma), (cb, mb) = firsts[i], firsts[j]
            if not _different(ctx, ma[2], ca, mb[2], cb):
                continue
            if _named_in(ctx, ma[2], cb) or _named_in(ctx, mb[2], ca):
                continue  # "Lind scored while Okafor added 11": both people act in one claim
            if _other_arguments(ctx, ca, ma[0], cb, mb[0]):
                continue  # "Lind missed a shot" / "Okafor missed both free throws": two acts
            if _family_mention(ctx, slice_of(ca, ma[0], ma[1])) or _family_mention(
                    ctx, slice_of(cb, mb[0], mb[1])):
                continue  # "the Varkes" is a family, not one person in the role
            if _several_holders(ctx, ca, cb):
                continue  # an outlet names two people doing the act: it is no one person's
            values = [value_at(ca, ma[0], ma[1], ctx.ents.name(ma[2])),
                      value_at(cb, mb[0], mb[1], ctx.ents.name(mb[2]))]
            return out + [Conflict("entity", "contradiction", values,
                                   "a different person in the same role")]
    return out + _role_holders(ctx, cs)


def _opener(ctx: Judge, c: Claim) -> tuple[int, int, str] | None:
    """The person mention that opens the claim as its actor, if any."""
    ms = ctx.ents.mentions_in(c)
    if ms and ctx.ents.type(ms[0][2]) == "PERSON" and not c.attributed \
            and _opens(c, ms[0][0]) and _actor(ctx, c, *ms[0]):
        return ms[0]
    return None


def _several_holders(ctx: Judge, ca: Claim, cb: Claim) -> bool:
    """Some article of the story itself names two different people opening claims of the
    event the two claims share ("Ras was ruled out for the season ... Vine was ruled out for
    the season"): the act has several doers in the story (players scoring, men dying, two
    arrests), so a different person doing it elsewhere is another occasion, not a dispute
    about who did it. Only with the parse (`Judge.events`)."""
    from .. import align

    by_openers = align.DEFAULT_PARAMS.judge_several_holders
    by_parse = align.DEFAULT_PARAMS.judge_holders_by_parse
    if not (by_openers or by_parse):
        return False
    ea, eb = ctx.events(ca), ctx.events(cb)
    if ea is None or eb is None or not (shared := ea & eb):
        return False
    for article, claims in ctx.claims_in.items():
        names: list[str] = []
        for c in claims if by_openers else ():
            m = _opener(ctx, c)
            if m is None or not (ctx.events(c) or frozenset()) & shared:
                continue
            name = ctx.ents.name(m[2])
            if any(not same_speaker(name, n) for n in names):
                return True
            names.append(name)
        if by_parse and _parsed_holders(ctx, article, shared):
            return True
    return False


def _parsed_holders(ctx: Judge, article: str, shared: frozenset[str]) -> bool:
    """The article's parse names two different people (the story's person entities) as the
    subject of a verb of one of the `shared` events, wherever the verb stands ("dating back to
    camp, where Ras was ruled out for the year ... Vine missed half the year"): a
    subordinate clause counts too."""
    from ..frames import predicate_class

    doc = ctx.docs.get(article)
    if doc is None:
        return False
    people = [(s, e, eid) for s, e, eid in ctx.ents.at.get(article, [])
              if ctx.ents.type(eid) == "PERSON"]
    names: list[str] = []
    for t in doc:
        if t.pos_ != "VERB":
            continue
        # a phrasal verb is its verb and particle ("ruled out": "rule out")
        prt = [ch.lower_ for ch in t.children if ch.dep_ == "prt"]
        lemmas = {t.lemma_.lower()} | ({f"{t.lemma_.lower()} {prt[0]}"} if prt else set())
        if not any(x in shared or f"class:{predicate_class(x)}" in shared for x in lemmas):
            continue
        for subj in t.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            eid = next((eid for s, e, eid in people if s <= subj.idx < e), None)
            if eid is None:
                continue
            name = ctx.ents.name(eid)
            if any(not same_speaker(name, n) for n in names):
                return True
            names.append(name)
    return False


def _role_holders(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    """The same statement credited to two different people who hold the same role
    ("spokesperson for the ministry"): one of the outlets named the wrong person."""
    said = [(c, ctx.speaker(c)) for c in cs]
    said = [(c, w) for c, w in said if w in ctx.ents.by_id
            and ctx.ents.type(w) == "PERSON"]
    for i in range(len(said)):
        for j in range(i + 1, len(said)):
            (ca, wa), (cb, wb) = said[i], said[j]
            if wa == wb or same_speaker(ctx.ents.name(wa), ctx.ents.name(wb)):
                continue
            ra, rb = ctx.ents.by_id[wa].roles, ctx.ents.by_id[wb].roles
            same = next(((x, y) for x in ra for y in rb if _same_role(x, y)), None)
            if same:
                values = [ctx.speaker_value(ca, wa, ctx.ents.name(wa)),
                          ctx.speaker_value(cb, wb, ctx.ents.name(wb))]
                return [Conflict("entity", "contradiction", values,
                                 f"a different person named as {same[0]}")]
    return []


def _participants(ctx: Judge, c: Claim) -> set[str]:
    return {x for x in c.entities
            if ctx.ents.type(x) not in _PLACE_TYPES | _NEVER_SLOT}


def _one_event(ctx: Judge, a: Claim, b: Claim) -> bool:
    """Two claims of one event class that may be the same event: no named participant on
    one side that the other lacks entirely ("the Saga Vind sank" / "the trawler Kaja sank"),
    no dates that disagree (a past accident recalled beside today's)."""
    pa, pb = _participants(ctx, a), _participants(ctx, b)
    if pa and pb and not (pa & pb) and not any(
            not _different(ctx, x, a, y, b) for x in pa for y in pb):
        return False
    da = [(t, weekday(t.text)) for t in a.times]
    db = [(t, weekday(t.text)) for t in b.times]
    comparable = [(x, y) for x in da for y in db if date_comparable(x, y)]
    return not comparable or any(date_agree(x, y) for x, y in comparable)


def places_across(ctx: Judge, facts: list[FactDraft]) -> None:
    """Where one event happened, compared across facts. A claim of a point event (capsize,
    crash, explosion) is compared with another origin's claim of that event class in a
    different fact only when the two are anchored: one claim's fact also holds the other
    origin's own version of the event ("capsized ... late on Tuesday" aligned with "sank
    ... near Hollen Point", while the same article says "off Vestra" in another sentence).
    Two origins contradict when some anchored pair may be one event, no place of one agrees
    with or is linked to a place of the other, and two of their places differ outright (a
    region that may hold the other place is neither for nor against). A dispute joins the
    place conflict a fact of its claims already has, else goes to the fact holding most of
    its values; the same places said by other origins for that event are added beside it."""
    fact_of: dict[int, FactDraft] = {}
    anchors: dict[int, set[tuple[str, str]]] = {}  # fact -> (origin, class) it holds
    items: list[tuple[Claim, str, list[tuple[int, int, str]]]] = []
    for f in facts:
        for c in f.claims:
            cls = next((k for k, rx in _POINT_EVENTS.items() if rx.search(c.text)), None)
            if cls is None or c.negated:
                continue
            anchors.setdefault(id(f), set()).add((ctx.origin(c), cls))
            if id(c) in fact_of:
                continue  # a claim in two facts (it states both): its places are read once
            fact_of[id(c)] = f
            places = [(s, e, x) for r, s, e, x in _slots(ctx, c) if r == "place"]
            if places:
                items.append((c, cls, places))
    for cls in _POINT_EVENTS:
        of_cls = [it for it in items if it[1] == cls]
        by_origin: dict[str, list[tuple[Claim, list[tuple[int, int, str]]]]] = {}
        for c, _, places in of_cls:
            by_origin.setdefault(ctx.origin(c), []).append((c, places))
        # (claim, start, end, entity) of every place in a disputed pair
        shown: dict[tuple[str, int, int], tuple[Claim, int, int, str]] = {}
        origins = list(by_origin)
        for i in range(len(origins)):
            for j in range(i + 1, len(origins)):
                for side in _places_differ(ctx, by_origin[origins[i]],
                                                by_origin[origins[j]], fact_of,
                                                anchors, cls):
                    shown.setdefault((side[0].span.article, side[1], side[2]), side)
        if shown:
            _place_dispute(ctx, list(shown.values()), fact_of)
        _place_support(ctx, of_cls, fact_of)


def _place_dispute(ctx: Judge, shown: list[tuple[Claim, int, int, str]],
                   fact_of: dict[int, FactDraft]) -> None:
    """Record one place dispute: added to a place conflict a fact of its claims already has
    (one dispute, one conflict), else to the fact holding most of its values."""
    facts = [fact_of[id(c)] for c, *_ in shown]
    for f in dict.fromkeys(id(f) for f in facts):
        fact = next(x for x in facts if id(x) == f)
        old = next((cf for cf in fact.conflicts if cf.kind == "entity"
                    and cf.explanation == _PLACE_EXPL), None)
        if old is not None:
            have = {v.span for v in old.values}
            old.values.extend(value_at(c, s, e, ctx.ents.name(x)) for c, s, e, x in shown
                              if Span(c.span.article, s, e) not in have)
            return
    fact = max(facts, key=lambda f: sum(x is f for x in facts))
    fact.conflicts.append(Conflict("entity", "contradiction", [
        value_at(c, s, e, ctx.ents.name(x)) for c, s, e, x in shown], _PLACE_EXPL))


def _place_support(ctx: Judge, of_cls: list, fact_of: dict[int, FactDraft]) -> None:
    """Beside a place dispute of one event class, the other origins' claims of that class
    naming one of the disputed places ("derailed near Ormvik" beside "came off the rails
    near Ormvik" vs "near Sellby"): shown as values, never a conflict of their own."""
    facts = {id(fact_of[id(c)]): fact_of[id(c)] for c, *_ in of_cls}
    for f in facts.values():
        for cf in f.conflicts:
            if cf.kind != "entity" or cf.explanation != _PLACE_EXPL:
                continue
            names = {v.value for v in cf.values}
            sides = {(v.span.article, v.span.start, v.span.end) for v in cf.values}
            for c, _, places in of_cls:
                for s, e, x in places:
                    if ctx.ents.name(x) in names and (c.span.article, s, e) not in sides:
                        cf.values.append(value_at(c, s, e, ctx.ents.name(x)))
                        sides.add((c.span.article, s, e))


def _places_differ(ctx: Judge, side_a: list, side_b: list, fact_of: dict[int, FactDraft],
                   anchors: dict[int, set[tuple[str, str]]], cls: str
                   ) -> list[tuple[Claim, int, int, str]]:
    """The places of two origins' claims of one event class that contradict: none agrees
    with (or is linked to) a place of the other side, and some pair of different places,
    neither a region that may hold the other, sits in anchored claims of different facts
    (one fact's own places were compared by `entities`). Empty when they do not."""
    pairs = [(ca, pa, cb, pb) for ca, pa in side_a for cb, pb in side_b
             if _one_event(ctx, ca, cb)]
    out: list[tuple[Claim, int, int, str]] = []
    across = False
    for ca, pa, cb, pb in pairs:
        fa, fb = fact_of[id(ca)], fact_of[id(cb)]
        for sa, ea, x in pa:
            for sb, eb, y in pb:
                if not _different(ctx, x, ca, y, cb):
                    return []
                if _may_contain(ctx, x, y):
                    continue  # "in the Grensdal valley" says nothing against "near Sellby"
                anchored = fa is not fb and (
                    (ctx.origin(cb), cls) in anchors.get(id(fa), set())
                    or (ctx.origin(ca), cls) in anchors.get(id(fb), set()))
                if anchored:
                    out += [(ca, sa, ea, x), (cb, sb, eb, y)]
                    across = True
    return out if across else []
