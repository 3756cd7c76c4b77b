"""Organisation names across outlets and languages: introductions, cognates, type words.

Decides three things `resolve` asks about organisation names (docs/quality.md, "r15-orgs"):
which acronym an article introduces for which name or description ("the Harbour Pilots'
Guild (SPV)", "the SPV, the pilots' guild,", "the SPV union"); whether an English name and a
native-language name of one body share their content words as cognates in any order
("Autoridad Portuaria Nacional" / "National Port Authority") or an acronym spells a name's
content words in another word order (a native acronym beside its English translation); and
whether two names of one distinctive word are two bodies because their type words are of two
kinds ("Vorna Bank" / "Vorna Insurance", by `lexicon.orgs.ORG_KINDS`). It does not merge
anything: `resolve` does, precision first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..analysis.names import ascii_fold
from ..lexicon.names import COMPANY_FORMS, ORG_NOUNS
from ..lexicon.orgs import (
    GENERIC_NAME_WORDS,
    ORG_FUNCTION_WORDS,
    ORG_KINDS,
    ORG_PART_WORDS,
    TRANSLATION_QUALIFIERS,
    TYPE_TRANSLATIONS,
)
from ..model import Analysis, Mention, add_local_entity

_ACR = r"[A-Z][A-Z&]{1,5}"
_ACR_RE = re.compile(rf"^{_ACR}$")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*", re.UNICODE)
_ELISION = re.compile(r"^(?:[dlDL]|[Dd]ell|[Qq]u)['\u2019](?=\w)")


def _words(name: str) -> list[str]:
    """The words of a name, an elided article or preposition cut off ("d'Electricite")."""
    return [_ELISION.sub("", w) for w in _WORD.findall(name)]


def is_acronym(text: str) -> str | None:
    """"SPV" / "S.P.V." -> "spv"; None for anything else (two to six capitals)."""
    letters = text.replace(".", "").replace(" ", "").replace("&", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return ascii_fold(letters).lower()
    return None


def _fold(word: str) -> str:
    w = ascii_fold(word).lower().replace("\u2019", "'")
    w = re.sub(r"'s$", "", w).replace("'", "")
    return w


def content_tokens(name: str) -> list[str]:
    """The name's content words, folded: no function word of any language (`ORG_FUNCTION_WORDS`,
    or a word written in lower case inside a capitalised name), no company form; a hyphenated
    word is one token ("Anti-Doping" -> "antidoping")."""
    words = _words(name)
    capitalised = sum(w[0].isupper() for w in words) >= 2
    out = []
    for w in words:
        f = _fold(w).replace("-", "")
        if not f or f in ORG_FUNCTION_WORDS or f in COMPANY_FORMS:
            continue
        if capitalised and w[0].islower():
            continue
        out.append(f)
    return out


def content_initials(name: str) -> list[str]:
    """The initials of the name's content words, a hyphenated word giving one per part
    ("Inspeccion-General" -> "i", "g")."""
    out = []
    for w in _words(name):
        for part in w.split("-"):
            f = _fold(part)
            if f and f not in ORG_FUNCTION_WORDS and f not in COMPANY_FORMS and not (
                    part[0].islower() and any(x[0].isupper() for x in _words(name))):
                out.append(f[0])
    return out


def spells_in_any_order(acronym: str, name: str, extra: frozenset[str] = frozenset()) -> bool:
    """The acronym's letters are the initials of the name's content words in some order (a
    native acronym beside an English translation that orders the words its own way: "MNA" /
    "National Museum of Archaeology"), or those initials and one more letter from `extra` (the
    initial of a place the story names, which the translation left out: "of <Country>"). At
    least three letters, and at least three content words."""
    ini = content_initials(name)
    if len(acronym) < 3 or len(ini) < 3:
        return False
    have, want = Counter(ini), Counter(acronym)
    if have == want:
        return True
    missing = want - have
    return not (have - want) and sum(missing.values()) == 1 and next(iter(missing)) in extra


def _cognate_key(token: str) -> str:
    t = token
    for a, b in (("ph", "f"), ("th", "t"), ("y", "i"), ("k", "c"), ("qu", "c"), ("ll", "l"),
                 ("mm", "m"), ("ss", "s"), ("nn", "n"), ("tt", "t"), ("cao", "tion"),
                 ("cion", "tion"), ("zione", "tion"), ("tie", "tion")):
        t = t.replace(a, b)
    return t


def cognates(a: str, b: str) -> bool:
    """Two folded content words are one word in two languages or spellings ("nacional" /
    "national", "comissao" / "commission", "sindicato" / "syndicate"): equal, or the same first
    two letters and close by character similarity after common spelling folds (`_cognate_key`).
    Short words must be equal."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[:2] != b[:2]:
        return False
    ka, kb = _cognate_key(a), _cognate_key(b)
    if ka == kb:
        return True
    prefix = len(_common_prefix(ka, kb))
    ratio = fuzz.ratio(ka, kb)
    return ratio >= 78 or (prefix >= 5 and ratio >= 65) or (prefix >= 4 and ratio >= 70)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def cognate_names(a: list[str], b: list[str]) -> bool:
    """Two names' content tokens pair up as cognates in any order: at least two pairs, three content
    words or more on each side, every token of the shorter name paired and at most one of the longer left over, and at least one
    pair spelled differently (two equal token sets are one name already)."""
    if len(a) < 3 or len(b) < 3 or set(a) == set(b):
        return False  # two-word names ("Vorna Distribution" / "Vorna Distributors") say too little
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > 1:
        return False
    left = list(long_)
    differ = False
    for t in short:
        match = next((u for u in left if u == t), None) or next(
            (u for u in left if cognates(t, u)), None)
        if match is None:
            return False
        differ = differ or match != t
        left.remove(match)
    return differ and not kinds_clash(a, b)


