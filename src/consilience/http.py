"""The HTTP API (FastAPI): POST /analyze and POST /compare return the JSON contracts (or md, html,
text with ?format=), GET / serves the web page, GET /health says whether models are loaded.

Decides request validation (422 with a one-line message), limits and content types. Models are
loaded once per app in the lifespan and shared by requests. Corpus mode extends the app returned
by `create_app` with `app.include_router(router)` (or `create_app(routers=[...])`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from importlib.resources import files
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .resources import Models
from .web.headers import SecurityHeaders
from .web.limits import BODY_TIMEOUT, HEADER_TIMEOUT, MAX_BODY_BYTES, BodyLimit, TimedH11Protocol

MAX_ARTICLES = 100
MAX_CHARS = 300_000  # per article: a long feature is ~50k characters
MEDIA = {"json": "application/json", "md": "text/markdown; charset=utf-8",
         "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


class ArticleIn(BaseModel):
    """One article as posted. Only `text` is required."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=2000)
    text: str = Field(min_length=1)
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=4000)
    published: datetime | None = None

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        if len(value) > MAX_CHARS:
            raise ValueError(f"text is longer than {MAX_CHARS} characters")
        return value


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


def _one_line(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "body"
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}")
    return "; ".join(parts) or "invalid request"


def get_models(request: Request) -> Models:
    """The app's shared Models (for routers added by other modules)."""
    return request.app.state.models


def _records(body: ArticlesIn) -> list[dict[str, Any]]:
    out = []
    for art in body.articles:
        rec = art.model_dump(exclude_none=True)
        if "published" in rec:
            rec["published"] = rec["published"].isoformat()
        out.append(rec)
    return out


def _render(kind: str, fmt: str, payload: Any) -> Response:
    from .render import render_analysis, render_report

    if kind == "analysis":
        analyses, errors = payload
        text = render_analysis(analyses, errors, fmt)
    else:
        text = render_report(payload, fmt)
    return Response(content=text, media_type=MEDIA[fmt])


def create_app(
    models: Models | None = None,
    *,
    spacy_model: str | None = None,
    embedder: str | None = None,
    preload: bool = True,
    routers: Iterable[APIRouter] = (),
    max_body: int = MAX_BODY_BYTES,
    body_timeout: float = BODY_TIMEOUT,
) -> FastAPI:
    """A FastAPI app. `models` is shared by all requests (built from the model names if None);
    with `preload` they are loaded at start-up rather than on the first request."""
    from . import __version__

    shared = models or Models(spacy_model=spacy_model, embedder_model=embedder)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.models = shared
        if preload:
            shared.nlp  # noqa: B018 - load now, once, not per request
            shared.embedder  # noqa: B018
        yield

    # Swagger UI from the fastapi-offline package, never from a CDN; no ReDoc
    app = FastAPIOffline(title="consilience", version=__version__, lifespan=lifespan,
                         redoc_url=None, static_url="/docs-assets")
    app.state.models = shared
    app.add_middleware(BodyLimit, max_body=max_body, timeout=body_timeout)
    app.add_middleware(SecurityHeaders)  # outermost: 413/408 answers carry the headers too
    # spaCy and torch objects are not guaranteed thread-safe; requests run in a thread pool.
    lock = threading.Lock()

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _one_line(exc)})

    @app.exception_handler(Exception)
    async def _failed(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=500,
                            content={"detail": f"failed: {type(exc).__name__}: {exc}"})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        page = files("consilience").joinpath("web", "index.html").read_text(encoding="utf-8")
        return HTMLResponse(page)

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__,
                "models_loaded": shared._nlp is not None and shared._embedder is not None}

    @app.post("/analyze")
    def analyze(
        body: ArticlesIn, format: Literal["json", "text"] = Query("json")
    ) -> Response:
        """Per-article analysis (schema consilience/analysis@1)."""
        from .api import analyze as run

        with lock:
            result = run(_records(body), models=shared)
        if not result.analyses:
            return JSONResponse(status_code=422, content={
                "detail": "; ".join(str(e) for e in result.errors) or "no article"})
        return _render("analysis", format, (result.analyses, result.errors))

    @app.post("/compare")
    def compare(
        body: ArticlesIn, format: Literal["json", "md", "html", "text"] = Query("json")
    ) -> Response:
        """Compare the articles (schema consilience/report@1)."""
        from .api import compare as run

        with lock:
            report = run(_records(body), models=shared)
        if not report.articles:
            return JSONResponse(status_code=422, content={
                "detail": "; ".join(str(e) for e in report.errors) or "no article"})
        return _render("report", format, report)

    for router in routers:
        app.include_router(router)
    return app


def server_config(
    app: FastAPI,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    header_timeout: float = HEADER_TIMEOUT,
    keep_alive: int = 5,
    max_connections: int = 200,
    log_level: str = "info",
) -> Any:
    """uvicorn settings that keep slow or idle clients from holding connections: headers must
    arrive within `header_timeout` s, an idle keep-alive closes after `keep_alive` s, and past
    `max_connections` open connections a new request gets 503."""
    import uvicorn

    protocol = type("TimedH11", (TimedH11Protocol,), {"header_timeout": header_timeout})
    return uvicorn.Config(app, host=host, port=port, http=protocol, timeout_keep_alive=keep_alive,
                          limit_concurrency=max_connections, log_level=log_level)


def serve(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run `app` until interrupted (what `consilience serve` does)."""
    import uvicorn

    uvicorn.Server(server_config(app, host, port)).run()


__all__ = ["ArticleIn", "ArticlesIn", "create_app", "get_models", "serve", "server_config"]
