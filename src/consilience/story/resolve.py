"""Entities across articles: which article-level entities are one real person, organisation or place.

Decides merges from names only (titles, surnames, transliteration, acronyms, web addresses,
demonyms, capitals); precision first: an ambiguous surname or two different given names never
merge. It does not do in-article coreference (the analyzer's LocalEntity already did) and never
looks at topic similarity.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from rapidfuzz import fuzz

from ..analysis.entities import domain_label
from ..analysis.names import (
    a_ending_split,
    ascii_fold,
    family_match,
    generation_of,
    german_fold,
    nickname_match,
    romanised_match,
    translit_key,
)
from ..lexicon.names import (
    ACRONYM_SKIP_WORDS,
    COMPANY_FORMS,
    GENERATION_MARKERS,
    GENERATION_MARKERS_BEFORE,
    GENERATION_OPPOSITE,
    GENERATIONS,
    INITIALS_HONORIFICS,
    KOREAN_SURNAME_OF,
    KOREAN_SURNAMES,
    KUNYA_MARKERS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NAMED_AFTER_NOUNS,
    ORG_LAST_WORDS,
    OUTLET_NAME_WORDS,
    POSTNOMINAL_LETTERS,
    POSTNOMINAL_WORDS,
    SURNAME_FIRST,
)
from ..lexicon.orgs import ORG_KINDS, TRANSLATION_QUALIFIERS
from ..lexicon.people import (
    ADDRESS_TITLES,
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    NAME_TITLES,
    OFFICE_NOUNS,
    OFFICE_OTHER_HOLDER,
    OFFICE_QUALIFIERS,
    PRONOUN_FORMS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
)
from ..lexicon.person_nouns import PERSON_NOUNS
from ..lexicon.places import CAPITALS, COMPASS_POINTS, DEMONYM_ENDINGS, DEMONYMS, NAME_ALIASES
from ..model import Analysis, Entity, Resolution, Span
from ..unionfind import UnionFind
from . import orgnames
from .kinship import age_of, kin_mark, possessive_kin, relation_mentions, role_words
from .mentionctx import NO_CONTEXT, MentionContext, mention_context, merge_contexts
from .nameforms import (
    korean_name,
    korean_syllable_key,
    korean_syllables,
    letter_fold,
    name_form,
    spelling_key,
    story_cores,
    strip_stacked_honorifics,
    strip_title_words,
    wade_giles_keys,
)
from .numbered import numbers_of, split_numbered
from .roles import (
    RolePhrase,
    definite_role_mentions,
    indefinite_heads,
    parse_role,
    roles_with_mention,
)

# --------------------------------------------------------------------------- tables

# Types that name something; numbers and dates are not entities here.
NAME_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
PLACE_ORG = {"ORG", "GPE", "LOC", "FAC", "NORP"}

TITLES = NAME_TITLES
SUFFIXES = NAME_SUFFIXES
PARTICLES = NAME_PARTICLES
PRONOUNS = PRONOUN_FORMS
ALIASES = NAME_ALIASES

_COUNTRIES = set(DEMONYMS.values()) | set(CAPITALS.values())
_ACRONYM_STOP = ACRONYM_SKIP_WORDS
KUNYA_WORDS = sorted(KUNYA_MARKERS, key=len, reverse=True)

_PUNCT = re.compile(r"[^\w\s-]", re.UNICODE)
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class ResolveOptions:
    """How the resolver matches names. The engine builds these from its alignment switches
    (`build.resolve_options`); the resolver itself reads nothing else."""

    # r13 (docs/quality.md, "r13-names"): person-name variants. A given name in two
    # romanisations ("Oleksiy"/"Aleksei", `names.romanised_match`; across articles only);
    # capital initials of a double given name ("PO" for "Per-Olof"); a hyphenated double
    # surname kept as one surname, matched by one of its parts when the given name matches too,
    # or, for a surname alone, when the part is no other person's in the story
    name_variants: bool = True
    # r14 (docs/quality.md, "r14-names2"): name forms. A given name and its Slavic forms and short
    # forms (`names.family_match`: "Mykhailo"/"Mikhail", "Sasha"/"Aleksandar"; across articles
    # only), surnames compared after the German romanisation folds (`names.german_fold`:
    # "Tschernow"/"Chernov"); and, before resolving, person names the tagger missed that end in
    # a surname the story already gives a person (`story.namefind`, called by the engine)
    name_forms: bool = True
    # r15 (docs/quality.md, "r15-orgs"; `story.orgnames`): organisation names across outlets.
    # An acronym an article introduces ("Full Name (ACR)", "ACR (Full Name)", "ACR, the
    # description,", "the ACR union") is that body's for the whole story
    org_intros: bool = True
    # an English name and a native-language name whose content words pair up as cognates in any
    # order
    org_cognates: bool = False
    # an acronym that spells a name's content words in another word order (a native acronym
    # beside the English translation of the name)
    org_acronym_order: bool = True
    # two names of one distinctive word whose type words are of two kinds ("Vorna Bank" /
    # "Vorna Insurance") are never joined by a spelling rule
    org_kinds: bool = True
    # r16 (docs/quality.md, "r16-orgs2"): one body's name in two languages, its type words read
    # through a bilingual table (`orgnames.translated_names`: "Badan Meteorologi Nasional" /
    # "National Meteorology Agency"), and an acronym that spells a name's
    # translation (`orgnames.spells_translated`: "CHUV" / "Vilarelho University Hospital").
    # Off here, on in the engine (`AlignParams.resolve_org_translations`, `build.resolve_options`)
    org_translations: bool = False
    # r15 (docs/quality.md, "r15-persons"): the learned name-pair model (`namepairs`), asked
    # only where the rules below leave two person forms apart: a `PairScorer`, or None (off).
    # The engine sets it from `AlignParams.resolve_name_model` (`build.resolve_options`)
    name_model: Any = None
    # r15: hard apart rules for persons: a name that is another name of the story plus a
    # generational marker of any language (`lexicon.names.GENERATION_MARKERS`: "Filho",
    # "Neto", "hijo", "the younger") is another person, and so is its bare namesake; and for
    # the model's joins, one surname with two unrelated given names (`given_related`) or two
    # different offices is two people
    name_apart: bool = False
    # r16 (docs/quality.md, "r16-names3"; `story.nameforms`): each person form normalised before
    # it is parsed (a family name first in capitals, honorifics of several traditions, the
    # Arabic article, surname particles, patronymic chains, kunyas, compound given names), given
    # names compared under romanisation folds (`nameforms.spelling_key`), and hard apart rules:
    # two different fathers of a chain, two different written surname particles
    name_traditions: bool = False
    # r16b (docs/quality.md, "r16b-korean"; with `name_traditions` only): a Korean name (a
    # family name of `lexicon.names.KOREAN_SURNAMES` beside a given name of two Korean
    # syllables) read as its canonical family name ("Gwon" / "Kwon", "Pak" / "Park") and its
    # given name with hyphens and spaces removed ("Ha-rin" / "Ha Rin"), in either order; a
    # family name alone in another spelling is that canonical name when the story writes a
    # Korean full name with it (`nameforms.korean_name`)
    name_korean: bool = False
    # r17 (docs/quality.md, "r17-nameless"; `story.numbered`): two names that differ only by a
    # designation number ("Unit 3" / "Unit 4", "Arvo No. 4" / "Arvo No. 9") are two things: a
    # group of units carrying two number sets is split by number
    numbered_apart: bool = False
    # r17 ("r17-nameless"; read by `build.story_analyses` only): name parts the tagger left
    # untagged, found through the story's known persons (`namefind.with_name_parts`)
    name_alone: bool = False
    # r17 (docs/quality.md, "r17-initials"): person names written with initials. Honorifics
    # of the traditions that write initials ("Thiru", "Ven.", "Datuk", "Alhaji") and
    # post-nominal letters or clergy words after the name ("MP", "SAN", "Thero") are no part of
    # the name (`strip_honours`); two full names of one surname join when the given names of one
    # are, in order, a part of the other's, an initial standing for a written name
    # ("H. D. N. Siriwardena" / "Nuwan Siriwardena", `initials_embed`), when no other person of
    # the story fits either of them so (`_join_initials`); and the name-pair model never joins
    # two names of one surname whose initials conflict ("L. D. C." / "Liyanage Don Kasun")
    name_initials: bool = False
    # a patronymic initial before a name ("T. Malathi") and the name written out in the other
    # order in another article ("Malathi Thirunavukkarasu"), when each is the other's only fit
    # and no article writes both (`_join_initial_order`)
    name_initial_order: bool = False
    # a surname-only form with a title ("Dr Pestana") that two people of the story could carry
    # goes to the one whose full name the story writes with that same title
    name_titled: bool = False
    # two person mentions the tagger cut out of one long name, one right after the other with a
    # single space between ("Herath Mudiyanselage Asanka" "Kumara Herath"), read as that one
    # name and joined (`_adjacent_names`)
    name_adjacent: bool = False
    # r18 (docs/quality.md, "r18-names"): the Latin letters that carry no separable diacritic
    # are compared as the plain letters the same names are written with ("Þorsteinsson" /
    # "Thorsteinsson", "Đức" / "Duc", "Bjørn" / "Bjorn"; `nameforms.letter_fold`); the entity
    # keeps the forms as written
    letter_folds: bool = False
    # honorifics, courtesy words and titles stacked before a person form ("High Chief", "His
    # Excellency", "Hajiya", "Mama", "Fr"; `nameforms.strip_stacked_honorifics`) are no part of
    # the name it is parsed from
    name_honorifics: bool = False
    # a lone given name that is a part of one person's first given name ("Segun" of "Olusegun",
    # "Bose" of "Abosede", "Kris" of "Kristófer": `_given_part`) joins that person when no
    # other person of the story fits it
    name_given_part: bool = False
    # a name mention written after a generation word ("old Mr X", "young X", "the elder X";
    # `lexicon.names.GENERATION_MARKERS_BEFORE`) is that generation of the family: taken out
    # of its article's entity when that entity holds unmarked mentions, and joined only to a
    # person the story marks the same way (`_mark_before`)
    name_elder_marks: bool = False
    # r18b (docs/quality.md, "r18b-namefind"; read by `build.story_analyses` only): forms of
    # the story's known persons the tagger left untagged: a surname or full name in capitals,
    # a title before a known surname, a name before a possessive (`namefind.with_name_parts`)
    name_known_forms: bool = False
    # r19 (docs/quality.md, "r19-names8"): one article's entity whose mentions are written after
    # two different generation words ("the elder X" ... "the younger X") is split into one unit
    # per generation (with `name_elder_marks`; `_mark_before`)
    name_generation_split: bool = False
    # a two-word name written in both orders in two articles ("Anna Kovacs" / "Kovacs Anna")
    # whose two orders nothing tells apart (no surname alone, as many forms each) is still one
    # name unless both orders carry stated roles that share no word (`_roles_differ`); the
    # order of the story's first form is kept (with `name_traditions`; `_story_order`)
    name_order_tie: bool = False
    # titles of other languages before a person form ("Kaptan", "Av.", "Ing.", "Harbour
    # Master") and honorifics after it ("Hanım", "Bey", "Hoca") are no part of the name
    # (`nameforms.strip_title_words`)
    name_title_words: bool = False
    # a hyphenated compound given name ("Mohammad-Reza X") and its first part alone
    # ("Mohammad X") are two names: two people (`PersonName.compound`, `_traditions_apart`)
    name_compound_given: bool = False
    # a given name's word-initial "Yi" before a vowel and "Gi" are one onset ("Yiorgos" /
    # "Giorgos" / "Georgios"; `yi_onset_fold`), for two full names of one surname
    name_yi_onset: bool = False
    # a two-word Chinese name in pinyin and in Wade-Giles ("Zhang Weiming" / "Chang
    # Wei-ming") is one name, across articles (`nameforms.wade_giles_keys`)
    name_wade_giles: bool = False
    # a Spanish name (written with an acute accent or ñ) without its second surname, or its two
    # surnames alone, is the full name's (`_double_surname_fit`)
    name_double_surname: bool = False
    # (read by `build.story_analyses` only) a person mention the tagger began too late
    # lengthened over the capitalised given names written right before it
    # (`namefind.with_lengthened_names`)
    name_lengthen: bool = False
    # r20 (docs/quality.md, "r20-namelearn"; `story.namelearn`): the learned, tradition-agnostic
    # name matcher (a `LearnedScorer`, or None: off), asked after every rule about the person
    # entities the rules left apart (`_learned_joins`) ...
    name_learned: Any = None
    # ... and, with this, also asked before two full names cluster by the rules
    # (`_resolve_persons`): under its veto bar they stay apart
    name_learned_veto: bool = False
    # r22 (docs/quality.md, "r22-entities"): story-level types. A name the tagger typed as an
    # organisation, place or work in one article that is, by what the rest of the story writes,
    # a person's name (`_story_person_types`: one to three capitalised name words, no
    # organisation or place word, and a full-named PERSON of the story whose given name and
    # surname it writes, the surname in the same or a close spelling; or, one word alone, that
    # person's surname or given name, typed so nowhere else) is read as a PERSON, so the person
    # rules (and the learned matcher) see it
    name_story_types: bool = False
    # r23 (docs/quality.md, "r23-entities"): a definite mention of an office
    # (`lexicon.people.OFFICE_NOUNS`: "the district governor", "The Abbot", "the Director of the
    # Crossing") joins the one person of the story whom some article names with that office (a
    # stated role, a title before the name "Governor X", an apposition "X, the governor" or
    # "the abbot, X", a copula "X is the governor"), when exactly one such person exists; a
    # mention or role with another-holder word ("former", "late", "deputy", "new":
    # `OFFICE_OTHER_HOLDER`) joins nobody and holds nothing. A unit the tagger made of the role
    # alone ("Provincial Governor" typed ORG) joins that person; a role mention that is no
    # mention today becomes one of the person's spans, as written (`_role_mentions`)
    name_role_mentions: bool = False
    # r24 (docs/quality.md, "r24-family"; `story.kinship`): people of one family are two people.
    # A person mention a kinship noun ties to another ("his son, X", "her daughter X", "X, the
    # mayor's wife", "the groom's father, X", "the father of X"), a namesake lead ("a porter
    # also named X", "his father, also X") or a denial ("X, no relation of the harbour
    # master") marks is another person than its owner (the named owner; for "his"/"her" the
    # nearest person written before; for a role owner, "the driver's", every person of the
    # story written with that role): the two never join (`_FamilyDSU`), and a mention the
    # article's own entity holds with its owner is taken out into a unit of its own
    # (`_family_apart`). A role mention written before "'s" and a kinship noun ("the
    # President's son") is no mention of that person (the phrase names the relative)
    name_family_apart: bool = False
    # two person units written with two ages at least `name_age_gap` years apart ("X, 15" /
    # "X, 68") are two people; one article's entity holding both is split by age
    name_age_apart: bool = False
    # ... the least gap in years between two written ages that makes two people
    name_age_gap: int = 10
    # r25-roles (docs/quality.md, "r25-roles"; `story.roles`): a definite role mention whose
    # head the story writes with a named person ("the chair" / "X, chair of the district";
    # "the maritime authority's director" / "The maritime authority's director, X") joins that
    # one person (`_role_noun_mentions`); off: as before
    role_nouns: bool = False
    # r25-roles: a bare relation mention ("his widow said", "Varo's son") joins the one person
    # the story names as that owner's relation ("His widow, X": `name_family_apart`'s kinship
    # readings; `_relation_mentions`); off: as before
    relation_mentions: bool = False
    # r26-roles (docs/quality.md, "r26-roles"): implicit role links. Two person entities the
    # story writes with one role head join at a lower learned-name bar (`role_name_bar`;
    # `_role_name_joins`), and the role readings also take a lower-case title run ("said
    # district spokesperson X") and a bare capitalised apposition ("X, Executive Director")
    # (`roles_with_mention(implicit=True)`); off: as before
    role_implicit: bool = False
    role_name_bar: float = 0.5


class LearnedScorer(Protocol):
    """The learned name matcher as the resolver reads it (`namelearn.LearnedScorer`)."""

    threshold: float
    veto: float

    def form(self, text: str, words: frozenset[str] = ...) -> tuple: ...

    @property
    def contextual(self) -> bool: ...

    def pair(self, a: tuple, b: tuple, same_article: bool, ca: MentionContext = ...,
             cb: MentionContext = ...) -> float: ...


class PairScorer(Protocol):
    """The name-pair model as the resolver reads it (`namepairs.PairScorer`)."""

    threshold: float

    def __call__(self, a: PersonName, b: PersonName, others: int) -> float: ...


DEFAULT_OPTIONS = ResolveOptions()


# --------------------------------------------------------------------------- name normalisation


def norm_text(text: str) -> str:
    """Lowercase words of a name: diacritics, punctuation, possessive and a leading "the" removed.
    Hyphens become spaces so "Jong-un" and "Jong Un" read the same."""
    t = ascii_fold(text).replace("\u2019", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"(?<=\w)'(?=\w)", "", t)  # O'Brien is one word
    t = t.replace(".", " ").replace("-", " ")
    t = _PUNCT.sub(" ", t)
    t = _SPACE.sub(" ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


def _skeleton(key: str) -> str:
    return key[:1] + re.sub(r"[aeiou]", "", key[1:])


def same_token(a: str, b: str) -> bool:
    """Two name tokens are one name up to transliteration (strict: short names must match)."""
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return True
    if not ka or not kb or ka[0] != kb[0]:
        return False
    # a different ending vowel is a different (often gendered) name: Daniel/Daniela, Mario/Maria
    short, long_ = sorted((ka, kb), key=len)
    if (long_[:-1] == short and long_[-1] in "aeiou") or (
        len(ka) == len(kb) and ka[:-1] == kb[:-1] and ka[-1] in "aeiou" and kb[-1] in "aeiou"
    ):
        return False
    if min(len(ka), len(kb)) >= 5 and fuzz.ratio(ka, kb) >= 86:
        return True
    # Mohammed/Muhammad: same consonant skeleton, vowels differ
    sa, sb = _skeleton(ka), _skeleton(kb)
    return sa == sb and len(sa) >= 4 and fuzz.ratio(ka, kb) >= 70


@dataclass
class PersonName:
    tokens: list[str]  # normalised tokens, titles and suffixes removed
    surname: str  # translit key of the surname (particles removed)
    given: list[str]  # normalised given-name tokens (particles removed)
    surname_first: bool = False
    generation: str | None = None  # "jr", "sr", ... written or marked by the article
    gender: str | None = None
    nickname: str | None = None  # a one-word nickname written inside the name: Luis "Lu" Vance
    # translit keys of the two parts of a hyphenated double surname ("Brandt-Koivu": "brandt", "koivu");
    # read only with `ResolveOptions.name_variants`
    surname_parts: tuple[str, ...] = ()
    # read only with `ResolveOptions.name_traditions` (`nameforms.NameForm`): the father's name
    # of a patronymic chain (translit key), the written surname particles ("van der"), and
    # whether given names compare under the romanisation folds
    patronym: str = ""
    particles: str = ""
    folds: bool = False
    # read only with `ResolveOptions.name_korean`: the romanised syllables of a Korean given
    # name ("ha", "rin"), compared syllable by syllable under `nameforms.korean_syllable_key`
    korean: tuple[str, ...] = ()
    # read only with `ResolveOptions.name_initials`: compare given names as initials too
    initials: bool = False
    # read only with `ResolveOptions.name_compound_given`: the two parts of a first given name
    # written as one hyphenated compound of two capitalised names ("Mohammad-Reza",
    # "Jean-Pierre"; translit keys), else ()
    compound: tuple[str, ...] = ()
    # read only with `ResolveOptions.name_yi_onset`: given names compare with a word-initial "Yi"
    # before a vowel read as "Gi" (`yi_onset_fold`: "Yiorgos" / "Giorgos")
    yi_onset: bool = False
    # read only with `ResolveOptions.name_wade_giles`: a Chinese name's keys in Wade-Giles
    # letters and whether it is written in Wade-Giles (`nameforms.wade_giles_keys`), else None
    wade_giles: tuple[frozenset[str], bool] | None = None
    # read only with `ResolveOptions.name_double_surname`: the name is written with letters of
    # Spanish spelling (an acute accent or ñ, none of the Portuguese ã, õ, ç, â, ê, ô), so its
    # last two words may be two surnames (`_double_surname_fit`)
    double_surname: bool = False

    @property
    def full(self) -> bool:
        return len(self.tokens) >= 2 and bool(self.given)

    @property
    def joined(self) -> str:
        return translit_key("".join(self.tokens))


def strip_titles(text: str) -> list[str]:
    toks = norm_text(text).split()
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    return toks


# a nickname written inside a name, in quotation marks or brackets: Ellery "The Fox" Vance
_INNER_NICKNAME = re.compile(
    r"\s[\"'\u201c\u2018(][^\"'\u201c\u201d\u2018\u2019()]{1,30}[\"'\u201d\u2019)](?=\s)")


def _is_capital_part(part: str) -> bool:
    return len(part) >= 2 and part[0].isupper() and part.replace("'", "").isalpha() \
        and not part.isupper() and norm_text(part) not in PARTICLES


def _variant_form(text: str) -> tuple[str, tuple[str, ...]]:
    """The name rewritten for `ResolveOptions.name_variants`: capital initials standing alone
    before the surname spelled out as initials ("PO Lindqvist" -> "P O Lindqvist"), and a last
    word of two capitalised hyphenated parts ("Brandt-Koivu") written as one surname, with its
    parts' keys. Not a surname-first name ("Kim Hye-Jin"), nor one part a particle
    ("Al-Haddad")."""
    words = text.split()
    end = len(words)
    while end > 1 and (generation_of(words[end - 1]) or norm_text(words[end - 1]) in SUFFIXES
                       or not norm_text(words[end - 1])):
        end -= 1
    if end == 0:
        return text, ()
    parts: tuple[str, ...] = ()
    last = words[end - 1].rstrip(",.;:")
    halves = last.split("-")
    if len(halves) == 2 and all(_is_capital_part(h) for h in halves) and not (
            end >= 2 and norm_text(words[0]) in SURNAME_FIRST):
        parts = tuple(translit_key(norm_text(h)) for h in halves)
        words[end - 1] = "".join(halves)
    # only as the whole given name: "GM Ted Varga" is a role before the name
    if end == 2 and 2 <= len(words[0]) <= 3 and words[0].isalpha() and words[0].isupper():
        words[0] = " ".join(words[0])
    return " ".join(words), parts


def parse_person(text: str, variants: bool = False) -> PersonName | None:
    """Name parts of a person's name; a quoted or bracketed nickname inside it is not one of them
    (Ellery "The Fox" Vance is Ellery Vance); a one-word one is kept as the name he goes by
    (Luis "Lu" Vance is also Lu Vance). With `variants` (`ResolveOptions.name_variants`) a
    hyphenated double surname is one surname and capital initials are initials (`_variant_form`)."""
    if variants:
        text, parts = _variant_form(text)
        p = parse_person(text)
        if p is not None and parts and not p.surname_first:
            p.surname_parts = parts
        return p
    # ("The Fox" is an epithet, not a name to go by)
    nick = [[norm_text(w[0])] for m in _INNER_NICKNAME.finditer(text)
            for w in [m.group().strip(" \"'\u201c\u201d\u2018\u2019()").split()] if len(w) == 1]
    text = _INNER_NICKNAME.sub(" ", text)
    words = norm_text(text).split()
    gens = [generation_of(w) for w in words[1:] if generation_of(w)]
    toks = strip_titles(text)
    if not toks:
        return None
    gen = gens[-1] if gens else None
    if len(toks) == 1:
        return PersonName(toks, translit_key(toks[0]), [], generation=gen)
    content = [t for t in toks if t not in PARTICLES] or toks
    if toks[0] in SURNAME_FIRST and len(content) >= 2:
        return PersonName(toks, translit_key(content[0]), content[1:], surname_first=True,
                          generation=gen)
    return PersonName(toks, translit_key(content[-1]), content[:-1], generation=gen,
                      nickname=nick[0][0] if len(nick) == 1 else None)


def surname_keys(p: PersonName) -> set[str]:
    """Every key a surname-only mention of this person could carry."""
    keys = {p.surname}
    if p.patronym:
        keys.add(_nasab_key(p))
    content = [t for t in p.tokens if t not in PARTICLES]
    # "Xi Jinping" / "Kim Kardashian": the order is unknown for two words, accept either
    if p.surname_first and len(content) == 2:
        keys.add(translit_key(content[-1]))
    return keys


def given_compatible(g1: list[str], g2: list[str], romanised: bool = False,
                     families: bool = False, folds: bool = False) -> bool:
    """Given names agree: same name up to transliteration; an initial matches its name; a missing
    middle name is compatible, two different middle names are not (Kim Jong Un / Kim Jong Il).
    With `romanised`, also one name in two romanisations (`names.romanised_match`), and never
    two names of which only one ends in -a (`names.a_ending_split`) unless a nickname table
    links them. With `families`, also two forms of one name family (`names.family_match`:
    "Mykhailo"/"Mikhail", "Sasha"/"Aleksandar"), whatever their endings. With `folds`
    (`ResolveOptions.name_traditions`), also two romanisations of one name under
    `nameforms.spelling_key` ("Hisham"/"Hicham", "Nour"/"Noor")."""
    if not g1 or not g2:
        return True
    if translit_key("".join(g1)) == translit_key("".join(g2)):
        return True
    if same_token("".join(g1), "".join(g2)) and len(g1) == len(g2) == 1 and not (
            romanised and a_ending_split(g1[0], g2[0])):
        return True

    def tok_ok(a: str, b: str) -> bool:
        if len(a) == 1 or len(b) == 1:
            return a[0] == b[0]
        if families and family_match(a, b):
            return True
        if romanised and len(a) >= 4 and len(b) >= 4 and a_ending_split(a, b):
            # Kristian / Kristina: one name of two people, whatever the spelling says
            return nickname_match(a, b)
        if same_token(a, b) or nickname_match(a, b):  # Jim / James, Sandi / Sandra
            return True
        if romanised and romanised_match(a, b):  # Oleksiy / Aleksei
            return True
        if folds and min(len(a), len(b)) >= 3 and same_token(spelling_key(a), spelling_key(b)):
            return True
        # a short form that starts the full one: Fred / Frederick (not Dan / Daniela)
        short, long_ = sorted((a, b), key=len)
        return len(short) >= 3 and long_.startswith(short) and len(long_) - len(short) >= 2 \
            and not (long_.endswith("a") and not short.endswith("a"))  # Dan / Daniela

    if not tok_ok(g1[0], g2[0]):
        # a leading initial left out: "W. Mark Felt" / "Mark Felt"
        for x, y in ((g1, g2), (g2, g1)):
            if len(x[0]) == 1 and len(x) > 1 and tok_ok(x[1], y[0]) and len(y) == 1:
                return True
        return False
    m1, m2 = g1[1:], g2[1:]
    if not m1 or not m2:
        return True
    if len(m1) != len(m2):
        return False
    return all(tok_ok(a, b) for a, b in zip(m1, m2, strict=True))


def lcs_len(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short strings."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def given_related(a: str, b: str) -> bool:
    """Two given-name tokens (normalised) that can be one person's by their letters or a table:
    compatible as `given_compatible` reads them (spelling, initials, the nickname and
    name-family tables), or a short form whose letters the long one holds in order (four in
    five at least) and that shares its first letter or its last two ("Nando"/"Fernando",
    "Quim"/"Joaquim", "Pepito"/"Pepe"). Never two forms of which only one ends in -a
    ("Mario"/"Maria") unless the nickname table links them. Used by the hard apart rule
    (`ResolveOptions.name_model`): one surname and two unrelated given names are two people."""
    if not a or not b:
        return True
    if given_compatible([a], [b], True, True):
        return True
    if len(a) == 1 or len(b) == 1:
        return False
    ka, kb = translit_key(a), translit_key(b)
    if a_ending_split(ka, kb) and not nickname_match(a, b):
        return False
    short, long_ = sorted((ka, kb), key=len)
    if len(short) < 3 or lcs_len(short, long_) / len(short) < 0.8:
        return False
    return short[0] == long_[0] or short[-2:] == long_[-2:]


def surnames_related(a: PersonName, b: PersonName) -> bool:
    """Two full names whose surnames can be one: equal up to transliteration, close in spelling
    (four in five letters), or one surname a word of the other name (a double surname
    shortened, a family name written first), or the whole names close as written together
    ("Gebremeskel" / "Gebre-Meskel"). The name-pair model (`ResolveOptions.name_model`) is
    asked about such pairs only."""
    sa, sb = a.surname, b.surname
    if sa == sb or same_token(sa, sb) or fuzz.ratio(sa, sb) >= 80:
        return True
    ta = {translit_key(t) for t in a.tokens}
    tb = {translit_key(t) for t in b.tokens}
    if sa in tb or sb in ta:
        return True
    return fuzz.ratio(a.joined, b.joined) >= 85


def _surname_part_of(a: PersonName, b: PersonName) -> bool:
    """One surname is a part of the other's double surname ("Brandt" of "Brandt-Koivu")."""
    return any(x.surname == part or same_token(x.surname, part)
               for x, y in ((a, b), (b, a)) if not x.surname_parts for part in y.surname_parts)


