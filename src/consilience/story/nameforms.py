"""Person-name forms of several house styles and naming traditions, rewritten to one order and
spelling before the resolver parses them (`ResolveOptions.name_traditions`, docs/quality.md,
"r16-names3").

Administrative texts of many countries write the family name first and in capitals ("KOVACS
Anna", "VAN DER BERG Pieter", "AIT OUALI Brahim"); headlines write whole names in capitals.
Surname particles are lower-case after a given name and capitalised without one ("Pieter van
den Berg" / "Van den Berg"), and they can be all that tells two surnames apart ("van der Berg"
/ "van den Berg"). The Arabic article is written apart, hyphenated, joined or dropped ("El
Haddad" / "Elhaddad" / "Haddad"); a patronymic chain ("A ben B Surname") names A, son of B, so
"A ben B Surname" and "B ben A Surname" are father and son; "ben B" with no surname after it is
the family name itself ("Ben Salah" / "Bensalah"); a kunya ("Abu Karim", father of Karim) is a
name of the parent, never of the named child.

`name_form` reads one written form and returns a `NameForm`: the name in given-name-first
order, capitals folded, honorifics, the Arabic article and surname particles out of the text
(the particles kept apart, in `particles`), a father's name of a chain in `patronym`, and
compound given names ("Abd al-Karim", "Abu al-Qasim") joined into one word. The words come
from lexicon data per tradition (`lexicon.names`: ARABIC_ARTICLES, PATRONYM_MARKERS,
KUNYA_MARKERS, SURNAME_PARTICLES_BY_LANGUAGE, TRADITION_HONORIFICS). It decides nothing about
who is who: the resolver compares the parsed forms and reads `patronym` and `particles` as hard
apart evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.names import ascii_fold, translit_key
from ..lexicon.names import (
    ARABIC_ARTICLES,
    COMPOUND_GIVEN_HEADS,
    JOINED_PARTICLES,
    KOREAN_SURNAME_OF,
    KUNYA_MARKERS,
    LETTER_FOLDS,
    OTHER_TITLES,
    PATRONYM_MARKERS,
    PINYIN_FINAL_WG,
    PINYIN_FINALS_OF,
    PINYIN_INITIALS_WG,
    PINYIN_SPECIAL_WG,
    PINYIN_ZERO_WG,
    POST_NAME_HONORIFICS,
    STACKED_HONORIFICS,
    SURNAME_PARTICLES,
    TRADITION_HONORIFICS,
)
from ..lexicon.people import NAME_TITLES

# a bracketed note after the name ("(born 1961)", "(El Hadj)", a party); a nickname inside the
# name, in brackets or quotation marks, is left to the parser (`resolve.parse_person`)
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_EDGE = ",;:!?"
# the Arabic compound heads that join a following name even without the article
# ("Abdul Karim"); the others ("Nur", "Jamal") are names of their own
_ABD = frozenset({"abd", "abdel", "abdal", "abdul", "abdoul", "abdou", "abdu"})
# particles read as such in the first word of a two-word form ("De Vries", "Van Dijk"): the
# short ones ("Le", "Da", "Do", "Lo") are as often a surname of their own
_LEADING_PARTICLES = frozenset({"van", "von", "de", "der", "den", "ten", "ter", "di", "del",
                                "della", "du", "des", "dos", "das", "vom", "zu"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_HONORIFIC_SEQS = sorted(TRADITION_HONORIFICS, key=len, reverse=True)


@dataclass(frozen=True)
class NameForm:
    """One written person-name form, normalised (see the module docstring)."""

    text: str  # given names first, then the surname; capitals folded; no title, no particle
    patronym: str = ""  # translit key of the father's name of a chain ("ben Ahmed": "ahmed")
    particles: str = ""  # the surname particles as written, lower case ("van der")
    kunya: bool = False  # the whole name is a kunya ("Abu Karim")
    reordered: bool = False  # written family name first (in capitals)


def _low(word: str) -> str:
    return ascii_fold(word).strip(".'\u2019")


_LETTER_FOLD_TABLE = str.maketrans(
    {**LETTER_FOLDS, **{k.upper(): (v[:1].upper() + v[1:]) for k, v in LETTER_FOLDS.items()
                        if len(k.upper()) == 1 and k.upper() != k}})


def letter_fold(text: str) -> str:
    """`text` with the Latin letters that carry no separable diacritic written as the plain
    letters the same names are written with (`lexicon.names.LETTER_FOLDS`: "Þórður" ->
    "Thórður", "Đức" -> "Dức", "Bjørn" -> "Bjorn"); the other diacritics are left to
    `ascii_fold`. A capital becomes a capital followed by lower case ("Þ" -> "Th", "Æ" ->
    "Ae"), so a word in title case stays in title case (`ResolveOptions.letter_folds`)."""
    return text.translate(_LETTER_FOLD_TABLE)


_STACKED_SEQS = sorted(STACKED_HONORIFICS | TRADITION_HONORIFICS, key=len, reverse=True)


def strip_stacked_honorifics(text: str) -> str:
    """A person form without the honorifics, courtesy words and titles written before it, one
    after another and in any number ("High Chief", "Chief (Mrs)", "His Excellency", "Hajiya",
    "Mama"; `lexicon.names.STACKED_HONORIFICS` and `people.NAME_TITLES`), a leading "the" and
    bracketed honorifics among them included; at least one word is always kept, and a form that
    is nothing else is returned as written (`ResolveOptions.name_honorifics`)."""
    words = text.split()
    out = list(words)
    while len(out) > 1:
        low = [_low(w).strip("()") for w in out]
        if low[0] in ("the", ""):
            out = out[1:]
            continue
        for seq in _STACKED_SEQS:
            if len(out) > len(seq) and tuple(low[:len(seq)]) == seq:
                out = out[len(seq):]
                break
        else:
            if low[0] in NAME_TITLES:
                out = out[1:]
                continue
            break
    if not out or out == words or not out[0][:1].isupper():
        return text
    return " ".join(out)


_OTHER_TITLE_SEQS = sorted(OTHER_TITLES, key=len, reverse=True)


def strip_title_words(text: str) -> str:
    """A person form without the titles of other languages written before it ("Kaptan", "Av.",
    "Ing.", "Harbour Master": `lexicon.names.OTHER_TITLES`) and without an honorific written
    after it ("Hanım", "Bey", "Hoca": `lexicon.names.POST_NAME_HONORIFICS`); at least one
    capitalised word is always kept, else the form is returned as written
    (`ResolveOptions.name_title_words`)."""
    words = text.split()
    out = list(words)
    while len(out) > 1:
        low = [_low(letter_fold(w)) for w in out]
        for seq in _OTHER_TITLE_SEQS:
            if len(out) > len(seq) and tuple(low[:len(seq)]) == seq:
                out = out[len(seq):]
                break
        else:
            break
    if len(out) > 1 and _low(letter_fold(out[-1])) in POST_NAME_HONORIFICS \
            and out[-1][:1].isupper():
        out = out[:-1]
    if not out or out == words or not out[0][:1].isupper():
        return text
    return " ".join(out)


def _pinyin_table() -> dict[str, str]:
    table = dict(PINYIN_ZERO_WG)
    for ini, finals in PINYIN_FINALS_OF.items():
        for fin in finals:
            syl = ini + fin
            if fin == "i" and ini in ("zh", "ch", "sh", "r", "z", "c", "s"):
                if syl in PINYIN_SPECIAL_WG:
                    table[syl] = PINYIN_SPECIAL_WG[syl]
                continue
            if syl in PINYIN_SPECIAL_WG:
                table[syl] = PINYIN_SPECIAL_WG[syl]
                continue
            wg_fin = PINYIN_FINAL_WG.get(fin, fin)
            if fin == "uo" and ini not in ("g", "k", "h", "sh"):
                wg_fin = "o"
            table[syl] = PINYIN_INITIALS_WG[ini] + wg_fin
    return table


_PINYIN_WG = _pinyin_table()
_WG_SYLLABLES = frozenset(_PINYIN_WG.values())


def _segments(word: str, table: dict[str, str] | frozenset[str], most: int = 3
              ) -> list[list[str]]:
    """Every way to cut `word` into at most `most` syllables of `table`."""
    if not word:
        return [[]]
    if most == 0:
        return []
    out = []
    for n in range(min(6, len(word)), 0, -1):
        head = word[:n]
        if head in table:
            out.extend([head, *rest] for rest in _segments(word[n:], table, most - 1))
    return out


def wade_giles_keys(form: str) -> tuple[frozenset[str], bool] | None:
    """A two-word Chinese name written family name first ("Zhang Weiming", "Hsu Li-hua") read
    for `ResolveOptions.name_wade_giles`: (its keys in Wade-Giles letters without apostrophes,
    family and given name joined by a space; whether its spelling is Wade-Giles and not
    pinyin), else None. A pinyin spelling gives the Wade-Giles key of each way its given name
    cuts into syllables; a Wade-Giles spelling (a hyphenated given name whose second syllable
    is in lower case, or a syllable pinyin has not: "Hsu", "Tsai") gives itself."""
    words = form.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words):
        return None
    fam = ascii_fold(words[0]).lower()
    parts = [ascii_fold(p).lower() for p in words[1].split("-")]
    if not fam.isalpha() or not all(p.isalpha() for p in parts) or len(parts) > 2:
        return None
    hyphen_wg = len(parts) == 2 and words[1].split("-")[1][:1].islower()
    syllables = [fam, *parts]
    if all(x in _WG_SYLLABLES for x in syllables) and (
            hyphen_wg or any(x not in _PINYIN_WG for x in syllables)):
        return frozenset({f"{fam} {''.join(parts)}"}), True
    if fam not in _PINYIN_WG or len(parts) != 1:
        return None
    keys = {f"{_PINYIN_WG[fam]} {''.join(_PINYIN_WG[x] for x in seg)}"
            for seg in _segments(parts[0], _PINYIN_WG, 2)}
    return (frozenset(keys), False) if keys else None


def caps_word(word: str) -> bool:
    """A name word written in capitals: no dot (initials "A.-M."), and three letters at least
    unless a particle ("DE", "EL"); two capitals alone are initials ("JP")."""
    letters = [c for c in word if c.isalpha()]
    return "." not in word and all(c.isupper() for c in letters) and (
        len(letters) >= 3 or len(letters) == 2 and _particle_word(word))


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _words(text: str) -> list[tuple[str, bool]]:
    """(word, written hyphenated to the next) of a form: a hyphenated article, patronymic or
    kunya marker ("Al-Kettani", "el-Kacem") is a word of its own."""
    out: list[tuple[str, bool]] = []
    text = text.strip()
    while _PAREN.search(text):
        text = _PAREN.sub("", text)
    for w in text.split():
        w = w.strip(_EDGE)
        if not w:
            continue
        head, sep, rest = w.partition("-")
        if sep and rest and _low(head) in ARABIC_ARTICLES | set(PATRONYM_MARKERS) | KUNYA_MARKERS:
            out.append((head, True))
            out.append((rest, False))
        else:
            out.append((w, False))
    return out


def _strip_honorifics(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    while len(words) > 1:
        low = [_low(w) for w, _ in words]
        for seq in _HONORIFIC_SEQS:
            if len(words) > len(seq) and tuple(low[:len(seq)]) == seq:
                words = words[len(seq):]
                break
        else:
            if low[0] in NAME_TITLES:
                words = words[1:]
                continue
            break
    return words


def _particle_word(word: str) -> bool:
    low = _low(word)
    return low in ARABIC_ARTICLES or low in SURNAME_PARTICLES or low in PATRONYM_MARKERS


def _order(words: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], bool, bool]:
    """Capitals folded; a leading run of words in capitals before a word in mixed case is the
    family name written first ("VAN DER BERG Pieter"): moved after the given names. Returns
    (words, reordered, written in capitals)."""
    caps = [caps_word(w) for w, _ in words]
    if not any(caps):
        return words, False, False
    k = 0
    while k < len(words) and caps[k]:
        k += 1
    titled = [(_title(w) if c else w, h) for (w, h), c in zip(words, caps, strict=True)]
    if 0 < k < len(words) <= k + 4 and k <= 4 and words[k][0][:1].isupper() \
            and _low(words[k][0]) not in NAME_TITLES:
        return titled[k:] + titled[:k], True, True
    return titled, False, True


def _particle_key(particles: str, surname: str) -> str:
    return f"{particles}|{translit_key(_low(surname))}"


def story_cores(forms: Iterable[str]) -> set[str]:
    """The translit keys of the surnames a story writes bare or after an article written apart
    ("El Haddad", "Haddad": "hadad"): a word that is the article joined to one of them
    ("Elhaddad") is that surname (`name_form`). Also "particles|surname" for each surname the
    story writes after a given name with particles ("Carla Lo Verde": a "Lo Verde" alone is
    that surname with its particle, not a given name "Lo")."""
    out: set[str] = set()
    for form in forms:
        words = _words(form)
        if not words:
            continue
        out.add(translit_key(_low(words[-1][0])))
        j = len(words) - 1
        while j > 1 and _low(words[j - 1][0]) in SURNAME_PARTICLES:
            j -= 1
        if j < len(words) - 1:
            out.add(_particle_key(" ".join(_low(x) for x, _ in words[j:-1]), words[-1][0]))
        for (w, _), (nxt, _) in zip(words, words[1:], strict=False):
            if _low(w) in ARABIC_ARTICLES:
                out.add(translit_key(_low(nxt)))
    return out


def name_form(text: str, cores: set[str] | frozenset[str] = frozenset(),
              initials: bool = False) -> NameForm:
    """The normalised form of one written person name (module docstring); `cores`
    (`story_cores`) are the story's bare surnames, for an article written joined. With
    `initials` (`ResolveOptions.name_initials`) a single letter written with a dot ("D.") is an
    initial, never a surname particle ("A. K. D. Nair" keeps its D.)."""
    words = _strip_honorifics(_words(text))
    if not words:
        return NameForm(text.strip())
    words, reordered, _ = _order(words)
    w = [x for x, _ in words]
    hyph = [h for _, h in words]
    patronym = ""
    kunya = False
    # a kunya or a compound given name at the start: one word ("Abu al-Qasim", "Abd al-Karim")
    i = 0
    while i < len(w) - 1:
        low = _low(w[i])
        art = _low(w[i + 1]) in ARABIC_ARTICLES and i + 2 < len(w)
        if low in KUNYA_MARKERS and i == 0:
            if art:
                w[i:i + 3] = [w[i].capitalize() + "al" + w[i + 2].lower()]
                hyph[i:i + 3] = [False]
            else:
                kunya = len(w) == 2
                w[i:i + 2] = [w[i].capitalize() + w[i + 1].lower()]
                hyph[i:i + 2] = [False]
        elif (low in _ABD or low in COMPOUND_GIVEN_HEADS and art) and i < len(w) - 1 - (not art):
            if art:
                w[i:i + 3] = [w[i].capitalize() + "al" + w[i + 2].lower()]
                hyph[i:i + 3] = [False]
            else:
                w[i:i + 2] = [w[i].capitalize() + w[i + 1].lower()]
                hyph[i:i + 2] = [False]
        i += 1
    # a patronymic chain: "A ben B Surname" names A (father B); "ben B" last is the surname
    i = 0
    while i < len(w) - 1:
        low = _low(w[i])
        marker = PATRONYM_MARKERS.get(low)
        capital_ben = i == 0 and w[i][:1].isupper() and low == "ben"  # "Ben" is a given name too
        if marker is None or capital_ben or _low(w[i + 1]) in ARABIC_ARTICLES:
            i += 1
            continue
        if i + 2 < len(w):
            patronym = patronym or translit_key(_low(w[i + 1]))
            del w[i:i + 2]
            del hyph[i:i + 2]
            continue
        w[i:] = [marker.capitalize() + _low(w[i + 1])]
        hyph[i:] = [False]
        break
    # the Arabic article before a name word is dropped ("Al-Kettani" / "Kettani"); "Al Gore"
    # (a capital "Al" written apart, first of two words) is a given name
    i = 0
    while i < len(w) - 1:
        if _low(w[i]) in ARABIC_ARTICLES and not (i == 0 and w[i] == "Al" and not hyph[i]
                                                  and len(w) == 2):
            del w[i]
            del hyph[i]
            continue
        i += 1
    # the Berber lineage particle stays joined to its surname ("Ait Ouali": "Aitouali")
    i = 0
    while i < len(w) - 1:
        if _low(w[i]) in JOINED_PARTICLES:
            w[i:i + 2] = [w[i].capitalize() + _low(w[i + 1])]
            hyph[i:i + 2] = [False]
        i += 1
    # a generational suffix stays last ("Jr.")
    suffix = [w.pop()] if len(w) > 1 and _low(w[-1]) in _SUFFIXES else []
    # surname particles before the last word: kept apart ("van der Berg": "Berg", "van der");
    # capitalised first words only when the whole form is particles and a surname ("Van der
    # Berg", "De Vries")
    j = len(w) - 1
    while j > 0 and _low(w[j - 1]) in SURNAME_PARTICLES - JOINED_PARTICLES and (
            w[j - 1][:1].islower() or j - 1 > 0) and not (
            initials and re.fullmatch(r"[^\W\d_]\.", w[j - 1])):
        j -= 1
    if j == 1 and all(_low(x) in SURNAME_PARTICLES for x in w[:-1]) and (
            _low(w[0]) in _LEADING_PARTICLES
            or _particle_key(" ".join(_low(x) for x in w[:-1]), w[-1]) in cores):
        j = 0
    particles = " ".join(_low(x) for x in w[j:-1])
    if particles:
        w = w[:j] + w[-1:]
    w += suffix
    # the article written joined to a surname the story writes bare ("Elhaddad")
    if w and not suffix:
        last = _low(w[-1])
        if len(last) >= 6 and last[:2] in ARABIC_ARTICLES and translit_key(last[2:]) in cores:
            w[-1] = w[-1][2:].capitalize()
    return NameForm(" ".join(w), patronym, particles, kunya, reordered)


# letter groups that one name's Latin romanisations write differently (French, English and
# Dutch conventions for the same sounds): folded in `spelling_key`
_SPELLING_FOLDS: tuple[tuple[str, str], ...] = (
    ("tch", "ch"), ("dj", "j"), ("oo", "u"), ("ou", "u"), ("ch", "sh"), ("sch", "sh"),
)


def spelling_key(token: str) -> str:
    """A key for one given-name token under which its usual Latin romanisations agree beyond
    `translit_key`: ch/sh ("Hicham"/"Hisham"), oo/ou/u ("Noor"/"Nour"), dj/j, a soft c as s and
    a hard c as k ("Kacem"/"Qasem"). Read by the resolver's given-name comparison with
    `ResolveOptions.name_traditions` only (two names of one surname)."""
    t = "".join(c for c in ascii_fold(token) if c.isalpha())
    for a, b in _SPELLING_FOLDS:
        t = t.replace(a, b)
    t = re.sub(r"c(?=[eiy])", "s", t).replace("c", "k")
    return translit_key(t)


# one Korean syllable in the usual Latin romanisations (an onset, a vowel, a final consonant)
_KO_SYLLABLE = (r"(?:kk|gg|tt|pp|ss|jj|ch|sh|g|k|n|d|t|r|l|m|b|p|s|j|h|y|w)?"
                r"(?:yeo|yae|wae|eo|ae|ya|ye|yo|yu|eu|ui|oe|wa|wo|we|wi|oo|ee|u|o|a|e|i)"
                r"(?:ng|k|n|t|l|m|p|g|b)?")
_KO_ONE = re.compile(rf"{_KO_SYLLABLE}")
_KO_TWO = re.compile(rf"{_KO_SYLLABLE}{_KO_SYLLABLE}")
_KO_SPLIT = re.compile(rf"({_KO_SYLLABLE})({_KO_SYLLABLE})")
# the letters one Korean syllable's romanisations write differently (Revised Romanisation,
# McCune-Reischauer without diacritics, popular spellings): onsets first, then vowels
_KO_ONSET_FOLDS = (("kk", "gg"), ("tt", "dd"), ("pp", "bb"), ("ch", "j"), ("sh", "s"),
                   ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"))
_KO_VOWEL_FOLDS = (("oo", "u"), ("ee", "i"), ("eu", "u"), ("ui", "i"))


def korean_syllable_key(syllable: str) -> str:
    """One romanised Korean syllable folded so that its usual spellings agree ("gyeong" /
    "kyong" / "kyung", "jeong" / "jung", "hui" / "hee", "soo" / "su"): onset consonants of one
    place of articulation, and the vowels that the systems write differently. A different
    vowel or final consonant stays different ("kang" / "kyung")."""
    s = ascii_fold(syllable).lower()
    for a, b in _KO_ONSET_FOLDS:
        if s.startswith(a):
            s = b + s[len(a):]
            break
    for a, b in _KO_VOWEL_FOLDS:
        s = s.replace(a, b)
    # the vowel "eo" before a final consonant is the popular "u" ("Jeong" / "Jung", "Seok" /
    # "Suk") and McCune-Reischauer's "o" without its breve ("Kyong"); open, it is "o" ("Seo")
    s = re.sub(r"eo(?=(?:ng|[kntlmpgb])$)", "u", s)
    s = re.sub(r"(?<=y)o(?=(?:ng|[kntlmpgb])$)", "u", s)
    return s.replace("eo", "o")


def korean_syllables(given: str) -> tuple[str, ...]:
    """The romanised syllables of a Korean given name ("Ha-rin", "ha rin", "harin"), as
    written (lower case); () when it is not two Korean syllables."""
    parts = [p for p in re.split(r"[-\s]+", ascii_fold(given).lower()) if p]
    if len(parts) == 2 and all(_KO_ONE.fullmatch(p) for p in parts):
        return tuple(parts)
    if len(parts) == 1 and (m := _KO_SPLIT.fullmatch(parts[0])):
        return m.group(1), m.group(2)
    return ()


def _ko_syllables(word: str, two: bool) -> bool:
    low = ascii_fold(word).lower()
    return bool((_KO_TWO if two else _KO_ONE).fullmatch(low))


def _ko_given(words: list[str], joined_ok: bool = False) -> str:
    """The Korean given name these words write, hyphens and spaces removed, lower case; "" if
    they are not one: two syllables hyphenated ("Ha-rin") or written apart ("Ha Rin"), or
    joined ("Harin") when `joined_ok`."""
    if len(words) == 1 and words[0].count("-") == 1:
        a, b = words[0].split("-")
        ok = _ko_syllables(a, False) and _ko_syllables(b, False)
    elif len(words) == 2 and "-" not in "".join(words):
        ok = all(_ko_syllables(w, False) for w in words)
    elif len(words) == 1 and "-" not in words[0]:
        ok = joined_ok and _ko_syllables(words[0], True)
    else:
        ok = False
    return "-".join(ascii_fold(w).lower() for w in words) if ok else ""


def korean_name(text: str) -> tuple[str, str] | None:
    """(canonical family name, given name) of a Korean name in a normalised form (`name_form`'s
    text, given names first or the family name first), or None. The family name is read
    through `lexicon.names.KOREAN_SURNAMES` ("Gwon" / "Kwon", "Pak" / "Park"), the given name
    as its syllables joined by a hyphen and case folded ("Ha-rin" / "Ha Rin": "ha-rin"). Only
    a given name of two Korean syllables written hyphenated or apart counts: a joined one
    ("Harin") is left to the general rules, since a Western given name can read as two
    syllables ("Simon", "Owen" after "Jon")."""
    words = [w.strip(".,") for w in text.split()]
    if not 2 <= len(words) <= 3 or not all(words):
        return None
    first, last = _low(words[0]), _low(words[-1])
    if first in KOREAN_SURNAME_OF and (given := _ko_given(words[1:])):
        return KOREAN_SURNAME_OF[first], given
    if last in KOREAN_SURNAME_OF and (given := _ko_given(words[:-1])):
        return KOREAN_SURNAME_OF[last], given
    return None
