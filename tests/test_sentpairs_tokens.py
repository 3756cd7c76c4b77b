"""story/sentpairs.py, round 17: BERTScore-style token alignment of two sentences from the
embedder's contextual word-piece vectors (`token_alignment`, features tok_f1, tok_min,
tok_rank_min, utok_f1). Fictional stories: the invented Chilean port town of Puerto Quillén (a
pier closed after a cracked piling) and the invented Finnish lake town of Salmijärvi (a school
board's choices)."""

from __future__ import annotations

import json

import numpy as np
from test_sentpairs_features import _story

from consilience.story.sentpairs import (
    FEATURES,
    MODEL_PATH,
    pair_features,
    piece_idf,
    sentence_units,
    token_alignment,
    unit_tokens,
    unnamed_vectors,
)

# one fact twice (other verbs, other order, passive against active) and, in the second outlet,
# a sentence on the same jetty and its officials that states something else
PIER = {
    "gull": "The port authority of Puerto Quillén shut the northern pier to cargo ships after "
            "divers found a cracked piling. "
            "Fishing crews unloaded their catch at the southern quay instead.",
    "tern": "Once engineers had spotted a split support post, freighters were barred from the "
            "north jetty by harbour officials. "
            "Harbour officials said the north jetty will get new lights and a coat of paint next "
            "year.",
}

# two sentences that share a board and a town and nothing else
SALMI = {
    "gull": "The Salmijärvi school board under Aino Kettunen voted to close the lakeside "
            "primary school.",
    "tern": "Aino Kettunen of the Salmijärvi school board was born on a farm near the border.",
}


def _features(models, texts: dict[str, str]):
    claims, _roles, docs = _story(models, texts)
    units = sentence_units(claims, docs)
    vecs = np.asarray(models.embed([u.text for u in units]), dtype="float64")
    toks = unit_tokens(units, models.embed_tokens)
    pairs, x = pair_features(units, vecs, unnamed_vectors(units, models.embed), toks)
    return units, toks, pairs, x


def _row(units, pairs, x, a: str, b: str) -> np.ndarray:
    for k, (u, v) in enumerate(pairs):
        texts = units[u].text + " || " + units[v].text
        if a in texts and b in texts:
            return x[k]
    raise AssertionError(f"no pair {a!r} / {b!r}")


def test_a_paraphrase_aligns_above_a_same_topic_sentence(models):
    units, _toks, pairs, x = _features(models, PIER)
    para = _row(units, pairs, x, "cracked piling", "split support post")
    topic = _row(units, pairs, x, "cracked piling", "coat of paint")
    f1, low = FEATURES.index("tok_f1"), FEATURES.index("tok_min")
    assert para[f1] > topic[f1] and para[low] > topic[low]
    assert para[FEATURES.index("tok_rank_min")] == 0


def test_the_alignment_is_symmetric_and_between_zero_and_one(models):
    claims, _roles, docs = _story(models, PIER)
    units = sentence_units(claims, docs)
    toks = unit_tokens(units, models.embed_tokens)
    idf = piece_idf(toks)
    ia = [k for k, u in enumerate(units) if u.article == "gull"]
    ib = [k for k, u in enumerate(units) if u.article == "tern"]
    there, back = token_alignment(units, toks, ia, ib, idf), token_alignment(units, toks, ib, ia,
                                                                              idf)
    for m, n in zip(there, back, strict=True):
        assert m.shape == (len(ia), len(ib))
        assert np.allclose(m, n.T)
        assert (m >= 0).all() and (m <= 1).all()
    f1, low, _masked = there
    assert (low <= f1 + 1e-12).all()  # the smaller direction is at most their harmonic mean


def test_the_names_masked_alignment_leaves_shared_names_out(models):
    units, toks, _pairs, x = _features(models, SALMI)
    (row,) = x
    assert row[FEATURES.index("utok_f1")] < row[FEATURES.index("tok_f1")]
    kettunen = next(u for u in units if u.article == "tern")
    assert any(kettunen.text[s:e] == "Kettunen" for s, e in kettunen.names)
    # the pieces the names cover are those the masked variant leaves out
    pieces, offsets, vecs = toks[units.index(kettunen)]
    assert len(pieces) == len(offsets) == vecs.shape[0]
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_the_packaged_model_holds_the_token_features():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert {"tok_f1", "tok_min", "tok_rank_min", "utok_f1"} <= set(data["features"])
    assert data["features"] == list(FEATURES)
    assert len(data["model"]["coef"]) == len(FEATURES) == 22
