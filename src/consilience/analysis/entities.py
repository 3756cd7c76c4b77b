"""Named-entity mentions, stated roles and in-article coreference, from the spaCy Doc.

Decides: which name spans are mentions (cleaned of "the", possessives, titles; model spans cut
where a comma or dash separates two names or where they run on into ordinary words, a headline's
too, and retyped from evidence in the article), the role
stated next to a person ("Russian President", appositions), and which mentions of one article are
one entity (name subsets, "Mr." forms, acronyms and web addresses the model left untagged,
definite role nouns that match exactly one stated role). Does not decide: pronoun coreference, or
identity across articles (that is `resolve`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon.names import (
    ELDER_YOUNGER,
    GENERATIONS,
    HONORIFIC_GENDER,
    KIN_GENERATION,
    NAME_END_SUFFIXES,
    NAME_PARTICLES,
    NAMED_AFTER_NOUNS,
    ORG_LAST_WORDS,
    ORG_NOUNS,
    OTHER_GENERATION,
    OUTLET_NAME_WORDS,
)
from ..lexicon.people import HONORIFICS, ROLE_MODIFIERS, ROLE_WORDS
from ..lexicon.places import COMPASS_WORDS, LOCATIVE_PREPOSITIONS, PLACE_NOUNS
from ..model import Article, LocalEntity, Mention
from .names import generation_of, nickname_match
from .spanindex import SpanIndex

# Numeric and temporal labels are handled by the quantity and time extractors.
NON_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)
# Title words that the small model sometimes puts inside a PERSON entity ("President Putin").
TITLE_PREFIXES = ROLE_WORDS | HONORIFICS | frozenset({"former", "acting", "prime", "foreign",
                                                       "majority", "minority"})
_KEEP_DOT = re.compile(r"(?:\b[A-Za-z]\.)+$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.$")
_TRAIL_PUNCT = ".,;:!?\"'“”‘’)([]-–—"
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_CONNECTORS = frozenset({"of", "for", "and", "on", "-", "–"})
# Tokens that end a name: a spaCy span running over them joined two names ("KALLIO — Estmark",
# "Hadeby, Maren Ekdal", "Sofia Lindqvist and").
_SPLIT_AT = frozenset({",", ";", "—", "–", "-", "|", "/"})
_NAME_SUFFIXES = NAME_END_SUFFIXES
_COMPASS = COMPASS_WORDS
_TRAILING_JOINERS = frozenset({"and", "or", "of", "for", "&", "in", "at"})
# "in Kallio": a lone capitalised word after these is where something happened, not a person.
_LOCATIVE = LOCATIVE_PREPOSITIONS
_STOP_INITIALS = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&"})


@dataclass
class _Cand:
    start: int
    end: int
    label: str
    tok_start: int  # first token index of the (cleaned) name
    tok_end: int  # exclusive
    role: str | None = None
    honorific: bool = False
    extra_roles: list[str] = field(default_factory=list)
    piece: bool = False  # cut out of a longer model span: its label is a guess


def _name_key(text: str) -> frozenset[str]:
    """Name parts for subset matching: "Kim Jong-il" -> {kim, jong, il}."""
    parts = re.split(r"[\s\-–]+", text.lower().replace(".", "").replace("’", "'"))
    return frozenset(p for p in parts if p and p not in HONORIFICS)


def _norm(text: str) -> str:
    t = text.lower().replace(".", "").replace("’", "'")
    t = re.sub(r"^the\s+", "", t)
    return re.sub(r"\s+", " ", t).strip()


def _clean_tokens(doc, i: int, j: int) -> tuple[int, int]:
    """Strip leading determiners and trailing possessives / punctuation tokens from doc[i:j]."""
    while i < j and (doc[i].lower_ in ("the", "a", "an") or doc[i].is_punct or doc[i].is_space):
        i += 1
    while j > i and (
        doc[j - 1].lower_ in ("'s", "’s", "'", "’")
        or doc[j - 1].is_space
        or (doc[j - 1].is_punct and doc[j - 1].text not in (".",))
    ):
        j -= 1
    return i, j


def _name_at_edge(c: _Cand, toks: tuple[str, ...], name: tuple[str, ...]
                  ) -> tuple[tuple[str, ...], tuple[int, int]] | None:
    """`name` (lower-cased tokens) opening or closing the longer span `c` of tokens `toks`: the
    words left over and the name's token span; None when it is neither."""
    n = len(name)
    if n >= len(toks):
        return None
    if toks[:n] == name:
        return toks[n:], (c.tok_start, c.tok_start + n)
    if toks[-n:] == name:
        return toks[:-n], (c.tok_end - n, c.tok_end)
    return None


def _span_chars(doc, i: int, j: int, text: str) -> tuple[int, int]:
    start = doc[i].idx
    end = doc[j - 1].idx + len(doc[j - 1].text)
    # Possessive glued inside a token ("Putin’s" as one token) and stray trailing punctuation.
    seg = text[start:end]
    for suf in ("'s", "’s"):
        if seg.endswith(suf) and len(seg) > len(suf):
            end -= len(suf)
            seg = text[start:end]
    while seg and seg[-1] in _TRAIL_PUNCT:
        if seg[-1] == "." and _KEEP_DOT.search(seg):
            break
        end -= 1
        seg = text[start:end]
    while seg and seg[0] in _TRAIL_PUNCT:
        start += 1
        seg = text[start:end]
    return start, end


def _is_role_word(tok) -> bool:
    low = tok.lower_
    return low in ROLE_WORDS or low.rstrip(".") in ROLE_WORDS


