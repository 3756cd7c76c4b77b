"""Train the claim matcher (src/consilience/story/data/matcher.json) from ../shared/devdata, reproducibly.

Labelled pairs are the candidate pairs alignment retrieves (embedding neighbours, shared
predicates), labelled from gold:
- ECB+ train topics: two claims of different articles of one story state one fact when each
  contains an event mention of one cross-document event chain and their cross-document
  argument chains agree (no participant, time or place role with a chain on each side the other
  lacks; a count of participants is a value, not one of them); a shared event with other
  arguments is a hard negative (same event, different statement), and so is a pair whose claims
  both name events but share no chain (other pairs, and claims outside annotated sentences, are
  left out; `--ecb-labels statement-all`: singleton argument chains count too,
  `participants`: only participants count, times and places being values, `claim`: the
  event chain alone, `sentence`: the chains of the annotated sentences);
- BASIL tuning events only (bench/basil_eval.py's TUNING): claims over the anchors of one
  corroborated or conflict item are one fact; not_same anchors, and any claim over a single_source
  anchor paired with a claim of another outlet, are different facts.
Pairs the hard rules decide before the model (`matcher.ruled_out`) are left out.
A standardised logistic regression (or, `--model hgb`, boosted trees) is fitted; Platt calibration is fitted on out-of-fold scores
(GroupKFold by story); the "same fact" threshold is the lowest calibrated probability whose
out-of-fold pair precision on the BASIL tuning events (held out by event) reaches --precision. ECB+ dev and the BASIL validation
events are never read here. Fixed seeds: one command rebuilds the same file.

    python bench/train_matcher.py [../shared/devdata] [--ecb-cache bench/out/ecb/train_an.pkl]

The relative features (`matcher.relative_features`, r12) are zeroed unless `--relative`: they
carried worse across corpora (`--transfer`; docs/quality.md, "Relative features for the learned
matcher").
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from basil_eval import OUTLETS, TUNING, load_scorer  # noqa: E402

from consilience.story.align import DEFAULT_PARAMS, _Scorer  # noqa: E402
from consilience.story.matcher import (  # noqa: E402
    FEATURES,
    MODEL_PATH,
    PAIR23_MODEL_PATH,
    PAIR_MODEL_PATH,
    REL_FEATURES,
    candidate_pairs,
    pair_features,
    ruled_out,
)

SEED = 13


def story_claims(analyses, models):
    """The claims of one story with their value roles, as the report builds them (claims linked
    to story quotes, numbers bound to roles from the kept parse): train as the engine runs."""
    from consilience.story.build import alignment_inputs, resolve_options, story_analyses
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    analyses = story_analyses(analyses)
    res = resolve(analyses, resolve_options())
    origins = find_origins([an.article for an in analyses])
    claims, _quotes, roles, _docs = alignment_inputs(analyses, res, origins, models)
    return claims, roles


def story_rows(claims, roles, models, label_of, group: str, weight: float,
               params=DEFAULT_PARAMS):
    """(features, label, group, weight) of every labelled candidate pair of one story."""
    if len(claims) < 2:
        return []
    vecs = models.embed([c.text for c in claims])
    sc = _Scorer(claims, vecs, params)
    sc.parse(models.nlp, models.embed)
    sc.set_roles(roles)
    rows = []
    for i, j in candidate_pairs(sc, params.k, params.frame_bucket):
        y = label_of(claims[i], claims[j])
        if y is None:
            continue
        if ruled_out(sc, i, j):
            continue  # the hard rules decide these pairs, the model never sees them
        rows.append((pair_features(sc, i, j), y, group, weight))
    return rows


ECB_LABELS = ("statement", "statement-all", "participants", "claim", "sentence")
LABELS_REV = 3  # bumped when a labelling changes: a rows cache of another revision is rebuilt


def arg_role(tag: str) -> str | None:
    """The argument role of an ECB+ entity tag: a human or other participant, a time, a place."""
    for prefix, role in (("HUMAN_PART", "human"), ("NON_HUMAN_PART", "thing"), ("TIME_", "time"),
                         ("LOC_", "place")):
        if tag.startswith(prefix):
            return role
    return None


def is_count(text: str) -> bool:
    """A participant mention that is a count ("12 people", "dozens of homes"): a value the judge
    compares, not an identity; two counts of one event are one statement with a number
    conflict, so they never make a pair two statements."""
    from consilience.lexicon.values import (
        MULTIPLIER_WORDS,
        NUMBER_WORDS,
        PLURAL_SCALE_WORDS,
        SCALE_WORDS,
    )

    words = {w.strip(",.").lower() for w in text.replace("-", " ").split()}
    return any(ch.isdigit() for ch in text) or bool(
        words & (NUMBER_WORDS.keys() | SCALE_WORDS.keys() | PLURAL_SCALE_WORDS.keys()
                 | MULTIPLIER_WORDS))


def args_agree(x: dict[str, set[str]], y: dict[str, set[str]]) -> bool:
    """Two claims' argument chains (role -> chains) agree: no role present on both sides has on
    each side a chain the other lacks (two times, two victims); one side naming more of a role
    (a subset) or a role only one side names is agreement."""
    return not any(x[r] - y[r] and y[r] - x[r] for r in x.keys() & y.keys())


def ecb_label(events_a: set[str], events_b: set[str], args_a: dict[str, set[str]] | None,
              args_b: dict[str, set[str]] | None) -> int | None:
    """1 same statement, 0 different, None unknown, from the ECB+ chains inside two claims: both
    name an event of one cross-document chain and (when argument chains are given) their
    participants, times and places agree; a shared event with other arguments is a hard negative
    (same event, different statement); no shared event chain is a negative."""
    if not events_a or not events_b:
        return None
    if not events_a & events_b:
        return 0
    if args_a is None or args_b is None:
        return 1
    return int(args_agree(args_a, args_b))


def ecb_rows(root: Path, cache: Path | None, models, labels: str = "statement") -> list:
    from consilience.analysis import analyze
    from consilience.model import Article
    from consilience.story.build import canonical_order

    arts = [json.loads(line) for line in open(root / "articles.jsonl", encoding="utf-8")]
    arts = [a for a in arts if a["gold"]["split"] == "train"]
    ids = {a["id"] for a in arts}
    sents = {a["id"]: [tuple(s) for s in a["gold"]["annotated_sentences"]] for a in arts}
    chains: dict[tuple[str, int], set[str]] = defaultdict(set)
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    entities: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for line in open(root / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] not in ids:
            continue
        if m["kind"] == "entity":
            role = arg_role(m["tag"])
            # chains that recur across documents ("statement-all": singletons too, a chain of
            # its own being another participant, time or place)
            # ("participants": times and places are values too, like counts)
            if labels == "participants" and role in ("time", "place"):
                role = None
            if role and (m["cross_doc"] or labels == "statement-all") \
                    and not (role in ("human", "thing") and is_count(m["text"])):
                entities[m["article"]].append((m["start"], m["end"], role, m["chain"]))
            continue
        if m["kind"] != "event" or not m["cross_doc"]:
            continue
        mentions[m["article"]].append((m["start"], m["end"], m["chain"]))
        for k, (s, e) in enumerate(sents[m["article"]]):
            if s <= m["start"] < e:
                chains[(m["article"], k)].add(m["chain"])
    if cache and cache.is_file():
        analyses = pickle.loads(cache.read_bytes())
    else:
        analyses = analyze([Article(id=a["id"], text=a["text"], title=a.get("title"))
                            for a in arts], models)
        if cache:
            cache.write_bytes(pickle.dumps(analyses))
    story_of = {a["id"]: a["gold"]["story"] for a in arts}
    by_story = defaultdict(list)
    for an in analyses:
        by_story[story_of[an.article.id]].append(an)

    def sent_of(c):
        for k, (s, e) in enumerate(sents[c.span.article]):
            if c.span.start < e and c.span.end > s:
                return (c.span.article, k)
        return None

    def own(c):
        return {ch for s, e, ch in mentions[c.span.article]
                if c.span.start <= s and e <= c.span.end}

    def own_args(c):
        out: dict[str, set[str]] = defaultdict(set)
        for s, e, role, ch in entities[c.span.article]:
            if c.span.start <= s and e <= c.span.end:
                out[role].add(ch)
        return out

    def label(a, b):
        x, y = sent_of(a), sent_of(b)
        if x is None or y is None:
            return None
        if labels == "sentence":
            return int(bool(chains.get(x, set()) & chains.get(y, set())))
        # one statement, not one event: each claim itself names an event of a cross-document
        # chain; "claim": they state one fact when the two share a chain; "statement": and
        # their participants, times and places are the same chains
        if labels == "claim":
            return ecb_label(own(a), own(b), None, None)
        return ecb_label(own(a), own(b), own_args(a), own_args(b))

    rows = []
    for story, ans in sorted(by_story.items()):
        claims, roles = story_claims(sorted(ans, key=canonical_order), models)
        rows += story_rows(claims, roles, models, label, f"ecb:{story}", 1.0)
    return rows


def load_event(root: Path, name: str, models):
    """(gold, article of each gold letter, analyses in the report's order) of one BASIL event."""
    from consilience.analysis import analyze
    from consilience.api import load
    from consilience.story.build import canonical_order

    gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    files = [str(root / "texts" / name / f"{o}.txt") for o in OUTLETS]
    articles = load(files).articles
    by_file = dict(zip(OUTLETS, articles, strict=True))
    letter_art = {L: by_file[f.split(".")[0]] for L, f in gold["articles"].items()}
    return gold, letter_art, sorted(analyze(articles, models), key=canonical_order)


def basil_rows(root: Path, models, weight: float) -> list:
    score = load_scorer(root)
    rows = []
    for name in TUNING:  # never the validation events
        gold, letter_art, analyses = load_event(root, name, models)
        claims, roles = story_claims(analyses, models)
        label = basil_labels(score, gold, letter_art, claims)
        rows += story_rows(claims, roles, models, label, f"basil:{name}", weight)
    return rows


def mark_gold(gold: dict, mark: Callable[[str, str, str], None], same_items: set[str]) -> None:
    """Call mark(letter, anchor, item key) for every anchor of a BASIL gold's corroborated and
    conflict items (their keys also go into same_items), each side of a not_same item, and each
    single_source item: the labels the learned models are trained from."""
    for kind in ("corroborated", "conflicts"):
        for it in gold.get(kind, []):
            key = f"{kind}:{it['id']}"
            same_items.add(key)
            for L in gold["articles"]:
                if L in it:
                    mark(L, it[L], key)
    for it in gold.get("not_same", []):
        for L in gold["articles"]:
            if L in it:
                mark(L, it[L], f"not_same:{it['id']}:{L}")
    for it in gold.get("single_source", []):
        mark(it["article"], it["anchor"], f"single:{it['id']}")


def basil_labels(score, gold, letter_art, claims):
    """label(a, b) for one BASIL event: 1 same fact, 0 different, None unknown.

    Each claim gets the set of gold items whose anchor it overlaps (the scorer's own test):
    corroborated and conflict items, each side of a not_same item, and single_source items. Two
    claims of different outlets that share a corroborated or conflict item state one fact; two
    whose item sets are both known and disjoint state different facts (the gold names every
    outlet that states a fact); any other pair is unknown and left out."""
    spans = {L: score.Article({"id": a.id, "text": a.text}) for L, a in letter_art.items()}
    items: dict[str, set[str]] = defaultdict(set)
    same_items: set[str] = set()

    def mark(L, anchor, item):
        sp = spans[L].span_of(anchor)
        if sp is None:
            return
        aid = letter_art[L].id
        for c in claims:
            if c.span.article == aid and c.span.start < sp[1] and sp[0] < c.span.end:
                items[c.id].add(item)

    mark_gold(gold, mark, same_items)

    def label(a, b):
        x, y = items.get(a.id, set()), items.get(b.id, set())
        if not x or not y:
            return None
        if x & y & same_items:
            return 1
        if x & y:
            return None
        return 0

    label.kind = pm_kind_of(items, same_items)  # type: ignore[attr-defined]
    return label


N_BASE = FEATURES.index("headline") + 1  # the clause-level features; the rest: bound arguments
# trees: more of these similarities never makes a pair less likely one fact
MONOTONE = ("cos", "anchor_share", "idf_jaccard", "n_key")


N_REL = FEATURES.index(REL_FEATURES[0])  # the relative features (matcher.relative_features)


def fit(rows, precision: float, c: float, kind: str = "lr", base_only: bool = False,
        no_relative: bool = False, drop: tuple[str, ...] = ()):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X = np.asarray([r[0] for r in rows], dtype="float64")
    if base_only:
        X[:, N_BASE:] = 0.0
    if no_relative:
        # the features before r12 alone (a constant column gets weight 0)
        X[:, N_REL:] = 0.0
    for name in drop:  # ablation: features left out (weight 0 in the file)
        X[:, FEATURES.index(name)] = 0.0
    y = np.asarray([r[1] for r in rows])
    groups = np.asarray([r[2] for r in rows])
    w = np.asarray([r[3] for r in rows], dtype="float64")
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    if kind == "hgb":
        Z = X  # trees split raw values: the model file's thresholds are exact

    def model():
        if kind == "hgb":
            return HistGradientBoostingClassifier(
                max_iter=150, max_depth=3, learning_rate=0.08, min_samples_leaf=40,
                l2_regularization=1.0, early_stopping=False, random_state=SEED,
                monotonic_cst=[1 if n in MONOTONE else 0 for n in FEATURES])
        return LogisticRegression(C=c, max_iter=2000, random_state=SEED)

    oof = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(Z, y, groups):
        m = model().fit(Z[tr], y[tr], sample_weight=w[tr])
        oof[te] = m.decision_function(Z[te])
    # Platt calibration on out-of-fold decision values
    platt = LogisticRegression(C=1e6, max_iter=2000, random_state=SEED)
    platt.fit(oof.reshape(-1, 1), y, sample_weight=w)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    final = model().fit(Z, y, sample_weight=w)
    return final, mean, scale, (a, b), prob, y, groups


def tree_json(clf) -> dict:
    """The fitted trees of a binary HistGradientBoostingClassifier (fitted on raw feature values)
    as flat node lists (matcher.Trees)."""
    out = {"feature": [], "threshold": [], "left": [], "right": [], "leaf": [], "value": [],
           "roots": [], "baseline": round(float(np.ravel(clf._baseline_prediction)[0]), 8)}
    for (pred,) in clf._predictors:
        base = len(out["feature"])
        out["roots"].append(base)
        for nd in pred.nodes:
            f = int(nd["feature_idx"])
            leaf = bool(nd["is_leaf"])
            out["feature"].append(0 if leaf else f)
            out["threshold"].append(0.0 if leaf else float(nd["num_threshold"]))
            out["left"].append(0 if leaf else base + int(nd["left"]))
            out["right"].append(0 if leaf else base + int(nd["right"]))
            out["leaf"].append(int(leaf))
            out["value"].append(round(float(nd["value"]), 8) if leaf else 0.0)
    return out


def pick_threshold(prob, y, mask, precision: float) -> float:
    best = 0.99
    for t in np.arange(0.20, 0.99, 0.01):
        sel = (prob >= t) & mask
        if sel.sum() == 0:
            continue
        if y[sel].mean() >= precision:
            best = float(round(t, 2))
            break
    return best


def report(prob, y, mask, t: float, label: str) -> None:
    sel = (prob >= t) & mask
    pos = (y == 1) & mask
    p = y[sel].mean() if sel.sum() else 0.0
    r = (sel & pos).sum() / pos.sum() if pos.sum() else 0.0
    from sklearn.metrics import average_precision_score

    ap = average_precision_score(y[mask], prob[mask]) if pos.sum() else 0.0
    print(f"  out-of-fold {label}: pairs={mask.sum()} positives={pos.sum()} AP={ap:.3f} "
          f"at p>={t:.2f}: P={p:.3f} R={r:.3f}")
    # calibration: predicted vs observed rate per decile
    bins = np.clip((prob[mask] * 10).astype(int), 0, 9)
    cells = []
    for k in range(10):
        m = bins == k
        if m.sum():
            cells.append(f"{k / 10:.1f}:{y[mask][m].mean():.2f}({m.sum()})")
    print("  calibration (bin: observed rate (n)): " + " ".join(cells))


def build(rows, args, quiet: bool = False) -> dict:
    """The model file's content, fitted on `rows` (ECB+ and BASIL pairs)."""
    n_ecb = sum(1 for r in rows if r[2].startswith("ecb:"))
    weight = args.basil_weight or n_ecb / max(1, len(rows) - n_ecb)
    ecb_w = args.ecb_weight
    rows = [(f, y, g, ecb_w if g.startswith("ecb:") else weight) for f, y, g, _w in rows]
    if args.hard_neg != 1.0:
        # hard negatives: one predicate, other object, agent, value or date
        hard = [FEATURES.index(n) for n in ("pred_x_object_differs", "pred_x_subject_differs",
                                             "pred_x_role_conflict", "pred_x_dates_disjoint")]
        rows = [(f, y, g, w * args.hard_neg if y == 0 and any(f[k] for k in hard) else w)
                for f, y, g, w in rows]
    rows = [r for r in rows if r[3] > 0]
    final, mean, scale, platt, prob, y, groups = fit(rows, args.precision, args.C, args.model,
                                                     args.base_only, not args.relative,
                                                     dropped(args))
    is_ecb = np.char.startswith(groups.astype(str), "ecb:")
    t = pick_threshold(prob, y, ~is_ecb if args.pick_on == "basil" else is_ecb, args.precision)
    if not quiet:
        print(f"training pairs: {len(rows)} (ECB+ train {is_ecb.sum()}, BASIL tuning "
              f"{(~is_ecb).sum()}); threshold same={t:.2f}")
        if is_ecb.any():
            report(prob, y, is_ecb, t, "ECB+ train")
        report(prob, y, ~is_ecb, t, "BASIL tuning")
        if args.model == "lr":
            for name, cf in sorted(zip(FEATURES, final.coef_[0], strict=True),
                                   key=lambda x: -abs(x[1])):
                print(f"  {name:>20s} {cf:+.3f}")
    if args.model == "hgb":
        trees = tree_json(final)
        coef, intercept = [0.0] * len(FEATURES), 0.0
    else:
        trees, coef, intercept = None, final.coef_[0], final.intercept_[0]
    return {
        "about": f"claim matcher: {'boosted trees' if args.model == 'hgb' else 'standardised logistic regression'} + Platt calibration; "
                 "built by bench/train_matcher.py from ECB+ train topics and BASIL tuning events",
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
        **({"trees": trees} if trees else {}),
        "platt": [round(platt[0], 6), round(platt[1], 6)],
        "thresholds": {"same": t, "precision_target": args.precision},
        "training": {"pairs": len(rows), "positives": int(y.sum()), "seed": SEED, "model": args.model,
                     "C": args.C, "basil_weight": round(weight, 3), "ecb_weight": ecb_w,
                     "threshold_from": args.pick_on,
                     "relative": args.relative,
                     **({"dropped": list(dropped(args))} if args.drop else {})},
    }


def cross_validate(rows, args, models) -> None:
    """Leave one BASIL tuning event out: fit on ECB+ and the other five events, then run the
    engine end to end on the left-out event with that model, at each threshold of --grid, and
    score it with score.py. The sums over the six events are the matcher's honest tuning figures
    (no event is scored by a model that saw its pairs); the threshold is chosen from them."""
    import dataclasses

    from basil_eval import run_event

    from consilience.story import align

    root = args.path / "basil"
    score = load_scorer(root)
    grid = [float(x) for x in args.grid.split(",")]
    kinds = ("corroborated", "conflicts", "single_source", "not_same")
    per = {t: {k: [0, 0] for k in kinds} for t in grid}
    base = align.DEFAULT_PARAMS
    with tempfile.TemporaryDirectory() as tmp:
        for name in TUNING:
            held = f"basil:{name}"
            data = build([r for r in rows if r[2] != held], args, quiet=True)
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(data), encoding="utf-8")
            gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
            for t in grid:
                align.DEFAULT_PARAMS = dataclasses.replace(
                    base, learned=True, learned_same=t, matcher_path=str(path),
                    learned_add=args.add, learned_keep=not args.no_keep)
                report = run_event(root, name, models)
                for kind, _gid, ok, _why in score.Scorer(report, gold).run():
                    if kind in kinds:
                        per[t][kind][0] += int(ok)
                        per[t][kind][1] += 1
    align.DEFAULT_PARAMS = base
    for t in grid:
        cells = " ".join(f"{k} {a}/{b}" for k, (a, b) in per[t].items())
        print(f"leave-one-event-out, same>={t:.2f}: {cells}")


