"""A wire passage carried by two outlets is one origin claim by claim (`AlignParams.wire_containment`,
`judge._carried_origins`, `syndication.carried_share`; docs/quality.md "r25-wire"): a dateline, a
credit line, an added lead or a trimmed tail around the carried words hides nothing, while a
paragraph an outlet added of its own stays its own statement and two independent reports that
share a quote or a short sentence stay two sources.

Every outlet, agency, valley and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article, Claim, Origins, Resolution, Span
from consilience.story import align
from consilience.story.judge import judge
from consilience.story.syndication import CarriedText, carried_share, find_origins

pytestmark = pytest.mark.fast

LEAD = ("A cable car carrying 23 skiers stopped above the Velmora gorge on Sunday afternoon and "
        "hung there for four hours before rescuers lowered everyone to the ground, the valley "
        "council said.")
BODY = [
    LEAD,
    "The car stopped at 14:10 when a power cable to the upper station failed, the operator said.",
    "Mountain rescuers from Orsk and Telveno lowered the passengers one by one on ropes, "
    "starting with two children and an elderly couple.",
    "The last skier reached the ground shortly after 18:00, cold but unhurt.",
    "The line, built in 1998, was inspected in November and passed every test, according to "
    "the operator, Velmora Lifts.",
    "Inspectors from the regional transport office are due to examine the upper station on "
    "Tuesday, and the line stays closed until then.",
]
OWN = ("Our reporter in Velmora saw the last of the 23 skiers reach the ground shortly after "
       "six in the evening, wrapped in foil blankets.")


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, wire_containment=on))
    return set_


def _claim(texts: dict[str, str], aid: str, sent: str, n: int = 0) -> Claim:
    start = texts[aid].index(sent)
    end = start + len(sent) - 1  # without the full stop
    return Claim(id=f"{aid}:c{n}", span=Span(aid, start, end), text=texts[aid][start:end],
                 sentence=n, certainty="asserted")


def _fact(texts: dict[str, str], picks: list[tuple[str, str]], origins: Origins | None = None,
          names: dict[str, str] | None = None) -> tuple[str, list[str]]:
    claims = [_claim(texts, aid, sent, n) for n, (aid, sent) in enumerate(picks)]
    [fact] = judge([claims], origins or Origins(), Resolution(), texts=texts,
                   names=names or {a: a for a in texts})
    return fact.status, fact.origins


def test_a_lead_carried_under_a_dateline_is_one_origin(switch):
    # two otherwise own reports; one carries the agency lead under its dateline and credit
    texts = {"ridge-post": "VELMORA, March 3 (TPS) - " + LEAD + " " + OWN,
             "valley-times": LEAD + " The operator has not said when the line will reopen."}
    picks = [("ridge-post", LEAD), ("valley-times", LEAD)]
    # the sentences differ by the dateline: the word-for-word rule alone misses the copy
    switch(False)
    assert _fact(texts, picks)[0] == "corroborated"
    switch(True)
    status, origins = _fact(texts, picks)
    assert status == "single_source" and len(origins) == 1


def test_an_accent_or_a_credit_line_hides_no_copy(switch):
    texts = {"ridge-post": "TELVËNO, March 3 (TPS) - " + LEAD,
             "valley-times": "14:30 - From the TPS agency: " + LEAD.replace("Velmora",
                                                                           "Velmorá")}
    picks = [("ridge-post", LEAD), ("valley-times", LEAD.replace("Velmora", "Velmorá"))]
    switch(True)
    assert _fact(texts, picks)[0] == "single_source"


def test_agency_story_with_a_new_lead_and_a_trimmed_tail_is_one_origin(switch):
    # the Highcliff Courier adds its own lead paragraph and outlet line; the Dunmore Star
    # carries the agency story under a dateline and drops its last two paragraphs
    courier = OWN + "\n\nHighcliff Courier, with TPS\n\n" + "\n\n".join(BODY)
    star = "VELMORA, March 3 (TPS) - " + "\n\n".join(BODY[:-2])
    arts = [Article(id="courier", text=courier, source="Highcliff Courier"),
            Article(id="star", text=star, source="Dunmore Star")]
    origins = find_origins(arts)
    assert origins.origin_of["courier"] == origins.origin_of["star"]
    texts = {"courier": courier, "star": star}
    names = {"courier": "Highcliff Courier", "star": "Dunmore Star"}
    switch(True)
    # a carried paragraph told by both: one origin
    status, _ = _fact(texts, [("courier", BODY[2]), ("star", BODY[2])], origins, names)
    assert status == "single_source"
    # the Courier's own paragraph beside the agency's words: the Courier's own statement
    own_and_wire = [("courier", OWN), ("star", BODY[3])]
    status, fact_origins = _fact(texts, own_and_wire, origins, names)
    assert status == "corroborated" and "courier" in fact_origins
    switch(False)
    assert _fact(texts, own_and_wire, origins, names)[0] == "single_source"


def test_an_outlet_never_corroborates_itself(switch):
    # the Courier's own paragraph and its carried copy of the agency: one article, one voice
    courier = OWN + "\n\nHighcliff Courier, with TPS\n\n" + "\n\n".join(BODY)
    star = "\n\n".join(BODY[:-2])
    arts = [Article(id="courier", text=courier, source="Highcliff Courier"),
            Article(id="star", text=star, source="Dunmore Star")]
    origins = find_origins(arts)
    texts = {"courier": courier, "star": star}
    names = {"courier": "Highcliff Courier", "star": "Dunmore Star"}
    switch(True)
    status, _ = _fact(texts, [("courier", OWN), ("courier", BODY[3])], origins, names)
    assert status == "single_source"


def test_independent_reports_sharing_a_quote_or_a_short_sentence_stay_two_sources(switch):
    quote = ('"We heard the cable snap and then nothing moved for four hours, not a single '
             'sound from the station above us," said Ilse Marrow, a skier from Orsk.')
    short = "The line stays closed until Tuesday."
    texts = {
        "ridge-post": "Twenty-three skiers spent four hours in a stalled cable car above the "
                      "Velmora gorge on Sunday before mountain rescuers brought them down. "
                      + quote + " " + short,
        "valley-times": "Rescuers lowered 23 skiers on ropes from a cable car that stopped "
                        "over the gorge at Velmora on Sunday afternoon. " + quote + " " + short,
    }
    switch(True)
    for sent in (quote, short):
        status, origins = _fact(texts, [("ridge-post", sent), ("valley-times", sent)])
        assert status == "corroborated" and len(origins) == 2, sent


def test_carried_share_is_containment_of_the_claim():
    # every word of the claim lies in shingles the longer article holds, whatever surrounds it
    src = CarriedText(LEAD)
    other = CarriedText("VELMORA (TPS) - " + LEAD + " " + " ".join(BODY[1:]))
    share, run = carried_share(src, 0, len(LEAD), other)
    assert share == 1.0 and run >= 15
    # a paraphrase shares words but not runs
    para = CarriedText("Twenty-three skiers hung for four hours in a cable car over the "
                       "Velmora gorge on Sunday, the valley council said.")
    share, run = carried_share(src, 0, len(LEAD), para)
    assert share < 0.8 and run < 15
