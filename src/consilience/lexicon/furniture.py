"""Page furniture: the lines of a news page that are no statement of the story.

Decides, from the words of one short line alone, that it is a publication stamp ("Updated
3/2/2027 7:15 PM", "4 May 2026 Last updated at 09:12 GMT"), a byline or credit ("By Jo Reed,
Staff Reporter", "Photo: AP"), a copyright notice or a share/follow prompt. The one owner of
these patterns: claim extraction skips such lines and the summary never quotes them.
"""

from __future__ import annotations

import re

from .calendar import MONTH_PATTERN, WEEKDAY_PATTERN

_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")

# a fixed furniture pattern; only ever tested on a short line (see `page_furniture`)
FURNITURE = re.compile(
    # a stamp word that opens the line and is followed by its date, time or author
    rf"^\W*(?:(?:last\s+)?updated|posted|published|modified|created|first published|filed)"
    rf"\s*(?::|on\b|at\b|by\b|\d|{MONTH_PATTERN}|{WEEKDAY_PATTERN})"
    r"|^\W*posted\s+in\s+[A-Z]"
    # a byline: "By Jo Reed", "By Jo Reed and Pal Varn", "By Jo Reed, Staff Reporter"
    r"|^\W*by\s+[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,5}\W*$"
    r"|\b(?:photo|photograph|picture|image|video)s?\s*(?::|credit\b)|\bcredit\s*:"
    r"|^\W*(?:photo|photograph|picture|image|video)s?\s+by\b"
    r"|\b(?:AP|AFP|Reuters|Getty Images|EPA)\s*(?:/|photo\b)"
    r"|^\W*(?:copyright\s*(?:©|\(c\)|\d{4})|©)|\ball rights reserved\b"
    r"|^\W*(?:share|e-?mail|print|tweet)\s+(?:this|the)\s+(?:article|story|page|post)\b"
    r"|^\W*follow\s+(?:us|@?\w+)\s+on\s+(?:twitter|facebook|instagram|x)\b",
    re.IGNORECASE)
# a clock time with a day half or a time zone: "7:15 PM", "11: 11 GMT"
CLOCK = re.compile(r"\b\d{1,2}\s*:\s*\d{2}\s*(?:[ap]\.?\s?m\b|GMT|UTC|ET|EST|EDT|PT|PST|PDT)",
                   re.IGNORECASE)
# the words a date/time stamp is made of; a line with nothing else is a stamp
_STAMP_WORD = re.compile(
    rf"^(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
    r"|\d+(?:st|nd|rd|th)?|[ap]\.?m\.?|GMT|UTC|BST|CET|ET|EST|EDT|PT|PST|PDT"
    r"|last|updated|posted|published|modified|at|on|am|pm)$",
    re.IGNORECASE)
_DATE_CUE = re.compile(rf"\b(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN})|\d{{1,4}}\s*[/:.-]\s*\d{{1,4}}",
                       re.IGNORECASE)


def _other_words(text: str) -> int:
    """How many words of `text` are no date, time or stamp word."""
    return sum(not (_STAMP_WORD.match(w) or _STAMP_WORD.match(w.rstrip(".")))
               for w in _WORD.findall(text))


def date_stamp(text: str) -> bool:
    """True when `text` is made of nothing but a date and/or time and stamp words ("Monday,
    4 May 2026", "4 May 2026 Last updated at 09:12 GMT", "05/04/2026 10:02"): no word of it
    could carry a statement."""
    return bool(_WORD.search(text)) and bool(_DATE_CUE.search(text)) and not _other_words(text)


def page_furniture(text: str) -> bool:
    """A timestamp, byline, credit, copyright or share line. Only short lines, and a clock time
    alone is no stamp: "Published reports say ..." and "Police arrived at 6:30 pm on Sunday,
    officials said" are statements."""
    n = len(_WORD.findall(text))
    return (date_stamp(text) or (n <= 20 and bool(FURNITURE.search(text)))
            or (n <= 10 and bool(CLOCK.search(text)) and _other_words(text) <= 2))
