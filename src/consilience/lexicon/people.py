"""Words about people: honorifics, titles and roles written before names, pronouns, and the
nouns that count people."""

from __future__ import annotations

# Courtesy forms (token forms): they mark a person but state no role.
HONORIFICS: frozenset[str] = frozenset(
    {"mr.", "mrs.", "ms.", "miss", "mx.", "dr.", "prof.", "mr", "mrs", "ms", "dr"})
# Honorifics that tell a pronoun's gender (quote speakers: "Ms. Ruiz ... she said").
FEMALE_HONORIFICS: tuple[str, ...] = ("ms.", "mrs.", "miss", "ms", "mrs", "madam")
MALE_HONORIFICS: tuple[str, ...] = ("mr.", "mr", "sir")
# Words that make a run of title-cased tokens before a name a role ("HLA Secretary-General").
ROLE_WORDS: frozenset[str] = frozenset(
    """president minister secretary general secretary-general spokesperson spokesman spokeswoman
    adviser advisor leader chief chairman chairwoman chair chairperson director ambassador envoy
    governor mayor senator sen. rep. representative chancellor premier king queen prince princess
    emperor pope commander officer admiral colonel lieutenant captain sergeant marshal judge justice
    attorney prosecutor ceo cfo coo founder head deputy vice speaker commissioner inspector sheriff
    councillor councilman delegate consul dictator ruler monarch sultan emir sheikh ayatollah
    cardinal bishop archbishop rabbi imam pastor professor lawmaker legislator diplomat official
    aide negotiator manager executive mp gov. gen. col. lt. capt. adm. sgt. cmdr. supt. gov gen
    analyst correspondent editor coach owner mufti patriarch vice-president vice-chairman whip""".split()
)
# Lower-case words allowed inside a role before the role word ("foreign minister").
ROLE_MODIFIERS: frozenset[str] = frozenset(
    """foreign defense defence prime deputy vice former acting interim senior top chief first
    assistant associate press national security state finance interior economy economic trade
    health then supreme executive military diplomatic presidential special principal junior
    general regional local federal provincial opposition party armed navy army air staff majority
    minority""".split()
)
# Words stripped from the front of a name before two names are compared across articles
# (normalised: lower case, no dots). Wider than ROLE_WORDS on purpose: occupations written
# before a name ("Comedian X", "defensive tackle X") are not roles the analyzer states.
NAME_TITLES: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general",
    "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "sgt",
    "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge", "justice",
    "king", "queen", "prince", "princess", "pope", "rev", "reverend", "father", "sheikh",
    "ayatollah", "chairman", "chairwoman", "leader", "supreme", "commander", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "foreign", "defense", "defence", "interior",
    "finance", "deputy", "chief", "former", "state", "marshal", "comrade", "officer", "detective",
    "inspector", "coach", "ceo", "director", "envoy", "emperor", "crown", "speaker", "whip",
    "majority", "minority",
    "comedian", "actor", "actress", "singer", "rapper", "star", "host", "player", "quarterback",
    "tackle", "lineman", "defensive", "offensive", "receiver", "striker", "midfielder",
    "goalkeeper", "author", "writer", "filmmaker", "producer", "musician", "model", "designer",
    "chef", "artist", "dancer", "lawyer", "attorney", "prosecutor", "suspect", "victim",
    "trooper", "sheriff", "police", "coroner", "surgeon", "doctor",
})

# titles of address and office written before a surname that `NAME_TITLES` leaves out (read
# only by `story.namefind` with `ResolveOptions.name_known_forms`: a title, then a known
# person's surname)
ADDRESS_TITLES: frozenset[str] = frozenset({
    "fr", "br", "sr", "revd", "madam", "madame", "mme", "mlle", "mister", "auntie", "aunty",
    "uncle", "controller", "comptroller", "superintendent", "constable", "corporal", "deacon",
    "alhaji", "alhaja", "hajia", "registrar", "headmaster", "headmistress", "skipper",
})


# Personal pronouns a quote speaker can be (subject and object forms).
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her",
                                      "them"})
# Pronouns and possessives that never name an entity (resolve drops them as name forms).
PRONOUN_FORMS: frozenset[str] = frozenset({"he", "she", "they", "it", "him", "her", "them", "his",
                                           "its", "their", "we", "i"})
