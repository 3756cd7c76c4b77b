"""Copies of one origin: wire copy and light rewrites group, shared quotes alone do not."""

from __future__ import annotations

from datetime import UTC, datetime

from consilience.model import Article
from consilience.story.syndication import content_hash, find_origins

WIRE = (
    "PORT MERRIN - The harbour authority of the island republic of Calvera closed the northern "
    "ferry terminal on Tuesday after a cargo crane collapsed onto the loading pier, injuring four "
    "dock workers and halting traffic to the outer islands for at least two days. Officials said "
    "the crane, installed eleven years ago by a private contractor, had passed its last inspection "
    "in March. Engineers from the transport ministry were sent to examine the foundations of the "
    "pier, which was rebuilt after a storm in the winter of the previous year. Ferry passengers "
    "were redirected to the southern terminal, where queues stretched for several hundred metres "
    "by the afternoon. \"We will not reopen the pier until every bolt has been checked and every "
    "weld has been tested by people who have nothing to do with the original contractor,\" said "
    "harbour director Ines Valmora. The four injured workers were taken to the central hospital, "
    "where two remained under observation overnight according to a hospital spokesman."
)

REWRITE = (
    "The harbour authority of the island republic of Calvera shut the northern ferry terminal on "
    "Tuesday after a cargo crane collapsed onto the loading pier, injuring four dock workers and "
    "halting traffic to the outer islands for at least two days. Officials said the crane, "
    "installed eleven years ago by a private contractor, had passed its last inspection in March. "
    "Engineers from the transport ministry were sent to examine the foundations of the pier, which "
    "was rebuilt after a storm last winter. Passengers were redirected to the southern terminal, "
    "where queues stretched for several hundred metres by the afternoon. \"We will not reopen the "
    "pier until every bolt has been checked and every weld has been tested by people who have "
    "nothing to do with the original contractor,\" said harbour director Ines Valmora."
)

INDEPENDENT = (
    "Chaos greeted travellers in Calvera this week. A crane toppled at the north terminal of Port "
    "Merrin, and the island's ferry network has been split in two ever since. Commuters from the "
    "outer islands told our reporter they had waited hours in the sun. The harbour director was "
    "blunt: \"We will not reopen the pier until every bolt has been checked and every weld has been "
    "tested by people who have nothing to do with the original contractor,\" Ines Valmora told "
    "reporters at a hastily arranged briefing. Opposition politicians demanded an inquiry into the "
    "contract, awarded a decade ago without a public tender, and asked whether other cranes on the "
    "island were built by the same firm."
)


def test_wire_copy_and_light_rewrite_are_one_origin():
    arts = [
        Article(id="b", text=REWRITE, published=datetime(2031, 3, 4, 15, tzinfo=UTC)),
        Article(id="a", text=WIRE, published=datetime(2031, 3, 4, 9, tzinfo=UTC)),
        Article(id="c", text=INDEPENDENT, published=datetime(2031, 3, 4, 8, tzinfo=UTC)),
        Article(id="d", text=WIRE),  # verbatim copy with no date
    ]
    o = find_origins(arts)
    assert o.origin_of == {"a": "a", "b": "a", "d": "a", "c": "c"}
    assert sorted(o.copies["a"]) == ["b", "d"]
    assert "c" not in o.copies
    assert o.overlap[("b", "a")] > 0.8
    assert o.overlap[("a", "d")] == 1.0


def test_shared_quote_alone_is_not_a_copy():
    o = find_origins([Article(id="x", text=WIRE), Article(id="y", text=INDEPENDENT)])
    assert o.origin_of == {"x": "x", "y": "y"}
    assert o.copies == {}
    assert 0 < o.overlap[("x", "y")] < 0.4  # the quote is shared and measured


def test_earliest_first_else_input_order_and_degenerate_input():
    o = find_origins([Article(id="p", text=WIRE), Article(id="q", text=WIRE)])
    assert o.origin_of == {"p": "p", "q": "p"} and o.copies == {"p": ["q"]}
    o = find_origins([Article(id="p", text=""), Article(id="q", text="Short.")])
    assert o.origin_of == {"p": "p", "q": "q"}
    assert find_origins([]).origin_of == {}
    assert content_hash("A  b") == content_hash("a b")
