"""Korean person names across outlets (`ResolveOptions.name_korean`, `story.nameforms.
korean_name`, docs/quality.md "r16b-korean"): a family name in its romanisations ("Gwak" /
"Kwak", "Noh" / "Roh"), a given name hyphenated, spaced or in another romanisation of its
syllables, either name order, a hyphenated name the tagger typed as an organisation. Each
joining test fails with the switch off; beside them the people who must stay apart: two given
names that differ by one syllable's vowel or final consonant. Fictional names, places and
outlets only."""

from __future__ import annotations

from entity_fixtures import art, same

from consilience.story.nameforms import korean_name, korean_syllable_key, name_form
from consilience.story.resolve import ResolveOptions, resolve

ON = ResolveOptions(name_traditions=True, name_korean=True)
OFF = ResolveOptions(name_traditions=True)


def _two(a: str, b: str, type_b: str = "PERSON"):
    a1 = art("a1", f"The harbour board of Wolsan said {a} signed the lease.", [("PERSON", [a])])
    a2 = art("a2", f"A spokesman for {b} declined to comment on the ferry lease.", [(type_b, [b])])
    return a1, a2


def _joined(options: ResolveOptions, a: str, b: str, type_b: str = "PERSON") -> bool:
    return same(resolve(list(_two(a, b, type_b)), options), ("a1", "e0"), ("a2", "e0"))


def test_korean_name_reads_family_and_given_name():
    assert korean_name(name_form("Gwak Seong-min").text) == ("kwak", "seong-min")
    assert korean_name(name_form("Tae-hun Roh").text) == ("noh", "tae-hun")
    assert korean_name(name_form("YUN Hye Rim").text) == ("yoon", "hye-rim")
    # Western names with a Korean family name are no Korean names
    for western in ("Simon Park", "Susan Lee", "Marcus Kang", "Ellen Mary Choi", "Jon Owen",
                    "Lee Susan"):
        assert korean_name(name_form(western).text) is None


def test_syllable_key_folds_spellings_not_syllables():
    assert korean_syllable_key("gyeong") == korean_syllable_key("kyung") == \
        korean_syllable_key("kyong")
    assert korean_syllable_key("hui") == korean_syllable_key("hee")
    assert korean_syllable_key("rae") != korean_syllable_key("ran")
    assert korean_syllable_key("kang") != korean_syllable_key("kyung")


def test_family_name_romanisations_join():
    for a, b in [("Gwak Seong-min", "Kwak Sung-min"), ("Noh Tae-hun", "Roh Tae-hoon"),
                 ("Bak Eun-ji", "Park Eun-ji"), ("Yun Hye-rim", "Yoon Hye Rim")]:
        assert _joined(ON, a, b), (a, b)
        assert not _joined(OFF, a, b), (a, b)


def test_either_order_and_given_name_spellings():
    assert _joined(ON, "Tae-hoon Roh", "Noh Tae-hun")
    assert not _joined(OFF, "Tae-hoon Roh", "Noh Tae-hun")
    assert _joined(ON, "Choe Gyeong-hui", "Choi Kyung-hee")
    assert not _joined(OFF, "Choe Gyeong-hui", "Choi Kyung-hee")


def test_hyphenated_name_typed_as_organisation():
    assert _joined(ON, "Kwak Sung-min", "GWAK Seong-min", "ORG")
    assert not _joined(OFF, "Kwak Sung-min", "GWAK Seong-min", "ORG")


def test_one_syllable_apart_stays_apart():
    # a different final consonant or vowel of one syllable is another person
    assert not _joined(ON, "Song Mi-rae", "Song Mi-ran")
    assert not _joined(ON, "Bae Ji-kang", "Bae Ji-kyung")
    assert not _joined(ON, "Ha Seo-jin", "Ha Seo-yun")


def test_family_name_alone_in_another_spelling():
    a1 = art("a1", "The harbour board of Wolsan said Kwak Sung-min signed the lease.",
             [("PERSON", ["Kwak Sung-min"])])
    a2 = art("a2", "Gwak told the council that the ferry would run twice a day.",
             [("PERSON", ["Gwak"])])
    assert same(resolve([a1, a2], ON), ("a1", "e0"), ("a2", "e0"))
    assert not same(resolve([a1, a2], OFF), ("a1", "e0"), ("a2", "e0"))
