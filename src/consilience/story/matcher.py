"""The learned claim matcher: the calibrated probability that two retrieved claims state one fact.

Alignment retrieves candidate pairs (embedding neighbours, shared predicates); this module turns a
pair into features from both claims (sentence and predicate similarity, shared entities, arguments
and rare words, the roles of their numbers and whether their values agree, their subjects and
objects, speakers, dates, polarity and certainty, what one shared verb is done to and by whom,
and where the pair stands among the claims of its two articles: `relative_features`) and scores
them with a logistic model (or boosted trees) trained by bench/train_matcher.py and stored as
plain JSON (numpy only at run time).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .modelfile import read_model

MODEL_PATH = Path(__file__).parent / "data" / "matcher.json"

FEATURES: tuple[str, ...] = (
    "cos", "pred_sim", "pred_none", "same_pred", "anchor_share", "n_key", "idf_jaccard",
    "ents_shared", "ents_jaccard", "args_shared", "participants", "nums_both", "nums_match",
    "same_count", "dates_shared", "dates_disjoint", "neg_mismatch", "cert_mismatch",
    "other_agents", "frame_match", "rare_pred", "min_words", "max_words", "rule_ok",
    "rule_score", "quote_mismatch", "other_events", "cos_x_same_pred", "cos_x_participants",
    "same_role", "role_agree", "role_conflict", "role_apart", "same_subject", "subject_differs",
    "same_object", "object_differs", "same_speaker", "speaker_differs", "one_attributed",
    "len_ratio", "headline",
    # bound arguments: what one shared verb is done to and by whom, and interactions with it
    "verb_obj_same", "verb_obj_sim", "verb_subj_same", "verb_subj_sim", "pred_x_same_object",
    "pred_x_object_differs", "pred_x_subject_differs", "cos_x_ents", "pred_x_role_agree",
    "pred_x_role_conflict", "pred_x_dates_shared", "pred_x_dates_disjoint",
    # relative: where the pair stands among the claims of its two articles (`relative_features`,
    # r12); the packaged model gives them weight 0 (`train_matcher.py --relative` fits them)
    *("rel_rank_min", "rel_rank_max", "rel_mutual", "rel_margin_min", "rel_margin_max",
      "rel_cos_dev", "rel_cos_z"),
)
REL_FEATURES: tuple[str, ...] = FEATURES[FEATURES.index("rel_rank_min"):]
RANK_CAP = 5  # ranks from here on read as this one (a pair nobody near the top ranks)


def _value_relation(sc: Any, i: int, j: int) -> tuple[bool, bool, bool]:
    """(some number of each measures one thing with overlapping values; ... with values that
    exclude each other; both hold numbers with roles and none is comparable)."""
    from .values import comparable

    agree = conflict = False
    qi, qj = sc.qroles[i], sc.qroles[j]
    seen = False
    for a, lo, hi in qi:
        for b, lo2, hi2 in qj:
            if not comparable(a, b):
                continue
            seen = True
            if lo2 > hi or lo > hi2:
                conflict = True
            else:
                agree = True
    return agree, conflict, bool(qi and qj and not seen)


def _bound(sc: Any, i: int, j: int) -> tuple[float, float, float, float]:
    """What one verb lemma of both claims is done to and by whom: (an object of it is a word of
    the other claim, best embedding similarity of its object heads, the same for its common-noun
    subjects); similarities are 0 where a side has none."""
    from ..text import stem

    obj_same = subj_same = False
    obj_sim = subj_sim = 0.0
    pv = getattr(sc, "pvec", {})

    def sim(x: str, y: str) -> float:
        return float(pv[x] @ pv[y]) if x in pv and y in pv else float(x == y)

    for v in sc.objs[i].keys() & sc.objs[j].keys():
        oi, oj = sc.objs[i][v], sc.objs[j][v]
        if any(stem(w) in sc.stems[j] for w, _ in oi) or any(stem(w) in sc.stems[i] for w, _ in oj):
            obj_same = True
        obj_sim = max([obj_sim] + [sim(x, y) for x, _ in oi for y, _ in oj])
    for v in sc.subj[i].keys() & sc.subj[j].keys():
        si = {w for _, w in sc.subj[i][v]}
        sj = {w for _, w in sc.subj[j][v]}
        if si & sj:
            subj_same = True
        subj_sim = max([subj_sim] + [sim(x, y) for x in si for y in sj])
    return float(obj_same), obj_sim, float(subj_same), subj_sim


def _block(sc: Any, a: str, b: str) -> tuple[list[int], list[int], np.ndarray]:
    """The claims of articles a and b (indices into sc.claims) and their cosine matrix (rows a,
    columns b), cached on the scorer: training and run time read the same block."""
    cache = sc.__dict__.setdefault("_rel_cache", {})
    index = cache.get("index")
    if index is None:
        index = {}
        for k, c in enumerate(sc.claims):
            index.setdefault(c.span.article, []).append(k)
        cache["index"] = index
    key = (a, b)
    hit = cache.get(key)
    if hit is None:
        ia, ib = index[a], index[b]
        va = np.asarray(sc.vecs, dtype="float64")[ia]
        vb = np.asarray(sc.vecs, dtype="float64")[ib]
        hit = cache[key] = (ia, ib, va @ vb.T)
    return hit


def relative_features(sc: Any, i: int, j: int) -> list[float]:
    """Where claims i and j (of two articles) stand among the claims of their articles, features
    whose meaning does not hang on a corpus' cosine scale: the rank of j among the claims of j's
    article by cosine to i (1 = nearest; ties share a rank; capped at RANK_CAP) and of i among
    i's article's claims by cosine to j (smaller and larger of the two), whether each is the
    other's nearest, the pair's cosine minus the best other of each side (positive for a best
    pair; smaller and larger), and the pair's cosine minus the mean over every cross pair of the
    two articles, raw and as a z-score. Needs only `sc.claims` (with `span.article`) and
    `sc.vecs`, and is defined for any cross-article pair."""
    a, b = sc.claims[i].span.article, sc.claims[j].span.article
    ia, ib, m = _block(sc, a, b)
    r, c = ia.index(i), ib.index(j)
    cos = float(m[r, c])
    row, col = m[r], m[:, c]
    rank_a = 1 + int((row > cos).sum())  # j among i's claims of b
    rank_b = 1 + int((col > cos).sum())  # i among j's claims of a
    other_a = np.delete(row, c)
    other_b = np.delete(col, r)
    margin_a = cos - (float(other_a.max()) if other_a.size else 0.0)
    margin_b = cos - (float(other_b.max()) if other_b.size else 0.0)
    dev = cos - float(m.mean())
    z = dev / max(float(m.std()), 0.05)
    ra, rb = min(rank_a, RANK_CAP), min(rank_b, RANK_CAP)
    return [float(min(ra, rb)), float(max(ra, rb)), float(rank_a == 1 and rank_b == 1),
            min(margin_a, margin_b), max(margin_a, margin_b), dev, z]


def pair_features(sc: Any, i: int, j: int) -> list[float]:
    """Features of claims i and j of an alignment scorer (`align._Scorer`, parsed)."""
    from .pairs import _NEGATION, _numbers_match, _same_count

    ci, cj = sc.claims[i], sc.claims[j]
    cos = float(sc.vecs[i] @ sc.vecs[j])
    ps = sc.pred_sim(i, j)
    share, n_key = sc.anchor(i, j)
    a, b = sc.stems[i], sc.stems[j]
    inter = sum(sc.idf.get(s, 0.0) for s in a & b)
    union = sum(sc.idf.get(s, 0.0) for s in a | b)
    ei, ej = sc.ents[i], sc.ents[j]
    ents_shared = len(ei & ej)
    ents_union = len(ei | ej)
    ni, nj = sc.nums[i], sc.nums[j]
    di, dj = sc.dates[i], sc.dates[j]
    neg_i = ci.negated or bool(_NEGATION.search(ci.read_text))
    neg_j = cj.negated or bool(_NEGATION.search(cj.read_text))
    same_pred = sc.same_predicate(i, j)
    part = sc.participants(i, j)
    rule = sc.rule_score(i, j) if hasattr(sc, "rule_score") else sc.score(i, j)
    thr = sc.p.threshold  # the rule scorer's own threshold
    r_agree, r_conflict, r_apart = _value_relation(sc, i, j)
    (si, oi), (sj, oj) = sc.core[i], sc.core[j]
    ki, kj = ci.speaker_key, cj.speaker_key
    sp = float(same_pred)
    return [
        cos,
        ps if ps is not None else 0.0,
        float(ps is None),
        float(same_pred),
        share,
        float(min(n_key, 4)),
        inter / union if union > 0 else 0.0,
        float(min(ents_shared, 3)),
        ents_shared / ents_union if ents_union else 0.0,
        float(min(len(sc.args[i] & sc.args[j]), 3)),
        float(part),
        float(bool(ni and nj)),
        float(_numbers_match(ni, nj)),
        float(_same_count(ni, nj)),
        float(bool(di & dj)),
        float(bool(di and dj and not di & dj)),
        float(neg_i != neg_j),
        float(ci.certainty != cj.certainty),
        float(sc.other_agents(i, j)),
        float(sc.frame_match(i, j, cos)),
        float(sc.rare_predicate(i, j)),
        math.log1p(min(sc.nwords[i], sc.nwords[j])),
        math.log1p(max(sc.nwords[i], sc.nwords[j])),
        float(rule >= thr),
        max(rule, 0.0),
        float((ci.quote is None) != (cj.quote is None)),
        float(sc.other_events(i, j)),
        cos * float(same_pred),
        cos * float(part),
        float(sc.same_value(i, j)),
        float(r_agree),
        float(r_conflict),
        float(r_apart),
        float(bool(si & sj)),
        float(bool(si and sj and not si & sj)),
        float(bool(oi & oj)),
        float(bool(oi and oj and not oi & oj)),
        float(ki is not None and ki == kj),
        float(ki is not None and kj is not None and ki != kj),
        float((ki is None) != (kj is None)),
        min(sc.nwords[i], sc.nwords[j]) / max(1, sc.nwords[i], sc.nwords[j]),
        float(ci.sentence == 0 or cj.sentence == 0),
        *_bound(sc, i, j),
        sp * float(bool(oi & oj)),
        sp * float(bool(oi and oj and not oi & oj)),
        sp * float(bool(si and sj and not si & sj)),
        cos * float(ents_shared > 0),
        sp * float(r_agree),
        sp * float(r_conflict),
        sp * float(bool(di & dj)),
        sp * float(bool(di and dj and not di & dj)),
        *relative_features(sc, i, j),
    ]


@dataclass(frozen=True)
class Trees:
    """Boosted regression trees as flat node arrays (one row per node): a node splits on
    `feature` (x <= threshold goes left) unless it is a leaf, which holds `value`."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray  # index of each tree's first node
    baseline: float

    def raw(self, x: np.ndarray) -> float:
        total = self.baseline
        for n in self.roots:
            while not self.leaf[n]:
                n = self.left[n] if x[self.feature[n]] <= self.threshold[n] else self.right[n]
            total += self.value[n]
        return float(total)


