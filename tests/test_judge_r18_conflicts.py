"""Round 18 conflict switch (docs/quality.md, "r18-conflicts"): a role told once on each side
is its own anchor (`AlignParams.dispute_role_anchor`). Two outlets that each give one count of
one counted noun, bound by their frames to one role (one predicate), disagree even when their
sentences share no rare word and read apart. Fictional news of an Andean cable-car stop, with
Quechua and Aymara double surnames; each test fails with the switch off."""

from __future__ import annotations

from dataclasses import replace

import pytest
from claim_fixtures import claim_at, parsed_claims, parsed_scorer

from consilience.story import align

# the two counts: one verb ("evacuated"), one counted noun ("riders"); the verb is told in
# several claims of the story, so it is no rare anchor, and the two sentences run apart
WAYLLANI = ("Firefighters evacuated 48 riders from the stalled Antawara cable car on Tuesday "
            "evening. The cabins hung above the Chuqi ravine for three hours, inspector Wilka "
            "Mamani Condori said. Shops near the lower station were evacuated as a precaution. "
            "The brake had locked during a power cut, the operator said.")
HERALDO = ("Power returned to the Antawara line shortly before midnight. Mountain "
           "crews evacuated 61 riders by rope, according to Yupanqui Quispe Huanca of the "
           "transit authority. A school beside the line was also evacuated. The operator "
           "blamed a brake that locked when the power failed.")
# the same story where one outlet counts the riders twice (a first and a later count): the
# role is told twice, and which count the other outlet answers is left open
HERALDO_TWICE = HERALDO.replace(
    "A school beside the line was also evacuated.",
    "By ten o'clock 35 riders had been evacuated. A school beside the line was also evacuated.")


ON = replace(align.DEFAULT_PARAMS, dispute_role_anchor=True)
OFF = replace(align.DEFAULT_PARAMS, dispute_role_anchor=False)


@pytest.fixture(scope="module")
def stories(models):
    return {name: parsed_claims(models, {"wayllani": WAYLLANI, "heraldo": second})
            for name, second in (("once", HERALDO), ("twice", HERALDO_TWICE))}


def _disputed(models, stories, params, name: str = "once"):
    """The two values the scorer reads as one role told with two values, or None."""
    claims, roles = stories[name]
    sc = parsed_scorer(models, claims, params, roles)
    i = claim_at(claims, "wayllani", "48 riders")
    j = claim_at(claims, "heraldo", "61 riders")
    pair = sc.disputed(i, j)
    return None if pair is None else (pair[0].text, pair[1].text)


def test_one_count_of_one_role_on_each_side_is_a_dispute(models, stories):
    assert _disputed(models, stories, ON) == ("48", "61")


def test_without_the_switch_the_dispute_needs_a_rare_word_in_common(models, stories):
    assert _disputed(models, stories, OFF) is None
    assert _disputed(models, stories, ON) is not None


def test_a_role_told_twice_by_one_outlet_is_no_anchor(models, stories):
    assert _disputed(models, stories, ON) is not None  # told once: the anchor holds
    assert _disputed(models, stories, ON, "twice") is None
