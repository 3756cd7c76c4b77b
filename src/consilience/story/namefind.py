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
from ..lexicon.names import (
    ARABIC_ARTICLES,
    KUNYA_MARKERS,
    ORG_LAST_WORDS,
    ORG_NOUNS,
    PATRONYM_MARKERS,
    SURNAME_PARTICLES,
)
from ..lexicon.people import ADDRESS_TITLES, NAME_TITLES, ROLE_WORDS
from ..lexicon.places import NAME_ALIASES, PLACE_NOUNS
from ..model import Analysis, LocalEntity, Mention, add_local_entity
from ..text import doc_text
from .nameforms import caps_word, korean_name, korean_syllable_key, name_form, story_cores
from .resolve import (
    PairScorer,
    PersonName,
    given_compatible,
    given_related,
    norm_text,
    parse_person,
    persons_compatible,
    strip_titles,
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
    # found by its form alone: kept only where it overlaps a mention of the tagger
    repair: bool = False


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


def _after_hyphen(doc, i: int) -> bool:
    """Token `i` follows a hyphen glued to it (the second half of a hyphenated word)."""
    return i > 0 and doc[i - 1].text in _HYPHENS and not doc[i - 1].whitespace_


def _hyphen_next(doc, i: int) -> bool:
    """Token `i` is glued to a hyphen glued to a third token (the first half of one)."""
    return i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text in _HYPHENS \
        and not doc[i + 1].whitespace_


def _surnames(doc):
    """(first token, end token, keys) of each word that can end a person's name: one name word,
    or two joined by a hyphen ("Voss-Aalto": the keys of the whole and of each part), not
    followed by a further capitalised word of its sentence (a longer name or title)."""
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not _name_word(tok) or _after_hyphen(doc, i):
            i += 1
            continue
        end = i + 1
        keys = {_key(tok.text)}
        if _hyphen_next(doc, i):
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
        if norm_text(doc_text(doc)[start:end]) in written:
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
            ent = add_local_entity(entities, by_id, text[f.start:f.end], "PERSON")
        added.append(Mention(f.start, f.end, text[f.start:f.end], "PERSON", ent))
    return _with_added(an, mentions, dropped, added, entities, by_id)


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


# --------------------------------------------------------------------------- name forms
# (`ResolveOptions.name_traditions`, docs/quality.md "r16-names3"): names written in capitals
# (a family name first in an administrative text, a whole name in a headline) and names of a
# patronymic chain or with an honorific, that the tagger missed, cut in two or typed as an
# organisation. Each is found only when its surname (as `nameforms.name_form` normalises it) is
# the surname of a person the story names in full elsewhere.

_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019\-]*[^\W\d_])?")
_CHAIN = frozenset(PATRONYM_MARKERS) | ARABIC_ARTICLES | SURNAME_PARTICLES | KUNYA_MARKERS


def _fold(word: str) -> str:
    return translit_key(norm_text(word).replace(" ", ""))


def _story_surnames(analyses: list[Analysis]) -> dict[str, list[PersonName]]:
    """Surname key -> the normalised full names of the story's person mentions (`name_form`)."""
    forms = [m.text for an in analyses for m in an.mentions if m.type == "PERSON"]
    cores = story_cores(forms)
    out: dict[str, list[PersonName]] = {}
    for text in forms:
        nf = name_form(text, cores)
        p = parse_person(nf.text)
        if p is not None and p.full and all(len(g) > 1 for g in p.given):
            out.setdefault(p.surname, []).append(p)
    return out


def _adjacent(text: str, a: re.Match, b: re.Match) -> bool:
    gap = text[a.end():b.start()]
    return 0 < len(gap) <= 2 and gap.strip() == "" and "\n" not in gap


def _runs(text: str) -> list[list[re.Match]]:
    """Runs of words of one line separated by single spaces."""
    runs: list[list[re.Match]] = []
    for m in _WORD.finditer(text):
        if runs and _adjacent(text, runs[-1][-1], m):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _chain_word(w: str) -> bool:
    """A word of a name written in mixed case: capitalised, or a particle, article or chain
    word, alone or hyphenated to the next word ("al-Qasim")."""
    return w[:1].isupper() or norm_text(w.split("-")[0]) in _CHAIN