def dropped(args) -> tuple[str, ...]:
    names = tuple(n for n in (args.drop or "").split(",") if n)
    for n in names:
        if n not in FEATURES:
            sys.exit(f"--drop: no feature {n}")
    return names


def transfer(rows, args) -> None:
    """How far a model carries across corpora: fit on one corpus' pairs alone (ECB+ train, or
    the BASIL tuning events) and score the other's, with and without the relative features
    (average precision, and precision/recall at the fitted model's calibrated 0.5; calibration
    is Platt on the training corpus' out-of-fold scores, so it is the transfer that is tested)."""
    from sklearn.metrics import average_precision_score

    for src, dst in (("ecb:", "basil:"), ("basil:", "ecb:")):
        train = [r for r in rows if r[2].startswith(src)]
        test = [r for r in rows if r[2].startswith(dst)]
        Xt = np.asarray([r[0] for r in test], dtype="float64")
        yt = np.asarray([r[1] for r in test])
        for no_rel in (True, False):
            final, mean, scale, (a, b), _p, _y, _g = fit(
                [(f, y, g, 1.0) for f, y, g, _w in train], args.precision, args.C,
                no_relative=no_rel, drop=dropped(args))
            X = Xt.copy()
            if no_rel:
                X[:, N_REL:] = 0.0
            for name in dropped(args):
                X[:, FEATURES.index(name)] = 0.0
            z = final.decision_function((X - mean) / scale)
            prob = 1.0 / (1.0 + np.exp(-(a * z + b)))
            sel = prob >= 0.5
            p = yt[sel].mean() if sel.sum() else 0.0
            r = (sel & (yt == 1)).sum() / max(1, (yt == 1).sum())
            print(f"train {src[:-1]:>5s} -> test {dst[:-1]:>5s} "
                  f"{'old features' if no_rel else 'relative    '}: pairs={len(yt)} "
                  f"AP={average_precision_score(yt, prob):.3f} mean p={prob.mean():.3f} "
                  f"(rate {yt.mean():.3f}) at p>=0.5: P={p:.3f} R={r:.3f}")


