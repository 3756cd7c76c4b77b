"""Terminal renderers (rich): the Report with the same content as the Markdown, as tables
coloured by status; and a per-article analysis as text. Presentation only.
"""

from __future__ import annotations

import io
import math

from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import Analysis, IngestError, Report
from .view import DISPLAY_LABEL, ReportView, display_status, short_date

STYLE = {
    "contradiction": "bold red",
    "discrepancy": "bold dark_orange",
    "corroborated": "bold green",
    "single_source": "grey62",
}


def _num(value: float | None) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and math.isfinite(value) else "?"


def _console(color: bool, width: int) -> Console:
    return Console(
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


def report_renderables(report: Report) -> list:
    view = ReportView.of(report)
    counts = view.counts()
    out: list = []
    head = Text()
    head.append(f"{len(report.articles)} sources", style="bold")
    head.append(f" ({view.origin_count} independent) · ")
    head.append(f"{len(report.facts)} facts: ")
    for status in ("corroborated", "contradiction", "discrepancy", "single_source"):
        head.append(f"{counts[status]} {DISPLAY_LABEL[status]}", style=STYLE[status])
        head.append("  ")
    head.append(f"· {len(report.quotes)} quotes · {len(report.entities)} entities")
    out.append(Panel(head, title="consilience report", title_align="left", box=box.ROUNDED))

    if report.summary:
        out.append(Rule("Summary", align="left"))
        for s in report.summary:
            t = Text("• ")
            t.append(s.text)
            t.append(f"  [{s.support}]", style="italic")
            cites = ", ".join(view.label(a) for a in view.sort_articles(s.articles))
            if cites:
                t.append(f" ({cites})", style="dim")
            out.append(t)

    conflicts = view.conflicts()
    if conflicts or view.conflicting_without_details():
        out.append(Rule("Where the sources disagree", align="left", style="red"))
        for fact, conflict in conflicts:
            status = "contradiction" if conflict.severity == "contradiction" else "discrepancy"
            title = Text()
            title.append(f"{conflict.severity.upper()} ({conflict.kind})", style=STYLE[status])
            title.append(f"  {fact.text}")
            table = Table(box=box.SIMPLE_HEAVY, show_edge=False, expand=True)
            table.add_column("Source", style="bold", ratio=1)
            table.add_column("Value", style=STYLE[status], ratio=1)
            table.add_column("Says", ratio=4)
            for v in sorted(conflict.values, key=lambda v: view.order.get(v.span.article, 0)):
                lo, hi = view.says(fact, v)
                table.add_row(
                    escape(view.label(v.span.article)),
                    escape(view.text(v.span.article, v.span.start, v.span.end) or v.text),
                    escape(view.text(v.span.article, lo, hi)),
                )
            parts = [title, table]
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
            table.add_row(escape(f.text),
                          escape(", ".join(view.label(a) for a in view.fact_articles(f))))
        out.append(table)

    singles = view.single_source_by_outlet()
    if singles:
        out.append(Rule("Single-source claims", align="left", style="grey62"))
        for aid, items in singles:
            note = view.origin_note(aid)
            out.append(Text(view.label(aid) + (f" ({note})" if note else ""), style="bold"))
            for _fact, claim in items:
                t = Text("  • ")
                t.append(claim.text, style=STYLE["single_source"])
                notes = [n for n in (
                    f"according to {view.speaker(claim.asserted_by)}" if claim.asserted_by else "",
                    "hedged" if claim.certainty == "hedged" else "",
                    "negated" if claim.negated else "",
                ) if n]
                if notes:
                    t.append(f"  ({'; '.join(notes)})", style="italic dim")
                out.append(t)

    if report.quotes:
        out.append(Rule("Quotes", align="left"))
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        table.add_column("Speaker", style="bold", ratio=1)
        table.add_column("Quote", ratio=4)
        table.add_column("Carried by", ratio=2)
        for speaker, quotes in view.quotes_by_speaker():
            for i, q in enumerate(quotes):
                text = view.text(q.span.article, q.span.start, q.span.end) or q.text
                carriers = Text(", ".join(view.label(a) for a in view.carriers(q)))
                if q.flags:
                    carriers.append(" " + ", ".join(sorted(set(q.flags))), style="dark_orange")
                table.add_row(escape(speaker) if i == 0 else "", escape(text), carriers)
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
        table = Table(box=box.SIMPLE, show_edge=False, expand=True)
        table.add_column("Date", style="cyan", no_wrap=True)
        table.add_column("Event", ratio=4)
        table.add_column("Sources", ratio=2)
        for t in report.timeline:
            table.add_row(escape(t.date), escape(t.text), escape(", ".join(
                view.label(a) for a in view.sort_articles(s.article for s in t.spans))))
        out.append(table)

    out.append(Rule("Sources", align="left"))
    table = Table(box=box.SIMPLE, show_edge=False, expand=True)
    for col in ("ID", "Outlet", "Title", "Published", "Copy"):
        table.add_column(col)
    for a in report.articles:
        table.add_row(escape(a.id), escape(view.label(a.id)), escape(a.title or ""),
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
    for item in report_renderables(report):
        console.print(item)
    return console.file.getvalue()  # type: ignore[attr-defined]


def print_report(report: Report, console: Console | None = None) -> None:
    """Print the report on a rich Console (stdout by default)."""
    console = console or Console()
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
