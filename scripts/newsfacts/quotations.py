"""Quotations in an article: each from its opening mark to its closing mark, running on into
the next paragraph when one is left open there (the news convention)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from newsfacts.text import OPEN_QUOTES, Span


@dataclass(frozen=True)
class Quotation:
    """Words between an opening and a closing quotation mark (the closing one may be in a
    later paragraph, or missing at the end of one)."""

    mark: int
    """Offset of the opening mark."""
    start: int
    end: int
    close: int
    """Offset just past the closing mark (== end when the quotation is left open)."""


def quotations(text: str, paras: tuple[Span, ...]) -> list[Quotation]:
    """Every quotation of the article. A quotation left open at the end of a paragraph
    continues when the next paragraph opens with a quotation mark (the news convention)."""
    out: list[Quotation] = []
    pending: int | None = None
    marks = [m.start() for m in _QUOTE_MARK.finditer(text)]  # every mark's offset, found in one pass
    for n, para in enumerate(paras):
        opened: int | None = None
        if pending is not None:
            if text[para.start] in OPEN_QUOTES:
                opened = pending
            else:
                out.append(Quotation(pending, pending + 1, paras[n - 1].end, paras[n - 1].end))
            pending = None
        first = bisect_left(marks, para.start + (1 if opened is not None else 0))
        for at in marks[first : bisect_left(marks, para.end, lo=first)]:
            c = text[at]
            straight_opens = c == '"' and (at == para.start or text[at - 1].isspace() or text[at - 1] in "([{—–-/")
            if opened is None:
                if c in "“«„" or straight_opens:
                    opened = at
            elif c in "”»" or (c == '"' and not straight_opens) or (c == "“" and text[opened] == "„") or (
                c == "“" and text[at - 1] in ",.?!" and (at + 1 == len(text) or text[at + 1].isspace())
            ):  # '“It's unusual,“ said X': an opening mark typed where the closing one belongs
                out.append(Quotation(opened, opened + 1, at, at + 1))
                opened = None
            elif c == '"' and straight_opens and text[opened] == '"':
                out.append(Quotation(opened, opened + 1, at, at))  # unbalanced straight quotes
                opened = at
        if opened is not None:
            pending = opened
    if pending is not None:
        out.append(Quotation(pending, pending + 1, paras[-1].end, paras[-1].end))
    return out


_QUOTE_MARK = re.compile(r"[“”\"«»„]")


def quotation_at(quotes: list[Quotation], mark: int) -> Quotation | None:
    """The quotation whose opening mark, or closing mark, sits at offset `mark`; `quotes`
    in text order, as `quotations` gives them (a binary search, not a scan)."""
    k = bisect_left(quotes, mark, key=_MARK)
    opening = quotes[k] if k < len(quotes) and quotes[k].mark == mark else None
    k = bisect_left(quotes, mark, key=_END)
    closing = quotes[k] if k < len(quotes) and quotes[k].end == mark and quotes[k].close > mark else None
    if opening is not None and closing is not None:
        return min(opening, closing, key=_MARK)
    return opening or closing


def overlapping(quotes: list[Quotation], start: int, end: int) -> list[Quotation]:
    """The quotations whose words overlap start..end (q.start < end and start < q.end);
    `quotes` in text order, as `quotations` gives them: one after another, so that both
    their starts and their ends ascend (a binary search, not a scan)."""
    first = bisect_right(quotes, start, key=_END)
    return quotes[first : bisect_left(quotes, end, lo=first, key=_START)]


_MARK, _START, _END = attrgetter("mark"), attrgetter("start"), attrgetter("end")
