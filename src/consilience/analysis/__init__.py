"""Per-article analysis: sentences, entities, quotes, quantities, times, certainty.

`analyze` runs the spaCy pipeline once per article (batched with `nlp.pipe`; a long text in pieces,
see pieces.py) and hands the Doc to small extractor functions, one per module, within a time budget
per article (budget.py). Every extractor returns findings whose offsets index `Article.text` (the
Doc is built from exactly that text). Nothing here compares articles.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from ..model import Analysis, Article
from ..resources import Models
from .budget import OverBudget, budget_for, within_budget
from .entities import extract_entities
from .modality import extract_clauses
from .pieces import PIECE_CHARS, parse_long, too_long
from .quantities import extract_quantities
from .quotes import extract_quotes
from .sentences import extract_paragraphs, extract_sentences
from .times import extract_times

log = logging.getLogger(__name__)


def _guarded(problems: list[str], name: str, article: Article, fn, *args, default):
    """Run one extractor; a bug in it costs this article that finding type, never the batch."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - isolate any extractor failure
        problems.append(f"{name}: {type(exc).__name__}: {exc}")
        log.warning("article %s: %s extractor failed: %s", article.id, name, exc)
        return default


def analyze_doc(doc, article: Article) -> Analysis:
    """All findings for one article from its parsed spaCy Doc.

    Each extractor is isolated: if one fails on an odd article, its findings are empty, the failure
    is recorded in `Analysis.problems`, and every other finding is kept.
    """
    p: list[str] = []
    sentences = _guarded(p, "sentences", article, extract_sentences, doc, article, default=[])
    paragraphs = _guarded(p, "paragraphs", article, extract_paragraphs, article, default=[])
    mentions, entities = _guarded(p, "entities", article, extract_entities, doc, article, default=([], []))
    quotes = _guarded(p, "quotes", article, extract_quotes, doc, article, mentions, entities, default=[])
    quantities = _guarded(p, "quantities", article, extract_quantities, doc, article, default=[])
    times = _guarded(p, "times", article, extract_times, doc, article, default=[])
    clauses = _guarded(p, "clauses", article, extract_clauses, doc, article, default=[])
    return Analysis(
        article=article,
        sentences=sentences,
        paragraphs=paragraphs,
        mentions=mentions,
        entities=entities,
        quotes=quotes,
        quantities=quantities,
        times=times,
        clauses=clauses,
        problems=p,
        doc=doc,
    )


def _failed(article: Article, reason: str) -> Analysis:
    log.info("article %s: %s", article.origin_path or article.id, reason)
    return Analysis(article=article, problems=[reason], failed=reason)


def _parsed(nlp, batch: list[Article]) -> Iterator[tuple[Article, object | None, str | None]]:
    """(article, Doc, None) or (article, None, why not) for each article of `batch`, in order.
    Ordinary texts go through `nlp.pipe` together; a long one is parsed in pieces."""
    short = [a.text for a in batch if len(a.text) <= PIECE_CHARS]
    docs = iter(nlp.pipe(short, batch_size=max(1, len(short))) if short else ())
    for article in batch:
        if len(article.text) <= PIECE_CHARS:
            yield article, next(docs), None
            continue
        why = too_long(article.text)
        if why:
            yield article, None, why
            continue
        try:
            yield article, parse_long(nlp, article.text), None
        except Exception as exc:  # noqa: BLE001 - one article, never the batch
            yield article, None, f"cannot parse ({type(exc).__name__}: {exc})".splitlines()[0]


def iter_analyze(
    articles: Iterable[Article],
    models: Models | None = None,
    batch_size: int = 16,
    *,
    budget: bool = True,
) -> Iterator[Analysis]:
    """Analyse articles lazily, in batches through `nlp.pipe`; one Analysis per article, in order.

    A text over `MAX_ARTICLE_CHARS`, or whose analysis runs past its time budget
    (`budget.budget_for`; `budget=False` lifts it), gives an Analysis without findings whose
    `failed` says why (callers report it as one line naming the article); the others are
    unaffected.
    """
    models = models or Models()
    nlp = models.nlp
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _analyze_batch(nlp, batch, budget)
            batch = []
    if batch:
        yield from _analyze_batch(nlp, batch, budget)


def _analyze_batch(nlp, batch: list[Article], budget: bool) -> Iterator[Analysis]:
    for article, doc, why in _parsed(nlp, batch):
        if why is not None:
            yield _failed(article, why)
            continue
        seconds = budget_for(len(article.text)) if budget else None
        try:
            yield within_budget(lambda: analyze_doc(doc, article), seconds)  # noqa: B023
        except OverBudget as exc:
            yield _failed(article, str(exc))


# One Models per worker process, loaded once by the pool initializer (never at import time).
_WORKER_MODELS: Models | None = None


def _init_worker(spacy_model: str | None, embedder_model: str | None) -> None:
    global _WORKER_MODELS
    _WORKER_MODELS = Models(spacy_model=spacy_model, embedder_model=embedder_model)
    _WORKER_MODELS.nlp  # noqa: B018 - load now, not inside the first task


def _analyze_chunk(chunk: list[Article]) -> list[Analysis]:
    return list(iter_analyze(chunk, _WORKER_MODELS))


def analyze(
    articles: Iterable[Article],
    models: Models | None = None,
    batch_size: int = 16,
    workers: int = 1,
) -> list[Analysis]:
    """Analyse every article, in order. Offsets in the result index each `Article.text`.

    `workers > 1` runs chunks in that many processes, each loading the models once.
    """
    if workers <= 1:
        return list(iter_analyze(articles, models, batch_size))
    from concurrent.futures import ProcessPoolExecutor

    items = list(articles)
    models = models or Models()
    size = max(1, min(64, -(-len(items) // (workers * 4))))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    out: list[Analysis] = []
    with ProcessPoolExecutor(
        max_workers=workers,
        initializer=_init_worker,
        initargs=(models.spacy_model, models.embedder_model),
    ) as pool:
        for part in pool.map(_analyze_chunk, chunks):
            out.extend(part)
    return out
