"""People of one family, and namesakes, stay two people (`ResolveOptions.name_family_apart`,
`name_age_apart`; docs/quality.md, "r24-family"): a kinship noun, a namesake lead or a denial
between two person mentions, or two written ages, keep them apart, also when the article's own
entity holds both. Fictional names, places and outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.model import Span
from consilience.story.kinship import age_of, kin_mark
from consilience.story.resolve import ResolveOptions, resolve

BASE = dict(name_variants=True, name_forms=True, name_apart=True, name_traditions=True,
            name_korean=True, numbered_apart=True, name_alone=True, name_initials=True,
            name_titled=True, name_adjacent=True, letter_folds=True, name_honorifics=True,
            name_given_part=True, name_elder_marks=True, name_story_types=True,
            name_role_mentions=True)
OFF = ResolveOptions(**BASE)
ON = ResolveOptions(**BASE, name_family_apart=True, name_age_apart=True)

# three outlets: the owner and his son of one name; the first outlet's tagger put both
# mentions in one entity
HARBOUR = ("The ferry Selkie belongs to Orvin Maltby, 71, who built her in 1990. His son, also "
           "Orvin Maltby, was at the helm on Sunday.")
GAZETTE = "Orvin Maltby, 71, said the Selkie had never missed a crossing."
RADIO = "The skipper, Orvin Maltby, 44, said: \"The swell came from nowhere.\""


def _entity_at(res, aid: str, text: str, phrase: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    span = Span(aid, start, start + len(phrase))
    return next(e.id for e in res.entities if span in e.mentions)


def _three():
    return [art("h", HARBOUR, [("PERSON", ["Orvin Maltby", "Orvin Maltby"])]),
            art("g", GAZETTE, [("PERSON", ["Orvin Maltby"])]),
            art("r", RADIO, [("PERSON", ["Orvin Maltby"])])]


def test_a_father_and_son_of_one_name_are_two_entities_and_the_son_speaks_for_himself():
    on = resolve(_three(), ON)
    father = _entity_at(on, "h", HARBOUR, "Orvin Maltby", 0)
    son = _entity_at(on, "h", HARBOUR, "Orvin Maltby", 1)
    assert father != son
    # the outlet that gives the father's age joins the father; the skipper of 44 is the son,
    # so the quote the radio attributes to him is the son's
    assert _entity_at(on, "g", GAZETTE, "Orvin Maltby") == father
    assert _entity_at(on, "r", RADIO, "Orvin Maltby") == son
    off = resolve(_three(), OFF)
    assert _entity_at(off, "h", HARBOUR, "Orvin Maltby", 0) == _entity_at(
        off, "h", HARBOUR, "Orvin Maltby", 1)


def test_a_wife_named_after_her_husband_is_another_person():
    text = "Brannoc Wyle opened the lock gates at dawn. His wife, Mrs Wyle, rang the alarm."
    a = art("a", text, [("PERSON", ["Brannoc Wyle"]), ("PERSON", ["Mrs Wyle"])])
    assert not same(resolve([a], ON), ("a", "e0"), ("a", "e1"))
    assert same(resolve([a], OFF), ("a", "e0"), ("a", "e1"))


def test_the_mayors_husband_is_no_mention_of_the_mayor():
    text = "Mayor Dagny Holt opened the hall. Per Holt, the mayor's husband, cut the ribbon."
    a = art("a", text, [("PERSON", ["Dagny Holt", "the mayor"]), ("PERSON", ["Per Holt"])])
    start = text.index("the mayor's")
    role = Span("a", start, start + len("the mayor"))
    mayor_on = next(e for e in resolve([a], ON).entities if e.name == "Dagny Holt")
    assert role not in mayor_on.mentions
    mayor_off = next(e for e in resolve([a], OFF).entities if e.name == "Dagny Holt")
    assert role in mayor_off.mentions


def test_a_bare_surname_cannot_bridge_a_father_and_his_son():
    a1 = art("a1", "Luc Ferrand runs the mill. His father, Mr Ferrand, founded it in 1961.",
             [("PERSON", ["Luc Ferrand"]), ("PERSON", ["Mr Ferrand"])])
    a2 = art("a2", "Ferrand said the mill would reopen on Monday.", [("PERSON", ["Ferrand"])])
    on = resolve([a1, a2], ON)
    # the father stays apart from the son; the other outlet's bare surname joins one at most
    assert not same(on, ("a1", "e0"), ("a1", "e1"))
    assert not (same(on, ("a2", "e0"), ("a1", "e0")) and same(on, ("a2", "e0"), ("a1", "e1")))


def test_a_plain_person_named_in_full_and_by_surname_is_still_one():
    a1 = art("a1", "Idris Vantongeren, 52, closed the quarry road. Vantongeren said it was unsafe.",
             [("PERSON", ["Idris Vantongeren", "Vantongeren"])])
    a2 = art("a2", "Quarry manager Vantongeren, 52, ordered the road shut.",
             [("PERSON", ["Vantongeren"])])
    assert same(resolve([a1, a2], ON), ("a1", "e0"), ("a2", "e0"))


def test_a_namesake_lead_and_two_ages_keep_two_guides_apart():
    text = ("Senior guide Tenzo, 61, led the climbers down. A porter also named Tenzo, 24, "
            "burnt his hands.")
    a = art("a", text, [("PERSON", ["Tenzo", "Tenzo"])])
    on = resolve([a], ON)
    assert _entity_at(on, "a", text, "Tenzo", 0) != _entity_at(on, "a", text, "Tenzo", 1)
    off = resolve([a], OFF)
    assert _entity_at(off, "a", text, "Tenzo", 0) == _entity_at(off, "a", text, "Tenzo", 1)


def test_kin_marks_read_from_the_text():
    text = "said the groom's father, Rauf Vellan, whose son, the groom Tarn Rauf oglu Vellan, lived"
    s = text.index("Rauf Vellan")
    mark = kin_mark(text, s, s + len("Rauf Vellan"))
    assert mark is not None and mark.role == "groom"
    s2 = text.rindex("Vellan")
    assert kin_mark(text, s2, s2 + len("Vellan")) is not None
    plain = "The report was read by Rauf Vellan on Monday."
    s3 = plain.index("Rauf Vellan")
    assert kin_mark(plain, s3, s3 + len("Rauf Vellan")) is None
    t = "Mira Osk, 38, and Mira Osk (72) and Osk, 12% of"
    assert age_of(t, t.index(",")) == 38
    assert age_of(t, t.index(" (72)")) == 72
    assert age_of(t, t.rindex("Osk") + 3) is None
