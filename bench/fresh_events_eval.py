"""Ten fresh fictional multi-outlet events, each with traps: run `compare` once and count the traps
fallen into. Written for issue 9 and NOT to be tuned on: run it once, at the end, and report.

Each folder in bench/fresh_events/ holds 2-4 articles (plain text: title, outlet, date line, body)
and an answers.json:

- `corroborated`: phrases (file -> phrase) that must end in one fact, `corroborated` or
  `conflicting` (agreeing sources that differ on a detail);
- `conflicts`: phrases that must be values or claims of one conflict of the given `kind`;
- `kept_apart`: two phrases that must not be in one fact, nor be values of one conflict (a
  demand beside an offer, the day a road closed beside the day it reopens);
- `no_conflict`: two phrases that must not be values of one conflict, though their sentences
  may well be one fact (an age beside a contract length, killed beside injured, a percentage
  beside a count);
- `one_source`: phrases of two articles of ONE outlet: their fact must not be `corroborated`
  on those two alone (articles of one outlet are one source);
- `same_entity` / `different_entity`: name forms (file -> form) that must / must not resolve to
  one entity (a nickname and the full name; a father and a son of one name).

Every item with `"trap": true` is a trap; the score is the number of traps fallen into, per
event and in total (target 0). The other items are reported as found / missed.

    python bench/fresh_events_eval.py [--dir PATH] [--events a,b] [--json]
    python bench/fresh_events_eval.py --dir bench/fresh_events2 --check
    python bench/fresh_events_eval.py --dir bench/fresh_events5 --check  # fifth set (round 15)
    python bench/fresh_events_eval.py --dir bench/fresh_events2 --peer [--set NAME=VALUE]

`--dir` names the set (default bench/fresh_events; bench/fresh_events2 is the second held-out
set, see its README). `--check` runs no engine: it only verifies that every phrase of every
answers.json is found exactly once in its article file (the scorer's own `locate`, on the file
as read from disk), and exits 1 if one is missing or ambiguous. `--set NAME=VALUE` overrides one
`AlignParams` field for the run, as in basil_eval.py. `--peer` also scores the plain sentence
baseline (`bench/peer_sentences.py`) on the same articles in the same run (it states no conflicts
and finds no entities, so its conflict and entity items read as missed or, for traps, as kept).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "fresh_events"
# the phrase locator is the bundled-events evaluation's own (bench/ is on sys.path when run)
from examples_eval import GOOD, locate  # noqa: E402


def _overlaps(span: Any, art: str, rng: tuple[int, int]) -> bool:
    return span.article == art and span.start < rng[1] and rng[0] < span.end


class Checker:
    def __init__(self, report: Any) -> None:
        self.report = report
        self.text = {a.id: a.text for a in report.articles}
        self.unlocated: list[str] = []

    def where(self, file: str, phrase: str) -> tuple[str, tuple[int, int]] | None:
        art = Path(file).stem
        rng = locate(self.text.get(art, ""), phrase)
        if rng is None:
            self.unlocated.append(f"{file}: {phrase[:60]}")
            return None
        return art, rng

    def facts_over(self, file: str, phrase: str) -> list[Any]:
        w = self.where(file, phrase)
        if w is None:
            return []
        return [f for f in self.report.facts if any(_overlaps(c.span, *w) for c in f.claims)]

    def conflicts_covering(self, places: list[tuple[str, tuple[int, int]]]) -> list[tuple[Any, Any]]:
        """(fact, conflict) pairs whose values, or the fact's claims, cover every place."""
        out = []
        for f in self.report.facts:
            for cf in f.conflicts:
                spans = [v.span for v in cf.values] + [c.span for c in f.claims]
                if all(any(_overlaps(s, *p) for s in spans) for p in places):
                    out.append((f, cf))
        return out

    def entities_of(self, file: str, form: str) -> set[str]:
        w = self.where(file, form)
        if w is None:
            return set()
        return {e.id for e in self.report.entities if any(_overlaps(m, *w) for m in e.mentions)}

    # one function per item kind: (ok, why)
    def corroborated(self, it: dict) -> tuple[bool, str]:
        sets = [{id(f) for f in self.facts_over(fl, p)} for fl, p in it["phrases"].items()]
        if not all(sets):
            return False, "a phrase has no claim"
        common = set.intersection(*sets)
        good = [f for f in self.report.facts if id(f) in common and f.status in GOOD]
        return (True, "") if good else (False, "not one corroborated fact")

    def conflicts(self, it: dict) -> tuple[bool, str]:
        places = [w for fl, p in it["values"].items() if (w := self.where(fl, p))]
        if len(places) < len(it["values"]):
            return False, "a value phrase is not in its article"
        found = self.conflicts_covering(places)
        if any(cf.kind == it["kind"] for _, cf in found):
            return True, ""
        kinds = sorted({cf.kind for _, cf in found})
        return False, f"found as {kinds}" if kinds else "no conflict"

    def kept_apart(self, it: dict) -> tuple[bool, str]:
        (fa, pa), = it["a"].items()
        (fb, pb), = it["b"].items()
        a, b = self.where(fa, pa), self.where(fb, pb)
        if a is None or b is None:
            return False, "phrase not in its article"
        if {id(f) for f in self.facts_over(fa, pa)} & {id(f) for f in self.facts_over(fb, pb)}:
            return False, "both in one fact"
        return self.no_conflict(it)

    def no_conflict(self, it: dict) -> tuple[bool, str]:
        (fa, pa), = it["a"].items()
        (fb, pb), = it["b"].items()
        a, b = self.where(fa, pa), self.where(fb, pb)
        if a is None or b is None:
            return False, "phrase not in its article"
        for f in self.report.facts:
            for cf in f.conflicts:
                if all(any(_overlaps(v.span, *p) for v in cf.values) for p in (a, b)):
                    return False, f"set against each other as a {cf.kind} conflict"
        return True, ""

    def one_source(self, it: dict) -> tuple[bool, str]:
        files = list(it["phrases"])
        arts = {Path(f).stem for f in files}
        sets = [{id(f) for f in self.facts_over(fl, p)} for fl, p in it["phrases"].items()]
        for f in self.report.facts:
            if all(id(f) in s for s in sets) and f.status == "corroborated" and all(
                    c.span.article in arts for c in f.claims):
                return False, "two articles of one outlet counted as two sources"
        return True, ""

    def same_entity(self, it: dict) -> tuple[bool, str]:
        sets = [self.entities_of(fl, form) for fl, form in it["forms"].items()]
        if not all(sets):
            return False, "a form has no entity"
        return (True, "") if set.intersection(*sets) else (False, "different entities")

    def different_entity(self, it: dict) -> tuple[bool, str]:
        a = set().union(*(self.entities_of(fl, x) for fl, x in it["a"].items()))
        b = set().union(*(self.entities_of(fl, x) for fl, x in it["b"].items()))
        if not a or not b:
            return False, "a side has no entity"
        return (False, "merged into one entity") if a & b else (True, "")