def _prename_role(doc, i: int, sent_start: int, person_starts: set[int]) -> tuple[str | None, int]:
    """Role written before the name token at `i`: "NATO Secretary-General", "foreign minister".
    Returns the role text and the first token index of the role (or i when none)."""
    k = i - 1
    first = i
    while k >= sent_start:
        tok = doc[k]
        low = tok.lower_
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON") or k in person_starts:
            break
        if low in HONORIFICS:
            break
        if low in ("-", "–") and tok.whitespace_ == "" and k > sent_start:
            k -= 1
            continue
        if low in _CONNECTORS and low not in ("-", "–"):
            # "Secretary of State": only inside a run that goes on with a capitalised word
            if k - 1 >= sent_start and doc[k - 1].text[:1].isupper():
                k -= 1
                continue
            break
        if _is_role_word(tok) or low in ROLE_MODIFIERS:
            first = k
            k -= 1
            continue
        if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN") and not tok.is_sent_start:
            first = k
            k -= 1
            continue
        if tok.text[:1].isupper() and tok.is_sent_start and tok.pos_ in ("PROPN", "ADJ"):
            first = k
        break
    if first == i:
        return None, i
    toks = doc[first:i]
    # a role needs a role word; strip connectors at either end
    while toks and (toks[0].lower_ in _CONNECTORS):
        toks = toks[1:]
    if not toks or not any(_is_role_word(t) for t in toks):
        return None, i
    # drop leading capitalised non-role words that sit before the last role word's run only if
    # they are sentence-initial adverbs; kept simple: trust the run
    # Span.text, not doc.text[...]: Doc.text rebuilds the whole text on every call
    return toks.text, toks[0].i


def _np_role(doc, head, exclude: range) -> str | None:
    """Role text from a common-noun phrase headed by `head` (apposition), without determiners,
    possessors, relative clauses and the name itself."""
    if head.pos_ != "NOUN" or head.ent_type_ in NON_ENTITY_LABELS:
        return None
    if head.tag_ == "NNS":  # "the two foreign ministers, A and B": a role shared, not one post
        return None
    drop: set[int] = set(exclude)
    for child in head.children:
        if child.dep_ == "punct" and child.text in ("-", "–") and not child.whitespace_ \
                and child.i > 0 and not doc[child.i - 1].whitespace_:
            continue  # the hyphen inside "director-general"
        if child.dep_ in ("det", "poss", "relcl", "acl", "punct", "appos", "cc", "conj", "advmod"):
            drop.update(t.i for t in child.subtree)
    keep = [t.i for t in head.subtree if t.i not in drop and not t.is_space]
    if not keep:
        return None
    lo, hi = min(keep), max(keep)
    # the kept run must be contiguous and stop at a comma
    run = []
    for idx in range(lo, hi + 1):
        if idx in drop or doc[idx].text in (",", ";", "(", ")"):
            if idx > head.i:
                break
            run = []
            continue
        run.append(idx)
    if not run or head.i not in run:
        return None
    text = doc[run[0] : run[-1] + 1].text  # run is contiguous
    return text.strip(_TRAIL_PUNCT + " ") or None


def _appositive_role(doc, i: int, j: int) -> str | None:
    span = doc[i:j]
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= j:
            role = _np_role(doc, child, range(i, j))
            if role:
                return role
    if root.dep_ == "appos" and root.head.i < i:
        return _np_role(doc, root.head, range(i, j))
    return None


def _pieces(doc, i: int, j: int) -> list[tuple[int, int]]:
    """Token ranges of the names inside one model span: split where a separator stands between
    two names (a comma, a spaced dash, a line break), cleaned, joiners dropped at the end."""
    out: list[tuple[int, int]] = []
    start = i
    for k in range(i, j + 1):
        at_end = k == j
        sep = not at_end and (
            "\n" in doc[k].text
            # "North and South Korea": two places sharing one head noun
            or (doc[k].lower_ in ("and", "&") and k == start + 1 and k + 1 < j
                and doc[start].lower_ in _COMPASS and doc[k + 1].lower_ in _COMPASS)
            or (doc[k].text in _SPLIT_AT and (doc[k].text not in ("-", "–") or doc[k].whitespace_
                                              or (k > 0 and doc[k - 1].whitespace_)))
        )
        if at_end or sep:
            a, b = _clean_tokens(doc, start, k)
            trimmed = False
            while b > a and doc[b - 1].lower_ in _TRAILING_JOINERS:
                a, b = _clean_tokens(doc, a, b - 1)
                trimmed = True
            if b > a and not (out and doc[a:b].text.lower().rstrip(".") in _NAME_SUFFIXES):
                out.append((a, b))
                if trimmed:  # the model's span overran the name: its label is a guess too
                    out.append((-1, -1))
            start = k + 1
    return out


def _candidate(doc, text: str, i: int, j: int, label: str) -> _Cand | None:
    role = None
    honor = False
    if label == "PERSON":
        # split titles the model put inside the name: "President Putin", "Mr. Stoltenberg"
        k = i
        while k < j - 1 and (doc[k].lower_ in TITLE_PREFIXES or doc[k].text in ("-", "–")):
            k += 1
        if k > i:
            if any(doc[t].lower_ in HONORIFICS for t in range(i, k)):
                honor = True
            if any(_is_role_word(doc[t]) and doc[t].lower_ not in HONORIFICS for t in range(i, k)):
                role = doc[i:k].text
            i = k
    if i >= j:
        return None
    seg = doc[i:j]
    # "lorry" tagged PERSON, "Defense" tagged ORG before "Minister": not names
    if not any(ch.isupper() for ch in seg.text):
        return None
    if re.fullmatch(r"\d+[A-Za-z]{1,2}", seg.text):  # "3D printers", "5G masts": not names
        return None
    if all(t.lower_ in ROLE_MODIFIERS for t in seg) and j < len(doc) and _is_role_word(doc[j]):
        return None
    start, end = _span_chars(doc, i, j, text)
    if end <= start:
        return None
    return _Cand(start, end, label, i, j, role, honor)


