"""The fresh sets' same-entity misses and different-entity traps, classed for the learned name
matcher (round 25, docs/quality.md "r25-spell").

Resolves every event of the chosen sets from pickled analyses (as `bench/family_traps.py`:
`--cache DIR`), with the engine's options (`--set NAME=VALUE` overrides an `AlignParams`
field), and prints, for each `same_entity` item not joined, its forms, its class and the learned
matcher's best probability over its cross-file name-form pairs, whether the rules join that
pair and whether the resolver would ask the model about it (no generation mark or office that
differs); for each `different_entity` trap, the model's best probability across its two sides
and whether it was merged. Classes: "role" (a form holds no name: an office or a kinship word
alone), "org" (an organisation's name: an acronym, a translated name), "spelling" (every form
holds a person name and the names' tokens differ: a spelling, a transliteration, a longer or
shorter form), "same name" (the names read alike: the miss is elsewhere, e.g. an entity the
analysis did not make). `--model PATH` scores with another model file.

    python bench/spell_misses.py --cache /tmp/r25-spell/an --sets 2,3,4,5,6,7,8,9,10,11,12,13,14
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _name_forms(forms: dict[str, str]) -> list[tuple[str, str, tuple]]:
    from consilience.story.namelearn import is_org_form, read_form

    out = []
    for fl, raw in forms.items():
        f = read_form(raw)
        if f[0] and not is_org_form(list(f[0])):
            out.append((fl, raw, f))
    return out


def item_class(forms: dict[str, str]) -> str:
    """The class of a same-entity item (see the module docstring)."""
    from consilience.story.namelearn import is_org_form, read_form

    reads = [read_form(raw) for raw in forms.values()]
    if any(_ACRONYM.search(raw) for raw in forms.values()) or any(
            r[0] and is_org_form(list(r[0])) for r in reads):
        return "org"
    if any(not r[0] for r in reads):
        return "role"
    if len({r[0] for r in reads}) > 1:
        return "spelling"
    return "same name"


def best_pair(fa: list, fb: list, model) -> tuple[float, str, bool, bool]:
    """(best probability, the pair, rules join it, asked) over cross pairs of two form lists."""
    from train_name_learned import _rule

    from consilience.story.namelearn import Context, form_features

    best = (-1.0, "", False, False)
    for fla, ra, a in fa:
        for flb, rb, b in fb:
            x = form_features(a, b, Context(fla == flb))
            p = model.prob(x)
            if p > best[0]:
                rj = _rule(" ".join(a[0]), " ".join(b[0]))
                asked = not rj and a[1] == b[1] and not (
                    (a[2] - {"kin"}) and (b[2] - {"kin"}) and not (a[2] & b[2] - {"kin"}))
                best = (p, f"{ra} | {rb}", rj, asked)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="2,3,4,5,6,7,8,9,10,11,12,13,14")
    ap.add_argument("--cache", type=Path, required=True)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--model", default=None, help="score with this model file")
    ap.add_argument("--all", action="store_true", help="also print the joined same-entity items")
    args = ap.parse_args()
    from basil_eval import _override_align
    from family_traps import _analyses
    from fresh_events_eval import Checker

    from consilience.resources import Models
    from consilience.story.build import canonical_order, resolve_options, story_analyses
    from consilience.story.namelearn import load_model
    from consilience.story.resolve import resolve

    _override_align(args.set)
    model = load_model(args.model)
    models = Models()
    counts: Counter = Counter()
    for n in args.sets.split(","):
        root = HERE / f"fresh_events{n}"
        for folder in sorted(p for p in root.iterdir() if (p / "answers.json").is_file()):
            answers = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            analyses = sorted(_analyses(folder, args.cache, models), key=canonical_order)
            options = resolve_options()
            res = resolve(story_analyses(analyses, options), options)
            ck = Checker(SimpleNamespace(articles=[an.article for an in analyses],
                                         entities=res.entities, facts=[]))
            for it in answers.get("same_entity", []):
                ok, why = ck.same_entity(it)
                cls = item_class(it.get("forms", {}))
                counts[("same", cls, ok)] += 1
                if ok and not args.all:
                    continue
                nf = _name_forms(it.get("forms", {}))
                p, pair, rj, asked = (-1.0, "", False, False)
                for x, y in combinations(nf, 2):
                    if x[2][0] != y[2][0]:
                        q = best_pair([x], [y], model)
                        if q[0] > p:
                            p, pair, rj, asked = q
                print(f"fresh{n} {folder.name} same:{it['id']} [{cls}] "
                      f"{'joined' if ok else 'MISSED (' + why + ')'}; p={p:.2f} rules={rj} "
                      f"asked={asked}: {pair or list(it.get('forms', {}).values())}")
            for it in answers.get("different_entity", []):
                ok, why = ck.different_entity(it)
                p, pair, rj, asked = best_pair(_name_forms(it.get("a", {})),
                                               _name_forms(it.get("b", {})), model)
                counts[("diff", "p>=0.5" if p >= 0.5 else "p<0.5", ok)] += 1
                if p >= 0.3 or not ok:
                    print(f"fresh{n} {folder.name} diff:{it['id']} "
                          f"{'apart' if ok else 'MERGED'}; p={p:.2f} rules={rj} asked={asked}: "
                          f"{pair}")
        print(f"-- fresh{n} done", flush=True)
    for k in sorted(counts):
        print(f"{k[0]} {k[1]:10s} {'ok' if k[2] else 'miss'}: {counts[k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
