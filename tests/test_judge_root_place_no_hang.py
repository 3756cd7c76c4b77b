"""A place phrase whose head chain ends at a proper-noun root (a headline-like fragment) is
judged in bounded time: spaCy gives a new Token object per access, so a root is found by its
index, never by identity (a loop on identity never ended)."""

from __future__ import annotations

import signal
import types

import pytest

from consilience.story.judge.entity import _of_other_occasion


@pytest.fixture(scope="module")
def nlp():
    from consilience.resources import Models

    return Models().nlp


def test_a_place_under_a_proper_noun_root_ends(nlp) -> None:
    text = "Mayor Tilde Varn in Lusk Harbour"
    doc = nlp(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.pos_ == "PROPN"  # the case that looped: the chain climbs to a proper-noun root
    start = text.index("Lusk")
    claim = types.SimpleNamespace(span=types.SimpleNamespace(article="a1"))
    ctx = types.SimpleNamespace(docs={"a1": doc})

    def hung(*_args: object) -> None:
        raise TimeoutError("the place check did not end")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        assert _of_other_occasion(ctx, claim, start, start + len("Lusk Harbour")) is False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
