"""A conflict about one event (date, negation, modality, entity) is shown only between claims
that state that event: they share a predicate, by lemma or news class (fictional sentences)."""

from __future__ import annotations

from consilience.model import Claim, Entity, Origins, Quantity, Resolution, Span, TimeExpr
from consilience.story.judge import judge
from consilience.story.values import value_roles


def _claim(nlp, aid: str, text: str, times: dict[str, str] | None = None,
           money: dict[str, float] | None = None, **kw):
    times = [TimeExpr(text.index(t), text.index(t) + len(t), t, value=v)
             for t, v in (times or {}).items()]
    qs = [Quantity(text.index(q), text.index(q) + len(q), q, v, v, unit="USD")
          for q, v in (money or {}).items()]
    c = Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
              times=times, quantities=qs, **kw)
    return c, nlp(text)


def _kinds(nlp, *pairs) -> set[str]:
    claims, docs = [], {}
    for n, (text, kw) in enumerate(pairs):
        c, doc = _claim(nlp, f"a{n}", text, **kw)
        claims.append(c)
        docs[c.span.article] = doc
    roles = value_roles(claims, nlp, docs)
    [fact] = judge([claims], Origins(), Resolution(), docs=docs, roles=roles)
    return {cf.kind for cf in fact.conflicts}


def test_two_events_on_two_days_are_no_date_conflict(nlp):
    # the ferry left on one day and sank on another: two events, no dispute
    assert "date" not in _kinds(
        nlp, ("The Lorvik ferry left the port of Hessa on Tuesday.", {"times": {"Tuesday": ""}}),
        ("The Lorvik ferry sank off Hessa on Wednesday.", {"times": {"Wednesday": ""}}))


def test_one_event_on_two_days_is_a_date_conflict(nlp):
    # "sank" and "capsized" are one news event: the days disagree
    assert "date" in _kinds(
        nlp, ("The Lorvik ferry sank off Hessa on Tuesday.", {"times": {"Tuesday": ""}}),
        ("The Lorvik ferry capsized off Hessa on Wednesday.", {"times": {"Wednesday": ""}}))


def test_two_statements_on_two_days_are_no_date_conflict(nlp):
    # the speech act frames the claims; what was said is not the same event
    assert "date" not in _kinds(
        nlp, ("In a statement on Tuesday night, the Hessa clinic said", {"times": {"Tuesday": ""}}),
        ("On Wednesday night, the Hessa clinic issued a statement saying the mayor was resting.",
         {"times": {"Wednesday": ""}}))


def test_a_counterfactual_denies_no_event_of_another(nlp):
    # neither claim names an event the other states: no affirmation against a denial
    assert "negation" not in _kinds(
        nlp, ("The harbour wardens had not been there.", {"negated": True}),
        ("Without the harbour wardens, it would have been a disaster.", {}))


def test_the_same_verb_affirmed_and_denied_is_a_negation_conflict(nlp):
    assert "negation" in _kinds(
        nlp, ("The Lorvik ferry was not overloaded.", {"negated": True}),
        ("The Lorvik ferry was overloaded.", {}))


def test_hedged_and_certain_about_two_events_is_no_modality_conflict(nlp):
    assert "modality" not in _kinds(
        nlp, ("The Hessa council may close the harbour.", {"certainty": "hedged"}),
        ("The Hessa council reopened the bridge.", {}))


def test_hedged_and_certain_about_one_event_is_a_modality_conflict(nlp):
    assert "modality" in _kinds(
        nlp, ("The Hessa council may close the harbour.", {"certainty": "hedged"}),
        ("The Hessa council will close the harbour.", {}))


def test_a_plan_sets_no_certainty_against_a_forecast(nlp):
    # one outlet gives the council's plan, another a forecast of the same opening: a plan
    # states no certainty about whether it happens
    assert "modality" not in _kinds(
        nlp, ("The Harlow bypass may open on Friday.", {"certainty": "hedged"}),
        ("The Harlow council plans to open the bypass on Friday.", {}))


