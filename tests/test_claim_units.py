"""extract_claims: claim units from hand-built analyses of a fictional story."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.claims import UNNAMED_SOURCE, extract_claims, open_question


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
    assert quoted[0].speaker_key == "quent"
    assert quoted[0].article_quote is not None


def test_stray_attribution_fragment_is_dropped_and_unnamed_source_kept():
    st, an = _story()
    third = [c for c in extract_claims(an, st.resolution) if c.sentence == 2]
    assert [c.text for c in third] == ["crews rebuilt the north embankment."]
    assert third[0].speaker_key == UNNAMED_SOURCE


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
    assert claims[0].speaker_key == "Port officials"


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
    first = [c for c in claims if c.sentence == 0]
    # the relative clause is a claim of its own, hedged; the visit is stated as certain
    assert [(c.text, c.certainty) for c in first] == [
        ("The envoy will visit Lunmark on Friday", "asserted"),
        ("where a trade pact may be signed.", "hedged"),
    ]
    second = [c for c in claims if c.sentence == 1]
    assert [c.certainty for c in second] == ["hedged"]  # the main clause's own modal hedges


def _one(sentence: str, **kw):
    st = Story()
    an = st.add("tolvik-post", [sentence], **kw)
    return [c.text for c in extract_claims(an, st.resolution)]


def test_participial_and_subordinate_clauses_are_claims_of_their_own():
    # the participle piece is short but carries a count: still its own claim
    assert _one(
        "A tram derailed in Corlin late on Friday, killing 9 people.",
        quantities=[("9 people", 9, 9, "people", False)],
    ) == ["A tram derailed in Corlin late on Friday", "killing 9 people."]
    assert _one(
        "The tram was carrying 80 commuters from Corlin to Ebbe when it left the rails near the depot."
    ) == ["The tram was carrying 80 commuters from Corlin to Ebbe",
          "when it left the rails near the depot."]
    assert _one(
        "Commuters were evacuated from the station overnight after a fire broke out in the tunnel."
    ) == ["Commuters were evacuated from the station overnight",
          "after a fire broke out in the tunnel."]


def test_clauses_that_are_not_statements_of_their_own_stay_whole():
    # a "when" clause inside the subject: cutting would orphan "has risen to 7"
    s = "The number of people killed when the tram derailed near Ebbe has risen to 7."
    assert _one(s) == [s]
    # a list of gerunds is not a participial clause
    s = "Crews were seen along the line, including clearing debris, repairing cables and lifting cars."
    assert _one(s) == [s]
    # no verb before the relative clause: the main clause follows it
    s = "On the platform at Ebbe, where the first survivors were brought, relatives waited all night."
    assert _one(s) == [s]
    # the relative clause repeats the main event ("visit" / "visited"): one claim
    s = "It is the envoy's second visit to Corlin, where she last visited nearly ten years ago."
    assert _one(s) == [s]


def test_short_reported_content_is_kept_and_a_stray_fragment_is_not():
    st = Story()
    an = st.add("ebbe-radio", [
        "Fire Chief Runa Dahl confirmed that the smoke contained ammonia, and she urged people "
        "to keep their windows closed.",
    ], entities=[("Runa Dahl", "PERSON", "dahl")], quotes=[
        ("the smoke contained ammonia", "reported", "dahl"),
        ("to keep their windows closed", "reported", "dahl"),
    ])
    texts = [c.text for c in extract_claims(an, st.resolution)]
    assert texts == ["the smoke contained ammonia", "to keep their windows closed"]


def test_an_open_issue_does_not_assert_its_content():
    st = Story()
    an = st.add("harbour", [
        "The remaining issue was how to divide the dredging costs between the two ports.",
        "Council members were divided over whether to close the old pier.",
        "The two ports will divide the dredging costs equally.",
    ])
    claims = extract_claims(an, st.resolution)
    by_start = {c.text.split()[1]: c for c in claims}
    assert by_start["remaining"].certainty == "hedged"
    assert by_start["members"].certainty == "hedged"
    assert by_start["two"].certainty == "asserted"
    assert open_question("talks on whether to extend the quota resumed")
    assert not open_question("The parties will share data from their surveys.")


def test_modal_inside_carried_quoted_words_does_not_hedge_the_statement():
    st = Story()
    text = ("Velmark trawlers will be allowed to land 900 tonnes a year, a figure the guild "
            "called \u201cthe least we could accept\u201d.")
    an = st.add("velmark-post", [text], entities=[], quantities=[], times=[],
                clauses=[(text, "asserted", False)])
    claims = extract_claims(an, st.resolution)
    assert claims and all(c.certainty == "asserted" for c in claims)


def test_a_clause_of_the_outlets_own_beside_a_quote_is_a_claim_and_the_frame_is_not():
    st = Story()
    an = st.add(
        "harbour",
        [
            '"We held the line," said Mayor Ilsa Quent, who visited the flood shelter in the '
            "Marrow sports hall.",
            'According to the county office, "crews crossed the north embankment" before '
            "retreating under the rising water.",
            '"The levee is safe," said Quent on Monday, stressing that the county had rebuilt '
            "the north embankment twice.",
        ],
        entities=[("Ilsa Quent", "PERSON", "quent"), ("Quent", "PERSON", "quent")],
        quotes=[
            ("We held the line,", "direct", "quent"),
            ("crews crossed the north embankment", "according_to", None),
            ("The levee is safe,", "direct", "quent"),
        ],
    )
    claims = extract_claims(an, st.resolution)
    texts = [c.text for c in claims]
    own = next(c for c in claims if c.text.startswith("who visited the flood shelter"))
    assert not own.attributed and own.article_quote is None
    assert any(t.startswith("before retreating under the rising water") for t in texts)
    # "stressing that X": X is the speaker's, not the outlet's
    content = next(c for c in claims if c.text.startswith("the county had rebuilt"))
    assert content.speaker_key == "quent"
    starts = [c.span.start for c in claims]
    assert starts == sorted(starts)
    # the attribution frames themselves are no claims
    assert not any("said Mayor" in t or "said Quent" in t or "According to" in t for t in texts)
    for si in range(len(an.sentences)):
        spans = sorted((c.span.start, c.span.end) for c in claims if c.sentence == si)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
