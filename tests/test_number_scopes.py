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
        nlp, ("Across its three patrols so far, the harbour police have taken 40 rifles.", "40", 40,
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
        nlp, ("Dozens of marchers, 64 in all by one count, were injured in Dunmore during the last "
              "nine days.", "64", 64, "marchers"),
        ("Friday's clash in Dunmore injured two marchers.", "two", 2, "marchers"),
    ) == 0
    # near miss: two totals over the same span are one value
    assert _number_conflicts(
        nlp, ("Dozens of marchers, 64 in all by one count, were injured in Dunmore during the last "
              "nine days.", "64", 64, "marchers"),
        ("Police say 40 marchers were injured in Dunmore during the last nine days.", "40",
         40, "marchers"),
    ) == 1


def test_a_total_of_all_is_not_a_count_of_some(nlp):
    assert _number_conflicts(
        nlp, ("Storms broke a total of three Norland water mains.", "three", 3,
              "mains"),
        ("Storms broke two water mains near the Hessa quay.", "two", 2, "mains"),
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
    assert _number_conflicts(
        nlp, ("Varga, 27, has hit 25 homers this year.", "25", 25, "homers"),
        ("It capped a fourth straight 30-homer, 90-RBI season for Varga.", "30", 30,
         "homer"),
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
        nlp, ("Ola Varke spent four and a half months behind bars in Tallo.", "four months"[:4],
              4, "months"),
        ("Ola Varke spent six months behind bars in Tallo.", "six", 6, "months"),
    ) == 0
    # near miss: two whole counts of months still disagree
    assert _number_conflicts(
        nlp, ("Ola Varke served five months in the Tallo jail.", "five", 5, "months"),
        ("Ola Varke spent six months behind bars in Tallo.", "six", 6, "months"),
    ) == 1


def test_a_participle_on_the_object_is_told_of_the_verbs_subject(nlp):
    # "he" is Okafor in one article, Varga in the other: two players' carries
    assert _number_conflicts(
        nlp, ("Tomas Brel was the star on Sunday, when he gained 60 yards running from eight "
              "snaps.", "eight", 8, "snaps"),
        ("Daniel Okafor topped the list last year. He had 400 yards and five scores "
         "from 90 snaps.", "90", 90, "snaps"),
    ) == 0


def test_each_of_several_is_not_their_sum(nlp):
    assert _number_conflicts(
        nlp, ("The Hawks ran for 352 yards against the Tallo Rovers.", "352", 352, "yards"),
        ("Both Hawks wingers gained over 100 yards apiece against the Tallo Rovers.",
         "100", 100, "yards"),
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
        nlp, ("Before the game Ilka Varga needed 11 points for the Hawks record.", "11", 11,
              "points"),
        ("Ilka Varga scored 23 points as the Hawks beat the Tallo Rovers.", "23", 23, "points"),
    ) == 0
    # near miss: two outlets' amounts needed still disagree
    assert _number_conflicts(
        nlp, ("Before the game Ilka Varga needed 11 points for the Hawks record.", "11", 11,
              "points"),
        ("Before the night Ilka Varga needed 14 points for the Hawks record.", "14", 14,
         "points"),
    ) == 1


def test_the_head_of_a_split_thousand_is_no_count(nlp):
    # "26, 000" split by a space: neither "26" nor "000" is the count
    assert _number_conflicts(
        nlp, ("More than 26, 000 people died when the Vessa quake struck in 1971.", "More than 26",
              26,
              "people"),
        ("Some 31 people died when the Vessa quake struck, officials said.", "31", 31, "people"),
    ) == 0


def test_the_same_player_told_two_carries_is_a_conflict(nlp):
    # near miss of the participle test: one player, two counts of one game's carries
    assert _number_conflicts(
        nlp, ("Tomas Brel was the star on Sunday, when he gained 60 yards running from eight "
              "snaps.", "eight", 8, "snaps"),
        ("Tomas Brel was the star on Sunday, when he gained 60 yards from 14 snaps.",
         "14", 14, "snaps"),
    ) == 1


def test_totals_over_different_numbers_of_games_are_two_values(nlp):
    # "in his last two games" and "in 10 games": two tallies over two stretches of one season
    assert _number_conflicts(
        nlp, ("Ostrander has caught three passes in his last two games.", "three", 3, "passes"),
        ("Ostrander has caught 11 passes in 10 games for the Wolves.", "11", 11, "passes"),
    ) == 0
    # near miss: the same number of games, two tallies, still a disagreement
    assert _number_conflicts(
        nlp, ("Ostrander has caught three passes in his last two games.", "three", 3, "passes"),
        ("Ostrander has caught five passes in his last two games.", "five", 5, "passes"),
    ) == 1
