"""Places: country and body aliases, demonyms, capitals, compass words, locative prepositions.

resolve reads the tables to merge "U.S." with "United States" and "Kremlin" with Russia; judge and
the analyzer read the prepositions that put a name in the place role.
"""

from __future__ import annotations

# Canonical country / organisation names for their common short forms and acronyms.
NAME_ALIASES: dict[str, str] = {
    "us": "united states", "u s": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "the united states": "united states",
    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    "dprk": "north korea", "democratic peoples republic of korea": "north korea",
    "n korea": "north korea", "rok": "south korea", "republic of korea": "south korea",
    "s korea": "south korea",
    "russian federation": "russia", "prc": "china", "peoples republic of china": "china",
    "mainland china": "china", "uae": "united arab emirates", "kiev": "kyiv",
    "un": "united nations", "u n": "united nations", "eu": "european union",
    "e u": "european union", "nato": "north atlantic treaty organization",
    "who": "world health organization", "iaea": "international atomic energy agency",
    "imf": "international monetary fund", "fbi": "federal bureau of investigation",
    "cia": "central intelligence agency", "icc": "international criminal court",
    "opec": "organization of the petroleum exporting countries",
    "kcna": "korean central news agency", "asean": "association of southeast asian nations",
}
# Demonyms and region adjectives (normalised), by the country or region they name.
DEMONYMS: dict[str, str] = {
    "american": "united states", "russian": "russia", "north korean": "north korea",
    "south korean": "south korea", "chinese": "china", "japanese": "japan", "ukrainian": "ukraine",
    "venezuelan": "venezuela", "british": "united kingdom", "french": "france", "german": "germany",
    "iranian": "iran", "israeli": "israel", "syrian": "syria", "iraqi": "iraq",
    "afghan": "afghanistan", "pakistani": "pakistan", "indian": "india", "turkish": "turkey",
    "egyptian": "egypt", "saudi": "saudi arabia", "mexican": "mexico", "canadian": "canada",
    "brazilian": "brazil", "cuban": "cuba", "nicaraguan": "nicaragua", "colombian": "colombia",
    "italian": "italy", "spanish": "spain", "polish": "poland", "belarusian": "belarus",
    "armenian": "armenia", "azerbaijani": "azerbaijan", "lebanese": "lebanon",
    "jordanian": "jordan", "yemeni": "yemen", "libyan": "libya", "sudanese": "sudan",
    "nigerian": "nigeria", "kenyan": "kenya", "ethiopian": "ethiopia",
    "south african": "south africa", "australian": "australia", "vietnamese": "vietnam",
    "indonesian": "indonesia", "filipino": "philippines", "thai": "thailand",
    "taiwanese": "taiwan", "dutch": "netherlands", "swedish": "sweden", "finnish": "finland",
    "norwegian": "norway", "danish": "denmark", "greek": "greece", "hungarian": "hungary",
    "serbian": "serbia", "argentine": "argentina", "argentinian": "argentina",
    "chilean": "chile", "peruvian": "peru", "bolivian": "bolivia", "ecuadorian": "ecuador",
    "kazakh": "kazakhstan", "mongolian": "mongolia", "qatari": "qatar", "emirati":
    "united arab emirates", "irish": "ireland", "swiss": "switzerland", "austrian": "austria",
    "czech": "czech republic", "romanian": "romania", "bulgarian": "bulgaria",
    "moldovan": "moldova", "lithuanian": "lithuania", "latvian": "latvia", "estonian": "estonia",
    "haitian": "haiti", "somali": "somalia", "malian": "mali", "algerian": "algeria",
    "moroccan": "morocco", "tunisian": "tunisia", "bangladeshi": "bangladesh",
    "sri lankan": "sri lanka", "nepalese": "nepal", "burmese": "myanmar", "new zealand": "new zealand",
    # regions and blocs named by their adjective ("Western sanctions", "Europeans")
    "western": "west", "european": "europe", "african": "africa", "asian": "asia",
}
# A capital (or seat of government) named as a stand-in for its government stays a place,
# linked to its country.
CAPITALS: dict[str, str] = {
    "moscow": "russia", "kremlin": "russia", "the kremlin": "russia", "pyongyang": "north korea",
    "seoul": "south korea", "washington": "united states", "white house": "united states",
    "the white house": "united states", "beijing": "china", "tokyo": "japan", "kyiv": "ukraine",
    "london": "united kingdom", "paris": "france", "berlin": "germany", "tehran": "iran",
    "damascus": "syria", "baghdad": "iraq", "kabul": "afghanistan", "caracas": "venezuela",
    "managua": "nicaragua", "havana": "cuba", "ankara": "turkey", "cairo": "egypt",
    "riyadh": "saudi arabia", "minsk": "belarus", "hanoi": "vietnam", "taipei": "taiwan",
    "new delhi": "india", "islamabad": "pakistan", "ottawa": "canada", "mexico city": "mexico",
    "rome": "italy", "madrid": "spain", "warsaw": "poland", "beirut": "lebanon",
    "amman": "jordan", "tripoli": "libya", "khartoum": "sudan", "canberra": "australia",
    "brasilia": "brazil", "bogota": "colombia", "buenos aires": "argentina", "tbilisi": "georgia",
    "yerevan": "armenia", "baku": "azerbaijan", "doha": "qatar", "abu dhabi": "united arab emirates",
}

