"""An outlet line with a description of what it published, before a date line, is the source;
two articles of one outlet that describe themselves differently are one source of facts."""

from __future__ import annotations

from consilience.ingest.articles import from_text
from consilience.model import Article
from consilience.story.build import outlet_origins

BODY = (
    "The ferry crews of Lusk Harbour ended their strike on Monday after nine days.\n"
    "The port authority said 14 sailings would run on Tuesday.\n"
)


def test_a_long_outlet_line_with_a_description_before_a_date_line_is_the_source() -> None:
    outlet = "Harbour Board of Lusk (notice to mariners, translated from Varnese by the board's staff)"
    art = from_text(f"Sailings Resume\n{outlet}\nPublished March 4, 2031 10:00\n\n" + BODY)
    assert art.source == outlet
    assert art.published is not None and art.published.date().isoformat() == "2031-03-04"
    assert art.text == BODY.rstrip()  # neither the outlet nor the date line is a claim's text


def test_a_long_sentence_before_a_date_line_stays_body() -> None:
    line = "The ferry crews of Lusk Harbour ended their strike on Monday after nine long days."
    art = from_text(f"Sailings Resume\n{line}\nMarch 4, 2031\n" + BODY)
    assert art.source is None
    assert art.text.startswith(line)


def _art(aid: str, source: str | None) -> Article:
    return Article(id=aid, text=BODY, source=source)


def test_one_outlet_describing_its_two_items_differently_is_one_origin() -> None:
    arts = [_art("a1", "The Lusk Ledger (vox pop from the fish market)"),
            _art("a2", "The Lusk Ledger (readers' letters)"),
            _art("a3", "The Varne Ledger (vox pop from the fish market)"),
            _art("a4", None)]
    origin = outlet_origins(arts).origin_of
    assert origin["a2"] == origin["a1"] == "a1"
    assert origin["a3"] == "a3"  # another outlet with the same kind of item stays its own
    assert "a4" not in origin  # no stated source: its own origin
