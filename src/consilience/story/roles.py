"""The roles one article writes with a person, and its definite role mentions (r25-roles; read
by `resolve` with `ResolveOptions.role_nouns`).

A role phrase is read by its shape, not looked up in a list of roles: an apposition after a name
("X, the site manager,", "X, head of the village administration,"), the phrase before a name
("The Administrator of the Region, Wro. X", "harbour master X"), a copula ("X is the keeper of
the dam", "The keeper is X"). Its head is the last word before its scope ("of the village"),
after an owner written with "'s" ("the district's chair": owner district, head chair). The
resolver collects the heads a story writes with its named people; a definite mention of one of
those heads ("the chair", "The Dasho Dzongdag", "the provincial police commander") is then
found in the text and matched against the holders (`RolePhrase.fits`).

Pure text reading: character offsets in, offsets and words out; the resolver decides."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..lexicon.names import FAMILY_NOUNS
from ..lexicon.people import (
    OFFICE_OTHER_HOLDER,
    ROLE_INDEFINITE,
    ROLE_NOUN_STOP,
    ROLE_SCOPE_PREPS,
)
from ..lexicon.person_nouns import PERSON_NOUNS

# words that end a role phrase: a verb or a clause after it ("the chair said", "X, the keeper,
# who ...")
_PHRASE_END = re.compile(
    r"\s+(?:who|whom|whose|which|that|said|says|say|told|tells|has|had|have|is|was|were|are|"
    r"will|would|may|might|can|could|should|must|and|but|when|while|after|before|since|as|"
    r"also|did|does|added|confirmed|announced|visited|reached|asked)\b.*$", re.I | re.S)
_FUNCTION = frozenset("the a an of for at in on from to and or with by its his her their our "
                      "this that these those".split())
_POSSESSIVE_LEAD = frozenset({"our", "its", "their", "your", "my"})
_KIN_LEAD = frozenset({"his", "her", "whose"})
_WORD = re.compile(r"^[^\W\d_][\w\-'\u2019]*$")


def _clean(w: str) -> str:
    return w.strip(",.;:!?\"\u201c\u201d()[]")


def _base(w: str) -> str:
    """A word lower-cased, its possessive "'s" off."""
    w = _clean(w).lower()
    return w[:-2] if w.endswith(("'s", "\u2019s")) else w


@dataclass(frozen=True)
class RolePhrase:
    """One role phrase: its head noun, the words before the head (`mods`), the owner's and
    scope's words (`scope`: "the district's chair", "head of the village"), all its words, and
    whether a word makes it another holder ("former", "deputy": `OFFICE_OTHER_HOLDER`)."""

    head: str
    mods: frozenset[str]
    scope: frozenset[str]
    words: frozenset[str]
    other: bool = False
    owned: bool = False  # written after an owner's "'s" ("the district's Dzongdag")

    def fits(self, holder_words: set[str], holder_scope: set[str]) -> bool:
        """A role mention (self) may stand for a holder written with these words: every word
        before its head is one of the holder's ("the site manager" / "X, the site manager"),
        and, a bare head with a scope ("the head of the republic"), the scope shares a word
        with the holder's when the holder has one."""
        if self.other or not all(_among(w, holder_words) for w in self.mods):
            return False
        if not self.mods and self.scope and holder_scope:
            return any(_among(w, holder_words | holder_scope) for w in self.scope)
        return True


def _among(word: str, words: set[str]) -> bool:
    """A word is one of these, or shares its stem with one ("regional" / "region",
    "provincial" / "province": a common start of six letters or more, most of the shorter)."""
    if word in words:
        return True
    for w in words:
        n = 0
        for a, b in zip(word, w, strict=False):
            if a != b:
                break
            n += 1
        if n >= 6 and n >= 0.75 * min(len(word), len(w)):
            return True
    return False


