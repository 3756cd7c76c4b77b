"""Ingestion: text/HTML/JSON/JSONL/feeds, folders, stdin, bad input, ids, strict mode.

All fixtures are fictional (invented towns, outlets and people), written into tmp_path.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from consilience.ingest import (
    IngestFailure,
    from_html,
    from_record,
    from_text,
    iter_load,
    load,
    parse_date,
)
from consilience.ingest.text import find_dateline
from consilience.model import Article, IngestError

BODY = (
    "The Harbour Bridge in Portvale reopened on Tuesday after a three-day inspection.\n"
    "Engineers from the Eastmark Roads Agency said about 40,000 vehicles cross it daily.\n"
)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode(encoding)
    path.write_bytes(content)
    return path


def only(result) -> Article:
    assert result.errors == []
    assert len(result.articles) == 1
    return result.articles[0]


def dateline_text(article: Article) -> str:
    assert article.dateline is not None
    return article.text[article.dateline.start : article.dateline.end]


# --------------------------------------------------------------------------- plain text


def test_text_title_outlet_and_comma_region_dateline(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "Portvale Bridge Reopens After Storm\nNorthwind Media Group\nPORTVALE, Eastmark - " + BODY,
    )
    art = only(load([path]))
    assert art.title == "Portvale Bridge Reopens After Storm"
    assert art.source == "Northwind Media Group"
    assert art.byline is None
    assert art.text.startswith("PORTVALE, Eastmark - The Harbour Bridge")
    assert "Northwind" not in art.text and "Reopens" not in art.text
    assert dateline_text(art) == "PORTVALE, Eastmark - "
    assert art.dateline.place == "PORTVALE, Eastmark"
    assert art.dateline.agency is None
    assert art.body_start == art.dateline.end
    assert art.text[art.body_start :].startswith("The Harbour Bridge")
    assert art.origin_path == str(path)


def test_text_byline_and_agency_dateline(tmp_path: Path) -> None:
    path = write(
        tmp_path / "b.txt",
        "Council Votes On Bridge Funds\nBy Mara Velkov\n\n"
        "TARSK (Northwire) \u2014 The city council approved new funds on Monday.\n",
    )
    art = only(load([path]))
    assert art.byline == "Mara Velkov"
    assert art.source is None  # the agency in a dateline is recorded, not promoted to source
    assert dateline_text(art) == "TARSK (Northwire) \u2014 "
    assert art.dateline.place == "TARSK"
    assert art.dateline.agency == "Northwire"
    assert art.text[art.body_start :] == "The city council approved new funds on Monday."


def test_text_outlet_then_staff_byline(tmp_path: Path) -> None:
    art = from_text("Ferry Strike Ends\nThe Eastmark Courier\nStaff Reporter\n" + BODY)
    assert (art.source, art.byline) == ("The Eastmark Courier", "Staff Reporter")
    assert art.text == BODY.rstrip()


def test_text_without_dateline_keeps_first_sentence_untouched() -> None:
    art = from_text("Ferry Strike Ends\n\nResidents of Tarsk returned to work on Friday.\nMore.\n")
    assert art.dateline is None
    assert art.body_start == 0
    assert art.source is None and art.byline is None
    assert art.text == "Residents of Tarsk returned to work on Friday.\nMore."


@pytest.mark.parametrize(
    "second",
    [
        "Ferry Crews Returned Today.",  # final period: a sentence
        "Crews returned to the docks early",  # not title-cased
        "Ferry Crews From Tarsk And Velm Returned To Work On Friday",  # too long
    ],
)
def test_first_body_line_is_not_mistaken_for_outlet(second: str) -> None:
    art = from_text(f"Ferry Strike Ends\n{second}\nMore text follows here.\n")
    assert art.source is None and art.byline is None
    assert art.text.startswith(second)


def test_text_crlf_normalised_and_date_line(tmp_path: Path) -> None:
    raw = "Quay Fire Contained\r\nJune 4, 2023\r\nPORTVALE: Firefighters contained a blaze.\r\nNo one was hurt.\r\n"
    art = only(load([write(tmp_path / "c.txt", raw)]))
    assert "\r" not in art.text
    assert art.published == datetime(2023, 6, 4)
    assert dateline_text(art) == "PORTVALE: "
    assert art.text[art.body_start :].startswith("Firefighters contained")


@pytest.mark.parametrize(
    ("opening", "dateline", "place", "agency"),
    [
        (
            "SEOUL, South Korea - Officials met.",
            "SEOUL, South Korea - ",
            "SEOUL, South Korea",
            None,
        ),
        (
            "WASHINGTON (Reuters) \u2014 Officials met.",
            "WASHINGTON (Reuters) \u2014 ",
            "WASHINGTON",
            "Reuters",
        ),
        ("PARIS, June 3 (AFP) - Officials met.", "PARIS, June 3 (AFP) - ", "PARIS", "AFP"),
        ("LONDON: Officials met.", "LONDON: ", "LONDON", None),
        ("Velm (Northwire) - Officials met.", "Velm (Northwire) - ", "Velm", "Northwire"),
    ],
)
def test_dateline_styles(opening: str, dateline: str, place: str, agency: str | None) -> None:
    found = find_dateline(opening)
    assert found is not None
    assert opening[found.start : found.end] == dateline
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize(
    "opening",
    [
        "BREAKING: Officials met.",
        "NATO: Officials met.",  # short acronym with a colon
        "Officials met in Velm - the capital - on Monday.",
        "The Council (Velm) - Officials met.",
        "VELM - OFFICIALS MET TODAY",  # all-caps headline, not a body
    ],
)
def test_not_datelines(opening: str) -> None:
    assert find_dateline(opening) is None


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Portvale bridge reopens | Northwind Gazette</title>
<meta property="og:title" content="Portvale bridge reopens">
<meta property="og:site_name" content="Northwind Gazette">
<meta name="author" content="Mara Velkov">
<meta property="article:published_time" content="2023-04-02T08:30:00Z">
<link rel="canonical" href="https://gazette.example/portvale-bridge">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Portvale bridge reopens</h1>
<p>PORTVALE, Eastmark - The Harbour Bridge reopened to traffic on Tuesday after engineers
spent three days inspecting the damage left by the storm.</p>
<p>City officials said about 40,000 vehicles cross the bridge each day and that the closure had
caused long delays across the region.</p>
<p>"We are confident the structure is sound," said chief engineer Tomas Grell.</p>
</article>
<footer>Copyright 2023 Northwind Gazette. All rights reserved.</footer>
</body></html>"""


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    art = only(load([write(tmp_path / "page.html", PAGE)]))
    assert art.title == "Portvale bridge reopens"
    assert art.source == "Northwind Gazette"
    assert art.byline == "Mara Velkov"
    assert art.url == "https://gazette.example/portvale-bridge"
    assert art.published is not None and art.published.date() == datetime(2023, 4, 2).date()
    assert "Harbour Bridge reopened" in art.text and "Tomas Grell" in art.text
    assert "Copyright" not in art.text and "Sport" not in art.text
    assert not art.text.startswith("Portvale bridge reopens")  # headline not repeated in body
    assert dateline_text(art) == "PORTVALE, Eastmark - "
    assert art.text[art.body_start :].startswith("The Harbour Bridge")


