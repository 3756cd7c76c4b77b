"""judge: where one point event happened, compared across facts, and negations bounded in time
spared per pair of claims, not per fact. Fictional mini-stories only (no models needed)."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.claims import extract_claims
from consilience.story.judge import judge


def _claims(st: Story, aid: str, **kwargs):
    return extract_claims(st.add(aid, **kwargs), st.resolution)


def _at(claims, phrase: str):
    return next(c for c in claims if phrase in c.text)


def _place_conflicts(facts):
    return [(f, cf) for f in facts for cf in f.conflicts if cf.kind == "entity"]


def _ferry_story(alpha_place: tuple[str, str, str, str],
                 beta_place: tuple[str, str, str, str]):
    """alpha dates the capsize in one sentence and places it in another; beta says both in one
    sentence. Alignment put beta's sentence with alpha's dated one, as it does for the ferry."""
    st = Story()
    a = _claims(st, "alpha", sentences=[
        "The ferry capsized in heavy seas late on Tuesday.",
        f"It rolled onto its side {alpha_place[0]} shortly after 9 p.m.",
    ], entities=[alpha_place[1:]], times=[("Tuesday", "2025-03-11")])
    b = _claims(st, "beta", sentences=[
        f"The ferry turned over and sank {beta_place[0]} on Tuesday evening.",
    ], entities=[beta_place[1:]], times=[("Tuesday", "2025-03-11")])
    groups = [[_at(a, "capsized"), _at(b, "sank")], [_at(a, "rolled")]]
    return st, groups


def test_a_place_stated_in_another_sentence_is_compared_across_facts():
    st, groups = _ferry_story(("off Corvel", "Corvel", "GPE", "corvel"),
                              ("near Tarrow Point", "Tarrow Point", "FAC", "tarrow"))
    facts = judge(groups, st.origins, st.resolution)
    [(fact, cf)] = _place_conflicts(facts)
    assert cf.severity == "contradiction" and fact.status == "conflicting"
    assert {(v.span.article, v.text) for v in cf.values} == {
        ("alpha", "Corvel"), ("beta", "Tarrow Point")}
    # without the cross-fact check the two places never meet
    assert not _place_conflicts(judge(groups, st.origins, st.resolution, cross_fact=False))


def test_the_same_place_across_facts_is_no_conflict():
    st, groups = _ferry_story(("off Corvel", "Corvel", "GPE", "corvel"),
                              ("off Corvel", "Corvel", "GPE", "corvel"))
    facts = judge(groups, st.origins, st.resolution)
    assert not _place_conflicts(facts)
    assert {f.status for f in facts} == {"corroborated", "single_source"}


def test_a_region_holding_the_other_place_is_no_conflict():
    st, groups = _ferry_story(("in the Mirren Sound", "Mirren Sound", "LOC", "mirren"),
                              ("near Tarrow Point", "Tarrow Point", "FAC", "tarrow"))
    assert not _place_conflicts(judge(groups, st.origins, st.resolution))


def test_copies_of_one_origin_never_dispute_each_other():
    st = Story()
    a = _claims(st, "alpha", sentences=["The ferry capsized off Corvel on Tuesday."],
                entities=[("Corvel", "GPE", "corvel")], times=[("Tuesday", "2025-03-11")])
    b = _claims(st, "beta", origin="alpha",
                sentences=["It emerged that the ferry sank near Tarrow Point."],
                entities=[("Tarrow Point", "FAC", "tarrow")])
    facts = judge([[a[0]], [b[0]]], st.origins, st.resolution)
    assert not _place_conflicts(facts)


def test_another_vessel_or_another_day_is_another_event():
    # a different named vessel on each side
    st2 = Story()
    a = _claims(st2, "alpha", sentences=["The ferry Saga Vind capsized off Corvel."],
                entities=[("Corvel", "GPE", "corvel"), ("Saga Vind", "PRODUCT", "saga")])
    b = _claims(st2, "beta", sentences=["The trawler Kaja sank near Tarrow Point."],
                entities=[("Tarrow Point", "FAC", "tarrow"), ("Kaja", "PRODUCT", "kaja")])
    assert not _place_conflicts(judge([[a[0]], [b[0]]], st2.origins, st2.resolution))
    # a recalled accident of another year
    st3 = Story()
    a = _claims(st3, "alpha", sentences=["The ferry capsized off Corvel on 11 March 2025."],
                entities=[("Corvel", "GPE", "corvel")], times=[("11 March 2025", "2025-03-11")])
    b = _claims(st3, "beta", sentences=["In 2019 a ferry sank near Tarrow Point."],
                entities=[("Tarrow Point", "FAC", "tarrow")], times=[("2019", "2019")])
    assert not _place_conflicts(judge([[a[0]], [b[0]]], st3.origins, st3.resolution))


def test_places_of_events_that_happen_in_many_places_are_not_compared():
    st = Story()
    a = _claims(st, "alpha", sentences=["Survivors were treated in hospitals in Corvel."],
                entities=[("Corvel", "GPE", "corvel")])
    b = _claims(st, "beta", sentences=["Survivors were taken to a clinic in Tarrow."],
                entities=[("Tarrow", "GPE", "tarrow")])
    assert not _place_conflicts(judge([[a[0]], [b[0]]], st.origins, st.resolution))


def test_a_time_bound_negation_spares_only_its_own_pairs():
    st = Story()
    a = _claims(st, "alpha", sentences=["Residents were allowed home on Sunday."])
    b = _claims(st, "beta", sentences=[
        "Residents would not be allowed home before Sunday evening at the earliest."],
        clauses=[("Residents would not be allowed home before Sunday evening at the earliest.",
                  "asserted", True)])
    c = _claims(st, "gamma", sentences=["Residents were not allowed home."],
                clauses=[("Residents were not allowed home.", "asserted", True)])
    [fact] = judge([[a[0], b[0]]], st.origins, st.resolution)
    assert not [cf for cf in fact.conflicts if cf.kind == "negation"]
    [fact] = judge([[a[0], b[0], c[0]]], st.origins, st.resolution)
    [cf] = [cf for cf in fact.conflicts if cf.kind == "negation"]
    assert {(v.span.article, v.value) for v in cf.values} == {
        ("alpha", "affirmed"), ("gamma", "negated")}
    assert fact.status == "conflicting"


def test_a_time_bound_verb_negation_spares_only_its_own_pairs():
    # the verbs' polarity, not the clause's: "had not been detained" inside an affirmed claim
    st = Story()
    a = _claims(st, "alpha", sentences=["Police said the captain had been detained."])
    b = _claims(st, "beta", sentences=[
        "Police said the captain had not been detained until Monday."])
    c = _claims(st, "gamma", sentences=["Police said the captain had not been detained."])
    [fact] = judge([[a[0], b[0]]], st.origins, st.resolution)
    assert not [cf for cf in fact.conflicts if cf.kind == "negation"]
    [fact] = judge([[a[0], b[0], c[0]]], st.origins, st.resolution)
    [cf] = [cf for cf in fact.conflicts if cf.kind == "negation"]
    assert {v.span.article for v in cf.values} == {"alpha", "gamma"}


# --------------------------------------------------------------------------- agreements that
# were reported as conflicts in the ormvik-derailment example (wire, tabloid, broadsheet, local)


def _pair_claims(a_kwargs: dict, b_kwargs: dict):
    st = Story()
    a = _claims(st, "alpha", **a_kwargs)
    b = _claims(st, "beta", **b_kwargs)
    return st, [[a[0], b[0]]]


def test_two_dozen_read_as_two_is_not_compared_but_passengers_are_people():
    st, groups = _pair_claims(
        {"sentences": ["Two dozen passengers were hurt."],
         "quantities": [("Two", 2, 2, "dozen", False)]},
        {"sentences": ["Twenty-four passengers were injured."],
         "quantities": [("Twenty-four", 24, 24, "passengers", False)]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts and fact.status == "corroborated"
    # the same misreading with the unit taken from the next noun
    st, groups = _pair_claims(
        {"sentences": ["The slide hurt two dozen passengers."],
         "quantities": [("two", 2, 2, "passengers", False)]},
        {"sentences": ["Twenty-four passengers were injured by the slide."],
         "quantities": [("Twenty-four", 24, 24, "passengers", False)]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts
    # "passengers" and "people" count the same heads: nine against 14 is a contradiction
    st, groups = _pair_claims(
        {"sentences": ["Nine passengers were taken to hospital."],
         "quantities": [("Nine passengers", 9, 9, "passengers", False)]},
        {"sentences": ["14 people were taken to hospital."],
         "quantities": [("14 people", 14, 14, "people", False)]})
    [fact] = judge(groups, st.origins, st.resolution)
    [cf] = fact.conflicts
    assert (cf.kind, cf.severity) == ("number", "contradiction")


def test_a_denial_agrees_with_content_that_says_not_itself():
    # "denied that the train had been speeding" is marked negated from outside; "insisted the
    # train had not been speeding" carries its "not" in the words, unmarked
    st, groups = _pair_claims(
        {"sentences": ["The train had been speeding."],
         "clauses": [("The train had been speeding.", "asserted", True)]},
        {"sentences": ["The train had not been speeding."]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts and fact.status == "corroborated"


def test_one_statement_from_two_unnamed_groups_is_no_attribution_conflict():
    words = "the train had not been speeding."
    st, groups = _pair_claims(
        {"sentences": [f"Cops insisted {words}"], "quotes": [(words, "reported", "Cops")]},
        {"sentences": [f"The police said {words}"],
         "quotes": [(words, "reported", "The police")]})
    assert {c.speaker_key for g in groups for c in g} == {"Cops", "The police"}
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [cf for cf in fact.conflicts if cf.kind == "attribution"]
    # a name the tagger missed is still a name: "Vik" and "Strand" do contradict
    st, groups = _pair_claims(
        {"sentences": [f"Vik said {words}"], "quotes": [(words, "reported", "Vik")]},
        {"sentences": [f"Strand said {words}"], "quotes": [(words, "reported", "Strand")]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert [cf.kind for cf in fact.conflicts] == ["attribution"]


def test_a_not_outside_the_verb_keeps_the_negation_conflict():
    st, groups = _pair_claims(
        {"sentences": ["The captain was not arrested."],
         "clauses": [("The captain was not arrested.", "asserted", True)]},
        {"sentences": ["The captain was arrested, not released."]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert ("negation", "contradiction") in {(c.kind, c.severity) for c in fact.conflicts}
    # "no indication that" says the same as a denial
    st, groups = _pair_claims(
        {"sentences": ["The train had been speeding."],
         "clauses": [("The train had been speeding.", "asserted", True)]},
        {"sentences": ["There was no indication that the train had been speeding."]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts



def test_unanchored_events_in_two_places_are_two_events():
    # two outlets, two explosions in two towns, neither aligned with the other's account: no
    # fact ties them to one event, so no place dispute (a war report names many blasts)
    st = Story()
    a = _claims(st, "alpha", sentences=["An explosion hit a depot in Corvel on Tuesday."],
                entities=[("Corvel", "GPE", "corvel")], times=[("Tuesday", "2025-03-11")])
    b = _claims(st, "beta", sentences=["A blast destroyed a bridge in Tarrow on Tuesday."],
                entities=[("Tarrow", "GPE", "tarrow")], times=[("Tuesday", "2025-03-11")])
    assert not _place_conflicts(judge([[a[0]], [b[0]]], st.origins, st.resolution))


def test_the_same_place_from_a_third_source_is_shown_beside_a_dispute():
    st = Story()
    a = _claims(st, "alpha", sentences=["The train came off the rails near Ormsby on Tuesday."],
                entities=[("Ormsby", "GPE", "ormsby")], times=[("Tuesday", "2026-03-03")])
    b = _claims(st, "beta", sentences=["The train came off the rails near Selk on Tuesday."],
                entities=[("Selk", "GPE", "selk")], times=[("Tuesday", "2026-03-03")])
    c = _claims(st, "gamma", sentences=["A train derailed near Ormsby after a landslide."],
                entities=[("Ormsby", "GPE", "ormsby")])
    facts = judge([[a[0], b[0]], [c[0]]], st.origins, st.resolution)
    [(fact, cf)] = _place_conflicts(facts)
    assert sorted((v.span.article, v.text) for v in cf.values) == [
        ("alpha", "Ormsby"), ("beta", "Selk"), ("gamma", "Ormsby")]
    assert [f.status for f in facts if f is not fact] == ["single_source"]


def test_a_rule_beside_a_statement_of_fact_is_never_corroborated():
    # "Corvel now violates the ban" / "cooperation must not violate the ban" are not one
    # statement; if alignment joins them, a contradiction is the safer verdict: sparing the
    # negated obligation (as a time bound is spared) would make the pair "corroborated"
    st, groups = _pair_claims(
        {"sentences": ["Corvel now violates the fishing ban."]},
        {"sentences": ["Any cooperation with Corvel must not violate the fishing ban."],
         "clauses": [("Any cooperation with Corvel must not violate the fishing ban.",
                      "asserted", True)]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert fact.status == "conflicting"


def test_a_family_and_one_of_its_members_are_no_different_person():
    # "the Varkes" (the couple) opening one claim, "Ola Varke" the other: no other party
    st, groups = _pair_claims(
        {"sentences": ["Ola Varke and his wife earned 3 million crowns from the mill in 2030."],
         "entities": [("Ola Varke", "PERSON", "ola")]},
        {"sentences": ["The Varkes earned about 3 million crowns from the mill that year."],
         "entities": [("Varkes", "PERSON", "varkes")]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "entity"]
    # ... even when the resolver filed the family under one person of that name
    st, groups = _pair_claims(
        {"sentences": ["Ola Varke and his wife earned 3 million crowns from the mill in 2030."],
         "entities": [("Ola Varke", "PERSON", "ola")]},
        {"sentences": ["Per Lindqvist said the Varkes earned about 3 million crowns that year.",
                       "Ragna Varke declined to comment."],
         "entities": [("Ragna Varke", "PERSON", "ragna"), ("Varkes", "PERSON", "ragna")]})
    [fact] = judge([[groups[0][0], groups[0][1]]], st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "entity"]
    # near miss: another surname is another person
    st, groups = _pair_claims(
        {"sentences": ["Ola Varke and his wife earned 3 million crowns from the mill in 2030."],
         "entities": [("Ola Varke", "PERSON", "ola")]},
        {"sentences": ["Per Lindqvist earned about 3 million crowns from the mill that year."],
         "entities": [("Per Lindqvist", "PERSON", "lindqvist")]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert [c.kind for c in fact.conflicts if c.kind == "entity"] == ["entity"]


def _evacuation_pair(alpha: str, beta: str, places: tuple[tuple[str, str, str], ...]):
    st = Story()
    a = _claims(st, "alpha", sentences=[alpha], entities=[places[0]])
    b = _claims(st, "beta", sentences=[beta], entities=[places[1]])
    return judge([[_at(a, places[0][0]), _at(b, places[1][0])]], st.origins, st.resolution)


def test_the_two_ends_of_a_route_are_not_two_places_of_one_event():
    # where people were moved from and where they were taken: no place dispute
    facts = _evacuation_pair(
        "About 900 residents were evacuated from their homes in the Tollen district.",
        "Some 900 residents were taken to emergency shelters at the Marsby arena.",
        (("Tollen", "GPE", "tollen"), ("Marsby", "GPE", "marsby")))
    assert not _place_conflicts(facts)


def test_a_place_after_a_clause_break_is_still_the_events_place():
    # "to Marsby when it sank near Tarrow Point": the route ends before the clause does
    facts = _evacuation_pair(
        "The ferry sank off Corvel on Tuesday.",
        "The ferry was sailing to Marsby when it sank near Tarrow Point on Tuesday.",
        (("Corvel", "GPE", "corvel"), ("Tarrow Point", "FAC", "tarrow")))
    assert [cf.severity for _, cf in _place_conflicts(facts)] == ["contradiction"]


def test_only_a_person_opening_the_claim_is_its_actor():
    # "He deleted his Lumen page" (the tagger took Lumen for a person) vs "Varke deleted ...":
    # a name later in the claim is no other actor
    st, groups = _pair_claims(
        {"sentences": ["He promptly deleted his Lumen and Chatter pages on Friday."],
         "entities": [("Lumen", "PERSON", "lumen")]},
        {"sentences": ["Ola Varke deleted his Lumen account on Friday."],
         "entities": [("Ola Varke", "PERSON", "ola")]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "entity"]
    # near miss: two different people opening the claims still conflict
    st, groups = _pair_claims(
        {"sentences": ["Per Lindqvist deleted his Lumen account on Friday."],
         "entities": [("Per Lindqvist", "PERSON", "per")]},
        {"sentences": ["Ola Varke deleted his Lumen account on Friday."],
         "entities": [("Ola Varke", "PERSON", "ola")]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert [c.kind for c in fact.conflicts if c.kind == "entity"] == ["entity"]
