"""When a claim's event happened, and whether two claims tell events of different occasions.

A claim is dated by its own times; a claim that dates nothing itself and whose event participant
refers back ("It killed ...", "That quake ...") is dated by the mention it refers to in the
sentences before it, read from the article's kept parse (no second parse). Align keeps claims of
different occasions apart; the judge never compares their counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from ..lexicon.calendar import (
    BACKWARD_WORDS,
    DEFINITE_DETERMINERS,
    INDEFINITE_DETERMINERS,
    LONG_UNITS,
    MONTH_NUMBER,
    NUMBERED_PARTS,
    OCCASION_NOUNS,
    ORDINAL_WORDS,
    REPEAT_WORDS,
    START_VERBS,
    SUBSTITUTE_WORDS,
)
from ..lexicon.values import ADDITION_PREPS, ADDITION_WORDS, NUMBER_WORDS, PRIOR_WORDS, TIME_UNITS
from ..model import Claim, TimeExpr
from ..text import SAME_ARGUMENT, TOKEN, doc_text, stem

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_YEAR = re.compile(r"\b(1[5-9]\d\d|2[01]\d\d)")
# nouns that date an event ("the previous day"), never an earlier occurrence (`sum_marks`)
_TIME_NOUNS = TIME_UNITS | frozenset(MONTH_NUMBER) | frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
     "morning", "evening", "afternoon", "weekend", "season", "quarter", "time", "occasion"})


def _misresolved(t: TimeExpr) -> bool:
    """A resolved value that is none of the years its words name ("the 1940s" read as today's
    date): the words were misread, so the value says nothing about when the event was."""
    years = _YEAR.findall(t.text)
    return bool(years and t.value and not any(t.value.startswith(y[:3]) for y in years))


def resolved_date(t: TimeExpr) -> str | None:
    """The ISO value of a time anchored and read right, else None."""
    return t.value if t.value and not t.relative and not _misresolved(t) else None


_SUBJ = ("nsubj", "nsubjpass")
_BACK_SENTENCES = 3  # how far back a demonstrative's head noun is looked for
_CHAIN = 4
# the words a time can date: the first of these above it (prepositions are passed over)
_DATED = ("NOUN", "PROPN", "VERB", "AUX")  # a pronoun referring to a pronoun ...: how many links are followed

# (the year spans of the resolved dates, an earlier occasion told in words, a date referred
# to that lies before the story's own year (True), or the bare months, none the story's own,
# the event is dated to ("month:2"))
Occasion = tuple[list[tuple[str, str]], bool, bool | str]


def occasion(times: Iterable[TimeExpr], periods: Iterable[tuple[int, int]] = (),
             before: str | None = None) -> Occasion:
    """(the year spans of the resolved dates, whether a time no publication date anchored puts
    the event on an earlier occasion: `lexicon.calendar.BACKWARD_WORDS` with a `LONG_UNITS`
    word, "earlier this season", "two years ago"; whether every year ends before `before`,
    the story's own year). A time inside `periods` (the period a value covers, "earned $9
    million in 2013") dates the value, not the event, and is left out."""
    spans = list(periods)
    years: list[tuple[str, str]] = []
    earlier = False
    for t in times:
        if any(s < t.end and t.start < e for s, e in spans):
            continue
        v = resolved_date(t)
        if v:
            # an anchored "last year" is a year like any other: compared as one
            ends = v.split("/")
            years.append((ends[0][:4], ends[-1][:4]))
            continue
        words = set(TOKEN.findall(t.text.lower()))
        earlier = earlier or bool(words & BACKWARD_WORDS and words & LONG_UNITS)
    prior = bool(before and years and all(b < before for _, b in years))
    return years, earlier, prior


def story_year(claims: Iterable[Claim]) -> str | None:
    """The year most of the story's resolved dates fall in (the later one on a tie): the year
    of the story's own events."""
    counts = Counter(v[:4] for c in claims for t in c.times if (v := resolved_date(t)))
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def story_month(claims: Iterable[Claim]) -> int | None:
    """The month most of the story's resolved dates (of a month or a day) fall in, as a number
    (the later one on a tie): the month of the story's own events."""
    counts = Counter(v[:7] for c in claims for t in c.times
                     if (v := resolved_date(t)) and len(v) >= 7 and v[4] == "-")
    if not counts:
        return None
    best = max(counts, key=lambda m: (counts[m], m))
    return int(best[5:7]) if best[5:7].isdigit() else None


def bare_month(t: TimeExpr) -> int | None:
    """The month a time names when it names a month and nothing more precise, and nothing
    anchored it ("in February" with no publication date): its number, else None."""
    if t.value and not t.relative:
        return None
    words = TOKEN.findall(t.text.lower())
    if any(w.isdigit() for w in words):
        return None
    months = {MONTH_NUMBER[w] for w in words if w in MONTH_NUMBER and w != "may"}
    return months.pop() if len(months) == 1 else None


def _months(times: Iterable[TimeExpr], periods: Iterable[tuple[int, int]] = ()) -> set[int]:
    spans = list(periods)
    return {m for t in times if not any(s < t.end and t.start < e for s, e in spans)
            if (m := bare_month(t)) is not None}


# a two-digit year after an apostrophe, written after a determiner or preposition ("the '66
# side", "in ’ 98"); not a decade ("the '90s") nor an ordinal
_APOSTROPHE_YEAR = re.compile(
    r"\b(?:the|in|of|since|from|until|by|his|her|their|its)\s+['\u2018\u2019]\s?(\d\d)"
    r"(?![\d'\u2019%]|\s?s\b|\s?(?:st|nd|rd|th)\b)", re.I)


def apostrophe_years(text: str, year: str | None) -> list[str]:
    """The years written with an apostrophe in `text` ("the '66 squad": 1966 in a story of
    2012), each the latest year with those two digits not after the story's own `year`; none
    when the story's year is unknown."""
    if not year or not year.isdigit():
        return []
    now = int(year)
    out = []
    for m in _APOSTROPHE_YEAR.finditer(text):
        yy = int(m.group(1))
        full = max(y for y in (1900 + yy, 2000 + yy, 1800 + yy) if y <= now) \
            if 1800 + yy <= now else None
        if full is not None:
            out.append(str(full))
    return out


def claim_occasion(c: Claim, periods: Iterable[tuple[int, int]],
                   referred: Mapping[str, list[TimeExpr]], year: str | None,
                   month: int | None = None, *, apostrophes: bool = False,
                   around: Mapping[str, list[TimeExpr]] | None = None) -> Occasion:
    """A claim's occasion: its own times (the periods its values cover left out), else the
    times of the mention its subject refers back to (`referred_times`), which mark an earlier
    occasion when they all lie before the story's own `year`. With the story's own `month`
    (`story_month`), a claim dated, by itself or by the mention it refers back to, only by bare
    months none of which is the story's ("was in February" in a story of November) is of
    another occasion, one per set of months. Judge only (alignment passes neither):
    `apostrophes` reads years written "'66" in the claim as its own; `around` (claim id -> the
    times of the sentence before, `sentence_times`) dates a claim that dates
    nothing itself to an earlier occasion when all of them lie before the story's year or
    one tells an earlier occasion in words ("Earlier this year, ...")."""
    periods = list(periods)
    own = occasion(c.times, periods)
    if own[0] or own[1]:
        return own
    if apostrophes and (ys := apostrophe_years(c.text, year)):
        return [(y, y) for y in ys], False, bool(year and all(y < year for y in ys))
    if month is not None:
        months = _months(c.times, periods) or _months(referred.get(c.id, ()))
        if months and month not in months:
            return [], False, "month:" + ",".join(map(str, sorted(months)))
    found = occasion(referred.get(c.id, ()), before=year)
    if around and not (found[0] or found[1] or found[2]) and c.id not in referred:
        told = occasion(around.get(c.id, ()), before=year)
        if told[1] or told[2] is True:
            # "... a 2031 fraud verdict. The court gave him nine years."; "Earlier this year,
            # a clerk ... She said the thefts never took place."
            return told
    return found


def _dated_articles(claims: list[Claim], docs: Mapping[str, Doc] | None
                    ) -> Iterator[tuple[Doc, list[Claim], list[TimeExpr]]]:
    """(the article's kept parse, its claims, every time its claims hold, once: a time may lie
    in two nested claims) for each article with a parse and at least one time."""
    if not docs:
        return
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.span.article, []).append(c)
    for article, cs in by_article.items():
        doc = docs.get(article)
        times = list({(t.start, t.end): t for c in cs for t in c.times}.values())
        if doc is not None and times:
            yield doc, cs, times


