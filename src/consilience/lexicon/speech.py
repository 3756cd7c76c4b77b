"""Words of saying: speech verbs, the documents that carry words, the verbs that only link."""

from __future__ import annotations

# Verbs whose clausal complement is something a source said or wrote (lemmas).
SPEECH_VERBS: frozenset[str] = frozenset(
    """say tell add state note warn announce confirm deny claim argue insist explain comment stress
    emphasize emphasise urge accuse write ask report reply respond declare acknowledge admit suggest
    tweet post continue recall conclude predict vow promise pledge assert reiterate caution complain
    concede maintain observe remark testify mention allege charge contend counter quip joke
    disclose reveal estimate predict boast lament agree retort answer point yell shout scream
    exclaim whisper proclaim muse demand brag tout thunder chant mutter""".split()
)
# Speech verbs that only count with a clausal complement, never as the tag of a direct quote alone.
WEAK_SPEECH_VERBS: frozenset[str] = frozenset({"point", "agree", "continue", "post", "ask"})
# Speech verbs whose direct object is what was said ("announced a plan", "denied the report",
# "accused the council of negligence"). Not "say"/"tell": their object is a pronoun or the
# listener ("told reporters"); not "ask": "asked him" names who was asked; not "post",
# "tweet": "posted a photo" reports an act, not a claim.
NOMINAL_SPEECH_VERBS: frozenset[str] = frozenset(
    {"announce", "accuse", "deny", "confirm", "reveal", "disclose", "predict", "demand", "allege"})
# Verbs whose direct object is the listener, and whose "of" phrase or clause is what was said
# ("assured the board of its backing", "reminded voters that ..."): the listener is not content.
# Not "accuse", "blame", "praise": their object is who the claim is about.
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    {"assure", "reassure", "remind", "inform", "notify", "warn", "convince", "persuade",
     "apprise", "advise", "tell", "promise", "pledge"})
# "urged the council to act": what is asked is reported; "pledged to act" reports an act
XCOMP_SPEECH_VERBS: frozenset[str] = frozenset({"urge", "warn", "ask", "tell"})
# Verbs whose reported content is a question ("asked whether the dam held"): it asserts nothing.
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "wonder", "inquire", "enquire", "query"})
# Reporting verbs whose complement, not the verb, is a claim's predicate (align). Narrower than
# SPEECH_VERBS on purpose: "deny", "warn", "promise" carry an event of their own there; "accord"
# ("according to"), "indicate" and "inform" report without being quote cues.
REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "tell", "state", "report", "announce", "add", "note", "claim", "write", "comment",
     "indicate", "accord", "confirm", "declare", "inform"})
# Verbs of evidence and perception whose clause complement carries the event ("the returns show
# they earned", "the audit found the fund had lost", "is seen leaving"): with such a clause the
# verb is only how it is known, the way "said" is; with an object ("showed the video") it is the
# event itself (align).
EVIDENTIAL_VERBS: frozenset[str] = frozenset(
    {"show", "reveal", "find", "indicate", "confirm", "suggest", "demonstrate", "prove",
     "disclose", "establish", "see", "hear", "watch"})
# Nouns of a written or spoken text: "issued a statement saying ..." -> the issuer speaks.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """statement release interview post email e-mail tweet letter memo message note video ad
    advertisement op-ed column editorial filing document report story piece article speech
    remarks announcement press conference call response reply""".split())
# Verbs that link a subject to a description: their subject is described, it does not speak.
LINKING_VERBS: frozenset[str] = frozenset({"be", "seem", "appear", "become", "remain", "look",
                                           "sound"})
# Quantifiers that stand for a stated group or person ("many argue", "tweeted another"): a
# speaker described, not named.
QUANTIFIER_SPEAKERS: frozenset[str] = frozenset(
    "many some others another several few most both one".split())
# Sentence openers that make a clause a connective, not something said ("In addition, ...").
CONNECTIVE_WORDS: frozenset[str] = frozenset(
    {"in", "addition", "fact", "other", "words", "the", "meantime", "on", "hand", "contrary",
     "short", "turn", "particular", "also"})
# Products that speak for their makers: "according to a study by the Orrin Research Institute".
AUTHORED_NOUNS: frozenset[str] = DOCUMENT_NOUNS | frozenset(
    "analysis tally calculation survey study poll estimate count data figure review".split())
# Labels of a page's sections and furniture: "The Latest: ..." is not a source saying something.
SECTION_LABELS: frozenset[str] = frozenset(
    {"related", "update", "updated", "watch", "note", "editor's note",
    "video", "photos", "read more", "live", "breaking", "exclusive",
    "opinion", "analysis", "correction", "source", "sources", "via",
    "the latest", "delegate update", "contributing", "byline",
    "look", "listen", "photo", "map", "chart", "graphic"})

# Inflected speech verbs that make a clause piece an attribution frame when a "that ..." piece
# follows ("Reports from state radio suggest | that ..."): claims cuts on text, not lemmas.
REPORTING_FRAME_FORMS: tuple[str, ...] = tuple(
    """said say says told tell tells state stated states indicate indicated indicates report
    reports reported announce announced announces claim claims claimed note noted notes added adds
    confirm confirms confirmed believe believes believed warns warned insists insisted argues
    argued suggests suggested reveals revealed acknowledges acknowledged explains explained wrote
    writes mention mentions mentioned""".split())
# Past and present tag verbs that end a quote's attribution frame ("..., a spokesperson said.").
TAG_VERB_FORMS: tuple[str, ...] = ("said", "says", "told", "added", "stated", "noted", "explained",
                                   "insisted", "warned", "claimed", "reported")
# Words of an address to the audience ("ladies and gentlemen", "my dear friends"): a piece made
# only of them and names is chatter, not a claim (story/claims).
ADDRESS_WORDS: frozenset[str] = frozenset(
    "all everyone everybody folks friends ladies gentlemen and to the of my dear sir madam "
    "colleagues citizens neighbours neighbors".split()
)
# Verbs whose subject is the maker of the document they take ("Lind issued a statement").
ISSUING_VERBS: frozenset[str] = frozenset({"issue", "release", "send", "write", "post", "publish",
                                           "put", "sign", "deliver", "give", "make", "file"})
# Verbs that say nothing without what follows them ("The laws require", "The poll finds"): a
# reported clause that stops at one is no claim.
NEEDS_OBJECT_VERBS: frozenset[str] = frozenset({"be", "require", "find", "show", "include",
                                                "make", "indicate", "mean", "suggest", "have"})
