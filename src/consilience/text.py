"""Word-level helpers every layer shares, each defined once: the crude stemmer and a claim's
content stems, headline truecasing, month names as shown and month numbers (read from the
lexicon's calendar), and an article's lead (the text story clustering embeds). They normalise
words; they decide nothing about articles, claims or facts. Word lists live in lexicon/.
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from typing import Any

from .lexicon.calendar import MONTH_NUMBER, MONTHS, WEEKDAYS
from .lexicon.events import ARGUMENT_SYNONYMS
from .lexicon.people import PEOPLE_STEMS_ALIGN
from .model import Article

TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*")

# --------------------------------------------------------------------------- months

# the month names as a reader sees them ("June"); the tables themselves are lexicon.calendar's
MONTH_NAMES: tuple[str, ...] = tuple(m.capitalize() for m in MONTHS)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("June", "Sept.", "dec")."""
    return MONTH_NUMBER[name.lower().rstrip(".")[:3]]


# --------------------------------------------------------------------------- parses

# a parse's text, read once: spaCy rebuilds `Doc.text` from every token on each read
_DOC_TEXTS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Any) -> str:
    """`doc.text` of a spaCy Doc, built once per Doc (spaCy joins all its tokens on every read
    of `Doc.text`; the story stages read a slice of it per claim). A Doc's text never changes,
    even when it is retokenised."""
    try:
        return _DOC_TEXTS[doc]
    except KeyError:
        text = _DOC_TEXTS[doc] = doc.text
        return text
    except TypeError:  # not weakly referenceable (a stand-in object): no cache
        return doc.text


# --------------------------------------------------------------------------- words


def stem(word: str) -> str:
    """A crude, predictable suffix stripper: enough to meet 'signed'/'signs'/'signing'."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 4 or w.isdigit():
        return w
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "y"
    for suf in ("ings", "ing", "edly", "ed", "ers", "er", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


# typographic apostrophes and a horizontal bar as the parser knows them, one character for one
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2015": "\u2014"})


def plain_typography(text: str) -> str:
    """`text` with curly apostrophes ("it’s", "we’re") written straight and a horizontal bar
    ("CITY ―") as an em dash, character for character, so offsets into it stay those of `text`:
    the small parser reads a curly clitic as a verb of its own."""
    return text.translate(_PLAIN)


# nominalisation and verb-forming endings, longest first, with what is left of them: "donation" /
# "donate", "opposition" / "oppose", "decision" / "decide", "approval" / "approve", "apology" /
# "apologize" meet at one key
_DERIVATION = (("ization", ""), ("isation", ""), ("ification", ""), ("ation", ""),
               ("sition", "s"), ("ution", "ut"), ("ction", "ct"), ("ssion", "ss"),
               ("sion", "d"), ("ment", ""), ("ance", ""), ("ence", ""), ("ure", ""),
               ("ize", ""), ("ise", ""), ("ify", ""), ("ate", ""), ("val", "v"), ("sal", "s"),
               ("ial", "i"), ("ing", ""))
_SHORT = ("ation", "ate")


def predicate_key(lemma: str) -> str:
    """One key for a predicate lemma and its nominalisation ("investigate" / "investigation",
    "apologize" / "apology", "deny" / "denial"): one derivational ending taken off, then a final
    "e" and "y"; a phrasal verb ("break out") or a short word is its own key."""
    w = lemma.lower()
    if " " in w or len(w) <= 3 or not w.isalpha():
        return w
    for suf, rep in _DERIVATION:
        # "donate" keeps three letters; other endings leave at least four ("injure" / "injury")
        if w.endswith(suf) and len(w) - len(suf) + len(rep) >= (3 if suf in _SHORT else 4):
            w = w[: -len(suf)] + rep
            break
    if len(w) > 3 and w[-1] == "e":
        w = w[:-1]
    if len(w) > 3 and w[-1] in "yi":
        w = w[:-1]
    return w


def truecase(text: str, lower: set[str]) -> str:
    """A title-case headline ("Marla Quennel Checks Out Of Rehab") with the words that `lower` holds in
    lower case written in lower case after the first word; other text is returned as it is."""
    words = [m for m in TOKEN.finditer(text) if m.group()[0].isalpha() and len(m.group()) > 3]
    if len(words) < 3 or sum(m.group()[0].isupper() for m in words) < 0.6 * len(words):
        return text
    out = list(text)
    for m in list(TOKEN.finditer(text))[1:]:
        w = m.group()
        if w[0].isupper() and w.lower() in lower and len(w.lower()) == len(w):
            out[m.start() : m.end()] = list(w.lower())
    return "".join(out)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words that carry no claim content: spaCy's list (without loading a pipeline) and
    reporting words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {"said", "says", "say", "told", "according", "also", "mr", "mrs", "ms", "s", "t",
             "would", "could", "new", "year", "years", "day", "time", "report", "reported",
             "reports", "week", "month", "today", "yesterday", *WEEKDAYS}
    return frozenset(w.lower() for w in STOP_WORDS) | extra


# counts of people are one unit whatever the word ("212 persons" / "212 people" / "passengers")
PEOPLE_STEMS = {w: "people" for w in PEOPLE_STEMS_ALIGN}

# argument words news copy uses for one participant ("the blaze" / "the fire", "the vessel" /
# "the ship"), on top of the people words
SAME_ARGUMENT = {**PEOPLE_STEMS, **ARGUMENT_SYNONYMS}


def content_stems(text: str) -> set[str]:
    """Stems of the claim's content words (stopwords and one-letter tokens dropped)."""
    stop = stopwords()
    out = set()
    for tok in TOKEN.findall(text):
        low = tok.lower()
        if low in stop or len(low) < 2:
            continue
        out.add(SAME_ARGUMENT.get(stem(low), stem(low)))
    return out


LEAD_CHARS = 600  # title + this much body is what the embedder sees (the "lead")


def lead_text(article: Article, chars: int = LEAD_CHARS) -> str:
    """An article's title and the start of its body (after any dateline)."""
    body = article.text[article.body_start :] if article.body_start else article.text
    title = article.title or ""
    return (title + "\n" + body[:chars]).strip()
