"""story/occasions: a claim that dates nothing itself but whose subject refers back ("It killed
...", "That quake ...") is dated by the mention it refers to, so an earlier disaster recalled
beside today's toll in another outlet is neither one fact nor a number conflict. Near misses:
"it" referring to today's event still joins today's toll and its true number conflict is still
found; a pronoun with two possible antecedents inherits nothing. Fictional towns and outlets."""

from __future__ import annotations

from datetime import datetime

from consilience.api import compare
from consilience.model import Article, Claim, Span, TimeExpr
from consilience.story.occasions import apart, claim_occasion, referred_times

TODAY_TOLL = ("Varnholm quake toll rises",
              "The earthquake killed 40 people in Varnholm, officials said. "
              "Crews from Osterby worked through the night to clear the rubble.")
RECALLED_BY_IT = ("Quake shakes Varnholm",
                  "A strong earthquake struck the mountain town of Varnholm on Tuesday. "
                  "Rescue teams from Osterby searched the rubble through the night. "
                  "In 1987 a powerful earthquake struck the region. "
                  "It killed 612 people in Varnholm.")
RECALLED_BY_THAT = ("Quake shakes Varnholm",
                    "A strong earthquake struck the mountain town of Varnholm on Tuesday. "
                    "Rescue teams from Osterby searched the rubble through the night. "
                    "A powerful quake hit the region in 1987. "
                    "That quake killed 612 people in Varnholm.")
TODAY_BY_IT = ("Varnholm quake",
               "An earthquake shook Varnholm on Tuesday. "
               "It killed 55 people in Varnholm, the mayor said. "
               "Rescue crews from Osterby searched the rubble.")


def _report(models, *items):
    arts = [Article(id=f"a{n}", title=t, text=b, source=f"The {name} Ledger",
                    published=datetime(2031, 3, 6))
            for n, ((t, b), name) in enumerate(zip(items, ("Varn", "Osterby"), strict=True))]
    return compare(arts, models=models)


def _number_conflicts(report) -> list[list[float]]:
    return [sorted(v.value[0] for v in cf.values)
            for f in report.facts for cf in f.conflicts if cf.kind == "number"]


def _together(report, a: str, b: str) -> bool:
    return any(any(a in c.text for c in f.claims) and any(b in c.text for c in f.claims)
               for f in report.facts)


def test_an_earlier_quake_recalled_with_it_is_not_todays_toll(models):
    r = _report(models, RECALLED_BY_IT, TODAY_TOLL)
    assert not _together(r, "612", "killed 40")
    assert not _number_conflicts(r)


def test_an_earlier_quake_recalled_with_that_quake_is_not_todays_toll(models):
    r = _report(models, RECALLED_BY_THAT, TODAY_TOLL)
    assert not _together(r, "612", "killed 40")
    assert not _number_conflicts(r)


def test_near_miss_it_for_todays_quake_still_conflicts(models):
    r = _report(models, TODAY_BY_IT, TODAY_TOLL)
    assert _together(r, "killed 55", "killed 40")
    assert [40.0, 55.0] in _number_conflicts(r)


def _claims_of(nlp, text: str, times: list[tuple[str, str | None]]):
    doc = nlp(text)
    ts = []
    for surface, value in times:
        s = text.index(surface)
        ts.append(TimeExpr(s, s + len(surface), surface, value, value is None))
    claims = []
    for n, sent in enumerate(doc.sents):
        own = [t for t in ts if sent.start_char <= t.start < sent.end_char]
        claims.append(Claim(id=f"a:c{n}", span=Span("a", sent.start_char, sent.end_char),
                            text=sent.text, sentence=n, times=own))
    return claims, {"a": doc}


def test_a_pronoun_takes_the_date_of_its_one_antecedent(nlp):
    text = ("A storm flooded the Kessel harbour in 2019. It sank two trawlers. "
            "A new storm hit the Kessel coast on Monday.")
    claims, docs = _claims_of(nlp, text, [("2019", "2019"), ("Monday", "2031-03-03")])
    got = referred_times(claims, docs)
    assert [t.text for t in got.get("a:c1", [])] == ["2019"]
    occ = claim_occasion(claims[1], [], got, "2031")
    today = claim_occasion(Claim(id="b:c0", span=Span("b", 0, 9), text="The storm", sentence=0),
                           [], {}, "2031")
    assert apart(occ, today)  # a date before the story's year against an undated claim
    # the claim that dates itself keeps its own date
    assert "a:c2" not in got