def test_from_html_direct_and_unknown_extension_sniffed(tmp_path: Path) -> None:
    assert from_html(PAGE, name="x").source == "Northwind Gazette"
    art = only(load([write(tmp_path / "saved_page", PAGE)]))
    assert art.title == "Portvale bridge reopens"


# --------------------------------------------------------------------------- JSON / JSONL

RECORD = {
    "id": 7,
    "title": "Tarsk mill closes",
    "body": "TARSK (Northwire) - The old mill closed on Friday.\nIts 80 workers were moved.",
    "outlet": "Eastmark Courier",
    "author": ["Ana Brel", "Ivo Stam"],
    "date": "Tue, 18 Jun 2024 09:00:00 GMT",
    "language": "en-GB",
    "unrelated": {"nested": True},
}


def test_json_object_fields_and_aliases(tmp_path: Path) -> None:
    art = only(load([write(tmp_path / "one.json", json.dumps(RECORD))]))
    assert art.id == "7"
    assert art.title == "Tarsk mill closes"
    assert art.source == "Eastmark Courier"
    assert art.byline == "Ana Brel, Ivo Stam"
    assert art.published == datetime(2024, 6, 18, 9, 0, tzinfo=UTC)  # "GMT" is kept
    assert art.language == "en"
    assert art.text == RECORD["body"]  # record text is kept verbatim
    assert dateline_text(art) == "TARSK (Northwire) - "
    assert art.origin_path == str(tmp_path / "one.json")


