"""Timeline and summary noise (issue 10): reader chatter is no claim, fact headings are whole
clauses, and summary items that repeat one point are merged. All articles are fictional."""

from __future__ import annotations

import consilience
from consilience.model import Article, Claim, Fact, Span
from consilience.story.chatter import reader_chatter
from consilience.story.judge import _heading
from consilience.story.summary import summarize

LIVE = """Harrow Quay flood: what we know on Tuesday
Vellby Live

Good morning, Vellby. Most of you will have seen the water over the weekend. Here is our round-up of what happened on Harrow Quay and what it means for you this week.

The river Senna burst its banks at Harrow Quay late on Saturday night, flooding 40 homes.

The council said on Monday that the quay road will reopen on Thursday.

We wish everyone affected a quick return home.

Got photos or a story from the weekend? Email us at desk@vellbylive.example. We read everything.
"""

WIRE = """River Senna floods homes in Vellby
Nordpress

The river Senna burst its banks at Harrow Quay in Vellby late on Saturday, flooding 40 homes.

The council said the quay road would reopen on Thursday, once engineers have checked the wall.
"""


def test_reader_chatter_criteria():
    assert reader_chatter("Email us at desk@vellbylive.example.", False)
    assert reader_chatter("We read everything.", False)
    assert reader_chatter("Here is our round-up of what happened on Harrow Quay and what it "
                          "means for you this week.", True)
    assert reader_chatter("Most of you will have seen the water over the weekend.", False)
    # third-person event content in the outlet's voice stays a statement
    assert not reader_chatter("The river Senna burst its banks at Harrow Quay.", True)
    assert not reader_chatter("We counted 40 flooded homes on Harrow Quay.", True)
    assert not reader_chatter("Neighbours described to us a loud crash before midnight.", False)


def test_live_blog_chatter_is_no_claim_and_no_timeline_row(models):
    report = consilience.compare(
        [Article(id="live", text=LIVE, source="Vellby Live", published=None),
         Article(id="wire", text=WIRE, source="Nordpress", published=None)],
        models=models)
    claims = [c.text for f in report.facts for c in f.claims]
    rows = [e.text for e in report.timeline]
    for noise in ("round-up", "Email us", "We read everything", "Most of you", "We wish"):
        assert not any(noise in t for t in claims), noise
        assert not any(noise in t for t in rows), noise
        assert not any(noise in s.text for s in report.summary), noise
    # the reporting itself is kept
    assert any("burst its banks" in t for t in claims)
    assert any("reopen on Thursday" in t for t in claims)


class _Judge:
    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def clearest(self, claims: list[Claim]) -> Claim:
        return claims[0]


def _claim(cid: str, aid: str, text: str, part: str) -> Claim:
    at = text.index(part)
    return Claim(cid, Span(aid, at, at + len(part)), part, 0)


def test_fact_heading_is_a_whole_clause_never_a_fragment():
    a = "About 300 people left their homes after a dyke gave way near Osterby on Sunday."
    b = "The dyke near Osterby gave way early on Sunday, officials said."
    frag = _claim("c1", "a", a, "after a dyke gave way near Osterby on Sunday")
    whole = _claim("c2", "b", b, "The dyke near Osterby gave way early on Sunday")
    assert _heading(_Judge({"a": a, "b": b}), [frag, whole]) == whole.text
    # every claim a fragment: the shortest whole sentence around one of them
    c = "Later, residents were told to keep their doors shut."
    d = "The mayor spoke at noon and urged residents across the whole district to keep their doors closed."
    f1 = _claim("c3", "c", c, "to keep their doors shut")
    f2 = _claim("c4", "d", d, "to keep their doors closed")
    assert _heading(_Judge({"c": c, "d": d}), [f2, f1]) == c
    # a sentence after a quotation does not start with its closing mark; one quoting keeps both
    e = 'The chief said: "We are safe." She added that the wall had been tested in May.'
    g = '"The wall had been tested in May," a spokesperson for the chief said.'
    f3 = _claim("c5", "e", e, "that the wall had been tested in May")
    f4 = _claim("c6", "g", g, "had been tested in May")
    assert _heading(_Judge({"e": e}), [f3]) == "She added that the wall had been tested in May."
    assert _heading(_Judge({"g": g}), [f4]) == g


def _fact(fid: str, aid: str, text: str, ents: list[str], status: str = "corroborated") -> Fact:
    claims = [Claim(f"{fid}{k}", Span(x, 0, len(text)), text, 0, entities=ents)
              for k, x in enumerate([aid] if status == "single_source" else [aid, aid + "2"])]
    return Fact(fid, status, text, claims=claims, origins=[c.span.article for c in claims])


def test_near_duplicate_summary_items_are_merged_citing_all_sources():
    # three outlets repeating one point in different words, plus one other point
    visit = [
        _fact("F1", "a", "President Alva Renn arrived in Tarsk on Tuesday for a state visit.", ["E1"]),
        _fact("F2", "b", "The two-day visit is the first by a Corvan president to Tarsk.", ["E1"]),
        _fact("F3", "c", "Renn's trip to Tarsk is the first such visit in 24 years.", ["E1"]),
        _fact("F4", "d", "Dock workers in Tarsk went on strike over unpaid wages.", ["E1"]),
    ]
    arts = [Article(id=x, text=f.text) for f in visit for x in {c.span.article for c in f.claims}]

    def embed(texts: list[str]) -> list[list[float]]:
        return [[0.0, 1.0] if "strike" in t else [1.0, 0.1 * i] for i, t in enumerate(texts)]

    merged = summarize(visit, arts, embed=embed)
    assert len(merged) == 2
    assert merged[0].facts == ["F1", "F2", "F3"]
    assert set(merged[0].articles) == {"a", "a2", "b", "b2", "c", "c2"}
    assert merged[1].facts == ["F4"]
    # without an entity in common, close wordings stay apart
    for f in visit[1:]:
        for c in f.claims:
            c.entities = [f.id]
    assert len(summarize(visit, arts, embed=embed)) == 4
