"""How readable the human reports are, counted on one comparison: single-source items that are
not whole sentences, quotes shown in pieces, timeline rows. It measures presentation only.

"claims" counts the single-source list as it was (one item per claim), "sentences" as it is now
(one item per sentence, fragments inside their sentence); both come from the same Report.

    python bench/render_readability.py /work/shared/seeds/*.txt
"""

from __future__ import annotations

import argparse
import re
import sys

from consilience.api import compare
from consilience.render.view import ReportView
from consilience.timeline import is_placed

# a whole sentence starts with a capital (or an opening quote) and ends with . ! ? (and a quote)
_WHOLE = re.compile(r"^[\"“‘(]?[A-Z0-9].*[.!?][\"”’)]?$", re.DOTALL)


def _whole(text: str) -> bool:
    return bool(_WHOLE.match(" ".join(text.split())))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="article files to compare")
    args = ap.parse_args(argv)
    report = compare(args.inputs)
    view = ReportView.of(report)

    claims = [c for _aid, items in view.single_source_by_outlet() for _f, c in items]
    frag_claims = sum(not _whole(c.text) for c in claims)
    sents = [(aid, it) for aid, items in view.single_source_sentences() for it in items]
    frag_sents = sum(not _whole(view.text(aid, it.start, it.end)) for aid, it in sents)
    marked = sum(not it.whole for _aid, it in sents)

    pieces = len(report.quotes)
    items = [q for _s, qs in view.quote_items() for q in qs]
    joined = sum(len(q.quotes) > 1 for q in items)

    placed = sum(is_placed(t) for t in report.timeline)
    print(f"single-source list, one item per claim:    {len(claims)} items, "
          f"{frag_claims} not whole sentences")
    print(f"single-source list, one item per sentence: {len(sents)} items, "
          f"{frag_sents} not whole sentences, {marked} with the claim part emphasised")
    print(f"quotes: {pieces} story quotes shown as {len(items)} items "
          f"({joined} joined from pieces around one cue)")
    print(f"timeline: {placed} dated rows, {len(report.timeline) - placed} undated rows "
          f"(no year guessed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