def _is_heading(text: str, c: _Cand) -> bool:
    """A one-word line ("Background") is a section heading, not a name."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" .:")
    return line == text[c.start : c.end] and " " not in line


def _candidates(doc, text: str) -> list[_Cand]:
    cands: list[_Cand] = []
    covered: set[int] = set()
    headline = _HeadlineWords(doc, text)
    for ent in doc.ents:
        if ent.label_ in NON_ENTITY_LABELS:
            continue
        pieces = _pieces(doc, ent.start, ent.end)
        overran = (-1, -1) in pieces
        pieces = [p for p in pieces if p != (-1, -1)]
        runs = [r for i, j in pieces for r in _name_runs(doc, i, j, headline)]
        overran = overran or len(runs) != len(pieces)
        pieces = runs
        for i, j in pieces:
            # a span that ends in plain lower-case words ran on past the name into the sentence
            # ("Vance never said", "ORRINNET undersea cable"): a name does not end so
            cut = j
            # ("Jin-il" is one word: a hyphenated part is never cut off)
            while cut - 1 > i and doc[cut - 1].is_alpha and doc[cut - 1].is_lower \
                    and doc[cut - 2].whitespace_ and doc[cut - 1].lower_ not in NAME_PARTICLES:
                cut -= 1
            cand = _candidate(doc, text, i, cut, ent.label_)
            if cand is None or _is_heading(text, cand):
                continue
            cand.piece = len(pieces) > 1 or overran or cut < j
            cands.append(cand)
        covered.update(range(ent.start, ent.end))
    # "Mr./Ms./Dr." + capitalised name the model missed or mislabelled
    by_tok = {c.tok_start: c for c in cands}
    for tok in doc:
        if tok.lower_ not in HONORIFICS or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if not nxt.text[:1].isupper():
            continue
        if nxt.i in by_tok:
            c = by_tok[nxt.i]
            c.honorific = True
            if c.label != "PERSON":
                c.label = "PERSON"
            continue
        if nxt.i in covered:
            continue
        j = nxt.i + 1
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].pos_ == "PROPN" and j not in covered:
            j += 1
        start, end = _span_chars(doc, nxt.i, j, text)
        if end > start:
            cands.append(_Cand(start, end, "PERSON", nxt.i, j, None, True))
    # "Interior Minister Ana Ruiz told ..." left untagged while a later "Ruiz" is a person: a
    # run of proper nouns ending in a surname the model gave a person is that person
    surnames = {doc[e.end - 1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    covered |= {t for c in cands for t in range(c.tok_start, c.tok_end)}
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper() or i in covered:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and j not in covered and "\n" not in doc[j].text:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in surnames and doc[j - 1].is_alpha:
            # "Interior Minister" is the role before the name, not part of it
            k = i
            for t in range(i, j - 1):
                if _is_role_word(doc[t]) or doc[t].lower_ in TITLE_PREFIXES:
                    k = t + 1
            cand = _candidate(doc, text, k, j, "PERSON")
            if cand is not None and cand.tok_end - cand.tok_start >= 2:
                cands.append(cand)
        i = j
    cands.sort(key=lambda c: c.start)
    return cands


def _attach_roles(doc, cands: list[_Cand]) -> None:
    person_starts = {c.tok_start for c in cands if c.label == "PERSON"}
    for c in cands:
        if c.label != "PERSON":
            continue
        sent = doc[c.tok_start].sent
        first = c.tok_start
        if c.role is None and not c.honorific:
            c.role, first = _prename_role(doc, c.tok_start, sent.start, person_starts - {c.tok_start})
            k = c.tok_start - 1
            if c.role is None and k > sent.start and doc[k].text == "," \
                    and _is_role_word(doc[k - 1]):
                # "his Foreign Minister, Sergei Lavrov": the role set off by a comma
                c.role, _ = _prename_role(doc, k, sent.start, person_starts - {c.tok_start})
        elif c.role is not None:
            # model-internal title ("President Putin"): extend it leftwards ("Russian President")
            ent_first = c.tok_start
            while ent_first > sent.start and doc[ent_first - 1].ent_iob_ == "I":
                ent_first -= 1
            prev_role, _ = _prename_role(doc, ent_first, sent.start, person_starts)
            if prev_role:
                c.role = f"{prev_role} {c.role}"
        appos = _appositive_role(doc, c.tok_start, c.tok_end)
        if appos and c.role is None and not c.honorific:
            # "Hadeby, the Norlandic capital", "Halvorsen Line, the shipping company": the
            # apposition says the name is a place or an organisation, not a person
            words = appos.lower().split()
            head = _role_head(appos)
            if not any(w in ROLE_WORDS for w in words):
                if head in PLACE_NOUNS:
                    c.label = "GPE"
                    continue
                if head in ORG_NOUNS:
                    c.label = "ORG"
                    continue
        if appos:
            if c.role:
                c.extra_roles.append(appos)
            else:
                c.role = appos


# Generational suffixes: "<full name> Jr." is another person, whose name this is.
_GENERATION = frozenset(GENERATIONS)
_OUTLET_WORDS = OUTLET_NAME_WORDS
_NAMED_AFTER = NAMED_AFTER_NOUNS
_APPOS_PERSON = re.compile(r",\s+(?:a|an|the)\s+([^,.;:\n]{2,80}?)\s*(?:,|\bsaid\b|\btold\b)")
# "Tarmo Ilves, 71, who worked ...": an age in apposition marks a person
_APPOS_AGE = re.compile(r",\s+\d{1,3},")


def _retype(doc, article: Article, cands: list[_Cand], names: list[str]) -> dict[int, str]:
    """Fix labels the small model gets wrong, from evidence in the same article. Returns the
    candidates that name the article's own outlet, with the outlet's name."""
    text = article.text
    dl = article.dateline
    src = _norm(article.source or "")
    src_words = src.split()
    outlet: dict[int, str] = {}
    keys = [_norm(n) for n in names]
    multi_person_words: set[str] = set()
    for k, c in enumerate(cands):
        if c.label == "PERSON" and len(_name_key(names[k])) > 1:
            multi_person_words |= _name_key(names[k])
    for k, c in enumerate(cands):
        if c.label == "PERSON" and c.tok_end - c.tok_start >= 2 \
                and doc[c.tok_end - 1].lower_ in ORG_LAST_WORDS and not c.honorific:
            c.label = "ORG"  # "Halvorsen Line"
        # the dateline names the place the story was filed from; its agency is an outlet
        if dl and c.start < dl.end and c.end > dl.start and c.label != "PERSON":
            c.label = "ORG" if dl.agency and keys[k] == _norm(dl.agency) else "GPE"
        # the outlet naming itself ("the Herald understands", "told the Gazette")
        if src and (keys[k] == src or (len(src_words) >= 2 and keys[k] == src_words[-1]
                                        and keys[k] in _OUTLET_WORDS)):
            c.label = "ORG"
            outlet[k] = article.source or names[k]
            continue
        n_tok = c.tok_end - c.tok_start
        if c.label != "PERSON" and n_tok >= 2 and all(
                doc[t].text[:1].isupper() for t in range(c.tok_start, c.tok_end)):
            # "Maren Ekdal, a spokesperson for the ministry, said"
            m = _APPOS_PERSON.match(text, c.end)
            if m and any(w.strip("',") in ROLE_WORDS for w in m.group(1).lower().split()):
                c.label = "PERSON"
                c.role = c.role or m.group(1).strip()
                continue
            if _APPOS_AGE.match(text, c.end) and n_tok <= 4:
                c.label = "PERSON"
                continue
            # "Its managing director, Hanna Tessel, told the Post"
            k = c.tok_start - 1
            if k > 0 and doc[k].text == "," and _is_role_word(doc[k - 1]) \
                    and re.match(r"\s*(?:,|said\b|told\b)", text[c.end:c.end + 8]):
                c.label = "PERSON"
                continue
    # "Marla Quennel Checks Out Of Rehab" (a headline), "Rovers QB Tam Lusk": a longer span
    # that starts or ends with a full name the article gives elsewhere is that name
    first_at: dict[tuple[str, ...], int] = {}
    for c in cands:
        if c.label == "PERSON" and c.tok_end - c.tok_start >= 2:
            first_at.setdefault(tuple(t.lower_ for t in doc[c.tok_start:c.tok_end]), c.start)
    full_names = set(first_at)
    for k, c in enumerate(cands):
        toks = tuple(t.lower_ for t in doc[c.tok_start:c.tok_end])
        if len(toks) < 3:
            continue
        # longest first, ties in text order: never in the hash order of a set
        for name in sorted(full_names, key=lambda f: (-len(f), first_at[f])):
            edge = _name_at_edge(c, toks, name)
            if edge is None:
                continue
            rest, new = edge
            if toks[-1].strip(".,") in _GENERATION:
                break  # "Donald Trump Jr." is the son, not "Donald Trump" nor "Trump Jr."
            if any(w in _NAMED_AFTER for w in rest):
                break  # "Betty Ford Clinic" is named after her, it is not her
            c.tok_start, c.tok_end = new
            c.start, c.end = _span_chars(doc, c.tok_start, c.tok_end, text)
            c.label = "PERSON"
            names[k] = text[c.start:c.end]
            keys[k] = _norm(names[k])
            break
    _trim_headline_names(doc, text, cands, names, keys)
    lone_person = {keys[k] for k, c in enumerate(cands)
                   if c.label == "PERSON" and c.tok_end - c.tok_start == 1}
    other_labels: dict[str, Counter] = {}
    place_words: dict[str, str] = {}
    for k, c in enumerate(cands):
        if c.label == "PERSON" or k in outlet:
            continue
        other_labels.setdefault(keys[k], Counter())[c.label] += 1
        if c.label in ("GPE", "LOC", "FAC") and " " in keys[k]:
            for w in keys[k].split():
                place_words.setdefault(w, "GPE" if c.label == "FAC" else c.label)
    for k, c in enumerate(cands):
        if c.piece and c.tok_end - c.tok_start == 1 and c.label != "PERSON" and c.tok_start > 0 \
                and doc[c.tok_start - 1].lower_ in _LOCATIVE:
            c.label = "GPE"  # "In Hadeby," cut from "In Hadeby, Maren Ekdal" (ORG)
        elif c.label == "PERSON" and c.tok_end - c.tok_start == 1 and not c.honorific \
                and c.role is None and keys[k] not in multi_person_words:
            i = c.tok_start
            after = text[c.end:c.end + 2]
            if keys[k] in other_labels:  # "Estmark" tagged ORG elsewhere in the article
                c.label = other_labels[keys[k]].most_common(1)[0][0]
            elif dl and keys[k] == _norm(dl.place):  # "KALLIO —" then "Kallio's harbour"
                c.label = "GPE"
            elif i > 0 and doc[i - 1].lower_ in _LOCATIVE and after[:2] not in ("'s", "’s"):
                c.label = "GPE"  # "in Kallio"
            elif keys[k] in place_words:  # "Skarn" beside "Skarn Island"
                c.label = place_words[keys[k]]
        elif (c.piece or c.label in ("WORK_OF_ART", "PRODUCT")) and c.label != "PERSON" \
                and c.tok_end - c.tok_start == 2:
            # "Sofia Lindqvist" (ORG) where "Lindqvist" alone is a person of this article
            first, last = doc[c.tok_start], doc[c.tok_start + 1]
            if last.lower_ in lone_person and first.pos_ == "PROPN" and first.is_alpha \
                    and first.lower_ not in ROLE_WORDS | ROLE_MODIFIERS:
                c.label = "PERSON"
    # one bare word is one thing in one article: once "in Kallio" shows it is a place, the
    # other bare "Kallio"s the model called a person are that place too
    placed = {keys[k]: c.label for k, c in enumerate(cands)
              if c.tok_end - c.tok_start == 1 and c.label in ("GPE", "LOC")}
    for k, c in enumerate(cands):
        if c.label == "PERSON" and c.tok_end - c.tok_start == 1 and keys[k] in placed \
                and not c.honorific and c.role is None and keys[k] not in multi_person_words:
            c.label = placed[keys[k]]
    return outlet


def _title_case_line(text: str, pos: int) -> bool:
    """The line at `pos` is set in title case, as headlines are: most of its longer words are
    capitalised, which leaves the model no case to tell a name from the words around it."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text[start: end if end >= 0 else None])
             if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


