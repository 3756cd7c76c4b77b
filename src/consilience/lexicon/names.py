"""Words around names: generational suffixes, gendered honorifics, kinship nouns, name particles,
the words that make a name an organisation or an outlet."""

from __future__ import annotations

from .people import FEMALE_HONORIFICS, MALE_HONORIFICS
from .places import COMPASS_POINTS, PLACE_NOUNS

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

# Generational suffixes a name ends with, normalised ("jr", "iii"): the marks of GENERATIONS.
NAME_SUFFIXES: frozenset[str] = frozenset(GENERATIONS.values())
# Lower-case particles inside a surname ("al", "van", "de"): not a given name or surname alone.
NAME_PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "la", "le", "du"})
# Surnames written first (East Asian order): "Kim" alone can refer to "Kim Jong Un".
SURNAME_FIRST: frozenset[str] = frozenset({
    "kim", "lee", "li", "park", "pak", "choi", "choe", "jung", "chung", "kang", "cho", "yoon",
    "yun", "moon", "mun", "han", "shin", "xi", "wang", "zhang", "liu", "chen", "yang", "zhao",
    "huang", "zhou", "wu", "hu", "sun", "ma", "wen", "deng", "mao", "jiang", "nguyen", "tran",
    "ri", "rhee", "hun", "abe", "kishida",
})
# Words an acronym skips ("Federal Bureau of Investigation" -> FBI).
ACRONYM_SKIP_WORDS: frozenset[str] = frozenset(
    {"of", "the", "and", "for", "on", "in", "de", "des", "la", "&"})
# One-word names that say too little to tie a speaker to an entity ("South African officials"
# is not South Korea, whose short form is "South"): sources skips them as entity forms.
WEAK_NAME_FORMS: frozenset[str] = COMPASS_POINTS | {
    "northern", "southern", "eastern", "western", "central", "new", "the", "president",
    "minister", "government", "state", "national", "federal", "republic", "city", "police",
    "army", "navy"}

# Head nouns of an apposition that make the name an organisation ("Halvorsen Line, the shipping
# company").
ORG_NOUNS: frozenset[str] = frozenset(
    """company firm operator line carrier agency ministry authority group bank party union
    council committee board association organisation organization newspaper paper broadcaster
    station channel network club team school university hospital charity ngo institute
    manufacturer maker producer shipyard airline insurer retailer""".split()
)
# Last words that make a multi-word name a company or an outlet, whatever the model said.
ORG_LAST_WORDS: frozenset[str] = frozenset(
    """line lines chemicals logistics group holdings shipping airlines airways bank inc ltd corp
    company partners media press news times post herald gazette ledger dagblad""".split()
)
# The last word of an outlet's name by which it names itself ("the Herald understands").
OUTLET_NAME_WORDS: frozenset[str] = frozenset(
    """gazette herald post times press ledger dagblad news journal tribune wire daily chronicle
    courier observer telegraph guardian standard express mail star sun record bulletin review
    dispatch sentinel examiner inquirer register monitor""".split()
)
# Words that make "<person's name> X" a thing named after the person ("the Berg Foundation").
NAMED_AFTER_NOUNS: frozenset[str] = ORG_NOUNS | PLACE_NOUNS | frozenset(
    """clinic center centre foundation institute museum library award awards prize trophy act law
    bridge street avenue road hall stadium arena park airport station memorial fund trust house
    building tower show family estate collection fellowship scholarship cup center's""".split()
)
# Suffixes that end a name without being its last name word ("Jr", "Ltd"): the analyzer keeps
# them on the name. Wider than NAME_SUFFIXES on purpose: company forms too, and no "iv".
# Abbreviated company forms ("Corp.", "Ltd"): "Orrin Corp." and "Orrin" name one company.
COMPANY_FORMS: frozenset[str] = frozenset({"inc", "ltd", "co", "corp", "llc", "plc"})
NAME_END_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii"}) | COMPANY_FORMS