def persons_compatible(a: PersonName, b: PersonName, variants: bool = False,
                       romanised: bool | None = None, families: bool = False) -> bool:
    """Two parsed names can be one person's. With `variants` (`ResolveOptions.name_variants`)
    a surname may be a part of the other's double surname (the given names must then agree)
    and given names may be two romanisations of one (unless `romanised` is False); with
    `families` (`ResolveOptions.name_forms`) two forms of one given-name family."""
    roman = variants if romanised is None else romanised
    if a.generation and b.generation and a.generation != b.generation:
        return False  # Jr. and Sr. are father and son
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if _traditions_apart(a, b):
        return False
    if a.joined == b.joined:
        return True
    if roman and a.wade_giles and b.wade_giles and a.wade_giles[1] != b.wade_giles[1] \
            and a.wade_giles[0] & b.wade_giles[0]:
        return True  # one Chinese name in pinyin and in Wade-Giles ("Xu Lihua" / "Hsu Li-hua")
    if not a.full or not b.full:
        return False
    if (a.double_surname or b.double_surname) and _double_surname_fit(a, b):
        return True
    folds = a.folds and b.folds
    if not (a.surname == b.surname or same_token(a.surname, b.surname)
            or (variants and _surname_part_of(a, b)) or (folds and _nasab_of(a, b))):
        return False
    if a.korean or b.korean:
        return _korean_given_match(a, b)
    if given_compatible(a.given, b.given, roman, families, folds) or any(
            nick and given_compatible([nick], other.given, roman, families, folds)
            for nick, other in ((a.nickname, b), (b.nickname, a))):
        return True
    if a.yi_onset and b.yi_onset:
        ga, gb = [yi_onset_fold(t) for t in a.given], [yi_onset_fold(t) for t in b.given]
        return (ga, gb) != (a.given, b.given) and given_compatible(ga, gb, roman, families, folds)
    return False


def _double_surname_fit(a: PersonName, b: PersonName) -> bool:
    """`ResolveOptions.name_double_surname`: two full names of the Spanish tradition (given
    names, a first and a second surname) one person's: the shorter is the longer without its
    second surname ("Rubén Sosa" / "Rubén Sosa Quintero"), or, beside a longer name of two
    given names, its two surnames alone ("Ríos Montoya" / "Juan Esteban Ríos Montoya")."""
    short, long_ = sorted((a, b), key=lambda p: len(p.tokens))
    ks = [translit_key(t) for t in short.tokens]
    kl = [translit_key(t) for t in long_.tokens]
    if len(ks) >= 2 and len(kl) == len(ks) + 1 and kl[:-1] == ks:
        return True
    return len(ks) == 2 and len(kl) >= 4 and kl[-2:] == ks


_SPANISH_LETTERS = frozenset("áéíóúñÁÉÍÓÚÑ")
_PORTUGUESE_LETTERS = frozenset("ãõçâêôÃÕÇÂÊÔ")


def _spanish_spelling(forms: list[str]) -> bool:
    letters = set("".join(forms))
    return bool(letters & _SPANISH_LETTERS) and not letters & _PORTUGUESE_LETTERS


def yi_onset_fold(token: str) -> str:
    """A given-name token with a word-initial "yi" before a vowel written "gi": the two Latin
    spellings of one onset (Greek "Yiorgos" / "Giorgos", "Yiannis" / "Giannis"); other tokens
    as they are (`ResolveOptions.name_yi_onset`)."""
    return re.sub(r"^yi(?=[aeou])", "gi", token)


def _korean_given_match(a: PersonName, b: PersonName) -> bool:
    """`ResolveOptions.name_korean`: the given names of two names of one family name, one of
    them Korean, agree: syllable by syllable under `nameforms.korean_syllable_key`
    ("Su-hui" / "Soo-hee"; never "Ji-kang" / "Ji-kyung"), or initials that start the
    syllables in order ("S. J." / "Seo-jin")."""
    sides = []
    for p in (a, b):
        if p.given and all(len(t) == 1 for t in p.given):
            sides.append(("ini", tuple(p.given)))
        else:
            sides.append(("syl", p.korean or korean_syllables("".join(p.given))))
    (ka, xa), (kb, xb) = sides
    if ka == kb == "ini":
        return xa == xb
    if ka == kb:
        return bool(xa) and [korean_syllable_key(s) for s in xa] == \
            [korean_syllable_key(s) for s in xb]
    ini, syl = (xa, xb) if ka == "ini" else (xb, xa)
    return bool(syl) and len(ini) <= len(syl) and all(
        i in (s[0], korean_syllable_key(s)[0]) for i, s in zip(ini, syl, strict=False))


def _compound_given(p: PersonName, form: str) -> tuple[str, ...]:
    """The two parts of the first given name of a given-name-first full name when `form`
    writes it as a hyphenated compound of two capitalised names ("Mohammad-Reza Hosseini"),
    else (); a second part in lower case ("Wei-ming", "Ha-rin": syllables of one name) is none."""
    words = clean_form(form).split()
    if not p.full or p.surname_first or p.korean or len(words) < 2:
        return ()
    parts = words[0].split("-")
    if len(parts) != 2 or not all(x[:1].isupper() and x.isalpha() and len(x) >= 2
                                  for x in parts):
        return ()
    return tuple(translit_key(norm_text(x)) for x in parts)


def _traditions_apart(a: PersonName, b: PersonName) -> bool:
    """`ResolveOptions.name_traditions`: two names of two different fathers in their
    patronymic chains, or with two different written surname particles ("van der Berg" / "van
    den Berg"), are two people; with `ResolveOptions.name_compound_given` (`PersonName.
    compound`), a hyphenated compound given name and its first part alone are two names."""
    if a.patronym and b.patronym and not same_token(a.patronym, b.patronym):
        return True
    for x, y in ((a, b), (b, a)):
        # a compound given name is not its first part alone ("Mohammad-Reza" / "Mohammad")
        if x.compound and not y.compound and len(y.given) == 1 \
                and same_token(translit_key(y.given[0]), x.compound[0]):
            return True
    return bool(a.particles and b.particles and a.particles != b.particles)


def _nasab_key(p: PersonName) -> str:
    """The family name a patronymic chain makes ("ben" and the father's name), or ""."""
    return translit_key("ben" + p.patronym) if p.patronym else ""


def _nasab_of(a: PersonName, b: PersonName) -> bool:
    """One name's surname is the other's "ben <father>" (a chain with a further family name
    beside one that stops at the father)."""
    return any(k and same_token(x.surname, k) for x, y in ((a, b), (b, a))
               if (k := _nasab_key(y)))


# the courtesy titles that only say a gender (the gender rules read them)
_PLAIN_TITLES = frozenset(w.rstrip(".") for w in (*FEMALE_HONORIFICS, *MALE_HONORIFICS))


def strip_honours(text: str) -> str:
    """`ResolveOptions.name_initials`: a name form without the honorifics of
    `lexicon.names.INITIALS_HONORIFICS` before it ("Thiru. A. Jeyaseelan", "the Most Venerable
    ...") and without post-nominal letters written in capitals ("MP", "SAN") or clergy words
    ("Thero") after it; a form that is nothing else is kept as written."""
    words = text.split()
    out = list(words)
    changed = True
    while changed and len(out) > 1:
        changed = False
        low = [norm_text(w) for w in out]
        lead = 1 if low[0] == "the" else 0  # "the Most Venerable ..."
        for seq in INITIALS_HONORIFICS:
            if len(out) > len(seq) + lead and tuple(low[lead:lead + len(seq)]) == seq:
                out = out[lead + len(seq):]
                changed = True
                break
    while len(out) > 1:
        last = out[-1].strip(",.;:()")
        low = norm_text(last)
        if low in POSTNOMINAL_WORDS or (low in POSTNOMINAL_LETTERS and last.isupper()):
            out = out[:-1]
        else:
            break
    return " ".join(out) if out and out != words else text


def _is_initial(tok: str) -> bool:
    return len(tok) == 1


def _house_word(token: str, surname: str) -> bool:
    """A written given-name word that is a house (lineage) name rather than a personal name:
    the surname itself written before the given names ("Herath ... Herath"), or a word in the
    Sinhala genitive of a house ("-age", "-ige": "Mudiyanselage", "Arachchige")."""
    return bool(surname) and translit_key(token) == surname or (
        len(token) >= 7 and token.endswith(("age", "ige")))