class _HeadlineWords:
    """Which words of a title-case line are ordinary words: the article's body writes them in
    lower case ("Checks" beside "checked into"), and no name of the body holds them."""

    def __init__(self, doc, text: str) -> None:
        self.text = text
        self._title: dict[int, bool] = {}
        self.common: set[str] = set()
        name_words: set[str] = set()
        for ent in doc.ents:
            if not self.in_title(ent.start_char):
                name_words |= {t.lower_ for t in ent}
        for t in doc:
            if t.is_alpha and t.is_lower and not self.in_title(t.idx) and self._prose(t.idx):
                self.common |= {t.lower_, t.lemma_.lower()}
        self.common -= name_words

    def _prose(self, pos: int) -> bool:
        """Not a web address or a slug ("orrin - checks - in"): most tokens are words."""
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        toks = self.text[start: end if end >= 0 else None].split()
        return sum(any(ch.isalpha() for ch in w) for w in toks) >= 0.65 * len(toks)

    def in_title(self, pos: int) -> bool:
        line = self.text.rfind("\n", 0, pos) + 1
        if line not in self._title:
            self._title[line] = _title_case_line(self.text, line)
        return self._title[line]

    def ordinary(self, tok) -> bool:
        if not tok.is_alpha or tok.is_stop or not self.in_title(tok.idx):
            return False
        low = tok.lower_
        return bool({low, tok.lemma_.lower(), low[:-1] if low.endswith("s") else low}
                    & self.common)


