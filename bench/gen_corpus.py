"""Synthetic news corpora for the scale bench, recombined from real articles passed by path.

Each generated story takes one seed article and rewrites it: capitalised names swapped for
invented ones (consistently within the story), numbers perturbed, body sentences shuffled, a
story date, and several outlets -- some carrying verbatim or lightly edited wire copies. Texts are
generated in memory for benchmarks only; nothing is written into the repository.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from consilience.model import Article

_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})*\b")
_NUM = re.compile(r"\b\d+(?:\.\d+)?\b")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
SYL = ["ka", "lo", "ven", "dra", "mi", "sor", "tal", "bre", "qu", "nor", "el", "vik", "ast",
       "ran", "po", "zel", "mar", "ith", "ul", "gen"]
OUTLETS = [f"{a} {b}" for a in ("Harbor", "Northwind", "Valley", "Metro", "Coastal", "Evening",
                                 "Granite", "Lantern", "Summit", "Prairie")
           for b in ("Ledger", "Times", "Post", "Courier", "Chronicle", "Gazette")]


def seeds(path: Path) -> list[dict]:
    path = path / "articles.jsonl" if path.is_dir() else path
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _fake_name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYL) for _ in range(rng.randint(2, 3))).capitalize()
                    for _ in range(words))


def _rewrite(text: str, names: dict[str, str], rng: random.Random, jitter: float) -> str:
    text = _NAME.sub(lambda m: names.get(m.group(0), m.group(0)), text)

    def num(m: re.Match) -> str:
        v = float(m.group(0))
        if v >= 1900 and v <= 2100 and "." not in m.group(0):
            return m.group(0)  # years stay; the story date carries time
        nv = v * (1 + rng.uniform(-jitter, jitter))
        return f"{nv:.1f}" if "." in m.group(0) else str(max(0, round(nv)))

    return _NUM.sub(num, text)


def generate(path: Path, n: int, seed: int = 7) -> Iterator[Article]:
    """`n` articles in publication order (stories interleave, as a feed does)."""
    rng = random.Random(seed)
    base = seeds(path)
    start = datetime(2030, 1, 1)
    made = 0
    story = 0
    pending: list[tuple[datetime, Article]] = []
    while made < n:
        src = rng.choice(base)
        story += 1
        names: dict[str, str] = {}
        # sorted: set order follows the per-process string hash seed, and the rng draws must
        # come in one order for the corpus (and the full-analysis sample) to be reproducible
        for nm in sorted(set(_NAME.findall(src["text"]))):
            if rng.random() < 0.85:
                names[nm] = _fake_name(rng, len(nm.split()))
        day = start + timedelta(days=story * 0.05 + rng.uniform(0, 2))
        sents = [s for s in _SENT.split(src["text"]) if s.strip()]
        wire = _rewrite(" ".join(sents), names, rng, 0.0)
        size = min(n - made, rng.randint(2, 12))
        for k in range(size):
            if k and rng.random() < 0.3:  # a wire copy, verbatim or lightly edited
                text = wire if rng.random() < 0.5 else wire.replace(" the ", " a ", 2) + (
                    " More details were expected.")
            else:
                body = sents[:1] + rng.sample(sents[1:], len(sents) - 1) if len(sents) > 2 \
                    else sents
                body = body[: max(2, int(len(body) * rng.uniform(0.6, 1.0)))]
                text = _rewrite(" ".join(body), names, rng, 0.1)
            title = _rewrite(src.get("title") or sents[0][:80], names, rng, 0.0)
            pub = day + timedelta(hours=rng.uniform(0, 72))
            pending.append((pub, Article(id=f"g{story}-{k}", text=text, title=title,
                                         source=rng.choice(OUTLETS), published=pub)))
            made += 1
        if len(pending) > 200 or made >= n:
            pending.sort(key=lambda x: x[0])
            keep = pending[len(pending) // 2:] if made < n else []
            for _, a in pending[: len(pending) - len(keep)]:
                yield a
            pending = keep
