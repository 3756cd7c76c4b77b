"""Negation conflicts: one source affirms what another denies, as a whole claim or one verb of it.
A negation bounded in time or by a condition ("not before Sunday", "cannot open unless the
inspector signs") sets a limit or a requirement and denies nothing; a verb denied of one thing and
affirmed of another ("not to the workers" / "for the remarks") is two acts; so is a denial and an
affirmation told of different times ("has never coached" / "will coach")."""

from __future__ import annotations

import re

from ...lexicon.negation import (
    NEGATION_WORDS,
    NEGATIVE_COMPARISON_WORDS,
    NEGATIVE_DETERMINERS,
    NEGATIVE_PRONOUN_HEADS,
    NEGATIVE_PRONOUNS,
)
from ...model import Claim, Conflict
from ...text import doc_text, stem
from .context import Judge, once_per_claim, value_at, whole

# a passive or perfect verb phrase: auxiliary, optional negation, participle
_VERB_PHRASE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had)\b"
    r"(?P<neg>\s+(?:not|never)\b)?(?:\s+(?:been|be|being|yet|ever|also|already))*"
    r"\s+(?P<verb>[a-z]{3,}(?:ed|en))\b", re.I)
_NEGATED_AUX = re.compile(r"\b(?:hasn|haven|hadn|isn|aren|wasn|weren)['\u2019]t\s+"
                          r"(?:been\s+)?(?P<verb>[a-z]{3,}(?:ed|en))\b", re.I)


_TIME_BOUND = re.compile(
    r"\b(?:not|never|n[’']t)\b[^.;]{0,60}?\b(?:until|till|before|unless)\b|\bat the earliest\b",
    re.I)
# a negation of the clause's own verb in its words: after an auxiliary ("had not been", "was
# never"), a contracted auxiliary, or a negative subject or object ("nobody died", "no
# indication that ...")
_OWN_NEGATION = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|shall|should|can|could"
    r"|may|might|must)\s+(?:not|never)\b|\b(?:is|are|was|were|has|have|had|do|does|did|would"
    r"|could|should|wo|ca)n['\u2019]t\b|['\u2019](?:s|re|m)\s+(?:not|never)\b"
    r"|\b(?:nobody|nothing|no one)\b"
    r"|\bno (?:indication|sign|evidence|suggestion)\b", re.I)
_NEG_WORD = re.compile(r"\b(?:" + "|".join(sorted(NEGATION_WORDS - {"n't"})) + r")\b|n[’']t\b",
                       re.I)


# words between a negation and the word it denies ("would not have been", "not yet", "to not")
_SKIP = frozenset("be been being is are was were am has have had do does did will would shall "
                  "should can could may might must to yet ever also even still quite really "
                  "a an the".split())
_WORDS = re.compile(r"[A-Za-z’'-]+")


def _denied(text: str) -> set[str]:
    """Stems of the words a negation in `text` denies: the first word after each cue that is no
    auxiliary or particle ("would not seek" -> seek, "his decision to not seek" -> seek)."""
    words = [w.lower() for w in _WORDS.findall(text)]
    out: set[str] = set()
    for k, w in enumerate(words):
        if w in ("not", "never", "no") or w.endswith(("n't", "n’t")):
            for nxt in words[k + 1 : k + 5]:
                if nxt not in _SKIP:
                    out.add(stem(nxt))
                    break
    return out


_NO_OPENING = re.compile(r"^\W*(?:no|nobody|nothing|none|no one)\b", re.I)


def _negative_argument(ctx: Judge, c: Claim) -> bool:
    """The claim denies its verb through an argument ("No boat has been found", "nobody was
    hurt"): the determiner "no" on its subject or object, read from the parse (from the
    claim's opening words without one). It agrees with "the boat has not been found"."""
    doc = ctx.docs.get(c.span.article)
    span = (doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
            if doc is not None and doc_text(doc)[c.span.start:c.span.end] == c.text else None)
    if span is None:
        return bool(_NO_OPENING.search(c.text))
    return any(t.text.lower() == "no" and t.dep_ == "det"
               and t.head.dep_ in ("nsubj", "nsubjpass", "dobj") for t in span)


