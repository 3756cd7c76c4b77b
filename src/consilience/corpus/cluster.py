"""Incremental story clustering: does a new article join a story, start one, or bridge two, and
does a grown story hold two events that should be split apart?

It decides from cheap signals only -- a MiniLM embedding of title + lead, IDF-weighted keyword and
named-entity overlap, and closeness of dates -- scored against the article's k nearest neighbours
(the join) or among one story's most recent members (the split).
It does not read the store or the vector index itself (the engine passes neighbours in), and it
never decides copy-ness (see dedup.py) or anything about claims.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

from ..lexicon.calendar import MONTHS, WEEKDAYS
from ..model import Article
from ..text import LEAD_CHARS, lead_text

KEYWORD_CHARS = 2500  # keywords come from a longer window: cheap, and specifics sit lower down

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+(?:\.\d+)?")
_CAPS = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ \-](?:[A-Z][a-z]+|[A-Z]{2,}|of|de|al))*\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTHS = list(MONTHS)
_MONTH_RE = "|".join(m.capitalize() + "|" + m[:3].capitalize() + r"\.?" for m in _MONTHS)
_DATE = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")

# Function words and newsroom boilerplate: they say nothing about which event this is.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over own
    said same says she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours told
    today yesterday year years one two three new news report reports reported according people
    time last first week weeks day days month months like get got just may might must shall
    across around among per via since still even back well much many made make including
    http https www com org html htm reuters associated press copyright rights reserved""".split()
) | frozenset(WEEKDAYS)
# Capitalised words that open sentences or name days/months: not entities.
_CAPS_STOP = frozenset(
    """The A An This That These Those It Its He She They We I In On At For But And Or If As
    After Before When While Mr Mrs Ms
    Dr There Here What Who Why How According Police Officials Said Also Meanwhile However""".split()
) | frozenset(w.capitalize() for w in WEEKDAYS + MONTHS)


@dataclass
class ClusterConfig:
    """Weights and thresholds, tuned on the ECB+ train topics (bench/cluster_ecbplus.py)."""

    k: int = 24  # neighbours fetched from the vector index
    w_emb: float = 0.45
    w_kw: float = 0.45
    w_ent: float = 0.30
    # join 0.40-0.425 scores higher on ECB+ (train and dev) but merges two small stories of
    # similar events (two celebrities' rehab stays, tests/test_corpus_story_clustering.py) before the
    # split can see them (it needs `split_min` members): 0.45 keeps them apart.
    join: float = 0.45  # a story whose score reaches this takes the article
    merge: float = 0.50  # a second story reaching this is merged (the article bridges them)
    top: int = 1  # a story's score is the mean of its best `top` member scores
    max_days: float = 30.0  # dates further apart than this: a different event
    entity_mode: str = "caps"  # "caps" (capitalised phrases) or "spacy" (NER)
    lead_chars: int = LEAD_CHARS  # body characters embedded after the title (cost ~ length)
    # time agreement: same day/latest year named -> +w_time; far apart or disjoint years ->
    # -w_time. A soft signal because dates read from the text are often of earlier events.
    w_time: float = 0.1
    # int8 dynamic quantisation of the embedder's linear layers: ~2.5x faster on CPU, ECB+ F1
    # within 0.003 of float32. Keep one setting per corpus: mixed vectors are ~0.94 cosine apart.
    # Legacy switch: read only where no `embedder` is named (featurize's own default).
    quantized: bool = True
    # The vectors the engine stores: "static" (token table distilled from MiniLM, see
    # static_embed.py; ~50x cheaper to embed), "int8" (quantised MiniLM) or "fp32" (MiniLM). A
    # corpus records its kind and refuses another: the kinds' vectors are not comparable.
    # Default static: with the split re-tuned for it (split_ncut), ECB+ B3 F1 train 0.961 / dev
    # 0.960 (mean of 4 feed orders) against 0.929 / 0.938 for int8 at the same settings, and the
    # cheap tier ~4x faster. The table is built once from the installed MiniLM (~16 s idle), cached.
    embedder: str = "static"
    # Story split (see `split_story`): once a story has `split_min` members it is tested, after
    # each join, for two groups with few strong links between them (normalised cut of its
    # members' k-NN score graph). Only the `split_cap` most recent members are looked at, so the
    # cost per article is bounded whatever the story's size.
    split: bool = True
    split_min: int = 10
    split_cap: int = 60
    split_knn: int = 10
    split_ncut: float = 0.6
    split_part: int = 2  # each side of a split has at least this many members