def _chain_marked(words: list[str]) -> bool:
    """A patronymic marker in lower case between two capitalised words ("Hasan ibn Rafi"): a
    person's name by its form."""
    return any(w in PATRONYM_MARKERS and _capital(words[k - 1]) and _capital(words[k + 1])
               for k, w in enumerate(words[1:-1], 1))


def _capital(word: str) -> bool:
    """Capitalised, or its last hyphenated part is ("el-Kacem")."""
    return word.split("-")[-1][:1].isupper()


def _ko_key(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A Korean name's canonical family name and folded given-name syllables
    (`nameforms.korean_name`, `korean_syllable_key`): "CHUNG Hye-rin" and "Jeong Hye-rin" agree."""
    ko = korean_name(text)
    if ko is None:
        return None
    return ko[0], tuple(korean_syllable_key(x) for x in ko[1].split("-"))


def _fits_story(text: str, cores: set[str], people: dict[str, list[PersonName]],
                full: bool, korean: set[tuple[str, tuple[str, ...]]] | None = None) -> bool:
    """The normalised name has a surname of the story's full-named persons and, when it has a
    given name (or `full` asks for one), a given name compatible with one of them. With
    `korean` (`ResolveOptions.name_alone`): or it is a Korean name of the story written in
    another romanisation (`_ko_key`)."""
    nf = name_form(text, cores)
    if korean and _ko_key(nf.text) in korean:
        return True
    p = parse_person(nf.text)
    if p is None or (full and not p.full):
        return False
    known = people.get(p.surname, [])
    if not known:
        return False
    return not p.given or any(given_compatible(p.given, q.given, True, True)
                              or given_related(p.given[0], q.given[0]) for q in known)


def _by_name_forms(text: str, cores: set[str], people: dict[str, list[PersonName]],
                   korean: set[tuple[str, tuple[str, ...]]] | None = None) -> list[_Found]:
    out: list[_Found] = []
    for run in _runs(text):
        words = [m.group() for m in run]
        n = len(words)
        i = 0
        while i < n:
            # a family name in capitals first, then a given name in mixed case (and a chain)
            k = i
            while k < n and k - i < 4 and caps_word(words[k]):
                k += 1
            if k > i and k < n and words[k][:1].isupper() and not caps_word(words[k]):
                e = k + 1
                while e + 1 < n and norm_text(words[e]) in PATRONYM_MARKERS \
                        and words[e + 1][:1].isupper():
                    e += 2
                if _fits_story(" ".join(words[i:e]), cores, people, True, korean):
                    out.append(_Found(run[i].start(), run[e - 1].end(), True))
                    i = e
                    continue
            # words in capitals alone (a headline): a story person's surname last (with its
            # particles), and the word before it as the given name unless it is a title
            if k > i:
                t = k - 1
                while t - 1 >= i and norm_text(words[t - 1]) in _CHAIN:
                    t -= 1
                if len(_fold(words[k - 1])) >= 4 and _fits_story(" ".join(words[t:k]), cores,
                                                                 people, False):
                    g = t - 1
                    start = g if g >= i and norm_text(words[g]) not in NAME_TITLES | ROLE_WORDS \
                        and len(words[g]) >= 2 else t
                    out.append(_Found(run[start].start(), run[k - 1].end(), True))
                i = k
                continue
            # a name in mixed case with a chain word, an article or an honorific inside it
            if words[i][:1].isupper():
                e = i
                while e < n and _chain_word(words[e]) and not caps_word(words[e]):
                    e += 1
                inner = [norm_text(w.split("-")[0]) for w in words[i:e]]
                if e - i >= 3 and any(w in _CHAIN for w in inner[:-1]) \
                        and _capital(words[e - 1]):
                    for s in range(i, e - 2):
                        if _fits_story(" ".join(words[s:e]), cores, people, True) or (
                                words[s][:1].isupper() and _chain_marked(words[s:e])):
                            out.append(_Found(run[s].start(), run[e - 1].end(), True,
                                              repair=True))
                            break
                    i = e
                    continue
            i += 1
    return out


def _add_forms(an: Analysis, found: list[_Found], cores: set[str]) -> Analysis:
    """`an` with the found names as PERSON mentions, each replacing every mention that lies
    inside it (a name cut in two, or typed as an organisation); skipped where a mention crosses
    its edge. Found names of one normalised form share an entity, and join the article's person
    entity of that form."""
    text = an.article.text
    mentions = list(an.mentions)
    entities = [replace(le, mentions=list(le.mentions), roles=list(le.roles)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    by_form: dict[str, str] = {}
    for le in entities:
        if le.type == "PERSON" and le.name:
            by_form.setdefault(name_form(le.name, cores).text.lower(), le.id)
    dropped: set[int] = set()
    added: list[Mention] = []
    for f in found:
        over = [k for k, m in enumerate(mentions) if m.start < f.end and f.start < m.end]
        if f.repair and not over:
            continue
        # a mention across the name's edge: a person's blocks it, another's is replaced
        if any(not (f.start <= mentions[k].start and mentions[k].end <= f.end)
               and mentions[k].type == "PERSON" for k in over):
            continue
        if any(a.start < f.end and f.start < a.end for a in added):
            continue
        if len(over) == 1 and mentions[over[0]].type == "PERSON" and \
                (mentions[over[0]].start, mentions[over[0]].end) == (f.start, f.end):
            continue  # the tagger's own mention
        dropped.update(over)
        name = text[f.start:f.end]
        key = name_form(name, cores).text.lower()
        ent = by_form.get(key)
        if ent is None or ent not in by_id:
            ent = add_local_entity(entities, by_id, name, "PERSON")
            by_form[key] = ent
        added.append(Mention(f.start, f.end, name, "PERSON", ent))
    return _with_added(an, mentions, dropped, added, entities, by_id)


def with_name_forms(analyses: list[Analysis], romanised: bool = False) -> list[Analysis]:
    """The analyses with the name forms of the section above added (`_by_name_forms`). With
    `romanised` (`ResolveOptions.name_alone` with `name_korean`), a Korean name in capitals is
    found in another romanisation of a story person's name too ("CHUNG" for "Jeong")."""
    people = _story_surnames(analyses)
    if not people:
        return analyses
    forms = [m.text for an in analyses for m in an.mentions if m.type == "PERSON"]
    cores = story_cores(forms)
    korean = {k for f in forms if (k := _ko_key(name_form(f, cores).text))} if romanised \
        else None
    return [_add_forms(an, _by_name_forms(an.article.text, cores, people, korean), cores)
            for an in analyses]


def _with_added(an: Analysis, mentions: list[Mention], dropped: set[int], added: list[Mention],
                entities: list[LocalEntity], by_id: dict[str, LocalEntity]) -> Analysis:
    """The analysis with `added` mentions in place of the `dropped` ones, in text order, each
    entity's mention indexes rebuilt and entities left with no mention gone."""
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


# --------------------------------------------------------------------------- name parts
# (`ResolveOptions.name_alone`, docs/quality.md "r17-nameless"): a known person's name part
# that the tagger left untagged in another article: a given name or a surname standing alone
# ("Tuyet" for "Nguyen Thi Tuyet", a hyphenated "Kyung-ho" alone) when it is exactly one known
# person's, and a full name whose surname the story gives a person only alone ("Dr Virtanen"
# elsewhere, "Aino Kaarina Virtanen" untagged here) when a name table lists its given name.


@dataclass
class _Known:
    """One known person of the story: a full name's parsed parts."""

    name: str
    person: PersonName
    keys: set[str]  # the keys of the words that name this person alone (given names, surname)


def _identity(p: PersonName) -> str:
    ko = korean_name(f"{p.surname} {' '.join(p.given)}") if p.given else None
    if ko is not None:
        return f"{ko[0]}|{ko[1]}"
    return f"{_key(p.surname)}|{_key(p.given[0]) if p.given else ''}"


def _story_persons(analyses: list[Analysis]) -> dict[str, _Known]:
    """Identity key -> the story's full-named persons (a given name of two letters or more)."""
    out: dict[str, _Known] = {}
    for an in analyses:
        for le in an.entities:
            if le.type != "PERSON" or len(le.name.split()) < 2:
                continue
            p = parse_person(le.name, True)
            if p is None or not p.full or any(len(g) < 2 for g in p.given):
                continue
            ident = _identity(p)
            k = out.setdefault(ident, _Known(le.name, p, set()))
            k.keys.add(_key(p.surname))
            k.keys.update(_key(part) for part in p.surname_parts)
            k.keys.update(_key(g) for g in p.given)
            k.keys.update(_key(w) for w in le.name.split() if "-" in w)  # "Kyung-ho" whole
    return out


def _other_words(analyses: list[Analysis]) -> set[str]:
    """Keys of the words of the story's non-person mentions, and of the words written in lower
    case anywhere in it (a common word: "Rose", "Hope" may not be a name alone)."""
    out: set[str] = set()
    for an in analyses:
        for m in an.mentions:
            if m.type not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                              "QUANTITY", "PERCENT"):
                out.update(_key(w) for w in _WORD.findall(m.text))
        out.update(_key(w) for w in _WORD.findall(an.article.text) if w[:1].islower())
    return out