def initials_embed(g1: list[str], g2: list[str], surname: str = "") -> bool:
    """`ResolveOptions.name_initials`: two lists of given names (normalised tokens), one
    holding an initial at least and one longer than the other, where the shorter list's names
    are, in order, names of the longer one: an initial stands for a written name of that
    letter or the same initial, two written names agree (`given_compatible`). A written name
    of the longer list left over before the last one matched contradicts ("John Paul" is not
    "Paul"); initials left over anywhere and names after the last match are names the other
    form leaves out ("H. D. N." / "Nuwan", "K. A. D. Upul" / "Upul", "A. B." / "A. B. D.").
    Two lists of one length are compared place by place by `given_compatible` alone, so
    "A. B. C." and "A. B. D." never agree. House names (`_house_word`, of `surname`) written
    out before the given names are left out as initials are ("Herath Mudiyanselage Asanka
    Kumara" / "Asanka")."""
    if not g1 or not g2 or len(g1) == len(g2):
        return False
    short, long_ = sorted((g1, g2), key=len)
    if not any(_is_initial(t) for t in (*g1, *g2)) and not any(
            _house_word(t, surname) for t in long_):
        return False

    def ok(a: str, b: str) -> bool:
        if _is_initial(a) or _is_initial(b):
            return a[0] == b[0]
        return given_compatible([a], [b])

    used = _match_positions(short, long_, ok)
    if len(used) < len(short):
        return False
    return all(_is_initial(long_[k]) or _house_word(long_[k], surname)
               for k in range(max(used)) if k not in used)


def _match_positions(short: list[str], long_: list[str], ok: Any) -> set[int]:
    """The places of `long_` that the greedy in-order match of `initials_embed` uses."""
    out: set[int] = set()
    j = 0
    for t in short:
        while j < len(long_) and not ok(t, long_[j]):
            j += 1
        if j == len(long_):
            break
        out.add(j)
        j += 1
    return out


def initials_conflict(a: PersonName, b: PersonName) -> bool:
    """`ResolveOptions.name_initials`: two names of one surname, one of them with an initial,
    whose given names agree neither place by place nor as `initials_embed` reads them: a father
    and a son who share all initials but one ("A. B. C." / "A. B. D."), an initial against a
    written name of another letter in the same place."""
    if not (a.initials and b.initials and a.given and b.given):
        return False
    if not (a.surname == b.surname or same_token(a.surname, b.surname)):
        return False
    if not any(_is_initial(t) for t in (*a.given, *b.given)):
        return False
    return not (given_compatible(a.given, b.given)
                or initials_embed(a.given, b.given, a.surname))