def test_an_expectation_against_a_plain_future_is_still_a_modality_conflict(nlp):
    assert "modality" in _kinds(
        nlp, ("The Harlow bypass is expected to open on Friday.", {"certainty": "hedged"}),
        ("The Harlow bypass will open on Friday.", {}))


def test_advice_and_a_counterfactual_set_no_certainty(nlp):
    # "should" gives advice, "would" imagines: neither says how certain the event is
    assert "modality" not in _kinds(
        nlp, ("Harlow residents may leave the valley.", {"certainty": "hedged"}),
        ("Harlow residents should leave the valley.", {}))
    assert "modality" not in _kinds(
        nlp, ("Ms Odenkirk might stay on as Harlow's coach.", {"certainty": "hedged"}),
        ("Ms Odenkirk would stay on as Harlow's coach.", {}))


def test_a_reported_event_against_a_stated_one_is_still_a_modality_conflict(nlp):
    assert "modality" in _kinds(
        nlp, ("The Harlow dam may have failed on Friday.", {"certainty": "hedged"}),
        ("The Harlow dam failed on Friday.", {}))


def test_the_years_two_sums_cover_are_no_date_conflict(nlp):
    # "in 2033" / "in 2034" say which sum, not when one event happened
    assert not _kinds(
        nlp, ("The Varke foundation earned $1.8 million in 2033.",
              {"times": {"2033": "2033"}, "money": {"$1.8 million": 1.8e6}}),
        ("The Varke foundation earned $1.3 million in 2034.",
         {"times": {"2034": "2034"}, "money": {"$1.3 million": 1.3e6}}))


def test_one_founding_in_two_years_is_a_date_conflict(nlp):
    assert "date" in _kinds(
        nlp, ("The Varke foundation was founded in 2033.", {"times": {"2033": "2033"}}),
        ("The Varke foundation was founded in 2034.", {"times": {"2034": "2034"}}))


def test_two_sums_for_one_year_are_a_number_conflict(nlp):
    assert "number" in _kinds(
        nlp, ("The Varke foundation earned $1.8 million in 2033.",
              {"times": {"2033": "2033"}, "money": {"$1.8 million": 1.8e6}}),
        ("In 2033, the Varke foundation earned $1.3 million.",
         {"times": {"2033": "2033"}, "money": {"$1.3 million": 1.3e6}}))


def _speakers(texts: dict[str, tuple[str, str, str]]) -> set[str]:
    """Attribution conflicts among one quotation as each article gives it: article id ->
    (text, the quotation's words, the speaker the quote finder credited)."""
    claims = []
    for aid, (text, words, who) in texts.items():
        i = text.index(words)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, i, i + len(words)), text=words,
                            sentence=0, asserted_by_name=who, article_quote=f"{aid}:q0"))
    [fact] = judge([claims], Origins(), Resolution(), texts={k: v[0] for k, v in texts.items()})
    return {cf.kind for cf in fact.conflicts}


_WORDS = "His conduct shames the harbour council"
_HOLM = (f'"{_WORDS}," said Lars Holm, a council spokesman.\n', _WORDS, "Lars Holm")


def test_a_quotation_alone_in_its_paragraph_is_credited_to_nobody_else():
    # the speaker of the paragraph before is carried over: an inference, not an attribution
    alone = (f'Tove Brandt said the pier was unsafe.\n\n"{_WORDS}."\n', _WORDS, "Tove Brandt")
    assert "attribution" not in _speakers({"a0": alone, "a1": _HOLM})


def test_a_quotation_credited_in_its_paragraph_to_another_speaker_conflicts():
    named = (f'"{_WORDS}," Tove Brandt said.\n', _WORDS, "Tove Brandt")
    assert "attribution" in _speakers({"a0": named, "a1": _HOLM})


