"""Timeline: dated entries per fact, sorted, with conflicting dates kept side by side."""

from __future__ import annotations

from consilience.model import Analysis, Article, Claim, Fact, Span, TimeExpr
from consilience.story.timeline import build_timeline, short_text

A = "The dam at Lake Orrin opened on 3 May. Talks on the treaty resume on 1 April."
B = "The dam opened on 5 May, officials said. The treaty talks resume in April, week 14."


def claim(cid: str, aid: str, text: str, sentence_text: str, times=()) -> Claim:
    start = text.index(sentence_text)
    return Claim(cid, Span(aid, start, start + len(sentence_text)), sentence_text, 0,
                 times=list(times))


def setup():
    a = Analysis(article=Article(id="a", text=A), times=[
        TimeExpr(A.index("3 May"), A.index("3 May") + 5, "3 May", "2031-05-03"),
        TimeExpr(A.index("1 April"), A.index("1 April") + 7, "1 April", "2031-04-01"),
    ])
    b = Analysis(article=Article(id="b", text=B), times=[
        TimeExpr(B.index("5 May"), B.index("5 May") + 5, "5 May", "2031-05-05"),
        TimeExpr(B.index("week"), B.index("week") + 7, "week 14", None),  # unresolved: skipped
    ])
    dam = Fact("F1", "conflicting", "The dam at Lake Orrin opened.", claims=[
        claim("c1", "a", A, "The dam at Lake Orrin opened on 3 May."),
        claim("c2", "b", B, "The dam opened on 5 May, officials said."),
    ])
    treaty = Fact("F2", "corroborated", "Talks on the treaty resume. " * 20, claims=[
        claim("c3", "a", A, "Talks on the treaty resume on 1 April."),
        # a date the claim carries itself (not found in the analysis): an interval
        claim("c4", "b", B, "The treaty talks resume in April, week 14.",
              times=[TimeExpr(0, 0, "in April", "2031-04-01/2031-04-30")]),
    ])
    undated = Fact("F3", "single_source", "Nobody knows.", claims=[claim("c5", "a", A, "The dam")])
    return [dam, treaty, undated], [a, b]


def test_sorted_entries_with_conflicting_dates():
    facts, analyses = setup()
    tl = build_timeline(facts, analyses)
    assert [(e.date, e.fact) for e in tl] == [
        ("2031-04-01", "F2"), ("2031-04-01/2031-04-30", "F2"),
        ("2031-05-03", "F1"), ("2031-05-05", "F1"),
    ]
    assert tl[2].spans == [facts[0].claims[0].span] and tl[3].spans == [facts[0].claims[1].span]
    # each date shows the words that state it, not another outlet's wording of the fact
    assert tl[2].text == "The dam at Lake Orrin opened on 3 May."
    assert tl[3].text == "The dam opened on 5 May, officials said."
    assert not any(e.background for e in tl)  # no publication date, dates close together


def _one_fact(text: str, times: list[tuple[str, str]], published=None, **fact_kw):
    import re
    an = Analysis(article=Article(id="a", text=text, published=published), times=[
        TimeExpr(m.start(), m.end(), t, v) for t, v in times
        for m in re.finditer(r"\b" + re.escape(t) + r"\b", text)])
    sents = [s.strip() + "." for s in text.split(".") if s.strip()]
    fact = Fact("F1", fact_kw.pop("status", "corroborated"), sents[0],
                claims=[claim(f"c{n}", "a", text, s) for n, s in enumerate(sents)], **fact_kw)
    return build_timeline([fact], [an])


def test_background_dates_are_said_to_be_background():
    from datetime import datetime
    text = ("The ferry capsized on 11 March 2031. The line has run ferries since 1988. "
            "The hull was inspected in January 2031.")
    tl = _one_fact(text, [("11 March 2031", "2031-03-11"), ("1988", "1988"),
                          ("January 2031", "2031-01")], published=datetime(2031, 3, 12, 8))
    assert [(e.date, e.background) for e in tl] == [
        ("1988", True), ("2031-01", True), ("2031-03-11", False)]
    assert tl[0].text == "Background: The line has run ferries since 1988."
    assert tl[2].text == "The ferry capsized on 11 March 2031."
    # without publication dates the most cited day anchors the story
    tl = _one_fact(text, [("11 March 2031", "2031-03-11"), ("1988", "1988")])
    assert [e.background for e in tl] == [True, False]


def test_ages_headers_and_disputed_dates():
    from consilience.model import Conflict
    text = "Press release, 3 June 2031. Marta Lind, 36, was rescued on 3 June 2031."
    tl = _one_fact(text, [("3 June 2031", "2031-06-03"), ("36", "1936")])
    # "36" is an age, and a header line is not an event
    assert [(e.date, e.text) for e in tl] == [
        ("2031-06-03", "Marta Lind, 36, was rescued on 3 June 2031.")]
    tl = _one_fact("The dam opened on 3 May 2031.", [("3 May 2031", "2031-05-03")],
                   status="conflicting", conflicts=[Conflict("date", "contradiction", [])])
    assert tl[0].text == "Disputed date: The dam opened on 3 May 2031."


def test_empty_and_short_text():
    assert build_timeline([], []) == []
    assert short_text("a  b\n c") == "a b c"
    long = short_text("word " * 60)
    assert len(long) <= 160 and long.endswith("\u2026")


def test_words_that_do_not_date_an_event_are_left_out():
    text = ("The hall, used from 1874 until the 1960s, now holds books. "
            "It reopened on 5 April 2031.")
    tl = _one_fact(text, [("1960s", "2031-04-05"), ("now", "2031-04-05"),
                          ("5 April 2031", "2031-04-05")])
    # a misread decade and "now" are not the day the hall reopened
    assert [(e.date, e.text) for e in tl] == [("2031-04-05", "It reopened on 5 April 2031.")]


def test_days_without_a_year_and_relative_dates_are_undated_rows():
    from consilience.story.timeline import is_placed, unplaced_date
    assert unplaced_date("June 9") == "--06-09" and unplaced_date("9th of June") == "--06-09"
    assert unplaced_date("In March") == "--03" and unplaced_date("may") is None
    assert unplaced_date("last week") == "" and unplaced_date("Tuesday") == ""
    assert unplaced_date("a decade ago") == ""
    # a duration, a misread phrase, an impossible day: not dates
    for words in ("less than two weeks", "24 years", "February 30",
                  "a few hours ahead of her landing at the port for a tour"):
        assert unplaced_date(words) is None
    text = "The pier closed on June 9. Crews protested last week and on Tuesday."
    tl = _one_fact(text, [("June 9", None), ("last week", None), ("Tuesday", None)],
                   status="single_source")
    assert [(e.date, e.when) for e in tl] == [("--06-09", "June 9"),
                                              ("", "last week, Tuesday")]
    assert not any(is_placed(e) for e in tl)
    assert tl[1].text == "Crews protested last week and on Tuesday."