# Generational markers a PERSON name may end with in the languages of the news, beyond the
# English suffixes of GENERATIONS (read only by the cross-article resolver, `story.resolve`, with
# `ResolveOptions.name_apart`; the analyzer's own suffixes stay GENERATIONS): normalised words
# r20 ("r20-namelearn"; `story.namelearn`): kinship nouns written beside a name form ("his
# grandson X", "X, the Principal's son"): the form names a relative of someone, a feature of
# the learned name matcher (with KIN_GENERATION's nouns).
KIN_WORDS: frozenset[str] = frozenset(
    """grandson granddaughter grandfather grandmother grandchild nephew niece uncle aunt widow
    widower brother sister wife husband cousin""".split()
)
# (lower case, no diacritics, no dots) -> the generation they mark. A name that is another name
# of the story plus one of these is another person (a son, grandson or nephew named after a
# relative). Several are plain surnames too ("Neto", "Filho"): the resolver reads them as
# markers only when the story also writes the name without them.
GENERATION_MARKERS: dict[str, str] = {
    "jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv",
    "filho": "jr", "neto": "grandson", "sobrinho": "nephew",
    "fils": "jr", "pere": "sr", "hijo": "jr", "nieto": "grandson",
    "el joven": "jr", "el mayor": "sr", "el viejo": "sr", "the younger": "jr", "the elder": "sr",
    "le jeune": "jr", "der jungere": "jr", "der altere": "sr",
}
# r18 (docs/quality.md, "r18-names"; `ResolveOptions.name_elder_marks`): words written right
# before a name (or before the title of one: "old Mr X", "young Mrs X", "the elder X") that tell
# one of two namesakes of a family from the other, normalised, with the generation they mark.
GENERATION_MARKERS_BEFORE: dict[str, str] = {
    "old": "sr", "elder": "sr", "the elder": "sr", "the older": "sr", "older": "sr",
    "young": "jr", "younger": "jr", "the younger": "jr", "little": "jr",
}
# The generation a marked name's bare namesake stands for ("Rui Coelho" beside "Rui Coelho
# Filho" is the father): a mark no written marker of the other person shares.
GENERATION_OPPOSITE: dict[str, str] = {
    "jr": "sr", "sr": "jr", "ii": "sr", "iii": "ii", "iv": "iii", "grandson": "grandfather",
    "nephew": "uncle",
}

# --------------------------------------------------------------------------- naming traditions
# (r16-names3; read only by the story-level name-form normaliser `story.nameforms`, with
# `ResolveOptions.name_traditions`). Normalised words: lower case, no diacritics, no dots.

# The Arabic definite article in its Latin spellings: written apart ("El Ouafi"), hyphenated
# ("Al-Kettani"), joined ("Elouafi") or dropped ("Kettani"); one surname every way.
ARABIC_ARTICLES: frozenset[str] = frozenset({"al", "el", "ul"})
# Words of a patronymic chain ("son of", "daughter of"): "A ben B Surname" names A, whose father
# is B; "ben B" with no surname after it is itself the family name ("Ben Larbi" / "Benlarbi").
# Each maps to one spelling so "bin Salim" and "Bensalem" compare.
PATRONYM_MARKERS: dict[str, str] = {
    "ben": "ben", "bin": "ben", "ibn": "ben", "ibnu": "ben", "bint": "bint", "ould": "ould",
    "oulad": "ould",
}
# A kunya, "father of" / "mother of" + a name ("Abu Karim"): a name of the parent, never the
# named child. Before an article and a name it is a given name of its own ("Abu al-Qasim").
KUNYA_MARKERS: frozenset[str] = frozenset({"abu", "abou", "abo", "umm", "oum", "um"})
# Given names compounded with the article ("Abd al-Karim" / "Abdelkarim" / "Abdul Karim"): the
# first part, in its spellings; the compound is read as one name.
COMPOUND_GIVEN_HEADS: frozenset[str] = frozenset(
    {"abd", "abdel", "abdal", "abdul", "abdoul", "abdou", "abdu", "nur", "nour", "nasr", "saif",
     "sayf", "seif", "shams", "chams", "izz", "ezz", "nasser", "nasir", "jamal", "djamal"})