# the arguments of a verb through which a negative pronoun or determiner denies it
_DENYING_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _denied_by_argument(ctx: Judge, c: Claim) -> str | None:
    """The claim's own verb is denied through one of its arguments
    (`AlignParams.judge_negative_arguments`): its top verb in the article's parse has a
    subject, object or attribute that is a negative pronoun or a noun under a negative
    determiner (`lexicon.negation`: "nobody died in the fire", "no recount was requested", "the
    warehouse had no permit", "no one was hurt"), and no negation of its own. Returns the
    denied noun's lemma ("" for a pronoun), None when the verb is not so denied. A pronoun
    compared by "than" or "but" ("nothing less than the league's survival is at stake") is an
    emphasis, no denial."""
    root = _claim_root(ctx, c)
    if root is None or root.pos_ not in ("VERB", "AUX") \
            or any(ch.dep_ == "neg" for ch in root.children):
        return None
    for ch in root.children:
        if ch.dep_ not in _DENYING_ARGS:
            continue
        if ch.lower_ in NEGATIVE_PRONOUNS and not any(
                t.lower_ in NEGATIVE_COMPARISON_WORDS for t in ch.subtree):
            return ""
        if any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for d in ch.children):
            # "no one": a pronoun; "no recount": the noun denied
            return "" if ch.pos_ in ("NUM", "PRON") or ch.lower_ in NEGATIVE_PRONOUN_HEADS \
                else ch.lemma_.lower()
    return None


def _argument_lemmas(ctx: Judge, c: Claim) -> set[str]:
    """The lemmas of the subject, object and attribute heads of the claim's top verb."""
    root = _claim_root(ctx, c)
    if root is None:
        return set()
    return {ch.lemma_.lower() for ch in root.children if ch.dep_ in _DENYING_ARGS}


def _verb_polarity(c: Claim, flip: bool = False,
                   negated: bool | None = None) -> dict[str, tuple[int, int, bool]]:
    """Participle stem -> (start, end, negated) for the claim's auxiliary verb phrases. A verb
    seen both negated and not within one claim is dropped: its polarity is not one thing."""
    seen: dict[str, tuple[int, int, bool]] = {}
    mixed: set[str] = set()
    hits = [(m, bool(m.group("neg"))) for m in _VERB_PHRASE.finditer(c.text)]
    hits += [(m, True) for m in _NEGATED_AUX.finditer(c.text)]
    # a claim negated from outside its words ("denied that [the ship had been overloaded]")
    # turns every verb of it around: it agrees with "the ship was not overloaded"
    # so does a denial through an argument ("No boat has been found": `flip`)
    negated = c.negated if negated is None else negated
    outside = (negated and not _NEG_WORD.search(c.text)) or flip
    hits = [(m, neg != outside) for m, neg in hits]
    for m, neg in hits:
        key = stem(m.group("verb"))
        span = (c.span.start + m.start(), c.span.start + m.end(), neg)
        if key in seen and seen[key][2] != neg:
            mixed.add(key)
        seen.setdefault(key, span)
    return {k: v for k, v in seen.items() if k not in mixed}


# prepositions whose object says what or whom the act is about ("apologized to the workers",
# "apologized for the remarks"); where and when are the date and place checks' business
_ABOUT_PREPS = frozenset({"to", "for", "with", "about", "of", "over", "from", "against"})


def _objects(ctx: Judge, c: Claim) -> dict[str, set[str]] | None:
    """Verb lemma -> stems of what the verb acts on in the claim's parse (its direct object,
    and the objects of "to", "for", "about" ..., else the act of its infinitive complement),
    None without a kept parse."""
    from ..frames import claim_doc

    doc = ctx.docs.get(c.span.article)
    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return None
    sub = claim_doc(doc, c.span.start, c.span.end)
    if sub is None:
        return None
    out: dict[str, set[str]] = {}
    for t in sub:
        if t.pos_ != "VERB":
            continue
        objs = [ch for ch in t.children if ch.dep_ in ("dobj", "dative")]
        objs += [g for ch in t.children if ch.dep_ == "prep" and ch.lower_ in _ABOUT_PREPS
                 for g in ch.children if g.dep_ == "pobj"]
        words = {_qualified(o) for o in objs if o.pos_ in ("NOUN", "PROPN", "PRON")
                 and o.ent_type_ not in ("DATE", "TIME")}
        if not objs:
            # the act an infinitive complement names stands for the object ("could not be
            # used to protect the bears": to protect)
            words |= {f"to {ch.lemma_.lower()}" for ch in t.children
                      if ch.dep_ == "xcomp" and ch.pos_ == "VERB"}
        if words:
            out.setdefault(t.lemma_.lower(), set()).update(words)
    return out


def _qualified(obj) -> str:  # noqa: ANN001 - a spaCy Token
    """An object's stem, with whose or of what it is when an "of" phrase says it ("the
    backing of the owner": backing:owner)."""
    of = next((g for ch in obj.children if ch.dep_ == "prep" and ch.lower_ == "of"
               for g in ch.children if g.dep_ == "pobj"), None)
    return stem(obj.text) + (f":{stem(of.text)}" if of is not None else "")