def test_json_array_and_jsonl(tmp_path: Path) -> None:
    recs = [
        {"title": "A", "text": "First fictional story text.", "published": "2024-06-18"},
        {"title": "B", "content": "Second fictional story text.", "published_at": "18 June 2024"},
        {"title": "C", "text": "Third fictional story text.", "published": "June 18, 2024"},
    ]
    arr = load([write(tmp_path / "arr.json", json.dumps(recs))])
    lines = load([write(tmp_path / "lines.jsonl", "\n".join(json.dumps(r) for r in recs) + "\n")])
    for result in (arr, lines):
        assert result.errors == []
        assert [a.title for a in result.articles] == ["A", "B", "C"]
        assert all(a.published == datetime(2024, 6, 18) for a in result.articles)
    assert [a.origin_path for a in lines.articles][1] == f"{tmp_path / 'lines.jsonl'}:2"


def test_record_with_html_text_and_repeated_title_dateline() -> None:
    art = from_record(
        {
            "title": "Velm votes",
            "text": "<p>VELM - Voters <b>backed</b> the plan.</p><p>Turnout was low.</p>",
        },
        where="r:1",
    )
    assert art.text == "VELM - Voters backed the plan.\nTurnout was low."
    assert dateline_text(art) == "VELM - "
    repeated = from_record(
        {"title": "Velm votes", "text": "Velm votes.\n\nVELM (Northwire) \u2014 Voters backed it."},
        where="r:2",
    )
    assert dateline_text(repeated) == "VELM (Northwire) \u2014 "
    assert repeated.text[repeated.body_start :] == "Voters backed it."


def test_from_record_raises_on_bad_records() -> None:
    with pytest.raises(IngestFailure, match="no text"):
        from_record({"title": "Only a title"}, where="x.jsonl:3")
    with pytest.raises(IngestFailure, match="not a string"):
        from_record({"text": ["a", "b"]}, where="x.jsonl:4")
    with pytest.raises(IngestFailure, match="JSON object"):
        from_record(["not", "a", "dict"], where="x.jsonl:5")  # type: ignore[arg-type]


def test_parse_date_forms() -> None:
    assert parse_date("2024-06-18T09:00:00Z") == datetime(2024, 6, 18, 9, 0, tzinfo=UTC)
    assert parse_date("18 June 2024") == datetime(2024, 6, 18)
    assert parse_date("yesterday") is None  # would depend on today's date
    assert parse_date("not a date 2024") is None


# --------------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Eastmark Courier</title><link>https://courier.example/</link>
<item><title>Mill closes</title><link>https://courier.example/mill</link>
<guid>courier-mill-1</guid><pubDate>Tue, 18 Jun 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;TARSK - The old mill closed on Friday.&lt;/p&gt;&lt;p&gt;Workers were moved.&lt;/p&gt;</description></item>
<item><title>Ferry resumes</title><link>https://courier.example/ferry</link>
<description>The ferry between Velm and Tarsk resumed service.</description></item>
<item><title>Empty entry</title><link>https://courier.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Northwind Wire</title><id>urn:nw</id>
<updated>2024-06-18T10:00:00Z</updated>
<entry><title>Quay fire contained</title><id>urn:nw:quay</id><link href="https://nw.example/quay"/>
<updated>2024-06-18T10:00:00Z</updated><author><name>Lia Orn</name></author>
<content type="html">&lt;p&gt;Firefighters contained a blaze at the Velm quay.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    result = load([write(tmp_path / "courier.rss", RSS)])
    assert [a.title for a in result.articles] == ["Mill closes", "Ferry resumes"]
    mill, ferry = result.articles
    assert mill.id == "courier-mill-1"
    assert mill.source == "Eastmark Courier"
    assert mill.url == "https://courier.example/mill"
    assert mill.published == datetime(2024, 6, 18, 9, 0, tzinfo=UTC)
    assert mill.text == "TARSK - The old mill closed on Friday.\nWorkers were moved."
    assert dateline_text(mill) == "TARSK - "
    assert ferry.text == "The ferry between Velm and Tarsk resumed service."
    assert len(result.errors) == 1 and "courier.rss#3" in str(result.errors[0])


def test_atom_feed_sniffed_from_xml(tmp_path: Path) -> None:
    art = only(load([write(tmp_path / "wire.xml", ATOM)]))
    assert (art.title, art.source, art.byline) == (
        "Quay fire contained",
        "Northwind Wire",
        "Lia Orn",
    )
    assert art.text == "Firefighters contained a blaze at the Velm quay."
    assert art.url == "https://nw.example/quay"


# --------------------------------------------------------------------------- folders and stdin


def test_folder_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "Second Title\n" + BODY)
    write(tmp_path / "a" / "z.txt", "First Title\n" + BODY)
    write(tmp_path / ".hidden.txt", "Hidden Title\n" + BODY)
    write(tmp_path / ".git" / "c.txt", "Git Title\n" + BODY)
    result = load([tmp_path])
    assert result.errors == []
    assert [a.title for a in result.articles] == ["First Title", "Second Title"]


