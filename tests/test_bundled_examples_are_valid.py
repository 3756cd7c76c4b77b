"""Checks the bundled example articles and their known answers (src/consilience/examples/).

Validates the bundle itself, not the engine: every answers.json parses, names files that exist, and
every phrase it cites is an exact substring of the text the engine will see. Body extraction here is
deliberately simple and independent of consilience.ingest.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "consilience" / "examples"
ARTICLE_EXTS = {".txt", ".html", ".json", ".jsonl"}
CONFLICT_KINDS = {"number", "date", "entity", "modality", "negation", "attribution"}
SEVERITIES = {"contradiction", "discrepancy"}


class _ArticleParagraphs(HTMLParser):
    """Collects the text of <p> elements inside <article>: the visible story, no nav/footer."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.in_p = False
        self.paragraphs: list[str] = []
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "article":
            self.in_article += 1
        elif tag == "p" and self.in_article and ("class", "byline") not in attrs:
            self.in_p, self._buf = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        elif tag == "p" and self.in_p:
            self.paragraphs.append("".join(self._buf).strip())
            self.in_p = False

    def handle_data(self, data: str) -> None:
        if self.in_p:
            self._buf.append(data)


def _records(path: Path) -> list[dict]:
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    data = json.loads(raw)
    return data if isinstance(data, list) else [data]


def body_text(path: Path) -> str:
    """The article body as the engine sees it (title and outlet/byline line removed)."""
    if path.suffix == ".txt":
        lines = path.read_text(encoding="utf-8").split("\n")
        return "\n".join(lines[2:]).strip()
    if path.suffix == ".html":
        parser = _ArticleParagraphs()
        parser.feed(path.read_text(encoding="utf-8"))
        return "\n".join(parser.paragraphs)
    return "\n\n".join(r["text"] for r in _records(path))


def _events() -> list[Path]:
    return sorted(p.parent for p in EXAMPLES.glob("*/answers.json"))


def _answers(event: Path) -> dict:
    return json.loads((event / "answers.json").read_text(encoding="utf-8"))


EVENTS = _events()
IDS = [e.name for e in EVENTS]


def test_bundle_has_three_events_and_one_unrelated_article():
    assert EVENTS, f"no answers.json under {EXAMPLES}"
    answers = [_answers(e) for e in EVENTS]
    multi = [a for a in answers if not a.get("single_article")]
    single = [a for a in answers if a.get("single_article")]
    assert len(multi) >= 3
    assert len(single) == 1 and len(single[0]["articles"]) == 1
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for event in EVENTS:
        for name in _answers(event)["articles"]:
            assert f"`{name}`" in readme, f"README.md does not describe {name}"


def test_package_helpers_list_articles_without_answers():
    from consilience import examples

    assert examples.events() == sorted(
        e.name for e in EVENTS if not _answers(e).get("single_article")
    )
    for event in examples.events(include_single=True):
        names = [p.name for p in examples.article_paths(event)]
        assert names == sorted(examples.answers(event)["articles"])
    with pytest.raises(ValueError, match="unknown example event"):
        examples.article_paths("no-such-event")


@pytest.mark.parametrize("event", EVENTS, ids=IDS)
def test_articles_listed_exist_and_match_the_folder(event: Path):
    ans = _answers(event)
    for key in ("event", "articles", "corroborated", "single_source", "conflicts", "quotes",
                "same_entity", "different_entities"):
        assert key in ans, f"{event.name}/answers.json lacks {key!r}"
    on_disk = {p.name for p in event.iterdir() if p.suffix in ARTICLE_EXTS} - {"answers.json"}
    assert set(ans["articles"]) == on_disk
    if not ans.get("single_article"):
        assert len(on_disk) >= 3, f"{event.name} has fewer than 3 articles"


@pytest.mark.parametrize("event", EVENTS, ids=IDS)
def test_article_metadata_and_length(event: Path):
    ans = _answers(event)
    published = set()
    for name, meta in ans["articles"].items():
        assert meta["source"], name
        when = datetime.fromisoformat(meta["published"])
        assert when.tzinfo is not None, f"{name}: published needs a UTC offset"
        published.add(when)
        assert meta["origin"] in ans["articles"], f"{name}: unknown origin {meta['origin']}"
        origin = ans["articles"][meta["origin"]]
        assert origin["origin"] == meta["origin"], f"{name}: origin must be an original"
        words = len(body_text(event / name).split())
        assert 250 <= words <= 500, f"{name}: {words} words"
    assert len(published) == len(ans["articles"]), "publication dates should differ"


