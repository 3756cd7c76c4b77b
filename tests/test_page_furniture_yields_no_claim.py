"""Page furniture is no statement: two fictional outlets' pages about one fictional event (a
ferry engine fire off Holmvik) carry different "Last updated" stamps, bylines, a copyright line
and a share prompt. None of those lines yields a claim, so no date or negation conflict is
read between the two pages' publication stamps; a dated sentence of the body still is a claim,
and the article text is kept as given."""

from __future__ import annotations

import pytest

import consilience
from consilience.lexicon.furniture import page_furniture

GAZETTE = """Ferry fire forces evacuation off Holmvik
12 March 2031 Last updated at 09: 14 GMT
By Tove Arnholm, Staff Reporter

The ferry Skarnes caught fire off Holmvik on 11 March 2031, and all 140 passengers were taken ashore by lifeboat.

The harbour master said the engine room had been sealed before noon.

Share this article
Copyright 2031 Holmvik Gazette. All rights reserved.
"""

BULLETIN = """Passengers rescued as ferry burns near Holmvik
14 March 2031 Last updated at 17: 40 GMT
By Lars Fenne

All 140 passengers of the ferry Skarnes were brought ashore after a fire broke out in its engine room on 11 March 2031.

Investigators from the maritime board will inspect the hull on Friday.

Follow us on Twitter
"""

FURNITURE = ("Last updated", "By Tove", "By Lars", "Share this", "Copyright", "Follow us")


@pytest.mark.parametrize("line", [
    "12 March 2031 Last updated at 09: 14 GMT", "Posted: March 12, 2031",
    "Updated 3/12/2031 7:15 PM", "Thursday, 13 March 2031", "By Tove Arnholm, Staff Reporter",
    "Copyright 2031 Holmvik Gazette. All rights reserved.", "Share this article",
    "Follow us on Twitter", "Photo: Lars Fenne"])
def test_stamps_bylines_and_prompts_are_furniture(line):
    assert page_furniture(line)


@pytest.mark.parametrize("line", [
    "The ferry caught fire off Holmvik on 11 March 2031.",
    "Police arrived at 6:30 pm on Sunday, officials said.",
    "Published reports say the captain resigned.", "Updated figures show 30 passengers hurt.",
    "The crew were posted in Holmvik for a week.", "The video by a passenger showed smoke.",
    "The charts were last updated in 2029, the board said."])
def test_statements_with_dates_or_stamp_words_are_not_furniture(line):
    assert not page_furniture(line)


@pytest.fixture(scope="module")
def report(models):
    return consilience.compare([
        {"id": "gazette", "source": "Holmvik Gazette", "text": GAZETTE},
        {"id": "bulletin", "source": "Fenne Bulletin", "text": BULLETIN},
    ], models=models)


def test_furniture_lines_yield_no_claim_and_no_conflict(report):
    texts = {a.id: a.text for a in report.articles}
    assert texts == {"gazette": GAZETTE, "bulletin": BULLETIN}  # text and offsets unchanged
    claims = [c for f in report.facts for c in f.claims]
    for c in claims:
        assert not any(w in c.text for w in FURNITURE), c.text
    conflicts = [cf for f in report.facts for cf in f.conflicts]
    assert not [cf for cf in conflicts if cf.kind == "date"]
    for cf in conflicts:
        for v in cf.values:
            line = texts[v.span.article][v.span.start : v.span.end]
            assert not any(w in line for w in FURNITURE), line


def test_a_dated_body_sentence_is_still_a_claim(report):
    assert any(c.span.article == "gazette" and "caught fire off Holmvik on 11 March 2031" in c.text
               for f in report.facts for c in f.claims)
