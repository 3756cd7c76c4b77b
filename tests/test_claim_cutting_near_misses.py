"""Claim cutting errors found by reading real reports, each with a near miss that keeps its
behaviour: verbless pieces and greetings, honorifics, content before a mid-sentence
attribution, dangling ends, joint sources. Every outlet, place and person here is invented."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.analysis import analyze
from consilience.model import Article
from consilience.story.build import compare_analyses
from consilience.story.claims import extract_claims, statement


def _claims(sentences, **kw):
    st = Story()
    an = st.add("tarn", sentences, **kw)
    return extract_claims(an, st.resolution), an


def test_a_verbless_name_is_no_claim_but_a_nominal_fact_is():
    claims, _ = _claims(
        ["The mill fire was out by dawn, the fire chief said.", "Orsa Tamblin.",
         "Orsa Tamblin, 45, a teacher from Branton."],
        entities=[("Orsa Tamblin", "PERSON", "tamblin")],
    )
    texts = [c.text for c in claims]
    assert "Orsa Tamblin." not in texts
    assert "Orsa Tamblin, 45, a teacher from Branton." in texts  # the near miss stays
    assert "The mill fire was out by dawn, the fire chief said." in texts
    # a kicker in capitals and a name the tagger missed are labels too; a Title Case headline
    # may hold a capitalised verb and is kept
    assert not statement("ON DEADLINE")
    assert not statement("Orsa Tamblin.")
    assert statement("Branton Police Arrest Mill Arsonist")
    assert statement("Tamblin Arrives")
    assert statement("Crews left.")


def test_greetings_are_no_claims_but_a_sentence_opening_with_good_is():
    claims, _ = _claims(
        ["Good morning, Brenmouth.", "Thank you, Mayor Quent.",
         "Good weather helped the crews contain the fire."],
        entities=[("Brenmouth", "GPE", "brenmouth"), ("Quent", "PERSON", "quent")],
    )
    assert [c.text for c in claims] == ["Good weather helped the crews contain the fire."]
    assert statement("Welcome to the new Brenmouth library, which opened on Monday.")


def test_verbless_claims_never_corroborate_across_outlets(models):
    texts = {
        "a": "Officers found the stolen tractor behind the grain mill in Tarnby. Orsa Tamblin.",
        "b": "The stolen tractor was found behind a grain mill in Tarnby on Sunday. Orsa Tamblin.",
        "c": "Police recovered a tractor near the Tarnby grain mill. Orsa Tamblin.",
    }
    arts = [Article(id=k, text=v, source=f"The {k.upper()} Gazette") for k, v in texts.items()]
    report = compare_analyses(analyze(arts, models), models)
    for fact in report.facts:
        assert all("Tamblin" not in c.text for c in fact.claims), fact.text
    placed = [c.id for f in report.facts for c in f.claims]
    assert len(placed) == len(set(placed)) and placed


def test_a_claim_right_after_an_honorific_includes_it():
    claims, _ = _claims(
        ["According to the council, Mr. Tamblin is set to open the new bridge on Friday.",
         "According to the council, Tamblin will cut the ribbon at noon."],
        quotes=[("Tamblin is set to open the new bridge on Friday.", "according_to", None),
                ("Tamblin will cut the ribbon at noon.", "according_to", None)],
    )
    texts = [c.text for c in claims]
    assert texts[0] == "Mr. Tamblin is set to open the new bridge on Friday."
    # near miss: no honorific, nothing before the name joins the claim
    assert texts[1] == "Tamblin will cut the ribbon at noon."


def test_content_before_a_mid_sentence_attribution_and_a_condition_is_the_claim():
    claims, _ = _claims(
        ["Varn Ferries expects to resume sailings on Monday, a company spokesperson said, "
         "once divers have checked the hull and cleared the slipway.",
         "The harbour will reopen on Tuesday, a port official said, after divers found no "
         "damage to the quay."],
        quotes=[("divers have checked the hull", "reported", None, "said",
                 "a company spokesperson", "a company spokesperson"),
                ("divers found no damage to the quay.", "reported", None, "said",
                 "a port official", "a port official")],
        clauses=[("Varn Ferries expects to resume sailings on Monday", "hedged", False)],
    )
    first = [c for c in claims if c.sentence == 0]
    assert [c.text for c in first] == ["Varn Ferries expects to resume sailings on Monday"]
    assert first[0].speaker_key == "a company spokesperson"
    assert first[0].certainty == "hedged"
    # near miss: "after" states an event of its own, so that clause stays a claim
    second = [c.text for c in claims if c.sentence == 1]
    assert second == ["The harbour will reopen on Tuesday",
                      "after divers found no damage to the quay."]


def test_claims_do_not_end_on_a_dangling_conjunction_or_a_verb_without_its_object():
    text0 = "Raiders have grown bolder, and recently took a grain barge loaded with fuel."
    text1 = "Choosing Orla Venn signals that the board wants a calmer season."
    text2 = "I want to thank the volunteers, my sister Hald and, oh no, here comes the siren."
    text3 = "Flood waters rose across the valley on Sunday, and officials closed the old ferry."
    claims, _ = _claims(
        [text0, text1, text2, text3],
        clauses=[(text0[:-1], "asserted", False),
                 ("Raiders have grown bolder", "asserted", False),
                 ("recently took a grain barge loaded with fuel", "asserted", False),
                 ("a grain barge loaded with fuel", "asserted", False),
                 (text1[:-1], "asserted", False),
                 ("that the board wants a calmer season", "asserted", False),
                 ("I want to thank the volunteers, my sister Hald and", "asserted", False),
                 ("oh no, here comes the siren", "asserted", False),
                 (text3[:-1], "asserted", False),
                 ("officials closed the old ferry", "asserted", False)],
    )
    by = {si: [c.text for c in claims if c.sentence == si] for si in range(4)}
    assert not any(t.endswith("took") for t in by[0])
    assert any("took a grain barge" in t for t in by[0])
    assert by[1] == [text1]
    assert by[2][0] == "I want to thank the volunteers, my sister Hald"
    # near miss: a coordinated clause with its own subject is still cut off, minus the "and"
    assert by[3] == ["Flood waters rose across the valley on Sunday",
                     "officials closed the old ferry."]


def test_a_joint_source_is_credited_whole_and_a_single_one_by_its_entity():
    claims, _ = _claims(
        ["According to Velmark and Ostria, the convoy crossed the river at dawn.",
         "According to Velmark, the convoy carried forty trucks of grain.",
         "Velmark and Ostria have been worried for months about the build-up on the border, "
         "accusing Kess of moving heavy artillery to the river."],
        entities=[("Velmark", "GPE", "velmark"), ("Ostria", "GPE", "ostria"),
                  ("Kess", "GPE", "kess")],
        quotes=[("the convoy crossed the river at dawn.", "according_to", "velmark",
                 "According to", "Velmark and Ostria", "Velmark and Ostria"),
                ("the convoy carried forty trucks of grain.", "according_to", "velmark",
                 "According to", "Velmark,"),
                ("Kess of moving heavy artillery to the river.", "reported", "velmark",
                 "accusing", "Velmark and Ostria have", "Velmark and Ostria")],
    )
    by = {c.text: c.speaker_key for c in claims}
    assert by["the convoy crossed the river at dawn."] == "Velmark and Ostria"
    assert by["the convoy carried forty trucks of grain."] == "velmark"  # near miss
    assert by["Kess of moving heavy artillery to the river."] == "Velmark and Ostria"
    # the outlet's own clause before the participial cue stays a claim of the outlet
    own = "Velmark and Ostria have been worried for months about the build-up on the border"
    assert by[own] is None


def test_a_quoted_phrase_the_outlets_sentence_governs_is_the_outlets_claim():
    claims, _ = _claims(
        ['The minister cited years of alleged "raids, threats and blockades."',
         'The minister said: "Raids on the border posts continue every night."'],
        quotes=[("raids, threats and blockades.", "direct", "minister"),
                ("Raids on the border posts continue every night.", "direct", "minister")],
    )
    first = [c for c in claims if c.sentence == 0]
    assert len(first) == 1 and first[0].speaker_key is None
    assert first[0].text.startswith("The minister cited years")
    # near miss: a quote after a colon stays the speaker's
    second = [c for c in claims if c.sentence == 1]
    assert [(c.text, c.speaker_key) for c in second] == [
        ("Raids on the border posts continue every night.", "minister")]


def test_two_outlets_crediting_one_pair_of_speakers_credit_the_same_words():
    st = Story()
    ents = [("Olla Brisk", "PERSON", "brisk"), ("Tev Marran", "PERSON", "marran"),
            ("Brisk", "PERSON", "brisk"), ("Marran", "PERSON", "marran")]
    a = st.add("one", ['"We are thrilled to have the choir back," said Olla Brisk and Tev Marran.'],
               entities=ents,
               quotes=[("We are thrilled to have the choir back,", "direct", "brisk", "said",
                        "Olla Brisk and Tev Marran", "Olla Brisk and Tev Marran")])
    b = st.add("two", ['"We are thrilled to have the choir back," said Brisk and Marran.'],
               entities=ents,
               quotes=[("We are thrilled to have the choir back,", "direct", "brisk", "said",
                        "Brisk and Marran", "Brisk and Marran")])
    by = [c.speaker_key for an in (a, b) for c in extract_claims(an, st.resolution)]
    assert by == ["Olla Brisk and Tev Marran", "Olla Brisk and Tev Marran"]


def test_an_indirect_question_stays_with_its_verb_and_a_frame_is_no_content():
    text0 = ("Council members said they would ask her on Thursday why the warnings about the "
             "quay had not been heeded.")
    text1 = ("Orm Vasket, who farms the land above the quay, said he had written to the council "
             "about loose rock in the spring.")
    text2 = "The mayor closed the quay on Monday when the first rocks fell onto the slipway."
    claims, _ = _claims(
        [text0, text1, text2],
        clauses=[(text0[:-1], "asserted", False),
                 ("they would ask her on Thursday why the warnings about the quay had not been "
                  "heeded", "asserted", False),
                 ("why the warnings about the quay had not been heeded", "asserted", True),
                 ("he had written to the council about loose rock in the spring", "asserted",
                  False)],
        quotes=[("they would ask her on Thursday why the warnings about the quay had not been "
                 "heeded.", "reported", None),
                ("Orm Vasket, who farms the land above the quay, said", "reported", None),
                ("he had written to the council about loose rock in the spring.", "reported",
                 "vasket")],
    )
    by = {si: [c.text for c in claims if c.sentence == si] for si in range(3)}
    assert by[0] == [text0[text0.index("they"):]]
    assert claims[0].negated is False
    assert by[1] == ["he had written to the council about loose rock in the spring."]
    # near miss: "when" after its main clause is still a claim of its own
    assert by[2] == ["The mayor closed the quay on Monday",
                     "when the first rocks fell onto the slipway."]


def test_a_that_clause_after_a_non_reporting_verb_stays_with_it():
    text0 = "I agreed with the board immediately that Orla Venn is the ideal choice for the job."
    text1 = "Officials told reporters on Monday that the quay would reopen on Friday."
    claims, _ = _claims(
        [text0, text1],
        clauses=[(text0[:-1], "asserted", False),
                 ("that Orla Venn is the ideal choice for the job", "asserted", False),
                 (text1[:-1], "asserted", False),
                 ("that the quay would reopen on Friday", "asserted", False)],
    )
    assert [c.text for c in claims if c.sentence == 0] == [text0]
    # near miss: a reporting frame is still cut off, its content credited to the speaker
    second = [c for c in claims if c.sentence == 1]
    assert [c.text for c in second] == ["the quay would reopen on Friday."]
    assert second[0].speaker_key == "Officials"


def test_questions_leading_conjunctions_and_quoted_words_after_reported_content():
    text0 = ("Its director told the Gazette that the depot had been inspected in June and that all "
             "drums were stored \u201cexactly as the permit requires\u201d.")
    text1 = "Schools may stay closed on Monday, the council said, and a decision would follow."
    claims, _ = _claims(
        ["So what now?", "But the depot had passed every inspection since 2029.", text0, text1],
        clauses=[("that the depot had been inspected in June", "asserted", False),
                 ("that all drums were stored \u201cexactly as the permit requires\u201d",
                  "asserted", False)],
        quotes=[("the depot had been inspected in June and that all drums were stored \u201c",
                 "reported", "director"),
                ("exactly as the permit requires", "partial", "director"),
                ("Schools may stay closed on Monday", "reported", "council"),
                ("and a decision would follow.", "reported", "council")],
    )
    by = {si: [c.text for c in claims if c.sentence == si] for si in range(4)}
    assert by[0] == []  # a question states nothing
    # near miss: "But" opening a sentence is kept
    assert by[1] == ["But the depot had passed every inspection since 2029."]
    assert by[2] == ["the depot had been inspected in June",
                     "all drums were stored \u201cexactly as the permit requires\u201d"]
    assert by[3] == ["Schools may stay closed on Monday", "a decision would follow."]
