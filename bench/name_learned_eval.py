"""Leave-one-set-out evaluation of the learned person-name matcher (`story.namelearn`).

For each spent fresh set (bench/fresh_events2..9): train the matcher on every training source
except that set (`bench/train_name_learned.py`'s pairs), resolve the held-out set's events with
the rules alone, with the model joining what the rules leave apart, and with the model also
vetoing rule joins, and count the set's `same_entity` items not joined and `different_entity`
items merged. Only the resolver runs per variant: each event's analyses are computed once and
kept (pickled) in --cache.

    python bench/name_learned_eval.py --cache /tmp/r20-namelearn/fresh_an [--sets 2,3]
    python bench/name_learned_eval.py --cache DIR --build-only   # only analyse and keep
    python bench/name_learned_eval.py --cache DIR --table [--set NAME=VALUE] [--sets 2,11]
    python bench/name_learned_eval.py --cache DIR --r25 --sets 2,3,4,5,6,7,8,9,10,11,12,13,14

`--r25` (round 25, docs/quality.md "r25-spell") leaves each set out of round 25's model
(`train_name_learned.py --r25`: FEATURES_R25, fresh sets 2..14, bar chosen out of fold for
precision 0.97 on the other sets) and scores it against the packaged round 20 model: the held-out
set's name pairs the resolver would ask about (joins right / wrong at the left-out model's own
bar) and its events resolved with each model.

`--r26 --cache DIR` (round 26, docs/quality.md "r26-spell") does the same for round 26's model
(`train_name_learned.py --r26`: FEATURES_R26 with the mention contexts, fresh sets 2..15).

`--table` (round 22, docs/quality.md "r22-entities") trains nothing: it resolves every event
with the engine's options as they stand (`--set` overrides an `AlignParams` field) and prints,
for each `same_entity` / `different_entity` item, what the analysis made of each name form
(`form_status`: no entity / typed X / cut into parts / a PERSON entity) and what the resolver
did (joined or not, merged or apart), then counts per status and per set.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from pathlib import Path
from types import SimpleNamespace as NS
from typing import Any

HERE = Path(__file__).resolve().parent
SETS = (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)


def event_analyses(folder: Path, cache: Path, models: Any) -> list[Any]:
    """The event's analyses (cached as a pickle under `cache`)."""
    path = cache / f"{folder.parent.name}__{folder.name}.pkl"
    if path.is_file():
        return pickle.loads(path.read_bytes())
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze

    arts = load_articles(folder)
    analyses = [an for an in analyze(arts, models) if not an.failed]
    path.write_bytes(pickle.dumps(analyses))
    return analyses


def resolve_event(analyses: list[Any], options: Any) -> Any:
    from consilience.story.build import canonical_order, story_analyses
    from consilience.story.resolve import resolve

    analyses = sorted(analyses, key=canonical_order)
    analyses = story_analyses(analyses, options)
    res = resolve(analyses, options)
    return NS(articles=[an.article for an in analyses], entities=res.entities, facts=[])


def entity_items(report: Any, answers: dict) -> dict[str, list[tuple[str, bool, str]]]:
    """(id, ok, why) of the event's same_entity and different_entity items."""
    from fresh_events_eval import Checker

    ck = Checker(report)
    return {kind: [(it["id"], *getattr(ck, kind)(it)) for it in answers.get(kind, [])]
            for kind in ("same_entity", "different_entity")}


def _entity_spans(report: Any) -> list[tuple[Any, Any]]:
    return [(e, m) for e in report.entities for m in e.mentions]


def form_status(report: Any, file: str, form: str) -> tuple[str, list[str]]:
    """What the analysis made of one name form: "none" (no entity's mention overlaps it), "cut"
    (two mentions of two entities overlapping it stand side by side: one name read as two),
    "PERSON" (one person entity overlaps it), else "typed X" (the entity's type; several: the
    longest mention's). With the entities' (type, text) overlapping it."""
    from examples_eval import locate

    art = Path(file).stem
    text = next((a.text for a in report.articles if a.id == art), "")
    rng = locate(text, form)
    if rng is None:
        return "unlocated", []
    over = sorted(((m.start, m.end, e) for e, m in _entity_spans(report)
                   if m.article == art and m.start < rng[1] and rng[0] < m.end),
                  key=lambda t: (t[0], t[1]))
    seen = [f"{e.type}:{text[s:t]}" for s, t, e in over]
    if not over:
        return "none", seen
    for (s1, e1, x), (s2, _e2, y) in zip(over, over[1:], strict=False):
        gap = text[e1:s2]
        if x.id != y.id and 0 <= len(gap) <= 2 and not gap.strip(" -") and (
                x.type == "PERSON" or y.type == "PERSON" or text[s1:s1 + 1].isupper()):
            return "cut", seen
    persons = {e.id for _s, _t, e in over if e.type == "PERSON"}
    if len(persons) == 1:
        return "PERSON", seen
    if len(persons) > 1:
        return "cut", seen
    longest = max(over, key=lambda t: t[1] - t[0])
    return f"typed {longest[2].type}", seen


