"""Percentages keep their unit from the claim cut to the judge (fictional articles): "58%" before
an attribution tag and "61 per cent" are both percentages, so turnouts that differ are a number
conflict, never a corroboration."""

from __future__ import annotations

import consilience

_DAY = "Sunday's municipal election in Orvik"


def _report(models, *texts: str):
    return consilience.compare([{"id": f"t{n}", "source": f"Orvik Outlet {n}", "text": t}
                                for n, t in enumerate(texts)], models=models)


def _turnout_facts(report):
    return [f for f in report.facts
            if any("urnout" in c.text and c.quantities for c in f.claims)]


def test_claim_before_a_said_tag_keeps_its_percent_sign(models):
    report = _report(models, "Brenholt elects council\n\nBrenholt's municipal election on Sunday drew "
                     "a turnout of about 60%, officials said.\n")
    claims = [c for f in report.facts for c in f.claims if "turnout of" in c.text]
    assert claims and "about 60%" in claims[0].text
    assert [(q.text, q.unit) for q in claims[0].quantities] == [("about 60%", "percent")]


def test_differing_turnouts_in_three_house_styles_are_not_corroborated(models):
    report = _report(
        models,
        f"Orvik votes\n\nTurnout was 61 per cent in {_DAY}, the town clerk said.\n",
        f"Orvik elects council\n\nTurnout was about 60%, officials said after {_DAY}.\n",
        f"Low turnout in Orvik\n\nTurnout was 58%, the electoral commission said after {_DAY}.\n",
    )
    facts = _turnout_facts(report)
    assert facts
    assert all(f.status != "corroborated" for f in facts)
    found = [cf for f in facts for cf in f.conflicts if cf.kind == "number"]
    # 61 and 58 exclude each other: a contradiction ("about 60%" fits either and adds none)
    assert any({"61 per cent", "58%"} <= {v.text for v in cf.values}
               and cf.severity == "contradiction" for cf in found)
    assert not any({v.text for v in cf.values} == {"61 per cent", "about 60%"} for cf in found)


def test_equal_turnouts_in_three_house_styles_are_corroborated(models):
    report = _report(
        models,
        f"Orvik votes\n\nTurnout was 61 per cent in {_DAY}, the town clerk said.\n",
        f"Orvik elects council\n\nTurnout was 61%, officials said after {_DAY}.\n",
        f"Orvik turnout up\n\nTurnout was 61%, the electoral commission said after {_DAY}.\n",
    )
    facts = _turnout_facts(report)
    assert any(f.status == "corroborated" and len(f.origins) == 3 and not f.conflicts
               for f in facts)
