"""Renderers: a Report as JSON, Markdown, terminal text or one HTML page; an analysis as JSON or
text. They present what the pipeline decided; they never change a status or a span.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Analysis, IngestError, Report

REPORT_FORMATS = ("json", "md", "html", "text")
ANALYSIS_FORMATS = ("json", "text")
_ALIASES = {"markdown": "md", "txt": "text", "terminal": "text", "htm": "html"}


def normalise_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """Map aliases ("markdown" -> "md") and reject unknown formats with a one-line ValueError."""
    name = _ALIASES.get(fmt.lower().strip(), fmt.lower().strip())
    if name not in allowed:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return name


def render_report(report: Report, fmt: str = "json", *, color: bool = False) -> str:
    """The report as a string in `fmt` (json, md, html or text)."""
    name = normalise_format(fmt, REPORT_FORMATS)
    if name == "json":
        from .jsonout import render_report_json

        return render_report_json(report)
    if name == "md":
        from .markdown import render_markdown

        return render_markdown(report)
    if name == "html":
        from .html import render_html

        return render_html(report)
    from .terminal import render_text

    return render_text(report, color=color)


def render_analysis(
    analyses: Iterable[Analysis],
    errors: Iterable[IngestError] = (),
    fmt: str = "json",
    *,
    color: bool = False,
) -> str:
    """Per-article analyses as a string in `fmt` (json or text)."""
    name = normalise_format(fmt, ANALYSIS_FORMATS)
    if name == "json":
        from .jsonout import render_analysis_json

        return render_analysis_json(list(analyses), list(errors))
    from .terminal import render_analysis_text

    return render_analysis_text(list(analyses), list(errors), color=color)


__all__ = [
    "ANALYSIS_FORMATS",
    "REPORT_FORMATS",
    "normalise_format",
    "render_analysis",
    "render_report",
]
