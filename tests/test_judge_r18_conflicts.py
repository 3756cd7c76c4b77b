"""Round 18 conflict switch (docs/quality.md, "r18-conflicts"): a role told once on each side
is its own anchor (`AlignParams.dispute_role_anchor`). Two outlets that each give one count of
one counted noun, bound by their frames to one role (one predicate), disagree even when their
sentences share no rare word and read apart. Fictional news of an Andean cable-car stop, with
Quechua and Aymara double surnames; each test fails with the switch off."""

from __future__ import annotations

from dataclasses import replace

import pytest

from consilience.model import Article
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


@pytest.fixture
def switch(monkeypatch):
    def set_(**kw):
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_


def _rider_conflicts(models, second: str = HERALDO) -> list[set[str]]:
    from consilience.api import compare

    arts = [Article(id="wayllani", text=WAYLLANI, source="Radio Wayllani"),
            Article(id="heraldo", text=second, source="Heraldo de Sumaq")]
    report = compare(arts, models=models)
    return [{v.span.article for v in cf.values} for f in report.facts for cf in f.conflicts
            if cf.kind == "number"]


def test_one_count_of_one_role_on_each_side_is_a_conflict(models, switch):
    switch(dispute_role_anchor=True)
    assert {"wayllani", "heraldo"} in _rider_conflicts(models)


def test_without_the_switch_the_two_counts_never_meet(models, switch):
    switch(dispute_role_anchor=False)
    assert _rider_conflicts(models) == []


def test_a_role_told_twice_by_one_outlet_is_no_anchor(models, switch):
    switch(dispute_role_anchor=True)
    assert _rider_conflicts(models, HERALDO_TWICE) == []
