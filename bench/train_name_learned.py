"""Train the learned person-name matcher (`consilience.story.namelearn`, data/name_learned.json).

Pairs of person-name forms of one story, any two forms (not only two full names of related
surnames as `bench/train_name_pairs.py` builds):

- ECB+ TRAIN split: the gold HUMAN_PART_PER mentions that are names and belong to a
  cross-document chain; one pair per two distinct forms of one topic, positive when they share a
  chain, negative when they belong to two chains (ECB+ DEV is never read);
- the spent fresh sets bench/fresh_events2..9 (`same_entity` forms pairwise positive,
  `different_entity` sides negative, weighted by --fresh-weight; and the forms of two different
  `same_entity` person items of one event, negative at weight 1). A form that holds no name
  (a role alone: "the coxswain") is left out and counted as role-carried.

Out-of-fold probabilities (8 folds: each fresh set is one fold, ECB+ topics spread over them)
choose the join threshold: the lowest probability at which the out-of-fold precision on the
pairs the resolver asks the model about (the rules leave them apart; no generation mark and no
office differs) is at least --precision, on all pairs and on the fresh pairs alone; and the veto bar: the highest probability under which out-of-fold rule-joined pairs
are different persons at that precision. Gradient boosted trees (depth 3, 150 trees, seed 0; with --r25 depth 2, 300 trees; the
probability calibration is checked with an out-of-fold reliability table) write the same
bytes on every run:

    python bench/train_name_learned.py ../shared/devdata/ecbplus [--out PATH] [--exclude fresh_events5]

`--r26 --cache DIR` (round 26, docs/quality.md "r26-spell") builds the round 26 model
(data/name_learned_r26.json, read with `AlignParams.resolve_name_learned_r26`): FEATURES_R26,
the spelling features plus what the text around each side's mentions says
(`story.mentionctx`: stated ages, role words, a kinship reading, the sentences' content words),
read for a fresh form from the analysis' entity whose mention it overlaps (DIR: the pickled
analyses of `bench/family_traps.py --cache`), for an ECB+ form from its gold mentions; fresh
sets 2..15, depth 2, 300 trees, the join bar chosen out of fold for precision 0.97:

    python bench/train_name_learned.py --r26 --cache /tmp/r26-spell/an

`--r25` (round 25, docs/quality.md "r25-spell") builds the round 25 model instead
(data/name_learned_r25.json, read with `AlignParams.resolve_name_learned_r25`): the spelling
features `namelearn.FEATURES_R25`, the fresh sets 2..14, the join bar chosen out of fold for
precision 0.97:

    python bench/train_name_learned.py --r25
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from examples_eval import locate  # noqa: E402
from train_name_pairs import _person, name_words, rules_join  # noqa: E402

from consilience.lexicon.places import PLACE_NOUNS  # noqa: E402
from consilience.story.mentionctx import (  # noqa: E402
    NO_CONTEXT,
    MentionContext,
    mention_context,
    merge_contexts,
)
from consilience.story.namelearn import (  # noqa: E402
    FEATURES,
    FEATURES_R25,
    FEATURES_R26,
    MODEL_PATH,
    MODEL_PATH_R25,
    MODEL_PATH_R26,
    Context,
    LearnedModel,
    form_features,  # noqa: E402
    is_org_form,
    model_from_dict,
    read_form,
)

FRESH_SETS = tuple(f"fresh_events{n}" for n in range(2, 10))
FRESH_SETS_R25 = tuple(f"fresh_events{n}" for n in range(2, 15))
FRESH_SETS_R26 = tuple(f"fresh_events{n}" for n in range(2, 16))
R25 = False  # `--r25`: FEATURES_R25 (set by main, or by `use_r25`)
R26 = False  # `--r26`: FEATURES_R26 (set by main, or by `use_r26`)
OOF_OUT: Path | None = None  # `--oof PATH`: save the out-of-fold probabilities (and rows)
CACHE: Path | None = None  # `--cache`: pickled analyses of the fresh events (round 26)


def use_r25(on: bool = True) -> None:
    """Train the round 25 model (FEATURES_R25, fresh sets 2..14) from here on."""
    global R25, FRESH_SETS
    R25 = on
    FRESH_SETS = FRESH_SETS_R25 if on else tuple(f"fresh_events{n}" for n in range(2, 10))


def use_r26(cache: Path | None, on: bool = True) -> None:
    """Train the round 26 model (FEATURES_R26, fresh sets 2..15; the spelling model's trees,
    depth 2 and 300) from here on; `cache`: the fresh events' pickled analyses."""
    global R26, CACHE, FRESH_SETS
    use_r25(on)
    R26, CACHE = on, cache
    if on:
        FRESH_SETS = FRESH_SETS_R26


