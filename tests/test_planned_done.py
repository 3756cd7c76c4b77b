"""An act only planned in one outlet and reported done in another
(`AlignParams.judge_planned_done`): a certainty discrepancy "planned in X; reported done in Y",
not a corroboration, unless both outlets write the act at the same level (fictional articles in
two house styles: a wire preview written before a ceremony, a local paper's report after it)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article, Claim, Origins, Resolution, Span, TimeExpr
from consilience.story import align
from consilience.story.judge import judge


@pytest.fixture
def switch(monkeypatch):
    def set_(on: bool) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS",
                            replace(align.DEFAULT_PARAMS, judge_planned_done=on))
    return set_


# wire style: a preview, datelined, the act scheduled
PREVIEW = ("Transport Minister Odile Varsk is set to open the new Helmsa river bridge on "
           "Friday, officials said.")
# local-paper style: the act done, the minister named in full
REPORT = "Minister Odile Varsk opened the Helmsa river bridge on Friday before a crowd of cyclists."


def _modality(nlp, *texts: str, names: dict[str, str] | None = None,
              days: tuple[str | None, ...] = ()) -> list:
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate(texts):
        aid = f"a{n}"
        end = len(text) - 1 if text.endswith(".") else len(text)
        day = days[n] if n < len(days) else None
        times = [TimeExpr(text.index("Friday"), text.index("Friday") + 6, "Friday", day)] \
            if day else []
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, end), text=text[:end],
                            sentence=0, certainty="asserted", times=times))
        docs[aid], bodies[aid] = nlp(text), text
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=bodies, names=names)
    return [cf for cf in fact.conflicts if cf.kind == "modality"]


def test_planned_against_done_is_a_discrepancy_that_names_both_sides(nlp, switch):
    switch(True)
    [cf] = _modality(nlp, PREVIEW, REPORT,
                     names={"a0": "Nordwire", "a1": "Helmsa Courier"})
    assert cf.severity == "discrepancy"
    assert sorted(str(v.value) for v in cf.values) == ["done", "scheduled"]
    assert cf.explanation == "planned in Nordwire; reported done in Helmsa Courier"


@pytest.mark.parametrize("planned", [
    "The Helmsa river bridge is due to be opened by Minister Odile Varsk on Friday.",
    "Minister Odile Varsk will open the Helmsa river bridge on Friday.",
    "Minister Odile Varsk is to open the Helmsa river bridge on Friday.",
])
def test_other_ways_of_scheduling_the_act(nlp, switch, planned):
    switch(True)
    found = _modality(nlp, planned, REPORT)
    assert found and sorted({str(v.value) for v in found[0].values}) == ["done", "scheduled"]


def test_off_the_two_read_as_one_act(nlp, switch):
    switch(False)
    assert _modality(nlp, PREVIEW, REPORT) == []


def test_both_outlets_at_one_level_stay_quiet(nlp, switch):
    switch(True)
    # two previews: both planned
    assert _modality(nlp, PREVIEW,
                     "Minister Odile Varsk will open the Helmsa river bridge on Friday.") == []
    # two reports: both done
    assert _modality(nlp, REPORT,
                     "Odile Varsk opened the new Helmsa bridge on Friday, the ministry said.") == []


def test_a_different_act_or_doer_is_no_discrepancy(nlp, switch):
    switch(True)
    # another act planned (a visit, not the opening)
    assert _modality(nlp, "Minister Odile Varsk will visit the Helmsa shipyard on Friday.",
                     REPORT) == []
    # the same act planned for another named person
    assert _modality(nlp, "Mayor Piet Lunde will open the Helmsa river bridge on Friday.",
                     REPORT) == []


def test_a_hedged_plan_stays_with_the_certainty_check(nlp, switch):
    switch(True)
    # "may open" is a hedge: the certain-vs-possible check decides it, not planned-vs-done
    found = _modality(nlp, "Minister Odile Varsk may open the Helmsa river bridge on Friday.",
                      REPORT)
    assert all(str(v.value) != "scheduled" for cf in found for v in cf.values)


def test_end_to_end_the_fact_is_not_corroborated(models, monkeypatch):
    from consilience.api import compare

    monkeypatch.setattr(align, "DEFAULT_PARAMS",
                        replace(align.DEFAULT_PARAMS, judge_planned_done=True))
    arts = [Article(id="wire", source="Nordwire", text=(
                "Varsk to open Helmsa bridge\n\nHELMSA - Transport Minister Odile Varsk is set "
                "to open the new Helmsa river bridge on Friday, officials said. The bridge cost "
                "40 million crowns.")),
            Article(id="courier", source="Helmsa Courier", text=(
                "Bridge opens to cheers\n\nMinister Odile Varsk opened the new Helmsa river "
                "bridge on Friday before a crowd of cyclists. The bridge cost 40 million "
                "crowns."))]
    report = compare(arts, models=models)
    bridge = [f for f in report.facts if any("open" in c.text for c in f.claims)
              and len({c.span.article for c in f.claims}) == 2]
    assert bridge and all(f.status != "corroborated" for f in bridge)
    found = [cf for f in bridge for cf in f.conflicts if cf.kind == "modality"]
    assert found and all(cf.explanation == "planned in Nordwire; reported done in Helmsa Courier"
                         for cf in found)
    # the figure both outlets give stays corroborated
    assert any(f.status == "corroborated" and any("40 million" in c.text for c in f.claims)
               for f in report.facts)


def test_the_fact_is_headed_by_the_act_in_dispute(nlp, monkeypatch):
    # the fact also joins the bridge's rarity, the shortest claim (which the clearest-claim
    # rule prefers on a tie); its heading is the act planned / done
    rows = [PREVIEW, REPORT,
            "This is only the second bridge over the Helmsa."]
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate(rows):
        aid = f"a{min(n, 1)}"
        start = len(bodies.get(aid, "")) + (1 if aid in bodies else 0)
        bodies[aid] = (bodies[aid] + " " + text) if aid in bodies else text
        end = start + len(text) - 1
        claims.append(Claim(id=f"a{n}:c", span=Span(aid, start, end), text=text[:-1],
                            sentence=n, certainty="asserted"))
    docs = {aid: nlp(t) for aid, t in bodies.items()}

    def heading(disputed: bool) -> str:
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(
            align.DEFAULT_PARAMS, judge_planned_done=True, judge_heading_disputed=disputed))
        [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=bodies)
        assert fact.status == "conflicting"
        return fact.text

    assert heading(True) in (PREVIEW[:-1], REPORT[:-1])
    assert heading(False).startswith("This is only the second bridge")


def test_a_repeat_or_another_day_is_another_occasion(nlp, switch):
    """A plan to do the act again, or a plan dated to another day than the act done, is a later
    occasion: no planned-vs-done discrepancy (a re-run is not the first run unconfirmed)."""
    switch(True)
    again = "Minister Odile Varsk will open the Helmsa river bridge again on Friday."
    assert _modality(nlp, again, REPORT) == []
    assert _modality(nlp, PREVIEW, REPORT, days=("2031-05-16", "2031-05-09")) == []
    # the same day on both sides is still one act at two levels
    [cf] = _modality(nlp, PREVIEW, REPORT, days=("2031-05-16", "2031-05-16"))
    assert cf.severity == "discrepancy"


# two occasions of one act: the plan is no discrepancy with an act done on another occasion
def _scheduled(nlp, *texts: str, years: tuple[str | None, ...] = ()) -> bool:
    claims, docs, bodies = [], {}, {}
    for n, text in enumerate(texts):
        aid = f"a{n}"
        end = len(text) - 1 if text.endswith(".") else len(text)
        year = years[n] if n < len(years) else None
        times = []
        if year:
            word = "this year" if "this year" in text else year
            at = text.index(word)
            times = [TimeExpr(at, at + len(word), word, year)]
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, end), text=text[:end],
                            sentence=0, certainty="asserted", times=times))
        docs[aid], bodies[aid] = nlp(text), text
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, texts=bodies)
    return any(str(v.value) == "scheduled" for cf in fact.conflicts if cf.kind == "modality"
               for v in cf.values)


PLAN_MISS = "Winger Tomas Veller will miss two matches after his red card."


@pytest.mark.parametrize("done, other", [
    ("Winger Tomas Veller missed four matches with a knee injury.", True),   # another count
    ("Winger Tomas Veller missed two matches after his red card.", False),  # the same count
])
def test_a_different_count_of_the_act_is_another_occasion(nlp, switch, done, other):
    switch(True)
    assert _scheduled(nlp, PLAN_MISS, done) is not other


PLAN_HOST = "The port of Brisk will host the lantern regatta this year."


@pytest.mark.parametrize("done, other", [
    ("The port of Brisk previously hosted the lantern regatta.", True),  # placed before
    ("The port of Brisk last hosted the lantern regatta.", True),
    ("The port of Brisk hosted the lantern regatta.", False),  # no marker: the plan, done
    ("The port of Brisk hosted the lantern regatta in an earlier edition.", True),  # adjective
    ("The port of Brisk hosted the lantern regatta in its new edition.", False),
])
def test_a_done_act_placed_before_the_plan_is_another_occasion(nlp, switch, done, other):
    switch(True)
    assert _scheduled(nlp, PLAN_HOST, done) is not other


def test_a_done_act_of_an_earlier_year_is_another_occasion(nlp, switch):
    switch(True)
    earlier = "The port of Brisk hosted the lantern regatta in 2019."
    assert not _scheduled(nlp, PLAN_HOST, earlier, years=("2031", "2019"))
    same = "The port of Brisk hosted the lantern regatta this year."
    assert _scheduled(nlp, PLAN_HOST, same, years=("2031", "2031"))
