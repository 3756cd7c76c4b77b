"""Event vocabulary: words news copy uses for one event or one participant, by class.

These tables came from the bundled example events (a capsized ferry, a derailed train, a fire)
and carry their domains' words; they are data, kept apart from the rules that read them (align,
judge), so that a learned matcher can replace them and a new domain can be added without touching
code. They are not a general ontology: a word missing here only loses a paraphrase, it never makes
two different events one.
"""

from __future__ import annotations

import re

# Event predicates that paraphrase each other where the embedding of the bare word does not see
# it ("killed" / "dead", "hurt" / "treated"); phrasal verbs keyed with their particle.
EVENT_PARAPHRASES: dict[str, str] = {
    "die": "die dead death toll kill fatality killed",
    "injure": "injure hurt wound injury injured treat",
    "rescue": "rescue save",
    "start": "start begin break out erupt",
    "sign": "sign ink",
    "detain": "detain arrest custody",
    "capsize": "capsize sink overturn turn over go over keel over roll",
    "aboard": "carry board aboard",
    "travel": "travel sail crossing voyage",
    "investigate": "investigate investigation inquiry probe",
    "missing": "miss missing",
    "evacuate": "evacuate evacuation",
    "mediate": "mediate mediation broker",
    "publish": "publish public release",
    "warn": "warn warning",
    "fight": "fight battle tackle",
    # "concluded two days of negotiations" / "the deal was reached after two days of talks"
    "conclude": "conclude reach clinch finalise finalize",
}

# Verbs of detection: with an object found in a place ("tests had not detected chlorine in the
# smoke", "lead was found in the water") they state that the place holds it, the predicate of
# presence that other copy words with "contain" ("the smoke contained chlorine").
DETECTION_VERBS: frozenset[str] = frozenset({"detect", "find", "identify", "discover"})
PRESENCE_PREDICATE = "contain"
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "inside", "within", "on"})

# Argument words news copy uses for one participant ("the blaze" / "the fire", "the vessel" /
# "the ship"), on top of the people words.
ARGUMENT_SYNONYMS: dict[str, str] = {"blaze": "fire", "vessel": "ship", "ferry": "ship"}

# What happened to counted things (word prefixes): two counts of different events are not compared.
COUNTED_EVENTS: dict[str, tuple[str, ...]] = {
    "death": ("kill", "dead", "die", "death", "fatal", "drown", "bodies", "toll", "lives"),
    "injury": ("injur", "hurt", "wound", "hospital", "treated"),
    "missing": ("missing", "unaccounted"),
    "rescue": ("rescu", "saved", "pulled"),
    "evacuation": ("evacuat", "displac", "shelter", "homes", "fled"),
    "arrest": ("arrest", "detain", "held"),
}

# Events that happen at one spot (regular expressions, case-insensitive): their places are
# compared across facts. Deliberately narrow: people die, are rescued or shelter in many places.
POINT_EVENT_PATTERNS: dict[str, str] = {
    "capsize": (
        r"\b(?:capsiz\w*|sank|sinks?|sinking|sunk|overturn\w*|founder(?:s|ed|ing)?"
        r"|(?:turn|turns|turned|turning|go|goes|went|gone|going|keel\w*) over"
        r"|roll(?:s|ed|ing)? (?:onto|on to|over))\b"),
    "crash": (
        r"\b(?:crash(?:es|ed|ing)?|collid\w*|collision|derail\w*"
        r"|(?:came|come|comes|coming|went|go|goes|going) off the (?:rails|tracks?)"
        r"|(?:left|leave|leaves|leaving|jumped|jump|jumps|jumping) the (?:rails|tracks?))\b"),
    "explode": (
        r"\b(?:explo(?:de|des|ded|ding|sion)|blast)\b"),
}

# The news event class of each word of EVENT_PARAPHRASES ("killed" -> "die"), the phrasal verbs
# whole ("break out" -> "start"): align's lookup table, derived, never edited by hand.
EVENT_CLASS_OF: dict[str, str] = {
    w: cls
    for cls, words in EVENT_PARAPHRASES.items()
    for w in re.findall(r"break out|turn over|go over|keel over|\w+", words)
}

