"""Word lists have one owner: the lexicon. A stage that starts its own list of months, weekdays,
negation cues or honorifics again fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import consilience
from consilience.lexicon import calendar, events, names, negation, people, places, speech, values

SRC = Path(consilience.__file__).parent

# (what, words of which three or more in one literal make a private copy of a lexicon list)
GUARDED = [
    ("months", set(calendar.MONTHS)),
    ("weekdays", set(calendar.WEEKDAYS)),
    ("negation cues", {"never", "nobody", "neither", "nothing", "nor"}),
    ("honorifics", {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss"}),
    ("speech verbs", {"say", "tell", "announce", "declare", "insist", "argue"}),
    ("compass points", set(places.COMPASS_POINTS)),
    ("demonyms", {"american", "russian", "chinese", "british", "french", "german"}),
    ("capitals", {"moscow", "beijing", "london", "paris", "berlin", "tokyo"}),
    ("number words", {"three", "four", "five", "six", "seven", "eight", "eleven", "twelve"}),
    ("light verbs", {"conduct", "hold", "mark", "keep", "give", "take", "make"}),
    ("multipliers", {"dozen", "dozens", "hundreds", "thousands", "millions"}),
    ("institution nouns", {"council", "ministry", "embassy", "parliament", "cabinet"}),
]


_CONTAINERS = {"frozenset", "set", "tuple", "list", "dict"}


def _literal_words(node: ast.AST) -> set[str]:
    words: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            words |= set(re.findall(r"[a-z][a-z.']*", n.value.lower()))
    return words


def test_no_module_outside_the_lexicon_keeps_its_own_copy_of_a_lexicon_list():
    offenders = []
    for path in SRC.rglob("*.py"):
        if "lexicon" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)):
                continue
            value = node.value
            if isinstance(value, ast.Call) and not (
                    isinstance(value.func, ast.Name) and value.func.id in _CONTAINERS):
                continue  # regular expressions are patterns, not word lists
            if not isinstance(value, (ast.Set, ast.List, ast.Tuple, ast.Call, ast.Dict)):
                continue
            words = _literal_words(value)
            for what, guarded in GUARDED:
                if len(words & guarded) >= 3:
                    offenders.append(f"{path.relative_to(SRC)}:{node.lineno} {what}")
    assert offenders == []


def test_lexicon_tables_agree_with_each_other():
    assert calendar.MONTH_NUMBER["sept"] == 9 and calendar.MONTH_NUMBER["dec"] == 12
    assert set(calendar.MONTHS) <= calendar.MONTH_WORDS
    assert re.fullmatch(calendar.MONTH_PATTERN, "Sept.") and re.fullmatch(calendar.MONTH_PATTERN, "June")
    assert {"n't", "never"} <= negation.NEGATION_WORDS
    assert set(people.FEMALE_HONORIFICS) <= set(names.HONORIFIC_GENDER)
    assert speech.REPORTING_VERBS - speech.SPEECH_VERBS == {"indicate", "accord", "inform"}
    assert speech.DOCUMENT_NOUNS <= speech.AUTHORED_NOUNS


def test_derived_tables_agree_with_their_owner():
    # one owner, the other cut derived from it
    assert names.NAME_SUFFIXES == set(names.GENERATIONS.values())
    assert places.COMPASS_POINTS < names.WEAK_NAME_FORMS
    assert places.COMPASS_POINTS < places.COMPASS_WORDS
    assert places.EVENT_PLACE_PREPOSITIONS - places.LOCATIVE_PREPOSITIONS == {"within"}
    assert list(values.NUMBER_WORDS_TO_TWELVE.values()) == list(range(13))
    assert values.COUNT_CHANGE_VERBS <= values.VALUE_VERBS
    assert events.EVENT_CLASS_OF["killed"] == "die" and events.EVENT_CLASS_OF["break out"] == "start"
    assert set(events.EVENT_CLASS_OF.values()) == set(events.EVENT_PARAPHRASES)
    assert set(names.NAMED_AFTER_NOUNS) >= names.ORG_NOUNS | places.PLACE_NOUNS
