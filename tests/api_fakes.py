"""Fictional article files and a stand-in comparison stage for API/CLI/HTTP tests.

The fake `compare_analyses` lets these tests exercise loading, analysis, rendering and error
handling without depending on the comparison engine's current state."""

from __future__ import annotations

import types
from pathlib import Path

from consilience.model import Claim, Fact, Report, Span

ARTICLE_A = """Ferry runs aground off Tolmere Point
Harbor Gazette

The ferry Brisa Nord ran aground off Tolmere Point on Friday, the coast guard said.
All 41 passengers were brought ashore safely, said captain Ines Varo.
"""
ARTICLE_B = """Brisa Nord stranded near Tolmere
Valley Courier

The ferry Brisa Nord ran aground near Tolmere Point on Friday evening.
Officials said 43 passengers were on board. Nobody was hurt.
"""


def write_articles(folder: Path) -> tuple[Path, Path]:
    a, b = folder / "gazette.txt", folder / "courier.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def fake_compare_analyses(analyses, models=None) -> Report:
    """One fact per article's first sentence; a corroborated fact across all of them."""
    arts = [an.article for an in analyses]
    facts = []
    claims = []
    for i, an in enumerate(analyses):
        s = an.sentences[0] if an.sentences else None
        start, end = (s.start, s.end) if s else (0, len(an.article.text))
        span = Span(an.article.id, start, end)
        claims.append(Claim(f"c{i}", span, an.article.text[start:end], 0))
    if len(claims) > 1:
        facts.append(Fact("f1", "corroborated", "The ferry ran aground", claims,
                          origins=[a.id for a in arts]))
    else:
        facts.append(Fact("f1", "single_source", "The ferry ran aground", claims,
                          origins=[a.id for a in arts]))
    return Report(articles=arts, origins={a.id: a.id for a in arts}, facts=facts,
                  analyses=list(analyses))


def fake_compare_module(fn=fake_compare_analyses) -> types.ModuleType:
    mod = types.ModuleType("consilience.story.build")
    mod.compare_analyses = fn
    return mod
