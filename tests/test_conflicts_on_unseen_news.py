"""False conflicts of kinds met on news nobody tuned for (r10): a count of who may act against
who did, a target against a tally, a running total against one moment's count, a team's
plural possessive read as a place, a year written "'71" or told by the sentence before, and an
earlier occasion's denial set against today's event. Each rule has its AlignParams switch: the
test fails with it off, and a near miss still conflicts. Fictional sentences throughout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import ruled_out_conflicts

from consilience.model import Claim, Origins, Quantity, Resolution, Span, TimeExpr
from consilience.story import align
from consilience.story.judge import judge
from consilience.story.occasions import apart, apostrophe_years, claim_occasion, sentence_times
from consilience.story.values import role_of, value_roles


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _claim(aid: str, text: str, sent: str, number: str | None, n: int = 0,
           times: list[tuple[str, str | None]] = ()) -> Claim:
    """The claim `sent` of article text `text`, holding the quantity `number` and `times`
    ((surface, ISO value or None) inside the claim)."""
    s0 = text.index(sent)
    ts = []
    for surface, v in times:
        t = text.index(surface, s0)
        ts.append(TimeExpr(t, t + len(surface), surface, v, v is None))
    if number is None:  # a claim that only dates the story
        return Claim(id=f"{aid}:c{n}", span=Span(aid, s0, s0 + len(sent)), text=sent,
                     sentence=n, times=ts)
    s = text.index(number, s0)
    digits = number.split()[-1].replace(",", "")
    words = {"nine": 9.0}
    value = float(digits) if digits.isdigit() else words[digits]
    unit = text[s + len(number):].split()[0].strip(".,")  # the counted noun
    q = Quantity(s, s + len(number), number, value, value, unit=unit)
    return Claim(id=f"{aid}:c{n}", span=Span(aid, s0, s0 + len(sent)), text=sent, sentence=n,
                 quantities=[q], times=ts)


def _number_conflicts(nlp, a: tuple, b: tuple, extra: list[tuple] = ()) -> int:
    """Number conflicts of one fact holding claim a (article "a0") and claim b ("a1"); each is
    (article text, claim sentence, number[, times]); `extra` claims (same form, article "a2")
    only date the story."""
    texts = {"a0": a[0], "a1": b[0]}
    ca = _claim("a0", *a[:3], times=a[3] if len(a) > 3 else ())
    cb = _claim("a1", *b[:3], times=b[3] if len(b) > 3 else ())
    more = []
    for n, x in enumerate(extra):
        texts["a2"] = x[0]
        more.append(_claim("a2", x[0], x[1], x[2], n, times=x[3] if len(x) > 3 else ()))
    docs = {k: nlp(v) for k, v in texts.items()}
    roles = value_roles([ca, cb, *more], nlp, docs)
    groups = [[ca, cb]] + ([more] if more else [])
    facts = judge(groups, Origins(), Resolution(), texts=texts, docs=docs, roles=roles)
    return sum(cf.kind == "number" for f in facts if ca in f.claims for cf in f.conflicts)


def _one(sent: str, number: str, times: list = ()) -> tuple:
    return (sent, sent, number, times)


# --- a count of who may act is not a count of who did -------------------------------------

ELIGIBLE = _one("Over 90,000 residents were eligible to take part in the Tarrow ballot.", "90,000")
CAST = _one("Some 61,000 residents cast their ballots in the Tarrow ballot.", "61,000")
CAST_MORE = _one("Over 90,000 residents cast their ballots in the Tarrow ballot.", "90,000")


def test_a_count_of_who_may_act_is_not_a_count_of_who_did(nlp, switch):
    assert _number_conflicts(nlp, CAST, ELIGIBLE) == 0
    switch(judge_state_counts=False)
    assert _number_conflicts(nlp, CAST, ELIGIBLE) == 1


def test_near_miss_two_counts_of_who_voted_still_conflict(nlp):
    assert _number_conflicts(nlp, CAST, CAST_MORE) == 1


def test_a_state_without_an_act_is_no_state_count(nlp):
    doc = nlp("Five people were dead after the blast.")
    assert role_of(doc, 0, 4).scope is None


# --- a target is not a tally ---------------------------------------------------------------

NEEDED = _one("Varga scored the nine points needed for the Elks record.", "nine")
SCORED = _one("Varga finished with 20 points for the Elks.", "20")
SCORED_OTHER = _one("Varga finished with 18 points for the Elks.", "18")


def test_points_needed_on_the_noun_are_a_target(nlp, switch):
    assert _number_conflicts(nlp, NEEDED, SCORED) == 0
    switch(judge_need_modifier=False)
    assert _number_conflicts(nlp, NEEDED, SCORED) == 1


def test_near_miss_two_tallies_still_conflict(nlp):
    assert _number_conflicts(nlp, SCORED_OTHER, SCORED) == 1


# --- a running total written with "has since" ----------------------------------------------

SINCE = _one("The board proposed the levy in March and has since received nearly 4,000 "
             "letters.", "nearly 4,000")
RECEIVED = _one("The board received nearly 2,500 letters about the levy.", "nearly 2,500")
RECEIVED_MORE = _one("The board received nearly 4,000 letters about the levy.", "nearly 4,000")


def test_has_since_received_is_a_running_total(nlp, switch):
    assert _number_conflicts(nlp, RECEIVED, SINCE) == 0
    switch(judge_since_total=False)
    assert _number_conflicts(nlp, RECEIVED, SINCE) == 1


def test_near_miss_two_counts_of_one_moment_still_conflict(nlp):
    assert _number_conflicts(nlp, RECEIVED, RECEIVED_MORE) == 1


def test_since_opening_a_clause_is_no_running_total(nlp):
    doc = nlp("Since the board has received 4,000 letters, the vote was put off.")
    i = doc.text.index("4,000")
    assert role_of(doc, i, i + 5).scope is None


# --- years written "'71", and years told by the sentence before ----------------------------

def test_apostrophe_years_take_the_century_before_the_story():
    assert apostrophe_years("the '71 side ran for 380 yards", "2031") == ["1971"]
    assert apostrophe_years("the \u2019 29 side", "2031") == ["2029"]
    assert apostrophe_years("music of the '90s", "2031") == []
    assert apostrophe_years("he said '71 people came", "2031") == []  # no determiner before
    assert apostrophe_years("the '71 side", None) == []


STORY_DATE = ("The Elks lost to the Ferns on 3 October 2031.", "The Elks lost to the Ferns on "
              "3 October 2031.", None, [("3 October 2031", "2031-10-03")])
OLD_SIDE = _one("The '71 side ran for 380 yards against the Ferns.", "380")
TODAY_SIDE = _one("The Elks ran for 507 yards against the Ferns.", "507")
TODAY_OTHER = _one("The Elks ran for 480 yards against the Ferns.", "480")


def test_a_year_written_with_an_apostrophe_is_another_occasion(nlp, switch):
    assert _number_conflicts(nlp, OLD_SIDE, TODAY_SIDE, [STORY_DATE]) == 0
    switch(judge_apostrophe_years=False)
    assert _number_conflicts(nlp, OLD_SIDE, TODAY_SIDE, [STORY_DATE]) == 1


def test_near_miss_two_yardages_of_this_game_still_conflict(nlp):
    assert _number_conflicts(nlp, TODAY_OTHER, TODAY_SIDE, [STORY_DATE]) == 1


PAST = "His run of wins ended with a 2019 fraud conviction. The court gave him 12 years."
PAST_SAME = "His run of wins ended with a fraud conviction. The court gave him 12 years."
NOW = "Varn got seven years behind bars from the court."


def _sentence_claims(text: str, year: str | None) -> list[Claim]:
    out = []
    for n, sent in enumerate(s + "." for s in text.split(". ") if s):
        sent = sent.rstrip(".") + "."
        s0 = text.index(sent.rstrip("."))
        ts = [TimeExpr(s0 + sent.index("2019"), s0 + sent.index("2019") + 4, "2019", year,
                       year is None)] if "2019" in sent else []
        out.append(Claim(id=f"p:c{n}", span=Span("p", s0, s0 + len(sent)), text=sent,
                         sentence=n, times=ts))
    return out


def test_the_sentence_before_dates_a_claim_that_dates_nothing(nlp):
    claims = _sentence_claims(PAST, "2019")
    around = sentence_times(claims, {"p": nlp(PAST)})
    sentenced = claims[1]
    assert [t.text for t in around[sentenced.id]] == ["2019"]
    now = Claim(id="n:c0", span=Span("n", 0, len(NOW)), text=NOW, sentence=0)
    occ = claim_occasion(sentenced, [], {}, "2031", around=around)
    assert apart(occ, claim_occasion(now, [], {}, "2031", around=around))
    # without the sentence before (the switch off), nothing tells the two sentences apart
    assert not apart(claim_occasion(sentenced, [], {}, "2031"),
                     claim_occasion(now, [], {}, "2031"))


def test_near_miss_a_sentence_before_of_the_story_year_tells_no_other_occasion(nlp):
    claims = _sentence_claims(PAST, "2031")
    around = sentence_times(claims, {"p": nlp(PAST)})
    now = Claim(id="n:c0", span=Span("n", 0, len(NOW)), text=NOW, sentence=0)
    assert not apart(claim_occasion(claims[1], [], {}, "2031", around=around),
                     claim_occasion(now, [], {}, "2031", around=around))


# --- an earlier occasion's denial, a team's plural possessive ------------------------------

def _negation_conflicts(nlp, beta: list[str]) -> int:
    from claim_fixtures import Story

    from consilience.story.claims import extract_claims

    st = Story()
    a = extract_claims(st.add("alpha", sentences=["The fire at the Orlen depot started in the "
                                                  "night, police said."],
                              clauses=[("The fire at the Orlen depot started", "asserted",
                                        False)]), st.resolution)
    times = [("Earlier this year", None)] if "Earlier this year" in " ".join(beta) else []
    b = extract_claims(st.add("beta", sentences=beta, times=times,
                              clauses=[("the fire at the Orlen depot did not start",
                                        "asserted", True)]), st.resolution)
    docs = {an.article.id: nlp(an.article.text) for an in st.analyses}
    texts = {an.article.id: an.article.text for an in st.analyses}
    ca = next(c for c in a if "started" in c.text)
    cb = next(c for c in b if "did not start" in c.text)
    # every claim of the story is judged (the others alone), as in the pipeline
    rest = [[c] for c in a + b if c is not ca and c is not cb]
    facts = judge([[ca, cb], *rest], st.origins, st.resolution, texts=texts, docs=docs,
                  cross_fact=False)
    return sum(cf.kind == "negation" for f in facts for cf in f.conflicts)


EARLIER = ["Earlier this year, a clerk at Vessby was charged over another blaze.",
           "She said the fire at the Orlen depot did not start in her office."]
SAME_DAY = ["A clerk at Vessby spoke to reporters.",
            "She said the fire at the Orlen depot did not start in her office."]


def test_a_denial_told_of_an_earlier_occasion_disputes_nothing_today(nlp, switch):
    assert _negation_conflicts(nlp, EARLIER) == 0
    switch(judge_occasion_all_kinds=False)
    assert _negation_conflicts(nlp, EARLIER) == 1


def test_near_miss_a_denial_of_today_still_conflicts(nlp):
    assert _negation_conflicts(nlp, SAME_DAY) == 1


def test_a_plural_possessive_name_is_an_owner_not_a_place(switch):
    from consilience.story.judge.entity import _plural_possessive

    assert _plural_possessive("in the Harriers", "' game against Dunmore")
    assert not _plural_possessive("in Dunmore", "' game")  # no plural "s"
    assert not _plural_possessive("in the Harriers", " game")  # no apostrophe
    switch(judge_plural_possessive=False)
    assert not _plural_possessive("in the Harriers", "' game against Dunmore")


BOTH_RULED_OUT = ["Ras Holm was ruled out for the season on Monday.",
                  "The Elks' troubles go back to camp, where Ivo Vine was ruled out for the "
                  "season."]


def test_an_act_the_parse_tells_of_two_people_has_no_one_doer(nlp, switch):
    switch(judge_several_holders=False)  # (the claim-opener rule alone: test this one)
    assert ruled_out_conflicts(nlp, BOTH_RULED_OUT) == 0
    switch(judge_several_holders=False, judge_holders_by_parse=False)
    assert ruled_out_conflicts(nlp, BOTH_RULED_OUT) == 1


def test_near_miss_one_doer_in_each_outlet_still_conflicts(nlp):
    assert ruled_out_conflicts(nlp, BOTH_RULED_OUT[:1]) == 1


def _rule_conflicts(nlp, alpha: str, a_clause: str, beta: str, b_clause: str) -> int:
    from claim_fixtures import Story

    from consilience.story.claims import extract_claims

    st = Story()
    a = extract_claims(st.add("alpha", sentences=[alpha], clauses=[(a_clause, "asserted",
                                                                     "not" in a_clause)]),
                       st.resolution)
    b = extract_claims(st.add("beta", sentences=[beta], clauses=[(b_clause, "asserted",
                                                                    "not" in b_clause)]),
                       st.resolution)
    docs = {an.article.id: nlp(an.article.text) for an in st.analyses}
    texts = {an.article.id: an.article.text for an in st.analyses}
    ca = next(c for c in a if a_clause in c.text)
    cb = next(c for c in b if b_clause in c.text)
    facts = judge([[ca, cb]], st.origins, st.resolution, texts=texts, docs=docs,
                  cross_fact=False)
    return sum(cf.kind == "negation" for f in facts for cf in f.conflicts)


OLD_RULE = ("The harbour board required skippers to report every catch.",
            "The harbour board required skippers to report every catch")
NEW_RULE = ("The harbour board does not require skippers to report every catch.",
            "The harbour board does not require skippers to report every catch")
NEW_RULE_PAST = ("The harbour board did not require skippers to report every catch.",
                 "The harbour board did not require skippers to report every catch")


def test_a_rule_told_in_the_past_and_a_denial_in_the_present_are_two_times(nlp, switch):
    assert _rule_conflicts(nlp, *OLD_RULE, *NEW_RULE) == 0
    switch(judge_tense_change=False)
    assert _rule_conflicts(nlp, *OLD_RULE, *NEW_RULE) == 1


def test_near_miss_both_told_in_the_past_still_conflict(nlp):
    assert _rule_conflicts(nlp, *OLD_RULE, *NEW_RULE_PAST) == 1