def acronym_of(text: str) -> str | None:
    """"U.N." / "UN" -> "un"; None when the text is not written as an acronym."""
    letters = text.replace(".", "").replace(" ", "").replace("&", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def initials(norm: str) -> str:
    words = [w for w in norm.split() if w not in _ACRONYM_STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def written_initials(surface: str) -> str:
    """The initials of a name's capitalised words when the name is written in mixed case: the
    lower-case words inside it are its function words in any language ("Instituto Nacional do
    Mar" -> "inm", "Office des Eaux et des Forets" -> "oef"); "" for a name written all in
    capitals or all in lower case, or with fewer than two capitalised words."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w and w[0].isalpha()]
    caps = [w for w in words if w[0].isupper()]
    if len(caps) < 2 or len(caps) == len(words) and all(w.isupper() for w in words):
        return ""
    if not any(w[0].islower() for w in words):
        return ""  # no function word written in lower case: the key's initials say it all
    return ascii_fold("".join(w[0] for w in caps))


def place_key(text: str) -> tuple[str, bool]:
    """Canonical key of an organisation/place name and whether it came from a demonym. An
    abbreviated company form is not part of the key ("Orrin Corp." is "Orrin")."""
    n = norm_text(text)
    words = n.split()
    if len(words) > 1 and words[-1] in COMPANY_FORMS:
        n = " ".join(words[:-1])
    if n in ALIASES:
        return ALIASES[n], False
    for cand in (n, n[:-1] if n.endswith("s") else n, n[:-2] if n.endswith("es") else n):
        if cand in DEMONYMS:
            return DEMONYMS[cand], True
    return n, False


# --------------------------------------------------------------------------- units


@dataclass
class _Unit:
    """One article-level entity (a LocalEntity, or same-text mentions with no LocalEntity)."""

    article: str
    local: str | None
    name: str
    type: str
    mentions: list[int]
    surfaces: list[str]
    roles: list[str]
    order: int
    key: str = ""
    person: PersonName | None = None
    demonym: bool = False
    generation: str | None = None
    gender: str | None = None
    plain: PersonName | None = None  # `person` before the German folds (`ResolveOptions.name_forms`)
    shown: tuple[str, list[str]] | None = None  # name and surfaces as written, when folded
    marked_before: bool = False  # generation read from a word before it (`_mark_before`)


def _units(analyses: list[Analysis]) -> list[_Unit]:
    units: list[_Unit] = []
    for an in analyses:
        aid = an.article.id
        n_m = len(an.mentions)
        claimed: set[int] = set()
        by_id: dict[str, _Unit] = {}
        for le in an.entities:
            idxs = [i for i in le.mentions if 0 <= i < n_m]
            roles = list(le.roles)
            for i in idxs:
                r = an.mentions[i].role
                if r and r not in roles:
                    roles.append(r)
            u = _Unit(aid, le.id, le.name or "", le.type or "", idxs,
                      [an.mentions[i].text or "" for i in idxs], roles, len(units),
                      generation=le.generation, gender=le.gender)
            units.append(u)
            by_id[le.id] = u
            claimed.update(idxs)
        loose: dict[tuple[str, str], _Unit] = {}
        for i, m in enumerate(an.mentions):
            if i in claimed:
                continue
            if m.entity and m.entity in by_id:  # LocalEntity did not list this mention
                u = by_id[m.entity]
                u.mentions.append(i)
                u.surfaces.append(m.text or "")
                if m.role and m.role not in u.roles:
                    u.roles.append(m.role)
                continue
            if m.type not in NAME_TYPES or not norm_text(m.text or ""):
                continue
            k = (m.type, norm_text(m.text))
            u = loose.get(k)
            if u is None:
                u = _Unit(aid, None, m.text, m.type, [], [], [], len(units))
                loose[k] = u
                units.append(u)
            u.mentions.append(i)
            u.surfaces.append(m.text)
            if m.role and m.role not in u.roles:
                u.roles.append(m.role)
    return units


def _is_person(u: _Unit) -> bool:
    if u.type == "PERSON":
        return True
    # spaCy sometimes labels "Mr. Ortega" as ORG/GPE; an honorific settles it
    first = norm_text(u.name).split()[:1]
    return bool(first) and first[0] in {"mr", "mrs", "ms", "dr", "sen", "gen"} and u.type in PLACE_ORG


# --------------------------------------------------------------------------- resolve


def _written_younger(u: _Unit) -> bool:
    """The unit is a younger generation and one of its mentions writes the suffix ("Jr.", "III")."""
    gen = u.person.generation if u.person else None
    return bool(gen) and gen != "sr" and any(
        generation_of(w) == gen for s in u.surfaces for w in norm_text(s).split()[1:])


def _given_part(token: str, given: str) -> bool:
    """`ResolveOptions.name_given_part`: a one-word form that is a short form cut out of a
    longer given name: four letters at least, two fewer than the name at least, and its head
    ("Kris" / "Kristofer"), its tail ("Segun" / "Olusegun", "Emeka" / "Chukwuemeka") or its
    part after a first vowel ("Bose" / "Abosede"). Compared under `translit_key`."""
    t, g = translit_key(token), translit_key(given)
    if len(t) < 4 or len(g) < len(t) + 2:
        return False
    return g.startswith(t) or g.endswith(t) or (g[:1] in "aeiou" and g[1:].startswith(t))


def _given_fits(token: str, p: PersonName, families: bool = False, parts: bool = False) -> bool:
    """A one-word mention can be this person's first given name: equal, or a short form of it
    (with `families`, also a form of its name family: "Sasha" for "Aleksandar"; with `parts`,
    a short form cut out of it, `_given_part`)."""
    if p.surname_first or not p.given or len(token) < 3 or len(p.given[0]) < 3:
        return False
    return token == p.given[0] or nickname_match(token, p.given[0]) or (
        families and family_match(token, p.given[0])) or (
        parts and _given_part(token, p.given[0]))


def _fits(a: _Unit, b: _Unit, variants: bool, families: bool = False) -> bool:
    """Two full-named units can be one person. A given name in another romanisation, or another
    form of its name family, joins only across articles: one article that writes both forms as
    two people means two people."""
    if not variants:
        return persons_compatible(a.person, b.person, families=families and a.article != b.article)
    if not persons_compatible(a.person, b.person, True, families=families):
        return False
    return a.article != b.article or persons_compatible(a.person, b.person, True, romanised=False)


_NEW_MARKERS = {m: g for m, g in GENERATION_MARKERS.items() if m not in GENERATIONS}


def _marker_split(form: str) -> tuple[list[str], str] | None:
    """(the name's words without it, generation) when a name form of at least two words ends
    in a generational marker that the English suffixes do not cover (`GENERATION_MARKERS`:
    "Filho", "Neto", "hijo", "el Joven")."""
    words = norm_text(strip_titles_cased(clean_form(form))).split()
    for n in (2, 1):
        if len(words) >= n + 2 and " ".join(words[-n:]) in _NEW_MARKERS:
            return words[:-n], _NEW_MARKERS[" ".join(words[-n:])]
    return None


def _marker_after(text: str, end: int) -> str | None:
    """The generation a marker written right after a name mention marks, when the tagger left it
    out of the mention ("Julián Ferreras hijo" tagged "Julián Ferreras")."""
    words = norm_text(text[end:end + 24]).split()
    if not text[end:end + 1].isspace() and text[end:end + 1] != ",":
        return None
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in _NEW_MARKERS:
            return _NEW_MARKERS[" ".join(words[:n])]
    return None


_AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def _marker_before(text: str, start: int) -> str | None:
    """The generation a word written right before a name mention marks, titles between them
    skipped ("old Mr Halloran", "young Kasia", "the elder Ferreira";
    `GENERATION_MARKERS_BEFORE`); None when none does."""
    before = text[max(0, start - 40):start]
    if before and not before[-1:].isspace():
        return None
    raw = before.split()
    while raw and norm_text(raw[-1]) in NAME_TITLES:
        raw = raw[:-1]
    for n in (2, 1):
        if len(raw) < n:
            continue
        # an age ("a 23-year-old X", "38 - year - old X") is no generation word
        if "-" in raw[-n] or len(raw) > n and (
                raw[-n - 1][-1:].isdigit() or raw[-n - 1] in ("-", "\u2013")
                or norm_text(raw[-n - 1]) in _AGE_WORDS):
            continue
        words = norm_text(" ".join(raw[-n:]))
        if words in GENERATION_MARKERS_BEFORE:
            return GENERATION_MARKERS_BEFORE[words]
    return None


def _mark_before(units: list[_Unit], analyses: dict[str, Analysis], variants: bool,
                 split: bool = False) -> None:
    """`ResolveOptions.name_elder_marks`: the person mentions written after a generation word
    (`_marker_before`) carry that generation; when the article's entity also holds unmarked
    mentions (the tagger's own coreference put "old Mr Halloran" with "Mr Dara Halloran"),
    the marked ones become a unit of their own. With `split` (`ResolveOptions.
    name_generation_split`) mentions marked with two different generations ("the elder X",
    "the younger X") become one unit per generation; without it such an entity is left whole."""
    for u in [u for u in units if u.type == "PERSON" and u.person is not None]:
        an = analyses.get(u.article)
        if an is None:
            continue
        gens = {i: g for i in u.mentions if 0 <= i < len(an.mentions)
                if (g := _marker_before(an.article.text, an.mentions[i].start))}
        if not gens or len(set(gens.values())) > 1 and not split:
            continue
        rest = [i for i in u.mentions if i not in gens]
        by_gen: dict[str, list[int]] = {}
        for i in u.mentions:
            if i in gens:
                by_gen.setdefault(gens[i], []).append(i)
        if not rest:  # every mention marked: the first generation's stay in this unit
            gen, first = next(iter(by_gen.items()))
            u.person.generation = gen
            u.marked_before = True
            if len(by_gen) == 1:
                continue
            del by_gen[gen]
            u.mentions = first
            u.surfaces = [an.mentions[i].text or "" for i in first]
        for gen, marked in by_gen.items():
            v = _Unit(u.article, None, an.mentions[marked[0]].text, "PERSON", marked,
                      [an.mentions[i].text or "" for i in marked], [], len(units),
                      gender=u.gender)
            v.person = parse_person(v.name, variants)
            if v.person is None:
                continue
            v.person.generation = gen
            v.marked_before = True
            v.key = u.key
            u.mentions = [i for i in u.mentions if i not in marked]
            u.surfaces = [an.mentions[i].text or "" for i in u.mentions]
            units.append(v)


def _split_marked(u: _Unit, units: list[_Unit], an: Analysis | None, variants: bool) -> None:
    """One article's entity that holds the full name both with a marker written after it and
    without ("the former mayor Julián Ferreras ... designed by Julián Ferreras hijo", the
    marker outside the tagged name): the marked mentions become a unit of their own."""
    if an is None or u.person is None or not u.person.full:
        return
    marked = [i for i in u.mentions if 0 <= i < len(an.mentions)
              and _marker_after(an.article.text, an.mentions[i].end)]
    if not marked:
        return
    rest = [i for i in u.mentions if i not in marked]
    bare = [i for i in rest if 0 <= i < len(an.mentions)
            and (p := parse_person(an.mentions[i].text, variants)) is not None
            and p.joined == u.person.joined]
    if not bare:
        return
    u.mentions = rest
    u.surfaces = [an.mentions[i].text or "" for i in rest]
    v = _Unit(u.article, None, an.mentions[marked[0]].text, "PERSON", marked,
              [an.mentions[i].text or "" for i in marked], [], len(units), gender=u.gender)
    v.person = parse_person(v.name, variants)
    v.key = u.key
    units.append(v)


def _mark_generations(units: list[_Unit], variants: bool,
                      analyses: dict[str, Analysis] | None = None) -> None:
    """`ResolveOptions.name_apart`: a person named as another person of the story plus a
    generational marker ("Rui Coelho Filho" beside "Rui Coelho"; the marker inside the mention
    or written right after it) is that name's other generation, and the bare name the first
    one: the two never join. A marker that is also a surname ("Neto") is read as one only when
    the story writes the name without it."""
    analyses = analyses or {}
    for u in [u for u in units if u.type == "PERSON" and u.person is not None]:
        _split_marked(u, units, analyses.get(u.article), variants)
    persons = [u for u in units if u.type == "PERSON" and u.person is not None]
    found = []
    for u in persons:
        for form in [u.name, *u.surfaces]:
            split = _marker_split(form)
            if split:
                found.append((u, split[0], split[1]))
                break
        else:
            an = analyses.get(u.article)
            if an is None or len(u.person.tokens) < 2:
                continue
            gens = {g for i in u.mentions if 0 <= i < len(an.mentions)
                    if (g := _marker_after(an.article.text, an.mentions[i].end))}
            if len(gens) == 1:
                found.append((u, list(u.person.tokens), gens.pop()))
    marked = {id(u) for u, _, _ in found}
    for u, base, gen in found:
        key = translit_key("".join(base))
        namesakes = [v for v in persons if id(v) not in marked and v.person.joined == key]
        if not namesakes:
            continue
        person = parse_person(" ".join(base), variants)
        if person is None:
            continue
        person.gender = u.person.gender
        person.generation = gen
        u.person = person
        for v in namesakes:
            v.person.generation = GENERATION_OPPOSITE.get(gen, "not " + gen)


def _resolve_persons(units: list[_Unit], idx: list[int], dsu: UnionFind[int],
                     options: ResolveOptions = DEFAULT_OPTIONS,
                     texts: dict[str, Analysis] | None = None) -> None:
    texts = texts or {}
    variants = options.name_variants
    full = [i for i in idx if units[i].person and units[i].person.full]
    partial = [i for i in idx if units[i].person and not units[i].person.full]
    # fuller names first, so "George W. Bush" founds a cluster before "George Bush" asks to join;
    # at one length a name with its generation first, so a bare one sees both Jr. and Sr.
    full.sort(key=lambda i: (-len(units[i].person.tokens), units[i].person.generation is None,
                             units[i].order))
    clusters: list[list[int]] = []
    apart_of: dict[int, set[int]] = defaultdict(set)
    if isinstance(dsu, _FamilyDSU):
        for x, y in dsu.pairs:
            apart_of[x].add(y)
            apart_of[y].add(x)
    for i in full:
        p = units[i].person
        fits = [c for c in clusters
                if all(_fits(units[i], units[j], variants, options.name_forms) for j in c)]
        if options.name_learned_veto and options.name_learned is not None:
            fits = [c for c in fits
                    if not any(_vetoed(units[i], units[j], options.name_learned) for j in c)]
        if isinstance(dsu, _FamilyDSU):  # two people of one family never share a cluster
            fits = [c for c in fits if not any(dsu.apart(i, j) for j in c)]
            # a cluster written with the very name of the person kept apart from this one
            # ("Ionut" beside his father "Ion") is that person's, whatever the order
            fits = [c for c in fits if not (
                all(units[j].person.joined != p.joined for j in c)
                and any(units[x].person is not None and any(
                    units[x].person.joined == units[j].person.joined for j in c)
                    for x in apart_of[i]))]
            # a family's two people both fit: the one written with this very name takes it
            same = [c for c in fits if any(units[j].person.joined == p.joined for j in c)]
            if len(fits) > 1 and len(same) == 1:
                fits = same
        if len(fits) == 1:
            fits[0].append(i)
        elif not fits:
            clusters.append([i])
        elif p.generation is None and len(
                rest := [c for c in fits if not any(_written_younger(units[j]) for j in c)]
        ) == 1:
            # a bare name beside a "Jr." written out is the father: news writes the son's suffix
            # ("Ellery Vance Jr."), so "Ellery Vance" alone is the other one
            rest[0].append(i)
        # ambiguous (compatible with several people): stays on its own
        else:
            clusters.append([i])
    if options.name_initials:
        _join_initials(units, clusters)
    if options.name_initial_order:
        _join_initial_order(units, clusters)
    if options.name_model is not None:
        _model_joins(units, clusters, options.name_model, options.name_apart)
    for c in clusters:
        for j in c[1:]:
            dsu.union(c[0], j)

    ckeys = [set().union(*(surname_keys(units[j].person) for j in c)) for c in clusters]
    crole = [{r.lower() for j in c for r in units[j].roles} for c in clusters]
    cgender = [{units[j].person.gender for j in c} - {None} for c in clusters]
    cgen = [{units[j].person.generation for j in c} - {None} for c in clusters]
    carts = [{units[j].article for j in c} for c in clusters]
    ctitles = [set().union(*(_titles_of(units[j], texts.get(units[j].article)) for j in c))
               for c in clusters]
    orphans: dict[str, list[int]] = defaultdict(list)
    for i in partial:
        u = units[i]
        key = u.person.surname
        cands = [k for k, keys in enumerate(ckeys) if any(key == s or same_token(key, s) for s in keys)
                 and not (u.person.gender and cgender[k] - {u.person.gender})
                 and not any(_traditions_apart(u.person, units[j].person) for j in clusters[k])
                 and not (u.person.generation and cgen[k] - {u.person.generation})
                 and not (u.marked_before and u.person.generation not in cgen[k])]
        if not cands and variants:
            cands = _part_candidates(units, i, clusters, partial)
        if isinstance(dsu, _FamilyDSU):
            cands = [k for k in cands if not any(dsu.apart(i, j) for j in clusters[k])]
        if len(cands) > 1 and options.name_titled:
            # a title the form writes ("Dr Pestana") that one of them is written with
            said = _titles_of(u, texts.get(u.article))
            titled = [k for k in cands if said & ctitles[k]]
            cands = titled if len(titled) == 1 else cands
        if len(cands) > 1:  # two people share the surname: the own article decides, then roles
            in_art = [k for k in cands if u.article in carts[k]]
            by_role = [k for k in cands if crole[k] & {r.lower() for r in u.roles}]
            cands = in_art if len(in_art) == 1 else by_role if len(by_role) == 1 else cands
        if not cands and not u.person.gender and not _is_person_by_title(u) \
                and not u.marked_before:
            # no surname fits: a lone given name ("Sandi") joins the one person the story names
            # in full with that given name or a form of it; never when an honorific marks it a
            # surname ("Mr. Lindqvist")
            cands = [k for k, c in enumerate(clusters)
                     if any(_given_fits(u.person.tokens[0], units[j].person, options.name_forms,
                                        options.name_given_part)
                            for j in c)]
            if isinstance(dsu, _FamilyDSU):
                cands = [k for k in cands if not any(dsu.apart(i, j) for j in clusters[k])]
        if len(cands) == 1:
            dsu.union(clusters[cands[0]][0], i)
        elif not cands:
            orphans[key].append(i)
        # still ambiguous: this unit stays its own entity
    # surname-only mentions with no full name anywhere: one person per surname in the story,
    # unless honorifics say two ("Mrs. Orrin", "Mr. Orrin"); then a bare "Orrin" stays apart
    for group in orphans.values():
        genders = {units[j].person.gender for j in group} - {None}
        for g in genders or {None}:
            same = [j for j in group if units[j].person.gender in ({g, None} if len(genders) <= 1
                                                                   else {g})]
            for j in same[1:]:
                dsu.union(same[0], j)


def _adjacent_names(analyses: list[Analysis]) -> dict[tuple[str, int], tuple[str, int]]:
    """`ResolveOptions.name_adjacent`: (article, mention) -> (the whole name, the other
    mention) for two PERSON mentions written one right after the other with one space between,
    each of capitalised words with no title, seven words at most together: one long name the
    tagger cut in two."""
    out: dict[tuple[str, int], tuple[str, int]] = {}
    for an in analyses:
        text = an.article.text
        order = sorted((m.start, m.end, i) for i, m in enumerate(an.mentions)
                       if m.type == "PERSON" and m.text)
        for (s1, e1, i), (s2, e2, j) in zip(order, order[1:], strict=False):
            if text[e1:s2] != " ":
                continue
            whole = text[s1:e2]
            words = whole.split()
            if len(words) > 7 or not all(w[:1].isupper() for w in words) or any(
                    norm_text(w) in TITLES for w in words) or re.search(r"[^\w .'-]", whole):
                continue
            out[(an.article.id, i)] = (whole, j)
            out[(an.article.id, j)] = (whole, i)
    return out


def _split_titled(units: list[_Unit], variants: bool, analyses: dict[str, Analysis]) -> None:
    """`ResolveOptions.name_titled`: one article's person entity with a full name that also
    holds a titled surname alone ("Dr Pestana") whose title none of its full-name forms
    writes, in a story where another person of that surname is written in full with that very
    title: the titled mentions become a unit of their own (the in-article chain joined two
    people of one surname)."""
    persons = [u for u in units if u.type == "PERSON" and u.person is not None]
    for u in persons:
        if not u.person.full or len(u.surfaces) != len(u.mentions):
            continue
        an = analyses.get(u.article)
        said = _mention_titles(u, an)
        own = {t for s, ts in zip(u.surfaces, said, strict=True)
               if (p := parse_person(strip_titles_cased(clean_form(s)), variants)) and p.full
               for t in ts}
        picked = []
        for m, s, titles in zip(u.mentions, u.surfaces, said, strict=True):
            p = parse_person(strip_titles_cased(clean_form(s)), variants)
            if p is None or p.full or not titles or titles & own or not (
                    p.surname == u.person.surname or same_token(p.surname, u.person.surname)):
                continue
            if any(v is not u and v.person.full and same_token(v.person.surname, p.surname)
                   and titles & _titles_of(v, analyses.get(v.article)) for v in persons):
                picked.append((m, s))
        if not picked or len(picked) == len(u.mentions):
            continue
        keep = [(m, s) for m, s in zip(u.mentions, u.surfaces, strict=True)
                if (m, s) not in picked]
        u.mentions, u.surfaces = [m for m, _ in keep], [s for _, s in keep]
        v = _Unit(u.article, None, picked[0][1], "PERSON", [m for m, _ in picked],
                  [s for _, s in picked], [], len(units), gender=u.gender)
        v.person = parse_person(strip_titles_cased(clean_form(v.name)), variants)
        v.key = place_key(clean_form(strip_titles_cased(v.name)))[0]
        if v.person is not None:
            v.person.initials = u.person.initials
            units.append(v)


def _titles_of_form(form: str, before: str = "") -> set[str]:
    """The titles written in one name form or right before it in the text (`before`, the text
    up to the mention: "Dr" left out of the tagged name), but the plain courtesy ones."""
    out = set()
    for w in norm_text(clean_form(form)).split():
        if w not in TITLES:
            break
        if w not in _PLAIN_TITLES:
            out.add(w)
    prev = re.split(r"[\n,;:()]", before[-40:])[-1].split() if before[-1:].isspace() else []
    for w in reversed([norm_text(x) for x in prev]):
        if w not in TITLES:
            break
        if w not in _PLAIN_TITLES:
            out.add(w)
    return out


def _mention_titles(u: _Unit, an: Analysis | None) -> list[set[str]]:
    """`_titles_of_form` of each of the unit's mentions, with the text before it."""
    out = []
    for m, s in zip(u.mentions, u.surfaces, strict=False):
        before = an.article.text[:an.mentions[m].start] if an is not None and \
            0 <= m < len(an.mentions) else ""
        out.append(_titles_of_form(s, before))
    return out


def _titles_of(u: _Unit, an: Analysis | None = None) -> set[str]:
    """The titles written before the unit's name forms (`NAME_TITLES`), but the plain courtesy
    ones ("Mr", "Ms": the gender rules read those)."""
    return set().union(*_mention_titles(u, an)) if u.surfaces else _titles_of_form(u.name)


def _initials_fit(a: _Unit, b: _Unit) -> bool:
    """`ResolveOptions.name_initials`: two full names of one surname whose given names agree as
    `initials_embed` reads them, of no two generations or genders and no tradition's apart
    rule, neither a Korean name (the Korean rules read those)."""
    pa, pb = a.person, b.person
    if not (pa.initials and pb.initials) or pa.korean or pb.korean:
        return False
    if not (pa.surname == pb.surname or same_token(pa.surname, pb.surname)):
        return False
    if (pa.generation or pb.generation) and pa.generation != pb.generation:
        return False
    if pa.gender and pb.gender and pa.gender != pb.gender:
        return False
    if _traditions_apart(pa, pb):
        return False
    return initials_embed(pa.given, pb.given, pa.surname)


def _unique_pairs(n: int, fit: Any) -> list[tuple[int, int]]:
    """The cluster pairs (x, y) that `fit` accepts and where each is the other's only fit."""
    partners: dict[int, list[int]] = defaultdict(list)
    for x in range(n):
        for y in range(x + 1, n):
            if fit(x, y):
                partners[x].append(y)
                partners[y].append(x)
    return [(x, ys[0]) for x, ys in partners.items()
            if len(ys) == 1 and x < ys[0] and partners[ys[0]] == [x]]


def _join_initials(units: list[_Unit], clusters: list[list[int]]) -> None:
    """`ResolveOptions.name_initials`: two person clusters every pair of whose names agree by
    the name rules or by `_initials_fit`, one pair at least by the latter, joined when each is
    the other's only such cluster (another person of the surname whose names also fit keeps
    both apart). Clusters are edited in place."""
    def fit(x: int, y: int) -> bool:
        pairs = [(units[i], units[j]) for i in clusters[x] for j in clusters[y]]
        if any(initials_conflict(a.person, b.person) for a, b in pairs):
            return False
        ok = [_initials_fit(a, b) for a, b in pairs]
        return any(ok) and all(o or persons_compatible(a.person, b.person, True)
                               for o, (a, b) in zip(ok, pairs, strict=True))

    for x, y in _unique_pairs(len(clusters), fit):
        clusters[x].extend(clusters[y])
        clusters[y] = []
    clusters[:] = [c for c in clusters if c]


def _join_initial_order(units: list[_Unit], clusters: list[list[int]]) -> None:
    """`ResolveOptions.name_initial_order`: an initial before a name ("T. Malathi": the father's
    initial, then the name) and a two-word name of another article that starts with that name
    and whose other word starts with the initial ("Malathi Thirunavukkarasu"), joined when the
    clusters share no article (one article writing both forms writes two people: a son named
    after his grandfather), neither has another fit of this kind, and no other cluster holds
    the name as a surname."""
    def form(c: list[int]) -> tuple[str, str] | None:
        for j in c:
            p = units[j].person
            if len(p.tokens) == 2 and len(p.given) == 1 and _is_initial(p.given[0]):
                return p.given[0], p.surname
        return None

    forms = [form(c) for c in clusters]
    surnames = Counter(s for c in clusters for s in {units[j].person.surname for j in c})

    def one_way(x: int, y: int) -> bool:
        f = forms[x]
        if f is None or surnames[f[1]] != 1:
            return False
        ini, name = f
        if {units[j].article for j in clusters[x]} & {units[j].article for j in clusters[y]}:
            return False
        gx = {units[j].person.gender for j in clusters[x]} - {None}
        gy = {units[j].person.gender for j in clusters[y]} - {None}
        if gx and gy and gx != gy:
            return False
        return any(len(p.tokens) == 2 and len(p.given) == 1 and not p.surname_first
                   and same_token(translit_key(p.given[0]), name) and p.surname[:1] == ini
                   for j in clusters[y] for p in [units[j].person])

    for x, y in _unique_pairs(len(clusters), lambda x, y: one_way(x, y) or one_way(y, x)):
        clusters[x].extend(clusters[y])
        clusters[y] = []
    clusters[:] = [c for c in clusters if c]


def _role_heads(units: list[_Unit], c: list[int]) -> set[str]:
    """The office words (`ROLE_WORDS`) of a cluster's stated roles ("Health Minister": minister)."""
    return {w for j in c for r in units[j].roles for w in norm_text(r).split() if w in ROLE_WORDS}


def _apart(a: _Unit, b: _Unit, hard: bool) -> bool:
    """What keeps apart two names the name-pair model would join: one article naming both (two
    people there), two generations or two genders; and with `hard`
    (`ResolveOptions.name_apart`) one surname with two given names that no table and no letter
    relation ties (`given_related`: Marco/Marta, Pedro/Pablo), unless one name is the other
    whole after a word the parse read as a given name (a position word: "Punter Ilmo Varga")."""
    pa, pb = a.person, b.person
    if a.article == b.article or _traditions_apart(pa, pb) or initials_conflict(pa, pb):
        return True
    if (pa.generation or pb.generation) and pa.generation != pb.generation:
        return True
    if pa.gender and pb.gender and pa.gender != pb.gender:
        return True
    if hard and (pa.surname == pb.surname or same_token(pa.surname, pb.surname)):
        short, long_ = sorted(([translit_key(t) for t in pa.tokens],
                               [translit_key(t) for t in pb.tokens]), key=len)
        if len(short) < len(long_) and long_[-len(short):] == short:
            return False  # the whole other name after a word the parse took for a given name
        return not (given_related(pa.given[0], pb.given[0]) or (
            pa.folds and pb.folds and same_token(spelling_key(pa.given[0]),
                                                 spelling_key(pb.given[0]))))
    return False


def _model_joins(units: list[_Unit], clusters: list[list[int]], scorer: PairScorer,
                 hard: bool = False) -> None:
    """Joins two full-name person clusters the rules above left apart when the name-pair model
    (`ResolveOptions.name_model`) gives one of their cross-article name pairs of related
    surnames (`surnames_related`) at least its
    threshold, no pair of them is kept apart by `_apart`, the two are each other's best match
    (one join per cluster per pass; clusters are edited in place), and, with `hard`
    (`ResolveOptions.name_apart`), their stated offices do not differ (a minister and a
    clinical director of one surname are two people)."""
    if len(clusters) < 2:
        return
    heads = [_role_heads(units, c) for c in clusters]
    sur = [{units[j].person.surname for j in c} for c in clusters]
    scored: list[tuple[float, int, int]] = []
    for x in range(len(clusters)):
        for y in range(x + 1, len(clusters)):
            if hard and heads[x] and heads[y] and not heads[x] & heads[y]:
                continue
            if any(_apart(units[i], units[j], hard) for i in clusters[x] for j in clusters[y]):
                continue
            pairs = [(i, j) for i in clusters[x] for j in clusters[y]
                     if surnames_related(units[i].person, units[j].person)]
            if not pairs:
                continue
            others = sum(1 for k in range(len(clusters))
                         if k not in (x, y) and sur[k] & (sur[x] | sur[y]))
            best = max(scorer(units[i].person, units[j].person, others) for i, j in pairs)
            if best >= scorer.threshold:
                scored.append((best, x, y))
    for x, y in mutual_best(scored):
        clusters[x].extend(clusters[y])
        clusters[y] = []
    clusters[:] = [c for c in clusters if c]


def mutual_best(scored: list[tuple[float, int, int]], margin: float = 0.05) -> list[tuple[int, int]]:
    """The pairs `(x, y)` of scored candidates `(p, x, y)` to join: each is the other's best,
    neither is taken by a higher pair, and no rival of either scores within `margin` of its best
    (two people who fit about as well are left apart)."""
    best_of: dict[int, float] = {}
    for p, x, y in scored:
        best_of[x] = max(best_of.get(x, 0.0), p)
        best_of[y] = max(best_of.get(y, 0.0), p)
    near: dict[int, int] = defaultdict(int)  # candidates within `margin` of a cluster's best
    for p, x, y in scored:
        near[x] += p >= best_of[x] - margin
        near[y] += p >= best_of[y] - margin
    used: set[int] = set()
    out: list[tuple[int, int]] = []
    for p, x, y in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if x in used or y in used or p < best_of[x] or p < best_of[y] or near[x] > 1 \
                or near[y] > 1:
            continue
        used |= {x, y}
        out.append((x, y))
    return out


def _unit_forms(u: _Unit, scorer: LearnedScorer, roles: bool = True) -> set[tuple]:
    """The learned matcher's reading (`LearnedScorer.form`) of a person unit's forms as written,
    with the words of its stated roles (unless `roles` is false: the names alone) and its
    generation."""
    name, surfaces = u.shown or (u.name, u.surfaces)
    words = frozenset(w for r in u.roles for w in norm_text(r).split()) if roles else frozenset()
    out = set()
    for s in {name, *surfaces}:
        toks, gen, marks = scorer.form(clean_form(s), words)
        if toks:
            out.add((toks, gen or (u.person.generation if u.person else None), marks))
    return out


def _vetoed(a: _Unit, b: _Unit, scorer: LearnedScorer) -> bool:
    """`ResolveOptions.name_learned_veto`: the learned matcher scores every pair of the two
    units' forms under its veto bar."""
    fa, fb = _unit_forms(a, scorer), _unit_forms(b, scorer)
    if not fa or not fb or scorer.veto <= 0:
        return False
    same = a.article == b.article
    return max(scorer.pair(x, y, same) for x in fa for y in fb) < scorer.veto


def _unit_context(u: _Unit, by_art: dict[str, Analysis]) -> MentionContext:
    """A person unit's mention context (`namelearn.mention_context`; round 26)."""
    an = by_art.get(u.article)
    if an is None:
        return NO_CONTEXT
    spans = [(an.mentions[i].start, an.mentions[i].end) for i in u.mentions
             if 0 <= i < len(an.mentions)]
    return mention_context(an.article.text, spans, u.roles)


def _learned_joins(units: list[_Unit], persons: list[int], dsu: UnionFind[int],
                   scorer: LearnedScorer, hard: bool = False,
                   by_art: dict[str, Analysis] | None = None) -> None:
    """`ResolveOptions.name_learned`: joins two person entities the rules left apart when the
    learned matcher gives one cross pair of their forms at least its threshold, nothing keeps
    them apart (two full names that one article writes as two people, two generations, two
    genders, conflicting initials or tradition marks: `_apart`; with `hard`, two offices that
    share no word), and the two are each other's best match with no rival within 0.05. A round
    26 model (`scorer.contextual`) also reads each side's mention context (the union over its
    units, `_unit_context`; `by_art`: the analyses by article id)."""
    unit_ctx: dict[int, MentionContext] = {}
    if scorer.contextual and by_art is not None:
        unit_ctx = {i: _unit_context(units[i], by_art) for i in persons}
    for _ in range(3):
        groups: dict[int, list[int]] = defaultdict(list)
        for i in persons:
            groups[dsu.find(i)].append(i)
        keys = sorted(groups)
        if len(keys) < 2:
            return
        forms = [{(units[i].article, f) for i in groups[k] for f in _unit_forms(units[i], scorer)}
                 for k in keys]
        heads = [_role_heads(units, groups[k]) for k in keys]
        ctxs = [merge_contexts([unit_ctx[i] for i in groups[k] if i in unit_ctx]) for k in keys]
        scored: list[tuple[float, int, int]] = []
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                if not forms[x] or not forms[y]:
                    continue
                if hard and heads[x] and heads[y] and not heads[x] & heads[y]:
                    continue
                if any(_learned_apart(units[i], units[j])
                       for i in groups[keys[x]] for j in groups[keys[y]]):
                    continue
                best = max(scorer.pair(a, b, aa == ab, ctxs[x], ctxs[y])
                           for aa, a in forms[x] for ab, b in forms[y])
                if best >= scorer.threshold:
                    scored.append((best, x, y))
        joins = mutual_best(scored)
        for x, y in joins:
            dsu.union(keys[x], keys[y])
        if not joins:
            return


def _learned_apart(a: _Unit, b: _Unit) -> bool:
    """Two person units the learned matcher may not join: in one article only two full names
    (the article wrote them as two people); across articles what `_apart` keeps apart."""
    if a.article == b.article:
        return bool(a.person.full and b.person.full)
    return _apart(a, b, False)


def _part_candidates(units: list[_Unit], i: int, clusters: list[list[int]],
                     partial: list[int]) -> list[int]:
    """The one person cluster whose double surname has this surname-only unit's surname as a
    part ("Brandt" for "Ilse Brandt-Koivu"), when no other cluster has that part and the unit's
    own article names that person in full (a "Brandt" of another article is as likely another
    Brandt whose full name the tagger missed); never when the story's surname-only mentions of
    that surname carry two genders ("Mr. Brandt", "Ms. Brandt") or when a gendered one meets a
    person of unknown or other gender (a husband beside his wife)."""
    u = units[i]
    key = u.person.surname
    found = [k for k, c in enumerate(clusters)
             if any(key == part or same_token(key, part)
                    for j in c for part in units[j].person.surname_parts)]
    if len(found) != 1:
        return []
    c = clusters[found[0]]
    if all(units[j].article != u.article for j in c):
        return []
    genders = {units[j].person.gender for j in c} - {None}
    said = {units[j].person.gender for j in partial if units[j].person.surname == key} - {None}
    if len(said) > 1 or (said and said != genders):
        return []
    gens = {units[j].person.generation for j in c} - {None}
    if u.person.generation and gens - {u.person.generation}:
        return []
    return found


def _resolve_places(units: list[_Unit], idx: list[int], dsu: UnionFind[int],
                    options: ResolveOptions = DEFAULT_OPTIONS) -> None:
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        u = units[i]
        # one exact name is one thing whatever the small model called it ("Vestra" as LOC
        # here, PRODUCT there); only persons are told apart by name parts
        group = "PLACE"
        by_key[(group, u.key)].append(i)
        for s in {s for s in u.surfaces if s}:
            k, _ = place_key(s)
            if k in ALIASES.values() and k != u.key:  # "U.S." inside a "United States" entity
                by_key[(group, k)].append(i)
    for members in by_key.values():
        for j in members[1:]:
            dsu.union(members[0], j)
    # acronyms written out elsewhere: "IAEA" / "International Atomic Energy Agency"
    acr: dict[str, list[int]] = defaultdict(list)
    expanded: dict[str, set[str]] = defaultdict(set)
    expanded_units: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        u = units[i]
        for s in set(u.surfaces) | {u.name}:
            a = acronym_of(s)
            if a:
                acr[a].append(i)
        for ini in {initials(u.key)} | {written_initials(s) for s in u.surfaces if s}:
            if ini:
                expanded[ini].add(u.key)
                expanded_units[ini].append(i)
    for a, members in acr.items():
        if len(expanded.get(a, ())) == 1:  # exactly one written-out name fits: precision first
            for j in members + expanded_units[a]:
                dsu.union(members[0], j)
    # a web address and the name it spells without spaces: "orrinwire.com" / "Orrin Wire"
    squashed: dict[str, set[str]] = defaultdict(set)
    squashed_units: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        if " " in units[i].key:
            sq = units[i].key.replace(" ", "")
            squashed[sq].add(units[i].key)
            squashed_units[sq].append(i)
    for i in idx:
        labels = {lab for s in set(units[i].surfaces) | {units[i].name}
                  if (lab := domain_label(clean_form(s)))}
        for lab in labels:
            if len(squashed.get(lab, ())) == 1:  # exactly one name spells it
                for j in squashed_units[lab]:
                    dsu.union(i, j)
    # spelling variants of long names (strict threshold)
    keys = sorted({(units[i].key, i) for i in idx if len(units[i].key) >= 8})
    for x in range(len(keys)):
        for y in range(x + 1, len(keys)):
            ka, kb = keys[x][0], keys[y][0]
            if ka != kb and ka[0] == kb[0] and fuzz.ratio(translit_key(ka), translit_key(kb)) >= 92:
                if options.org_kinds and orgnames.kinds_clash(
                        orgnames.content_tokens(ka), orgnames.content_tokens(kb)):
                    continue  # "vorna banking" / "vorna bank" may join; bank / insurer never
                dsu.union(keys[x][1], keys[y][1])


# --------------------------------------------------------------------------- organisations (r15)


def _org_tokens(u: _Unit) -> list[str]:
    return orgnames.content_tokens(clean_form(u.name) or u.name)


def _acronym_units(units: list[_Unit], idx: list[int]) -> dict[str, list[int]]:
    """Acronym -> the units written as that acronym (key or a mention)."""
    out: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        for s in set(units[i].surfaces) | {units[i].name}:
            a = acronym_of(clean_form(s))
            if a and i not in out[a]:
                out[a].append(i)
    return out


def _named_units(units: list[_Unit], idx: list[int]) -> list[int]:
    """Units named by words, not by an acronym and not by a place's or people's name."""
    return [i for i in idx if units[i].key and not acronym_of(clean_form(units[i].name))
            and not units[i].demonym and units[i].type not in ("GPE", "NORP", "LOC")]


def _describes(descr: list[str], tokens: list[str]) -> bool:
    """A description ("the national water authority") fits a name: same type word as the name's
    last content word, and every other word of one side is a word (or cognate) of the other."""
    if not descr or not tokens or descr[-1] not in ORG_KINDS:
        return False
    if not (descr[-1] == tokens[-1] or orgnames.cognates(descr[-1], tokens[-1])):
        return False
    if len(descr) == 1 and len(tokens) < 3:
        return False  # "the ACR union" says little: never a short, general name ("Lenz Union")
    small, big = sorted((descr[:-1], tokens[:-1]), key=len)
    return all(any(orgnames.cognates(t, b) for b in big) for t in small)


def _join_introduced(units: list[_Unit], idx: list[int], dsu: UnionFind[int],
                     analyses: list[Analysis], kinds: bool) -> None:
    """`ResolveOptions.org_intros`: an acronym one article introduces for a name or a
    description (`orgnames.introductions`) joins that body's entity, with every unit written as
    that acronym in any article of the story. A description must fit exactly one named body of
    the story (`_describes`); an acronym bound to two bodies binds none."""
    acr_units = _acronym_units(units, idx)
    named = _named_units(units, idx)
    spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    by_art = {an.article.id: an for an in analyses}
    for i in named:
        an = by_art.get(units[i].article)
        for m in units[i].mentions:
            if an is not None and 0 <= m < len(an.mentions):
                spans[units[i].article].append((an.mentions[m].start, an.mentions[m].end, i))
    bound: dict[str, set[int]] = defaultdict(set)
    for an in analyses:
        for intro in orgnames.introductions(an):
            targets = {i for s, e, i in spans[an.article.id]
                       if intro.start <= s < e and abs(e - intro.end) <= 1}
            if not targets and intro.named:
                key = place_key(intro.text)[0]
                targets = {i for i in named if units[i].key == key}
            if not targets and not intro.named:
                descr = orgnames.content_tokens(intro.text)
                fits = {i for i in named if _describes(descr, _org_tokens(units[i]))}
                if len({units[i].key for i in fits}) == 1:
                    targets = fits
            bound[intro.acronym] |= targets
    for acr, targets in bound.items():
        if not targets:
            continue
        toks = [_org_tokens(units[i]) for i in targets]
        if len({dsu.find(i) for i in targets}) > 1 and any(
                orgnames.kinds_differ(a, b) or (kinds and orgnames.kinds_clash(a, b))
                for a in toks for b in toks):
            continue  # one acronym for two kinds of body: no binding
        members = sorted(targets) + acr_units.get(acr, [])
        for j in members[1:]:
            dsu.union(members[0], j)


def _acronyms_of(units: list[_Unit], idx: list[int], dsu: UnionFind[int]
                 ) -> tuple[dict[str, list[int]], dict[int, set[str]]]:
    """The acronym units, and per entity root the acronyms its entity already holds."""
    acr_units = _acronym_units(units, idx)
    acr_of: dict[int, set[str]] = defaultdict(set)
    for a, members in acr_units.items():
        for j in members:
            acr_of[dsu.find(j)].add(a)
    return acr_units, acr_of


def _join_cognates(units: list[_Unit], idx: list[int], dsu: UnionFind[int]) -> None:
    """`ResolveOptions.org_cognates`: a name and a name in another language whose content words
    pair up as cognates in any order (`orgnames.cognate_names`), unless each already has its
    own acronym and the two differ."""
    _, acr_of = _acronyms_of(units, idx, dsu)
    named = _named_units(units, idx)
    toks = {i: _org_tokens(units[i]) for i in named}
    by_key: dict[str, int] = {}
    for i in named:
        by_key.setdefault(units[i].key, i)
    keys = sorted(by_key)
    for x, ka in enumerate(keys):
        for kb in keys[x + 1:]:
            i, j = by_key[ka], by_key[kb]
            if dsu.find(i) == dsu.find(j) or not orgnames.cognate_names(toks[i], toks[j]):
                continue
            ai, aj = acr_of[dsu.find(i)], acr_of[dsu.find(j)]
            if ai and aj and not ai & aj:
                continue  # each has its own acronym, and they differ: two bodies
            dsu.union(i, j)


def _join_reordered_acronyms(units: list[_Unit], idx: list[int], dsu: UnionFind[int]) -> None:
    """`ResolveOptions.org_acronym_order`: an acronym whose letters are a name's content-word
    initials in another order (`orgnames.spells_in_any_order`; one more letter may be the
    initial of a place the story names), when exactly one name of the story fits, the acronym
    is in no named entity yet and the name has no other acronym."""
    acr_units, acr_of = _acronyms_of(units, idx, dsu)
    named = _named_units(units, idx)
    places = {units[i].key[0] for i in idx if units[i].type in ("GPE", "NORP") and units[i].key}
    extra = frozenset(places)
    for a, members in acr_units.items():
        if len(a) < 3 or any(dsu.find(members[0]) == dsu.find(i) for i in named):
            continue
        fits = {units[i].key for i in named
                if orgnames.spells_in_any_order(a, clean_form(units[i].name) or units[i].name,
                                                extra)}
        if len(fits) != 1:
            continue
        key = fits.pop()
        targets = [i for i in named if units[i].key == key]
        if any(acr_of[dsu.find(i)] - {a} for i in targets):
            continue  # the name has another acronym already
        for j in members + targets:
            dsu.union(members[0], j)


def _join_translations(units: list[_Unit], idx: list[int], dsu: UnionFind[int],
                       persons: list[int]) -> None:
    """`ResolveOptions.org_translations`: (1) two names that are one body's name in two
    languages (`orgnames.translated_names`), unless each entity has its own acronym and they
    differ, and only where each name translates one name alone (two English names in two word
    orders that one native name fits may be two bodies); a word left unpaired (a place:
    "Office of Statistics of <Country> (OSC)" / "Statistics Office") needs an acronym of either
    entity that spells the longer name with it, so the word is part of the body's name and not
    another country's body of that name. (2) An acronym that spells the translation of exactly
    one name of the story (`orgnames.spells_translated`), when the acronym spells no name its
    own entity holds, that name's entity holds no other acronym, and every name the acronym's
    entity holds fits it (`orgnames.compatible_names`). A name the tagger typed as a person's
    whose words hold an institutional type word ("High Electoral Authority") takes part as a
    name too."""
    acr_units, acr_of = _acronyms_of(units, idx, dsu)
    named = _named_units(units, idx) + [
        i for i in persons if units[i].key and len(_org_tokens(units[i])) >= 2 and any(
            p.concept and p.concept not in TRANSLATION_QUALIFIERS
            for p in orgnames.name_parts(_org_tokens(units[i])))]
    toks = {i: _org_tokens(units[i]) for i in named}
    place_units = [i for i in idx if units[i].type in ("GPE", "NORP", "LOC") and units[i].key]
    place_words = {w for i in place_units for w in orgnames.content_tokens(units[i].key)}
    extra = frozenset(w[0] for w in place_words)
    by_key: dict[str, int] = {}
    for i in named:
        by_key.setdefault(units[i].key, i)
    keys = sorted(by_key)
    # unit -> the names it translates, each as its parts in order (two house styles of one name,
    # "<Place> Red Crescent" / "<Place> Red Crescent Society", are one; two orders are two)
    fits: dict[int, set[tuple[str, ...]]] = defaultdict(set)

    def sign(k: int) -> tuple[str, ...]:
        return tuple(p.concept or p.surface for p in orgnames.name_parts(toks[k]))

    pairs: list[tuple[int, int]] = []
    for x, ka in enumerate(keys):
        for kb in keys[x + 1:]:
            i, j = by_key[ka], by_key[kb]
            if dsu.find(i) == dsu.find(j):
                continue
            same, left = orgnames.translated_names(toks[i], toks[j])
            if not same:
                continue
            ai, aj = acr_of[dsu.find(i)], acr_of[dsu.find(j)]
            if ai and aj and not ai & aj:
                continue  # each has its own acronym, and they differ: two bodies
            if left:
                longer = toks[i] if left[0] in toks[i] else toks[j]
                if not any(orgnames.spells_translated(a, longer) for a in ai | aj):
                    continue
            fits[i].add(sign(j))
            fits[j].add(sign(i))
            pairs.append((i, j))
    for i, j in pairs:
        if len(fits[i]) == 1 and len(fits[j]) == 1:  # each fits one entity only: precision first
            dsu.union(i, j)
    acr_units, acr_of = _acronyms_of(units, idx, dsu)
    for a, members in acr_units.items():
        if len(a) < 3:
            continue
        root = dsu.find(members[0])
        fits = {units[i].key for i in named if dsu.find(i) != root
                and orgnames.spells_translated(a, toks[i], extra)}
        if len(fits) != 1:
            continue
        targets = [i for i in named if units[i].key in fits]
        if any(acr_of[dsu.find(i)] - {a} for i in targets):
            continue  # the name has another acronym already
        own = [i for i in named if dsu.find(i) == root]
        if any(orgnames.spells_translated(a, toks[i], extra)
               or orgnames.spells_in_any_order(a, clean_form(units[i].name) or units[i].name,
                                               extra) for i in own):
            continue  # the acronym spells a name its entity holds: it is that name's
        if not all(orgnames.compatible_names(toks[i], toks[targets[0]]) for i in own):
            continue  # the acronym's entity names another body
        for j in targets:
            dsu.union(members[0], j)


def strip_titles_cased(text: str) -> str:
    """The name as written, without leading titles ("President Daniel Ortega" -> "Daniel Ortega")."""
    words = text.split()
    while len(words) > 1 and norm_text(words[0]) in TITLES | {""}:
        words = words[1:]
    return " ".join(words)


def clean_form(text: str) -> str:
    """A mention text as a name: the last line only (spaCy spans can swallow a headline's end)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def person_form(forms: list[str], preferred: str = "") -> str:
    """The unit's name: its most frequent full name (noise like a headline fragment is rare), then
    the fullest form compatible with it ("George W. Bush" over "George Bush")."""
    cleaned = [strip_titles_cased(clean_form(f)) for f in forms]
    # a role noun linked to the person ("the Minister") is not a form of the name
    cleaned = [c for c in cleaned if c and not c.lower().startswith("the ")] or [
        c for c in cleaned if c]
    if not cleaned:
        return preferred
    parsed = {c: parse_person(c) for c in set(cleaned)}
    full = [c for c in cleaned if parsed[c] and parsed[c].full]
    if not full:
        count = Counter(cleaned)
        return max(count, key=lambda c: (count[c], len(c), c))
    by_key = Counter(parsed[c].joined for c in full)
    pref = parse_person(strip_titles_cased(clean_form(preferred))) if preferred else None
    surnames = Counter(parsed[c].surname for c in cleaned if parsed[c] and not parsed[c].full)
    sur_of = {parsed[c].joined: parsed[c].surname for c in full}
    # ties: the name whose surname is used alone elsewhere ("DeGeneres" backs "Ellen DeGeneres",
    # not a headline fragment "Ellen DeGeneres Set"), then the analyzer's own choice
    top_key = max(by_key, key=lambda k: (by_key[k], surnames[sur_of[k]],
                                         bool(pref and pref.joined == k), -len(k), k))
    top = parsed[next(c for c in full if parsed[c].joined == top_key)]
    # a short form of the given name is not the name to show: "Nando Reis" said more often is
    # still shown as "Fernando Reis" when the story writes that too (one surname, the two first
    # given names one person's by `given_related`, the longer one the formal form)
    formal = [parsed[c] for c in full if parsed[c].surname == top.surname and parsed[c].given
              and top.given and len(parsed[c].given[0]) > len(top.given[0])
              and given_related(parsed[c].given[0], top.given[0])]
    if formal:
        top = max(formal, key=lambda p: (len(p.given[0]), by_key[p.joined], p.joined))
    fits = [c for c in full if persons_compatible(parsed[c], top)]
    if formal:
        fits = [c for c in fits if parsed[c].given[:1] == top.given[:1]] or fits
    count = Counter(fits)
    return max(count, key=lambda c: (len(parsed[c].tokens), count[c], len(c), c))


def _best_name(forms: list[str], type_: str, canon: Counter) -> str:
    if type_ == "PERSON":
        return person_form(forms)
    forms = [re.sub(r"^(?:the|The)\s+", "", f) for f in forms]
    named = [f for f in forms if norm_text(f) not in DEMONYMS
             and norm_text(f).rstrip("s") not in DEMONYMS]
    if not named:  # only "Venezuelan"/"Venezuelans" seen: name it by its country
        key = canon.most_common(1)[0][0] if canon else norm_text(forms[0])
        return key.title().replace(" Of ", " of ")
    count = Counter(f for f in named if not acronym_of(f))
    if not count and canon and canon.most_common(1)[0][0] in _COUNTRIES:  # "U.S." -> United States
        return canon.most_common(1)[0][0].title()
    count = count or Counter(named)
    return max(count, key=lambda c: (len(c.split()), count[c], len(c), c))


def _retype_org_named_persons(units: list[_Unit]) -> None:
    """The small model tags some one-word organisations as PERSON in one sentence and ORG in the
    next ("SEACOM"). A one-word "person" never called Mr./Ms., with no stated role, whose word no
    full-name person carries, and that the story also names as an ORG, is that ORG."""
    org_keys = {u.key for u in units if u.type == "ORG"}
    surnames = set()
    for u in units:
        if u.person and u.person.full:
            surnames |= surname_keys(u.person)
    for u in units:
        p = u.person
        if (p and not p.full and not u.roles and u.key in org_keys and p.surname not in surnames
                and all(len(norm_text(clean_form(s)).split()) == 1 for s in u.surfaces or [u.name])):
            u.type, u.person = "ORG", None


_DEMONYM_ENDINGS = DEMONYM_ENDINGS
_COMPASS = COMPASS_POINTS
# when the votes tie, the type a reader expects for a name seen both ways
_TYPE_PREFERENCE = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT",
                    "WORK_OF_ART")


def _retype_places(units: list[_Unit]) -> None:
    """Types from the rest of the story. A one-word "person" (no role, no courtesy title, no
    full name carrying that word) whose word the story names as a place is that place ("in
    Kallio" tagged PERSON once); an ORG whose name the story turns into a demonym ("Norland",
    "Norlandic") is a country."""
    place_type: dict[str, str] = {}
    for u in units:
        if u.type in ("GPE", "LOC") and u.key:
            place_type.setdefault(u.key, u.type)
    surnames: set[str] = set()
    for u in units:
        if u.person and u.person.full:
            surnames |= surname_keys(u.person)
    for u in units:
        p = u.person
        if (p and not p.full and not u.roles and u.key in place_type
                and p.surname not in surnames and not _is_person_by_title(u)):
            u.type, u.person = place_type[u.key], None
    norp = {u.key for u in units if u.type == "NORP" and u.key}
    for u in units:
        if u.type == "ORG" and u.key and " " not in u.key and any(
                u.key + end in norp for end in _DEMONYM_ENDINGS):
            u.type = "GPE"


_NOT_PERSON_WORDS = (NAMED_AFTER_NOUNS | ORG_LAST_WORDS | OUTLET_NAME_WORDS | COMPANY_FORMS
                     | ACRONYM_SKIP_WORDS)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['\u02bb\u02bc\u2019-])*")
_STORY_TYPED = ("ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT")


def _name_key(word: str) -> str:
    return translit_key(norm_text(letter_fold(word)).replace("\u02bb", "").replace("\u02bc", ""))


def _story_name_words(u: _Unit) -> list[str] | None:
    """The unit's name as one to three capitalised name words (leading role words and titles
    off), or None when it is no such name: an organisation or place word, a digit, an acronym
    or a word in capitals of one to five letters."""
    words = strip_titles_cased(clean_form(u.name)).split()
    while len(words) > 1 and norm_text(words[0]) in ROLE_WORDS | TITLES:
        words = words[1:]
    if not 1 <= len(words) <= 3:
        return None
    for w in words:
        if not _NAME_WORD.fullmatch(w) or not w[:1].isupper() or norm_text(w) in _NOT_PERSON_WORDS:
            return None
        if w.isupper() and (len(w) <= 5 or len(words) == 1):
            return None
    return words


def _story_person_types(units: list[_Unit]) -> None:
    """`ResolveOptions.name_story_types`: a unit the tagger typed as an organisation, place or
    work whose name is, by the story's own full-named persons, a person's: with two or three
    words, its first word is a full-named PERSON's first given name (equal, a nickname or a
    form of its family) and its last word that person's surname or a close spelling of it
    (rapidfuzz ratio >= 75 on the romanised keys); with one word (four letters at least), it is
    such a person's surname or first given name and no unit of another article types that word
    other than PERSON. Known places, countries, demonyms and the exact name of a place or
    organisation the story types so elsewhere keep their type."""
    typed_other: dict[str, set[str]] = defaultdict(set)  # name key -> articles typing it non-person
    places: set[str] = set()  # name keys typed as a place
    for u in units:
        if u.type in _STORY_TYPED:
            key = " ".join(_name_key(w) for w in clean_form(u.name).split())
            typed_other[key].add(u.article)
            if u.type in ("GPE", "LOC", "FAC"):
                places.add(key)
    people: dict[str, PersonName] = {}
    for u in units:
        if u.type != "PERSON":
            continue
        p = parse_person(strip_titles_cased(clean_form(u.name)), True)
        if p is None or not p.full or p.surname_first or not p.given or len(p.given[0]) < 2:
            continue
        # a person by more than the label (a stated role or a gendered honorific, initials, a
        # given name a name table lists), and a name no other unit types as a thing
        words = strip_titles_cased(clean_form(u.name)).split()
        # a name no other unit types as a thing, no word of it typed as a place elsewhere
        if " ".join(_name_key(w) for w in words) in typed_other \
                or any(_name_key(w) in places for w in words):
            continue
        people.setdefault(p.joined, p)
    if not people:
        return
    known = set(ALIASES) | set(ALIASES.values()) | set(DEMONYMS) | _COUNTRIES | set(CAPITALS)
    alone: dict[str, set[str]] = defaultdict(set)  # one word -> the persons it can name
    for p in people.values():
        alone[_name_key(p.given[0])].add(p.joined)
        alone[_name_key(p.surname)].add(p.joined)
    for u in units:
        if u.type not in _STORY_TYPED:
            continue
        words = _story_name_words(u)
        if words is None or norm_text(" ".join(words)) in known:
            continue
        keys = [_name_key(w) for w in words]
        if len(words) == 1:
            k = keys[0]
            if len(k) < 4 or k in known or typed_other.get(k, set()) - {u.article}:
                continue
            if len(alone.get(k, ())) == 1:  # one person only: "Ketut" of two Ketuts is no one's
                u.type = "PERSON"
            continue
        first, last = keys[0], keys[-1]
        for p in people.values():
            g, sur = _name_key(p.given[0]), _name_key(p.surname)
            if not (first == g or nickname_match(first, g) or family_match(first, g)):
                continue
            # (one surname: `_join_mistyped_variants` reads it as the organisation it is typed)
            if last != sur and fuzz.ratio(last, sur) >= 75:
                u.type = "PERSON"
                break


def _korean_mistyped(u: _Unit) -> bool:
    """`ResolveOptions.name_korean`: a name the model typed as a place or group that is a
    Korean family name and a hyphenated given name of two Korean syllables ("GANG Ho-rim")."""
    return u.type in PLACE_ORG and "-" in u.name and korean_name(
        name_form(clean_form(u.name)).text) is not None


def _is_person_by_title(u: _Unit) -> bool:
    return any(norm_text(s).split()[:1] and norm_text(s).split()[0] in {"mr", "mrs", "ms", "dr"}
               for s in u.surfaces)


def _retype_surnames(units: list[_Unit]) -> None:
    """A lone word the model typed as a place or group ("Lohan" as GPE, "Klitschko" as NORP)
    that is the surname of the story's one full-named person with that surname is that person's
    surname. Known countries, capitals and organisations keep their type."""
    full: dict[str, set[str]] = defaultdict(set)
    for u in units:
        if u.type == "PERSON" and u.person and u.person.full:
            for k in surname_keys(u.person):
                full[k].add(u.person.joined)
    known = set(ALIASES) | set(ALIASES.values()) | set(DEMONYMS) | _COUNTRIES | set(CAPITALS)
    for u in units:
        if u.type not in ("GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART") or u.demonym:
            continue
        if not u.key or " " in u.key or u.key in known:
            continue
        people = full.get(translit_key(u.key), set())
        if len(people) == 1:
            u.type = "PERSON"
            u.person = parse_person(u.name)


def _compass_places(units: list[_Unit], dsu: UnionFind[int]) -> None:
    """"the North" in a story that names exactly one "North <X>" place is that place."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        if u.type != "PERSON" and u.key:
            by_key[u.key].append(i)
    for word in _COMPASS:
        if word not in by_key:
            continue
        targets = [k for k in by_key if re.fullmatch(word + r" \w+", k)
                   and any(units[i].type in ("GPE", "LOC") for i in by_key[k])]
        if len(targets) == 1:
            for i in by_key[word] + by_key[targets[0]]:
                dsu.union(by_key[word][0], i)


def _join_mistyped_variants(units: list[_Unit], persons: list[int], dsu: UnionFind[int],
                            forms: bool = False, scorer: PairScorer | None = None) -> None:
    """A two- or three-word name the tagger typed as an organisation or place, that is another
    spelling of one person's full name in another article ("Oleksiy Hrytsenko" tagged ORG
    there, "Aleksei Hrytsenko" PERSON here): the same surname, given names of at least two
    letters that agree only as variants (`persons_compatible` with variants, not without), and
    one person only fits. Names that agree without variants are left as they were (a title
    in two spellings, typed ORG here and PERSON there, is no person's), and the exact same name is joined above
    (`by_joined`) without this switch."""
    for i, u in enumerate(units):
        if u.type == "PERSON" or u.demonym or not u.key:
            continue
        words = clean_form(u.name).split()
        while forms and len(words) > 2 and words[0].lower() in ROLE_WORDS:
            words = words[1:]  # "Councillor Sasha Mirov" typed ORG: the role word is no name
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha()
                                                 and not w.isupper() for w in words):
            continue
        p = parse_person(" ".join(words), True)
        if p is None or not p.full or p.surname_first or any(len(g) < 2 for g in p.given):
            continue
        plain = replace(p)
        if forms:
            _fold_surname(p)
        # "agree without variants": the spellings as written, before the German folds
        roots = {dsu.find(j) for j in persons
                 if units[j].article != u.article and units[j].person.full
                 and units[j].person.surname == p.surname
                 and (persons_compatible(p, units[j].person, True, families=forms)
                      and not persons_compatible(plain, units[j].plain or units[j].person)
                      or _model_form(p, units[j].person, scorer))}
        if len(roots) == 1:
            dsu.union(roots.pop(), i)


def _model_form(p: PersonName, q: PersonName, scorer: PairScorer | None) -> bool:
    """`ResolveOptions.name_model`: a mistyped name whose given name is another form of a
    person's given name (`given_related`, not the same spelling: "Manel" for "Manuel"), of one
    generation, that the name-pair model scores at least its threshold."""
    if scorer is None or not p.given or not q.given or p.surname != q.surname:
        return False
    if translit_key(p.given[0]) == translit_key(q.given[0]) or p.generation != q.generation:
        return False
    return given_related(p.given[0], q.given[0]) and scorer(p, q, 0) >= scorer.threshold


def _tradition_person(u: _Unit, cores: set[str], variants: bool,
                      korean: bool = False, read: tuple[str, list[str]] | None = None,
                      initials: bool = False) -> PersonName | None:
    """`ResolveOptions.name_traditions`: the unit's name parsed from its forms as
    `nameforms.name_form` normalises them; the chain's father and the particles of any form.
    With `korean` (`ResolveOptions.name_korean`) a Korean name is its canonical family name
    and its joined given name (`nameforms.korean_name`). `read`: the (name, surfaces) to read
    instead of the unit's own; `initials`: `nameforms.name_form`'s."""
    uname, surfaces = read or (u.name, u.surfaces)
    forms = [name_form(clean_form(s), cores, initials) for s in (surfaces or [uname])]
    texts = [f.text for f in forms if f.text]
    if not texts:
        return None
    pick = person_form(texts, name_form(clean_form(uname), cores, initials).text)
    ko = korean_name(pick) if korean else None
    given = ko[1].replace("-", "") if ko else ""
    p = PersonName([ko[0], given], translit_key(ko[0]), [given], surname_first=True,
                   korean=korean_syllables(ko[1])) if ko else parse_person(pick, variants)
    if p is None:
        return None
    p.folds = True
    p.patronym = next((f.patronym for f in forms if f.patronym), "")
    p.particles = next((f.particles for f in forms if f.particles), "")
    return p


def _parts_only(u: _Unit) -> bool:
    """`ResolveOptions.name_alone`: an article entity named by a full name whose every mention
    is one word of that name (the tagger names an entity by its fullest form seen, so only the
    story-level finder of name parts makes such an entity)."""
    words = {norm_text(w) for w in u.name.split()}
    return len(words) >= 2 and bool(u.surfaces) and all(
        len(s.split()) == 1 and norm_text(s) in words for s in u.surfaces)


def _korean_surnames_alone(units: list[_Unit]) -> None:
    """`ResolveOptions.name_korean`: a family name written alone in another romanisation of a
    Korean family name the story writes in a Korean full name ("Gwon" beside "Kwon Ha-rin")
    is that canonical family name."""
    canon = {u.person.surname for u in units if u.type == "PERSON" and u.person is not None
             and u.person.surname_first and len(u.person.given) == 1
             and u.person.tokens[0] in KOREAN_SURNAMES}
    for u in units:
        p = u.person
        if u.type != "PERSON" or p is None or len(p.tokens) != 1:
            continue
        ko = KOREAN_SURNAME_OF.get(p.tokens[0])
        if ko and translit_key(ko) in canon and translit_key(ko) != p.surname:
            p.tokens = [ko]
            p.surname = translit_key(ko)


def _story_order(units: list[_Unit], variants: bool, tie: bool = False) -> None:
    """`ResolveOptions.name_traditions`: a two-word name that another article writes in the
    other order ("Kovacs Anna" in a text of family-name-first order, "Anna Kovacs" in another)
    is one name; the order kept is the one whose last word the story also uses alone as a
    surname, else the one more forms write. Only exact swaps of two words, and only when the
    story writes the swapped pair in one way each (no third form of those words). With `tie`
    (`ResolveOptions.name_order_tie`) two orders nothing else tells apart are one name too,
    read in the order of the story's first form, when one of their articles writes family
    names first (another two-word name there begins with a word the story writes alone as a
    surname); without that evidence two people of swapped names stay two (a Hausa given name
    and father's name: "Sani Garba" / "Garba Sani")."""
    persons = [u for u in units if u.type == "PERSON" and u.person is not None
               and len(u.person.tokens) == 2 and u.person.full]
    alone = Counter(u.person.surname for u in units
                    if u.type == "PERSON" and u.person is not None and not u.person.full)
    by_pair: dict[frozenset[str], dict[tuple[str, str], list[_Unit]]] = defaultdict(dict)
    for u in persons:
        a, b = (translit_key(t) for t in u.person.tokens)
        if a != b:
            by_pair[frozenset((a, b))].setdefault((a, b), []).append(u)
    for orders in by_pair.values():
        if len(orders) != 2:
            continue
        (o1, us1), (o2, us2) = sorted(orders.items())
        if not {u.article for u in us1} - {u.article for u in us2} or \
                not {u.article for u in us2} - {u.article for u in us1}:
            continue  # one article writes both orders: two people there
        score1 = (alone[o1[1]], len(us1))
        score2 = (alone[o2[1]], len(us2))
        if score1 == score2:
            if not tie or _roles_differ(us1, us2):
                continue
            # nothing tells the orders apart and no stated role sets them apart: the order of
            # the story's first form is kept
            score1 = (0, -min(u.order for u in us1))
            score2 = (0, -min(u.order for u in us2))
        keep, swap = (o1, us2) if score1 > score2 else (o2, us1)
        for u in swap:
            p = parse_person(" ".join(reversed(u.person.tokens)), variants)
            if p is None:
                continue
            for field in ("generation", "gender", "patronym", "particles", "folds"):
                setattr(p, field, getattr(u.person, field))
            u.person = p


def _roles_differ(us1: list[_Unit], us2: list[_Unit]) -> bool:
    """Both groups of units state roles, and no content word of one group's roles is one of
    the other's ("duty hydrologist" / "hydrologist of the directorate" share one)."""
    def words(us: list[_Unit]) -> set[str]:
        return {w for u in us for r in u.roles for w in norm_text(r).split()
                if len(w) >= 3 and w not in ("the", "and", "for")}
    w1, w2 = words(us1), words(us2)
    return bool(w1 and w2 and not w1 & w2)


def _split_kunya(u: _Unit, units: list[_Unit], analyses: dict[str, Analysis]) -> None:
    """`ResolveOptions.name_traditions`: one article's entity that holds a kunya ("Abu Karim")
    and the bare name it is formed on ("Karim"): the child's mentions become a unit of their
    own (the kunya names the parent)."""
    an = analyses.get(u.article)
    if an is None:
        return
    forms = {i: name_form(clean_form(an.mentions[i].text)) for i in u.mentions
             if 0 <= i < len(an.mentions)}
    named = {k for f in forms.values() if f.kunya and (k := _kunya_child(f.text))}
    if not named:
        return
    child = [i for i, f in forms.items() if not f.kunya
             and translit_key(norm_text(f.text).split()[0] if f.text else "") in named
             and len(norm_text(f.text).split()) == 1]
    if not child or len(child) == len(u.mentions):
        return
    u.mentions = [i for i in u.mentions if i not in child]
    u.surfaces = [an.mentions[i].text or "" for i in u.mentions]
    v = _Unit(u.article, None, an.mentions[child[0]].text, "PERSON", child,
              [an.mentions[i].text or "" for i in child], [], len(units))
    units.append(v)


def _low_word(text: str) -> str:
    return norm_text(text).replace(" ", "")


def _kunya_child(text: str) -> str:
    """The translit key of the name a kunya is formed on ("Ummlayla": "laila"), or ""."""
    low = _low_word(text)
    marker = next((w for w in KUNYA_WORDS if low.startswith(w)), "")
    return translit_key(low[len(marker):]) if marker else ""


def _fold_surname(p: PersonName) -> None:
    """The surname keys under the German romanisation folds (`ResolveOptions.name_forms`)."""
    p.surname = german_fold(p.surname)
    p.surname_parts = tuple(german_fold(k) for k in p.surname_parts)


_OFFICE_TAIL = {"of", "for", "at", "in", "on", "to", "from", "with"}
_OFFICE_PATTERN = re.compile(
    r"\b[Tt]he\s+((?:[\w\-\u2019']+\s+){0,3}?)("
    + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(OFFICE_NOUNS, key=len, reverse=True))
    + r")\b(?![\-\w])", re.IGNORECASE)
