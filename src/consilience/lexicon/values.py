"""Words that say what a number measures (story/values.py reads them on lemmas of the parse)."""

from __future__ import annotations

from .people import PEOPLE_NOUNS

# Verbs that only state or move a value: the subject names what is measured ("turnout was 61%",
# "the toll rose to 5"); their own lemma says nothing about the role.
VALUE_VERBS: frozenset[str] = frozenset({
    "be", "have", "reach", "rise", "climb", "increase", "grow", "jump", "stand", "total", "hit",
    "top", "fall", "drop", "decline", "put", "number", "remain", "become", "exceed", "near",
    "double"})

# Nouns whose counts are head counts of people, whatever the word.
PEOPLE_LEMMAS: frozenset[str] = PEOPLE_NOUNS | frozenset({
    "worker", "employee", "student", "soldier", "member"})

# Units of time: a number of them is a duration (or, with "old", an age).
TIME_UNITS: frozenset[str] = frozenset({
    "year", "month", "week", "day", "hour", "minute", "decade", "century"})

# What happened to the counted things, as lemma prefixes: counts of different events are
# different roles (the lemma forms of lexicon.events.COUNTED_EVENTS).
EVENT_LEMMA_PREFIXES: dict[str, tuple[str, ...]] = {
    "death": ("kill", "dead", "die", "death", "fatal", "drown", "toll", "life", "lives"),
    "injury": ("injur", "hurt", "wound", "hospital", "treat"),
    "missing": ("missing", "unaccounted"),
    "rescue": ("rescu", "save"),
    # "forced from their homes", "spent the night away from their homes", "homeless"
    "evacuation": ("evacuat", "displac", "shelter", "flee", "fled", "home"),
    "arrest": ("arrest", "detain"),
}

# Symbols spaCy flags as punctuation that are words of a quantity ("58%"): a span trimmed of
# trailing punctuation keeps them, or the claim loses its unit and its value.
UNIT_SYMBOLS: frozenset[str] = frozenset({"%", "\u2030"})

# Verbs of a changing count whose subject names what is counted ("the number of people killed
# has risen to 19"): align finds the event in that subject. A narrower cut of VALUE_VERBS, kept
# apart so align's reading stays put.
COUNT_CHANGE_VERBS: frozenset[str] = frozenset(
    {"rise", "climb", "reach", "increase", "grow", "jump", "stand"})
# Nouns that stand for a count ("the death toll", "the number of people"): the counted thing is
# their modifier.
COUNT_NOUNS: frozenset[str] = frozenset({"number", "toll", "tally", "count", "figure"})
# Unit words of a number that is never a count of things (judge/number: "5 percent", "9 am").
NOT_COUNT_UNITS: frozenset[str] = frozenset({"percent", "o'clock", "hour", "am", "pm"})
# Words that multiply the number before them: "two dozen" read as 2 is not a count of two.
MULTIPLIER_WORDS: frozenset[str] = frozenset(
    {"dozen", "dozens", "score", "scores", "hundred", "hundreds", "thousand", "thousands",
     "million", "millions"})