# Predicates that embed close but state opposite events (align: never one predicate).
OPPOSITE_PREDICATES: list[tuple[set[str], set[str]]] = [
    ({"open", "reopen"}, {"close", "shut", "closed"}),
    ({"rise", "increase", "climb", "grow"}, {"fall", "drop", "decline", "decrease"}),
    ({"win"}, {"lose"}),
    ({"accept", "approve", "confirm", "admit"}, {"reject", "deny", "refuse"}),
    ({"arrive", "enter"}, {"leave", "depart", "exit"}),
    ({"allow", "permit", "lift"}, {"ban", "forbid", "prohibit", "impose"}),
    ({"start", "begin", "launch", "resume"}, {"end", "stop", "finish", "halt", "suspend"}),
]
# More opposite acts, read only with `AlignParams.opposite_more` (docs/quality.md,
# "r19-lookalike"): an act and the act that undoes it ("arrested" / "released", "suspended" /
# "reinstated"); with it a verb "re" + a verb of an opposite pair above is that verb's opposite
# too ("restarted" / "halted"; never "reopened" / "opened": one act again).
OPPOSITE_PREDICATES_MORE: list[tuple[set[str], set[str]]] = [
    ({"arrest", "detain", "jail"}, {"release", "free"}),
    ({"suspend", "dismiss", "remove"}, {"reinstate", "restore"}),
    ({"evacuate"}, {"return"}),
]
# Prepositions read as a phrasal verb's particle ("moved into the shelter" ~ "moved in").
PARTICLE_OF_PREPOSITION: dict[str, str] = {"into": "in", "out": "out"}
# A phrasal verb and the same verb with the opposite particle ("check in" / "check out").
OPPOSITE_PARTICLES: list[set[str]] = [{"in", "out"}, {"on", "off"}, {"up", "down"}]

# Verbs that carry no event of their own: the event is their object or complement
# ("conduct a visit", "there were casualties", "marks his first trip").
LIGHT_VERBS: frozenset[str] = frozenset(
    {"be", "have", "make", "take", "give", "conduct", "hold", "set", "mark", "remain", "come",
     "become", "get", "do", "begin", "continue", "seem", "appear", "keep"})
# Light verbs whose subject does the act their event noun names ("made an offer", "held talks");
# "has an offer" names who received it (story/align.py, `_role_agents`).
AGENT_LIGHT_VERBS: frozenset[str] = frozenset(
    {"make", "give", "conduct", "hold", "do", "take", "extend", "submit"})
# Light verbs whose subject is the event when nothing else is ("the dispute began in 2019").
ASPECT_VERBS: frozenset[str] = frozenset({"be", "begin", "continue", "remain"})
# Verbs of intent whose infinitive names the event ("promised to vote", "plans to sign"); a
# different cut from modality.PREDICTING_WORDS, which hedges rather than finds the event.
INTENT_VERBS: frozenset[str] = frozenset(
    {"promise", "pledge", "vow", "plan", "intend", "threaten", "agree", "decide", "aim",
     "expect", "hope", "seek", "try", "prepare"})
# Nouns of permission whose infinitive names the event ("the right to board").
ENABLING_NOUNS: frozenset[str] = frozenset(
    {"right", "power", "permission", "authority", "ability", "plan", "decision", "deal"})
# Nouns of evidence whose "that" clause names the event ("no indication that X", "signs that X").
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    {"indication", "evidence", "sign", "proof", "suggestion", "suspicion"})
# Verbs whose object is an event of its own ("issue a warning", "open an inquiry").
SUPPORT_VERBS: frozenset[str] = frozenset(
    {"issue", "open", "launch", "order", "announce", "lift", "impose"})
