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


def _eager(tmp_path):
    """A matcher file that calls every pair one fact (p ~ 0.95): only the hard rules part."""
    n = len(FEATURES)
    path = tmp_path / "eager.json"
    path.write_text(json.dumps({
        "features": list(FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.0] * n,
        "intercept": 3.0, "platt": [1.0, 0.0], "thresholds": {"same": 0.5}}), encoding="utf-8")
    return str(path)


def _pair_groups(models, tmp_path, first: str, second: str):
    st = Story()
    a = st.add("alpha", sentences=[first])
    b = st.add("beta", sentences=[second])
    claims = extract_claims(a, st.resolution) + extract_claims(b, st.resolution)
    p = replace(DEFAULT_PARAMS, learned=True, matcher_path=_eager(tmp_path))
    return align(claims, models, p)


def test_learned_mode_vetoes_one_verb_done_to_different_objects(models, tmp_path):
    # same verb, different things reviewed: two facts, whatever the matcher says
    groups = _pair_groups(models, tmp_path,
                          "The mayor said the town would review the timetable near the quay.",
                          "It will ask the Tessby harbour board to review the old bridge.")
    assert all(len(g) == 1 for g in groups)
    # the same object in other words around it stays one fact
    groups = _pair_groups(models, tmp_path,
                          "The Tessby council will review the parking fees next month.",
                          "Next month the Tessby council will review its parking fees.")
    assert any(len(g) == 2 for g in groups)


def test_learned_mode_vetoes_different_agents(models, tmp_path):
    groups = _pair_groups(models, tmp_path, "The mayor said the town would review the ferry timetable.",
                          "The harbour board will review the ferry timetable, a clerk said.")
    assert all(len(g) == 1 for g in groups)


def test_verb_objects_read_through_amounts_and_skip_times(nlp):
    from consilience.story.align import _verb_objects

    objs = _verb_objects(nlp("The mayor released six years of expense reports."))
    assert {w for w, _ in objs.get("release", set())} == {"report"}
    objs = _verb_objects(nlp("The assembly voted Tuesday afternoon to reopen the quay."))
    assert "afternoon" not in {w for v in objs.values() for w, _ in v}
    assert {w for w, _ in objs.get("reopen", set())} == {"quay"}


def test_probability_grouping_needs_the_mean_and_no_veto():
    from consilience.story.align import _joins

    rules = DEFAULT_PARAMS
    prob = replace(rules, learned=True, prob_link=True, threshold=0.6)
    # a third outlet whose two pairs average above the threshold joins on probabilities
    assert _joins([0.7, 0.5], prob)
    assert not _joins([0.5, 0.4], prob)
    # a vetoed pair (-1) keeps it out however likely the others
    assert not _joins([0.99, 0.99, -1.0], prob)
    # the rules' test: one good pair of two and one ruled out is not enough
    assert not _joins([1.3, -1.0], rules)
    assert _joins([1.3, 1.0, 0.2], rules)


def test_tree_model_follows_its_splits(tmp_path):
    # two stumps on "cos": x <= 0.5 goes left; the raw sum goes through Platt calibration
    n = len(FEATURES)
    k = FEATURES.index("cos")
    trees = {"feature": [k, 0, 0, k, 0, 0], "threshold": [0.5, 0, 0, 0.8, 0, 0],
             "left": [1, 0, 0, 4, 0, 0], "right": [2, 0, 0, 5, 0, 0],
             "leaf": [0, 1, 1, 0, 1, 1], "value": [0, -2.0, 1.0, 0, 0.0, 1.5],
             "roots": [0, 3], "baseline": -0.5}
    path = tmp_path / "trees.json"
    path.write_text(json.dumps({
        "features": list(FEATURES), "mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.0] * n,
        "intercept": 0.0, "platt": [1.0, 0.0], "thresholds": {"same": 0.5}, "trees": trees}),
        encoding="utf-8")
    m = load_model(str(path))
    x = [0.0] * n
    assert m.proba(x) < 0.1  # -0.5 - 2.0 + 0.0
    x[k] = 0.6
    assert 0.5 < m.proba(x) < 0.65  # -0.5 + 1.0 + 0.0
    x[k] = 0.9
    assert m.proba(x) > 0.85  # -0.5 + 1.0 + 1.5


def test_bound_features_tell_the_same_object_from_another(models):
    from consilience.model import Claim, Span
    from consilience.story.align import _Scorer
    from consilience.story.matcher import pair_features

    texts = ["The Tessby council will repair the old quay next spring.",
             "Next spring the council will repair the old quay in Tessby.",
             "The Tessby council will repair the school roof next spring."]
    claims = [Claim(id=f"c{n}", span=Span(f"art{n}", 0, len(t)), text=t, sentence=1)
              for n, t in enumerate(texts)]
    sc = _Scorer(claims, models.embed(texts), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed)
    same = dict(zip(FEATURES, pair_features(sc, 0, 1), strict=True))
    other = dict(zip(FEATURES, pair_features(sc, 0, 2), strict=True))
    assert same["verb_obj_same"] == 1.0 and other["verb_obj_same"] == 0.0
    assert same["verb_obj_sim"] > other["verb_obj_sim"]
    assert same["pred_x_same_object"] == 1.0 and other["pred_x_object_differs"] == 1.0


def test_additive_mode_keeps_the_rules_open_join():
    """`learned_add` only adds to the rules, so the rules' open-join grouping (a third outlet's
    paraphrase that matches one member and differs from none) stays; full learned mode has none."""
    import numpy as np

    from consilience.story.align import _open_join

    class Scorer:
        vecs = np.eye(3, dtype="float32") * 0.0 + 0.6  # every pair embeds 0.6 x 3 apart

        def score(self, i: int, j: int) -> float:
            return 0.9 if (i, j) == (0, 1) else 0.2

        def different(self, i: int, j: int) -> bool:
            return False

    cross = [(0, 1), (0, 2)]
    rules = replace(DEFAULT_PARAMS, threshold=0.8)
    assert _open_join(Scorer(), cross, rules)
    assert _open_join(Scorer(), cross, replace(rules, learned=True, learned_add=True))
    assert not _open_join(Scorer(), cross, replace(rules, learned=True))
