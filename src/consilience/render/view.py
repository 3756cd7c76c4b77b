"""What every human-readable renderer shows, computed once: source labels, counts, conflicts,
corroborated facts with each outlet's sentence, single-source claims as whole sentences by
outlet, quotes by speaker (pieces around one cue joined, the articles' words for the speaker),
dates as a reader writes them, conflict headings, and whom corroborating outlets all cite.

It groups and orders the pipeline's findings for reading; it never changes a status or a span.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..lexicon.modality import READER_VALUE_WORDS
from ..lexicon.people import VAGUE_SPEAKERS
from ..lexicon.values import MULTIPLIER_WORDS, NUMBER_WORDS
from ..model import (
    Article,
    Claim,
    Conflict,
    ConflictValue,
    Fact,
    Report,
    Span,
    StoryQuote,
    SummarySentence,
    TimelineEntry,
)
from ..story.sources import (
    UNKNOWN_OUTLET,
    CitedSource,
    cite_name,
    cited_note,
    cited_sentence,
    cited_sources,
    file_label,
    own_words,
    unknown_outlet_labels,
    url_site,
)
from ..story.timeline import is_placed
from ..text import MONTH_NAMES
from .common import copies_of, natural_key

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


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 source", "2 sources", "1 entity", "3 entities"."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def short_date(value: datetime | None) -> str:
    return value.date().isoformat() if isinstance(value, datetime) else ""




def _one_date(value: str) -> str:
    parts = value.split("-")
    try:
        if len(parts) == 3 and value[:1].isdigit():
            return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2 and value[:1].isdigit():
            return f"{MONTH_NAMES[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        pass
    return value


def display_date(entry: TimelineEntry) -> str:
    """A timeline date as a reader writes it: "18 June 2024", "November 2019", "10 June 2024 –
    16 June 2024"; a date without a year or a relative date in the article's own words,
    saying so ("June 9 (year not stated)", "“last week”")."""
    value = entry.date
    if value[:1].isdigit():
        return " – ".join(_one_date(v) for v in value.split("/"))
    when = " ".join((entry.when or "").split())
    if value.startswith("--"):
        return f"{when or value} (year not stated)"
    return f"“{when}”" if when else "(undated)"


# a sentence ends at . ! ? (and a closing quote) before whitespace and a capital, quote or digit,
# or at a paragraph break; "Mr. Aas" and "9 p.m. on" do not end one
_SENT_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"”’]?(?=\s+[\"“A-Z0-9])|\n")


def _regex_sentence(art: Article, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around `[lo, hi)` found by punctuation; `(lo, hi)` for a run-on."""
    text = art.text
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


_PRONOUNS = VAGUE_SPEAKERS



# what a conflict is about, in a reader's words ("modality" and "negation" are ours)
CONFLICT_KIND = {
    "number": "number",
    "date": "date",
    "entity": "who or where",
    "modality": "certainty",
    "negation": "affirmed or denied",
    "attribution": "who said it",
}




def conflict_kind(kind: str) -> str:
    return CONFLICT_KIND.get(kind, kind.replace("_", " "))


QUOTE_KIND = {
    "direct": "direct quote",
    "partial": "partial quote",
    "reported": "paraphrase",
    "according_to": "attributed",
}


@dataclass
class SentenceItem:
    """One sentence of one article holding single-source claims."""

    article: str
    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parts: list[tuple[int, int]] = field(default_factory=list)
    whole: bool = False  # the claims make up the whole sentence: nothing to emphasise

    def pieces(self, text: str) -> list[tuple[str, bool]]:
        """The sentence as (text, is-a-claim-part) pieces, whitespace folded."""
        out: list[tuple[str, bool]] = []
        pos = self.start
        for lo, hi in self.parts:
            lo, hi = max(lo, pos), min(hi, self.end)
            if lo >= hi:
                continue
            if lo > pos:
                out.append((text[pos:lo], False))
            out.append((text[lo:hi], True))
            pos = hi
        if pos < self.end:
            out.append((text[pos:self.end], False))
        return [(re.sub(r"\s+", " ", t), own) for t, own in out if t]


@dataclass
class QuoteItem:
    """One quote as shown: the pieces of a quote split around its cue are one item."""

    article: str
    start: int
    text: str
    kind: str
    cue: str | None
    quotes: list[StoryQuote] = field(default_factory=list)
    pieces: list[tuple[int, str]] = field(default_factory=list)
    carriers: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    # a partial quote in its sentence: (text, is-the-quote) pieces; empty when not needed
    context: list[tuple[str, bool]] = field(default_factory=list)
    # the article's own words for the speaker, quoted ("“Norland officials”"), when they
    # say more than the name the quote is grouped under; with the outlet when outlets differ
    said_by: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return QUOTE_KIND.get(self.kind, self.kind.replace("_", " "))


