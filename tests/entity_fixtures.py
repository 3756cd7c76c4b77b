"""Helpers for entity-resolution tests: analyses built from given name forms."""

from __future__ import annotations

from consilience.model import Analysis, Article, LocalEntity, Mention


def art(aid: str, text: str, ents: list[tuple[str, list[str]]]) -> Analysis:
    """ents: (type, [surface forms in text order]), one LocalEntity each."""
    an = Analysis(article=Article(id=aid, text=text))
    for n, (type_, surfaces) in enumerate(ents):
        le = LocalEntity(id=f"e{n}", name=max(surfaces, key=len), type=type_)
        pos = 0
        for s in surfaces:
            start = text.index(s, pos)
            pos = start + len(s)
            an.mentions.append(Mention(start, start + len(s), s, type_, entity=le.id))
            le.mentions.append(len(an.mentions) - 1)
        an.entities.append(le)
    return an


def same(res, a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two (article, local entity) keys resolved to one story entity."""
    return res.by_local[a] == res.by_local[b]
