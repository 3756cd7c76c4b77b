"""End-to-end scoring of claim alignment on the bundled example events and the acceptance seeds.

For each bundled event, runs `consilience.compare` and scores the report against answers.json:
corroborated recall (items / phrase pairs in one corroborated-or-conflicting fact), conflict
recall by kind (a conflict is also found by the spans of its reported values, for speakers named
outside every claim), and false corroborations (a corroborated fact over a single_source phrase, or one
fact joining two different answers items), and false conflicts (a conflict on the fact of a
corroborated item that no planted conflict of that kind explains). With `--seeds DIR`, also checks a short hand-written
list of seed phrase pairs (<= 8 words each; the seed text itself is never stored here).

    python bench/examples_eval.py [--seeds ../shared/seeds] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

from consilience.model import Claim, Fact, Report

# (phrase in seed 000, phrase in seed 001, should they be in one fact?)
SEED_PAIRS: list[tuple[str, str, bool]] = [
    ("injured by mines they were planting", "casualties among North Korean soldiers", True),
    ("injured by mines they were planting", "engaged in various activities along the border", False),
    ("set to conduct a state visit", "made a rare visit to North Korea", True),
    ("nearly a quarter-century ago", "first trip to North Korea in 24 years", True),
    ("several dozen North Korean soldiers crossed", "around 30 North Korean soldiers", True),
    ("partnership agreement may be signed", "partnership agreement will be signed", True),
    ("is part of Western sanctions against Moscow", "facing isolation from Western sanctions", False),
    ("is part of Western sanctions against Moscow", "portray Kim Jong Un as a global", False),
    ("Pentagon accused Moscow last week", "critical source of military support", False),
    ("used its veto at the UN", "remains under U.N. Security Council sanctions", False),
    # added 2026-11-23 (alignment recall round): three true agreements the engine missed, and
    # near-misses of one topic (Security Council, sanctions, military aid, visits) that must not join
    ("second such incursion in less than two weeks", "for the second time this month", True),
    ("before retreating under South's warning shots",
     "These soldiers retreated to the North Korean side", True),
    ("and expressed gratitude for it", "expressed gratitude for North Korea's support", True),
    ("used its veto at the UN Security Council", "must not violate U.N. Security Council resolutions",
     False),
    ('now "violates" sanctions imposed on North Korea',
     "must not violate U.N. Security Council resolutions", False),
    ("closely monitoring the preparations", "conveying this message to Russia ahead of", False),
    ("Yoon Suk Yeol visited last month", "following his visit to Russia's Far East", False),
    ("Seoul has provided significant military aid", "critical source of military support for Russia's",
     False),
]
GOOD = ("corroborated", "conflicting")


def _norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(s.lower().split())


def locate(text: str, phrase: str) -> tuple[int, int] | None:
    """Character range of `phrase` in `text` (case, quote style and spacing ignored)."""
    i = text.find(phrase)
    if i >= 0:
        return i, i + len(phrase)
    # build a normalised copy that remembers original offsets
    chars, offs = [], []
    prev_space = False
    for k, ch in enumerate(text):
        n = _norm(ch) if not ch.isspace() else " "
        if n == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = False
        chars.append(n or ch)
        offs.append(k)
    flat = "".join(chars)
    j = flat.find(_norm(phrase))
    if j < 0:
        return None
    return offs[j], offs[min(j + len(_norm(phrase)), len(offs)) - 1] + 1


class Index:
    """Phrase -> the claim that covers most of it, and claim id -> its fact."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.text = {a.id: a.text for a in report.articles}
        self.fact_of: dict[str, Fact] = {c.id: f for f in report.facts for c in f.claims}
        self.claims: dict[str, list[Claim]] = {}
        for f in report.facts:
            for c in f.claims:
                self.claims.setdefault(c.span.article, []).append(c)
        self.missing: list[str] = []

    def claim(self, article: str, phrase: str) -> Claim | None:
        rng = locate(self.text.get(article, ""), phrase)
        if rng is None:
            self.missing.append(f"{article}: {phrase[:50]}")
            return None
        best, best_ov = None, 0
        for c in self.claims.get(article, []):
            ov = min(c.span.end, rng[1]) - max(c.span.start, rng[0])
            if ov > best_ov:
                best, best_ov = c, ov
        return best

    def conflict_at(self, kind: str, values: dict[str, str]) -> Fact | None:
        """A fact with a `kind` conflict that has a value overlapping every answer phrase."""
        want = []
        for f, p in values.items():
            rng = locate(self.text.get(_stem(f), ""), p)
            if rng is None:
                return None
            want.append((_stem(f), rng))
        for fact in self.report.facts:
            for cf in fact.conflicts:
                if cf.kind == kind and all(
                        any(v.span.article == a and v.span.start < e and s < v.span.end
                            for v in cf.values) for a, (s, e) in want):
                    return fact
        return None

    def fact(self, c: Claim | None) -> Fact | None:
        return self.fact_of.get(c.id) if c is not None else None


