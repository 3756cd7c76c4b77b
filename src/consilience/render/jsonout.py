"""The JSON contracts `consilience/analysis@1` and `consilience/report@1` (see docs/schema.md).

Decides the exact shape, order and value types of the output so that it is deterministic and
valid JSON for any input (ISO datetimes, no NaN). Every span's text is cut from the article text
here, so `articles[a].text[start:end] == text` always holds. It does not judge or re-rank facts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from ..model import Analysis, Article, IngestError, Report, Span
from ..story.sources import cited_note, cited_sources
from ..story.timeline import is_placed
from .common import copies_of, natural_key

ANALYSIS_SCHEMA = "consilience/analysis@1"
REPORT_SCHEMA = "consilience/report@1"


def plain(value: Any) -> Any:
    """A JSON-safe copy of `value`: datetimes as ISO strings, NaN/inf as null, sets sorted,
    dataclasses as dicts, anything unknown as its str()."""
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return plain(value.value)
    if hasattr(value, "__dataclass_fields__"):
        return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        try:
            return plain(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def dumps(data: Any) -> str:
    """Serialise a contract dict: UTF-8 text, indented, NaN-free, trailing newline."""
    return json.dumps(plain(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def errors_to_list(errors: Iterable[IngestError]) -> list[dict[str, str]]:
    out = [{"where": str(e.where), "reason": str(e.reason)} for e in errors]
    return sorted(out, key=lambda e: (natural_key(e["where"]), e["reason"]))


class _Texts:
    """Article texts by id, to cut span texts and to order spans by article position."""

    def __init__(self, articles: Sequence[Article]):
        self.text = {a.id: a.text for a in articles}
        self.order = {a.id: i for i, a in enumerate(articles)}

    def valid(self, article: str, start: int, end: int) -> bool:
        text = self.text.get(article)
        return text is not None and 0 <= start <= end <= len(text)

    def cut(self, article: str, start: int, end: int) -> str:
        return self.text.get(article, "")[start:end]

    def key(self, article: str, start: int, end: int = 0) -> tuple[int, str, int, int]:
        return (self.order.get(article, len(self.order)), article, start, end)

    def span(self, span: Span, with_text: bool = False) -> dict[str, Any] | None:
        if not self.valid(span.article, span.start, span.end):
            return None  # a span that indexes nothing would break the contract: drop it
        out: dict[str, Any] = {"article": span.article, "start": span.start, "end": span.end}
        if with_text:
            out["text"] = self.cut(span.article, span.start, span.end)
        return out

    def spans(self, spans: Iterable[Span], with_text: bool = False) -> list[dict[str, Any]]:
        uniq = sorted(set(spans), key=lambda s: self.key(s.article, s.start, s.end))
        return [d for d in (self.span(s, with_text) for s in uniq) if d is not None]


# --------------------------------------------------------------------------- report




def report_to_dict(report: Report, errors: Iterable[IngestError] | None = None) -> dict[str, Any]:
    """The `consilience/report@1` dict for a Report (errors default to `report.errors`)."""
    texts = _Texts(report.articles)
    copy_of = copies_of(report)
    articles = [
        {
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "url": a.url,
            "published": plain(a.published),
            "origin": report.origins.get(a.id, a.id),
            "copies_of": copy_of.get(a.id),
            "path": a.path,
            "record": a.record,
            "text": a.text,
        }
        for a in report.articles
    ]
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": sorted(set(e.aliases)),
            "roles": list(dict.fromkeys(e.roles)),
            "mentions": texts.spans(e.mentions),
        }
        for e in report.entities
    ]
    quotes = []
    for q in report.quotes:
        head = texts.span(q.span, with_text=True)
        if head is None:
            continue
        quotes.append(
            {
                "id": q.id,
                "article": head["article"],
                "start": head["start"],
                "end": head["end"],
                "text": head["text"],
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "cue": q.cue,
                "kind": q.kind,
                "flags": sorted(set(q.flags)),
                "carriers": texts.spans(q.carriers, with_text=True),
            }
        )
    facts = []
    notes: dict[str, str] = {}
    for f in report.facts:
        # whom the claims rest on when every one is credited to a quoted source; a corroborated
        # fact whose outlets all relay one authority gets a note (the status stays judge's)
        cited = cited_sources(f, report.entities, report.analyses)
        n_articles = len({c.span.article for c in f.claims})
        notes[f.id] = cited_note(cited, n_articles) if f.status == "corroborated" else ""
        sources_cited = [
            {"name": src.name, "entity": src.entity, "unnamed": src.unnamed,
             "articles": sorted(src.articles, key=lambda a: texts.key(a, 0)),
             "wordings": texts.spans((sp for sp, _ in src.wordings), with_text=True)}
            for src in cited
        ]
        claims = []
        for c in sorted(f.claims, key=lambda c: texts.key(c.span.article, c.span.start)):
            d = texts.span(c.span, with_text=True)
            if d is None:
                continue
            d.update(
                asserted_by=c.speaker_key,
                certainty=c.certainty,
                negated=bool(c.negated),
            )
            if c.attribute is not None:  # a description of one entity (added in @1)
                d["attribute"] = {"entity": c.attribute.entity, "name": c.attribute.name,
                                  "value": c.attribute.value}
            claims.append(d)
        conflicts = []
        for k in f.conflicts:
            values = []
            for v in sorted(k.values, key=lambda v: texts.key(v.span.article, v.span.start)):
                d = texts.span(v.span, with_text=True)
                if d is None:
                    continue
                d["value"] = plain(v.value)
                values.append(d)
            conflicts.append(
                {
                    "kind": k.kind,
                    "severity": k.severity,
                    "explanation": k.explanation,
                    "values": values,
                }
            )
        facts.append(
            {
                "id": f.id,
                "status": f.status,
                "text": f.text,
                "origins": sorted(set(f.origins), key=natural_key),
                "claims": claims,
                "conflicts": conflicts,
                "sources_cited": sources_cited,
                "sources_note": notes[f.id] or None,
            }
        )
    # `timeline` keeps its contract (calendar dates only); dates that cannot be placed ("June 9"
    # without a year, "last week" without a publication date) are listed apart
    timeline, undated = [], []
    for t in report.timeline:
        entry = {"date": t.date, "text": t.text, "fact": t.fact, "spans": texts.spans(t.spans),
                 "background": t.background, "when": t.when}
        (timeline if is_placed(t) else undated).append(entry)
    summary = [
        {
            "text": s.text,
            "facts": list(s.facts),
            "articles": sorted(set(s.articles), key=lambda a: texts.key(a, 0)),
            "support": s.support,
        }
        for s in report.summary
    ]
    errs = report.errors if errors is None else errors
    return {
        "schema": REPORT_SCHEMA,
        "articles": articles,
        "entities": entities,
        "quotes": quotes,
        "facts": facts,
        "timeline": timeline,
        "summary": summary,
        "errors": errors_to_list(errs or []),
        "timeline_undated": undated,
    }


# --------------------------------------------------------------------------- analysis


def _article_analysis(an: Analysis) -> dict[str, Any]:
    a = an.article
    n = len(a.text)

    def ok(start: int | None, end: int | None) -> bool:
        return start is not None and end is not None and 0 <= start <= end <= n

    def by_start(items: Iterable[Any]) -> list[Any]:
        return sorted((i for i in items if ok(i.start, i.end)), key=lambda i: (i.start, i.end))

    dateline = None
    if a.dateline is not None:
        dateline = {
            "place": a.dateline.place,
            "agency": a.dateline.agency,
            "start": a.dateline.start,
            "end": a.dateline.end,
        }
    quotes = []
    for q in by_start(an.quotes):
        has_speaker = ok(q.speaker_start, q.speaker_end)
        quotes.append(
            {
                "start": q.start,
                "end": q.end,
                "text": a.text[q.start : q.end],
                "cue": q.cue,
                "speaker_name": q.speaker_name,
                "speaker_start": q.speaker_start if has_speaker else None,
                "speaker_end": q.speaker_end if has_speaker else None,
                "kind": q.kind,
            }
        )
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "url": a.url,
        "byline": a.byline,
        "published": plain(a.published),
        "path": a.path,
        "record": a.record,
        "dateline": dateline,
        "text": a.text,
        "sentences": [{"start": s.start, "end": s.end} for s in by_start(an.sentences)],
        "entities": [
            {
                "start": m.start,
                "end": m.end,
                "text": a.text[m.start : m.end],
                "type": m.type,
                "entity": m.entity,
                "role": m.role,
            }
            for m in by_start(an.mentions)
        ],
        "entity_index": [
            {"id": e.id, "name": e.name, "type": e.type, "roles": list(dict.fromkeys(e.roles))}
            for e in sorted(an.entities, key=lambda e: natural_key(e.id))
        ],
        "quotes": quotes,
        "quantities": [
            {
                "start": q.start,
                "end": q.end,
                "text": a.text[q.start : q.end],
                "low": plain(q.low),
                "high": plain(q.high),
                "unit": q.unit,
                "approximate": bool(q.approximate),
                "step": plain(q.step),
            }
            for q in by_start(an.quantities)
        ],
        "times": [
            {"start": t.start, "end": t.end, "text": a.text[t.start : t.end], "value": t.value}
            for t in by_start(an.times)
        ],
        "clauses": [
            {"start": c.start, "end": c.end, "kind": c.kind, "certainty": c.certainty,
             "negated": bool(c.negated)}
            for c in by_start(an.clauses)
        ],
    }


def analysis_to_dict(
    analyses: Iterable[Analysis], errors: Iterable[IngestError] = ()
) -> dict[str, Any]:
    """The `consilience/analysis@1` dict for per-article analyses."""
    return {
        "schema": ANALYSIS_SCHEMA,
        "articles": [_article_analysis(an) for an in analyses],
        "errors": errors_to_list(errors),
    }


def render_report_json(report: Report) -> str:
    return dumps(report_to_dict(report))


def render_analysis_json(analyses: Iterable[Analysis], errors: Iterable[IngestError] = ()) -> str:
    return dumps(analysis_to_dict(analyses, errors))
