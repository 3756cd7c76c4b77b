"""align, `_Scorer.different`: what is not evidence that two claims state different things. A
claim whose predicate the parse did not find names no other event; two sums of money equal but
for rounding measure one thing whatever verbs govern them, while sums far apart still measure
two. Fictional stories: a fire on the pier of the invented port of Orsund, and the invented Varke
family's gifts to a harbour choir."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _Scorer
from consilience.story.claims import extract_claims
from consilience.story.values import value_roles


def _scorer(models, stories, entities, quantities=None):
    st = Story()
    for aid, sentences in stories.items():
        st.add(aid, sentences, entities=entities, quantities=(quantities or {}).get(aid, []))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    sc = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed, None)
    sc.set_roles(value_roles(claims, models.nlp, None))
    return sc


def test_a_claim_without_a_predicate_names_no_other_event(models):
    sc = _scorer(models, {
        "tidende": ["Lars Brenn, a harbour guard hurt as he fought to put out the fire"],
        "kurier": ["Lars Brenn was injured in the fire at the Orsund pier."],
    }, [("Lars Brenn", "PERSON", "brenn"), ("Orsund", "GPE", "orsund")])
    assert not sc.found_predicates(0, 1)  # the appositive's clause gave the parse no predicate
    assert sc.other_events(0, 1)  # "injured" has a news class the other side lacks ...
    assert not sc.different(0, 1)  # ... which is no evidence: the other side names no event


def _usd(text: str, value: float) -> tuple:
    return (text, value, value, "USD", False)


def test_sums_equal_but_for_rounding_measure_one_thing(models):
    sc = _scorer(models, {
        "tidende": ["The Varke family donated $4 million to the harbour choir."],
        "kurier": ["The Varke family paid $3,987,450 in gifts to the harbour choir."],
        "posten": ["The Varke family paid $2.5 million in gifts to the harbour choir."],
    }, [("Varke family", "ORG", "varke")], {
        "tidende": [_usd("$4 million", 4e6)],
        "kurier": [_usd("$3,987,450", 3987450.0)],
        "posten": [_usd("$2.5 million", 2.5e6)],
    })
    # donated / paid: money governed by two verbs is two sums, unless the sums are one rounded
    assert not sc.roles_apart(0, 1)
    assert not sc.different(0, 1)
    assert sc.roles_apart(0, 2)
    assert sc.different(0, 2)
