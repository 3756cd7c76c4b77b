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
) -> None:
    """Serve the web page and the HTTP API (POST /analyze, POST /compare)."""
    import uvicorn

    from ..http import create_app

    with guarded():
        models = apply_model_options(ctx, spacy_model, embedder)
        uvicorn.run(create_app(models=models), host=host, port=port)


def register(app: typer.Typer) -> None:
    """Add serve to the root app."""
    app.command("serve", cls=ReadableCommand)(serve)
