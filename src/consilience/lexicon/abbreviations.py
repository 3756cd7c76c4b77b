"""Abbreviations with a full stop that is not a sentence end."""

from __future__ import annotations

# Abbreviations that essentially never end a sentence: a following capital starts a name/word
# ("Mr. Lind", "Jan. 5", "Ltd. said").
NON_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    """mr. mrs. ms. mx. dr. prof. gen. sen. rep. gov. lt. col. capt. adm. sgt. cmdr. maj. cpl.
    rev. st. fr. sr. jr. no. vs. v. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    mt. ft. pres. supt. insp. det. hon. amb. corp. inc. co. ltd. approx. est. etc.""".split()
)
