"""The learned matcher: its packaged model loads without scikit-learn, fits the feature list,
and alignment can use it (fictional claims)."""

from __future__ import annotations

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