def kinds(tokens: list[str]) -> set[str]:
    """The kinds of body the name's type words say (`lexicon.orgs.ORG_KINDS`)."""
    return {ORG_KINDS[t] for t in tokens if t in ORG_KINDS}


def kinds_clash(a: list[str], b: list[str]) -> bool:
    """Two names that share a distinctive word but whose type words are of different kinds name
    two bodies ("Vorna Bank" / "Vorna Insurance", "Lenz River Board" / "Lenz River Club")."""
    ka, kb = kinds(a), kinds(b)
    if not ka or not kb or ka & kb:
        return False
    return bool({t for t in a if t not in ORG_KINDS} & {t for t in b if t not in ORG_KINDS})


def kinds_differ(a: list[str], b: list[str]) -> bool:
    """Both names say their kind and no kind is shared (a description "the pilots' guild" is no
    name of a bank)."""
    ka, kb = kinds(a), kinds(b)
    return bool(ka) and bool(kb) and not ka & kb


# ---------------------------------------------------------------- translations (r16-orgs2)

# (phrase words, concept, English form), longest phrases first; a phrase of several words also as
# one hyphen-joined token ("croissantrouge", as `content_tokens` writes "Croissant-Rouge"); a
# word written alike in English and another language ("bureau", "centre") reads as English
_PHRASES: list[tuple[tuple[str, ...], str, bool]] = sorted(
    {(ph, c, en) for c, forms in TYPE_TRANSLATIONS.items() for p, en in forms
     for ph in ((p, ("".join(p),)) if len(p) > 1 else (p,))},
    key=lambda x: (-len(x[0]), not x[2], x[1], x[0]))


@dataclass(frozen=True)
class Part:
    """One part of a name read across languages: a concept of the type-word table (`concept`
    set, `surface` the words as written) or a content word (`concept` empty)."""

    concept: str
    surface: str
    english: bool = False


def name_parts(tokens: list[str]) -> list[Part]:
    """A name's content tokens with its institutional type words and translated qualifiers read
    as concepts (`lexicon.orgs.TYPE_TRANSLATIONS`), longest phrase first:
    ["centro", "hospitalar", "universitario", "vilarelho"] -> university_hospital, "vilarelho"."""
    out: list[Part] = []
    k = 0
    while k < len(tokens):
        for words, concept, en in _PHRASES:
            if tuple(tokens[k:k + len(words)]) == words:
                out.append(Part(concept, " ".join(words), en))
                k += len(words)
                break
        else:
            out.append(Part("", tokens[k]))
            k += 1
    return out


def _cross_key(token: str) -> str:
    t = re.sub(r"^e(?=s[^aeiou])", "", token)  # the prothetic e: "estadistica" / "statistics"
    return _cognate_key(t).replace("ei", "i").replace("ae", "e").replace("oe", "e")


def cross_cognates(a: str, b: str) -> bool:
    """`cognates`, or cognates once the spellings that part languages are folded first
    (a prothetic e, y / i, ei / i: "estadistica" / "statistics", "hidrologia" / "hydrology",
    "sismologia" / "seismology")."""
    if cognates(a, b):
        return True
    if min(len(a), len(b)) < 4:
        return False
    return cognates(_cross_key(a), _cross_key(b))


def _generic(token: str) -> bool:
    return any(cognates(token, g) for g in GENERIC_NAME_WORDS)