KINDS = ("corroborated", "conflicts", "kept_apart", "no_conflict", "one_source", "same_entity",
         "different_entity")


def load_articles(folder: Path) -> list[Any]:
    from consilience.ingest import load

    paths = sorted(p for p in folder.iterdir() if p.name != "answers.json" and p.is_file())
    loaded = load([str(p) for p in paths])
    if loaded.errors:
        raise SystemExit(f"{folder}: " + "; ".join(str(e) for e in loaded.errors))
    by_path = {Path(a.origin_path).name if a.origin_path else a.id: a for a in loaded.articles}
    return [dataclasses.replace(by_path[p.name], id=p.stem) for p in paths]


def item_phrases(it: dict) -> list[tuple[str, str]]:
    """(file, phrase) of every phrase or name form an answers.json item names."""
    return [(fl, p) for key in ("phrases", "values", "forms", "a", "b")
            for fl, p in it.get(key, {}).items()]


def check_folder(folder: Path) -> list[str]:
    """Problems of one event folder's answers.json, found without running the engine: a phrase
    whose file is missing, that is not in its file, or that is in it more than once."""
    answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
    problems = []
    for kind in KINDS:
        for it in answers.get(kind, []):
            for fl, phrase in item_phrases(it):
                where = f"{folder.name}/{fl} {kind}:{it.get('id')}: {phrase[:60]!r}"
                path = folder / fl
                if not path.is_file():
                    problems.append(f"{where}: no such file")
                    continue
                text = path.read_text(encoding="utf-8")
                rng = locate(text, phrase)
                if rng is None:
                    problems.append(f"{where}: not found")
                elif locate(text[rng[1]:], phrase) is not None:
                    problems.append(f"{where}: found more than once")
    return problems


