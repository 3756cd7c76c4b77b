"""Corpus mode: ingest articles one transaction at a time, detect copies, assign stories, report.

It wires store (truth), dedup (origins), index (k-NN) and cluster (the story decision) together.
Each article is featurised outside the write lock and committed inside one `BEGIN IMMEDIATE`
transaction that first catches up on rows other writers committed. Deep claim analysis is not
done here at ingest time unless asked (`analyze_ready`); reports are computed on demand and cached.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Analysis, Article, IngestError, Origins, Report
from ..resources import DEFAULT_EMBEDDER
from ..story.syndication import content_hash
from . import dedup
from .cluster import (
    EMBEDDERS,
    ClusterConfig,
    Features,
    components,
    decide,
    embedder_kind,
    featurize,
    split_story,
)
from .index import VectorIndex
from .store import SQLiteStore, StoreError, article_to_json, now

SAVE_EVERY = 2000  # index saves (atomic) this often; the DB holds everything meanwhile
# A copy this close (estimated Jaccard of 5-word shingles) reuses its original's stored embedding
# instead of running the embedder: its title and lead are (near) the same text.
REUSE_EMBEDDING_JACCARD = 0.8


@dataclass
class AddResult:
    status: str  # "loaded" | "duplicate" | "rejected"
    article: str
    story: int | None = None
    origin: str | None = None
    near_duplicate_of: str | None = None  # set when this is a copy of a stored article
    similarity: float | None = None
    new_story: bool = False
    merged: list[int] | None = None
    reason: str | None = None


class Corpus:
    """An opened corpus database. Use as a context manager or call `close()`."""

    def __init__(
        self,
        db: str | Path,
        models: Any = None,
        config: ClusterConfig | None = None,
        store: Any = None,
        index_path: str | Path | None = None,
    ) -> None:
        self.db = Path(db)
        self.store = store or SQLiteStore(self.db)
        # the k-NN cache; backend.open_corpus puts a PostgreSQL corpus's in the user cache
        self.index_path = Path(index_path) if index_path else Path(str(self.db) + ".hnsw")
        self.cfg = config or ClusterConfig()
        # without an explicit config the corpus adopts the vector kind it was built with
        self._explicit_embedder = config is not None
        self._vectors_checked = False
        self._models = models
        self._index: VectorIndex | None = None
        self._dups: dedup.NearDupIndex | None = None
        self._scheme = dedup.signature("x").scheme

    # ------------------------------------------------------------------ lazily opened indexes
    @property
    def models(self) -> Any:
        if self._models is None:
            from ..resources import Models

            self._models = Models()
        return self._models

    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            self._index = VectorIndex(self.index_path)
            self._catch_up_index()
        return self._index

    @property
    def dups(self) -> dedup.NearDupIndex:
        if self._dups is None:
            self._dups = dedup.NearDupIndex()
            self._catch_up_dups()
        return self._dups

    def _catch_up_index(self) -> None:
        idx = self._index
        assert idx is not None
        labels, vecs = [], []
        for seq, blob in self.store.rows_after(idx.max_label, "embedding"):
            labels.append(seq)
            vecs.append(np.frombuffer(blob, dtype=np.float32))
            if len(labels) >= 5000:
                idx.add(labels, np.vstack(vecs))
                labels, vecs = [], []
        idx.add(labels, np.vstack(vecs) if vecs else np.zeros((0, idx.dim), "float32"))

    def _catch_up_dups(self) -> None:
        d = self._dups
        assert d is not None
        for seq, aid, blob in self.store.rows_after(d.max_seq, "id, minhash"):
            d.add(aid, dedup.from_blob(blob, self._scheme), seq)

    def close(self) -> None:
        if self._index is not None and self._index.dirty:
            self._index.save()
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest
    def add_many(
        self, articles: Iterable[Article], batch_size: int = 32, raws: dict[str, str] | None = None
    ) -> Iterator[AddResult]:
        """Add articles; featurises in batches, commits one article per transaction."""
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._add_batch(batch, raws)
                batch = []
        if batch:
            yield from self._add_batch(batch, raws)

    def add(self, article: Article, raw: str | None = None) -> AddResult:
        return next(self._add_batch([article], {article.id: raw} if raw else None))

    def _screen(self, art: Article) -> AddResult | str:
        """A rejection or duplicate result, or the content hash of an article to add."""
        problem = _check(art)
        if problem:
            self.store.reject(art.origin_path or art.id or "?", problem)
            return AddResult("rejected", art.id, reason=problem)
        h = content_hash(art.text)
        stored = self.store.q("SELECT content_hash, story FROM articles WHERE id=?", (art.id,))
        if stored and stored[0][0] != h:
            reason = f"id {art.id!r} is already stored with a different text"
            self.store.reject(art.origin_path or art.id, reason)
            return AddResult("rejected", art.id, reason=reason)
        same = stored[0][1] if stored else None
        if same is None:
            twin = self.store.find_same(h, art.source, art.title)
            same = self.store.story_of(twin) if twin else None
        if same is not None:
            return AddResult("duplicate", art.id, story=same)
        return h

    def featurize_config(self) -> ClusterConfig:
        """The settings features must be computed with for this corpus (its vector kind
        adopted or checked first): what a Dask worker needs to featurise for this writer."""
        self._check_vectors()
        return self.cfg

    def add_prepared(
        self, art: Article, feat: Features, sig: Any = None, raw: str | None = None
    ) -> AddResult:
        """Add one article whose features were computed elsewhere (a Dask worker, with
        `featurize_config()`): the same checks and the same one-transaction commit as `add`."""
        screened = self._screen(art)
        if isinstance(screened, AddResult):
            return screened
        self._check_vectors()
        result = self._commit(art, screened, feat, raw, sig)
        if self.index.dirty >= SAVE_EVERY:
            self.index.save()
        return result

    def _add_batch(self, batch: list[Article], raws: dict[str, str] | None) -> Iterator[AddResult]:
        todo = []
        for art in batch:
            screened = self._screen(art)
            if isinstance(screened, AddResult):
                yield screened
            else:
                todo.append((art, screened))
        if not todo:
            return
        self._check_vectors()
        sigs = [dedup.signature(a.text) for a, _ in todo]
        feats = featurize([a for a, _ in todo], self.models, self.cfg.entity_mode,
                          self.cfg.lead_chars, self.cfg.quantized,
                          known=self._known_embeddings(sigs), embedder=self.cfg.embedder)
        for (art, h), feat, sig in zip(todo, feats, sigs, strict=True):
            yield self._commit(art, h, feat, (raws or {}).get(art.id), sig)
        if self.index.dirty >= SAVE_EVERY:
            self.index.save()

    def vector_kind(self) -> str:
        """What the configured embedder's vectors are, as recorded in the store's meta table."""
        kind = embedder_kind(self.cfg.embedder)
        model = getattr(self._models, "embedder_model", None) or DEFAULT_EMBEDDER
        if kind == "static":
            from .static_embed import STATIC_VERSION

            return f"static-v{STATIC_VERSION}:{model}"
        return f"{kind}:{model}"

    def _check_vectors(self) -> None:
        """One corpus never mixes vector kinds (they are not comparable): record the kind on
        first ingest; later, adopt it (no explicit config) or refuse a different one."""
        if self._vectors_checked:
            return
        st = self.store
        with st.write():
            stored = st.meta("embedder")
            if stored is None:
                # a corpus filled before the kind was recorded used the int8 default
                stored = f"int8:{DEFAULT_EMBEDDER}" if st.max_seq() else self.vector_kind()
                st.set_meta("embedder", stored)
        if stored != self.vector_kind():
            kind = stored.split(":", 1)[0].split("-v", 1)[0]
            if not self._explicit_embedder and kind in EMBEDDERS:
                self.cfg = replace(self.cfg, embedder=kind)
            if stored != self.vector_kind():
                raise StoreError(
                    f"{self.store.path}: holds {stored} vectors but the embedder makes "
                    f"{self.vector_kind()}; a corpus never mixes vector kinds (open it with "
                    f"embedder={kind!r} / --vectors {kind}, or use a new database)")
        self._vectors_checked = True

    def _known_embeddings(self, sigs: list[Any]) -> list[np.ndarray | int | None]:
        """Per batch article: a stored copy's embedding, else the index of an earlier copy in
        this batch (wire copies tend to arrive together), else None (to be embedded)."""
        out: list[np.ndarray | int | None] = []
        for i, sig in enumerate(sigs):
            found: np.ndarray | int | None = self._copy_embedding(sig)
            if found is None:
                for j in range(i):
                    if out[j] is None and sig.jaccard(sigs[j]) >= REUSE_EMBEDDING_JACCARD:
                        found = j
                        break
            out.append(found)
        return out

    def _copy_embedding(self, sig: Any) -> np.ndarray | None:
        """The stored embedding of a near-verbatim copy of this text, if there is one: the
        embedder is most of the cheap tier's cost, and a wire copy's lead embeds the same. Only a
        shortcut -- the copy decision itself is re-made inside the write transaction."""
        match = self.dups.best_match(sig)
        if match is None or match[1] < REUSE_EMBEDDING_JACCARD:
            return None
        rows = self.store.q("SELECT embedding FROM articles WHERE id=?", (match[0],))
        if not rows or rows[0][0] is None:
            return None
        return np.frombuffer(rows[0][0], dtype=np.float32).copy()

    def _commit(
        self, art: Article, h: str, feat: Features, raw: str | None, sig: Any = None
    ) -> AddResult:
        sig = sig if sig is not None else dedup.signature(art.text)
        self._check_vectors()
        st = self.store
        with st.write():
            # another writer may have committed since we looked: recheck, then catch up
            if st.has_article(art.id) or st.find_same(h, art.source, art.title):
                return AddResult("duplicate", art.id, story=st.story_of(art.id))
            if self._index is None:
                _ = self.index  # opens (loads or rebuilds) and catches up
            else:
                self._catch_up_index()
            if self._dups is None:
                _ = self.dups
            else:
                self._catch_up_dups()
            origin, near, sim = art.id, None, None
            exact = st.first_with_hash(h)
            if exact:
                near, origin, sim = exact[0], exact[1], 1.0
            else:
                match = self.dups.best_match(sig)
                if match:
                    near, sim = match
                    origin = st.q("SELECT origin FROM articles WHERE id=?", (near,))[0][0]
            decision = self._decide(feat)
            dated = art.published.isoformat() if art.published else None
            seen = dated or now()  # the row's arrival order; a story's dates come from `dated`
            merged: list[int] = []
            if decision.story is None:
                story = st.new_story(art.title, dated)
                new = True
            else:
                story, new = decision.story, False
                for other in decision.merge:
                    st.merge_stories(story, other, art.id)
                    merged.append(other)
            st.touch_story(story, dated)
            seq = st.insert_article({
                "id": art.id,
                "content_hash": h,
                "source": art.source,
                "title": art.title,
                "published": art.published.isoformat() if art.published else None,
                "seen": seen,
                "ingested_at": now(),
                "article": article_to_json(art),
                "raw": raw,
                "origin": origin,
                "near_dup_of": near,
                "dup_similarity": sim,
                "story": story,
                "minhash": dedup.to_blob(sig),
                "embedding": np.asarray(feat.emb, dtype=np.float32).tobytes(),
                "features": json.dumps(feat.to_json()),
            })
            st.bump_df(sorted(set(feat.keywords) | set(feat.entities)))
            if self.cfg.split:
                moved = self._split(story, art.id)
                if moved is not None:
                    story, new = moved, True
        # only after COMMIT: the in-memory indexes must never hold an uncommitted row
        self.index.add([seq], feat.emb[None, :])
        self.dups.add(art.id, sig, seq)
        return AddResult("loaded", art.id, story, origin, near, sim, new, merged or None)

    def _decide(self, feat: Features):
        st = self.store
        hits = self.index.query(feat.emb, self.cfg.k)
        found = []
        if hits:
            cos_of = dict(hits)
            rows = st.rows_by_seq([s for s, _ in hits], "story, features")
            for seq, story, fjson in rows:
                nf = Features.from_json(json.loads(fjson), np.zeros(0, dtype=np.float32))
                found.append((story, nf, cos_of[seq]))
        terms = sorted(set(feat.keywords) | set(feat.entities))
        for _, nf, _ in found:
            terms.extend(nf.keywords)
            terms.extend(nf.entities)
        df = st.df(sorted(set(terms)))
        n = st.max_seq() + 1

        def idf(term: str) -> float:
            return math.log((n + 1) / (df.get(term, 0) + 1)) + 1.0

        neighbours = [(story, components(feat, nf, cos, idf, self.cfg))
                      for story, nf, cos in found]
        return decide(neighbours, self.cfg)

    def _split(self, story: int, article_id: str) -> int | None:
        """Test `story` for two events (cluster.split_story, on its `split_cap` most recent
        members) and move the smaller group to a new story; the larger keeps the id. Returns the
        new story's id when `article_id` is among the movers. Runs inside the write transaction."""
        st, cfg = self.store, self.cfg
        rows = st.q(
            "SELECT id, seen, embedding, features FROM articles WHERE story=? "
            "ORDER BY seq DESC LIMIT ?", (story, cfg.split_cap))
        if len(rows) < cfg.split_min or any(r[2] is None for r in rows):
            return None
        rows.reverse()
        feats = [Features.from_json(json.loads(f), np.frombuffer(e, dtype=np.float32))
                 for _, _, e, f in rows]
        df = st.df(sorted({t for f in feats for t in (*f.keywords, *f.entities)}))
        n = st.max_seq() + 1

        def idf(term: str) -> float:
            return math.log((n + 1) / (df.get(term, 0) + 1)) + 1.0

        leave = split_story(feats, idf, cfg)
        if not leave:
            return None
        movers = [rows[j] for j in leave]
        title = st.q("SELECT title FROM articles WHERE id=?", (movers[0][0],))[0][0]
        new = st.new_story(title, movers[0][1])
        ids = [r[0] for r in movers]
        st.split_story(story, new, ids, article_id)
        return new if article_id in ids else None

    # ------------------------------------------------------------------ read side
    def origins(self, story: int) -> Origins:
        """The story's origin groups in the form the comparison takes."""
        origin_of = self.store.origins_of(story)
        copies: dict[str, list[str]] = {}
        for aid, origin in origin_of.items():
            if aid != origin:
                copies.setdefault(origin, []).append(aid)
        return Origins(origin_of=origin_of, copies=copies)

    def report(
        self, story: int, fmt: str = "json", use_cache: bool = True,
        analyses: list[Analysis] | None = None
    ) -> str:
        """The comparison report of one story, rendered; cached until the story changes.
        `analyses`: the story's articles already analysed (on Dask), else analysed here."""
        live = self.store.resolve_story(story)
        if live is None:
            raise StoreError(f"story {story}: no such story in {self.store.path}")
        row = self.store.story(live)
        assert row is not None
        if use_cache:
            cached = self.store.cached_report(live, fmt, row.version)
            if cached is not None:
                return cached
        body = render_report(self.build_report(live, analyses), fmt)
        self.store.cache_report(live, fmt, row.version, body)
        return body

    def build_report(self, story: int, analyses: list[Analysis] | None = None) -> Report:
        from ..analysis import analyze
        from ..story.build import compare_analyses

        if analyses is None:
            analyses = analyze(self.store.story_articles(story), self.models)
        # an article too long or too slow to analyse is listed as an error; the others report
        failed = [IngestError(an.article.origin_path or an.article.id, an.failed)
                  for an in analyses if an.failed]
        analyses = [an for an in analyses if not an.failed]
        if not analyses:
            return Report(articles=[], errors=failed)
        origins = self.origins(story)
        report = compare_analyses(analyses, self.models, origins=origins)
        # the corpus knows copies across the whole store (not just within the story's texts)
        copies = {k: list(v) for k, v in report.copies.items()}
        for origin, cps in origins.copies.items():
            have = copies.setdefault(origin, [])
            have.extend(c for c in cps if c not in have)
        return replace(report, origins={**report.origins, **origins.origin_of}, copies=copies,
                       errors=list(report.errors) + failed)

    def stories_with_origins(self, min_origins: int = 2) -> list[int]:
        rows = self.store.q(
            "SELECT story FROM articles GROUP BY story HAVING COUNT(DISTINCT origin) >= ?",
            (min_origins,),
        )
        return [r[0] for r in rows]


def render_report(report: Report, fmt: str) -> str:
    """The story's report in `fmt` (json, md, html or text), through consilience.render."""
    from ..render import render_report as render

    return render(report, fmt)


def _check(art: Article) -> str | None:
    if not isinstance(art, Article):
        return f"not an article ({type(art).__name__})"
    if not art.id:
        return "article has no id"
    if not art.text or not art.text.strip():
        return "article has no text"
    if len(art.text.split()) < 5:
        return "article text is too short to place in a story (under 5 words)"
    return None