def parse_role(words: list[str]) -> RolePhrase | None:
    """A role phrase of these words ("the", an owner with "'s", up to three words, the head,
    a scope after "of"/"for"/"at"...), or None when its head is no role (a kinship noun, a
    word of `ROLE_NOUN_STOP`, a number, a name's initial)."""
    toks = [_clean(w) for w in words]
    toks = [w for w in toks if w]
    lead = bool(toks[:1]) and toks[0].lower() == "the"
    if lead:
        toks = toks[1:]
    if toks[:1] and toks[0].lower() in _POSSESSIVE_LEAD:
        toks = toks[1:]
    if not toks or toks[0].lower() in _KIN_LEAD:
        return None
    cut = next((i for i, w in enumerate(toks) if w.lower() in ROLE_SCOPE_PREPS), len(toks))
    pre, tail = toks[:cut], toks[cut + 1:cut + 7]
    owner: list[str] = []
    for i in range(len(pre) - 1, -1, -1):
        if pre[i].endswith(("'s", "\u2019s")):
            owner, pre = pre[:i + 1], pre[i + 1:]
            break
    if not 1 <= len(pre) <= 4 or not all(_WORD.match(w) for w in pre):
        return None
    head = pre[-1].lower()
    if len(head) < 3 or head in ROLE_NOUN_STOP or head in FAMILY_NOUNS or head in _FUNCTION:
        return None
    # a noun for a person (WordNet), or a capitalised office word after "the" or an owner
    # ("the district's Dzongdag", "The Asuomhene"): no verb, no other noun
    if head not in PERSON_NOUNS and not (pre[-1][:1].isupper() and (lead or owner)):
        return None
    mods = {w.lower() for w in pre[:-1]}
    if mods & _FUNCTION:
        return None
    scope = {_base(w) for w in [*owner, *tail]} - _FUNCTION - {""}
    other = any(w in OFFICE_OTHER_HOLDER or w.startswith("ex-") for w in mods | {head})
    return RolePhrase(head, frozenset(mods), frozenset(scope),
                      frozenset(mods | scope | {head}), other, bool(owner))


def _phrase(s: str) -> list[str]:
    return _PHRASE_END.sub("", s).split()


def _title_token(tok: str) -> bool:
    """An abbreviated title or an initial written before a name ("Wro.", "Dr.", "H.")."""
    return tok.endswith(".") and tok[:1].isupper() and len(tok) <= 5


def _title_run(toks: list[str]) -> list[str]:
    """`implicit`: the words right before a name that may be its title, read back from the
    name: at most three, none a function word, a verb of `_PHRASE_END` or a word with
    punctuation after it ("..., district spokesperson", "17:45 - Taxi driver"); parse_role then
    wants the last a noun for a person."""
    run: list[str] = []
    for w in reversed(toks[-3:]):
        low = w.lower()
        if not _WORD.match(w) or low in _FUNCTION or _PHRASE_END.match(" " + low):
            break
        run.insert(0, w)
    return run


def _bare_title(words: list[str]) -> bool:
    """`implicit`: an apposition with no "the", at most four words up to its scope, none a
    function word ("X, Executive Director", "X, general director of Y"); parse_role then wants
    its head a noun for a person."""
    cut = next((i for i, w in enumerate(words) if w.lower() in ROLE_SCOPE_PREPS), len(words))
    return 1 <= cut <= 4 and all(_WORD.match(w) and w.lower() not in _FUNCTION
                                 for w in words[:cut])


