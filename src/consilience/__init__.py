"""consilience: read many news reports of the same events and say, sentence by sentence, what the
sources agree on, where they disagree, what only one outlet says, and who said what.

    import consilience
    report = consilience.compare(["a.txt", "b.txt"])   # paths, folders, Articles or dicts
    print(consilience.render.render_report(report, "md"))

Importing the package loads no model library (the stages are imported on first use), so that
`consilience --help` answers at once.
"""

from __future__ import annotations

from .api import AnalysisResult, InputError, analyze, compare, load
from .model import Article, Report


def __getattr__(name: str) -> str:
    if name == "__version__":  # importlib.metadata is slow to import: only when asked
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("consilience")
        except PackageNotFoundError:  # running from a source tree without installing
            value = "0.0.0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AnalysisResult",
    "Article",
    "InputError",
    "Report",
    "__version__",
    "analyze",
    "compare",
    "load",
]
