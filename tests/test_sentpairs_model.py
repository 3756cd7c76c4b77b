"""story/sentpairs.py, round 18: the packaged sentence-pair model (rebuilt by
bench/train_sentence_pairs.py with the spent fictional sets 6 and 7 among its training rows)
ranks a paraphrase above a look-alike, and both model kinds (logistic, trees) load from plain
JSON. Fictional story: the invented Mongolian-named steppe district of Khorgon Bulag (a river
bridge opened) told by two outlets."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_sentpairs_tokens import _features, _row

from consilience.story.sentpairs import (
    FEATURES,
    MODEL_PATH,
    R18_MODEL_PATH,
    SentenceModel,
    TreeModel,
    load_model,
)

# one rule told twice in other words (a weight limit: "kept to trucks under twenty tonnes" /
# "lorries above twenty tonnes are barred"), and a look-alike: two sentences on the same governor
# by name that state two unrelated things
BRIDGE = {
    "steppe": "The Khorgon Bulag district opened its new steel bridge over the Ulaan Tsav river "
              "on Friday. "
              "Governor Oyunbileg Batsaikhan cut the ribbon in front of herders and their "
              "families. "
              "The crossing replaces a ford that flooded every spring. "
              "Traffic police will keep the bridge to trucks under twenty tonnes.",
    "courier": "Herders in Khorgon Bulag can now drive across the Ulaan Tsav without waiting "
               "for the water to fall. "
               "Governor Oyunbileg Batsaikhan plans to stand for a seat in parliament next "
               "year. "
               "Heavy lorries above twenty tonnes are barred from the span, the police said. "
               "A wool market will open beside the road in the autumn.",
}


@pytest.mark.parametrize("path", [MODEL_PATH, R18_MODEL_PATH], ids=["default", "r18"])
def test_the_packaged_models_rank_a_paraphrase_above_a_look_alike(models, path):
    units, _toks, pairs, x = _features(models, BRIDGE)
    para = _row(units, pairs, x, "trucks under twenty tonnes", "lorries above twenty tonnes")
    look = _row(units, pairs, x, "cut the ribbon", "stand for a seat")
    model = load_model(str(path))
    p_para, p_look = model.prob(np.vstack([para, look]))
    assert p_para > p_look + 0.05
    # the paraphrase is its sentence's best pair in the other article
    k = next(i for i, (u, v) in enumerate(pairs)
             if "trucks under" in units[u].text + units[v].text
             and "lorries above" in units[u].text + units[v].text)
    same = [i for i, (u, v) in enumerate(pairs)
            if "trucks under" in units[u].text + units[v].text]
    probs = model.prob(x[same])
    assert probs.max() == model.prob(x[k:k + 1])[0]


def test_the_round_18_model_is_trained_on_the_spent_sets_six_and_seven():
    data = json.loads(R18_MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert "fresh_events6" in data["trained_on"] and "fresh_events7" in data["trained_on"]
    assert "fresh_events8" not in data["trained_on"]


def test_a_tree_model_reads_from_plain_arrays(tmp_path):
    # one stump on tok_f1 (left: at most 0.5) and one on cos: the raw score adds a leaf per tree
    f, c = FEATURES.index("tok_f1"), FEATURES.index("cos")
    body = {"features": list(FEATURES),
            "model": {"base": -1.0, "platt": [1.0, 0.0],
                      "trees": [[[f, 0, 0], [0.5, 0.0, 0.0], [1, -1, -1], [2, -1, -1],
                                 [0.0, -2.0, 3.0]],
                                [[c, 0, 0], [0.3, 0.0, 0.0], [1, -1, -1], [2, -1, -1],
                                 [0.0, 0.0, 1.0]]]}}
    path = tmp_path / "trees.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    m = load_model(str(path))
    assert isinstance(m, TreeModel)
    rows = np.zeros((3, len(FEATURES)))
    rows[1, f] = 0.9
    rows[2, f], rows[2, c] = 0.9, 0.8
    assert m.decision(rows).tolist() == [-3.0, 2.0, 3.0]
    p = m.prob(rows)
    assert p[0] < p[1] < p[2]
    # a logistic file still loads as before
    assert isinstance(load_model(), SentenceModel | TreeModel)
