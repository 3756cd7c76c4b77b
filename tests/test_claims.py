"""extract_claims: claim units from hand-built analyses of a fictional story."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.claims import UNNAMED_SOURCE, extract_claims


def _story():
    st = Story()
    an = st.add(
        "valebridge",
        [
            "Flood waters rose across Marrow County on Sunday, and officials closed the old ferry.",
            'Mayor Ilsa Quent said "the levee held through the night and nobody was hurt."',
            "In return, according to the county office, crews rebuilt the north embankment.",
            "Engineers may reopen the ferry by Friday.",
            "Short one.",
        ],
        dateline="BRANTON, Velmark - ",
        entities=[("Marrow County", "GPE", "marrow"), ("Ilsa Quent", "PERSON", "quent")],
        quantities=[],
        times=[("Sunday", "2031-04-06"), ("Friday", None)],
        clauses=[
            ("Flood waters rose across Marrow County on Sunday, and officials closed the old ferry.",
             "asserted", False),
            ("officials closed the old ferry.", "asserted", False),
            ("Engineers may reopen the ferry by Friday.", "hedged", False),
        ],
        quotes=[
            ("the levee held through the night and nobody was hurt.", "direct", "quent"),
            ("In return", "according_to", None),
            ("crews rebuilt the north embankment.", "according_to", None),
        ],
    )
    return st, an


def test_every_body_sentence_yields_non_overlapping_claims_after_the_dateline():
    st, an = _story()
    claims = extract_claims(an, st.resolution)
    body = an.article.body_start
    assert body > 0
    assert all(c.span.start >= body for c in claims)
    assert {c.sentence for c in claims} == set(range(len(an.sentences)))
    for si in range(len(an.sentences)):
        spans = sorted((c.span.start, c.span.end) for c in claims if c.sentence == si)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    for c in claims:
        assert an.article.text[c.span.start : c.span.end] == c.text
    assert [c.id for c in claims] == [f"valebridge:c{i}" for i in range(len(claims))]
    assert not claims[0].text.startswith("BRANTON")


def test_coordinated_clauses_become_two_claims_with_their_anchors():
    st, an = _story()
    first = [c for c in extract_claims(an, st.resolution) if c.sentence == 0]
    assert [c.text for c in first] == [
        "Flood waters rose across Marrow County on Sunday",
        "officials closed the old ferry.",
    ]
    assert first[0].entities == ["marrow"]
    assert [t.value for t in first[0].times] == ["2031-04-06"]
    assert first[1].entities == [] and first[1].times == []


def test_quote_content_is_a_claim_of_the_speaker_and_the_frame_is_not():
    st, an = _story()
    quoted = [c for c in extract_claims(an, st.resolution) if c.sentence == 1]
    assert len(quoted) == 1
    assert quoted[0].text == "the levee held through the night and nobody was hurt."
    assert quoted[0].asserted_by == "quent"
    assert quoted[0].quote is not None


def test_stray_attribution_fragment_is_dropped_and_unnamed_source_kept():
    st, an = _story()
    third = [c for c in extract_claims(an, st.resolution) if c.sentence == 2]
    assert [c.text for c in third] == ["crews rebuilt the north embankment."]
    assert third[0].asserted_by == UNNAMED_SOURCE


def test_certainty_comes_from_the_clause():
    st, an = _story()
    claims = extract_claims(an, st.resolution)
    hedged = [c for c in claims if c.sentence == 3]
    assert hedged[0].certainty == "hedged"
    assert all(c.certainty == "asserted" for c in claims if c.sentence == 0)


def test_reporting_frame_before_that_clause_is_not_a_claim():
    st = Story()
    an = st.add(
        "tollhaven",
        ["Port officials told reporters that the grain ship left the harbour at dawn."],
        clauses=[("that the grain ship left the harbour at dawn.", "asserted", False)],
    )
    claims = extract_claims(an, st.resolution)
    assert [c.text for c in claims] == ["the grain ship left the harbour at dawn."]
    assert claims[0].asserted_by == "Port officials"


def test_empty_analysis_gives_no_claims():
    st = Story()
    an = st.add("empty", [])
    assert extract_claims(an, st.resolution) == []


def test_fragments_without_their_own_subject_or_finite_verb_stay_with_their_neighbour():
    st = Story()
    text1 = "The parade also allows the city council to present its new harbour plan."
    text2 = "Velmark has sent rescue teams to Branton, and is part of the regional flood pact."
    an = st.add(
        "fragments",
        [text1, text2],
        clauses=[
            ("the city council to present its new harbour plan.", "asserted", False),
            ("is part of the regional flood pact.", "asserted", False),
        ],
    )
    claims = extract_claims(an, st.resolution)
    assert [c.text for c in claims] == [text1, text2]


def test_modal_inside_a_relative_clause_does_not_hedge_the_main_statement():
    st = Story()
    an = st.add(
        "orsk-daily",
        [
            "The envoy will visit Lunmark on Friday, where a trade pact may be signed.",
            "A trade pact may be signed during the visit.",
        ],
        entities=[("Lunmark", "GPE", "lunmark")],
        quantities=[],
        times=[],
        clauses=[
            ("The envoy will visit Lunmark on Friday, where a trade pact may be signed.",
             "asserted", False),
            ("A trade pact may be signed during the visit.", "asserted", False),
        ],
    )
    claims = extract_claims(an, st.resolution)
    by_sentence = {c.sentence: c.certainty for c in claims}
    assert by_sentence[0] == "asserted"  # the visit is stated as certain
    assert by_sentence[1] == "hedged"  # the main clause's own modal still hedges
