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
