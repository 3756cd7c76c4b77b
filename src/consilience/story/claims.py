"""Claim units: split each body sentence of one analysed article into non-overlapping claims.

Decides where claims start and end (quote contents, clauses, subordinate clauses), who asserts
each one, and which pieces are no statements (greetings, questions, verbless names: not
extracted). Nested clauses with a predicate of their own (relative, adverbial, participial,
appositive: `Clause.kind`, found in the parse by `analysis`) become claims of their own, and so
does a predicate coordinated with another that has its own object (it keeps the shared subject's
entities). Works on `Analysis` data and its kept parse only (no parsing); comparing articles is
`align.py`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..analysis.quotes import is_joint_source
from ..lexicon.events import NOT_PARTICIPLE_FORMS
from ..lexicon.furniture import page_furniture
from ..lexicon.modality import HEDGE_ADVERBS, HEDGE_MODALS
from ..lexicon.speech import (
    ADDRESS_WORDS,
    QUESTION_VERBS,
    REPORTING_FRAME_FORMS,
    TAG_VERB_FORMS,
)
from ..lexicon.values import (
    MONEY_PREFIXES,
    MONEY_SCALES,
    MONEY_WORDS,
    SCALE_WORDS,
    SUM_BINDING_PREPS,
    SUM_OF_THING,
)
from ..model import Analysis, Claim, Clause, Quantity, Quote, Resolution, Span, TimeExpr
from ..text import content_stems, doc_text
from .chatter import reader_chatter
from .values import role_of

# Quote kinds whose content someone other than the outlet asserts. A bare partial quote
# ('assured the council of "full support"') stays part of the outlet's own sentence.
_ATTRIBUTED = ("direct", "reported", "according_to")
_WORD = re.compile(r"\w+", re.UNICODE)
# A clause shorter than this (in words) is glued to its neighbour rather than made a claim.
MIN_CLAIM_WORDS = 5
# A piece that starts with a finite auxiliary has no subject of its own ("..., and is part of
# the levy"); one that is a noun phrase plus "to <verb>" has no finite verb ("[allows]
# the state broadcaster to describe ..."). Either stays with the piece before it.
_NO_SUBJECT = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\b"
)
_INFINITIVE = re.compile(r"(?:[\w'\u2019-]+\s+){1,6}to\s+[a-z]+\b")
UNNAMED_SOURCE = "unnamed source"
# mention types that are third-person event content (someone or somewhere named)
_NAMED = frozenset("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT WORK_OF_ART LAW".split())
# attributed content this short is a stray fragment ("In return, according to ..."), not a claim
MIN_QUOTE_WORDS = 4
# A clause piece holding one of these and followed by a "that ..." piece is an attribution frame
# ("Reports from Velmoran state radio suggest | that ..."): the frame is not a claim of its own.
_REPORTING = re.compile(r"\b(?:" + "|".join(REPORTING_FRAME_FORMS) + r")\b", re.IGNORECASE)
_THAT = re.compile(r"that\b\s*", re.IGNORECASE)
# A modal the clause finder left inside a larger asserted clause (relative clauses are not
# clause heads: "..., where an agreement may be signed"). Lower-case only: "May" is a month.
_HEDGE_MODAL = re.compile(r"\b(?:may|might|could)\s+(?:not\s+)?(?:be|have|\w+)\b")
_RELATIVE = re.compile(
    r",\s+(?:where|which|who|whom|whose|when|(?:a|an|the)\s+(?:\w+\s+){0,2}(?:that|which))\b")
# Subordinate clauses the clause finder leaves inside their main clause, each its own statement
# ("state visit ..., where a partnership agreement may be signed"; "capsized late on Tuesday,
# killing 12 people"): a cut goes at the subordinator. Found from the text, no parse needed.
_SUBORDINATE = re.compile(
    r"(?:,\s+(?:where|which|when|while|although|though|whereas)"
    r"|(?<=[a-z0-9.])\s+(?:when|although|though|whereas|because))\s+(?=\S)"
)
# a coordinated clause with its own subject the parser hung under a participle ("..., killing 12
# people, and rescue crews were searching ..."): the cut goes after the conjunction
_AND_CLAUSE = re.compile(
    r",\s+(?:and|but)\s+(?=(?:[\w'-]+\s+){1,5}(?:was|were|is|are|has|have|had|will|would)\s)"
)
# "after" + a clause with its own subject and past-tense verb ("... after a fire broke out at
# ..."), not "after two days of talks"
_AFTER_CLAUSE = re.compile(
    r"(?<=[a-z0-9.])\s+after\s+(?=(?:a|an|the|part\s+of\s+the)\s+(?:[\w'-]+\s+){0,2}"
    r"(?:[a-z]+ed|broke|tore|gave|went|began|sank|fell|took|came|hit|struck|ran|rose|spread|"
    r"caught|blew|burst|shook|swept)\b)"
)
# a gerund just before a participle cut makes it a list ("including clearing roads, building
# walls"), not a clause
_GERUND_LIST = re.compile(r"(?:including|,)\s+[a-z]+ing\b")
# a participial clause after a comma ("..., killing 12 people"): the event of its own
_PARTICIPLE = re.compile(r",\s+([a-z]+ing)\s+(?=\S)")
_NOT_PARTICIPLE = NOT_PARTICIPLE_FORMS
# a finite verb after a "when" clause means the clause sits inside a subject ("the number of
# people killed when the ferry capsized has risen to 19"): cutting there would orphan the verb
_LATER_FINITE = re.compile(r"\s(?:has|have|had|is|are|was|were|will)\s")
# a participial piece this short still states one fact when it carries a number
MIN_PARTICIPLE_WORDS = 3


# An open issue names what is still undecided, it does not assert it: "the remaining issue was
# how to share data", "talks on whether to extend the quota", "undecided about when to sign".
# Such a claim is hedged, and align.py never joins it to a claim that states the thing as done.
_OPEN_ISSUE = re.compile(
    r"\b(?:(?:remaining|outstanding|open|unresolved|unsettled|main|last|key|sticking|only)\s+"
    r"(?:issues?|questions?|points?|problems?|obstacles?)\s+(?:was|is|were|are|remains?|"
    r"remained|being|concerns?|concerned)\s+(?:how|whether|what|when|who|where|if)\b"
    r"|\bwhether\s+(?:or\s+not\s+)?to\b"
    r"|\b(?:talks|negotiations|discussions|debate|dispute|disagreement)\s+(?:on|over|about)\s+"
    r"(?:how|whether|what|when)\b"
    r"|\b(?:undecided|unclear|disagree|disagreed|divided)\s+(?:on|about|over|as\s+to)?\s*"
    r"(?:how|whether|what|when)\b)",
    re.IGNORECASE,
)


def open_question(text: str) -> bool:
    """True when the text presents its content as an open issue ("the remaining issue was how to
    X", "whether to X"): it does not assert X, so it must not corroborate a claim that does."""
    return bool(_OPEN_ISSUE.search(text))


# A demand or recommendation states what ought to happen, not what did: "cooperation must not
# violate the resolutions" does not corroborate (or contradict) "Russia violates sanctions". A
# plain "must" often states a fact ("passengers must use buses"): only its negation counts.
_DIRECTIVE = re.compile(r"\b(?:should|ought\s+to|must\s+not|mustn['\u2019]t)\b", re.IGNORECASE)


def directive(text: str) -> bool:
    """True when the text demands or recommends rather than reports ("should", "must not")."""
    return bool(_DIRECTIVE.search(text))


# a claim cut before a coordinated clause should not end in the conjunction that joins them
_TAIL = re.compile(r"(?:[,;:\s]+(?:and|but|or|while|whereas)?)\s*$|\s+(?:and|but|or)\s*$")
# words a statement cannot end on: a conjunction, complementiser or relative pronoun, a
# preposition or determiner still waiting for its noun ("... my sister Maren and", "... the
# small changes that"); trimmed (repeatedly) from a claim's end
_DANGLING = re.compile(
    r"(?:[,;:\s\u2013\u2014-]+|\s+(?:and|but|or|nor|that|which|who|whom|whose|not\s+only|but\s+also|"
    r"as\s+well\s+as|of|the|a|an|than)\b[,;:\s]*)$"
)
_LEAD = re.compile(r"(?:and|but|or)\s+(?:that\s+)?")
# An honorific just before a claim's start belongs to the name it precedes ("Mr. Dahl is set
# to ..."): a cut between them would leave "Dahl is set to ..." and a stray "Mr." behind.
_HONORIFIC = re.compile(
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Rev|Fr|Sr|Sen|Rep|Gov|"
    r"Pres|Hon|Insp|Supt|St)\.?\s+$"
)
# Not a statement: a greeting or salutation ("Good morning, Brenmouth."), or a piece with no
# verb at all -- a name left over from an attribution ("Gerry Scherlinck."), a kicker ("ON
# DEADLINE"). Such a piece is not extracted as a claim, so it can never corroborate or
# contradict anything. Without a parser here the verbless test is deliberately narrow: at most
# three content words, all capitalised (names, labels) and none a verb form (-s, -ed, -ing);
# any lower-case content word ("Ilsa Quent, 45, a teacher") keeps the claim.
_GREETING = re.compile(
    r"(?:good\s+(?:morning|afternoon|evening|night|day)|hello|hi|hey|greetings|welcome(?:\s+back)?"
    r"|thank\s+you(?:\s+(?:all|everyone|so\s+much|very\s+much))?|thanks|dear|congratulations|"
    r"cheers|goodbye|farewell|good\s*bye)\b",
    re.IGNORECASE,
)
_VOCATIVE = ADDRESS_WORDS
_FUNCTION = frozenset(
    "a an the of in on at to for from by with and or but nor as per via de la le van von der "
    "du da di del st".split()
)


def statement(text: str) -> bool:
    """False for a greeting ("Good morning, Brenmouth."), a question, or a verbless name or
    label ("Gerry Scherlinck.", "ON DEADLINE"). True whenever a verb may be there: any
    lower-case content word counts as one, and so does any piece of more than three words."""
    words = list(re.finditer(r"[\w'\u2019.&@#-]+", text))
    if not words:
        return False
    if text.rstrip(" \"'\u201d\u2019)").endswith("?"):
        return False  # a question ("So what now?") asks, it does not state
    greet = _GREETING.match(text.lstrip(" \"'\u201c\u2018(-"))
    if greet:
        rest = text.lstrip(" \"'\u201c\u2018(-")[greet.end() :]
        if all(w.lower() in _VOCATIVE or w[:1].isupper() for w in _WORD.findall(rest)) \
                and _nwords(rest) <= 4:
            return False
    content = []
    for m in words:
        w = m.group().strip(".'\u2019-")
        if w and w.lower() not in _FUNCTION and not w.replace(",", "").isdigit():
            content.append(w)
    if len(content) > 3:
        # a longer piece is a headline or a sentence whose verb may be capitalised ("Lindsay
        # Lohan Checks Into Rehab", "GARY ROSS REMAINS IN TALKS"): kept
        return True
    for w in content:
        if not w[:1].isupper() or re.search(r"(?:[^sS]s|[^S]S|ed|ED|ing|ING)$", w):
            return True  # a lower-case content word or a verb form: possibly a statement
    return False  # names and labels only


def _question_cue(cue: str | None) -> bool:
    """The cue word reports a question ("asked", "wondering"), by its stem."""
    w = (cue or "").lower()
    return any(w.startswith(v[:-1] if v.endswith("e") else v) for v in QUESTION_VERBS)


def _nwords(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _story_entity(resolution: Resolution, article_id: str, index: int,
                  local: str | None) -> str | None:
    ent = resolution.by_mention.get((article_id, index))
    if ent is None and local is not None:
        ent = resolution.by_local.get((article_id, local))
    return ent


def _quote_pieces(
    quotes: list[Quote], s_start: int, s_end: int
) -> list[tuple[int, int, int]]:
    """Non-overlapping (start, end, quote index) pieces of attributed quote content inside the
    sentence; longest first wins, because nested quotes are parts of a longer attribution."""
    cands = []
    for qi, q in enumerate(quotes):
        if q.kind not in _ATTRIBUTED:
            continue
        a, b = max(q.start, s_start), min(q.end, s_end)
        if b - a > 0:
            cands.append((a, b, qi))
    cands.sort(key=lambda c: -(c[1] - c[0]))
    chosen: list[tuple[int, int, int]] = []
    for a, b, qi in cands:
        if all(b <= x or a >= y for x, y, _ in chosen):
            chosen.append((a, b, qi))
    return sorted(chosen)


# A quoted phrase the outlet's own grammar carries ('citing years of alleged "harbour board
# neglect, secrecy ..."'): the word before the opening mark governs it, so it is a partial
# quote inside the outlet's sentence, whatever kind the quote finder gave it.
_EMBEDDED = re.compile(
    r"\b(?:of|alleged|so-called|called|dubbed|termed|as|for|about|against|the|a|an|his|her|its|"
    r"their|our|with)\s*[\"\u201c\u2018']\s*$"
)
_FRAME_END = re.compile(r"\b(?:" + "|".join(TAG_VERB_FORMS) + r")[\s,.:;\"\u201d]*$")
# "X expects to reopen the line, a spokesperson said, once engineers have cleared the slide":
# the quote finder takes the clause after the attribution for the content; the content is what
# comes before it. A condition ("once", "if", "until", ...) is not asserted: it is no claim.
_AFTER_FRAME = re.compile(
    r"\s*,\s*(?:(?P<cond>once|if|unless|until|before|as\s+soon\s+as)|after|when|because|as|since)\s+$"
)


def _fronted_content(
    text: str, q: Quote, s_start: int, a: int
) -> tuple[tuple[int, int], int | None] | None:
    """For reported content that follows a mid-sentence attribution and a subordinator, the
    content before the attribution ((start, end)) and where the subordinate clause starts
    (None for a condition, which states nothing); None when the sentence is not built so."""
    if q.kind != "reported" or q.cue_start is None or q.cue_end is None or q.cue_end > a:
        return None
    sub = _AFTER_FRAME.match(text, q.cue_end, a)
    if not sub or sub.end() != a:
        return None
    frame = min(q.cue_start, q.speaker_start if q.speaker_start is not None else q.cue_start)
    lead = text[s_start:frame].rstrip()
    if not lead.endswith(",") or _nwords(lead) < MIN_CLAIM_WORDS:
        return None
    sub_at = a - len(text[q.cue_end : a].lstrip(" ,"))
    return (s_start, s_start + len(lead) - 1), (None if sub.group("cond") else sub_at)


def _subordinate_cuts(text: str, s_start: int, s_end: int) -> dict[int, int]:
    """Cut positions at subordinate and participial clauses -> the fewest words the piece that
    starts there needs (a "when" clause nested inside a subject is no cut)."""
    out: dict[int, int] = {}
    for m in _SUBORDINATE.finditer(text, s_start, s_end):
        word = text[m.start() : m.end()].strip(" ,").lower()
        if word == "when" and "," not in text[m.start() : m.end()]:
            rest = text[m.end() : s_end]
            stop = rest.find(",")
            if _LATER_FINITE.search(rest[: stop if stop >= 0 else len(rest)]):
                continue
        at = m.end() - len(text[m.start() : m.end()].lstrip(" ,"))
        if not _finite(text[s_start : m.start()]):
            # "On the quay in Port Alder, where ..., relatives waited": no verb before the
            # cut, the main clause comes after the relative one
            continue
        # "the second visit ..., where he last visited ..." elaborates the same event: one claim
        head = content_stems(" ".join(_WORD.findall(text[m.end() : s_end])[:5]))
        if head & content_stems(text[s_start : m.start()]):
            continue
        out[at] = MIN_CLAIM_WORDS
    for m in _AFTER_CLAUSE.finditer(text, s_start, s_end):
        out[m.start() + len(m.group()) - len(m.group().lstrip())] = MIN_CLAIM_WORDS
    for m in _AND_CLAUSE.finditer(text, s_start, s_end):
        out[m.end()] = MIN_CLAIM_WORDS
    for m in _PARTICIPLE.finditer(text, s_start, s_end):
        if _GERUND_LIST.search(text, max(s_start, m.start() - 60), m.start()):
            continue  # a list of gerunds ("clearing roads, building walls"), not a clause
        if m.group(1) not in _NOT_PARTICIPLE and len(m.group(1)) > 5:
            out[m.start(1)] = MIN_PARTICIPLE_WORDS
    return out


def _polarity_cuts(clauses: list[Clause], s_start: int, s_end: int, text: str,
                   semicolon: bool = False) -> set[int]:
    """Where a clause of one polarity ends and the clause holding it goes on with the other
    ("The auditors did not sign the accounts; the report lists three loans": the parser hangs
    the first, negated clause under the second's predicate, so no clause starts after the
    semicolon). The position after the punctuation that closes the inner clause is a cut, so
    each predicate's claim takes its own clause's polarity (`_modality`), not the largest one's.
    `semicolon` (`AlignParams.claim_semicolon`): such an inner clause closed by a semicolon is cut
    off whatever the two polarities ("the road has been shut since Monday; the ferry will run
    again on Friday": the parser hangs the first clause under the second's predicate, and the
    two statements would be one claim, so one fact); there the inner clause may also be one the
    parser read as relative (a "relative" clause closed by a semicolon ends a statement too)."""
    inside = [c for c in clauses if c.kind == "clause" and c.start < s_end and s_start < c.end
              and c.end > c.start]
    held = inside + ([c for c in clauses if c.kind == "relative" and c.start < s_end
                      and s_start < c.end and c.end > c.start
                      and _semicolon_at(text, c.end)]
                     if semicolon else [])
    out: set[int] = set()
    for c in held:
        holders = [o for o in inside if o is not c and o.start <= c.start and c.end <= o.end
                   and (o.start, o.end) != (c.start, c.end)]
        if not holders:
            continue
        parent = min(holders, key=lambda o: o.end - o.start)
        if not (c.end < parent.end and c.end < s_end):
            continue
        if parent.head >= 0 and c.start <= parent.head < c.end:
            continue  # the holder's predicate inside the inner clause: no clause of its own
        m = _PARATAXIS.match(text, c.end)
        if parent.negated == c.negated and not (semicolon and _semicolon_at(text, c.end)):
            continue
        if m and m.end() < min(parent.end, s_end) and s_start < m.end():
            out.add(m.end())
    return out


# the punctuation that closes a clause joined without a conjunction (";", ",", ":", a dash)
_PARATAXIS = re.compile(r"\s*[;,:\u2013\u2014]\s+|\s+-\s+")


def _semicolon_at(text: str, pos: int) -> bool:
    """A semicolon closes the clause that ends at `pos`."""
    m = _PARATAXIS.match(text, pos)
    return bool(m and ";" in m.group())


def _clause_cuts(clauses: list[Clause], s_start: int, s_end: int, text: str,
                 coord: dict[int, bool] | None = None, polarity: bool = False,
                 semicolon: bool = False, values: list[int] | None = None) -> list[int]:
    """Positions where the sentence splits: the starts of its innermost clauses, and of the
    subordinate clauses found in the text. Text between clauses attaches to the clause before
    it, so the pieces cover the sentence exactly. `coord` maps the start of a coordinated
    predicate (from the parse, `_coordinated`) to whether it is a fact of its own: True cuts
    there when both sides are long enough, whatever the text guards say; False never cuts.
    `polarity` (`AlignParams.claim_clause_polarity`) also cuts where a clause of the other
    polarity than the clause holding it ends (`_polarity_cuts`); `semicolon`
    (`AlignParams.claim_semicolon`) also where such a clause ends at a semicolon, whatever its
    polarity. `values` (`AlignParams.claim_semicolon_values`: the starts of the article's
    quantities and times) also cuts after a semicolon whose two sides each state a value of
    their own (`_value_semicolon_cuts`)."""
    coord = coord or {}
    inside = [c for c in clauses if c.kind == "clause" and c.start >= s_start and c.end <= s_end
              and c.end > c.start]
    # a coordinated predicate that runs on past the piece ("X earned $5 and paid $2, according
    # to the filings": quote content ends at the comma) still starts a clause inside it
    inside += [Clause(c.start, s_end, head=c.head) for c in clauses
               if c.kind == "clause" and s_start < c.start < s_end < c.end and c.head < s_end]
    leaves = [
        c
        for c in inside
        if not any(o is not c and o.start >= c.start and o.end <= c.end
                   and (o.start, o.end) != (c.start, c.end) for o in inside)
    ]
    sub = _subordinate_cuts(text, s_start, s_end)
    starts = sorted({c.start for c in leaves if c.start > s_start} | {p for p in sub if p > s_start}
                    | (_polarity_cuts(clauses, s_start, s_end, text, semicolon)
                       if polarity or semicolon else set()))
    cuts = [s_start]
    for k, st in enumerate(starts):
        # keep a cut only if both sides stay long enough to be a claim of their own; a short
        # reporting frame ("Officials told reporters | that ...") is cut off all the same
        frame = _THAT.match(text, st) and _REPORTING.search(text, cuts[-1], st)
        if not frame and _nwords(text[cuts[-1] : st]) < sub.get(cuts[-1], MIN_CLAIM_WORDS):
            continue
        nxt = starts[k + 1] if k + 1 < len(starts) else s_end
        need = sub.get(st, MIN_CLAIM_WORDS)
        if _nwords(text[st:s_end]) < MIN_CLAIM_WORDS and not (
                need < MIN_CLAIM_WORDS and _nwords(text[st:nxt]) >= need):
            continue
        if st in coord:
            # a predicate coordinated with the one before, sharing its subject: its own fact
            # when both verbs have their own objects or complements ("earned $5 in rent and |
            # was paid $2 in fees"), one with it when either is bare ("was arrested and charged")
            if coord[st]:
                cuts.append(st)
            continue
        if _NO_SUBJECT.match(text, st):
            continue
        before = text[cuts[-1] : st].rstrip()
        if _WH_OBJECT.match(text, st) and before and before[-1].isalnum():
            continue  # "ask her on Thursday | why the warnings ...": an indirect question object
        coordinated = re.search(r"\b(?:and|but|or)$", before)
        if _THAT.match(text, st) and not frame and not coordinated or (
                _OBJECT_CUT.search(text, cuts[-1], st) and _NP_START.match(text, st)):
            # "... signals | that the show will ..." (no reporting frame: a clause opening with
            # "that" is a complement here, relative clauses are no cuts), "... and recently
            # took | a grain barge ...": what follows is the object, not a clause of its
            # own; cutting there would leave a verb without its object
            continue
        infinitive = _INFINITIVE.match(text, st)
        if infinitive and before and before[-1].isalpha() and not _finite(text[st : infinitive.end()]):
            continue
        cuts.append(st)
    if values is not None:
        cuts = _value_semicolon_cuts(text, cuts, s_end, values)
    return cuts


# the fewest words each side of a value semicolon needs ("SILO 3 DESTROYED; SILO 4 INTACT")
MIN_VALUE_SIDE_WORDS = 3
_SEMICOLON = re.compile(r";\s+")
_FIGURE = re.compile(r"(?<![\w.,])\d")


def _value_semicolon_cuts(text: str, cuts: list[int], s_end: int, values: list[int]) -> list[int]:
    """`cuts` with a cut after each semicolon whose two sides, inside the piece it would split,
    each hold the start of a value (a quantity or a time) and at least `MIN_VALUE_SIDE_WORDS`
    words: "approved 3.5 million for the clean-up; the rebuilding, estimated at 180 million,
    ..." states two sums, "the first window opened on 15 May; the second opens on 1 December"
    two occasions. One claim would make them one fact whatever follows (docs/quality.md,
    "r21-lookalike"); the parse may hang either clause under the other, so the semicolon is
    read in the text, as `_polarity_cuts` reads the punctuation after a held clause."""
    out = list(cuts)
    for m in _SEMICOLON.finditer(text, out[0], s_end):
        st = m.end()
        if st >= s_end or st in out:
            continue
        k = max(i for i, c in enumerate(out) if c < st)
        a, b = out[k], (out[k + 1] if k + 1 < len(out) else s_end)
        if any(a <= v < m.start() for v in values) and any(st <= v < b for v in values) \
                and _nwords(text[a:m.start()]) >= MIN_VALUE_SIDE_WORDS \
                and _nwords(text[st:b]) >= MIN_VALUE_SIDE_WORDS:
            out.insert(k + 1, st)
    return out


# a piece ending on a verb form with nothing between it and the cut (no comma)
_OBJECT_CUT = re.compile(
    r"\b(?:[a-z]+ed|[a-z]{3,}s|began|broke|went|came|took|gave|made|said|told|sank|fell|rose|ran|"
    r"held|left|met|won|lost|saw|found|brought|kept|spent|struck|tore|hit|sent|led|built|fought|"
    r"caught|shook|swept|stood|knew|became|seize|meet|see|show|mean|suggest|signal)\s+$"
)
# an indirect question after its verb, with no comma between ("ask her why ...")
_WH_OBJECT = re.compile(r"(?:why|how|whether|what|who|whom)\b")
# a cut that starts a noun phrase: a determiner, a possessive or a number
_NP_START = re.compile(r"(?:a|an|the|his|her|its|their|our|my|your|this|these|those|\d[\d,.]*)\s")
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|remains?|faces|says|\w+ed|began|broke|went|"
    r"came|took|gave|made|said|told|sank|fell|rose|ran|held|left|met|won|lost|saw|found|brought|"
    r"kept|spent|struck|tore|hit|sent|led|built|fought|caught|shook|swept|stood|knew|became)\b"
)


def _finite(piece: str) -> bool:
    """A crude test for a finite verb: an auxiliary, a regular or a common irregular past."""
    return bool(_FINITE.search(piece))


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """Whether `pos` lies inside quotation marks opened after `start` (straight marks pair up;
    a curly opening mark counts until its closing mark)."""
    seg = text[start:pos]
    if seg.count("“") > seg.count("”"):
        return True
    return seg.count('"') % 2 == 1


# Where a clause of the outlet's own starts in the text around a quote: a relative clause on the
# speaker (", who visited ..."), "before/after <gerund>", "and <past verb>" sharing the subject,
# or a participial clause (", conveying ...").
_OWN_CUT = re.compile(
    r",\s+(?P<rel>who|which|where|whose)\s"
    r"|(?P<time>before|after)\s+[a-z]+ing\b"
    r"|\band\s+(?P<verb>[a-z]+ed)\b"
    r"|,\s+(?P<part>[a-z]{6,}ing)\s"
)


def _own_clauses(
    text: str, start: int, end: int, marks: list[int]
) -> list[tuple[int, int, bool]]:
    """Clauses of the outlet's own in the text of a quoted sentence outside its quote pieces:
    (start, end, is_reported_content). A piece holding the quote's cue or speaker, or a reporting
    verb, is the attribution frame and is skipped; "<gerund> that ..." ("highlighting that X")
    yields the content X, credited to the sentence's speaker."""
    cuts = []
    for m in _OWN_CUT.finditer(text, start, end):
        if m.group("part") and m.group("part") in _NOT_PARTICIPLE:
            continue
        cuts.append(m.start(next(g for g in ("rel", "time", "verb", "part") if m.group(g))))
    out: list[tuple[int, int, bool]] = []
    for x, y in zip(cuts, [*cuts[1:], end], strict=False):
        piece = text[x:y]
        that = re.match(r"[a-z]+ing\s+that\s+", piece)
        if that:
            content_at = x + that.end()
            if _nwords(text[content_at:y]) >= MIN_QUOTE_WORDS:
                out.append((content_at, y, True))
            continue
        if any(x <= p < y for p in marks) or _REPORTING.search(piece) \
                or re.search(r"\baccording\s+to\b", piece, re.IGNORECASE):
            continue
        if _nwords(piece) >= MIN_QUOTE_WORDS:
            out.append((x, y, False))
    return out


# Nested clauses (from the parse, `Clause.kind`) cut out of their sentence as claims of their own
_EMBEDDED_KINDS = ("relative", "adverbial", "participle", "apposition")
# fewest words a nested clause needs to be a claim ("who spoke" is not; "who used public funds
# to settle the case" is), and the fewest the predicate left behind needs
MIN_EMBEDDED_WORDS = 5
MIN_PREDICATE_WORDS = 5
# subordinate clauses that bound the main clause rather than state a fact of their own
_CONDITION = re.compile(r"(?:if|unless|once|until|till|whenever|before|provided|as\s+soon\s+as|"
                        r"as\s+long\s+as|in\s+case)\b", re.IGNORECASE)


def _frame_as_content(clauses: list[Clause], a: int, b: int, cue: int | None) -> bool:
    """Whether quote "content" [a, b) is the frame's own clause: a clause headed inside it
    also holds the speech verb ("[It was known for years] that X had been accused by Y")."""
    return cue is not None and any(
        c.kind == "clause" and c.head >= 0 and a <= c.head < b and c.start <= cue < c.end
        and not a <= cue < b for c in clauses)


def _frame_start(clauses: list[Clause], g0: int, g1: int, cues: list[int]) -> int:
    """Where the attribution frame starts in the text [g0, g1) outside quote content: at the
    smallest clause holding a speech verb of the sentence's quotes (clipped to g0); g0 when
    no speech verb lies there."""
    at = [p for p in cues if g0 <= p < g1]
    if not at:
        return g0
    holding = [c for c in clauses if c.kind != "apposition" and c.head >= 0
               and c.start <= at[0] < c.end]
    if not holding:
        return g0
    inner = min(holding, key=lambda c: c.end - c.start)
    return max(g0, min(inner.start, at[0]))


def _governing(clauses: list[Clause], a: int, b: int) -> Clause | None:
    """The smallest main/coordinated clause whose head lies in [a, b)."""
    best = None
    for c in clauses:
        if c.kind == "clause" and a <= c.head < b and c.start < b and a < c.end:
            if best is None or c.end - c.start < best.end - best.start:
                best = c
    return best


def _split_embedded(
    clauses: list[Clause], a: int, b: int, text: str
) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Cut [a, b) at its nested clauses that state a fact of their own: (start, end, subject)
    pieces that cover [a, b) in order. A nested clause inside the subject ("Berg, the mayor who
    approved the levy, resigned") gives the subject with its clause, then the predicate, which
    carries the subject's span for its entities; one after the predicate ("... the page where
    he announced it") gives the main clause, then the nested one. Each piece must still be a
    statement; a short nested clause ("who spoke") stays where it is."""
    if _governing(clauses, a, b) is None:
        return [(a, b, None)]
    cands = sorted((c for c in clauses if c.kind in _EMBEDDED_KINDS and a <= c.start
                    and c.end <= b and c.end - c.start < b - a), key=lambda c: (c.start, -c.end))
    out: list[tuple[int, int, tuple[int, int] | None]] = []
    cur = a
    subject: tuple[int, int] | None = None
    for c in cands:
        if c.start < cur:
            continue  # nested in a clause already cut out
        # the clause it is nested in, headed inside [a, b)
        gov = min((g for g in clauses if g.kind == "clause" and a <= g.head < b
                   and g.start <= c.start and c.end <= g.end),
                  key=lambda g: g.end - g.start, default=None)
        if gov is None:
            continue
        words = _nwords(text[c.start : c.end])
        if words < MIN_EMBEDDED_WORDS and not (c.kind == "apposition" and words >= 4):
            continue
        if c.end <= gov.head:
            # before the predicate: inside the subject, or a fronted subordinate clause
            if c.kind in ("participle", "apposition") or _nwords(text[c.end : b]) < MIN_PREDICATE_WORDS:
                continue
            if c.kind != "adverbial" and (_governing(clauses, cur, c.start) is not None
                                          or not _WORD.search(text, cur, c.start)):
                continue  # the subject holds no predicate of its own and is not empty
            first, rest = (cur, c.end), (c.end, b)
            if not (statement(text[first[0] : first[1]]) and statement(text[rest[0] : rest[1]])):
                continue
            out.append((*first, subject))
            subject = None if c.kind == "adverbial" else (
                cur, c.end if c.kind == "apposition" else c.start)
            cur = c.end
        elif c.start > gov.head and c.kind != "apposition":
            # after the predicate: the rest of the sentence after it must be short; a participle
            # without a comma before it completes the verb ("was seen leaving the hall")
            if _nwords(text[c.end : b]) >= MIN_PREDICATE_WORDS:
                continue
            # without a comma a nested clause after the predicate completes it: a participle
            # ("was seen leaving the hall"), a restrictive relative ("the reasons he has
            # given", "a question that was about fish"); a condition or a time bound does
            # even after one ("should not sail when the wind is high", "once both signed")
            comma = bool(re.search(r"[,;\u2013\u2014]\s*$", text[cur : c.start]))
            if c.kind == "participle" and not comma:
                continue
            if c.kind == "relative" and not comma:
                continue
            # "its third crossing ..., where it last crossed ..." elaborates the same event, as
            # in `_subordinate_cuts`: one claim
            if c.kind == "relative" and content_stems(" ".join(_WORD.findall(
                    text[c.start : c.end])[:5])) & content_stems(text[cur : c.start]):
                continue
            if c.kind == "adverbial" and (not comma or _CONDITION.match(text, c.start)):
                continue
            if _nwords(text[cur : c.start]) < MIN_CLAIM_WORDS or not statement(
                    text[cur : c.start]) or not statement(text[c.start : b]):
                continue
            out.append((cur, c.start, subject))
            out.append((c.start, b, None))
            cur = b
            subject = None
    if cur < b:
        out.append((cur, b, subject))
    return out


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
# dependents that make a verb's predicate a statement of its own: an object or a complement
_COMPLEMENT_DEPS = frozenset(
    "dobj attr acomp oprd dative xcomp ccomp prep agent npadvmod".split())


def _coordinated(tokens: dict[int, Any], clauses: list[Clause], text: str) -> dict[int, bool]:
    """Start of each clause headed by a verb coordinated with an earlier one and sharing its
    subject (no subject of its own) -> whether it is a fact of its own: both verbs carry an
    object or complement and the clause has MIN_CLAIM_WORDS words ("earned $5 in rent and |
    paid $2 in fees": True; "was arrested and | charged", "rose and | fell": False). Empty
    without a parse."""
    out: dict[int, bool] = {}
    for c in clauses:
        tok = tokens.get(c.head) if c.kind == "clause" else None
        if tok is None or tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or any(
                d.dep_ in _SUBJECT_DEPS for d in tok.children):
            continue
        prev = tok.head
        if prev.pos_ not in ("VERB", "AUX") or prev.i >= tok.i or tok.lemma_ == "be":
            # a copula describes the subject rather than report an event of its own ("..., and
            # is part of the pact"): the text guards decide, as for any piece without a subject
            continue
        first = prev
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if not any(d.dep_ in _SUBJECT_DEPS and d.i < first.i for d in first.children):
            continue
        out[c.start] = _nwords(text[c.start : c.end]) >= MIN_CLAIM_WORDS and any(
            d.dep_ in _COMPLEMENT_DEPS for d in tok.children) and any(
            d.dep_ in _COMPLEMENT_DEPS and prev.i < d.i < tok.i for d in prev.children)
    return out


def _shared_subject(
    tokens: dict[int, Any], clauses: list[Clause], text: str, start: int, end: int
) -> tuple[int, int] | None:
    """The subject span a coordinated predicate shares with the verb it is coordinated with
    ("Berg earned $5 and | paid $2 in levies": the piece from "paid" is about Berg), when the
    piece [start, end) opens with that predicate's clause; None otherwise (or with no parse)."""
    if not tokens:
        return None
    heads = [c for c in clauses if c.kind == "clause" and start <= c.start < end
             and start <= c.head < end and not _WORD.search(text, start, c.start)]
    if not heads:
        return None
    tok = tokens.get(min(heads, key=lambda c: c.start).head)
    if tok is None or tok.dep_ != "conj" or any(c.dep_ in _SUBJECT_DEPS for c in tok.children):
        return None
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    subj = [c for c in first.children if c.dep_ in _SUBJECT_DEPS and c.i < first.i]
    if not subj or first.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = subj[0].left_edge, subj[0].right_edge
    span = (lo.idx, hi.idx + len(hi.text))
    return span if span[1] <= start else None


# dependents of a verb that its coordinated objects or complements hang on ("paid $5 in fees
# and $2 in levies", "won 14 seats and 61% of the vote", "rose by 5% in May and by 7% in June")
_CONJUNCT_HOLDERS = frozenset("dobj attr oprd dative npadvmod prep pobj".split())
# the conjunctions that add a second fact ("or" offers another wording or a choice, "plus"
# adds a part to one total)
_ADDING = frozenset(("and", "but", "&"))


def _value_conjuncts(doc: Any, quantities: list[Quantity], start: int, end: int
                     ) -> list[int]:
    """Where [start, end) splits into one piece per coordinated object or complement of one
    verb when each conjunct carries a value of its own role ("The Varkes paid | $5 in fees and
    | $2 in levies", "won | 14 seats and | 61% of the vote"): the start character of each
    conjunct, read from the parse (a gapped conjunct hangs on the verb itself, an object's on
    the object). Empty when the verb governs one value, or values of one role ("between 2,000
    and 3,000 people", "$5 million and $6 million"), or without a parse."""
    qs = [q for q in quantities if start <= q.start and q.end <= end]
    if doc is None or len(qs) < 2:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    for v in span:
        if sum((t.text == "(") - (t.text == ")") for t in doc[span.start : v.i]) > 0:
            continue  # an aside's verb ("... in the league (only two clubs have scored ...")
        # a main clause's verb with a subject of its own before it: not a relative or
        # adverbial clause's ("Berg, who played 11 seasons and coached for seven"), nor a
        # preposition-like participle ("Excluding his 15 points and 10 rebounds, ...")
        if v.pos_ not in ("VERB", "AUX") or v.dep_ not in ("ROOT", "ccomp", "conj") or not any(
                d.dep_ in _SUBJECT_DEPS and d.i < v.i and d.tag_ not in ("WP", "WDT")
                for d in v.children):
            continue
        # the verb's own conjuncts that are no predicates (a gapped "... and $2 in levies"),
        # and the conjuncts of its objects and complements, one level down through a
        # preposition
        groups: list[tuple[Any, list[Any]]] = []
        own = [c for c in v.children if c.dep_ == "conj" and c.i > v.i and not any(
            d.dep_ in _SUBJECT_DEPS for d in c.children)]
        if own and all(c.pos_ in ("VERB", "AUX") for c in own):
            # a predicate too short to be cut as a clause ("killed three people and | injured
            # 12 on Tuesday"): the words before the first verb are what it shares; a copula
            # describes its subject ("the rate was 30 percent and, with levies, was 41
            # percent"), left whole as `_coordinated` leaves it
            if all(x.lemma_ != "be" for x in (v, *own)):
                groups.append((v, own))
        elif own:
            first = [d for d in v.children if d.dep_ in _CONJUNCT_HOLDERS and v.i < d.i < own[0].i]
            if first:
                groups.append((first[0], [c for c in own if c.pos_ not in ("VERB", "AUX")]))
        holders = [d for d in v.children if d.dep_ in _CONJUNCT_HOLDERS and d.i > v.i]
        holders += [g for d in holders if d.dep_ == "prep" for g in d.children
                    if g.dep_ == "pobj"]
        for h in holders:
            conj = [c for c in h.children if c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX")]
            if conj:
                groups.append((h, conj))
        for head, conj in groups:
            # a list the parser began with siblings ("paid $5 in fees, $3 in charges and $2 in
            # levies": two objects, the last with the conjunct): its earlier items lead it
            prior = [d for d in v.children if d.dep_ == head.dep_ and v.i < d.i < head.i] \
                if head.head.i == v.i != head.i else []
            bounds = [d.left_edge.idx for d in prior] + [
                head.idx if head.i == v.i else head.left_edge.idx] + [
                c.left_edge.idx for c in conj]
            if head.i != v.i and head.left_edge.i < v.i or bounds != sorted(set(bounds)) \
                    or not (start <= bounds[0] and bounds[-1] < end):
                continue
            links = [t.lower_ for t in doc[(prior or [head])[0].i : conj[-1].left_edge.i]
                     if t.dep_ == "cc"]
            if not links or any(w not in _ADDING for w in links):
                # "$15 million, or 10.8 percent of their earnings": one sum told twice; "seven
                # terms plus 485 years": parts of one total
                continue
            last = conj[-1].right_edge
            stops = bounds[1:] + [last.idx + len(last.text)]
            parts = [[q for q in qs if a <= q.start and q.end <= b]
                     for a, b in zip(bounds, stops, strict=True)]
            if not all(parts):
                continue
            if _one_role(doc, parts, bounds, stops):
                continue
            return bounds
    return []


# r24-values: a written money sum ("Rs 5 lakh", "FJ$18,000", "5,000 rupees"; words in
# `lexicon.values`), and the words between a sum and the preposition binding it ("Rs 5 lakh ex
# gratia for ...": at most three)
_SCALE_ALT = "|".join(re.escape(w) for w in (*SCALE_WORDS, *MONEY_SCALES))
_MONEY = re.compile(
    r"(?<![\w$])(?:(?:" + "|".join(re.escape(w) for w in sorted(MONEY_PREFIXES, key=len, reverse=True))
    + r")\s?\d[\d,.]*(?:\s+(?:" + _SCALE_ALT + r")\b)?"
    r"|\d[\d,.]*(?:\s+(?:" + _SCALE_ALT + r"))?\s+(?:" + "|".join(MONEY_WORDS) + r")\b)",
    re.IGNORECASE)
_BIND = r"(?:\s+[\w-]+){0,3}?\s+(?:" + "|".join(SUM_BINDING_PREPS) + r")\s+"
# between two sums: the first one's bound phrase, then a comma or "and" ("... for families of
# the dead, Rs 1 lakh ...", "... to the next of kin of each deceased and Rs 50,000 ...")
_BOUND_BETWEEN = re.compile(_BIND + r"(?P<bound>[^,;:()]+?)(?:\s*,\s*(?:and\s+)?|\s+and\s+)$",
                            re.IGNORECASE)
# after the second sum: its own bound phrase
_BOUND_AFTER = re.compile(_BIND + r"(?P<bound>[\w-]+(?:\s+[\w-]+){0,6})", re.IGNORECASE)
# two sums each bound to the thing named before it, joined by "and" ("ornaments valued at Rs 4.2
# crore and cash of Rs 18 lakh"): the first thing before the first sum, the second between them
_OF = r"\s+(?:" + "|".join(w.replace(" ", r"\s+") for w in SUM_OF_THING) + r")\s+"
_THING_BEFORE = re.compile(r"(?P<thing>[a-z][\w-]*)" + _OF + r"$", re.IGNORECASE)
_THING_BETWEEN = re.compile(r"\s+and\s+(?P<thing>(?:[\w-]+\s+){0,2}[a-z][\w-]*)" + _OF + r"$",
                            re.IGNORECASE)
# between two sums: a relative clause opening on the second one's verb ("raised FJ$18,000
# towards a new roof ..., which will cost FJ$95,000")
_RELATIVE_SUM = re.compile(r"[^.;:()]*?,\s+(?P<rel>which|that)\s+(?:[\w']+\s+){1,3}$",
                           re.IGNORECASE)


# r24-values: a "since" clause telling another event with its own year ("the first since the
# chariot was rebuilt in 2031"): the cut goes after "since"
_SINCE_YEAR = re.compile(
    r"(?<=[a-z0-9])\s+since\s+(?=(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w'-]+\s+){0,3}"
    r"(?:was|were|had\s+been|had|is|are)?\s*(?!(?:in|on|an|been)\b)[a-z]{2,}(?:ed|en|t|n)\s+(?:[\w'-]+\s+){0,4}?"
    r"in\s+(?:1[89]|2\d)\d\d\b)")


def _since_year_cut(text: str, start: int, end: int) -> int | None:
    """`AlignParams.claim_since_year`: where [start, end) splits after a "since" that opens a
    clause of another event dated by its own year ("This year's festival is the first since |
    the chariot was rebuilt in 2031"): the rebuilding is a fact of its own, never one with the
    festival. None when no such clause, or either side is shorter than `MIN_VALUE_SIDE_WORDS`."""
    m = _SINCE_YEAR.search(text, start, end)
    if m is None or _nwords(text[start : m.end()]) < MIN_VALUE_SIDE_WORDS \
            or _nwords(text[m.end() : end]) < MIN_VALUE_SIDE_WORDS:
        return None
    return m.end()


@lru_cache(maxsize=4096)
def written_sums(text: str) -> tuple[frozenset[float], bool]:
    """`AlignParams.claim_bound_sums`: the money sums written in `text` (`_MONEY`: "Rs 5 lakh" is
    500000.0, whatever the currency), and whether one of them is bound by a preposition to whom
    or what it is for ("Rs 1 lakh for the seriously injured"). The quantity reader does not
    know every currency ("Rs", "Tk"), so the sums are read here as `_bound_sum_cuts` reads them.
    Bound only when the claim opens on that sum, as the pieces `_bound_sum_cuts` cuts do."""
    out: set[float] = set()
    bound = False
    for m in _MONEY.finditer(text):
        fig = re.search(r"\d[\d,]*(?:\.\d+)?", m.group())
        if fig is None:
            continue
        try:
            value = float(fig.group().replace(",", ""))
        except ValueError:
            continue
        scale = re.search(r"\b(" + _SCALE_ALT + r")\b", m.group()[fig.end():], re.IGNORECASE)
        if scale:
            w = scale.group(1).lower()
            value *= SCALE_WORDS.get(w) or MONEY_SCALES[w]
        out.add(value)
        # a claim cut at a sum (`_bound_sum_cuts`) opens on it: "Rs 1 lakh for the injured"
        bound = bound or (not text[: m.start()].strip() and bool(_BOUND_AFTER.match(text, m.end())))
    return frozenset(out), bound


def bound_sums_apart(a: str, b: str) -> bool:
    """`AlignParams.claim_bound_sums`: two claims that both write money sums, none of one among
    the other's, one of them opening on a sum bound to whom or what it is for (a piece of
    `_bound_sum_cuts`: "Rs 1 lakh for the seriously injured" / "Rs 5 lakh each from the
    state"): two payments, never one fact."""
    (sa, ba), (sb, bb) = written_sums(a), written_sums(b)
    return bool(sa and sb and (ba or bb) and not sa & sb)


def _bound_sum_cuts(text: str, start: int, end: int) -> tuple[list[int], bool]:
    """`AlignParams.claim_bound_sums`: where [start, end) splits into one piece per money sum
    when two sums of the piece are bound to different things, as `_value_conjuncts`' bounds
    (the first sum's start, then each later piece's start), and whether the later pieces share
    the words before the first sum. Two sums each bound by a preposition to whom or what they
    are for ("Rs 5 lakh for families of the dead, Rs 1 lakh for the seriously injured"; "Rs 4
    lakh to the next of kin of each deceased and Rs 50,000 to each injured worker"), the bound
    phrases naming other things: two payments, each a fact (the pieces share the words before,
    "the state announced"). A sum, then a relative clause whose verb governs a second sum
    ("raised FJ$18,000 towards a roof, which will cost FJ$95,000"): what was raised and what
    the roof costs, two facts (the relative clause shares nothing). Two sums each bound to the
    thing named before it ("ornaments valued at Rs 4.2 crore and cash of Rs 18 lakh"): two
    amounts of two things (the pieces share the words before the first thing). The parse hangs such lists
    anywhere ("Rs 1 lakh" under "of the dead"), so the shape is read in the text. Empty and
    False when no such pair."""
    sums = list(_MONEY.finditer(text, start, end))
    for m1, m2 in zip(sums, sums[1:], strict=False):
        between = text[m1.end() : m2.start()]
        b = _BOUND_BETWEEN.match(between)
        a = _BOUND_AFTER.match(text, m2.end(), end) if b else None
        if b and a:
            one, two = content_stems(b.group("bound")), content_stems(a.group("bound"))
            if one and two and not (one <= two or two <= one):
                return [m1.start(), m2.start()], True
        t2 = _THING_BETWEEN.match(between)
        t1 = _THING_BEFORE.search(text, max(start, m1.start() - 40), m1.start()) if t2 else None
        if t1 and t2:
            one, two = content_stems(t1.group("thing")), content_stems(t2.group("thing"))
            if one and two and not (one <= two or two <= one):
                return [t1.start(), m1.end() + t2.start("thing")], True
        r = _RELATIVE_SUM.fullmatch(between)
        if r and _nwords(text[start : m1.start()]) >= 1:
            return [m1.start(), m1.end() + r.start("rel")], False
    return [], False


def _one_role(doc: Any, parts: list[list[Quantity]], bounds: list[int], stops: list[int]
              ) -> bool:
    """Whether coordinated values measure one thing (`values.role_of`: kind, counted noun,
    thing, predicate, event) and their conjuncts name it alike ("$5 million and $6 million",
    "$5 in fees and $6 in fees"): no fact of their own each. Conjuncts that name other things
    ("$5 in federal taxes and $2 in state taxes") are other facts whatever the role says."""
    roles = [role_of(doc, p[0].start, p[0].end) for p in parts]
    if None in roles:
        return True
    keys = {(r.kind, r.counted, r.thing, r.predicate, r.event) for r in roles}  # type: ignore[union-attr]
    if len(keys) == len(roles):
        return False
    text = doc_text(doc)
    words = []
    for p, a, b in zip(parts, bounds, stops, strict=True):
        own = text[a:b]
        for q in p:
            own = own.replace(text[q.start : q.end], " ")
        words.append(frozenset(content_stems(own)))
    return not all(words) or len(set(words)) < len(words)


def _covering_clause(clauses: list[Clause], start: int, end: int) -> Clause | None:
    """The clause that best covers [start, end): largest overlap, then the smaller clause (the
    more specific one); None when no clause overlaps it."""
    best = None
    best_key = None
    for c in clauses:
        ov = min(c.end, end) - max(c.start, start)
        if ov <= 0:
            continue
        key = (ov, -(c.end - c.start))
        if best_key is None or key > best_key:
            best, best_key = c, key
    return best


def _modality(clauses: list[Clause], start: int, end: int) -> tuple[str, bool]:
    """Certainty and polarity of the clause that best covers [start, end): largest overlap,
    then the smaller clause (the more specific one)."""
    best = _covering_clause(clauses, start, end)
    if best is None:
        return "asserted", False
    return best.certainty, best.negated


# the month name "May" written as a date: a day or a year beside it ("19 May", "May 19", "May
# 2031", "19th of May"); the parser may read it as the modal "may" and hedge the clause
_MONTH_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?May\b|\bMay\s+\d{1,4}\b")
_MONTH_WORD = re.compile(r"\bMay\b")


def _hedge_cue(cue: str) -> bool:
    """A cue the clause finder hedges on (a modal, a hedge adverb, a raising or schedule verb
    with its "to", "if"), not one of negation."""
    low = cue.lower()
    return low in HEDGE_MODALS or low in HEDGE_ADVERBS or low == "if" or low.endswith(" to")


def _month_hedge(clauses: list[Clause], text: str, start: int, end: int) -> bool:
    """The clause that gives [start, end) its certainty is hedged by nothing but the month name
    "May" written as a date ("On the night of 19 May the Navy arrested ..."): every hedge cue is
    "May" with a capital, and every "May" of the clause has a day or a year beside it. Such a
    clause states what happened; a modal "May" ("May the best side win") has no figure beside
    it and stays hedged."""
    best = _covering_clause(clauses, start, end)
    if best is None:
        return False
    hedges = [cue for cue in best.cues if _hedge_cue(cue)]
    if not hedges or any(cue != "May" for cue in hedges):
        return False
    words = [m.start() for m in _MONTH_WORD.finditer(text, best.start, best.end)]
    return bool(words) and all(_dated(text, w) for w in words)


def _dated(text: str, at: int) -> bool:
    """The "May" at `at` has a day or a year beside it, looked for in the article text (the
    parse may cut the clause right after the day: "On the evening of 14 | May the ...")."""
    lo = max(0, at - 12)
    return any(m.start() + m.group().index("May") + lo == at
               for m in _MONTH_DATE.finditer(text[lo:at + 9]))


def _chatter(analysis: Analysis, start: int, end: int) -> bool:
    """A sentence of the outlet's own voice (no quotation overlaps it) that talks to readers
    (see `chatter.reader_chatter`)."""
    if any(q.start < end and start < q.end for q in analysis.quotes):
        return False
    content = any(start <= m.start and m.end <= end and m.type in _NAMED
                  for m in analysis.mentions) or any(
        start <= x.start and x.end <= end for x in analysis.quantities)
    return reader_chatter(analysis.article.text[start:end], content)


def extract_claims(analysis: Analysis, resolution: Resolution, *,
                   coordinated_values: bool = False, month_modal: bool = False,
                   clause_polarity: bool = False, semicolon: bool = False,
                   semicolon_values: bool = False, bound_sums: bool = False,
                   since_year: bool = False) -> list[Claim]:
    """The claims of one article, in text order. Every body sentence that states something
    yields at least one claim (a greeting, a question or a verbless name yields none); claims
    of one sentence never overlap; nothing before `article.body_start` is a claim.
    `coordinated_values` (`AlignParams.coordinated_values`) cuts one verb's coordinated objects
    that each carry a value of their own role into one claim each (`_value_conjuncts`).
    `month_modal` (`AlignParams.judge_month_modal`): a clause hedged only by the month name
    "May" written as a date is asserted (`_month_hedge`).
    `clause_polarity` (`AlignParams.claim_clause_polarity`): a clause of one polarity held by a
    clause of the other and closed by a comma, semicolon, colon or dash is a claim of its own,
    with its own polarity (`_polarity_cuts`).
    `semicolon` (`AlignParams.claim_semicolon`): such a held clause closed by a semicolon is a
    claim of its own whatever its polarity.
    `semicolon_values` (`AlignParams.claim_semicolon_values`): a semicolon whose two sides each
    state a value (a quantity or a time) ends a claim (`_value_semicolon_cuts`).
    `bound_sums` (`AlignParams.claim_bound_sums`): two money sums bound to different things
    ("Rs 5 lakh for families of the dead, Rs 1 lakh for the injured"; "raised $18,000 for a
    roof, which will cost $95,000") are one claim each (`_bound_sum_cuts`).
    `since_year` (`AlignParams.claim_since_year`): a "since" clause of another event dated by
    its own year is a claim of its own (`_since_year_cut`)."""
    art = analysis.article
    text = art.text
    # a value: a quantity, a time, or a number written in figures the quantity reader missed
    # ("Rs 5 lakh": a unit it does not know)
    values = sorted({q.start for q in analysis.quantities} | {t.start for t in analysis.times}
                    | {m.start() for m in _FIGURE.finditer(text)}) if semicolon_values else None
    aid = art.id
    body_start = max(0, art.body_start or 0)
    claims: list[Claim] = []

    # the kept parse, by character offset of each token (empty without one)
    tokens: dict[int, Any] = {t.idx: t for t in analysis.doc} if analysis.doc is not None else {}
    coord = _coordinated(tokens, analysis.clauses, text)
    ent_names = {e.id: e.name for e in resolution.entities}
    # what a speaker value may be besides a name: a story entity id
    ent_ids = set(ent_names) | set(resolution.by_local.values()) | set(
        resolution.by_mention.values())

    def joint_name(name: str) -> str:
        """A coordination of speakers with each conjunct in its story entity's fullest name
        ("Osk and Varn" -> "Lena Osk and Pal Varn"), so that two outlets crediting one
        pair of sources credit the same words."""
        out = []
        for part in re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", name):
            full = None
            if part.strip() and not re.fullmatch(r"[\s,&]*(?:and)?\s*", part):
                for mi, m in enumerate(analysis.mentions):
                    if m.text == part.strip():
                        full = ent_names.get(_story_entity(resolution, aid, mi, m.entity) or "")
                        if full:
                            break
            out.append(full or part)
        return "".join(out)

    def frame_speaker(f_start: int, f_end: int) -> str:
        """Who a frame credits: a quote speaker named in the sentence, else the frame's first
        named entity, else the frame's own words."""
        for q in analysis.quotes:
            if q.speaker_name and q.speaker_start is not None and f_start <= q.speaker_start < f_end:
                if is_joint_source(q.speaker_name):
                    return joint_name(q.speaker_name)
                return resolution.by_local.get((aid, q.speaker_entity), None) or q.speaker_name
        for mi, m in enumerate(analysis.mentions):
            if m.start >= f_start and m.end <= f_end and m.type in ("PERSON", "ORG", "GPE"):
                return _story_entity(resolution, aid, mi, m.entity) or m.text
        frame = text[f_start:f_end]
        verbs = list(_REPORTING.finditer(frame))
        # the speaker precedes the last reporting verb ("Reports from X media indicate")
        words = frame[: verbs[-1].start()].strip(" ,") if verbs else ""
        return words or UNNAMED_SOURCE

    def emit(
        start: int, end: int, sent_i: int, quote_i: int | None, frame_by: str | None = None,
        subject: tuple[int, int] | None = None,
    ) -> None:
        """`make` one claim of [start, end), or one per coordinated value-bearing object of its
        verb: the first with the words before it, each later one sharing them (`Claim.shares`)
        and their named entities."""
        bounds = _value_conjuncts(analysis.doc, analysis.quantities, start, end) \
            if coordinated_values else []
        if not bounds and bound_sums:
            bounds, share = _bound_sum_cuts(text, start, end)
            if bounds and not share:
                make(start, bounds[1], sent_i, quote_i, frame_by, subject=subject)
                make(bounds[1], end, sent_i, quote_i, frame_by)
                return
        cut = _since_year_cut(text, start, end) if since_year and not bounds else None
        if cut is not None:
            make(start, cut, sent_i, quote_i, frame_by, subject=subject)
            make(cut, end, sent_i, quote_i, frame_by)
            return
        if not bounds:
            make(start, end, sent_i, quote_i, frame_by, subject=subject)
            return
        make(start, bounds[1], sent_i, quote_i, frame_by, subject=subject)
        shared = _trim(text, start, bounds[0])
        for a, b in zip(bounds[1:], [*bounds[2:], end], strict=True):
            make(a, b, sent_i, quote_i, frame_by, subject=subject or shared, shares=shared)

    def make(
        start: int, end: int, sent_i: int, quote_i: int | None, frame_by: str | None = None,
        subject: tuple[int, int] | None = None, shares: tuple[int, int] | None = None,
    ) -> None:
        start, end = _trim(text, start, end)
        # a piece cut after a nested clause starts on its comma or dash (", resigned on Friday")
        while start < end and (text[start] in ",;:\u2013\u2014-" or text[start].isspace()
                               or text[start] in "\u201d)" and start > bounds_of[0]):
            start += 1  # (a closing mark or bracket left over from the piece before, too)
        # "Mr. Dahl is set to ...": the honorific goes with its name, unless the claim before
        # (or the sentence start) already holds it
        floor = claims[-1].span.end if claims and claims[-1].sentence == sent_i else bounds_of[0]
        hon = _HONORIFIC.search(text, max(floor, start - 12), start)
        if hon:
            start = hon.start()
        # a claim cut after a conjunction does not start with it ("and a decision would be
        # made ..."; "... in May and that all chemicals ..."); "But" opening a sentence stays
        lead = _LEAD.match(text, start, end)
        if lead and lead.end() < end:
            start = lead.end()
        elif _THAT.match(text, start) and re.search(r"\b(?:and|but|or)\s*$",
                                                    text[max(0, start - 6) : start]):
            start = _THAT.match(text, start).end()  # type: ignore[union-attr]
        while True:  # "... my sister Maren and," loses both the comma and the "and"
            tail = _TAIL.search(text, start, end) or _DANGLING.search(text, start, end)
            if not tail or tail.start() <= start or tail.start() >= end:
                break
            end = tail.start()
        if end <= start:
            return
        if not statement(text[start:end]):
            return  # a greeting or a verbless name: not extracted, so it never corroborates
        if subject is None:
            subject = _shared_subject(tokens, analysis.clauses, text, start, end)
        ents: list[str] = []
        for mi, m in enumerate(analysis.mentions):
            # a predicate cut from its subject ("..., resigned on Friday") is about the subject
            if m.start >= start and m.end <= end or subject is not None and (
                    m.start >= subject[0] and m.end <= subject[1] and m.type in _NAMED):
                ent = _story_entity(resolution, aid, mi, m.entity)
                if ent is not None and ent not in ents:
                    ents.append(ent)
        quants: list[Quantity] = [
            q for q in analysis.quantities if q.start >= start and q.end <= end
        ]
        times: list[TimeExpr] = [t for t in analysis.times if t.start >= start and t.end <= end]
        certainty, negated = _modality(analysis.clauses, start, end)
        if month_modal and certainty == "hedged" and _month_hedge(analysis.clauses, text, start, end):
            certainty = "asserted"
        modal = _HEDGE_MODAL.search(text, start, end) if certainty == "asserted" else None
        # a modal inside a relative clause ("..., where an agreement may be signed") hedges that
        # clause, not the main statement: hedging the visit itself would report a false
        # "stated as certain by some, as possible by others" discrepancy
        # nor does one inside quoted words the claim carries ("a figure the union called 'the
        # minimum we could accept'"): the quote hedges itself, not the outlet's statement
        if (modal and not _RELATIVE.search(text, start, modal.start())
                and not _inside_quote(text, start, modal.start())):
            certainty = "hedged"
        if open_question(text[start:end]):
            certainty = "hedged"
        asserted_by = None
        quote_id = None
        if quote_i is not None:
            q = analysis.quotes[quote_i]
            quote_id = f"{aid}:q{quote_i}"
            if q.kind == "reported" and _question_cue(q.cue):
                # what somebody asked ("asked whether he backs the plan") is not what anybody
                # stated: "he backs the plan" there is as open as a hedge, never a certainty
                certainty = "hedged"
            if q.speaker_entity is not None:
                asserted_by = resolution.by_local.get((aid, q.speaker_entity))
            if asserted_by is None and q.speaker_start is not None:
                for mi, m in enumerate(analysis.mentions):
                    if m.start <= q.speaker_start < m.end:
                        asserted_by = _story_entity(resolution, aid, mi, m.entity)
                        break
            if asserted_by is None:
                asserted_by = q.speaker_name or UNNAMED_SOURCE
            if q.speaker_name and is_joint_source(q.speaker_name):
                # "according to Tallo and Vestra": both assert it, not the first conjunct's
                # entity; render shows a plain name as it is
                asserted_by = joint_name(q.speaker_name)
        elif frame_by is not None:
            asserted_by = frame_by
        claims.append(
            Claim(
                id=f"{aid}:c{len(claims)}",
                span=Span(aid, start, end),
                text=text[start:end],
                sentence=sent_i,
                entities=ents,
                quantities=quants,
                times=times,
                certainty=certainty,  # type: ignore[arg-type]
                negated=negated,
                asserted_by=asserted_by if asserted_by in ent_ids else None,
                asserted_by_name=None if asserted_by in ent_ids else asserted_by,
                article_quote=quote_id,
                shares=Span(aid, *shares) if shares else None,
                shares_text=text[shares[0] : shares[1]] if shares else None,
            )
        )

    bounds_of = [body_start]  # the current sentence's start, for `make`
    for si, sent in enumerate(analysis.sentences):
        s_start, s_end = _trim(text, max(sent.start, body_start), sent.end)
        bounds_of[0] = s_start
        if s_end <= s_start or not _WORD.search(text[s_start:s_end]):
            continue
        if _chatter(analysis, s_start, s_end):
            continue  # the outlet talking to its readers ("Email us at ..."): no claim
        # a publication stamp, byline, credit or share prompt is no statement: such a line
        # yields no claim, also when the splitter glued it to the sentence below it
        nl = text.find("\n", s_start, s_end)
        while nl >= 0 and page_furniture(text[s_start:nl]):
            s_start, s_end = _trim(text, nl + 1, s_end)
            bounds_of[0] = s_start
            nl = text.find("\n", s_start, s_end)
        if s_end <= s_start or page_furniture(text[s_start:s_end]):
            continue
        pieces = _quote_pieces(analysis.quotes, s_start, s_end)
        # "In return, according to Tallo, ..." yields a stray "In return" piece: drop it
        # ("the smoke contained chlorine" is short but a statement of its own)
        pieces = [p for p in pieces if _nwords(text[p[0] : p[1]]) >= MIN_QUOTE_WORDS] or [
            p for p in pieces if (p[1] - p[0]) >= 0.5 * (s_end - s_start)
        ]
        # reported content that stops at an opening quotation mark goes on through the quoted
        # words ('told the Post that all chemicals were stored "exactly as the permit requires"')
        for k, (a, b, qi) in enumerate(pieces):
            opened = text[a:b].rstrip()
            if opened.endswith(("\u201c", "\u2018")):
                close = text.find("\u201d" if opened.endswith("\u201c") else "\u2019", b, s_end)
                nxt = pieces[k + 1][0] if k + 1 < len(pieces) else s_end
                if close >= 0 and close < nxt:
                    pieces[k] = (a, close + 1, qi)
        # a quoted phrase the outlet's sentence governs is the outlet's own words; "content"
        # that ends on its reporting verb ("Arne Lund, who farms the land, said") is the frame
        pieces = [p for p in pieces if not _EMBEDDED.search(text, s_start, p[0])
                  and not (analysis.quotes[p[2]].kind == "reported"
                           and _FRAME_END.search(text, p[0], p[1]))]
        # reported "content" that is the frame's own clause ("It was known for years that X
        # had been accused by Y" read as Y saying "It was known for years") is no quote: the
        # sentence is the outlet's statement
        speech_acts = {p[2] for p in pieces if analysis.quotes[p[2]].kind == "reported"
                       and _frame_as_content(analysis.clauses, p[0], p[1],
                                             analysis.quotes[p[2]].cue_start)}
        pieces = [p for p in pieces if p[2] not in speech_acts]
        # (start, end, quote, frame speaker, subject span of a predicate cut from its subject)
        todo: list[tuple[int, int, int | None, str | None, tuple[int, int] | None]] = []
        skip: list[tuple[int, int]] = []  # conditions after a mid-sentence attribution
        for k, (a, b, qi) in enumerate(pieces):
            fronted = _fronted_content(text, analysis.quotes[qi], s_start, a) \
                if k == 0 else None
            if fronted is None:
                continue
            (fa, fb), sub_at = fronted
            tail_end = s_end if k == len(pieces) - 1 else b
            if sub_at is None:
                pieces[k] = (fa, fb, qi)
                skip.append((a, tail_end))
            else:
                pieces[k:k + 1] = [(fa, fb, qi), (sub_at, tail_end, qi)]
            break
        if pieces:
            # the attribution frame ("..., said the spokesperson") is not a claim of its own
            for a, b, qi in pieces:
                qcuts = _clause_cuts(analysis.clauses, a, b, text, coord, clause_polarity,
                                     semicolon, values) + [b]
                todo += [(x2, y2, qi, None, subj) for x, y in zip(qcuts, qcuts[1:], strict=False)
                         for x2, y2, subj in _split_embedded(analysis.clauses, x, y, text)]
            # but a clause of the outlet's own next to it is ("..., said the mayor, who visited
            # the shelter"; "... crossed the line" before retreating under warning shots")
            marks = [p for qi, q in enumerate(analysis.quotes) if qi not in speech_acts
                     for p in (q.cue_start, q.speaker_start) if p is not None and s_start <= p < s_end]
            held = sorted([*(p[:2] for p in pieces), *skip])
            bounds = [s_start, *(x for p in held for x in p), s_end]
            cue_at = [q.cue_start for q in (analysis.quotes[p[2]] for p in pieces)
                      if q.cue_start is not None]
            for g0, g1 in zip(bounds[::2], bounds[1::2], strict=True):
                # the outlet's own clauses before the frame ("Fifteen of them were citizens, but
                # the government denies that ..."): the frame starts where the smallest clause
                # holding the speech verb starts; what comes before it is cut as a sentence is
                fs = _frame_start(analysis.clauses, g0, g1, cue_at)
                if fs == g0 and not any(g0 <= p < g1 for p in marks) and any(
                        g0 <= (analysis.quotes[qi].cue_start or -1) < g1 for qi in speech_acts):
                    fs = g1  # a reported speech act ("she urged people to stay in"): all own
                if fs > g0 and _nwords(text[g0:fs]) >= MIN_CLAIM_WORDS \
                        and _governing(analysis.clauses, g0, fs) is not None:
                    ocuts = _clause_cuts(analysis.clauses, g0, fs, text, coord, clause_polarity,
                                         semicolon, values) + [fs]
                    for x, y in zip(ocuts, ocuts[1:], strict=False):
                        # a predicate cut from its subject keeps the subject's entities, as
                        # without attribution ("X, a former agent ..., was expected to be
                        # charged, people said")
                        todo += [(x2, y2, None, None, subj) for x2, y2, subj in
                                 _split_embedded(analysis.clauses, x, y, text)]
                else:
                    fs = g0
                for x, y, content in _own_clauses(text, fs, g1, marks):
                    todo.append((x, y, None, frame_speaker(s_start, s_end) if content else None,
                                 None))
                # "Residents and traders have been concerned ..., accusing X of Y": the clause
                # before a participial cue is the outlet's own statement, though it names the
                # speaker
                for q in analysis.quotes:
                    if q.cue and q.cue_start is not None and g0 < q.cue_start <= g1 \
                            and q.cue.lower().endswith("ing"):
                        lead = text[g0 : q.cue_start].rstrip()
                        if lead.endswith(",") and _nwords(lead) >= MIN_CLAIM_WORDS \
                                and _finite(lead) and not any(
                                    x < g0 + len(lead) and g0 < y for x, y, *_ in todo):
                            todo.append((g0, g0 + len(lead) - 1, None, None, None))
                # nested clauses of the outlet's own inside the frame: "Berg, 56, a teacher,
                # said ...", "when Berg left the hall, he said ..."
                for c in analysis.clauses:
                    if c.kind in _EMBEDDED_KINDS and fs <= c.start and c.end <= g1 \
                            and not any(c.start <= p < c.end for p in cue_at) \
                            and _nwords(text[c.start : c.end]) >= MIN_EMBEDDED_WORDS - (
                                c.kind in ("apposition", "participle")) \
                            and not any(x < c.end and c.start < y for x, y, *_ in todo):
                        todo.append((c.start, c.end, None, None, None))
            for x, y, qi, by, subj in sorted(todo, key=lambda t: t[0]):  # in text order
                emit(x, y, si, qi, by, subject=subj)
            continue
        cuts = _clause_cuts(analysis.clauses, s_start, s_end, text, coord,
                             clause_polarity, semicolon, values) + [s_end]
        segs = list(zip(cuts, cuts[1:], strict=False))
        frame_by: str | None = None
        for k, (a, b) in enumerate(segs):
            if frame_by is not None:
                that = _THAT.match(text, a)
                emit(that.end() if that else a, b, si, None, frame_by)
                frame_by = None
                continue
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            if nxt and _THAT.match(text, nxt[0]) and _REPORTING.search(text[a:b]):
                frame_by = frame_speaker(a, b)
                continue  # the frame itself is not a claim; its content is, credited to the speaker
            for x, y, subj in _split_embedded(analysis.clauses, a, b, text):
                emit(x, y, si, None, subject=subj)
    return claims