# Speaker words that name nobody in particular: a renderer cites the outlet instead.
VAGUE_SPEAKERS: frozenset[str] = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "nobody", "no one",
     "someone", "somebody", "everyone", "everybody", "anyone"})
# ... and, where a possessive can open the speaker ("his aide"), these too.
VAGUE_SPEAKERS_POSSESSIVE: frozenset[str] = VAGUE_SPEAKERS | {"his", "her", "their", "its", "him",
                                                              "them"}

# Nouns that count people: one unit for "residents", "people", "persons", "others".
PEOPLE_NOUNS: frozenset[str] = frozenset(
    {"people", "person", "persons", "resident", "passenger", "civilian", "victim", "casualty",
     "individual", "adult", "child", "children", "other", "evacuee", "inhabitant"})
# The stems align reads counts with ("212 persons" / "212 people" / "passengers"): a shorter
# list, tuned on its own data, kept apart from PEOPLE_NOUNS so align's figures stay put.
PEOPLE_STEMS_ALIGN: tuple[str, ...] = ("people", "person", "persons", "passeng", "individual",
                                       "resident", "civilian", "other", "others")

# Common nouns that name speakers without naming anyone: the head of "company officials",
# "the police" (judge: two such speakers may be the same people and never conflict).
GENERIC_SPEAKER_NOUNS: frozenset[str] = frozenset({
    "police", "cops", "officials", "authorities", "officer", "officers", "investigators",
    "witnesses", "residents", "neighbours", "neighbors", "locals", "villagers", "sources",
    "pals", "friends", "relatives", "experts", "analysts", "spokesperson", "spokesman",
    "spokeswoman", "rescuers", "firefighters", "doctors", "staff", "insiders", "critics"})
# First words of an unnamed source phrase ("officials", "a senior official", "sources close to
# the talks"), for the renderer's citation notes. A different cut from GENERIC_SPEAKER_NOUNS on
# purpose: it tests the first word, so determiners, numerals and singular forms belong here.
UNNAMED_SOURCE_OPENERS: frozenset[str] = frozenset({
    "a", "an", "the", "some", "one", "two", "three", "several", "many", "other", "officials",
    "official", "sources", "source", "experts", "expert", "analysts", "analyst", "authorities",
    "witnesses", "witness", "residents", "observers", "diplomats", "people", "police",
    "investigators", "spokesman", "spokeswoman", "spokesperson", "reports", "critics"})

# Titles that name one post in different house styles ("Rep." / "the congressman", "Sen." / "the
# senator"): a role noun standing for a person earlier given one of its class's titles. A word in
# two classes ("lawmaker") stands for either.
ROLE_CLASSES: tuple[frozenset[str], ...] = (
    frozenset({"rep", "representative", "congressman", "congresswoman", "congressmember",
               "lawmaker", "legislator"}),
    frozenset({"sen", "senator", "lawmaker", "legislator"}),
    frozenset({"gov", "governor"}),
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    frozenset({"lawyer", "attorney", "counsel"}),
    frozenset({"mp", "lawmaker", "legislator"}),
)

# Words a speaker phrase may open with before its common noun ("the police", "two officials",
# "local residents"): judge/attribution skips one to find the head.
SPEAKER_DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "one", "some", "two", "several", "local"})
# Nouns of a body: "the city council", "the fire service" name one body, even in lower case
# (sources: such a speaker is not unnamed).
INSTITUTION_NOUNS: frozenset[str] = frozenset({
    "council", "ministry", "government", "department", "court", "army", "military", "navy",
    "agency", "office", "authority", "commission", "company", "board", "committee", "union",
    "embassy", "parliament", "service", "coastguard", "guard", "hospital", "university",
    "cabinet", "kremlin", "presidency", "prosecutor", "prosecutors", "administration",
})
# Job words of a byline ("Staff writer", "Ostkaj bureau"): a line of them names no author.
BYLINE_WORDS: frozenset[str] = frozenset(
    "bureau contributor correspondent correspondents desk editor editors reporter reporters "
    "staff writer writers".split())