def translated_names(a: list[str], b: list[str]) -> tuple[bool, list[str]]:
    """Whether two names' content tokens are one body's name in two languages or word orders,
    and the content words of either left unpaired. Every type word and qualifier concept of one
    name is one of the other's (`name_parts`: agence / agency, haute / high, croissant-rouge /
    red crescent), the content words pair as cognates in any order (`cognates`: nationale /
    national, meteorologie / meteorology), and at least one paired content word is not a
    generic one (national, regional: `GENERIC_NAME_WORDS`). Something must show a translation:
    a type word written in two languages (not two English synonyms), two cognates spelled
    differently, or three words or more in another order with the type word first in one name
    and last in the other. (False, []) when any of that fails;
    the caller decides what an unpaired word (at most one, on one side) may be."""
    pa, pb = name_parts(a), name_parts(b)
    ca = sorted(p.concept for p in pa if p.concept)
    cb = sorted(p.concept for p in pb if p.concept)
    if not ca or ca != cb or not any(c not in TRANSLATION_QUALIFIERS for c in ca):
        return False, []
    evidence = False
    for c in set(ca):
        sa = {(p.surface, p.english) for p in pa if p.concept == c}
        sb = {(p.surface, p.english) for p in pb if p.concept == c}
        if {s for s, _ in sa} != {s for s, _ in sb} and not (
                all(en for _, en in sa) and all(en for _, en in sb)):
            evidence = True
    wa = [p.surface for p in pa if not p.concept]
    wb = [p.surface for p in pb if not p.concept]
    left = list(wb)
    unpaired: list[str] = []
    distinctive = False
    for t in wa:
        match = next((u for u in left if u == t), None) or next(
            (u for u in left if cross_cognates(t, u)), None)
        if match is None:
            unpaired.append(t)
            continue
        left.remove(match)
        evidence = evidence or match != t
        distinctive = distinctive or not _generic(t)
    unpaired += left
    if not distinctive or len(unpaired) > 1:
        return False, []
    if not evidence and len(a) >= 3 and sorted(a) == sorted(b) and (
            (pa[0].concept and pb[-1].concept and not pb[0].concept)
            or (pb[0].concept and pa[-1].concept and not pa[0].concept)):
        # "Office National des Ports" / "National Ports Office": the type word first in one
        # (a Romance order) and last in the other; never "National Bank of <Place>" /
        # "<Place> National Bank", two orders of English that may name two banks
        evidence = True
    return evidence, unpaired


def compatible_names(a: list[str], b: list[str]) -> bool:
    """Every part of the shorter name is a part of the other (a concept, or a content word or
    its cognate): "Ports" fits "National Ports Office", "Agence des Barrages" does not fit
    "National Meteorology Agency"."""
    pa, pb = name_parts(a), name_parts(b)
    short, long_ = sorted((pa, pb), key=len)
    if not short:
        return False
    left = list(long_)
    for p in short:
        match = next((q for q in left if (p.concept and q.concept == p.concept) or (
            not p.concept and not q.concept and cross_cognates(p.surface, q.surface))), None)
        if match is None:
            return False
        left.remove(match)
    return True


def spells_translated(acronym: str, tokens: list[str], extra: frozenset[str] = frozenset()
                      ) -> bool:
    """The acronym spells the name in another language: its letters, in any order, are the
    initials of the name's content words with each type word or qualifier concept read in any
    language of the table ("CHUV" / "Vilarelho University Hospital": centro hospitalar
    universitario + V; "BMN" / "National Meteorology Agency": badan + m + n), or those and one
    more letter from `extra` (the initial of a place the story names). At least three letters
    and two parts, one of them a concept."""
    parts = name_parts(tokens)
    if len(acronym) < 3 or len(parts) < 2 or not any(p.concept for p in parts):
        return False
    want = Counter(acronym)
    options: list[set[str]] = []
    for p in parts:
        if p.concept:
            options.append({"".join(w[0] for w in words)
                            for words, _ in TYPE_TRANSLATIONS[p.concept]})
        else:
            options.append({p.surface[0]})
    combos = {""}
    for opt in options:
        combos = {c + o for c in combos for o in opt if len(c) + len(o) <= len(acronym)}
    for c in combos:
        have = Counter(c)
        if have == want:
            return True
        missing = want - have
        if not (have - want) and sum(missing.values()) == 1 and next(iter(missing)) in extra:
            return True
    return False


