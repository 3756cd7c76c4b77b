"""A Report as ONE self-contained HTML page (inline CSS and JS, no external assets): the sources
side by side, every claim highlighted by its fact's status, a panel showing the fact and the
matching sentences in the other sources, conflicts with their values side by side.

All article and pipeline text is escaped; data for the script is JSON with `<`, `>` and `&`
escaped, and the script only ever sets textContent. Presentation only: nothing is re-judged.
"""

from __future__ import annotations

import json
from html import escape

from ..model import Report
from .view import (
    DISPLAY_LABEL,
    DISPLAY_ORDER,
    ReportView,
    conflict_kind,
    display_date,
    display_status,
    short_date,
)


def e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _script_json(data: object) -> str:
    """JSON that cannot end the <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _badge(status: str, text: str | None = None) -> str:
    return f'<span class="badge b-{status}">{e(text or DISPLAY_LABEL[status])}</span>'


class _Page:
    def __init__(self, report: Report):
        self.report = report
        self.view = ReportView.of(report)
        self.display = {f.id: display_status(f) for f in report.facts}
        # anchor element id for the first highlighted piece of each claim: (fact, claim) -> id
        self.anchor: dict[tuple[str, str], str] = {}
        self._n = 0

    def chip(self, article_id: str) -> str:
        return f'<span class="chip" data-a="{e(article_id)}">{e(self.view.label(article_id))}</span>'

    # ------------------------------------------------------------------ article columns
    def article_body(self, article_id: str, text: str) -> str:
        claims = []  # (start, end, fact id, claim id)
        values = []  # (start, end)
        for f in self.report.facts:
            for c in f.claims:
                s = c.span
                if s.article == article_id and 0 <= s.start < s.end <= len(text):
                    claims.append((s.start, s.end, f.id, c.id))
            for k in f.conflicts:
                for v in k.values:
                    s = v.span
                    if s.article == article_id and 0 <= s.start < s.end <= len(text):
                        values.append((s.start, s.end))
        bounds = sorted({0, len(text)} | {b for c in claims for b in c[:2]}
                        | {b for v in values for b in v})
        rank = {st: i for i, st in enumerate(DISPLAY_ORDER)}
        out = []
        for lo, hi in zip(bounds, bounds[1:], strict=False):
            piece = e(text[lo:hi])
            covering = [c for c in claims if c[0] <= lo and hi <= c[1]]
            if any(v[0] <= lo and hi <= v[1] for v in values):
                piece = f'<span class="cv">{piece}</span>'
            if not covering:
                out.append(piece)
                continue
            facts = list(dict.fromkeys(c[2] for c in sorted(covering, key=lambda c: c[1] - c[0])))
            worst = min((self.display[f] for f in facts), key=rank.__getitem__)
            attrs = f'class="hl st-{worst}" data-f="{e(" ".join(facts))}" tabindex="0"'
            seg_id = None
            for start, _end, fid, cid in covering:
                if start == lo and (fid, cid) not in self.anchor:
                    if seg_id is None:
                        self._n += 1
                        seg_id = f"m{self._n}"
                    self.anchor[(fid, cid)] = seg_id
            if seg_id:
                attrs += f' id="{seg_id}"'
            out.append(f"<mark {attrs}>{piece}</mark>")
        return "".join(out)

    def columns(self) -> str:
        cols = []
        for a in self.report.articles:
            note = self.view.origin_note(a.id)
            meta = " · ".join(x for x in (short_date(a.published), a.byline) if x)
            link = (f'<a href="{e(a.url)}" rel="noopener noreferrer">{e(a.url)}</a>'
                    if a.url and a.url.startswith(("http://", "https://")) else "")
            cols.append(
                f'<article class="col" id="art-{e(a.id)}">'
                f'<header><div class="outlet">'
                f'{e(self.view.source_name(a.id).replace("(not stated)", "outlet not stated"))}'
                + (f' <span class="copy">{e(note)}</span>' if note else "")
                + f'</div><h3>{e(a.title or a.id)}</h3>'
                + (f'<div class="meta">{e(meta)}</div>' if meta else "")
                + (f'<div class="meta url">{link}</div>' if link else "")
                + f'</header><div class="body">{self.article_body(a.id, a.text)}</div></article>'
            )
        return "".join(cols)

    # ------------------------------------------------------------------ sections
    def stats(self) -> str:
        c = self.view.counts()
        r = self.report
        items = [
            ("src", f"{len(r.articles)}", ("source" if len(r.articles) == 1 else "sources")
             + f" ({self.view.origin_count} independent)"),
            ("corroborated", str(c["corroborated"]), "corroborated"),
            ("contradiction", str(c["contradiction"]), "contradictions"),
            ("discrepancy", str(c["discrepancy"]), "discrepancies"),
            ("single_source", str(c["single_source"]), "single-source"),
            ("src", str(len(r.quotes)), "quote" if len(r.quotes) == 1 else "quotes"),
        ]
        return "".join(f'<div class="stat s-{k}"><b>{e(n)}</b><span>{e(t)}</span></div>'
                       for k, n, t in items)

    def summary(self) -> str:
        if not self.report.summary:
            return ""
        items = []
        for s in self.report.summary:
            facts = [f for f in s.facts if f in self.display]
            status = (min((self.display[f] for f in facts), key=DISPLAY_ORDER.index)
                      if facts else "single_source")
            chips = "".join(self.chip(a) for a in self.view.sort_articles(s.articles))
            items.append(f'<li class="sum" data-f="{e(" ".join(facts))}">'
                         f'<span class="dot st-{status}"></span>{e(s.text)} '
                         f'<span class="support">{e(self.view.support(s))}</span> {chips}</li>')
        return f'<section><h2>Summary</h2><ul class="summary">{"".join(items)}</ul></section>'

    def conflicts(self) -> str:
        pairs = self.view.conflicts()
        bare = self.view.conflicting_without_details()
        if not pairs and not bare:
            return ""
        cards = []
        for fact, k in pairs:
            status = "contradiction" if k.severity == "contradiction" else "discrepancy"
            cells = []
            for v in sorted(k.values, key=lambda v: self.view.order.get(v.span.article, 0)):
                s = v.span
                value_text = self.view.value_text(k, v)
                said = next((c for c in fact.claims if c.span.article == s.article
                             and c.span.start <= s.start < c.span.end), None)
                lo, hi = self.view.says(fact, v)
                t = self.view.text(s.article, lo, hi)
                i, j = max(0, s.start - lo), max(0, s.end - lo)
                sentence = f"{e(t[:i])}<b>{e(t[i:j])}</b>{e(t[j:])}" if t else ""
                anchor = self.anchor.get((fact.id, said.id)) if said is not None else None
                jump = f' data-jump="{anchor}"' if anchor else ""
                cells.append(f'<div class="val"{jump}><div class="who">'
                             f'{e(self.view.label(s.article))}</div>'
                             f'<div class="big">{e(value_text)}</div>'
                             f'<div class="said">{sentence}</div></div>')
            cards.append(
                f'<div class="card c-{status}" data-f="{e(fact.id)}">'
                f'<div class="card-head">'
                f'{_badge(status, f"{k.severity} · {conflict_kind(k.kind)}")} '
                f'<span class="fact">{e(self.view.conflict_heading(fact, k))}</span></div>'
                + (f'<p class="expl">{e(k.explanation)}</p>' if k.explanation else "")
                + (f'<p class="cited">{e(self.view.cited_sentence(fact))}</p>'
                   if self.view.cited_sentence(fact) else "")
                + f'<div class="vals">{"".join(cells)}</div></div>'
            )
        for fact in bare:
            rows = "".join(f'<div class="val"><div class="who">{e(self.view.label(c.span.article))}'
                           f'</div><div class="said">{e(c.text)}</div></div>'
                           for c in self.view.claims_sorted(fact))
            cards.append(f'<div class="card c-contradiction" data-f="{e(fact.id)}">'
                         f'<div class="card-head">{_badge("contradiction", "conflicting")} '
                         f'<span class="fact">{e(fact.text)}</span></div>'
                         f'<div class="vals">{rows}</div></div>')
        return (f'<section id="conflicts"><h2>Where the sources disagree</h2>'
                f'{"".join(cards)}</section>')

    def facts(self) -> str:
        parts = []
        corroborated = self.view.facts_by_display("corroborated")
        if corroborated:
            rows = "".join(
                f'<li data-f="{e(f.id)}"><span class="dot st-corroborated"></span>{e(f.text)} '
                + "".join(self.chip(a) for a in self.view.fact_articles(f))
                + (f'<div class="cited">{e(self.view.cited_note(f))}</div>'
                   if self.view.cited_note(f) else "")
                + self._wordings(f) + "</li>"
                for f in corroborated
            )
            parts.append(f'<div><h3>Corroborated</h3><ul class="facts">{rows}</ul></div>')
        singles = self.view.single_source_sentences()
        if singles:
            groups = []
            for aid, items in singles:
                note = self.view.origin_note(aid)
                text = self.view.articles[aid].text
                lis = []
                for item in items:
                    # the whole sentence; what only this source says in bold
                    body = "".join(f"<strong>{e(p)}</strong>" if own and not item.whole
                                   else e(p) for p, own in item.pieces(text))
                    notes = "; ".join(item.notes)
                    lis.append(f'<li data-f="{e(" ".join(item.facts))}">{body}'
                               + (f' <span class="note">{e(notes)}</span>' if notes else "")
                               + "</li>")
                groups.append(f'<details open><summary>{e(self.view.label(aid))}'
                              + (f' <span class="copy">{e(note)}</span>' if note else "")
                              + f' <span class="count">{len(items)}</span></summary>'
                              f'<ul class="facts">{"".join(lis)}</ul></details>')
            hint = ('<p class="note">Whole sentences; where only part of a sentence is '
                    'reported by this source alone, that part is in bold.</p>'
                    if any(not i.whole for _, items in singles for i in items) else "")
            parts.append(f'<div><h3>Single-source claims</h3>{hint}{"".join(groups)}</div>')
        if not parts:
            return ""
        return f'<section class="two">{"".join(parts)}</section>'

    def _wordings(self, fact) -> str:
        """Each outlet's own sentence under a corroborated fact, the claim in bold."""
        rows = []
        for aid, items in self.view.wordings(fact):
            text = self.view.articles[aid].text
            words = " … ".join(
                "".join(f"<strong>{e(p)}</strong>" if own and not item.whole else e(p)
                        for p, own in item.pieces(text)) for item in items)
            rows.append(f'<div class="words"><span class="who">{e(self.view.label(aid))}'
                        f'</span> {words}</div>')
        return "".join(rows)

    def _claim_note(self, claim) -> str:
        # who the claim is credited to; its hedges and negations are in its own words
        if claim.speaker_key:
            return f"according to {self.view.speaker(claim.speaker_key)}"
        return ""

    def quotes(self) -> str:
        if not self.report.quotes:
            return ""
        blocks = []
        for speaker, quotes in self.view.quote_items():
            items = []
            for q in quotes:
                flags = "".join(_badge("discrepancy", f.replace("_", " "))
                                for f in sorted(q.flags))
                chips = "".join(self.chip(a) for a in self.view.sort_articles(q.carriers))
                cue = f" (“{e(q.cue)}”)" if q.cue else ""
                shown = (f'<q>{e(q.text)}</q>' if not q.context else
                         '<span class="ctx">' + "".join(f"<strong>{e(t)}</strong>" if own
                                                        else e(t) for t, own in q.context)
                         + "</span>")
                said = (" by " + e(", ".join(q.said_by))
                        if q.said_by else "")
                items.append(f'<li>{shown}<div class="qmeta">'
                             f'{e(q.kind_label)}{cue}{said} · {chips} {flags}</div></li>')
            blocks.append(f'<div class="speaker"><h3>{e(speaker)}</h3><ul class="quotes">'
                          f'{"".join(items)}</ul></div>')
        return f'<section><h2>Quotes</h2><div class="qgrid">{"".join(blocks)}</div></section>'

    def timeline(self) -> str:
        if not self.report.timeline:
            return ""
        rows = []
        for t in self.report.timeline:
            status = self.display.get(t.fact or "", "single_source")
            chips = "".join(self.chip(a) for a in
                            self.view.sort_articles(s.article for s in t.spans))
            rows.append(f'<li data-f="{e(t.fact or "")}"><span class="date">'
                        f'{e(display_date(t))}</span>'
                        f'<span class="dot st-{status}"></span>{e(t.text)} {chips}</li>')
        note = self.view.timeline_note()
        note_html = f'<p class="note">{e(note)}</p>' if note else ""
        return (f'<section><h2>Timeline</h2>{note_html}<ol class="timeline">{"".join(rows)}'
                f'</ol></section>')

    def entities(self) -> str:
        if not self.report.entities:
            return ""
        items = []
        for ent in self.view.entities_sorted():
            aliases = ", ".join(sorted(set(ent.aliases) - {ent.name}))
            roles = ", ".join(dict.fromkeys(ent.roles))
            n = len({m.article for m in ent.mentions})
            title = "; ".join(x for x in (aliases and f"also: {aliases}", roles) if x)
            items.append(f'<span class="ent" title="{e(title)}"><b>{e(ent.name)}</b> '
                         f'<i>{e(ent.type)}</i> <span class="count">{n}</span></span>')
        return (f'<section><details><summary><h2>Entities ({len(items)})</h2></summary>'
                f'<div class="ents">{"".join(items)}</div></details></section>')

    def errors(self) -> str:
        if not self.report.errors:
            return ""
        lis = "".join(f"<li>{e(err)}</li>" for err in self.report.errors)
        return f'<section class="errors"><h2>Inputs not loaded</h2><ul>{lis}</ul></section>'

    def data(self) -> dict:
        facts = {}
        for f in self.report.facts:
            facts[f.id] = {
                "status": self.display[f.id],
                "label": DISPLAY_LABEL[self.display[f.id]],
                "cited": self.view.cited_note(f),
                "text": f.text,
                "claims": [
                    {"a": c.span.article, "src": self.view.label(c.span.article),
                     "text": c.text, "anchor": self.anchor.get((f.id, c.id)),
                     "note": self._claim_note(c)}
                    for c in self.view.claims_sorted(f)
                ],
                "conflicts": [
                    {"kind": conflict_kind(k.kind), "severity": k.severity,
                     "explanation": k.explanation,
                     "values": [{"src": self.view.label(v.span.article),
                                 "text": self.view.value_text(k, v)} for v in k.values]}
                    for k in f.conflicts
                ],
            }
        return {"facts": facts}

    def render(self) -> str:
        columns = self.columns()  # first: it assigns the claim anchors the other parts link to
        title = next((a.title for a in self.report.articles if a.title), None)
        head_title = f"Consilience report: {title}" if title else "Consilience report"
        legend = "".join(f'<span><i class="sw st-{s}"></i>{e(DISPLAY_LABEL[s])}</span>'
                         for s in DISPLAY_ORDER)
        body = (
            f'<header class="top"><div class="wrap"><div class="brand">consilience</div>'
            f'<h1>{e(title or "Report")}</h1><div class="stats">{self.stats()}</div>'
            f'</div></header><main class="wrap">'
            + self.summary()
            + self.conflicts()
            + f'<section><h2>Sources side by side</h2><div class="legend">{legend}'
            f'<span class="hint">hover or click a highlighted sentence</span></div>'
            f'<div class="cols" style="--n:{max(1, len(self.report.articles))}">{columns}</div>'
            f'</section>'
            + self.facts()
            + self.quotes()
            + self.timeline()
            + self.entities()
            + self.errors()
            + "</main>"
            + '<aside id="panel" hidden><button id="close" aria-label="close">×</button>'
            '<div id="pbody"></div></aside>'
        )
        return (
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            f"<title>{e(head_title)}</title><style>{CSS}</style></head><body>{body}"
            f'<script type="application/json" id="cdata">{_script_json(self.data())}</script>'
            f"<script>{JS}</script></body></html>\n"
        )