_OFFICE_WORDS = frozenset(w for o in OFFICE_NOUNS for w in o.split())
_TITLE_GAP = re.compile(r",?\s+(?:[A-Z][\w]*\.?\s+){0,2}$|,?\s*$")


def office_of(words: list[str]) -> str | None:
    """The office (`OFFICE_NOUNS`) a role's words name: the longest office their last one or
    two words write ("District Chief Executive": chief executive; "Highway director":
    director); None when a word before it makes it another holder or post ("former", "deputy":
    `OFFICE_OTHER_HOLDER`) or when it names none."""
    toks = []
    for w in words:
        w = w.lower().strip(",.;:'\u2019")
        if w in _OFFICE_TAIL:
            break
        if w and w != "the":
            toks.append(w)
    if not toks:
        return None
    office = None
    if len(toks) >= 2 and f"{toks[-2]} {toks[-1]}" in OFFICE_NOUNS:
        office = f"{toks[-2]} {toks[-1]}"
    elif toks[-1] in OFFICE_NOUNS:
        office = toks[-1]
    if office is None or any(t in OFFICE_OTHER_HOLDER or t.startswith("ex-") for t in toks):
        return None
    return office


def _is_title_token(tok: str) -> bool:
    """A courtesy or title word written between an office and a name ("Dr.", "Hon.", "Fr")."""
    low = tok.lower().rstrip(".")
    if low in _OFFICE_WORDS:
        return False
    return (low in NAME_TITLES or low + "." in HONORIFICS or low in ADDRESS_TITLES
            or (tok.endswith(".") and tok[:1].isupper() and len(tok) <= 6))