# The four compass points, as a place name opens with them ("the North", "North Vestra").
COMPASS_POINTS: frozenset[str] = frozenset({"north", "south", "east", "west"})
# Endings that turn a place name into its demonym ("Norland" -> "Norlandic", "Norlander").
DEMONYM_ENDINGS: tuple[str, ...] = ("ic", "ish", "ian", "ese", "i", "er", "n")

# "in Kallio": a lone capitalised word after these is where something happened (analyzer).
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near", "off", "outside", "inside"})
# Prepositions that put a place in the location role of its clause (judge/entity): one more
# than the analyzer's cut ("within"); "from"/"to" give a route, not where the event happened.
EVENT_PLACE_PREPOSITIONS: frozenset[str] = LOCATIVE_PREPOSITIONS | {"within"}
# "registered in", "based in": the words before a locative that say where a ship or firm
# belongs, not where the event happened.
NOT_EVENT_PLACE_WORDS: frozenset[str] = frozenset(
    {"registered", "based", "headquartered", "born", "live", "lives", "living"})
# Compass words a place name opens with in the analyzer's reading ("Upper Vestra").
COMPASS_WORDS: frozenset[str] = COMPASS_POINTS | {"upper", "lower"}
# Head nouns of an apposition that make the name a place ("Hadeby, the Norlandic capital").
PLACE_NOUNS: frozenset[str] = frozenset(
    """capital city town village port harbour harbor island islands region province district
    county state country municipality suburb neighbourhood neighborhood area zone strait bay
    coast peninsula river lake valley""".split()
)

# --- where a group of people was taken (judge/destination.py, `AlignParams.judge_destinations`)
# The verbs (as written) that move or keep a group at a destination ("the injured were taken to
# X", "evacuees are accommodated in Y"), and the prepositions that introduce it.
DESTINATION_VERBS: frozenset[str] = frozenset(
    """taken rushed shifted admitted transferred moved airlifted flown brought ferried
    accommodated housed sheltered treated hospitalised hospitalized""".split())
DESTINATION_PREPOSITIONS: frozenset[str] = frozenset({"to", "at", "in", "into"})
# The kinds of destination, each with the words (or two-word phrases) that name one: two
# destinations compared must be of one kind (two hospitals, two shelters), never a hospital
# against a town.
DESTINATION_KINDS: dict[str, frozenset[str]] = {
    "medical": frozenset(
        """hospital clinic infirmary dispensary health_centre burn_centre burns_centre
        burns_unit burn_unit medical_centre trauma_centre health_center medical_center
        trauma_center""".split()),
    "shelter": frozenset(
        """school shelter gym gymnasium culture_house community_hall community_centre
        community_center sports_hall town_hall village_hall""".split()),
}
# The people moved, by class: both sides' clauses must name the group with a word of one class
# ("the injured" / "injured persons"; "evacuees" / "evacuated residents").
DESTINATION_GROUPS: dict[str, frozenset[str]] = {
    "medical": frozenset(
        """injured wounded hurt casualties victims patients sick""".split()),
    "shelter": frozenset(
        """evacuees evacuated displaced homeless""".split()),
}
# Words of a group's clause that make it a part of the group or one more transfer ("five of
# the injured", "the others", "the rest", "also taken"): a part may go elsewhere, no dispute.
DESTINATION_PART_WORDS: frozenset[str] = frozenset(
    """of some several most other others rest remaining few many part half majority
    minority another also first second third later then subsequently""".split())
# Words of a destination's name that tell no place from another of its kind ("district",
# "regional", "the"): two destinations differ only by their other words.
DESTINATION_GENERIC_WORDS: frozenset[str] = frozenset(
    """the a an of and main central general district regional area county city town
    national state provincial referral local nearby nearest new old public teaching
    university""".split())
