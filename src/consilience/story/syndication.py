"""Which articles are copies of one origin (syndicated wire copy, light rewrites).

Shared by the story comparison (independence of sources) and by corpus mode (near-duplicate
detection with MinHash LSH). It decides copy-ness from shared verbatim text only, never from
topic similarity: two outlets that report the same event independently are two origins.
"""
from __future__ import annotations

import hashlib
import re

from ..model import Article, Origins
from ..unionfind import UnionFind

_WORD = re.compile(r"\w+", re.UNICODE)
NUM_PERM = 128


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, k: int = 5) -> set[str]:
    """Word k-shingles of the lower-cased text."""
    toks = words(text)
    if len(toks) < k:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + k]) for i in range(len(toks) - k + 1)}


def minhash(text: str, num_perm: int = NUM_PERM, k: int = 5):
    """datasketch MinHash of the text's word shingles (seeded: stable across runs and machines)."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1)
    for sh in shingles(text, k):
        m.update(sh.encode("utf-8"))
    return m


def content_hash(text: str) -> str:
    """Hash of the whitespace- and case-normalised text: equal for exact copies."""
    norm = " ".join(words(text))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


# Thresholds for find_origins (precision first: a missed copy costs less than a false one, which
# would make two independent outlets look like one voice).
ORIGIN_K = 8  # shingle length in words: an 8-word run shared verbatim is rarely chance
MIN_COVERAGE = 0.40  # share of the shorter article's words inside shared non-quote passages
MIN_LONGEST = 25  # words in the longest shared non-quote passage ...
MIN_PASSAGES = 3  # ... or this many separate shared passages (a rewrite breaks long runs)
MIN_SHARED_WORDS = 30  # absolute floor on shared words, so two 40-word briefs need real overlap
MAX_POSTING = 50  # in a corpus (>200 articles) a shingle in more articles is boilerplate

_QUOTE_OPEN = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb"}
# every quotation mark of those pairs, opening or closing
QUOTE_MARKS = frozenset(_QUOTE_OPEN) | frozenset(_QUOTE_OPEN.values())


def _quoted_words(text: str) -> tuple[list[str], list[bool]]:
    """Lower-cased words of `text` and, per word, whether it sits inside quotation marks."""
    toks: list[str] = []
    inq: list[bool] = []
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = _QUOTE_OPEN.get(ch)
        if close is not None:
            j = text.find(close, i + 1)
            if j != -1 and j - i < 2000:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    k = 0
    for m in _WORD.finditer(text):
        while k < len(spans) and spans[k][1] < m.start():
            k += 1
        toks.append(m.group().lower())
        inq.append(k < len(spans) and spans[k][0] < m.start() < spans[k][1])
    return toks, inq


def _published_key(a: Article, order: int) -> tuple:
    from datetime import UTC

    if a.published is None:
        return (1, 0.0, order)
    p = a.published if a.published.tzinfo else a.published.replace(tzinfo=UTC)
    return (0, p.timestamp(), order)


def find_origins(articles: list[Article], k: int = ORIGIN_K) -> Origins:
    """Group articles that are copies of one origin: syndicated wire copy and light rewrites.

    Two articles are copies when they share verbatim word `k`-shingle passages outside quotation
    marks covering >= MIN_COVERAGE of the shorter article (and >= MIN_SHARED_WORDS words), with
    either one passage of >= MIN_LONGEST words or >= MIN_PASSAGES separate passages. Text inside
    quotation marks never counts as evidence: independent reports routinely share a quoted
    sentence. Copies are grouped transitively; the origin is the earliest-published article of
    the group (else the first given). `overlap[(a, b)]` (a before b in input order) is the share
    of the shorter article covered by any shared passage, for every pair that shares one.
    """
    ids = [a.id for a in articles]
    docs = []
    for a in articles:
        toks, inq = _quoted_words(a.text or "")
        grams = [" ".join(toks[i : i + k]) for i in range(max(len(toks) - k + 1, 0))]
        quoted = [all(inq[i : i + k]) for i in range(len(grams))]
        docs.append((toks, grams, quoted))

    # candidate pairs from an inverted index of shingles: linear in text, exact
    posting: dict[str, list[int]] = {}
    for d, (_, grams, _) in enumerate(docs):
        for g in set(grams):
            posting.setdefault(g, []).append(d)
    pairs: set[tuple[int, int]] = set()
    cap = MAX_POSTING if len(articles) > 200 else len(articles)  # small stories: every pair
    for ds in posting.values():
        if 1 < len(ds) <= cap:
            for x in range(len(ds)):
                for y in range(x + 1, len(ds)):
                    pairs.add((ds[x], ds[y]))

    sets = UnionFind(range(len(articles)))
    overlap: dict[tuple[str, str], float] = {}
    for x, y in sorted(pairs):
        if ids[x] == ids[y]:
            continue
        ratio, is_copy = _compare(docs[x], docs[y], k)
        if ratio > 0:
            overlap[(ids[x], ids[y])] = round(ratio, 3)
        if is_copy:
            sets.union(x, y)

    out = Origins(overlap=overlap)
    for members in sets.groups():
        first = min(members, key=lambda i: _published_key(articles[i], i))
        for i in members:
            out.origin_of[ids[i]] = ids[first]
        if len(members) > 1:
            out.copies[ids[first]] = [ids[i] for i in sorted(members) if i != first]
    return out


def _compare(a: tuple, b: tuple, k: int) -> tuple[float, bool]:
    """(share of the shorter covered by shared passages, copy verdict) for two shingled texts."""
    if len(a[0]) > len(b[0]):
        a, b = b, a
    toks, grams, quoted = a
    other = set(b[1])
    if not toks or not other:
        return 0.0, False
    covered = [False] * len(toks)
    evidence = [False] * len(toks)
    runs: list[int] = []
    run = 0
    for i, g in enumerate(grams):
        if g in other:
            for j in range(i, i + k):
                covered[j] = True
                if not quoted[i]:
                    evidence[j] = True
            run = run + 1 if not quoted[i] else 0
        else:
            run = 0
        if run == 1:
            runs.append(1)
        elif run > 1:
            runs[-1] = run
    ratio = sum(covered) / len(toks)
    shared = sum(evidence)
    longest = max(runs, default=0) + k - 1 if runs else 0
    is_copy = (
        shared >= MIN_SHARED_WORDS
        and shared / len(toks) >= MIN_COVERAGE
        and (longest >= MIN_LONGEST or len(runs) >= MIN_PASSAGES)
    )
    return ratio, is_copy


# Passages one article carries from another, claim by claim (`AlignParams.wire_containment`,
# docs/quality.md "r25-wire"): a wire lead or paragraph two outlets carry inside otherwise own
# reports, under a dateline or credit line ("PORT, May 2 (XYZ) - ..."), with a word edited or an
# accent dropped. Containment, not similarity: the share of ONE claim's words that lie in word
# shingles the other article also holds, so an added lead, line or tail around it hides nothing.
CARRY_K = 4  # shingle length: one edited word breaks at most this many shingles
CARRY_SHARE = 0.8  # share of the claim's words inside shingles the other article holds
CARRY_RUN = 15  # words in the longest shared run (outside quotes) that meets the claim
# a run goes on across this many words that are not shared. 0: with 2, independent outlets'
# paraphrases of one fact ("engineers are due to inspect ..." / "are scheduled to inspect ...")
# reach runs of 15-19 words on the fresh sets; with 0 no independent pair reaches 14
CARRY_GAP = 0


def fold(word: str) -> str:
    """A word lower-cased and without accents ("Petrović" -> "petrovic")."""
    import unicodedata

    w = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in w if not unicodedata.combining(ch))


class CarriedText:
    """An article's folded words (with their character offsets and whether each sits inside
    quotation marks) and its word `CARRY_K`-shingles, for `carried_share`."""

    def __init__(self, text: str, k: int = CARRY_K) -> None:
        toks, inq = _quoted_words(text)
        self.k = k
        self.words = [fold(t) for t in toks]
        self.inq = inq
        self.starts = [m.start() for m in _WORD.finditer(text)]
        self.grams = {tuple(self.words[i:i + k]) for i in range(max(len(self.words) - k + 1, 0))}


def carried_share(src: CarriedText, start: int, end: int, other: CarriedText
                  ) -> tuple[float, int]:
    """(share of the words of `src`'s characters [start, end) that lie in word shingles `other`
    also holds, outside quotation marks (a quote two reports share may be heard twice); the
    longest such run of shared words that meets them, counted up to `CARRY_RUN` words past
    them). A claim is carried at share >= `CARRY_SHARE` with a run >= `CARRY_RUN`."""
    import bisect

    k = src.k
    lo = bisect.bisect_left(src.starts, start)
    hi = bisect.bisect_left(src.starts, end)
    if hi <= lo:
        return 0.0, 0
    # shared shingles outside quotes that can touch [lo - k + 1 .. hi + k - 1): mark their words
    a, b = max(lo - CARRY_RUN - k, 0), min(hi + CARRY_RUN + k, len(src.words))
    covered = [False] * (b - a)
    for i in range(a, b - k + 1):
        if not any(src.inq[i:i + k]) and tuple(src.words[i:i + k]) in other.grams:
            for j in range(i, i + k):
                covered[j - a] = True
    inside = sum(covered[i - a] for i in range(lo, hi))
    # the longest run of covered words that meets the claim, across gaps of at most
    # `CARRY_GAP` words (an edited word, "near" for "close to", leaves a gap of one)
    best, count, last, meets = 0, 0, None, False
    for i, cov in enumerate(covered):
        if not cov:
            continue
        if last is not None and i - last - 1 > CARRY_GAP:
            best = max(best, count) if meets else best
            count, meets = 0, False
        count += 1
        meets = meets or lo - a <= i < hi - a
        last = i
    best = max(best, count) if meets else best
    return inside / (hi - lo), best
