"""How readable the human reports are, counted on one comparison: single-source items that are
not whole sentences, quotes shown in pieces, timeline rows. It measures presentation only.

"claims" counts the single-source list as it was (one item per claim), "sentences" as it is now
(one item per sentence, fragments inside their sentence); both come from the same Report.
Trust details: summary items that are not statements (a line of its own without closing
punctuation, under five words, a timestamp or byline), corroborated facts whose outlets all cite
one authority (and whether the shown wording says so), conflict headings that open with a
lower-case clause fragment (the fact text as it was vs the heading as it is).

    python bench/render_readability.py ../shared/seeds/*.txt
    python bench/render_readability.py story.jsonl   # e.g. 5 articles of one ECB+ story
"""

from __future__ import annotations

import argparse
import re
import sys

from consilience.api import compare
from consilience.model import Report, SummarySentence
from consilience.render.view import ReportView
from consilience.story.timeline import is_placed

# a whole sentence starts with a capital (or an opening quote) and ends with . ! ? (and a quote)
_WHOLE = re.compile(r"^[\"“‘(]?[A-Z0-9].*[.!?][\"”’)]?$", re.DOTALL)


def _whole(text: str) -> bool:
    return bool(_WHOLE.match(" ".join(text.split())))


_STAMP = re.compile(r"^\W*(?:updated|posted|published|by)\b|\d{1,2}\s*:\s*\d{2}\s*(?:[ap]m|GMT)",
                    re.IGNORECASE)


def not_statement(report: Report, item: SummarySentence) -> bool:
    """An independent, cruder check than summary.py's: under five words, a timestamp or
    byline, or a whole line of an article that has no closing punctuation (a headline)."""
    text = " ".join(item.text.split())
    if item.support.startswith("disputed"):  # 'Sources differ ...: A says “x”; B says “y”.'
        quoted = re.findall(r"says “(.*?)”(?:;|\.$)", text)
        return any(not_statement(report, SummarySentence(q, [], [], "")) for q in quoted)
    if len(text.split()) < 5 or _STAMP.search(text):
        return True
    for a in report.articles:
        for line in a.text.split("\n"):
            if " ".join(line.split()) == text and not re.search(r"[.!?”\"]\s*$", line):
                return True
    return False


def trust_figures(report: Report) -> dict[str, int]:
    view = ReportView.of(report)
    facts = view.fact_index()
    one = [f for f in report.facts if f.status == "corroborated" and view.cited_note(f)]
    said = sum(any(s.facts == [f.id] for s in report.summary) for f in one)
    said_ok = sum(any(s.facts == [f.id] and "citing" in view.support(s) for s in report.summary)
                  for f in one)
    heads = view.conflicts()
    return {
        "summary": len(report.summary),
        "junk": sum(not_statement(report, s) for s in report.summary),
        "one_authority": len(one),
        "one_in_summary": said,
        "one_in_summary_said": said_ok,
        "headings": len(heads),
        "fragment_before": sum(not f.text.lstrip("… ")[:1].isupper() for f, _ in heads),
        "fragment_after": sum(not view.conflict_heading(f, c).lstrip("… ")[:1].isupper()
                              for f, c in heads),
        "facts": len(facts),
    }


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
    t = trust_figures(report)
    print(f"summary: {t['summary']} items, {t['junk']} not statements")
    print(f"corroborated facts resting on one cited authority: {t['one_authority']} "
          f"({t['one_in_summary']} in the summary, {t['one_in_summary_said']} saying so)")
    print(f"conflict headings: {t['headings']}, opening with a lower-case fragment: "
          f"{t['fragment_before']} as fact text, {t['fragment_after']} as shown now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
