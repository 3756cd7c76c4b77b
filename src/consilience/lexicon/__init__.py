"""Word lists as data, one owner each (as spaCy keeps `lang/en/`).

Every stage that needs a closed class of English words (speech verbs, negation cues, months,
titles and honorifics, kinship nouns, hedges, number words, demonyms, ...) imports it from here,
so a list exists once. Where two stages need different cuts of one class on purpose, both cuts
live here under their own names, derived from one owner where that changes nothing, else with a
comment saying why they differ. Nothing here decides anything: these are constants only, with no
domain vocabulary of any one event; the lexicon imports nothing but itself.
"""