def _name_runs(doc, i: int, j: int, headline: _HeadlineWords) -> list[tuple[int, int]]:
    """The names inside one model span: it is cut at a plain lower-case word that is no
    function word or name particle ("Orrin beat Vale" -> Orrin, Vale), and in a title-case
    headline at a word the body writes as an ordinary word ("Orrin Checks Into Vale Clinic",
    body "checked into" -> Orrin, Vale Clinic); function words left at a cut are dropped."""
    runs: list[tuple[int, int]] = []
    a, cut = i, False
    for k in range(i, j + 1):
        if k < j:
            t = doc[k]
            plain = (t.is_alpha and t.is_lower and not t.is_stop and t.lower_ not in NAME_PARTICLES
                     and k > i and doc[k - 1].whitespace_)  # "Jin-il" is one word
            if not (plain or headline.ordinary(t)):
                continue
            cut = True
        b = k
        if cut:
            while a < b and doc[a].is_stop:
                a += 1
            while b > a and (doc[b - 1].is_stop or doc[b - 1].is_punct):
                b -= 1
        if b > a:
            runs.append((a, b))
        a = k + 1
    return runs


def _trim_headline_names(doc, text: str, cands: list[_Cand], names: list[str],
                         keys: list[str]) -> None:
    """In a title-case headline a model span that starts or ends with a name the article's body
    gives (any name, one word too) is that name, with the body's label ("Orrin Bank Rushes
    Fix" -> "Orrin Bank"; "Fans Cheer Vance" -> "Vance")."""
    in_title = [_title_case_line(text, c.start) for c in cands]
    # words the body capitalises inside a sentence are name words even where the model saw no
    # name ("Tamsin" of "Tamsin Orrel checked in"): never cut off as headline wording
    # (after a lower-case word: a web address or a sentence start is no evidence)
    body_caps = {t.lower_ for t in doc[1:] if t.is_alpha and t.text[:1].isupper()
                 and doc[t.i - 1].is_alpha and doc[t.i - 1].is_lower
                 and not _title_case_line(text, t.idx)}
    body: dict[tuple[str, ...], tuple[int, str]] = {}
    for k, c in enumerate(cands):
        if not in_title[k] and c.tok_end > c.tok_start >= 0:
            body.setdefault(tuple(t.lower_ for t in doc[c.tok_start:c.tok_end]),
                            (c.start, c.label))
    for k, c in enumerate(cands):
        if not in_title[k] or c.tok_start < 0:
            continue
        toks = tuple(t.lower_ for t in doc[c.tok_start:c.tok_end])
        if toks in body:
            c.label = body[toks][1]  # the body's sentences label it better than a headline
            continue
        if len(toks) < 2 or toks[-1].strip(".,") in _GENERATION:
            continue
        for name in sorted(body, key=lambda f: (-len(f), body[f][0])):
            edge = _name_at_edge(c, toks, name)
            if edge is None:
                continue
            rest, new = edge
            if any(w in _NAMED_AFTER or w in body_caps for w in rest):
                break  # "Vance Memorial Library" is named after him, it is not him
            c.tok_start, c.tok_end = new
            c.start, c.end = _span_chars(doc, c.tok_start, c.tok_end, text)
            c.label, c.piece = body[name][1], True
            names[k] = text[c.start:c.end]
            keys[k] = _norm(names[k])
            break


@dataclass
class _Cluster:
    label_votes: Counter
    key: frozenset[str]
    name: str
    members: list[int]  # candidate indexes
    first: int
    gen: str | None = None  # "jr", "sr", ...: one generation of a family that shares the name
    gender: str | None = None  # from a gendered honorific ("Mrs. Orrin")
    suffix: bool = False  # the generation is written ("Sr."), not inferred from kin words


# "Ellery Vance, Jr." : the suffix the name cutter left outside the mention
_SUFFIX_AFTER = re.compile(r",?\s*(Jr|Sr|II|III|IV)\b\.?")


def _person_marks(doc, text: str, c: _Cand, key: frozenset[str]
                  ) -> tuple[frozenset[str], str | None, str | None, str | None]:
    """(name parts without the generation, generation, gender, how the generation is known):
    "Vance Jr." -> ({vance}, "jr", None, "suffix"); "Mrs. Orrin" -> ({orrin}, None, "f",
    None); "the younger Vance" -> ({vance}, "jr", None, "word"); "his father, Tomas Berg" ->
    ({tomas, berg}, "sr", None, "kin")."""
    gens = {g for t in key if (g := generation_of(t))}
    base = frozenset(t for t in key if not generation_of(t)) or key
    how = "suffix" if gens else None
    gen = min(gens) if len(gens) == 1 else None
    if gen is None and (m := _SUFFIX_AFTER.match(text, c.end)):
        gen, how = generation_of(m.group(1)), "suffix"
    i = c.tok_start
    prev = doc[i - 1].lower_ if i > 0 else ""
    gender = HONORIFIC_GENDER.get(prev)
    if gen is None and prev in ELDER_YOUNGER:
        gen, how = ELDER_YOUNGER[prev], "word"
    if gen is None:
        k = i - 2 if prev == "," and i > 1 else i - 1
        if k >= 0 and doc[k].lower_ in KIN_GENERATION and _namesake_kin(doc, doc[k], key):
            gen, how = KIN_GENERATION[doc[k].lower_], "kin"
    return base, gen, gender, how


