"""Issue 3 polarity: "deny/reject/dismiss X" negates only when X is a claim, an act or a
that-clause; "dismissed X as Y" characterises X. Fictional sentences."""

from __future__ import annotations

import pytest

from consilience.analysis.modality import extract_clauses, hypothetical_act
from consilience.model import Article


def main_clause(nlp, text: str):
    clauses = extract_clauses(nlp(text), Article(id="m", text=text))
    return max(clauses, key=lambda c: c.end - c.start)


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, Foreign Minister Ilka Varn dismissed the apparent thaw between Ostrania and "
        "Velmora as a 'lonely romance', urging more talks.",
        "The Fenwick council rejected the harbour offer.",
        "Mayor Dario Osk dismissed the new ferry timetable as too slow.",
    ],
)
def test_characterising_or_refusing_an_object_is_not_a_denial(nlp, text):
    c = main_clause(nlp, text)
    assert c.negated is False, c.cues


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Foreign Minister Ilka Varn dismissed the reports as propaganda.", "dismissed"),
        ("The Fenwick ferry company denied any wrongdoing.", "denied"),
        ("Mayor Dario Osk denied involvement in the harbour deal.", "denied"),
        ("The council rejected the suggestion that it had hidden the costs.", "rejected"),
        ("Osk rejected the view that the treaty was void.", "rejected"),
        ("Mayor Dario Osk denied meeting the Velmoran envoy.", "denied"),
    ],
)
def test_denying_a_claim_an_act_or_a_that_clause_negates(nlp, text, cue):
    c = main_clause(nlp, text)
    assert c.negated is True and cue in c.cues


def test_denied_that_clause_still_negates_the_complement(nlp):
    text = "The ministry denied that troops had crossed the Velmoran border."
    clauses = {text[c.start : c.end]: c for c in extract_clauses(nlp(text), Article("d", text))}
    assert clauses["that troops had crossed the Velmoran border"].negated is True
    assert clauses["The ministry denied that troops had crossed the Velmoran border"].negated \
        is False


@pytest.mark.parametrize(
    "text,verb,cue",
    [
        ("Both firms are likely to deny the deal.", "deny", "likely to"),
        ("Osk may claim victory.", "claim", "may"),
        ("Osk will probably say more.", "say", "will probably"),
        ("Osk said he would argue the case.", "argue", "would"),
        ("Osk said nothing.", "said", None),
        ("Osk would later say more.", "say", None),
        ("I would say the vote was fair.", "say", None),
        ("Osk will say more on Monday.", "say", None),
        ("Voters were more likely to say no.", "say", None),
    ],
)
def test_hypothetical_act(nlp, text, verb, cue):
    tok = next(t for t in nlp(text) if t.text == verb)
    assert hypothetical_act(tok) == cue
