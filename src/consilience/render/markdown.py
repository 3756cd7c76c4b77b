"""A Report as Markdown for a journalist: headline numbers, summary with citations, conflicts
first (values side by side, who says what), corroborated facts, single-source claims by outlet,
quotes by speaker, entities, timeline and sources. Presentation only; nothing is re-judged.
"""

from __future__ import annotations

import re

from ..model import Claim, Report
from .view import DISPLAY_LABEL, ReportView, short_date

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def esc(text: object) -> str:
    """Escape Markdown/HTML syntax and fold whitespace, so article text renders as plain text
    (and `<script>` stays text)."""
    s = " ".join(str(text if text is not None else "").split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return out + [""]


def _claim_note(view: ReportView, claim: Claim) -> str:
    notes = []
    who = view.speaker(claim.asserted_by)
    if who:
        notes.append(f"according to {esc(who)}")
    if claim.certainty == "hedged":
        notes.append("hedged")
    if claim.negated:
        notes.append("negated")
    return f" *({'; '.join(notes)})*" if notes else ""


def render_markdown(report: Report) -> str:
    view = ReportView.of(report)
    counts = view.counts()
    n_conf = counts["contradiction"] + counts["discrepancy"]
    lines: list[str] = ["# Consilience report", ""]
    lines += [
        f"**{len(report.articles)} sources** ({view.origin_count} independent) · "
        f"**{len(report.facts)} facts**: {counts['corroborated']} corroborated, "
        f"{n_conf} disputed ({counts['contradiction']} contradictions, "
        f"{counts['discrepancy']} discrepancies), {counts['single_source']} single-source · "
        f"**{len(report.quotes)} quotes** · **{len(report.entities)} entities**",
        "",
    ]

    if report.summary:
        lines += ["## Summary", ""]
        for s in report.summary:
            cites = ", ".join(esc(view.label(a)) for a in view.sort_articles(s.articles))
            lines.append(f"- {esc(s.text)} — *{esc(s.support)}*" + (f" ({cites})" if cites else ""))
        lines.append("")

    conflicts = view.conflicts()
    bare = view.conflicting_without_details()
    if conflicts or bare:
        lines += ["## Where the sources disagree", ""]
        for fact, conflict in conflicts:
            lines.append(
                f"### {conflict.severity.capitalize()} ({conflict.kind}): {esc(fact.text)}"
            )
            lines.append("")
            if conflict.explanation:
                lines += [esc(conflict.explanation), ""]
            rows = []
            for v in sorted(conflict.values, key=lambda v: view.order.get(v.span.article, 0)):
                lo, hi = view.says(fact, v)
                rows.append([
                    esc(view.label(v.span.article)),
                    f"**{esc(view.text(v.span.article, v.span.start, v.span.end) or v.text)}**",
                    esc(view.text(v.span.article, lo, hi)),
                ])
            lines += _table(["Source", "Value", "Says"], rows)
        for fact in bare:
            lines += [f"### Conflicting: {esc(fact.text)}", ""]
            for c in view.claims_sorted(fact):
                lines.append(f"- **{esc(view.label(c.span.article))}**: {esc(c.text)}")
            lines.append("")

    corroborated = view.facts_by_display("corroborated")
    if corroborated:
        lines += ["## Corroborated", ""]
        for fact in corroborated:
            outlets = ", ".join(esc(view.label(a)) for a in view.fact_articles(fact))
            lines.append(f"- {esc(fact.text)} — {outlets} "
                         f"({len(set(fact.origins)) or 1} independent)")
        lines.append("")

    singles = view.single_source_by_outlet()
    if singles:
        lines += ["## Single-source claims", ""]
        for aid, items in singles:
            note = view.origin_note(aid)
            lines += [f"### {esc(view.label(aid))}" + (f" ({esc(note)})" if note else ""), ""]
            for _fact, claim in items:
                lines.append(f"- {esc(claim.text)}{_claim_note(view, claim)}")
            lines.append("")

    if report.quotes:
        lines += ["## Quotes", ""]
        for speaker, quotes in view.quotes_by_speaker():
            lines += [f"### {esc(speaker)}", ""]
            for q in quotes:
                text = view.text(q.span.article, q.span.start, q.span.end) or q.text
                carriers = ", ".join(esc(view.label(a)) for a in view.carriers(q))
                flags = ", ".join(f.replace("_", " ") for f in sorted(set(q.flags)))
                lines.append(f"> {esc(text)}")
                lines.append(">")
                lines.append(f"> — {q.kind.replace('_', ' ')}, carried by {carriers}"
                             + (f" · **{esc(flags)}**" if flags else ""))
                lines.append("")

    if report.entities:
        lines += ["## Entities", ""]
        rows = [
            [esc(e.name), esc(e.type), esc(", ".join(sorted(set(e.aliases) - {e.name}))),
             esc(", ".join(dict.fromkeys(e.roles))),
             esc(", ".join(view.label(a) for a in view.sort_articles(m.article
                                                                      for m in e.mentions)))]
            for e in view.entities_sorted()
        ]
        lines += _table(["Name", "Type", "Also called", "Roles", "Sources"], rows)

    if report.timeline:
        lines += ["## Timeline", ""]
        rows = [
            [esc(t.date), esc(t.text),
             esc(", ".join(view.label(a) for a in view.sort_articles(s.article for s in t.spans)))]
            for t in report.timeline
        ]
        lines += _table(["Date", "Event", "Sources"], rows)

    lines += ["## Sources", ""]
    rows = [
        [esc(a.id), esc(view.label(a.id)), esc(a.title or ""), short_date(a.published),
         esc(report.origins.get(a.id, a.id)), esc(view.origin_note(a.id) or "independent")]
        for a in report.articles
    ]
    lines += _table(["ID", "Outlet", "Title", "Published", "Origin", "Copy"], rows)

    if report.errors:
        lines += ["## Inputs not loaded", ""]
        lines += [f"- {esc(e.where)}: {esc(e.reason)}" for e in report.errors]
        lines.append("")

    lines.append("*Statuses: " + ", ".join(DISPLAY_LABEL.values()) + ". Generated by consilience.*")
    return "\n".join(lines) + "\n"
