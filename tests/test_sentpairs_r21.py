"""story/sentpairs.py, round 21: the claim-frame features of two sentences (`frame_features`:
exact values and days both state or that differ, speakers, negation, main verb, subject and
object heads) and round 21's model (`R21_MODEL_PATH`, `sentence_model="r21"`, trained with the
spent fictional sets 8 to 10 and the frame features). Fictional story: the invented Icelandic
fishing town of Hvalvík (a harbour crane collapsed) told by two outlets."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_sentpairs_features import _story
from test_sentpairs_tokens import _row

from consilience.story.sentpairs import (
    FEATURES,
    FEATURES_R21,
    FRAME_FEATURES,
    R21_MODEL_PATH,
    SentenceModel,
    TreeModel,
    frame_features,
    load_model,
    model_width,
    pair_features,
    sentence_pairs,
    sentence_units,
    unit_tokens,
    unnamed_vectors,
)

# one fact told twice in other words with the same exact count ("14 containers"); a sentence
# with the same unit and another count (a value apart); a look-alike on the same harbour master
CRANE = {
    "skerry": "A harbour crane in Hvalvík collapsed onto the east quay on Tuesday. "
              "The falling boom crushed 14 containers of frozen cod, harbour master Sigrún "
              "Hallsdóttir said. "
              "Sigrún Hallsdóttir has run the port for nine years.",
    "puffin": "Fourteen containers of frozen cod were flattened when the boom of a Hvalvík "
              "harbour crane came down, said harbour master Sigrún Hallsdóttir. "
              "Another 3 containers of fish meal were dented. "
              "Sigrún Hallsdóttir will attend a fisheries fair in Bergen next month.",
}


def _wide(models, texts: dict[str, str]):
    claims, _roles, docs = _story(models, texts)
    units = sentence_units(claims, docs)
    vecs = np.asarray(models.embed([u.text for u in units]), dtype="float64")
    pairs, x = pair_features(units, vecs, unnamed_vectors(units, models.embed),
                             unit_tokens(units, models.embed_tokens))
    return claims, docs, units, pairs, np.hstack([x, frame_features(units, claims, pairs)])


def test_frame_features_read_values_and_speakers(models):
    _c, _d, units, pairs, x = _wide(models, CRANE)
    assert x.shape[1] == len(FEATURES_R21) == len(FEATURES) + len(FRAME_FEATURES)
    col = {f: FEATURES_R21.index(f) for f in FRAME_FEATURES}
    same = _row(units, pairs, x, "crushed 14 containers", "Fourteen containers")
    other = _row(units, pairs, x, "crushed 14 containers", "Another 3 containers")
    # "14" and "Fourteen" are one exact count of one noun; 14 against 3 containers differ
    assert same[col["vals_exact_shared"]] >= 1 and same[col["vals_apart"]] == 0
    assert other[col["vals_exact_shared"]] == 0 and other[col["vals_apart"]] == 1
    # both told by the harbour master
    assert same[col["speaker_same"]] == 1 and same[col["speaker_apart"]] == 0
    for f in ("vals_exact_shared", "vals_apart", "speaker_same"):
        assert other[col[f]] != same[col[f]] or f == "speaker_same"


def test_the_round_21_model_loads_and_is_trained_on_sets_eight_to_ten():
    data = json.loads(R21_MODEL_PATH.read_text(encoding="utf-8"))
    # the frame features did not raise the out-of-fold average precision: round 18's columns
    assert data["features"] == list(FEATURES)
    for n in (8, 9, 10):
        assert f"fresh_events{n}" in data["trained_on"]
    assert "fresh_events11" not in data["trained_on"]
    model = load_model("r21")
    assert isinstance(model, SentenceModel | TreeModel)
    assert model_width(model) == len(FEATURES)
    assert not np.array_equal(model.coef, load_model("r18").coef)


def test_the_round_21_model_ranks_the_shared_count_above_the_look_alike(models):
    _c, _d, units, pairs, x = _wide(models, CRANE)
    base = x[:, :len(FEATURES)]
    para = _row(units, pairs, base, "crushed 14 containers", "Fourteen containers")
    look = _row(units, pairs, base, "run the port", "fisheries fair")
    p_para, p_look = load_model("r21").prob(np.vstack([para, look]))
    assert p_para > p_look + 0.2
    assert p_look < 0.7  # the engine's bar: the look-alike is not joined


def _frame_model(path, weight: float) -> str:
    """A logistic file over `FEATURES_R21` that reads only `vals_exact_shared`."""
    n = len(FEATURES_R21)
    coef = [0.0] * n
    coef[FEATURES_R21.index("vals_exact_shared")] = weight
    body = {"features": list(FEATURES_R21),
            "model": {"mean": [0.0] * n, "scale": [1.0] * n, "coef": coef, "intercept": -2.0,
                      "platt": [1.0, 0.0]}}
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("weight", [4.0, 0.0])
def test_a_model_with_frame_features_reads_the_claims_frames(models, tmp_path, weight):
    claims, docs, units, pairs, x = _wide(models, CRANE)
    path = _frame_model(tmp_path / f"frames{weight}.json", weight)
    assert model_width(load_model(path)) == len(FEATURES_R21)
    got = sentence_pairs(claims, docs, models.embed, "model", 0.5, path, models.embed_tokens)
    shared = {(units[a].text, units[b].text) for (a, b), row in zip(pairs, x, strict=True)
              if row[FEATURES_R21.index("vals_exact_shared")] >= 1}
    # p = sigmoid(4 * shared - 2): the pairs with a shared exact value, and only they; with no
    # weight every pair sits at sigmoid(-2), below the bar
    assert {(u.text, v.text) for u, v in got} == (shared if weight else set())
    assert shared