# Surname particles per language (lower-case after a given name, often capitalised without
# one: "Maarten van der Wiel" / "Van der Wiel"). They are no given name; two names whose
# written particles differ ("van der Velde" / "van de Velde") are two surnames.
SURNAME_PARTICLES_BY_LANGUAGE: dict[str, frozenset[str]] = {
    "nl": frozenset({"van", "der", "den", "de", "ten", "ter", "te", "het", "'t", "op"}),
    "de": frozenset({"von", "vom", "zu", "zum", "zur", "der", "und"}),
    "af": frozenset({"van", "der", "du", "le", "de", "la"}),
    "fr": frozenset({"de", "du", "des", "le", "la", "d"}),
    "it": frozenset({"di", "da", "de", "del", "della", "delle", "dello", "dei", "degli", "lo",
                     "la"}),
    "es": frozenset({"de", "del", "la", "las", "los"}),
    "pt": frozenset({"da", "das", "do", "dos", "de"}),
    "ber": frozenset({"ait"}),
}
SURNAME_PARTICLES: frozenset[str] = frozenset().union(*SURNAME_PARTICLES_BY_LANGUAGE.values())
# Particles that belong to the surname word itself and stay joined to it in the key (the Berber
# "Aït" of a lineage): "AIT OUALI" and "Aït Ouali" are one surname, "Ouali" alone another.
JOINED_PARTICLES: frozenset[str] = frozenset({"ait"})
# Honorifics written before a name in the traditions above that the general titles
# (`people.NAME_TITLES`) do not hold: the pilgrim's title in its spellings ("El Hadj"), and a
# lawyer's "Maitre". Word sequences, normalised.
TRADITION_HONORIFICS: frozenset[tuple[str, ...]] = frozenset({
    ("el", "hadj"), ("el", "haj"), ("el", "hajj"), ("al", "hajj"), ("al", "haj"), ("hadj",),
    ("haj",), ("hajj",), ("hadja",), ("hajja",), ("el", "hadja"), ("al", "hajja"), ("maitre",),
    ("mme",), ("mlle",), ("herr",), ("frau",), ("dhr",), ("mevr",), ("sig",),
    ("signor",), ("signora",), ("dott",), ("ing",), ("bay",), ("bayan",), ("agha",),
    ("clerk", "of", "the", "course"), ("consul",), ("consul", "general"), ("dean",),
})

# r17 (docs/quality.md, "r17-initials"; `ResolveOptions.name_initials`): honorifics written
# before a name in traditions that also write given names as initials, which the general titles
# (`people.NAME_TITLES`) do not hold: Tamil ("Thiru", "Thirumathi", "Selvi"), Hindi ("Shri",
# "Smt"), Buddhist clergy ("Ven.", "Most Venerable"), Malay ("Datuk", "Tan Sri", "Encik",
# "Puan"), Yoruba and Hausa ("Alhaji", "Alhaja"). Word sequences, normalised.
INITIALS_HONORIFICS: frozenset[tuple[str, ...]] = frozenset({
    ("thiru",), ("thirumathi",), ("tmt",), ("selvi",), ("shri",), ("shrimati",), ("smt",),
    ("ven",), ("venerable",), ("most", "venerable"), ("most", "ven"), ("datuk",), ("dato",),
    ("datin",), ("tan", "sri"), ("puan", "sri"), ("tun",), ("encik",), ("puan",), ("cik",),
    ("alhaji",), ("alhaja",), ("pastor",), ("engr",), ("barr",), ("hon",), ("honourable",),
})
# Words written after a name that are no part of it: a member's or counsel's post-nominal
# letters (read only when written in capitals: "MP", "PC", "SAN"), and the Buddhist clergy's
# "Thero" / "Thera" / "Himi" (any case).
POSTNOMINAL_LETTERS: frozenset[str] = frozenset({
    "mp", "mla", "mpp", "mep", "mhk", "pc", "qc", "kc", "sc", "san", "ofr", "con", "obe", "mbe",
    "cbe", "phd", "esq"})