def _offices_by_text(text: str, start: int, end: int) -> dict[str, set[str]]:
    """The offices an article writes with one name mention, each with the words of its role
    phrase: a title before it ("Governor X", "District Collector Dr. X", "the abbot, X"), an
    apposition after it ("X, the chief judge,") or a copula ("X is the director")."""
    out: dict[str, set[str]] = {}
    toks = re.split(r"[\n;:()\"\u201c\u201d]", text[max(0, start - 80):start])[-1].split()
    while toks and _is_title_token(toks[-1]) and len(toks) > 1:
        toks.pop()
    for n in range(len(toks) - 1, -1, -1):  # the words of this sentence only
        if toks[n][-1:] in ".!?" and not _is_title_token(toks[n]):
            toks = toks[n + 1:]
            break
    if toks and toks[-1].endswith(","):
        toks[-1] = toks[-1][:-1]
    if toks and not toks[-1].endswith(("'s", "\u2019s")):
        o = office_of(toks[-4:])
        # the office words end right before the name (no word of another phrase between)
        if o is not None and toks[-1].lower() == o.split()[-1]:
            out.setdefault(o, set()).update(_role_words(toks[-4:]))
    after = text[end:end + 80]
    m = re.match(r",\s+(?:the\s+)?([^,.;:()\n]{3,60})", after) or re.match(
        r"\s+is\s+the\s+([^,.;:()\n]{3,60})", after)
    if m:
        o = office_of(m.group(1).split()[:5])
        if o is not None:
            out.setdefault(o, set()).update(_role_words(m.group(1).split()[:8]))
    return out


