"""A Report as Markdown for a journalist: headline numbers, summary with citations, conflicts
first (values side by side, who says what), corroborated facts, single-source claims by outlet,
quotes by speaker, entities, timeline and sources. Presentation only; nothing is re-judged.
"""

from __future__ import annotations

import re

from ..model import Report
from .view import (
    DISPLAY_LABEL,
    ReportView,
    SentenceItem,
    conflict_kind,
    display_date,
    plural,
    short_date,
)

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


def _sentence_md(item: SentenceItem, text: str) -> str:
    """The sentence, the parts only this source reports in bold (unless that is all of it)."""
    if item.whole:
        return esc(text[item.start:item.end])
    out = []
    for piece, own in item.pieces(text):
        # bold must hug its words: spaces stay outside the asterisks
        core = piece.strip()
        lead, tail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
        out.append(lead + (f"**{esc(core)}**" if own and core else esc(core)) + tail)
    return "".join(out).strip()


def render_markdown(report: Report) -> str:
    view = ReportView.of(report)
    counts = view.counts()
    n_conf = counts["contradiction"] + counts["discrepancy"]
    lines: list[str] = ["# Consilience report", ""]
    lines += [
        f"**{plural(len(report.articles), 'source')}** ({view.origin_count} independent) · "
        f"**{plural(len(report.facts), 'fact')}**: {counts['corroborated']} corroborated, "
        f"{n_conf} conflicting ({counts['contradiction']} contradictions, "
        f"{counts['discrepancy']} discrepancies), {counts['single_source']} single-source · "
        f"**{plural(len(report.quotes), 'quote')}** · "
        f"**{plural(len(report.entities), 'entity', 'entities')}**",
        "",
    ]

    if report.summary:
        lines += ["## Summary", ""]
        for s in report.summary:
            cites = ", ".join(esc(view.label(a)) for a in view.sort_articles(s.articles))
            if s.support.startswith("single source") and len(set(s.articles)) == 1:
                cites = ""  # the support line names the one outlet already
            lines.append(f"- {esc(s.text)} — *{esc(view.support(s))}*"
                         + (f" ({cites})" if cites else ""))
        lines.append("")

    conflicts = view.conflicts()
    bare = view.conflicting_without_details()
    if conflicts or bare:
        lines += ["## Where the sources disagree", ""]
        for fact, conflict in conflicts:
            lines.append(
                f"### {conflict.severity.capitalize()} ({conflict_kind(conflict.kind)}): "
                f"{esc(view.conflict_heading(fact, conflict))}"
            )
            lines.append("")
            if conflict.explanation:
                lines += [esc(conflict.explanation), ""]
            if view.cited_sentence(fact):
                lines += [f"*{esc(view.cited_sentence(fact))}*", ""]
            rows = []
            for v in sorted(conflict.values, key=lambda v: view.order.get(v.span.article, 0)):
                lo, hi = view.says(fact, v)
                rows.append([
                    esc(view.label(v.span.article)),
                    f"**{esc(view.value_text(conflict, v))}**",
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
            note = view.cited_note(fact)
            n = len(set(fact.origins)) or 1
            lines.append(f"- {esc(fact.text)} — {outlets} "
                         + (f"({n} independent outlets, *{esc(note)}*)" if note
                            else f"({n} independent)"))
            # each outlet's own sentence, so the agreement can be checked at a glance
            for aid, items in view.wordings(fact):
                text = view.articles[aid].text
                words = " … ".join(_sentence_md(item, text) for item in items)
                lines.append(f"  - *{esc(view.label(aid))}:* {words}")
        lines.append("")

    singles = view.single_source_sentences()
    if singles:
        lines += ["## Single-source claims", ""]
        if any(not item.whole for _, items in singles for item in items):
            lines += ["*Whole sentences; where only part of a sentence is reported by this "
                      "source alone, that part is in bold.*", ""]
        for aid, items in singles:
            note = view.origin_note(aid)
            lines += [f"### {esc(view.label(aid))}" + (f" ({esc(note)})" if note else ""), ""]
            text = view.articles[aid].text
            for item in items:
                lines.append(f"- {_sentence_md(item, text)}"
                             + (f" *({esc('; '.join(item.notes))})*" if item.notes else ""))
            lines.append("")

    if report.quotes:
        lines += ["## Quotes", ""]
        for speaker, items in view.quote_items():
            lines += [f"### {esc(speaker)}", ""]
            for q in items:
                carriers = ", ".join(esc(view.label(a)) for a in view.sort_articles(q.carriers))
                flags = ", ".join(f.replace("_", " ") for f in sorted(q.flags))
                cue = f" (“{esc(q.cue)}”)" if q.cue else ""
                shown = "".join(f"**{esc(t)}**" if own else esc(t) for t, own in q.context)
                lines.append(f"> {shown or esc(q.text)}")
                lines.append(">")
                said = (" by " + esc(", ".join(q.said_by))
                        if q.said_by else "")
                lines.append(f"> — {q.kind_label}{cue}{said}, carried by {carriers}"
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
        note = view.timeline_note()
        if note:
            lines += [f"*{esc(note)}*", ""]
        rows = [
            [esc(display_date(t)), esc(t.text),
             esc(", ".join(view.label(a) for a in view.sort_articles(s.article for s in t.spans)))]
            for t in report.timeline
        ]
        lines += _table(["Date", "Event", "Sources"], rows)

    lines += ["## Sources", ""]
    rows = [
        [esc(a.id), esc(view.source_name(a.id)), esc(a.title or ""), short_date(a.published),
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
