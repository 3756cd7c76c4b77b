"""The indexed lookups that keep long articles linear give exactly the answers of the plain scans
they replaced: quoted regions (bisect on starts) and span sets (starts + running maximum end)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consilience.analysis.quotes.context import (
    _in_region,
    _next_region_start,
    _quoted_chars,
    _Regions,
    scan_quote_regions,
)
from consilience.analysis.spanindex import SpanIndex

# texts made of quotation marks (straight, curly, doubled apostrophes), words and paragraph breaks
_PIECES = st.sampled_from(['"', "“", "”", "‘", "’", "''", "'", "word ", "it’s ", ", ", ". ",
                           "\n", "\n\n", "<a x=\"1\">", " "])
_TEXTS = st.lists(_PIECES, max_size=60).map("".join)


def _scan_in_region(regions, pos):
    return next((r for r in regions if r.qs <= pos < r.qe), None)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.data())
def test_region_lookups_equal_the_plain_scan(text, data):
    plain = scan_quote_regions(text)
    regions = _Regions(plain)
    assert regions.ordered  # scan_quote_regions yields disjoint regions in text order
    for pos in range(-1, len(text) + 2):
        assert _in_region(regions, pos) is _scan_in_region(plain, pos)
    for r in plain:
        want = next((o.qs for o in plain if o.qs >= r.qe), 1 << 60)
        assert _next_region_start(regions, r) == want
    s = data.draw(st.integers(-2, len(text) + 2))
    e = data.draw(st.integers(-2, len(text) + 2))
    assert _quoted_chars(regions, s, e) == sum(max(0, min(e, r.qe) - max(s, r.qs)) for r in plain)


def test_unordered_regions_fall_back_to_the_scan():
    regions = _Regions(list(reversed(scan_quote_regions('"a b" and "c d"'))))
    assert not regions.ordered
    assert _in_region(regions, 1).qs == 0
    assert _next_region_start(regions, regions[1]) == 10


_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPAN, max_size=12), st.lists(_SPAN, max_size=12))
def test_span_index_equals_the_plain_scan(found, added):
    spans = list(found)
    index = SpanIndex(spans)
    for a, b in added:
        assert index.hits(a, b) == any(s <= a < e or a <= s < b for s, e in spans)
        assert index.overlaps(a, b) == any(s < b and a < e for s, e in spans)
        assert index.covers(a, b) == any(s <= a and b <= e for s, e in spans)
        spans.append((a, b))
        index.add(a, b)
