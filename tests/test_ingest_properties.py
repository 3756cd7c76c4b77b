"""Property tests of the loaders: whatever the bytes, records, whitespace, depth or size, loading
returns Articles and one-line IngestErrors naming the file or record, never raises, and the good
records around a bad one survive. Texts are generated, not news.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consilience.ingest import IngestFailure, from_record, from_text, load
from consilience.ingest.decode import normalise_newlines
from consilience.model import Article, IngestError

GOOD = "The Velm ferry resumed service on Monday, harbour master Elin Voss said."
ODD_SPACE = ["\u00a0", "\u2028", "\u2029", "\u200b", "\u3000", "\t", "\r", "\r\n", "\x0b", "\x0c",
             "\ufeff", " "]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# any code point, lone surrogates included (JSON can carry them as "\udcff")
any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)
odd_text = st.lists(st.one_of(st.text(any_char, max_size=30), st.sampled_from(ODD_SPACE)),
                    max_size=12).map("".join)


def check(result, where: str) -> None:
    """Every item is an Article or a one-line error naming `where`; every string is valid UTF-8."""
    for art in result.articles:
        assert isinstance(art, Article)
        for value in (art.text, art.title, art.source, art.byline, art.url, art.id,
                      art.origin_path, art.path):
            if value is not None:
                value.encode("utf-8")
    for err in result.errors:
        assert isinstance(err, IngestError)
        assert err.where.startswith(where)
        assert "\n" not in str(err).strip()
        str(err).encode("utf-8")


@SETTINGS
@given(records=st.lists(st.fixed_dictionaries(
    {"text": odd_text},
    optional={"title": odd_text, "source": odd_text, "byline": odd_text,
              "published": st.one_of(odd_text, st.integers(), st.floats(allow_nan=True)),
              "url": odd_text, "id": st.one_of(odd_text, st.integers())}),
    max_size=5))
def test_jsonl_records_with_odd_text_never_break_a_load(tmp_path: Path, records) -> None:
    lines = [json.dumps(r) for r in records] + [json.dumps({"title": "Ferry", "text": GOOD})]
    path = tmp_path / "recs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load([path])
    check(result, str(path))
    assert any(a.text == GOOD for a in result.articles)  # the good record survives
    assert len(result.articles) + len(result.errors) == len(lines)


@SETTINGS
@given(data=st.binary(max_size=3000),
       suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".xml", ""]))
def test_random_bytes_in_any_article_format(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"blob{suffix}"
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(f"Ferry resumes\n\n{GOOD}\n", encoding="utf-8")
    result = load([path, good])
    check(result, str(tmp_path))
    assert any(a.text == GOOD for a in result.articles)


@SETTINGS
@given(depth=st.integers(min_value=1, max_value=200_000), kind=st.sampled_from("[{"))
def test_deep_json_line_costs_only_its_line(tmp_path: Path, depth: int, kind: str) -> None:
    deep = "[" * depth + "]" * depth if kind == "[" else '{"a":' * depth + "1" + "}" * depth
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([json.dumps({"text": GOOD}), deep, json.dumps({"text": GOOD + "!"})])
                    + "\n", encoding="utf-8")
    result = load([path])
    check(result, str(path))
    assert [a.text for a in result.articles] == [GOOD, GOOD + "!"]
    assert [e.where for e in result.errors] == [f"{path}:2"]


@SETTINGS
@given(text=odd_text)
def test_from_text_raises_only_the_one_line_failure(text: str) -> None:
    clean = text.encode("utf-8", "replace").decode("utf-8")  # a file's text is never a surrogate
    try:
        art = from_text(clean + "\n" + GOOD, name="t.txt")
    except IngestFailure as exc:
        assert "\n" not in str(exc)
        return
    # the body is the file's own characters: every offset indexes what was read
    assert art.text in normalise_newlines(clean + "\n" + GOOD).lstrip("\ufeff")


@SETTINGS
@given(record=st.dictionaries(st.sampled_from(["text", "body", "title", "source", "published",
                                               "author", "id", "content", "x"]),
                              st.one_of(odd_text, st.integers(), st.none(), st.booleans(),
                                        st.lists(odd_text, max_size=3),
                                        st.dictionaries(st.text(max_size=3), odd_text,
                                                        max_size=2))))
def test_from_record_raises_only_the_one_line_failure(record: dict) -> None:
    try:
        art = from_record(record, where="r.jsonl:1")
    except IngestFailure as exc:
        assert exc.where == "r.jsonl:1" and "\n" not in str(exc)
        return
    art.text.encode("utf-8")


@pytest.mark.parametrize("size", [300_000, 2_500_000])
def test_huge_record_is_read_or_refused_in_one_line(tmp_path: Path, size: int) -> None:
    body = (GOOD + " ") * (size // (len(GOOD) + 1))
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": body}) + "\n" + json.dumps({"text": GOOD}) + "\n",
                    encoding="utf-8")
    result = load([path])
    check(result, str(path))
    assert result.articles[-1].text == GOOD
    if size > 2_000_000:
        assert [e.where for e in result.errors] == [f"{path}:1"]
        assert "too long" in result.errors[0].reason
    else:
        assert len(result.articles) == 2
