"""One extractor failing on one article must not lose the article or the batch."""

from __future__ import annotations

import sys

from consilience.analysis import analyze
from consilience.analysis import entities as ent_mod
from consilience.model import Article


def test_role_head_of_prepositional_role_does_not_crash():
    assert ent_mod._role_head("of the board") == ""
    assert ent_mod._role_head("leader of North Korea") == "leader"


def test_failing_extractor_is_isolated(models, monkeypatch):
    pkg = sys.modules["consilience.analysis"]

    def boom(doc, article):
        if article.id == "bad":
            raise ValueError("odd input")
        return []

    monkeypatch.setattr(pkg, "extract_quantities", boom)
    arts = [
        Article(id="good", text="The Velmora council met on Monday. It approved 12 new benches."),
        Article(id="bad", text="Harbour officials in Port Lune said 40 boats were damaged."),
    ]
    out = analyze(arts, models)
    assert [a.article.id for a in out] == ["good", "bad"]
    bad = out[1]
    assert bad.problems and bad.problems[0].startswith("quantities: ValueError")
    assert bad.sentences and bad.clauses  # the other extractors still ran
    assert out[0].problems == []