# --- r22-pairmodel: the pair model (`AlignParams.pair_model`, matcher.PAIR_FEATURES) ---
# the fictional training sets (fresh_events12 is held out: never read here)
PM_FRESH = tuple(f"fresh_events{n}" for n in range(2, 12))
# r23: fresh_events12 is training data now (fresh_events13 is held out: never read here)
PM_FRESH_R23 = tuple(f"fresh_events{n}" for n in range(2, 13))
# r24: fresh_events13 is training data too (spent in round 23; fresh_events14/15 are held out)
PM_FRESH_R24 = tuple(f"fresh_events{n}" for n in range(2, 14))
# r25: fresh_events14 is training data too (spent in round 24; fresh_events15/16 are held out)
PM_FRESH_R25 = tuple(f"fresh_events{n}" for n in range(2, 15))
# r26: fresh_events15 is training data too (spent in round 25; fresh_events16/17 are held out)
PM_FRESH_R26 = tuple(f"fresh_events{n}" for n in range(2, 16))
PM_ROWS_REV = 2  # bumped when the pair model's labels or inputs change


def pm_story_rows(analyses, models, make_label: Callable, group: str) -> list:
    """(features, label, group, weight, rule accepts, a parting test holds) of every labelled
    retrieved pair of one story that the hard rules (`matcher.ruled_out`) let through, read from
    the scorer alignment builds with `pair_model="collect"` (the inputs the switch reads at run
    time: the story's clauses and the sentence-pair model's p)."""
    import dataclasses

    from consilience.story import align as align_stage
    from consilience.story.build import alignment_inputs, resolve_options, story_analyses
    from consilience.story.matcher import pair_model_features
    from consilience.story.resolve import resolve
    from consilience.story.syndication import find_origins

    analyses = story_analyses(analyses)
    res = resolve(analyses, resolve_options())
    origins = find_origins([an.article for an in analyses])
    claims, quotes, roles, docs = alignment_inputs(analyses, res, origins, models)
    if len(claims) < 2:
        return []
    label_of = make_label(claims)
    p = dataclasses.replace(align_stage.DEFAULT_PARAMS, pair_model="collect")
    trace = align_stage.Trace()
    align_stage.align(claims, models, p, roles=roles, docs=docs, quotes=quotes, trace=trace)
    sc = trace.scorer
    rows = []
    for i, j in candidate_pairs(sc, p.k, p.frame_bucket):
        if claims[i].span.article == claims[j].span.article:
            continue
        y = label_of(claims[i], claims[j])
        if y is None:
            continue
        ro = ruled_out(sc, i, j)
        apart = align_stage._sentence_apart(sc, i, j)
        rule_ok = not ro and sc.score(i, j) >= p.threshold
        # r23-parting: every parting test that holds (ruled-out rows kept, flagged), the gold
        # item's kind of a positive ("corroborated" / "conflicts"), a claim without predicate
        tests = tuple(align_stage.parting_tests(sc, i, j))
        kind = label_of.kind(claims[i], claims[j]) if y == 1 else ""
        rows.append((pair_model_features(sc, i, j, apart), y, group, 1.0, rule_ok, apart,
                     tests, kind, ro, align_stage.no_predicate(sc, i, j),
                     (claims[i].read_text[:120], claims[j].read_text[:120])))
    return rows


