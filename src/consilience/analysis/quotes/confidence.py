"""The learned check on reported speech: the calibrated probability that one unquoted
attribution with a stated speaker is right, from the parse of its content, cue and speaker.
A logistic model built by bench/train_quote_filter.py on PolNeAR train (plain JSON); below its
stored threshold the attribution is dropped. Direct and partial quotes are never scored.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...lexicon.people import PRONOUNS
from ...model import Quote
from .context import _WEAK_CUES, _Ctx, _quoted_chars, _tok_span

MODEL_PATH = Path(__file__).parent / "data" / "attribution.json"

_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB")
_DEPS = ("ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis")

FEATURES: tuple[str, ...] = (
    "according", "log_tokens", "pieces", "quoted_share", "has_verb", "has_subject",
    "starts_to", "starts_wh", "before_cue", "short",
    *(f"cue_{t}" for t in _TAGS), "cue_tag_other",
    *(f"dep_{d}" for d in _DEPS), "dep_other",
    "cue_weak", "cue_first", "cue_noun",
    "spk_none", "spk_pronoun", "spk_propn", "spk_noun", "spk_other", "spk_entity",
    "spk_person", "spk_org", "spk_after", "spk_dist", "spk_plural", "spk_in_content",
    "spk_of", "spk_relative", "spk_det", "spk_number", "spk_subject",
)


def features(ctx: _Ctx, pieces: list[Quote], subj: Any) -> list[float]:
    """Features of one attribution: `pieces` share one cue; `subj` is the speaker token the
    parse gave (None when the speaker is unstated)."""
    q0 = pieces[0]
    cue_span = _tok_span(ctx, q0.cue_start if q0.cue_start is not None else q0.start,
                         q0.cue_end if q0.cue_end is not None else q0.start + 1)
    cue = cue_span[0] if cue_span is not None and len(cue_span) else None
    toks: list[Any] = []
    for q in pieces:
        span = _tok_span(ctx, q.start, q.end)
        if span is not None:
            toks += [t for t in span if not (t.is_punct or t.is_space)]
    idx = {t.i for t in toks}
    n = len(toks)
    chars = sum(q.end - q.start for q in pieces) or 1
    quoted = sum(_quoted_chars(ctx.regions, q.start, q.end) for q in pieces) / chars
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in toks)
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in idx for t in toks)
    first = toks[0].lower_ if toks else ""
    f: list[float] = [
        float(q0.kind == "according_to"), math.log1p(n), float(len(pieces) > 1), quoted,
        float(has_verb), float(has_subject), float(first == "to"),
        float(first in ("how", "what", "why", "when", "where", "whether", "if", "who", "which")),
        float(cue is not None and q0.start < cue.idx + ctx.base), float(n <= 3),
    ]
    tag = cue.tag_ if cue is not None else ""
    f += [float(tag == t) for t in _TAGS] + [float(tag not in _TAGS)]
    dep = cue.dep_ if cue is not None else ""
    f += [float(dep == d) for d in _DEPS] + [float(dep not in _DEPS)]
    f += [float(cue is not None and cue.lemma_.lower() in _WEAK_CUES),
          float(cue is not None and cue.i == cue.sent.start),
          float(cue is not None and cue.pos_ in ("NOUN", "PROPN"))]
    has = subj is not None and hasattr(subj, "pos_")
    low = subj.lower_ if has else ""
    pron = has and (low in PRONOUNS or subj.pos_ == "PRON")
    propn = has and not pron and subj.pos_ == "PROPN"
    noun = has and not pron and subj.pos_ == "NOUN"
    f += [float(not has), float(pron), float(propn), float(noun),
          float(has and not (pron or propn or noun)),
          float(q0.speaker_entity is not None),
          float(has and subj.ent_type_ == "PERSON"),
          float(has and subj.ent_type_ in ("ORG", "GPE", "NORP")),
          float(has and cue is not None and subj.i > cue.i),
          math.log1p(abs(subj.i - cue.i)) if has and cue is not None else 0.0,
          float(has and subj.tag_ in ("NNS", "NNPS")),
          float(has and subj.i in idx),
          float(has and any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children)),
          float(has and subj.lower_ in ("who", "which", "that")),
          float(has and subj.pos_ == "DET"),
          float(has and (subj.pos_ == "NUM" or subj.like_num)),
          float(has and subj.dep_ in ("nsubj", "nsubjpass"))]
    return f


def lemma_features(cue_lemma: str | None, lemmas: tuple[str, ...]) -> list[float]:
    """One-hot of the cue's lemma over the model's cue vocabulary (the frequent cue lemmas of
    its training rows, chosen by the training script), plus one for any other lemma."""
    return [float(cue_lemma == w) for w in lemmas] + [float(cue_lemma not in lemmas)]


def cue_lemma(ctx: _Ctx, pieces: list[Quote]) -> str | None:
    q0 = pieces[0]
    if q0.kind == "according_to":
        return "according"
    if q0.cue_start is None or q0.cue_end is None:
        return None
    span = _tok_span(ctx, q0.cue_start, q0.cue_end)
    return span[0].lemma_.lower() if span is not None and len(span) else None


@dataclass(frozen=True, slots=True)
class AttributionModel:
    lemmas: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    platt_a: float
    platt_b: float
    threshold: float

    def proba(self, x: list[float]) -> float:
        z = self.intercept + sum(
            c * (v - m) / s for c, v, m, s in zip(self.coef, x, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-(self.platt_a * z + self.platt_b)))


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> AttributionModel:
    """The stored model; its feature names must be this module's."""
    p = Path(path) if path else MODEL_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{p}: cannot read the attribution model ({exc})") from exc
    if tuple(data.get("features", ())) != FEATURES:
        raise ValueError(f"{p}: the attribution model was built for other features; "
                         "rebuild it with bench/train_quote_filter.py")
    return AttributionModel(tuple(data.get("lemmas", ())), tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                            float(data["intercept"]), float(data["platt"][0]),
                            float(data["platt"][1]), float(data["threshold"]))
