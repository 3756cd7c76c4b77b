"""Where `AlignParams.wire_containment`'s thresholds come from (docs/quality.md, "r25-wire").

For every training fresh set (fresh_events2..14; the held-out sets are refused), every pair of
articles of two outlets that `syndication.find_origins` did NOT join, and every sentence of the
first: `syndication.carried_share` of that sentence into the second article (the share of its
words inside word shingles the second holds, outside quotes) and the longest shared run. Prints
the sentences at or above the given share and run, run ascending, so the gap between carried wire
passages (datelined leads, a release read out) and independent outlets' shared words (a due /
scheduled paraphrase, a formula, a quote transcribed without marks) can be read off.

    python bench/wire_containment_scan.py [--share 0.8] [--run 13] [--gap N]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from fresh_events_eval import load_articles  # noqa: E402

from consilience.story import syndication as S  # noqa: E402

SENT = re.compile(r"[^\n.!?]+(?:[.!?]+|\n|$)")
HELD_OUT = ("fresh_events16", "fresh_events17")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, default=0.8)
    ap.add_argument("--run", type=int, default=13)
    ap.add_argument("--gap", type=int, default=None, help="override syndication.CARRY_GAP")
    args = ap.parse_args()
    if args.gap is not None:
        S.CARRY_GAP = args.gap
    rows = []
    for d in sorted(HERE.glob("fresh_events[0-9]*")):
        if d.name in HELD_OUT:
            continue
        for ev in sorted(p for p in d.iterdir() if (p / "answers.json").exists()):
            arts = load_articles(ev)
            joined = S.find_origins(arts).origin_of
            texts = {a.id: S.CarriedText(a.text) for a in arts}
            for a in arts:
                for b in arts:
                    if a.id == b.id or (a.source or a.id) == (b.source or b.id) or \
                            joined.get(a.id) == joined.get(b.id):
                        continue
                    for m in SENT.finditer(a.text):
                        if len(S.words(m.group())) < 4:
                            continue
                        share, run = S.carried_share(texts[a.id], m.start(), m.end(),
                                                     texts[b.id])
                        if share >= args.share and run >= args.run:
                            rows.append((run, share, d.name, ev.name, a.id, b.id,
                                         m.group().strip()[:90]))
    for run, share, *rest in sorted(rows):
        print(f"run {run:3d}  share {share:.2f}  ", " | ".join(rest))
    print(f"{len(rows)} sentences at share >= {args.share}, run >= {args.run}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
