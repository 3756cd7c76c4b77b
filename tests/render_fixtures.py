"""Hand-built Report and Analysis objects about a fictional event (the Tessel Bridge collapse in
the fictional town of Marlow Creek, reported by fictional outlets) for renderer/API/HTTP tests."""

from __future__ import annotations

from datetime import UTC, datetime

from consilience.model import (
    Analysis,
    Article,
    Claim,
    Clause,
    Conflict,
    ConflictValue,
    Dateline,
    Entity,
    Fact,
    IngestError,
    LocalEntity,
    Mention,
    Quantity,
    Quote,
    Report,
    Sentence,
    Span,
    StoryQuote,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)

TEXTS = {
    "a1": (
        "MARLOW CREEK - The Tessel Bridge collapsed on Monday, killing 12 people. "
        'Mayor Ada Quill said "we will rebuild within a year." '
        "Engineers may have warned about cracks in 2021. "
        "A sign reading <script>alert('x')</script> hung on the railing."
    ),
    "a2": (
        "The Tessel Bridge in Marlow Creek collapsed on Monday. At least 15 people died. "
        'Quill said: "We will rebuild this bridge within a year."'
    ),
    "a3": (
        "Officials said the Tessel Bridge fell on Sunday night. "
        "The river pilot Bo Renn said no ships were hit."
    ),
    "a4": (
        "Officials said the Tessel Bridge fell on Sunday night. "
        "The river pilot Bo Renn said no ships were hit."
    ),
}
META = {
    "a1": ("Harbor Gazette", "Bridge falls in Marlow Creek"),
    "a2": ("Valley Courier", "Twelve? Fifteen? Bridge toll rises"),
    "a3": ("Northwind Wire", "Tessel Bridge down"),
    "a4": ("Lakeside Daily", "Tessel Bridge down"),
}


def sp(aid: str, sub: str, nth: int = 0) -> Span:
    text = TEXTS[aid]
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(aid, start, start + len(sub))


def claim(cid: str, aid: str, sub: str, **kw) -> Claim:
    s = sp(aid, sub)
    return Claim(id=cid, span=s, text=TEXTS[aid][s.start : s.end], sentence=0, **kw)


def build_articles() -> list[Article]:
    out = []
    for i, (aid, text) in enumerate(TEXTS.items()):
        source, title = META[aid]
        out.append(
            Article(
                id=aid,
                text=text,
                title=title,
                source=source,
                url=f"https://example.org/{aid}",
                published=datetime(2030, 3, 4, 9 + i, 0, tzinfo=UTC),
            )
        )
    return out


