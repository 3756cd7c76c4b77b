"""judge: status and typed conflicts on hand-made groups of claims from a fictional story."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.claims import extract_claims
from consilience.judge import compare_numbers, dates_overlap, judge
from consilience.model import Quantity


def _pair(a_kwargs: dict, b_kwargs: dict, same_origin: bool = False):
    st = Story()
    a = st.add("alpha", **a_kwargs)
    b = st.add("beta", origin="alpha" if same_origin else None, **b_kwargs)
    ca = extract_claims(a, st.resolution)
    cb = extract_claims(b, st.resolution)
    return st, [[ca[0], cb[0]]]


def _kinds(fact):
    return {(c.kind, c.severity) for c in fact.conflicts}


def test_agreeing_independent_sources_corroborate():
    st, groups = _pair({"sentences": ["The ferry sank near Corvel Point on Sunday."]},
                       {"sentences": ["A ferry went down close to Corvel Point on Sunday."]})
    [fact] = judge(groups, st.origins, st.resolution)
    assert fact.status == "corroborated"
    assert fact.origins == ["alpha", "beta"] and fact.id == "F1" and not fact.conflicts


def test_copies_of_one_wire_story_never_corroborate():
    s = ["The ferry sank near Corvel Point on Sunday."]
    st, groups = _pair({"sentences": s}, {"sentences": s}, same_origin=True)
    [fact] = judge(groups, st.origins, st.resolution)
    assert fact.status == "single_source"
    assert fact.origins == ["alpha"]


def test_vague_vs_precise_count_is_a_discrepancy_and_stays_corroborated():
    st, groups = _pair(
        {"sentences": ["Several dozen sailors were rescued from the ferry."],
         "quantities": [("Several dozen sailors", 24, 99, "sailors", True)]},
        {"sentences": ["Around 30 sailors were rescued from the ferry."],
         "quantities": [("Around 30 sailors", 27, 33, "sailors", True)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("number", "discrepancy")}
    assert fact.status == "corroborated"
    texts = [v.text for v in fact.conflicts[0].values]
    assert texts == ["Several dozen sailors", "Around 30 sailors"]


def test_disjoint_counts_contradict():
    st, groups = _pair(
        {"sentences": ["The ferry capsized and 30 passengers were killed."],
         "quantities": [("30 passengers", 30, 30, "passengers", False)]},
        {"sentences": ["The ferry capsized and 45 passengers were killed."],
         "quantities": [("45 passengers", 45, 45, "passengers", False)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("number", "contradiction")}
    assert fact.status == "conflicting"


def test_counts_of_different_things_are_not_compared():
    st, groups = _pair(
        {"sentences": ["The ferry carried 30 passengers."],
         "quantities": [("30 passengers", 30, 30, "passengers", False)]},
        {"sentences": ["The ferry carried 45 cars."],
         "quantities": [("45 cars", 45, 45, "cars", False)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts


def test_nearly_a_quarter_century_is_compatible_with_24_years():
    a = Quantity(0, 1, "nearly a quarter-century", 23, 25, "years", True)
    b = Quantity(0, 1, "24 years", 24, 24, "years", False)
    assert compare_numbers(a, b) is None


def test_different_dates_contradict():
    st, groups = _pair(
        {"sentences": ["The ferry sank on Sunday."], "times": [("Sunday", "2031-05-04")]},
        {"sentences": ["The ferry sank on Saturday."], "times": [("Saturday", "2031-05-03")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("date", "contradiction")}
    assert dates_overlap("2031-05", "2031-05-04") and not dates_overlap("2031-05-03", "2031-05-04")


def test_hedged_vs_asserted_is_a_modality_discrepancy():
    st, groups = _pair(
        {"sentences": ["A salvage deal may be signed this week."],
         "clauses": [("A salvage deal may be signed this week.", "hedged", False)]},
        {"sentences": ["A salvage deal will be signed this week."]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("modality", "discrepancy")}
    assert fact.status == "corroborated"


def test_opposite_polarity_contradicts():
    st, groups = _pair(
        {"sentences": ["The captain was arrested."]},
        {"sentences": ["The captain was not arrested."],
         "clauses": [("The captain was not arrested.", "asserted", True)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert ("negation", "contradiction") in _kinds(fact)
    assert fact.status == "conflicting"


def test_different_place_in_the_location_role_contradicts():
    st, groups = _pair(
        {"sentences": ["The ferry sank in Corvel Bay."],
         "entities": [("Corvel Bay", "LOC", "corvel")]},
        {"sentences": ["The ferry sank in Mirren Sound."],
         "entities": [("Mirren Sound", "LOC", "mirren")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("entity", "contradiction")}
    assert {v.value for v in fact.conflicts[0].values} == {"Corvel Bay", "Mirren Sound"}


def test_linked_places_do_not_conflict():
    st, groups = _pair(
        {"sentences": ["The ferry sank in Corvel Bay."],
         "entities": [("Corvel Bay", "LOC", "corvel")]},
        {"sentences": ["The ferry sank in Mirren Sound."],
         "entities": [("Mirren Sound", "LOC", "mirren")]},
    )
    next(e for e in st.resolution.entities if e.id == "corvel").linked.append("mirren")
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts


def test_different_actor_contradicts():
    st, groups = _pair(
        {"sentences": ["Dario Fenn opened the new harbour."],
         "entities": [("Dario Fenn", "PERSON", "fenn")]},
        {"sentences": ["Lucia Marr opened the new harbour."],
         "entities": [("Lucia Marr", "PERSON", "marr")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("entity", "contradiction")}


def test_same_words_credited_to_different_speakers_contradict():
    words = "the harbour will reopen before the summer season."
    st, groups = _pair(
        {"sentences": [f'Dario Fenn said "{words}"'],
         "entities": [("Dario Fenn", "PERSON", "fenn")], "quotes": [(words, "direct", "fenn")]},
        {"sentences": [f'Lucia Marr said "{words}"'],
         "entities": [("Lucia Marr", "PERSON", "marr")], "quotes": [(words, "direct", "marr")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert ("attribution", "contradiction") in _kinds(fact)


def test_facts_ordered_by_support_and_single_claims_kept():
    st, groups = _pair({"sentences": ["The ferry sank near Corvel Point on Sunday."]},
                       {"sentences": ["A ferry went down close to Corvel Point on Sunday."]})
    lone = [groups[0][1]]
    facts = judge([[groups[0][0]], lone], st.origins, st.resolution)
    assert [f.status for f in facts] == ["single_source", "single_source"]
    facts = judge([lone, groups[0]], st.origins, st.resolution)
    assert [f.id for f in facts] == ["F1", "F2"] and facts[0].status == "corroborated"
