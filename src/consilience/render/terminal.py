"""Terminal renderers (rich): the Report with the same content as the Markdown, as tables
coloured by status; and a per-article analysis as text. Presentation only.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..model import Analysis, IngestError, Report
from ..textsafe import printable
from .view import (
    DISPLAY_LABEL,
    ReportView,
    SentenceItem,
    conflict_kind,
    display_date,
    display_status,
    plural,
    short_date,
)

STYLE = {
    "contradiction": "bold red",
    "discrepancy": "bold dark_orange",
    "corroborated": "bold green",
    "single_source": "grey62",
}


def _num(value: float | None) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and math.isfinite(value) else "?"


class SafeConsole(Console):
    """A rich Console that prints no control character it did not write itself: every text
    segment (titles, outlets, article text, file names) passes through `textsafe.printable`, while
    the colour codes rich adds around segments stay. Control characters take no cells, so the
    layout rich computed is unchanged."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            seg if seg.control else Segment(printable(seg.text), seg.style, seg.control)
            for seg in buffer
        )


def _console(color: bool, width: int) -> Console:
    return SafeConsole(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="truecolor" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def _badge(status: str) -> Text:
    return Text(f"[{DISPLAY_LABEL[status]}]", style=STYLE[status])


def _append_sentence(t: Text, item: SentenceItem, text: str, color: bool, style: str) -> None:
    """A sentence with the claim parts in bold (between asterisks without colour), unless the
    claims are the whole sentence."""
    for piece, own in item.pieces(text):
        mark = own and not item.whole
        if mark and not color:
            core = piece.strip()
            piece = piece.replace(core, f"*{core}*", 1) if core else piece
        t.append(piece, style="bold" if mark else style)


def report_renderables(report: Report, *, color: bool = True) -> list:
    view = ReportView.of(report)
    counts = view.counts()
    out: list = []
    head = Text()
    head.append(plural(len(report.articles), "source"), style="bold")
    head.append(f" ({view.origin_count} independent) · ")
    head.append(f"{plural(len(report.facts), 'fact')}: ")
    for status, one, many in (("corroborated", "corroborated", "corroborated"),
                              ("contradiction", "contradiction", "contradictions"),
                              ("discrepancy", "discrepancy", "discrepancies"),
                              ("single_source", "single-source", "single-source")):
        head.append(plural(counts[status], one, many), style=STYLE[status])
        head.append("  ")
    head.append(f"· {plural(len(report.quotes), 'quote')} · "
                f"{plural(len(report.entities), 'entity', 'entities')}")
    out.append(Panel(head, title="consilience report", title_align="left", box=box.ROUNDED))

    if report.summary:
        out.append(Rule("Summary", align="left"))
        for s in report.summary:
            t = Text("• ")
            t.append(s.text)
            t.append(f"  [{view.support(s)}]", style="italic")
            cites = ", ".join(view.label(a) for a in view.sort_articles(s.articles))
            if cites and not (s.support.startswith("single source") and len(set(s.articles)) == 1):
                t.append(f" ({cites})", style="dim")
            out.append(t)

    conflicts = view.conflicts()
    if conflicts or view.conflicting_without_details():
        out.append(Rule("Where the sources disagree", align="left", style="red"))
        for fact, conflict in conflicts:
            status = "contradiction" if conflict.severity == "contradiction" else "discrepancy"
            title = Text()
            title.append(f"{conflict.severity.upper()} ({conflict_kind(conflict.kind)})",
                         style=STYLE[status])
            title.append(f"  {view.conflict_heading(fact, conflict)}")
            table = Table(box=box.SIMPLE_HEAVY, show_edge=False, expand=True)
            table.add_column("Source", style="bold", ratio=1)
            table.add_column("Value", style=STYLE[status], ratio=1)
            table.add_column("Says", ratio=4)
            for v in sorted(conflict.values, key=lambda v: view.order.get(v.span.article, 0)):
                lo, hi = view.says(fact, v)
                table.add_row(
                    escape(view.label(v.span.article)),
                    escape(view.value_text(conflict, v)),
                    escape(view.text(v.span.article, lo, hi)),
                )
            parts = [title, table]
            if view.cited_sentence(fact):
                parts.insert(1, Text(view.cited_sentence(fact), style="italic"))
            if conflict.explanation:
                parts.insert(1, Text(conflict.explanation, style="italic"))
            out.append(Group(*parts))
        for fact in view.conflicting_without_details():
            out.append(Text.assemble(("CONFLICTING", STYLE["contradiction"]), f"  {fact.text}"))
            for c in view.claims_sorted(fact):
                out.append(Text(f"   {view.label(c.span.article)}: {c.text}"))

    corroborated = view.facts_by_display("corroborated")
    if corroborated:
        out.append(Rule("Corroborated", align="left", style="green"))
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        table.add_column("Fact", ratio=4)
        table.add_column("Sources", style="green", ratio=2)
        for f in corroborated:
            cell = Text(f.text)
            if view.cited_note(f):  # outlets relaying one authority are not two witnesses
                cell.append(f"\n  {view.cited_note(f)}", style="italic dark_orange")
            for aid, items in view.wordings(f):  # each outlet's own sentence
                cell.append(f"\n  {view.label(aid)}: ", style="dim bold")
                for n, item in enumerate(items):
                    if n:
                        cell.append(" … ", style="dim")
                    _append_sentence(cell, item, view.articles[aid].text, color, "dim")
            table.add_row(cell, escape(", ".join(view.label(a) for a in view.fact_articles(f))))
        out.append(table)

    singles = view.single_source_sentences()
    if singles:
        out.append(Rule("Single-source claims", align="left", style="grey62"))
        if any(not item.whole for _, items in singles for item in items):
            out.append(Text("Whole sentences; what only this source reports is marked "
                            + ("in bold." if color else "*like this*."), style="italic dim"))
        for aid, items in singles:
            note = view.origin_note(aid)
            out.append(Text(view.label(aid) + (f" ({note})" if note else ""), style="bold"))
            text = view.articles[aid].text
            for item in items:
                t = Text("• ")
                _append_sentence(t, item, text, color, STYLE["single_source"])
                if item.notes:
                    t.append(f"  ({'; '.join(item.notes)})", style="italic dim")
                out.append(Padding(t, (0, 0, 0, 2)))  # wrapped lines stay under the bullet

    if report.quotes:
        out.append(Rule("Quotes", align="left"))
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        table.add_column("Speaker", style="bold", ratio=1)
        table.add_column("Quote", ratio=4)
        table.add_column("Carried by", ratio=2)
        for speaker, quotes in view.quote_items():
            for i, q in enumerate(quotes):
                carriers = Text(", ".join(view.label(a) for a in view.sort_articles(q.carriers)))
                carriers.append(f"\n{q.kind_label}" + (f" (“{q.cue}”)" if q.cue else "")
                                + (" by " + ", ".join(q.said_by)
                                   if q.said_by else ""), style="dim")
                if q.flags:
                    carriers.append(" " + ", ".join(f.replace("_", " ") for f in sorted(q.flags)),
                                    style="dark_orange")
                shown = Text()
                for piece, own in q.context or [(q.text, False)]:
                    shown.append(piece, style="bold" if own else "")
                table.add_row(escape(speaker) if i == 0 else "", shown, carriers)
        out.append(table)

    if report.entities:
        out.append(Rule("Entities", align="left"))
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        for col in ("Name", "Type", "Also called", "Sources"):
            table.add_column(col)
        for e in view.entities_sorted():
            table.add_row(
                escape(e.name), e.type, escape(", ".join(sorted(set(e.aliases) - {e.name}))),
                escape(", ".join(view.label(a) for a in view.sort_articles(
                    m.article for m in e.mentions))),
            )
        out.append(table)

    if report.timeline:
        out.append(Rule("Timeline", align="left"))
        if view.timeline_note():
            out.append(Text(view.timeline_note(), style="italic dim"))
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        table.add_column("Date", style="cyan", ratio=1, overflow="fold")
        table.add_column("Event", ratio=4)
        table.add_column("Sources", ratio=2)
        for t in report.timeline:
            table.add_row(escape(display_date(t)), escape(t.text), escape(", ".join(
                view.label(a) for a in view.sort_articles(s.article for s in t.spans))))
        out.append(table)

    out.append(Rule("Sources", align="left"))
    table = Table(box=box.SIMPLE, show_edge=False, expand=True)
    for col in ("ID", "Outlet", "Title", "Published", "Copy"):
        table.add_column(col)
    for a in report.articles:
        table.add_row(escape(a.id), escape(view.source_name(a.id)), escape(a.title or ""),
                      short_date(a.published), escape(view.origin_note(a.id) or "independent"))
    out.append(table)

    if report.errors:
        out.append(Rule("Inputs not loaded", align="left", style="red"))
        for e in report.errors:
            out.append(Text(str(e), style="red"))
    return out


def render_text(report: Report, *, color: bool = False, width: int = 110) -> str:
    """The report as terminal text (ANSI colours only when `color`)."""
    console = _console(color, width)
    for item in report_renderables(report, color=color):
        console.print(item)
    return console.file.getvalue()  # type: ignore[attr-defined]


def print_report(report: Report, console: Console | None = None) -> None:
    """Print the report on a rich Console (stdout by default)."""
    console = console or SafeConsole()
    for item in report_renderables(report):
        console.print(item)


def render_analysis_text(
    analyses: list[Analysis], errors: list[IngestError], *, color: bool = False, width: int = 110
) -> str:
    """Per-article analyses as text: entities, quotes, numbers, dates and hedged/negated clauses."""
    console = _console(color, width)
    for an in analyses:
        a = an.article
        title = " · ".join(x for x in (a.source, a.title, short_date(a.published)) if x) or a.id
        console.print(Rule(f"{a.id}: {escape(title)}", align="left"))
        hedged = [c for c in an.clauses if c.certainty == "hedged"]
        negated = [c for c in an.clauses if c.negated]
        console.print(
            f"{len(an.sentences)} sentences · {len(an.entities)} entities · {len(an.quotes)} "
            f"quotes · {len(an.quantities)} quantities · {len(an.times)} dates · "
            f"{len(hedged)} hedged · {len(negated)} negated clauses"
        )
        if a.dateline is not None:
            agency = f" ({a.dateline.agency})" if a.dateline.agency else ""
            console.print(f"Dateline: {escape(a.dateline.place)}{escape(agency)}")
        if an.entities:
            table = Table("Entity", "Type", "Roles", "Mentions", box=box.SIMPLE, show_edge=False)
            for e in an.entities:
                table.add_row(escape(e.name), e.type, escape(", ".join(e.roles)),
                              str(len(e.mentions)))
            console.print(table)
        if an.quotes:
            table = Table("Speaker", "Quote", "Kind", box=box.SIMPLE, show_edge=False,
                          expand=True)
            for q in sorted(an.quotes, key=lambda q: q.start):
                table.add_row(escape(q.speaker_name or "?"), escape(a.text[q.start:q.end]),
                              q.kind)
            console.print(table)
        if an.quantities or an.times:
            table = Table("Number/date", "Value", box=box.SIMPLE, show_edge=False)
            for q in sorted(an.quantities, key=lambda q: q.start):
                rng = _num(q.low) if q.low == q.high else f"{_num(q.low)}-{_num(q.high)}"
                approx = "~" if q.approximate else ""
                table.add_row(escape(a.text[q.start:q.end]),
                              escape(f"{approx}{rng} {q.unit or ''}".strip()))
            for t in sorted(an.times, key=lambda t: t.start):
                table.add_row(escape(a.text[t.start:t.end]), escape(t.value or "(unresolved)"))
            console.print(table)
        for c in sorted(hedged + [c for c in negated if c not in hedged], key=lambda c: c.start):
            tag = " & ".join(x for x in ("hedged" if c.certainty == "hedged" else "",
                                         "negated" if c.negated else "") if x)
            line = Text(f"[{tag}] ", style=STYLE["discrepancy"])
            line.append(" ".join(a.text[c.start:c.end].split()))
            console.print(line)
    for e in errors:
        console.print(Text(f"not loaded: {e}", style="red"))
    return console.file.getvalue()  # type: ignore[attr-defined]


__all__ = ["print_report", "render_analysis_text", "render_text", "display_status"]