@dataclass(frozen=True)
class Intro:
    """One article binds an acronym to a name or a description of the body."""

    acronym: str  # folded, lower case
    text: str  # the name or description as written
    start: int
    end: int
    named: bool  # a capitalised name (True) or a common-noun description (False)
    acr_start: int = 0  # where the acronym is written
    acr_end: int = 0


_DESCR_AFTER = re.compile(r"^,\s+(?:the|a|an|its|their)\s+([^,.;:()\n]{3,80}?)\s*[,.;:)\n]")
_DESCR_FOLLOW = re.compile(r"^\s+((?:[a-z][a-z'\u2019-]*\s+){0,3}[a-z][a-z'\u2019-]*)")
_DESCR_BEFORE = re.compile(r"((?:[A-Za-z][\w'\u2019-]*\s+){0,3}[a-z][a-z'\u2019-]*)\s+$")
_KNOWN_AS = re.compile(r",?\s+(?:also\s+|better\s+)?known\s+as\s+(?:the\s+)?$")


def _name_before(text: str) -> str:
    """The capitalised name that ends `text`: capitalised words and the function words between
    them ("Office for the Investigation of Air Incidents"); "" when `text` does not end in one."""
    words = text.rstrip().splitlines()[-1:][0].split(" ") if text.strip() else []
    taken: list[str] = []
    rev = [w.strip() for w in reversed(words)]
    for n, bare in enumerate(rev):
        if not bare or bare[-1] in ",;:!?\"" or bare.endswith("\u201d"):
            break
        if bare[0].isupper() and bare[0].isalpha():
            taken.append(bare)
        elif _fold(bare) in ORG_FUNCTION_WORDS and taken:
            nxt = rev[n + 1] if n + 1 < len(rev) else ""
            if bare in ("the", "a", "an") and _fold(nxt) not in ORG_FUNCTION_WORDS:
                break  # "... said the Office for ...": the determiner of the name
            taken.append(bare)
        else:
            break
    while taken and not taken[-1][0].isupper():
        taken.pop()
    if taken and taken[-1] in ("The", "A", "An"):
        taken.pop()
    return " ".join(reversed(taken))


def _last_kind(text: str) -> bool:
    toks = content_tokens(text) or [_fold(w) for w in _WORD.findall(text)]
    return bool(toks) and toks[-1] in ORG_KINDS


def introductions(an: Analysis) -> list[Intro]:
    """The acronyms this article introduces and what for, read around its mentions and the
    parentheses, appositions and noun phrases that hold them:
    "Full Name (ACR)", "ACR (Full Name)", "Full Name, known as ACR", "ACR, the description,",
    "the ACR <type word>" ("the SPV union") and "<description ending in a type word> ACR"."""
    text = an.article.text
    out: list[Intro] = []
    for m in re.finditer(rf"(?<![\w.])({_ACR})(?![\w.])", text):
        acr = is_acronym(m.group(1))
        if not acr:
            continue
        s, e = m.start(1), m.end(1)
        before, after = text[max(0, s - 200):s], text[e:e + 200]
        # "Full Name (ACR)"
        if before.endswith("(") and after.startswith(")"):
            head = before[:-1].rstrip()
            name = _name_before(head)
            if name and (_last_kind(name) or (len(content_tokens(name)) >= 2
                                              and _shares_letters(acr, name))):
                end = s - len(before) + len(head)
                out.append(Intro(acr, name, end - len(name), end, True, s, e))
            continue
        # "ACR (Full Name)"
        par = re.match(r"^\s*\(([^()\n]{4,100})\)", after)
        if par and sum(w[0].isupper() for w in _WORD.findall(par.group(1))) >= 2:
            out.append(Intro(acr, par.group(1).strip(), e + par.start(1), e + par.end(1), True,
                             s, e))
            continue
        # "Full Name, known as ACR"
        known = _KNOWN_AS.search(before)
        if known:
            head = before[:known.start()].rstrip(" ,")
            name = _name_before(head)
            if name and len(content_tokens(name)) >= 2:
                end = s - len(before) + len(head)
                out.append(Intro(acr, name, end - len(name), end, True, s, e))
            continue
        # "ACR, the description,"
        app = _DESCR_AFTER.match(after) if len(acr) >= 3 else None
        if app and _last_kind(app.group(1)):
            d = app.group(1)
            out.append(Intro(acr, d, e + app.start(1), e + app.end(1),
                             sum(w[0].isupper() for w in _WORD.findall(d)) >= 2, s, e))
            continue
        # "the ACR union" / "the ACR environmental inspectorate"
        fol = _DESCR_FOLLOW.match(after) if len(acr) >= 3 else None
        if fol:
            words = fol.group(1).split()
            for n in range(len(words), 0, -1):
                d = " ".join(words[:n])
                if _last_kind(d) and _fold(words[n - 1]) not in ORG_PART_WORDS:
                    out.append(Intro(acr, d, e + fol.start(1), e + fol.start(1) + len(d), False,
                                     s, e))
                    break
            else:
                fol = None
            if fol:
                continue
        # "the national investigation office ACR"
        bef = _DESCR_BEFORE.search(before) if len(acr) >= 3 else None
        if bef and _last_kind(bef.group(1)):
            out.append(Intro(acr, bef.group(1), s - len(bef.group(0)), s - len(bef.group(0))
                             + len(bef.group(1)), False, s, e))
    return out


