"""`consilience serve`: the web page and the HTTP API on one port, models loaded at start-up."""

from __future__ import annotations

from typing import Annotated

import typer

from .main import EmbedderOpt, ReadableCommand, SpacyOpt, apply_model_options, guarded


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    spacy_model: SpacyOpt = None,
    embedder: EmbedderOpt = None,
    workers: Annotated[int, typer.Option(
        min=0, help="Worker processes running the analysis, each loading the models once "
        "(0: run in the server process).")] = 2,
    queue: Annotated[int, typer.Option(
        min=0, help="Requests that may wait for a worker; beyond that, 503 + Retry-After.")] = 4,
    deadline: Annotated[float, typer.Option(
        min=1, help="Seconds one request may take, waiting included (then 504).")] = 300.0,
) -> None:
    """Serve the web page and the HTTP API (POST /analyze, POST /compare, POST /compare/files)."""
    from ..http import create_app
    from ..http import serve as run_server

    with guarded():
        models = apply_model_options(ctx, spacy_model, embedder)
        run_server(create_app(models=models, workers=workers, queue=queue, deadline=deadline),
                   host=host, port=port)


def register(app: typer.Typer) -> None:
    """Add serve to the root app."""
    app.command("serve", cls=ReadableCommand)(serve)
