"""Sentence and paragraph repair on fictional news text."""

from __future__ import annotations

from consilience.analysis.sentences import extract_paragraphs, extract_sentences
from consilience.model import Article


def _doc_with_splits(nlp, text, split_before):
    """A Doc whose sentence starts are forced at the given substrings (simulating model errors)."""
    doc = nlp.make_doc(text)
    cuts = {text.index(s) for s in split_before}
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.idx in cuts
    return doc


def _texts(article, sents):
    return [article.text[s.start : s.end] for s in sents]


def test_no_split_after_honorifics_and_initials(nlp):
    text = "Envoy Mr. Arvo Teller met J. K. Varro in the U.S. capital on Jan. 5. Talks ended."
    doc = _doc_with_splits(nlp, text, ["Arvo", "K. Varro", "Varro", "capital", "5.", "Talks"])
    art = Article(id="a", text=text)
    assert _texts(art, extract_sentences(doc, art)) == [
        "Envoy Mr. Arvo Teller met J. K. Varro in the U.S. capital on Jan. 5.",
        "Talks ended.",
    ]


def test_quote_continuing_to_attribution_stays_one_sentence(nlp):
    text = "“The port is closed. Nobody may enter,” the harbour master said. “Go home.” Crowds left."
    doc = _doc_with_splits(nlp, text, ["Nobody", "“Go", "Crowds"])
    art = Article(id="q", text=text)
    assert _texts(art, extract_sentences(doc, art)) == [
        "“The port is closed. Nobody may enter,” the harbour master said.",
        "“Go home.”",
        "Crowds left.",
    ]


def test_straight_quotes_and_real_model(nlp):
    text = '"We will not leave. This is our home," said the mayor, Ilse Varn. Residents cheered.'
    art = Article(id="s", text=text)
    assert _texts(art, extract_sentences(nlp(text), art)) == [
        '"We will not leave. This is our home," said the mayor, Ilse Varn.',
        "Residents cheered.",
    ]


def test_paragraph_breaks_are_sentence_breaks(nlp):
    text = "First paragraph without a stop\nSecond one here. Still second.\n\n  Third para.  \n"
    art = Article(id="p", text=text)
    paras = extract_paragraphs(art)
    assert [text[s:e] for s, e in paras] == [
        "First paragraph without a stop",
        "Second one here. Still second.",
        "Third para.",
    ]
    sents = extract_sentences(nlp(text), art)
    assert _texts(art, sents) == [
        "First paragraph without a stop",
        "Second one here.",
        "Still second.",
        "Third para.",
    ]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]


def test_dateline_excluded_and_spans_trimmed(nlp):
    text = "VELMORA, Ostrania (Harbor Wire) - Ferries stopped on Monday. Traders waited."
    body = text.index("Ferries")
    art = Article(id="d", text=text, body_start=body)
    sents = extract_sentences(nlp(text), art)
    assert sents[0].start == body
    assert _texts(art, sents) == ["Ferries stopped on Monday.", "Traders waited."]
    for s in sents:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_empty_article(nlp):
    art = Article(id="e", text="")
    assert extract_sentences(nlp(""), art) == []
    assert extract_paragraphs(art) == []


def test_no_split_after_a_rank_the_model_tokenised_apart(nlp):
    text = ('"He was looking for someone," said Velmora police Lt. Anja Dorr.\n'
            "The driver, whose name police withheld, left.")
    art = Article(id="lt", text=text)
    # the small model tokenises "Lt" "." apart and may start a sentence at the name
    doc = _doc_with_splits(nlp, text, ["Anja", "The driver"])
    got = _texts(art, extract_sentences(doc, art))
    assert got == ['"He was looking for someone," said Velmora police Lt. Anja Dorr.',
                   "The driver, whose name police withheld, left."]