def _stem(name: str) -> str:
    return Path(name).stem


def score_event(report: Report, ans: dict[str, Any]) -> dict[str, Any]:
    """Scores of one report against its answers (see the module docstring)."""
    ix = Index(report)
    out: dict[str, Any] = {"corr_items": 0, "corr_items_hit": 0, "corr_pairs": 0,
                           "corr_pairs_hit": 0, "conflicts": {}, "false_single": [],
                           "false_join": [], "misses": [], "false_conflicts": []}
    item_claims: list[list[Claim]] = []
    planted: set[tuple[int, str]] = set()  # (fact, kind) of every recalled planted conflict
    for item in ans.get("corroborated", []):
        cl = [ix.claim(_stem(f), p) for f, p in item["phrases"].items()]
        cl = [c for c in cl if c is not None]
        item_claims.append(cl)
        facts = {id(ix.fact(c)) for c in cl}
        out["corr_items"] += 1
        ok = len(facts) == 1 and len(cl) == len(item["phrases"]) and ix.fact(cl[0]).status in GOOD
        out["corr_items_hit"] += int(ok)
        if not ok:
            out["misses"].append(f"corroborated: {item['description']}")
        for a, b in combinations(cl, 2):
            if a.span.article == b.span.article:
                continue
            out["corr_pairs"] += 1
            fa = ix.fact(a)
            out["corr_pairs_hit"] += int(fa is ix.fact(b) and fa is not None and fa.status in GOOD)
    for item in ans.get("conflicts", []):
        kind = item["kind"]
        tot = out["conflicts"].setdefault(kind, [0, 0])
        tot[0] += 1
        if kind == "attribution":
            # a quote credited to two speakers is flagged on the story quote, not on a fact
            q = _norm(item.get("quote", ""))
            hit = any(q and q[:40] in _norm(sq.text) and "speaker_differs" in sq.flags
                      for sq in report.quotes)
        else:
            cl = [ix.claim(_stem(f), p) for f, p in item["values"].items()]
            cl = [c for c in cl if c is not None]
            item_claims.append(cl)
            facts = {id(ix.fact(c)) for c in cl}
            f0 = ix.fact(cl[0]) if cl else None
            hit = (len(facts) == 1 and f0 is not None
                   and any(cf.kind == kind for cf in f0.conflicts))
            for c in cl:
                if ix.fact(c) is not None:
                    planted.add((id(ix.fact(c)), kind))
            # a conflict whose values lie outside every claim (the two speakers named before
            # one statement) is found the way the report shows it: by its values' spans
            at = ix.conflict_at(kind, item["values"])
            if at is not None:
                planted.add((id(at), kind))
            hit = hit or at is not None
        tot[1] += int(hit)
        if not hit:
            out["misses"].append(f"conflict/{kind}: {item['description']}")
    # a conflict on the fact of a corroborated item that no planted conflict explains is a
    # false conflict: the sources agree there, and the report says they disagree
    seen_facts: set[int] = set()
    for item, cl in zip(ans.get("corroborated", []), item_claims, strict=False):
        for f in {id(ix.fact(c)): ix.fact(c) for c in cl}.values():
            if f is None or id(f) in seen_facts:
                continue
            seen_facts.add(id(f))
            for cf in f.conflicts:
                if (id(f), cf.kind) not in planted:
                    out["false_conflicts"].append(
                        f"{cf.severity}/{cf.kind} on '{item['description']}': "
                        + " || ".join(v.text[:50] for v in cf.values))
    single_ids = set()
    for item in ans.get("single_source", []):
        c = ix.claim(_stem(item["file"]), item["phrase"])
        if c is not None:
            single_ids.add(c.id)
            f = ix.fact(c)
            if f is not None and f.status == "corroborated":
                out["false_single"].append(" || ".join(x.text[:70] for x in f.claims))
    for i, j in combinations(range(len(item_claims)), 2):
        fi = {id(ix.fact(c)): ix.fact(c) for c in item_claims[i]}
        fj = {id(ix.fact(c)) for c in item_claims[j]}
        for k in set(fi) & fj:
            f = fi[k]
            if f is not None and f.status in GOOD:
                own = {c.id for c in item_claims[i]} & {c.id for c in item_claims[j]}
                if not own:  # the two items' phrases are not in one shared claim
                    out["false_join"].append(" || ".join(x.text[:70] for x in f.claims))
    out["unlocated"] = ix.missing
    return out


