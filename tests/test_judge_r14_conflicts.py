"""Round 14 conflict switches (docs/quality.md, "r14-conflicts"), on fictional news of other
domains than the sets they were read on: an outlet's latest update speaks for it
(`judge_latest_update`), a verb of belief lets its clause be the predicate (`belief_clause`), a
value dispute left in two facts is still shown (`dispute_across`) and an elided count of people
meets a count of people of one event (`dispute_elided`). Each test fails with its switch off."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Claim, Conflict, Origins, Quantity, Resolution, Span
from consilience.story import align
from consilience.story.frames import predicate_frame
from consilience.story.judge import judge
from consilience.story.judge.context import FactDraft, Judge
from consilience.story.judge.number import disputes_across
from consilience.story.values import Role


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _claim(aid: str, text: str, number: str, unit: str, n: int = 0) -> Claim:
    """The whole text of article `aid` as one claim holding the count `number` of `unit`."""
    s = text.index(number)
    value = float(number.replace(",", ""))
    q = Quantity(s, s + len(number), number, value, value, unit=unit)
    return Claim(id=f"{aid}:c{n}", span=Span(aid, 0, len(text)), text=text, sentence=n,
                 quantities=[q])


# --- an outlet's latest update speaks for it ---------------------------------------------------

FIRST = "The Tessel river flood has covered 2,000 acres of farmland near Ormby."
LATER = "The Tessel river flood has covered 5,000 acres of farmland near Ormby."
OTHER = "The Tessel river flood has covered 9,000 acres of farmland near Ormby."


RANKS = {"bulletin-1": 0, "bulletin-2": 1}


def _flood_facts(updates: dict[str, int] | None = RANKS):
    texts = {"bulletin-1": FIRST, "bulletin-2": LATER, "herald": OTHER}
    claims = [_claim(a, t, t.split()[6], "acres") for a, t in texts.items()]
    # the two bulletins are one outlet: the first one stands for both
    origins = Origins(origin_of={"bulletin-1": "bulletin-1", "bulletin-2": "bulletin-1",
                                 "herald": "herald"})
    return judge([claims], origins, Resolution(), texts=texts, updates=updates)


def _disputed_articles(facts) -> set[str]:
    return {v.span.article for f in facts for cf in f.conflicts if cf.kind == "number"
            for v in cf.values}


def test_the_latest_update_of_an_outlet_is_what_other_outlets_are_compared_with(switch):
    switch(judge_latest_update=True)
    assert _disputed_articles(_flood_facts()) == {"bulletin-2", "herald"}


def test_without_the_switch_the_first_bulletin_speaks_for_the_outlet(switch):
    switch(judge_latest_update=False)
    assert _disputed_articles(_flood_facts()) == {"bulletin-1", "herald"}
    switch(judge_latest_update=True)
    assert _disputed_articles(_flood_facts(None)) == {"bulletin-1", "herald"}


def test_update_ranks_are_counted_per_outlet_in_publication_order():
    from consilience.model import Article
    from consilience.story.build import outlet_updates

    arts = [Article(id="p1", text="x", source="The Ormby Post"),
            Article(id="w", text="x", source="Wire"),
            Article(id="p2", text="x", source="the ormby  post")]
    assert outlet_updates(arts) == {"p1": 0, "p2": 1}


# --- a verb of belief: its clause is the predicate too -------------------------------------------

def test_a_belief_verb_lets_its_clause_be_the_predicate(nlp):
    doc = nlp("Engineers believe the dam may have been breached by meltwater.")
    assert "breach" in predicate_frame(doc, beliefs=True)[0]
    assert "breach" not in predicate_frame(doc, beliefs=False)[0]
    # the belief verb stays a predicate ("suspect arson" names what is suspected)
    assert "believe" in predicate_frame(doc, beliefs=True)[0]


def test_a_belief_verb_without_a_hedged_clause_is_left_alone(nlp):
    for text in ("Engineers believe the mayor.",
                 "Engineers believe the dam was breached by meltwater."):
        doc = nlp(text)
        assert predicate_frame(doc, beliefs=True)[0] == predicate_frame(doc, beliefs=False)[0]


BARN_HEDGED = ("Inspectors believe the Marrow grain store may have been flooded by a burst "
               "water main near Lissop on Sunday.")
BARN_SURE = ("The Marrow grain store was flooded by a burst water main near Lissop on Sunday, "
             "the council said.")


def _modality_conflicts(models) -> int:
    from consilience.api import compare
    from consilience.model import Article

    arts = [Article(id="lark", text=BARN_HEDGED + " Farmers were told to wait.", source="Lark"),
            Article(id="wren", text=BARN_SURE + " The road stayed open.", source="Wren")]
    report = compare(arts, models=models)
    return sum(cf.kind == "modality" for f in report.facts for cf in f.conflicts)


def test_a_hedged_belief_meets_the_asserted_act_and_shows_the_certainty(models, switch):
    switch(belief_clause=True)
    assert _modality_conflicts(models) == 1
    switch(belief_clause=False)
    assert _modality_conflicts(models) == 0


# --- a value dispute left in two facts -----------------------------------------------------------

KILN_A = "The Varrow kiln blast injured 14 workers at the Kessel brickworks."
KILN_B = "Inspectors said the Varrow kiln blast at the Kessel brickworks injured 22 workers."


def _two_facts():
    a = _claim("gull", KILN_A, "14", "workers")
    b = _claim("tern", KILN_B, "22", "workers")
    j = Judge(Origins(), Resolution(), {"gull": KILN_A, "tern": KILN_B}, [a, b])
    facts = [FactDraft(text=a.text, claims=[a], origins=["gull"]),
             FactDraft(text=b.text, claims=[b], origins=["tern"])]
    return j, a, b, facts


def test_a_dispute_pair_in_two_facts_is_shown_as_a_number_conflict():
    j, a, b, facts = _two_facts()
    disputes_across(j, facts, lambda x, y: (x.quantities[0], y.quantities[0]))
    [cf] = facts[0].conflicts
    assert cf.kind == "number" and cf.severity == "contradiction"
    assert {v.span.article for v in cf.values} == {"gull", "tern"}
    assert facts[1].conflicts == []


def test_no_dispute_no_conflict_across_facts():
    j, _, _, facts = _two_facts()
    disputes_across(j, facts, lambda x, y: None)
    assert all(f.conflicts == [] for f in facts)


def test_a_piece_of_a_split_number_is_never_disputed():
    text = "The Varrow kiln blast caused 910, 000 crowns of damage at the Kessel brickworks."
    s = text.index("000")
    piece = Quantity(s, s + 3, "000", 0.0, 0.0, unit="crowns")
    a = Claim(id="gull:c0", span=Span("gull", 0, len(text)), text=text, sentence=0,
              quantities=[piece])
    b = _claim("tern", "The Varrow kiln blast caused 400,000 crowns of damage.", "400,000",
               "crowns")
    j = Judge(Origins(), Resolution(), {"gull": text, "tern": b.text}, [a, b])
    facts = [FactDraft(text=a.text, claims=[a]), FactDraft(text=b.text, claims=[b])]
    disputes_across(j, facts, lambda x, y: (x.quantities[0], y.quantities[0]))
    assert all(f.conflicts == [] for f in facts)


def test_the_build_passes_disputes_only_under_the_switch(models, monkeypatch, switch):
    from consilience.model import Article
    from consilience.story import build

    seen: list[object] = []
    real = build.judge

    def spy(*args, **kw):
        seen.append(kw.get("disputed"))
        return real(*args, **kw)

    monkeypatch.setattr(build, "judge", spy)
    arts = [Article(id="gull", text=KILN_A, source="Gull"),
            Article(id="tern", text=KILN_B, source="Tern")]
    from consilience.api import compare
    switch(dispute_across=False)
    compare(arts, models=models)
    switch(dispute_across=True)
    compare(arts, models=models)
    assert seen[0] is None and callable(seen[1])


# --- an elided count of people ------------------------------------------------------------------

def _role(counted: str | None, event: str | None, predicate: str) -> Role:
    return Role(kind="count", counted=counted, thing=None, predicate=predicate, event=event)


def test_an_elided_count_meets_a_count_of_people_of_one_event():
    from consilience.story.align import _elided_people

    people = _role("people", "injury", "injure")
    elided = _role(None, "injury", "hurt")
    assert _elided_people(people, "people", elided, None)
    assert _elided_people(elided, None, people, "people")
    # killed beside injured, or a count of another noun, never
    assert not _elided_people(_role("people", "death", "kill"), "people", elided, None)
    assert not _elided_people(_role("cow", "injury", "injure"), "cow", elided, None)


def test_the_scorer_reads_one_unit_only_under_the_switch():
    from consilience.story.align import AlignParams, _Scorer

    people = _role("people", "injury", "injure")
    elided = _role(None, "injury", "hurt")
    qa = Quantity(0, 2, "31", 31.0, 31.0, unit="people")
    qb = Quantity(0, 2, "34", 34.0, 34.0, unit=None)
    for on in (False, True):
        sc = _Scorer.__new__(_Scorer)
        sc.p = AlignParams(dispute_elided=on)
        assert sc._one_unit(people, qa, elided, qb) is on


def test_conflict_type_is_the_model_one():
    # the cross-fact conflict is an ordinary Conflict (renderers need nothing new)
    j, _, _, facts = _two_facts()
    disputes_across(j, facts, lambda x, y: (x.quantities[0], y.quantities[0]))
    assert isinstance(facts[0].conflicts[0], Conflict)
