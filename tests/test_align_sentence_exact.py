"""align, `AlignParams.sentence_exact`: a sentence pair the plain peer's rule pairs (each other's
nearest sentence, cosine >= `sentence_cos`) below the model's bar gives its best claim pair only
when the two claims bind one exact value to one role (`_bound_value`: the same count of the same
noun, the same sum of one thing, the same day) and nothing disagrees. The model's bar is set out
of reach (0.99) and the route's floor near 0, so that the tests read the peer rule, the value
test and the parting rules whatever the model's probability. Fictional stories: a ropeworks in
an invented Baltic harbour town and a hill observatory of an invented upland shire."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import joined_with_rules

from consilience.story.align import DEFAULT_PARAMS

OFF = replace(DEFAULT_PARAMS, sentence_join="model", sentence_p=0.99, sentence_peer_p=0.0,
              sentence_exact=False)
ON = replace(OFF, sentence_exact=True, sentence_exact_p=0.01)
PEER = replace(OFF, sentence_peer_p=0.01)  # the peer's vote with no value test (round 18)

ROPE_A = ("Ropeworks in Talvsund cuts shifts\nFishing boats left the harbour at dawn. The "
          "Talvsund ropeworks laid off nine spinners after its biggest buyer cancelled. A jazz "
          "trio played at the quay in the evening.")
ROPE_B = ("Talvsund mill sheds jobs\nThe ferry to the islands was delayed by fog. The nine "
          "spinners lost their jobs at the ropeworks in Talvsund this week. Snow is forecast "
          "for the weekend.")
# the look-alike: the same mill and the same kind of workers, but another act and no number
ROPE_C = ROPE_B.replace("The nine spinners lost their jobs at the ropeworks in Talvsund this "
                        "week.", "Spinners at the ropeworks in Talvsund will get new looms "
                                 "this week.")
# the same act told with another count
ROPE_D = ROPE_B.replace("The nine spinners", "The six spinners")


_joined = joined_with_rules


def test_one_count_of_one_noun_joins(models):
    # "laid off nine spinners" / "the nine spinners lost their jobs": two verbs, one exact count of one
    # counted noun; off, the model's bar (out of reach) leaves the pair apart
    off, _ = _joined(models, ROPE_A, ROPE_B, OFF, "laid off", "lost their jobs")
    on, rules = _joined(models, ROPE_A, ROPE_B, ON, "laid off", "lost their jobs")
    assert not off
    assert on
    assert "sentence" in rules.values()


def test_no_shared_value_stays_apart(models):
    # the look-alike names the same mill and workers but states another act and no number:
    # the exact-value route does not take it
    assert not _joined(models, ROPE_A, ROPE_C, ON, "laid off", "new looms")[0]


def test_another_count_stays_apart(models):
    # nine / six spinners: the values disagree, no route joins them
    assert not _joined(models, ROPE_A, ROPE_D, ON, "laid off", "lost their jobs")[0]


def test_only_pairs_the_peer_rule_pairs(models):
    # the peer's cosine bar out of reach: the route has no vote to take
    assert not _joined(models, ROPE_A, ROPE_B, replace(ON, sentence_cos=0.99),
                       "laid off", "lost their jobs")[0]
