"""The learned check on reported speech (analysis/quotes/confidence.py), on fictional articles:
a cue the parser hung on a noun that cannot speak credits nothing to it; plain attributions,
"according to", words credited to nobody and quotations in marks are kept."""

from __future__ import annotations

import json

import pytest

from consilience.analysis.quotes import RULES, extract_quotes
from consilience.analysis.quotes.confidence import FEATURES, MODEL_PATH, load_model
from consilience.model import Article, Quote

# A fictional local paper's report on a fictional harbour town.
ARTICLE = (
    "Tallo harbour deal divides the council\n\n"
    "The pressure on the mayor to explain the harbour deal keeps growing.\n\n"
    "Her failure to explain the cost angered the council.\n\n"
    "Mayor Ilsa Brand said the Tallo bridge would reopen in May.\n\n"
    "The ferry will resume service next week, the harbour office said on Tuesday.\n\n"
    "According to the Vestra Courier, the old mill closed in 1998.\n\n"
    "Residents were told to keep their doors shut.\n\n"
    "“We will not sign a deal we cannot read,” said Councillor Odo Prell.\n"
)


def run(nlp, text: str, check: bool = True, trace: list | None = None) -> list[Quote]:
    saved = RULES["learned_check"]
    RULES["learned_check"] = check
    try:
        quotes = extract_quotes(nlp(text), Article(id="t", text=text), [], [], trace=trace)
    finally:
        RULES["learned_check"] = saved
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return quotes


def speaker_texts(text: str, quotes: list[Quote]) -> set[str]:
    return {text[q.speaker_start : q.speaker_end] for q in quotes if q.speaker_start is not None}


def test_a_noun_that_cannot_speak_gets_no_words(nlp):
    on = speaker_texts(ARTICLE, run(nlp, ARTICLE))
    off = speaker_texts(ARTICLE, run(nlp, ARTICLE, check=False))
    # the parse reads "to explain" as a speech act of "the pressure" and of "her failure"
    assert {"The pressure", "Her failure"} <= off
    assert not {"The pressure", "Her failure"} & on


def test_plain_attributions_are_kept_with_their_speakers(nlp):
    trace: list = []
    quotes = run(nlp, ARTICLE, trace=trace)
    by_text = {q.text: q for q in quotes}
    assert by_text["the Tallo bridge would reopen in May"].speaker_name == "Ilsa Brand"
    assert by_text["The ferry will resume service next week"].speaker_name == "the harbour office"
    assert by_text["the old mill closed in 1998"].speaker_name == "Vestra Courier"
    threshold = load_model().threshold
    for pieces, _, p in trace:
        assert 0.0 < p < 1.0
        kept = all(q in quotes for q in pieces)
        assert kept == (p >= threshold)


def test_words_credited_to_nobody_and_quotations_are_not_scored(nlp):
    trace: list = []
    quotes = run(nlp, ARTICLE, trace=trace)
    told = next(q for q in quotes if q.cue == "told")
    assert told.speaker_name is None and "keep their doors shut" in told.text
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.speaker_name.endswith("Odo Prell")
    scored = {q.text for pieces, _, _ in trace for q in pieces}
    assert told.text not in scored and direct.text not in scored


def test_trace_without_the_check_scores_nothing(nlp):
    trace: list = []
    run(nlp, ARTICLE, check=False, trace=trace)
    assert trace and all(p is None for _, _, p in trace)
    assert all(len(x) == len(FEATURES) + 1 for _, x, _ in trace)  # features and the cue lemma


def test_stored_model_is_small_calibrated_and_matches_the_features():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert MODEL_PATH.stat().st_size < 20_000
    assert tuple(data["features"]) == FEATURES
    model = load_model()
    assert len(model.coef) == len(FEATURES) + len(model.lemmas) + 1
    assert 0.0 < model.threshold < 1.0
    assert data["train"]["oof_ece"] < 0.05  # out-of-fold calibration error on PolNeAR train


def test_a_broken_model_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "attribution.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="attribution.json: cannot read"):
        load_model(str(bad))
    bad.write_text(json.dumps({"features": ["other"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        load_model(str(bad))
