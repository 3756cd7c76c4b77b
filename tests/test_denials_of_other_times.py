"""A negation conflict needs one thing affirmed and denied of one time: a denial in one tense and
an affirmation in another ("has never coached" / "will coach"), "no longer" against a past
affirmation, a negation of the clause around a relative clause, and a verb denied of one
thing's "of" phrase and affirmed of another's are no contradiction (fictional sentences,
judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Origins, Resolution, Span
from consilience.story.judge import judge


def _negations(nlp, *rows: tuple[str, str, bool]) -> int:
    """rows: (sentence, the claim's words in it, negated)."""
    claims, docs = [], {}
    for n, (sentence, words, negated) in enumerate(rows):
        aid = f"a{n}"
        s = sentence.index(words)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, s, s + len(words)), text=words,
                            sentence=0, negated=negated))
        docs[aid] = nlp(sentence)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs,
                   texts={f"a{n}": r[0] for n, r in enumerate(rows)})
    return sum(cf.kind == "negation" for cf in fact.conflicts)


def test_never_so_far_and_will_are_two_times(nlp):
    assert _negations(
        nlp, ("Brel Ostrom has never coached the Marrow Hawks.",
              "Brel Ostrom has never coached the Marrow Hawks.", True),
        ("Brel Ostrom will coach the Marrow Hawks.",
         "Brel Ostrom will coach the Marrow Hawks.", False),
    ) == 0
    # near miss: one time, opposite polarity
    assert _negations(
        nlp, ("Brel Ostrom has never coached the Marrow Hawks.",
              "Brel Ostrom has never coached the Marrow Hawks.", True),
        ("Brel Ostrom has coached the Marrow Hawks.", "Brel Ostrom has coached the Marrow Hawks.",
         False),
    ) == 1


def test_no_longer_agrees_with_a_past_affirmation(nlp):
    assert _negations(
        nlp, ("Every Pellam ferry crossing was held up by the strike.",
              "Every Pellam ferry crossing was held up by the strike.", False),
        ("Pellam ferry crossings are no longer held up by the strike.",
         "Pellam ferry crossings are no longer held up by the strike.", True),
    ) == 0
    assert _negations(
        nlp, ("Every Pellam ferry crossing was held up by the strike.",
              "Every Pellam ferry crossing was held up by the strike.", False),
        ("Pellam ferry crossings were not held up by the strike.",
         "Pellam ferry crossings were not held up by the strike.", True),
    ) == 1


def test_a_negation_around_a_relative_clause_does_not_reach_it(nlp):
    # the clause finder marked the relative clause negated by the "did not" around it
    sentence = ("Neighbours insist Tomas Brel, who was running away when he was hit, "
                "never carried a knife.")
    assert _negations(
        nlp, (sentence, "Tomas Brel, who was running away when he was hit", True),
        ("Tomas Brel was running away, a witness said.", "Tomas Brel was running away", False),
    ) == 0
    # near miss: a denial that takes the claim as its content still negates it
    assert _negations(
        nlp, ("Police denied that Tomas Brel was running away.", "Tomas Brel was running away",
              True),
        ("Tomas Brel was running away, a witness said.", "Tomas Brel was running away", False),
    ) == 1


def test_support_of_one_is_not_support_of_another(nlp):
    assert _negations(
        nlp, ("Coach Ostrom kept the backing of the club owner.",
              "Coach Ostrom kept the backing of the club owner.", False),
        ("Coach Ostrom did not keep the backing of the players.",
         "Coach Ostrom did not keep the backing of the players.", True),
    ) == 0
    assert _negations(
        nlp, ("Coach Ostrom kept the backing of the players.",
              "Coach Ostrom kept the backing of the players.", False),
        ("Coach Ostrom did not keep the backing of the players.",
         "Coach Ostrom did not keep the backing of the players.", True),
    ) == 1


def test_a_denial_bounded_by_a_condition_sets_a_requirement(nlp):
    assert _negations(
        nlp, ("The Pellam bridge could not reopen unless an inspector signed it off.",
              "The Pellam bridge could not reopen unless an inspector signed it off.", True),
        ("The Pellam bridge reopened on Monday.", "The Pellam bridge reopened on Monday.",
         False),
    ) == 0
    # near miss: a flat denial of the same act still contradicts
    assert _negations(
        nlp, ("The Pellam bridge did not reopen on Monday.",
              "The Pellam bridge did not reopen on Monday.", True),
        ("The Pellam bridge reopened on Monday.", "The Pellam bridge reopened on Monday.",
         False),
    ) == 1



def test_two_things_said_of_a_subject_are_two_statements(nlp):
    # "were not easy" denies an easiness; "is in talks" says nothing of it
    assert _negations(
        nlp, ("The first Pellam pier talks were not easy, an aide said.",
              "The first Pellam pier talks were not easy", True),
        ("Ola Varke is in talks with the Pellam council again.",
         "Ola Varke is in talks with the Pellam council again.", False),
    ) == 0
    # near miss: the same thing said and denied of one subject contradicts
    assert _negations(
        nlp, ("The Pellam pier was not safe, an inspector said.", "The Pellam pier was not safe",
              True),
        ("The Pellam pier was safe, the council said.", "The Pellam pier was safe", False),
    ) == 1
