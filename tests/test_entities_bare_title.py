"""A title standing alone before another title in brackets ("Dr (Mrs) ...") is no name: the
extractor must not fail on it and must keep the named person (fictional text)."""

from __future__ import annotations

from consilience.analysis.entities import extract_entities
from consilience.model import Article

TEXT = (
    "Field note, Korvalla reserve. A young bull elephant strayed onto the rail line near "
    "Tessamure at dusk. Remarks: the reserve veterinary officer, Dr (Mrs) P. Ranawaka, "
    "examined the animal at 21:10 and found light wounds to the left foreleg. The warden, "
    "Mr Obeyratne, closed the crossing for two hours."
)


def test_a_bare_title_is_no_mention_and_breaks_nothing(nlp):
    mentions, entities = extract_entities(nlp(TEXT), Article(id="fn", text=TEXT))
    texts = [m.text for m in mentions]
    assert "Dr" not in texts and "Mrs" not in texts
    assert any("Ranawaka" in e.name for e in entities)
    assert all(m.entity is None or any(e.id == m.entity for e in entities) for m in mentions)
