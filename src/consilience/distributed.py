"""Running the stages over Dask bags, so a corpus can be processed past one machine.

Decides how work is partitioned and where models live: each worker (or, without a distributed
Client, each process) loads one `Models` per (spacy_model, embedder_model) and reuses it for every
task; and, for corpus ingest, that workers load and featurise while the one writer (the corpus
engine) commits in input order. It decides nothing about articles: the stages do the work.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .ingest import DEFAULT_MAX_BYTES, iter_load
from .ingest.common import display_name
from .ingest.loader import skipped_note, walk_folder
from .model import Analysis, Article, IngestError, Report
from .resources import Models

__all__ = [
    "ModelsPlugin",
    "analyze_bag",
    "clear_models",
    "ScaleOutError",
    "compare_stories",
    "dask_client",
    "embed_bag",
    "expand_paths",
    "featurize_bag",
    "ingest_on_dask",
    "reports_on_dask",
    "load_bag",
    "model_loads",
    "open_client",
    "split_errors",
    "stories_bag",
    "worker_models",
]

ModelKey = tuple[str | None, str | None]

# The per-process fallback (synchronous/threaded/multiprocessing schedulers). Under a distributed
# Client the same structure lives on the Worker object instead, so two in-process workers
# (LocalCluster(processes=False)) each own their models, as they would on separate machines.
_PROCESS_CACHE: dict[str, Any] = {"models": {}, "loads": 0}
_LOCK = threading.Lock()  # a worker with several threads must not load the same models twice
_WORKER_ATTR = "_consilience_models"


def _current_worker() -> Any | None:
    try:
        from distributed import get_worker
    except ImportError:  # plain dask without distributed: only local schedulers exist
        return None
    try:
        return get_worker()
    except ValueError:  # not running inside a worker task
        return None


def _cache(worker: Any | None = None) -> dict[str, Any]:
    worker = worker if worker is not None else _current_worker()
    if worker is None:
        return _PROCESS_CACHE
    cache = getattr(worker, _WORKER_ATTR, None)
    if cache is None:
        cache = {"models": {}, "loads": 0}
        setattr(worker, _WORKER_ATTR, cache)
    return cache


def worker_models(
    spacy_model: str | None = None, embedder_model: str | None = None, *, worker: Any = None
) -> Models:
    """The `Models` of the current worker (or process) for these model names, created on first
    use and then reused by every task. The pipelines inside load lazily, on first access."""
    cache = _cache(worker)
    key: ModelKey = (spacy_model, embedder_model)
    with _LOCK:
        models = cache["models"].get(key)
        if models is None:
            models = Models(spacy_model=spacy_model, embedder_model=embedder_model)
            cache["models"][key] = models
            cache["loads"] += 1
    return models


def _local_loads(dask_worker: Any = None) -> int:
    # `client.run` passes the worker as `dask_worker`; get_worker() only works inside tasks
    return int(_cache(dask_worker)["loads"])


def model_loads(client: Any = None) -> int | dict[str, int]:
    """How many `Models` were created: in this process (no client), or per worker address."""
    if client is None:
        return _local_loads()
    return client.run(_local_loads)


def clear_models() -> None:
    """Forget this process's cached models (and reset its counter)."""
    with _LOCK:
        _PROCESS_CACHE["models"].clear()
        _PROCESS_CACHE["loads"] = 0


try:
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover - distributed is optional
    _PluginBase = object  # type: ignore[assignment,misc]


class ModelsPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Load the models when a worker starts (`client.register_plugin(ModelsPlugin())`), so the
    first task does not pay for it and a missing model fails at start-up, not mid-corpus."""

    def __init__(
        self, spacy_model: str | None = None, embedder_model: str | None = None,
        *, embedder: bool = False,
    ) -> None:
        self.spacy_model = spacy_model
        self.embedder_model = embedder_model
        self.embedder = embedder
        self.name = f"consilience-models-{spacy_model}-{embedder_model}"

    def setup(self, worker: Any) -> None:
        models = worker_models(self.spacy_model, self.embedder_model, worker=worker)
        models.nlp  # noqa: B018 - load now
        if self.embedder:
            models.embedder  # noqa: B018


# --------------------------------------------------------------------------- ingest


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Files to load, in the order `consilience.ingest` would read them: folders expanded
    recursively to their article files (sorted, hidden entries skipped, other files counted). Paths that are not folders are kept as given,
    so a missing file still becomes an IngestError, and so does an empty folder."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            out.append(str(item))
            continue
        # the same walk as consilience.ingest: article formats only, the rest counted in one line
        found, skipped = walk_folder(path)
        if not found:
            out.append(str(item))  # the loader reports the folder
            continue
        skipped_note(path, display_name(item), skipped)
        out.extend(str(p) for p in found)
    return out


def _load_partition(files: Sequence[str], max_bytes: int) -> list[Article | IngestError]:
    try:
        return list(iter_load(list(files), max_bytes=max_bytes))
    except Exception as exc:  # noqa: BLE001 - a partition never raises; its files are named
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return [IngestError(f, f"unexpected {type(exc).__name__}: {reason}") for f in files]


def load_bag(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    npartitions: int | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Any:
    """A Dask bag of Articles and IngestErrors, one file group per partition. Workers read the
    files, so the paths must be visible to them (a shared or network filesystem). Errors are
    records in the bag, never exceptions. Ids are made unique within a partition only."""
    import dask.bag as db

    files = expand_paths(paths)
    if not files:
        return db.from_sequence([], npartitions=1)
    n = max(1, min(npartitions or min(len(files), 100), len(files)))
    return db.from_sequence(files, npartitions=n).map_partitions(
        _load_partition, max_bytes, token="consilience-load"
    )


# --------------------------------------------------------------------------- analyze / embed


def _failed(article: Article, stage: str, exc: Exception) -> IngestError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return IngestError(article.origin_path or article.id, f"{stage} failed: {reason}")


def _analyze_partition(
    items: Iterable[Article | IngestError],
    spacy_model: str | None,
    embedder_model: str | None,
    batch_size: int,
) -> list[Analysis | IngestError]:
    from .analysis import iter_analyze

    items = list(items)
    articles = [x for x in items if isinstance(x, Article)]
    models = worker_models(spacy_model, embedder_model)
    try:
        done = iter(list(iter_analyze(articles, models, batch_size)))
    except Exception:  # noqa: BLE001 - find the one bad article instead of losing the partition
        done = iter(_analyze_each(articles, models))
    out = [next(done) if isinstance(x, Article) else x for x in items]
    # too long, or over its time budget: an error naming the article, like any failed analysis
    return [IngestError(x.article.origin_path or x.article.id, x.failed)
            if isinstance(x, Analysis) and x.failed else x for x in out]


def _analyze_each(articles: list[Article], models: Models) -> list[Analysis | IngestError]:
    from .analysis import iter_analyze

    out: list[Analysis | IngestError] = []
    for art in articles:
        try:
            out.extend(iter_analyze([art], models, 1))
        except Exception as exc:  # noqa: BLE001
            out.append(_failed(art, "analysis", exc))
    return out


def analyze_bag(
    articles_bag: Any,
    *,
    spacy_model: str | None = None,
    embedder_model: str | None = None,
    batch_size: int = 16,
) -> Any:
    """Analyse every Article of the bag (`consilience.analysis.iter_analyze` per partition), with
    the worker's cached models. IngestErrors pass through in place; an article whose analysis
    fails becomes an IngestError naming it. Order within partitions is kept."""
    return articles_bag.map_partitions(
        _analyze_partition, spacy_model, embedder_model, batch_size, token="consilience-analyze"
    )


def _embed_partition(
    items: Iterable[Article | IngestError],
    spacy_model: str | None,
    embedder_model: str | None,
    lead_chars: int,
) -> list[tuple[str, Any] | IngestError]:
    from .text import lead_text

    items = list(items)
    articles = [x for x in items if isinstance(x, Article)]
    if not articles:
        return items
    vecs = worker_models(spacy_model, embedder_model).embed(
        [lead_text(a, lead_chars) for a in articles]
    )
    rows = iter(zip((a.id for a in articles), vecs, strict=True))
    return [next(rows) if isinstance(x, Article) else x for x in items]


def embed_bag(
    articles_bag: Any,
    *,
    spacy_model: str | None = None,
    embedder_model: str | None = None,
    lead_chars: int | None = None,
) -> Any:
    """The cheap tier for story clustering: `(article id, vector)` per Article, the vector being
    the normalised embedding of title + lead exactly as `consilience.corpus.cluster` computes it.
    IngestErrors pass through. Only the embedder is loaded, not spaCy."""
    from .text import LEAD_CHARS

    return articles_bag.map_partitions(
        _embed_partition, spacy_model, embedder_model,
        LEAD_CHARS if lead_chars is None else lead_chars, token="consilience-embed",
    )


# --------------------------------------------------------------------------- stories


def stories_bag(analyses_bag: Any, story_of: Mapping[str, Hashable]) -> Any:
    """Group analyses into stories: a bag of `(story key, [Analysis...])`, articles in the order
    of `story_of` (article id -> story key). Articles not in `story_of` and errors are dropped."""
    rank = {aid: i for i, aid in enumerate(story_of)}
    keyed = analyses_bag.filter(
        lambda x: isinstance(x, Analysis) and x.article.id in rank
    )
    grouped = keyed.foldby(
        lambda an: story_of[an.article.id],
        lambda acc, an: [*acc, an], [],
        lambda a, b: a + b, [],
    )
    return grouped.map(lambda kv: (kv[0], sorted(kv[1], key=lambda an: rank[an.article.id])))


def _compare_one(
    group: Any, spacy_model: str | None, embedder_model: str | None
) -> Any:
    from .story.build import compare_analyses

    keyed = isinstance(group, tuple) and len(group) == 2 and not isinstance(group[0], Analysis)
    key, analyses = group if keyed else (None, list(group))
    try:
        report: Report | IngestError = compare_analyses(
            list(analyses), worker_models(spacy_model, embedder_model)
        )
    except Exception as exc:  # noqa: BLE001 - one bad story must not stop the others
        ids = ",".join(an.article.id for an in analyses[:5])
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        report = IngestError(f"story {key if key is not None else ids}", f"comparison failed: {reason}")
    return (key, report) if keyed else report


def compare_stories(
    groups_bag: Any, *, spacy_model: str | None = None, embedder_model: str | None = None
) -> Any:
    """`consilience.story.build.compare_analyses` per story. Each element is a list of Analyses (->
    Report) or a `(key, list)` pair as `stories_bag` makes (-> `(key, Report)`). A story that
    cannot be compared becomes an IngestError naming it instead of a Report."""
    return groups_bag.map(_compare_one, spacy_model, embedder_model)


def split_errors(results: Iterable[Any]) -> tuple[list[Any], list[IngestError]]:
    """Separate computed results from the IngestError records among them."""
    ok: list[Any] = []
    errors: list[IngestError] = []
    for item in results:
        (errors if isinstance(item, IngestError) else ok).append(item)
    return ok, errors


# --------------------------------------------------------------------------- corpus ingest


class ScaleOutError(RuntimeError):
    """Dask cannot be used: not installed, or the scheduler cannot be reached (one line)."""


class _OwnedClient:
    """A Client that also closes the LocalCluster it was made for."""

    def __init__(self, client: Any, cluster: Any = None) -> None:
        self.client, self.cluster = client, cluster

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_client(
    address: str | None = None, workers: int | None = None, *, timeout: str = "30s"
) -> Any:
    """A Client of the scheduler at `address`, or of a new LocalCluster of `workers` worker
    processes (one thread each: spaCy holds the GIL) on 127.0.0.1; `close()` stops both.
    Quiet: only errors are logged. Raises ScaleOutError with a one-line reason."""
    import logging

    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleOutError("--dask/--workers need dask.distributed: "
                            "pip install 'consilience[scale]'") from exc
    if address:
        try:
            return _OwnedClient(Client(address, timeout=timeout))
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ScaleOutError(f"Dask scheduler {address}: cannot connect ({reason})") from exc
    if not workers or workers < 1:
        raise ScaleOutError(f"--workers {workers}: give 1 or more worker processes")
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    return _OwnedClient(Client(cluster), cluster)


@contextmanager
def dask_client(address: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """`open_client` as a context manager."""
    client = open_client(address, workers)
    try:
        yield client
    finally:
        client.close()


def _featurize_partition(
    items: Iterable[Article | IngestError], spacy_model: str | None,
    embedder_model: str | None, entity_mode: str, lead_chars: int, embedder: str,
) -> list[tuple[Article, Any, Any] | Article | IngestError]:
    from .corpus import dedup
    from .corpus.cluster import featurize
    from .corpus.engine import REUSE_EMBEDDING_JACCARD, _check

    items = list(items)
    todo = [x for x in items if isinstance(x, Article) and _check(x) is None]
    if not todo:
        return items
    models = worker_models(spacy_model, embedder_model)
    sigs = [dedup.signature(a.text) for a in todo]
    # a near-verbatim copy earlier in the partition lends its vector, as the writer does
    known: list[Any] = []
    for i, sig in enumerate(sigs):
        known.append(next((j for j in range(i) if known[j] is None
                           and sig.jaccard(sigs[j]) >= REUSE_EMBEDDING_JACCARD), None))

    def run(arts: list[Article], kn: list[Any]) -> list[Any]:
        return featurize(arts, models, entity_mode, lead_chars, known=kn, embedder=embedder)

    try:
        feats: list[Any] = run(todo, known)
    except Exception:  # noqa: BLE001 - find the bad article instead of losing the partition
        feats = []
        for art in todo:
            try:
                feats.extend(run([art], [None]))
            except Exception as exc:  # noqa: BLE001
                feats.append(_failed(art, "featurising", exc))
    done = {id(a): (f if isinstance(f, IngestError) else (a, f, s))
            for a, f, s in zip(todo, feats, sigs, strict=True)}
    return [done.get(id(x), x) for x in items]  # failed checks pass on: the writer rejects them


def featurize_bag(
    articles_bag: Any, config: Any, *, spacy_model: str | None = None,
    embedder_model: str | None = None,
) -> Any:
    """The corpus engine's cheap tier on the workers: `(Article, Features, MinHash)` per article,
    computed with `config` (a ClusterConfig, from `Corpus.featurize_config()`). IngestErrors and
    articles that cannot be placed (no text) pass through for the writer to record."""
    return articles_bag.map_partitions(
        _featurize_partition, spacy_model, embedder_model, config.entity_mode,
        config.lead_chars, config.embedder, token="consilience-featurize",
    )


def _in_order(client: Any, parts: list[Any], window: int) -> Iterator[list[Any]]:
    """Partition results in order, with at most `window` partitions computing ahead."""
    pending: deque = deque()
    it = iter(parts)
    for part in it:
        pending.append(client.compute(part))
        if len(pending) >= window:
            break
    while pending:
        fut = pending.popleft()
        result = fut.result()
        fut.release()
        nxt = next(it, None)
        if nxt is not None:
            pending.append(client.compute(nxt))
        yield result


def ingest_on_dask(
    corpus: Any,
    paths: Sequence[str | os.PathLike],
    client: Any,
    *,
    npartitions: int | None = None,
    raw_of: Callable[[Article], str | None] | None = None,
) -> Iterator[Any]:
    """Ingest with Dask: workers read the files and featurise (embedding included); this
    process, the one writer, commits each article in input order with the engine's usual checks
    (`Corpus.add_prepared`). Yields the engine's AddResult per article and a "rejected" AddResult
    per unreadable file/record (also stored in the rejects table). Memory stays bounded: only a
    window of partitions is in flight. Workers must see `paths` (a shared filesystem)."""
    from .corpus.engine import AddResult

    cfg = corpus.featurize_config()
    if cfg.embedder == "static":
        from .corpus.static_embed import load_static

        load_static(corpus.models)  # built once here and cached, so workers only read it
    models = corpus.models
    files = expand_paths(paths)
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    n = npartitions or min(max(len(files), 1), 4 * nworkers, 256)
    bag = featurize_bag(
        load_bag(files, npartitions=n), cfg,
        spacy_model=getattr(models, "spacy_model", None),
        embedder_model=getattr(models, "embedder_model", None),
    )
    for part in _in_order(client, bag.to_delayed(), window=2 * nworkers):
        for item in part:
            if isinstance(item, IngestError):
                corpus.store.reject(item.where, item.reason)
                yield AddResult("rejected", item.where, reason=item.reason)
            elif isinstance(item, Article):
                yield corpus.add_prepared(item, None)  # screened out, never featurised
            else:
                art, feat, sig = item
                yield corpus.add_prepared(art, feat, sig, raw_of(art) if raw_of else None)


def reports_on_dask(
    corpus: Any, stories: Iterable[int], client: Any, fmt: str = "json",
    *, npartitions: int | None = None,
) -> int:
    """Compute and cache the report of each story: the articles are analysed on the workers
    (spaCy, the heavy part), then compared, rendered and cached by this process. Returns how many
    reports were made. A story whose analysis fails is reported from a local analysis instead."""
    import dask.bag as db

    models = corpus.models
    wanted = {s: corpus.store.story_articles(s) for s in stories}
    articles = [a for arts in wanted.values() for a in arts]
    if not articles:
        return 0
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    bag = analyze_bag(
        db.from_sequence(articles, npartitions=npartitions or min(len(articles), 4 * nworkers)),
        spacy_model=getattr(models, "spacy_model", None),
        embedder_model=getattr(models, "embedder_model", None),
    )
    done, _ = split_errors(client.compute(bag).result())
    by_id = {an.article.id: an for an in done}
    for story, arts in wanted.items():
        analyses = [by_id.get(a.id) for a in arts]
        corpus.report(story, fmt, analyses=None if None in analyses else analyses)
    return len(wanted)
