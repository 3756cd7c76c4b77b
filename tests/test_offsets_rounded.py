"""A time told as its distance from the day of writing ("three years ago") is rounded by nature:
"three years ago" beside "more than three years ago" is no conflict, while distances that cannot
overlap still are (fictional sentences about an invented harbour inquiry, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Quantity, Resolution, Span
from consilience.story.judge import judge
from consilience.story.values import value_roles


def _number_conflicts(nlp, *rows: tuple[str, str, float, float | None]) -> list[str]:
    claims, docs = [], {}
    for n, (text, number, low, high) in enumerate(rows):
        s = text.index(number)
        q = Quantity(s, s + len(number), number, low, high, unit="year",
                     approximate=high != low)
        claims.append(Claim(id=f"a{n}:c0", span=Span(f"a{n}", 0, len(text)), text=text,
                            sentence=0, quantities=[q]))
        docs[f"a{n}"] = nlp(text)
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, roles=roles)
    return [cf.severity for cf in fact.conflicts if cf.kind == "number"]


def test_an_open_distance_in_time_that_holds_the_other_is_no_conflict(nlp):
    assert _number_conflicts(
        nlp, ("Orsund prosecutors began investigating the harbour fund three years ago.", "three",
              3.0, 3.0),
        ("The inquiry into the harbour fund began more than three years ago.",
         "more than three", 3.0, None),
    ) == []


def test_distances_in_time_that_cannot_overlap_still_conflict(nlp):
    assert _number_conflicts(
        nlp, ("Orsund prosecutors began investigating the harbour fund three years ago.", "three",
              3.0, 3.0),
        ("The inquiry into the harbour fund began seven years ago.", "seven", 7.0, 7.0),
    ) == ["contradiction"]


def test_a_length_of_time_told_more_roughly_is_still_shown(nlp):
    # not a distance from the day of writing: how long the inquiry ran
    assert _number_conflicts(
        nlp, ("The inquiry into the harbour fund lasted three years.", "three", 3.0, 3.0),
        ("The inquiry into the harbour fund lasted more than three years.",
         "more than three", 3.0, None),
    ) == ["discrepancy"]
