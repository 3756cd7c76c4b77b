"""Sentence-pair evidence for alignment (`AlignParams.sentence_join`).

Two sentences of different articles may state one fact in other words that no claim-pair rule
recognises. This module scores whole sentences against each other, within each pair of
articles, from generic features only (`FEATURES`): their embedding cosine, its rank and margin
among each sentence's other candidates in the other article, the idf-weighted overlap of their
content stems (idf over the story's sentences) and its rank, the story entities, numbers and
length they share, and (round 17) a BERTScore-style alignment of their word pieces' contextual
vectors from the same embedder (`token_alignment`). A logistic regression over these, Platt-calibrated on out-of-fold scores
grouped by event, gives the probability that two sentences hold one gold fact
(`data/sentence_pairs.json`, rebuilt by `bench/train_sentence_pairs.py`). The peer rule
(`peer_pairs`: each other's nearest sentence, cosine at least a bar) is the plain variant.

Sentences are the claims' own: all claims of one sentence of one article (`Claim.sentence`)
form a unit whose text is the article sentence from the kept parse, or the claims' words
joined when no parse was kept.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Claim
from ..text import TOKEN, content_stems
from .modelfile import read_model

# round 17's model: `load_model()` with no path (`AlignParams.sentence_model=""`, bar 0.8)
MODEL_PATH = Path(__file__).parent / "data" / "sentence_pairs.json"
# round 18's rebuild (spent fictional sets 6 and 7 added; class-balanced logistic regression):
# the engine's default since round 18, `AlignParams.sentence_model` "r18" at bar 0.7
# (docs/quality.md, "r18-sentdata")
R18_MODEL_PATH = Path(__file__).parent / "data" / "sentence_pairs_r18.json"
# round 21's rebuild (spent fictional sets 8 to 10 added, and the claim-frame features
# `FRAME_FEATURES`): `AlignParams.sentence_model` "r21" (docs/quality.md, "r21-sentmodel")
R21_MODEL_PATH = Path(__file__).parent / "data" / "sentence_pairs_r21.json"

FEATURES = (
    "cos", "rank_min", "rank_max", "margin_min", "margin_max",
    "idf_cos", "idf_rank_min", "idf_rank_max",
    "ents_shared", "nums_shared", "nums_apart", "len_min",
    # round 16: the cosine of the two sentences with their names masked (`Unit.unnamed`) and
    # its rank; the idf-weighted verb lemmas they share, and whether both have verbs and share
    # none; how early the earlier sentence comes in its article, and how far apart their
    # relative places in their articles are
    "ucos", "urank_min", "verbs_shared", "verbs_apart", "pos_min", "pos_gap",
    # round 17: token alignment in the style of BERTScore (`token_alignment`): each word piece
    # matched to its most similar piece of the other sentence (the embedder's contextual
    # vectors), idf-weighted; the F1 of the two directions, the smaller direction, the F1's
    # rank, and the F1 with the names' pieces left out (`Unit.names`)
    "tok_f1", "tok_min", "tok_rank_min", "utok_f1",
)
# round 21: the claim frames of the two sentences (`frame_features`, after `FEATURES`; a model
# whose file lists them reads them too): exact values of one unit both state, and whether
# their values of one unit all differ; resolved days both state, and whether their days all
# differ; story entities one states and the other does not; the same speaker (a story entity
# or a stated name), and both attributed with no speaker in common; one sentence's claims
# negated and the other's not; the same main verb lemma (the sentence's root), the same
# subject's and the same object's head word
FRAME_FEATURES = (
    "vals_exact_shared", "vals_apart", "days_shared", "days_apart", "ents_one_side",
    "speaker_same", "speaker_apart", "neg_apart", "root_same", "subj_same", "obj_same",
)
FEATURES_R21 = FEATURES + FRAME_FEATURES
_RANK_CAP = 5
_NUM = re.compile(r"\d[\d,.]*\d|\d")


@dataclass
class Unit:
    """One sentence of one article: its claims (indices into the story's claims) and text."""

    article: str
    sentence: int
    text: str
    claims: list[int] = field(default_factory=list)
    ents: set[str] = field(default_factory=set)
    start: int = 0  # the sentence's characters in its article (its claims' when no parse)
    end: int = 0
    unnamed: str = ""  # the text without its names (`_unnamed`)
    verbs: set[str] = field(default_factory=set)  # lemmas of its content verbs (parse only)
    place: float = 0.0  # its rank among its article's units, 0 (first) to 1 (last)
    names: list[tuple[int, int]] = field(default_factory=list)  # its names' characters in `text`
    # its parse's root lemma and the head words of the root's subject and object (lower case;
    # "" when no parse or none)
    root: str = ""
    subj: str = ""
    obj: str = ""


_NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_CAPITAL = re.compile(r"(?<=\S )[A-Z][\w'’.-]*")


def _named(t: Any) -> bool:
    return t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS


def _is_name(t: Any) -> bool:
    """A name's token, or the possessive mark beside one."""
    return _named(t) or (t.tag_ == "POS" and t.i > 0 and _named(t.doc[t.i - 1]))


def _unnamed(tokens: Any) -> str:
    """Parsed words without their names: proper nouns, tokens the tagger marks as a person,
    organisation or place, the possessive marks beside them, and punctuation (the sentence-level
    twin of align's `_unnamed_text`)."""
    return " ".join(t.text for t in tokens if not (_is_name(t) or t.is_punct))


def sentence_units(claims: list[Claim], docs: Mapping[str, Any] | None = None) -> list[Unit]:
    """The story's sentences that hold claims, in claim order."""
    by_key: dict[tuple[str, int], Unit] = {}
    for k, c in enumerate(claims):
        key = (c.span.article, c.sentence)
        u = by_key.get(key)
        if u is None:
            u = by_key[key] = Unit(c.span.article, c.sentence, "")
        u.claims.append(k)
        u.ents.update(c.entities)
    for u in by_key.values():
        doc = (docs or {}).get(u.article)
        first = claims[u.claims[0]].span.start
        text = ""
        u.start = min(claims[k].span.start for k in u.claims)
        u.end = max(claims[k].span.end for k in u.claims)
        if doc is not None:
            for s in doc.sents:
                if s.start_char <= first < s.end_char:
                    text = s.text
                    u.start, u.end = s.start_char, s.end_char
                    u.unnamed = _unnamed(s)
                    lead = s.start_char + len(text) - len(text.lstrip())
                    u.names = [(t.idx - lead, t.idx - lead + len(t.text)) for t in s
                               if _is_name(t)]
                    u.verbs = {t.lemma_.lower() for t in s if t.pos_ == "VERB"}
                    u.root, u.subj, u.obj = _frame_heads(s)
                    break
        u.text = text.strip() or " ".join(claims[k].read_text for k in u.claims)
        if not u.unnamed:  # no parse kept: capitalised words past the first read as names
            u.unnamed = _CAPITAL.sub("", u.text)
            u.names = [m.span() for m in _CAPITAL.finditer(u.text)]
    units = list(by_key.values())
    per: dict[str, list[Unit]] = {}
    for u in units:
        per.setdefault(u.article, []).append(u)
    for us in per.values():
        for r, u in enumerate(sorted(us, key=lambda u: u.start)):
            u.place = r / max(1, len(us) - 1)
    return units


_SUBJ = frozenset({"nsubj", "nsubjpass"})
_OBJ = frozenset({"dobj", "obj", "attr", "oprd"})


def _frame_heads(sent: Any) -> tuple[str, str, str]:
    """The sentence's root lemma and the head words (lemmas, lower case) of the root's subject
    and object; "" for a missing one."""
    root = sent.root
    subj = next((t.lemma_.lower() for t in root.children if t.dep_ in _SUBJ), "")
    obj = next((t.lemma_.lower() for t in root.children if t.dep_ in _OBJ), "")
    return root.lemma_.lower(), subj, obj


_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _unit_frame(u: Unit, claims: list[Claim]
                ) -> tuple[dict[str | None, set[tuple[float, float | None, bool]]], set[str],
                           set[str], bool, bool]:
    """One unit's values by unit key ((low, high, approximate)), its resolved days, its speakers,
    whether it has an attributed claim, whether any of its claims is negated."""
    from .precision import _unit_key

    vals: dict[str | None, set[tuple[float, float | None, bool]]] = {}
    days: set[str] = set()
    speakers: set[str] = set()
    attributed = negated = False
    for k in u.claims:
        c = claims[k]
        for q in c.quantities:
            if q.low is not None:
                vals.setdefault(_unit_key(q.unit), set()).add((q.low, q.high, q.approximate))
        days.update(t.value for t in c.times if t.value and _FULL_DAY.match(t.value))
        if c.speaker_key is not None:
            speakers.add(c.speaker_key.lower())
            attributed = True
        negated = negated or c.negated
    return vals, days, speakers, attributed, negated


def frame_features(units: list[Unit], claims: list[Claim], pairs: list[tuple[int, int]]
                   ) -> np.ndarray:
    """One `FRAME_FEATURES` row per pair of units (indices into `units`, whose claims index
    `claims`)."""
    frames = [_unit_frame(u, claims) for u in units]
    rows = []
    for a, b in pairs:
        (va, da, sa, aa, na), (vb, db, sb, ab, nb) = frames[a], frames[b]
        ua, ub = units[a], units[b]
        both = sorted(set(va) & set(vb), key=str)
        exact = sum(len({v for v in va[k] if not v[2]} & {v for v in vb[k] if not v[2]})
                    for k in both)
        apart = any(not {v[0] for v in va[k]} & {v[0] for v in vb[k]} for k in both)
        rows.append([
            float(exact), float(apart),
            float(len(da & db)), float(bool(da and db and not da & db)),
            float(len(ua.ents ^ ub.ents)),
            float(bool(sa & sb)), float(aa and ab and not sa & sb),
            float(na != nb),
            float(bool(ua.root) and ua.root == ub.root),
            float(bool(ua.subj) and ua.subj == ub.subj),
            float(bool(ua.obj) and ua.obj == ub.obj),
        ])
    return np.asarray(rows, dtype="float64").reshape(-1, len(FRAME_FEATURES))


def story_key(claims: list[Claim]) -> str:
    """A fingerprint of a story (its articles' first claims): picks a fold's model in a
    leave-one-event-out file (bench only)."""
    first: dict[str, str] = {}
    for c in claims:
        first.setdefault(c.span.article, c.text)
    blob = "\n".join(sorted(first.values()))
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]


