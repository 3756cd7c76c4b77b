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

# Number words and their values, as the quantity reader spells a number out ("forty-two").
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# "zero" .. "twelve", in that order: the number words times and story/values read alone.
NUMBER_WORDS_TO_TWELVE: dict[str, int] = {w: n for w, n in NUMBER_WORDS.items() if n <= 12}
# Scale words and abbreviations that multiply a number ("3 million", "$2bn").
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
}
# Plural scale words that stand for a vague number ("dozens", "hundreds") and their base.
PLURAL_SCALE_WORDS: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1e6,
    "billions": 1e9}
# Currency symbols and words, lower case, by ISO code.
CURRENCY_CODES: dict[str, str] = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
    "pounds": "GBP", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "won": "KRW",
    "yuan": "CNY"}
# Words for a span of years and its length ("a quarter-century", "a decade").
SPANS_OF_YEARS: dict[str, int] = {
    "quarter-century": 25, "quarter century": 25, "half-century": 50, "half century": 50,
    "decade": 10, "century": 100}
# Units of time as years, for the period a value covers ("over the decade": 10).
YEARS_OF_UNIT: dict[str, float] = {"year": 1.0, "decade": 10.0, "century": 100.0, "month": 1 / 12}

# Words that make a value a sum over time or over parts ("so far", "a total of"), as regular
# expression pieces.
TOTAL_PHRASES: tuple[str, ...] = ("so far", "to date", "in total", "in all", "all told",
                                  "altogether", "overall", "a total of", r"cumulative(?:ly)?")
# Adjectives that cut a stretch out of a whole ("the first 15 points", "the last two games").
STRETCH_ADJECTIVES: frozenset[str] = frozenset(
    {"first", "last", "opening", "final", "early", "late"})
# A count of the people present somewhere ("200 people were inside the hall", "90 passengers on
# board", "300 attended the vigil") is no count of those an event struck (values._present): the
# prepositions and adverbs that place the counted people, the verbs of being there, the nouns
# after "in"/"at" that name a state rather than a place ("in custody", "in critical condition"),
# and the nouns that name people by what befell them (a count of victims is never a head count
# of those present).
# a floor that leaves out its own figure ("more than three years" is not three years): the
# quantity reader starts such a floor one above a whole figure (`analysis.quantities`), and such a
# floor set against that very figure stays a discrepancy (`story.precision.on_floor`); an
# inclusive floor ("at least eight years") holds it
STRICT_FLOOR_WORDS: tuple[str, ...] = ("more than", "over", "above")
PRESENCE_PREPS: frozenset[str] = frozenset({"in", "inside", "at", "aboard", "on", "onboard", "within"})
PRESENCE_ADVERBS: frozenset[str] = frozenset({"inside", "aboard", "onboard", "present", "there"})
PRESENCE_VERBS: frozenset[str] = frozenset({"attend"})
STATE_NOUNS: frozenset[str] = frozenset({
    "condition", "custody", "state", "favour", "favor", "danger", "trouble", "charge",
    "control", "power", "office", "talk", "line", "queue", "list", "total", "all"})
VICTIM_NOUNS: frozenset[str] = frozenset({
    "victim", "casualty", "fatality", "body", "dead", "injured", "wounded", "hostage"})
# A count of the people given care ("40 were treated in hospital", "admitted") is no count of
# those hurt (some hurt are never treated, some treated were not hurt): the verb lemma prefixes
# of care and of harm (judge/number.py `_care_and_harm`).
CARE_PREFIXES: tuple[str, ...] = ("treat", "hospitali", "admit")
HARM_PREFIXES: tuple[str, ...] = ("injur", "hurt", "wound")
# Verbs whose object is an amount still to reach, not one reached ("needed 11 points").
NEED_VERBS: frozenset[str] = frozenset({"need", "require"})
# Words that make a value a rate per unit of time ("daily riders", "shipped annually").
RATE_WORDS: dict[str, str] = {
    "daily": "day", "nightly": "day", "hourly": "hour", "weekly": "week", "monthly": "month",
    "yearly": "year", "annual": "year", "annually": "year", "quarterly": "quarter"}
# A time noun with one of these is read as "per" that unit ("a day", "each month") ...
RATE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "each", "every", "per"})
# ... unless one of these makes it a point or a distance in time ("a day after the vote").
NOT_RATE_WORDS: frozenset[str] = frozenset(
    {"ago", "after", "before", "later", "earlier", "since", "until", "from"})

