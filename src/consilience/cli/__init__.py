"""The `consilience` command line as one package. `main` holds the root app and what commands
share; `compare`, `serve` and `corpus` hold the commands and are registered here, so that no
module of the package imports one that imports it back. `app` is the console-script entry point.
"""

from . import compare, corpus, serve
from .main import app, get_models

compare.register(app)
serve.register(app)
corpus.register(app)

__all__ = ["app", "get_models"]