@dataclass
class Features:
    """What clustering keeps of one article."""

    emb: np.ndarray
    keywords: list[str]
    entities: list[str]
    day: date | None = None
    years: list[int] = field(default_factory=list)
    pub: bool = False  # `day` is the publication date (not a date read from the text)

    def to_json(self) -> dict[str, Any]:
        return {
            "kw": self.keywords,
            "ent": self.entities,
            "day": self.day.isoformat() if self.day else None,
            "years": self.years,
            "pub": self.pub,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], emb: np.ndarray) -> Features:
        day = date.fromisoformat(data["day"]) if data.get("day") else None
        return cls(emb, data.get("kw", []), data.get("ent", []), day, data.get("years", []),
                   bool(data.get("pub")))


def keywords(text: str) -> list[str]:
    out = {t.lower() for t in _TOKEN.findall(text)}
    return sorted(t for t in out if len(t) > 2 and t not in STOPWORDS)


def caps_entities(text: str) -> list[str]:
    """Capitalised phrases ("Betty Ford Center", "NATO") -- a cheap stand-in for NER."""
    out = set()
    for m in _CAPS.finditer(text):
        phrase = m.group(0)
        parts = [p for p in re.split(r"[ \-]", phrase) if p not in _CAPS_STOP]
        if not parts:
            continue
        phrase = " ".join(parts).lower()
        if len(phrase) > 2 and phrase not in STOPWORDS:
            out.add(phrase)
    return sorted(out)


def article_day(article: Article, text: str) -> date | None:
    """Publication day, or else the first full date written near the top (a dateline date)."""
    if article.published is not None:
        pub = article.published
        return pub.date() if isinstance(pub, datetime) else pub
    m = _DATE.search(text[:400])
    if m:
        month = next(i for i, n in enumerate(_MONTHS) if n.startswith(m.group(1)[:3].lower()))
        try:
            return date(int(m.group(3)), month + 1, int(m.group(2)))
        except ValueError:
            return None
    return None


_QUANT_ATTR = "_consilience_cluster_qembedder"
EMBEDDERS = ("static", "int8", "fp32")


def embedder_kind(embedder: str | bool) -> str:
    """The embedder name for `embedder` (a name, or the legacy `quantized` flag)."""
    if isinstance(embedder, bool):
        return "int8" if embedder else "fp32"
    if embedder not in EMBEDDERS:
        raise ValueError(f"embedder {embedder!r}: expected one of {', '.join(EMBEDDERS)}")
    return embedder


def cheap_embed(texts: list[str], models: Any, embedder: str | bool = "int8",
                quantized: bool | None = None) -> np.ndarray:
    """L2-normalised embeddings for clustering. `embedder`: "static" (the distilled token table,
    cached on disk), "int8" (a quantised copy of the models' embedder, made once per Models
    object and kept on it; the original is not touched; falls back to float32 when it cannot be
    quantised) or "fp32" (`models.embed`). True/False, or `quantized=`, are the legacy
    int8/fp32 flag."""
    kind = embedder_kind(embedder if quantized is None else quantized)
    if kind == "fp32" or not texts:
        return models.embed(texts)
    if kind == "static":
        from .static_embed import load_static

        return load_static(models).encode(texts)
    q = getattr(models, _QUANT_ATTR, None)
    if q is None:
        try:
            import warnings

            import torch

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch's deprecation notice for eager quantisation
                # the torch model (the default embedder itself runs as ONNX)
                st = getattr(models, "sentence_transformer", None)
                q = torch.quantization.quantize_dynamic(
                    st if st is not None else models.embedder, {torch.nn.Linear},
                    dtype=torch.qint8,
                )
        except Exception:  # no torch / no embedder object (test fakes): full precision
            q = False
        try:
            setattr(models, _QUANT_ATTR, q)
        except AttributeError:
            pass
    if q is False:
        return models.embed(texts)
    vecs = q.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vecs, dtype="float32")


