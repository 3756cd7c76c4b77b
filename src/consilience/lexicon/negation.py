"""Negation cues, and the verbs that deny or refuse."""

from __future__ import annotations

# Words that negate the clause they modify (token forms, lower case).
NEGATION_WORDS: frozenset[str] = frozenset(
    {"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})
# The cue set align compares two claim texts with (a raw-text test, tuned on ECB+ train):
# it also reads "none" and "without", and leaves out "nothing/neither/nor".
NEGATION_WORDS_ALIGN: frozenset[str] = frozenset(
    {"not", "no", "never", "none", "nobody", "without", "n't"})
# Verbs whose object or complement is denied ("denied the report").
DENIAL_VERBS: frozenset[str] = frozenset({"deny", "reject", "dismiss", "refute", "disavow",
                                          "rebuff"})
# Verbs whose infinitive did not happen ("refused to say").
REFUSAL_VERBS: frozenset[str] = frozenset({"refuse", "decline", "fail"})
# Objects that make "deny/reject/dismiss X" a denial: something somebody claimed, or a state of
# affairs (wrongdoing, involvement) the subject is said to be part of.
CLAIM_NOUNS: frozenset[str] = frozenset(
    """claim report allegation accusation rumour rumor suggestion charge assertion story
    speculation notion idea account wrongdoing involvement responsibility knowledge link
    contact role existence guilt presence""".split()
)
# Pronouns that deny the verb they are an argument of ("nobody died", "nothing was taken",
# "none were injured"), and the determiner that does so on a noun ("no permit was issued",
# "there is no vaccine"): story/judge/negation.py `_denied_by_argument`
NEGATIVE_PRONOUNS: frozenset[str] = frozenset({"nobody", "nothing", "none", "no-one", "noone"})
NEGATIVE_DETERMINERS: frozenset[str] = frozenset({"no"})
# words that make a negative pronoun a comparison, not a denial ("nothing less than the
# league's survival is at stake", "nothing but praise was heard")
NEGATIVE_COMPARISON_WORDS: frozenset[str] = frozenset({"than", "but"})
# heads that make "no" + head a negative pronoun ("no one was hurt"), whatever the tagger says
NEGATIVE_PRONOUN_HEADS: frozenset[str] = frozenset({"one"})
