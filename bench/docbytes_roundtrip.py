"""Cost and fidelity of carrying an article's parse across a process boundary (pickle, as Dask
and the bench caches do): bytes per article, time to pickle and unpickle, and how many tokens
read back a different word form (lower_, is_stop, like_num, ...) than the live parse.

Usage:
    python bench/docbytes_roundtrip.py                      # the bundled example events
    python bench/docbytes_roundtrip.py ../shared/devdata/ecbplus/articles.jsonl --n 300
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import time

ATTRS = ("lower_", "lemma_", "norm_", "shape_", "pos_", "tag_", "dep_", "ent_type_",
         "is_stop", "like_num", "is_alpha", "is_punct", "is_space", "is_quote", "is_title",
         "is_sent_start", "whitespace_")


def _articles(paths: list[str], n: int) -> list:
    from consilience.model import Article

    if not paths:
        from consilience.examples import events, load_event

        return [a for ev in events() for a in load_event(ev)][:n]
    arts = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    arts.append(Article(id=str(rec.get("id", len(arts))), text=rec["text"]))
                if len(arts) >= n:
                    return arts
    return arts


def _bare_restore(data: bytes):
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    data = data.partition(b"\n")[2] if data.startswith(b"consilience-doc/") else data
    return next(iter(DocBin().from_bytes(data).get_docs(Vocab())))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="*", help="JSONL files with a `text` field (default: examples)")
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from consilience.analysis import analyze
    from consilience.docbytes import doc_from_bytes, doc_to_bytes
    from consilience.resources import Models

    models = Models()
    analyses = [an for an in analyze(_articles(args.data, args.n), models) if an.doc is not None]
    tokens = sum(len(an.doc) for an in analyses)
    doc_bytes = [len(doc_to_bytes(an.doc)) for an in analyses]
    blobs = [pickle.dumps(an) for an in analyses]
    dumps, loads = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        blobs = [pickle.dumps(an) for an in analyses]
        t1 = time.perf_counter()
        back = [pickle.loads(b) for b in blobs]
        t2 = time.perf_counter()
        dumps.append((t1 - t0) / len(analyses))
        loads.append((t2 - t1) / len(analyses))
    bad = {a: 0 for a in ATTRS}
    for an, re in zip(analyses, back, strict=True):
        for t, u in zip(an.doc, re.doc, strict=True):
            for a in ATTRS:
                bad[a] += getattr(t, a) != getattr(u, a)
    n = len(analyses)
    print(f"{n} articles, {tokens / n:.0f} tokens on average")
    print(f"parse bytes per article (DocBin): {statistics.mean(doc_bytes):.0f} "
          f"(whole pickled Analysis: {statistics.mean(len(b) for b in blobs):.0f})")
    print(f"pickle per article: {statistics.median(dumps) * 1e3:.2f} ms, "
          f"unpickle per article: {statistics.median(loads) * 1e3:.2f} ms "
          f"(median of {args.rounds} rounds; first round {dumps[0] * 1e3:.2f} / "
          f"{loads[0] * 1e3:.2f} ms)")
    # the restore alone, interleaved with the pre-fix way (a bare Vocab: no lexical attributes),
    # so that load from other jobs falls on both alike
    raw = [doc_to_bytes(an.doc) for an in analyses]
    bare_t, now_t = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for b in raw:
            _bare_restore(b)
        t1 = time.perf_counter()
        for b in raw:
            doc_from_bytes(b)
        t2 = time.perf_counter()
        bare_t.append((t1 - t0) / len(raw))
        now_t.append((t2 - t1) / len(raw))
    print(f"restore a parse per article: {statistics.median(now_t) * 1e3:.2f} ms "
          f"(into a bare Vocab, as before the fix: {statistics.median(bare_t) * 1e3:.2f} ms)")
    wrong = {a: k for a, k in bad.items() if k}
    print(f"token attributes reading back a different value: {sum(wrong.values())} "
          f"({len(ATTRS)} attributes x {tokens} tokens checked)" + (f" {wrong}" if wrong else ""))


if __name__ == "__main__":
    main()