def test_a_pronoun_with_two_possible_antecedents_inherits_nothing(nlp):
    text = ("A storm flooded the harbour in 2019 and a landslide blocked the road. "
            "It cost the town a fortune.")
    claims, docs = _claims_of(nlp, text, [("2019", "2019")])
    assert "a:c1" not in referred_times(claims, docs)


def test_a_date_of_the_story_year_referred_to_is_no_other_occasion(nlp):
    text = "A storm hit the Kessel coast on Monday. It sank two trawlers."
    claims, docs = _claims_of(nlp, text, [("Monday", "2031-03-03")])
    got = referred_times(claims, docs)
    assert [t.text for t in got.get("a:c1", [])] == ["Monday"]
    occ = claim_occasion(claims[1], [], got, "2031")
    undated = claim_occasion(Claim(id="b:c0", span=Span("b", 0, 9), text="The storm",
                                   sentence=0), [], {}, "2031")
    assert not apart(occ, undated)


def _judged_number_conflicts(nlp, recalled: str, times, today: str) -> int:
    """Number conflicts the judge finds when the claim cut from the last sentence of
    `recalled` (an article whose earlier sentences date what "it" refers to) and the one-sentence
    article `today` are handed to it as one fact."""
    from consilience.analysis.quantities import extract_quantities
    from consilience.model import Origins, Resolution
    from consilience.story.judge import judge
    from consilience.story.values import value_roles

    claims, docs = _claims_of(nlp, recalled, times)
    docs["b"] = nlp(today)
    other = Claim(id="b:c0", span=Span("b", 0, len(today)), text=today, sentence=0)
    for c, aid in ((claims[-1], "a"), (other, "b")):
        qs = extract_quantities(docs[aid], Article(id=aid, text=docs[aid].text))
        c.quantities = [q for q in qs if c.span.start <= q.start < c.span.end][:1]
        assert c.quantities
    roles = value_roles([*claims, other], nlp, docs)
    facts = judge([claims[:-1], [claims[-1], other]], Origins(), Resolution(), docs=docs,
                  roles=roles)
    return sum(cf.kind == "number" for f in facts for cf in f.conflicts)


def test_the_judge_never_sets_an_earlier_storms_toll_against_todays(nlp):
    recalled = ("A storm hit the Kessel coast on Monday. A storm flooded the harbour in 2019. "
                "It killed 30 people.")
    today = "The storm killed 12 people on the Kessel coast."
    times = [("Monday", "2031-03-03"), ("2019", "2019")]
    assert _judged_number_conflicts(nlp, recalled, times, today) == 0


def test_near_miss_the_judge_still_compares_todays_storm_told_with_it(nlp):
    recalled = ("A flood closed the Kessel ferry in 2019. A storm hit the Kessel coast on Monday. "
                "It killed 30 people.")
    today = "The storm killed 12 people on the Kessel coast."
    times = [("2019", "2019"), ("Monday", "2031-03-03")]
    assert _judged_number_conflicts(nlp, recalled, times, today) == 1


def test_an_it_that_stands_for_a_clause_inherits_nothing(nlp):
    text = ("A storm flooded the Kessel harbour in 2019. "
            "It is unclear whether the harbour wall will be raised.")
    claims, docs = _claims_of(nlp, text, [("2019", "2019")])
    assert "a:c1" not in referred_times(claims, docs)


def test_a_year_of_another_noun_does_not_date_the_antecedent(nlp):
    # the year dates the flood the storm is compared with, not the storm
    text = ("The storm this week was called the deadliest since the Kessel flood in 1974. "
            "It sank two trawlers.")
    claims, docs = _claims_of(nlp, text, [("this week", None), ("1974", "1974")])
    assert "a:c1" not in referred_times(claims, docs)
