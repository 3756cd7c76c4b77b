"""consilience: read many news reports of the same events and say, sentence by sentence, what the
sources agree on, where they disagree, what only one outlet says, and who said what.

    import consilience
    report = consilience.compare(["a.txt", "b.txt"])   # paths, folders, Articles or dicts
    print(consilience.render.render_report(report, "md"))
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

from .api import AnalysisResult, InputError, analyze, compare, load
from .model import Article, Report

try:
    __version__ = _version("consilience")
except _PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

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
