"""Reader chatter: sentences in which an outlet talks to its readers instead of reporting.

Decides, from the words alone, that a sentence is a call to action with contact details ("Email
us at tips@..."), an outlet addressing its readers ("Here is our round-up ... for you"), or a
first/second-person remark with no third-person event content ("We read everything."). Such a
sentence yields no claim, so it is never a fact, a summary item nor a timeline row.
"""

from __future__ import annotations

import re

# contact details: an e-mail address, a web address, a handle, a phone number
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\bhttps?://\S+|\bwww\.\S+"
    r"|(?<![\w@])@[A-Za-z_]\w{2,}"
    r"|\+?\d[\d ()-]{7,}\d",
)
_READER = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_OUTLET = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)
# the sentence's subject is the outlet or the reader: "We read ...", "Most of you will ..."
_PERSON_SUBJECT = re.compile(
    r"[\s\"'\u201c\u2018(-]*(?:(?:most|many|some|all|each|none|few|several|both)\s+of\s+)?"
    r"(?:we|you|our|your)\b",
    re.IGNORECASE,
)


def reader_chatter(text: str, has_content: bool) -> bool:
    """True when `text`, a sentence in the outlet's own voice (no quotation in it), talks to
    readers rather than reporting: it carries contact details and a first/second-person word;
    or it names both the outlet ("we", "our") and the reader ("you"); or its subject is "we" or
    "you" and it has no third-person event content (`has_content`: a named entity or a quantity
    inside it; a date alone is no event: "Most of you saw the smoke over the weekend")."""
    reader = bool(_READER.search(text))
    outlet = bool(_OUTLET.search(text))
    if _CONTACT.search(text) and (reader or outlet):
        return True
    if reader and outlet:
        return True
    return bool(_PERSON_SUBJECT.match(text)) and not has_content
