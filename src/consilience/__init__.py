"""consilience: read many news reports of the same events and say, sentence by sentence, what the
sources agree on, where they disagree, what only one outlet says, and who said what.

    import consilience
    report = consilience.compare(["a.txt", "b.txt"])   # paths, folders, Articles or dicts
    print(consilience.render.render_report(report, "md"))
"""

from __future__ import annotations

import importlib as _importlib
from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

# The stage packages `consilience.analyze` and `consilience.compare` share their names with the
# API functions below. Importing a submodule binds its name on this package, so import them
# first (cheap: they load models lazily) and bind the functions last, so that
# `consilience.analyze(...)` and `consilience.compare(...)` are the functions.
# `from consilience.analyze import x` keeps working through sys.modules.
for _stage in ("analyze", "compare"):
    try:
        _importlib.import_module(f"{__name__}.{_stage}")
    except ImportError:  # a stage still being written must not break `import consilience`
        pass

from .api import AnalysisResult, InputError, analyze, compare, load  # noqa: E402
from .model import Article, Report  # noqa: E402

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
