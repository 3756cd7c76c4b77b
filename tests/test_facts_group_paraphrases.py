"""align: paraphrases become one fact, topic-only overlap does not, no chaining, one claim per
sentence per fact. Fictional story about a bridge collapse in an invented town."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import align, neighbours
from consilience.story.claims import extract_claims
from consilience.story.frames import predicate_frame
from consilience.text import content_stems

ENTS = [("Halvard Teague", "PERSON", "teague"), ("Ostrava Vale", "GPE", "vale"),
        ("Kessing Bridge", "FAC", "bridge")]


def _claims():
    st = Story()
    st.add("north", [
        "The Kessing Bridge in Ostrava Vale collapsed on Monday morning, killing 14 commuters.",
        "Governor Halvard Teague ordered an inquiry into the contractor that repaired the span.",
        "Ostrava Vale schools will stay closed for the rest of the week.",
        "Halvard Teague thanked the rescue divers who searched the river overnight.",
    ], entities=ENTS, quantities=[("14 commuters", 14, 14, "commuters", False)])
    st.add("south", [
        "Fourteen commuters died when the Kessing Bridge in Ostrava Vale fell down on Monday morning.",
        "Halvard Teague attended a football match in Ostrava Vale last month.",
        "Teague said the contractor that repaired the span will face an official inquiry.",
        "Ostrava Vale hospitals treated dozens of injured passengers.",
    ], entities=ENTS + [("Teague", "PERSON", "teague")],
        quantities=[("Fourteen commuters", 14, 14, "commuters", False)])
    st.add("west", [
        "Rescue divers searched the river overnight after the Kessing Bridge collapse.",
        "A farmers market in Ostrava Vale reopened after the spring floods.",
    ], entities=ENTS)
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    return st, claims


def _fact_of(groups, text_start: str):
    for g in groups:
        if any(c.text.startswith(text_start) for c in g):
            return g
    raise AssertionError(text_start)


def test_paraphrases_are_aligned(models):
    _, claims = _claims()
    groups = align(claims, models)
    # north's sentence is two claims ("... collapsed on Monday morning" | "killing 14
    # commuters"); south states both in one: it joins one of them, the deaths
    deaths = _fact_of(groups, "Fourteen commuters died")
    assert {c.span.article for c in deaths} == {"north", "south"}
    assert any(c.text.startswith("killing 14 commuters") for c in deaths)


def test_topic_only_overlap_is_not_aligned(models):
    _, claims = _claims()
    groups = align(claims, models)
    # same person, same town, different predicate: never one fact
    match = _fact_of(groups, "Halvard Teague attended a football match")
    assert len(match) == 1
    schools = _fact_of(groups, "Ostrava Vale schools will stay closed")
    assert not any("hospitals" in c.text for c in schools)
    market = _fact_of(groups, "A farmers market")
    assert len(market) == 1


def test_every_claim_in_exactly_one_group_and_one_claim_per_sentence(models):
    _, claims = _claims()
    groups = align(claims, models)
    ids = [c.id for g in groups for c in g]
    assert sorted(ids) == sorted(c.id for c in claims)
    for g in groups:
        # an article may state a fact in several sentences (tests/test_facts_hold_restatements.py), but
        # two clauses of one sentence are never one fact
        where = [(c.span.article, c.sentence) for c in g]
        assert len(where) == len(set(where))


def test_no_claims_no_groups(models):
    assert align([], models) == []


def test_neighbours_skip_the_same_article():
    import numpy as np

    vecs = np.eye(4, dtype="float32")
    vecs[1] = vecs[0]  # an identical row in the same article must not be a neighbour
    nb = neighbours(vecs, ["a", "a", "b", "b"], k=2)
    assert all(j not in (0, 1) for j, _ in nb[0])
    assert len(nb[0]) == 2


def test_content_stems_drop_stopwords_and_meet_inflections():
    assert content_stems("The treaty was signed") == content_stems("treaty signing")
    assert "the" not in content_stems("The treaty")


def _pilot_story():
    ents = [("Orla Venn", "PERSON", "venn"), ("Tarsk Harbour", "GPE", "tarsk")]
    st = Story()
    st.add("east", [
        "The pilot, Orla Venn, had been detained and was being questioned about the crash.",
        "The crash at Tarsk Harbour killed 12 passengers on Friday night.",
        "Rescue boats searched the harbour until dawn.",
    ], entities=ents, quantities=[("12 passengers", 12, 12, "passengers", False)],
        times=[("Friday night", "2031-05-02")])
    st.add("west", [
        "The boat's pilot, Orla Venn, 47, was among those rescued.",
        "In all, 19 passengers died in the crash at Tarsk Harbour on Friday night.",
        "A memorial service will be held in the cathedral next week.",
    ], entities=ents, quantities=[("19 passengers", 19, 19, "passengers", False)],
        times=[("Friday night", "2031-05-02")])
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def test_same_person_with_a_different_predicate_is_not_one_fact(models):
    groups = align(_pilot_story(), models)
    arrested = _fact_of(groups, "The pilot, Orla Venn, had been detained")
    assert len(arrested) == 1  # "detained" vs "rescued": same person, different event


def test_same_predicate_and_participants_align_despite_different_numbers(models):
    # 12 vs 19 dead must land in one fact so that the judge can flag the number conflict
    groups = align(_pilot_story(), models)
    toll = _fact_of(groups, "The crash at Tarsk Harbour killed 12")
    assert any(c.text.startswith("In all, 19 passengers died") for c in toll)


def test_predicate_frame_finds_the_event_of_a_light_verb(nlp):
    preds, args = predicate_frame(nlp("The minister will conduct a state visit to Velmark."))
    assert "visit" in preds and "conduct" not in preds
    preds, _ = predicate_frame(nlp("Several guards were injured by traps they were setting."))
    assert preds == {"injure"}  # the relative clause's verb is not the claim's predicate


def test_predicate_frame_news_paraphrase_shapes(nlp):
    preds, _ = predicate_frame(nlp("The blaze broke out late on Saturday."))
    assert "break out" in preds  # a phrasal verb keeps its particle
    preds, _ = predicate_frame(nlp("The opposition has promised to vote against ratification."))
    assert "vote" in preds
    preds, _ = predicate_frame(nlp("Inspectors will have the right to board the trawlers."))
    assert "board" in preds
    preds, _ = predicate_frame(nlp("The number of people killed in the crash has risen to 19."))
    assert "kill" in preds
    preds, _ = predicate_frame(nlp("This visit comes nine months after the envoy hosted a summit."))
    assert preds == {"~come"}  # a light verb leading nowhere: marked, never "the same"


def _tram_story():
    st = Story()
    st.add("corlin-wire", [
        "A tram derailed near Corlin station late on Friday, killing 9 people.",
        "The tram's driver, Mika Laine, had not been detained.",
        "This derailment comes a year after the depot in Corlin was flooded.",
    ], entities=[("Corlin", "GPE", "corlin"), ("Mika Laine", "PERSON", "laine")],
        quantities=[("9 people", 9, 9, "people", False)])
    st.add("ebbe-post", [
        "The number of people killed when the tram came off the rails has risen to 11.",
        "The driver, Mika Laine, had been detained by police on Saturday.",
        "The derailment comes at a time when Corlin is debating its transport budget.",
    ], entities=[("Corlin", "GPE", "corlin"), ("Mika Laine", "PERSON", "laine")],
        quantities=[("11", 11, 11, None, False)])
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def test_news_synonyms_with_different_values_align_so_the_conflict_shows(models):
    groups = align(_tram_story(), models)
    # "killing 9 people" / "the number of people killed ... has risen to 11": one fact
    deaths = _fact_of(groups, "killing 9 people")
    assert any(c.text.startswith("The number of people killed") for c in deaths)
    # "had not been detained" / "had been detained": one fact, the judge flags the negation
    detained = _fact_of(groups, "The tram's driver, Mika Laine, had not been detained")
    assert any(c.text.startswith("The driver, Mika Laine, had been detained") for c in detained)


def test_a_light_verb_alone_never_makes_two_claims_one_fact(models):
    groups = align(_tram_story(), models)
    comes = _fact_of(groups, "This derailment comes a year after")
    assert len(comes) == 1


def _owners_and_talks():
    st = Story()
    ents = [("Dunmere", "GPE", "dunmere"), ("Corvel", "GPE", "corvel"),
            ("Arlo Freight", "ORG", "arlo"), ("Pellan Storage", "ORG", "pellan"),
            ("Velmark", "GPE", "velmark"), ("Ostria", "GPE", "ostria")]
    st.add("east", [
        "The depot, owned by Arlo Freight, stores fertiliser and lamp oil for local farms.",
        "The accord was reached after three days of talks in Dunmere chaired by a retired judge.",
        "The last question was how to fund the joint coast patrol.",
    ], entities=ents)
    st.add("west", [
        "The depot is owned by Pellan Storage, a firm that sells fertiliser to farms.",
        "Velmark and Ostria have reached an accord on coastal fishing quotas after three days "
        "of talks in Corvel.",
        "The two navies will fund the joint coast patrol from next year.",
    ], entities=ents)
    return [c for an in st.analyses for c in extract_claims(an, st.resolution)]


def test_same_predicate_and_participants_align_despite_a_different_entity(models):
    groups = align(_owners_and_talks(), models)
    # the judge can only flag "Arlo Freight vs Pellan Storage" and "Dunmere vs Corvel" when
    # the two sides are one fact
    owner = _fact_of(groups, "The depot, owned by Arlo Freight")
    assert {c.span.article for c in owner} == {"east", "west"}
    talks = _fact_of(groups, "The accord was reached")
    assert {c.span.article for c in talks} == {"east", "west"}


def test_an_open_issue_never_joins_the_statement_it_leaves_open(models):
    groups = align(_owners_and_talks(), models)
    assert len(_fact_of(groups, "The last question was how to fund")) == 1


def test_a_participle_with_its_agent_is_a_predicate(nlp):
    preds, _ = predicate_frame(nlp("The depot, owned by Arlo Freight, stores fertiliser."))
    assert "own" in preds
