"""Conflict audit on ECB+: every conflict the engine shows on real multi-outlet stories, to hand-judge.

Each gold story (an ECB+ subtopic: several real articles about one event) is compared as one
report, capped to its first `--cap` articles by id; prints every conflict shown (kind, the values
side by side, the claim sentences holding them) and totals per kind. Tuning data only.
Each conflict is printed with a key (story, kind, the values' spans) so a hand judgement can be
kept outside the repository and re-used: `--judged FILE` (JSON, key -> {"verdict": "true" or
"false", "why": ...}) adds each conflict's verdict and totals shown / judged true / false / not
judged; a conflict that lost or gained members takes the verdict of a judged one of the same story
and kind sharing two of its values' spans, marked "~".

    python bench/conflict_audit.py ../shared/devdata/ecbplus --cache /tmp/ecb_audit.pkl
    python bench/conflict_audit.py ../shared/devdata/ecbplus --cache /tmp/ecb_audit.pkl \
        --judged bench/out/audit_judged.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_eval import _override_align  # noqa: E402

from consilience.analysis import analyze
from consilience.model import Article
from consilience.resources import Models
from consilience.story.build import compare_analyses


def load(path: Path, cap: int) -> dict[str, list[dict]]:
    """Articles by gold story (both splits are tuning data), the first `cap` by id in each."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for line in open(path / "articles.jsonl", encoding="utf-8"):
        a = json.loads(line)
        by_story[a["gold"]["story"]].append(a)
    return {s: sorted(arts, key=lambda a: a["id"])[:cap] for s, arts in sorted(by_story.items())}


def conflict_key(story: str, kind: str, values: list) -> str:
    """A conflict's key for a kept judgement: story, kind and its values' spans, sorted."""
    spans = sorted(f"{v.span.article}:{v.span.start}-{v.span.end}" for v in values)
    return f"{story}|{kind}|" + ",".join(spans)


def verdict_of(key: str, judged: dict[str, dict]) -> tuple[str, str]:
    """(verdict, mark): the kept verdict of this key, else that of a judged conflict of the same
    story and kind sharing two value spans (mark "~"), else ("unjudged", "")."""
    if key in judged:
        return judged[key]["verdict"], ""
    story, kind, spans = key.split("|")
    mine = set(spans.split(","))
    for k, v in judged.items():
        s2, k2, sp2 = k.split("|")
        if s2 == story and k2 == kind and len(mine & set(sp2.split(","))) >= 2:
            return v["verdict"], "~"
    return "unjudged", ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="the ecbplus folder (articles.jsonl)")
    ap.add_argument("--cap", type=int, default=5, help="articles per story (default 5)")
    ap.add_argument("--cache", type=Path, help="pickle of analyses to reuse between runs")
    ap.add_argument("--sample", type=int, default=0, help="print only N conflicts (seeded)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--judged", type=Path, help="JSON of kept judgements (key -> verdict, why)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override one AlignParams field for this run, e.g. --set learned=true")
    ap.add_argument("--stories", nargs="*", default=None,
                    help="only these stories (e.g. 20_ecb 8_ecbplus): a quick re-check")
    args = ap.parse_args()
    _override_align(args.set)
    if not (args.path / "articles.jsonl").is_file():
        sys.exit(f"{args.path}: no articles.jsonl there")
    stories = load(args.path, args.cap)
    if args.stories:
        stories = {k: v for k, v in stories.items() if k in set(args.stories)}
    models = Models()
    if args.cache and args.cache.is_file():
        analyses = pickle.loads(args.cache.read_bytes())  # parses come back whole (docbytes)
    else:
        arts = [Article(id=a["id"], text=a["text"], title=a.get("title"),
                        source=a["id"].split("ecb")[0])  # one outlet per article
                for s in stories.values() for a in s]
        analyses = analyze(arts, models)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(analyses))
    by_id = {an.article.id: an for an in analyses}

    shown = []
    kinds: Counter[str] = Counter()
    n_facts = 0
    for story, arts in stories.items():
        ans = [by_id[a["id"]] for a in arts if a["id"] in by_id and not by_id[a["id"]].failed]
        if len(ans) < 2:
            continue
        report = compare_analyses(ans, models)
        texts = {a.id: a.text for a in report.articles}
        n_facts += len(report.facts)
        for f in report.facts:
            for cf in f.conflicts:
                kinds[cf.kind] += 1
                shown.append((story, f, cf, texts))
    judged = json.loads(args.judged.read_text()) if args.judged and args.judged.is_file() else {}
    verdicts: Counter[str] = Counter()
    picked = list(range(len(shown)))
    if args.sample and args.sample < len(shown):
        picked = sorted(random.Random(args.seed).sample(picked, args.sample))
    for n in picked:
        story, f, cf, texts = shown[n]
        key = conflict_key(story, cf.kind, cf.values)
        verdict, mark = verdict_of(key, judged)
        verdicts[verdict] += 1
        print(f"#{n} [{story}] {f.id} {cf.kind}/{cf.severity} {cf.explanation}")
        print(f"   key {key}" + (f"  judged {verdict}{mark}" if judged else ""))
        for v in cf.values:
            claim = next((c for c in f.claims if c.span.article == v.span.article
                          and c.span.start <= v.span.start and v.span.end <= c.span.end), None)
            where = claim.text if claim else texts[v.span.article][
                max(0, v.span.start - 80):v.span.end + 80].replace("\n", " ")
            print(f"   {v.span.article:>14} {v.value!s:>24} | {where}")
        print()
    print(f"stories={len(stories)} articles<={args.cap} each, facts={n_facts}, "
          f"conflicts shown={len(shown)}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if judged:
        print(f"judged true={verdicts['true']} false={verdicts['false']} "
              f"not judged={verdicts['unjudged']} (of {len(picked)} printed)")


if __name__ == "__main__":
    main()
