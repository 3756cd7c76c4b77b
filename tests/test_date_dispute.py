"""One act told with two different days (`AlignParams.date_dispute`, `_Scorer.date_disputes`,
`occasions.dated_act`): two outlets that date one act of one definite participant differently
are one fact with a date conflict; two occasions of one act stay apart, with and without the
switch.

Every vessel, harbour, club and person here is invented (a Baltic-sounding ferry and harbour, a
rowing club's treasurer)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_claims, parsed_scorer

from consilience.story import align
from consilience.story.align import DEFAULT_PARAMS, Trace, _days_disputed
from consilience.story.occasions import OPEN_SLOT, dated_act

ON = replace(DEFAULT_PARAMS, date_dispute=True)
MONDAY = "The Selka ferry ran aground off Varn on Monday."


def _disputes(models, other: str, params=ON, first: str = MONDAY) -> bool:
    claims, roles = parsed_claims(models, {"gull": first, "tern": other})
    sc = parsed_scorer(models, claims, params, roles)
    return sc.date_disputes(claim_at(claims, "gull", "aground"), claim_at(claims, "tern", "aground"))


def test_one_act_two_days_is_a_date_dispute(models):
    other = "Late on Sunday the Selka ferry ran aground on a sandbank near the harbour of Varn."
    assert _disputes(models, other)
    # off, the test says nothing
    assert not _disputes(models, other, DEFAULT_PARAMS)


def test_a_named_patient_in_two_voices_is_one_participant(models):
    claims, roles = parsed_claims(models, {
        "gull": "Police arrested Tomas Brenk, the club treasurer, on Monday.",
        "tern": "Tomas Brenk was arrested on Sunday at his flat in Osterby."})
    sc = parsed_scorer(models, claims, ON, roles)
    assert sc.date_disputes(claim_at(claims, "gull", "Brenk"), claim_at(claims, "tern", "Brenk"))


@pytest.mark.parametrize("other", [
    "The Selka ferry ran aground again off Varn on Thursday.",  # a repeat
    "The Selka ferry ran aground off Varn for the second time on Thursday.",  # an ordinal
    "A ferry ran aground off Varn on Sunday.",  # an indefinite participant: maybe another ferry
    "The Selka ferry ran aground off Varn three weeks ago.",  # an earlier occasion
    "The Selka ferry ran aground off Varn on 12 March 2019.",  # a weekday against a year's date
    "The Selka ferry did not run aground off Varn on Sunday.",  # another polarity
    "The Selka ferry may have run aground off Varn on Sunday.",  # another certainty
    "The Selka ferry ran aground off Varn on Monday, not on Sunday.",  # a date in common
], ids=["again", "second-time", "a-ferry", "weeks-ago", "other-year", "negated", "hedged",
        "same-day"])
def test_two_occasions_or_untold_acts_are_no_date_dispute(models, other):
    assert not _disputes(models, other)


def test_the_other_day_is_bound_to_the_act_not_to_a_clause_beside_it(models):
    # "Sunday" dates the storm warning, not the grounding: nothing to dispute
    other = ("The Selka ferry ran aground off Varn after the coastguard issued a storm warning "
             "on Sunday.")
    assert not _disputes(models, other)


def test_dated_act_reads_verbs_participants_and_bound_times(models):
    text = "Officers detained the Varn harbour master on Tuesday."
    claims, _ = parsed_claims(models, {"gull": text})
    [c] = [c for c in claims if "detained" in c.text]
    verbs, agents, patients, bound = dated_act(models.nlp(c.text), c.times, c.span.start)
    assert verbs == {"detain"}
    assert OPEN_SLOT in agents  # "officers": a bare plural is no one known
    assert "master" in patients
    assert [c.times[n].text for n in bound] == ["Tuesday"]


@pytest.mark.parametrize("a, b, days, told", [
    ("2031-03-07", "2031-03-06", 7, True),
    ("2031-03-07", "2031-03-20", 7, False),  # two weeks apart: maybe two occasions
    ("2031-03", "2031-03-06", 7, False),  # the month holds the day
    ("~monday", "~late on sunday", 7, True),
    ("~monday", "~monday night", 7, False),
    ("~monday", "2031-03-06", 7, False),  # the judge compares no weekday with a date
    ("~three weeks ago", "~monday", 7, False),
])
def test_days_disputed(a, b, days, told):
    assert _days_disputed(a, b, days) is told


# --- end to end: only the date dispute may join (the other rules held out of reach) ---

ALONE = replace(ON, min_cos=0.99, frame_cos=0.99, role_cos=0.99, count_cos=0.99,
                sentence_join="off", bound_args=False, speech=False, clause_cos=False)


def test_the_judge_shows_the_date_conflict_of_a_date_dispute(models):
    from consilience.model import Origins, Resolution
    from consilience.story.judge import judge

    texts = {"gull": MONDAY,
             "tern": "Late on Sunday the Selka ferry ran aground on a sandbank near the harbour "
                     "of Varn."}
    claims, roles = parsed_claims(models, texts)
    for params, joined in ((ALONE, True), (replace(ALONE, date_dispute=False), False)):
        trace = Trace()
        sure = align.SurePairs()
        groups = align.align(claims, models, params, roles=roles, trace=trace, sure=sure)
        both = [g for g in groups if {c.span.article for c in g} == {"gull", "tern"}]
        assert bool(both) is joined
        if joined:
            assert "date dispute" in trace.scorer.rule.values()
            docs = {a: models.nlp(t) for a, t in texts.items()}
            [fact] = judge(both, Origins(), Resolution(), docs=docs, texts=texts, sure=sure)
            [cf] = [cf for cf in fact.conflicts if cf.kind == "date"]
            assert sorted(v.text for v in cf.values) == ["Monday", "Sunday"]


def test_two_occasions_stay_apart_with_and_without(models):
    claims, roles = parsed_claims(models, {
        "gull": MONDAY, "tern": "The Selka ferry ran aground again off Varn on Thursday."})
    for on in (True, False):
        groups = align.align(claims, models, replace(ALONE, date_dispute=on), roles=roles)
        assert not any({c.span.article for c in g} == {"gull", "tern"} for g in groups)