def _role_words(words: list[str]) -> set[str]:
    """The lower-case words of a role phrase, punctuation off."""
    return {w.lower().strip(",.;:'\u2019") for w in words} - {""}


def _unit_offices(u: _Unit, an: Analysis | None) -> dict[str, set[str]]:
    """The offices a person unit is named with (its stated roles and `_offices_by_text`), each
    with the words of the roles that name it."""
    out: dict[str, set[str]] = {}
    for r in u.roles:
        # a role that ends in its preposition ("Mayor of") was read off a place's name
        if r.split()[-1:] and r.split()[-1].lower() not in _OFFICE_TAIL \
                and (o := office_of(r.split())):
            out.setdefault(o, set()).update(_role_words(r.split()))
    if an is not None:
        for i in u.mentions:
            if 0 <= i < len(an.mentions):
                m = an.mentions[i]
                for o, ws in _offices_by_text(an.article.text, m.start, m.end).items():
                    out.setdefault(o, set()).update(ws)
    return out


def _role_mentions(units: list[_Unit], analyses: list[Analysis],
                   dsu: UnionFind[int]) -> dict[int, list[Span]]:
    """`ResolveOptions.name_role_mentions`: definite office mentions joined to the one person
    of the story named with that office. A unit whose every form is the office alone joins the
    holder's group; a mention in no unit is returned as a span of the holder's first unit
    (index -> spans). Several holders of one office: the mention's own qualifying words
    ("district", "highway") pick one when they are in exactly one holder's roles; else
    nobody."""
    by_art = {an.article.id: an for an in analyses}
    holders: dict[str, dict[int, int]] = defaultdict(dict)  # office -> root -> a unit
    role_words: dict[tuple[str, int], set[str]] = defaultdict(set)  # (office, root) -> words
    for k, u in enumerate(units):
        if u.type != "PERSON" or u.person is None:
            continue
        root = dsu.find(k)
        for o, ws in _unit_offices(u, by_art.get(u.article)).items():
            holders[o].setdefault(root, k)
            role_words[(o, root)].update(ws)
    if not holders:
        return {}

    def holder(office: str, quals: set[str]) -> int | None:
        found = holders.get(office, {})
        if len(found) == 1:
            return next(iter(found.values()))
        if len(found) > 1 and quals:
            fit = [k for root, k in found.items() if quals & role_words[(office, root)]]
            if len(fit) == 1:
                return fit[0]
        return None

    out: dict[int, list[Span]] = defaultdict(list)
    owner = {(u.article, i): k for k, u in enumerate(units) for i in u.mentions}
    for an in analyses:
        text = an.article.text
        for m in _OFFICE_PATTERN.finditer(text):
            mods = m.group(1).split()
            words = [*mods, *m.group(2).split()]
            office = office_of(words)
            if office is None or not all(
                    w[:1].isupper() or w.lower() in ROLE_MODIFIERS | OFFICE_QUALIFIERS
                    for w in mods):
                continue
            start, end = m.start(), m.end()
            if any(mm.type == "PERSON" and end <= mm.start < end + 30 and _TITLE_GAP.match(
                    text[end:mm.start]) for mm in an.mentions):
                continue  # a title before a name ("the abbot, Khenpo X"): no mention of its own
            tail = re.match(r"\s+(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w\-]*\s*){1,4})",
                            text[end:end + 60])
            quals = {w.lower() for w in mods if w.lower() not in ROLE_WORDS} | (
                {w.lower() for w in tail.group(1).split()} if tail else set())
            k = holder(office, quals)
            if k is None:
                continue

            def office_alone(j: int, office: str = office) -> bool:
                if units[j].type == "PERSON":
                    return False
                forms = [units[j].name, *units[j].surfaces]
                return all(office_of(f.split()) == office for f in forms)

            _place_role_span(an, start, end, k, owner, out, dsu, office_alone)
    return out


def _place_role_span(an: Analysis, start: int, end: int, k: int,
                     owner: dict[tuple[str, int], int], out: dict[int, list[Span]],
                     dsu: UnionFind[int], joins: Callable[[int], bool]) -> None:
    """A role mention (start..end of one article) found to stand for unit k: with no mention
    of the article over it, a span of k (`out`); else each unit owning a mention over it joins
    k when `joins` says that unit is the role alone."""
    over = [i for i, mm in enumerate(an.mentions) if mm.start < end and start < mm.end]
    if not over:
        out[k].append(Span(an.article.id, start, end))
        return
    for i in over:
        j = owner.get((an.article.id, i))
        if j is not None and joins(j):
            dsu.union(k, j)


def _unit_role_phrases(units: list[_Unit], analyses: list[Analysis],
                       implicit: bool = False) -> dict[int, list[RolePhrase]]:
    """The role phrases (`story.roles`) each person unit's article writes with it: its stated
    roles and those read around its mentions (`roles_with_mention`; `implicit`: also a
    lower-case title run and a bare capitalised apposition), no other holder's ("former")."""
    by_art = {an.article.id: an for an in analyses}
    phrases: dict[int, list[RolePhrase]] = {}
    for k, u in enumerate(units):
        if u.type != "PERSON" or u.person is None:
            continue
        an = by_art.get(u.article)
        found = [r for role in u.roles if (r := parse_role(role.split())) is not None]
        if an is not None:
            for i in u.mentions:
                if 0 <= i < len(an.mentions):
                    m = an.mentions[i]
                    found.extend(roles_with_mention(an.article.text, m.start, m.end,
                                                    implicit=implicit))
        found = [r for r in found if not r.other]
        if found:
            phrases[k] = found
    return phrases


def _role_name_joins(units: list[_Unit], persons: list[int], dsu: UnionFind[int],
                     analyses: list[Analysis], scorer: LearnedScorer, bar: float,
                     hard: bool, margin: float = 0.05) -> None:
    """`ResolveOptions.role_implicit` (r26-roles): two person entities the story writes with
    one role ("Taxi driver X" / "Y, the taxi driver"; "Judge X" / "The presiding judge was Y")
    join when the learned name matcher gives a cross pair of their forms at least `bar` (under
    its own threshold: the shared role is the further evidence, so the pair is scored on the
    names alone, without the role words the matcher also reads), the role's words before its
    head fit one way ("the trial judge" and "the appeal judge" do not), and nothing keeps them
    apart (`_apart`: one article naming both, two generations, two genders; with `hard` one
    surname with two unrelated given names). Best pairs first, a group joins another only when
    every cross pair is such a candidate (three forms of one driver join; a third holder who is
    no candidate of one of them keeps them apart), and never when a rival the other side is no
    candidate of scores within `margin` (two people who fit about as well). The kinship
    readings (`_FamilyDSU`) still refuse a father and a son."""
    phrases = _unit_role_phrases(units, analyses, implicit=True)
    by_root: dict[int, list[int]] = defaultdict(list)
    for i in persons:
        by_root[dsu.find(i)].append(i)
    roles: dict[int, dict[str, list[RolePhrase]]] = defaultdict(lambda: defaultdict(list))
    for k, rs in phrases.items():
        if k in by_root.get(dsu.find(k), ()):
            for r in rs:
                roles[dsu.find(k)][r.head].append(r)
    holders: dict[str, list[int]] = defaultdict(list)
    for root in sorted(roles):
        for h in roles[root]:
            holders[h].append(root)
    forms: dict[int, set] = {}
    score: dict[tuple[int, int], float] = {}
    for h, roots in sorted(holders.items()):
        for x in range(len(roots)):
            for y in range(x + 1, len(roots)):
                a, b = sorted((roots[x], roots[y]))
                if (a, b) in score:
                    continue
                wa = {w for r in roles[a][h] for w in r.words}
                wb = {w for r in roles[b][h] for w in r.words}
                if not (any(r.fits(wb, set()) for r in roles[a][h])
                        or any(r.fits(wa, set()) for r in roles[b][h])):
                    continue
                if any(_role_apart(units[i], units[j], hard)
                       for i in by_root[a] for j in by_root[b]):
                    continue
                for r in (a, b):
                    if r not in forms:
                        forms[r] = {f for i in by_root[r]
                                    for f in _unit_forms(units[i], scorer, roles=False)}
                if not forms[a] or not forms[b]:
                    continue
                best = max(scorer.pair(fa, fb, False) for fa in forms[a] for fb in forms[b])
                if best >= bar:
                    score[(a, b)] = best
    if not score:
        return
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), p in score.items():
        near[a].append((p, b))
        near[b].append((p, a))
    local: UnionFind[int] = UnionFind(sorted({r for ab in score for r in ab}))

    def cand(x: int, y: int) -> bool:
        return (min(x, y), max(x, y)) in score

    def rival(x: int, y: int, p: float) -> bool:
        return any(q >= p - margin and local.find(z) != local.find(y) and not cand(y, z)
                   for q, z in near[x] if z != y)

    for (a, b), p in sorted(score.items(), key=lambda t: (-t[1], t[0])):
        if local.find(a) == local.find(b):
            continue
        ga = [r for r in local.groups() if local.find(r[0]) == local.find(a)][0]
        gb = [r for r in local.groups() if local.find(r[0]) == local.find(b)][0]
        if not all(cand(x, y) for x in ga for y in gb) or rival(a, b, p) or rival(b, a, p):
            continue
        local.union(a, b)
        dsu.union(a, b)


def _role_apart(a: _Unit, b: _Unit, hard: bool) -> bool:
    """Two holders of one role `_role_name_joins` keeps apart: what `_apart` keeps apart, and
    one surname with two full given names neither related (`given_related`) nor near in spelling
    (ratio 70 under the romanisation folds: "Dirk"/"Durk" near, "Anna"/"Ida" not) - the matcher
    alone scores one surname with two given names too high to join on a shared role."""
    if _apart(a, b, hard):
        return True
    pa, pb = a.person, b.person
    if not (pa.surname == pb.surname or same_token(pa.surname, pb.surname)):
        return False
    ga, gb = pa.given[:1], pb.given[:1]
    if not ga or not gb or min(len(ga[0]), len(gb[0])) < 2 or given_related(ga[0], gb[0]):
        return False
    return fuzz.ratio(spelling_key(ga[0]), spelling_key(gb[0])) < 70


def _scope_fold(w: str) -> str:
    return spelling_key(w).replace("\u0131", "i")


def _scope_shared(a: set[str] | frozenset[str], b: set[str]) -> bool:
    """Two role scopes share a word, under the romanisation folds or nearly ("Yäşel Bolın" /
    "Yashel Bolyn"): words of four letters or more."""
    fa = {_scope_fold(w) for w in a if len(w) >= 4}
    fb = {_scope_fold(w) for w in b if len(w) >= 4}
    return bool(fa & fb) or any(fuzz.ratio(x, y) >= 80 for x in fa for y in fb)


def _role_noun_mentions(units: list[_Unit], analyses: list[Analysis],
                        dsu: UnionFind[int], implicit: bool = False) -> dict[int, list[Span]]:
    """`ResolveOptions.role_nouns` (r25-roles): definite role mentions ("the chair", "The
    district's chair", "the provincial police commander", "The Dasho Dzongdag") joined to the
    one named person of the story some article writes with that role (`story.roles`: an
    apposition, a phrase before the name, a copula), the role's head read from the story's
    own text, no list of roles. The mention's words before its head must all be among the
    holder's role words, a bare head's scope ("of the republic") must share a word with the
    holder's; exactly one holder must fit, and a head the story also writes after "a",
    "another" ("a director said") joins nobody. A unit whose every form is such a role joins
    the holder (the family readings' `_FamilyDSU` still refuses); a role mention that is no
    mention today becomes a span of the holder's first unit (index -> spans)."""
    phrases = _unit_role_phrases(units, analyses, implicit)

    def role_only(k: int, heads: set[str]) -> RolePhrase | None:
        u = units[k]
        parsed = [parse_role(f.split() if f.lower().startswith("the ") else ["the", *f.split()])
                  for f in [u.name, *u.surfaces]]
        if parsed and all(r is not None and r.head in heads for r in parsed) and len(
                {r.head for r in parsed if r is not None}) == 1:
            return parsed[0]
        return None

    heads_of = {k: {r.head for r in rs} for k, rs in phrases.items()}
    for k in list(phrases):
        others = set().union(*(h for j, h in heads_of.items() if j != k))
        if role_only(k, others) is not None:
            del phrases[k]
    if not phrases:
        return {}
    heads = {r.head for rs in phrases.values() for r in rs}
    owned = {r.head for rs in phrases.values() for r in rs if r.owned}
    blocked: set[str] = set()
    for an in analyses:
        blocked |= indefinite_heads(an.article.text, heads)
        # a capitalised head no noun for a person that ends a name of another kind ("the
        # County Assembly", "the Fishing Boats Act"): the name's word, no office, unless an
        # owner's "'s" writes it as a role ("the district's Dzongdag")
        blocked |= {w[-1].lower() for m in an.mentions if m.type != "PERSON"
                    and len(w := (m.text or "").split()) >= 2} - PERSON_NOUNS - owned
    heads -= blocked
    holders: dict[str, dict[int, int]] = defaultdict(dict)  # head -> root -> a unit
    words: dict[int, set[str]] = defaultdict(set)  # root -> every role word written with it
    scope: dict[int, set[str]] = defaultdict(set)
    for k, rs in sorted(phrases.items()):
        root = dsu.find(k)
        for r in rs:
            words[root] |= r.words
            scope[root] |= r.scope
            if r.head in heads:
                holders[r.head].setdefault(root, k)
    for k in phrases:  # titles written before a name ("Dasho X") are the holder's words too
        u = units[k]
        words[dsu.find(k)] |= {w.lower() for w in u.name.split()[:-1]}

    def holder(r: RolePhrase) -> int | None:
        fit = [(root, k) for root, k in holders.get(r.head, {}).items()
               if r.fits(words[root], scope[root])]
        if implicit and len(fit) > 1 and r.scope:  # the scope picks one ("of Yäşel Bolın")
            fit = [(root, k) for root, k in fit if _scope_shared(r.scope, scope[root])]
        return fit[0][1] if len(fit) == 1 else None

    out: dict[int, list[Span]] = defaultdict(list)
    owner = {(u.article, i): k for k, u in enumerate(units) for i in u.mentions}
    for an in analyses:
        for start, end, r in definite_role_mentions(an.article.text, heads):
            k = holder(r)
            if k is None:
                continue

            def same_role(j: int, k: int = k, r: RolePhrase = r) -> bool:
                if dsu.find(j) == dsu.find(k) or j in phrases:
                    return False
                rj = role_only(j, heads)
                return rj is not None and rj.head == r.head and rj.fits(
                    words[dsu.find(k)], scope[dsu.find(k)])

            _place_role_span(an, start, end, k, owner, out, dsu, same_role)
    return out


_RELATIVE_NAMED = re.compile(r"(?:\s+and\s+namesake)?,?\s+(?:(?:the|a|an|also|named|called)\s+)?"
                             r"(?:[\w\-]+\s+){0,3}$")


def _relation_mentions(units: list[_Unit], analyses: list[Analysis], dsu: UnionFind[int],
                       relations: list[tuple[int, int, str]]) -> dict[int, list[Span]]:
    """`ResolveOptions.relation_mentions` (r25-roles): a bare relation mention ("his widow
    said", "Varo's son": `kinship.relation_mentions`) whose owner is a person of the story (the
    name before "'s", or for "his"/"her" the nearest person written before, within 400
    characters) becomes a span of the one person the story names as that owner's relation of
    that noun ("His widow, X", "X, his son": the kinship readings of `_family_apart`); two such
    people, or none: nobody. Never the owner himself (index -> spans)."""
    named: dict[tuple[int, str], set[int]] = defaultdict(set)  # (owner root, kin) -> roots
    first: dict[int, int] = {}
    for rel, own, kin in relations:
        root = dsu.find(rel)
        named[(dsu.find(own), kin)].add(root)
        first.setdefault(root, rel)
    owner = {(u.article, i): k for k, u in enumerate(units)
             if u.type == "PERSON" and u.person is not None for i in u.mentions}
    out: dict[int, list[Span]] = defaultdict(list)
    for an in analyses:
        aid, ms = an.article.id, an.mentions
        for start, end, kin, span in relation_mentions(an.article.text):
            if any(m.start < end and start < m.end or end <= m.start < end + 60
                   and _RELATIVE_NAMED.match(an.article.text[end:m.start]) for m in ms):
                continue  # a name's mention holds it, or it stands before one ("his son and
                # namesake, the elder X", "His son, the groom Y")
            if span is not None:
                cands = [j for j in range(len(ms)) if (aid, j) in owner
                         and ms[j].start < span[1] and span[0] < ms[j].end]
            else:
                before = [j for j in range(len(ms)) if (aid, j) in owner
                          and ms[j].end <= start and start - ms[j].end < 400
                          and (ms[j].text or "").lower() not in PRONOUN_FORMS]
                cands = [max(before, key=lambda j: ms[j].end)] if before else []
            if len(cands) != 1:
                continue
            own = dsu.find(owner[(aid, cands[0])])
            roots = named.get((own, kin), set()) - {own}
            if len(roots) == 1:
                out[first[next(iter(roots))]].append(Span(aid, start, end))
    return out