@dataclass(frozen=True)
class MatcherModel:
    """A standardised logistic model (or boosted trees) with Platt calibration and the decision
    threshold."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    platt_a: float
    platt_b: float
    same: float  # calibrated probability from which two claims are one fact
    trees: Trees | None = None

    def proba(self, x: list[float] | np.ndarray) -> float:
        v = np.asarray(x, dtype="float64")
        if self.trees is not None:
            z = self.trees.raw(v)
        else:
            z = float(((v - self.mean) / self.scale) @ self.coef) + self.intercept
        return 1.0 / (1.0 + math.exp(-(self.platt_a * z + self.platt_b)))


def _trees(data: dict[str, Any] | None) -> Trees | None:
    if not data:
        return None
    return Trees(
        feature=np.asarray(data["feature"], dtype="int64"),
        threshold=np.asarray(data["threshold"], dtype="float64"),
        left=np.asarray(data["left"], dtype="int64"),
        right=np.asarray(data["right"], dtype="int64"),
        leaf=np.asarray(data["leaf"], dtype=bool),
        value=np.asarray(data["value"], dtype="float64"),
        roots=np.asarray(data["roots"], dtype="int64"),
        baseline=float(data["baseline"]),
    )


def _model_of(data: dict) -> MatcherModel:
    """A matcher model from its JSON (the packaged matcher's and the pair model's layout)."""
    return MatcherModel(
        mean=np.asarray(data["mean"], dtype="float64"),
        scale=np.asarray(data["scale"], dtype="float64"),
        coef=np.asarray(data["coef"], dtype="float64"),
        intercept=float(data["intercept"]),
        platt_a=float(data["platt"][0]),
        platt_b=float(data["platt"][1]),
        same=float(data["thresholds"]["same"]),
        trees=_trees(data.get("trees")),
    )


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> MatcherModel:
    """The packaged matcher (or the JSON at `path`); its feature list must match FEATURES."""
    p = Path(path) if path else MODEL_PATH
    data = read_model(p, FEATURES, "matcher", "bench/train_matcher.py")
    return _model_of(data)


def candidate_pairs(sc: Any, k: int, bucket: int, parsed: bool = True) -> list[tuple[int, int]]:
    """The pairs alignment retrieves: each claim's k nearest claims of other articles, plus the
    claims of other articles sharing an uncommon predicate (cost ~ claims x (k + bucket))."""
    from .pairs import neighbours

    articles = [c.span.article for c in sc.claims]
    out = {(min(i, j), max(i, j)) for i, nb in enumerate(neighbours(sc.vecs, articles, k))
           for j, _ in nb}
    if parsed:
        out |= sc.frame_candidates(bucket)
    return sorted(out)


def ruled_out(sc: Any, i: int, j: int) -> bool:
    """The hard rules before the model (at run time and in training alike): one article, opposite
    predicates or an open issue beside a statement (`vetoed`), one predicate done to different
    objects (`other_objects`), different agents in one role (`other_agents`)."""
    return sc.claims[i].span.article == sc.claims[j].span.article or sc.vetoed(i, j) \
        or sc.other_objects(i, j) \
        or (float(sc.vecs[i] @ sc.vecs[j]) < sc.p.high_cos and sc.other_agents(i, j))


def learned_scorer(base: type) -> type:
    """A subclass of alignment's pair scorer (`base`) whose cross-article score is the matcher's
    calibrated probability. Hard rules stay, before the model: opposite predicates or an open
    issue beside a statement (`vetoed`), one predicate done to different objects
    (`other_objects`) and different agents in one role (`other_agents`) are never one fact.
    Two sentences of one article keep the rule score, rescaled so that its threshold maps to the
    matcher's (restatements: headline and lead)."""

    class LearnedScorer(base):  # type: ignore[misc, valid-type]
        model: MatcherModel

        def values_differ(self, i: int, j: int) -> bool:
            """The claims state values that may conflict: dates or counts on both sides that
            differ, each names a story entity the other does not, or both count one role."""
            from .pairs import _numbers_match

            di, dj = self.dates[i], self.dates[j]
            ni, nj = self.nums[i], self.nums[j]
            ei, ej = self.ents[i], self.ents[j]
            return bool(di and dj and not di & dj) or bool(
                ni and nj and not _numbers_match(ni, nj)) or bool(ei - ej and ej - ei) \
                or self.same_value(i, j)

        def rule_score(self, i: int, j: int) -> float:
            return base.score(self, i, j)

        def score(self, i: int, j: int, same_article: bool = False) -> float:
            if i > j:
                i, j = j, i
            key = (i, j, same_article, "learned")
            hit = self._cache.get(key)  # type: ignore[call-overload]
            if hit is not None:
                return hit
            if same_article:
                s = base.score(self, i, j, same_article=True)
                s = -1.0 if s < 0 else s * self.model.same / self.p.threshold
            elif ruled_out(self, i, j):
                s = -1.0
            else:
                s = self.model.proba(pair_features(self, i, j))
                if self.p.learned_keep and not getattr(self, "additive", False) \
                        and self.values_differ(i, j):
                    # one frame with a different place, date, name or count is what the judge
                    # flags as a conflict; the matcher learnt "same statement" from pairs that
                    # rarely differ so: where the rules accept such a pair, it stays accepted
                    r = base.score(self, i, j)
                    if r >= self.p.threshold:
                        s = max(s, r * self.model.same / self.p.threshold)
                if getattr(self, "additive", False):
                    # only add joins to the rules': a pair the rules accept stays accepted, and
                    # a pair neither accepts keeps its rule score (rescaled), so that grouping
                    # weighs the rest of a join as the rules do
                    r = base.score(self, i, j)
                    scaled = -1.0 if r < 0 else r * self.model.same / self.p.threshold
                    if r >= self.p.threshold or s < self.model.same:
                        s = max(s, scaled) if r >= self.p.threshold else scaled
            self._cache[key] = s  # type: ignore[index]
            return s

    return LearnedScorer


