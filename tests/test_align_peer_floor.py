"""align, `AlignParams.sentence_join="peer"` with `sentence_content`: the plain peer's sentence
pairs (each other's nearest sentence of two outlets) as a floor of join evidence, where a claim
pair of the two sentences must also say the same thing beyond the names it shares. One statement
in other words joins; two statements about one person (a vote and a reply), an earlier occasion
of one act, one verb done to two objects and two sums of one unit stay apart. Fictional stories:
the invented Velmora orchestra, the Orvanne assembly, the Brask ferry, the Kelde port board."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import (
    claim_at,
    joined_across,
    parsed_claims,
    parsed_scorer,
    two_outlet_claims,
)

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

OFF = replace(DEFAULT_PARAMS, sentence_join="off")
# (`sentence_verbs` off: the floor and its content test alone; r17b-sentsafe)
FLOOR = replace(DEFAULT_PARAMS, sentence_join="peer", sentence_content=0.45,
                sentence_verbs=False)
NO_CONTENT = replace(FLOOR, sentence_content=0.0)

# one fact in other words: no claim-pair rule joins "scrapped" and "called off"
TOUR = {
    "gull": "The Velmora Philharmonic scrapped its winter tour of the northern provinces. "
            "The hall's roof repairs will take until March. Ticket holders will be refunded.",
    "tern": "Velmora's Philharmonic has called off the winter concerts it planned in the north. "
            "A new conductor was named last month. The city pays most of its budget.",
}


def test_one_statement_in_other_words_joins_on_the_floor(models):
    claims, roles = parsed_claims(models, TOUR)
    trace = Trace()
    assert joined_across(align(claims, models, FLOOR, roles=roles, trace=trace),
                         "scrapped", "called off")
    assert "sentence" in trace.scorer.rule.values()
    assert not joined_across(align(claims, models, OFF, roles=roles), "scrapped", "called off")


# two statements about one person: the shared name makes the sentences each other's nearest
PERSON = {
    "gull": "Deputy Anselm Ruvick of Orvanne voted for the budget. "
            "The harbour will close for a week. Fishing boats moved to the north quay.",
    "tern": "Deputy Anselm Ruvick of Orvanne gave his reply. "
            "The ferry timetable changes in May. The lighthouse keeper retired.",
}


def test_two_statements_about_one_person_stay_apart(models):
    claims, roles = parsed_claims(models, PERSON)
    sc = parsed_scorer(models, claims, FLOOR, roles=roles)
    i, j = claim_at(claims, "gull", "voted"), claim_at(claims, "tern", "reply")
    # the plain cosine is high (the name), the words beyond the name are not alike
    assert float(sc.vecs[i] @ sc.vecs[j]) >= FLOOR.min_cos
    assert sc.content_cos(i, j) < FLOOR.sentence_content
    assert not joined_across(align(claims, models, FLOOR, roles=roles), "voted", "reply")
    # without the content test the floor joins them (the test fails with the switch off)
    assert joined_across(align(claims, models, NO_CONTENT, roles=roles), "voted", "reply")


_ENTS = [("Brask", "ORG", "brask"), ("Kelde", "GPE", "kelde")]


@pytest.mark.parametrize(("a", "b", "kw", "control"), [
    # an earlier occasion of one act, told in other words
    ("The Brask ferry ran aground off Kelde in March 2031.",
     "The Brask ferry struck a sandbank off Kelde in 2019.",
     {"times_a": [("March 2031", "2031-03")], "times_b": [("2019", "2019")]}, True),
    # other verbs done to two objects
    ("The Kelde port board endorsed the new ferry levy.",
     "The Kelde port board backed the harbour school budget.", {}, True),
    # two sums of one unit
    ("The Kelde port board paid 4 million crowns to the Brask pier builders.",
     "The Brask pier builders got 9 million crowns from the Kelde port board.",
     {"qa": [("4 million crowns", 4e6, 4e6, "crowns", False)],
      "qb": [("9 million crowns", 9e6, 9e6, "crowns", False)]}, False),
], ids=["earlier-occasion", "two-objects", "two-sums"])
def test_look_alikes_stay_apart_on_the_floor(models, monkeypatch, a, b, kw, control):
    claims = two_outlet_claims(a, b, _ENTS, **kw)
    i, j = 0, next(k for k, c in enumerate(claims) if c.span.article == "tern")
    sc = parsed_scorer(models, claims, FLOOR)
    assert align_module._sentence_apart(sc, i, j)
    trace = Trace()
    align(claims, models, FLOOR, trace=trace)
    assert (i, j) not in trace.scorer.sentence_pairs
    assert "sentence" not in trace.scorer.rule.values()
    if not control:
        # two sums of one role: the rules' own count pair puts them in one fact as a possible
        # conflict for the judge; the floor adds no corroborating pair of its own
        return
    # the floor does pair the two sentences: the hard rules are what keep their claims apart
    monkeypatch.setattr(align_module, "_sentence_apart", lambda *_: False)
    trace = Trace()
    align(claims, models, FLOOR, trace=trace)
    assert trace.scorer.sentence_pairs


def test_other_named_subjects_part_a_floor_pair_even_when_named_elsewhere(models):
    # one person's standing against another person's request about it: the second claim names
    # the first person, so the plain named-subjects test lets the pair through and only the
    # strict one (`sentence_subjects`) parts it; the other tests are switched off here to look
    # at this one alone
    a = "Ilse Varnholm remains under investigation by the Kelde audit office."
    b = "Tomas Brekke asked the Kelde audit office to end its investigation of Ilse Varnholm."
    ents = [("Ilse Varnholm", "PERSON", "ilse"), ("Tomas Brekke", "PERSON", "tomas"),
            ("Kelde", "GPE", "kelde")]
    claims = two_outlet_claims(a, b, ents)
    i, j = 0, next(k for k, c in enumerate(claims) if c.span.article == "tern")

    def only_subjects(params):
        sc = parsed_scorer(models, claims, params)
        sc.different = lambda *_: False
        sc.mutual_objects_apart = lambda *_: False
        sc.dates_apart = lambda *_: False
        return align_module._sentence_apart(sc, i, j)

    assert only_subjects(replace(FLOOR, sentence_subjects=True))
    assert not only_subjects(FLOOR)
