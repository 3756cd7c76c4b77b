"""Claim units: split each body sentence of one analysed article into non-overlapping claims.

Decides where claims start and end (quote contents, clauses, and the relative, "when"/"after" and
participial clauses found in the text) and who asserts each one. It works on `Analysis` data only
(no parsing here) and does not compare articles: alignment is `align.py`.
"""

from __future__ import annotations

import re
from typing import Any

from .align import content_stems
from .model import Analysis, Claim, Clause, Quantity, Quote, Span, TimeExpr

# Quote kinds whose content someone other than the outlet asserts. A bare partial quote
# ('assured North Korea of "unwavering support"') stays part of the outlet's own sentence.
_ATTRIBUTED = ("direct", "reported", "according_to")
_WORD = re.compile(r"\w+", re.UNICODE)
# A clause shorter than this (in words) is glued to its neighbour rather than made a claim.
MIN_CLAIM_WORDS = 5
# A piece that starts with a finite auxiliary has no subject of its own ("..., and is part of
# Western sanctions"); one that is a noun phrase plus "to <verb>" has no finite verb ("[allows]
# North Korean state media to portray ..."). Either stays with the piece before it.
_NO_SUBJECT = re.compile(
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\b"
)
_INFINITIVE = re.compile(r"(?:[\w'\u2019-]+\s+){1,6}to\s+[a-z]+\b")
UNNAMED_SOURCE = "unnamed source"
# attributed content this short is a stray fragment ("In return, according to ..."), not a claim
MIN_QUOTE_WORDS = 4
# A clause piece holding one of these and followed by a "that ..." piece is an attribution frame
# ("Reports from Russian state media indicate | that ..."): the frame is not a claim of its own.
_REPORTING = re.compile(
    r"\b(?:sa(?:id|ys?)|told|tells?|stated?|states|indicated?|indicates|report(?:s|ed)?|"
    r"announced?|announces|claim(?:s|ed)?|noted?|notes|added|adds|confirm(?:s|ed)?|"
    r"believe[sd]?|warn(?:s|ed)|insist(?:s|ed)|argu(?:es|ed)|suggest(?:s|ed)|reveal(?:s|ed)|"
    r"acknowledg(?:es|ed)|explain(?:s|ed)|wr(?:ote|ites)|mention(?:s|ed)?)\b",
    re.IGNORECASE,
)
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
# a gerund just before a participle cut makes it a list ("including planting mines, constructing
# walls"), not a clause
_GERUND_LIST = re.compile(r"(?:including|,)\s+[a-z]+ing\b")
# a participial clause after a comma ("..., killing 12 people"): the event of its own
_PARTICIPLE = re.compile(r",\s+([a-z]+ing)\s+(?=\S)")
_NOT_PARTICIPLE = frozenset(
    "including according following during regarding concerning excluding pending notwithstanding "
    "saying adding citing calling noting telling warning arguing insisting claiming explaining "
    "asking describing suggesting bring being having nothing something everything anything "
    "morning evening spring building meeting crossing ceiling".split()
)
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