def featurize(
    articles: list[Article],
    models: Any,
    entity_mode: str = "caps",
    lead_chars: int = LEAD_CHARS,
    quantized: bool = False,
    known: list[np.ndarray | int | None] | None = None,
    embedder: str | None = None,
) -> list[Features]:
    """Features for a batch (the embedder and spaCy run batched). `known[i]`, when given, spares
    article i the embedder (it is a near-verbatim copy): either the copied article's stored vector,
    or the index of an earlier article of this batch whose vector it shares. `embedder` names the
    vectors ("static" | "int8" | "fp32"); without it the legacy `quantized` flag picks int8/fp32."""
    leads = [lead_text(a, lead_chars) for a in articles]
    known = known or [None] * len(articles)
    todo = [i for i, k in enumerate(known) if k is None]
    kind = embedder_kind(embedder if embedder is not None else quantized)
    fresh = cheap_embed([leads[i] for i in todo], models, kind) if todo else []
    embs: list[np.ndarray] = [k if isinstance(k, np.ndarray) else np.zeros(0, "float32")
                              for k in known]
    for i, e in zip(todo, fresh, strict=True):
        embs[i] = e
    for i, k in enumerate(known):
        if isinstance(k, int) and not isinstance(k, bool) and 0 <= k < i:
            embs[i] = embs[k]
    windows = [lead_text(a, KEYWORD_CHARS) for a in articles]
    if entity_mode == "spacy":
        nlp = models.nlp
        keep = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
        disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
        ents = [
            sorted({e.text.lower() for e in doc.ents if e.label_ in keep})
            for doc in nlp.pipe(leads, disable=disable, batch_size=64)
        ]
    else:
        ents = [caps_entities(w) for w in windows]
    out = []
    for a, emb, win, ent in zip(articles, embs, windows, ents, strict=True):
        years = sorted({int(y) for y in _YEAR.findall(win[:1500])})
        day = article_day(a, a.text)
        out.append(Features(emb, keywords(win), ent, day, years, a.published is not None))
    return out


def _weighted_cos(a: Iterable[str], b: Iterable[str], idf: Callable[[str], float]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    shared = sum(idf(t) ** 2 for t in sa & sb)
    if shared == 0.0:
        return 0.0
    na = math.sqrt(sum(idf(t) ** 2 for t in sa))
    nb = math.sqrt(sum(idf(t) ** 2 for t in sb))
    return shared / (na * nb)


def time_signal(a: Features, b: Features, cfg: ClusterConfig) -> float | None:
    """+1 same time, -1 far apart, 0 unknown; None when both publication dates rule out one
    event."""
    if a.day and b.day:
        gap = abs((a.day - b.day).days)
        if a.pub and b.pub and gap > cfg.max_days:
            return None  # both publication dates known and far apart: never one story
        return 1.0 if gap <= 7 else 0.5 if gap <= cfg.max_days else -1.0
    if a.years and b.years:
        if max(a.years) == max(b.years):
            return 1.0
        if not set(a.years) & set(b.years):
            return -1.0
    return 0.0


Components = tuple[float, float, float, float]  # embedding cosine, keyword, entity, time


def components(
    a: Features, b: Features, cos: float, idf: Callable[[str], float], cfg: ClusterConfig
) -> Components | None:
    """The similarity signals of two articles; None when their dates rule out one event."""
    t = time_signal(a, b, cfg)
    if t is None:
        return None
    return (
        cos,
        _weighted_cos(a.keywords, b.keywords, idf),
        _weighted_cos(a.entities, b.entities, idf),
        t,
    )


def pair_score(comps: Components | None, cfg: ClusterConfig) -> float:
    """How likely two articles report the same event, roughly in [0, 1]."""
    if comps is None:
        return 0.0
    cos, kw, ent, t = comps
    return cfg.w_emb * cos + cfg.w_kw * kw + cfg.w_ent * ent + cfg.w_time * t


def _idf_rows(sets: list[list[str]], idf: Callable[[str], float]) -> np.ndarray:
    """Rows of idf weights over the union vocabulary, L2-normalised: their dot products are
    `_weighted_cos` of the term sets, for all pairs at once."""
    vocab = {t: j for j, t in enumerate(sorted({t for s in sets for t in s}))}
    x = np.zeros((len(sets), max(len(vocab), 1)), dtype="float64")
    weight = {t: idf(t) for t in vocab}
    for i, terms in enumerate(sets):
        for t in set(terms):
            x[i, vocab[t]] = weight[t]
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)


