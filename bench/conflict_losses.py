"""Where the engine loses the gold conflicts it misses, by pipeline stage (training data only:
the BASIL TUNING events and the spent fictional sets bench/fresh_events2 to 11).

The conflict counterpart of bench/corroboration_losses.py, whose alignment run and outlet-pair
stages (a-d) it reuses. A gold conflict is found when one reported conflict of its kind covers
every side (its values, or its fact's claims: the scorers' rule). Each missed one is charged to
the first stage that loses it:

  a  a value phrase lies inside no claim
  b  no cross claim pair of two sides is a candidate (retrieval)
  c  a candidate no named test parts, below the pair decision's bars (model p / `min_cos`)
  d  refused by a named veto or test (which), or a good pair the grouping refused
  e  the sides' claims sit in one alignment group, but no conflict of any kind is judged on
     them; the detail says why: the fact was split by the judge (`conflict_sure`), or, asked
     about the two claims alone, the kind's check finds it (then a later step dropped it: the
     one-event / occasion test, the view of independent claims), or why it cannot: a value
     not read or bound to a role, roles that differ, a polarity / modality / speaker not told
     apart, or the kind's own test refused it
  f  a conflict covers every side, but of another kind (which)
  g  anything else

An item takes the earliest stage of its lost outlet pairs (d "value veto" pairs are those
the alignment refused only for a value, date or count that differs: the conflict's own
values).

    python bench/conflict_losses.py [--basil /work/shared/devdata/basil]
        [--fresh bench/fresh_events2 ...] [--set N=V] [--also N=V] [--list] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corroboration_losses import _short, pair_loss  # noqa: E402

FRESH = [f"bench/fresh_events{n}" for n in range(2, 11)]
STAGES = "abcdefg"

# the alignment vetoes that part two claims for the very values a conflict would compare
VALUE_VETOES = ("dates apart", "other values", "numbers", "counts", "amount", "date",
                "value", "total")


def _in(span: Any, art: str, rng: tuple[int, int]) -> bool:
    return span.article == art and span.start < rng[1] and rng[0] < span.end


def _covering(facts: list, places: list[tuple[str, tuple[int, int]]]) -> list[tuple[Any, Any]]:
    out = []
    for f in facts:
        for cf in f.conflicts:
            spans = [v.span for v in cf.values] + [c.span for c in f.claims]
            if all(any(_in(s, *p) for s in spans) for p in places):
                out.append((f, cf))
    return out


def _judge(r: dict[str, Any]) -> Any:
    from consilience.story.judge.context import Judge

    return Judge(r["origins"], r["resolution"], r["texts"], r["claims"], r["roles"], r["docs"])


def why_unjudged(r: dict[str, Any], story: Any, kind: str, side_a: list[int],
                 side_b: list[int], places: list[tuple[str, tuple[int, int]]]) -> str:
    """Why claims of two sides in one alignment group carry no conflict of any kind."""
    from consilience.story.judge import CHECKS
    from consilience.story.judge.negation import _negated
    from consilience.story.judge.number import _key, _same_role

    claims = r["claims"]
    if not any(all(any(_in(c.span, *p) for c in f.claims) for p in places)
               for f in story.facts):
        return "judge split the group (conflict_sure / one claim per fact)"
    j = _judge(r)
    pa, pb = places[0], places[1]
    for x in side_a:
        for y in side_b:
            pair = [claims[x], claims[y]]
            for k, check in CHECKS.items():
                if any(all(any(_in(v.span, *p) for v in cf.values) or
                           any(_in(c.span, *p) for c in pair) for p in (pa, pb))
                       for cf in check(j, pair)):
                    return f"the {k} check finds it on the pair alone: a later step dropped it" \
                        " (one event / occasion / independent view)"
    ca, cb = claims[side_a[0]], claims[side_b[0]]
    if kind == "number":
        def keys(c: Any, p: tuple[str, tuple[int, int]]) -> list:
            qs = [q for q in c.quantities
                  if p[1][0] <= c.span.start + q.start < p[1][1]] or c.quantities
            return [(q, _key(j, c, q)) for q in qs]
        ka, kb = keys(ca, pa), keys(cb, pb)
        if not ka or not kb:
            return "number: a value not read as a quantity in its claim"
        if not all(k for _, k in ka) or not all(k for _, k in kb):
            if not any(k for _, k in ka) or not any(k for _, k in kb):
                return "number: a value not bound to a role (no counted noun / role)"
        if not any(a and b and _same_role(a, b, j) for _, a in ka for _, b in kb):
            return "number: roles differ (unit, event, scope or actor)"
        return "number: a number test refused it (rounding / floor / vague / tally)"
    if kind == "date":
        if not ca.times or not cb.times:
            return "date: a date not read in its claim"
        return "date: a date test refused it (overlap / one event)"
    if kind == "negation":
        if _negated(j, ca) == _negated(j, cb):
            return "negation: one polarity read on both sides (not detected)"
        return "negation: a negation test refused it (times / complements / objects)"
    if kind == "modality":
        if ca.certainty == cb.certainty:
            return f"modality: one certainty read on both sides ({ca.certainty})"
        return "modality: a modality test refused it"
    if kind == "attribution":
        if not (ca.asserted_by or ca.asserted_by_name) or not (cb.asserted_by
                                                              or cb.asserted_by_name):
            return "attribution: a speaker not read"
        return "attribution: the speakers are one, or the test refused it"
    return f"{kind}: the {kind} check refused it"


def item_row(r: dict[str, Any], story: Any, it_kind: str,
             places: list[tuple[str, tuple[int, int]] | None], p: Any
             ) -> tuple[bool, str, str, list[tuple[str, str]]]:
    """(found, stage, detail, pair labels) for one gold conflict given its sides' places."""
    from refusal_classes import over

    ok_places = [w for w in places if w]
    if len(ok_places) < len(places) or len(ok_places) < 2:
        return False, "a", "a value phrase not located", []
    found = _covering(story.facts, ok_places)
    if any(cf.kind == it_kind for _, cf in found):
        return True, "", "", []
    if found:
        kinds = sorted({cf.kind for _, cf in found})
        return False, "f", f"found as {'/'.join(kinds)} (gold {it_kind})", []
    sides = [over(r["claims"], w[0], w[1]) for w in ok_places]
    labels = []
    for n, a in enumerate(sides):
        for m in range(n + 1, len(sides)):
            st, why = pair_loss(r, a, sides[m], p)
            if st == "":
                st, why = "e", why_unjudged(r, story, it_kind, a, sides[m],
                                            [ok_places[n], ok_places[m]])
            labels.append((st, why))
    labels.sort(key=lambda sd: STAGES.index(sd[0]))
    return False, labels[0][0], labels[0][1], labels


