"""Parts of a personal name that decide identity: short forms of a given name and generations.

Decides whether two given names can be one person's ("Jim" / "James", "Sandi" / "Sandra", via
the `nicknames` table) or one name in two romanisations ("Oleksiy" / "Aleksei",
`romanised_match`), and which generation a written suffix marks ("Jr.", "Sr.", "III"). Does
not decide who is who: `entities` (one article) and `resolve` (across articles) use these answers.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from ..lexicon.names import GENERATIONS


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer

    return NickNamer()


def _spellings(name: str) -> tuple[str, ...]:
    """A diminutive and its usual respellings: "sandi" / "sandie" / "sandy"."""
    out = [name]
    for end in ("ie", "ey", "i"):
        if name.endswith(end) and len(name) - len(end) >= 2:
            out.append(name[: -len(end)] + "y")
            break
    return tuple(out)


@lru_cache(maxsize=4096)
def _forms(name: str) -> frozenset[str]:
    """The name, its nicknames and the full names it is a nickname of (one step each way)."""
    nn = _namer()
    out: set[str] = set()
    for s in _spellings(name):
        out.add(s)
        out |= nn.nicknames_of(s)
        out |= nn.canonicals_of(s)
    return frozenset(out)


def nickname_match(a: str, b: str) -> bool:
    """Two given names (lower case, no dots) that can be one person's: equal, one a listed short
    form of the other ("jim"/"james", "chuck"/"charles", "sandi"/"sandra"), or two short forms of
    one full name that share their first three letters ("jim"/"jimmy"). Two short names of different
    initials never match ("fred"/"bill"), nor do initials."""
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or not a.isalpha() or not b.isalpha():
        return False
    if a[0] != b[0] and max(len(a), len(b)) < 5:
        return False  # the table's rare cross-pairs of two short names ("fred"/"bill") are noise
    fa, fb = _forms(a), _forms(b)
    if any(s in fb for s in _spellings(a)) or any(s in fa for s in _spellings(b)):
        return True
    return a[:3] == b[:3] and bool(fa & fb - {a, b})


def generation_of(token: str) -> str | None:
    """The generation a name token marks ("Jr." -> "jr", "III" -> "iii"), else None."""
    return GENERATIONS.get(token.lower().rstrip(".").strip(","))


# --------------------------------------------------------------------------- romanisation variants

_VOWELS = "aeiouy"


def ascii_fold(text: str) -> str:
    """Lowercase, strip diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# letter groups every romanisation key folds (`translit_key`, and so `roman_key`)
