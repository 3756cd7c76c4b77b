"""HTTP limits and headers: 413 before the body is read, 408 for slow bodies, slow headers cut
off, security headers, offline /docs, unpaired surrogates as one-line 422s (also in corpus mode)."""

from __future__ import annotations

import json
import socket
import time

import pytest
from fastapi.testclient import TestClient
from http_server import running

from consilience.http import create_app

LIMIT = 4096


@pytest.fixture(scope="module")
def app(models, tmp_path_factory):
    from consilience.corpus.http import make_router

    db = tmp_path_factory.mktemp("corpus") / "c.db"
    return create_app(models=models, preload=False, max_body=LIMIT, body_timeout=1.0,
                      routers=[make_router(db)])


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def server(app):
    with running(app, header_timeout=0.5) as url:
        yield url.rsplit(":", 1)[1]


def _raw(port: str, head: bytes, body_chunks=(), pause: float = 0.0) -> bytes:
    with socket.create_connection(("127.0.0.1", int(port)), timeout=10) as s:
        s.sendall(head)
        for chunk in body_chunks:
            try:
                s.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            time.sleep(pause)
        out = b""
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    break
                out += data
        except (ConnectionResetError, TimeoutError):
            pass
        return out


def test_declared_oversize_is_413_before_the_body(server):
    # 200 MB announced, none of it sent: the answer must come without waiting for the body
    head = (b"POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 209715200\r\n\r\n")
    t0 = time.monotonic()
    out = _raw(server, head)
    assert out.startswith(b"HTTP/1.1 413"), out[:200]
    assert time.monotonic() - t0 < 5
    assert b"larger than" in out and b"x-content-type-options: nosniff" in out.lower()


def test_streamed_oversize_is_413_while_counting(server):
    head = (b"POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"400\r\n" + b"a" * 1024 + b"\r\n"
    out = _raw(server, head, [chunk] * 64)  # 64 KiB offered against a 4 KiB limit
    assert out.startswith(b"HTTP/1.1 413"), out[:200]


def test_slow_body_is_408(server):
    head = (b"POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100\r\n\r\n")
    out = _raw(server, head, [b"{"], pause=2.5)
    assert out.startswith(b"HTTP/1.1 408"), out[:200]


def test_slow_headers_are_cut_off(server):
    t0 = time.monotonic()
    out = _raw(server, b"GET /health HTTP/1.1\r\nHost: x\r\n", [b"X-Slow: 1\r\n"] * 5,
               pause=0.4)
    assert out == b"" and time.monotonic() - t0 < 5


def test_health_over_a_real_connection(server):
    out = _raw(server, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert out.startswith(b"HTTP/1.1 200") and b'"status":"ok"' in out


def test_corpus_router_has_the_same_body_limit(client):
    big = {"articles": [{"text": "x" * (LIMIT + 10)}]}
    r = client.post("/corpus/articles", content=json.dumps(big),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413 and "larger than" in r.json()["detail"]


@pytest.mark.parametrize("path", ["/compare", "/analyze", "/corpus/articles"])
def test_lone_surrogate_is_one_line_422(client, path):
    raw = b'{"articles": [{"title": "Ferry", "text": "Bad byte \\udcff here."}]}'
    r = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert "articles.0.text" in detail and "unicode" in detail and "\n" not in detail


def test_security_headers_on_the_page(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/health").headers["x-content-type-options"] == "nosniff"


def test_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    srcs = [part.split('"')[1] for part in page.text.split("src=")[1:]] + \
        [part.split('"')[1] for part in page.text.split("href=")[1:]]
    assert srcs and all(not s.startswith(("http:", "https:", "//")) for s in srcs), srcs
    for asset in srcs:
        assert client.get(asset).status_code == 200, asset
    assert client.get("/openapi.json").json()["info"]["title"] == "consilience"


def test_small_body_sent_slowly_is_cut_early(models, monkeypatch):
    import consilience.web.limits as limits

    monkeypatch.setattr(limits, "BODY_GRACE", 1.0)
    app = create_app(models=models, preload=False)  # the default 60 s cap for a whole body
    with running(app) as url:
        head = (b"POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000\r\n\r\n")
        t0 = time.monotonic()
        out = _raw(url.rsplit(":", 1)[1], head, [b" "] * 8, pause=0.5)
        assert out.startswith(b"HTTP/1.1 408"), out[:200]
        assert time.monotonic() - t0 < 6