def score_seeds(report: Report) -> dict[str, Any]:
    # ids are content hashes: order the two articles by their file names
    ids = [a.id for a in sorted(report.articles, key=lambda a: a.origin_path or a.id)]
    ix = Index(report)
    res = []
    for pa, pb, want in SEED_PAIRS:
        ca, cb = ix.claim(ids[0], pa), ix.claim(ids[1], pb)
        fa, fb = ix.fact(ca), ix.fact(cb)
        got = fa is not None and fa is fb
        res.append({"a": pa, "b": pb, "want": want, "got": got})
    return {"pairs": res, "unlocated": ix.missing,
            "true_hit": sum(r["got"] for r in res if r["want"]),
            "true_total": sum(1 for r in res if r["want"]),
            "false_hit": sum(r["got"] for r in res if not r["want"]),
            "false_total": sum(1 for r in res if not r["want"])}


def run(seeds: str | None = None, models: Any = None) -> dict[str, Any]:
    import consilience
    from consilience.examples import answers, events, load_event
    from consilience.resources import Models

    models = models or Models()
    out: dict[str, Any] = {"events": {}}
    for ev in events():
        report = consilience.compare(load_event(ev), models=models)
        out["events"][ev] = score_event(report, answers(ev))
    if seeds:
        paths = sorted(str(p) for p in Path(seeds).glob("*.txt"))
        out["seeds"] = score_seeds(consilience.compare(paths, models=models))
    return out


def totals(res: dict[str, Any]) -> dict[str, Any]:
    t: dict[str, Any] = {"corr_items": 0, "corr_items_hit": 0, "corr_pairs": 0,
                         "corr_pairs_hit": 0, "false_single": 0, "false_join": 0,
                         "false_conflicts": 0,
                         "conflicts": {}}
    for ev in res["events"].values():
        for k in ("corr_items", "corr_items_hit", "corr_pairs", "corr_pairs_hit"):
            t[k] += ev[k]
        t["false_single"] += len(ev["false_single"])
        t["false_join"] += len(ev["false_join"])
        t["false_conflicts"] += len(ev["false_conflicts"])
        for kind, (n, h) in ev["conflicts"].items():
            tk = t["conflicts"].setdefault(kind, [0, 0])
            tk[0] += n
            tk[1] += h
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", help="folder with the two seed reports (*.txt)")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false joins")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field for this run, e.g. --set learned=true")
    args = ap.parse_args(argv)
    if args.set:
        sys.path.insert(0, str(Path(__file__).parent))
        from basil_eval import _override_align

        _override_align(args.set)
    if args.seeds and not Path(args.seeds).is_dir():
        print(f"error: {args.seeds}: not a folder", file=sys.stderr)
        return 2
    res = run(args.seeds)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print("| event | corr. items | corr. pairs | conflicts (hit/total) | false corr. (single/join) "
          "| false conflicts |")
    print("|---|---|---|---|---|---|")
    for ev, r in res["events"].items():
        conf = ", ".join(f"{k} {h}/{n}" for k, (n, h) in sorted(r["conflicts"].items()))
        print(f"| {ev} | {r['corr_items_hit']}/{r['corr_items']} | "
              f"{r['corr_pairs_hit']}/{r['corr_pairs']} | {conf} | "
              f"{len(r['false_single'])}/{len(r['false_join'])} | {len(r['false_conflicts'])} |")
    t = totals(res)
    conf = ", ".join(f"{k} {h}/{n}" for k, (n, h) in sorted(t["conflicts"].items()))
    print(f"| **all** | {t['corr_items_hit']}/{t['corr_items']} | "
          f"{t['corr_pairs_hit']}/{t['corr_pairs']} | {conf} | "
          f"{t['false_single']}/{t['false_join']} | {t['false_conflicts']} |")
    if "seeds" in res:
        s = res["seeds"]
        print(f"\nseeds: true pairs aligned {s['true_hit']}/{s['true_total']}, "
              f"false pairs aligned {s['false_hit']}/{s['false_total']}")
    if args.verbose:
        for ev, r in res["events"].items():
            for m in r["misses"]:
                print(f"  {ev} MISS {m}")
            for m in r["false_single"]:
                print(f"  {ev} FALSE-SINGLE {m}")
            for m in r["false_join"]:
                print(f"  {ev} FALSE-JOIN {m}")
            for m in r["false_conflicts"]:
                print(f"  {ev} FALSE-CONFLICT {m}")
            for m in r["unlocated"]:
                print(f"  {ev} UNLOCATED {m}")
        if "seeds" in res:
            for p in res["seeds"]["pairs"]:
                flag = "ok " if p["want"] == p["got"] else "BAD"
                print(f"  seeds {flag} want={p['want']} got={p['got']}: {p['a']} | {p['b']}")
            for m in res["seeds"]["unlocated"]:
                print(f"  seeds UNLOCATED {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