_BASE_FOLDS: tuple[tuple[str, str], ...] = (
    ("ks", "x"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ou", "u"),
    ("q", "k"),  # Arabic qaf is written both ways (Qasim/Kasim)
)
# the further groups of given names in the common romanisations of Cyrillic, Greek and Arabic
# (and German, Scandinavian and Polish spellings of one given name); longer groups first
_GIVEN_FOLDS: tuple[tuple[str, str], ...] = (
    ("dzh", "j"), ("dj", "j"), ("tch", "ch"), ("th", "t"), ("tz", "ts"), ("w", "v"),
)


def translit_key(token: str) -> str:
    """A spelling-insensitive key for one name token (surnames and given names alike): y->i,
    ks->x, kh->h, ph->f, ck->k, ou->u, q->k, doubled letters collapsed, so Yury/Yuri,
    Aleksandr/Alexander, Zelensky/Zelenskyy share (or nearly share) a key."""
    t = ascii_fold(token).replace("-", "").replace(" ", "").replace("'", "")
    if t.startswith("ye"):  # Yevgeny/Evgeny
        t = t[1:]
    for a, b in _BASE_FOLDS:
        t = t.replace(a, b)
    t = t.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


@lru_cache(maxsize=8192)
def roman_key(name: str) -> str:
    """A looser key for one given-name token (lower case, no diacritics) under which its usual
    romanisations agree: `translit_key`'s folds, and also dzh/dj/j, tch/ch, th/t, tz/ts, w/v, a
    hard c (before a/o/u/l/r or at the end) as k, an initial "ie"/"je" as "e"
    ("Yelena"/"Jelena"/"Elena"), the glide j as i ("Yana"/"Jana", "Yuriy"/"Jurij"), the endings
    -iy/-ii/-ey/-ei/-ej as -i ("Andrey"/"Andrei", "Aleksei"/"Oleksiy" end alike). Vowels are
    otherwise left alone: an o/a change inside a name is not folded (it separates names:
    "Marta"/"Morta")."""
    t = "".join(c for c in name.lower() if c.isalpha())
    for a, b in _GIVEN_FOLDS:
        t = t.replace(a, b)
    t = translit_key(t)
    t = re.sub(r"c(?=[aoulr]|$)", "k", t)
    t = re.sub(r"^[ij]e", "e", t)
    t = re.sub(r"j(?=[aeiou])|(?<=[aeiou])j", "i", t)
    t = re.sub(r"(?:ii|ei|ej|ij)$", "i", t)
    return re.sub(r"(.)\1+", r"\1", t)


def _gendered_pair(ka: str, kb: str) -> bool:
    """Two keys that differ only by a final vowel, added or changed: Daniel/Daniela,
    Mario/Maria, Aleksandr/Aleksandra are two people's names."""
    short, long_ = sorted((ka, kb), key=len)
    return (long_[:-1] == short and long_[-1] in "aeiou") or (
        len(ka) == len(kb) and ka[:-1] == kb[:-1] and ka[-1] in "aeiou" and kb[-1] in "aeiou")


def a_ending_split(a: str, b: str) -> bool:
    """Exactly one of two given names ends in -a, the other not in -ah: often a woman's and a
    man's form of one name (Kristina/Kristian, Andrea/Andreas), never one romanisation of the
    other (Fatima/Fatimah are)."""
    ea, eb = a.endswith("a"), b.endswith("a")
    return ea != eb and not (a.endswith("ah") or b.endswith("ah"))


def romanised_match(a: str, b: str) -> bool:
    """Two given-name tokens (lower case, no dots) that are one name in two romanisations:
    equal `roman_key`; or the same key after an initial a/e/o that the romanisations alternate
    ("Oleksiy"/"Aleksei", "Olena"/"Elena": at least four letters left); or keys at least six
    letters long, with the same first letter, no more than about one letter in seven apart
    ("Aleksandr"/"Alexander"). Never two names that differ by a final vowel (Daniel/Daniela)
    or of which one ends in -a (Christian/Christina), nor names of three letters or fewer
    ("Jan"/"Ian")."""
    if len(a) < 4 or len(b) < 4 or not a.isalpha() or not b.isalpha():
        return False
    ka, kb = roman_key(a), roman_key(b)
    if ka == kb:
        return True
    # a final vowel added or changed, or an -a against another ending: Daniel/Daniela,
    # Andreas/Andrea, Christian/Christina are two people's names
    if not ka or not kb or _gendered_pair(ka, kb) or a_ending_split(ka, kb):
        return False
    if ka[0] != kb[0] and ka[0] in "aeo" and kb[0] in "aeo" and ka[1:2] == kb[1:2] \
            and ka[1:2] not in ("", *_VOWELS):
        ka, kb = ka[1:], kb[1:]
        if ka == kb and len(ka) >= 4:
            return True
    return ka[0] == kb[0] and min(len(ka), len(kb)) >= 6 and fuzz.ratio(ka, kb) >= 85


# --------------------------------------------------------------------------- given-name families

_FAMILY_FILE = "given_name_families.txt"


@lru_cache(maxsize=1)
def _families() -> dict[str, frozenset[int]]:
    """Each listed form (folded: lower case, no diacritics, letters only) and the `roman_key` of
    each form -> the numbers of the families (lines of the data file) that hold it."""
    text = resources.files(__package__).joinpath("data", _FAMILY_FILE).read_text("utf-8")
    out: dict[str, set[int]] = {}
    n = 0
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        n += 1
        for form in line.split():
            f = "".join(c for c in ascii_fold(form) if c.isalpha())
            if f:
                out.setdefault(f, set()).add(n)
                out.setdefault("~" + roman_key(f), set()).add(n)
    return {k: frozenset(v) for k, v in out.items()}


def _family_ids(name: str) -> frozenset[int]:
    fams = _families()
    f = "".join(c for c in ascii_fold(name) if c.isalpha())
    if not f:
        return frozenset()
    return fams.get(f) or fams.get("~" + roman_key(f), frozenset())


def family_match(a: str, b: str) -> bool:
    """Two given names (lower case) that one name family of the data file
    (`data/given_name_families.txt`: the Slavic languages' forms of one given name and its usual
    short forms) holds both: "mikhail"/"mykhailo", "aleksandar"/"sasha", "yelena"/"olena". A
    form not listed is looked up by its `roman_key` ("mychailo"). Two names of two families
    never match ("stanislav"/"vyacheslav", though both are "slava"), nor a man's name and a
    woman's ("aleksandar"/"aleksandra"), nor initials."""
    if len(a) < 2 or len(b) < 2:
        return False
    fa, fb = _family_ids(a), _family_ids(b)
    return bool(fa & fb)


# --------------------------------------------------------------------------- German spellings

# the German spellings of Slavic (and Yiddish) surnames against the English ones, applied to a
# `translit_key`: tsch/ch (Tschernow/Chernov), sch/sh, w/v (-ow/-ov, -ew/-ev, -owski/-ovski), a
# final -ij/-yj as -i (Dostojewskij/Dostoevsky), a j before a vowel as the glide i
# (Jelena/Yelena, both keys "ie..."; translit_key writes every y as i)
_GERMAN_FOLDS: tuple[tuple[str, str], ...] = (("tsch", "ch"), ("sch", "sh"), ("w", "v"))


def german_fold(key: str) -> str:
    """A `translit_key` further folded for the German romanisation of Slavic names (tsch/ch,
    sch/sh, w/v, a final ij as i, j before a vowel as i). Both sides of a comparison must be
    folded; "Tschernow" and "Chernov" then agree."""
    t = key
    for a, b in _GERMAN_FOLDS:
        t = t.replace(a, b)
    t = re.sub(r"ij$", "i", t)
    t = re.sub(r"j(?=[aeiou])", "i", t)
    return re.sub(r"(.)\1+", r"\1", t)


def known_given_name(name: str) -> bool:
    """A given name (lower case) that a table lists: a name of the `nicknames` table (with a
    short form or a full form) or of a given-name family (`family_match`)."""
    if len(name) < 2 or not name.isalpha():
        return False
    return bool(_family_ids(name)) or len(_forms(name)) > 1
