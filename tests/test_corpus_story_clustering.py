"""Story clustering in corpus mode: distinct-but-similar events, bridging merges, stable ids,
the stories JSON schema and the cached story report. Fictional articles only."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np
import typer
from typer.testing import CliRunner

from consilience.cli.corpus import register
from consilience.corpus.cluster import (
    ClusterConfig,
    Decision,
    Features,
    MemoryClusterer,
    components,
    decide,
    featurize,
    pair_score,
    score_matrix,
    split_story,
)
from consilience.corpus.engine import Corpus
from consilience.model import Article


def art(id: str, title: str, text: str, source: str, day: str) -> Article:
    return Article(id=id, title=title, text=text, source=source,
                   published=datetime.fromisoformat(day + "T10:00:00"))


QUAKE_1 = [
    art("q1a", "Strong quake shakes Velmora",
        "A magnitude 6.1 earthquake struck the mountain town of Velmora on Tuesday, injuring 42 "
        "people and collapsing a school gymnasium, governor Ilse Marrow said. Rescuers from "
        "Carridge searched the rubble overnight.", "Harbor Ledger", "2031-03-04"),
    art("q1b", "Velmora earthquake injures dozens",
        "Dozens were hurt when a 6.1-magnitude earthquake hit Velmora, a town in the Norland "
        "highlands. Governor Ilse Marrow said a school gym in Velmora collapsed and 42 people "
        "were treated in hospital.", "Northwind Times", "2031-03-04"),
    art("q1c", "Aftershocks rattle Velmora",
        "Aftershocks kept Velmora residents outdoors a day after the 6.1 earthquake. Governor "
        "Ilse Marrow said the injured now number 42 and that the school gym will be rebuilt.",
        "Valley Post", "2031-03-05"),
]
QUAKE_2 = [
    art("q2a", "Strong quake shakes Dastrek",
        "A magnitude 5.4 earthquake struck the coastal city of Dastrek on Friday, injuring 17 "
        "people and damaging a harbour warehouse, mayor Oren Talvik said. Rescuers searched "
        "the docks overnight.", "Harbor Ledger", "2032-06-11"),
    art("q2b", "Dastrek earthquake injures 17",
        "Seventeen people were hurt when a 5.4-magnitude earthquake hit Dastrek. Mayor Oren "
        "Talvik said a harbour warehouse in Dastrek was damaged.", "Northwind Times",
        "2032-06-11"),
]
REHAB = [
    art("r1a", "Mira Solvane enters Cedar Ridge rehab",
        "Actress Mira Solvane has checked into the Cedar Ridge treatment clinic, her publicist "
        "Dana Fell told the Evening Lantern. Solvane, 34, star of the Glass Orchard films, asked "
        "for privacy.", "Evening Lantern", "2031-05-02"),
    art("r1b", "Solvane in rehab at Cedar Ridge",
        "Mira Solvane, the Glass Orchard actress, entered Cedar Ridge clinic for treatment, "
        "publicist Dana Fell confirmed. Friends of Solvane said her family supported her.",
        "Metro Chronicle", "2031-05-03"),
    art("r2a", "Tobias Quell checks into Lakeview Center",
        "Singer Tobias Quell has checked into the Lakeview Center treatment facility, his "
        "manager Rolf Ambry told the Evening Lantern. Quell, 41, cancelled his Harbour Lights "
        "tour and asked for privacy.", "Evening Lantern", "2031-05-04"),
    art("r2b", "Quell enters Lakeview for treatment",
        "Tobias Quell, the Harbour Lights singer, entered the Lakeview Center for treatment, "
        "manager Rolf Ambry confirmed. Fans of Quell sent messages of support.",
        "Metro Chronicle", "2031-05-04"),
]
ZOO = art("z1", "Snow leopards escape Pellis zoo",
          "Two snow leopards escaped from the Pellis city zoo and were recaptured after forty "
          "minutes, zoo director Hal Brenning told reporters.", "Pellis Courier", "2031-03-06")


def story_sets(c: Corpus) -> dict[int, set[str]]:
    return {s.id: set(s.articles) for s in c.store.stories()}


def test_similar_but_distinct_events_are_two_stories(tmp_path: Path, models) -> None:
    with Corpus(tmp_path / "c.db", models=models) as c:
        res = {r.article: r.story for r in c.add_many(QUAKE_1 + QUAKE_2 + REHAB)}
        sets = sorted(story_sets(c).values(), key=min)
    assert res["q1a"] == res["q1b"] == res["q1c"]
    assert res["q2a"] == res["q2b"] != res["q1a"]  # a year apart: another earthquake
    assert res["r1a"] == res["r1b"]
    assert res["r2a"] == res["r2b"] != res["r1a"]  # another celebrity: another story
    assert sets == sorted([{"q1a", "q1b", "q1c"}, {"q2a", "q2b"}, {"r1a", "r1b"},
                           {"r2a", "r2b"}], key=min)


def test_story_ids_stable_when_unrelated_articles_arrive(tmp_path: Path, models) -> None:
    with Corpus(tmp_path / "c.db", models=models) as c:
        list(c.add_many(QUAKE_1[:2] + REHAB[:2]))
        before = story_sets(c)
        z = c.add(ZOO)
        q = c.add(QUAKE_1[2])
        after = story_sets(c)
    assert z.new_story and z.story not in before
    assert q.story in before and after[q.story] == before[q.story] | {"q1c"}
    for sid, members in before.items():
        assert after[sid] >= members


def test_bridging_article_merges_stories_keeping_older_id(tmp_path: Path, models) -> None:
    # strict thresholds, so the two halves of one event start apart and only the bridge joins them
    cfg = replace(ClusterConfig(), join=0.62, merge=0.62)
    a = art("fa", "Ferry Albatross burns off Port Kelso",
            "The ferry Albatross caught fire off Port Kelso on Sunday and its 300 passengers "
            "were taken off by lifeboats, captain Irma Steen said.", "Harbor Ledger",
            "2031-07-06")
    b = art("fb", "Kelso hospital treats ferry passengers",
            "Doctors at Kelso General treated 40 people for smoke inhalation, chief nurse Pavel "
            "Orrin said, adding that all would recover.", "Metro Chronicle", "2031-07-06")
    bridge = art("fx", "Ferry fire: passengers rescued and treated",
                 a.text + " " + b.text, "Valley Post", "2031-07-06")
    with Corpus(tmp_path / "c.db", models=models, config=cfg) as c:
        ra, rb = c.add(a), c.add(b)
        assert ra.story != rb.story, "test premise: the halves must start as two stories"
        rx = c.add(bridge)
        assert rx.story == min(ra.story, rb.story) and rx.merged == [max(ra.story, rb.story)]
        assert story_sets(c) == {rx.story: {"fa", "fb", "fx"}}
        assert c.store.resolve_story(max(ra.story, rb.story)) == rx.story
        kept, merged, via, _ = c.store.merges()[0]
        assert (kept, merged, via) == (rx.story, max(ra.story, rb.story), "fx")


def test_decide_merges_into_oldest_and_needs_threshold() -> None:
    cfg = ClusterConfig(join=0.5, merge=0.6, w_emb=1.0, w_kw=0.0, w_ent=0.0, w_time=0.0)
    nb = [(7, (0.9, 0, 0, 0)), (3, (0.65, 0, 0, 0)), (5, (0.55, 0, 0, 0))]
    assert decide(nb, cfg) == Decision(3, [7], 0.9)
    assert decide([(4, (0.4, 0, 0, 0))], cfg).story is None
    assert decide([(4, None)], cfg).story is None  # vetoed by dates


def _cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_stories_json_schema_and_text(tmp_path: Path, models) -> None:
    db = tmp_path / "c.db"
    with Corpus(db, models=models) as c:
        list(c.add_many(QUAKE_1 + [ZOO]))
    out = CliRunner().invoke(_cli(), ["stories", "--db", str(db), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["schema"] == "consilience/stories@1"
    assert len(data["stories"]) == 2
    for s in data["stories"]:
        assert set(s) == {"id", "title", "articles", "sources", "first_seen", "last_seen"}
    quake = next(s for s in data["stories"] if "q1a" in s["articles"])
    assert quake["articles"] == ["q1a", "q1b", "q1c"]
    assert quake["sources"] == ["Harbor Ledger", "Northwind Times", "Valley Post"]
    assert quake["first_seen"].startswith("2031-03-04")
    assert quake["last_seen"].startswith("2031-03-05")
    text = CliRunner().invoke(_cli(), ["stories", "--db", str(db)])
    assert "Quake" in text.stdout or "quake" in text.stdout
    bad = CliRunner().invoke(_cli(), ["stories", "--db", str(tmp_path / "none.db")])
    assert bad.exit_code == 2 and "no such corpus database" in bad.output


def test_report_is_cached_until_story_changes(tmp_path: Path, models) -> None:
    db = tmp_path / "c.db"
    with Corpus(db, models=models) as c:
        sid = [r.story for r in c.add_many(QUAKE_1[:2])][0]
        first = c.report(sid, "json")
        data = json.loads(first)
        assert {a["id"] for a in data["articles"]} == {"q1a", "q1b"}
        assert c.store.cached_report(sid, "json", c.store.story(sid).version) == first
        c.add(QUAKE_1[2])
        assert c.store.cached_report(sid, "json", c.store.story(sid).version) is None
        assert {a["id"] for a in json.loads(c.report(sid, "json"))["articles"]} == {
            "q1a", "q1b", "q1c"}
    out = CliRunner().invoke(_cli(), ["report", "999", "--db", str(db)])
    assert out.exit_code == 2 and "story 999" in out.output


def test_same_id_with_other_text_is_rejected_not_overwritten(tmp_path: Path, models) -> None:
    with Corpus(tmp_path / "c.db", models=models) as c:
        c.add(QUAKE_1[0])
        r = c.add(replace(QUAKE_1[0], text=QUAKE_2[0].text))
        assert r.status == "rejected" and "different text" in r.reason
        assert c.store.article("q1a").text == QUAKE_1[0].text
        # same text, same outlet and title under a new id: the same article again
        assert c.add(replace(QUAKE_1[0], id="q1a-again")).status == "duplicate"


def test_http_router_lists_stories_and_adds_articles(tmp_path: Path, models) -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from consilience.corpus.http import make_router

    app = FastAPI()
    app.state.models = models
    app.include_router(make_router(tmp_path / "h.db"))
    client = TestClient(app)
    body = {"articles": [{"id": a.id, "title": a.title, "text": a.text, "source": a.source,
                          "published": a.published.isoformat()} for a in QUAKE_1[:2]]}
    r = client.post("/corpus/articles", json=body)
    assert r.status_code == 200
    assert [x["status"] for x in r.json()["results"]] == ["loaded", "loaded"]
    stories = client.get("/corpus/stories").json()
    assert stories["schema"] == "consilience/stories@1"
    assert stories["stories"][0]["articles"] == ["q1a", "q1b"]
    assert client.post("/corpus/articles", json={"articles": [{"id": "x"}]}).status_code == 422
    assert client.get("/corpus/stories/99/report").status_code == 404


def test_quantized_embedder_is_close_and_leaves_models_alone(models) -> None:
    import numpy as np

    from consilience.corpus.cluster import cheap_embed

    texts = [QUAKE_1[0].title + "\n" + QUAKE_1[0].text, REHAB[0].title + "\n" + REHAB[0].text]
    before = models.embed(texts)
    q = cheap_embed(texts, models, "int8")
    assert q.shape == (2, before.shape[1]) and q.dtype == np.float32
    assert np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-4)
    assert (np.sum(q * before, axis=1) > 0.85).all()  # the same meaning, int8 rounding aside
    assert float(q[0] @ q[1]) < float(q[0] @ q[0]) - 0.2  # still tells texts apart
    assert np.array_equal(models.embed(texts), before)  # the shared float32 embedder untouched


def test_near_verbatim_copy_reuses_stored_embedding(tmp_path: Path, models, monkeypatch) -> None:
    import numpy as np
    import pytest

    from consilience.corpus import cluster

    original = QUAKE_1[0]
    copy = replace(original, id="q1a-wire", source="Wire Digest")
    with Corpus(tmp_path / "c.db", models=models) as c:
        c.add(original)

        def no_embedder(*args, **kwargs):
            raise AssertionError("a near-verbatim copy must not be re-embedded")

        monkeypatch.setattr(cluster, "cheap_embed", no_embedder)
        r = c.add(copy)
        assert r.status == "loaded" and r.story == c.store.story_of("q1a")
        assert r.near_duplicate_of == "q1a"
        blobs = dict(c.store.q("SELECT id, embedding FROM articles", ()))
        assert np.array_equal(np.frombuffer(blobs["q1a-wire"], "float32"),
                              np.frombuffer(blobs["q1a"], "float32"))
        # a different text still goes through the embedder
        with pytest.raises(AssertionError, match="re-embedded"):
            c.add(QUAKE_2[0])


def test_copies_in_one_batch_are_embedded_once(tmp_path: Path, models, monkeypatch) -> None:
    from consilience.corpus import cluster

    seen: list[str] = []
    real = cluster.cheap_embed

    def counting(texts, m, quantized=True):
        seen.extend(texts)
        return real(texts, m, quantized)

    monkeypatch.setattr(cluster, "cheap_embed", counting)
    wire = replace(QUAKE_2[0], id="q2a-wire", source="Wire Digest")
    with Corpus(tmp_path / "c.db", models=models) as c:
        res = {r.article: r for r in c.add_many([QUAKE_2[0], wire, REHAB[0]])}
    assert len(seen) == 2  # the wire copy shares its original's vector
    assert res["q2a-wire"].status == "loaded" and res["q2a-wire"].story == res["q2a"].story
    assert res["r1a"].story != res["q2a"].story


# Two fires at one (fictional) supermarket chain, in two towns, two weeks apart: the topic trap.
FIRE_A = [
    art(f"fa{i}", title, text, src, "2031-03-03") for i, (title, text, src) in enumerate([
        ("Fire guts Halvor Foods store in Kestrel Bay",
         "A fire destroyed the Halvor Foods supermarket in Kestrel Bay overnight. Fire chief "
         "Ansel Varga said the blaze began in the bakery and no one was hurt.", "Harbor Ledger"),
        ("Kestrel Bay supermarket blaze started in bakery",
         "Chief Ansel Varga said the Kestrel Bay fire at Halvor Foods started in a bakery oven. "
         "Forty firefighters fought the flames until dawn.", "Northwind Times"),
        ("Halvor Foods Kestrel Bay store a total loss",
         "The Kestrel Bay branch of Halvor Foods is a total loss after the bakery fire, chief "
         "Ansel Varga said. Staff will move to the Marrow Street branch.", "Valley Post"),
        ("No injuries in Kestrel Bay Halvor fire",
         "Nobody was injured when the Halvor Foods supermarket in Kestrel Bay burned, fire chief "
         "Ansel Varga told reporters beside the bakery ruins.", "Metro Chronicle"),
        ("Kestrel Bay shoppers mourn burned Halvor store",
         "Residents of Kestrel Bay left flowers at the burned Halvor Foods store. Chief Ansel "
         "Varga said the bakery oven fire was an accident.", "Coastal Star"),
    ])
]
FIRE_B = [
    art(f"fb{i}", title, text, src, "2031-03-17") for i, (title, text, src) in enumerate([
        ("Fire hits Halvor Foods store in Amberlow",
         "A fire tore through the Halvor Foods supermarket in Amberlow on Monday. Fire officer "
         "Greta Lund said an electrical fault in the warehouse was to blame.", "Harbor Ledger"),
        ("Amberlow Halvor warehouse fire blamed on wiring",
         "Officer Greta Lund said faulty wiring in the Amberlow warehouse of Halvor Foods caused "
         "Monday's fire. Two workers were treated for smoke.", "Northwind Times"),
        ("Two treated after Amberlow supermarket fire",
         "Two Halvor Foods workers were treated for smoke after the Amberlow warehouse fire, "
         "fire officer Greta Lund said. The store will reopen in May.", "Valley Post"),
        ("Amberlow store to reopen after warehouse fire",
         "Halvor Foods will reopen its Amberlow store in May after the electrical fire in its "
         "warehouse, Greta Lund of the Amberlow fire service said.", "Metro Chronicle"),
        ("Wiring fault behind Amberlow Halvor blaze",
         "An electrical fault started the blaze in the Amberlow Halvor Foods warehouse, officer "
         "Greta Lund said, adding that two staff inhaled smoke.", "Coastal Star"),
    ])
]


def _groups(stories: list[int], ids: list[str]) -> list[set[str]]:
    by: dict[int, set[str]] = {}
    for s, i in zip(stories, ids, strict=True):
        by.setdefault(s, set()).add(i)
    return sorted(by.values(), key=min)


# join low enough that the first Amberlow article lands in the Kestrel Bay story (the structural
# error the split exists for); split_min low enough for ten fictional articles
LOOSE = replace(ClusterConfig(), join=0.2, merge=0.9, split_min=6, split_knn=4)


def test_split_separates_two_similar_events_the_join_merged(models) -> None:
    arts = FIRE_A + FIRE_B
    feats = featurize(arts, models, embedder="int8")
    ids = [a.id for a in arts]
    merged = MemoryClusterer(replace(LOOSE, split=False))
    for f in feats:
        merged.add(f)
    assert len(set(merged.story_of)) == 1, "test premise: without the split, one story"
    c = MemoryClusterer(LOOSE)
    got = [c.add(f) for f in feats]
    assert c.splits >= 1
    assert _groups(c.story_of, ids) == [{a.id for a in FIRE_A}, {a.id for a in FIRE_B}]
    assert got[0] == c.story_of[0] == 1  # the larger (and older) part keeps the first id
    assert got[-1] == c.story_of[-1] != 1  # `add` returns the story after any split


def test_split_leaves_one_event_whole(models) -> None:
    feats = featurize(FIRE_A + FIRE_A[:3], models, embedder="int8")  # copies: one dense group
    c = MemoryClusterer(LOOSE)
    for f in feats:
        c.add(f)
    assert c.splits == 0 and set(c.story_of) == {1}


def test_split_story_needs_two_separated_groups_of_minimum_size() -> None:
    rng = np.random.default_rng(7)
    base_a, base_b = rng.normal(size=384), rng.normal(size=384)

    def feat(base: np.ndarray, kw: list[str]) -> Features:
        v = base + 0.3 * rng.normal(size=384)
        return Features((v / np.linalg.norm(v)).astype("float32"), kw, [], None, [2031])

    cfg = replace(ClusterConfig(), split_min=6, split_part=2, split_knn=4)
    a = [feat(base_a, ["fire", "kestrel"]) for _ in range(8)]
    b = [feat(base_b, ["fire", "amberlow"]) for _ in range(3)]
    one = lambda t: 1.0  # noqa: E731 -- flat idf keeps the arithmetic visible
    assert split_story(a[:5] + b, one, cfg) == [5, 6, 7]  # the smaller group leaves
    assert split_story(b + a[:5], one, cfg) == [0, 1, 2]
    assert split_story(a[:5] + b[:1], one, cfg) is None  # a lone outlier is not a story
    assert split_story(a, one, cfg) is None  # one group: no cut is cheap enough
    assert split_story(a[:5] + b, one, replace(cfg, split_min=10)) is None  # too small to test


def test_score_matrix_matches_pair_score() -> None:
    rng = np.random.default_rng(3)
    feats = []
    for i in range(5):
        v = rng.normal(size=384)
        feats.append(Features((v / np.linalg.norm(v)).astype("float32"),
                              ["fire", f"town{i % 2}", "bakery"][: 2 + i % 2],
                              ["halvor foods", f"chief{i % 3}"], None, [2030 + i % 2]))
    cfg = ClusterConfig()
    idf = lambda t: 1.0 + len(t) / 10  # noqa: E731
    m = score_matrix(feats, idf, cfg)
    for i in range(5):
        for j in range(5):
            want = 0.0 if i == j else pair_score(
                components(feats[i], feats[j], float(feats[i].emb @ feats[j].emb), idf, cfg),
                cfg)
            assert abs(m[i, j] - want) < 1e-5


def test_engine_split_moves_the_smaller_event_to_a_new_story(tmp_path: Path, models) -> None:
    with Corpus(tmp_path / "c.db", models=models, config=LOOSE) as c:
        res = {r.article: r for r in c.add_many(FIRE_A + FIRE_B)}
        sets = sorted(story_sets(c).values(), key=min)
        first = res["fa0"].story
        counts = {s.id: len(s.articles) for s in c.store.stories()}
        n_col = dict(c.store.q("SELECT id, n_articles FROM stories"))
        by_id = story_sets(c)
        splits = c.store.splits()
        seen = {s: c.store.q("SELECT MIN(seen), MAX(seen) FROM articles WHERE story=?", (s,))[0]
                for s in counts}
        dates = {r.id: (r.first_seen, r.last_seen) for r in c.store.stories()}
    assert sets == [{a.id for a in FIRE_A}, {a.id for a in FIRE_B}]
    assert all(res[a.id].story == first for a in FIRE_A)  # the larger part keeps its id
    assert res["fb4"].story != first and by_id[res["fb4"].story] == sets[1]
    assert any(res[a.id].new_story for a in FIRE_B)  # the split reports where it moved one
    assert all(n_col[s] == n for s, n in counts.items())  # story sizes stay in step
    assert splits and splits[0][0] == first and splits[0][1] == res["fb4"].story  # logged
    assert all(dates[s] == seen[s] for s in counts)  # first/last seen follow the members


def test_split_renames_a_story_whose_first_article_moved(tmp_path: Path, models) -> None:
    # the story is founded by an article of the smaller event, which the split moves out
    order = FIRE_B[:1] + FIRE_A + FIRE_B[1:]
    with Corpus(tmp_path / "c.db", models=models, config=LOOSE) as c:
        list(c.add_many(order))
        titles = {s.id: s.title for s in c.store.stories()}
        by_id = story_sets(c)
    story_of = {aid: sid for sid, ids in by_id.items() for aid in ids}
    a_story, b_story = story_of[FIRE_A[0].id], story_of[FIRE_B[0].id]
    assert a_story != b_story, "test premise: the split happened"
    assert by_id[a_story] == {a.id for a in FIRE_A}
    assert titles[a_story] in {a.title for a in FIRE_A}
    assert titles[b_story] in {a.title for a in FIRE_B}