def score(report: Any, answers: dict) -> dict[str, Any]:
    ck = Checker(report)
    items = []
    for kind in KINDS:
        for it in answers.get(kind, []):
            ok, why = getattr(ck, kind)(it)
            items.append({"kind": kind, "id": it["id"], "trap": bool(it.get("trap")), "ok": ok,
                          "why": why})
    return {"items": items, "unlocated": ck.unlocated,
            "traps": sum(i["trap"] for i in items),
            "fallen": [i for i in items if i["trap"] and not i["ok"]]}


def peer_report(articles: list[Any], models: Any) -> Any:
    """The plain sentence baseline's report on these articles, as objects the Checker reads."""
    from types import SimpleNamespace as NS

    import peer_sentences

    d = peer_sentences.sentence_report({a.id: a.text for a in articles}, models)
    facts = [NS(status=f["status"], conflicts=[],
                claims=[NS(span=NS(article=c["article"], start=c["start"], end=c["end"]))
                        for c in f["claims"]]) for f in d["facts"]]
    return NS(articles=articles, facts=facts, entities=[])


def tally_kinds(results: dict[str, Any]) -> str:
    """found/total per item kind, traps kept (not fallen into) and other items apart."""
    per: dict[str, list[int]] = {}
    for r in results.values():
        for i in r["items"]:
            key = f"{i['kind']}{' (trap)' if i['trap'] else ''}"
            per.setdefault(key, [0, 0])
            per[key][0] += int(i["ok"])
            per[key][1] += 1
    return ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(per.items()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field for this run")
    ap.add_argument("--peer", action="store_true",
                    help="also score the plain sentence baseline on the same articles")
    ap.add_argument("--events", default=None, help="comma-separated folder names (default: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dir", type=Path, default=HERE,
                    help="folder of event folders (default: bench/fresh_events)")
    ap.add_argument("--check", action="store_true",
                    help="only check that every phrase is in its article file exactly once "
                         "(no engine run)")
    args = ap.parse_args()
    root = args.dir.resolve()
    if not root.is_dir():
        print(f"{root}: not a folder", file=sys.stderr)
        return 2
    names = args.events.split(",") if args.events else sorted(
        p.name for p in root.iterdir() if (p / "answers.json").is_file())
    for name in names:
        if not (root / name / "answers.json").is_file():
            print(f"{root / name}: no answers.json", file=sys.stderr)
            return 2
    if args.check:
        problems = [p for name in names for p in check_folder(root / name)]
        n = sum(len(item_phrases(it))
                for name in names
                for kind, items in json.loads(
                    (root / name / "answers.json").read_text(encoding="utf-8")).items()
                if kind in KINDS for it in items)
        for p in problems:
            print(p)
        print(f"{root.name}: {len(names)} events, {n} phrases, {len(problems)} problems")
        return 1 if problems else 0
    from basil_eval import _override_align

    import consilience
    from consilience.resources import Models

    _override_align(args.set)
    models = Models()
    results = {}
    peer = {}
    for name in names:
        folder = root / name
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        articles = load_articles(folder)
        report = consilience.compare(articles, models=models)
        results[name] = score(report, answers)
        if args.peer:
            peer[name] = score(peer_report(articles, models), answers)
    if args.json:
        print(json.dumps({"engine": results, "peer": peer} if args.peer else results, indent=1))
        return 0
    total_traps = total_fallen = 0
    for name, r in results.items():
        total_traps += r["traps"]
        total_fallen += len(r["fallen"])
        found = sum(i["ok"] for i in r["items"] if not i["trap"])
        n = sum(1 for i in r["items"] if not i["trap"])
        print(f"{name}: traps fallen into {len(r['fallen'])}/{r['traps']}; other items {found}/{n}")
        for i in r["items"]:
            if not i["ok"]:
                print(f"   {'TRAP' if i['trap'] else 'miss'} {i['kind']}:{i['id']} ({i['why']})")
        for u in r["unlocated"]:
            print(f"   UNLOCATED {u}")
    print(f"total: traps fallen into {total_fallen}/{total_traps}")
    print(f"engine per kind: {tally_kinds(results)}")
    if args.peer:
        fallen = sum(len(r["fallen"]) for r in peer.values())
        print(f"peer (sentences, mutual nearest cosine): traps fallen into {fallen}/{total_traps}")
        print(f"peer per kind: {tally_kinds(peer)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