# --------------------------------------------------------------------------- families (r24)


class _FamilyDSU(UnionFind[int]):
    """Union-find that refuses a union joining two units the text says are two people
    (`ResolveOptions.name_family_apart`, `name_age_apart`)."""

    def __init__(self, items: list[int], apart: set[tuple[int, int]]) -> None:
        super().__init__(items)
        self.pairs = sorted(apart)

    def apart(self, a: int, b: int) -> bool:
        """Joining the sets of `a` and `b` would join two units kept apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        for x, y in self.pairs:
            fx, fy = self.find(x), self.find(y)
            if fx == ra and fy == rb or fx == rb and fy == ra:
                return True
        return False

    def union(self, a: int, b: int) -> None:
        if not self.apart(a, b):
            super().union(a, b)


def _role_only(text: str) -> bool:
    """A mention that is a role and no name ("the first defendant", "Principal")."""
    words = [w for w in text.split() if w.lower() != "the"]
    return bool(words) and (office_of(words) is not None or all(
        w.lower() in ROLE_WORDS or w.lower() in ROLE_MODIFIERS or w[:1].islower() for w in words))


def _split_unit(u: _Unit, take: list[int], units: list[_Unit], an: Analysis,
                variants: bool) -> _Unit | None:
    """Take mentions out of a person unit into a new unit of their own; None (nothing moved)
    when either side would be left without a person name."""
    rest = [i for i in u.mentions if i not in take]
    if not rest or not take:
        return None
    surf = [an.mentions[i].text or "" for i in take]
    v = _Unit(u.article, None, person_form(surf, surf[0]), "PERSON", list(take), surf,
              [r for i in take if (r := an.mentions[i].role)], len(units), gender=u.gender)
    v.person = parse_person(person_form(surf, v.name), variants)
    rest_surf = [an.mentions[i].text or "" for i in rest]
    rest_person = parse_person(person_form(rest_surf, u.name), variants)
    if v.person is None or rest_person is None:
        return None
    v.person.gender = u.gender
    v.key = place_key(clean_form(person_form(surf, v.name)))[0]
    if rest_person.joined != u.person.joined:
        rest_person.gender, rest_person.generation = u.person.gender, u.person.generation
        u.person = rest_person
        u.name = person_form(rest_surf, u.name)
        u.key = place_key(clean_form(u.name))[0]
    u.mentions, u.surfaces = rest, rest_surf
    units.append(v)
    return v


def _sentence_end(text: str, start: int) -> int:
    ends = [x for x in (text.find(". ", start), text.find("\n", start), text.find("; ", start))
            if x >= 0]
    return min(ends) if ends else len(text)


def _family_apart(units: list[_Unit], analyses: dict[str, Analysis], variants: bool,
                  kin: bool, ages: bool, gap: int = 10,
                  relations: list[tuple[int, int, str]] | None = None) -> set[tuple[int, int]]:
    """`ResolveOptions.name_family_apart` / `name_age_apart`: the pairs of person units the
    text says are two people (`story.kinship`); a mention its article's entity holds with
    the other person is taken out into a unit of its own first."""
    def holders() -> dict[tuple[str, int], int]:
        return {(u.article, i): k for k, u in enumerate(units)
                if u.type == "PERSON" and u.person is not None for i in u.mentions}

    owner = holders()
    pairs: list[tuple[tuple[str, int], tuple[str, int]]] = []  # (marked, other) mentions
    if kin:
        marks = {}
        for (aid, i), k in sorted(owner.items()):
            an = analyses.get(aid)
            if an is None or not 0 <= i < len(an.mentions):
                continue
            m = an.mentions[i]
            if _role_only(m.text or "") and possessive_kin(an.article.text, m.end):
                u = units[k]  # "the President's son": a mention of the son's phrase
                keep = [j for j in u.mentions if j != i]
                if keep:
                    u.mentions = keep
                    u.surfaces = [an.mentions[j].text or "" for j in keep]
                continue
            mark = kin_mark(an.article.text, m.start, m.end)
            if mark is not None:
                marks[(aid, i)] = mark
        owner = holders()
        # a name the tagger typed otherwise ("Bhekani Zungu junior" as ORG) can own a relative
        anyunit = {(u.article, i): k for k, u in enumerate(units) for i in u.mentions}
        holder_roles: dict[tuple[str, int], set[str]] = {}
        for (aid, i) in owner:
            an = analyses[aid]
            m = an.mentions[i]
            holder_roles[(aid, i)] = role_words(an.article.text, m.start, m.end) | {
                w.lower() for w in (m.role or "").split()} | {
                w.lower() for w in (m.text or "").split()}
        for (aid, i), mark in marks.items():
            an = analyses[aid]
            ms = an.mentions
            others: list[tuple[str, int]] = []
            if mark.owner is not None:
                o0, o1 = mark.owner
                others = [(aid, j) for j in range(len(ms)) if (aid, j) in owner and j != i
                          and ms[j].start < o1 and o0 < ms[j].end]
                if not others and mark.role:
                    others = [key for key, words in holder_roles.items()
                              if key != (aid, i) and mark.role in words
                              and key not in marks]
            elif mark.namesake and mark.at == mark.start:
                last = norm_text(ms[i].text or "").split()[-1:]
                others = [(aid, j) for j in range(len(ms)) if (aid, j) in owner
                          and ms[j].end <= ms[i].start and last
                          and norm_text(ms[j].text or "").split()[-1:] == last]
            else:
                words = set(norm_text(ms[i].text or "").split())
                before = [j for j in range(len(ms)) if j != i and (
                              (aid, j) in owner or (aid, j) in anyunit
                              and words & set(norm_text(ms[j].text or "").split()))
                          and ms[j].end <= mark.at and mark.at - ms[j].end < 400
                          and (ms[j].text or "").lower() not in PRONOUN_FORMS
                          and not ((aid, j) in marks and marks[(aid, j)].owner is None)]
                if before:
                    others = [(aid, max(before, key=lambda j: ms[j].end))]
            pairs.extend(((aid, i), o) for o in others)
        # a marked mention its entity shares with the other person: taken out, with the
        # entity's mentions after it in its sentence ("his father, also X, known as Y")
        split_from: dict[int, list[int]] = defaultdict(list)
        for (aid, i), o in pairs:
            if owner.get(o) == owner.get((aid, i)):
                split_from[owner[(aid, i)]].append(i)
        for k, marked in split_from.items():
            u = units[k]
            an = analyses[u.article]
            keep_with = {o[1] for (aid, _), o in pairs if aid == u.article}
            for i in sorted(set(marked), key=lambda j: an.mentions[j].start):
                if i not in u.mentions:
                    continue
                end = _sentence_end(an.article.text, an.mentions[i].end)
                take = [i] + [j for j in u.mentions if j != i and j not in keep_with
                              and j not in marked
                              and an.mentions[i].end <= an.mentions[j].start < end]
                _split_unit(u, take, units, an, variants)
        owner = holders()
    anyunit = {(u.article, i): k for k, u in enumerate(units) for i in u.mentions}
    apart = {(anyunit[a], anyunit[b]) for a, b in pairs
             if a in anyunit and b in anyunit and anyunit[a] != anyunit[b]}
    if relations is not None and kin:  # (relative's unit, owner's unit, kinship noun)
        relations.extend((anyunit[a], anyunit[b], marks[a].kin) for a, b in pairs
                         if a in anyunit and b in anyunit and anyunit[a] != anyunit[b]
                         and a in marks and marks[a].kin and not marks[a].namesake)
    if ages:
        for k in [k for k, u in enumerate(units) if u.type == "PERSON" and u.person is not None]:
            u = units[k]
            an = analyses.get(u.article)
            if an is None:
                continue
            told = {i: a for i in u.mentions if 0 <= i < len(an.mentions)
                    if (a := age_of(an.article.text, an.mentions[i].end)) is not None}
            first = next(iter(told.values()), None)
            other = sorted({a for a in told.values() if first is not None and abs(a - first) >= gap})
            for age in other:
                v = _split_unit(u, [i for i, a in told.items() if a == age], units, an, variants)
                if v is not None:
                    apart.add((k, len(units) - 1))
        owner = holders()
        unit_ages: dict[int, set[int]] = defaultdict(set)
        for (aid, i), k in owner.items():
            an = analyses.get(aid)
            if an is not None and 0 <= i < len(an.mentions):
                if (a := age_of(an.article.text, an.mentions[i].end)) is not None:
                    unit_ages[k].add(a)
        aged = sorted(unit_ages)
        for x, k in enumerate(aged):
            for k2 in aged[x + 1:]:
                if all(abs(a - b) >= gap for a in unit_ages[k] for b in unit_ages[k2]):
                    apart.add((k, k2))
    return apart


def resolve(analyses: list[Analysis], options: ResolveOptions = DEFAULT_OPTIONS) -> Resolution:
    """One Entity per real person/organisation/place across the analyses (see module docstring);
    `options` switch the name rules (`ResolveOptions`)."""
    units = _units(analyses)
    if not units:
        return Resolution()
    if options.letter_folds:
        for u in units:
            folded = letter_fold(u.name), [letter_fold(s) for s in u.surfaces]
            if folded != (u.name, u.surfaces):
                u.shown = u.name, list(u.surfaces)
                u.name, u.surfaces = folded
    cores: set[str] = set()
    if options.name_traditions:
        for u in [u for u in units if _is_person(u)]:
            _split_kunya(u, units, {an.article.id: an for an in analyses})
        cores = story_cores(clean_form(s) for u in units if _is_person(u)
                            for s in (u.surfaces or [u.name]))
    if options.name_story_types:
        _story_person_types(units)
    korean = options.name_traditions and options.name_korean
    adjacent = _adjacent_names(analyses) if options.name_adjacent else {}
    for u in units:
        if _is_person(u) or korean and _korean_mistyped(u):
            u.type = "PERSON"
            # a name part alone that the story-level finder gave its known person
            # (`namefind.with_name_parts`): read as that person's full name
            pu = replace(u, surfaces=[u.name]) if options.name_alone and _parts_only(u) else u
            # the forms the name is read from (`ResolveOptions.name_initials`: no honours)
            name, surfaces = pu.name, pu.surfaces
            if options.name_initials:
                name = strip_honours(clean_form(pu.name))
                surfaces = [strip_honours(clean_form(s)) for s in pu.surfaces]
            if options.name_honorifics:
                name = strip_stacked_honorifics(name)
                surfaces = [strip_stacked_honorifics(s) for s in surfaces]
            if options.name_title_words:
                name = strip_title_words(name)
                surfaces = [strip_title_words(s) for s in surfaces]
            if adjacent:
                surfaces = [adjacent[(u.article, m)][0] if (u.article, m) in adjacent else s
                            for m, s in zip(u.mentions, surfaces, strict=False)]
            if options.name_traditions:
                u.person = _tradition_person(pu, cores, options.name_variants,
                                             options.name_korean, (name, surfaces),
                                             options.name_initials)
            else:
                u.person = parse_person(person_form(surfaces or [name], name),
                                        options.name_variants)
            if u.person is not None and options.name_compound_given:
                u.person.compound = _compound_given(u.person, name)
            if u.person is not None and options.name_yi_onset:
                u.person.yi_onset = True
            if u.person is not None and options.name_wade_giles:
                u.person.wade_giles = wade_giles_keys(name)
            if u.person is not None and options.name_double_surname:
                u.person.double_surname = _spanish_spelling(
                    [*(u.shown or (u.name, u.surfaces))[1], (u.shown or (u.name, []))[0]])
            if u.person is not None:
                u.person.generation = u.person.generation or u.generation
                u.person.gender = u.gender
                u.person.initials = options.name_initials
            u.key = place_key(clean_form(person_form(pu.surfaces or [u.name], u.name)))[0]
        else:
            u.key, u.demonym = place_key(clean_form(u.name) or u.name)
            if u.demonym:
                u.type = "GPE"
    if options.name_elder_marks:
        _mark_before(units, {an.article.id: an for an in analyses}, options.name_variants,
                     options.name_generation_split)
    if options.name_titled:
        _split_titled(units, options.name_variants, {an.article.id: an for an in analyses})
    _retype_org_named_persons(units)
    _retype_places(units)
    _retype_surnames(units)
    if options.name_traditions:
        _story_order(units, options.name_variants, options.name_order_tie)
        if options.name_korean:
            _korean_surnames_alone(units)
    if options.name_apart:
        _mark_generations(units, options.name_variants, {an.article.id: an for an in analyses})
    if options.name_forms:
        for u in units:
            if u.person is not None:
                u.plain = replace(u.person)
                _fold_surname(u.person)
    family: set[tuple[int, int]] = set()
    relations: list[tuple[int, int, str]] = []
    if options.name_family_apart or options.name_age_apart:
        family = _family_apart(units, {an.article.id: an for an in analyses},
                               options.name_variants, options.name_family_apart,
                               options.name_age_apart, options.name_age_gap, relations)
    dsu: UnionFind[int] = (_FamilyDSU(range(len(units)), family) if family
                           else UnionFind(range(len(units))))
    if adjacent:
        holder = {(u.article, m): k for k, u in enumerate(units) for m in u.mentions}
        for (aid, m), (_, other) in adjacent.items():
            a, b = holder.get((aid, m)), holder.get((aid, other))
            if a is not None and b is not None and units[a].type == units[b].type == "PERSON":
                dsu.union(a, b)
    _compass_places(units, dsu)
    persons = [i for i, u in enumerate(units) if u.type == "PERSON" and u.person]
    person_set = set(persons)
    places = [i for i, u in enumerate(units) if i not in person_set and u.key]
    _resolve_persons(units, persons, dsu, options, {an.article.id: an for an in analyses})
    _resolve_places(units, places, dsu, options)
    if options.org_intros:
        _join_introduced(units, places, dsu, analyses, options.org_kinds)
    if options.org_cognates:
        _join_cognates(units, places, dsu)
    if options.org_acronym_order:
        _join_reordered_acronyms(units, places, dsu)
    if options.org_translations:
        _join_translations(units, places, dsu, persons)
    # one exact multi-word name labelled PERSON here and ORG there is still one name
    by_joined: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        if len(norm_text(u.name).split()) >= 2 and u.key:
            by_joined[translit_key(norm_text(u.name).replace(" ", ""))].append(i)
    for members in by_joined.values():
        if len({units[j].type == "PERSON" for j in members}) > 1:
            for j in members[1:]:
                dsu.union(members[0], j)
    if options.name_variants:
        _join_mistyped_variants(units, persons, dsu, options.name_forms, options.name_model)
    if options.name_learned is not None:
        by_id = {an.article.id: an for an in analyses}
        _learned_joins(units, persons, dsu, options.name_learned, options.name_apart, by_id)
        if options.role_implicit:
            _role_name_joins(units, persons, dsu, analyses, options.name_learned,
                             options.role_name_bar, False)
    role_spans: dict[int, list[Span]] = (
        _role_mentions(units, analyses, dsu) if options.name_role_mentions else {})
    extra: list[dict[int, list[Span]]] = []
    if options.role_nouns:
        extra.append(_role_noun_mentions(units, analyses, dsu, options.role_implicit))
    if options.relation_mentions and relations:
        extra.append(_relation_mentions(units, analyses, dsu, relations))
    for found in extra:
        for k, spans in found.items():
            have = {(s.article, s.start, s.end) for s in role_spans.get(k, [])}
            role_spans.setdefault(k, []).extend(
                s for s in spans if (s.article, s.start, s.end) not in have)

    art_text = {an.article.id: an for an in analyses}
    built: list[tuple[Entity, list[int], str]] = []
    groups = dsu.groups()
    if options.numbered_apart:
        groups = split_numbered(groups, [
            frozenset() if u.type == "EVENT" else
            frozenset().union(*(numbers_of(s) for s in [u.name, *u.surfaces])) for u in units])
    for members in groups:
        types = Counter(units[j].type for j in members)
        if len(types) > 1:  # "Vestra" as LOC and PRODUCT: a product or title is the weaker guess
            for weak in ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW"):
                if len(types) > 1:
                    types.pop(weak, None)
        type_ = max(types, key=lambda t: (
            types[t], -(_TYPE_PREFERENCE.index(t) if t in _TYPE_PREFERENCE else 99), t))
        forms: list[str] = []
        spans: list[Span] = []
        roles: list[str] = []
        canon: Counter = Counter()
        for j in sorted(members, key=lambda j: units[j].order):
            u = units[j]
            an = art_text[u.article]
            shown_name, shown_surfaces = u.shown or (u.name, u.surfaces)
            forms.append(shown_name)
            forms.extend(shown_surfaces)
            if u.type != "PERSON":
                canon[u.key] += 1
            for i in u.mentions:
                m = an.mentions[i]
                spans.append(Span(u.article, m.start, m.end))
            spans.extend(role_spans.get(j, []))
            for r in u.roles:
                if r not in roles:
                    roles.append(r)
        forms = [f for f in forms if f and f.strip().lower() not in PRONOUNS]
        name = _best_name(forms or [units[members[0]].name], type_, canon)
        seen = {name.lower()}
        aliases = []
        for f in forms:
            if f.lower() not in seen:
                seen.add(f.lower())
                aliases.append(f)
        spans = sorted(set(spans), key=lambda s: (s.article, s.start, s.end))
        main_key = canon.most_common(1)[0][0] if canon else ""
        built.append((Entity("", name, type_, aliases, spans, roles), members, main_key))

    built.sort(key=lambda b: (-len(b[0].mentions), b[0].name, b[0].type))
    res = Resolution()
    key_to_id: dict[str, str] = {}
    for n, (ent, members, main_key) in enumerate(built, 1):
        ent.id = f"E{n}"
        res.entities.append(ent)
        if main_key and ent.type != "PERSON":
            key_to_id.setdefault(main_key, ent.id)
        for j in members:
            u = units[j]
            if u.local is not None:
                res.by_local[(u.article, u.local)] = ent.id
            for i in u.mentions:
                res.by_mention[(u.article, i)] = ent.id
    # capitals stand for governments but stay places: link them to their country
    for ent, _members, main_key in built:
        country = CAPITALS.get(main_key)
        target = key_to_id.get(country) if country else None
        if target and target != ent.id and target not in ent.linked:
            ent.linked.append(target)
    return res