POSTNOMINAL_WORDS: frozenset[str] = frozenset({"thero", "thera", "himi", "hamuduruwo"})

# The common Korean family names in their usual Latin romanisations (Revised Romanisation,
# McCune-Reischauer without diacritics, and the spellings families choose): one canonical
# spelling -> its variants. Read only by `story.nameforms.korean_name` (r16b-korean,
# `ResolveOptions.name_korean`), and only for a name whose given name is written as Korean
# syllables. One-letter spellings ("I", "O") are left out: too often an initial.
KOREAN_SURNAMES: dict[str, frozenset[str]] = {
    canon: frozenset(variants.split()) | {canon} for canon, variants in {
        "kim": "gim ghim", "lee": "yi rhee ri ree rhie", "park": "pak bak bahk",
        "choi": "choe choy chey", "jeong": "jung chung cheong joung jong",
        "kang": "gang", "cho": "jo joe", "yoon": "yun youn", "jang": "chang",
        "lim": "im rim yim", "han": "", "oh": "", "seo": "suh so", "shin": "sin shinn",
        "kwon": "gwon kweon", "hwang": "", "ahn": "an", "song": "", "jeon": "jun chun jon chon",
        "hong": "", "yoo": "yu you", "ko": "go koh", "moon": "mun", "yang": "",
        "son": "sohn", "bae": "pae", "baek": "paek paik baik", "heo": "huh hur",
        "nam": "", "noh": "roh", "ha": "", "kwak": "gwak", "sung": "seong", "cha": "",
        "koo": "ku gu", "woo": "wu", "min": "", "ryu": "ryoo", "jin": "chin", "eom": "um uhm",
        "chae": "", "gong": "kong", "hyun": "hyeon", "byun": "byeon pyun pyon",
        "yeom": "yum", "joo": "ju choo chu", "bang": "pang", "do": "toh",
    }.items()
}
# variant -> canonical spelling
KOREAN_SURNAME_OF: dict[str, str] = {
    v: canon for canon, variants in KOREAN_SURNAMES.items() for v in variants}

# r18 (docs/quality.md, "r18-names"; `ResolveOptions.letter_folds`): Latin letters that Unicode
# does not decompose into a base letter and a mark, so that stripping diacritics leaves them as
# they are, with the letters the same names are written with in plain ASCII: the Icelandic,
# Faroese and Old English thorn and eth ("Þórður" / "Thordur"), the Vietnamese, Croatian and
# Sami crossed d ("Đức" / "Duc"), the Nordic slashed o and ash ("Bjørn" / "Bjorn", "Ægir" /
# "Aegir"), the Polish barred l, the German sharp s, the Turkish and Azeri dotless i, the Maltese
# barred h. Capitals are folded through their lower case.
LETTER_FOLDS: dict[str, str] = {
    "þ": "th", "ð": "d", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "ß": "ss",
    "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "ng", "ĸ": "k",
}