def _namesake_kin(doc, kin, key: frozenset[str]) -> bool:
    """A kin noun before a name can mark the other generation of a namesake only when it says
    whose, and whose can be the namesake: "his father, Tomas Berg" (after a Tomas Berg), not
    "mother Alice Vance" (no one's), "his mother, Alice Vance" (a son shares no name with his
    mother) or "Ada Lind and her mother Alice Vance" (the mother of someone else named)."""
    poss = [ch for ch in kin.children if ch.dep_ == "poss"]
    if not poss:
        return False
    kin_gender = "m" if kin.lower_ in _MALE_KIN else "f"
    if poss[0].lower_ in ("his", "her") and (poss[0].lower_ == "his") != (kin_gender == "m"):
        return False
    if poss[0].lower_ in ("his", "her"):
        # the pronoun's nearest name in the sentence is whose relative this is
        for ent in reversed([e for e in kin.sent.ents if e.end <= poss[0].i]):
            if ent.label_ == "PERSON":
                return bool(_name_key(ent.text) & key)
    return True


_MALE_KIN = frozenset({"father", "dad", "son"})


def _within(base: frozenset[str], key: frozenset[str]) -> bool:
    return base <= key


def _within_nick(base: frozenset[str], key: frozenset[str]) -> bool:
    """Every part of `base` is in `key` up to a short form of a given name ("Jim Hale" in "James
    Hale"); the parts written alike must include all but one."""
    loose = [t for t in base if t not in key]
    return len(loose) == 1 and len(base) >= 2 and any(
        nickname_match(loose[0], t) for t in key - base)


def _cluster_persons(doc, text: str, cands: list[_Cand], names: list[str],
                     clusters: list[_Cluster], assign: dict[int, int]) -> None:
    """Person mentions into people. Fuller names first, then each shorter form joins the one
    person whose name contains it; an ambiguous form ("Kim" beside Kim Jong Un and Kim Jong-il)
    stays apart. People of one name in one family stay apart: "Ellery Vance Jr." is not "Ellery
    Vance"; "the elder Vance", "Vance Sr." and "his father, Tomas Berg" name the other
    generation; "Mrs. Orrin" is not "Mr. Orrin". "Jim Hale" joins "James Hale"."""
    person_idx = [k for k, c in enumerate(cands) if c.label == "PERSON"]
    marks = {k: _person_marks(doc, text, cands[k], _name_key(names[k])) for k in person_idx}
    for k in person_idx:
        base, gen, gender, how = marks[k]
        # "his father, Olav Berg" only marks a generation when the article already named
        # another person so: otherwise it is simply who the father is
        if how == "kin" and not any(marks[j][0] == base and marks[j][3] != "kin"
                                    and cands[j].start < cands[k].start for j in person_idx):
            marks[k] = (base, None, gender, None)
    groups: dict[tuple, list[int]] = {}
    for k in person_idx:
        groups.setdefault(marks[k], []).append(k)
    order = sorted(groups, key=lambda g: (-len(g[0]), g[1] is None, g[2] is None,
                                          min(groups[g])))
    shortened: set[int] = set()  # clusters already named by a shorter form
    for g in order:
        base, gen, gender, how = g
        if not base:
            continue
        ok = [ci for ci, cl in enumerate(clusters) if cl.label_votes.get("PERSON")
              and (gender is None or cl.gender in (None, gender))]
        hits_all = [ci for ci in ok if _within(base, clusters[ci].key)] or [
            ci for ci in ok if _within_nick(base, clusters[ci].key)]
        if gen is None:
            # a full name without suffix is not the "Jr." of the article (it is the father)
            hits = [h for h in hits_all if clusters[h].gen is None] if len(base) >= 2 \
                else hits_all
            if not hits and len(base) >= 2:
                # "Ellery Vance Sr." then "Ellery Vance", no junior in the article: one man
                elder = [h for h in hits_all if clusters[h].gen == "sr" and clusters[h].suffix]
                if len(elder) == 1 and not any(
                        o.gen and o.gen != "sr" and (o.key <= clusters[elder[0]].key
                                                     or clusters[elder[0]].key <= o.key)
                        for o in clusters):
                    hits = elder
        else:
            other = OTHER_GENERATION.get(gen)
            hits = [h for h in hits_all if clusters[h].gen == gen] or [
                h for h in hits_all if clusters[h].gen is None and any(
                    o.gen == other and (o.key <= clusters[h].key or clusters[h].key <= o.key)
                    for o in clusters)]
            if not hits and how == "word" and len(hits_all) == 1:
                hits = hits_all  # "the elder Vance" in an article with one Vance
        if len(hits) > 1:
            # a short form names the person introduced before it, as news writing introduces
            # a name in full at first mention ("Team Orrin" on a shirt, written later, is not
            # who an earlier "Mr. Orrin" is); later uses of the same form stay with it
            before = [h for h in hits if clusters[h].first < min(groups[g])]
            # of several introduced before, the one the article already calls by a short form
            in_use = [h for h in before if h in shortened]
            hits = before if len(before) == 1 else in_use if len(in_use) == 1 else hits
        if len(hits) == 1:
            ci = hits[0]
            cl = clusters[ci]
            cl.gender = cl.gender or gender
            if gen is not None and cl.gen is None and how != "word":
                cl.gen = gen
        else:  # new name, or ambiguous: never guess
            ci = len(clusters)
            best = max(groups[g], key=lambda k: len(names[k]))
            clusters.append(_Cluster(Counter({"PERSON": 1}), base, names[best], [],
                                     min(groups[g]), gen, gender, suffix=how == "suffix"))
        for k in groups[g]:
            assign[k] = ci
        if len(clusters[ci].key) > len(base):
            shortened.add(ci)
    for cl in clusters:
        # "Tomas Berg" beside "his father, Tomas Berg": the one without a mark is the other
        if cl.gen is None and len(cl.key) >= 2:
            gens = {o.gen for o in clusters if o.gen and (o.key <= cl.key or cl.key <= o.key)}
            if len(gens) == 1:
                cl.gen = OTHER_GENERATION.get(gens.pop())


