"""Running the stages over Dask bags, so a corpus can be processed past one machine.

Decides how work is partitioned and where models live: each worker (or, without a distributed
Client, each process) loads one `Models` per (spacy_model, embedder_model) and reuses it for every
task. It decides nothing about articles: the stage functions do the work, unchanged.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .ingest import DEFAULT_MAX_BYTES, iter_load
from .model import Analysis, Article, IngestError, Report
from .resources import Models

__all__ = [
    "ModelsPlugin",
    "analyze_bag",
    "clear_models",
    "compare_stories",
    "embed_bag",
    "expand_paths",
    "load_bag",
    "model_loads",
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
    recursively (sorted, hidden entries skipped). Paths that are not folders are kept as given,
    so a missing file still becomes an IngestError, and so does an empty folder."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            out.append(str(item))
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(root) / n for n in files if not n.startswith("."))
        if not found:
            out.append(str(item))
        out.extend(str(p) for p in sorted(found, key=lambda p: p.relative_to(path).parts))
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
    return [next(done) if isinstance(x, Article) else x for x in items]


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
    from .corpus.cluster import lead_text

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
    from .corpus.cluster import LEAD_CHARS

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