def _capital_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha


def _alone_spans(doc, titles: frozenset[str] = NAME_TITLES):
    """(first token, end token) of each capitalised word, or two joined by a hyphen, that stands
    alone: no capitalised word right before it (a title of `titles` may be) or after it in its
    sentence."""
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not _capital_word(tok) or _after_hyphen(doc, i):
            i += 1
            continue
        end = i + 1
        if _hyphen_next(doc, i) and doc[i + 2].is_alpha:
            end = i + 3
        nxt = doc[end] if end < n else None
        prev = doc[i - 1] if i > 0 else None
        glued_after = nxt is not None and not doc[end - 1].whitespace_ and nxt.is_alpha
        cap_after = nxt is not None and _capital_word(nxt) and nxt.sent == tok.sent
        cap_before = prev is not None and _capital_word(prev) and prev.sent == tok.sent \
            and norm_text(prev.text) not in titles
        if not (glued_after or cap_after or cap_before):
            yield i, end
        i = end


def _sentence_first(doc, i: int) -> bool:
    """The token opens its sentence (punctuation and quotes before it aside) or a line."""
    j = i - 1
    while j >= 0 and doc[j].is_punct and doc[j].sent == doc[i].sent:
        j -= 1
    return j < 0 or doc[j].sent != doc[i].sent or "\n" in doc[j].text_with_ws \
        or doc[j].is_space