def _shares_letters(acronym: str, name: str) -> bool:
    """At least half of the acronym's letters are initials of the name's content words, in any
    order: a native acronym beside a translated name keeps most of them ("ANRH" after the
    "National Water Resources Authority"), a code beside a name keeps none ("Kelso Rovers (SCO)",
    a country code after a club)."""
    common = Counter(acronym) & Counter(content_initials(name))
    return 2 * sum(common.values()) >= len(acronym)


def _is_body_name(name: str) -> bool:
    """A capitalised name whose last content word says it is a body ("Harbour Pilots' Guild",
    "Office for Mine Safety"), not a person's or a place's name."""
    toks = content_tokens(name)
    return len(toks) >= 2 and (toks[-1] in ORG_KINDS or toks[-1] in ORG_NOUNS
                               or toks[0] in ORG_KINDS or toks[0] in ORG_NOUNS)


def with_introduced_orgs(analyses: list[Analysis]) -> list[Analysis]:
    """The analyses with the organisation mentions the tagger missed where an introduction
    names them (`ResolveOptions.org_intros`, called by the engine before resolving): the name
    and the acronym of "Full Name (ACR)" when the name says it is a body, and each bare writing
    of an acronym that some article of the story introduces for a body. A found span that
    overlaps a mention is skipped; the two spans of one introduction are one local entity."""
    intros = {an.article.id: introductions(an) for an in analyses}
    known = {i.acronym for v in intros.values() for i in v
             if (i.named and _is_body_name(i.text)) or not i.named}
    if not known:
        return analyses
    return [_add_orgs(an, intros[an.article.id], known) for an in analyses]


def _add_orgs(an: Analysis, intros: list[Intro], known: set[str]) -> Analysis:
    text = an.article.text
    mentions = list(an.mentions)
    entities = [replace(le, mentions=list(le.mentions)) for le in an.entities]
    by_id = {le.id: le for le in entities}
    added: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return b > a and not any(m.start < b and a < m.end for m in mentions + added)

    def owner(a: int, b: int) -> str | None:
        hit = [m for m in mentions + added if m.start <= a and b <= m.end and m.entity]
        return hit[0].entity if hit and hit[0].type != "PERSON" else None

    def new_entity(name: str) -> str:
        return add_local_entity(entities, by_id, name, "ORG", prefix="o")

    for it in intros:
        if not (it.named and _is_body_name(it.text) and it.acr_end > it.acr_start):
            continue
        name_free, acr_free = free(it.start, it.end), free(it.acr_start, it.acr_end)
        if not (name_free or acr_free):
            continue
        ent = (owner(it.start, it.end) if not name_free else None) or (
            owner(it.acr_start, it.acr_end) if not acr_free else None)
        if ent is None and (not name_free or not acr_free):
            continue  # the other span is a person's or an untyped mention: leave it
        ent = ent or new_entity(it.text)
        if name_free:
            added.append(Mention(it.start, it.end, text[it.start:it.end], "ORG", ent))
        if acr_free:
            added.append(Mention(it.acr_start, it.acr_end, text[it.acr_start:it.acr_end], "ORG",
                                 ent))
    local: dict[str, str] = {}
    for m in re.finditer(rf"(?<![\w.])({_ACR})(?![\w.])", text):
        acr = is_acronym(m.group(1))
        if acr not in known or not free(m.start(1), m.end(1)):
            continue
        if acr not in local:
            local[acr] = new_entity(m.group(1))
        added.append(Mention(m.start(1), m.end(1), m.group(1), "ORG", local[acr]))
    if not added:
        return an
    kept = sorted(mentions + added, key=lambda m: (m.start, m.end))
    for le in entities:
        le.mentions = []
    for k, m in enumerate(kept):
        if m.entity in by_id:
            by_id[m.entity].mentions.append(k)
    return replace(an, mentions=kept, entities=entities)