def _nwords(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _story_entity(resolution: Any, article_id: str, index: int, local: str | None) -> str | None:
    by_mention = getattr(resolution, "by_mention", {}) or {}
    by_local = getattr(resolution, "by_local", {}) or {}
    ent = by_mention.get((article_id, index))
    if ent is None and local is not None:
        ent = by_local.get((article_id, local))
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
            continue  # a list of gerunds ("planting mines, constructing walls"), not a clause
        if m.group(1) not in _NOT_PARTICIPLE and len(m.group(1)) > 5:
            out[m.start(1)] = MIN_PARTICIPLE_WORDS
    return out


def _clause_cuts(clauses: list[Clause], s_start: int, s_end: int, text: str) -> list[int]:
    """Positions where the sentence splits: the starts of its innermost clauses, and of the
    subordinate clauses found in the text. Text between clauses attaches to the clause before
    it, so the pieces cover the sentence exactly."""
    inside = [c for c in clauses if c.start >= s_start and c.end <= s_end and c.end > c.start]
    leaves = [
        c
        for c in inside
        if not any(o is not c and o.start >= c.start and o.end <= c.end
                   and (o.start, o.end) != (c.start, c.end) for o in inside)
    ]
    sub = _subordinate_cuts(text, s_start, s_end)
    starts = sorted({c.start for c in leaves if c.start > s_start} | {p for p in sub if p > s_start})
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
        if _NO_SUBJECT.match(text, st):
            continue
        before = text[cuts[-1] : st].rstrip()
        infinitive = _INFINITIVE.match(text, st)
        if infinitive and before and before[-1].isalpha() and not _finite(text[st : infinitive.end()]):
            continue
        cuts.append(st)
    return cuts


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


def _modality(clauses: list[Clause], start: int, end: int) -> tuple[str, bool]:
    """Certainty and polarity of the clause that best covers [start, end): largest overlap,
    then the smaller clause (the more specific one)."""
    best = None
    best_key = None
    for c in clauses:
        ov = min(c.end, end) - max(c.start, start)
        if ov <= 0:
            continue
        key = (ov, -(c.end - c.start))
        if best_key is None or key > best_key:
            best, best_key = c, key
    if best is None:
        return "asserted", False
    return best.certainty, best.negated


def extract_claims(analysis: Analysis, resolution: Any) -> list[Claim]:
    """The claims of one article, in text order. Every body sentence yields at least one claim;
    claims of one sentence never overlap; nothing before `article.body_start` is a claim."""
    art = analysis.article
    text = art.text
    aid = art.id
    body_start = max(0, art.body_start or 0)
    claims: list[Claim] = []

    def frame_speaker(f_start: int, f_end: int) -> str:
        """Who a frame credits: a quote speaker named in the sentence, else the frame's first
        named entity, else the frame's own words."""
        for q in analysis.quotes:
            if q.speaker_name and q.speaker_start is not None and f_start <= q.speaker_start < f_end:
                by_local = getattr(resolution, "by_local", {}) or {}
                return by_local.get((aid, q.speaker_entity), None) or q.speaker_name
        for mi, m in enumerate(analysis.mentions):
            if m.start >= f_start and m.end <= f_end and m.type in ("PERSON", "ORG", "GPE"):
                return _story_entity(resolution, aid, mi, m.entity) or m.text
        frame = text[f_start:f_end]
        verbs = list(_REPORTING.finditer(frame))
        # the speaker precedes the last reporting verb ("Reports from X media indicate")
        words = frame[: verbs[-1].start()].strip(" ,") if verbs else ""
        return words or UNNAMED_SOURCE

    def make(
        start: int, end: int, sent_i: int, quote_i: int | None, frame_by: str | None = None
    ) -> None:
        start, end = _trim(text, start, end)
        tail = _TAIL.search(text, start, end)
        if tail and tail.start() > start:
            end = tail.start()
        if end <= start:
            return
        ents: list[str] = []
        for mi, m in enumerate(analysis.mentions):
            if m.start >= start and m.end <= end:
                ent = _story_entity(resolution, aid, mi, m.entity)
                if ent is not None and ent not in ents:
                    ents.append(ent)
        quants: list[Quantity] = [
            q for q in analysis.quantities if q.start >= start and q.end <= end
        ]
        times: list[TimeExpr] = [t for t in analysis.times if t.start >= start and t.end <= end]
        certainty, negated = _modality(analysis.clauses, start, end)
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
            if q.speaker_entity is not None:
                asserted_by = (getattr(resolution, "by_local", {}) or {}).get(
                    (aid, q.speaker_entity)
                )
            if asserted_by is None and q.speaker_start is not None:
                for mi, m in enumerate(analysis.mentions):
                    if m.start <= q.speaker_start < m.end:
                        asserted_by = _story_entity(resolution, aid, mi, m.entity)
                        break
            if asserted_by is None:
                asserted_by = q.speaker_name or UNNAMED_SOURCE
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
                asserted_by=asserted_by,
                quote=quote_id,
            )
        )

    for si, sent in enumerate(analysis.sentences):
        s_start, s_end = _trim(text, max(sent.start, body_start), sent.end)
        if s_end <= s_start or not _WORD.search(text[s_start:s_end]):
            continue
        pieces = _quote_pieces(analysis.quotes, s_start, s_end)
        # "In return, according to Washington, ..." yields a stray "In return" piece: drop it
        # ("the smoke contained chlorine" is short but a statement of its own)
        pieces = [p for p in pieces if _nwords(text[p[0] : p[1]]) >= MIN_QUOTE_WORDS] or [
            p for p in pieces if (p[1] - p[0]) >= 0.5 * (s_end - s_start)
        ]
        if pieces:
            # the attribution frame ("..., said the spokesperson") is not a claim of its own
            todo: list[tuple[int, int, int | None, str | None]] = []
            for a, b, qi in pieces:
                qcuts = _clause_cuts(analysis.clauses, a, b, text) + [b]
                todo += [(x, y, qi, None) for x, y in zip(qcuts, qcuts[1:], strict=False)]
            # but a clause of the outlet's own next to it is ("..., said the mayor, who visited
            # the shelter"; "... crossed the line" before retreating under warning shots")
            marks = [p for q in analysis.quotes for p in (q.cue_start, q.speaker_start)
                     if p is not None and s_start <= p < s_end]
            bounds = [s_start, *(x for p in pieces for x in p[:2]), s_end]
            for g0, g1 in zip(bounds[::2], bounds[1::2], strict=True):
                for x, y, content in _own_clauses(text, g0, g1, marks):
                    todo.append((x, y, None, frame_speaker(s_start, s_end) if content else None))
            for x, y, qi, by in sorted(todo, key=lambda t: t[0]):  # claims stay in text order
                make(x, y, si, qi, by)
            continue
        cuts = _clause_cuts(analysis.clauses, s_start, s_end, text) + [s_end]
        segs = list(zip(cuts, cuts[1:], strict=False))
        frame_by: str | None = None
        for k, (a, b) in enumerate(segs):
            if frame_by is not None:
                that = _THAT.match(text, a)
                make(that.end() if that else a, b, si, None, frame_by)
                frame_by = None
                continue
            nxt = segs[k + 1] if k + 1 < len(segs) else None
            if nxt and _THAT.match(text, nxt[0]) and _REPORTING.search(text[a:b]):
                frame_by = frame_speaker(a, b)
                continue  # the frame itself is not a claim; its content is, credited to the speaker
            make(a, b, si, None)
    return claims