def _by_name_part(doc, known: dict[str, _Known], index: dict[str, set[str]],
                  other: set[str], taken: list[tuple[int, int]],
                  titles: frozenset[str] = NAME_TITLES) -> list[tuple[int, int, str]]:
    """(start, end, identity) of each untagged name part that is exactly one known person's
    (after a title of `titles`, or no capitalised word)."""
    out: list[tuple[int, int, str]] = []
    for s, e in _alone_spans(doc, titles):
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if any(a < end and start < b for a, b in taken):
            continue
        text = doc_text(doc)[start:end]
        hyphenated = e - s == 3
        if len(text) < 3 or text.isupper():
            continue
        if not hyphenated and (doc[s].is_stop or doc[s].pos_ != "PROPN" or (
                _sentence_first(doc, s) and doc[s].dep_ not in ("nsubj", "nsubjpass"))):
            # a capitalised common word; a word a sentence opens with only as its subject
            continue
        low = norm_text(text)
        if low in NAME_TITLES or low in ROLE_WORDS or low in _NOT_SURNAME:
            continue
        k = _key(text)
        if k in other:
            continue
        owners = index.get(k, set())
        if len(owners) == 1:
            out.append((start, end, next(iter(owners))))
    return out


def _surname_keys(p: PersonName) -> set[str]:
    return {_key(p.surname)} | {_key(x) for x in p.surname_parts}


_POSSESSIVE = re.compile(r"['\u2019][sS]?$")


