"""bench/train_matcher.py's ECB+ pair labels: one shared event chain is "same statement" only when
the claims' participant, time and place chains agree; a shared event with another participant or
time is a hard negative (same event, different statement). Chains here are made-up ids."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from train_matcher import arg_role, args_agree, ecb_label  # noqa: E402


def test_entity_tags_map_to_argument_roles():
    assert arg_role("HUMAN_PART_PER") == "human"
    assert arg_role("NON_HUMAN_PART_GENERIC") == "thing"
    assert arg_role("TIME_DATE") == "time"
    assert arg_role("LOC_GEO") == "place"
    assert arg_role("ACTION_OCCURRENCE") is None


def test_same_event_and_same_arguments_is_one_statement():
    a = {"human": {"H-miller"}, "place": {"L-harbour"}}
    b = {"human": {"H-miller"}, "time": {"T-monday"}}
    assert ecb_label({"E-sink"}, {"E-sink", "E-rescue"}, a, b) == 1


def test_same_event_with_another_victim_or_time_is_a_hard_negative():
    assert ecb_label({"E-sink"}, {"E-sink"}, {"human": {"H-miller"}},
                     {"human": {"H-ostrow"}}) == 0
    assert ecb_label({"E-sink"}, {"E-sink"}, {"time": {"T-monday"}},
                     {"time": {"T-friday"}}) == 0


def test_one_side_naming_more_of_a_role_still_agrees():
    assert args_agree({"human": {"H-miller", "H-crew"}}, {"human": {"H-miller"}})
    assert not args_agree({"human": {"H-miller", "H-crew"}}, {"human": {"H-miller", "H-port"}})


def test_no_shared_event_is_negative_and_no_event_is_unknown():
    assert ecb_label({"E-sink"}, {"E-vote"}, {}, {}) == 0
    assert ecb_label(set(), {"E-vote"}, {}, {}) is None
    # the event chain alone (--ecb-labels claim) ignores the arguments
    assert ecb_label({"E-sink"}, {"E-sink"}, None, None) == 1


def test_a_count_is_a_value_not_a_participant():
    from train_matcher import is_count

    assert is_count("12 people") and is_count("dozens of homes") and is_count("forty-two crew")
    assert not is_count("the harbour master") and not is_count("Saga Mira")
