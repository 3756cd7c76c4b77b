"""A reported question asserts nothing and a condition sets no certainty: neither is set against a
statement of the same words (no modality conflict, no false "stated as certain")."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.claims import extract_claims
from consilience.story.judge import judge


def _claims(st: Story, key: str, sentence: str, content: str, cue: str,
            certainty: str = "asserted"):
    an = st.add(key, [sentence], clauses=[(content, certainty, False)],
                quotes=[(content, "reported", None, cue)])
    return [c for c in extract_claims(an, st.resolution) if content.startswith(c.text[:20])]


def test_the_content_of_a_question_is_open_and_of_a_statement_is_asserted():
    st = Story()
    [asked] = _claims(st, "harbour-news",
                      "A dock worker asked the harbourmaster whether the pier had been inspected.",
                      "the pier had been inspected", "asked")
    [said] = _claims(st, "quay-post",
                     "The harbourmaster said the pier had been inspected in May.",
                     "the pier had been inspected in May", "said")
    assert asked.certainty == "hedged"
    assert said.certainty == "asserted"


def test_three_outlets_reporting_one_question_show_no_modality_conflict():
    st = Story()
    # the clause finder hedges the content after "if" but not after "whether": without the
    # question rule the three would show "stated as certain by some, as possible by others"
    groups = [[c for key, cue, form, cert in (
        ("harbour-news", "asked", "whether he backs the pier plan", "asserted"),
        ("quay-post", "asked", "if he backed the pier plan", "hedged"),
        ("coast-daily", "wondered", "whether he backed the pier plan", "asserted"))
        for c in _claims(st, key, f"A dock worker {cue} the mayor {form}.",
                         form.split(" ", 1)[1], cue, cert)]]
    assert len(groups[0]) == 3
    [fact] = judge(groups, st.origins, st.resolution)
    assert not [c for c in fact.conflicts if c.kind == "modality"]
    assert fact.status == "corroborated"


def test_a_conditional_sets_no_certainty_against_a_statement():
    st = Story()
    a = st.add("harbour-news", ["The skipper threatened to sink the pier boat."],
               clauses=[("The skipper threatened to sink the pier boat.", "asserted", False)])
    b = st.add("quay-post", ["If they come back, I will sink their boat."],
               clauses=[("If they come back, I will sink their boat.", "hedged", False)])
    c = st.add("coast-daily", ["The skipper may sink the pier boat, officials fear."],
               clauses=[("The skipper may sink the pier boat", "hedged", False)])
    ca, cb, cc = (extract_claims(x, st.resolution)[0] for x in (a, b, c))
    [fact] = judge([[ca, cb]], st.origins, st.resolution)
    assert not [x for x in fact.conflicts if x.kind == "modality"]
    # near miss: a hedge without a condition is still a discrepancy
    [fact] = judge([[ca, cc]], st.origins, st.resolution)
    assert [x.kind for x in fact.conflicts if x.kind == "modality"] == ["modality"]