# r18 ("r18-names"; `ResolveOptions.name_honorifics`): honorifics, courtesy and office words
# written before a name, alone or stacked ("High Chief", "Chief Mrs", "His Excellency"), that
# the general titles (`people.NAME_TITLES`) and the lists above do not hold: West African
# (Yoruba, Igbo, Hausa) courtesy words and chieftaincy titles, a priest's "Fr", a customs or
# fire-service head's office, a ship's master, and courtesy words of several languages for a
# person called by the given name ("Madam", "Mama", "Baba"; Turkish "Sayın", Swahili "Bwana",
# "Ndugu"). Word sequences, normalised (lower case, diacritics removed). Read only as a prefix of
# a person form that keeps at least one word after it.
STACKED_HONORIFICS: frozenset[tuple[str, ...]] = frozenset({
    ("high", "chief"), ("chief", "mrs"), ("chief", "mr"), ("chief", "dr"),
    ("his", "excellency"), ("her", "excellency"), ("his", "royal", "highness"),
    ("her", "royal", "highness"), ("his", "highness"), ("her", "highness"),
    ("his", "eminence"), ("his", "grace"), ("her", "grace"),
    ("mama",), ("baba",), ("madam",), ("madame",), ("hajiya",), ("hajia",), ("alhaja",),
    ("alhaji",), ("malam",), ("mallam",), ("malama",), ("oba",), ("iyaloja",), ("olori",),
    ("otunba",), ("chief",), ("prince",), ("princess",), ("fr",), ("pastor",), ("bishop",),
    ("imam",), ("comptroller",), ("controller",), ("skipper",), ("engr",),
    ("barr",), ("hon",), ("honourable",), ("sayin",), ("bwana",), ("ndugu",),
    ("togbe",), ("mallama",),
})

# r19 (docs/quality.md, "r19-names8"; `ResolveOptions.name_title_words`, read by
# `story.nameforms.strip_title_words`): titles of office and address in other languages (and
# two-word English harbour / station offices) written before a person's name, normalised (lower
# case, no diacritics, no dots): Turkish "Kaptan", "Av." (a lawyer), "Op. Dr."; Spanish and
# Italian "Ing.", "Arq.", "Lic.", "Dott.", "Avv."; Polish "Inż.", "Mgr"; Czech "MUDr.";
# Dutch "Ir.", "Drs."; German "Herr", "Frau"
OTHER_TITLES: frozenset[tuple[str, ...]] = frozenset({
    ("kaptan",), ("av",), ("avukat",), ("op", "dr"), ("ing",), ("arq",), ("lic",), ("dott",),
    ("dottssa",), ("avv",), ("inz",), ("mgr",), ("mudr",), ("judr",), ("ir",), ("drs",),
    ("herr",), ("frau",), ("harbour", "master"), ("harbor", "master"), ("station", "master"),
    ("port", "captain"),
})
# Honorifics written AFTER a person's name (the given name in Turkish usage: "Ayşe Hanım",
# "Mehmet Bey", a teacher's or coach's "Hoca"; Persian "Khanum"; South Asian "Sahib"): no part of
# the name, normalised
POST_NAME_HONORIFICS: frozenset[str] = frozenset({
    "bey", "hanim", "hoca", "hodja", "efendi", "khanum", "khanom", "khanoum", "sahib", "sahab",
})