def _ff(a, b, ctx):
    return form_features(a, b, ctx, R25, R26)


def _feature_names() -> tuple[str, ...]:
    return FEATURES_R26 if R26 else FEATURES_R25 if R25 else FEATURES


@lru_cache(maxsize=64)
def _event_analyses(folder: str) -> dict[str, object]:
    """The pickled analyses of one fresh event (`--cache`), by article id (the file's stem)."""
    import pickle

    p = Path(folder)
    path = CACHE / f"{p.parent.name}__{p.name}.pkl" if CACHE else None
    if path is None or not path.is_file():
        return {}
    return {an.article.id: an for an in pickle.loads(path.read_bytes())}


def form_context(folder: Path, file: str, raw: str) -> MentionContext:
    """The mention context of a fresh form (round 26): the analysis' entity (no place) one of
    whose mentions overlaps the form where the file writes it most (its mentions and roles),
    else the form's own place in the text."""
    return _form_person(str(folder), file, raw)[0]


def form_entity(folder: Path, file: str, raw: str) -> str | None:
    """The analysis' entity (file and local id; "" for none) a fresh form overlaps, or None
    when only place-like entities (`_NOT_PERSON`) hold it: the resolver never asks the name
    matcher about a place (an ORG-typed name may be retyped a person, so it stays)."""
    return _form_person(str(folder), file, raw)[1]


_NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "LAW",
                         "EVENT", "LANGUAGE"})


@lru_cache(maxsize=65536)
def _form_person(folder_s: str, file: str, raw: str) -> tuple[MentionContext, str | None]:
    if not R26:
        return NO_CONTEXT, None
    folder = Path(folder_s)
    an = _event_analyses(folder_s).get(Path(file).stem)
    if an is None:
        text = (folder / file).read_text(encoding="utf-8")
        rng = locate(text, raw)
        return (mention_context(text, [rng]) if rng else NO_CONTEXT), ""
    text = an.article.text
    rng = locate(text, raw)
    if rng is None:
        return NO_CONTEXT, ""
    s, e = rng
    if any(min(e, m.end) > max(s, m.start) and m.type not in _NOT_PERSON
           for m in an.mentions):
        pass
    elif any(min(e, m.end) > max(s, m.start) for m in an.mentions):
        return NO_CONTEXT, None  # only place-like entities hold it
    best, over = None, 0
    for le in an.entities:
        if le.type in _NOT_PERSON:
            continue
        for i in le.mentions:
            if not 0 <= i < len(an.mentions):
                continue
            m = an.mentions[i]
            o = min(e, m.end) - max(s, m.start)
            if o > over:
                best, over = le, o
    if best is None:
        return mention_context(text, [rng]), ""
    idx = [i for i in best.mentions if 0 <= i < len(an.mentions)]
    roles = list(best.roles) + [an.mentions[i].role for i in idx if an.mentions[i].role]
    return (mention_context(text, [(an.mentions[i].start, an.mentions[i].end) for i in idx],
                            roles), f"{file}#{best.id}")


# ../shared/devdata/ecbplus of the checkout (or of a folder above a worktree)
DEFAULT_ECB = next((p / "shared" / "devdata" / "ecbplus" for p in HERE.parents
                    if (p / "shared" / "devdata" / "ecbplus").is_dir()),
                   HERE.parent.parent / "shared" / "devdata" / "ecbplus")
# (features, label, rules join, weight, fold, source, "form a | form b")
Row = tuple[list[float], int, bool, float, int, str, str]


def _rule(a: str, b: str) -> bool:
    """The resolver's rules join the two forms (normalised tokens, joined by spaces)."""
    pa, pb = _person(a.title()), _person(b.title())
    return bool(pa and pb and rules_join(pa, pb))


