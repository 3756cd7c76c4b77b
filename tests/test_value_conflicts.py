"""Numbers are compared only within one role, end to end (fictional articles): killed with
killed, injured with injured, never an age with a contract length."""

from __future__ import annotations

import consilience


def _facts(models, *texts: str):
    report = consilience.compare([{"id": f"a{n}", "source": f"Outlet {n}", "text": t}
                                  for n, t in enumerate(texts)], models=models)
    return report.facts


def _number_conflicts(facts):
    return [sorted(v.text for v in cf.values) for f in facts for cf in f.conflicts
            if cf.kind == "number"]


def test_killed_and_injured_are_two_separate_conflicts(models):
    facts = _facts(
        models,
        "Bridge collapse in Vessing\n\nThree people were killed and 12 injured when a bridge "
        "collapsed in Vessing on Friday, police said.\n",
        "Vessing bridge falls\n\nA bridge in Vessing collapsed on Friday, killing four people. "
        "Fifteen people were injured, officials said.\n",
    )
    found = _number_conflicts(facts)
    assert ["Three", "four"] in found
    assert ["12", "Fifteen"] in found
    # never a killed count against an injured one
    assert not any({"Three", "Fifteen"} <= set(v) or {"12", "four"} <= set(v) for v in found)
    # the injured fact disagrees: it is not shown as an agreement
    hurt = next(f for f in facts if any("Fifteen" in c.text for c in f.claims))
    assert hurt.status == "conflicting"


def test_an_age_is_never_set_against_a_contract_length(models):
    facts = _facts(
        models,
        "Lind joins Tallo United\n\nDefender Marta Lind, 24, signed a four-year contract with "
        "Tallo United on Monday, the club said.\n",
        "Tallo United sign Lind\n\nMarta Lind has signed a contract for four years with Tallo "
        "United, the club announced on Monday. Lind is 24 years old.\n",
    )
    for pair in _number_conflicts(facts):
        assert not ({"24", "four"} & set(pair) and len(set(pair)) > 1
                    and any("24" in v for v in pair) and any("four" in v for v in pair))


def test_two_articles_of_one_outlet_are_one_source(models):
    lead = ("Harbour reopens\n\nThe Vessing harbour reopened on Tuesday after a three-day "
            "closure, the port authority said.\n")
    again = ("Vessing harbour open again\n\nVessing's harbour opened again on Tuesday once a "
             "three-day closure ended, the port authority said.\n")
    report = consilience.compare([
        {"id": "p1", "source": "Vessing Post", "text": lead},
        {"id": "p2", "source": "vessing  post", "text": again},
    ], models=models)
    for f in report.facts:
        assert f.status != "corroborated"
        assert len(f.origins) == 1
    # not copies: the report does not call the second article a copy of the first
    assert report.copies == {}


def test_status_is_one_word_in_every_view(models):
    from consilience.render import render_report

    facts_report = consilience.compare([
        {"id": "a0", "source": "Outlet A", "text": "Ferry rescue\n\nSeveral dozen sailors were "
         "rescued from the ferry Orla off Kessin on Monday.\n"},
        {"id": "a1", "source": "Outlet B", "text": "Orla rescue\n\nAround 30 sailors were "
         "rescued from the ferry Orla off Kessin on Monday.\n"},
    ], models=models)
    import json

    data = json.loads(render_report(facts_report, "json"))
    for f, d in zip(facts_report.facts, data["facts"], strict=True):
        assert d["status"] == f.status
        if f.conflicts:
            assert f.status == "conflicting"