# a time that opens a period running to the time of writing ("since 2019", "ever since 2028"):
# it dates no past occasion a next sentence could carry
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+(?:start|end|beginning)\s+of\s+)?$", re.I)


def _since(text: str, t: TimeExpr) -> bool:
    """The time is the start of a period to now ("had not circulated since 2019")."""
    return bool(_SINCE_BEFORE.search(text[max(0, t.start - 30):t.start])) \
        or t.text.lower().startswith("since ")


def sentence_times(claims: list[Claim], docs: Mapping[str, Doc] | None,
                   since_open: bool = False) -> dict[str, list[TimeExpr]]:
    """Claim id -> the times the story's claims hold in the sentence before the claim's, for
    claims whose own sentence holds no time (a time elsewhere in it may date another of its
    clauses, "a Republican first elected in 2010"): the time a narrative carries ("It ended
    with a 2031 fraud verdict. The court gave him nine years."). Read from the article's kept
    parse; none without one. `since_open` (`AlignParams.judge_since_open`): a time that opens
    a period running to now ("since 2019") dates no occasion of the sentence after it."""
    out: dict[str, list[TimeExpr]] = {}
    for doc, cs, times in _dated_articles(claims, docs):
        times = sorted(times, key=lambda t: t.start)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        for c in cs:
            if c.times or doc_text(doc)[c.span.start:c.span.end] != c.text:
                continue
            k = next((n for n, (s, e) in enumerate(sents) if s <= c.span.start < e), None)
            if k is None:
                continue
            if k == 0 or any(sents[k][0] <= t.start < sents[k][1] for t in times):
                continue  # a time of its own sentence may date another of its clauses
            found = [t for t in times if sents[k - 1][0] <= t.start and t.end <= sents[k][0]
                     and not (since_open and _since(doc_text(doc), t))]
            if found:
                out[c.id] = found
    return out