AN_CACHE: list[Path] = []  # `--an-cache DIR`: analyses kept per event (folder__event.pkl)


def _cached(key: str, make: Any) -> list:
    """The analyses of one event, from `--an-cache` when there, else made (and kept)."""
    import pickle

    from consilience.story.build import canonical_order

    path = AN_CACHE[0] / f"{key}.pkl" if AN_CACHE else None
    if path is not None and path.is_file():
        ans = pickle.loads(path.read_bytes())
    else:
        ans = make()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(ans))
    return sorted(ans, key=canonical_order)


def basil(root: Path, models: Any, ps: list[Any]) -> list[list[tuple]]:
    """The rows of the BASIL tuning events' gold conflicts, one list per parameter set."""
    from basil_eval import TUNING, load_scorer
    from corroboration_losses import _variants
    from refusal_classes import tuning_event

    from consilience.analysis import analyze

    score = load_scorer(root)
    rows: list[list[tuple]] = [[] for _ in ps]
    for name in TUNING:  # never the validation events
        gold, arts, letter = tuning_event(root, name)
        ans = _cached(f"basil__{name}", lambda arts=arts: analyze(arts, models))
        spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter.items()}
        for v, (story, r, p) in enumerate(_variants(ans, models, ps)):
            for item in gold.get("conflicts", []):
                places = []
                for L in gold["articles"]:
                    if L in item:
                        rng = spans[L].span_of(item[L])
                        places.append((letter[L].id, rng) if rng else None)
                ok, st, why, labels = item_row(r, story, item["kind"], places, p)
                rows[v].append(("basil", f"{name} {item['id']}", ok, st, why, labels,
                                item["kind"]))
    return rows


