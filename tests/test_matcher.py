"""The learned matcher: its packaged model loads without scikit-learn, fits the feature list,
and alignment can use it (fictional claims)."""

from __future__ import annotations

import json
from dataclasses import replace

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, align
from consilience.story.claims import extract_claims
from consilience.story.matcher import FEATURES, load_model


def test_packaged_model_matches_the_features():
    m = load_model()
    assert len(m.coef) == len(FEATURES) == len(m.mean) == len(m.scale)
    assert 0.0 < m.same < 1.0
    p_low = m.proba([0.0] * len(FEATURES))
    assert 0.0 < p_low < 1.0


def test_learned_alignment_keeps_opposite_events_apart(models):
    st = Story()
    a = st.add("alpha", sentences=["The Orla ferry sank near Corvel Point on Sunday.",
                                   "The harbour in Kessin reopened on Monday."])
    b = st.add("beta", sentences=["A ferry, the Orla, went down close to Corvel Point on Sunday.",
                                  "The harbour in Kessin closed on Monday."])
    claims = extract_claims(a, st.resolution) + extract_claims(b, st.resolution)
    groups = align(claims, models, replace(DEFAULT_PARAMS, learned=True))
    harbour = [g for g in groups if any("harbour" in c.text for c in g)]
    # reopened / closed: opposite predicates are a hard rule, never one fact
    assert all(len(g) == 1 for g in harbour)
    assert sum(len(g) for g in groups) == len(claims)


def test_core_arguments_name_who_acts_and_on_what(nlp):
    from consilience.story.frames import core_arguments

    subj, obj = core_arguments(nlp("Mayor Talve signed the harbour decree."))
    assert "talve" in subj and "decree" in obj
    # the agent of a passive acts; a pronoun names no one by itself
    subj, _ = core_arguments(nlp("The decree was signed by the council."))
    assert "council" in subj
    subj, _ = core_arguments(nlp("She signed it."))
    assert subj == set()


def _talks_story():
    st = Story()
    ents = [("Norvald", "GPE", "norvald"), ("Estria", "GPE", "estria"),
            ("Pellin", "GPE", "pellin"), ("Varro", "GPE", "varro")]
    a = st.add("alpha", sentences=["Norvald and Estria held fishing talks in Pellin this week."],
               entities=ents)
    b = st.add("beta", sentences=["Norvald and Estria held fishing talks in Varro this week."],
               entities=ents)
    return extract_claims(a, st.resolution) + extract_claims(b, st.resolution)


def _sceptic(tmp_path):
    """A matcher file that calls every pair different (p ~ 0.05)."""
    n = len(FEATURES)
    path = tmp_path / "sceptic.json"
    path.write_text(json.dumps({
        "features": list(FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.0] * n,
        "intercept": -3.0, "platt": [1.0, 0.0], "thresholds": {"same": 0.5}}), encoding="utf-8")
    return str(path)


def test_learned_alignment_keeps_a_place_conflict_in_one_fact(models, tmp_path):
    # one frame (held talks, same two parties) with a different place: the rules join it so the
    # judge can flag the place; the learned mode keeps such a pair whatever the matcher says
    claims = _talks_story()
    assert any(len(g) == 2 for g in align(claims, models))
    p = replace(DEFAULT_PARAMS, learned=True, matcher_path=_sceptic(tmp_path))
    assert any(len(g) == 2 for g in align(claims, models, replace(p, learned_keep=True)))
    assert all(len(g) == 1 for g in align(claims, models, replace(p, learned_keep=False)))


def test_additive_learned_mode_never_drops_a_rules_join(models, tmp_path):
    claims = _talks_story()
    p = replace(DEFAULT_PARAMS, learned=True, learned_add=True, learned_keep=False,
                matcher_path=_sceptic(tmp_path))
    assert any(len(g) == 2 for g in align(claims, models, p))
