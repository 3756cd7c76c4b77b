"""Two numbers conflict only when they are values of one role told of one actor: two named
players' points, or two named storms' tolls, are two tallies, not two accounts of one
(fictional sentences, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Quantity, Resolution, Span
from consilience.story.judge import judge
from consilience.story.values import value_roles


def _claim(aid: str, text: str, number: str, value: float, unit: str) -> Claim:
    s = text.index(number)
    q = Quantity(s, s + len(number), number, value, value, unit=unit)
    return Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                 quantities=[q])


def _number_conflicts(nlp, *rows: tuple[str, str, float, str],
                      resolution: Resolution | None = None) -> int:
    claims, docs = [], {}
    for n, (text, number, value, unit) in enumerate(rows):
        c = _claim(f"a{n}", text, number, value, unit)
        claims.append(c)
        docs[c.span.article] = nlp(text)
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), resolution or Resolution(), docs=docs, roles=roles)
    return sum(cf.kind == "number" for cf in fact.conflicts)


def test_two_named_players_points_are_two_tallies(nlp):
    assert _number_conflicts(
        nlp, ("Ilka Varga scored 23 points for the Marrow Hawks on Friday.", "23", 23, "points"),
        ("Daniel Okafor scored 11 points as the Marrow Hawks won on Friday.", "11", 11, "points"),
    ) == 0


def test_one_named_player_told_two_tallies_is_a_conflict(nlp):
    assert _number_conflicts(
        nlp, ("Ilka Varga scored 23 points for the Marrow Hawks on Friday.", "23", 23, "points"),
        ("Varga scored 11 points as the Marrow Hawks won on Friday.", "11", 11, "points"),
    ) == 1


def test_a_pronoun_stands_for_the_person_named_before_it(nlp):
    # "he" is Okafor, named in the sentence before: not Varga's tally
    assert _number_conflicts(
        nlp, ("Ilka Varga scored 23 points for the Marrow Hawks on Friday.", "23", 23, "points"),
        ("Daniel Okafor came off the bench. He scored 11 points as the Hawks won.", "11", 11,
         "points"),
    ) == 0


def test_counts_without_a_named_actor_still_conflict(nlp):
    # no named actor on either side: one count of the evacuated
    assert _number_conflicts(
        nlp, ("About 2,000 residents of Pellam were evacuated overnight.", "2,000", 2000,
              "residents"),
        ("Some 3,500 people were evacuated from Pellam overnight.", "3,500", 3500, "people"),
    ) == 1


def test_a_time_ago_is_no_length_of_time(nlp):
    # "eight days ago" says when, "for five days" how long: two values, never one dispute
    assert _number_conflicts(
        nlp, ("The Pellam ferry sank eight days ago, the harbour office said.", "eight", 8,
              "days"),
        ("Divers searched the wreck of the Pellam ferry for five days.", "five", 5, "days"),
    ) == 0
    assert _number_conflicts(
        nlp, ("Divers searched the wreck of the Pellam ferry for eight days.", "eight", 8,
              "days"),
        ("Divers searched the wreck of the Pellam ferry for five days.", "five", 5, "days"),
    ) == 1


def test_a_tally_of_nobody_named_joins_no_two_players(nlp):
    # whose 11 points? beside Varga's and Okafor's tallies it cannot be told
    assert _number_conflicts(
        nlp, ("Ilka Varga scored 23 points for the Marrow Hawks on Friday.", "23", 23, "points"),
        ("In the last quarter of the Marrow Hawks game, 11 points were scored.", "11", 11,
         "points"),
        ("Daniel Okafor scored 8 points as the Marrow Hawks won on Friday.", "8", 8, "points"),
    ) == 0


# r16b-threshold: the value a change starts from is of an earlier moment, no rival actor's value
BAN = (("The Kasumi Disciplinary Board cut the suspension of Haruto Inoue to four matches.",
        "four", 4, "matches"),
       ("On Monday the suspension of Haruto Inoue was cut to three matches.", "three", 3,
        "matches"),
       ("The Kasumi Appeals Committee cut the suspension from nine matches to four.", "nine", 9,
        "matches"))


def test_the_value_a_change_starts_from_names_no_rival_actor(nlp, monkeypatch):
    from dataclasses import replace

    from consilience.story import align as align_mod
    monkeypatch.setattr(align_mod, "DEFAULT_PARAMS",
                        replace(align_mod.DEFAULT_PARAMS, judge_change_start=True))
    assert _number_conflicts(nlp, *BAN) == 1
    monkeypatch.setattr(align_mod, "DEFAULT_PARAMS",
                        replace(align_mod.DEFAULT_PARAMS, judge_change_start=False))
    assert _number_conflicts(nlp, *BAN) == 0


def test_a_value_named_with_from_alone_is_still_a_rival(nlp):
    # "from" without a value it changes to: a source, not where a change starts
    from consilience.story.judge.number import _FROM_BEFORE, _TO_AFTER
    assert _FROM_BEFORE.search("cut the suspension from ")
    assert _TO_AFTER.search(" matches to four.")
    assert not _TO_AFTER.search(" matches. The club said it would appeal.")
