"""A different person opening a claim is a conflict only when the role is bound to one event:
the same act done to the same thing. Two players' misses of different throws, or a person the
other claim also names as acting, are no dispute; nor is a headline fragment, a noun modifier
or a described crowd set against a named person, or a bare title against the name it stands
before (fictional sentences, judged directly)."""

from __future__ import annotations

from consilience.model import Claim, Entity, Origins, Resolution, Span
from consilience.story.judge import judge


def _entity_conflicts(nlp, *rows: tuple[str, list[str]]) -> int:
    claims, docs, ents = [], {}, {}
    for n, (text, people) in enumerate(rows):
        aid = f"a{n}"
        ids = []
        for name in people:
            eid = ents.setdefault(name, Entity(id=f"e{len(ents)}", name=name, type="PERSON")).id
            short = name.split()[-1]
            at = text.index(name) if name in text else text.index(short)
            ents[name].mentions.append(Span(aid, at, at + (len(name) if name in text
                                                          else len(short))))
            ids.append(eid)
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, 0, len(text)), text=text, sentence=0,
                            entities=ids))
        docs[aid] = nlp(text)
    [fact] = judge([claims], Origins(), Resolution(entities=list(ents.values())), docs=docs,
                   texts={c.span.article: c.text for c in claims})
    return sum(cf.kind == "entity" for cf in fact.conflicts)


def test_two_players_missing_different_throws_are_two_acts(nlp):
    assert _entity_conflicts(
        nlp, ("Ilka Varga missed a penalty for the Marrow Hawks.", ["Ilka Varga"]),
        ("Daniel Okafor missed both free throws for the Marrow Hawks.", ["Daniel Okafor"]),
    ) == 0


def test_two_people_doing_one_act_to_one_thing_conflict(nlp):
    assert _entity_conflicts(
        nlp, ("Ilka Varga missed the last penalty for the Marrow Hawks.", ["Ilka Varga"]),
        ("Daniel Okafor missed the last penalty for the Marrow Hawks.", ["Daniel Okafor"]),
    ) == 1


def test_a_person_the_other_claim_names_acting_is_no_other_actor(nlp):
    assert _entity_conflicts(
        nlp, ("Ilka Varga ran for 80 metres while Daniel Okafor added 40.",
              ["Ilka Varga", "Daniel Okafor"]),
        ("Okafor ran for more than 40 metres.", ["Okafor"]),
    ) == 0


def test_a_headline_fragment_typed_person_is_no_actor(nlp):
    # the Harwick Ledger titles its pages in capitals; the tagger took one for a person
    assert _entity_conflicts(
        nlp, ("Ilka Varga drove the Hawks to the Ravens' goal line late on.", ["Ilka Varga"]),
        ("Hawks drove to the Ravens' goal line late on.", ["Ravens Edge Past The Hawks"]),
    ) == 0


def test_a_person_qualifying_a_noun_is_no_actor(nlp):
    assert _entity_conflicts(
        nlp, ("The Varga administration scrapped the harbour toll on Monday.", ["Ilka Varga"]),
        ("Daniel Okafor scrapped the harbour toll on Monday.", ["Daniel Okafor"]),
    ) == 0


def test_described_speakers_of_one_chant_are_no_attribution_conflict(nlp):
    """The Tamsin Courier writes "Scores chanted", the Orrin Post "Parade marchers chanted":
    people described, not named, are never set against each other."""
    words = "the harbour belongs to us"
    claims, docs = [], {}
    for n, who in enumerate(["Scores", "Parade marchers", "Ilka Varga", "Daniel Okafor"]):
        text = f'{who} chanted "{words}" outside the hall.'
        at = text.index(words)
        aid = f"a{n}"
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, at, at + len(words)), text=words,
                            sentence=0, asserted_by_name=who, quote="q1"))
        docs[aid] = (nlp(text), text)

    def kinds(cs):
        [fact] = judge([cs], Origins(), Resolution(entities=[]),
                       docs={c.span.article: docs[c.span.article][0] for c in cs},
                       texts={c.span.article: docs[c.span.article][1] for c in cs})
        return [cf.kind for cf in fact.conflicts]

    assert "attribution" not in kinds(claims[:2])
    assert "attribution" in kinds(claims[2:])  # two names still conflict


def test_a_bare_title_before_a_name_speaks_as_that_person():
    """The Harwick Ledger writes "said Minister for the Coast Ana Ruiz" and the quote
    extractor keeps "Minister"; the Orrin Post writes "Ruiz said": one speaker."""
    words = "the harbour toll will go by spring"
    ruiz = Entity(id="e0", name="Ana Ruiz", type="PERSON")
    texts = {"a0": f'"{words}," said Minister for the Coast Ana Ruiz.',
             "a1": f'"{words}," Ruiz said.'}
    claims = []
    for aid, text in texts.items():
        at = text.index(words)
        name = "Ana Ruiz" if aid == "a0" else "Ruiz"
        ruiz.mentions.append(Span(aid, text.index(name), text.index(name) + len(name)))
        claims.append(Claim(id=f"{aid}:c0", span=Span(aid, at, at + len(words)), text=words,
                            sentence=0, quote="q1",
                            **({"asserted_by_name": "Minister"} if aid == "a0"
                               else {"asserted_by": "e0"})))
    [fact] = judge([claims], Origins(), Resolution(entities=[ruiz]), texts=texts)
    assert not [cf for cf in fact.conflicts if cf.kind == "attribution"]
