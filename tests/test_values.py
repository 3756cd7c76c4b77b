"""Value roles from the parse: which numbers measure one thing (fictional sentences)."""

from __future__ import annotations

import pytest

from consilience.story.values import comparable, role_of


def _role(nlp, sentence: str, number: str):
    doc = nlp(sentence)
    i = sentence.index(number)
    return role_of(doc, i, i + len(number))


def test_age_is_not_a_contract_length(nlp):
    s = "Defender Marta Lind, 24, signed a four-year contract with Tallo United on Monday."
    age, length = _role(nlp, s, "24"), _role(nlp, s, "four")
    assert age.kind == "age"
    assert length.kind == "duration" and length.counted == "year"
    assert not comparable(age, length)


def test_killed_and_injured_are_two_counts(nlp):
    s = "Three people were killed and 12 injured when a bridge collapsed in Vessing."
    dead, hurt = _role(nlp, s, "Three"), _role(nlp, s, "12")
    four = _role(nlp, "A bridge in Vessing collapsed, killing four people.", "four")
    fifteen = _role(nlp, "Fifteen people were injured, officials said.", "Fifteen")
    assert comparable(dead, four) and comparable(hurt, fifteen)
    assert not comparable(dead, fifteen) and not comparable(hurt, four)


def test_percentage_is_not_a_count(nlp):
    pct = _role(nlp, "Turnout was 61% in the Harrow ward.", "61%")
    about = _role(nlp, "Turnout reached about 60 percent.", "about 60 percent")
    seats = _role(nlp, "The Green list won 14 seats in the council.", "14")
    assert pct.kind == "percent" and comparable(pct, about)
    assert not comparable(pct, seats)


@pytest.mark.parametrize("sentence,number", [("The council has no members.", "no")])
def test_no_number_no_role(nlp, sentence, number):
    assert _role(nlp, sentence, number) is None


def test_amounts_of_different_verbs_or_things_are_two_amounts(nlp):
    earned = _role(nlp, "The Varkes earned $3.2 million in rental income from 2028 to 2031.",
                   "$3.2 million")
    paid = _role(nlp, "The Varkes paid $900,000 in property taxes over those years.", "$900,000")
    roughly = _role(nlp, "The couple earned roughly $3.4 million over the four years.",
                    "$3.4 million")
    fees = _role(nlp, "She was paid $40,000 for two lectures, records show.", "$40,000")
    levy = _role(nlp, "He paid an extra $75,000 in harbour levies.", "$75,000")
    assert earned.thing == "income" and paid.thing not in (None, "income")
    assert comparable(earned, roughly)  # one amount, one verb: a real disagreement
    assert not comparable(earned, paid)  # earned vs paid
    assert not comparable(fees, levy)  # paid for lectures vs paid in levies


def test_amounts_of_different_periods_are_two_amounts(nlp):
    years = _role(nlp, "Ola Varke earned nearly $2 million between 2031 and 2034 for advising "
                  "shipyards.", "$2 million")
    span = _role(nlp, "The Varkes earned $14,250,300 over the eight-year span, mostly from "
                 "ferry tolls.", "$14,250,300")
    first = _role(nlp, "The Varkes earned $1.8 million in 2033.", "$1.8 million")
    second = _role(nlp, "The Varkes earned $1.3 million in 2034.", "$1.3 million")
    again = _role(nlp, "In 2034, the Varkes earned $1.1 million, the filing shows.", "$1.1 million")
    assert years.period == (2031, 2034, 4.0) and span.period == (None, None, 8.0)
    assert not comparable(years, span)  # four years are not eight
    assert not comparable(first, second)  # the 2033 and the 2034 earnings
    assert comparable(second, again)  # one year, two sums: a real disagreement


def test_whose_rate_is_part_of_its_role(nlp):
    his = _role(nlp, "Mayor Tove Brandt said his average tax rate was 31 percent.", "31 percent")
    theirs = _role(nlp, "The Varkes' effective tax rate was 27.4 percent.", "27.4 percent")
    own = _role(nlp, "Ola Varke said his effective tax rate was 25 percent.", "25 percent")
    assert his.owner == "brandt" and theirs.owner == "varke"
    assert not comparable(his, theirs)  # the mayor's rate is not the Varkes'
    assert comparable(own, theirs)  # one family's rate, two figures
