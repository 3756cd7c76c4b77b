"""compare_analyses end to end through the real extractors, on a fictional story: two independent
outlets and one verbatim copy of the first."""

from __future__ import annotations

from datetime import datetime

import pytest

from consilience.analysis import analyze
from consilience.model import Article
from consilience.story.build import compare_analyses

WIRE = (
    "DRAVENPORT, Kestria - The Kestrian navy rescued around 30 sailors from a burning cargo ship "
    "off the coast of Dravenport on Tuesday. Admiral Olwen Tarr said the ship's engine room "
    "caught fire shortly after midnight. A trade agreement with the ship's owners may be signed "
    "next month. The harbour of Dravenport will stay closed until Friday."
)
OTHER = (
    "Several dozen sailors were rescued by the Kestrian navy from a burning cargo ship near "
    "Dravenport on Tuesday. The fire started in the engine room shortly after midnight, "
    "according to Admiral Olwen Tarr. A trade agreement with the ship's owners will be signed "
    "next month. Local fishermen held a festival in the old town last summer."
)


@pytest.fixture(scope="module")
def report(models):
    arts = [
        # the wire is published first: reports take articles by publication time, not input order
        Article(id="wire", text=WIRE, source="Kestria Wire", body_start=len("DRAVENPORT, Kestria - "),
                published=datetime(2031, 3, 4, 8)),
        Article(id="copy", text=WIRE, source="Dravenport Daily", body_start=len("DRAVENPORT, Kestria - "),
                published=datetime(2031, 3, 4, 9)),
        Article(id="harbour", text=OTHER, source="Harbour Gazette", published=datetime(2031, 3, 4, 10)),
    ]
    return compare_analyses(analyze(arts, models), models)


def _fact(report, words: str):
    for f in report.facts:
        if any(words in c.text for c in f.claims):
            return f
    raise AssertionError(words)


def test_every_claim_of_every_article_is_in_exactly_one_fact(report):
    ids = [c.id for f in report.facts for c in f.claims]
    assert len(ids) == len(set(ids))
    for an in report.analyses:
        assert any(c.span.article == an.article.id for f in report.facts for c in f.claims)
    assert [f.id for f in report.facts] == [f"F{i}" for i in range(1, len(report.facts) + 1)]


def test_report_fields_are_filled(report):
    assert [a.id for a in report.articles] == ["wire", "copy", "harbour"]
    assert report.origins["copy"] == "wire"
    assert report.copies.get("wire") == ["copy"]
    assert report.entities and report.analyses and report.facts
    assert report.summary


def test_rescue_told_by_two_origins_with_a_number_discrepancy_is_conflicting(report):
    f = _fact(report, "sailors")
    assert f.status == "conflicting"
    assert set(f.origins) == {"wire", "harbour"}
    assert {(c.kind, c.severity) for c in f.conflicts} >= {("number", "discrepancy")}


def test_copy_alone_never_corroborates(report):
    f = _fact(report, "harbour of Dravenport will stay closed")
    assert f.status == "single_source"
    assert f.origins == ["wire"]


def test_topic_only_sentence_stays_single_source(report):
    f = _fact(report, "festival")
    assert f.status == "single_source" and len(f.claims) == 1


def test_duplicate_article_ids_are_refused(models):
    an = analyze([Article(id="x", text="A ship sank.")], models)
    with pytest.raises(ValueError, match="given twice"):
        compare_analyses(an + an, models)


def test_attributed_paraphrase_corroborated_and_may_vs_will_is_a_modality_discrepancy(report):
    fire = _fact(report, "engine room")
    assert fire.status == "corroborated" and set(fire.origins) == {"wire", "harbour"}
    deal = _fact(report, "trade agreement")
    assert deal.status == "conflicting"
    assert ("modality", "discrepancy") in {(c.kind, c.severity) for c in deal.conflicts}


def test_given_origins_are_merged_with_found_ones():
    """Corpus mode's copy groups count: two articles it knows are copies are one origin."""
    from consilience.model import Article
    from consilience.story.build import _merge_origins
    from consilience.story.syndication import Origins

    arts = [Article(id=i, text="x") for i in ("a", "b", "c")]
    found = Origins(origin_of={"a": "a", "b": "b", "c": "c"})
    given = Origins(origin_of={"a": "a", "c": "a"}, copies={"a": ["c"]})
    merged = _merge_origins(arts, found, given)
    assert merged.origin_of == {"a": "a", "b": "b", "c": "a"}
    assert merged.copies == {"a": ["c"]}