def pm_kind_of(items: dict, same: set[str]) -> Callable:
    """kind(a, b) of a positive pair: "corroborated" when the claims share a corroborated
    item, else "conflicts"."""

    def kind(a, b) -> str:
        shared = items.get(a.id, set()) & items.get(b.id, set()) & same
        return "corroborated" if any(k.startswith("corroborated") for k in shared) \
            else "conflicts"

    return kind


def fresh_labels(answers: dict, text: dict[str, str], claims) -> Callable:
    """label(a, b) for one event of a fictional set: claims over one `corroborated` or
    `conflicts` item's phrases state one fact (1); claims that both hold phrases of items and
    share none (the two sides of a `kept_apart` look-alike are two items) state different facts
    (0); any other pair is unknown (None). `one_source` (one outlet's two articles) and
    `no_conflict` items (their sentences may be one fact) are not read."""
    from examples_eval import locate

    items: dict[str, set[str]] = defaultdict(set)
    same: set[str] = set()

    def mark(file: str, phrase: str, item: str) -> None:
        art = Path(file).stem
        sp = locate(text.get(art, ""), phrase)
        if sp is None:
            return
        for c in claims:
            if c.span.article == art and c.span.start < sp[1] and sp[0] < c.span.end:
                items[c.id].add(item)

    for kind, field in (("corroborated", "phrases"), ("conflicts", "values")):
        for it in answers.get(kind, []):
            same.add(f"{kind}:{it['id']}")
            for fl, phrase in it[field].items():
                mark(fl, phrase, f"{kind}:{it['id']}")
    for it in answers.get("kept_apart", []):
        for side in ("a", "b"):
            for fl, phrase in it[side].items():
                mark(fl, phrase, f"apart:{it['id']}:{side}")

    def label(a, b):
        x, y = items.get(a.id, set()), items.get(b.id, set())
        if not x or not y:
            return None
        if x & y & same:
            return 1
        return None if x & y else 0

    label.kind = pm_kind_of(items, same)  # type: ignore[attr-defined]
    return label


