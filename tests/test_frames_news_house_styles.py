"""frames / align: predicates of claims written in real outlets' house styles. A dateline with a
horizontal bar, curly clitics, evidence verbs with a clause, a "noun verb-ed name" fragment the
parser misreads, a copula stating a measure, and a verb met by its nominalisation. Fictional
stories about an invented harbour town."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.ingest.text import find_dateline
from consilience.story.align import DEFAULT_PARAMS, _Scorer
from consilience.story.claims import extract_claims
from consilience.story.frames import predicate_frame
from consilience.text import plain_typography, predicate_key


def test_a_horizontal_bar_dateline_is_cut_from_the_first_claim():
    text = "VESTRA ― The harbour council voted on Monday to close the ferry pier."
    dl = find_dateline(text)
    assert dl is not None and dl.place == "VESTRA"
    assert text[dl.end:].startswith("The harbour council")
    glued = "KALLIO ―Harbour master Orla Venn was still in hospital on Friday."
    dl = find_dateline(glued)
    assert dl is not None and glued[dl.end:].startswith("Harbour master")


def test_curly_clitics_are_parsed_as_the_parser_knows_them(models):
    text = "It’s the second time the Kallio council has closed the ferry."
    plain = plain_typography(text)
    assert len(plain) == len(text) and "’" not in plain  # offsets stay those of the text
    st = Story()
    st.add("gazette", [text, "We’re only here for the regatta, the Brenn skippers said."])
    st.add("courier", ["The Kallio council closed the ferry for a second time on Monday."])
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    scorer = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    scorer.parse(models.nlp, models.embed, None)
    for preds in scorer.preds:
        # never a punctuation mark or a clitic as the claim's predicate
        assert not any("’" in p or "'" in p for p in preds), preds


def test_an_evidence_verb_with_a_clause_defers_to_the_clause(nlp):
    preds, _ = predicate_frame(nlp("Court filings show the Brenn trust paid 40,000 crowns to the mayor."))
    assert "pay" in preds and "show" not in preds
    preds, _ = predicate_frame(nlp("The audit found that the harbour fund had lost 3 million crowns."))
    assert "lose" in preds and "find" not in preds
    # with an object, showing is the event itself
    preds, _ = predicate_frame(nlp("Court filings show the payments."))
    assert preds == {"show"}


def test_a_misread_noun_verb_name_fragment_keeps_its_verb(nlp):
    preds, _ = predicate_frame(nlp(
        "The Tuesday blast injured Varga; Orla Venn, a ferry guard; and two dock workers."))
    assert "injure" in preds and "blast" not in preds
    # an adjective before its own noun is no such verb
    preds, _ = predicate_frame(nlp("The injured dock workers."))
    assert "injure" not in preds


def test_a_copula_stating_a_measure_is_about_its_subject(nlp):
    preds, _ = predicate_frame(nlp("The Velmark port's average fee for 2020 was 4.5 percent"))
    assert "fee" in preds and "percent" not in preds
    preds, _ = predicate_frame(nlp("The toll was 19."))
    assert preds == {"toll"}


def test_a_verb_and_its_nominalisation_share_a_predicate_key():
    for verb, noun in [("apologize", "apology"), ("donate", "donation"), ("deny", "denial"),
                       ("investigate", "investigation"), ("oppose", "opposition"),
                       ("examine", "examination"), ("decide", "decision"), ("injure", "injury"),
                       ("approve", "approval"), ("close", "closure")]:
        assert predicate_key(verb) == predicate_key(noun), (verb, noun)
    for a, b in [("critical", "criticize"), ("nation", "national"), ("station", "state"),
                 ("rule", "ruling"), ("try", "trial"), ("break out", "break")]:
        assert predicate_key(a) != predicate_key(b), (a, b)


def test_an_apology_and_apologizing_are_one_predicate(models):
    st = Story()
    st.add("gazette", ["Mayor Edda Voss issued an apology to the Brenn skippers on Friday."])
    st.add("courier", ["Voss apologized to the Brenn skippers on Friday."])
    st.add("ledger", ["Voss thanked the Brenn skippers on Friday."])
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    scorer = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    scorer.parse(models.nlp, models.embed, None)
    issued = next(k for k, c in enumerate(claims) if c.text.startswith("Mayor"))
    sorry = next(k for k, c in enumerate(claims) if c.text.startswith("Voss apologized"))
    thanks = next(k for k, c in enumerate(claims) if c.text.startswith("Voss thanked"))
    assert scorer.same_predicate(issued, sorry)
    assert not scorer.same_predicate(sorry, thanks)
    assert (issued, sorry) in scorer.frame_candidates(cap=10)


def test_what_was_said_is_found_past_an_adverbial_clause(nlp):
    preds, _ = predicate_frame(nlp(
        "Varga said after the articles appeared that he would repay the 9,500 crowns to the "
        "harbour fund."))
    assert "repay" in preds


def test_an_amount_made_in_donations_is_a_donation(nlp):
    preds, _ = predicate_frame(nlp("They made 1.2 million crowns in donations during that time."))
    assert "donation" in preds and "crown" not in preds
    assert predicate_key("donation") == predicate_key("donate")


def test_a_fragment_states_its_relative_clause(nlp):
    preds, _ = predicate_frame(nlp("The ferry plan, which the Kallio council has fiercely opposed"))
    assert "oppose" in preds


def test_seen_doing_is_how_the_doing_is_known(nlp):
    preds, _ = predicate_frame(nlp(
        "In the video, the Kallio councillor is seen approaching the camera"))
    assert "approach" in preds and "see" not in preds


def test_the_source_of_evidence_is_not_who_acts(models):
    st = Story()
    st.add("gazette", ["The new filings show that the Brenn trust paid 40,000 crowns in harbour "
                       "fees from 2015 through 2020."])
    st.add("courier", ["The documents show the Brenn trust has paid 40,000 crowns in harbour "
                       "fees since 2015."])
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    scorer = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    scorer.parse(models.nlp, models.embed, None)
    assert all("show" not in s for s in scorer.subj)
    assert scorer.same_predicate(0, 1) and not scorer.other_agents(0, 1)


def test_a_glued_clitic_is_never_a_predicate(nlp):
    # "...we're" stays one token after an ellipsis; "It’s" parsed raw makes the mark a verb
    for text in ["We're only here for the regatta...we're only students.",
                 "It’s the second time."]:
        preds, _ = predicate_frame(nlp(text))
        assert not any("'" in p or "’" in p for p in preds), preds


def test_a_passive_seen_doing_past_a_place(nlp):
    preds, _ = predicate_frame(nlp(
        "Varga, a seven-term councillor, can be seen in the footage twice asking the older "
        "driver to give his name."))
    assert "ask" in preds and "see" not in preds