# words that open a clause cut from its sentence ("where an agreement may be signed ...")
# ("if", "unless", "whether" stay: without them a condition would read as a statement)
_OPENERS = re.compile(r"^(?:where|which|who|whom|whose|that|while|as|after|before|when|because|"
                      r"and|but|so|since|whereas|with|amid)\s+", re.IGNORECASE)


# a count that opened its sentence ("Around 12 crew ...") reads in lower case mid-line
_QUANT_WORDS = {"about", "around", "some", "nearly", "almost", "more", "over", "up", "several",
                "roughly", "approximately", "fewer", "less", "only", "just", "at", "as", "many",
                "few", "no", "a", "an"} | set(NUMBER_WORDS) | MULTIPLIER_WORDS


def _mid(value: str, later: bool) -> str:
    first = value.split(" ", 1)[0]
    if later and first.lower() in _QUANT_WORDS and first[1:].islower():
        return value[:1].lower() + value[1:]
    return value


def _cut_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _tidy_heading(line: str, cap: bool = True) -> str:
    """A clause as a heading: no leading connective, no trailing comma or full stop, a capital
    first letter."""
    line = " ".join(line.split())
    for _ in range(2):
        line = _OPENERS.sub("", line)
    line = line.rstrip(" ,;:")
    if line.endswith(".") and not re.search(r"\b[A-Z]\.$", line):  # keep "U.S."
        line = line[:-1].rstrip(" ,;:")
    if cap and line[:1].islower():
        line = line[0].upper() + line[1:]
    return line