def _same_object(x: str, y: str) -> bool:
    """One object: the same noun, and the same "of" phrase when both say one."""
    hx, _, qx = x.partition(":")
    hy, _, qy = y.partition(":")
    return hx == hy and (not qx or not qy or qx == qy)


def _other_objects(ctx: Judge, a: Claim, b: Claim) -> bool:
    """The verbs both claims use act on different things in each ("has not apologized to the
    workers" / "apologized for the remarks"): the denial is of another act, no contradiction."""
    oa, ob = _objects(ctx, a), _objects(ctx, b)
    if not oa or not ob:
        return False
    shared = set(oa) & set(ob)
    return bool(shared) and all(not any(_same_object(x, y) for x in oa[v] for y in ob[v])
                                for v in shared)


def _claim_root(ctx: Judge, c: Claim):  # noqa: ANN202 - a spaCy Token or None
    """The claim's top token in the article's parse (its head lies outside the claim); found
    once per claim and story (the conflict checks ask for it for every pair a claim is in)."""
    return once_per_claim(ctx, "claim_root", c, _find_claim_root)



def _find_claim_root(ctx: Judge, c: Claim):  # noqa: ANN202 - a spaCy Token or None
    doc = ctx.docs.get(c.span.article)
    if doc is None or doc_text(doc)[c.span.start:c.span.end] != c.text:
        return None
    span = doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
    if span is None:
        return None
    tops = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    return tops[0] if len(tops) == 1 else None


# clauses a negation of the clause around them does not reach: a relative clause, a
# participle on a noun, an apposition, an adverbial clause ("X, who was running, did not ...")
_OUT_OF_REACH = frozenset({"relcl", "acl", "appos", "advcl"})


def _negated(ctx: Judge, c: Claim) -> bool:
    """The claim's polarity: a negation outside its own words (the claim marked negated with
    no negation word in it) counts only when the claim is the content of the negated clause
    ("denied that [the ship was overloaded]"), not when it only modifies a word of it."""
    if not c.negated or _NEG_WORD.search(c.text):
        return c.negated
    root = _claim_root(ctx, c)
    if root is None:
        return True
    if root.pos_ in ("NOUN", "PROPN", "PRON") and any(
            ch.dep_ in _OUT_OF_REACH for ch in root.children):
        return False  # "Brel, who was running away": the claim's verb is the relative clause's
    return root.dep_ not in _OUT_OF_REACH


_FUTURE = re.compile(r"\b(?:will|shall|wo\s*n['\u2019]t|going to|is to|are to)\b", re.I)
_NO_LONGER = re.compile(r"\b(?:no longer|not any ?more|not anymore)\b", re.I)


def _tense(ctx: Judge, c: Claim) -> str | None:
    """"future" when the claim's main verb is told in the future ("will coach"), "past" when
    in a past form without "will" ("was affected", "has never been"), "present" when its
    first verb form is a present one ("requires", "does not require"), else None (unknown)."""
    root = _claim_root(ctx, c)
    if root is None:
        return None
    auxes = [ch for ch in root.children if ch.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "wo") for a in auxes) or _FUTURE.search(
            " ".join(a.text for a in auxes)):
        return "future"
    forms = [root, *auxes]
    if any(t.tag_ == "VBD" for t in forms) or any(a.lemma_ == "have" for a in auxes):
        return "past"
    if root.tag_ == "VBN" and not auxes and any(ch.dep_ == "nsubj" for ch in root.children):
        return "past"  # a finite past verb tagged as a participle ("the board required ...")
    if (auxes[0] if auxes else root).tag_ in ("VBZ", "VBP"):
        return "present"  # "requires", "does not require", "is affecting"
    return None


def _complement(ctx: Judge, c: Claim) -> str | None:
    """What a claim whose top verb is "be" says of its subject ("was not safe": safe, "is in
    talks": ""), None when its top verb is another."""
    root = _claim_root(ctx, c)
    if root is None or root.lemma_.lower() != "be":
        return None
    return next((ch.lemma_.lower() for ch in root.children
                 if ch.dep_ in ("attr", "acomp", "oprd")), "")


def _other_complements(ctx: Judge, a: Claim, b: Claim) -> bool:
    """Both claims say what something is, and say different things ("the talks were not easy" /
    "he is in talks"): a denial of one is no denial of the other."""
    ca, cb = _complement(ctx, a), _complement(ctx, b)
    return ca is not None and cb is not None and ca != cb