def _by_capitals(text: str, doc, known: dict[str, _Known], index: dict[str, set[str]],
                 other: set[str], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """`ResolveOptions.name_known_forms`: (start, end, identity) of each untagged name in
    capitals whose words, compared without case, are a known person's full name in order, or
    that person's surname alone when the surname is exactly one known person's name part. A
    word the story writes in lower case or in a non-person mention, a stop word and a title
    never count; a possessive ending ("'S") is left outside the name."""
    out: list[tuple[int, int, str]] = []
    words = list(_WORD.finditer(text))
    names = {ident: [_key(w) for w in k.name.split()] for ident, k in known.items()}

    def ok(w: str) -> bool:
        low = norm_text(w)
        return caps_word(w) and _key(w) not in other and not doc.vocab[low].is_stop \
            and low not in NAME_TITLES | ROLE_WORDS | ADDRESS_TITLES | _NOT_SURNAME

    i = 0
    while i < len(words):
        w = _POSSESSIVE.sub("", words[i].group())
        if not ok(w):
            i += 1
            continue
        hit = None
        # a full name in order (its last word may carry the possessive)
        for ident, toks in names.items():
            n = len(toks)
            if n < 2 or i + n > len(words):
                continue
            span = [words[i + t].group() for t in range(n)]
            span[-1] = _POSSESSIVE.sub("", span[-1])
            if all(caps_word(x) for x in span) and [_key(x) for x in span] == toks \
                    and all(_adjacent(text, words[i + t], words[i + t + 1])
                            for t in range(n - 1)):
                if hit is None or n > hit[1]:
                    hit = (ident, n)
        if hit is not None:
            ident, n = hit
            start = words[i].start()
            end = words[i + n - 1].start() + len(_POSSESSIVE.sub("", words[i + n - 1].group()))
        else:
            owners = index.get(_key(w), set())
            if len(owners) != 1:
                i += 1
                continue
            ident = next(iter(owners))
            if _key(w) not in _surname_keys(known[ident].person):
                i += 1
                continue
            n = 1
            start, end = words[i].start(), words[i].start() + len(w)
        if not any(a < end and start < b for a, b in taken):
            out.append((start, end, ident))
        i += n
    return out


_THING_TYPES = ("ORG", "PRODUCT", "FAC")


def _known_things(analyses: list[Analysis]) -> dict[str, tuple[str, str]]:
    """`ResolveOptions.name_known_forms`: the key of each one-word name of an organisation,
    product or facility the story writes in mixed case ("Hrafnborg" for a vessel) -> (name,
    type); a word two such names of different types share is none."""
    out: dict[str, tuple[str, str]] = {}
    clash: set[str] = set()
    for an in analyses:
        for le in an.entities:
            if le.type not in _THING_TYPES or " " in le.name or le.name.isupper() \
                    or not le.name[:1].isupper() or len(le.name) < 4:
                continue
            k = _key(le.name)
            if out.get(k, (le.name, le.type))[1] != le.type:
                clash.add(k)
            out.setdefault(k, (le.name, le.type))
    return {k: v for k, v in out.items() if k not in clash}


def _by_capital_things(text: str, doc, things: dict[str, tuple[str, str]], lower: set[str],
                       taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, name, type) of each untagged word in capitals that is a known one-word name
    of `_known_things` (a vessel's name in capitals); never a word the story writes in lower
    case, a stop word or a title; a possessive ending is left outside the name."""
    out: list[tuple[int, int, str, str]] = []
    for m in _WORD.finditer(text):
        w = _POSSESSIVE.sub("", m.group())
        low = norm_text(w)
        hit = things.get(_key(w))
        if hit is None or not caps_word(w) or _key(w) in lower or doc.vocab[low].is_stop \
                or low in NAME_TITLES | ROLE_WORDS | ADDRESS_TITLES:
            continue
        start, end = m.start(), m.start() + len(w)
        if not any(a < end and start < b for a, b in taken):
            out.append((start, end, *hit))
    return out


def _add_things(an: Analysis, found: list[tuple[int, int, str, str]]) -> Analysis:
    """`an` with the found names in capitals as mentions, each joining the article's entity of
    that name and type (or a new one)."""
    if not found:
        return an
    text = an.article.text
    mentions = list(an.mentions)
    entities = [replace(le, mentions=list(le.mentions), roles=list(le.roles)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    own = {(_key(le.name), le.type): le.id for le in entities}
    added: list[Mention] = []
    for start, end, name, type_ in found:
        ent = own.get((_key(name), type_))
        if ent is None:
            ent = own[(_key(name), type_)] = add_local_entity(entities, by_id, name, type_)
        added.append(Mention(start, end, text[start:end], type_, ent))
    return _with_added(an, mentions, set(), added, entities, by_id)


def _lower_words(analyses: list[Analysis]) -> set[str]:
    return {_key(w) for an in analyses for w in _WORD.findall(an.article.text) if w[:1].islower()}


def _by_surname_alone(doc, alone: set[str], full_keys: set[str],
                      taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each untagged full name ending in a surname the story gives a person only
    alone, whose first given name a name table lists ("Aino Kaarina Virtanen")."""
    out: list[tuple[int, int]] = []
    for s, e, keys in _surnames(doc):
        if not keys & alone or keys & full_keys or s == 0:
            continue
        j = s
        while j > 0 and s - j < 2 and _capital_word(doc[j - 1]) and doc[j - 1].whitespace_ \
                and doc[j - 1].sent == doc[s].sent:
            j -= 1
        if j == s or not known_given_name(doc[j].text):
            continue
        if j > 0 and _capital_word(doc[j - 1]) and doc[j - 1].sent == doc[s].sent \
                and norm_text(doc[j - 1].text) not in NAME_TITLES:
            continue  # a longer run of names: not this one's to read
        start, end = doc[j].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if any(a < end and start < b for a, b in taken):
            continue
        out.append((start, end))
    return out


def with_name_parts(analyses: list[Analysis], known_forms: bool = False) -> list[Analysis]:
    """The analyses with the name parts of the section above added as PERSON mentions: a part
    alone joins the article's one entity of its person (or a new entity named by it), a full
    name is its own entity. An analysis without a kept parse is returned as it was. With
    `known_forms` (`ResolveOptions.name_known_forms`, "r18b-namefind"): a title of
    `ADDRESS_TITLES` may stand before a part too, a known person's surname or full name in
    capitals is found (`_by_capitals`), and a one-word name of an organisation, product or
    facility in capitals (`_by_capital_things`)."""
    titles = NAME_TITLES | ROLE_WORDS | ADDRESS_TITLES if known_forms else NAME_TITLES
    known = _story_persons(analyses)
    index: dict[str, set[str]] = {}
    for ident, k in known.items():
        for key in k.keys:
            index.setdefault(key, set()).add(ident)
    other = _other_words(analyses)
    full_keys = {key for k in known.values() for key in k.keys}
    things = _known_things(analyses) if known_forms else {}
    lower = _lower_words(analyses) if things else set()
    alone = {_key(m.text.split()[-1]) for an in analyses for m in an.mentions
             if m.type == "PERSON" and len(strip_titles(m.text)) == 1}
    out = []
    for an in analyses:
        if an.doc is None:
            out.append(an)
            continue
        taken = [(m.start, m.end) for m in an.mentions]
        parts = _by_name_part(an.doc, known, index, other, taken, titles)
        if known_forms:
            parts += _by_capitals(an.article.text, an.doc, known, index, other,
                                  taken + [(a, b) for a, b, _ in parts])
        fulls = _by_surname_alone(an.doc, alone - full_keys, full_keys,
                                  taken + [(a, b) for a, b, _ in parts])
        an = _lone_given_names(_add_parts(an, parts, fulls, known), known, index)
        if things:
            an = _add_things(an, _by_capital_things(an.article.text, an.doc, things, lower,
                                                    [(m.start, m.end) for m in an.mentions]))
        out.append(an)
    return out


def _lone_given_names(an: Analysis, known: dict[str, _Known], index: dict[str, set[str]]
                      ) -> Analysis:
    """An article person entity whose every mention is one hyphenated word that is exactly one
    known person's given name ("Yu-tang" alone beside "Lin Yu-tang"; the resolver would read
    its two halves as a given name and a surname) is named by that person's full name (read as
    it by `resolve._parts_only`)."""
    renamed = []
    for le in an.entities:
        texts = {an.mentions[i].text for i in le.mentions if 0 <= i < len(an.mentions)}
        if le.type != "PERSON" or len(texts) != 1:
            continue
        word = next(iter(texts))
        if " " in word or "-" not in word.strip("-") or word.isupper():
            continue
        owners = index.get(_key(word), set())
        if len(owners) == 1:
            k = known[next(iter(owners))]
            if any(_key(g) == _key(word) for g in k.name.split()):
                renamed.append((le.id, k.name))
    if not renamed:
        return an
    names = dict(renamed)
    return replace(an, entities=[replace(le, name=names[le.id]) if le.id in names else le
                                 for le in an.entities])


def _add_parts(an: Analysis, parts: list[tuple[int, int, str]], fulls: list[tuple[int, int]],
               known: dict[str, _Known]) -> Analysis:
    if not parts and not fulls:
        return an
    text = an.article.text
    mentions = list(an.mentions)
    entities = [replace(le, mentions=list(le.mentions), roles=list(le.roles)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    added: list[Mention] = []
    # one new entity per known person, named by the person's full name (the resolver reads
    # it as that name: `resolve._parts_only`)
    own: dict[str, str] = {}
    for start, end, ident in parts:
        if ident not in own:
            own[ident] = add_local_entity(entities, by_id, known[ident].name, "PERSON")
        added.append(Mention(start, end, text[start:end], "PERSON", own[ident]))
    for start, end in fulls:
        ent = add_local_entity(entities, by_id, text[start:end], "PERSON")
        added.append(Mention(start, end, text[start:end], "PERSON", ent))
    return _with_added(an, mentions, set(), added, entities, by_id)


# --------------------------------------------------------------------------- cut names
# (r19, docs/quality.md "r19-names8"; `ResolveOptions.name_lengthen`): a person mention the
# tagger began too late ("Maryam Rezaei" tagged "Rezaei", "María Fernanda Gutiérrez Salcedo"
# tagged "Gutiérrez Salcedo") lengthened over the given names written right before it.


def _given_before(doc, first: int, other: set[str], taken: list[tuple[int, int]]) -> int:
    """The character offset the name whose first token is `first` starts at once the
    capitalised proper nouns written right before it, one space apart and three at most, are
    read as its given names; none is a title, role, stop word or organisation or place noun,
    a word the story writes in lower case or in a non-person mention, or inside a mention."""
    start = doc[first].idx
    j = first - 1
    while j >= 0 and first - j <= 3:
        t = doc[j]
        low = norm_text(t.text)
        if t.whitespace_ != " " or not _capital_word(t) or t.pos_ != "PROPN" \
                or t.is_stop or low in NAME_TITLES | ROLE_WORDS | ADDRESS_TITLES | _NOT_SURNAME \
                or _key(t.text) in other or any(a <= t.idx < b for a, b in taken):
            break
        start = t.idx
        j -= 1
    return start


def with_lengthened_names(analyses: list[Analysis]) -> list[Analysis]:
    """The analyses with each PERSON mention that the tagger began too late lengthened over the
    given names written right before it (`_given_before`). The mention's entity is named by
    the longer form when the shorter one named it; when the entity's name is another full name
    of that surname that the longer form cannot be ("Reza X" beside "Maryam X": the tagger's
    coreference joined two people by the surname), the mention becomes an entity of its own.
    An analysis without a kept parse is returned as it was."""
    other = _other_words(analyses)
    out = []
    for an in analyses:
        if an.doc is None:
            out.append(an)
            continue
        starts = {t.idx: t.i for t in an.doc}
        taken = [(m.start, m.end) for m in an.mentions]
        mentions = list(an.mentions)
        entities = [replace(le, mentions=list(le.mentions)) for le in an.entities]
        by_id = {le.id: le for le in entities}
        changed = False
        for k, m in enumerate(mentions):
            if m.type != "PERSON" or m.start not in starts:
                continue
            start = _given_before(an.doc, starts[m.start], other, taken)
            if start >= m.start:
                continue
            text = an.article.text[start:m.end]
            mentions[k] = m = replace(m, start=start, text=text)
            changed = True
            le = by_id.get(m.entity or "")
            if le is None:
                continue
            mine, theirs = parse_person(text, True), parse_person(le.name, True)
            if theirs is not None and theirs.full and mine is not None and not \
                    persons_compatible(mine, theirs, True):
                new = add_local_entity(entities, by_id, text, "PERSON")
                le.mentions = [i for i in le.mentions if i != k]
                by_id[new].mentions = [k]
                mentions[k] = replace(m, entity=new)
            elif len(text) > len(le.name):
                le.name = text
        if not changed:
            out.append(an)
            continue
        out.append(replace(an, mentions=mentions, entities=[le for le in entities if le.mentions]))
    return out
