"""Month and weekday names: the one table every stage reads dates with."""

from __future__ import annotations

MONTHS: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split())
# name or abbreviation (lower case, no dot) -> month number; "sept" is the one 4-letter short form
MONTH_NUMBER: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUMBER.update({m[:3]: i + 1 for i, m in enumerate(MONTHS)})
MONTH_NUMBER["sept"] = 9
MONTH_WORDS: frozenset[str] = frozenset(MONTH_NUMBER)
# a month as written in running text: "Jan", "Jan.", "January", "Sept.", "June"
MONTH_PATTERN = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                 r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

WEEKDAYS: tuple[str, ...] = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# Time words the analyzer resolves to the publication day that date no event (timeline).
NOT_AN_EVENT_DATE: frozenset[str] = frozenset(
    {"now", "currently", "at present", "presently", "recently", "so far", "to date",
     "these days", "nowadays"})

# A time that puts an event on an earlier occasion than the story's own days: a backward word
# with a unit of a month or longer ("earlier this season", "two years ago", "the previous
# season"); "earlier this week" or "days ago" stay within the span a story's articles cover, so
# two claims dated so may still tell one event (story/align.py). "Last" is left out: "last
# year" as often names the period a value covers ("last year they paid a rate of 30 percent")
BACKWARD_WORDS: frozenset[str] = frozenset({"earlier", "previous", "prior", "ago"})
# Words that mark an event as one more occurrence of its kind ("another robbery", "a second
# surgery", "erupted again", "the latest attack", "won for the third time"): a claim so marked
# tells a repeat, which a claim of the same kind without the mark may not be
# (story/occasions.py `repeat_marks`). Ordinals give their number ("first" too: "the first" /
# "the second" are two occasions); the others mark a repeat of no stated number.
REPEAT_WORDS: frozenset[str] = frozenset({"another", "again", "anew", "latest", "new"})
# ... those the judge reads (`AlignParams.judge_repeat_occasions`): "new" on what an act is done
# to is as often what the thing is ("opened the new bridge") as another occurrence of the act
JUDGE_REPEAT_WORDS: frozenset[str] = REPEAT_WORDS - {"new"}
# Words that make their noun another thing of its kind than the one the story is about ("a
# replacement vessel", "a substitute goalkeeper", "the backup generator"): a claim about the
# marked thing and one about the same noun unmarked are about two things
# (story/occasions.py `substitute_marks`; `AlignParams.substitute_apart`).
SUBSTITUTE_WORDS: frozenset[str] = frozenset(
    {"replacement", "substitute", "spare", "backup", "standby", "stand-in"})
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
# Nouns that name one numbered part or occasion of a series ("Stage 2", "round two", "the
# second stage", "Q3"): two claims that number one such noun differently speak of two parts
# (story/occasions.py `numbered_parts`; `AlignParams.numbered_parts_apart`). Units a dispute is
# about (a kilometre, a lap, a day, a floor) are left out: "crashed at kilometre 40" /
# "... at kilometre 46" is one crash told two ways.
NUMBERED_PARTS: frozenset[str] = frozenset({
    "stage", "round", "leg", "phase", "heat", "quarter", "half", "term", "edition", "season",
    "episode", "wave", "tranche", "instalment", "installment", "reading", "ballot", "game",
    "match", "semester", "trimester"})
# the noun of "for the second time", "for a third time": the ordinal marks its verb
OCCASION_NOUNS: frozenset[str] = frozenset({"time", "occasion"})
LONG_UNITS: frozenset[str] = frozenset(
    {"month", "months", "year", "years", "season", "seasons", "decade", "decades"})
# Verbs (lemmas) whose time dates the start of something that may still go on ("the inquiry
# began two years ago", "started investigating him two years ago"): its distance back is the
# stretch so far ("a two-year inquiry"). (It still counts as an earlier occasion: lifting that
# veto joined another inquiry's undated claim on BASIL tuning, docs/quality.md.)
# prepositions whose object is an occurrence other than the clause's own event ("arrested five
# days before the playoff loss at X": X is where the loss was, not the arrest)
OTHER_OCCASION_PREPOSITIONS: frozenset[str] = frozenset(
    {"before", "after", "since", "until", "following"})
START_VERBS: frozenset[str] = frozenset({"begin", "start"})

# --- periods shorter than a year (story/values.py, `AlignParams.value_periods`) ---
# the months (first, last) of each quarter and half, by its number
QUARTER_MONTHS: dict[int, tuple[int, int]] = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
HALF_MONTHS: dict[int, tuple[int, int]] = {1: (1, 6), 2: (7, 12)}
# nouns of a part of a year counted by an ordinal ("the third quarter", "the first half")
PART_OF_YEAR_NOUNS: dict[str, dict[int, tuple[int, int]]] = {
    "quarter": QUARTER_MONTHS, "half": HALF_MONTHS}
# a quarter or half written short ("Q3", "3Q", "H1"), lower case
SHORT_PARTS_OF_YEAR: dict[str, tuple[int, int]] = {
    **{f"q{n}": m for n, m in QUARTER_MONTHS.items()},
    **{f"{n}q": m for n, m in QUARTER_MONTHS.items()},
    **{f"h{n}": m for n, m in HALF_MONTHS.items()},
    **{f"{n}h": m for n, m in HALF_MONTHS.items()}}
# words that put a period one step back or forward from the one it is told beside or from the
# day of writing ("last year's", "the previous quarter", "a year earlier", "next year")
PERIOD_BACK_WORDS: frozenset[str] = frozenset({"last", "previous", "prior", "preceding"})
PERIOD_FORWARD_WORDS: frozenset[str] = frozenset({"next", "following", "coming"})
PERIOD_THIS_WORDS: frozenset[str] = frozenset({"this", "current"})
# adverbs that tell a period as a distance back from another ("a year earlier", "a quarter ago")
PERIOD_DISTANCE_WORDS: frozenset[str] = frozenset({"earlier", "ago", "before", "previously"})
# clock times told in words (`story.judge.clock`): minutes after midnight
CLOCK_WORDS: dict[str, int] = {"midnight": 0, "noon": 720, "midday": 720}
# how a clock time is hedged, and the minutes it reaches (before, after) the time written:
# "shortly after 2 a.m." is 02:00-02:30, "around midnight" 23:30-00:30; a time said bare
# ("at 21:50") is read as written, give or take CLOCK_EXACT minutes
CLOCK_HEDGES: dict[str, tuple[int, int]] = {
    "shortly after": (0, 30), "just after": (0, 30), "soon after": (0, 30),
    "shortly before": (30, 0), "just before": (30, 0), "before": (30, 0),
    "just past": (0, 30), "after": (0, 45),
    "about": (30, 30), "around": (30, 30), "approximately": (30, 30), "roughly": (30, 30),
    "some time around": (30, 30), "circa": (30, 30), "towards": (45, 0), "toward": (45, 0),
}
CLOCK_EXACT = 5
# determiners that leave a participant one of several ("a man", "another suspect", "some
# workers"): two outlets' "a man was arrested on Monday" / "... on Sunday" may be two men, so
# their days are no dispute about one act (story/occasions.py `dated_act`)
INDEFINITE_DETERMINERS: frozenset[str] = frozenset(
    {"a", "an", "another", "some", "one", "any", "several", "many", "each", "every", "no"})
# determiners that make a noun one known thing ("the bridge", "this ferry", "that shipment")
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})
