"""A hedge and a certain statement of one verb are one content only when the verb acts on the
same thing: "could block the loan" is no hedge on "blocked the merger", nor "will likely need to
raise fares" on "needs a new ferry" (fictional sentences, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story.judge import judge


def _modality(nlp, *rows: tuple[str, str]) -> int:
    claims, docs = [], {}
    for n, (text, certainty) in enumerate(rows):
        aid = f"a{n}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                            certainty=certainty))
        docs[aid] = nlp(text)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs,
                   texts={c.span.article: c.text for c in claims})
    return sum(cf.kind == "modality" for cf in fact.conflicts)


def test_a_hedge_on_another_object_is_none(nlp):
    assert _modality(
        nlp, ("The harbour board could block the loan for the Pellam quay.", "hedged"),
        ("The harbour board blocked the merger of the Pellam ferry lines.", "asserted"),
    ) == 0
    # near miss: the same object, hedged and stated, still differs
    assert _modality(
        nlp, ("The harbour board could block the merger of the Pellam ferry lines.", "hedged"),
        ("The harbour board blocked the merger of the Pellam ferry lines.", "asserted"),
    ) == 1


def test_an_object_is_not_an_infinitive_act(nlp):
    assert _modality(
        nlp, ("The ferry operators will most likely need to raise fares in Pellam.", "hedged"),
        ("The ferry operators need a new boat for the Pellam crossing.", "asserted"),
    ) == 0
    # near miss: one infinitive act, hedged and stated
    assert _modality(
        nlp, ("The ferry operators will most likely need to raise fares in Pellam.", "hedged"),
        ("The ferry operators need to raise fares in Pellam.", "asserted"),
    ) == 1


def test_a_name_and_a_noun_may_be_one_object(nlp):
    # "struck Oskar Lind" / "struck a cyclist": a name and a noun are left undecided, so the
    # hedge still meets the certain statement
    assert _modality(
        nlp, ("The van allegedly struck Oskar Lind on Mill Lane.", "hedged"),
        ("The van struck a cyclist on Mill Lane.", "asserted"),
    ) == 1


def _negations(nlp, *rows: tuple[str, bool]) -> int:
    claims, docs = [], {}
    for n, (text, negated) in enumerate(rows):
        aid = f"a{n}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                            negated=negated))
        docs[aid] = nlp(text)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs,
                   texts={c.span.article: c.text for c in claims})
    return sum(cf.kind == "negation" for cf in fact.conflicts)


def test_a_denial_of_another_infinitive_act_is_none(nlp):
    # the same verb, denied with one act and affirmed of a thing: two statements
    assert _negations(
        nlp, ("The Pellam fund cannot be used to repair the quay.", True),
        ("The harbour board used the Pellam fund as a bargaining chip.", False),
    ) == 0
    # near miss: the act denied and affirmed is the same
    assert _negations(
        nlp, ("The Pellam fund cannot be used to repair the quay.", True),
        ("The Pellam fund was used to repair the quay.", False),
    ) == 1
