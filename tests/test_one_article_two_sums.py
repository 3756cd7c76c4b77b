"""align, restatements and fact merge: an article that gives two different sums of one unit with
the same verb states two facts, never one fact said twice, so no fact holds both (the second sum
would otherwise ride along as "corroborated" with the first). Fictional story: the invented
Varke family's published accounts, reported by three fictional outlets."""

from __future__ import annotations

import pytest

import consilience

LEDGER = """Varke accounts show eight years of income

The Halden Ledger

The Varkes earned 4.2 million kroner from 2015 to 2022, mostly from boatyard sales and lecture fees, their published accounts show.

The Varkes earned 0.6 million kroner in 2021 from boatyard sales and lecture fees, the accounts show.

The family gave 300,000 kroner to a rowing club over the same years.
"""

POST = """Varke family releases its accounts

Brekke Post

The Varkes earned about 4.2 million kroner from boatyard sales and lecture fees over eight years, according to accounts the family released on Friday.

Most of the money came from the sale of a boatyard.
"""


WIRE = """Varke lectures paid well, accounts show

Fjord Wire

The Varkes earned 0.6 million kroner in 2021 from boatyard sales and lecture fees, according to their accounts.

The accounts were released on Friday.
"""


@pytest.fixture(scope="module")
def report(models):
    return consilience.compare([
        {"id": "ledger", "source": "The Halden Ledger", "text": LEDGER},
        {"id": "post", "source": "Brekke Post", "text": POST},
        {"id": "wire", "source": "Fjord Wire", "text": WIRE},
    ], models=models)


def test_two_sums_of_one_article_are_never_one_fact(report):
    for f in report.facts:
        ledger = [c.text for c in f.claims if c.span.article == "ledger"]
        assert not (any("4.2 million" in t for t in ledger)
                    and any("0.6 million" in t for t in ledger)), ledger


def test_the_shared_sum_is_still_corroborated(report):
    fact = next(f for f in report.facts for c in f.claims
                if c.span.article == "ledger" and "4.2 million" in c.text)
    assert {"ledger", "post"} <= {c.span.article for c in fact.claims}
    assert fact.status.value in ("corroborated", "conflicting") if hasattr(fact.status, "value") \
        else fact.status in ("corroborated", "conflicting")