def test_a_quotation_running_on_from_the_paragraph_before_keeps_its_speaker():
    runs = (f'Tove Brandt said: "The pier is unsafe.\n\n"{_WORDS}."\n', _WORDS, "Tove Brandt")
    assert "attribution" in _speakers({"a0": runs, "a1": _HOLM})


def test_an_act_denied_of_one_thing_and_affirmed_of_another_is_no_negation(nlp):
    assert "negation" not in _kinds(
        nlp, ("The harbour master has not apologized to the dock workers.", {"negated": True}),
        ("The harbour master apologized for her remarks.", {}))


def test_an_act_denied_and_affirmed_of_one_thing_is_a_negation_conflict(nlp):
    assert "negation" in _kinds(
        nlp, ("The harbour master has not apologized to the dock workers.", {"negated": True}),
        ("The harbour master apologized to the dock workers on Friday.", {}))



def test_a_clause_misparsed_under_a_dateline_still_states_its_event(nlp):
    # a parse that hangs "foiled" off the dateline name (as a line without a full stop before
    # it can cause): the claim's verb still names its event
    from spacy.tokens import Doc

    words = ["Hessa", ":", "A", "cutter", "foiled", "a", "smuggling", "run", "on", "Friday"]
    misparsed = Doc(nlp.vocab, words=words, spaces=[False] + [True] * 8 + [False],
                    heads=[0, 0, 3, 4, 0, 7, 7, 4, 4, 8],
                    deps=["ROOT", "punct", "det", "nsubj", "dep", "det", "compound", "dobj",
                          "prep", "pobj"],
                    pos=["PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "NOUN", "ADP",
                         "PROPN"],
                    lemmas=["Hessa", ":", "a", "cutter", "foil", "a", "smuggling", "run", "on",
                            "Friday"])
    a, _ = _claim(nlp, "a0", misparsed.text, times={"Friday": ""})
    b, doc_b = _claim(nlp, "a1", "The cutter Vesta on Thursday foiled a smuggling run.",
                      times={"Thursday": ""})
    [fact] = judge([[a, b]], Origins(), Resolution(), docs={"a0": misparsed, "a1": doc_b})
    assert "date" in {cf.kind for cf in fact.conflicts}


def _credited(who: dict[str, tuple[str, str]]) -> set[str]:
    """Attribution conflicts when each article credits one quotation (in a paragraph that names
    its speaker) to a story entity: article id -> (speaker name, entity type)."""
    claims, ents, texts = [], [], {}
    for n, (aid, (name, type_)) in enumerate(who.items()):
        text = f'"{_WORDS}," {name} said.\n'
        texts[aid] = text
        ents.append(Entity(id=f"e{n}", name=name, type=type_,
                           mentions=[Span(aid, text.index(name), text.index(name) + len(name))]))
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 1, 1 + len(_WORDS)), text=_WORDS,
                            sentence=0, asserted_by=f"e{n}", article_quote=f"{aid}:q0"))
    [fact] = judge([claims], Origins(), Resolution(entities=ents), texts=texts)
    return {cf.kind for cf in fact.conflicts}


def test_a_person_and_an_organisation_may_both_have_said_it():
    # the harbour board speaks through its chief: no two speakers at odds
    assert "attribution" not in _credited({"a0": ("Tove Brandt", "PERSON"),
                                           "a1": ("Hessa Harbour Board", "ORG")})


def test_two_named_people_credited_with_one_quotation_conflict():
    assert "attribution" in _credited({"a0": ("Tove Brandt", "PERSON"),
                                       "a1": ("Lars Holm", "PERSON")})


def test_an_unnamed_spokeswoman_may_be_the_named_one():
    unnamed = (f'"{_WORDS}," a Hessa Harbour Board spokeswoman said.\n', _WORDS,
               "a Hessa Harbour Board spokeswoman")
    named = (f'"{_WORDS}," Tove Brandt said.\n', _WORDS, "Tove Brandt")
    assert "attribution" not in _speakers({"a0": unnamed, "a1": named})
