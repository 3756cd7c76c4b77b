"""Letter groups that one name's spellings and romanisations write two ways, as data for the
learned name matcher's spelling key (`story.namelearn.spelling_key`, round 25,
docs/quality.md "r25-spell").

Not a table of one tradition's names: each group is a sound that the world's romanisations and
national orthographies write with other letters (kh/h, ph/f, dzh/j/dj, ou/u, w/v, y/i, a hard
c/k/q, doubled letters, vowel length marks dropped by folding diacritics). The key folds them
all, so two spellings of one name come close under it; the model (not this table) decides
whether close is one person.
"""

from __future__ import annotations

# (letters as written, as the key writes them), longer groups first; applied in order to a
# lower-case token without diacritics
SPELLING_FOLDS: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("dz", "j"), ("tch", "ch"),
    ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("kh", "h"), ("gh", "g"), ("ph", "f"),
    ("th", "t"), ("dh", "d"), ("bh", "b"), ("ck", "k"), ("ks", "x"), ("cs", "x"),
    ("qu", "k"), ("q", "k"), ("tz", "ts"), ("ts", "s"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"), ("ei", "i"), ("ey", "i"), ("ai", "e"),
    ("ay", "e"), ("ue", "u"), ("ae", "e"), ("oe", "e"),
    ("w", "v"), ("y", "i"), ("j", "i"), ("c", "k"), ("z", "s"),
)
# vowels (after the folds) that a consonant frame drops
SPELLING_VOWELS: str = "aeiou"

# round 26 (docs/quality.md "r26-spell"): function words the learned name matcher's context
# features (`story.namelearn.mention_context`) leave out of the words around a mention and of
# its role words, so that two mentions share content (an office, a place, a quoted phrase), not
# grammar
CONTEXT_STOP: frozenset[str] = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own said same says she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your told tells telling say saying according
mr mrs ms dr one two three last first year years day days week weeks month months
""".split())
