"""The one document model that flows through every stage.

Every finding is a span `(article, start, end)` of character offsets into `Article.text`, the exact
text we analysed. Stages never copy text around without its offsets. This module holds data only:
no stage logic, no model loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Literal, TypeAlias

Certainty = Literal["asserted", "hedged"]
FactStatus = Literal["corroborated", "single_source", "conflicting"]
ConflictKind = Literal["number", "date", "entity", "modality", "negation", "attribution"]
Severity = Literal["contradiction", "discrepancy"]
QuoteKind = Literal["direct", "partial", "reported", "according_to"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` of `Article.text` for article `article`."""

    article: str
    start: int
    end: int


@dataclass(slots=True)
class Dateline:
    """The dateline that opened the body ("SEOUL, South Korea - "). Offsets index `Article.text`;
    the dateline itself is kept in the text but is not part of any claim."""

    place: str
    start: int
    end: int
    agency: str | None = None


@dataclass(slots=True)
class Article:
    """One news article. `text` is the body that every offset indexes into."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    byline: str | None = None
    published: datetime | None = None
    language: str = "en"
    dateline: Dateline | None = None
    # where it came from ("file.jsonl:12"), for error messages and provenance
    origin_path: str | None = None
    # body text start: where claims may begin (after a dateline)
    body_start: int = 0
    # the file it was read from (printable; "<stdin>" for stdin), None when given directly
    path: str | None = None
    # its record number in that file: JSONL line, or position in a JSON array or feed (from 1)
    record: int | None = None


@dataclass(slots=True)
class IngestError:
    """One input we could not load: `where` names the file (and line), `reason` says why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


# --------------------------------------------------------------------------- per-article analysis


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    """A named-entity mention. `entity` is the id of the article-level entity it refers to."""

    start: int
    end: int
    text: str
    type: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, ...
    entity: str | None = None
    role: str | None = None  # "NATO Secretary-General" when stated next to the name


@dataclass(slots=True)
class LocalEntity:
    """An entity within one article: all its mentions (names, honorific forms, role nouns)."""

    id: str  # unique within the article, e.g. "e3"
    name: str  # fullest name form seen
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # indexes into Analysis.mentions
    generation: str | None = None  # "jr", "sr", ...: when the article names two of one family
    gender: str | None = None  # "f" / "m" when a gendered honorific says so ("Mrs. Clinton")


def add_local_entity(entities: list[LocalEntity], by_id: dict[str, LocalEntity], name: str,
                     type_: str, prefix: str = "e") -> str:
    """A new entity of one article, with an id no entity of it holds yet (story-level finders
    add names the tagger missed); appended to `entities` and `by_id`; its id returned."""
    ent = f"{prefix}{len(entities)}"
    while ent in by_id:
        ent += "n"
    le = LocalEntity(ent, name, type_)
    entities.append(le)
    by_id[ent] = le
    return ent


@dataclass(slots=True)
class Quote:
    """A quote or a piece of reported speech, with its content span, cue and speaker."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_name: str | None = None  # resolved name (fullest form), None when not stated
    speaker_start: int | None = None  # the span naming the speaker in this sentence (may be a pronoun)
    speaker_end: int | None = None
    speaker_entity: str | None = None  # LocalEntity id


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    unit: str | None = None  # what is counted: "soldiers", "people", "year", "USD"
    approximate: bool = False
    # the written precision: what the last significant written digit is worth, in the value's
    # units ("$139 million" -> 1e6, "1.5 million" -> 1e5, "35.7 percent" -> 0.1; a range's, of
    # its ends); None when the value is an exact count ("43,885,310", "12 people"), a bound
    # ("more than", "nearly") or words like "dozens"
    step: float | None = None


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None = None  # ISO date ("2024-06-18") or interval ("2024-06-10/2024-06-16"); None if unresolved
    relative: bool = False  # True when it could not be anchored to a publication date


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    certainty: Certainty = "asserted"
    negated: bool = False
    cues: list[str] = field(default_factory=list)  # the words that made it hedged or negated
    # "clause": a main, coordinated or complement clause (nested clauses lie inside it);
    # "relative" ("who used public funds to ..."), "adverbial" (a subordinate clause with its own
    # subject: "when the mayor left"), "participle" (", killing 12 people"; "records released
    # Friday") and "apposition" (a name and its appositive: "Berg, 56, a teacher") lie inside
    # the clause that holds them and are cut out as claims of their own by story/claims.py;
    # "complement": a clausal complement deeper down ("wanted to ask her whether she backs ...")
    kind: str = "clause"
    head: int = -1  # offset of the head word (the predicate; the name of an apposition)


@dataclass(slots=True)
class Analysis:
    """Everything found in one article. All offsets index `article.text`."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    # extractors that failed on this article ("quotes: ValueError: ..."); the others still ran
    problems: list[str] = field(default_factory=list)
    # why the article could not be analysed at all (too long, over its time budget): no findings
    failed: str | None = None
    # the one spaCy parse of `article.text` the findings came from, kept so later stages read it
    # instead of parsing again (None after a failure); pickled as DocBin bytes
    doc: Any = field(default=None, compare=False, repr=False, metadata={"transient": True})

    def __getstate__(self) -> dict[str, Any]:
        state = {name: getattr(self, name) for name in self.__dataclass_fields__}
        if state["doc"] is not None:
            from .docbytes import doc_to_bytes

            state["doc"] = doc_to_bytes(state["doc"])
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("doc"), bytes):
            from .docbytes import doc_from_bytes

            state = {**state, "doc": doc_from_bytes(state["doc"])}
        for name, value in state.items():
            object.__setattr__(self, name, value)


# --------------------------------------------------------------------------- across articles


