"""Claims cut from the dependency parse: nested clauses with a predicate of their own (relative,
subordinate, participial, appositive) become claims; the outlet's own clause beside a quote frame
is kept; quote "content" that is the frame's own clause is the outlet's statement. Fictional town
and people."""

from __future__ import annotations

import pytest
from claim_fixtures import Story

from consilience.analysis import analyze
from consilience.analysis.modality import extract_clauses
from consilience.model import Article
from consilience.story.claims import extract_claims
from consilience.story.resolve import resolve

TEXT = (
    "Harlan Voss, the Tallo councillor who approved the new harbour levy last spring, "
    "resigned from the council on Tuesday.\n\n"
    "The engineer who spoke inspected the flooded tunnel on Monday.\n\n"
    "Crews closed the old ferry terminal, where the storm had flooded the ticket hall overnight.\n\n"
    "Nine of the twelve barges were insured, but the shipping company denies that any cargo was "
    "lost in the storm.\n\n"
    "\u201cWe will rebuild the pier before the summer,\u201d Orsa Tamblin, the harbour master of "
    "Branton, told reporters.\n\n"
    "Branton has sent two ferries to Tallo, where Mayor Ilsa Quent inspected the flooded harbour "
    "last week, and is part of the coastal relief pact.\n\n"
    "The ferry made its third crossing to Tallo on Sunday, where it last crossed in a storm eleven "
    "years ago.\n"
)


@pytest.fixture(scope="module")
def cut(models):
    art = Article(id="tallo", text=TEXT, source="The Tallo Lantern")
    [an] = analyze([art], models)
    res = resolve([an])
    return an, res, extract_claims(an, res)


def _sentence(claims, needle):
    at = TEXT.index(needle)
    si = next(c.sentence for c in claims if c.span.start <= at + len(needle) and at < c.span.end)
    return [c for c in claims if c.sentence == si]


def test_claims_are_contiguous_non_overlapping_spans(cut):
    _, _, claims = cut
    for c in claims:
        assert TEXT[c.span.start : c.span.end] == c.text
    spans = sorted((c.span.start, c.span.end) for c in claims)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_long_relative_clause_in_the_subject_is_a_claim_and_the_predicate_another(cut):
    _, res, claims = cut
    got = _sentence(claims, "resigned from the council")
    assert [c.text for c in got] == [
        "Harlan Voss, the Tallo councillor who approved the new harbour levy last spring",
        "resigned from the council on Tuesday.",
    ]
    first = TEXT.index("Harlan Voss")
    assert (got[0].span.start, got[0].span.end) == (first, first + len(got[0].text))
    # the predicate keeps its subject's entity, so it can align with "Voss resigned ..."
    voss = next(e.id for e in res.entities if "Voss" in e.name)
    assert voss in got[1].entities


def test_a_short_relative_clause_stays_inside_its_sentence(cut):
    _, _, claims = cut
    got = _sentence(claims, "who spoke")
    assert [c.text for c in got] == ["The engineer who spoke inspected the flooded tunnel on Monday."]


def test_a_relative_clause_after_the_predicate_is_a_claim_of_its_own(cut):
    _, _, claims = cut
    got = _sentence(claims, "Crews closed")
    assert [c.text for c in got] == [
        "Crews closed the old ferry terminal",
        "where the storm had flooded the ticket hall overnight.",
    ]


def test_the_outlets_own_clause_before_a_denial_frame_is_kept(cut):
    _, _, claims = cut
    got = _sentence(claims, "Nine of the twelve")
    texts = [c.text for c in got]
    assert "Nine of the twelve barges were insured" in texts
    denied = next(c for c in got if c.text.startswith("any cargo was lost"))
    assert denied.negated and denied.article_quote is not None
    own = next(c for c in got if c.text.startswith("Nine"))
    assert own.article_quote is None and own.asserted_by is None


def test_quote_content_that_is_the_frames_own_clause_is_the_outlets_statement():
    # the quote finder read "It was known for years" as what Quent said (cue "accused")
    sent = "It was known for years that Harlan Voss had been accused of fraud by Ilsa Quent."
    st = Story()
    an = st.add(
        "tallo", [sent],
        entities=[("Harlan Voss", "PERSON", "voss"), ("Ilsa Quent", "PERSON", "quent")],
        clauses=[(sent[:-1], "asserted", False),
                 ("that Harlan Voss had been accused of fraud by Ilsa Quent", "asserted", False)],
        quotes=[("It was known for years", "reported", "quent", "accused", "Ilsa Quent")],
    )
    an.clauses[0].head = sent.index("known")
    an.clauses[1].head = sent.index("accused")
    claims = extract_claims(an, st.resolution)
    assert [c.text for c in claims] == [sent]
    assert claims[0].article_quote is None and claims[0].asserted_by is None
    # the same sentence with parse heads unknown (hand-built clauses) keeps the quote finder's
    # reading: nothing is decided without the parse
    an.clauses[0].head = an.clauses[1].head = -1
    assert [c.text for c in extract_claims(an, st.resolution)] == ["It was known for years"]


def test_an_apposition_in_the_attribution_frame_is_an_attribute_claim(cut):
    _, _, claims = cut
    got = _sentence(claims, "the harbour master of")
    texts = [c.text for c in got]
    assert "We will rebuild the pier before the summer" in texts
    assert "Orsa Tamblin, the harbour master of Branton" in texts
    assert not any("told reporters" in t for t in texts)  # the frame itself is no claim


def test_no_predicate_is_cut_from_its_subject_across_a_relative_clause_on_another_noun(cut):
    _, _, claims = cut
    got = _sentence(claims, "Branton has sent")
    assert got[0].text == "Branton has sent two ferries to Tallo"
    # the coordinated predicate's subject is Branton, not the harbour: it stays with the piece
    # before it rather than become a claim with no subject
    assert not any(c.text.startswith("is part of") for c in got)


def test_a_relative_clause_that_elaborates_the_same_event_stays_one_claim(cut):
    _, _, claims = cut
    got = _sentence(claims, "third crossing")
    assert [c.text for c in got] == [
        "The ferry made its third crossing to Tallo on Sunday, where it last crossed in a storm "
        "eleven years ago."]


def test_the_clause_extractor_reports_nested_clauses_with_their_kind(nlp):
    text = ("Harlan Voss, the Tallo councillor who approved the levy, resigned when the audit "
            "began, citing his health.")
    kinds = {text[c.start : c.end]: c.kind
             for c in extract_clauses(nlp(text), Article(id="k", text=text))}
    assert kinds["who approved the levy"] == "relative"
    # the parser hangs the participle under the "when" clause: both are reported, nested
    assert kinds["when the audit began, citing his health"] == "adverbial"
    assert kinds["citing his health"] == "participle"
    assert kinds["Harlan Voss, the Tallo councillor who approved the levy"] == "apposition"
    whole = next(c for c in extract_clauses(nlp(text), Article(id="k", text=text))
                 if c.kind == "clause")
    assert text[whole.head : whole.head + 8] == "resigned"