def _tense_change(ctx: Judge, a: Claim, b: Claim) -> bool:
    """One claim told in the past, the other in the present (`AlignParams.judge_tense_change`)."""
    from .. import align

    return align.DEFAULT_PARAMS.judge_tense_change and \
        {_tense(ctx, a), _tense(ctx, b)} == {"past", "present"}


def _other_times(ctx: Judge, affirmed: Claim, denied: Claim) -> bool:
    """An affirmation and a denial told of different times: one in the future, the other not
    ("has never coached" / "will coach the side"), one in the past and the other in the present
    ("the old rule required it" / "the new rules do not require it": a state that changed;
    `AlignParams.judge_tense_change`), or a denial through "no longer" against a past
    affirmation ("was held up" / "is no longer held up": the denial presupposes it)."""
    ta, td = _tense(ctx, affirmed), _tense(ctx, denied)
    if ta and td and (ta == "future") != (td == "future"):
        return True
    if _tense_change(ctx, affirmed, denied):
        return True  # "the old rule required it" / "the new rules do not require it"
    return bool(_NO_LONGER.search(denied.text)) and ta == "past"


def negation(ctx: Judge, cs: list[Claim]) -> list[Conflict]:
    # "not allowed home before Sunday evening", "not until June": a negation bounded in
    # time sets a limit, it does not deny the event ("most were home by 9 p.m. Sunday"); so
    # does one bounded by a condition ("cannot reopen unless the inspector signs it off").
    # Only the pairs holding such a claim are spared: a flat denial in the same fact still
    # contradicts the affirmation.
    bounded = {id(c) for c in cs if _TIME_BOUND.search(c.text)}
    neg = {id(c): _negated(ctx, c) for c in cs}
    by_argument = {id(c) for c in cs if _negative_argument(ctx, c)}
    from .. import align

    # "nobody died", "no recount was requested": the claim denies its own verb (the denied
    # noun, "" for a pronoun), with `judge_negative_arguments`
    by_noun: dict[int, str] = {}
    if align.DEFAULT_PARAMS.judge_negative_arguments:
        for c in cs:
            if not neg[id(c)] and (noun := _denied_by_argument(ctx, c)) is not None:
                neg[id(c)] = True
                by_noun[id(c)] = noun

    def compared(a: Claim, b: Claim) -> bool:
        return id(a) not in bounded and id(b) not in bounded

    def opposite(a: Claim, b: Claim) -> bool:
        # the claim not marked negated must not negate its own verb in its words: the mark
        # is often missing on reported content ("insisted the train had not been
        # speeding"), which agrees with a denial ("denied that the train had been
        # speeding"). A "not" elsewhere ("arrested, not released") keeps the conflict.
        if neg[id(a)] == neg[id(b)]:
            return False
        affirmed, denied = (b, a) if neg[id(a)] else (a, b)
        if by_noun.get(id(denied)) and by_noun[id(denied)] not in _argument_lemmas(ctx, affirmed):
            # "no decision has been reached" denies a decision, not "reached a deal": the
            # denied noun must be an argument of the affirmed verb ("requested a recount")
            return False
        if id(affirmed) in by_argument or _other_times(ctx, affirmed, denied) \
                or _other_complements(ctx, affirmed, denied):
            return False
        # both deny the same word ("she would not stand again" / "her choice to not
        # stand again"): one polarity, whichever claim the clause finder marked
        if _denied(affirmed.text) & _denied(denied.text):
            return False
        return not _OWN_NEGATION.search(affirmed.text) and not _other_objects(ctx, a, b)

    opposed = [c for c in cs if any(compared(c, d) and opposite(c, d) for d in cs)]
    if opposed:
        return [Conflict("negation", "contradiction",
                         [whole(c, "negated" if neg[id(c)] else "affirmed") for c in opposed],
                         "one source affirms what another denies")]
    # the claim as a whole has one polarity, but one of its verbs is negated where another
    # source states it ("had not been detained" vs "had been detained")
    verbs = [(c, _verb_polarity(c, id(c) in by_argument, neg[id(c)])) for c in cs]
    for i in range(len(verbs)):
        for j in range(i + 1, len(verbs)):
            (ca, pa), (cb, pb) = verbs[i], verbs[j]
            if not compared(ca, cb) or _other_objects(ctx, ca, cb) \
                    or _tense_change(ctx, ca, cb):
                continue
            for v in sorted(set(pa) & set(pb)):
                (sa, ea, na), (sb, eb, nb) = pa[v], pb[v]
                if na != nb:
                    return [Conflict("negation", "contradiction", [
                        value_at(ca, sa, ea, "negated" if na else "affirmed"),
                        value_at(cb, sb, eb, "negated" if nb else "affirmed")],
                        "one source affirms what another denies")]
    return []