def test_stdin_jsonl_and_plain_text() -> None:
    lines = "\n".join(
        [
            json.dumps({"id": "s1", "text": "One story."}),
            "",
            json.dumps({"id": "s2", "text": "Two."}),
        ]
    )
    result = load(["-"], stdin=io.StringIO(lines + "\n"))
    assert [(a.id, a.origin_path) for a in result.articles] == [
        ("s1", "<stdin>:1"),
        ("s2", "<stdin>:3"),
    ]
    art = only(load(["-"], stdin=io.StringIO("Velm Title\nVELM - Something happened.\nMore.\n")))
    assert art.title == "Velm Title" and dateline_text(art) == "VELM - "


def test_article_objects_pass_through() -> None:
    given = Article(id="given", text="Already loaded.")
    assert load([given]).articles == [given]


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1252",
            "Caf\u00e9 Owner Speaks\nThe owner said the \u201cplan\u201d costs \u20ac5 \u2014 a lot.\n",
        ),
        ("latin-1", "Caf\u00e9 Owner Speaks\nZo\u00eb said the plan costs \u00a35, se\u00f1or.\n"),
        (
            "utf-8-sig",
            "Caf\u00e9 Owner Speaks\nThe owner said the \u201cplan\u201d costs \u20ac5.\n",
        ),
    ],
)
def test_legacy_encodings_decode(tmp_path: Path, encoding: str, text: str) -> None:
    art = only(load([write(tmp_path / "enc.txt", text, encoding)]))
    assert art.title == "Caf\u00e9 Owner Speaks"
    assert art.text == text.split("\n", 1)[1].strip()


def test_each_bad_input_gives_one_error_and_good_files_still_load(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good Title\n" + BODY)
    empty = write(tmp_path / "empty.txt", "  \n")
    binary = write(
        tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    nul = write(tmp_path / "nul.dat", b"abc\x00def\x00" * 50)
    big = write(tmp_path / "big.txt", "Big Title\n" + "word " * 400)
    bad_json = write(tmp_path / "broken.json", '{"title": "x", "text": ')
    no_text = write(tmp_path / "notext.json", json.dumps({"title": "No body here"}))
    jsonl = write(
        tmp_path / "data.jsonl",
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "A good record."}),
                '{"id": "broken", "text": ',
                json.dumps({"id": "nt", "title": "No text"}),
                json.dumps({"id": "ok2", "text": "Another good record."}),
            ]
        ),
    )
    missing = tmp_path / "missing.txt"
    inputs = [good, empty, binary, nul, big, bad_json, no_text, jsonl, missing]
    result = load(inputs, max_bytes=1000)
    assert sorted(a.id for a in result.articles if a.title != "Good Title") == ["ok1", "ok2"]
    assert any(a.title == "Good Title" for a in result.articles)
    errors = {e.where: e.reason for e in result.errors}
    assert len(result.errors) == len(errors) == 9
    expect = {
        str(empty): "empty",
        str(binary): "binary",
        str(nul): "NUL",
        str(big): "too large",
        str(bad_json): "malformed JSON",
        str(no_text): "no text",
        f"{jsonl}:2": "malformed JSON",
        f"{jsonl}:3": "no text",
        str(missing): "no such file",
    }
    for where, reason in expect.items():
        assert reason in errors[where], (where, errors[where])
    for err in result.errors:
        line = str(err)
        assert "\n" not in line and line.startswith(err.where + ": ")


def test_iter_load_streams_items_in_order(tmp_path: Path) -> None:
    path = write(tmp_path / "d.ndjson", '{"text": "one"}\nnot json\n{"text": "two"}\n')
    kinds = [type(x) for x in iter_load([path])]
    assert kinds == [Article, IngestError, Article]


# --------------------------------------------------------------------------- ids and strict mode


def test_ids_stable_across_loads_and_duplicates_suffixed(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "Same Title\n" + BODY)
    write(tmp_path / "y.txt", "Same Title\n" + BODY)  # identical content -> same hash
    write(tmp_path / "z.txt", "Other Title\n" + BODY)
    first = [a.id for a in load([tmp_path]).articles]
    second = [a.id for a in load([tmp_path]).articles]
    assert first == second
    assert len(first[0]) == 16 and first[1] == first[0] + "#2"
    assert first[2] not in (first[0], first[1])
    recs = load(["-"], stdin=io.StringIO('{"id": 5, "text": "a"}\n{"id": "5", "text": "b"}\n'))
    assert [a.id for a in recs.articles] == ["5", "5#2"]


