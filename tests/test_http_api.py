"""The HTTP API with FastAPI's TestClient (no real server)."""

from __future__ import annotations

import sys

import pytest
from api_fakes import ARTICLE_A, ARTICLE_B, fake_compare_module
from fastapi import APIRouter
from fastapi.testclient import TestClient

from consilience.http import create_app, get_models


def _body(*texts: str) -> dict:
    out = []
    for i, t in enumerate(texts):
        title, _, rest = t.partition("\n")
        out.append({"id": f"art{i}", "title": title, "text": rest.strip(),
                    "source": ["Harbor Gazette", "Valley Courier"][i % 2],
                    "published": f"2030-05-0{i + 1}T08:00:00Z"})
    return {"articles": out}


@pytest.fixture(scope="module")
def client(models):
    router = APIRouter()

    @router.get("/corpus/ping")
    def ping(request: __import__("fastapi").Request) -> dict:
        return {"shared": get_models(request) is models}

    app = create_app(models=models, preload=False, routers=[router])
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fake_compare(monkeypatch):
    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module())


def test_health_and_index(client):
    r = client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    # no inline script; the page's script uploads raw files and parses none itself
    assert "<script>" not in page.text and 'src="web/app.js"' in page.text
    script = client.get("/web/app.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "fetch('web/compare'" in script.text and "FileReader" not in script.text
    assert "JSON.parse(content" not in script.text and "split('\\n')" not in script.text
    assert client.get("/web/app.css").status_code == 200


def test_router_extension_shares_models(client):
    assert client.get("/corpus/ping").json() == {"shared": True}


def test_analyze_json(client):
    r = client.post("/analyze", json=_body(ARTICLE_A))
    assert r.status_code == 200
    doc = r.json()
    assert doc["schema"] == "consilience/analysis@1"
    art = doc["articles"][0]
    assert art["id"] == "art0" and art["source"] == "Harbor Gazette"
    assert art["published"].startswith("2030-05-01T08:00:00")
    for q in art["quantities"] + art["entities"]:
        assert art["text"][q["start"]:q["end"]] == q["text"]


def test_compare_formats(client, fake_compare):
    body = _body(ARTICLE_A, ARTICLE_B)
    r = client.post("/compare", json=body)
    assert r.status_code == 200 and r.json()["schema"] == "consilience/report@1"
    assert [a["id"] for a in r.json()["articles"]] == ["art0", "art1"]
    html = client.post("/compare?format=html", json=body)
    assert html.headers["content-type"].startswith("text/html")
    assert html.text.startswith("<!DOCTYPE html>")
    md = client.post("/compare?format=md", json=body)
    assert md.text.startswith("# Consilience report")


@pytest.mark.parametrize("body,needle", [
    ({}, "articles"),
    ({"articles": []}, "articles"),
    ({"articles": [{"title": "x"}]}, "text"),
    ({"articles": [{"text": "   \n "}]}, "text is empty"),
    ({"articles": [{"text": "ok", "colour": "red"}]}, "colour"),
    ({"articles": [{"text": "ok", "published": "next tuesday-ish"}]}, "published"),
])
def test_validation_is_422_with_one_line(client, body, needle):
    r = client.post("/compare", json=body)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail and needle in detail


def test_bad_format_and_bad_json(client):
    assert client.post("/compare?format=pdf", json=_body(ARTICLE_A)).status_code == 422
    r = client.post("/analyze", content=b"{not json", headers={"content-type":
                                                                "application/json"})
    assert r.status_code == 422


def test_pipeline_error_is_500_one_line(client, monkeypatch):
    def boom(analyses, models=None):
        raise RuntimeError("aligner exploded")

    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module(boom))
    r = client.post("/compare", json=_body(ARTICLE_A, ARTICLE_B))
    assert r.status_code == 500 and "aligner exploded" in r.json()["detail"]


def test_text_only_articles_are_labelled_by_position(client, fake_compare):
    body = {"articles": [{"text": ARTICLE_A.split("\n", 2)[2]}, {"text": ARTICLE_B.split("\n", 2)[2]}]}
    md = client.post("/compare?format=md", json=body)
    assert md.status_code == 200
    findings = md.text.split("## Sources")[0]
    assert "*Article 1:*" in findings and "*Article 2:*" in findings
    ids = [a["id"] for a in client.post("/compare", json=body).json()["articles"]]
    assert len(ids) == 2 and not any(i in findings for i in ids)  # never a hash as a label


def _upload(*named: tuple[str, bytes]) -> list:
    return [("files", (name, data, "application/octet-stream")) for name, data in named]


def test_uploaded_files_are_read_like_the_cli(client, fake_compare):
    r = client.post("/compare/files", files=_upload(
        ("gazette.txt", ARTICLE_A.encode()), ("courier.txt", ARTICLE_B.encode()),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))))
    assert r.status_code == 200, r.text
    doc = r.json()
    assert [a["source"] for a in doc["articles"]] == ["Harbor Gazette", "Valley Courier"]
    # the outlet line is not part of the text, as when the CLI reads the file
    assert all("Harbor Gazette" not in a["text"] for a in doc["articles"])
    errors = " ".join(str(e) for e in doc.get("errors", []))
    assert "photo.png" in errors and "consilience-upload" not in r.text


