"""People of one name in one family stay apart; short forms of a given name join the full form.

Fictional articles, run through the analyzer and the cross-article resolver."""

from __future__ import annotations

import pytest

from consilience.analysis import analyze
from consilience.analysis.entities import extract_entities
from consilience.analysis.names import generation_of, nickname_match
from consilience.model import Article
from consilience.story.resolve import parse_person, persons_compatible, resolve


def people(nlp, text: str) -> list[tuple[str, list[str]]]:
    mentions, entities = extract_entities(nlp(text), Article(id="t", text=text))
    return [(e.name, [mentions[i].text for i in e.mentions]) for e in entities
            if e.type == "PERSON"]


@pytest.mark.parametrize("short, full", [("jim", "james"), ("sandi", "sandra"),
                                         ("chuck", "charles"), ("zack", "zachary"),
                                         ("jim", "jimmy"), ("liz", "elizabeth")])
def test_short_forms_of_a_given_name_match(short, full):
    assert nickname_match(short, full) and nickname_match(full, short)


@pytest.mark.parametrize("a, b", [("tim", "paul"), ("dan", "daniela"), ("fred", "bill"),
                                  ("mike", "karen"), ("j", "james")])
def test_different_given_names_do_not_match(a, b):
    assert not nickname_match(a, b)


def test_generation_suffixes():
    assert [generation_of(t) for t in ("Jr.", "sr", "III", "Junior", "Lind")] == [
        "jr", "sr", "iii", "jr", None]


def test_father_and_son_named_in_full_stay_apart_and_elder_younger_pick_each(nlp):
    text = ("Mara Lind Jr. took over the bakery in Tallo last year. His father, Mara Lind, "
            "founded it in 1979. The younger Lind said sales had doubled. The elder Lind "
            "retired in May.")
    found = people(nlp, text)
    assert len(found) == 2, found
    son, father = found
    assert son[1] == ["Mara Lind Jr.", "Lind"] and father[1] == ["Mara Lind", "Lind"]
    # the son's "Lind" is the one after "younger", the father's the one after "elder"
    mentions, entities = extract_entities(nlp(text), Article(id="t", text=text))
    younger = next(m for m in mentions if m.start == text.index("Lind said"))
    elder = next(m for m in mentions if m.start == text.index("Lind\nretired".replace("\n", " ")))
    first = next(m for m in mentions if m.start == 0)
    assert younger.entity == first.entity != elder.entity


def test_same_name_without_suffix_split_by_his_father(nlp):
    text = ("Tomas Berg, 24, signed for Norrvik on Monday. His father, Tomas Berg, 58, played for "
            "the club in the 1990s. Berg said the move was a dream.")
    found = people(nlp, text)
    fulls = [f for f in found if f[0] == "Tomas Berg"]
    assert len(fulls) == 2  # two people, one name
    assert all("Berg" not in forms for _, forms in fulls)  # the bare surname is ambiguous


def test_a_father_named_once_is_not_split_from_himself(nlp):
    text = ("Tomas Berg signed for Norrvik on Monday. His father, Olav Berg, was there. "
            "Olav Berg said he cried.")
    found = dict((name, forms) for name, forms in people(nlp, text))
    assert found["Olav Berg"] == ["Olav Berg", "Olav Berg"]


def test_mrs_and_mr_of_one_surname_are_two_people(nlp):
    text = "Mrs. Orrin and Mr. Orrin filed their tax returns on Friday. Mrs. Orrin paid more."
    found = people(nlp, text)
    assert sorted(len(forms) for _, forms in found) == [1, 2]


def test_nickname_joins_full_name_in_one_article(nlp):
    text = ("Mayor Sandra Pell opened the bridge on Friday. Sandi Pell told reporters the work "
            "took two years.")
    assert people(nlp, text) == [("Sandra Pell", ["Sandra Pell", "Sandi Pell"])]


def test_jr_and_sr_never_merge_across_articles():
    jr, sr, bare = (parse_person(x) for x in ("Donald Pike Jr.", "Donald Pike Sr.", "Donald Pike"))
    assert not persons_compatible(jr, sr)
    assert persons_compatible(jr, bare) and persons_compatible(sr, bare)


def test_across_articles_son_father_and_nickname(models):
    a = Article(id="a", text="Mara Lind Jr. took over the bakery in Tallo last year. His father, "
                             "Mara Lind, founded it in 1979.")
    b = Article(id="b", text="Mara Lind Jr. said on Friday that the bakery in Tallo will stay open.")
    c = Article(id="c", text="James Hale, who runs the mill, praised the bakery.")
    d = Article(id="d", text="Jim Hale, the miller, said the bakery was a landmark.")
    an = analyze([a, b, c, d], models)
    res = resolve(an)
    son_a = res.by_mention[("a", next(i for i, m in enumerate(an[0].mentions) if m.start == 0))]
    father_a = res.by_mention[("a", next(i for i, m in enumerate(an[0].mentions)
                                          if m.start == a.text.index("Mara Lind,")))]
    son_b = res.by_mention[("b", next(i for i, m in enumerate(an[1].mentions) if m.start == 0))]
    assert son_a == son_b != father_a
    hale_c = res.by_mention[("c", next(i for i, m in enumerate(an[2].mentions) if m.start == 0))]
    hale_d = res.by_mention[("d", next(i for i, m in enumerate(an[3].mentions) if m.start == 0))]
    assert hale_c == hale_d


def test_a_party_whip_is_a_role_before_the_name(nlp):
    text = "House Minority Whip Dora Venn told reporters the vote would be close."
    mentions, _ = extract_entities(nlp(text), Article(id="t", text=text))
    venn = next(m for m in mentions if m.text == "Dora Venn")
    assert venn.type == "PERSON" and venn.role == "House Minority Whip"