# --- r22-pairmodel (docs/quality.md, "r22-pairmodel") ---
# the pair model: the matcher's features and these, read from what alignment built for the
# story (`align._pair_model_evidence`): the best clause pair's cosine and rule score at the size
# of the clause (`align._Clauses`, r21-clause), the sentence-pair model's calibrated p for the
# two claims' sentences (`sentpairs.sentence_pairs`), and whether a parting test holds
PAIR_EXTRA: tuple[str, ...] = (
    "clause_cos", "clause_gain", "clause_rule", "clause_rule_ok", "sent_p", "sent_known",
    "apart", "pred_x_clause_cos", "ents_x_sent_p",
)
PAIR_FEATURES: tuple[str, ...] = FEATURES + PAIR_EXTRA
PAIR_MODEL_PATH = Path(__file__).parent / "data" / "pair_model_r22.json"


def clause_features(sc: Any, i: int, j: int) -> tuple[float, float]:
    """(the best cosine of a clause of claim i, or i itself, against a clause of claim j, or j
    itself; the best rule score of such a clause pair other than i against j, 0 when none) from
    the story's clauses (`sc.pm_clauses`, an `align._Clauses`, or None)."""
    cl = getattr(sc, "pm_clauses", None)
    cos = float(sc.vecs[i] @ sc.vecs[j])
    if cl is None:
        return cos, 0.0
    sub = cl.sub
    best = cos
    for a in [i, *cl.kids.get(i, [])]:
        for b in [j, *cl.kids.get(j, [])]:
            best = max(best, float(sub.vecs[a] @ sub.vecs[b]))
    if i not in cl.kids and j not in cl.kids:
        return best, 0.0
    s, _why = cl.best(i, j)
    return best, max(s, 0.0)


