"""Which of many (start, end) spans overlap or hold a position, without scanning them all.

The extractors ask such questions once per cue, mention or pattern match; a scan of every span
each time made long articles quadratic. `SpanIndex` keeps the spans sorted by start with a running
maximum of their ends and answers with bisects, giving exactly the scan's answer. It decides no
finding itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans (start, end), added in any order (cheapest in order of start)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self._index()

    def _index(self) -> None:
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # reach[k]: the largest end among spans[0..k]
        for _, e in self.spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def add(self, s: int, e: int) -> None:
        if not self.spans or s >= self.starts[-1]:
            self.spans.append((s, e))
            self.starts.append(s)
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)
        else:
            insort(self.spans, (s, e))
            self._index()

    def max_end(self, x: int, *, inclusive: bool = True) -> int | None:
        """The largest end among spans starting at or before `x` (before `x` when not
        inclusive), or None when there is none."""
        k = (bisect_right if inclusive else bisect_left)(self.starts, x) - 1
        return self.reach[k] if k >= 0 else None

    def hits(self, a: int, b: int) -> bool:
        """Whether some span (s, e) has s <= a < e (holds a) or a <= s < b (starts in [a, b))."""
        reach = self.max_end(a)
        if reach is not None and reach > a:
            return True
        j = bisect_left(self.starts, a)
        return j < len(self.starts) and self.starts[j] < b

    def overlaps(self, a: int, b: int) -> bool:
        """Whether some span (s, e) has s < b and a < e."""
        reach = self.max_end(b, inclusive=False)
        return reach is not None and reach > a

    def covers(self, a: int, b: int) -> bool:
        """Whether some span (s, e) has s <= a and b <= e."""
        reach = self.max_end(a)
        return reach is not None and reach >= b