def table_rows(report: Any, answers: dict, set_name: str, event: str) -> list[dict]:
    """One row per same_entity / different_entity item: forms' statuses and the resolver's
    outcome (`entity_items`' ok)."""
    items = entity_items(report, answers)
    rows = []
    for kind in ("same_entity", "different_entity"):
        for it, (iid, ok, why) in zip(answers.get(kind, []), items[kind], strict=True):
            forms = (list(it["forms"].items()) if kind == "same_entity"
                     else [*it["a"].items(), *it["b"].items()])
            st = [(fl, f, *form_status(report, fl, f)) for fl, f in forms]
            rows.append({"set": set_name, "event": event, "kind": kind, "id": iid, "ok": ok,
                         "why": why, "forms": st})
    return rows


def _row_class(r: dict) -> str:
    """The row's one upstream class: the worst status among its forms (none > cut > typed >
    PERSON), else whether all forms are PERSON entities."""
    sts = [f[2] for f in r["forms"]]
    for s in ("unlocated", "none", "cut"):
        if s in sts:
            return s
    typed = sorted({s for s in sts if s.startswith("typed")})
    if typed and "PERSON" in sts:
        return "PERSON + " + "/".join(typed)
    if typed:
        return "/".join(typed)
    return "PERSON"


def print_table(rows: list[dict], verbose: bool = True) -> None:
    from collections import Counter

    if verbose:
        for r in rows:
            if r["ok"]:
                continue
            print(f"{r['set']}/{r['event']} {r['kind']}:{r['id']} -> {r['why']}")
            for fl, f, st, seen in r["forms"]:
                print(f"    [{st}] {fl}: {f!r}  {seen}")
    for kind in ("same_entity", "different_entity"):
        sub = [r for r in rows if r["kind"] == kind]
        bad = Counter(_row_class(r) for r in sub if not r["ok"])
        allc = Counter(_row_class(r) for r in sub)
        label = "not joined" if kind == "same_entity" else "merged"
        print(f"{kind}: {sum(not r['ok'] for r in sub)}/{len(sub)} {label}")
        for c, n in allc.most_common():
            print(f"   {c:28s} {bad[c]:3d} {label} of {n}")
    sets = sorted({r["set"] for r in rows}, key=lambda s: int(s[5:]))
    print("per set (same not joined / different merged): " + "; ".join(
        f"{s} {sum(not r['ok'] for r in rows if r['set'] == s and r['kind'] == 'same_entity')}"
        f"/{sum(1 for r in rows if r['set'] == s and r['kind'] == 'same_entity')}, "
        f"{sum(not r['ok'] for r in rows if r['set'] == s and r['kind'] == 'different_entity')}"
        f"/{sum(1 for r in rows if r['set'] == s and r['kind'] == 'different_entity')}"
        for s in sets))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--sets", default=",".join(map(str, SETS)))
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--json", type=Path, help="write the per-item results here")
    ap.add_argument("--loose", type=float, default=0.85,
                    help="a looser join bar, scored as a fourth variant")
    ap.add_argument("--table", action="store_true",
                    help="only the per-item table of the engine's options as they stand")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field (with --table)")
    ap.add_argument("--quiet", action="store_true", help="with --table: counts only")
    ap.add_argument("--r25", action="store_true", help="leave-one-set-out of round 25's model")
    ap.add_argument("--r26", action="store_true",
                    help="leave-one-set-out of round 26's model (mention contexts; the pickled "
                         "analyses of --cache give the training forms' contexts)")
    ap.add_argument("--train-sets", default="",
                    help="the fresh sets the matcher trains on, held-out set left out "
                         "(default: train_name_learned.FRESH_SETS, fresh2..9)")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = [int(s) for s in args.sets.split(",")]
    from consilience.resources import Models

    models = Models()
    events: dict[int, list[tuple[str, list[Any], dict]]] = {}
    for n in sets:
        root = HERE / f"fresh_events{n}"
        for folder in sorted(p for p in root.iterdir() if (p / "answers.json").is_file()):
            an = event_analyses(folder, args.cache, models)
            answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            events.setdefault(n, []).append((folder.name, an, answers))
        print(f"fresh{n}: {len(events[n])} events analysed", flush=True)
    if args.build_only:
        return 0
    if args.table:
        from basil_eval import _override_align

        from consilience.story.build import resolve_options

        _override_align(args.set)
        opts = resolve_options()
        rows = [r for n in sets for ename, an, answers in events[n]
                for r in table_rows(resolve_event(an, opts), answers, f"fresh{n}", ename)]
        print_table(rows, verbose=not args.quiet)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
        return 0
    import train_name_learned
    from train_name_learned import train_model

    if args.r25 or args.r26:
        return _loso_r25(args, sets, events)
    if args.train_sets:
        train_name_learned.FRESH_SETS = tuple(f"fresh_events{n}"
                                              for n in args.train_sets.split(","))

    from consilience.story import namelearn
    from consilience.story.build import resolve_options

    base = resolve_options()
    out: dict[str, Any] = {}
    rows = []
    for n in sets:
        model = train_model(exclude={f"fresh_events{n}"})
        variants = {
            "rules": base,
            "model": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(model),
                                         name_learned_veto=False),
            "veto": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(model),
                                        name_learned_veto=True),
            f"model@{args.loose}": dataclasses.replace(base, name_learned=namelearn.LearnedScorer(
                dataclasses.replace(model, threshold=args.loose)), name_learned_veto=False),
        }
        res: dict[str, dict] = {}
        for vname, opts in variants.items():
            per = {}
            for ename, an, answers in events[n]:
                per[ename] = entity_items(resolve_event(an, opts), answers)
            res[vname] = per
        out[f"fresh{n}"] = res
        line = [f"fresh{n}"]
        for vname in variants:
            se = [x for e in res[vname].values() for x in e["same_entity"]]
            de = [x for e in res[vname].values() for x in e["different_entity"]]
            line.append(f"{vname}: same not joined {sum(not x[1] for x in se)}/{len(se)}, "
                        f"different merged {sum(not x[1] for x in de)}/{len(de)}")
        rows.append(line)
        line.insert(1, f"(bar {model.threshold:.2f}, veto {model.veto:.2f})")
        print(" | ".join(line), flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


def _loso_r25(args: Any, sets: list[int], events: dict) -> int:
    """`--r25`: per held-out set, pair joins right/wrong and the resolver's item figures."""
    import numpy as np
    import train_name_learned as tnl

    from consilience.story import namelearn
    from consilience.story.build import resolve_options
    from consilience.story.namelearn import FEATURES, FEATURES_R26

    if args.r26:
        tnl.use_r26(args.cache)
    else:
        tnl.use_r25(True)
    base = resolve_options()
    old = namelearn.LearnedScorer(namelearn.load_model())
    tot = np.zeros(8, dtype=int)
    tag = "r26" if args.r26 else "r25"
    print("set | bar | asked pairs (+) | joins right/wrong | r20 model: same not joined, "
          f"different merged | {tag} left out: same not joined, different merged")
    for n in sets:
        name = f"fresh_events{n}"
        data = tnl.train(tnl.DEFAULT_ECB, {name}, 0.97)
        model = namelearn.model_from_dict(data)
        rows, _ = tnl.fresh_rows(name, 0, 1.0)
        ages = ([x[FEATURES_R26.index("ctx_age_gap")] >= 10 for x, *_ in rows] if args.r26
                else [False] * len(rows))
        x = np.asarray([r[0] for r in rows], dtype="float64").reshape(len(rows), -1)
        y = np.asarray([r[1] for r in rows], dtype=int)
        rj = np.asarray([r[2] for r in rows], dtype=bool)
        tp = fp = npos = nask = 0
        if len(rows):
            asked = ~rj & (x[:, FEATURES.index("gen_mark_diff")] == 0) & (
                x[:, FEATURES.index("role_diff")] == 0) & ~np.asarray(
                [tnl._ages_apart(r[6]) for r in rows], dtype=bool) & ~np.asarray(ages, dtype=bool)
            p = np.asarray([model.prob(list(v)) for v in x])
            tp = int(((p >= model.threshold) & asked & (y == 1)).sum())
            fp = int(((p >= model.threshold) & asked & (y == 0)).sum())
            npos, nask = int((asked & (y == 1)).sum()), int(asked.sum())
        figs = []
        for scorer in (old, namelearn.LearnedScorer(model)):
            opts = dataclasses.replace(base, name_learned=scorer)
            se = de = sm = dm = 0
            for _ename, an, answers in events[n]:
                items = entity_items(resolve_event(an, opts), answers)
                se += sum(not ok for _i, ok, _w in items["same_entity"])
                sm += len(items["same_entity"])
                de += sum(not ok for _i, ok, _w in items["different_entity"])
                dm += len(items["different_entity"])
            figs += [se, sm, de, dm]
        tot += np.asarray([tp, fp, npos, nask, figs[0], figs[2], figs[4], figs[6]])
        print(f"fresh{n} | {model.threshold:.2f} | {nask} ({npos}) | {tp}/{fp} | "
              f"{figs[0]}/{figs[1]}, {figs[2]}/{figs[3]} | {figs[4]}/{figs[5]}, "
              f"{figs[6]}/{figs[7]}", flush=True)
    print(f"total | | {tot[3]} ({tot[2]}) | {tot[0]}/{tot[1]} | same not joined {tot[4]}, "
          f"different merged {tot[5]} | same not joined {tot[6]}, different merged {tot[7]}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
