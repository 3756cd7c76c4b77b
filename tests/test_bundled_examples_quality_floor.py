"""bench/examples_eval.py on the bundled fictional events: alignment must not regress below the
figures measured after clause splitting and the news predicate classes (docs/quality.md), and the
topic-only joins the predicate rule removed must stay apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import examples_eval  # noqa: E402


@pytest.fixture(scope="module")
def result(models):
    return examples_eval.run(models=models)


def test_corroboration_and_conflict_recall_do_not_regress(result):
    t = examples_eval.totals(result)
    assert t["corr_pairs"] >= 100
    # measured 72/107 pairs, 17/37 items on the four events after the recall round (the three
    # older events: 46/69, 12/25; before the round 41/67, 10/25; before clause splitting and
    # news predicate classes 23/69, 5/25)
    assert t["corr_pairs_hit"] / t["corr_pairs"] >= 0.62
    assert t["corr_items_hit"] >= 15
    conf = t["conflicts"]
    assert conf["attribution"][1] == 3
    # measured number 6/6, date 3/3, negation 3/3, modality 2/3 since counts of one value role
    # align (before: 5/6, 2/3, 2/3, 2/3; before clause splitting: 1, 0, 1, 1 on the three older
    # events)
    assert conf["number"][1] >= 6
    assert conf["date"][1] >= 3
    assert conf["negation"][1] >= 3
    assert conf["number"][1] + conf["date"][1] + conf["negation"][1] + conf["modality"][1] >= 14
    # measured entity 3/4 (warehouse owner, talks venue, spokesperson); before 0/4. The ferry's
    # place is stated in a different sentence from its date in two articles: not reachable yet
    assert conf["entity"][1] >= 3


def test_entity_conflicts_in_a_slot_are_flagged(result):
    # the talks venue (Vestra vs Kallio) and the owner (Tessel vs Brenkem) need the two sides'
    # claims in one fact: same predicate, same participants, a different entity in one slot
    misses = result["events"]["brenn-bank-fisheries"]["misses"] + \
        result["events"]["brenmouth-fire"]["misses"]
    assert not any("where the talks were held" in m for m in misses)
    assert not any("the warehouse owner" in m for m in misses)
    assert not any("spokesperson" in m for m in misses)


def test_planted_count_and_denial_conflicts_are_found(result):
    # "About 2,000 residents were evacuated" / "More than 3,500 people spent ... away from their
    # homes" (different verbs, one value role); "the smoke contained chlorine" / "air tests had
    # not detected chlorine in the smoke" (presence, as a verb of detection states it)
    misses = result["events"]["brenmouth-fire"]["misses"]
    assert not any("evacuated" in m for m in misses)
    assert not any("chlorine" in m for m in misses)


def test_false_corroborations_stay_rare(result):
    t = examples_eval.totals(result)
    # measured 0 (before: 1, "the remaining issue was how to share data" / "will share data")
    assert t["false_single"] + t["false_join"] == 0


def test_same_person_different_predicate_is_not_one_fact(result):
    # "the captain had been detained" vs "the captain was among those rescued"; the NMA
    # coordinating the rescue vs its centre receiving a distress call
    ferry = result["events"]["skarn-ferry"]
    assert not any("detained" in j and "among those rescued" in j for j in ferry["false_join"])
    assert not any("distress call" in j for j in ferry["false_single"])


def test_phrases_are_located_in_the_articles(result):
    for ev, r in result["events"].items():
        assert r["unlocated"] == [], ev


def test_locate_ignores_case_quotes_and_spacing():
    text = "The  Mayor said \u201cwe held\u201d on Monday."
    assert examples_eval.locate(text, 'mayor said "we held"') == (5, 25)
    assert examples_eval.locate(text, "not there") is None


def test_no_conflict_where_the_sources_agree(result):
    # a conflict on the fact of a planted agreement that no planted conflict explains: measured 0
    # (before the judge's denial/negation and time-bound fixes: "denied that it had been
    # overloaded" vs "was not overloaded" was a negation contradiction)
    t = examples_eval.totals(result)
    assert t["false_conflicts"] == 0, [m for r in result["events"].values()
                                      for m in r["false_conflicts"]]


def test_recall_round_items_stay_found(result):
    # missed before the recall round: a support verb's object parsed as "storm" + "warning", and
    # a participle with its own date on the subject ("The Saga Vind, built in 1997, has ...")
    misses = result["events"]["skarn-ferry"]["misses"]
    assert not any("storm warning" in m for m in misses)
    assert not any("built in 1997" in m for m in misses)


def test_false_joins_found_by_reading_stay_apart(result):
    # "spending ... has fallen by 12 percent" (single source) once joined "Heavy rain has fallen"
    ormvik = result["events"]["ormvik-derailment"]
    assert not any("spending on the maintenance" in j for j in ormvik["false_single"])