# nouns of bodies that vote or sit as one (the subject of "the board split 5-2" is who voted;
# the subject of "the budget passed 31-23" is what was voted on)
VOTING_BODIES: frozenset[str] = frozenset({
    "board", "council", "court", "committee", "panel", "jury", "house", "senate", "assembly",
    "parliament", "chamber", "congress", "legislature", "commission", "cabinet", "bench",
    "shareholder", "stockholder", "member", "justice", "judge", "voter", "lawmaker",
    "councillor", "councilor", "senator", "delegate", "legislator", "deputy", "mp", "team",
})

# Nouns of a measure whose modifier says what is measured ("the unemployment rate", "the
# inflation level"): a value of "the X rate" and one of "X" measure one thing
# (story/values.py `Role.measure`, `AlignParams.value_things`).
MEASURE_NOUNS: frozenset[str] = frozenset({"rate", "level", "ratio"})

# --- r21-lookalike (story/occasions.py `sum_marks`; `AlignParams.sums_apart`) ---
# Words that mark an amount as one more sum on top of another ("a further $2 million", "an
# additional 300 tonnes", "an extra 40 beds"): the marked amount is never that other sum, so two
# claims of one unit with other values, one so marked and one not, state two sums.
ADDITION_WORDS: frozenset[str] = frozenset({"further", "additional", "extra", "supplementary"})
# A preposition with its noun that sets the clause's amount beside another sum ("in addition to
# the state grant", "on top of the insurance payout"): (preposition, noun)
ADDITION_PREPS: frozenset[tuple[str, str]] = frozenset({("in", "addition"), ("on", "top")})
# Adjectives that make their noun an earlier occurrence of its kind ("an earlier compensation
# round", "a previous settlement", "the prior payout"); a time noun so marked ("the previous
# day") dates the event instead and is left out (`TIME_UNITS`, weekdays, months)
PRIOR_WORDS: frozenset[str] = frozenset({"earlier", "previous", "prior", "preceding"})

# --- r23-conflicts (`AlignParams.dispute_tolls`) ---
# The toll roles: the event classes of EVENT_LEMMA_PREFIXES whose counts are a toll of the
# people an event struck ("four spectators died" / "three people lost their lives"): two counts
# of one toll role of one story are one count told twice, whatever the person noun
# (`values.toll_role`, `values.one_toll`).
TOLL_CLASSES: frozenset[str] = frozenset({"death", "injury"})
# More lemma prefixes of the toll roles, read only by `values.Role.toll` (the alignment's and
# the judge's event classes, EVENT_LEMMA_PREFIXES and COUNTED_EVENTS, are left as they are).
TOLL_PREFIXES_MORE: dict[str, tuple[str, ...]] = {
    "death": ("martyr", "perish", "fatalit", "bodies", "body"),
    "injury": ("casualt",),
}
# r24-values (`AlignParams.claim_bound_sums`, `story.claims._bound_sum_cuts`): what marks a
# written money sum before its figures ("Rs 5 lakh", "FJ$18,000", "US$ 2 million") and after
# them ("5,000 rupees"), the scale words money is told in besides SCALE_WORDS ("lakh",
# "crore"), and the prepositions that bind a sum to whom or what it is for ("for families of
# the dead", "to each injured worker", "towards a new roof", "per household").
MONEY_PREFIXES: tuple[str, ...] = (
    "rs.", "rs", "inr", "us$", "fj$", "a$", "nz$", "c$", "hk$", "s$", "$", "\u20ac", "\u00a3",
    "\u00a5", "\u20b9", "\u09f3", "tk", "ksh", "ush", "tsh", "kes", "ugx", "eur", "usd", "gbp")
MONEY_WORDS: tuple[str, ...] = (
    "rupees", "dollars", "euros", "pounds", "shillings", "francs", "pesos", "rand", "yen",
    "yuan", "naira", "cedis", "kwacha", "dinars", "rubles", "roubles", "lari", "manat", "taka",
    "riel", "riels", "kip", "baht", "rupiah", "ringgit")
MONEY_SCALES: dict[str, float] = {"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
SUM_BINDING_PREPS: tuple[str, ...] = ("for", "to", "towards", "toward", "per")
# the words binding a sum to the thing named before it ("ornaments valued at Rs 4.2 crore",
# "cash of Rs 18 lakh")
SUM_OF_THING: tuple[str, ...] = ("valued at", "worth", "of", "totalling", "totaling",
                                 "amounting to")
