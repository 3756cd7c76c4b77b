"""Judge readings of round 17 (docs/quality.md, "r17-judge"), on fictional sentences: a floor
holds every value inside its open interval (`judge_floor_interval`), and the month name "May"
written as a date is no hedge (`judge_month_modal`). Each test sets its switch both ways; every
place, outlet and person here is invented."""

from __future__ import annotations

from claim_fixtures import NumberRow, number_conflicts

from consilience.model import Article, Claim, Clause, Resolution, Span
from consilience.story.claims import _month_hedge, extract_claims

# --- a floor and the values inside / outside its interval (a mountain rescue in Anatolia) ---

_FLOOR: NumberRow = ("Rescuers from Kızılyayla brought down more than thirty climbers from the "
               "Erciyeçal ridge on Sunday, the Yayla Postası reported.",
               "more than thirty climbers", 31.0, None, "climbers")


def test_a_strict_floor_holds_a_figure_above_it(nlp, align_switches):
    inside = ("Mehmet Karaosmanoğlu of the Kızılyayla rescue unit said 34 climbers were brought "
              "down from the Erciyeçal ridge on Sunday.", "34 climbers", 34.0, 34.0, "climbers")
    align_switches(judge_floor_interval=True)
    assert number_conflicts(nlp, _FLOOR, inside, open_is_approximate=True) == 0
    align_switches(judge_floor_interval=False)
    assert number_conflicts(nlp, _FLOOR, inside, open_is_approximate=True) == 1


def test_a_figure_outside_the_floor_still_differs(nlp, align_switches):
    # "more than thirty" leaves out thirty itself, and a figure under it is another count
    align_switches(judge_floor_interval=True)
    for number, v in (("30 climbers", 30.0), ("27 climbers", 27.0)):
        other = (f"Mehmet Karaosmanoğlu of the Kızılyayla rescue unit said {number} were brought "
                 "down from the Erciyeçal ridge on Sunday.", number, v, v, "climbers")
        assert number_conflicts(nlp, _FLOOR, other, open_is_approximate=True) == 1


def test_an_inclusive_floor_holds_a_figure_above_it_not_a_toll_at_its_start(nlp, align_switches):
    floor = ("A landslide above the Çamlıdere tea terraces buried at least nine pickers on "
             "Tuesday, the valley's governor said.", "at least nine pickers", 9.0, None,
             "pickers")
    above = ("The landslide at Çamlıdere buried eleven pickers on Tuesday, Ayşe Gündoğdu of "
             "the growers' union said.", "eleven pickers", 11.0, 11.0, "pickers")
    align_switches(judge_floor_interval=True)
    assert number_conflicts(nlp, floor, above, open_is_approximate=True) == 0
    align_switches(judge_floor_interval=False)
    assert number_conflicts(nlp, floor, above, open_is_approximate=True) == 1
    # the very figure a toll held open starts from stays `judge_open_floor`'s discrepancy
    killed = ("A gas blast at a Çamlıdere teahouse killed at least nine people on Tuesday.",
              "at least nine people", 9.0, None, "people")
    closed = ("Nine people were killed when gas exploded at a Çamlıdere teahouse on Tuesday.",
              "Nine people", 9.0, 9.0, "people")
    align_switches(judge_floor_interval=True)
    assert number_conflicts(nlp, killed, closed, open_is_approximate=True) == 1


# --- the month name "May" as a date, not a modal (a reef patrol in the Pacific) ---

def _article(body: str) -> Article:
    return Article(id="ledger", text="Motuiti Ledger\n\n" + body, title="Motuiti Ledger")


def test_a_dated_may_does_not_hedge_the_claim(models):
    from consilience.analysis import analyze

    body = ("On the evening of 14 May the coastguard seized a smuggling skiff near Ngatiki reef. "
            "Nine men were aboard.")
    [an] = analyze([_article(body)], models)
    res = Resolution()
    hedged = extract_claims(an, res, month_modal=False)
    fixed = extract_claims(an, res, month_modal=True)
    seized = [c for c in fixed if "seized" in c.text]
    assert seized and all(c.certainty == "asserted" for c in seized)
    # the parser reads the month as the modal "may": without the switch the act is hedged
    assert any(c.certainty == "hedged" for c in hedged if "seized" in c.text)


def test_a_modal_may_stays_a_hedge():
    text = "Motuiti Ledger\n\nMay the reef patrol find the skiff before the storm, Tevita Fonua said."
    s = text.index("May")
    clause = Clause(s, len(text) - 1, "hedged", False, ["May"])
    assert not _month_hedge([clause], text, s, len(text) - 1)
    dated = "Motuiti Ledger\n\nThe patrol left Ngatiki on 3 May and may return by June."
    d = dated.index("The")
    # a dated "May" beside a real modal "may": the modal still hedges
    clause = Clause(d, len(dated) - 1, "hedged", False, ["may"])
    assert not _month_hedge([clause], dated, d, len(dated) - 1)
    clause = Clause(d, len(dated) - 1, "hedged", False, ["May"])
    one = "Motuiti Ledger\n\nThe patrol left Ngatiki on 3 May and returned in May."
    assert not _month_hedge([Clause(d, len(one) - 1, "hedged", False, ["May"])], one, d,
                            len(one) - 1)
    ok = "Motuiti Ledger\n\nThe patrol left Ngatiki on 3 May and returned the next day."
    assert _month_hedge([Clause(d, len(ok) - 1, "hedged", False, ["May"])], ok, d, len(ok) - 1)


# --- a time opening a period to now dates no occasion of the next sentence (a Japanese port) ---

def _story(nlp, first: str, year: str):
    from consilience.model import TimeExpr
    from consilience.story.occasions import sentence_times

    second = "The trawler had cut its tracking beacon before it reached the bay."
    text = f"{first} {second}"
    s = text.index(year)
    t = TimeExpr(s, s + len(year), year, value=year)
    a = Claim(id="minato:c0", span=Span("minato", 0, len(first)), text=first, sentence=0,
              times=[t])
    b0 = text.index(second)
    b = Claim(id="minato:c1", span=Span("minato", b0, b0 + len(second)), text=second,
              sentence=1)
    docs = {"minato": nlp(text)}
    return (lambda on: sentence_times([a, b], docs, since_open=on).get(b.id, []))


def test_a_since_year_dates_no_next_claim(nlp):
    around = _story(nlp, "Catches at the Oshima wharf have fallen by half since 2027, "
                         "Haruto Nakagawa of the Kesennuma cooperative said.", "2027")
    assert around(False) and not around(True)


def test_a_past_year_still_dates_the_next_claim(nlp):
    around = _story(nlp, "A storm flattened the Oshima wharf in 2027, Haruto Nakagawa of "
                         "the Kesennuma cooperative said.", "2027")
    assert around(False) and around(True)