# r19 (docs/quality.md, "r19-names8"; `ResolveOptions.name_wade_giles`, read by
# `story.nameforms.wade_giles_keys`): Mandarin syllables in Hanyu Pinyin and their Wade-Giles
# spelling without apostrophes and umlauts (the way newspapers write it: "Zhang" / "Chang",
# "Xu" / "Hsu"). Pinyin initials, the finals each initial takes, and the Wade-Giles letters.
PINYIN_INITIALS_WG: dict[str, str] = {
    "zh": "ch", "ch": "ch", "sh": "sh", "b": "p", "p": "p", "m": "m", "f": "f", "d": "t",
    "t": "t", "n": "n", "l": "l", "g": "k", "k": "k", "h": "h", "j": "ch", "q": "ch", "x": "hs",
    "r": "j", "z": "ts", "c": "ts", "s": "s",
}
_PY_FINALS_PLAIN = "a o e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang i".split()
_PY_FINALS_I = "i ia iao ie iu ian in iang ing iong u ue uan un".split()
# the finals each group of initials takes (a few more than Mandarin has: harmless for reading)
PINYIN_FINALS_OF: dict[str, tuple[str, ...]] = {
    **{c: tuple(_PY_FINALS_I) for c in ("j", "q", "x")},
    **{c: tuple(_PY_FINALS_PLAIN) for c in ("zh", "ch", "sh", "r", "z", "c", "s", "g", "k", "h")},
    **{c: tuple(f for f in _PY_FINALS_PLAIN + _PY_FINALS_I if f not in ("ua", "uai", "uang"))
       for c in ("b", "p", "m", "f", "d", "t", "n", "l")},
}
# syllables with no consonant initial (y, w or none), as pinyin -> Wade-Giles
PINYIN_ZERO_WG: dict[str, str] = {
    "a": "a", "o": "o", "e": "e", "ai": "ai", "ei": "ei", "ao": "ao", "ou": "ou", "an": "an",
    "en": "en", "ang": "ang", "eng": "eng", "er": "erh", "yi": "i", "ya": "ya", "yao": "yao",
    "ye": "yeh", "you": "yu", "yan": "yen", "yin": "yin", "yang": "yang", "ying": "ying",
    "yong": "yung", "yu": "yu", "yue": "yueh", "yuan": "yuan", "yun": "yun", "wu": "wu",
    "wa": "wa", "wo": "wo", "wai": "wai", "wei": "wei", "wan": "wan", "wen": "wen",
    "wang": "wang", "weng": "weng",
}
# whole syllables Wade-Giles spells apart from the initial + final rule
PINYIN_SPECIAL_WG: dict[str, str] = {
    "zhi": "chih", "chi": "chih", "shi": "shih", "ri": "jih", "zi": "tzu", "ci": "tzu",
    "si": "ssu", "ge": "ko", "ke": "ko", "he": "ho", "gui": "kuei", "kui": "kuei",
}
# finals Wade-Giles spells otherwise after any initial; "uo" is "o" except after g, k, h, sh
PINYIN_FINAL_WG: dict[str, str] = {
    "ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "ue": "ueh",
}

# --------------------------------------------------------------------------- families (r24)
# (r24-family; read by `story.kinship`, with `ResolveOptions.name_family_apart`.) A kinship noun
# written between two person mentions ("his son, X", "X, the mayor's wife", "the father of X")
# makes them two people. Lower case.
FAMILY_NOUNS: frozenset[str] = KIN_WORDS | frozenset(KIN_GENERATION) | frozenset(
    """grandchild granddad grandpa grandma stepson stepdaughter stepfather stepmother son-in-law
    daughter-in-law father-in-law mother-in-law brother-in-law sister-in-law twin fiance fiancee
    fiancé fiancée""".split())
# Words that may stand between the possessive and the kinship noun ("his late father", "her
# eldest son"). Lower case.
FAMILY_NOUN_MODIFIERS: frozenset[str] = frozenset(
    """own late eldest elder older younger youngest only adopted twin teenage infant baby
    little first second third""".split())
# Lower-case words inside a written-out name of a naming tradition ("Tural Rauf oğlu Quliyev",
# "Iorwerth ab Emyr"): the words of a name that may stand between a kinship noun and the
# mention the tagger cut out of that name.
FAMILY_NAME_LINKS: frozenset[str] = NAME_PARTICLES | frozenset(
    """oğlu oglu ogly qızı qizi kyzy uulu ab ap ben bint ould binti bte bt""".split())
# A mention written after one of these ("a porter also named X", "his father, also X") is a
# namesake: another person than the earlier mentions of that name. Lower case.
NAMESAKE_LEADS: tuple[str, ...] = ("also named", "also called", "too named", "also")
# "X, no relation of the harbour master": X is another person than the one named after it.
NOT_RELATED_LEADS: tuple[str, ...] = ("no relation of", "no relation to", "not related to",
                                      "unrelated to", "no kin of", "no kin to")
