"""align, `AlignParams.sentence_peer_p`: a sentence pair that the plain peer's rule pairs (each
other's nearest sentence of the two articles, cosine >= `sentence_cos`) joins from a lower
calibrated probability of the sentence model than `sentence_p`; every test that parts a
sentence pair's claims (`_sentence_apart`: dates or values apart, other predicates, names)
still applies. The model's bar is set out of reach (0.99) and the peer's bar near 0 so that the
tests read the peer rule and the parting rules alone, whatever the model's probability of these
sentences. Fictional stories: a weavers' cooperative in an invented Andean town (Quechua-style
place names) and a shipyard of an invented northern port."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import joined_with_rules

from consilience.story.align import DEFAULT_PARAMS

OFF = replace(DEFAULT_PARAMS, sentence_join="model", sentence_p=0.99, sentence_peer_p=0.0,
              sentence_exact=False)
ON = replace(OFF, sentence_peer_p=0.01)

COOP_A = ("Weavers in Quillabamba back new rules\nStreet vendors sold maize cakes near the plaza "
          "on Friday. The weavers needed a two-thirds vote of the cooperative to change the rules, "
          "and got it easily. The bus terminal reopened after repairs.")
COOP_B = ("Cooperative rewrites its charter\nA marching band rehearsed at the school on Friday. "
          "Changing the rules requires two-thirds of the cooperative's members. Frost is "
          "expected in the valley tonight.")
YARD_A = ("Harbour crane stands idle\nA tug towed the dredger out of the basin. Its two sister "
          "cranes in the Vellmark yard have been taken out of service until they are inspected. "
          "Gulls nested on the old pier.")
YARD_B = ("Yard halts cranes\nThe pilot boat was repainted. The two remaining cranes of the "
          "Vellmark yard stay out of service for inspection. A new ferry timetable starts in May.")


_joined = joined_with_rules


def test_a_peer_pair_joins_below_the_model_bar(models):
    # one requirement told in other words (a vote that was needed / what a change takes): no
    # pair rule scores it, the model's bar is out of reach, the peer's rule pairs the sentences
    off, _ = _joined(models, COOP_A, COOP_B, OFF, "two-thirds", "two-thirds")
    on, rules = _joined(models, COOP_A, COOP_B, ON, "two-thirds", "two-thirds")
    assert not off
    assert on
    assert "sentence" in rules.values()


def test_two_descriptions_of_idle_machines_join(models):
    # "sister cranes taken out of service" / "remaining cranes stay out of service"
    assert not _joined(models, YARD_A, YARD_B, OFF, "sister", "remaining")[0]
    assert _joined(models, YARD_A, YARD_B, ON, "sister", "remaining")[0]


def test_only_pairs_the_peer_rule_pairs(models):
    # the same sentences, with the peer's cosine bar out of reach: the model's bar decides alone
    assert _joined(models, COOP_A, COOP_B, ON, "two-thirds", "two-thirds")[0]
    assert not _joined(models, COOP_A, COOP_B, replace(ON, sentence_cos=0.99),
                       "two-thirds", "two-thirds")[0]


def test_parting_rules_still_apply(models):
    # two years apart (one vote in 2024, the rule as it stood in 2011) and two counts of one
    # thing (two cranes / five) part the peer's pair as any sentence pair; the same years join
    a = COOP_A.replace("The weavers needed", "In March 2024 the weavers needed")
    b_same = COOP_B.replace("Changing the rules requires", "In March 2024, changing the rules required")
    b_other = COOP_B.replace("Changing the rules requires", "In 2011, changing the rules required")
    assert _joined(models, a, b_same, ON, "two-thirds", "two-thirds")[0]
    assert not _joined(models, a, b_other, ON, "two-thirds", "two-thirds")[0]
    five = YARD_B.replace("The two remaining", "The five remaining")
    assert _joined(models, YARD_A, YARD_B, ON, "sister", "remaining")[0]
    assert not _joined(models, YARD_A, five, ON, "sister", "remaining")[0]


# `sentence_peer_guard="participant"`: the claim pair a peer-carried sentence pair gives must
# share a participant (story entity, argument word, counted unit) or a value or date, or name
# none at all. Fictional story: a clinic fire in an invented Kenyan highland town.
GUARD = replace(ON, sentence_peer_guard="participant")
CLINIC_A = ("Clinic opens in Nakuru Hills\nThe road was resurfaced. Nobody was hurt. Traders sold "
            "maize at dawn.")
CLINIC_B = ("Wing of clinic burns\nA choir sang at the church. No one was injured. The council met "
            "on Thursday.")


def test_guard_keeps_pairs_with_shared_evidence(models):
    # a shared place name and counted unit (the yard's cranes), a shared share (two-thirds)
    assert _joined(models, YARD_A, YARD_B, GUARD, "sister", "remaining")[0]
    assert _joined(models, COOP_A, COOP_B, GUARD, "two-thirds", "two-thirds")[0]


def test_guard_keeps_claims_that_name_no_participant(models):
    # "nobody was hurt" / "no one was injured": nothing in either claim can belong to another
    # occasion, so the guard does not ask for a shared one
    assert not _joined(models, CLINIC_A, CLINIC_B, OFF, "Nobody", "No one")[0]
    assert _joined(models, CLINIC_A, CLINIC_B, GUARD, "Nobody", "No one")[0]