def pair_model_features(sc: Any, i: int, j: int, apart: bool) -> list[float]:
    """The pair model's features (`PAIR_FEATURES`) of claims i < j of a parsed alignment scorer
    on which `align._pair_model_evidence` set `pm_clauses` and `sent_probs`; `apart`: a parting
    test holds (`align._sentence_apart`)."""
    base = pair_features(sc, i, j)
    cos = base[0]
    ccos, crule = clause_features(sc, i, j)
    probs = getattr(sc, "sent_probs", {})
    sp = probs.get((min(i, j), max(i, j)), 0.0)
    same_pred = base[FEATURES.index("same_pred")]
    ents = base[FEATURES.index("ents_shared")]
    return [*base, ccos, ccos - cos, crule, float(crule >= sc.p.threshold), sp,
            float((min(i, j), max(i, j)) in probs), float(apart), same_pred * ccos,
            float(ents > 0) * sp]


@lru_cache(maxsize=4)
def load_pair_model(path: str | None = None) -> MatcherModel:
    """The r22 pair model (or the JSON at `path`: a leave-one-set-out file); its feature list
    must match PAIR_FEATURES."""
    p = Path(path) if path and path != "r22" else PAIR_MODEL_PATH
    data = read_model(p, PAIR_FEATURES, "pair model", "bench/train_matcher.py --pair-model")
    return _model_of(data)