# Offices one person holds at a time in a story's place (r23-entities, read by
# `story.resolve._role_mentions` with `ResolveOptions.name_role_mentions`): a definite mention
# of one ("the district governor", "the Abbot", "The Director of the Crossing") stands for the
# one person the story names with it. Lower case, one or two words; the longest written one
# is the office ("chief judge" before "judge"). National offices ("president", "minister") and
# words many people share ("officer", "spokesman", "chief", "head") are left out on purpose.
OFFICE_NOUNS: frozenset[str] = frozenset({
    "governor", "prefect", "sub-prefect", "subprefect", "mayor", "director", "director-general",
    "director general", "collector", "abbot", "abbess", "chief executive",
    "chief judge", "chief justice", "chief engineer", "chief constable", "commissioner",
    "superintendent", "sheriff", "coroner", "magistrate", "administrator", "headmaster",
    "headmistress", "headteacher", "head teacher", "principal", "rector", "vicar",
    "parish priest", "bishop", "archbishop", "harbour master", "harbourmaster", "harbor master",
    "harbormaster", "stationmaster", "station master", "warden", "registrar", "chairman",
    "chairwoman", "chairperson", "managing director", "district officer", "police chief",
    "fire chief", "referee", "race director", "coxswain",
})
# Words before an office that make it another holder or another post ("the former governor",
# "the deputy director", "the late abbot", "the new mayor"): such a mention joins nobody, and a
# person named with such a role is no holder of the plain office.
OFFICE_OTHER_HOLDER: frozenset[str] = frozenset({
    "former", "late", "ex", "ex-", "previous", "outgoing", "erstwhile", "then", "retired", "past",
    "deputy", "vice", "assistant", "acting", "interim", "associate", "new", "incoming", "next",
    "future", "predecessor", "successor", "another", "other", "second", "first", "one", "each",
    "every", "two", "three", "both", "all", "some", "any", "no", "ex-governor", "sub",
})
# Lower-case words allowed between "the" and an office in a role mention ("the district
# governor", "the estate manager"), beside `ROLE_MODIFIERS` and capitalised words.
OFFICE_QUALIFIERS: frozenset[str] = frozenset({
    "district", "provincial", "county", "municipal", "city", "town", "village", "parish",
    "estate", "school", "hospital", "police", "fire", "harbour", "harbor", "port", "race",
    "club", "camp", "site", "mine", "plant", "project", "festival", "temple", "monastery",
    "divisional", "departmental", "prefectural", "regional", "state", "local", "province",
    "department", "station", "crossing", "highway", "airport", "museum", "prison", "zoo",
})

# Personal pronouns that refer back to a noun of the sentence before, with the number of the
# noun they take (judge/across.py, `AlignParams.judge_frames_pronouns`); "it" is left out (it
# refers to events and clauses as often as to things)
REFERRING_PRONOUNS: dict[str, str] = {"he": "singular", "she": "singular", "him": "singular",
                                      "her": "singular", "they": "plural", "them": "plural"}

# r25-roles (docs/quality.md, "r25-roles"; `story.roles`, `ResolveOptions.role_nouns`): the head
# nouns of a phrase written with a person ("X, the site manager", "Y is the keeper") that say
# nothing one person holds: people in general, states, numbers, what one did or suffered.
# Lower case. A role head outside this list is read from the story itself (the words written
# with its named people), not from a list of roles.
ROLE_NOUN_STOP: frozenset[str] = frozenset(
    """man woman men women boy girl child children baby person people persons one ones same
    other others victim victims survivor survivors resident residents local locals villager
    villagers passenger passengers guest guests neighbour neighbor friend friends colleague
    colleagues family relative relatives member members group team crowd public name names
    youth youngster teenager adult elder elders individual figure father mother parent wife
    husband spouse who whom whose which that this these those time year years day days week
    age aged moment way place area house home village town city site case story report
    statement news lord lady sir madam dead injured missing wounded
    living best prayer staff""".split())
# Words before an office that make a role mention indefinite or plural in effect ("a manager",
# "another director", "one commander"): the story then holds several, and the role joins nobody.
ROLE_INDEFINITE: tuple[str, ...] = ("a", "an", "another", "one")
# Prepositions that end a role's head words and begin its scope ("the head OF the village").
ROLE_SCOPE_PREPS: frozenset[str] = frozenset({"of", "for", "at", "in", "on", "from", "to"})