def _merge_parts(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Claim spans joined where only spaces or punctuation lie between them, trimmed of
    spaces, so one run of words is emphasised once."""
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        # an emphasised run starts and ends on words: an opening quote it ends with, a closing
        # one it starts with, belong outside (Markdown bold cannot close after "“")
        while lo < hi and (text[lo].isspace() or text[lo] in "”’)]"):
            lo += 1
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in "“‘([" or (
                text[hi - 1] == '"' and (hi - 2 < lo or text[hi - 2].isspace()))):
            hi -= 1
        if lo >= hi:
            continue
        if out and not any(ch.isalnum() for ch in text[out[-1][1]:lo]):
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


@dataclass
class ReportView:
    report: Report
    labels: dict[str, str] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    copy_of: dict[str, str] = field(default_factory=dict)
    entity_names: dict[str, str] = field(default_factory=dict)
    # sentence bounds per article, from the analyses when the report carries them
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # (article, quote start, quote end) -> the span of its cue word, from the analyses
    cue_spans: dict[tuple[str, int, int], tuple[int, int]] = field(default_factory=dict)
    # (article, quote start, quote end) -> the article's words naming the speaker (no pronoun)
    speaker_words: dict[tuple[str, int, int], str] = field(default_factory=dict)
    _cited: dict[str, list[CitedSource]] = field(default_factory=dict)

    @classmethod
    def of(cls, report: Report) -> ReportView:
        view = cls(report)
        for an in report.analyses:
            aid = an.article.id
            view.sentences[aid] = sorted((s.start, s.end) for s in an.sentences
                                         if 0 <= s.start < s.end <= len(an.article.text))
            for q in an.quotes:
                if q.cue_start is not None and q.cue_end is not None:
                    view.cue_spans[(aid, q.start, q.end)] = (q.cue_start, q.cue_end)
                if q.speaker_start is not None and q.speaker_end is not None \
                        and 0 <= q.speaker_start < q.speaker_end <= len(an.article.text):
                    words = " ".join(an.article.text[q.speaker_start:q.speaker_end].split())
                    if words.lower() not in _PRONOUNS:
                        view.speaker_words[(aid, q.start, q.end)] = words
        view.articles = {a.id: a for a in report.articles}
        view.order = {a.id: i for i, a in enumerate(report.articles)}
        view.copy_of = copies_of(report)
        view.entity_names = {e.id: e.name for e in report.entities}
        # An article with no outlet line is cited by its headline, in quotes, so a headline is
        # never passed off as the name of an outlet.
        base = {a.id: cite_name(a) for a in report.articles}
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
        lo, hi = s.start, s.end
        for c in fact.claims:
            if c.span.article == s.article and c.span.start <= s.start < c.span.end:
                lo, hi = min(lo, c.span.start), max(hi, c.span.end)
        return _regex_sentence(art, lo, hi)

    def sentence_span(self, article_id: str, lo: int, hi: int) -> tuple[int, int]:
        """The whole sentence (or sentences) holding `[lo, hi)`: the analyzer's sentences when
        the report carries them, else punctuation; the span itself when the sentence is a
        run-on (over 600 characters) or the article is unknown."""
        art = self.articles.get(article_id)
        if art is None:
            return lo, hi
        bounds = [b for b in self.sentences.get(article_id, ()) if b[0] < hi and lo < b[1]]
        if not bounds:
            return _regex_sentence(art, lo, hi)
        start, end = min(min(b[0] for b in bounds), lo), max(max(b[1] for b in bounds), hi)
        for cut in (art.dateline.end if art.dateline else 0, art.body_start or 0):
            if start < cut <= lo:
                start = cut
        text = art.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (lo, hi) if end - start > 600 else (start, end)


    def value_text(self, conflict: Conflict, value: ConflictValue) -> str:
        """A conflict value as shown: the words for counts, dates, names; "possible" /
        "certain", "affirmed" / "denied" for certainty and negation (their whole clause is in
        the sentence beside it)."""
        if conflict.kind in ("modality", "negation"):
            word = READER_VALUE_WORDS.get(str(value.value))
            if word:
                return word
        s = value.span
        return self.text(s.article, s.start, s.end) or str(value.text)

    # ------------------------------------------------------------------ trust details
    def cited(self, fact: Fact) -> list[CitedSource]:
        """The quoted sources a fact's claims all rest on ([] when an outlet states it itself)."""
        if fact.id not in self._cited:
            self._cited[fact.id] = cited_sources(fact, self.report.entities,
                                                 self.report.analyses)
        return self._cited[fact.id]

    def cited_note(self, fact: Fact) -> str:
        """'both citing Norland (“Norland’s coast guard”, “Norland officials”)' for a
        corroborated fact whose outlets all relay one authority (or only unnamed sources); the
        status stays judge's, the wording must not overstate it. '' otherwise."""
        if fact.status != "corroborated":
            return ""
        return cited_note(self.cited(fact), len(self.fact_articles(fact)))

    def cited_sentence(self, fact: Fact) -> str:
        if fact.status != "corroborated":
            return ""
        return cited_sentence(self.cited(fact), len(self.fact_articles(fact)))

    def support(self, s: SummarySentence) -> str:
        """A summary line's support as shown. `summarize` already words it ("2 independent
        outlets, both citing ..."): the renderers show it as the stage wrote it, except the
        kind of a dispute, which is shown in a reader's words ("disputed: modality" reads
        "disputed: certainty"; the JSON keeps the stage's word)."""
        head, sep, kind = s.support.partition(": ")
        if head == "disputed" and sep:
            return f"disputed: {conflict_kind(kind)}"
        return s.support

    def conflict_values(self, conflict: Conflict) -> list[ConflictValue]:
        """The conflict's values in article order, one per differing value ("12" said by three
        outlets is one side; "Tuesday" and "11 March" resolved to one date are one side)."""
        out: dict[str, ConflictValue] = {}
        for v in sorted(conflict.values, key=lambda v: (self.order.get(v.span.article, 1 << 30),
                                                        v.span.start)):
            shown = self.value_text(conflict, v)
            key = (str(v.value) if conflict.kind in ("date", "modality", "negation",
                                                     "attribution") and v.value is not None
                   else " ".join(shown.lower().split()))
            out.setdefault(key, v)
        return list(out.values())

    def conflict_heading(self, fact: Fact, conflict: Conflict) -> str:
        """What the sources disagree on, in a line a reader can scan: the clause holding the
        disputed value with the values side by side ("several dozen vs around 30 boats
        crossed into the bay"); for certainty, negation and speaker, the
        clause then the values ("… may be signed — possible vs certain"). Never a bare clause
        fragment ("where an agreement may be signed ...")."""
        values = self.conflict_values(conflict)
        shown = " vs ".join(_mid(" ".join(self.value_text(conflict, v).split()), i > 0)
                            for i, v in enumerate(values[:4]))
        claims = self.claims_sorted(fact)
        if conflict.kind in ("number", "date", "entity"):
            for v in values:
                s = v.span
                c = next((c for c in claims if c.span.article == s.article
                          and c.span.start <= s.start and s.end <= c.span.end), None)
                art = self.articles.get(s.article)
                if c is None or art is None:
                    continue
                before = art.text[c.span.start:s.start].split()
                after = art.text[s.end:c.span.end].split()
                head = ("… " if len(before) > 10 else "") + " ".join(before[-10:])
                tail = " ".join(after[:14]) + (" …" if len(after) > 14 else "")
                line = " ".join(x for x in (head, shown) if x)
                if tail:  # "… Hospital" + "." reads "Hospital.", not "Hospital ."
                    line += tail if tail[:1] in ",.;:!?" else " " + tail
                return _tidy_heading(line)
        if conflict.kind == "attribution":
            words = _tidy_heading(_cut_words(claims[0].text if claims else fact.text, 14), cap=False)
            return f"Who said “{words}”: {shown}" if shown else f"Who said “{words}”"
        c = next((c for c in claims for v in values if c.span.article == v.span.article
                  and c.span.start <= v.span.start < c.span.end), claims[0] if claims else None)
        line = _tidy_heading(_cut_words(c.text if c else fact.text, 16))
        return f"{line} — {shown}" if shown else line

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

    def single_source_sentences(self) -> list[tuple[str, list[SentenceItem]]]:
        """Single-source claims by outlet as whole sentences: claims cut from one sentence are
        shown as that sentence once, a fragment inside its sentence; `parts` are what only
        this outlet says (to emphasise), `notes` whom its claims are credited to."""
        out = []
        for aid, pairs in self.single_source_by_outlet():
            items: list[SentenceItem] = []
            for fact, claim in pairs:
                s = claim.span
                lo, hi = self.sentence_span(aid, s.start, s.end)
                last = items[-1] if items else None
                if last is not None and lo < last.end and last.start < hi:
                    last.start, last.end = min(last.start, lo), max(last.end, hi)
                else:
                    last = SentenceItem(aid, lo, hi)
                    items.append(last)
                last.claims.append(claim)
                if fact.id not in last.facts:
                    last.facts.append(fact.id)
                who = self.speaker(claim.speaker_key)
                if who and f"according to {who}" not in last.notes:
                    last.notes.append(f"according to {who}")
            self._mark(aid, items)
            out.append((aid, items))
        return out

    def wordings(self, fact: Fact) -> list[tuple[str, list[SentenceItem]]]:
        """Each outlet's own words for a fact: the whole sentences holding its claims, the
        claims' parts marked (`parts`), by article, so a reader can check the agreement."""
        items: dict[str, list[SentenceItem]] = defaultdict(list)
        for c in self.claims_sorted(fact):
            aid = c.span.article
            lo, hi = self.sentence_span(aid, c.span.start, c.span.end)
            have = items[aid]
            if have and lo < have[-1].end and have[-1].start < hi:
                have[-1].start, have[-1].end = min(have[-1].start, lo), max(have[-1].end, hi)
            else:
                have.append(SentenceItem(aid, lo, hi))
            have[-1].claims.append(c)
        for aid, group in items.items():
            self._mark(aid, group)
        return [(aid, items[aid]) for aid in self.sort_articles(items)]

    def _mark(self, aid: str, items: list[SentenceItem]) -> None:
        text = self.articles[aid].text if aid in self.articles else ""
        for item in items:
            item.parts = _merge_parts(text, [(c.span.start, c.span.end) for c in item.claims])
            rest = "".join(p for p, own in item.pieces(text) if not own)
            item.whole = not any(ch.isalnum() for ch in rest)

    def _context(self, span: Span, words: int = 12) -> list[tuple[str, bool]]:
        """The words around a partial quote ("“violates”" alone says nothing): its sentence,
        cut to `words` words each side with "…", the quoted words marked."""
        art = self.articles.get(span.article)
        if art is None:
            return []
        lo, hi = self.sentence_span(span.article, span.start, span.end)
        text = art.text
        before = text[lo:span.start].split()
        after = text[span.end:hi].split()
        head = ("… " if len(before) > words else "") + " ".join(before[-words:])
        tail = " ".join(after[:words]) + (" …" if len(after) > words else "")
        space_b = " " if head and text[span.start - 1:span.start].isspace() else ""
        space_a = " " if tail and text[span.end:span.end + 1].isspace() else ""
        return [(head + space_b, False), (" ".join(text[span.start:span.end].split()), True),
                (space_a + tail, False)]

    def quote_items(self) -> list[tuple[str, list[QuoteItem]]]:
        """Quotes by speaker, the pieces of one quote split around its cue ("The agreement,
        according to X, is ...") joined into one item: same article, same cue span."""
        groups: dict[tuple, QuoteItem] = {}
        for q in self.report.quotes:
            cue = self.cue_spans.get((q.span.article, q.span.start, q.span.end))
            # one quote cut around its cue has one kind on both sides; a partial quote
            # after a full one ("..., now “violates” sanctions") is a quote of its own
            key = (q.span.article, q.kind, *cue) if cue else (q.id,)
            text = self.text(q.span.article, q.span.start, q.span.end) or q.text
            # a quote cut before its closing punctuation keeps a dangling comma
            text = " ".join(text.split()).rstrip(",;: ")
            if key not in groups:
                groups[key] = QuoteItem(q.span.article, q.span.start, text, q.kind, q.cue)
            item = groups[key]
            item.quotes.append(q)
            item.pieces.append((q.span.start, text))
            item.carriers.update(s.article for s in q.carriers or [q.span])
            item.flags.update(q.flags)
        by_speaker: dict[str, list[QuoteItem]] = defaultdict(list)
        forms: dict[str, list[str]] = defaultdict(list)
        plain: dict[int, list[str]] = {}  # item -> its speaker wordings, when outlets agree
        aliases = {e.id: e.aliases for e in self.report.entities}
        for item in groups.values():
            item.text = " … ".join(t for _, t in sorted(item.pieces))
            if item.kind == "partial" and len(item.quotes) == 1:
                item.context = self._context(item.quotes[0].span)
            first = item.quotes[0]
            name = (next((q.speaker_name for q in item.quotes if q.speaker_name), None)
                    or self.speaker(first.speaker) or "(speaker not stated)")
            by_speaker[name].append(item)
            forms[name] += aliases.get(first.speaker or "", [])
            # the article's own words for the speaker: "Norland officials", not only the
            # entity "Norland" the quote is grouped under
            said = [(s.article, self.speaker_words.get((s.article, s.start, s.end)))
                    for q in item.quotes for s in (q.carriers or [q.span])]
            own = own_words(name, (w for _, w in said if w), forms[name])
            if "speaker_differs" in item.flags:
                # outlets name different speakers: each name with the outlet that gives it,
                # never as another wording for the speaker the quote is grouped under
                item.said_by = list(dict.fromkeys(f"“{w}” ({self.label(a)})"
                                                  for a, w in said if w))
            else:
                item.said_by = [f"“{w}”" for w in own]
                plain[id(item)] = own
        out = []
        for name, items in by_speaker.items():
            said = own_words(name, (w for i in items for w in plain.get(id(i), [])), forms[name])
            heading = name + (" — " + ", ".join(f"“{w}”" for w in said) if said else "")
            # one wording for the whole group: the heading says it, the items need not
            if all(id(i) in plain for i in items) and len({tuple(i.said_by) for i in items}) <= 1:
                for i in items:
                    i.said_by = []
            out.append((heading, items))
        return sorted(out, key=lambda kv: (kv[0].startswith("("), -len(kv[1]), kv[0]))

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

    def timeline_note(self) -> str:
        """One line on the dates that could not be placed, when there are any."""
        if all(is_placed(t) for t in self.report.timeline):
            return ""
        if not any(a.published for a in self.report.articles):
            return ("The articles carry no publication date, so relative dates (“Tuesday”, "
                    "“last week”) cannot be placed: they follow the dated events, in each "
                    "article's own words; no year is guessed.")
        return ("Some dates cannot be placed on a calendar: they follow the dated events, in "
                "each article's own words; no year is guessed.")

    def source_name(self, article_id: str) -> str:
        """The outlet as stated; else the file it came from, "ferry.txt (outlet not stated)"; else
        "(not stated)" (the headline is shown beside it)."""
        art = self.articles.get(article_id)
        if art and (art.source or "").strip():
            return " ".join(art.source.split())
        named = file_label(art) if art else None
        if art and unknown_outlet_labels():
            # the site of its address, else an unknown outlet with the file as its id:
            # "unknown outlet (file ferry.txt)"; the headline is shown beside it
            site = url_site(art)
            if site:
                return f"{site} (site; outlet not stated)"
            if named:
                return f"{UNKNOWN_OUTLET} (file {named})"
        return f"{named} (outlet not stated)" if named else "(not stated)"

    def fact_index(self) -> dict[str, Fact]:
        return {f.id: f for f in self.report.facts}

    def entities_sorted(self) -> list:
        return sorted(
            self.report.entities,
            key=lambda e: (-len({m.article for m in e.mentions}), -len(e.mentions),
                           natural_key(e.name)),
        )
