"""Whether two person-name forms of one story can be one person: a learned, calibrated score.

Reads two name forms as written ("Tesfaye Gebremeskel" / "Tesfay Gebre-Meskel", "Nando
Albuquerque" / "Fernando Albuquerque") and a little story evidence (how many other persons of
the story share the surname), and returns the probability that they name one person: a
standardised logistic regression over character and token features that carry to naming
traditions no table lists (character n-grams of the folded forms, best token alignment in any
order, a given name whose letters the other holds in order, initials), trained by
`bench/train_name_pairs.py` on the person mentions of the ECB+ train topics (and the spent
fresh sets' name items) and stored in `data/name_pairs.json`. It decides nothing alone: the
resolver (`resolve`, `ResolveOptions.name_model`) asks it only where its own rules leave two
forms apart, after the hard rules (`hard_apart`) allow the pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from ..analysis.names import (
    a_ending_split,
    ascii_fold,
    family_match,
    nickname_match,
    romanised_match,
    translit_key,
)
from .modelfile import read_model
from .resolve import (
    PersonName,
    given_compatible,
    given_related,
    lcs_len,
    norm_text,
    parse_person,
    same_token,
)

MODEL_PATH = Path(__file__).parent / "data" / "name_pairs.json"

FEATURES: tuple[str, ...] = (
    "char3", "char2", "joined_ratio", "tok_align_mean", "tok_align_min", "tok_exact_frac",
    "surname_eq", "surname_ratio", "surname_in_other", "tok_diff",
    "given_eq", "given_table", "given_prefix", "given_lcs", "given_onset", "given_coda",
    "given_len_ratio", "given_gendered", "given_unrelated", "initials_ok", "initial_only",
    "same_surname_others",
)


def _folded(p: PersonName) -> str:
    return "".join(translit_key(t) for t in p.tokens)


def _grams(s: str, n: int) -> set[str]:
    s = f"#{s}#"
    return {s[i:i + n] for i in range(max(len(s) - n + 1, 1))}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class StoryEvidence:
    """What the story says around one pair: how many OTHER persons (full names) of the story
    carry the surname of either form."""

    same_surname_others: int = 0


def pair_features(a: str, b: str, ev: StoryEvidence = StoryEvidence()) -> list[float]:
    """The FEATURES of two person-name forms as written (titles and generational suffixes are
    dropped by the parser). Symmetric in a and b. The model is trained on, and asked about,
    two FULL names (a given name and a surname each): a surname alone is the rules' to join."""
    pa, pb = parse_person(a, True), parse_person(b, True)
    if pa is None or pb is None:
        return [0.0] * len(FEATURES)
    return features_of(pa, pb, ev)


def features_of(pa: PersonName, pb: PersonName, ev: StoryEvidence = StoryEvidence()
                ) -> list[float]:
    """FEATURES of two parsed names (see `pair_features`)."""
    fa, fb = _folded(pa), _folded(pb)
    ta = [translit_key(t) for t in pa.tokens if t]
    tb = [translit_key(t) for t in pb.tokens if t]
    short, long_ = sorted((ta, tb), key=len)
    best = [max((fuzz.ratio(x, y) for y in long_), default=0.0) / 100 for x in short] or [0.0]
    exact = sum(1 for x in short if x in long_) / max(len(short), 1)
    sa, sb = pa.surname, pb.surname
    sur_eq = float(sa == sb or same_token(sa, sb))
    sur_in = float(sa in tb or sb in ta or any(same_token(sa, t) for t in tb)
                   or any(same_token(sb, t) for t in ta))
    ga = pa.given[0] if pa.given else ""
    gb = pb.given[0] if pb.given else ""
    if ga and gb:
        ka, kb = translit_key(ga), translit_key(gb)
        gs, gl = sorted((ka, kb), key=len)
        g_eq = float(ka == kb)
        g_table = float(nickname_match(ga, gb) or family_match(ga, gb)
                        or romanised_match(ga, gb))
        g_prefix = float(len(gs) >= 2 and gl.startswith(gs))
        g_lcs = lcs_len(gs, gl) / max(len(gs), 1)
        g_onset = float(gs[:1] == gl[:1])
        g_coda = float(len(gs) >= 2 and gs[-2:] == gl[-2:])
        g_len = len(gs) / max(len(gl), 1)
        g_gender = float(a_ending_split(ka, kb) and not nickname_match(ga, gb))
        g_unrel = float(not given_related(ga, gb))
        inits = float(given_compatible(pa.given, pb.given))
        init_only = float(len(ga) == 1 or len(gb) == 1)
    else:
        g_eq = g_table = g_prefix = g_lcs = g_onset = g_coda = g_len = g_gender = 0.0
        g_unrel = init_only = 0.0
        inits = 1.0
    others = min(ev.same_surname_others, 3)
    return [
        _jaccard(_grams(fa, 3), _grams(fb, 3)),
        _jaccard(_grams(fa, 2), _grams(fb, 2)),
        fuzz.ratio(fa, fb) / 100,
        sum(best) / len(best),
        min(best),
        exact,
        sur_eq,
        fuzz.ratio(sa, sb) / 100,
        sur_in,
        float(min(abs(len(ta) - len(tb)), 3)),
        g_eq, g_table, g_prefix, g_lcs, g_onset, g_coda, g_len, g_gender, g_unrel, inits,
        init_only,
        float(others),
    ]


@dataclass(frozen=True)
class NamePairModel:
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def prob(self, feats: list[float]) -> float:
        z = self.intercept + sum(c * (x - m) / s for c, x, m, s in
                                 zip(self.coef, feats, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> NamePairModel:
    """The packaged name-pair model (or the JSON at `path`); its features must match FEATURES."""
    p = Path(path) if path else MODEL_PATH
    data = read_model(p, FEATURES, "name-pair", "bench/train_name_pairs.py")
    return NamePairModel(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                         float(data["intercept"]), float(data["threshold"]))


def same_person_prob(a: str, b: str, ev: StoryEvidence = StoryEvidence()) -> float:
    """The model's probability that two name forms of one story name one person."""
    return load_model().prob(pair_features(a, b, ev))


@dataclass(frozen=True)
class PairScorer:
    """The model as the resolver asks it (`resolve.PairScorer`): the probability for two parsed
    names and the number of other persons of the story sharing their surname; `threshold` is
    the probability from which the resolver joins (chosen on training data only, see
    `bench/train_name_pairs.py`)."""

    model: NamePairModel
    threshold: float

    def __call__(self, a: PersonName, b: PersonName, others: int) -> float:
        return self.model.prob(features_of(a, b, StoryEvidence(others)))


def scorer(threshold: float | None = None) -> PairScorer:
    """The packaged model as a `PairScorer` (its own threshold unless one is given)."""
    model = load_model()
    return PairScorer(model, model.threshold if threshold is None else threshold)


def name_tokens(text: str) -> list[str]:
    """The normalised words of a name form (for the bench scripts)."""
    return norm_text(ascii_fold(text)).split()