def pm_rows(devdata: Path, bench: Path, cache: Path, models,
            sets: tuple[str, ...] = PM_FRESH) -> list:
    """The pair model's rows: every event of the fictional training sets (group
    "fresh_eventsN:event") and the BASIL tuning events ("basil:event"), cached per set under
    `cache` (a set's pickle is rebuilt when the features or labels change)."""
    from fresh_events_eval import load_articles

    from consilience.analysis import analyze
    from consilience.story.build import canonical_order
    from consilience.story.matcher import PAIR_FEATURES

    cache.mkdir(parents=True, exist_ok=True)
    key = {"features": list(PAIR_FEATURES), "rev": PM_ROWS_REV}
    out = []
    for name in (*sets, "basil"):
        f = cache / f"rows_{name}.pkl"
        got = pickle.loads(f.read_bytes()) if f.is_file() else None
        if isinstance(got, dict) and got.get("key") == key:
            out += got["rows"]
            continue
        rows = []
        if name == "basil":
            score = load_scorer(devdata / "basil")
            for ev in TUNING:  # never the validation events
                gold, letter_art, analyses = load_event(devdata / "basil", ev, models)
                rows += pm_story_rows(
                    analyses, models,
                    lambda cl, g=gold, la=letter_art, s=score: basil_labels(s, g, la, cl),
                    f"basil:{ev}")
        else:
            for folder in sorted(p for p in (bench / name).iterdir() if p.is_dir()):
                answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
                articles = load_articles(folder)
                text = {a.id: a.text for a in articles}
                analyses = sorted(analyze(articles, models), key=canonical_order)
                rows += pm_story_rows(
                    analyses, models, lambda cl, a=answers, t=text: fresh_labels(a, t, cl),
                    f"{name}:{folder.name}")
        print(f"  {name}: {len(rows)} rows, {sum(r[1] for r in rows)} positive", flush=True)
        f.write_bytes(pickle.dumps({"key": key, "rows": rows}))
        out += rows
    return out


def pm_fold(group: str) -> str:
    """The fold of a pair model row: a fictional set is one fold (its events were written
    together: leave one set out); each BASIL tuning event is one."""
    return group.split(":")[0] if group.startswith("fresh_events") else group


def pm_fit(rows, kind: str, c: float):
    """(final model, mean, scale, Platt (a, b), out-of-fold calibrated p): fitted on every row,
    out of fold by `pm_fold` (leave one fictional set / one BASIL event out), Platt on the
    out-of-fold decision values; the relative features are zeroed (as in the matcher)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut

    from consilience.story.matcher import PAIR_FEATURES

    X = np.asarray([r[0] for r in rows], dtype="float64")
    X[:, N_REL:len(FEATURES)] = 0.0
    y = np.asarray([r[1] for r in rows])
    folds = np.asarray([pm_fold(r[2]) for r in rows])
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = X if kind == "hgb" else (X - mean) / scale
    mono = {*MONOTONE, "clause_cos", "sent_p"}

    def model():
        if kind == "hgb":
            return HistGradientBoostingClassifier(
                max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=20,
                l2_regularization=1.0, random_state=SEED,
                monotonic_cst=[1 if n in mono else 0 for n in PAIR_FEATURES])
        return LogisticRegression(C=c, max_iter=4000, random_state=SEED)

    oof = np.zeros(len(y))
    for tr, te in LeaveOneGroupOut().split(Z, y, folds):
        oof[te] = model().fit(Z[tr], y[tr]).decision_function(Z[te])
    platt = LogisticRegression(C=1e6, max_iter=2000, random_state=SEED)
    platt.fit(oof.reshape(-1, 1), y)
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    return model().fit(Z, y), mean, scale, (a, b), prob


def pm_decision_mask(rows) -> np.ndarray:
    """The rows the switch can add: no rule accepts them and nothing parts them."""
    return np.asarray([not r[4] and not r[5] for r in rows])


def pm_build(rows, args, quiet: bool = False) -> dict:
    """The pair model file: fitted on `rows`; the threshold is the lowest calibrated p whose
    out-of-fold precision, on the rows the switch can add (`pm_decision_mask`), reaches
    --precision (a rule fixed before any guard ran)."""
    from consilience.story.matcher import PAIR_FEATURES

    final, mean, scale, platt, prob = pm_fit(rows, args.model, args.C)
    y = np.asarray([r[1] for r in rows])
    add = pm_decision_mask(rows)
    t = pick_threshold(prob, y, add, args.precision)
    if not quiet:
        print(f"pair model rows: {len(rows)} (positives {int(y.sum())}); the switch's "
              f"population (no rule, nothing parts): {int(add.sum())} "
              f"(positives {int(y[add].sum())}); threshold same={t:.2f}")
        pm_report(rows, prob, t)
    if args.model == "hgb":
        trees, coef, intercept = tree_json(final), [0.0] * len(PAIR_FEATURES), 0.0
    else:
        trees, coef, intercept = None, final.coef_[0], final.intercept_[0]
    return {
        "about": "r22 claim-pair model (AlignParams.pair_model, additive): "
                 f"{'boosted trees' if args.model == 'hgb' else 'standardised logistic regression'}"
                 " + Platt calibration on leave-one-set-out scores; built by "
                 "bench/train_matcher.py --pair-model from the fictional sets 2-11 and the "
                 "BASIL tuning events",
        "features": list(PAIR_FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
        **({"trees": trees} if trees else {}),
        "platt": [round(platt[0], 6), round(platt[1], 6)],
        "thresholds": {"same": t, "precision_target": args.precision},
        "training": {"pairs": len(rows), "positives": int(y.sum()), "seed": SEED,
                     "model": args.model, "C": args.C,
                     "left_out": sorted(args.exclude.split(",")) if args.exclude else []},
    }


def pm_labels_sources(rows):
    """The rows' gold labels and their sources (a fresh set, or "basil" for every BASIL event)."""
    y = np.asarray([r[1] for r in rows])
    src = np.asarray([pm_fold(r[2]) if not r[2].startswith("basil") else "basil"
                      for r in rows])
    return y, src


