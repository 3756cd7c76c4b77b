"""Plain text -> title, outlet/byline lines and body; dateline detection at the start of a body.

Decides which leading lines are a title, an outlet or a byline, and where a dateline
("SEOUL, South Korea - ") ends. Keeps the body exactly as read apart from line endings, so offsets
are stable. Does not split sentences or find claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.calendar import MONTH_PATTERN
from ..lexicon.people import BYLINE_WORDS
from ..model import Dateline

__all__ = ["Header", "find_dateline", "split_header"]

_DASH = r"(?:\s+-{1,2}|\s*[\u2012-\u2015]|\s*--)"  # " - ", " -- ", "—", " – ", "―"
_SEP = rf"(?:{_DASH}\s*|\s*:\s+)"
_CAPS_WORD = r"[A-Z][A-Z.'\u2019\-]*[A-Z.]"  # SEOUL, U.N., ST.-DENIS (2+ chars)
_CAPS_PLACE = rf"{_CAPS_WORD}(?:[ \t]+(?:{_CAPS_WORD}|DE|DU|EL|LA|LE|OF|[A-Z])){{0,3}}"
_TITLE_WORD = r"[A-Z][\w.'\u2019\-]*"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:[ \t]+(?:{_TITLE_WORD}|de|du|el|la|le|of)){{0,3}}"
_REGION = rf"(?:,[ \t]*{_TITLE_PLACE})"
_MONTH = MONTH_PATTERN
_DATE = rf"(?:,[ \t]*(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?)"
_AGENCY = r"(?:[ \t]*\((?P<agency>[A-Z][^()\n]{0,40})\))"

# All-caps place: agency optional. A title-case place ("Seoul (Reuters) -") needs the agency, which
# is what tells it apart from an ordinary first word.
_DATELINE_CAPS = re.compile(rf"(?P<place>{_CAPS_PLACE}{_REGION}?){_DATE}?{_AGENCY}?(?P<sep>{_SEP})")
_DATELINE_TITLE = re.compile(
    rf"(?P<place>{_TITLE_PLACE}{_REGION}?){_DATE}?{_AGENCY}(?P<sep>{_SEP})"
)
# All-caps words that open a body without being a place.
_NOT_PLACES = frozenset(
    (
        "A|ADVERTISEMENT|ALERT|ANALYSIS|BREAKING|BULLETIN|COMMENT|CORRECTION|EDITOR'S NOTE|"
        "EDITORIAL|EDITOR’S NOTE|EXCLUSIVE|FACT CHECK|FLASH|I|LIVE|NEWS|NOTE|OK|OPINION|PHOTOS|"
        "PROMOTED|Q|REVIEW|SPOILER|SPONSORED|TV|UPDATE|UPDATED|URGENT|VIDEO|WARNING|WATCH"
    ).split("|")
)
# Labels that end in a colon at the start of a body ("AP: ...", "BYLINE: ...") but are no place.
_COLON_LABELS = frozenset(
    (
        "AP|AFP|UPI|REUTERS|BYLINE|REPORT|LOOK|MUST SEE|SOURCE|SOURCES|READ|READ MORE|LISTEN|"
        "PHOTO|POLL|QUIZ|DEVELOPING|RELATED|SEE ALSO|TRANSCRIPT|QUESTION|ANSWER|UPDATE|SUMMARY|"
        "BACKGROUND|CONTEXT|WHAT|WHY|HOW|WHO|WHEN|WHERE|TOPLINE|KEY POINTS|TL;DR|PS|NB|FILE"
    ).split("|")
)
# Short all-caps words before a colon are mostly acronyms ("NCAA:", "FBI:"); these are places.
_SHORT_PLACES = frozenset(
    "ROME OSLO LIMA BAKU DOHA KIEV KYIV GAZA BONN RIGA SUVA APIA MALE GOA AGRA PUNE LAGOS "
    "DILI LOME ACCRA BERN KOBE NICE LYON CORK YORK BATH UFA".split()
)


def _colon_place_ok(place: str) -> bool:
    """ "LONDON: Police said" is a dateline; "AP: ...", "NCAA: ..." or "MUST SEE: ..." are not."""
    head = place.split(",")[0].strip()
    if not re.fullmatch(_CAPS_PLACE, head) or head in _COLON_LABELS:
        return False
    if set(head.split()) & {"IS", "ARE", "WAS", "THE", "TO", "FOR", "AND", "IN", "BY", "ON"}:
        return False  # a phrase ("FIX IS IN: ..."), not a place name
    return " " in head or len(head) > 4 or head in _SHORT_PLACES


_NOT_PLACE_STARTS = frozenset("The A An In On At This That He She It They We I".split())


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening `text` at `start` (after leading whitespace), or None.

    The span covers place, optional date and agency, and the separator with its trailing spaces,
    so `span.end` is where the first claim starts. The agency is recorded as found; it does not
    set the article's source.
    """
    pos = start
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    head = text[pos : pos + 160]
    match = _DATELINE_CAPS.match(head) or _DATELINE_TITLE.match(head)
    if not match:
        return None
    place = match.group("place").strip()
    if place.split()[0] in _NOT_PLACE_STARTS:
        return None
    lead = place.split(",")[0].strip().upper()
    if lead in _NOT_PLACES or lead.split()[0] in _NOT_PLACES or len(place) > 60:
        return None
    rest = head[match.end() :]
    colon = match.group("sep").strip() == ":"
    if colon and not match.group("agency") and not _colon_place_ok(place):
        return None
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018("):
        # A dateline is followed by the first sentence, which starts like one.
        return None
    words = re.findall(r"[^\W\d_]+", rest)[:3]
    if len(words) == 3 and all(w.isupper() for w in words):
        return None  # an all-caps headline or kicker ("BREAKING NEWS - 3 DEAD IN ..."), not a body
    agency = match.group("agency")
    return Dateline(
        place=place,
        start=pos,
        end=pos + match.end(),
        agency=agency.strip() if agency else None,
    )


@dataclass(slots=True)
class Header:
    title: str | None
    source: str | None
    byline: str | None
    published: str | None  # a date line as written; the caller parses it
    body: str


_SMALL = frozenset(("& - a an and at de des du e for in la le of on the to und y |").split())
_BYLINE_WORDS = BYLINE_WORDS
# the word before a publication date on a line of its own ("Updated: ...", "Posted on ...")
STAMP_PREFIX = r"(?:last\s+)?(?:published|updated|posted|date)\b(?:\s+on\b)?\s*:?\s*"
_DATE_LINE = re.compile(
    rf"^(?:{STAMP_PREFIX})?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    rf"(?:[T ,]+\d{{1,2}}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{{2,4}}|[+-]\d\d:?\d\d|Z)?)?$",
    re.IGNORECASE,
)


