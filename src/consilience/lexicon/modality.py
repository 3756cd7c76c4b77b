"""Hedges and the words that put an act in the future or in doubt."""

from __future__ import annotations

HEDGE_MODALS: frozenset[str] = frozenset({"may", "might", "could", "would", "should", "ought"})
HEDGE_ADVERBS: frozenset[str] = frozenset(
    """likely unlikely possibly probably perhaps maybe reportedly allegedly apparently
    purportedly supposedly seemingly presumably possible potentially""".split()
)
# verb lemma + "to" infinitive that makes the infinitive hedged ("is expected to arrive")
HEDGE_RAISING_VERBS: frozenset[str] = frozenset(
    {"expect", "believe", "appear", "seem", "plan", "aim", "intend", "hope", "report", "think",
     "say", "rumor", "rumour", "suspect", "allege", "want", "seek", "try", "threaten"}
)
# Verbs of belief whose clause complement is the event held likely ("investigators believe the
# fire was started by ..."): the verb tells how sure the holder is, not an event of its own
BELIEF_VERBS: frozenset[str] = frozenset(
    {"believe", "think", "suspect", "assume", "presume", "suppose", "reckon", "fear"})
SCHEDULE_WORDS: frozenset[str] = frozenset({"set", "schedule", "due"})
# Nouns of hearsay: "reports indicate that ...", "rumours say ...": a clause told by such a
# subject is passed on unconfirmed, as "reportedly" passes it on (judge, modality)
HEARSAY_NOUNS: frozenset[str] = frozenset({"report", "rumour", "rumor", "speculation"})
# Governors of an infinitive that put the act in the future or in doubt ("is likely to deny",
# "plans to say"). Not "refused to say": a refusal is a negation.
PREDICTING_WORDS: frozenset[str] = frozenset(
    """likely unlikely expect set due plan intend poise bound going hope want seek""".split()
)
PREDICT_ADVERBS: frozenset[str] = frozenset({"probably", "likely", "possibly", "perhaps",
                                             "maybe"})
# Auxiliaries of the future (and the conditional) that make a date a coming one.
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "shall", "'ll", "’ll", "may", "might",
                                                "would"})
# Lemmas and forms of scheduling or intent that make a bare weekday or month under them a coming
# one (analysis/times); the forms too, as the small model lemmatises "hopes" as "hop". A wider
# cut than SCHEDULE_WORDS, which marks a scheduled act as hedged.
SCHEDULING_FORMS: frozenset[str] = frozenset(
    {"set", "schedule", "scheduled", "due", "expect", "expected", "plan", "planned", "hope",
     "aim", "intend", "promise", "vow", "pledge", "hopes", "hoped", "hoping", "aims", "aimed",
     "intends", "intended", "promises", "promised", "vows", "vowed", "pledges", "pledged"})
# Governors of an infinitive that make the act planned or scheduled, not done ("is set to
# visit", "is due to sign", "plans to open", "is scheduled to land"); "is to sign" is read from
# the parse ("be" with a "to" infinitive). A plain future ("will", "shall") plans it too.
PLANNING_WORDS: frozenset[str] = frozenset(
    {"set", "schedule", "due", "plan", "intend", "slate", "poise"})
FUTURE_MARKERS: frozenset[str] = frozenset({"will", "shall", "'ll", "’ll"})
# Adverbs of a done act that place it on an earlier occasion than a plan of the same act
# ("previously hosted", "last hosted", "had once hosted"): the plan is another occasion of it
# (`judge.modality.planned_done`).
PRIOR_ACT_ADVERBS: frozenset[str] = frozenset(
    {"previously", "formerly", "once", "before", "earlier", "last"})
# Comparatives under "likely" that make it a poll's finding, not a hedge ("more likely to say").
COMPARATIVE_WORDS: frozenset[str] = frozenset({"more", "less", "most", "least", "as", "twice",
                                               "times"})
# Adverbs of "would" that make it the narrative future of the past ("would later say") or a
# report of what was said ("would only say"), not a hedge.
NARRATIVE_WOULD_ADVERBS: frozenset[str] = frozenset(
    {"later", "subsequently", "eventually", "afterwards", "afterward", "only"})

# Raising verbs of an attempt or a wish: the act is aimed at, its doubt is not the question
# ("tried to stop the driver" states no uncertainty about a stop).
ATTEMPT_VERBS: frozenset[str] = frozenset({"try", "want", "seek", "threaten", "hope"})
# Copulas and light verbs whose statement is their complement ("could be arson", "is likely"):
# a narrower cut than events.LIGHT_VERBS, which finds where a claim's event is.
COPULAR_VERBS: frozenset[str] = frozenset({"be", "have", "get", "become", "seem", "remain"})
# Determiners and adjectives that take a part of a set ("some calls", "a few flights").
PART_QUANTIFIERS: frozenset[str] = frozenset({"some", "few", "several", "many", "most",
                                              "certain"})

# How a certainty or negation value of a conflict reads to a journalist (summary and renderers).
READER_VALUE_WORDS: dict[str, str] = {"hedged": "possible", "asserted": "certain", "negated": "denied",
                                      "scheduled": "planned", "done": "done",
                                      "affirmed": "affirmed", "True": "affirmed", "False": "denied"}