def pm_report(rows, prob, t: float) -> None:
    """Out-of-fold precision / recall per source at the threshold: all labelled rows, and the
    rows the switch can add (no rule, nothing parts)."""
    y, src = pm_labels_sources(rows)
    add = pm_decision_mask(rows)
    rule = np.asarray([r[4] for r in rows])
    print(f"  {'source':>15s} {'rows':>5s} {'pos':>4s} {'rule TP/FP':>10s} | switch pop: "
          f"{'rows':>5s} {'pos':>4s} {'added TP/FP':>11s} {'P':>5s} {'R':>5s}")
    for s in [*sorted(set(src)), "ALL"]:
        m = np.ones(len(y), bool) if s == "ALL" else src == s
        sel = m & add & (prob >= t)
        tp, fp = int((sel & (y == 1)).sum()), int((sel & (y == 0)).sum())
        pos = int((m & add & (y == 1)).sum())
        print(f"  {s:>15s} {int(m.sum()):5d} {int(y[m].sum()):4d} "
              f"{int((m & rule & (y == 1)).sum()):4d}/{int((m & rule & (y == 0)).sum()):<5d} | "
              f"{' ':>11s} {int((m & add).sum()):5d} {pos:4d} {tp:5d}/{fp:<5d} "
              f"{tp / max(1, tp + fp):5.3f} {tp / max(1, pos):5.3f}")


