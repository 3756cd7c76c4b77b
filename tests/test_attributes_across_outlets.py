"""What outlets say a person is meets across articles (story/attributes.py): a fictional harbour
depot opening told by three fictional outlets, each describing councillor Orla Vantrek its own
way (an apposition, a title before the name, a copular sentence). One attribute told three ways
is one corroborated fact; two ages of one person are a number contradiction; an age and a role
never conflict; two people of one surname (mother and son) keep their own attributes."""

from __future__ import annotations

import pytest

import consilience

QUAYSIDE = """Brenholm depot opens after two years of delays
The Quayside Post

BRENHOLM \u2014 Orla Vantrek, a four-term councillor, opened the new ferry depot in Brenholm on Monday.

Ms. Vantrek, 61, said the depot would cut waiting times for island passengers by half.

Her son Piet Vantrek, 34, runs the ferry company that will use the depot.
"""

GULL = """New ferry depot for Brenholm
Gull Island Radio

The four-term councillor Orla Vantrek cut the ribbon at the Brenholm ferry depot on Monday morning.

Orla Vantrek, 63, thanked the builders and the island families who had waited for the depot.
"""

LANTERN = """Brenholm's ferry depot is finally open
The Lantern Weekly

The ferry depot in Brenholm opened on Monday, two years later than planned.

Orla Vantrek is a four-term councillor for the harbour ward and has pushed for the depot since 2019.

Ms. Vantrek, 61, told reporters that the old pier would be turned into a park.

Piet Vantrek, 34, the ferry operator, said the first boats would dock there next week.
"""


@pytest.fixture(scope="module")
def report(models):
    return consilience.compare([
        {"id": "quayside", "source": "The Quayside Post", "text": QUAYSIDE},
        {"id": "gull", "source": "Gull Island Radio", "text": GULL},
        {"id": "lantern", "source": "The Lantern Weekly", "text": LANTERN},
    ], models=models)


def _attribute_facts(report, name: str):
    return [f for f in report.facts if f.claims and all(
        c.attribute is not None and c.attribute.name == name for c in f.claims)]


def _entity(report, name: str) -> str:
    return next(e.id for e in report.entities if e.name == name)


def test_one_attribute_told_three_ways_is_one_corroborated_fact(report):
    orla = _entity(report, "Orla Vantrek")
    [fact] = [f for f in _attribute_facts(report, "term")
              if {c.attribute.entity for c in f.claims} == {orla}]
    assert {c.span.article for c in fact.claims} == {"quayside", "gull", "lantern"}
    assert {c.attribute.value for c in fact.claims} == {4}
    assert fact.status == "corroborated"
    assert not fact.conflicts
    # each claim spans the description's own words in its article
    for c in fact.claims:
        text = next(a.text for a in report.articles if a.id == c.span.article)
        assert text[c.span.start:c.span.end] == c.text
        assert "four-term councillor" in c.text
    assert fact.text.startswith("Orla Vantrek: ")


def test_two_ages_of_one_person_conflict(report):
    orla = _entity(report, "Orla Vantrek")
    [fact] = [f for f in _attribute_facts(report, "age")
              if {c.attribute.entity for c in f.claims} == {orla}]
    assert fact.status == "conflicting"
    [cf] = fact.conflicts
    assert cf.kind == "number" and cf.severity == "contradiction"
    assert {v.value for v in cf.values} == {61, 63}
    assert {v.span.article for v in cf.values} == {"quayside", "gull", "lantern"}


def test_an_age_and_a_role_never_conflict(report):
    for f in report.facts:
        for cf in f.conflicts:
            attrs = {v.text for v in cf.values}
            assert not ("four-term councillor" in " ".join(attrs) and "61" in attrs)
    for f in _attribute_facts(report, "term"):
        assert not f.conflicts


def test_two_people_of_one_surname_are_kept_apart(report):
    orla, piet = _entity(report, "Orla Vantrek"), _entity(report, "Piet Vantrek")
    assert orla != piet
    for f in report.facts:
        owners = {c.attribute.entity for c in f.claims if c.attribute is not None}
        assert len(owners) <= 1
    # the son's age (34) is his own fact, never set against his mother's (61, 63)
    [son] = [f for f in _attribute_facts(report, "age")
             if {c.attribute.entity for c in f.claims} == {piet}]
    assert {c.attribute.value for c in son.claims} == {34}
    assert son.status == "corroborated"
    assert son.text == "Piet Vantrek: age 34"
    for f in report.facts:
        for cf in f.conflicts:
            assert 34 not in {v.value for v in cf.values}


