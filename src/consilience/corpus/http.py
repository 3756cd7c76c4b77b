"""Corpus mode over HTTP: an APIRouter listing stories, serving story reports, adding articles.

It maps requests to the engine and errors to one-line 4xx messages; it decides nothing itself.
Mount with `app.include_router(make_router("corpus.db"))` (see consilience.http.create_app).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from ..http import ArticlesIn
from ..model import Article
from ..story.syndication import content_hash
from .engine import Corpus
from .store import STORIES_SCHEMA, SQLiteStore, StoreError

MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8",
         "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


def make_router(db: str | Path, prefix: str = "/corpus") -> APIRouter:
    """Routes over one corpus database. Writes are serialised inside the process (and by
    SQLite's lock across processes)."""
    router = APIRouter(prefix=prefix, tags=["corpus"])
    lock = threading.Lock()
    db = Path(db)

    def models_of(request: Request) -> Any:
        state = getattr(request.app, "state", None)
        return getattr(state, "models", None)

    @router.get("/stories")
    def list_stories(min_articles: int = Query(1, ge=1)) -> JSONResponse:
        try:
            store = SQLiteStore(db)
            rows = store.stories(min_articles)
            store.close()
        except StoreError as exc:
            raise HTTPException(500, str(exc)) from exc
        return JSONResponse({"schema": STORIES_SCHEMA, "stories": [r.to_json() for r in rows]})

    @router.get("/stories/{story}/report")
    def story_report(request: Request, story: int,
                     format: str = Query("json", pattern="^(json|md|html|text)$")) -> Response:
        with lock:
            try:
                with Corpus(db, models=models_of(request)) as corpus:
                    body = corpus.report(story, format)
            except StoreError as exc:
                raise HTTPException(404, str(exc)) from exc
        return Response(body, media_type=MEDIA[format])

    @router.post("/articles")
    def add_articles(request: Request, payload: ArticlesIn) -> JSONResponse:
        # the same validation, limits and one-line 422 messages as POST /compare
        arts = [Article(id=it.id or "h" + content_hash(it.text)[:16], text=it.text,
                        title=it.title, source=it.source, url=it.url, published=it.published)
                for it in payload.articles]
        with lock:
            try:
                with Corpus(db, models=models_of(request)) as corpus:
                    results = list(corpus.add_many(arts))
            except StoreError as exc:
                raise HTTPException(500, str(exc)) from exc
        return JSONResponse({"results": [
            {"article": r.article, "status": r.status, "story": r.story, "origin": r.origin,
             "near_duplicate_of": r.near_duplicate_of, "reason": r.reason} for r in results]})

    return router