def test_page_upload_lists_each_file(client, fake_compare):
    r = client.post("/web/compare", files=_upload(
        ("notes/gazette.txt", ARTICLE_A.encode()), ("../../etc/courier.txt", ARTICLE_B.encode()),
        ("notes/gazette.txt", ARTICLE_B.encode()), ("empty.txt", b"   \n"),
        ("feed.jsonl", b'{"title": "T", "text": "Ferry news."}\n{not json\n')))
    assert r.status_code == 200, r.text
    files = {f["name"]: f for f in r.json()["files"]}
    assert files["notes/gazette.txt"]["read"] and files["etc/courier.txt"]["read"]
    assert files["notes/gazette (2).txt"]["read"]
    assert files["notes/gazette.txt"]["articles"][0]["source"] == "Harbor Gazette"
    assert not files["empty.txt"]["read"] and "empty" in files["empty.txt"]["reason"]
    assert files["feed.jsonl"]["read"] and not files["feed.jsonl:2"]["read"]
    report = client.get(r.json()["report"])
    assert report.status_code == 200 and report.text.startswith("<!DOCTYPE html>")
    assert "sandbox" in report.headers["content-security-policy"]
    dl = client.get(r.json()["report"] + "?download=1")
    assert dl.headers["content-disposition"].startswith("attachment")
    assert client.get("/web/reports/nope").status_code == 404


def test_upload_with_nothing_readable_is_422_naming_each_file(client):
    r = client.post("/web/compare", files=_upload(("a.txt", b""), ("b.bin", bytes(range(256)))))
    assert r.status_code == 422
    doc = r.json()
    assert "a.txt" in doc["detail"] and "b.bin" in doc["detail"]
    assert [f["name"] for f in doc["files"]] == ["a.txt", "b.bin"]
    assert client.post("/compare/files", data={"x": "1"}).status_code == 422


def test_deadline_is_504_one_line(models, monkeypatch):
    import time as _time

    from api_fakes import fake_compare_analyses

    def slow(analyses, models=None):
        _time.sleep(1.5)
        return fake_compare_analyses(analyses, models)

    monkeypatch.setitem(sys.modules, "consilience.story.build", fake_compare_module(slow))
    app = create_app(models=models, preload=False, deadline=0.5)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/compare", json=_body(ARTICLE_A, ARTICLE_B))
        assert r.status_code == 504 and "not finished within" in r.json()["detail"]
        assert c.get("/health").json()["work"]["mode"] == "in-process"