@pytest.mark.parametrize("event", EVENTS, ids=IDS)
def test_every_cited_phrase_is_in_its_article(event: Path):
    ans = _answers(event)
    bodies = {name: body_text(event / name) for name in ans["articles"]}

    def check(name: str, phrase: str, what: str) -> None:
        assert name in bodies, f"{what}: {name} is not an article of {event.name}"
        assert phrase and phrase in bodies[name], f"{what}: {phrase!r} not in {name}"

    for fact in ans["corroborated"]:
        assert len(fact["phrases"]) >= 2, fact["description"]
        for name, phrase in fact["phrases"].items():
            check(name, phrase, fact["description"])
    for item in ans["single_source"]:
        check(item["file"], item["phrase"], "single_source")
        others = [n for n in bodies if n != item["file"]]
        assert not any(item["phrase"] in bodies[n] for n in others), item["phrase"]
    for conflict in ans["conflicts"]:
        assert conflict["kind"] in CONFLICT_KINDS and conflict["severity"] in SEVERITIES
        assert len(conflict["values"]) >= 2, conflict
        for name, phrase in conflict["values"].items():
            check(name, phrase, f"{conflict['kind']} conflict")
        if "quote" in conflict:
            for name in conflict["values"]:
                check(name, conflict["quote"], "attribution conflict quote")
    for quote in ans["quotes"]:
        check(quote["file"], quote["content"], "quote content")
        for key in ("speaker", "cue", "speaker_mention"):
            if quote.get(key):
                check(quote["file"], quote[key], f"quote {key}")
    everything = "\n".join(bodies.values())
    for group in ans["same_entity"] + ans["different_entities"]:
        assert len(group) >= 2
        for name in group:
            assert name in everything, f"entity form {name!r} appears in no article"


@pytest.mark.parametrize("event", EVENTS, ids=IDS)
def test_corroborated_facts_have_independent_sources(event: Path):
    # A copy of a wire story repeats it; it does not confirm it. Every corroborated fact must be
    # carried by at least two different origins, and every conflict must span two origins.
    ans = _answers(event)
    origin = {name: meta["origin"] for name, meta in ans["articles"].items()}
    for fact in ans["corroborated"]:
        assert len({origin[n] for n in fact["phrases"]}) >= 2, fact["description"]
    for conflict in ans["conflicts"]:
        assert len({origin[n] for n in conflict["values"]}) >= 2, conflict


def _shingles(text: str, k: int = 8) -> set[tuple[str, ...]]:
    toks = re.findall(r"\w+", text.lower())
    return {tuple(toks[i : i + k]) for i in range(len(toks) - k + 1)}


@pytest.mark.parametrize("event", EVENTS, ids=IDS)
def test_copies_share_text_and_independent_reports_do_not(event: Path):
    ans = _answers(event)
    names = sorted(ans["articles"])
    sh = {n: _shingles(body_text(event / n)) for n in names}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            overlap = len(sh[a] & sh[b]) / min(len(sh[a]), len(sh[b]))
            same = ans["articles"][a]["origin"] == ans["articles"][b]["origin"]
            if same:
                assert overlap >= 0.5, f"{a} / {b} should be a light rewrite ({overlap:.2f})"
            else:
                assert overlap < 0.1, f"{a} / {b} are independent but share {overlap:.2f}"


def test_bundle_covers_every_conflict_kind_and_format():
    conflicts = [c for e in EVENTS for c in _answers(e)["conflicts"]]
    assert {c["kind"] for c in conflicts} == CONFLICT_KINDS
    numbers = {c["severity"] for c in conflicts if c["kind"] == "number"}
    assert numbers == SEVERITIES, "need a number contradiction and a number discrepancy"
    exts = {p.suffix for e in EVENTS for p in e.iterdir() if p.name != "answers.json"}
    assert {".txt", ".html"} <= exts and exts & {".json", ".jsonl"}
    copies = [
        n for e in EVENTS for n, m in _answers(e)["articles"].items() if m["origin"] != n
    ]
    assert copies, "at least one light rewrite of a wire story"


def test_bundle_covers_quote_forms():
    quotes = [(e, q) for e in EVENTS for q in _answers(e)["quotes"]]
    texts = {e: {n: body_text(e / n) for n in _answers(e)["articles"]} for e in EVENTS}
    assert any(q["speaker"] is None and q["cue"] is None for _, q in quotes), "no unattributed quote"
    assert any(q.get("speaker_mention") in {"he", "she"} for _, q in quotes), "no pronoun speaker"
    assert any(
        (q.get("speaker_mention") or "").startswith(("the ", "a ")) for _, q in quotes
    ), "no role-noun speaker"
    assert any(q["cue"] == "according to" for _, q in quotes)
    assert any(q["cue"] == "told" for _, q in quotes)
    assert any(len(re.findall(r"[.!?]\s", q["content"])) >= 1 for _, q in quotes), "multi-sentence"
    all_text = "\n".join(t for d in texts.values() for t in d.values())
    assert '"' in all_text and "\u201c" in all_text and "\u201d" in all_text
    # a split quote: two quote records of one file and speaker whose contents sit in one sentence
    assert re.search(r"\u201d,? (?:she|he) said, \u201c", all_text), "no quote split by its attribution"


def test_html_page_has_metadata_and_boilerplate():
    pages = [p for e in EVENTS for p in e.glob("*.html")]
    assert pages
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        for marker in ('property="og:site_name"', 'name="author"',
                       'property="article:published_time"', 'rel="canonical"', "<nav", "<footer"):
            assert marker in raw, f"{page.name} lacks {marker}"
        body = body_text(page)
        assert "Subscribe" not in body and "All rights reserved" not in body