def build_report() -> Report:
    arts = build_articles()
    e_quill = Entity("E1", "Ada Quill", "PERSON", aliases=["Quill", "Ada Quill"],
                     mentions=[sp("a2", "Quill"), sp("a1", "Ada Quill")], roles=["Mayor"])
    e_bridge = Entity("E2", "Tessel Bridge", "FAC", aliases=["Tessel Bridge"],
                      mentions=[sp(a, "Tessel Bridge") for a in ("a1", "a2", "a3", "a4")])
    e_renn = Entity("E3", "Bo Renn", "PERSON", mentions=[sp("a3", "Bo Renn")],
                    roles=["river pilot"])
    f_toll = Fact(
        "f1",
        "conflicting",
        "The collapse killed 12 people",
        claims=[claim("c1", "a1", "killing 12 people"),
                claim("c2", "a2", "At least 15 people died.")],
        conflicts=[Conflict("number", "contradiction",
                            [ConflictValue(sp("a2", "15"), "15", {"low": 15.0, "high": None}),
                             ConflictValue(sp("a1", "12"), "12", 12)],
                            "Harbor Gazette says 12 dead, Valley Courier at least 15.")],
        origins=["a2", "a1"],
    )
    f_collapse = Fact(
        "f2",
        "corroborated",
        "The Tessel Bridge collapsed",
        claims=[claim("c3", "a1", "The Tessel Bridge collapsed on Monday"),
                claim("c4", "a2", "The Tessel Bridge in Marlow Creek collapsed on Monday."),
                claim("c5", "a3", "the Tessel Bridge fell on Sunday night.",
                      asserted_by_name="Officials")],
        origins=["a1", "a2", "a3"],
    )
    f_day = Fact(
        "f3",
        "conflicting",
        "The bridge collapsed on Monday",
        claims=[claim("c6", "a2", "collapsed on Monday."),
                claim("c7", "a3", "fell on Sunday night.")],
        conflicts=[Conflict("date", "discrepancy",
                            [ConflictValue(sp("a3", "Sunday night"), "Sunday night",
                                           "2030-03-03"),
                             ConflictValue(sp("a2", "Monday"), "Monday", "2030-03-04")],
                            "Monday vs Sunday night: may be the same night.")],
        origins=["a2", "a3"],
    )
    f_cracks = Fact(
        "f4", "single_source", "Engineers warned about cracks in 2021",
        claims=[claim("c8", "a1", "Engineers may have warned about cracks in 2021.",
                      certainty="hedged")],
        origins=["a1"],
    )
    f_ships = Fact(
        "f5", "single_source", "No ships were hit",
        claims=[claim("c9", "a3", "no ships were hit.", asserted_by="E3", negated=True),
                claim("c10", "a4", "no ships were hit.", asserted_by="E3", negated=True)],
        origins=["a3"],
    )
    f_sign = Fact(
        "f6", "single_source", "A sign reading <script>alert('x')</script> hung there",
        claims=[claim("c11", "a1", "A sign reading <script>alert('x')</script> hung on the "
                      "railing.")],
        origins=["a1"],
    )
    quote = StoryQuote(
        "q1", sp("a1", "we will rebuild within a year."), "we will rebuild within a year.",
        "E1", "Ada Quill", "said", "direct",
        carriers=[sp("a2", "We will rebuild this bridge within a year."),
                  sp("a1", "we will rebuild within a year.")],
        flags=["wording_differs"],
    )
    return Report(
        articles=arts,
        origins={"a1": "a1", "a2": "a2", "a3": "a3", "a4": "a3"},
        copies={"a3": ["a4"]},
        entities=[e_quill, e_bridge, e_renn],
        quotes=[quote],
        facts=[f_toll, f_collapse, f_day, f_cracks, f_ships, f_sign],
        timeline=[
            TimelineEntry("2021", "Engineers warned about cracks", "f4", [sp("a1", "2021")]),
            TimelineEntry("2030-03-04", "The Tessel Bridge collapsed", "f2",
                          [sp("a1", "Monday"), sp("a2", "Monday")]),
        ],
        summary=[
            SummarySentence("The Tessel Bridge in Marlow Creek collapsed.", ["f2"],
                            ["a2", "a1", "a3"], "corroborated by 3 independent sources"),
            SummarySentence("The death toll is disputed (12 or at least 15).", ["f1"],
                            ["a1", "a2"], "disputed"),
        ],
        errors=[IngestError("broken.json:3", "not valid JSON (line 3)")],
    )


def build_analyses() -> list[Analysis]:
    arts = build_articles()
    a = arts[0]
    a.dateline = Dateline("MARLOW CREEK", 0, 12)
    t = a.text
    quill = t.index("Ada Quill")
    quote_s = t.index("we will")
    an1 = Analysis(
        article=a,
        sentences=[Sentence(0, t.index("Mayor") - 1), Sentence(t.index("Mayor"), len(t))],
        mentions=[Mention(quill, quill + 9, "Ada Quill", "PERSON", "e1", "Mayor"),
                  Mention(t.index("Tessel"), t.index("Tessel") + 13, "Tessel Bridge", "FAC",
                          "e2")],
        entities=[LocalEntity("e2", "Tessel Bridge", "FAC", mentions=[1]),
                  LocalEntity("e1", "Ada Quill", "PERSON", ["Mayor"], [0])],
        quotes=[Quote(quote_s, quote_s + 30, t[quote_s:quote_s + 30], "direct", "said",
                      speaker_name="Ada Quill", speaker_start=quill, speaker_end=quill + 9)],
        quantities=[Quantity(t.index("12"), t.index("12") + 9, "12 people", 12.0, 12.0,
                             "people"),
                    Quantity(0, 1, "x", float("nan"), float("inf"))],
        times=[TimeExpr(t.index("Monday"), t.index("Monday") + 6, "Monday", "2030-03-04")],
        clauses=[Clause(t.index("Engineers"), t.index("2021.") + 5, "hedged", False, ["may"])],
    )
    return [an1, Analysis(article=arts[1])]