def test_upload_names_cannot_escape_and_clashes_are_named(client, fake_compare):
    from consilience.web.uploads import safe_name

    assert safe_name("../../etc/passwd") == "etc/passwd"
    assert safe_name("/abs/./x\x1b[2J.txt") == "abs/x[2J.txt"
    assert safe_name("..") is None and safe_name("") is None
    r = client.post("/web/compare", files=_upload(
        ("a.txt", ARTICLE_A.encode()), ("a.txt/b.txt", ARTICLE_B.encode()),
        ("c.txt", ARTICLE_B.encode())))
    assert r.status_code == 200, r.text
    lines = {f["name"]: f for f in r.json()["files"]}
    assert lines["a.txt"]["read"] and lines["c.txt"]["read"]
    assert not lines["a.txt/b.txt"]["read"] and "cannot keep" in lines["a.txt/b.txt"]["reason"]


PAGE = b"""<!DOCTYPE html><html><head><title>Ferry aground at Tolmere</title>
<meta property="og:site_name" content="Coast Listener"></head><body><article>
<h1>Ferry aground at Tolmere</h1>
<p>The ferry Brisa Nord ran aground off Tolmere Point on Friday, the coast guard said in a
statement issued late in the evening after the passengers had been brought ashore.</p>
<p>All 41 passengers were brought ashore safely by lifeboat crews from two nearby harbours,
said captain Ines Varo, who had commanded the vessel for eleven years.</p>
</article></body></html>"""
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Courier</title>
<item><title>Brisa Nord stranded near Tolmere</title><pubDate>Fri, 03 May 2030 20:00:00 GMT</pubDate>
<description>The ferry Brisa Nord ran aground near Tolmere Point on Friday evening.
Officials said 43 passengers were on board.</description></item></channel></rss>"""


def test_html_pages_and_feeds_upload(client, fake_compare):
    r = client.post("/web/compare", files=_upload(("page.htm", PAGE), ("courier.rss", FEED)))
    assert r.status_code == 200, r.text
    files = r.json()["files"]
    assert [f["name"] for f in files] == ["page.htm", "courier.rss"]
    assert all(f["read"] for f in files), files
    assert files[0]["articles"][0]["title"] == "Ferry aground at Tolmere"
    assert files[1]["articles"][0]["title"] == "Brisa Nord stranded near Tolmere"


def test_folder_upload_is_read_as_the_cli_reads_a_folder(client, fake_compare):
    r = client.post("/web/compare", files=_upload(
        ("news/b-courier.txt", ARTICLE_B.encode()), ("news/a-gazette.txt", ARTICLE_A.encode()),
        ("news/.DS_Store", bytes(64))))
    assert r.status_code == 200, r.text
    files = {f["name"]: f for f in r.json()["files"]}
    assert files["news/a-gazette.txt"]["read"] and files["news/b-courier.txt"]["read"]
    assert not files["news/.DS_Store"]["read"] and "skipped" in files["news/.DS_Store"]["reason"]
    doc = client.post("/compare/files", files=_upload(
        ("news/b-courier.txt", ARTICLE_B.encode()), ("news/a-gazette.txt", ARTICLE_A.encode())))
    # sorted by path inside the folder, as `consilience compare news/` reads it
    assert [a["source"] for a in doc.json()["articles"]] == ["Harbor Gazette", "Valley Courier"]


def test_repairs_are_noted_beside_the_file(client, fake_compare):
    text = ARTICLE_A.replace("said captain Ines Varo", "said captain Jürgen Müller")
    # UTF-8 text with one stray cp1252 byte (an en dash)
    broken = text.replace("41 passengers", "41 passengers @@ all").encode("utf-8")
    broken = broken.replace(b"@@", b"\x96")
    r = client.post("/web/compare", files=_upload(("gazette.txt", broken),
                                                  ("courier.txt", ARTICLE_B.encode())))
    assert r.status_code == 200, r.text
    files = {f["name"]: f for f in r.json()["files"]}
    notes = files["gazette.txt"]["notes"]
    assert notes and "not valid UTF-8" in notes[0] and "consilience-upload" not in notes[0]
    assert files["courier.txt"]["notes"] == []