def ecb_rows(path: str) -> tuple[Row, ...]:
    return _ecb_rows(path, R25, R26)


@lru_cache(maxsize=4)
def _ecb_rows(path: str, r25: bool, r26: bool = False) -> tuple[Row, ...]:
    p = Path(path)
    arts: dict[str, int] = {}
    texts = []
    by_id: dict[str, str] = {}
    for line in open(p / "articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        if a["gold"]["split"] == "train":
            arts[a["id"]] = a["gold"]["topic"]
            texts.append(a["text"])
            by_id[a["id"]] = a["text"]
    names = name_words(texts)
    by_topic: dict[int, list[tuple[str, str, str, int, int]]] = defaultdict(list)
    for line in open(p / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["article"] in arts and m["tag"] == "HUMAN_PART_PER" and m["cross_doc"]:
            by_topic[arts[m["article"]]].append((m["article"], m["text"], m["chain"],
                                                 m["start"], m["end"]))
    out: dict[tuple, Row] = {}
    for topic, ments in sorted(by_topic.items()):
        forms: dict[tuple, set[str]] = defaultdict(set)  # (tokens, gen, chain) -> articles
        # round 26: the chain's gold mentions in each article (its persons' mention contexts)
        chain_spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for art, text, chain, start, end in ments:
            chain_spans[(chain, art)].append((start, end))
            if _person(text, names) is None:
                continue
            f = read_form(text)
            if f[0] and not is_org_form(list(f[0])):
                forms[(f, chain)].add(art)

        def _ctx(k: tuple, forms: dict = forms, spans: dict = chain_spans) -> MentionContext:
            if not r26:
                return NO_CONTEXT
            return merge_contexts([mention_context(by_id[art], spans[(k[1], art)])
                                   for art in sorted(forms[k])])

        for ka, kb in combinations(sorted(forms, key=str), 2):
            if ka[0] == kb[0]:
                continue
            ctx = Context(bool(forms[ka] & forms[kb]), _ctx(ka), _ctx(kb))
            y = int(ka[1] == kb[1])
            key = (tuple(sorted((ka[0], kb[0]), key=str)), y)
            if key in out:
                continue
            rj = _rule(" ".join(ka[0][0]), " ".join(kb[0][0]))
            out[key] = (_ff(ka[0], kb[0], ctx), y, rj, 1.0, int(topic) % 8, "ecb",
                        f"{' '.join(ka[0][0])} | {' '.join(kb[0][0])}")
    return tuple(out[k] for k in sorted(out, key=str))


_ACRONYM = re.compile(r"\([A-Z]{2,6}\)|\b[A-Z]{2,6}\b(?! [A-Z][a-z])")


def _fresh_forms(forms: dict[str, str]) -> list[tuple[str, tuple, str]]:
    """(file, name_form, raw) of an item's forms that hold a person's name."""
    out = []
    for fl, raw in forms.items():
        f = read_form(raw)
        if f[0] and not is_org_form(list(f[0])) and not (set(f[0]) & PLACE_NOUNS):
            out.append((fl, f, raw))
    return out


def fresh_rows(name: str, fold: int, weight: float) -> tuple[list[Row], int]:
    """Rows of one fresh set and the number of role-carried forms (no name in the form)."""
    rows: list[Row] = []
    role_only = 0
    for ans in sorted((HERE / name).glob("*/answers.json")):
        data = json.loads(ans.read_text(encoding="utf-8"))
        folder = ans.parent

        def cx(fl: str, raw: str, folder: Path = folder) -> MentionContext:
            return form_context(folder, fl, raw)

        def persons(ff: list, folder: Path = folder) -> list:
            # round 26: no form only a place-like entity of the analysis holds (the resolver
            # asks the matcher about person entities only)
            return [f for f in ff if form_entity(folder, f[0], f[2]) is not None] if R26 else ff

        groups: list[list[tuple[str, tuple, str]]] = []
        for it in data.get("same_entity", []):
            ff = persons(_fresh_forms(it.get("forms", {})))
            role_only += len(it.get("forms", {})) - len(ff)
            if ff and not any(_ACRONYM.search(raw) for raw in it.get("forms", {}).values()):
                groups.append(ff)
        # two items of one person (one tests a spelling, one a title) are one group: items
        # that share a name form are merged, so their forms are never taken as two persons
        merged = True
        while merged:
            merged = False
            for k1, k2 in combinations(range(len(groups)), 2):
                if {f[0] for _, f, _ in groups[k1]} & {f[0] for _, f, _ in groups[k2]}:
                    groups[k1] = groups[k1] + groups[k2]
                    del groups[k2]
                    merged = True
                    break
        sides = []
        for it in data.get("different_entity", []):
            aa, bb = persons(_fresh_forms(it.get("a", {}))), persons(_fresh_forms(it.get("b", {})))
            sides.append((aa, bb))
        for g in groups:
            for (fa, a, ra), (fb, b, rb) in combinations(g, 2):
                if a[0] == b[0]:
                    continue
                ctx = Context(fa == fb, cx(fa, ra), cx(fb, rb))
                rows.append((_ff(a, b, ctx), 1, _rule(" ".join(a[0]), " ".join(b[0])), weight,
                             fold, name, f"{ra} | {rb}"))
        for k1, k2 in combinations(range(len(groups)), 2):
            # round 26: two items whose forms one person entity of the analysis holds are
            # likely one person tested twice (a spelling item and a title item): no negatives
            if R26 and ({form_entity(folder, f, r) for f, _, r in groups[k1]}
                        & {form_entity(folder, f, r) for f, _, r in groups[k2]} - {""}):
                continue
            for fa, a, ra in groups[k1]:
                for fb, b, rb in groups[k2]:
                    if a[0] == b[0]:
                        continue
                    ctx = Context(fa == fb, cx(fa, ra), cx(fb, rb))
                    rows.append((_ff(a, b, ctx), 0, _rule(" ".join(a[0]), " ".join(b[0])), 1.0,
                                 fold, name, f"{groups[k1][0][2]} | {groups[k2][0][2]} (x)"))
        for aa, bb in sides:
            for fa, a, ra in aa:
                for fb, b, rb in bb:
                    if a[0] == b[0]:
                        continue
                    ctx = Context(fa == fb, cx(fa, ra), cx(fb, rb))
                    rows.append((_ff(a, b, ctx), 0, _rule(" ".join(a[0]), " ".join(b[0])),
                                 weight, fold, name, f"{ra} | {rb}"))
    return rows, role_only


def all_rows(ecb: Path, exclude: set[str], weight: float = 3.0) -> tuple[list[Row], int]:
    rows = list(ecb_rows(str(ecb)))
    role_only = 0
    for k, name in enumerate(FRESH_SETS):
        if name in exclude:
            continue
        r, n = fresh_rows(name, k, weight)
        rows += r
        role_only += n
    return rows, role_only


_AGE = re.compile(r",\s*(\d{1,3})\b")


def _ages_apart(pair: str) -> bool:
    """Both forms of a fresh pair ("Name, 29 | Name, 45") state ages 10 or more years apart."""
    sides = pair.removesuffix(" (x)").split(" | ")
    ages = [m.group(1) for m in (_AGE.search(s) for s in sides) if m]
    return len(ages) == 2 and abs(int(ages[0]) - int(ages[1])) >= 10


def _arrays(rows: list[Row]):
    x = np.asarray([r[0] for r in rows], dtype="float64")
    y = np.asarray([r[1] for r in rows], dtype="int64")
    rj = np.asarray([r[2] for r in rows], dtype=bool)
    w = np.asarray([r[3] for r in rows], dtype="float64")
    fold = np.asarray([r[4] for r in rows], dtype="int64")
    fresh = np.asarray([r[5] != "ecb" for r in rows], dtype=bool)
    return x, y, rj, w, fold, fresh


def _fit(x, y, w, trees: int = 150):
    # round 25's model: depth 2, 300 trees (out of fold on the fresh sets 2..14 its bar at
    # precision 0.97 held 23 joins where depth 3 and 150 trees held 9; docs/quality.md
    # "r25-spell")
    depth, trees = (2, 300) if R25 else (3, trees)
    clf = GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=0.05,
                                     random_state=0)
    clf.fit(x, y, sample_weight=w)
    return clf


def _export(clf) -> dict:
    """The boosted trees as plain lists (`namelearn.LearnedModel` evaluates them)."""
    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append({
            "feature": [int(v) for v in t.feature],
            "threshold": [round(float(v), 6) for v in t.threshold],
            "left": [int(v) for v in t.children_left],
            "right": [int(v) for v in t.children_right],
            "value": [round(float(v), 6) for v in t.value[:, 0, 0]],
        })
    prior = clf.init_.class_prior_[1]
    return {"init": round(float(np.log(prior / (1 - prior))), 10),
            "rate": float(clf.learning_rate), "trees": trees}


def _prec(prob, y, t) -> tuple[int, int]:
    pred = prob >= t
    return int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())