def _meta_kind(line: str) -> str | None:
    """'byline', 'source', 'date' or None for a line right after the title."""
    line = line.strip()
    if not line or len(line) > 80 or line[-1] in ".!?;:,\"\u201d'":
        return None
    if _DATE_LINE.match(line):
        return "date"
    words = line.split()
    if len(words) > 6 or any(ch in line for ch in '"\u201c\u201d'):
        return None
    if words[0].lower() == "by" and len(words) >= 2 and words[1][:1].isupper():
        return "byline"
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words):
        return None
    if not words[0][:1].isupper():
        return None
    if any(w.lower().strip(",") in _BYLINE_WORDS for w in words):
        return "byline"
    return "source"


# an outlet line before a date line: its longest form (a name and a description of the item)
_OUTLET_WORDS = 24
_OUTLET_CHARS = 200


def _outlet_before_date(lines: list[str], j: int) -> bool:
    """Line j, right after the title, is an outlet written in its own case ("Trackside - a rail
    blog", "Brinwick Paper plc"): a line that is no sentence, followed by a date line of its own.
    A body line is never followed by a bare date line, so the line may be as long as an outlet
    with a description of what it published ("Harbour Board of X (notice to mariners, translated
    from Y)"): up to `_OUTLET_WORDS` words."""
    line = lines[j].strip()
    words = line.split()
    if not words or len(words) > _OUTLET_WORDS or len(line) > _OUTLET_CHARS \
            or line[-1] in ".!?;:,\"\u201d'" \
            or not words[0][:1].isupper() or any(ch in line for ch in '"\u201c\u201d'):
        return False
    k = j + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    return k < len(lines) and _meta_kind(lines[k]) == "date"


def _byline_outlet(value: str) -> tuple[str, str | None]:
    """ "Jane Doe, Tarnby Post" -> ("Jane Doe", "Tarnby Post"): a byline that names its outlet
    after the last comma. A role ("Jane Doe, Staff Writer") or more names ("Jane Doe, Ivo Stam and
    Ana Brel") after the comma stay in the byline."""
    name, sep, tail = value.rpartition(",")
    name, tail = name.strip(), tail.strip()
    if not sep or not name or not tail or not tail[:1].isupper():
        return value, None
    words = [w.lower().strip(",.") for w in tail.split()]
    if "and" in words or any(w in _BYLINE_WORDS for w in words) or "," in name:
        return value, None
    return name, tail


def _clean_title(line: str) -> str:
    return line.strip().lstrip("#").strip()  # markdown "# Title"


def split_header(text: str) -> Header:
    """Split normalised plain text into title, outlet/byline/date lines and body.

    The first non-empty line is the title, unless it is the only paragraph or is longer than any
    headline (over 300 characters): then the text is all body. Up to three short lines after the
    title that look like an outlet ("Reuters", "ICARO Media Group"), a byline ("By Jane Doe",
    "Staff Reporter") or a date ("June 18, 2024") are taken out of the body. The body keeps its
    characters exactly, minus leading blank lines and trailing whitespace.
    """
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    non_empty = sum(1 for line in lines[i:] if line.strip())
    if i >= len(lines) or non_empty < 2 or len(lines[i].strip()) > 300:
        return Header(None, None, None, None, text.strip())
    title = _clean_title(lines[i])
    i += 1
    source = byline = published = None
    taken = 0
    while taken < 3:
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines):
            break
        kind = _meta_kind(lines[j])
        if kind is None and taken == 0 and _outlet_before_date(lines, j):
            kind = "source"
        remaining = sum(1 for line in lines[j + 1 :] if line.strip())
        if kind is None or remaining == 0:
            break  # never eat the last line: it would leave no body
        value = lines[j].strip()
        if kind == "byline" and byline is None:
            byline, outlet = _byline_outlet(re.sub(r"^by\s+", "", value, flags=re.IGNORECASE))
            source = source or outlet
        elif kind == "source" and source is None:
            source = value
        elif kind == "date" and published is None:
            published = re.sub(rf"^{STAMP_PREFIX}", "", value, flags=re.I)
        else:
            break
        i = j + 1
        taken += 1
    body = "\n".join(lines[i:])
    body = body.lstrip("\n").rstrip()
    # Leading spaces of the first body line were only indentation; drop them with the blank lines.
    body = body.lstrip(" \t")
    return Header(title or None, source, byline, published, body)