def roles_with_mention(text: str, start: int, end: int, implicit: bool = False
                       ) -> list[RolePhrase]:
    """The role phrases one article writes with one person mention: before it ("The chair of
    the district, X", "The union's General Manager, Obbo X", "harbour master X"), in an
    apposition after it ("X, the Provincial Police Commander,", "X, 52, the keeper"), or in a
    copula ("X is the captain of the ship", "The keeper is X"), or on the line under a name
    written on a line of its own (a signature: "X" / "Harbour master"). With `implicit`
    (r26-roles) also a lower-case title run right before the name in mid-sentence ("...,
    district spokesperson X") and a bare capitalised apposition ("X, Executive Director")."""
    out: list[RolePhrase] = []
    toks = text[max(0, start - 120):start].split()
    for n in range(len(toks) - 1, -1, -1):  # this sentence's words only
        if toks[n][-1:] in ".!?:;\"\u201d" and not _title_token(toks[n]):
            toks = toks[n + 1:]
            break
    comma = next((n for n in range(len(toks) - 1, max(-1, len(toks) - 4), -1)
                  if toks[n].endswith(",")), None)
    if comma is not None and all(w[:1].isupper() for w in toks[comma + 1:]):
        phrase = toks[:comma + 1]
    else:  # a title run right before the name
        phrase = toks[-4:]
        while phrase and _title_token(phrase[-1]):
            phrase.pop()
    low = [w.lower() for w in phrase]
    lead = [n for n, w in enumerate(low)  # "the" of the phrase, not of its scope ("of the X")
            if w == "the" and not (n and low[n - 1] in ROLE_SCOPE_PREPS)]
    if lead:
        phrase = phrase[lead[-1]:]
    elif comma is None and toks[:len(phrase)] != phrase and not all(
            w[:1].isupper() for w in phrase):
        phrase = []  # lower-case words with no "the" and no sentence start: another clause
    if comma is None and any(w.lower() in ROLE_SCOPE_PREPS for w in phrase):
        phrase = []  # "Member of the County Assembly for X": a title run ends in its head
    if comma is None and phrase and phrase[-1][:1].isupper():
        n = len(phrase)  # the capitalised run before the name, with its "the" right before it
        while n and phrase[n - 1][:1].isupper():
            n -= 1
        phrase = phrase[n - 1:] if n and phrase[n - 1].lower() == "the" else phrase[n:]
    before = parse_role(phrase) if phrase and (
        comma is not None or phrase[-1][-1:].isalpha()) else None
    if before is None and implicit:  # "..., district spokesperson X", "17:45 - Taxi driver X"
        before = parse_role(_title_run(toks))
    if before is not None:
        out.append(before)
    after = text[end:end + 120]
    m = re.match(r"(?:,\s*\d{1,3}|\s*\(\s*\d{1,3}\s*\))?,\s+([^,.;:()\n\"\u201c\u201d]{2,80})",
                 after)
    if m and re.match(r",\s+(?:and|or)\s", after[m.end():]):
        m = None  # "X (72), the executive officer, and the contractor": a list, no apposition
    if m:
        words = _phrase(m.group(1))
        if words and (words[0].lower() in {"the", *_POSSESSIVE_LEAD}
                      or any(w.endswith(("'s", "\u2019s")) for w in words[:2])
                      or words[1:2] and words[1].lower() in ROLE_SCOPE_PREPS
                      or implicit and _bare_title(words)):
            r = parse_role(words)
            if r is not None:
                out.append(r)
    sig = re.match(r"[ \t]*\n[ \t]*([A-Z][^\n.,;:!?()]{2,50}?)[ \t]*(?:\n|$)", after)
    if sig and text[:start].rstrip(" \t").endswith("\n") and len(sig.group(1).split()) <= 5 \
            and (r := parse_role(sig.group(1).split())) is not None:
        out.append(r)  # a signature: the name on its line, the role on the next
    c = re.match(r"\s+(?:is|was)\s+(the\s+[^,.;:()\n\"\u201c\u201d]{2,70})", after)
    if c and (r := parse_role(_phrase(c.group(1)))) is not None:
        out.append(r)
    b = re.search(r"\b([Tt]he\s+[^,.;:()\n\"\u201c\u201d]{2,60}?)\s+(?:is|was)\s+$",
                  text[max(0, start - 80):start])
    if b and (r := parse_role(b.group(1).split())) is not None:
        out.append(r)
    return out


def indefinite_heads(text: str, heads: Iterable[str]) -> set[str]:
    """The heads this text writes after "a", "an", "another", "one" ("a director said"):
    the story holds more than one of them."""
    heads = sorted(set(heads), key=len, reverse=True)
    if not heads:
        return set()
    pat = re.compile(r"\b(?:" + "|".join(ROLE_INDEFINITE) + r")\s+(?:[\w\-]+\s+){0,2}?("
                     + "|".join(map(re.escape, heads)) + r")\b(?![\-\w'\u2019])", re.I)
    return {m.group(1).lower() for m in pat.finditer(text)}


def definite_role_mentions(text: str, heads: Iterable[str]
                           ) -> Iterator[tuple[int, int, RolePhrase]]:
    """The definite mentions of these heads in a text ("the chair", "The district's chair",
    "the provincial police commander", "The head of the village administration"): start, end
    (of the head; the scope is read, not spanned) and the phrase. A head written before "'s"
    (the role's owner: "the mayor's wife"), in the plural or before a capitalised name ("the
    guide Emil X": a title) is no role mention."""
    heads = sorted(set(heads), key=len, reverse=True)
    if not heads:
        return
    pat = re.compile(r"((?:[^\s,.;:()\"\u201c\u201d]+\s+){0,3}?)(" + "|".join(
        map(re.escape, heads)) + r")(?![\-\w'\u2019])", re.I)
    for t in re.finditer(r"\b[Tt]he\s+", text):
        m = pat.match(text, t.end())
        if m is None:
            continue
        rest = text[m.end():m.end() + 80]
        if re.match(r"\s*,?\s+(?:[A-Z][\w\-]*\.?\s+){0,2}[A-Z][\w\-]+", rest) and not re.match(
                r"\s+(?:[Oo]f|[Ff]or|[Aa]t|[Ii]n|[Ss]aid|[Ss]ays)\b", rest):
            continue  # a title or an apposition before a name: the name's mention holds it
        tail = re.match(r"\s+((?:of|for|at|in)\s+[^,.;:()\n\"\u201c\u201d]{2,60})", rest)
        words = [*text[t.start():m.end()].split(), *(_phrase(tail.group(1)) if tail else [])]
        r = parse_role(words)
        if r is not None and r.head == m.group(2).lower():
            yield t.start(), m.end(), r
