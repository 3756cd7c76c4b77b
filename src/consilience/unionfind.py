"""Disjoint sets (union-find), the one implementation the stages share for grouping: articles
that copy one origin, names that are one entity. The root of a set is its earliest item, so
groups come out in a stable order whatever order the unions came in.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Sets over a fixed list of items, joined by `union`; `groups` lists them."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = list(items)
        self._index = {x: i for i, x in enumerate(self.items)}
        self._parent = list(range(len(self.items)))

    def __contains__(self, item: object) -> bool:
        return item in self._index

    def _root(self, i: int) -> int:
        p = self._parent
        while p[i] != i:
            p[i] = p[p[i]]
            i = p[i]
        return i

    def find(self, item: T) -> T:
        """The root item of the set holding `item`."""
        return self.items[self._root(self._index[item])]

    def union(self, a: T, b: T) -> None:
        """Join the sets of `a` and `b`; the earlier root stays the root."""
        ra, rb = self._root(self._index[a]), self._root(self._index[b])
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[T]]:
        """Every set as its items in input order; sets ordered by their first item."""
        out: dict[int, list[T]] = {}
        for i, x in enumerate(self.items):
            out.setdefault(self._root(i), []).append(x)
        return list(out.values())
