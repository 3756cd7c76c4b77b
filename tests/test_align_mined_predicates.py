"""align, mined predicate pairs (`AlignParams.mined_preds`, `frames.mined_pairs`): two verbs that
labelled coreference data shows stating one fact ("clashed" / "rioted") are one predicate, so
two outlets' wordings of one scuffle align; a look-alike of the same event that states something
else (dockers "arrested" there) stays apart, and the pairs removed by hand never count.
Fictional story: a dockers' protest at the invented Tarnby quay, told by two invented outlets."""

from __future__ import annotations

import json
from dataclasses import replace

from claim_fixtures import together as _together
from claim_fixtures import two_outlet_claims

from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.frames import _MINED_PATH, mined_pair, mined_pairs
from consilience.text import predicate_key

ENTS = [("Tarnby", "GPE", "tarnby")]
ON = replace(DEFAULT_PARAMS, mined_preds=True)
OFF = replace(DEFAULT_PARAMS, mined_preds=False)

CLASHED = ("Dockers clashed with police outside the Tarnby quay gates on Sunday evening after "
           "pay talks failed.")
RIOTED = "Angry dockers rioted outside the Tarnby quay gates on Sunday when the pay talks collapsed."
ARRESTED = ("Angry dockers were arrested outside the Tarnby quay gates on Sunday when the pay "
            "talks collapsed.")


def _claims(a: str, b: str, times_a=(), times_b=(), qa=(), qb=()):
    return two_outlet_claims(a, b, ENTS, times_a, times_b, qa, qb)


def test_a_mined_pair_aligns_two_wordings_of_one_scuffle(models):
    claims = _claims(CLASHED, RIOTED)
    assert _together(align(claims, models, ON), CLASHED, RIOTED)
    assert not _together(align(claims, models, OFF), CLASHED, RIOTED)  # the table did it


def test_near_miss_same_event_other_statement_stays_apart(models):
    # the arrests and the clash are one protest's two statements: no mined pair joins them
    claims = _claims(CLASHED, ARRESTED)
    assert not _together(align(claims, models, ON), CLASHED, ARRESTED)


def test_table_is_sorted_symmetric_and_keeps_hand_removals_out():
    data = json.loads(_MINED_PATH.read_text(encoding="utf-8"))
    pairs = [tuple(p) for p in data["pairs"]]
    assert pairs == sorted(pairs) and all(a < b for a, b in pairs)
    assert all(predicate_key(a) != predicate_key(b) for a, b in pairs)
    assert mined_pair("clash", "riot") and mined_pair("riot", "clash")  # either order
    for a, b in data["removed_by_hand"]:
        assert not mined_pair(a, b)
    assert not mined_pair("riot", "riot")  # one lemma is not a pair
    assert not mined_pair("clashing", "riot")  # whole lemmas only
    assert mined_pairs() is mined_pairs()  # read once
