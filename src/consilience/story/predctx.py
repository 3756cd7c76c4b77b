"""r25-pairs: two predicates in context, one act? (`AlignParams.predicate_context`).

Each predicate head of a claim is read in its sentence: the mean of its word pieces' contextual
vectors (the engine's own sentence embedder, `Models.embed_tokens`), of its arguments' pieces
(subject / object / prepositional-object subtrees) and of the whole sentence's. A small
calibrated logistic model over the pair's cosines (`FEATURES`) says whether two different
predicates of two claims name one act; its file is written by `bench/train_pair_acts.py`
(docs/quality.md, "r25-pairs")."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

# the model's inputs, in order (`pair_features`)
FEATURES = ("ctx_cos", "lemma_cos", "same_lemma", "arg_cos", "has_args", "sent_cos",
            "ctx_gain")
MODEL_PATH = Path(__file__).parent / "data" / "pair_acts_r25.json"
# dependants of a predicate head whose subtree is one of its arguments (a preposition's object
# is reached through the preposition)
_ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "agent", "dative", "iobj"}

# (contextual head vector, argument vector or None, sentence vector)
Mention = tuple[np.ndarray, np.ndarray | None, np.ndarray]


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


def _pieces(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    return [k for k, (a, b) in enumerate(offsets) if a < end and start < b and b > a]


def mention_vectors(tokens: tuple[Any, Any, Any], head: Any, start: int = 0) -> Mention | None:
    """The vectors of one predicate head token `head` of a parsed sentence whose word pieces,
    offsets and vectors are `tokens` (`Models.embed_tokens`; `start`: the sentence's first
    character in the parse's text). None when no piece covers the head."""
    _, offsets, vecs = tokens
    if not len(vecs):
        return None
    s = head.idx - start
    ks = _pieces(offsets, s, s + len(head.text))
    if not ks:
        return None
    arg_ks: list[int] = []
    for ch in head.children:
        kids = [ch] if ch.dep_ in _ARG_DEPS else \
            [g for g in ch.children if g.dep_ == "pobj"] if ch.dep_ == "prep" else []
        for kid in kids:
            sub = list(kid.subtree)
            arg_ks += _pieces(offsets, sub[0].idx - start, sub[-1].idx + len(sub[-1].text) - start)
    arg = _unit(vecs[sorted(set(arg_ks))].mean(axis=0)) if arg_ks else None
    return _unit(vecs[ks].mean(axis=0)), arg, _unit(vecs.mean(axis=0))


def head_tokens(doc: Any, heads: set[str]) -> list[Any]:
    """The tokens of `doc` that carry one of the predicate heads (a head's first word, by lemma
    or by its lower-cased form)."""
    firsts = {h.lstrip("~").split()[0] for h in heads if h.strip("~")}
    return [t for t in doc if t.lemma_.lower() in firsts or t.lower_ in firsts]


def claim_mentions(doc: Any, heads: set[str], tokens: tuple[Any, Any, Any]
                   ) -> list[tuple[str, Mention]]:
    """(head lemma, vectors) of each token of `doc` carrying one of its content predicate
    heads (light verbs, marked "~", left out)."""
    out = []
    for t in head_tokens(doc, {h for h in heads if not h.startswith("~")}):
        v = mention_vectors(tokens, t)
        if v is not None:
            out.append((t.lemma_.lower(), v))
    return out


def pair_features(a: Mention, b: Mention, la: str, lb: str,
                  lvec: dict[str, np.ndarray]) -> list[float]:
    """`FEATURES` of two predicate mentions (vectors, lemmas, the lemmas' bare embeddings)."""
    ctx = float(a[0] @ b[0])
    lem = 1.0 if la == lb else float(lvec[la] @ lvec[lb])
    has = a[1] is not None and b[1] is not None
    arg = float(a[1] @ b[1]) if a[1] is not None and b[1] is not None else 0.0
    return [ctx, lem, float(la == lb), arg, float(has), float(a[2] @ b[2]), ctx - lem]


def best_features(a: list[tuple[str, Mention]], b: list[tuple[str, Mention]],
                  lvec: dict[str, np.ndarray]) -> list[float] | None:
    """The features of the two claims' head pair with the highest contextual cosine."""
    if not a or not b:
        return None
    return max((pair_features(va, vb, la, lb, lvec) for la, va in a for lb, vb in b),
               key=lambda f: f[0])


@lru_cache(maxsize=4)
def load_model(path: str = "") -> dict:
    """A model file (`bench/train_pair_acts.py`): "" or "r25" is the packaged one."""
    f = MODEL_PATH if path in ("", "r25") else Path(path)
    model = json.loads(f.read_text(encoding="utf-8"))
    if list(model["features"]) != list(FEATURES):
        raise ValueError(f"{f}: features {model['features']} are not {list(FEATURES)}")
    return model


def one_act_p(model: dict, x: list[float]) -> float:
    """The model's calibrated p that two predicates name one act."""
    z = (np.asarray(x) - np.asarray(model["mean"])) / np.asarray(model["scale"])
    d = float(z @ np.asarray(model["coef"]) + model["intercept"])
    a, b = model["platt"]
    return float(1.0 / (1.0 + np.exp(-(a * d + b))))
