"""Round 15 conflict switches (docs/quality.md, "r15-conflicts"), on fictional news of other
domains than the fresh sets: polarity and certainty told of one frame in two facts
(`judge_frames_across`), and a disputed count that no verb governs (`dispute_verbless`). Every
place, person and outlet is invented. Each positive test fails with its switch off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_scorer

from consilience.analysis import analyze
from consilience.model import Article, Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.claims import extract_claims
from consilience.story.judge import judge
from consilience.story.judge.across import frame_of, frames_across, one_frame
from consilience.story.judge.context import FactDraft, Judge
from consilience.story.resolve import resolve
from consilience.story.values import value_roles


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _claim(aid: str, text: str, certainty: str = "asserted", negated: bool = False) -> Claim:
    return Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                 certainty=certainty, negated=negated)  # type: ignore[arg-type]


def _two_facts(nlp, a: Claim, b: Claim, texts: dict[str, str] | None = None):
    texts = texts or {a.span.article: a.text, b.span.article: b.text}
    docs = {k: nlp(t) for k, t in texts.items()}
    j = Judge(Origins(), Resolution(), texts, [a, b], docs=docs)
    facts = [FactDraft(text=a.text, claims=[a], origins=[a.span.article]),
             FactDraft(text=b.text, claims=[b], origins=[b.span.article])]
    return j, facts


def _kinds(facts) -> list[str]:
    return [cf.kind for f in facts for cf in f.conflicts]


# a licence hedged by one outlet, revoked for certain by another (a passive verb, one patient)
HEDGED = _claim("kestrel", "The brewing licence of the Oskarsholm cooperative may be revoked.",
                "hedged")
DONE = _claim("plover", "The Oskarsholm cooperative's brewing licence has been revoked.")
# a payment promised by one outlet and denied by another (an active verb, one object; the
# payer a name in one and a role in the other)
PAYS = _claim("kestrel", "The ministry will pay compensation of up to 30 percent to the growers.")
DENIES = _claim("plover", "But Minister Aiyana Tsosie will not pay any compensation.",
                negated=True)


def _judged(nlp, switch, a: Claim, b: Claim, on: bool):
    """The facts the judge makes of the two claims grouped apart, with the switch on or off."""
    texts = {a.span.article: a.text, b.span.article: b.text}
    docs = {k: nlp(t) for k, t in texts.items()}
    switch(judge_frames_across=on)
    return judge([[a], [b]], Origins(), Resolution(), texts=texts, docs=docs)


def test_a_hedge_and_a_certainty_of_one_frame_in_two_facts_are_a_modality_conflict(nlp, switch):
    facts = _judged(nlp, switch, HEDGED, DONE, True)
    assert _kinds(facts) == ["modality"]
    [cf] = [cf for f in facts for cf in f.conflicts]
    assert {v.value for v in cf.values} == {"hedged", "asserted"}
    assert "two facts" in cf.explanation
    assert _kinds(_judged(nlp, switch, HEDGED, DONE, False)) == []


def test_an_affirmation_and_a_denial_of_one_frame_in_two_facts_are_a_negation_conflict(
        nlp, switch):
    assert _kinds(_judged(nlp, switch, PAYS, DENIES, True)) == ["negation"]
    assert _kinds(_judged(nlp, switch, PAYS, DENIES, False)) == []


@pytest.mark.parametrize(("a", "b"), [
    # another person in the patient slot: two acts
    (_claim("kestrel", "The driver was not injured in the collision at Tuonela."),
     _claim("plover", "The conductor was injured in the collision at Tuonela.")),
    # another thing paid: two acts
    (_claim("kestrel", "The ministry will not pay the legal fees of the growers.", negated=True),
     _claim("plover", "The ministry will pay compensation to the growers.")),
    # two bodies of one town: the town named in both "of" phrases is no shared argument
    (_claim("kestrel", "The mayor of Tuonela may resign.", "hedged"),
     _claim("plover", "The chairman of Tuonela has resigned.")),
    # another verb altogether
    (_claim("kestrel", "The licence may be suspended.", "hedged"),
     _claim("plover", "The licence has been revoked.")),
])
def test_other_arguments_or_another_verb_are_no_conflict(nlp, a, b):
    j, facts = _two_facts(nlp, a, b)
    frames_across(j, facts)
    assert _kinds(facts) == []


def test_a_clause_that_only_sets_a_condition_tells_no_act(nlp):
    hedged = _claim("kestrel", "The leak could affect every branch of the Moana bank.", "hedged")
    text = "Leaks are always costly, above all if a leak affects every branch."
    words = "if a leak affects every branch"
    s = text.index(words)
    cond = Claim(id="plover:c0", span=Span("plover", s, s + len(words)), text=words, sentence=0)
    j, facts = _two_facts(nlp, hedged, cond, {"kestrel": hedged.text, "plover": text})
    assert frame_of(j, cond) is None
    frames_across(j, facts)
    assert _kinds(facts) == []


def test_frames_share_an_of_phrase_and_leave_a_name_against_a_role_open(nlp):
    def fr(text: str):
        c = _claim("x", text)
        j = Judge(Origins(), Resolution(), {"x": text}, [c], docs={"x": nlp(text)})
        return frame_of(j, c)
    council = fr("Six members of the Varjola council abstained.")
    bloc = fr("The Varjola council did not abstain.")
    assert council is not None and bloc is not None and one_frame(council, bloc)
    # a copula carries no act of its own
    assert fr("The harbour was calm.") is None


def test_one_origin_tells_no_conflict_with_itself(nlp):
    j, facts = _two_facts(nlp, HEDGED, DONE)
    j.origin_of = {"kestrel": "wire", "plover": "wire"}
    frames_across(j, facts)
    assert _kinds(facts) == []


# --- a disputed count that no verb governs --------------------------------------------------------

# a sum put at one value with no verb of its own, estimated at another
BILL = {
    "x": "The bill for the Kaarnavuori bridge repairs is put at 12 million talers.",
    "y": "The bill for repairing the Kaarnavuori bridge is estimated at 9 million talers.",
}
# a crew counted on a boat by a copula and by "carried"
CREW = {
    "x": "Nine volunteers were on the Tikkala lifeboat when it capsized.",
    "y": "The Tikkala lifeboat carried eleven volunteers when it capsized, the coastguard said.",
}


def _scorers(models, texts):
    ans = analyze([Article(id=a, text=t) for a, t in texts.items()], models)
    claims = [c for an in ans for c in extract_claims(an, resolve(ans))]
    roles = value_roles(claims, models.nlp, None)
    on = parsed_scorer(models, claims, replace(align.DEFAULT_PARAMS, dispute_verbless=True),
                       roles)
    off = parsed_scorer(models, claims, replace(align.DEFAULT_PARAMS, dispute_verbless=False,
                                                 dispute_tolls=False),
                        roles)
    return claims, on, off


@pytest.mark.parametrize(("texts", "x_words", "y_words"), [
    (BILL, "12 million", "9 million"), (CREW, "Nine", "eleven")])
def test_a_count_governed_by_no_verb_on_one_side_is_disputed(models, texts, x_words, y_words):
    claims, on, off = _scorers(models, texts)
    x, y = claim_at(claims, "x", x_words), claim_at(claims, "y", y_words)
    assert on.disputed(x, y) is not None
    assert off.disputed(x, y) is None


def test_a_count_told_as_one_member_of_a_list_or_a_ranking_is_no_dispute(models):
    texts = {"x": "Rescue teams from Ilomantsi and three other villages searched the "
                  "Kaarnavuori reserve.",
             "y": "Rescue teams from four villages were out in the Kaarnavuori reserve."}
    claims, on, _ = _scorers(models, texts)
    x, y = claim_at(claims, "x", "Rescue teams"), claim_at(claims, "y", "Rescue teams")
    assert on.disputed(x, y) is None
    ranked = {"x": "Floods reached five hamlets of the Tikkala valley on Sunday.",
              "y": "The three worst-flooded hamlets of the Tikkala valley were cut off on Sunday."}
    claims, on, _ = _scorers(models, ranked)
    x, y = claim_at(claims, "x", "five"), claim_at(claims, "y", "three")
    assert on.disputed(x, y) is None
