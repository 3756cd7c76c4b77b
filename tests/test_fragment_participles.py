"""frames.predicate_frame with `participles` (AlignParams.fragment_participles): a headline-style
fragment with no finite verb, a noun and the participle right after it, has the participle for
its predicate, as "were released" would; a plain noun phrase keeps its noun. Fictional words."""

from __future__ import annotations

from consilience.story.frames import predicate_frame


def test_a_fragment_takes_its_participle_for_predicate(nlp):
    doc = nlp("Harbour accounts released Friday")
    assert predicate_frame(doc, True)[0] == {"release"}
    assert "release" not in predicate_frame(doc)[0]  # off: the noun stands for the claim


def test_a_noun_phrase_or_a_clause_is_left_as_it_was(nlp):
    for text in ("The Kessby harbour accounts",
                 "The council released the harbour accounts on Friday"):
        doc = nlp(text)
        assert predicate_frame(doc, True) == predicate_frame(doc)