def test_attribute_facts_reach_every_format(report):
    from consilience.render.jsonout import report_to_dict

    d = report_to_dict(report)
    texts = [f["text"] for f in d["facts"]]
    assert any(t.startswith("Orla Vantrek: ") for t in texts)
    claims = [c for f in d["facts"] for c in f["claims"] if "attribute" in c]
    assert {(c["text"], c["attribute"]["name"], c["attribute"]["value"]) for c in claims} >= {
        ("four-term councillor", "term", 4), ("63", "age", 63)}
    from consilience.render.html import render_html
    from consilience.render.markdown import render_markdown

    assert "Orla Vantrek: four-term councillor" in render_markdown(report)
    assert "Orla Vantrek: four-term councillor" in render_html(report)
    from consilience.render.terminal import render_text

    shown = render_text(report, width=200)
    assert "Orla Vantrek: four-term councillor" in shown
    assert "age stated as 61 and 63" in shown


# A second fictional story: a senators' rowing race. One outlet states a role in a copular
# sentence, another in an apposition hung on the senator's party tag ("L-Ost."); both give her
# a count of terms, one of them only as an epithet ("the three-term senator"), which stands for
# the person the article is about. A third outlet names two senators equally often: its epithet
# is nobody's in particular and yields no attribute.
COURIER = """Rowing race on the Osterby canal goes ahead
The Marsk Courier

OSTERBY \u2014 Senator Hanne Varlow and Senator Aldo Fenn met at the boathouse on Friday to agree on the rules.

Ms. Varlow is the captain of the Liberal crew.

Ms. Varlow, a three-term senator, said the race would start at noon on Saturday.
"""

STAR = """Senators' boat race is on
Osterby Evening Star

Sen. Hanne Varlow, L-Ost., captain of the Liberal rowing team, said the race would go ahead despite the wind.

Ms. Varlow said her crew had trained for six weeks. Ms. Varlow also thanked the canal keepers.

"We will win," the three-term senator told reporters at the boathouse.
"""

TOWPATH = """Canal race draws crowds
Towpath Radio

Senator Hanne Varlow and Senator Aldo Fenn shook hands at the start line on Saturday.

Ms. Varlow waved to the crowd and Mr. Fenn thanked the canal keepers.

The four-term senator said the wind had made the race harder.
"""


@pytest.fixture(scope="module")
def race(models):
    return consilience.compare([
        {"id": "courier", "source": "The Marsk Courier", "text": COURIER},
        {"id": "star", "source": "Osterby Evening Star", "text": STAR},
        {"id": "towpath", "source": "Towpath Radio", "text": TOWPATH},
    ], models=models)


def test_role_in_a_copular_sentence_meets_an_apposition_after_a_party_tag(race):
    [fact] = _attribute_facts(race, "captain")
    assert {c.span.article for c in fact.claims} == {"courier", "star"}
    assert fact.status == "corroborated"
    assert {c.text for c in fact.claims} == {"captain of the Liberal crew",
                                            "captain of the Liberal rowing team"}


def test_an_epithet_describes_the_article_main_person_only(race):
    [fact] = _attribute_facts(race, "term")
    assert {c.span.article for c in fact.claims} == {"courier", "star"}
    assert {c.attribute.value for c in fact.claims} == {3}
    assert fact.status == "corroborated" and not fact.conflicts
    # the third outlet's "four-term senator" could be either of two senators: no attribute,
    # so no conflict with the "three-term" of the others
    assert not [c for f in race.facts for c in f.claims
                if c.attribute is not None and c.span.article == "towpath"]


def test_a_corroborated_attribute_takes_no_summary_slot(report):
    corroborated = {f.id for f in _attribute_facts(report, "term")}
    assert corroborated
    assert not [s for s in report.summary if corroborated & set(s.facts)]