def fresh(path: Path, models: Any, ps: list[Any]) -> list[list[tuple]]:
    """The rows of one fresh set's gold conflicts and traps, one list per parameter set."""
    from corroboration_losses import _variants
    from examples_eval import locate
    from fresh_events_eval import Checker, load_articles

    from consilience.analysis import analyze

    rows: list[list[tuple]] = [[] for _ in ps]
    for folder in sorted(p for p in path.iterdir() if (p / "answers.json").is_file()):
        answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
        arts = load_articles(folder)
        ans = _cached(f"{path.name}__{folder.name}",
                      lambda arts=arts: analyze(arts, models))
        text = {a.id: a.text for a in arts}
        for v, (story, r, p) in enumerate(_variants(ans, models, ps)):
            check = Checker(story)
            for kind in ("kept_apart", "no_conflict"):  # the traps a conflict may break
                for it in answers.get(kind, []):
                    ok, why = getattr(check, kind)(it)
                    rows[v].append((path.name, f"{folder.name} {it['id']}", ok, "trap", why,
                                    [], kind))
            for it in answers.get("conflicts", []):
                places = []
                for f, ph in it["values"].items():
                    rng = locate(text[Path(f).stem], ph)
                    places.append((Path(f).stem, rng) if rng else None)
                ok, st, why, labels = item_row(r, story, it["kind"], places, p)
                rows[v].append((path.name, f"{folder.name} {it['id']}", ok, st, why, labels,
                                it["kind"]))
    return rows


def table(rows: list[tuple]) -> None:
    traps = [r for r in rows if r[3] == "trap"]
    rows = [r for r in rows if r[3] != "trap"]
    sets = list(dict.fromkeys(r[0] for r in rows))
    print("gold conflicts found (right kind) / total, and the stage that loses each missed one")
    print(f"{'stage':<6}" + "".join(f"{s.replace('fresh_events', 'f'):>7}" for s in sets)
          + f"{'all':>8}")
    found = [sum(r[2] for r in rows if r[0] == s) for s in sets]
    total = [sum(1 for r in rows if r[0] == s) for s in sets]
    print(f"{'found':<6}" + "".join(f"{f'{a}/{b}':>7}" for a, b in zip(found, total, strict=True))
          + f"{f'{sum(found)}/{sum(total)}':>8}")
    for st in STAGES:
        n = [sum(1 for r in rows if r[0] == s and r[3] == st) for s in sets]
        print(f"{st:<6}" + "".join(f"{x:>7}" for x in n) + f"{sum(n):>8}")
    print(f"{'traps':<6}" + "".join(
        f"{sum(t[2] for t in traps if t[0] == s)}/{sum(1 for t in traps if t[0] == s)}".rjust(7)
        for s in sets) + "   (kept_apart + no_conflict kept)")
    for t in traps:
        if not t[2]:
            print(f"  trap lost: {t[0]} {t[1]} ({t[6]}): {t[4]}")
    print("\nmissed items by gold kind and stage:")
    for (k, st), n in sorted(Counter((r[6], r[3]) for r in rows if not r[2]).items()):
        print(f"  {n:4d}  {k:<12} {st}")
    print("\nmissed items by cause:")
    for (st, d), n in Counter((r[3], _short(r[4])) for r in rows if not r[2]).most_common():
        print(f"  {n:4d}  {st}  {d}")


