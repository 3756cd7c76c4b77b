"""The HTTP API (FastAPI): POST /analyze and POST /compare take JSON articles, POST /compare/files
takes uploaded files (read by the same ingest code as the CLI); all return the JSON contracts (or
md, html, text with ?format=). GET / serves the web page, GET /health answers at any time.

Decides request validation (422 with a one-line message), limits (web/limits.py), headers
(web/headers.py) and who runs the work (web/pool.py: a bounded queue, a deadline, worker
processes). Corpus mode extends the app with `create_app(routers=[...])`.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections import OrderedDict
from collections.abc import Iterable
from contextlib import asynccontextmanager
from datetime import datetime
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .resources import Models
from .web import jobs
from .web.headers import SecurityHeaders
from .web.limits import (
    BODY_TIMEOUT,
    HEADER_TIMEOUT,
    MAX_ARTICLES,
    MAX_BODY_BYTES,
    MAX_CHARS,
    BodyLimit,
    TimedH11Protocol,
)
from .web.pool import Busy, Deadline, Gone, InProcess, WorkerFailed

MEDIA = jobs.MEDIA
MAX_FILES = 1000  # per upload (a folder)
DEADLINE = 300.0  # seconds for one request, queueing included


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


@lru_cache(maxsize=8)
def _asset(name: str) -> str:
    return files("consilience").joinpath("web", name).read_text(encoding="utf-8")


class Reports:
    """Rendered HTML reports for the web page, kept a while under unguessable tokens, so that a
    report opens as its own sandboxed page (with its own inline script) rather than inside ours."""

    def __init__(self, keep: int = 32, ttl: float = 3600.0) -> None:
        self.keep, self.ttl = keep, ttl
        self._items: OrderedDict[str, tuple[float, str]] = OrderedDict()

    def add(self, html: str) -> str:
        token = secrets.token_urlsafe(18)
        self._items[token] = (time.monotonic(), html)
        while len(self._items) > self.keep:
            self._items.popitem(last=False)
        return token

    def get(self, token: str) -> str | None:
        item = self._items.get(token)
        if item is None or time.monotonic() - item[0] > self.ttl:
            self._items.pop(token, None)
            return None
        return item[1]


def create_app(
    models: Models | None = None,
    *,
    spacy_model: str | None = None,
    embedder: str | None = None,
    preload: bool = True,
    routers: Iterable[APIRouter] = (),
    workers: int = 0,
    queue: int = 4,
    deadline: float = DEADLINE,
    max_body: int = MAX_BODY_BYTES,
    body_timeout: float = BODY_TIMEOUT,
) -> FastAPI:
    """A FastAPI app. With `workers` > 0 the stages run in that many worker processes, each
    loading the models once (`consilience serve` uses 2); with 0 they run on a thread of this
    process with `models` (built from the model names if None). `queue` requests may wait beyond
    those running; more get 503. Each request has `deadline` seconds, waiting included."""
    from . import __version__

    shared = models or Models(spacy_model=spacy_model, embedder_model=embedder)
    if workers > 0:
        from .web.pool import ProcessPool

        runner: Any = ProcessPool(workers, queue=queue, deadline=deadline, preload=preload,
                                  spacy_model=shared.spacy_model,
                                  embedder=shared.embedder_model)
    else:
        runner = InProcess(shared, queue=queue, deadline=deadline)
    reports = Reports()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.models = shared
        if preload and workers == 0:
            shared.nlp  # noqa: B018 - load now, once, not per request
            shared.embedder  # noqa: B018
        await runner.start()
        try:
            yield
        finally:
            await runner.stop()

    # Swagger UI from the fastapi-offline package, never from a CDN; no ReDoc
    app = FastAPIOffline(title="consilience", version=__version__, lifespan=lifespan,
                         redoc_url=None, static_url="/docs-assets")
    app.state.models = shared
    app.state.runner = runner
    app.add_middleware(BodyLimit, max_body=max_body, timeout=body_timeout)
    app.add_middleware(SecurityHeaders)  # outermost: 413/408 answers carry the headers too

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _one_line(exc)})

    @app.exception_handler(Exception)
    async def _failed(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(status_code=500,
                            content={"detail": f"failed: {type(exc).__name__}: {exc}"})

    async def run(request: Request, fn: Any, *args: Any) -> jobs.Outcome | Response:
        try:
            return await runner.run(fn, *args, disconnected=request.is_disconnected)
        except Busy as exc:
            return JSONResponse(status_code=503, headers={"Retry-After": str(exc.retry_after)},
                                content={"detail": "busy: every worker is taken and the queue "
                                         f"is full; retry in {exc.retry_after} s"})
        except Deadline:
            return JSONResponse(status_code=504, content={
                "detail": f"not finished within {runner.deadline:.0f} s: send fewer or "
                          "shorter articles"})
        except Gone:
            return Response(status_code=499)  # nobody is listening any more
        except WorkerFailed as exc:
            return JSONResponse(status_code=500, content={"detail": f"failed: {exc}"})

    def answer(outcome: jobs.Outcome | Response) -> Response:
        if isinstance(outcome, Response):
            return outcome
        if outcome.status != 200:
            content: dict[str, Any] = {"detail": outcome.detail or "failed"}
            if outcome.files:
                content["files"] = outcome.files
            return JSONResponse(status_code=outcome.status, content=content)
        return Response(content=outcome.body, media_type=outcome.media)

    async def uploaded(request: Request, fmt: str) -> jobs.Outcome | Response:
        from .web.uploads import save

        form = await request.form(max_files=MAX_FILES, max_fields=20)
        items = [f for f in form.getlist("files") if hasattr(f, "filename")]
        if not items:
            return JSONResponse(status_code=422, content={
                "detail": "files: send one or more files as multipart form field 'files'"})
        saved = save(((f.filename or "", f.file) for f in items),
                     Path(tempfile.mkdtemp(prefix="consilience-upload-")))
        try:
            await form.close()
            return await run(request, jobs.compare_files, str(saved.folder), saved.names,
                             saved.refused, fmt)
        finally:
            saved.remove()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(_asset("index.html"))

    @app.get("/web/app.js", include_in_schema=False)
    async def page_script() -> Response:
        return Response(_asset("app.js"), media_type="text/javascript; charset=utf-8")

    @app.get("/web/app.css", include_in_schema=False)
    async def page_style() -> Response:
        return Response(_asset("app.css"), media_type="text/css; charset=utf-8")

    @app.get("/health")
    async def health() -> dict[str, Any]:
        """Answers at once, also while compares run (no stage runs on the event loop)."""
        state = runner.status()
        return {"status": "ok", "version": __version__,
                "models_loaded": state.get("models_loaded", False), "work": state}

    @app.post("/analyze")
    async def analyze(
        request: Request, body: ArticlesIn, format: Literal["json", "text"] = Query("json")
    ) -> Response:
        """Per-article analysis (schema consilience/analysis@1)."""
        return answer(await run(request, jobs.analyze_records, _records(body), format))

    @app.post("/compare")
    async def compare(
        request: Request, body: ArticlesIn,
        format: Literal["json", "md", "html", "text"] = Query("json"),
    ) -> Response:
        """Compare the articles (schema consilience/report@1). An article with neither outlet
        nor title is labelled "Article N" by its position in the request."""
        return answer(await run(request, jobs.compare_records, _records(body), format))

    @app.post("/compare/files")
    async def compare_files(
        request: Request, format: Literal["json", "md", "html", "text"] = Query("json")
    ) -> Response:
        """Compare uploaded files (multipart form field `files`, repeated; a file name may hold
        a folder path). Files are read as the CLI reads them: text, HTML, JSON, JSONL, RSS/Atom.
        Files that could not be read are listed in the report's `errors`."""
        return answer(await uploaded(request, format))

    @app.post("/web/compare", include_in_schema=False)
    async def page_compare(request: Request) -> Response:
        """The web page's upload: {"files": [one entry per file], "report": URL of the HTML
        report}, or 422 {"detail", "files"} when no file could be read."""
        outcome = await uploaded(request, "html")
        if isinstance(outcome, Response) or outcome.status != 200:
            return answer(outcome)
        token = reports.add(outcome.body)
        return JSONResponse({"files": outcome.files, "report": f"web/reports/{token}"})

    @app.get("/web/reports/{token}", include_in_schema=False)
    async def page_report(token: str, download: bool = False) -> Response:
        html = reports.get(token)
        if html is None:
            return JSONResponse(status_code=404, content={
                "detail": "report not found (reports are kept for an hour): compare again"})
        headers = {"Content-Disposition": 'attachment; filename="consilience-report.html"'} \
            if download else {}
        return HTMLResponse(html, headers=headers)

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