def choose(oof, y, rj, fresh, precision: float, asked=None) -> tuple[float, float]:
    """(join threshold, veto bar) from out-of-fold probabilities (see the module docstring);
    `asked`: the rule-apart pairs the resolver asks the model about at all (no generation or
    office that differs)."""
    apart = ~rj if asked is None else asked
    thr = 0.99
    step = 0.005 if R25 else 0.01
    for t in np.round(np.arange(0.99, 0.29, -step), 3):
        ok = True
        for sel in (apart, apart & fresh):
            tp, fp = _prec(oof[sel], y[sel], t)
            if tp + fp and tp / (tp + fp) < precision:
                ok = False
        if ok:
            thr = float(t)  # the lowest bar that still holds the precision
    veto = 0.0
    for v in np.round(np.arange(0.01, 0.51, 0.01), 2):
        sel = rj & (oof < v)
        if not sel.any():
            continue
        if (y[sel] == 0).mean() < precision:
            break
        veto = float(v)
    return thr, veto


def train(ecb: Path, exclude: set[str] = frozenset(), precision: float = 0.95, trees: int = 150,
          weight: float = 3.0, report: bool = False) -> dict:
    """The model JSON object trained on every source but `exclude` (fresh set folder names)."""
    rows, role_only = all_rows(ecb, set(exclude), weight)
    x, y, rj, w, fold, fresh = _arrays(rows)
    oof = np.zeros(len(y))
    for f in sorted(set(fold.tolist())):
        te = fold == f
        oof[te] = _fit(x[~te], y[~te], w[~te], trees).predict_proba(x[te])[:, 1]
    asked = ~rj & (x[:, FEATURES.index("gen_mark_diff")] == 0) & (
        x[:, FEATURES.index("role_diff")] == 0)
    if R25:  # the resolver keeps two stated ages 10 years or more apart (`name_age_apart`)
        asked &= ~np.asarray([_ages_apart(r[6]) for r in rows], dtype=bool)
    if R26:  # the same read from the mentions' contexts
        asked &= ~(x[:, FEATURES_R26.index("ctx_age_gap")] >= 10)
    thr, veto = choose(oof, y, rj, fresh, precision, asked)
    clf = _fit(x, y, w, trees)
    if report:
        print(f"pairs {len(y)} ({int(y.sum())} positive; fresh {int(fresh.sum())}, "
              f"{int(y[fresh].sum())} positive; role-carried forms left out {role_only}); "
              f"threshold {thr:.3f}, veto {veto:.2f}")
        for name, sel in (("all", np.ones(len(y), bool)), ("fresh", fresh),
                          ("rule-apart", ~rj), ("rule-apart fresh", ~rj & fresh),
                          ("asked (rule-apart, no generation or office differs)", asked),
                          ("asked fresh", asked & fresh)):
            tp, fp = _prec(oof[sel], y[sel], thr)
            pos = int(y[sel].sum())
            print(f"  out-of-fold {name}: {int(sel.sum())} pairs, {pos} positive; at {thr:.3f}: "
                  f"{tp} true / {fp} false joins"
                  + (f" (precision {tp / (tp + fp):.3f}, recall {tp / max(pos, 1):.3f})"
                     if tp + fp else ""))
        sel = rj
        print(f"  out-of-fold rule-joined: {int(sel.sum())} pairs, {int((y[sel] == 0).sum())} "
              f"different persons; vetoed under {veto:.2f}: "
              f"{int(((oof < veto) & sel & (y == 0)).sum())} right / "
              f"{int(((oof < veto) & sel & (y == 1)).sum())} wrong")
        bins = np.minimum((oof * 10).astype(int), 9)
        print("  reliability (out of fold; bin: mean prob / positive rate / n): " + "; ".join(
            f"{b / 10:.1f}: {oof[bins == b].mean():.2f}/{y[bins == b].mean():.2f}/"
            f"{int((bins == b).sum())}" for b in range(10) if (bins == b).any()))
        names = [r[5] for r in rows]
        print(f"  out of fold per fresh set (asked pairs; model without the set, bar {thr:.3f}):"
              " set: asked (positive), joins right / wrong")
        for name in FRESH_SETS:
            sel = asked & np.asarray([n == name for n in names], dtype=bool)
            if sel.any():
                tp, fp = _prec(oof[sel], y[sel], thr)
                print(f"    {name}: {int(sel.sum())} ({int(y[sel].sum())}), {tp} / {fp}")
        if OOF_OUT is not None:
            np.save(OOF_OUT, oof)
            Path(str(OOF_OUT) + ".rows.json").write_text(json.dumps(
                [[r[1], r[5], r[6], bool(a)] for r, a in zip(rows, asked, strict=True)]))
        print("  importances: " + ", ".join(f"{f} {c:.3f}" for f, c in
                                            zip(_feature_names(),
                                                clf.feature_importances_, strict=True)
                                            if c >= 0.01))
    return {
        "about": "learned person name-pair model (tradition-agnostic features): gradient "
                 f"boosted trees (depth {2 if R25 else 3}, seed 0) built by "
                 f"bench/train_name_learned.py{' --r26' if R26 else ''} "
                 "from ECB+ train person chains and the fresh sets "
                 + ",".join(n for n in FRESH_SETS if n not in exclude)
                 + "; threshold and veto chosen out of fold",
        "features": list(_feature_names()),
        "threshold": thr,
        "veto": veto,
        **_export(clf),
    }


