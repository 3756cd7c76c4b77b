"""judge: status and typed conflicts on hand-made groups of claims, from fictional mini-stories and
from the bundled fictional example events (real analyses, groups built from answers.json)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import Story

from consilience.analysis import analyze
from consilience.examples import answers, load_event
from consilience.model import Quantity, Span
from consilience.story.claims import extract_claims
from consilience.story.judge import compare_numbers, dates_overlap, judge
from consilience.story.resolve import resolve
from consilience.story.syndication import find_origins


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


def test_vague_vs_precise_count_is_a_discrepancy_and_the_fact_is_conflicting():
    st, groups = _pair(
        {"sentences": ["Several dozen sailors were rescued from the ferry."],
         "quantities": [("Several dozen sailors", 24, 99, "sailors", True)]},
        {"sentences": ["Around 30 sailors were rescued from the ferry."],
         "quantities": [("Around 30 sailors", 27, 33, "sailors", True)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("number", "discrepancy")}
    # one status everywhere: a fact with any conflict is conflicting (issue 9)
    assert fact.status == "conflicting" and fact.origins == ["alpha", "beta"]
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


def test_a_vague_date_that_fits_both_sides_is_not_shown_as_a_value():
    st = Story()
    claims = []
    for name, text, when, value in (
            ("alpha", "The pact will be signed on June 9.", "June 9", "2031-06-09"),
            ("beta", "The pact will be signed on June 10.", "June 10", "2031-06-10"),
            ("gamma", "The pact will be signed next week.", "next week", "2031-06-09/2031-06-15")):
        an = st.add(name, sentences=[text], times=[(when, value)])
        claims.append(extract_claims(an, st.resolution)[0])
    [fact] = judge([claims], st.origins, st.resolution)
    [cf] = [c for c in fact.conflicts if c.kind == "date"]
    assert sorted(v.text for v in cf.values) == ["June 10", "June 9"]


def test_hedged_vs_asserted_is_a_modality_discrepancy():
    st, groups = _pair(
        {"sentences": ["A salvage deal may be signed this week."],
         "clauses": [("A salvage deal may be signed this week.", "hedged", False)]},
        {"sentences": ["A salvage deal will be signed this week."]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("modality", "discrepancy")}
    assert fact.status == "conflicting"


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


def test_like_words_in_reported_speech_from_two_sources_do_not_contradict():
    # no quotation marks on either side: two sources telling one charge, no quote misplaced
    words = "Ola Varke was charged with leaving the scene of the crash on the coast road"

    def fact_of(a_sentence: str, b_sentence: str):
        st, groups = _pair(
            {"sentences": [a_sentence], "entities": [("Dario Fenn", "PERSON", "fenn")]},
            {"sentences": [b_sentence], "entities": [("Lucia Marr", "PERSON", "marr")]},
        )
        # the claims as the quote finder credits them: the same words, two speakers
        texts = {an.article.id: an.article.text for an in st.analyses}
        claims = []
        for c, who in zip(groups[0], ("fenn", "marr"), strict=True):
            s = texts[c.span.article].index(words)
            claims.append(replace(c, span=Span(c.span.article, s, s + len(words)), text=words,
                                  asserted_by=who))
        [fact] = judge([claims], st.origins, st.resolution, texts=texts)
        return fact

    assert "attribution" not in {k for k, _ in _kinds(fact_of(
        f"{words}, Dario Fenn said.", f"{words}, Lucia Marr said."))}
    # near miss: the same words in quotation marks credited to two people still contradict
    assert ("attribution", "contradiction") in _kinds(fact_of(
        f'Dario Fenn said: "{words}."', f'Lucia Marr said: "{words}."'))


def test_facts_ordered_by_support_and_single_claims_kept():
    st, groups = _pair({"sentences": ["The ferry sank near Corvel Point on Sunday."]},
                       {"sentences": ["A ferry went down close to Corvel Point on Sunday."]})
    lone = [groups[0][1]]
    facts = judge([[groups[0][0]], lone], st.origins, st.resolution)
    assert [f.status for f in facts] == ["single_source", "single_source"]
    facts = judge([lone, groups[0]], st.origins, st.resolution)
    assert [f.id for f in facts] == ["F1", "F2"] and facts[0].status == "corroborated"


def test_same_speaker_in_two_forms_is_not_an_attribution_conflict():
    words = "no vessel entered the closed zone during the night."
    st, groups = _pair(
        {"sentences": [f'The Norlandic coast guard said "{words}"'],
         "entities": [("Norlandic coast guard", "ORG", "guard")],
         "quotes": [(words, "direct", "guard")]},
        {"sentences": [f'Norland said "{words}"'],
         "entities": [("Norland", "GPE", "norland")], "quotes": [(words, "direct", "norland")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts and fact.status == "corroborated"


def test_paraphrase_by_two_holders_of_one_role_is_an_entity_conflict():
    st, groups = _pair(
        {"sentences": ["Ilse Varn said the harbour report would be published in May."],
         "entities": [("Ilse Varn", "PERSON", "varn")],
         "quotes": [("the harbour report would be published in May.", "reported", "varn")]},
        {"sentences": ["Odo Prell said the harbour report would come out in May."],
         "entities": [("Odo Prell", "PERSON", "prell")],
         "quotes": [("the harbour report would come out in May.", "reported", "prell")]},
    )
    roles = {"varn": "spokesperson for the Corvel port authority",
             "prell": "Corvel port authority spokesperson"}
    for e in st.resolution.entities:
        e.roles.append(roles[e.id])
    [fact] = judge(groups, st.origins, st.resolution)
    assert ("entity", "contradiction") in _kinds(fact)
    [cf] = [c for c in fact.conflicts if c.kind == "entity"]
    assert {v.value for v in cf.values} == {"Ilse Varn", "Odo Prell"}
    # two people with different posts may say the same thing
    next(e for e in st.resolution.entities if e.id == "prell").roles[:] = ["harbour master"]
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts


def test_open_ended_and_precise_counts():
    more = Quantity(0, 1, "more than 3,500", 3501, None, "people", True)
    assert compare_numbers(more, Quantity(0, 1, "4,000", 4000, 4000, "people", False)) \
        == "discrepancy"
    assert compare_numbers(more, Quantity(0, 1, "2,000", 2000, 2000, "people", False)) \
        == "contradiction"
    about = Quantity(0, 1, "about 40,000", 36000, 44000, "tonnes", True, 1000)
    # "about 40,000" is told to the thousand: 40,300 rounds to it, 42,500 is another figure
    # (still inside what "about" reaches: a discrepancy), 44,500 is past that reach
    assert compare_numbers(about, Quantity(0, 1, "40,300", 40300, 40300, "tonnes", False)) \
        is None
    assert compare_numbers(about, Quantity(0, 1, "42,500", 42500, 42500, "tonnes", False)) \
        == "discrepancy"
    assert compare_numbers(about, Quantity(0, 1, "44,500", 44500, 44500, "tonnes", False)) \
        == "contradiction"
    assert compare_numbers(about, Quantity(0, 1, "40,000", 40000, 40000, "tonnes", False)) is None


# --------------------------------------------------------------------------- the bundled events
# Groups are built by hand from the planted phrases in answers.json, but every claim carries the
# real analyzer, resolver and claim extractor outputs.


@pytest.fixture(scope="module")
def event_data(models):
    cache: dict[str, tuple] = {}

    def get(event: str):
        if event not in cache:
            analyses = analyze(load_event(event), models)
            res = resolve(analyses)
            origins = find_origins([an.article for an in analyses])
            claims = {an.article.id: extract_claims(an, res) for an in analyses}
            texts = {an.article.id: an.article.text for an in analyses}
            cache[event] = (res, origins, claims, texts)
        return cache[event]

    return get


def _claim_at(claims, text: str, phrase: str):
    i = text.index(phrase)
    j = i + len(phrase)
    return max(claims, key=lambda c: min(c.span.end, j) - max(c.span.start, i))


def _planted(event_data, event: str, description: str = "", *, corroborated: bool = False):
    """The judged fact of one planted conflict (or corroborated fact) of a bundled event."""
    res, origins, claims, texts = event_data(event)
    ans = answers(event)
    if corroborated:
        entry = next(e for e in ans["corroborated"] if description in e["description"])
        phrases = entry["phrases"]
    else:
        entry = next(e for e in ans["conflicts"] if description in e["description"])
        phrases = {f: entry.get("quote", p) for f, p in entry["values"].items()}
    group = []
    for fname, phrase in phrases.items():
        aid = fname.rsplit(".", 1)[0]
        group.append(_claim_at(claims[aid], texts[aid], phrase))
    [fact] = judge([group], origins, res, texts=texts)
    for cf in fact.conflicts:  # every value is a real span of its article, side by side
        for v in cf.values:
            assert texts[v.span.article][v.span.start:v.span.end] == v.text
    return fact


def _one(fact, kind: str):
    found = [c for c in fact.conflicts if c.kind == kind]
    assert len(found) == 1, fact.conflicts
    return found[0]


def test_real_death_toll_contradiction(event_data):
    fact = _planted(event_data, "skarn-ferry", "death toll")
    cf = _one(fact, "number")
    assert cf.severity == "contradiction" and fact.status == "conflicting"
    assert sorted({v.text for v in cf.values}) == ["12", "19"]
    # "has risen to 19": the reader is told the higher count may be a later one
    assert "later count" in cf.explanation


def test_a_count_given_as_a_change_is_explained_not_hidden(event_data):
    # the missing count carries no "has risen to": its explanation stays plain
    cf = _one(_planted(event_data, "skarn-ferry", "missing"), "number")
    assert "later count" not in cf.explanation


def test_real_missing_count_discrepancy_ignores_the_dead_in_the_same_sentence(event_data):
    fact = _planted(event_data, "skarn-ferry", "missing")
    cf = _one(fact, "number")
    assert cf.severity == "discrepancy"
    assert {v.text for v in cf.values} == {"around 30", "Several dozen"}


def test_real_counts_with_different_nouns_and_precision(event_data):
    cf = _one(_planted(event_data, "brenmouth-fire", "evacuated"), "number")
    assert cf.severity == "contradiction"
    assert {v.text for v in cf.values} == {"About 2,000", "Around 2,000", "More than 3,500"}
    cf = _one(_planted(event_data, "brenn-bank-fisheries", "quota"), "number")
    assert cf.severity == "discrepancy"
    assert {v.text for v in cf.values} == {"about 40,000", "42,500"}
    cf = _one(_planted(event_data, "brenmouth-fire", "injured firefighters"), "number")
    assert cf.severity == "discrepancy"


def test_real_date_contradictions(event_data):
    cf = _one(_planted(event_data, "skarn-ferry", "capsized on"), "date")
    assert cf.severity == "contradiction"
    assert {"Tuesday", "Wednesday"} <= {v.text for v in cf.values}
    cf = _one(_planted(event_data, "brenn-bank-fisheries", "signing on"), "date")
    assert {v.value for v in cf.values} == {"2025-06-09", "2025-06-10"}


def test_real_same_weekday_anchored_to_different_weeks_is_one_date(event_data):
    fact = _planted(event_data, "brenmouth-fire", "schools will vs may")
    assert _kinds(fact) == {("modality", "discrepancy")}
    assert fact.status == "conflicting"


def test_real_place_and_owner_conflicts(event_data):
    cf = _one(_planted(event_data, "skarn-ferry", "where it capsized"), "entity")
    assert {v.value for v in cf.values} == {"Vestra", "Hollen Point"}
    cf = _one(_planted(event_data, "brenn-bank-fisheries", "where the talks"), "entity")
    # "fishing rights in the Brenn Bank after two days of talks in Kallio": only the talks' place
    assert {v.value for v in cf.values} == {"Vestra", "Kallio"}
    cf = _one(_planted(event_data, "brenmouth-fire", "warehouse owner"), "entity")
    assert {v.value for v in cf.values} == {"Tessel Chemicals", "Brenkem Logistics"}


def test_real_corroborated_facts_raise_no_conflict(event_data):
    # Yury / Yuri Petrov, hospitals "in Port Alder and Vestra" / "in Vestra", 212 on board,
    # a warning "at midday on Tuesday" / "at 12:00 on 11 March"
    for event, desc in (("skarn-ferry", "captain survived"), ("skarn-ferry", "hospital in Vestra"),
                        ("skarn-ferry", "212 people"), ("skarn-ferry", "storm warning"),
                        ("brenn-bank-fisheries", "Inspectors")):
        fact = _planted(event_data, event, desc, corroborated=True)
        assert fact.status == "corroborated", (desc, fact.conflicts)
        assert not [c for c in fact.conflicts if c.kind in ("number", "date", "entity")]


def test_real_negations(event_data):
    cf = _one(_planted(event_data, "skarn-ferry", "detained"), "negation")
    assert {(v.text, v.value) for v in cf.values} == {
        ("had not been detained", "negated"), ("had been detained", "affirmed")}
    for event, desc in (("brenn-bank-fisheries", "Aas confirmed"),
                        ("brenmouth-fire", "chlorine")):
        cf = _one(_planted(event_data, event, desc), "negation")
        assert {v.value for v in cf.values} == {"negated", "affirmed"}


def test_a_negation_bounded_in_time_is_a_limit_not_a_denial():
    st, groups = _pair(
        {"sentences": ["Most residents were allowed home by 9 p.m. on Sunday."]},
        {"sentences": ["Residents would not be allowed home before Sunday evening at the earliest."],
         "clauses": [("Residents would not be allowed home before Sunday evening at the "
                      "earliest.", "asserted", True)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "negation"]


def test_two_denials_of_one_verb_agree_whichever_clause_is_marked_negated():
    # the clause finder marks the finite "would not stand" negated but not the bare "to not
    # stand" of a noun phrase: both deny the same verb, so there is nothing to contradict
    st, groups = _pair(
        {"sentences": ["Mayor Tessa Lund said she would not stand for a third term."],
         "clauses": [("she would not stand for a third term.", "asserted", True)]},
        {"sentences": ["Lund's decision to not stand for a third term surprised the council."]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "negation"]
    # ... while a denial of another verb still contradicts ("not retire" vs "to stand")
    st, groups = _pair(
        {"sentences": ["Mayor Tessa Lund said she would not retire this year."],
         "clauses": [("she would not retire this year.", "asserted", True)]},
        {"sentences": ["Lund will retire this year, her office said."]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert [c.kind for c in fact.conflicts if c.kind == "negation"] == ["negation"]


def test_a_denial_agrees_with_a_negated_statement(event_data):
    # "denied that the Saga Vind had been overloaded" / "declared that the ship was not
    # overloaded": both say it was not overloaded, so no negation conflict
    fact = _planted(event_data, "skarn-ferry", "not overloaded", corroborated=True)
    assert not [c for c in fact.conflicts if c.kind == "negation"]
    assert fact.status == "corroborated"


def test_real_attribution_conflicts(event_data):
    # the wire names the minister as a bare string, its rewrite as an entity: still one speaker
    cf = _one(_planted(event_data, "skarn-ferry", "interior minister"), "attribution")
    assert {v.value for v in cf.values} == {"Ana Ruiz", "Tomas Brekke"}
    assert "coastal-herald" not in {v.span.article for v in cf.values}
    # side by side: the speakers as named next to the quote, not the identical words twice
    _names_shown(cf)
    cf = _one(_planted(event_data, "brenmouth-fire", "fire chief"), "attribution")
    assert {v.value for v in cf.values} == {"Petra Nyberg", "Oskar Lund"}
    _names_shown(cf)


def _names_shown(cf) -> None:
    """Each side shows a mention of its own speaker ("Ruiz" for Ana Ruiz), not the words."""
    for v in cf.values:
        shown, name = set(v.text.split()), set(v.value.split())
        assert shown & name and len(v.text) < 40, (v.text, v.value)


def test_unresolved_weekdays_compare_by_name_and_a_missing_date_is_no_conflict():
    st, groups = _pair(
        {"sentences": ["The ferry sank on Sunday."], "times": [("Sunday", None)]},
        {"sentences": ["The ferry sank on Saturday."], "times": [("Saturday", None)]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert _kinds(fact) == {("date", "contradiction")}
    assert {v.value for v in fact.conflicts[0].values} == {"sunday", "saturday"}
    st, groups = _pair(
        {"sentences": ["The ferry sank on Sunday."], "times": [("Sunday", "2031-05-04")]},
        {"sentences": ["The ferry sank near Corvel Point."]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts


def test_real_spokesperson_conflict_names_both_people(event_data):
    """Ingrid Sol vs Maren Ekdal, both "spokesperson for Norland's foreign ministry": grouped by
    what each is reported to have said; the values are the two names, side by side."""
    res, origins, claims, texts = event_data("brenn-bank-fisheries")
    quotes = {q["speaker"]: q for q in answers("brenn-bank-fisheries")["quotes"]}
    group = []
    for name in ("Ingrid Sol", "Maren Ekdal"):
        aid = quotes[name]["file"].rsplit(".", 1)[0]
        group.append(_claim_at(claims[aid], texts[aid], quotes[name]["content"]))
    [fact] = judge([group], origins, res, texts=texts)
    cf = _one(fact, "entity")
    assert cf.severity == "contradiction" and fact.status == "conflicting"
    assert [(v.text, v.value) for v in cf.values] == [("Ingrid Sol", "Ingrid Sol"),
                                                      ("Maren Ekdal", "Maren Ekdal")]
    for v in cf.values:
        assert texts[v.span.article][v.span.start:v.span.end] == v.text
    assert "spokesperson" in cf.explanation
    # both are people with the stated role, not "Hadeby, Maren Ekdal" as an organisation
    by_name = {e.name: e for e in res.entities}
    assert by_name["Maren Ekdal"].type == by_name["Ingrid Sol"].type == "PERSON"
    assert any("spokesperson" in r for r in by_name["Maren Ekdal"].roles)


def test_two_spellings_of_one_name_never_conflict(event_data):
    """Yury / Yuri Petrov is one person: one entity, and no entity conflict between them."""
    res, origins, claims, texts = event_data("skarn-ferry")
    petrov = [e for e in res.entities if "Petrov" in e.name]
    assert len(petrov) == 1 and petrov[0].type == "PERSON"
    assert {"Yury Petrov", "Yuri Petrov"} <= {petrov[0].name, *petrov[0].aliases}
    fact = _planted(event_data, "skarn-ferry", "captain survived", corroborated=True)
    assert not [c for c in fact.conflicts if c.kind == "entity"]


def test_a_region_and_a_place_in_it_do_not_conflict():
    st, groups = _pair(
        {"sentences": ["The ferry sank in the Mirren Sound."],
         "entities": [("Mirren Sound", "LOC", "mirren")]},
        {"sentences": ["The ferry sank near Tarrow Point."],
         "entities": [("Tarrow Point", "FAC", "tarrow")]},
    )
    [fact] = judge(groups, st.origins, st.resolution)
    assert not fact.conflicts and fact.status == "corroborated"


def test_no_entity_in_the_slot_on_one_side_is_no_conflict(event_data):
    # "published after the signing ceremony" / "made public once both ministers had signed it":
    # no place or agent on either side; only the two spokespeople (the planted conflict) differ
    res, origins, claims, texts = event_data("brenn-bank-fisheries")
    group = [_claim_at(claims[a], texts[a], p) for a, p in (
        ("continental-press", "published after the signing ceremony"),
        ("estmark-times", "made public once both ministers had signed it"))]
    [fact] = judge([group], origins, res, texts=texts)
    cf = _one(fact, "entity")
    assert {v.value for v in cf.values} == {"Ingrid Sol", "Maren Ekdal"}
    assert "spokesperson" in cf.explanation


def test_real_ferry_place_stated_in_another_sentence_is_compared_across_facts(event_data):
    # the wire dates the capsize in one sentence and places it in another ("when it rolled onto
    # its side ... off Vestra"); Kallio Dagblad says both in one ("sank on Wednesday evening
    # near Hollen Point"), so alignment can put it with only one of the wire's two claims
    res, origins, claims, texts = event_data("skarn-ferry")

    def at(aid: str, phrase: str):
        return _claim_at(claims[aid], texts[aid], phrase)

    dated = [at("meridian-wire", "A passenger ferry capsized in heavy seas"),
             at("kallio-dagblad", "near Hollen Point")]
    placed = [at("meridian-wire", "when it rolled onto its side"),
              at("alder-gazette", "in the strait off Vestra")]
    facts = judge([dated, placed], origins, res, texts=texts)
    found = [(f, cf) for f in facts for cf in f.conflicts if cf.kind == "entity"]
    assert len(found) == 1
    fact, cf = found[0]
    assert fact.status == "conflicting"
    assert {(v.span.article, v.value) for v in cf.values} == {
        ("meridian-wire", "Vestra"), ("alder-gazette", "Vestra"),
        ("kallio-dagblad", "Hollen Point")}
    for v in cf.values:
        assert texts[v.span.article][v.span.start:v.span.end] == v.text
    assert not [cf for f in judge([dated, placed], origins, res, texts=texts, cross_fact=False)
                for cf in f.conflicts if cf.kind == "entity"]


def test_every_sentence_of_an_article_in_a_fact_is_checked_against_the_other_outlets():
    # alpha states the capsize twice (a count only in its second sentence); beta's count
    # disagrees with it: the fact must not read as corroborated
    st = Story()
    a = st.add("alpha", ["A ferry capsized in the Corvel strait.",
                         "The ferry capsized and 30 passengers were killed."],
               quantities=[("30 passengers", 30, 30, "passengers", False)])
    b = st.add("beta", ["The ferry capsized and 45 passengers were killed."],
               quantities=[("45 passengers", 45, 45, "passengers", False)])
    ca = extract_claims(a, st.resolution)
    cb = extract_claims(b, st.resolution)
    assert len(ca) == 2
    [fact] = judge([[ca[0], ca[1], cb[0]]], st.origins, st.resolution)
    assert _kinds(fact) == {("number", "contradiction")}
    assert fact.status == "conflicting"
    # two sentences of one article never conflict with each other
    c = st.add("gamma", ["The ferry capsized and 30 passengers were killed.",
                         "Later, the ferry capsized and 45 passengers were killed."],
               quantities=[("30 passengers", 30, 30, "passengers", False),
                           ("45 passengers", 45, 45, "passengers", False)])
    cc = extract_claims(c, st.resolution)
    [solo] = judge([cc], st.origins, st.resolution)
    assert solo.status == "single_source" and not solo.conflicts