# "-ing" words after a comma that open no participial clause of their own ("..., including",
# "..., saying", "..., this morning"): prepositions, speech gerunds and nouns.
NOT_PARTICIPLE_FORMS: frozenset[str] = frozenset(
    "including according following during regarding concerning excluding pending notwithstanding "
    "saying adding citing calling noting telling warning arguing insisting claiming explaining "
    "asking describing suggesting bring being having nothing something everything anything "
    "morning evening spring building meeting crossing ceiling".split()
)

# Endings that make a noun of a verb ("pay" / "payment", "rule" / "ruling", "close" / "closure",
# "compete" / "competition"), read after the verb's stem (its final "e" dropped, a final
# consonant maybe doubled: "sit" / "sitting"). Read by `align._Scorer.nominal`
# (AlignParams.nominal_preds) beside `text.predicate_key`, always with the embedder's check that
# the noun and the verb are close (so "depart" / "department" stays two words).
NOMINAL_SUFFIXES: tuple[str, ...] = (
    "ation", "ition", "ution", "tion", "sion", "ion", "ment", "ance", "ence", "ure", "al",
    "ing", "y")

# --- r24-acts (AlignParams.predicate_chains; docs/quality.md, "r24-acts") ---
# Verbs whose subject noun names the event ("the collapse happened at the pit"): with
# `predicate_chains` that noun is a predicate of the claim's chain.
OCCURRENCE_VERBS: frozenset[str] = frozenset(
    {"happen", "occur", "take place", "unfold"})
# Verbs whose clause complement is an act that did NOT take place, or was only asked for or
# resisted: their complement joins no chain ("refused to pay" is no payment, "urged the council
# to close the road" no closure).
CHAIN_STOP_VERBS: frozenset[str] = frozenset({
    "refuse", "decline", "fail", "deny", "avoid", "reject", "oppose", "prevent", "forbid", "ban",
    "cease", "quit", "resist", "neglect", "forget", "dispute", "ask", "urge", "call", "demand",
    "want", "seek", "wish", "hope", "propose", "suggest", "recommend", "threaten", "consider",
    "debate", "discuss", "question", "doubt", "fear", "warn", "appeal", "beg", "plead", "request",
    "try", "attempt", "offer", "pressure", "press", "push", "encourage", "persuade",
    "lobby", "invite", "advise", "allow", "permit", "let", "enable", "expect", "intend", "aim"})
# Particles the parser may read as an adverb right after the verb ("pay back all the money"):
# with `predicate_chains` the chain keeps them with the verb, as a "prt" particle is kept.
PARTICLE_ADVERBS: frozenset[str] = frozenset({"back", "out", "off", "up", "down", "away"})
# Acts of one matter that follow or undo each other: never one predicate through a chain
# (beside OPPOSITE_PREDICATES / OPPOSITE_PREDICATES_MORE above): an arrest and a release, a
# resignation and an appointment, a charge and an acquittal.
SEQUENTIAL_ACTS: list[tuple[set[str], set[str]]] = [
    ({"arrest", "detain", "charge", "indict", "jail", "remand"},
     {"release", "free", "acquit", "clear", "bail", "discharge", "convict", "sentence"}),
    ({"resign", "quit", "retire", "step down", "fire", "sack", "dismiss", "oust"},
     {"appoint", "hire", "name", "elect", "nominate", "replace", "succeed", "reinstate"}),
    ({"enter", "arrive", "board", "check in", "admit"},
     {"leave", "depart", "exit", "disembark", "check out", "discharge", "escape"}),
    ({"open", "reopen", "launch", "start", "begin"}, {"close", "shut", "end", "finish", "stop"}),
    ({"win", "beat", "defeat"}, {"lose"}),
    ({"evacuate", "flee"}, {"return"}),
    ({"propose", "table", "introduce", "file"}, {"pass", "adopt", "approve", "reject", "defeat"}),
    ({"injure", "wound"}, {"die", "kill"}),
    ({"buy", "acquire", "purchase"}, {"sell"}),
    ({"borrow", "lend"}, {"repay", "pay back"}),
]
