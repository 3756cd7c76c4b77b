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
    assert "compare?format=html" in page.text and "<textarea" not in page.text.split("<script")[0]


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