def test_strict_mode_raises_first_error(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Good Title\n" + BODY)
    bad = write(tmp_path / "bad.jsonl", "{oops\n")
    assert len(load([good, bad]).errors) == 1
    with pytest.raises(IngestFailure) as info:
        load([good, bad], strict=True)
    assert str(info.value).startswith(f"{bad}:1: malformed JSON")


def test_json_wrapper_object_and_jsonl_named_json(tmp_path: Path) -> None:
    wrapped = {"articles": [{"text": "Velm story one."}, {"text": "Velm story two."}]}
    result = load([write(tmp_path / "wrapped.json", json.dumps(wrapped))])
    assert [a.text for a in result.articles] == ["Velm story one.", "Velm story two."]
    assert result.articles[1].origin_path == f"{tmp_path / 'wrapped.json'}#2"
    lines = '{"text": "Tarsk one."}\n{"text": "Tarsk two."}\n'
    result = load([write(tmp_path / "really_lines.json", lines)])
    assert result.errors == [] and len(result.articles) == 2


def test_markdown_title_and_date_line() -> None:
    art = from_text(
        "# Velm Harbour Reopens\n\nPublished: June 4, 2023\nBy Lia Orn\n\nIt reopened.\n"
    )
    assert (art.title, art.byline, art.published) == (
        "Velm Harbour Reopens",
        "Lia Orn",
        datetime(2023, 6, 4),
    )
    assert art.text == "It reopened."


def test_a_web_address_in_the_title_slot_names_the_source_and_is_no_claim():
    from consilience.ingest.articles import from_record

    addr = "http: / / www. velmora-post. com / 2031 / 05 / 02 / ferry - sinks /"
    art = from_record({"title": addr, "text": addr + "\nThe ferry sank on Monday, police said."},
                      where="crawl.jsonl:3")
    assert art.title is None
    assert art.source == "velmora-post.com"
    assert art.url == "http://www.velmora-post.com/2031/05/02/ferry-sinks/"
    assert art.text.startswith(addr)  # the text is kept verbatim: offsets stay valid
    assert art.text[art.body_start:].startswith("The ferry sank")
    # a given source and url win; a headline that merely mentions a site is a headline
    art2 = from_record({"title": "www.velmora-post.com says the ferry sank on Monday",
                        "source": "Kallio Courier", "text": "The ferry sank on Monday."},
                       where="crawl.jsonl:4")
    assert art2.title == "www.velmora-post.com says the ferry sank on Monday"
    assert art2.source == "Kallio Courier" and art2.body_start == 0


def test_a_crawled_page_header_gives_title_and_date_and_the_body_starts_after_it():
    from consilience.ingest.articles import from_record

    text = ("http: / / www. velmora-post. com / 2031 / 05 / 02 / ferry - sinks /\n"
            "Ferry sinks off Velmora, crew rescued\n"
            "Posted on May 2, 2031 6: 07 PM EDT\n"
            "The ferry sank on Monday, police said.\nAll nine crew were rescued.")
    art = from_record({"text": text}, where="crawl.jsonl:5")
    assert art.title == "Ferry sinks off Velmora, crew rescued"
    assert art.published is not None and art.published.date().isoformat() == "2031-05-02"
    assert art.text == text
    assert art.text[art.body_start:].startswith("The ferry sank on Monday")
    # a first body sentence is never taken for a headline or a date
    text2 = ("www.velmora-post.com/ferry\nThe ferry sank on Monday, police said.\n"
             "All nine crew were rescued.")
    art2 = from_record({"text": text2}, where="crawl.jsonl:6")
    assert art2.title is None and art2.text[art2.body_start:].startswith("The ferry sank")


@pytest.mark.parametrize(
    "outlet", ["Velmark Paper plc", "Railside - a Velmark transport blog", "the Tarsk weekly"]
)
def test_an_outlet_in_its_own_case_before_a_date_line_is_the_source(outlet: str) -> None:
    art = from_text(f"Ferry Strike Ends\n{outlet}\nMarch 4, 2025\n" + BODY)
    if outlet[0].isupper():
        assert art.source == outlet
        assert art.published is not None
        assert art.text == BODY.rstrip()
    else:  # a line starting in lower case is body text, whatever follows it
        assert art.source is None
        assert art.text.startswith(outlet)


def test_a_body_line_without_a_date_line_after_it_stays_body() -> None:
    art = from_text("Ferry Strike Ends\nCrews returned to the docks early\nMore text follows.\n")
    assert art.source is None
    assert art.text.startswith("Crews returned")