# --- r23-parting (docs/quality.md, "r23-parting") ---
# the sentence evidence's parting tests by name (`align.parting_tests`, the matcher's hard rules
# "ro ..." aside): the r23 pair model reads which of them hold, one feature each, and may add a
# pair that only the tests its file opens part (`AlignParams.pair_model_opens`)
PART_TESTS: tuple[str, ...] = (
    "other agents", "other events", "other objects", "roles apart", "other named agents",
    "other places", "role agents", "mutual objects apart", "repeat marks", "other predicates",
    "other dates", "other values", "other named subjects", "unnamed subjects",
)
# never opened, whatever a file says: different entities in one role, two occasions, other
# dates or values of one unit (a conflict, not one fact), numbers that measure other things
HARD_TESTS: frozenset[str] = frozenset({
    "other agents", "other objects", "other named agents", "role agents", "roles apart",
    "repeat marks", "other dates", "other values",
})
PAIR23_FEATURES: tuple[str, ...] = PAIR_FEATURES + tuple(f"part {t}" for t in PART_TESTS)
PAIR23_MODEL_PATH = Path(__file__).parent / "data" / "pair_model_r23.json"


def pair23_features(sc: Any, i: int, j: int, tests: list[str] | tuple[str, ...]) -> list[float]:
    """The r23 pair model's features (`PAIR23_FEATURES`): the r22 pair model's, then one per
    parting test (`PART_TESTS`) that holds among `tests` (`align.parting_tests`)."""
    held = set(tests)
    apart = any(not t.startswith("ro ") for t in held)
    return [*pair_model_features(sc, i, j, apart), *(float(t in held) for t in PART_TESTS)]