def main() -> None:
    from basil_eval import _override_align

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--basil", type=Path, default=Path("/work/shared/devdata/basil"))
    ap.add_argument("--fresh", type=Path, nargs="*", default=[Path(f) for f in FRESH])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--also", action="append", default=[], metavar="NAME=VALUE",
                    help="a second run over the same analyses with these switches set; "
                         "prints its table and where each item moves")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--an-cache", type=Path, help="keep each event's analyses here")
    ap.add_argument("--json", type=Path, help="write every row here")
    ap.add_argument("--table", type=Path, nargs="*", help="only print the table of these rows")
    args = ap.parse_args()
    if args.table:
        rows = [tuple(r) for f in args.table for r in json.loads(f.read_text(encoding="utf-8"))]
        table(rows)
        if args.list:
            for r in rows:
                if not r[2] and r[3] != "trap":
                    print(f"  {r[0]:<14} {r[1]:<44} {r[6]:<10} {r[3]}  {r[4]}")
        return
    if any(p.name in ("fresh_events16", "fresh_events17") for p in args.fresh):
        sys.exit("fresh_events16 and fresh_events17 are held out")
    if args.an_cache:
        AN_CACHE.append(args.an_cache)
    _override_align(args.set)
    from dataclasses import replace

    from consilience.resources import Models
    from consilience.story import align as align_mod

    models = Models()
    ps = [align_mod.DEFAULT_PARAMS]
    if args.also:
        base = align_mod.DEFAULT_PARAMS
        _override_align(args.also)
        ps.append(align_mod.DEFAULT_PARAMS)
        align_mod.DEFAULT_PARAMS = base
        assert ps[1] == replace(ps[1]) and ps[0] != ps[1]
    runs: list[list[tuple]] = [[] for _ in ps]
    if args.basil and str(args.basil) != "-":
        for v, rs in enumerate(basil(args.basil, models, ps)):
            runs[v] += rs
    for f in [None, *args.fresh]:
        if f is not None:
            for v, rs in enumerate(fresh(f, models, ps)):
                runs[v] += rs
        if args.json:  # after each set: a long run keeps what it has done
            args.json.write_text(json.dumps(runs if args.also else runs[0], indent=1),
                                 encoding="utf-8")
    for v, rows in enumerate(runs):
        if v:
            print(f"\n=== with {' '.join(args.also)} ===")
        table(rows)
        if args.list:
            for r in rows:
                if not r[2] and r[3] != "trap":
                    print(f"  {r[0]:<14} {r[1]:<44} {r[6]:<10} {r[3]}  {r[4]}")
    if args.also:
        moves(runs[0], runs[1])


def moves(before: list[tuple], after: list[tuple]) -> None:
    """Where the gold conflicts and traps of the defaults' run land with `--also`: each item
    whose stage or found state changes, and the counts of (stage before, stage after)."""
    print("\nitems by stage, defaults -> --also (found = '+', trap kept = 'T', lost = 't'):")

    def mark(r: tuple) -> str:
        if r[3] == "trap":
            return "T" if r[2] else "t"
        return "+" if r[2] else r[3]

    cnt = Counter((mark(b), mark(a)) for b, a in zip(before, after, strict=True)
                  if mark(b) != mark(a))
    for (x, y), n in sorted(cnt.items()):
        print(f"  {x} -> {y}: {n}")
    for b, a in zip(before, after, strict=True):
        if mark(b) != mark(a) or (b[3] == "c" and _short(b[4]) != _short(a[4])):
            print(f"  {b[0]:<14} {b[1]:<44} {b[3]} {_short(b[4])} -> {mark(a)} {_short(a[4])}")

if __name__ == "__main__":
    main()
