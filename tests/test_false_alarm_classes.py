"""Classes of false alarms found on real multi-outlet news (bench/conflict_audit.py), each on a
fictional story in two outlets' house styles: a street and the town holding it, a denial through
"no", a decade misread as a date. Each was shown as a contradiction; none is one."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.claims import extract_claims
from consilience.story.judge import judge


def _fact(a_kwargs: dict, b_kwargs: dict):
    st = Story()
    a = st.add("alpha", **a_kwargs)
    b = st.add("beta", **b_kwargs)
    group = [extract_claims(a, st.resolution)[0], extract_claims(b, st.resolution)[0]]
    texts = {an.article.id: an.article.text for an in (a, b)}
    [fact] = judge([group], st.origins, st.resolution, texts=texts)
    return fact


def _kinds(fact) -> set[str]:
    return {c.kind for c in fact.conflicts}


def test_a_street_and_the_town_an_outlet_puts_it_in_are_no_place_conflict():
    # the local paper gives the street, the wire the town; the paper says where the street is
    fact = _fact(
        {"sentences": ["The depot burned in Mill Lane.",
                       "Mill Lane, Dunmore, stayed closed on Monday."],
         "entities": [("Mill Lane", "FAC", "mill"), ("Dunmore", "GPE", "dunmore")]},
        {"sentences": ["The depot burned in Gorsey."],
         "entities": [("Gorsey", "GPE", "gorsey")]},
    )
    assert "entity" in _kinds(fact)  # a street of Dunmore is not in Gorsey
    fact = _fact(
        {"sentences": ["The depot burned in Mill Lane.",
                       "Mill Lane, Dunmore, stayed closed on Monday."],
         "entities": [("Mill Lane", "FAC", "mill"), ("Dunmore", "GPE", "dunmore")]},
        {"sentences": ["The depot burned in Dunmore town centre."],
         "entities": [("Dunmore", "GPE", "dunmore")]},
    )
    assert "entity" not in _kinds(fact) and fact.status == "corroborated"


def test_a_denial_through_no_agrees_with_a_denial_through_not():
    fact = _fact(
        {"sentences": ["No ledger has been found."]},
        {"sentences": ["The ledger has not been found."],
         "clauses": [("The ledger has not been found.", "asserted", True)]},
    )
    assert "negation" not in _kinds(fact)
    fact = _fact(
        {"sentences": ["The ledger has been found."]},
        {"sentences": ["The ledger has not been found."],
         "clauses": [("The ledger has not been found.", "asserted", True)]},
    )
    assert "negation" in _kinds(fact)


def test_a_contracted_negation_agrees_with_a_spelled_out_one():
    fact = _fact(
        {"sentences": ["Her lawyer said it’s not her nature to hide."]},
        {"sentences": ["Her lawyer said it is not in her nature to hide."],
         "clauses": [("Her lawyer said it is not in her nature to hide.", "asserted", True)]},
    )
    assert "negation" not in _kinds(fact)


def test_a_decade_misread_as_a_date_dates_nothing():
    # "the 1920s" resolved to some day of another century is a misreading, not a date
    fact = _fact(
        {"sentences": ["The Tolvik museum opened in the 1920s."],
         "times": [("1920s", "2040-03-01")]},
        {"sentences": ["The Tolvik museum opened in 1924."], "times": [("1924", "1924")]},
    )
    assert "date" not in _kinds(fact)
    fact = _fact(
        {"sentences": ["The Tolvik museum opened in 1931."], "times": [("1931", "1931")]},
        {"sentences": ["The Tolvik museum opened in 1924."], "times": [("1924", "1924")]},
    )
    assert "date" in _kinds(fact)


def test_a_holding_town_written_after_a_street_but_not_tagged_there_still_holds_it():
    # the tagger found "Dunmore" elsewhere in the story, not after the street: its name
    # written right after the street is enough
    fact = _fact(
        {"sentences": ["The depot burned in Mill Lane, Dunmore."],
         "entities": [("Mill Lane", "FAC", "mill")]},
        {"sentences": ["The depot burned in Dunmore."],
         "entities": [("Dunmore", "GPE", "dunmore")]},
    )
    assert "entity" not in _kinds(fact)
    # near miss: another town after the street is no holder of the first
    fact = _fact(
        {"sentences": ["The depot burned in Mill Lane, Gorsey."],
         "entities": [("Mill Lane", "FAC", "mill")]},
        {"sentences": ["The depot burned in Dunmore."],
         "entities": [("Dunmore", "GPE", "dunmore")]},
    )
    assert "entity" in _kinds(fact)


def test_a_name_after_the_is_no_person_acting():
    # a headline run typed as a person ("Rovers Edge Hawks") whose mention is "the Hawks" in
    # the body: a name written after "the" is a team's, not a person's in the actor's role
    fact = _fact(
        {"sentences": ["Tomas Brel drove the Rovers to the Hawks' 9-yard line late on."],
         "entities": [("Tomas Brel", "PERSON", "brel")]},
        {"sentences": ["The Hawks drove to the Rovers' 9-yard line late on."],
         "entities": [("Hawks", "PERSON", "hawks")]},
    )
    assert "entity" not in _kinds(fact)
    # near miss: two people named without "the" in the actor's role still contradict
    fact = _fact(
        {"sentences": ["Tomas Brel drove the Rovers to the Hawks' 9-yard line late on."],
         "entities": [("Tomas Brel", "PERSON", "brel")]},
        {"sentences": ["Ilka Varga drove the Rovers to the Hawks' 9-yard line late on."],
         "entities": [("Ilka Varga", "PERSON", "varga")]},
    )
    assert "entity" in _kinds(fact)