@dataclass(slots=True)
class Entity:
    """One real person, organisation or place across all articles of a story."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)  # e.g. a capital -> its country's entity id


@dataclass(frozen=True, slots=True)
class Attribute:
    """What a description says about one story entity ("Varga, a four-term councillor"): the
    attribute's name (a role noun's lemma, a count's unit such as "term", or "age") and its value
    (the count or age; None for a role, which has no value to differ in)."""

    entity: str  # story-level Entity id
    name: str
    value: int | None = None


@dataclass(slots=True)
class Claim:
    """One claim unit of one sentence: a main or coordinated clause, an appositive, or the content
    of an attribution."""

    id: str
    span: Span
    text: str
    sentence: int  # index into Analysis.sentences
    entities: list[str] = field(default_factory=list)  # story-level Entity ids
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    certainty: Certainty = "asserted"
    negated: bool = False
    # who asserts it: None for both is the outlet itself; `asserted_by` is the story-level Entity
    # id when one stands for the speaker, else `asserted_by_name` is the speaker as the article
    # names it (a bare name, "A and B", or "unnamed source")
    asserted_by: str | None = None
    asserted_by_name: str | None = None
    article_quote: str | None = None  # id of the article's own Quote it is the content of ("a:q3")
    quote: str | None = None  # id of the StoryQuote it is the content of (set by the story builder)
    # set on a description claim (story/attributes.py): its span is the description's words,
    # inside a sentence that also has its ordinary claims
    attribute: Attribute | None = None
    # set on a conjunct cut from a gapped sentence ("The Varkes paid $5 in fees and | $2 in
    # levies"): the words before the first conjunct that this one shares (subject and verb),
    # not contiguous with its span; `read_text` reads them with it, the span stays its own words
    shares: Span | None = None
    shares_text: str | None = None

    @property
    def read_text(self) -> str:
        """What the claim states, with the subject and verb it shares when gapped ("The Varkes
        paid" + "$2 in levies"): what alignment reads and embeds. Its own words otherwise."""
        return f"{self.shares_text} {self.text}" if self.shares_text else self.text

    @property
    def attributed(self) -> bool:
        """Someone other than the outlet asserts it."""
        return self.asserted_by is not None or self.asserted_by_name is not None

    @property
    def speaker_key(self) -> str | None:
        """The speaker as one key: the Entity id, else the stated name; None for the outlet."""
        return self.asserted_by if self.asserted_by is not None else self.asserted_by_name


# Claims that state the same thing, one list per fact-to-be: what `align` hands to `judge`. A
# Claim object may sit in two lists when its sentence states two facts (never twice in one).
ClaimGroups: TypeAlias = list[list[Claim]]


@dataclass(slots=True)
class Resolution:
    """Story entities and how each article's mentions and local entities map onto them."""

    entities: list[Entity] = field(default_factory=list)
    # (article id, index into Analysis.mentions) -> Entity id
    by_mention: dict[tuple[str, int], str] = field(default_factory=dict)
    # (article id, LocalEntity id) -> Entity id
    by_local: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass(slots=True)
class Origins:
    """Which articles copy one wire story: each article's origin, each origin's copies."""

    origin_of: dict[str, str] = field(default_factory=dict)  # article id -> origin id
    copies: dict[str, list[str]] = field(default_factory=dict)  # origin id -> copies of it
    overlap: dict[tuple[str, str], float] = field(default_factory=dict)  # shared-text ratio


@dataclass(slots=True)
class ConflictValue:
    span: Span
    text: str
    value: Any


@dataclass(slots=True)
class Conflict:
    kind: ConflictKind
    severity: Severity
    values: list[ConflictValue]
    explanation: str = ""


@dataclass(slots=True)
class Fact:
    id: str
    status: FactStatus
    text: str  # a representative wording
    claims: list[Claim] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # independent origin ids that state it


@dataclass(slots=True)
class StoryQuote:
    """One quote as carried by one or more outlets."""

    id: str
    span: Span  # the fullest carrier
    text: str
    speaker: str | None  # story-level Entity id
    speaker_name: str | None
    cue: str | None
    kind: QuoteKind
    carriers: list[Span] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # "wording_differs", "speaker_differs"


@dataclass(slots=True)
class TimelineEntry:
    date: str  # ISO date or interval
    text: str
    fact: str | None
    spans: list[Span] = field(default_factory=list)
    # a date well before the story's own days (earlier history the articles recall)
    background: bool = False
    # the article's own words for the date ("June 9", "last week"). An entry that cannot be
    # placed on a calendar has `date` "--MM-DD"/"--MM" (ISO 8601 month-day/month, year not
    # stated) or "" (a relative date and no publication date to anchor it); never a guessed year
    when: str | None = None


@dataclass(slots=True)
class SummarySentence:
    text: str
    facts: list[str]
    articles: list[str]
    support: str  # "corroborated by N independent sources", "single source", "disputed"


@dataclass(slots=True)
class Report:
    articles: list[Article]
    origins: dict[str, str] = field(default_factory=dict)  # article id -> origin id
    copies: dict[str, list[str]] = field(default_factory=dict)  # origin article id -> its copies
    entities: list[Entity] = field(default_factory=list)
    quotes: list[StoryQuote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)
    # inputs that could not be loaded (set by `consilience.compare`); rendered as "errors"
    errors: list[IngestError] = field(default_factory=list)


def to_dict(obj: Any) -> Any:
    """Plain-data view of any model object (datetimes as ISO strings)."""
    if isinstance(obj, datetime):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        # a transient field (an analysis' kept parse) is no plain data
        return {f.name: to_dict(getattr(obj, f.name)) for f in fields(obj)
                if not f.metadata.get("transient")}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    return obj
