"""The web page in a real browser (Playwright driving Debian's Chromium, no browser download):
uploading a fictional pair, reading the report, a bad file among good ones, a hostile title shown
as text; and the same pair giving the same report through the CLI, the Python API, the HTTP API
and the page. The server runs on 127.0.0.1 on a free port, started and stopped here."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import httpx
import pytest
from http_server import running
from web_fixtures import DATELINE, OUTLETS, fact_signature, page_signature, write_pair

from consilience.http import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_browser() -> None:
    """Skip only where a developer has no Chromium; CI must run these tests."""
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing (apt-get install chromium; `make test` does it as root)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="module")
def server(models):
    with running(create_app(models=models, preload=False)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        for attempt in range(2):  # a loaded machine can miss the first launch's timeout
            profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir
            try:
                context = pw.chromium.launch_persistent_context(
                    str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
                    timeout=90_000)
                break
            except Exception:
                if attempt == 1:
                    raise
        yield context
        context.close()


@pytest.fixture
def page(browser, server):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/")
    yield page
    assert dialogs == [], f"a script ran: {dialogs}"
    page.close()


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> list[Path]:
    return write_pair(tmp_path_factory.mktemp("pair"))


def _as_buffer(item):
    if isinstance(item, dict):
        return item
    path = Path(item)
    return {"name": path.name, "mimeType": "text/plain", "buffer": path.read_bytes()}


def _compare(page, files) -> None:
    if any(isinstance(f, dict) for f in files):  # Playwright takes paths or buffers, not both
        files = [_as_buffer(f) for f in files]
    page.set_input_files("#files", files)
    page.click("#go")
    _wait_done(page)


def _wait_done(page) -> None:
    from playwright.sync_api import expect

    # a locator wait: the page's CSP forbids the eval a string predicate would need
    expect(page.locator("#status")).to_have_text(re.compile(r"^(Done|Error)"), timeout=120_000)


def _cdata(page) -> dict:
    frame = page.frame_locator("#result")
    return json.loads(frame.locator("#cdata").text_content(timeout=30_000))


def test_upload_pair_and_read_the_report(page, pair):
    _compare(page, [str(p) for p in pair])
    assert page.text_content("#status") == "Done: 2 read."
    read = page.locator("#readlist li")
    assert read.count() == 2
    listed = page.text_content("#readlist")
    assert "tribune.txt" in listed and "evening-post.txt" in listed
    for outlet in OUTLETS:  # the outlet line is read, as the CLI reads it
        assert outlet in listed
    assert "dateline: KESTRA, Norland" in listed and "outlet not stated" not in listed
    report = page.frame_locator("#result")
    assert OUTLETS[0] in report.locator("body").inner_text(timeout=30_000)
    facts = _cdata(page)["facts"].values()
    assert facts and any(f["conflicts"] for f in facts)
    for fact in facts:  # the dateline is not a fact
        assert DATELINE not in fact["text"]
        assert all(DATELINE not in c["text"] for c in fact["claims"])
    href = page.get_attribute("#dlhtml", "href")
    assert href and href.endswith("?download=1")


def test_bad_files_are_named_with_their_reason(page, pair):
    _compare(page, [str(p) for p in pair] + [
        {"name": "broken.json", "mimeType": "application/json", "buffer": b'{"title": "x",'},
        {"name": "picture.png", "mimeType": "image/png",
         "buffer": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)},
        {"name": "empty.txt", "mimeType": "text/plain", "buffer": b"\n\n"}])
    assert page.text_content("#status") == "Done: 2 read, 3 not read."
    assert page.locator("#readlist li").count() == 2
    bad = {li.split(":", 1)[0]: li.split(":", 1)[1]
           for li in page.locator("#notread li").all_inner_texts()}
    assert set(bad) == {"broken.json", "picture.png", "empty.txt"}
    assert "JSON" in bad["broken.json"] and "empty" in bad["empty.txt"]
    assert bad["picture.png"].strip()


HOSTILE = '<img src=x onerror="document.title=\'pwned\'"><script>alert("pwned")</script>'


def test_hostile_title_and_name_are_text(page, pair):
    article = f"{HOSTILE} Dam opens\nVarnholm Tribune\n\n" + pair[0].read_text().split("\n\n", 1)[1]
    _compare(page, [str(pair[1]), {"name": HOSTILE + ".txt", "mimeType": "text/plain",
                                   "buffer": article.encode()}])
    assert page.text_content("#status").startswith("Done")
    listed = page.text_content("#readlist")
    assert HOSTILE in listed  # the markup is shown as the characters it is
    assert page.locator("#readlist img, #notread img, #chosen img, #readlist script").count() == 0
    assert page.title() != "pwned"
    report = page.frame_locator("#result")
    assert "<script>alert" in report.locator("body").inner_text(timeout=30_000)
    assert report.locator("img[src=x]").count() == 0
    assert page.evaluate("document.title") != "pwned"


def test_folder_upload(page, tmp_path):
    folder = tmp_path / "reports"
    write_pair(folder)
    (folder / ".notes.txt").write_text("Private notes\nnot an article at all\n")
    page.set_input_files("#folder", str(folder))
    page.click("#go")
    _wait_done(page)
    assert page.text_content("#status") == "Done: 2 read, 1 not read."
    names = page.text_content("#readlist")
    assert "reports/tribune.txt" in names and "reports/evening-post.txt" in names
    assert "reports/.notes.txt: skipped" in page.text_content("#notread")


def test_four_doors_give_the_same_report(page, pair, server, models, tmp_path):
    """CLI, Python API, HTTP API and web page on the same files: same facts, statuses,
    claim spans and conflicts."""
    from typer.testing import CliRunner

    import consilience
    from consilience.cli import app
    from consilience.render import render_report

    out = tmp_path / "cli.json"
    result = CliRunner().invoke(app, ["compare", *map(str, pair), "--format", "json",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    cli = json.loads(out.read_text())

    report = consilience.compare([str(p) for p in pair], models=models)
    api = json.loads(render_report(report, "json"))

    with pair[0].open("rb") as a, pair[1].open("rb") as b:
        r = httpx.post(server + "/compare/files", timeout=120,
                       files=[("files", (pair[0].name, a)), ("files", (pair[1].name, b))])
    assert r.status_code == 200, r.text
    http = r.json()

    assert fact_signature(api) and any(f["conflicts"] for f in api["facts"])
    assert fact_signature(cli) == fact_signature(api) == fact_signature(http)
    for doc in (cli, api, http):
        assert [(a["id"], a["source"], a["title"]) for a in doc["articles"]] == \
            [(a.id, a.source, a.title) for a in report.articles]
        assert all(c["start"] >= 18 for f in doc["facts"] for c in f["claims"])  # no dateline

    _compare(page, [str(p) for p in pair])
    html = render_report(report, "html")
    start = html.index('id="cdata">') + len('id="cdata">')
    html_data = json.loads(html[start:].split("</script>", 1)[0])
    assert page_signature(_cdata(page)) == page_signature(html_data)


def test_missing_chromium_skips_for_a_developer_and_fails_in_ci(monkeypatch):
    import _pytest.outcomes

    monkeypatch.setattr(__import__(__name__), "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(_pytest.outcomes.Skipped, match="apt-get install chromium"):
        _need_browser()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(_pytest.outcomes.Failed, match="cannot run in CI"):
        _need_browser()
