"""Words around personal names: generational suffixes, gendered honorifics, kinship nouns."""

from __future__ import annotations

from .people import FEMALE_HONORIFICS, MALE_HONORIFICS

# Generational suffixes, normalised (lower case, no dot) to one generation mark.
GENERATIONS: dict[str, str] = {
    "jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr",
    "ii": "ii", "iii": "iii", "iv": "iv",
}
# The generation a suffix-less name stands for when the other one of the family is named with
# "Jr." / "II": the father; and the mark that opposes each generation.
OTHER_GENERATION: dict[str, str] = {"jr": "sr", "sr": "jr", "ii": "sr", "iii": "ii", "iv": "iii"}

# Courtesy titles that state a gender ("Mrs. Orrin" is not "Mr. Orrin").
HONORIFIC_GENDER: dict[str, str] = {
    **{w: "f" for w in FEMALE_HONORIFICS}, **{w: "m" for w in MALE_HONORIFICS},
    "lord": "m", "dame": "f", "lady": "f",
}

# "the elder Vance" / "the younger Vance": which generation the adjective picks.
ELDER_YOUNGER: dict[str, str] = {"elder": "sr", "older": "sr", "younger": "jr"}
# "his father, Tomas Berg": a kinship noun in apposition names the other generation.
KIN_GENERATION: dict[str, str] = {
    "father": "sr", "mother": "sr", "dad": "sr", "mom": "sr", "mum": "sr",
    "son": "jr", "daughter": "jr",
}