def apart(a: Occasion, b: Occasion, by_years: bool = True) -> bool:
    """Two occasions that cannot be one: only one is an earlier occasion told in words; both
    name years and none of one's overlaps one of the other's ("in 1998" / "in 2004"); or, when
    not both name years, only one refers back to a date before the story's year ("A quake hit
    in 1987. It killed 612" beside an undated toll), or only one is dated by bare months none
    of which is the story's own, or by other such months ("in February" in a story of
    November: `claim_occasion`). Two days of one year, or a date beside
    "last week", may be one event told two ways (a conflict for the judge). With `by_years`
    False, two claims that both name years are never apart: a year inside a claim may date
    something else it mentions ("a Republican first elected in 2010"), which a count's role
    rules out but a hedge or a denial does not."""
    (ya, ea, pa), (yb, eb, pb) = a, b
    if ea != eb:
        return True
    if isinstance(pa, str) or isinstance(pb, str):
        # bare months, none the story's own: another occasion than the story's, or than
        # another set of months
        return pa != pb
    if ya and yb:
        return by_years and not any(x <= w and z <= y for x, y in ya for z, w in yb)
    return pa != pb


# r24-values: a claim cut off as a participial clause ("..., killing twelve people")
_PARTICIPLE_START = re.compile(r"[a-z]+ing\b")


def participle_times(claims: list[Claim], docs: Mapping[str, Doc] | None
                     ) -> dict[str, list[TimeExpr]]:
    """Claim id -> the times of the clause a participial claim hangs on (`AlignParams.
    judge_participle_times`): a claim that opens on an "-ing" word after a comma ("A rock fall hit
    the quarry in October, | killing twelve people") and dates nothing itself tells the
    event of the clause before it in its sentence, so that clause's times date it (the claim
    cut lost them). Read from the article's kept parse; none without one."""
    out: dict[str, list[TimeExpr]] = {}
    for doc, cs, times in _dated_articles(claims, docs):
        text = doc_text(doc)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        for c in cs:
            if c.times or text[c.span.start:c.span.end] != c.text \
                    or not _PARTICIPLE_START.match(c.text) \
                    or not text[:c.span.start].rstrip().endswith(","):
                continue
            k = next((n for n, (s, e) in enumerate(sents) if s <= c.span.start < e), None)
            if k is None:
                continue
            found = [t for t in times if sents[k][0] <= t.start and t.end <= c.span.start]
            if found:
                out[c.id] = found
    return out


