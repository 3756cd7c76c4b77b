"""consilience: read many news reports of the same events and say, sentence by sentence, what the
sources agree on, where they disagree, what only one outlet says, and who said what.

    import consilience
    report = consilience.compare(["a.txt", "b.txt"])   # paths, folders, Articles or dicts
    print(consilience.render.render_report(report, "md"))
"""

from __future__ import annotations

import sys as _sys
import types as _types

from .api import AnalysisResult, InputError, analyze, compare, load
from .model import Article, Report


class _Package(_types.ModuleType):
    """`consilience.analyze` and `consilience.compare` are the API functions even after the stage
    packages of the same names are imported (importing a submodule binds its name on this
    package; these properties ignore that). The stages are imported on first use, not here, so
    `import consilience` (and `consilience --help`) loads no model library."""

    analyze = property(lambda self: analyze, lambda self, value: None)
    compare = property(lambda self: compare, lambda self, value: None)


_sys.modules[__name__].__class__ = _Package


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
