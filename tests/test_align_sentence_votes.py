"""align, `AlignParams.sentence_votes`: when the only good claim pairs between two groups are
pairs of sentence-pair evidence (rule "sentence"), the last grouping pass (`_linked_joins`,
`_group_link`) links them only by those pairs' own votes: an article pair that the calibrated
matcher alone finds likely (`group_p`) casts no vote, unless ("anchored") a sentence pair's two
claims state one value or one date. A sentence pair joins its own two claims; it does not pull a
third outlet's claim about another step of the event into their fact.

Fictional story: the invented river town of Orinde, whose weavers' guild picks a new head; one
outlet reports the guild's choice and what she may bring, others that the elders approached her
and offered her the post (another step, which those two outlets join by a rule)."""

from __future__ import annotations

from dataclasses import replace

from claim_fixtures import claim_at, parsed_claims

from consilience.story import align as align_module
from consilience.story.align import DEFAULT_PARAMS, Trace, align

OFF = replace(DEFAULT_PARAMS, sentence_votes="off", sentence_link=False)
OWN = replace(OFF, sentence_votes="own")
ANCHORED = replace(OFF, sentence_votes="anchored")

GUILD = {
    "fen": "Folasade Adeyemi-Okoro, the reported choice of the Orinde weavers' guild, could bring "
           "new buyers to the river market.",
    "moss": "Folasade Adeyemi-Okoro was approached by the Orinde guild elders about leading the "
            "weavers.",
    "reed": "Folasade Adeyemi-Okoro was offered the top post of the Orinde guild by its elders.",
    "sedge": "The elders of the Orinde guild approached Adeyemi-Okoro about the leadership of the "
             "weavers.",
}


def _story(models):
    claims, roles = parsed_claims(models, GUILD)
    trace = Trace()
    align(claims, models, OFF, roles=roles, trace=trace)
    sc = trace.scorer
    ids = {a: claim_at(claims, a, w) for a, w in
           (("fen", "bring"), ("moss", "approached"), ("reed", "offered"), ("sedge", "approached"))}
    return claims, sc, ids


def _set(sc, i: int, j: int, score: float, rule: str = "", proba: float = 0.0) -> None:
    key = (min(i, j), max(i, j))
    sc._cache[(*key, False)] = score
    sc._proba[key] = proba
    if rule:
        sc.rule[key] = rule


def _link(sc, claims, ids, p, left: list[str], right: list[str],
          pair: tuple[str, str]) -> list[list[str]]:
    """Run the group-link pass on two groups (outlets `left`, `right`) with the accepted pair
    `pair` between them; the outlets of every resulting group."""
    articles = [c.span.article for c in claims]
    group_of = list(range(len(claims)))
    members = {k: [k] for k in range(len(claims))}
    for side in (left, right):
        head = ids[side[0]]
        for a in side[1:]:
            members[head].append(ids[a])
            del members[ids[a]]
            group_of[ids[a]] = head
    i, j = ids[pair[0]], ids[pair[1]]
    align_module._linked_joins([(p.threshold, min(i, j), max(i, j))], sc, members, group_of,
                               articles, p)
    return sorted(sorted(articles[x] for x in m) for m in members.values() if len(m) > 1)


def test_a_lone_sentence_pair_pulls_no_other_step_into_a_fact(models):
    claims, sc, ids = _story(models)
    thr = DEFAULT_PARAMS.threshold
    f, m, r = ids["fen"], ids["moss"], ids["reed"]
    # the sentence evidence pairs the choice (fen) with one report of the request (moss); no
    # rule makes the choice good with the offer (reed), though the matcher finds it likely
    _set(sc, f, m, thr, "sentence")
    sc.sentence_pairs = {(min(f, m), max(f, m))}
    _set(sc, f, r, thr / 2, proba=0.9)
    assert not align_module._clearly_apart(sc, f, r)
    # without the switch the matcher's vote carries the choice into the request's fact
    assert _link(sc, claims, ids, OFF, ["moss", "reed"], ["fen"], ("fen", "moss")) \
        == [["fen", "moss", "reed"]]
    # with it the sentence pair's own vote is one of two article pairs: no majority, no link
    for p in (OWN, ANCHORED):
        assert _link(sc, claims, ids, p, ["moss", "reed"], ["fen"], ("fen", "moss")) \
            == [["moss", "reed"]]
    # a fourth outlet's report of the request, a sentence pair with the choice as well: two of
    # three article pairs are sentence pairs (more than `majority`), and the link holds
    s_ = ids["sedge"]
    _set(sc, f, s_, thr, "sentence")
    sc.sentence_pairs = {(min(f, m), max(f, m)), (min(f, s_), max(f, s_))}
    for p in (OFF, OWN, ANCHORED):
        assert _link(sc, claims, ids, p, ["moss", "reed", "sedge"], ["fen"], ("fen", "moss")) \
            == [["fen", "moss", "reed", "sedge"]]


def test_a_sentence_pair_stating_one_date_keeps_the_matchers_vote(models):
    claims, sc, ids = _story(models)
    thr = DEFAULT_PARAMS.threshold
    f, m, r = ids["fen"], ids["moss"], ids["reed"]
    _set(sc, f, m, thr, "sentence")
    sc.sentence_pairs = {(min(f, m), max(f, m))}
    _set(sc, f, r, thr / 2, proba=0.9)
    # both sentences of the pair give one day: one occasion, so the matcher's vote counts
    # ("anchored"); "own" still asks for a majority of the pairs' own votes
    sc.dates[f] = sc.dates[f] | {"2031-03-04"}
    sc.dates[m] = sc.dates[m] | {"2031-03-04"}
    assert _link(sc, claims, ids, ANCHORED, ["moss", "reed"], ["fen"], ("fen", "moss")) \
        == [["fen", "moss", "reed"]]
    assert _link(sc, claims, ids, OWN, ["moss", "reed"], ["fen"], ("fen", "moss")) \
        == [["moss", "reed"]]
    # a rule's good pair between the groups lets the link go ahead as before
    sc.dates[f] = sc.dates[f] - {"2031-03-04"}
    _set(sc, f, r, thr, "bound", proba=0.9)
    assert _link(sc, claims, ids, OWN, ["moss", "reed"], ["fen"], ("fen", "moss")) \
        == [["fen", "moss", "reed"]]
