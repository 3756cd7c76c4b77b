"""What every human-readable renderer shows, computed once: source labels, counts, conflicts,
corroborated facts, single-source claims by outlet, quotes by speaker.

It groups and orders the pipeline's findings for reading; it never changes a status or a span.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..model import Article, Claim, Conflict, ConflictValue, Fact, Report, StoryQuote
from .jsonout import copies_of, natural_key

# How a fact is shown (colour, section): a contradiction outranks a discrepancy, which outranks
# agreement. A fact marked "conflicting" without any listed conflict is still shown as conflicting.
DISPLAY_ORDER = ("contradiction", "discrepancy", "corroborated", "single_source")
DISPLAY_LABEL = {
    "contradiction": "contradiction",
    "discrepancy": "discrepancy",
    "corroborated": "corroborated",
    "single_source": "single source",
}


def display_status(fact: Fact) -> str:
    severities = {c.severity for c in fact.conflicts}
    if "contradiction" in severities or (fact.status == "conflicting" and not severities):
        return "contradiction"
    if "discrepancy" in severities:
        return "discrepancy"
    return "corroborated" if fact.status == "corroborated" else "single_source"


def short_date(value: datetime | None) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else ""


# a sentence ends at . ! ? (and a closing quote) before whitespace and a capital, quote or digit,
# or at a paragraph break; "Mr. Aas" and "9 p.m. on" do not end one
_SENT_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"”’]?(?=\s+[\"“A-Z0-9])|\n")


def _cite_name(article: Article) -> str:
    if (article.source or "").strip():
        return article.source.strip()
    if (article.title or "").strip():
        return f"“{article.title.strip()}”"
    return article.id


@dataclass
class ReportView:
    report: Report
    labels: dict[str, str] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    copy_of: dict[str, str] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report) -> ReportView:
        view = cls(report)
        view.articles = {a.id: a for a in report.articles}
        view.order = {a.id: i for i, a in enumerate(report.articles)}
        view.copy_of = copies_of(report)
        view.entity_names = {e.id: e.name for e in report.entities}
        # An article with no outlet line is cited by its headline, in quotes, so a headline is
        # never passed off as the name of an outlet.
        base = {a.id: _cite_name(a) for a in report.articles}
        counts: dict[str, int] = defaultdict(int)
        for name in base.values():
            counts[name] += 1
        # Two articles from one outlet must stay distinguishable in every table.
        view.labels = {
            aid: (name if counts[name] == 1 else f"{name} [{aid}]") for aid, name in base.items()
        }
        return view

    # ------------------------------------------------------------------ basics
    def label(self, article_id: str) -> str:
        return self.labels.get(article_id, article_id)

    def text(self, article_id: str, start: int, end: int) -> str:
        art = self.articles.get(article_id)
        return art.text[start:end] if art is not None else ""

    def says(self, fact: Fact, value: ConflictValue) -> tuple[int, int]:
        """Where a conflict value is said: the whole sentence around the value (and around the
        fact's claim holding it), so "Aas denied that ..." shows its verb of denial and a
        speaker named outside every claim still shows the words credited to them."""
        s = value.span
        art = self.articles.get(s.article)
        if art is None:
            return s.start, s.end
        text = art.text
        lo, hi = s.start, s.end
        for c in fact.claims:
            if c.span.article == s.article and c.span.start <= s.start < c.span.end:
                lo, hi = min(lo, c.span.start), max(hi, c.span.end)
        start = 0
        # the lookahead must see past `lo` (the next sentence's first letter is at `lo`)
        for m in _SENT_END.finditer(text, 0, min(len(text), lo + 3)):
            if m.end() <= lo:
                start = m.end()
        # a span that ends with its own full stop ends its sentence there
        m = _SENT_END.search(text, max(lo, hi - 2))
        end = m.start() + len(m.group(0).rstrip()) if m else len(text)
        # never the dateline ("PORT ALDER, Norland (Meridian Wire) — "): it is not a statement
        for cut in (art.dateline.end if art.dateline else 0, art.body_start or 0):
            if start < cut <= lo:
                start = cut
        while start < end and text[start].isspace():
            start += 1
        if end - start > 600:  # a run-on "sentence": keep the claim itself
            return lo, hi
        return start, end

    def sort_articles(self, ids: object) -> list[str]:
        return sorted(set(ids), key=lambda a: (self.order.get(a, 1 << 30), a))  # type: ignore[arg-type]

    def speaker(self, asserted_by: str | None) -> str | None:
        if asserted_by is None:
            return None
        return self.entity_names.get(asserted_by, asserted_by)

    def fact_articles(self, fact: Fact) -> list[str]:
        return self.sort_articles(c.span.article for c in fact.claims)

    def claims_sorted(self, fact: Fact) -> list[Claim]:
        return sorted(fact.claims, key=lambda c: (self.order.get(c.span.article, 1 << 30),
                                                  c.span.start))

    @property
    def origin_count(self) -> int:
        return len({self.report.origins.get(a.id, a.id) for a in self.report.articles})

    # ------------------------------------------------------------------ groups
    def facts_by_display(self, status: str) -> list[Fact]:
        return [f for f in self.report.facts if display_status(f) == status]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(DISPLAY_ORDER, 0)
        for f in self.report.facts:
            out[display_status(f)] += 1
        return out

    def conflicts(self) -> list[tuple[Fact, Conflict]]:
        """Every conflict, contradictions first. A dispute shown once: two facts cut from one
        quote carry the same attribution conflict (the same speaker spans), listed once."""
        pairs = []
        seen: set[tuple] = set()
        for f in self.report.facts:
            for c in f.conflicts:
                key = (c.kind, tuple(sorted((v.span.article, v.span.start, v.span.end)
                                            for v in c.values)))
                if c.kind == "attribution" and key in seen:
                    continue
                seen.add(key)
                pairs.append((f, c))
        return sorted(pairs, key=lambda p: 0 if p[1].severity == "contradiction" else 1)

    def conflicting_without_details(self) -> list[Fact]:
        return [f for f in self.report.facts if f.status == "conflicting" and not f.conflicts]

    def single_source_by_outlet(self) -> list[tuple[str, list[tuple[Fact, Claim]]]]:
        groups: dict[str, list[tuple[Fact, Claim]]] = defaultdict(list)
        for f in self.report.facts:
            if display_status(f) != "single_source":
                continue
            for c in self.claims_sorted(f):
                groups[c.span.article].append((f, c))
        return [(aid, sorted(groups[aid], key=lambda fc: fc[1].span.start))
                for aid in self.sort_articles(groups)]

    def quotes_by_speaker(self) -> list[tuple[str, list[StoryQuote]]]:
        groups: dict[str, list[StoryQuote]] = defaultdict(list)
        for q in self.report.quotes:
            name = q.speaker_name or self.speaker(q.speaker) or "(speaker not stated)"
            groups[name].append(q)
        return sorted(groups.items(), key=lambda kv: (kv[0].startswith("("), -len(kv[1]), kv[0]))

    def carriers(self, quote: StoryQuote) -> list[str]:
        return self.sort_articles([s.article for s in quote.carriers] or [quote.span.article])

    def entity_articles(self, entity_id: str) -> list[str]:
        for e in self.report.entities:
            if e.id == entity_id:
                return self.sort_articles(m.article for m in e.mentions)
        return []

    def origin_note(self, article_id: str) -> str:
        """'copy of X' / 'original; copied by Y' / '' for an independent article."""
        if article_id in self.copy_of:
            return f"copy of {self.label(self.copy_of[article_id])}"
        copies = [c for c in self.report.copies.get(article_id, []) if c != article_id]
        if copies:
            return "copied by " + ", ".join(self.label(c) for c in self.sort_articles(copies))
        return ""

    def fact_index(self) -> dict[str, Fact]:
        return {f.id: f for f in self.report.facts}

    def entities_sorted(self) -> list:
        return sorted(
            self.report.entities,
            key=lambda e: (-len({m.article for m in e.mentions}), -len(e.mentions),
                           natural_key(e.name)),
        )
