"""One long article through the per-article analysis: time and peak memory, pieces against one
whole parse.

    python bench/long_article.py --chars 1200000            # the piecewise path (over spaCy's limit)
    python bench/long_article.py --chars 600000 --whole     # the same text size as one spaCy parse

The article is generated here from fictional paragraphs (invented towns, people and numbers), so
the script needs no data. Each run is one process; peak RSS is the process's own (ru_maxrss), and
the model load is timed apart. Results go in docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

TOWNS = ["Velm", "Tarnby", "Orsk", "Brenmouth", "Kallio", "Skarn", "Ormvik", "Dastrek"]
PEOPLE = ["Elin Voss", "Aldo Brenner", "Mira Sol", "Tomas Grell", "Hanna Tessel", "Ivo Stam"]
TEMPLATES = [
    "Harbour master {p} said {n} ships left {t} on Tuesday after the storm eased.",
    "\"We are open again,\" {p} told reporters in {t}, adding that {m} crews were at work.",
    "The Norland coast guard rescued {m} sailors near {t}, a spokesman said.",
    "Officials in {t} said repairs may cost about {n} million crowns and could take {m} weeks.",
    "{p}, who leads the {t} port authority, did not say when the ferry would resume.",
]


def article(chars: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    parts = ["Storm over the Norland coast\n\n"]
    size = len(parts[0])
    while size < chars:
        para = " ".join(
            rng.choice(TEMPLATES).format(p=rng.choice(PEOPLE), t=rng.choice(TOWNS),
                                         n=rng.randint(2, 900), m=rng.randint(2, 40))
            for _ in range(rng.randint(3, 6))
        ) + "\n\n"
        parts.append(para)
        size += len(para)
    return "".join(parts)[:chars].rstrip() + "\n"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=1_200_000)
    ap.add_argument("--whole", action="store_true",
                    help="parse as one spaCy call (only up to spaCy's 1,000,000 limit)")
    args = ap.parse_args()

    from consilience.analysis import analyze_doc, pieces
    from consilience.model import Article
    from consilience.resources import Models

    t0 = time.perf_counter()
    nlp = Models().nlp
    nlp("Warm up.")
    load_s, load_mb = time.perf_counter() - t0, peak_mb()
    text = article(args.chars)
    t1 = time.perf_counter()
    if args.whole:
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        doc = nlp(text)
    else:
        doc = pieces.parse_long(nlp, text)
    parse_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    an = analyze_doc(doc, Article(id="long", text=text))
    extract_s = time.perf_counter() - t2
    exact = all(text[m.start:m.end] == m.text for m in an.mentions)
    print(f"chars={len(text):,} mode={'whole' if args.whole else 'pieces'} "
          f"pieces={len(pieces.piece_bounds(text)) if not args.whole else 1} "
          f"load_s={load_s:.1f} parse_s={parse_s:.1f} extract_s={extract_s:.1f} "
          f"sentences={len(an.sentences)} mentions={len(an.mentions)} quotes={len(an.quotes)} "
          f"offsets_exact={exact} problems={len(an.problems)} "
          f"peak_mb_after_load={load_mb:.0f} peak_mb={peak_mb():.0f}")


if __name__ == "__main__":
    main()