def pm_loeo(rows, args, models) -> None:
    """Leave one BASIL tuning event out, end to end: each event is run without the switch and
    with a pair model fitted without that event's rows, and scored with score.py (the item
    kinds summed over the six events)."""
    import dataclasses

    from basil_eval import run_event

    from consilience.story import align

    root = args.path / "basil"
    score = load_scorer(root)
    kinds = ("corroborated", "conflicts", "single_source", "not_same", "quotes")
    per = {m: {k: [0, 0] for k in kinds} for m in ("off", "on")}
    base = align.DEFAULT_PARAMS
    out = args.pm_cache.parent
    for name in TUNING:
        data = pm_build([r for r in rows if r[2] != f"basil:{name}"], args, quiet=True)
        path = out / f"pm_loeo_{name}.json"
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        gold = json.loads((root / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        for mode, pm in (("off", ""), ("on", str(path))):
            align.DEFAULT_PARAMS = dataclasses.replace(base, pair_model=pm)
            report = run_event(root, name, models)
            got = {k: 0 for k in kinds}
            for kind, _gid, ok, _why in score.Scorer(report, gold).run():
                if kind in kinds:
                    per[mode][kind][0] += int(ok)
                    per[mode][kind][1] += 1
                    got[kind] += int(ok)
            print(f"  {name} {mode}: " + " ".join(f"{k} {v}" for k, v in got.items()),
                  flush=True)
    align.DEFAULT_PARAMS = base
    for mode in ("off", "on"):
        cells = " ".join(f"{k} {a}/{b}" for k, (a, b) in per[mode].items())
        print(f"BASIL tuning leave-one-event-out, pair model {mode}: {cells}")


def pm_main(args, models) -> None:
    rows = pm_rows(args.path, Path(__file__).parent, args.pm_cache, models)
    rows = [r[:6] for r in rows if not (len(r) > 8 and r[8])]  # r22: ruled-out rows not read
    if args.loeo:
        pm_loeo(rows, args, models)
        return
    if args.exclude:
        gone = set(args.exclude.split(","))
        rows = [r for r in rows if pm_fold(r[2]) not in gone
                and not (r[2].startswith("basil:") and r[2][6:] in gone)]
    if args.compare:
        for kind in ("lr", "hgb"):
            from sklearn.metrics import average_precision_score

            _f, _m, _s, _p, prob = pm_fit(rows, kind, args.C)
            y = np.asarray([r[1] for r in rows])
            add = pm_decision_mask(rows)
            t = pick_threshold(prob, y, add, args.precision)
            print(f"{kind}: AP all {average_precision_score(y, prob):.3f}, switch population "
                  f"{average_precision_score(y[add], prob[add]):.3f}; threshold {t:.2f}")
            pm_report(rows, prob, t)
        return
    data = pm_build(rows, args)
    out = args.out if args.out != MODEL_PATH else PAIR_MODEL_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


# --- r23-parting: which parting tests part gold pairs; the r23 pair model that may overrule
# the opened ones (`AlignParams.pair_model_opens`, matcher.PAIR23_FEATURES) ---
# the tests the packaged r23 file opens (`matcher.HARD_TESTS` are never opened): the test that
# parts the most corroborated pairs, 218 of them alone (the table: it parts the most
# corroborated pairs of all), chosen out of fold: opening "other events", "mutual objects
# apart", "unnamed subjects", "other places" and "other named subjects" too, no threshold reaches
# out-of-fold precision 0.95 (docs/quality.md, "r23-parting")
PM23_OPENS = ("other predicates",)


def pm23_rows(rows) -> list:
    """The rows the r23 model is fitted on: every labelled pair the hard rules
    (`matcher.ruled_out`) let through, its features `PAIR23_FEATURES`."""
    from consilience.story.matcher import PART_TESTS

    return [((*r[0], *(float(t in r[6]) for t in PART_TESTS)), *r[1:]) for r in rows if not r[8]]


def pm23_mask(rows, opens) -> np.ndarray:
    """The rows the r23 switch can add: no rule accepts them, a parting test holds and every
    one that holds is opened, both claims have a predicate."""
    op = set(opens)
    return np.asarray([not r[4] and bool(r[6]) and set(r[6]) <= op and not r[9] for r in rows])


def pm23_table(rows) -> None:
    """Per parting test (by name), the labelled rows it parts: positives of corroborated items,
    of conflict items, negatives; alone (the only test that holds) and in all; and its
    precision as a "different" decision (negatives / parted, conflict pairs counted apart)."""
    from collections import Counter

    tot = Counter()
    alone = Counter()
    for r in rows:
        cls = "neg" if r[1] == 0 else ("corr" if r[7] == "corroborated" else "conf")
        for t in r[6]:
            tot[(t, cls)] += 1
        names = {t.removeprefix("ro ") for t in r[6]}
        if len(names) == 1:  # one test alone ("ro other agents" is `different`'s too)
            for t in r[6]:
                alone[(t, cls)] += 1
    n = Counter("neg" if r[1] == 0 else ("corr" if r[7] == "corroborated" else "conf")
                for r in rows)
    print(f"rows {len(rows)}: corroborated pos {n['corr']}, conflict pos {n['conf']}, "
          f"neg {n['neg']}")
    un = Counter("neg" if r[1] == 0 else ("corr" if r[7] == "corroborated" else "conf")
                 for r in rows if not r[6])
    rule = Counter("neg" if r[1] == 0 else ("corr" if r[7] == "corroborated" else "conf")
                   for r in rows if r[4])
    print(f"no test parts: corr {un['corr']} conf {un['conf']} neg {un['neg']}; rules accept:"
          f" corr {rule['corr']} conf {rule['conf']} neg {rule['neg']}")
    print("| test | corr parted | conf parted | neg parted | P(different) corr only | P incl."
          " conf | alone: corr/conf/neg |")
    print("|---|---|---|---|---|---|---|")
    for t in sorted({t for t, _ in tot}, key=lambda t: -sum(tot[(t, c)] for c in
                                                            ("corr", "conf", "neg"))):
        c, f, g = tot[(t, "corr")], tot[(t, "conf")], tot[(t, "neg")]
        print(f"| {t} | {c} | {f} | {g} | {g / max(1, g + c):.2f} | {g / max(1, g + c + f):.2f}"
              f" | {alone[(t, 'corr')]}/{alone[(t, 'conf')]}/{alone[(t, 'neg')]} |")


def pm23_build(rows, args, opens, quiet: bool = False) -> dict:
    """The r23 pair model file: fitted on the rows the hard rules let through, the threshold
    the lowest calibrated p whose out-of-fold precision on the switch's population
    (`pm23_mask`) reaches --precision."""
    from consilience.story.matcher import HARD_TESTS, PAIR23_FEATURES

    assert not set(opens) & HARD_TESTS, "a hard test cannot be opened"
    final, mean, scale, platt, prob = pm_fit(rows, "lr", args.C)
    y = np.asarray([r[1] for r in rows])
    add = pm23_mask(rows, opens)
    t = pick_threshold(prob, y, add, args.precision)
    sel = add & (prob >= t)
    if not sel.any() or y[sel].mean() < args.precision:
        t = 1.01  # no threshold reaches the target out of fold: the file adds nothing
    if not quiet:
        print(f"r23 rows: {len(rows)} (positives {int(y.sum())}); the switch's population "
              f"(parted only by {', '.join(opens)}): {int(add.sum())} (positives "
              f"{int(y[add].sum())}); threshold same={t:.2f}")
        pm23_report(rows, prob, t, add)
    return {
        "about": "r23 claim-pair model (AlignParams.pair_model_opens, additive): standardised "
                 "logistic regression + Platt calibration on leave-one-set-out scores, the "
                 "parting tests as features; may add pairs parted only by the tests it opens; "
                 "built by bench/train_matcher.py --pair-model-opens from the fictional sets "
                 "2-12 and the BASIL tuning events",
        "features": list(PAIR23_FEATURES),
        "opens": list(opens),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 6),
        "platt": [round(platt[0], 6), round(platt[1], 6)],
        "thresholds": {"same": t, "precision_target": args.precision},
        "training": {"pairs": len(rows), "positives": int(y.sum()), "seed": SEED,
                     "model": "lr", "C": args.C,
                     "left_out": sorted(args.exclude.split(",")) if args.exclude else []},
    }


def pm23_report(rows, prob, t: float, add) -> None:
    """Out-of-fold precision / recall per source at the threshold on the switch population."""
    from sklearn.metrics import average_precision_score

    y, src = pm_labels_sources(rows)
    corr = np.asarray([r[7] == "corroborated" for r in rows])
    if add.sum() and y[add].sum():
        print(f"  AP all rows {average_precision_score(y, prob):.3f}, switch population "
              f"{average_precision_score(y[add], prob[add]):.3f}")
    print("| source | rows | pos | switch rows | switch pos (corr) | added TP/FP (corr) | P | R |")
    print("|---|---|---|---|---|---|---|---|")
    for s in [*sorted(set(src)), "all"]:
        m = np.ones(len(y), bool) if s == "all" else src == s
        sel = m & add & (prob >= t)
        tp, fp = int((sel & (y == 1)).sum()), int((sel & (y == 0)).sum())
        pos = int((m & add & (y == 1)).sum())
        print(f"| {s} | {int(m.sum())} | {int(y[m].sum())} | {int((m & add).sum())} | {pos} "
              f"({int((m & add & corr).sum())}) | {tp}/{fp} ({int((sel & corr).sum())}) | "
              f"{tp / max(1, tp + fp):.2f} | {tp / max(1, pos):.2f} |")


def pm23_main(args, models) -> None:
    rows = pm_rows(args.path, Path(__file__).parent, args.pm_cache, models, PM_FRESH_R23)
    if args.table:
        pm23_table(rows)
        return
    rows = pm23_rows(rows)
    if args.exclude:
        gone = set(args.exclude.split(","))
        rows = [r for r in rows if pm_fold(r[2]) not in gone
                and not (r[2].startswith("basil:") and r[2][6:] in gone)]
    opens = tuple(args.opens.split(",")) if args.opens else PM23_OPENS
    data = pm23_build(rows, args, opens)
    out = args.out if args.out != MODEL_PATH else PAIR23_MODEL_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="../shared/devdata", type=Path,
                    help="the devdata folder (ecbplus/, basil/)")
    ap.add_argument("--ecb-cache", type=Path, help="pickle of ECB+ train analyses to reuse")
    ap.add_argument("--rows-cache", type=Path, help="pickle of the labelled ECB+ pair rows to reuse")
    ap.add_argument("--precision", type=float, default=0.95,
                    help="out-of-fold pair precision the 'same fact' threshold must reach")
    ap.add_argument("--basil-weight", type=float, default=0.0,
                    help="weight of a BASIL tuning pair against an ECB+ pair (0: as many "
                         "BASIL as ECB+ pairs in total)")
    ap.add_argument("--pick-on", choices=["basil", "ecb"], default="basil",
                    help="whose out-of-fold pairs choose the threshold")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--ecb-weight", type=float, default=1.0,
                    help="weight of an ECB+ pair (0: BASIL tuning pairs only)")
    ap.add_argument("--model", choices=["lr", "hgb"], default="lr",
                    help="logistic regression or gradient-boosted trees (pair AP only)")
    ap.add_argument("--base-only", action="store_true",
                    help="ablation: zero the bound-argument features")
    ap.add_argument("--relative", action="store_true",
                    help="fit the relative features too (rank, margin, z-score within the "
                         "article pair; r12); without it they are zeroed (weight 0 in the "
                         "file): measured, they carry worse across corpora (docs/quality.md, "
                         "\"Relative features for the learned matcher\")")
    ap.add_argument("--drop", default="",
                    help="ablation: comma-separated features to zero (weight 0 in the file)")
    ap.add_argument("--hard-neg", type=float, default=1.0,
                    help="weight factor of a negative pair with one predicate and another "
                         "object, agent, value or date")
    ap.add_argument("--ecb-labels", choices=ECB_LABELS, default="statement",
                    help="ECB+ pair labels: 'statement' (default): the claims share an event "
                         "chain and their cross-document participant, time and place chains "
                         "agree, counts aside ('statement-all': singleton chains too; "
                         "'participants': times and places set aside like counts); 'claim': "
                         "they share an event chain (2026-12-05 late); 'sentence': their "
                         "annotated sentences share one (before)")
    ap.add_argument("--ecb-sentences", action="store_true", help="same as --ecb-labels sentence")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--cv", action="store_true",
                    help="leave-one-event-out end-to-end scores on the BASIL tuning events "
                         "at each threshold of --grid; writes no model")
    ap.add_argument("--transfer", action="store_true",
                    help="fit on one corpus alone, score the other (with and without the "
                         "relative features); writes no model")
    ap.add_argument("--grid", default="0.5,0.6,0.7,0.8,0.9")
    ap.add_argument("--add", action="store_true",
                    help="--cv runs with AlignParams.learned_add: the matcher only adds pairs")
    ap.add_argument("--no-keep", action="store_true",
                    help="--cv runs without AlignParams.learned_keep")
    ap.add_argument("--pair-model", action="store_true",
                    help="r22: build the pair model (AlignParams.pair_model; data/"
                         "pair_model_r22.json) from the fictional sets 2-11 and the BASIL "
                         "tuning events (rows cached under --pm-cache)")
    ap.add_argument("--pm-cache", type=Path, default=Path("/tmp/r22-pairmodel/rows"),
                    help="--pair-model: the folder of the per-set row pickles")
    ap.add_argument("--exclude", default="",
                    help="--pair-model: comma-separated folds left out (fresh_eventsN, or a "
                         "BASIL tuning event's name): a leave-one-set-out file")
    ap.add_argument("--loeo", action="store_true",
                    help="--pair-model: BASIL tuning end to end, leave one event out, with and "
                         "without the switch; writes no packaged model")
    ap.add_argument("--compare", action="store_true",
                    help="--pair-model: out-of-fold tables of lr and hgb; writes no model")
    ap.add_argument("--pair-model-opens", action="store_true",
                    help="r23: build the r23 pair model (AlignParams.pair_model_opens; data/"
                         "pair_model_r23.json) from the fictional sets 2-12 and the BASIL "
                         "tuning events (rows cached under --pm-cache; use "
                         "/tmp/r23-parting/rows)")
    ap.add_argument("--opens", default="",
                    help="--pair-model-opens: comma-separated parting tests to open "
                         "(default: PM23_OPENS)")
    ap.add_argument("--table", action="store_true",
                    help="--pair-model-opens: print the parting-test table; writes no model")
    args = ap.parse_args()
    if args.pair_model_opens:
        from consilience.resources import Models

        pm23_main(args, Models())
        return
    if args.pair_model:
        from consilience.resources import Models

        pm_main(args, Models())
        return
    for sub in ("ecbplus/articles.jsonl", "basil/score.py"):
        if not (args.path / sub).is_file():
            sys.exit(f"{args.path}: no {sub} there")

    from consilience.resources import Models

    models = Models()
    # the ECB+ pairs take minutes to build and change only with the features: cached on request;
    # the BASIL tuning pairs (seconds) are always rebuilt
    labels = "sentence" if args.ecb_sentences else args.ecb_labels
    key = f"{labels}:{LABELS_REV}"
    cached = pickle.loads(args.rows_cache.read_bytes()) \
        if args.rows_cache and args.rows_cache.is_file() else None
    if isinstance(cached, dict) and cached.get("labels") == key \
            and cached.get("features") == list(FEATURES):
        rows = cached["rows"]
    else:  # no cache, or one built with other labels or features: rebuilt
        rows = ecb_rows(args.path / "ecbplus", args.ecb_cache, models, labels)
        if args.rows_cache:
            args.rows_cache.write_bytes(pickle.dumps(
                {"labels": key, "features": list(FEATURES), "rows": rows}))
    rows += basil_rows(args.path / "basil", models, args.basil_weight)
    if args.cv:
        cross_validate(rows, args, models)
        return
    if args.transfer:
        transfer(rows, args)
        return
    data = build(rows, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
