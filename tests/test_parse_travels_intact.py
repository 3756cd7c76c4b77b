"""An analysis that crosses a process boundary (pickled for Dask workers or a cache) keeps its
parse whole: every token attribute the stages read is the same after the round-trip, and the
report built from the round-tripped analyses is byte-identical to the in-process one.
The event, outlets and people are fictional."""

from __future__ import annotations

import pickle

import pytest

from consilience.analysis import analyze
from consilience.examples import events, load_event
from consilience.model import Article
from consilience.render import render_report
from consilience.story.build import compare_analyses

ARTICLES = [
    Article(
        id="tarn-post", source="Tarn Post", title="Dam spillway gives way at Orvelle",
        text=(
            "ORVELLE, Tarnland - The spillway of the Orvelle dam gave way on Thursday night, "
            "flooding 340 homes downstream, regional governor Mirela Stavik said. "
            "\"Nobody was hurt, and the water is already falling,\" Stavik told reporters. "
            "Engineers from Halvard Hydro said the dam itself was not damaged. Three bridges "
            "were closed and about 1,200 people spent the night in schools. The utility expects "
            "to finish repairs by March 14, it said in a statement."
        ),
    ),
    Article(
        id="valley-echo", source="Valley Echo", title="Orvelle flood: homes under water",
        text=(
            "A spillway at the Orvelle dam collapsed late on Thursday and water flooded more "
            "than 400 homes, according to the fire service. Governor Mirela Stavik said no one "
            "was injured. Halvard Hydro, which runs the dam, did not say when repairs would end. "
            "Two bridges remain shut, and some 1,500 residents were moved to shelters. "
            "'It's the worst night this valley has seen,' said Ilan Broek, a farmer."
        ),
    ),
    Article(
        id="tarn-wire", source="Tarn Wire", title="Spillway fails at Orvelle dam",
        text=(
            "The Orvelle dam's spillway failed on Thursday, flooding 340 homes, officials said. "
            "Governor Mirela Stavik said nobody was hurt. Halvard Hydro denied that the dam "
            "wall was cracked and said it was not at fault. Repairs could take four weeks."
        ),
    ),
]

# what the stages read from a token (grep story/ and analysis/); vectors and the tok2vec tensor
# are not kept (no stage reads them)
TOKEN_ATTRS = (
    "text", "orth_", "lower_", "lemma_", "norm_", "shape_", "prefix_", "suffix_", "pos_", "tag_",
    "dep_", "ent_type_", "ent_iob_", "whitespace_", "idx", "is_sent_start", "is_stop",
    "like_num", "like_url", "like_email", "is_alpha", "is_digit", "is_punct", "is_space",
    "is_quote", "is_bracket", "is_left_punct", "is_right_punct", "is_currency", "is_title",
    "is_upper", "is_lower", "is_ascii", "lang_",
)


def _round_trip(analyses):
    return pickle.loads(pickle.dumps(analyses))


def _parse_view(doc) -> dict:
    return {
        "tokens": [tuple(getattr(t, a) for a in TOKEN_ATTRS) + (str(t.morph), t.head.i)
                   for t in doc],
        "sents": [(s.start, s.end) for s in doc.sents],
        "ents": [(e.start, e.end, e.label_) for e in doc.ents],
        "noun_chunks": [(c.start, c.end, c.root.i) for c in doc.noun_chunks],
        "lang": doc.lang_,
    }


@pytest.fixture(scope="module")
def analysed(models):
    return analyze(ARTICLES, models)


@pytest.mark.model
def test_every_token_attribute_survives_a_pickle_round_trip(analysed) -> None:
    back = _round_trip(analysed)
    for before, after in zip(analysed, back, strict=True):
        assert after.doc is not None and after.doc.text == before.article.text
        want, got = _parse_view(before.doc), _parse_view(after.doc)
        for key in want:
            assert got[key] == want[key], f"{before.article.id}: {key} differs after unpickling"


@pytest.mark.model
def test_a_second_round_trip_changes_nothing(analysed) -> None:
    once = _round_trip(analysed)
    twice = _round_trip(once)
    assert [_parse_view(a.doc) for a in twice] == [_parse_view(a.doc) for a in analysed]


@pytest.mark.model
def test_report_is_byte_identical_after_a_pickle_round_trip(analysed, models) -> None:
    want = render_report(compare_analyses(analysed, models), "json")
    got = render_report(compare_analyses(_round_trip(analysed), models), "json")
    assert got == want


@pytest.mark.model
@pytest.mark.parametrize("event", events())
def test_bundled_event_reports_the_same_after_a_round_trip(event, models) -> None:
    analyses = analyze(load_event(event), models)
    want = render_report(compare_analyses(analyses, models), "json")
    assert render_report(compare_analyses(_round_trip(analyses), models), "json") == want


def test_the_bytes_name_the_language_and_older_bytes_read_as_english() -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from consilience.docbytes import ATTRS, doc_from_bytes, doc_to_bytes

    live = spacy.blank("de")("Der Fluss stieg um 3 Meter.")
    german = doc_from_bytes(doc_to_bytes(live))
    assert german.lang_ == "de" and [t.is_stop for t in german][:2] == [True, False]
    for a in ("is_stop", "like_num", "lower_", "shape_", "is_punct"):
        assert [getattr(t, a) for t in german] == [getattr(t, a) for t in live]
    old = DocBin(attrs=ATTRS)  # what an Analysis pickled before the bytes named a language held
    old.add(spacy.blank("en")("Nine Ferries Sailed"))
    back = doc_from_bytes(old.to_bytes())
    assert [t.lower_ for t in back] == ["nine", "ferries", "sailed"] and back[0].like_num


def test_restored_parses_share_a_vocabulary_until_it_grows_too_large(monkeypatch) -> None:
    spacy = pytest.importorskip("spacy")
    from consilience import docbytes

    data = docbytes.doc_to_bytes(spacy.blank("en")("A quiet harbour at Velmore."))
    first, second = docbytes.doc_from_bytes(data), docbytes.doc_from_bytes(data)
    assert first.vocab is second.vocab  # a word's lexical attributes are computed once
    monkeypatch.setattr(docbytes, "MAX_STRINGS", 0)
    third = docbytes.doc_from_bytes(data)
    assert third.vocab is not first.vocab and first[2].lower_ == third[2].lower_ == "harbour"