def render_html(report: Report) -> str:
    """The report as one self-contained, XSS-safe HTML page."""
    return _Page(report).render()


CSS = """
:root{--green:#2f9e5b;--green-bg:#dcf5e4;--red:#d33c3c;--red-bg:#ffdcdc;--amber:#d98a00;
--amber-bg:#ffefc7;--grey:#8a949c;--grey-bg:#eceff2;--ink:#1d2329;--mute:#5d6770;--line:#e2e6ea;
--card:#fff;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",
Arial,sans-serif;color:var(--ink);background:var(--bg)}
.wrap{max-width:1400px;margin:0 auto;padding:0 24px}
header.top{background:#1f2a36;color:#fff;padding:18px 0 20px;margin-bottom:20px}
.brand{font-size:12px;letter-spacing:.18em;text-transform:uppercase;opacity:.7}
h1{margin:4px 0 14px;font-size:24px;font-weight:650}
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:15px;margin:14px 0 6px}
.stats{display:flex;flex-wrap:wrap;gap:10px}
.stat{background:rgba(255,255,255,.08);border-radius:8px;padding:6px 12px;display:flex;
align-items:baseline;gap:6px;border-left:4px solid #9fb0c2}
.stat b{font-size:20px}.stat span{font-size:13px;opacity:.85}
.s-corroborated{border-color:var(--green)}.s-contradiction{border-color:var(--red)}
.s-discrepancy{border-color:var(--amber)}.s-single_source{border-color:var(--grey)}
section{margin-bottom:8px}
.summary,.facts,.quotes,.timeline{list-style:none;padding:0;margin:0}
.summary li,.facts li{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:8px 12px;margin:6px 0}
.support{color:var(--mute);font-style:italic;font-size:13px}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:8px;
vertical-align:middle}
.dot.st-corroborated,.sw.st-corroborated{background:var(--green)}
.dot.st-contradiction,.sw.st-contradiction{background:var(--red)}
.dot.st-discrepancy,.sw.st-discrepancy{background:var(--amber)}
.dot.st-single_source,.sw.st-single_source{background:var(--grey)}
.chip{display:inline-block;font-size:12px;background:#e8edf3;color:#34414e;border-radius:10px;
padding:0 8px;margin:0 2px;white-space:nowrap}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;
letter-spacing:.04em;border-radius:4px;padding:1px 6px;color:#fff}
.b-contradiction{background:var(--red)}.b-discrepancy{background:var(--amber)}
.b-corroborated{background:var(--green)}.b-single_source{background:var(--grey)}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--red);
border-radius:8px;padding:12px 14px;margin:10px 0}
.card.c-discrepancy{border-left-color:var(--amber)}
.card-head .fact{font-weight:600;margin-left:6px}
.expl{margin:6px 0 8px;color:var(--mute)}
.cited{font-size:13px;font-style:italic;color:#8a5a00;margin:4px 0 4px 17px}
.card .cited{margin:4px 0 8px}
.vals{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px}
.val{background:var(--bg);border-radius:6px;padding:8px 10px;cursor:pointer}
.val:hover{outline:2px solid #c5ced8}
.who{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--mute)}
.big{font-size:22px;font-weight:700}
.c-contradiction .big{color:var(--red)}.c-discrepancy .big{color:#b87400}
.said{font-size:14px}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;color:var(--mute);margin-bottom:8px}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;
vertical-align:-1px}
.hint{margin-left:auto;font-style:italic}
.cols{display:grid;grid-template-columns:repeat(var(--n),minmax(300px,1fr));gap:14px;
overflow-x:auto;padding-bottom:8px}
.col{background:var(--card);border:1px solid var(--line);border-radius:10px;min-width:300px}
.col header{padding:10px 14px;border-bottom:1px solid var(--line);background:#fbfcfd;
border-radius:10px 10px 0 0}
.outlet{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;
color:#3b5670}
.copy{font-weight:400;text-transform:none;letter-spacing:0;background:#fff3d6;color:#8a5a00;
border-radius:4px;padding:0 5px;font-size:11px}
.col h3{margin:2px 0 2px;font-size:16px;line-height:1.3}
.meta{font-size:12px;color:var(--mute);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.meta a{color:var(--mute)}
.body{padding:10px 14px 14px;white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,
"Times New Roman",serif;font-size:15.5px;line-height:1.6}
mark.hl{color:inherit;border-radius:3px;padding:1px 0;cursor:pointer;
border-bottom:2px solid transparent}
mark.st-corroborated{background:var(--green-bg);border-color:var(--green)}
mark.st-single_source{background:var(--grey-bg);border-color:#c3cbd2}
mark.st-contradiction{background:var(--red-bg);border-color:var(--red)}
mark.st-discrepancy{background:var(--amber-bg);border-color:var(--amber)}
mark.hl.on{outline:2px solid #1f6feb;outline-offset:1px}
mark.hl:focus{outline:2px solid #1f6feb}
.cv{font-weight:700;text-decoration:underline dotted;text-underline-offset:3px}
.two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
@media (max-width:900px){.two{grid-template-columns:1fr}}
details summary{cursor:pointer}
details summary h2{display:inline}
.count{font-size:11px;background:#e8edf3;border-radius:8px;padding:0 6px;color:var(--mute)}
.note{font-size:12px;color:var(--mute);font-style:italic}
.words{font-size:13px;color:#3d4852;margin:4px 0 0 17px}
.words .who{margin-right:4px}
.qgrid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px}
.speaker{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:4px 14px 10px}
.quotes li{margin:8px 0}
.quotes q,.quotes .ctx{font-family:Georgia,serif;font-size:15px}
.qmeta{font-size:12px;color:var(--mute);margin-top:2px}
.timeline li{display:flex;align-items:baseline;gap:4px;padding:6px 0;border-bottom:1px dashed var(--line)}
.date{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;min-width:120px;color:#3b5670}
.ents{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.ent{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:3px 8px;font-size:13px}
.ent i{color:var(--mute);font-size:11px;font-style:normal}
.errors li{color:var(--red)}
#panel{position:fixed;right:18px;bottom:18px;width:min(460px,calc(100vw - 36px));max-height:62vh;
overflow:auto;background:#fff;border:1px solid #cfd6dd;border-radius:12px;
box-shadow:0 12px 40px rgba(20,30,40,.25);padding:14px 16px;z-index:10}
#panel .ptext{font-weight:650;margin:6px 0 10px}
#panel .pc{border-top:1px solid var(--line);padding:7px 0;font-size:14px;cursor:pointer}
#panel .pc:hover{background:var(--bg)}
#panel .psrc{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;
color:#3b5670}
#panel .here{font-size:10px;background:#1f6feb;color:#fff;border-radius:3px;padding:0 4px;
margin-left:4px}
#panel .pk{margin:8px 0;padding:8px;background:var(--bg);border-radius:6px;font-size:13px}
#close{position:absolute;top:6px;right:10px;border:0;background:none;font-size:22px;cursor:pointer;
color:var(--mute)}
footer{color:var(--mute);font-size:12px;padding:30px 0}
"""

