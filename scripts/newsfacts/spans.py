"""Find spans by position without scanning them all: what lies inside a range, and what
covers or overlaps one. Each query costs a binary search and a walk over the few spans near
it, so an article's extraction stays linear in its length (issue 10, item 5)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Generic, Protocol, Sequence, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class SpanIndex(Generic[S]):
    """Spans (anything with `start` and `end`) in a fixed order, indexed by start.

    Every query answers in the spans' own order (their index in `items`), exactly as a scan
    of the whole list would."""

    def __init__(self, items: Sequence[S]) -> None:
        self.items = list(items)
        starts = [s.start for s in self.items]
        self._order = sorted(range(len(starts)), key=starts.__getitem__)
        self._in_order = all(k == i for k, i in enumerate(self._order))  # items already by start (dates are)
        self._starts = starts if self._in_order else [starts[i] for i in self._order]
        self._ends = [self.items[i].end for i in self._order]
        self._reach = list(accumulate(self._ends, max))  # reach[k]: the furthest end among the first k+1 spans by start

    def inside(self, start: int, end: int) -> list[S]:
        """The spans s with start <= s.start and s.end <= end."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        if lo == hi:
            return []
        ends, items = self._ends, self.items
        if self._in_order:  # position by start is the items' own order
            return [items[k] for k in range(lo, hi) if ends[k] <= end]
        return [items[i] for i in sorted(self._order[k] for k in range(lo, hi) if ends[k] <= end)]

    def _reaching(self, before: int, beyond: int, strict: bool) -> list[int]:
        """Indices of the spans among the first `before` by start whose end is > `beyond`
        (strict) or >= `beyond`, in the spans' own order."""
        out = []
        k = before - 1
        while k >= 0 and (self._reach[k] > beyond if strict else self._reach[k] >= beyond):
            if self._ends[k] > beyond if strict else self._ends[k] >= beyond:
                out.append(self._order[k])
            k -= 1
        return sorted(out)

    def covering(self, start: int, end: int) -> list[int]:
        """Indices of the spans s with s.start <= start and end <= s.end, in order."""
        return self._reaching(bisect_right(self._starts, start), end, strict=False)

    def holding(self, point: int) -> list[int]:
        """Indices of the spans s with s.start <= point < s.end, in order."""
        return self._reaching(bisect_right(self._starts, point), point, strict=True)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indices of the spans s with s.start < end and start < s.end, in order."""
        return self._reaching(bisect_left(self._starts, end), start, strict=True)