def train_model(exclude: set[str] = frozenset(), ecb: Path = DEFAULT_ECB) -> LearnedModel:
    """A LearnedModel trained on everything but `exclude` (for the leave-one-set-out bench)."""
    return model_from_dict(train(ecb, exclude))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, nargs="?", default=DEFAULT_ECB,
                    help="ecbplus directory (articles.jsonl, mentions.jsonl)")
    ap.add_argument("--out", type=Path, default=None,
                    help="default data/name_learned.json (with --r25, name_learned_r25.json)")
    ap.add_argument("--r25", action="store_true",
                    help="the round 25 model: FEATURES_R25, fresh sets 2..14, precision 0.97")
    ap.add_argument("--r26", action="store_true",
                    help="the round 26 model: FEATURES_R26 (mention contexts), fresh sets "
                         "2..15, precision 0.97; needs --cache")
    ap.add_argument("--cache", type=Path, default=None,
                    help="pickled analyses of the fresh events (bench/family_traps.py --cache)")
    ap.add_argument("--oof", type=Path, default=None, help="save out-of-fold probabilities")
    ap.add_argument("--exclude", action="append", default=[], help="a fresh set folder name")
    ap.add_argument("--precision", type=float, default=None, help="0.95 (with --r25, 0.97)")
    ap.add_argument("--fresh-weight", type=float, default=3.0)
    ap.add_argument("--trees", type=int, default=150)
    ap.add_argument("--sets", default="",
                    help="fresh set numbers to train on, comma-separated (default 2..9; round "
                         "22 measured 2..11, docs/quality.md \"r22-entities\")")
    args = ap.parse_args()
    global FRESH_SETS
    global OOF_OUT
    OOF_OUT = args.oof
    use_r25(args.r25)
    if args.r26:
        if args.cache is None:
            ap.error("--r26 needs --cache DIR (the fresh events' pickled analyses)")
        use_r26(args.cache)
    if args.out is None:
        args.out = MODEL_PATH_R26 if args.r26 else MODEL_PATH_R25 if args.r25 else MODEL_PATH
    if args.precision is None:
        args.precision = 0.97 if args.r25 or args.r26 else 0.95
    if args.sets:
        FRESH_SETS = tuple(f"fresh_events{n}" for n in args.sets.split(","))
    model = train(args.path, set(args.exclude), args.precision, args.trees, args.fresh_weight,
                  report=True)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
