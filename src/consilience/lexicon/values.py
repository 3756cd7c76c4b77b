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
