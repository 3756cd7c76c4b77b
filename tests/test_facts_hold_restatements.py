"""align, restatements and false joins found by reading reports: a fact may hold every sentence
of an article that states it; each rule with a near-miss that must not join. Fictional story: a
flood on the invented Vessa river around the town of Lunmark."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import Story

from consilience.model import Claim, Span
from consilience.story.align import DEFAULT_PARAMS, _Scorer, align
from consilience.story.claims import extract_claims
from consilience.story.frames import subjects

ENTS = [("Lunmark", "GPE", "lunmark"), ("Vessa", "LOC", "vessa"), ("Tessby", "GPE", "tessby")]


def _groups(models, stories: dict[str, list[str]], params=None, ents=ENTS, quotes=None,
            clauses=None):
    st = Story()
    for aid, sentences in stories.items():
        st.add(aid, sentences, entities=list(ents), quotes=(quotes or {}).get(aid, []),
               clauses=(clauses or {}).get(aid, []))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    return claims, align(claims, models, params)


def _group_of(groups, text: str):
    for g in groups:
        if any(text in c.text for c in g):
            return g
    raise AssertionError(text)


def _together(groups, x: str, y: str) -> bool:
    return any(y in c.text for c in _group_of(groups, x))


HEADLINE = "Lunmark dam operators opened the Vessa spillway on Friday night"
LEAD = "Operators of the Lunmark dam opened the Vessa spillway late on Friday night."
WIRE = "The Lunmark dam operators opened the Vessa spillway on Friday night."


def test_an_articles_headline_and_lead_both_sit_in_the_fact(models):
    claims, groups = _groups(models, {"ledger": [HEADLINE + ".", "Schools in Tessby stayed "
                                                 "open.", LEAD], "wire": [WIRE]})
    fact = _group_of(groups, "The Lunmark dam operators opened")
    assert sum(c.span.article == "ledger" for c in fact) == 2
    # the restatement pass is what lets the second sentence in
    off = align(claims, models, replace(DEFAULT_PARAMS, restate=False))
    assert sum(c.span.article == "ledger" for c in _group_of(off, "The Lunmark dam")) == 1
    # the contract still holds: every claim in exactly one fact
    ids = [c.id for g in groups for c in g]
    assert sorted(ids) == sorted(c.id for c in claims)


def test_a_denial_in_the_same_article_is_no_restatement(models):
    _, groups = _groups(models, {
        "ledger": [HEADLINE + ".", "Lunmark dam operators did not open the Vessa spillway "
                   "on Friday night."],
        "wire": [WIRE]})
    assert _together(groups, "The Lunmark dam operators opened", HEADLINE)
    assert not _together(groups, "The Lunmark dam operators opened", "did not open")


def test_two_clauses_of_one_sentence_are_never_restatements(models):
    claims, groups = _groups(models, {
        "ledger": ["Lunmark dam operators opened the Vessa spillway on Friday night, and "
                   "operators in Tessby opened the Vessa weir on Friday night."],
        "wire": [WIRE]})
    for g in groups:
        own = [c for c in g if c.span.article == "ledger"]
        assert len({c.sentence for c in own}) == len(own)


def test_the_same_verb_with_unrelated_subjects_is_no_fact(models):
    # "spending has fallen" / "heavy rain has fallen": one verb, two senses, two subjects
    _, groups = _groups(models, {
        "ledger": ["Spending on the upkeep of flood walls in Lunmark has fallen by 12 percent "
                   "since 2020."],
        "wire": ["Heavy rain has fallen across the hills above Lunmark since Friday."]})
    assert not _together(groups, "Spending on the upkeep", "Heavy rain")


def test_the_same_verb_and_subject_still_aligns(models):
    _, groups = _groups(models, {
        "ledger": ["Heavy rain has fallen across the hills above Lunmark since Friday."],
        "wire": ["Heavy rain has fallen on the hills around Lunmark since Friday morning."]})
    assert _together(groups, "across the hills", "on the hills")


def test_a_cause_as_subject_is_not_another_agent(models):
    # "a landslide derailed the train" / "the train derailed": the subject of a verb with an
    # object is only compared with another such subject
    _, groups = _groups(models, {
        "ledger": ["A landslide in the Vessa valley derailed the morning train to Tessby on "
                   "Tuesday."],
        "wire": ["A regional passenger train derailed near Lunmark on Tuesday morning after "
                 "running into a landslide in the Vessa valley."]})
    assert _together(groups, "A landslide in the Vessa valley derailed",
                     "A regional passenger train derailed")


def test_subjects_and_subjectless_fragments(nlp):
    subj, none = subjects(nlp("spending on the upkeep of flood walls has fallen"))
    assert subj == {"fall": {("nsubj", "spending")}} and not none
    assert subjects(nlp("meet the families of those evacuated"))[1]
    # a named subject is the resolver's business, not compared here
    assert subjects(nlp("Lunmark has fallen silent"))[0] == {}


def test_two_clauses_without_a_subject_need_a_near_paraphrase(models):
    # who meets the families is outside both claims: the dam chief in one, the minister in the
    # other ("before meeting the families" / "meet the families")
    ents = ENTS + [("Edda Voss", "PERSON", "voss"), ("Strand", "PERSON", "strand")]
    _, groups = _groups(models, {
        "ledger": ["\u201cWe will find out what went wrong at the dam,\u201d Strand stated, "
                   "before meeting the families of the evacuated behind closed doors."],
        "wire": ["Interior Minister Edda Voss said she would visit Lunmark on Wednesday and "
                 "meet the families of those evacuated."]}, ents=ents, quotes={
        "ledger": [("We will find out what went wrong at the dam,", "direct", "strand")],
        "wire": [("she would visit Lunmark on Wednesday and meet the families of those "
                  "evacuated", "reported", "voss")]}, clauses={
        "wire": [("she would visit Lunmark on Wednesday", "asserted", False),
                 ("meet the families of those evacuated", "asserted", False)]})
    texts = [c.text for g in groups for c in g]
    assert any(t.startswith("before meeting the families") for t in texts), texts
    assert any(t.startswith("meet the families") for t in texts), texts
    assert not _together(groups, "meeting the families", "meet the families")


def test_a_meeting_at_a_hall_is_not_a_visit_to_a_shelter_in_it(models):
    _, groups = _groups(models, {
        "ledger": ["There will be a public meeting about the flood at the Lunmark sports hall "
                   "on Thursday at 6 p.m."],
        "wire": ["Mayor Edda Voss, who visited the evacuation shelter in the Lunmark sports "
                 "hall, praised the volunteers."]},
        ents=ENTS + [("Edda Voss", "PERSON", "voss")])
    assert not _together(groups, "public meeting", "evacuation shelter")


def test_coordinating_a_rescue_is_not_receiving_a_call(models):
    _, groups = _groups(models, {
        "ledger": ["The Tessby flood authority has coordinated the rescue of residents from "
                   "the Vessa valley since Friday."],
        "wire": ["At 21:40 the Tessby flood authority rescue centre received a distress call "
                 "from the Vessa valley."]})
    assert not _together(groups, "coordinated the rescue", "received a distress call")


def test_a_request_not_to_travel_is_no_journey(models):
    # "asks the public not to travel to the terminal": a bare infinitive cut from a request
    # states a wish; it joins neither a crossing nor its own article's report of one
    texts = [("ledger", 0, "which was on its scheduled crossing from Port Lunmark to Vessa Island."),
             ("ledger", 1, "not to travel to the Vessa ferry terminal"),
             ("wire", 0, "The ship was travelling from Port Lunmark to the island Vessa.")]
    claims = [Claim(id=f"c{n}", span=Span(aid, 100 * n, 100 * n + len(t)), text=t, sentence=k)
              for n, (aid, k, t) in enumerate(texts)]
    groups = align(claims, models)
    assert not _together(groups, "The ship was travelling", "not to travel")


def test_a_restatement_keeps_polarity_and_certainty(models):
    # within one article the pair test alone would take "did not" for a restatement: the
    # negation flag or a negation word on one side only rules it out
    texts = ["Lunmark dam operators opened the Vessa spillway on Friday night",
             "Lunmark dam operators opened the Vessa spillway late on Friday night",
             "Lunmark dam operators never opened the Vessa spillway on Friday night"]
    claims = [Claim(id=f"c{n}", span=Span("ledger", 100 * n, 100 * n + len(t)), text=t,
                    sentence=n) for n, t in enumerate(texts)]
    sc = _Scorer(claims, models.embed(texts), DEFAULT_PARAMS)
    sc.parse(models.nlp, models.embed)
    assert sc.restates(0, 1) >= DEFAULT_PARAMS.threshold
    assert sc.score(0, 2, same_article=True) >= DEFAULT_PARAMS.threshold
    assert sc.restates(0, 2) < 0
    claims[1].negated = True
    assert sc.restates(0, 1) < 0