def score_matrix(
    feats: list[Features], idf: Callable[[str], float], cfg: ClusterConfig
) -> np.ndarray:
    """`pair_score` of every pair of `feats` (diagonal 0), computed with matrix products."""
    n = len(feats)
    emb = np.vstack([f.emb for f in feats]).astype("float64")
    kw = _idf_rows([f.keywords for f in feats], idf)
    ent = _idf_rows([f.entities for f in feats], idf)
    m = cfg.w_emb * (emb @ emb.T) + cfg.w_kw * (kw @ kw.T) + cfg.w_ent * (ent @ ent.T)
    for i in range(n):  # the time signal has branches; n <= split_cap keeps this loop small
        for j in range(i + 1, n):
            t = time_signal(feats[i], feats[j], cfg)
            m[i, j] = m[j, i] = 0.0 if t is None else m[i, j] + cfg.w_time * t
    np.fill_diagonal(m, 0.0)
    return m


def split_story(
    feats: list[Features], idf: Callable[[str], float], cfg: ClusterConfig
) -> list[int] | None:
    """The members (indices into `feats`) that should leave as a story of their own, or None.

    Spectral bipartition of the members' k-nearest-neighbour graph of pair scores: a story that
    swallowed the first articles of a second, similar event (two quakes, two rehab admissions)
    holds two dense groups joined by weak links, and its normalised cut is low. The smaller side
    leaves, so the story keeps its id. It does not look outside the story."""
    n = len(feats)
    if n < max(cfg.split_min, 2 * cfg.split_part):
        return None
    w = np.clip(score_matrix(feats, idf, cfg), 0.0, None)
    if cfg.split_knn and cfg.split_knn < n - 1:
        # keep each member's strongest links only: within one event the graph stays connected,
        # while the few topic-level links that bridge two events mostly drop out
        nb = np.argsort(-w, axis=1)[:, : cfg.split_knn]
        keep = np.zeros_like(w, dtype=bool)
        keep[np.arange(n)[:, None], nb] = True
        w = np.where(keep | keep.T, w, 0.0)
    deg = w.sum(axis=1)
    if (deg <= 0).any():
        return None  # an isolated member: nothing to learn from a cut
    inv = 1.0 / np.sqrt(deg)
    lap = np.eye(n) - w * inv[:, None] * inv[None, :]
    _, vecs = np.linalg.eigh(lap)
    order = np.argsort(vecs[:, 1] * inv)  # the Fiedler vector orders members along the cut
    best, at = math.inf, 0
    for k in range(cfg.split_part, n - cfg.split_part + 1):
        a, b = order[:k], order[k:]
        cut = w[np.ix_(a, b)].sum()
        ncut = cut / deg[a].sum() + cut / deg[b].sum()
        if ncut < best:
            best, at = ncut, k
    if best > cfg.split_ncut:
        return None
    a, b = order[:at], order[at:]
    small = a if len(a) < len(b) or (len(a) == len(b) and a.min() > b.min()) else b
    return sorted(int(i) for i in small)


@dataclass
class Decision:
    story: int | None  # the story to join; None: start a new one
    merge: list[int] = field(default_factory=list)  # other stories the article bridges into it
    score: float = 0.0