def _acronym_fits(acronym: str, name: str) -> bool:
    """"Northern Maritime Authority (NMA)" introduces an acronym; "Norland (CP)" names an agency:
    the acronym must start with the name's first letter."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() != "the"]
    return bool(words) and acronym[:1].upper() == words[0][:1].upper()


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words if w[0].isupper()).upper()


# A bare web address naming a site ("orrinwire.com"); not inside an e-mail address or a longer URL.
_DOMAIN = re.compile(
    r"(?<![@/\w.])(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]{2,62})\.(?:com|org|net|gov|edu|news|info|"
    r"tv|io|co\.uk|org\.uk)(?![\w/-]|\.\w)")


def domain_label(text: str) -> str | None:
    """"orrinwire.com" / "www.Orrin-Wire.org" -> "orrinwire": the site's name without the dots,
    hyphens and top-level part; None when the text is not a bare web address."""
    m = _DOMAIN.fullmatch(text.strip())
    return m.group(1).replace("-", "").lower() if m else None


def _squashed(name: str) -> str:
    """A name with its spaces, hyphens and a leading "the" removed: "The Orrin Wire" -> "orrinwire"."""
    return re.sub(r"[\s\-.’']+", "", re.sub(r"^the\s+", "", name.strip(), flags=re.I)).lower()


def _untagged_forms(doc, text: str, cands: list[_Cand], mentions: list[Mention],
                    clusters: list[_Cluster], assign: dict[int, int]) -> None:
    """Name forms the model left untagged: an acronym written in capitals ("the Coastal Fisheries
    Authority, or CFA,", a later bare "CFA") joins the one multi-word non-person name of the
    article with those initials; a bare web address ("orrinwire.com") is an organisation,
    joined to the name that it spells without spaces ("Orrin Wire")."""
    taken = [(c.start, c.end) for c in cands]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    named = {}  # cluster -> name, for clusters of non-person names
    for k, ci in assign.items():
        if cands[k].label != "PERSON":
            named.setdefault(ci, clusters[ci].name)

    def add(s: int, e: int, label: str, ci: int) -> None:
        cands.append(_Cand(s, e, label, -1, -1))
        mentions.append(Mention(s, e, text[s:e], label))
        assign[len(cands) - 1] = ci
        clusters[ci].label_votes[label] += 1
        taken.append((s, e))

    by_initials: dict[str, set[int]] = {}
    for ci, name in named.items():
        if len(re.split(r"[\s\-]+", name.strip())) >= 2 and name.upper() != name:
            by_initials.setdefault(_initials(name), set()).add(ci)
    for tok in doc:
        word = tok.text
        if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
            continue
        s, e = tok.idx, tok.idx + len(word)
        targets = by_initials.get(word, set())
        if len(targets) == 1 and free(s, e):
            ci = next(iter(targets))
            add(s, e, clusters[ci].label_votes.most_common(1)[0][0], ci)
    by_squash: dict[str, set[int]] = {}
    for ci, name in named.items():
        if len(name.split()) >= 2:
            by_squash.setdefault(_squashed(name), set()).add(ci)
    for m in _DOMAIN.finditer(text):
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        label = m.group(1).replace("-", "").lower()
        targets = by_squash.get(label, set())
        if len(targets) == 1:
            ci = next(iter(targets))
        else:
            ci = len(clusters)
            clusters.append(_Cluster(Counter(), frozenset(), text[s:e], [], len(cands)))
        add(s, e, "ORG", ci)


def extract_entities(doc, article: Article) -> tuple[list[Mention], list[LocalEntity]]:
    """Mentions (names and linked role nouns) and the article's entities, ids in first-mention
    order. Every Mention's text equals `article.text[start:end]`."""
    text = article.text
    cands = _candidates(doc, text)
    names = [text[c.start : c.end] for c in cands]
    outlet = _retype(doc, article, cands, names)
    _attach_roles(doc, cands)

    # Relabel a surname the model tagged as ORG/GPE when it is the surname of exactly one full name.
    # (the full names are indexed by word: a scan of them all per candidate grew quadratically)
    full_by_word: dict[str, set[frozenset[str]]] = {}
    for k, c in enumerate(cands):
        if c.label == "PERSON":
            fp = _name_key(names[k])
            if len(fp) > 1:
                for word in fp:
                    full_by_word.setdefault(word, set()).add(fp)
    for k, c in enumerate(cands):
        if c.label in ("PERSON", "GPE", "LOC", "NORP"):
            continue
        key = _name_key(names[k])
        if len(key) == 1 and len(full_by_word.get(next(iter(key)), ())) == 1:
            c.label = "PERSON"
    # a place or group label yields only where the same word is also a person of this article
    # ("Etheridge" tagged GPE in one sentence, ORG or PERSON in the next)
    person_words = {_norm(names[k]) for k, c in enumerate(cands) if c.label == "PERSON"}
    for k, c in enumerate(cands):
        if c.label in ("GPE", "LOC", "NORP") and _norm(names[k]) in person_words:
            key = _name_key(names[k])
            if len(key) == 1 and len(full_by_word.get(next(iter(key)), ())) == 1:
                c.label = "PERSON"

    clusters: list[_Cluster] = []
    assign: dict[int, int] = {}
    _cluster_persons(doc, text, cands, names, clusters, assign)

    # Acronyms introduced in parentheses: "Northern Maritime Authority (NMA)".
    acro_of: dict[str, str] = {}
    for k, c in enumerate(cands):
        if c.label == "PERSON":
            continue
        m = _ACRONYM.match(text, c.end, min(len(text), c.end + 16)) or _ACRONYM.match(
            text, c.end + 1, min(len(text), c.end + 16)
        )
        if m and text[c.end : m.start()].strip() == "" and _acronym_fits(m.group(1), names[k]):
            acro_of[_norm(m.group(1))] = _norm(names[k])
    # Other entities: by normalised text; acronym -> long form.
    org_key: dict[str, int] = {}
    for k, c in enumerate(cands):
        if c.label == "PERSON":
            continue
        key = _norm(names[k])
        key = acro_of.get(key, key)
        if k in outlet:
            key = _norm(outlet[k])
        if key not in org_key:
            org_key[key] = len(clusters)
            clusters.append(_Cluster(Counter(), frozenset(), names[k], [], k))
        ci = org_key[key]
        assign[k] = ci
        clusters[ci].label_votes[c.label] += 1
        if k in outlet:
            clusters[ci].name = outlet[k]
        elif clusters[ci].name == names[k] and names[k].isupper() and len(names[k]) > 4 \
                and article.dateline and c.start < article.dateline.end:
            clusters[ci].name = names[k].title()  # a dateline's "VESTRA" is the place Vestra
        elif len(names[k]) > len(clusters[ci].name) and _norm(names[k]) == key \
                and clusters[ci].name not in outlet.values():
            clusters[ci].name = names[k]
        elif clusters[ci].name.isupper() and not names[k].isupper() and _norm(names[k]) == key:
            clusters[ci].name = names[k]  # "Vestra" over a dateline's "VESTRA"
    # Bare acronyms never introduced in parentheses: join the one multi-word name with those initials.
    for key in list(org_key):
        if " " in key or not key.isalpha() or not (2 <= len(key) <= 6):
            continue
        ci = org_key[key]
        if any(text[cands[k].start : cands[k].end].isupper() is False for k, a in assign.items() if a == ci):
            continue
        targets = {
            org_key[other] for other in org_key
            if other != key and _initials(clusters[org_key[other]].name) == key.upper()
        }
        if len(targets) == 1:
            t = targets.pop()
            for k, a in list(assign.items()):
                if a == ci:
                    assign[k] = t
                    clusters[t].label_votes[cands[k].label] += 1
            clusters[ci].label_votes.clear()

    mentions: list[Mention] = []
    for k, c in enumerate(cands):
        mentions.append(Mention(c.start, c.end, names[k], c.label, None, c.role))
        if c.label != "PERSON":
            # an acronym's parenthesised form that the model did not tag
            pass
    # untagged parenthesised acronyms become mentions of their long form
    tagged = {(m.start, m.end) for m in mentions}
    for k, c in enumerate(cands):
        if c.label == "PERSON":
            continue
        m = _ACRONYM.match(text, c.end, min(len(text), c.end + 16)) or _ACRONYM.match(
            text, c.end + 1, min(len(text), c.end + 16)
        )
        if m and text[c.end : m.start()].strip() == "" and (m.start(1), m.end(1)) not in tagged \
                and _acronym_fits(m.group(1), names[k]):
            acr_end = m.end(1)
            while acr_end > m.start(1) and text[acr_end - 1] == ".":
                acr_end -= 1
            cands.append(_Cand(m.start(1), acr_end, c.label, -1, -1))
            mentions.append(Mention(m.start(1), acr_end, text[m.start(1) : acr_end], c.label))
            assign[len(cands) - 1] = assign[k]

    _untagged_forms(doc, text, cands, mentions, clusters, assign)

    # ids in order of first mention
    used = sorted({assign[k] for k in assign}, key=lambda ci: min(cands[k].start for k in assign if assign[k] == ci))
    entities: list[LocalEntity] = []
    ent_of_cluster: dict[int, LocalEntity] = {}
    for n, ci in enumerate(used):
        cl = clusters[ci]
        label = cl.label_votes.most_common(1)[0][0] if cl.label_votes else "PERSON"
        ent = LocalEntity(f"e{n}", cl.name, label, generation=cl.gen, gender=cl.gender)
        ent_of_cluster[ci] = ent
        entities.append(ent)
    # a candidate no cluster took (a title alone, "Dr" at a signature's end, whose name key is
    # empty) names no one: it is no mention
    kept = [k for k in range(len(mentions)) if k in assign]
    for k in kept:
        m = mentions[k]
        ent = ent_of_cluster[assign[k]]
        m.entity = ent.id
        for role in ([m.role] if m.role else []) + cands[k].extra_roles:
            if role not in ent.roles:
                ent.roles.append(role)
    mentions = [mentions[k] for k in kept]

    mentions.extend(_role_noun_mentions(text, mentions, entities))
    order = sorted(range(len(mentions)), key=lambda k: (mentions[k].start, mentions[k].end))
    mentions = [mentions[k] for k in order]
    pos = {old: new for new, old in enumerate(order)}
    for ent in entities:
        ent.mentions = []
    index = {e.id: e for e in entities}
    for new, m in enumerate(mentions):
        if m.entity in index:
            index[m.entity].mentions.append(new)
    del pos
    return mentions, entities


def _role_head(role: str) -> str:
    words = role.lower().split()
    head = ""  # a role that opens with a preposition has no head noun
    # "leader of North Korea" -> "leader": the head precedes a prepositional tail
    for w in words:
        if w in ("of", "for", "at", "to", "on", "in"):
            break
        head = w
    return head.strip(",.")


def _role_noun_mentions(text: str, mentions: list[Mention], entities: list[LocalEntity]) -> list[Mention]:
    """Definite role nouns ("the secretary-general") linked to the one person holding that role."""
    heads: dict[str, set[str]] = {}
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for role in ent.roles:
            heads.setdefault(_role_head(role), set()).add(ent.id)
    heads = {h: ids for h, ids in heads.items() if len(ids) == 1 and h not in HONORIFICS and len(h) > 2}
    if not heads:
        return []
    first_seen = {}
    for m in mentions:
        if m.entity and m.entity not in first_seen:
            first_seen[m.entity] = m.start
    # indexed: a scan of every person's span per match grew quadratically in long articles
    person_spans = SpanIndex((m.start, m.end) for m in mentions if m.type == "PERSON")
    person_starts = {m.start for m in mentions if m.type == "PERSON"}
    pat = re.compile(
        r"\b[Tt]he\s+(?:[A-Za-z][\w\-]*(?:\.[\w\-]+)*\s+){0,3}?(" + "|".join(re.escape(h) for h in heads) + r")\b(?![\-\w])",
        re.IGNORECASE,
    )
    out: list[Mention] = []
    for m in pat.finditer(text):
        head = m.group(1).lower()
        eid = next(iter(heads[head]))
        start, end = m.start(), m.end()
        if start < first_seen.get(eid, len(text)):
            continue  # an anaphor follows its antecedent
        if person_spans.overlaps(start, end):
            continue
        # a title before a name is not an anaphor ("the foreign minister Sergei Lavrov")
        after = text[end:end + 2]
        if end + 1 in person_starts and after[:1] == " ":
            continue
        if "\n" in text[start:end] or "," in text[start:end] or re.search(r"[.!?]\s", text[start:end]):
            continue
        out.append(Mention(start, end, text[start:end], "PERSON", eid, None))
    return out
