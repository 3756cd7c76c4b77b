"""Dask with real worker processes (LocalCluster(processes=True), 2 workers, 1 thread each): the
same spans as single-process analysis, one Models per worker process, and corpus ingest with the
workers featurising while this process stays the one writer; then `consilience ingest --workers`
end to end on PostgreSQL. All articles are fictional (invented towns, outlets and people)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="dask.distributed not installed")

from corpus_fixtures import gen_articles, write_jsonl  # noqa: E402
from test_dask_matches_single_process import TEXTS  # noqa: E402

from consilience import distributed as cd  # noqa: E402
from consilience.analysis import analyze  # noqa: E402
from consilience.corpus.engine import Corpus  # noqa: E402
from consilience.ingest import load  # noqa: E402
from consilience.model import Analysis, to_dict  # noqa: E402

pytestmark = pytest.mark.e2e  # real Dask worker processes


@pytest.fixture(scope="module")
def client():
    with cd.dask_client(workers=2) as c:
        c.wait_for_workers(2, timeout=120)
        yield c


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("dask_proc")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return [str(root / n) for n in ("ferry.txt", "broken.txt", "ferry2.txt", "council.txt")]


def test_worker_processes_give_the_same_spans(client, texts, models) -> None:
    pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(pids) == 2 and __import__("os").getpid() not in pids  # real processes
    want = [to_dict(an) for an in analyze(load(texts).articles, models)]
    out = client.compute(cd.analyze_bag(cd.load_bag(texts, npartitions=4))).result()
    ok, errors = cd.split_errors(out)
    assert [to_dict(an) for an in ok if isinstance(an, Analysis)] == want
    assert [Path(e.where).name for e in errors] == ["broken.txt"]
    loads = cd.model_loads(client)
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1


def test_reports_from_worker_processes_equal_the_in_process_report(client, tmp_path, models):
    """The analyses come back from the workers pickled (their parses as DocBin bytes): the
    report built from them is byte-identical to the one built in this process, on Dask alone
    and through the corpus (`reports_on_dask` against a local analysis of the same story)."""
    import dask.bag as db

    from consilience.examples import load_event
    from consilience.render import render_report
    from consilience.story.build import compare_analyses

    arts = load_event("brenmouth-fire")
    want = render_report(compare_analyses(analyze(arts, models), models), "json")
    ok, errors = cd.split_errors(
        client.compute(cd.analyze_bag(db.from_sequence(arts, npartitions=2))).result())
    assert not errors and [an.article.id for an in ok] == [a.id for a in arts]
    assert render_report(compare_analyses(ok, models), "json") == want
    with Corpus(tmp_path / "event.db", models=models) as corpus:
        assert {r.status for r in corpus.add_many(arts)} == {"loaded"}
        stories = corpus.stories_with_origins()
        assert stories and cd.reports_on_dask(corpus, stories, client) == len(stories)
        for story in stories:  # the cached (worker-analysed) report, then a local one
            assert corpus.report(story) == corpus.report(story, use_cache=False)


def test_ingest_on_dask_matches_the_serial_writer(client, tmp_path: Path, models) -> None:
    rows = gen_articles(30)
    rows.append({**rows[3], "id": "copy3", "source": "Harbor Ledger"})  # an exact wire copy
    files = [write_jsonl(tmp_path / "a.jsonl", rows[:16]),
             write_jsonl(tmp_path / "b.jsonl", [*rows[16:], {"id": "empty", "text": " "},
                                                {"id": "short", "text": "Too short to place."}])]
    arts = [a for a in load([str(f) for f in files]).articles]
    with Corpus(tmp_path / "serial.db", models=models) as serial:
        want = {r.article: r.status for r in serial.add_many(arts)}
        want_stories = sorted(sorted(s.articles) for s in serial.store.stories())
    with Corpus(tmp_path / "dask.db", models=models) as corpus:
        got = list(cd.ingest_on_dask(corpus, [str(f) for f in files], client, npartitions=2))
        assert {r.article: r.status for r in got if r.article in want} == want
        assert want["short"] == "rejected"  # not featurised on a worker; the writer rejects it
        extra = [r for r in got if r.article not in want]  # the loader's reject, named
        assert [(r.status, Path(r.article).name) for r in extra] == [("rejected", "b.jsonl:16")]
        assert sorted(sorted(s.articles) for s in corpus.store.stories()) == want_stories
        copy = next(r for r in got if r.article == "copy3")
        assert copy.origin == "a3" and copy.similarity == 1.0
        assert corpus.store.count_articles() == 31
        # a second run finds everything stored: duplicates, nothing added
        again = list(cd.ingest_on_dask(corpus, [str(f) for f in files], client))
        assert sorted(r.status for r in again) == ["duplicate"] * 31 + ["rejected"] * 2


def test_cli_ingest_with_worker_processes_on_postgres(pg_dsn: str, tmp_path: Path) -> None:
    rows = gen_articles(5)
    rows.append({**rows[0], "id": "copy0", "source": "Harbor Ledger", "title": "Copy"})
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    p = subprocess.run(
        [sys.executable, "-m", "consilience", "ingest", str(src), str(tmp_path / "gone.txt"),
         "--db", pg_dsn, "--workers", "2", "--analyze", "-q"],
        capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    first = p.stdout.splitlines()[0]
    assert first.startswith("loaded 6, duplicates 0, exact copies 1,"), p.stdout
    assert "rejected 1," in first and "gone.txt" in p.stdout
    listed = subprocess.run([sys.executable, "-m", "consilience", "stories", "--db", pg_dsn,
                             "-f", "json"], capture_output=True, text=True, timeout=120)
    stories = json.loads(listed.stdout)["stories"]
    assert sorted(a for s in stories for a in s["articles"]) == sorted(r["id"] for r in rows)
    import psycopg

    with psycopg.connect(pg_dsn) as con:
        ready = con.execute("SELECT COUNT(*) FROM (SELECT story FROM articles GROUP BY story "
                            "HAVING COUNT(DISTINCT origin) >= 2) t").fetchone()[0]
        cached = con.execute("SELECT COUNT(*) FROM reports WHERE format='json'").fetchone()[0]
    # --analyze: every story with 2+ independent origins got its report, analysed on the workers
    assert ready >= 1 and f"reports computed {ready}" in first and cached == ready


def test_unreachable_scheduler_and_bad_worker_count_are_one_line_errors() -> None:
    with pytest.raises(cd.ScaleOutError) as err:
        cd.open_client("tcp://127.0.0.1:1", timeout="1s")
    assert "tcp://127.0.0.1:1" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(cd.ScaleOutError, match="--workers 0"):
        cd.open_client(None, 0)