def decide(neighbours: list[tuple[int, Components | None]], cfg: ClusterConfig) -> Decision:
    """Pick the story for an article from its neighbours `(story, components)`."""
    per_story: dict[int, list[float]] = {}
    for story, comps in neighbours:
        per_story.setdefault(story, []).append(pair_score(comps, cfg))
    scored = []
    for story, scores in per_story.items():
        best = sorted(scores, reverse=True)[: cfg.top]
        # a story is judged on its best few members among the neighbours (not one lucky link)
        scored.append((sum(best) / len(best), story))
    scored.sort(key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < cfg.join:
        return Decision(None, [], scored[0][0] if scored else 0.0)
    # the article bridges every story it is strongly close to; the oldest id survives
    winners = [s for sc, s in scored if sc >= cfg.merge]
    keep = min([scored[0][1], *winners])
    merge = sorted({scored[0][1], *winners} - {keep})
    return Decision(keep, merge, scored[0][0])


class MemoryClusterer:
    """The same algorithm without a store: for benchmarks and threshold tuning."""

    def __init__(self, cfg: ClusterConfig | None = None) -> None:
        self.cfg = cfg or ClusterConfig()
        self.feats: list[Features] = []
        self.story_of: list[int] = []
        self.df: dict[str, int] = {}
        self.next_story = 1
        self._mat = np.zeros((1024, 384), dtype="float32")
        self.members: dict[int, list[int]] = {}  # story -> article positions, in arrival order
        self.splits = 0

    def idf(self, term: str) -> float:
        n = len(self.feats) + 1
        return math.log((n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def add(self, feat: Features) -> int:
        neighbours = []
        if self.feats:
            sims = self._mat[: len(self.feats)] @ feat.emb
            k = min(self.cfg.k, len(sims))
            idx = np.argpartition(-sims, k - 1)[:k]
            neighbours = [
                (self.story_of[i], components(feat, self.feats[i], float(sims[i]), self.idf,
                                              self.cfg))
                for i in idx
            ]
        return self.assign(feat, neighbours)

    def place(self, neighbours: list[tuple[int, Components | None]]) -> int:
        """Decide the next article's story from its neighbours and apply any bridging merge; the
        one decision path shared by `assign` and the benchmark's fast replay."""
        d = decide(neighbours, self.cfg)
        if d.story is None:
            story = self.next_story
            self.next_story += 1
        else:
            story = d.story
            if d.merge:
                gone = set(d.merge)
                self.story_of = [story if s in gone else s for s in self.story_of]
                moved = [i for g in d.merge for i in self.members.pop(g, [])]
                if moved:
                    self.members[story] = sorted(self.members.get(story, []) + moved)
        return story

    def assign(self, feat: Features, neighbours: list[tuple[int, Components | None]]) -> int:
        story = self.place(neighbours)
        self.feats.append(feat)
        if len(self.feats) > len(self._mat):
            self._mat = np.vstack([self._mat, np.zeros_like(self._mat)])
        self._mat[len(self.feats) - 1] = feat.emb
        self.story_of.append(story)
        self.members.setdefault(story, []).append(len(self.feats) - 1)
        for t in set(feat.keywords) | set(feat.entities):
            self.df[t] = self.df.get(t, 0) + 1
        if self.cfg.split:
            self.maybe_split(story)
        return self.story_of[-1]  # a split may have moved the new article out

    def maybe_split(self, story: int) -> int | None:
        """Run the split test on `story` (its most recent `split_cap` members); returns the new
        story's id when members left. The article just added may end up on either side."""
        members = self.members.get(story, [])[-self.cfg.split_cap :]
        if len(members) < self.cfg.split_min:
            return None
        leave = split_story([self.feats[i] for i in members], self.idf, self.cfg)
        if not leave:
            return None
        new = self.next_story
        self.next_story += 1
        out = {members[j] for j in leave}
        for i in out:
            self.story_of[i] = new
        self.members[story] = [i for i in self.members[story] if i not in out]
        self.members[new] = sorted(out)
        self.splits += 1
        return new
