"""Two numbers of one role are one value only when they cover the same stretch: a running total
("so far", "a total of", "over the past nine days", "in three raids") is not one day's count, a
stretch of a game ("the first 15 points") not the whole game, a number inside a modifier ("a
20-goal season", "a 31-year-old teacher") not a count of its unit, and a piece of a fraction or a
split number ("4 1/2", "300, 000") no count at all (fictional sentences, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Quantity, Resolution, Span
from consilience.story.judge import judge
from consilience.story.values import value_roles


def _claim(aid: str, text: str, number: str, value: float, unit: str | None) -> Claim:
    s = text.index(number)
    q = Quantity(s, s + len(number), number, value, value, unit=unit)
    return Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                 quantities=[q])


def _number_conflicts(nlp, *rows: tuple[str, str, float, str | None]) -> int:
    claims, docs = [], {}
    for n, (text, number, value, unit) in enumerate(rows):
        c = _claim(f"a{n}", text, number, value, unit)
        claims.append(c)
        docs[c.span.article] = nlp(text)
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, roles=roles)
    return sum(cf.kind == "number" for cf in fact.conflicts)


def test_a_running_total_is_not_one_raids_count(nlp):
    assert _number_conflicts(
        nlp, ("In its three raids so far, the coast guard has seized 40 rifles.", "40", 40,
              "rifles"),
        ("Twelve rifles were seized from the boats off Pellam.", "Twelve", 12, "rifles"),
    ) == 0
    # near miss: two accounts of one raid still disagree
    assert _number_conflicts(
        nlp, ("The coast guard seized 40 rifles from the boats off Pellam.", "40", 40,
              "rifles"),
        ("Twelve rifles were seized from the boats off Pellam.", "Twelve", 12, "rifles"),
    ) == 1


def test_a_count_over_past_days_is_a_total(nlp):
    assert _number_conflicts(
        nlp, ("At least 70 people have been hurt in the riots over the past nine days.", "70",
              70, "people"),
        ("The blast in Dunmore on Friday injured at least two people.", "two", 2, "people"),
    ) == 0
    # near miss: two totals over the same span are one value
    assert _number_conflicts(
        nlp, ("At least 70 people have been hurt in the riots over the past nine days.", "70",
              70, "people"),
        ("Some 40 people have been hurt in the riots over the past nine days.", "40", 40,
         "people"),
    ) == 1


def test_a_total_of_all_is_not_a_count_of_some(nlp):
    assert _number_conflicts(
        nlp, ("A total of three pipelines linking Norland and Vessa were damaged.", "three", 3,
              "pipelines"),
        ("Two pipelines were damaged just off Port Hessa.", "Two", 2, "pipelines"),
    ) == 0


def test_a_stretch_of_a_game_is_not_the_whole_game(nlp):
    assert _number_conflicts(
        nlp, ("The Hawks' first 15 points came from Ilka Varga.", "15", 15, "points"),
        ("The Hawks scored 64 points against the Tallo Rovers.", "64", 64, "points"),
    ) == 0
    # the whole a part is taken from: "15" of "eight of the 15 points" is no one's tally
    assert _number_conflicts(
        nlp, ("Varga scored eight of the Hawks' 15 points in the second half.", "15", 15,
              "points"),
        ("The Hawks scored 64 points against the Tallo Rovers.", "64", 64, "points"),
    ) == 0
    # near miss: two accounts of the whole game still disagree
    assert _number_conflicts(
        nlp, ("The Hawks scored 58 points against the Tallo Rovers.", "58", 58, "points"),
        ("The Hawks scored 64 points against the Tallo Rovers.", "64", 64, "points"),
    ) == 1


def test_a_number_inside_a_modifier_is_a_property_not_a_count(nlp):
    assert _number_conflicts(
        nlp, ("Ilka Varga has scored at least 20 goals this year.", "20", 20, "goals"),
        ("It was the third straight 25-goal season for Ilka Varga.", "25", 25, "goal"),
    ) == 0
    # two ages told of different people are two values; one person's two ages still conflict
    assert _number_conflicts(
        nlp, ("A 31-year-old teacher was hurt in the Dunmore blast.", "31", 31, "year"),
        ("An 11-year-old boy was hurt in the Dunmore blast.", "11", 11, "year"),
    ) == 0
    assert _number_conflicts(
        nlp, ("A 31-year-old teacher was hurt in the Dunmore blast.", "31", 31, "year"),
        ("A 35-year-old teacher was hurt in the Dunmore blast.", "35", 35, "year"),
    ) == 1


def test_pieces_of_fractions_and_split_numbers_are_no_counts(nlp):
    assert _number_conflicts(
        nlp, ("Ola Varke served 41 / 2 months in the Tallo jail.", "2 months", 2, "months"),
        ("Ola Varke served four months in the Tallo jail.", "four months", 4, "months"),
    ) == 0
    assert _number_conflicts(
        nlp, ("Ola Varke served four and a half months in the Tallo jail.", "four months"[:4],
              4, "months"),
        ("Ola Varke served six months in the Tallo jail.", "six", 6, "months"),
    ) == 0
    # near miss: two whole counts of months still disagree
    assert _number_conflicts(
        nlp, ("Ola Varke served five months in the Tallo jail.", "five", 5, "months"),
        ("Ola Varke served six months in the Tallo jail.", "six", 6, "months"),
    ) == 1


def test_a_participle_on_the_object_is_told_of_the_verbs_subject(nlp):
    # "he" is Okafor in one article, Varga in the other: two players' carries
    assert _number_conflicts(
        nlp, ("Tomas Brel looked stronger on Sunday, when he had 60 yards rushing on just "
              "eight carries and had 40 yards receiving on four catches.", "eight", 8,
              "carries"),
        ("Daniel Okafor was the leading rusher last year. He had 400 yards and five "
         "touchdowns on 90 carries.", "90", 90, "carries"),
    ) == 0


def test_each_of_several_is_not_their_sum(nlp):
    assert _number_conflicts(
        nlp, ("The Hawks ran for 352 yards against the Tallo Rovers.", "352", 352, "yards"),
        ("Two Hawks players ran for over 100 yards apiece against the Tallo Rovers.", "100",
         100, "yards"),
    ) == 0


def test_a_part_taken_from_a_whole_is_not_the_whole(nlp):
    # "three of the seven shots": three is a part, never set against a count of all the shots
    assert _number_conflicts(
        nlp, ("Police fired seven shots at the van in Mill Lane.", "seven", 7, "shots"),
        ("Three of the shots fired at the van in Mill Lane hit the tyres.", "Three", 3,
         "shots"),
    ) == 0


def test_an_amount_needed_is_not_an_amount_reached(nlp):
    assert _number_conflicts(
        nlp, ("Ilka Varga came in needing 11 points to break the Hawks record.", "11", 11,
              "points"),
        ("Ilka Varga scored 23 points as the Hawks beat the Tallo Rovers.", "23", 23, "points"),
    ) == 0
    # near miss: two outlets' amounts needed still disagree
    assert _number_conflicts(
        nlp, ("Ilka Varga came in needing 11 points to break the Hawks record.", "11", 11,
              "points"),
        ("Ilka Varga needed 14 points to break the Hawks record.", "14", 14, "points"),
    ) == 1


def test_the_head_of_a_split_thousand_is_no_count(nlp):
    # "26, 000" split by a space: neither "26" nor "000" is the count
    assert _number_conflicts(
        nlp, ("The Vessa quake killed more than 26, 000 people in 1971.", "more than 26", 26,
              "people"),
        ("The Vessa quake killed 31 people, officials said.", "31", 31, "people"),
    ) == 0


def test_the_same_player_told_two_carries_is_a_conflict(nlp):
    # near miss of the participle test: one player, two counts of one game's carries
    assert _number_conflicts(
        nlp, ("Tomas Brel looked stronger on Sunday, when he had 60 yards rushing on just "
              "eight carries and had 40 yards receiving on four catches.", "eight", 8,
              "carries"),
        ("Tomas Brel looked stronger on Sunday, when he ran for 60 yards on 14 carries.",
         "14", 14, "carries"),
    ) == 1