def _ranks(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each cell: how many cells of its row, and of its column, are larger (capped)."""
    row = (m[:, None, :] > m[:, :, None]).sum(axis=2)
    col = (m.T[:, None, :] > m.T[:, :, None]).sum(axis=2).T
    return np.minimum(row, _RANK_CAP), np.minimum(col, _RANK_CAP)


def _margins(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each cell minus the best other cell of its row, and of its column (0 when alone)."""
    def other_best(x: np.ndarray) -> np.ndarray:
        if x.shape[1] < 2:
            return x.copy()
        top = np.sort(x, axis=1)
        first, second = top[:, -1:], top[:, -2:-1]
        return np.where(x >= first, second, first)
    row = m - other_best(m) if m.shape[1] > 1 else np.zeros_like(m)
    col = (m.T - other_best(m.T)).T if m.shape[0] > 1 else np.zeros_like(m)
    return row, col


def _normed(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    return v / np.where(n == 0, 1.0, n)


# a unit's word pieces, their characters in its text and their unit-normalised contextual vectors
# (`resources.token_vectors`)
Tokens = tuple[list[str], list[tuple[int, int]], np.ndarray]
_PIECE_WORD = re.compile(r"\w")


@dataclass
class _Side:
    """One article's units' pieces stacked: vectors, idf weights (names' pieces kept and left
    out), and where each unit's pieces start."""

    vecs: np.ndarray
    weight: np.ndarray
    uweight: np.ndarray
    starts: np.ndarray


def _side(idx: list[int], units: list[Unit], toks: list[Tokens], idf: Mapping[str, float],
          dim: int) -> _Side:
    vs, ws, us, starts = [], [], [], []
    for k in idx:
        pieces, offsets, v = toks[k]
        starts.append(sum(len(w) for w in ws))
        if not pieces:  # nothing to align: one silent piece
            vs.append(np.zeros((1, dim)))
            ws.append([0.0])
            us.append([0.0])
            continue
        w = [idf[p] if _PIECE_WORD.search(p) else 0.0 for p in pieces]
        names = units[k].names
        vs.append(np.asarray(v, dtype="float64"))
        ws.append(w)
        us.append([0.0 if any(a < e and s < b for a, b in names) else x
                   for x, (s, e) in zip(w, offsets, strict=True)])
    return _Side(np.concatenate(vs), np.concatenate([np.asarray(w, dtype="float64") for w in ws]),
                 np.concatenate([np.asarray(w, dtype="float64") for w in us]),
                 np.asarray(starts, dtype=np.intp))


def _greedy(sim: np.ndarray, a: _Side, b: _Side, masked: bool) -> np.ndarray:
    """For each unit x of `a` (rows) and y of `b` (columns): the idf-weighted mean over x's
    pieces of their best cosine among y's pieces (names' pieces left out of both sides when
    `masked`), clipped to [0, 1]; 0 when x has no weighted piece."""
    w = a.uweight if masked else a.weight
    if masked:
        sim = np.where(b.uweight[None, :] > 0, sim, 0.0)
    best = np.maximum.reduceat(np.clip(sim, 0.0, 1.0), b.starts, axis=1)
    num = np.add.reduceat(w[:, None] * best, a.starts, axis=0)
    den = np.add.reduceat(w, a.starts)
    return np.clip(np.divide(num, den[:, None], out=np.zeros_like(num),
                             where=den[:, None] > 0), 0.0, 1.0)


def _f1(p: np.ndarray, r: np.ndarray) -> np.ndarray:
    s = p + r
    return np.divide(2 * p * r, s, out=np.zeros_like(s), where=s > 0)


def token_alignment(units: list[Unit], toks: list[Tokens], ia: list[int], ib: list[int],
                    idf: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """BERTScore-style alignment of the units `ia` (rows) against `ib` (columns): the F1 of the
    two directions' idf-weighted greedy matches, the smaller direction, and the F1 with the
    units' names' pieces (`Unit.names`) left out. Every value in [0, 1], symmetric (the same
    for `ib` against `ia`, transposed). `toks`: each unit's `Tokens`; `idf`: per piece."""
    dim = _dim(toks)
    return _align_sides(_side(ia, units, toks, idf, dim), _side(ib, units, toks, idf, dim))


def _dim(toks: list[Tokens]) -> int:
    return next((t[2].shape[1] for t in toks if len(t[0])), 1)


def _align_sides(a: _Side, b: _Side) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`token_alignment` of two sides already stacked (`_side`)."""
    sim = a.vecs @ b.vecs.T
    p, r = _greedy(sim, a, b, False), _greedy(sim.T, b, a, False).T
    up, ur = _greedy(sim, a, b, True), _greedy(sim.T, b, a, True).T
    return _f1(p, r), np.minimum(p, r), _f1(up, ur)


def piece_idf(toks: list[Tokens]) -> dict[str, float]:
    """Each word piece's idf over the story's units (BERTScore's log((n + 1) / (df + 1)))."""
    df = Counter(p for t in toks for p in set(t[0]))
    n = len(toks)
    return {p: math.log((n + 1) / (d + 1)) for p, d in df.items()}


def pair_features(units: list[Unit], vecs: np.ndarray, uvecs: np.ndarray | None = None,
                  toks: list[Tokens] | None = None) -> tuple[list[tuple[int, int]], np.ndarray]:
    """Every pair (u < v) of sentences of two different articles, and its `FEATURES` row.
    `vecs`: one unit-normalised embedding per unit; `uvecs`: one per unit's `unnamed` text
    (`vecs` when not given); `toks`: each unit's word pieces and contextual vectors
    (`resources.token_vectors`; without them the token alignment features are 0)."""
    uvecs = _normed(np.asarray(vecs if uvecs is None else uvecs, dtype="float64"))
    pidf = piece_idf(toks) if toks is not None else {}
    vdf = Counter(v for u in units for v in u.verbs)
    vidf = {v: math.log((len(units) + 1) / (d + 0.5)) for v, d in vdf.items()}
    stems = [content_stems(u.text) for u in units]
    df = Counter(s for st in stems for s in st)
    n = max(1, len(units))
    idf = {s: math.log((n + 1) / (d + 0.5)) for s, d in df.items()}
    nums = [set(_NUM.findall(u.text)) for u in units]
    words = [len(TOKEN.findall(u.text)) for u in units]
    # sums in sorted order: a set's order moves with the string hash seed, and the last bit of
    # a sum would then break the ranks' ties differently from run to run
    norm = [math.sqrt(sum(idf[s] ** 2 for s in sorted(st))) or 1.0 for st in stems]
    by_art: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        by_art.setdefault(u.article, []).append(k)
    # each article's pieces stacked once, not once per pair of articles
    sides = {a: _side(ia, units, toks, pidf, _dim(toks)) for a, ia in by_art.items()} \
        if toks is not None else {}
    pairs: list[tuple[int, int]] = []
    rows: list[list[float]] = []
    for a, b in combinations(sorted(by_art), 2):
        ia, ib = by_art[a], by_art[b]
        cos = vecs[ia] @ vecs[ib].T
        tf = np.array([[sum(idf[s] ** 2 for s in sorted(stems[x] & stems[y]))
                        / (norm[x] * norm[y])
                        for y in ib] for x in ia])
        r_row, r_col = _ranks(cos)
        m_row, m_col = _margins(cos)
        t_row, t_col = _ranks(tf)
        ucos = uvecs[ia] @ uvecs[ib].T
        u_row, u_col = _ranks(ucos)
        if toks is not None:
            tok_f1, tok_min, utok_f1 = _align_sides(sides[a], sides[b])
        else:
            tok_f1 = tok_min = utok_f1 = np.zeros((len(ia), len(ib)))
        k_row, k_col = _ranks(tok_f1)
        for r, x in enumerate(ia):
            for c, y in enumerate(ib):
                nx, ny = nums[x], nums[y]
                pairs.append((min(x, y), max(x, y)))
                rows.append([
                    float(cos[r, c]),
                    float(min(r_row[r, c], r_col[r, c])), float(max(r_row[r, c], r_col[r, c])),
                    float(min(m_row[r, c], m_col[r, c])), float(max(m_row[r, c], m_col[r, c])),
                    float(tf[r, c]),
                    float(min(t_row[r, c], t_col[r, c])), float(max(t_row[r, c], t_col[r, c])),
                    float(len(units[x].ents & units[y].ents)),
                    float(len(nx & ny)), float(bool(nx and ny and not nx & ny)),
                    math.log(1 + min(words[x], words[y])),
                    float(ucos[r, c]), float(min(u_row[r, c], u_col[r, c])),
                    sum(vidf[v] for v in sorted(units[x].verbs & units[y].verbs)),
                    float(bool(units[x].verbs and units[y].verbs
                               and not units[x].verbs & units[y].verbs)),
                    min(units[x].place, units[y].place), abs(units[x].place - units[y].place),
                    float(tok_f1[r, c]), float(tok_min[r, c]),
                    float(min(k_row[r, c], k_col[r, c])), float(utok_f1[r, c]),
                ])
    return pairs, np.asarray(rows, dtype="float64").reshape(-1, len(FEATURES))


@dataclass(frozen=True)
class SentenceModel:
    """Standardised logistic regression with Platt calibration (numpy only at run time)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    platt_a: float
    platt_b: float

    def decision(self, x: np.ndarray) -> np.ndarray:
        """The raw score (log-odds before calibration) of each row."""
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept)

    def prob(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probability that each row's two sentences hold one fact."""
        return 1.0 / (1.0 + np.exp(-(self.platt_a * self.decision(x) + self.platt_b)))

    def to_json(self) -> dict[str, Any]:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept,
                "platt": [self.platt_a, self.platt_b]}


@dataclass(frozen=True)
class TreeModel:
    """Gradient-boosted trees over the raw features with Platt calibration, read from plain
    arrays (numpy only at run time; written by bench/train_sentence_pairs.py from
    scikit-learn's HistGradientBoostingClassifier). Each tree: per node the feature, the
    threshold (a row goes left when its value is at most the threshold), the left and right
    children (-1 at a leaf) and the leaf's value; the raw score is `base` plus one leaf value
    per tree."""

    base: float
    trees: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]
    platt_a: float
    platt_b: float

    def decision(self, x: np.ndarray) -> np.ndarray:
        """The raw score (log-odds before calibration) of each row."""
        x = np.atleast_2d(np.asarray(x, dtype="float64"))
        rows = np.arange(len(x))
        z = np.full(len(x), self.base)
        for feat, thr, left, right, value in self.trees:
            node = np.zeros(len(x), dtype=np.intp)
            inner = left[node] >= 0
            while inner.any():
                go_left = x[rows, feat[node]] <= thr[node]
                node = np.where(inner, np.where(go_left, left[node], right[node]), node)
                inner = left[node] >= 0
            z += value[node]
        return z

    def prob(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probability that each row's two sentences hold one fact."""
        return 1.0 / (1.0 + np.exp(-(self.platt_a * self.decision(x) + self.platt_b)))

    def to_json(self) -> dict[str, Any]:
        return {"base": self.base, "platt": [self.platt_a, self.platt_b],
                "trees": [[a.tolist() for a in t] for t in self.trees]}


def _model(d: Mapping[str, Any]) -> SentenceModel | TreeModel:
    if "trees" in d:
        return TreeModel(float(d["base"]), tuple(
            (np.asarray(f, dtype=np.intp), np.asarray(t, dtype="float64"),
             np.asarray(lf, dtype=np.intp), np.asarray(r, dtype=np.intp),
             np.asarray(v, dtype="float64")) for f, t, lf, r, v in d["trees"]),
            float(d["platt"][0]), float(d["platt"][1]))
    return SentenceModel(np.asarray(d["mean"], dtype="float64"),
                         np.asarray(d["scale"], dtype="float64"),
                         np.asarray(d["coef"], dtype="float64"), float(d["intercept"]),
                         float(d["platt"][0]), float(d["platt"][1]))


@lru_cache(maxsize=4)
def _read(path: str) -> dict[str, Any]:
    """The model file, checked against this version's features: `FEATURES`, or `FEATURES_R21`
    when the file lists the frame features."""
    import json

    wide = len(json.loads(Path(path).read_text(encoding="utf-8"))["features"]) \
        == len(FEATURES_R21)
    return read_model(Path(path), FEATURES_R21 if wide else FEATURES, "sentence-pair",
                      "bench/train_sentence_pairs.py")


def model_width(model: SentenceModel | TreeModel) -> int:
    """How many feature columns the model reads: `FEATURES`, or `FEATURES_R21` (frames too)."""
    if isinstance(model, SentenceModel):
        return len(model.coef)
    top = max((int(f.max()) for f, *_ in model.trees if len(f)), default=0)
    return len(FEATURES_R21) if top >= len(FEATURES) else len(FEATURES)


def load_model(path: str | None = None, key: str | None = None
               ) -> SentenceModel | TreeModel:
    """The packaged model (or the JSON at `path`). An out-of-fold file (bench) holds under
    "folds" one entry per held-out story, picked by `story_key`: a model, or the name of one
    under "groups" (a model fitted without the story's event or set); other stories get
    "model". `path` "r18": round 18's packaged rebuild (`R18_MODEL_PATH`); "r21": round 21's
    (`R21_MODEL_PATH`, frame features too)."""
    if path == "r18":
        path = str(R18_MODEL_PATH)
    elif path == "r21":
        path = str(R21_MODEL_PATH)
    data = _read(str(Path(path) if path else MODEL_PATH))
    fold = (data.get("folds") or {}).get(key or "")
    if isinstance(fold, str):
        fold = data["groups"][fold]
    return _model(fold if fold is not None else data["model"])


def unnamed_vectors(units: list[Unit], embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """One embedding per unit's text without its names ("-" for a unit of names only)."""
    return np.asarray(embed([u.unnamed.strip() or "-" for u in units]), dtype="float64")


def peer_pairs(units: list[Unit], vecs: np.ndarray, bar: float) -> list[tuple[int, int]]:
    """The peer baseline's rule: sentences of two articles each other's nearest by cosine, at
    least `bar` apart (bench/peer_sentences.py)."""
    by_art: dict[str, list[int]] = {}
    for k, u in enumerate(units):
        by_art.setdefault(u.article, []).append(k)
    out = []
    for a, b in combinations(sorted(by_art), 2):
        ia, ib = by_art[a], by_art[b]
        sim = vecs[ia] @ vecs[ib].T
        best_b, best_a = sim.argmax(axis=1), sim.argmax(axis=0)
        for r, c in enumerate(best_b):
            if best_a[c] == r and sim[r, c] >= bar:
                out.append((min(ia[r], ib[c]), max(ia[r], ib[c])))
    return out


def unit_tokens(units: list[Unit], embed_tokens: Callable[[list[str]], list[Tokens]] | None
                ) -> list[Tokens]:
    """Each unit's word pieces and contextual vectors, one embedder pass for the story's units
    (`embed_tokens`: `Models.embed_tokens`; the default embedder's when not given)."""
    if embed_tokens is None:
        from ..resources import load_embedder, token_vectors

        def embed_tokens(texts: list[str]) -> list[Tokens]:
            return token_vectors(load_embedder(), texts)
    return list(embed_tokens([u.text for u in units]))


def sentence_pairs(claims: list[Claim], docs: Mapping[str, Any] | None,
                   embed: Callable[[list[str]], np.ndarray], mode: str, bar: float,
                   model_path: str | None = None,
                   embed_tokens: Callable[[list[str]], list[Tokens]] | None = None,
                   embed_both: Callable[[list[str]], tuple[np.ndarray, list[Tokens]]]
                   | None = None, peer_p: float = 0.0, peer_cos: float = 0.6,
                   peer_only: list[bool] | None = None,
                   probs_out: dict[tuple[int, int], float] | None = None
                   ) -> list[tuple[Unit, Unit]]:
    """The sentence pairs the evidence joins: `mode` "model" (calibrated p >= `bar`) or
    "peer" (mutual nearest, cosine >= `bar`). `embed_tokens`: the pieces' contextual vectors
    (`unit_tokens`); `embed_both` (`Models.embed_both`), when given, gives the units' embeddings
    and their pieces' vectors from one embedder pass (the same numbers as `embed` and
    `embed_tokens`). In "model" mode with `peer_p` > 0, a pair the peer's rule also joins
    (mutual nearest, cosine >= `peer_cos`) needs only p >= `peer_p`: two kinds of evidence
    agree. `peer_only`, when given, receives one flag per returned pair: True when only the
    peer's vote carries it (p below `bar`). `probs_out`, when given ("model" mode), receives the
    calibrated p of every sentence pair, keyed by each claim pair (i < j, indices into `claims`)
    across the two sentences (the r22 pair model's `sent_p`)."""
    units = sentence_units(claims, docs)
    if len({u.article for u in units}) < 2:
        return []
    texts = [u.text for u in units]
    toks: list[Tokens] | None = None
    if mode != "peer" and embed_both is not None:
        both, toks = embed_both(texts)
        vecs = np.asarray(both, dtype="float64")
        toks = list(toks)
    else:
        vecs = np.asarray(embed(texts), dtype="float64")
    if mode == "peer":
        found = [(units[x], units[y]) for x, y in peer_pairs(units, vecs, bar)]
        if peer_only is not None:  # the peer's rule is the evidence itself, not a second vote
            peer_only.extend([False] * len(found))
        return found
    pairs, x = pair_features(units, vecs, unnamed_vectors(units, embed),
                             toks if toks is not None else unit_tokens(units, embed_tokens))
    if not pairs:
        return []
    model = load_model(model_path or None, story_key(claims))
    if model_width(model) > len(FEATURES):
        x = np.hstack([x, frame_features(units, claims, pairs)])
    prob = model.prob(x)
    if probs_out is not None:
        for (a, b), q in zip(pairs, prob, strict=True):
            for ci in units[a].claims:
                for cj in units[b].claims:
                    probs_out[(min(ci, cj), max(ci, cj))] = float(q)
    peer = set(peer_pairs(units, vecs, peer_cos)) if 0.0 < peer_p < bar else set()
    out = []
    for (a, b), q in zip(pairs, prob, strict=True):
        if q >= bar or (q >= peer_p and (a, b) in peer):
            out.append((units[a], units[b]))
            if peer_only is not None:
                peer_only.append(q < bar)
    return out
