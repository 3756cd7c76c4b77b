"""A clause of one polarity that the parser hangs under a clause of the other, closed by a
semicolon or a comma with no conjunction, is a claim of its own with its own polarity
(`AlignParams.claim_clause_polarity`, docs/quality.md "r17b-negation"). Each test sets the switch
both ways; every place, outlet and person here is invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article, Resolution
from consilience.story import align
from consilience.story.claims import extract_claims


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


# --- a harbour board's accounts in a Norwegian-named fjord town ---

LEDGER_NOT = ("The Skarvik council's auditors did not approve the harbour accounts for 2029; "
              "the statement they signed lists three open loans to board members.")
LEDGER_YES = ("The Skarvik council's auditors approved the harbour accounts for 2029 after a "
              "two-day review in Tromsvold.")

# --- a cocoa cooperative in a Ghanaian-named district (a comma splice) ---

COCOA_NOT = ("From the records the Adwoaso cooperative did not pay the growers in March, it was "
             "the district office of Nkwanta that covered the wages.")
COCOA_YES = ("The Adwoaso cooperative paid the growers in March, treasurer Kwabena Asante-Owusu "
             "told the Bono Herald on Friday.")


def _claims(models, body: str, on: bool):
    from consilience.analysis import analyze

    art = Article(id="skarv", text="Fjordposten\n\n" + body, title="Fjordposten")
    [an] = analyze([art], models)
    return extract_claims(an, Resolution(), clause_polarity=on)


@pytest.mark.parametrize("body,verb", [(LEDGER_NOT, "approve"), (COCOA_NOT, "pay")])
def test_a_negated_clause_before_a_semicolon_or_comma_is_its_own_negated_claim(models, body,
                                                                                 verb):
    on = [c for c in _claims(models, body, True) if verb in c.text]
    assert on and all(c.negated for c in on)
    # its own claim: the asserted clause after the punctuation is not in it, and stays asserted
    assert all(";" not in c.text and "that covered" not in c.text for c in on)
    rest = [c for c in _claims(models, body, True) if verb not in c.text]
    assert rest and not any(c.negated for c in rest)
    # without the switch the whole sentence is one claim with the largest clause's polarity
    off = [c for c in _claims(models, body, False) if verb in c.text]
    assert off and not any(c.negated for c in off)


def _negation_conflicts(models, negated: str, asserted: str) -> int:
    from consilience.api import compare

    arts = [Article(id="gull", text=negated + " The review ended on Friday.", source="Gull Daily"),
            Article(id="tern", text=asserted + " Nobody else was asked.", source="Tern Weekly")]
    report = compare(arts, models=models)
    return sum(cf.kind == "negation" for f in report.facts for cf in f.conflicts)


def test_a_negated_coordinated_clause_conflicts_with_the_other_outlets_assertion(models, switch):
    switch(claim_clause_polarity=True)
    assert _negation_conflicts(models, LEDGER_NOT, LEDGER_YES) >= 1
    # off, and round 21's value-semicolon cut off too (it parts "for 2029; ... three loans")
    switch(claim_clause_polarity=False, claim_semicolon_values=False)
    assert _negation_conflicts(models, LEDGER_NOT, LEDGER_YES) == 0