def referred_times(claims: list[Claim], docs: Mapping[str, Doc] | None) -> dict[str, list[TimeExpr]]:
    """Claim id -> the times of the mention its event participant refers back to, for claims
    whose subject is a third-person "it"/"they" or a noun with a demonstrative ("that quake",
    "those attacks") or a backward adjective ("the earlier attack"), when the antecedent is
    clear and dated; claims that date their event themselves are left out."""
    out: dict[str, list[TimeExpr]] = {}
    for doc, cs, times in _dated_articles(claims, docs):
        ref = _Referents(doc, times)
        for c in cs:
            if doc_text(doc)[c.span.start:c.span.end] != c.text or c.times and any(occasion(c.times)[:2]):
                continue
            subj = _subject(doc, c.span.start, c.span.end)
            found = ref.times_of_referent(subj) if subj is not None else []
            if found and (any(occasion(found)[:2]) or _months(found)):
                out[c.id] = found
    return out


def _subject(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of the claim's main predicate (its first root inside the claim)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.head.i == t.i or not (span.start <= t.head.i < span.end):
            return next((ch for ch in t.children
                         if ch.dep_ in _SUBJ and span.start <= ch.i < span.end), None)
    return None


def _pronoun(t: Token) -> str | None:
    """"sing" for a third-person neuter pronoun ("it"), "plur" for a third-person plural one
    ("they"), from the parse's morphology; None otherwise (he, she, we, a noun)."""
    if t.pos_ != "PRON" or t.morph.get("PronType") != ["Prs"] or t.morph.get("Person") != ["3"]:
        return None
    if t.morph.get("Number") == ["Plur"]:
        return "plur"
    return "sing" if t.morph.get("Gender") == ["Neut"] and not _dummy(t) else None


def _dummy(t: Token) -> bool:
    """An "it" that stands for a clause, not for an event: its verb, or the adjective it is
    said to be, takes a clause ("It is unclear what ...", "It was confirmed that ..."), or it
    is only said to be so ("It was not pretty")."""
    v = t.head
    heads = [v, *(ch for ch in v.children if ch.dep_ == "acomp")]
    if any(ch.dep_ in ("ccomp", "csubj") for h in heads for ch in h.children):
        return True
    return v.lemma_ == "be" and any(ch.dep_ == "acomp" for ch in v.children)


def _refers_back(t: Token) -> bool:
    """A common noun that points back: a demonstrative ("that quake") or a backward adjective
    after "the" ("the earlier attack", "the previous storm")."""
    if t.pos_ != "NOUN":
        return False
    dets = [ch for ch in t.children if ch.dep_ == "det"]
    if any(d.morph.get("PronType") == ["Dem"] for d in dets):
        return True
    return bool(dets) and any(ch.dep_ == "amod" and ch.lower_ in BACKWARD_WORDS
                              for ch in t.children)


def _number(t: Token) -> str | None:
    """"sing"/"plur" of a noun from its tag; None for a person (a name of one or a pronoun
    of people), which no "it" of an event refers to."""
    if t.ent_type_ in ("PERSON", "NORP") or t.pos_ not in ("NOUN", "PROPN"):
        return None
    if t.tag_ in ("NN", "NNP"):
        return "sing"
    return "plur" if t.tag_ in ("NNS", "NNPS") else None


def _head_key(t: Token) -> str:
    s = stem(t.lower_)
    return SAME_ARGUMENT.get(s, s)


def _same_head(a: Token, b: Token) -> bool:
    """One head noun: one stem or argument synonym (`lexicon.events.ARGUMENT_SYNONYMS`), or a
    compound written as one word that ends in the other ("earthquake" / "quake")."""
    ka, kb = _head_key(a), _head_key(b)
    if ka == kb:
        return True
    la, lb = a.lemma_.lower(), b.lemma_.lower()
    short, long_ = sorted((la, lb), key=len)
    return len(short) >= 4 and long_.endswith(short)


def _dated_word(doc: Doc, start: int, end: int) -> Token | None:
    """The word a time at characters [start, end) of `doc` dates: the first noun or verb above
    it, prepositions and the time's own words passed over; None when there is none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    h = span.root
    while (span.start <= h.i < span.end or h.pos_ not in _DATED) and h.head.i != h.i:
        h = h.head
    return None if span.start <= h.i < span.end else h


def start_times(doc: Doc, times: Iterable[TimeExpr], base: int = 0) -> list[tuple[int, int]]:
    """The (start, end) of each time that dates the start of something, not an event: its
    word is a start verb (`lexicon.calendar.START_VERBS`: "the inquiry began two years ago")
    or the clause one governs ("began investigating him two years ago"). `doc` holds the
    characters from `base` on."""
    out = []
    for t in times:
        h = _dated_word(doc, t.start - base, t.end - base)
        if h is not None and (h.lemma_.lower() in START_VERBS or (
                h.dep_ == "xcomp" and h.head.lemma_.lower() in START_VERBS)):
            out.append((t.start, t.end))
    return out


# links by which a verb still states the claim's own event: a coordinated verb, an open or a
# reported complement ("voted and left Sunday", "began to vote Sunday", "said it voted Sunday"),
# the auxiliaries of one verb group
_OWN_EVENT = ("conj", "xcomp", "ccomp", "aux", "auxpass")


def aside_times(doc: Doc, times: Iterable[TimeExpr], base: int = 0) -> list[tuple[int, int]]:
    """The (start, end) of each time told in words only (no resolved date: "earlier this year",
    "two seasons ago") that dates something other than the claim's own event: its word
    (`_dated_word`) is not the parse's root nor tied to it as one event (`_OWN_EVENT`) but a
    noun or clause inside it ("voted in the first election after the adoption of a
    constitution earlier this year": the adoption is earlier, not the vote). Resolved years
    stay (a claim telling two years of two acts keeps both). A time whose word cannot be found
    counts as the claim's own. `doc` holds the characters from `base` on."""
    out = []
    for t in times:
        if resolved_date(t):
            continue
        h = _dated_word(doc, t.start - base, t.end - base)
        if h is None:
            continue
        while h.dep_ in _OWN_EVENT and h.head.i != h.i:
            h = h.head
        if h.head.i != h.i:
            out.append((t.start, t.end))
    return out


class _Referents:
    """Antecedents and their times within one article's parse."""

    def __init__(self, doc: Doc, times: list[TimeExpr]) -> None:
        self.doc = doc
        self.times = times
        self._memo: dict[int, list[TimeExpr]] = {}
        self._dated: list[tuple[TimeExpr, int]] | None = None

    def times_of_referent(self, subj: Token, depth: int = 0) -> list[TimeExpr]:
        """The times of the mention a referring subject points back to; [] when it does not
        refer back, or its antecedent is unclear or undated."""
        if depth > _CHAIN:
            return []
        if subj.i in self._memo:
            return self._memo[subj.i]
        self._memo[subj.i] = []  # no cycles
        ante = None
        if _pronoun(subj) is not None:
            ante = self._pronoun_antecedent(subj)
        elif _refers_back(subj):
            ante = self._noun_antecedent(subj)
        found = self._dating(ante, depth) if ante is not None else []
        self._memo[subj.i] = found
        return found

    def _pronoun_antecedent(self, pron: Token) -> Token | None:
        """The one subject of the nearest stretch before the pronoun (its own sentence up to it,
        else the sentence before) that agrees with it in number: a single candidate, or none."""
        want = _pronoun(pron)
        sent = pron.sent
        stretches = [range(pron.i - 1, sent.start - 1, -1)]
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            stretches.append(range(prev.end - 1, prev.start - 1, -1))
        for stretch in stretches:
            subjects = [self.doc[i] for i in stretch if self.doc[i].dep_ in _SUBJ]
            fits = [s for s in subjects
                    if (_pronoun(s) or _number(s)) == want]
            if len(fits) == 1:
                return fits[0]
            if fits or subjects:
                return None  # the nearest stretch with a subject decides, or nothing does
        return None

    def _noun_antecedent(self, noun: Token) -> Token | None:
        """The nearest earlier noun with the same head, within a few sentences."""
        first = noun.sent.start
        for _ in range(_BACK_SENTENCES):
            if first == 0:
                break
            first = self.doc[first - 1].sent.start
        for i in range(noun.left_edge.i - 1, first - 1, -1):
            t = self.doc[i]
            if t.pos_ in ("NOUN", "PROPN") and _same_head(t, noun):
                return t
        return None

    def _dating(self, ante: Token, depth: int) -> list[TimeExpr]:
        """The times that date an antecedent: those whose phrase hangs on the mention itself
        ("a 1999 quake", "the storm of 2004", "the unrest this week"), on its verb when it is a
        subject ("struck the region in 1987", "was in February") or on a clause that describes
        it ("the quake that struck in 1987"), through prepositions only: a time of another noun
        ("the deadliest since a 1961 flood") dates that noun. A referring antecedent
        passes on its own referent's times."""
        inner = self.times_of_referent(ante, depth + 1)
        if inner:
            return inner
        words = {ante.i} | {ch.i for ch in ante.children if ch.dep_ in ("relcl", "acl")}
        if ante.dep_ in _SUBJ:
            words.add(ante.head.i)
        return [t for t, w in self.dated if w in words]

    @property
    def dated(self) -> list[tuple[TimeExpr, int]]:
        """Each time with the word it dates: the first noun or verb above it, prepositions
        and the time's own words passed over."""
        if self._dated is None:
            self._dated = []
            for t in self.times:
                h = _dated_word(self.doc, t.start, t.end)
                if h is not None:
                    self._dated.append((t, h.i))
        return self._dated


# the links from a claim's verb to the nouns that name its event or what it is done to:
# "carried out another robbery", "It was the third robbery", "Another quake hit ..."
_EVENT_NOUN_DEPS = ("dobj", "attr", "nsubj", "nsubjpass")
# links by which a verb below the root still states the claim's event (`_OWN_EVENT` downward)
_EVENT_VERB_DEPS = ("conj", "xcomp", "ccomp")


def _marks_of(t: Token, words: frozenset[str] = REPEAT_WORDS) -> set[str]:
    """The repeat marks a word carries itself: an ordinal ("n:2") or a repeat word ("again")
    among its determiners and adjectives."""
    out: set[str] = set()
    for ch in t.children:
        w = ch.lower_
        if ch.dep_ in ("det", "amod", "nummod") and w in ORDINAL_WORDS:
            out.add(f"n:{ORDINAL_WORDS[w]}")
        elif ch.dep_ in ("det", "amod") and w in words:
            out.add("again")
    return out


def repeat_marks(doc: Doc | Iterable[Token], words: frozenset[str] = REPEAT_WORDS
                 ) -> frozenset[str]:
    """The marks that tell a claim's event as one more occurrence of its kind
    (`lexicon.calendar.REPEAT_WORDS`, `ORDINAL_WORDS`): on its verbs (the roots and the verbs
    coordinated with them or their complements) an adverb ("erupted again") or "for the
    second time"; on the nouns that name the event or what it is done to (object, subject,
    attribute: "carried out another robbery", "underwent a second surgery", "the latest
    attack hit ...") a determiner or adjective. Names (the tagger's entities) carry none:
    "the Second Avenue" is a place. "n:K" for an ordinal K, "again" for a repeat of no number.
    `words`: the repeat words read (the judge reads `JUDGE_REPEAT_WORDS`)."""
    toks = list(doc)
    todo = [t for t in toks if t.dep_ == "ROOT"]
    seen: set[int] = set()
    marks: set[str] = set()
    while todo:
        v = todo.pop()
        if v.i in seen:
            continue
        seen.add(v.i)
        if v.pos_ in ("NOUN", "PROPN") and not v.ent_type_:
            marks |= _marks_of(v, words)  # a headline's noun phrase: "Another quake in ..."
        for ch in v.children:
            if ch.dep_ == "advmod" and ch.lower_ in words:
                marks.add("again")
            elif ch.dep_ == "prep" and ch.lower_ in ("for", "on"):
                for ob in ch.children:
                    if ob.dep_ == "pobj" and ob.lemma_.lower() in OCCASION_NOUNS:
                        marks |= _marks_of(ob, words)
            elif ch.dep_ in _EVENT_NOUN_DEPS and ch.pos_ == "NOUN" and not ch.ent_type_ \
                    and not (ch.dep_ == "nsubj" and v.lemma_ == "be"):
                # the subject of "was" is what is said about ("the second man held was a
                # driver"), not an event
                marks |= _marks_of(ch, words)
            elif ch.dep_ in _EVENT_VERB_DEPS and ch.pos_ in ("VERB", "AUX", "NOUN"):
                todo.append(ch)
    return frozenset(marks)


_QUARTER = re.compile(r"q([1-4])")
_ROMAN_NUMBER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
                 "ix": 9, "x": 10}


def _number_word(w: str) -> int | None:
    if w.isdigit() and len(w) <= 4:
        return int(w)
    return NUMBER_WORDS.get(w) or _ROMAN_NUMBER.get(w)


def numbered_parts(doc: Doc | Iterable[Token]) -> dict[str, frozenset[int]]:
    """The numbers a claim gives each part or occasion of a series it names
    (`lexicon.calendar.NUMBERED_PARTS`): the number after the noun ("Stage 2", "round two",
    "Phase III"), an ordinal before it ("the second stage", "a 5th round"), or a quarter
    written "Q3"."""
    toks = list(doc)
    out: dict[str, set[int]] = {}
    for k, t in enumerate(toks):
        w = t.lower_
        m = _QUARTER.fullmatch(w)
        if m:
            out.setdefault("quarter", set()).add(int(m.group(1)))
            continue
        lemma = t.lemma_.lower()
        if t.pos_ not in ("NOUN", "PROPN") or lemma not in NUMBERED_PARTS:
            continue
        for ch in t.children:
            if ch.i < t.i and ch.lower_ in ORDINAL_WORDS and ch.dep_ in ("amod", "nummod", "det",
                                                                          "compound"):
                out.setdefault(lemma, set()).add(ORDINAL_WORDS[ch.lower_])
        if k + 1 < len(toks):
            nxt = toks[k + 1]
            n = _number_word(nxt.lower_)
            # the number names the part unless it counts a noun after it ("round two of the
            # cup", never "in stage 3 riders fell"); the parse may hang it anywhere else
            if n is not None and not (nxt.dep_ == "nummod" and nxt.head.i > nxt.i):
                out.setdefault(lemma, set()).add(n)
    return {k: frozenset(v) for k, v in out.items()}


def parts_apart(a: Mapping[str, frozenset[int]], b: Mapping[str, frozenset[int]]) -> bool:
    """Both claims number one part noun (`numbered_parts`) and no number of one is a number of
    the other ("Stage 2" / "the fifth stage"): two parts of the series."""
    return any(not a[n] & b[n] for n in a.keys() & b.keys())


def substitute_marks(doc: Doc | Iterable[Token]) -> tuple[frozenset[str], frozenset[str]]:
    """The common nouns of a claim (lemmas; the tagger's names left out) that a substitute word
    (`lexicon.calendar.SUBSTITUTE_WORDS`: "a replacement vessel", "the backup pump") marks as
    another thing of their kind, and those no such word marks."""
    marked: set[str] = set()
    plain: set[str] = set()
    for t in doc:
        if t.pos_ != "NOUN" or t.ent_type_ or t.lower_ in SUBSTITUTE_WORDS:
            continue
        lemma = t.lemma_.lower()
        if any(ch.dep_ in ("amod", "compound", "det", "nmod") and ch.lower_ in SUBSTITUTE_WORDS
               for ch in t.children):
            marked.add(lemma)
        else:
            plain.add(lemma)
    return frozenset(marked), frozenset(plain)


def substitutes_apart(a: tuple[frozenset[str], frozenset[str]],
                      b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """One claim names a thing marked as a substitute (`substitute_marks`) that the other names
    without the mark and never with it ("a replacement vessel will run the route" / "the
    vessel ran aground"): two things of one kind."""
    (ma, pa), (mb, pb) = a, b
    return bool((ma & pb) - mb) or bool((mb & pa) - ma)


def repeats_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two claims' repeat marks (`repeat_marks`) that cannot tell one occurrence: one is
    marked a repeat ("another", "again", an ordinal from the second on) and the other is not
    ("another robbery of the shop" / "robbed the shop"), or both give ordinals and none is
    shared ("a second surgery" / "a third surgery", "the first" / "the second"). Two marks
    of a repeat, one numbered and one not ("another" / "a second"), may tell one."""
    na = {m for m in a if m.startswith("n:")}
    nb = {m for m in b if m.startswith("n:")}
    if na and nb and not na & nb:
        return True
    return _repeat(a) != _repeat(b)


def _repeat(marks: frozenset[str]) -> bool:
    return any(m == "again" or (m.startswith("n:") and m != "n:1") for m in marks)


def _an_amount(t: Token) -> bool:
    """The token is a number, or a noun counted by one ("200,000 pesos", "$2 million")."""
    return t.like_num or t.pos_ == "NUM" or any(
        ch.dep_ in ("nummod", "quantmod") or ch.like_num for ch in t.children)


def sum_marks(doc: Doc | Iterable[Token]) -> frozenset[str]:
    """What a claim tells about its amounts beyond their values (`AlignParams.sums_apart`):
    "add" when an amount is marked as one more sum on top of another (an
    `lexicon.values.ADDITION_WORDS` adjective on the number or its noun: "a further 200,000
    pesos"; an `ADDITION_PREPS` phrase: "in addition to the state grant"), "prior" when a noun of
    the claim is marked as an earlier occurrence of its kind (`PRIOR_WORDS`: "in an earlier
    compensation round"; not a time noun, not a name)."""
    marks: set[str] = set()
    for t in doc:
        low = t.lower_
        if low in ADDITION_WORDS and t.dep_ in ("amod", "advmod", "quantmod") \
                and _an_amount(t.head):
            marks.add("add")
        elif t.dep_ == "prep" and any((low, ch.lower_) in ADDITION_PREPS
                                      for ch in t.children if ch.dep_ == "pobj"):
            marks.add("add")
        elif low in PRIOR_WORDS and t.dep_ == "amod" and t.head.pos_ == "NOUN" \
                and not t.head.ent_type_ and t.head.lemma_.lower() not in _TIME_NOUNS:
            marks.add("prior")
    return frozenset(marks)


# links from a verb to who does its act and to what it is done to
_AGENT_DEPS = ("nsubj",)
_PATIENT_DEPS = ("dobj", "nsubjpass")


def _definite(t: Token) -> bool:
    """A participant that is one known thing: a name (no indefinite determiner), or a noun
    with a definite determiner or a possessive ("the ferry", "this bridge", "the town's
    mayor"), never counted ("three workers", "a man", "another suspect", a bare plural)."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [ch for ch in t.children if ch.dep_ in ("det", "poss")]
    if any(ch.dep_ == "nummod" for ch in t.children) \
            or any(ch.lower_ in INDEFINITE_DETERMINERS for ch in dets):
        return False
    if t.pos_ == "PROPN":
        return True
    return any(ch.dep_ == "poss" or ch.lower_ in DEFINITE_DETERMINERS for ch in dets)


def _heads(t: Token) -> frozenset[str]:
    """A participant's words: its lemma and form, and a name's compound parts."""
    words = {t.lemma_.lower(), t.lower_}
    if t.pos_ == "PROPN":
        words |= {w for ch in t.children if ch.dep_ in ("compound", "flat")
                  and ch.pos_ == "PROPN" for w in (ch.lemma_.lower(), ch.lower_)}
    return frozenset(words)


OPEN_SLOT = "?"  # a slot `dated_act` found filled by no definite participant


def dated_act(doc: Doc, times: list[TimeExpr], base: int = 0,
              skip_verbs: frozenset[str] = frozenset()
              ) -> tuple[frozenset[str], frozenset[str], frozenset[str], list[int]]:
    """The act a claim states and the times that date it: (the act's verb lemmas, the definite
    heads of who does it, the definite heads of what it is done to, the indices into `times`
    of the times bound to it). The act is the parse's root verb, or, for a root in
    `skip_verbs` (a verb of speech: "police said the ferry docked on Monday"), its clause
    complement; verbs coordinated with it tell the same act. A time is bound to the act when the
    word it dates (`_dated_word`, climbed over `_OWN_EVENT` links) is one of its verbs: "docked
    on Monday", not "after eating the Tuesday meal". Participants as `_definite` reads them; a
    slot held by anything else (a man, three workers, a pronoun) holds `OPEN_SLOT`.
    Empty verbs when the claim has no verb at its root. `doc` holds the characters from `base`
    on."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return frozenset(), frozenset(), frozenset(), []
    root = roots[0]
    if root.lemma_.lower() in skip_verbs:
        root = next((ch for ch in root.children if ch.dep_ == "ccomp"), root)
    if root.pos_ != "VERB" or root.lemma_.lower() in skip_verbs:
        return frozenset(), frozenset(), frozenset(), []
    verbs = [root, *(ch for ch in root.children if ch.dep_ == "conj" and ch.pos_ == "VERB")]
    agents: set[str] = set()
    patients: set[str] = set()
    for v in verbs:
        for ch in v.children:
            if ch.dep_ == "agent":
                ch = next((g for g in ch.children if g.dep_ == "pobj"), ch)
                slot = agents
            elif ch.dep_ in _AGENT_DEPS:
                slot = agents
            elif ch.dep_ in _PATIENT_DEPS:
                slot = patients
            else:
                continue
            # a participant that is not one known thing (or a pronoun) leaves its slot open
            slot |= _heads(ch) if _definite(ch) else {OPEN_SLOT}
    ids = {v.i for v in verbs}
    bound = []
    for n, t in enumerate(times):
        h = _dated_word(doc, t.start - base, t.end - base)
        while h is not None and h.i not in ids and h.dep_ in _OWN_EVENT and h.head.i != h.i:
            h = h.head
        if h is not None and h.i in ids:
            bound.append(n)
    return (frozenset(v.lemma_.lower() for v in verbs), frozenset(agents), frozenset(patients),
            bound)
