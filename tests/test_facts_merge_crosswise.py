"""align, fact merge: two corroborated facts about one event that the one-claim-per-article
grouping split crosswise (one outlet's headline and another's lead in each) join; a fact about
another event with the same person and day stays apart. Fictional story: the invented town of
Lunmark, whose invented mayor Edda Voss resigns."""

from __future__ import annotations

from claim_fixtures import Story

from consilience.story.align import DEFAULT_PARAMS, _merge_facts, _Scorer, align
from consilience.story.claims import extract_claims
from consilience.story.values import value_roles

ENTS = [("Lunmark", "GPE", "lunmark"), ("Edda Voss", "PERSON", "voss"),
        ("Voss", "PERSON", "voss")]

STORIES = {
    "ledger": ["Lunmark mayor Edda Voss resigned on Friday.",
               "Edda Voss resigned as mayor of Lunmark on Friday after six years in office.",
               "Edda Voss opened the new Lunmark harbour bridge on Friday morning."],
    "wire": ["Mayor Edda Voss of Lunmark resigned on Friday.",
             "Voss resigned as Lunmark mayor on Friday after six years in the post.",
             "Voss opened the Lunmark harbour bridge to traffic on Friday morning."],
    "post": ["Lunmark mayor Edda Voss resigns after six years.",
             "Edda Voss, the mayor of Lunmark, resigned on Friday."],
}


def _setup(models, stories=STORIES):
    st = Story()
    for aid, sentences in stories.items():
        st.add(aid, sentences, entities=list(ENTS))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    scorer = _Scorer(claims, models.embed([c.text for c in claims]), DEFAULT_PARAMS)
    scorer.parse(models.nlp, models.embed, None)
    scorer.set_roles(value_roles(claims, models.nlp, None))
    return claims, scorer


def _at(claims, text: str) -> int:
    return next(k for k, c in enumerate(claims) if c.text.startswith(text))


def _split(claims, *facts):
    """Members and group ids as the grouping would leave them: each listed fact, the rest alone."""
    members = {f[0]: list(f) for f in facts}
    group_of = list(range(len(claims)))
    for g, ms in members.items():
        for m in ms:
            group_of[m] = g
    inside = {m for f in facts for m in f}
    members.update({k: [k] for k in range(len(claims)) if k not in inside})
    return members, group_of


def test_two_crosswise_facts_about_one_resignation_join(models):
    claims, scorer = _setup(models)
    x = [_at(claims, "Lunmark mayor Edda Voss resigned"), _at(claims, "Mayor Edda Voss"),
         _at(claims, "Edda Voss, the mayor")]
    y = [_at(claims, "Edda Voss resigned as"), _at(claims, "Voss resigned as"),
         _at(claims, "Lunmark mayor Edda Voss resigns")]
    bridge = [_at(claims, "Edda Voss opened"), _at(claims, "Voss opened")]
    members, group_of = _split(claims, x, y, bridge)
    _merge_facts(scorer, members, group_of, [c.span.article for c in claims], DEFAULT_PARAMS)
    assert group_of[x[0]] == group_of[y[0]]
    # the bridge opening names the same mayor and day, yet is another event
    assert group_of[bridge[0]] != group_of[x[0]]
    assert sorted(k for ms in members.values() for k in ms) == list(range(len(claims)))


def test_align_keeps_the_bridge_apart_from_the_resignation(models):
    st = Story()
    for aid, sentences in STORIES.items():
        st.add(aid, sentences, entities=list(ENTS))
    claims = [c for an in st.analyses for c in extract_claims(an, st.resolution)]
    groups = align(claims, models)
    for g in groups:
        texts = " ".join(c.text for c in g)
        assert not ("opened" in texts and "resigned" in texts)
    assert sorted(c.id for g in groups for c in g) == sorted(c.id for c in claims)


def test_an_article_denying_in_one_fact_what_it_states_in_the_other_blocks_the_join(models):
    stories = dict(STORIES)
    stories["post"] = ["Lunmark mayor Edda Voss did not resign after six years.",
                       "Edda Voss, the mayor of Lunmark, resigned on Friday."]
    claims, scorer = _setup(models, stories)
    x = [_at(claims, "Lunmark mayor Edda Voss resigned"), _at(claims, "Mayor Edda Voss"),
         _at(claims, "Edda Voss, the mayor")]
    y = [_at(claims, "Edda Voss resigned as"), _at(claims, "Voss resigned as"),
         _at(claims, "Lunmark mayor Edda Voss did not")]
    members, group_of = _split(claims, x, y)
    _merge_facts(scorer, members, group_of, [c.span.article for c in claims], DEFAULT_PARAMS)
    assert group_of[x[0]] != group_of[y[0]]
