"""The `consilience` command line as one package: `main` holds the root app and shared helpers,
`corpus` the corpus commands. `app` is the console-script entry point."""

from .main import app, get_models

__all__ = ["app", "get_models"]
