"""A summary line's support tag is shown in a reader's words: "disputed: modality" (the
stage's and the JSON contract's word) reads "disputed: certainty" in Markdown, HTML and the
terminal, while the JSON keeps the stage's word."""

from __future__ import annotations

import json

import pytest
from render_fixtures import build_report

from consilience.render import render_report


def _report(support: str):
    report = build_report()
    report.summary[1].support = support
    return report


@pytest.mark.fast
@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_disputed_kind_in_reader_words(fmt):
    out = render_report(_report("disputed: modality"), fmt)
    assert "disputed: certainty" in out
    assert "disputed: modality" not in out
    out = render_report(_report("disputed: negation"), fmt)
    assert "disputed: affirmed or denied" in out


@pytest.mark.fast
def test_other_support_tags_unchanged_and_json_keeps_the_stage_word():
    out = render_report(_report("disputed: number"), "md")
    assert "disputed: number" in out
    assert "corroborated by 3 independent sources" in out
    doc = json.loads(render_report(_report("disputed: modality"), "json"))
    assert [s["support"] for s in doc["summary"]][1] == "disputed: modality"
