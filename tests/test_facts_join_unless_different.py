"""align, grouping: a cross-article pair that no rule accepts but nothing tells apart (a
paraphrase in other words) does not keep a third outlet out of a fact it matches elsewhere; a
pair with evidence that its claims differ does. Fictional story: the invented town of Orsund,
whose council votes a ferry budget."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from claim_fixtures import Story, parsed_scorer

from consilience.story.align import DEFAULT_PARAMS, _open_join, align
from consilience.story.claims import extract_claims

ENTS = [("Orsund", "GPE", "orsund"), ("Orsund council", "ORG", "council")]
KRONER = ("4 million kroner", 4e6, 4e6, "kroner", False)

STORIES = {
    "tidende": ["The Orsund council approved a ferry budget of 4 million kroner on Tuesday."],
    "kurier": ["The Orsund council approved the new ferry budget on Tuesday."],
    "posten": ["On Tuesday the Orsund council signed off on 4 million kroner for the ferries."],
}
QUANTS = {"tidende": [KRONER], "posten": [KRONER]}


def _claims(stories=STORIES, quants=QUANTS):
    st = Story()
    for aid, sentences in stories.items():
        st.add(aid, sentences, entities=list(ENTS), quantities=quants.get(aid, []))
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def test_a_paraphrase_no_rule_accepts_is_not_evidence_of_difference(models):
    claims = _claims()
    sc = parsed_scorer(models, claims)
    kurier, posten = 1, 2
    assert sc.score(kurier, posten) < DEFAULT_PARAMS.threshold  # "approved" / "signed off on"
    assert not sc.different(kurier, posten)


def test_another_news_event_is_evidence_of_difference(models):
    claims = _claims({"a": ["Two Orsund ferry deckhands were injured on Tuesday."],
                      "b": ["Two Orsund ferry deckhands were honoured on Tuesday."]}, {})
    sc = parsed_scorer(models, claims)
    assert sc.score(0, 1) < DEFAULT_PARAMS.threshold
    assert sc.different(0, 1)


def test_third_outlet_joins_the_fact_it_matches_in_one_outlet(models):
    claims = _claims()
    groups = align(claims, models)
    assert len(groups) == 1 and len(groups[0]) == 3
    # without the distinction, the unmatched pair kept the third outlet out
    apart = align(claims, models, replace(DEFAULT_PARAMS, open_join=False))
    assert len(apart) == 2


class _Stub:
    """Scores, evidence of difference and unit vectors set by hand (cosine 1 everywhere)."""

    def __init__(self, scores: dict, different: set) -> None:
        self._s, self._d = scores, different
        self.vecs = np.ones((4, 1))
        self.figure_pairs: set = set()  # no pair is good by a shared figure alone

    def score(self, i: int, j: int) -> float:
        return self._s[(i, j)]

    def different(self, i: int, j: int) -> bool:
        return (i, j) in self._d


def test_a_weak_pair_with_evidence_of_difference_blocks_the_join():
    scores = {(0, 2): 1.6, (1, 2): -1.0}
    assert _open_join(_Stub(scores, set()), [(0, 2), (1, 2)], DEFAULT_PARAMS)
    assert not _open_join(_Stub(scores, {(1, 2)}), [(0, 2), (1, 2)], DEFAULT_PARAMS)
    # no good pair at all: nothing supports the join
    assert not _open_join(_Stub({(0, 2): -1.0, (1, 2): -1.0}, set()), [(0, 2), (1, 2)],
                          DEFAULT_PARAMS)


def test_cross_pairs_embedding_far_apart_do_not_join():
    stub = _Stub({(0, 2): 1.6, (1, 2): -1.0}, set())
    stub.vecs = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.0, 1.0]])
    stub.vecs[2] = [0.2, 0.2]  # cosines 0.2 and 0.2: below open_cos
    assert not _open_join(stub, [(0, 2), (1, 2)], DEFAULT_PARAMS)


def test_two_named_subjects_sharing_no_word_are_other_agents(models):
    ents = [("Edda Voss", "PERSON", "voss"), ("Voss", "PERSON", "voss"),
            ("Berg", "PERSON", "berg")]
    st = Story()
    st.add("a", ["Edda Voss released her tax returns on Friday."], entities=ents)
    st.add("b", ["Mr. Berg released his own tax returns last month."], entities=ents)
    st.add("c", ["Mayor Voss released the tax returns on Friday."], entities=ents)
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    sc = parsed_scorer(models, claims)
    assert sc.other_named_agents(0, 1) and sc.different(0, 1)
    assert not sc.other_named_agents(0, 2)  # one name, with and without a title