JS = r"""
(function(){
var data=JSON.parse(document.getElementById('cdata').textContent);
var panel=document.getElementById('panel'),pbody=document.getElementById('pbody');
var pinned=false;
function el(tag,cls,text){var n=document.createElement(tag);if(cls)n.className=cls;
 if(text!=null)n.textContent=text;return n;}
function clearOn(){document.querySelectorAll('mark.on').forEach(function(m){m.classList.remove('on');});}
function light(ids){clearOn();ids.forEach(function(id){
 document.querySelectorAll('mark.hl').forEach(function(m){
  if((' '+m.getAttribute('data-f')+' ').indexOf(' '+id+' ')>=0)m.classList.add('on');});});}
function jump(anchor){var m=document.getElementById(anchor);if(!m)return;
 m.scrollIntoView({behavior:'smooth',block:'center',inline:'center'});m.focus({preventScroll:true});}
function show(ids,here){
 pbody.textContent='';
 ids.forEach(function(id){var f=data.facts[id];if(!f)return;
  var head=el('div');head.appendChild(el('span','badge b-'+f.status,f.label));
  if(f.cited)head.appendChild(el('span','note',' '+f.cited));
  pbody.appendChild(head);pbody.appendChild(el('div','ptext',f.text));
  f.conflicts.forEach(function(k){var box=el('div','pk');
   box.appendChild(el('b',null,k.severity+' ('+k.kind+'): '));
   box.appendChild(document.createTextNode(k.values.map(function(v){return v.src+': '+v.text;}).join('  vs  ')));
   if(k.explanation){box.appendChild(el('div','note',k.explanation));}
   pbody.appendChild(box);});
  f.claims.forEach(function(c){var row=el('div','pc');
   var s=el('div','psrc',c.src);if(c.a===here)s.appendChild(el('span','here','this source'));
   row.appendChild(s);row.appendChild(el('div',null,c.text));
   if(c.note)row.appendChild(el('div','note',c.note));
   if(c.anchor)row.addEventListener('click',function(){jump(c.anchor);});
   pbody.appendChild(row);});
 });
 panel.hidden=!pbody.childNodes.length;light(ids);}
function idsOf(n){var v=n.getAttribute('data-f');return v?v.split(' ').filter(Boolean):[];}
function colOf(n){var c=n.closest('.col');return c?c.id.slice(4):null;}
document.querySelectorAll('mark.hl').forEach(function(m){
 m.addEventListener('mouseenter',function(){if(!pinned)show(idsOf(m),colOf(m));});
 m.addEventListener('click',function(ev){ev.stopPropagation();pinned=true;show(idsOf(m),colOf(m));});
 m.addEventListener('keydown',function(ev){if(ev.key==='Enter'){pinned=true;show(idsOf(m),colOf(m));}});
});
document.querySelectorAll('[data-jump]').forEach(function(v){
 v.addEventListener('click',function(){jump(v.getAttribute('data-jump'));});});
document.querySelectorAll('li[data-f],.card[data-f]').forEach(function(li){
 li.addEventListener('click',function(ev){if(ev.target.closest('[data-jump]'))return;
  var ids=idsOf(li);if(!ids.length)return;pinned=true;show(ids,null);});});
function close(){pinned=false;panel.hidden=true;clearOn();}
document.getElementById('close').addEventListener('click',close);
document.addEventListener('keydown',function(ev){if(ev.key==='Escape')close();});
// a link like report.html#fact=f3 opens with that fact pinned
var h=/^#fact=(.+)$/.exec(location.hash);
if(h&&data.facts[decodeURIComponent(h[1])]){pinned=true;show([decodeURIComponent(h[1])],null);}
})();
"""

__all__ = ["render_html"]
