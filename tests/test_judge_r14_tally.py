"""Vote tallies and scores as one exact value (AlignParams.tally_values, docs/quality.md,
"r14-tally"). Every outlet, body, team and place here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article, Quantity
from consilience.story import align
from consilience.story.values import read_tallies


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _tally_conflicts(models, a: str, b: str) -> list[list[str]]:
    from consilience.api import compare

    arts = [Article(id="ember", text=a, source="Ember Post"),
            Article(id="flint", text=b, source="Flint Courier")]
    report = compare(arts, models=models)
    return [[v.text for v in cf.values] for f in report.facts for cf in f.conflicts
            if cf.kind == "number"]


def _both_ways(models, switch, a: str, b: str) -> tuple[list[list[str]], list[list[str]]]:
    switch(tally_values=True)
    on = _tally_conflicts(models, a, b)
    switch(tally_values=False)
    return on, _tally_conflicts(models, a, b)


# --- two tallies of one vote disagree: one number conflict, the tallies side by side ------------

def test_a_council_vote_told_with_two_tallies_conflicts(models, switch):
    on, off = _both_ways(
        models, switch,
        "The Orlen council passed the harbour budget 34-19 on Tuesday.",
        "The Orlen council passed the harbour budget by 34 votes to 21 on Tuesday.")
    assert on == [["34-19", "34 votes to 21"]]
    assert off == []


def test_a_shareholders_vote_told_with_two_tallies_conflicts(models, switch):
    on, off = _both_ways(
        models, switch,
        "Shareholders of Brimco approved the Quell merger by a vote of 812 to 44 on Friday.",
        "Shareholders of Brimco approved the Quell merger by a vote of 802 to 54 on Friday.")
    assert on == [["812 to 44", "802 to 54"]]
    assert off == []


def test_a_football_score_told_two_ways_conflicts(models, switch):
    on, off = _both_ways(
        models, switch,
        "Vantor United won 3-1 against Sella Rovers on Saturday.",
        "Vantor United won 2-1 against Sella Rovers on Saturday.")
    assert on == [["3-1", "2-1"]]
    assert off == []


def test_a_court_split_in_figures_and_in_words_conflicts(models, switch):
    on, off = _both_ways(
        models, switch,
        "The Kestrel high court ruled 5-4 that the levy was lawful.",
        "The Kestrel high court ruled by six votes to three that the levy was lawful.")
    assert on == [["5-4", "six votes to three"]]
    assert off == []


# --- one tally in two forms agrees; look-alikes stay apart ---------------------------------------

def test_one_tally_in_two_forms_is_no_conflict(models, switch):
    on, _ = _both_ways(
        models, switch,
        "The Orlen council passed the harbour budget 34-19 on Tuesday.",
        "The Orlen council passed the harbour budget by 34 votes to 19 on Tuesday.")
    assert on == []


def test_two_named_bodies_tallies_stay_apart(models, switch):
    on, _ = _both_ways(
        models, switch,
        "The Marsh Assembly passed the Tarn water bill 348-77 on Monday.",
        "The Marsh Senate passed the Tarn water bill 97-1 on Monday.")
    assert on == []


def test_two_unnamed_chambers_tallies_stay_apart_by_their_size(models, switch):
    # one subject noun for both bodies: only the sizes of the two electorates part them
    on, _ = _both_ways(
        models, switch,
        "The lower chamber passed the Tarn water bill 348-77 on Monday.",
        "The upper chamber passed the Tarn water bill 97-1 on Monday.")
    assert on == []


def test_two_voted_items_tallies_stay_apart(models, switch):
    on, _ = _both_ways(
        models, switch,
        "The Orlen council passed the harbour budget 31-23 on Tuesday.",
        "The Orlen council passed the ferry amendment 30-25 on Tuesday.")
    assert on == []


# --- reading a tally -------------------------------------------------------------------------------

def _q(text: str, sub: str, low: float, high: float, unit: str | None = None) -> Quantity:
    s = text.index(sub)
    return Quantity(s, s + len(sub), sub, low, high, unit=unit)


def test_a_dash_pair_large_first_is_a_tally_with_an_optional_third_side():
    text = "The board voted 5-2-1 to sell the Ostra depot."
    assert read_tallies(text, [_q(text, "5-2", 5, 2)]) == {
        text.index("5-2"): ((5.0, 2.0, 1.0), text.index("5-2"), text.index("5-2") + 5)}


def test_a_range_a_season_and_a_plain_to_pair_are_no_tally():
    text = "Aged 18-24, they played the 2019-20 season and rose from 30 to 20 in the table."
    qs = [_q(text, "18-24", 18, 24), _q(text, "2019-20", 2019, 20), _q(text, "30 to 20", 30, 20)]
    assert read_tallies(text, qs) == {}


def test_two_quantities_joined_by_votes_to_are_one_tally_with_an_offset():
    text = "The motion passed by 31 votes to 24."
    qs = [_q(text, "31", 31, 31, "vote"), _q(text, "24", 24, 24)]
    at = (100 + text.index("31"), 100 + text.index("24") + 2)
    shifted = [replace(q, start=q.start + 100, end=q.end + 100) for q in qs]
    got = read_tallies(text, shifted, offset=100)
    assert got == {at[0]: ((31.0, 24.0), *at), 100 + text.index("24"): ((31.0, 24.0), *at)}


def test_a_to_pair_after_a_word_of_voting_is_a_tally():
    text = "Members backed it by a vote of 812 to 44."
    q = _q(text, "812 to 44", 812, 44)
    assert read_tallies(text, [q])[q.start][0] == (812.0, 44.0)


# --- a tally told with two verbs, left in two facts (AlignParams.tally_across) ---------------------

def _across(models, switch, a: str, b: str) -> tuple[list[list[str]], list[list[str]]]:
    switch(tally_across=True)
    on = _tally_conflicts(models, a, b)
    switch(tally_across=False)
    return on, _tally_conflicts(models, a, b)


def test_a_board_split_told_with_two_verbs_is_one_dispute_across_facts(models, switch):
    on, off = _across(
        models, switch,
        "The decision on the Pellam harbour lease was made by eight votes to three. "
        "Dock workers gathered outside the hall.",
        "The Pellam port board divided seven votes to four over the harbour lease. "
        "Trading in the town was quiet.")
    assert on == [["eight votes to three", "seven votes to four"]]
    assert off == []


def test_an_article_telling_two_tallies_is_no_dispute_across_facts(models, switch):
    # last year's vote beside this one: which of them the other outlet answers is open
    on, _ = _across(
        models, switch,
        "The decision on the Pellam harbour lease was made by eight votes to three. "
        "A year earlier the board had split six votes to five on the same lease.",
        "The Pellam port board divided seven votes to four over the harbour lease. "
        "Trading in the town was quiet.")
    assert on == []