@lru_cache(maxsize=4)
def load_pair23_model(path: str | None = None) -> tuple[MatcherModel, frozenset[str]]:
    """The r23 pair model (or the JSON at `path`: a leave-one-set-out file) and the parting
    tests it may overrule (its "opens", the hard tests never among them)."""
    p = Path(path) if path and path != "r23" else PAIR23_MODEL_PATH
    data = read_model(p, PAIR23_FEATURES, "pair model (r23)",
                      "bench/train_matcher.py --pair-model-opens")
    return _model_of(data), frozenset(data.get("opens", [])) - HARD_TESTS


# --- r26-decide (docs/quality.md, "r26-decide") ---
# one calibrated model over the whole pair decides (`AlignParams.pair_model_decides`): the
# parting tests (`align.parting_tests`, "ro " dropped) are its inputs, one binary feature each,
# beside PAIR_FEATURES; only the logical gates stay hard:
DECIDE_GATES: frozenset[str] = frozenset({
    "other agents",  # two different agents in one role: two facts by logic
    "other named agents",  # two different named agents in one role
    "role agents",  # two different role holders ("the mayor" / "the governor") in one role
    "other objects",  # one predicate done to two different objects
    "veto other objects",  # the veto form of the same
    "roles apart",  # no number of one measures what one of the other does (an age / a sum)
    "veto a substitute",  # one entity standing in for another: two entities in one role
    "veto other payers",  # two different payers of one sum
    "veto other numbered parts",  # two different numbered things (stage 2 / stage 3)
    "repeat marks",  # other ordinals of one act (first / second hearing), or one a repeat
    "veto opposite predicates",  # opposite polarity (rose / fell): a conflict, not agreement
})
# not tests, also hard: one claim negated and the other not (`neg_mismatch`: opposite polarity)
# and a claim with no predicate (`align.no_predicate`: a URL, slug or dateline states nothing)
# the parting tests the model reads (any other name the engine may emit is not read)
DECIDE_TESTS: tuple[str, ...] = (
    "other events", "other places", "mutual objects apart", "other predicates", "other dates",
    "other values", "other named subjects", "unnamed subjects", "veto open issue",
    "veto other occasions", "veto other sums", "veto bound sums",
)
DECIDE_FEATURES: tuple[str, ...] = PAIR_FEATURES + tuple(f"test {t}" for t in DECIDE_TESTS)
DECIDE_MODEL_PATH = Path(__file__).parent / "data" / "pair_model_r26.json"


def _test_names(tests: list[str] | tuple[str, ...]) -> set[str]:
    return {t.removeprefix("ro ") for t in tests}


def decide_tests(tests: list[str] | tuple[str, ...]) -> list[float]:
    """One 0/1 per DECIDE_TESTS name that holds among `tests` (`align.parting_tests`)."""
    held = _test_names(tests)
    return [float(t in held) for t in DECIDE_TESTS]


def decide_gated(tests: list[str] | tuple[str, ...], negation_differs: bool,
                 no_predicate: bool) -> bool:
    """A logical gate holds: the decide model never joins the pair."""
    return bool(_test_names(tests) & DECIDE_GATES) or negation_differs or no_predicate


def decide_features(sc: Any, i: int, j: int, tests: list[str] | tuple[str, ...]) -> list[float]:
    """The decide model's features (`DECIDE_FEATURES`)."""
    apart = any(not t.startswith("ro ") for t in tests)
    return [*pair_model_features(sc, i, j, apart), *decide_tests(tests)]


@lru_cache(maxsize=4)
def load_decide_model(path: str) -> MatcherModel:
    """The r26 decide model (`path`: "r26" = the packaged file, or a JSON path)."""
    p = Path(path) if path and path != "r26" else DECIDE_MODEL_PATH
    data = read_model(p, DECIDE_FEATURES, "pair model (r26 decides)",
                      "bench/train_pair_decides.py")
    return _model_of(data)
