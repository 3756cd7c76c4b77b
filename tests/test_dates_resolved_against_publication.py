"""Time expressions resolved against the publication date (fictional text)."""

from __future__ import annotations

from datetime import datetime

import pytest

from consilience.analysis.times import extract_times
from consilience.model import Article

# Published on Thursday 2024-06-20.
TEXT = (
    "The envoy arrived on Tuesday and will leave on Friday. Talks began last week and ended "
    "June 9. Rebels struck in March and last month, and last year. On June 9, 2023, ships "
    "sailed; yesterday they returned, three days ago they left. The summit is set to open on "
    "Monday. Two years after June 2020 the port reopened. Nine months after the summit, a "
    "two-day visit ended. In 2019 the port opened."
)


def _times(nlp, published):
    return extract_times(nlp(TEXT), Article(id="t", text=TEXT, published=published))


@pytest.fixture(scope="module")
def with_pub(nlp):
    return {t.text: t for t in _times(nlp, datetime(2024, 6, 20, 9, 30))}


@pytest.fixture(scope="module")
def without_pub(nlp):
    return {t.text: t for t in _times(nlp, None)}


@pytest.mark.parametrize(
    "text,value",
    [
        ("Tuesday", "2024-06-18"),
        ("Friday", "2024-06-21"),  # future verb: the next Friday
        ("Monday", "2024-06-24"),  # "is set to": schedule, future
        ("last week", "2024-06-10/2024-06-16"),
        ("June 9", "2024-06-09"),
        ("March", "2024-03"),
        ("last month", "2024-05"),
        ("last year", "2023"),
        ("June 9, 2023", "2023-06-09"),
        ("yesterday", "2024-06-19"),
        ("three days ago", "2024-06-17"),
        ("Two years after June 2020", "2022-06"),
        ("2019", "2019"),
    ],
)
def test_resolved_with_publication_date(with_pub, text, value):
    assert text in with_pub, sorted(with_pub)
    assert with_pub[text].value == value
    assert with_pub[text].relative is False


def test_offsets(nlp):
    for t in _times(nlp, datetime(2024, 6, 20)):
        assert TEXT[t.start : t.end] == t.text


def test_durations_are_not_times(with_pub):
    assert not any("two-day" in k for k in with_pub)


def test_unresolvable_anchor_kept_without_value(with_pub):
    t = next(v for k, v in with_pub.items() if k.startswith("Nine months after"))
    assert t.value is None


def test_without_publication_relative_stays_relative(without_pub):
    for text in ("Tuesday", "last week", "June 9", "yesterday", "last year", "March"):
        assert without_pub[text].value is None and without_pub[text].relative is True
    assert without_pub["June 9, 2023"].value == "2023-06-09"
    assert without_pub["2019"].value == "2019"


def test_bad_dates_do_not_crash(nlp):
    text = "It happened on February 31, 2023 and on 45 June."
    out = extract_times(nlp(text), Article(id="b", text=text, published=datetime(2024, 1, 1)))
    assert all(t.value != "2023-02-31" for t in out)


# Published on Sunday 2031-05-18 (fictional).
_TEXT2 = (
    "Ada Brun, 36, a nurse, saw the blaze. Governor Kell, who led the response to the floods in "
    "March, was expected to visit Tamsby on Monday. Schools may remain closed on Friday, the "
    "council said, and a decision would be made by 7 a.m. A vigil will be held on Thursday at "
    "6 p.m. The mill burned on Friday."
)


@pytest.fixture(scope="module")
def second(nlp):
    art = Article(id="t2", text=_TEXT2, published=datetime(2031, 5, 18, 19, 0))
    return extract_times(nlp(_TEXT2), art)


def test_ages_are_not_years(second):
    assert not any(t.text == "36" for t in second)
    assert all(t.value != "1936" for t in second)


def test_scheduling_word_of_another_clause_does_not_push_a_past_month_forward(second):
    march = [t for t in second if t.text == "March"]
    assert march and march[0].value == "2031-03"
    monday = [t for t in second if t.text == "Monday"]
    assert monday and monday[0].value == "2031-05-19"  # "was expected to visit on Monday"


def test_modal_may_points_forward_and_past_tense_back(second):
    fridays = [t for t in second if t.text == "Friday"]
    assert [t.value for t in fridays] == ["2031-05-23", "2031-05-16"]


def test_clock_time_alone_names_no_day(second):
    clocks = [t for t in second if t.text in ("7 a.m.", "6 p.m.")]
    assert clocks and all(t.value is None for t in clocks)
    thursday = [t for t in second if t.text == "Thursday"]
    assert thursday and thursday[0].value == "2031-05-22"


def test_an_offset_names_its_anchor_without_the_anchor_s_own_attachments(nlp):
    text = ("The minister praised the crew on Tuesday, just hours before her arrival in Velmora "
            "for a three-day visit overshadowed by the strike.")
    times = extract_times(nlp(text), Article(id="o", text=text))
    offset = [t for t in times if "before" in t.text]
    assert offset, [t.text for t in times]
    assert offset[0].text.endswith("her arrival")
    assert "Velmora" not in offset[0].text


def test_hopes_and_plans_point_forward(nlp):
    # published on Wednesday 2031-03-05
    text = ("Grensdal Rail hopes to reopen the line on Friday. The mayor vowed to visit on Monday. "
            "The line closed on Monday.")
    art = Article(id="h", text=text, published=datetime(2031, 3, 5, 9, 0))
    got = [(t.text, t.value) for t in extract_times(nlp(text), art)]
    assert got == [("Friday", "2031-03-07"), ("Monday", "2031-03-10"), ("Monday", "2031-03-03")]
