"""The span index and the quotation search give exactly what a scan of every span gives
(they replace scans that made extraction quadratic in article length)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.quotations import quotation_at, quotations
from newsfacts.spans import SpanIndex
from newsfacts.text import paragraphs

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class S:
    start: int
    end: int


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: S(p[0], p[0] + p[1])), max_size=30)
ranges = st.tuples(st.integers(-2, 85), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(spans, ranges)
def test_span_index_answers_as_a_scan(items: list[S], query: tuple[int, int]) -> None:
    a, b = query
    index = SpanIndex(items)
    assert index.inside(a, b) == [s for s in items if a <= s.start and s.end <= b]
    assert index.covering(a, b) == [i for i, s in enumerate(items) if s.start <= a and b <= s.end]
    assert index.holding(a) == [i for i, s in enumerate(items) if s.start <= a < s.end]
    assert index.overlapping(a, b) == [i for i, s in enumerate(items) if s.start < b and a < s.end]
    by_start = sorted(items, key=lambda s: s.start)  # spans given in start order (as dates are) take a shorter path
    assert SpanIndex(by_start).inside(a, b) == [s for s in by_start if a <= s.start and s.end <= b]


def _scan(quotes, mark):
    return next((q for q in quotes if q.mark == mark or (q.close > q.end and q.end == mark)), None)


def test_quotation_at_finds_what_a_scan_finds() -> None:
    paths = sorted((ROOT / "tests" / "articles").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    text += '\n“Open and never closed\n“Continued,” he said. "Straight "twice" quotes" and „low“ ones.\n“Left open'
    quotes = quotations(text, paragraphs(text))
    assert len(quotes) > 20
    found = 0
    for mark in range(len(text) + 1):
        got = quotation_at(quotes, mark)
        assert got == _scan(quotes, mark), mark
        found += got is not None
    assert found >= len(quotes)
