"""Find date expressions and normalise them to ISO ranges with a precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.lexicon import grammar, lexicon
from newsfacts.text import Span, Token


@dataclass(frozen=True)
class DateValue:
    """A normalised date: ISO range, precision, and whether any part was inferred."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    inferred: bool

    @classmethod
    def unknown(cls) -> "DateValue":
        return cls(None, None, "unknown", False)


@dataclass(frozen=True)
class DateMention(Span):
    """A date expression in the article and its value."""

    value: DateValue


UNKNOWN = DateValue.unknown()


ALTERNATIVE_STARTS = {
    "iso": "0123456789o",
    "num": "0123456789o",
    "qtr": "FQSTfst",
    "range": "bf",
    "since": "s",
    "rel": "ELNTelnt",
    "past": "PTpt",
    "ago": "0123456789AEFNOSTaefnost",
    "dayword": "LTYlty",
    "wd": "BFLMNOSTUWblnotu",
    "on": "abou",
    "md": "0123456789ADFJMNOSt",
    "in": "bdiu",
    "my": "ADFJMNOSelm",
    "dom": "o",
}
"""The characters each alternative of the date pattern can start with (by its group's
name): each alternative looks ahead for one of them before it is tried, so at most places
only two or three of the fifteen are. A test derives each set from the pattern itself."""
DATE_STARTS = "".join(sorted(set().union(*ALTERNATIVE_STARTS.values())))
"""Every character a date expression can start with (a digit, or the first letter of 'on',
'the', 'by', a month, a weekday, a number word...): the union of the alternatives' sets; the
pattern skips the other places without trying any alternative."""


@lru_cache(maxsize=1)
def _patterns() -> re.Pattern[str]:
    guarded = ["(?=[%s])%s" % (ALTERNATIVE_STARTS[re.match(r"\(\?P<(\w+)>", part)[1]], part) for part in _alternatives()]
    return re.compile(r"(?<![\w-])(?=[%s])(?:%s)(?![\w-])" % (DATE_STARTS, "|".join(guarded)))


def _alternatives() -> list[str]:
    """The alternatives of the date pattern, each a named group, in the order they are tried."""
    months = sorted(lexicon()["months"], key=len, reverse=True)
    month = r"(?:%s)" % "|".join(
        m.capitalize() + (r"\.?" if len(m) <= 4 and m != "may" and m != "june" and m != "july" else "")
        for m in months
    )
    weekday = r"(?:%s)" % "|".join(d.capitalize() for d in lexicon()["weekdays"])
    deadline = "|".join(lexicon()["date_frames"]["deadlines"]["words"])
    ordinal_nouns = "|".join(re.escape(w) for w in lexicon()["ordinal_nouns"])  # 'on the 2nd floor' is no date
    day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)"
    md = rf"{month}\s{day}(?:,?\s{year})?"
    dm = rf"(?:the\s)?{day}\s(?:of\s)?{month}(?:\s{year})?"
    point = rf"(?:{md}|{dm}|(?:early|mid-|mid|late)?\s?{month}(?:\s{year})?|{year})"
    quarter = r"(?:%s)" % "|".join(lexicon()["quarters"])
    fiscal = r"(?:%s)" % "|".join(lexicon()["fiscal_words"])
    parts = [
        r"(?P<iso>(?:on\s)?(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))",
        r"(?P<num>(?:on\s)?(?P<n1>[01]?\d|[23]\d)/(?P<n2>[01]?\d|[23]\d)/(?P<ny>\d{4}))",
        rf"(?P<qtr>(?:(?i:the)\s)?(?P<qfiscal>(?i:{fiscal})\s)?(?:Q(?P<qn>[1-4])|(?P<qword>(?i:{quarter}))(?:\s|(?P<qadj>-))(?i:quarter))"
        rf"(?:,?\s(?:of\s)?(?:(?P<qfiscal2>(?i:{fiscal})(?:\syear)?)\s)?(?P<qy>{year}))?)",
        rf"(?P<range>(?:from|between)\s(?P<r1>{point})\s(?:to|until|through|and)\s(?P<r2>{point}))",
        rf"(?P<since>since\s(?P<s1>last\syear|last\smonth|{point}))",
        r"(?P<rel>(?i:(?:earlier|later)\s)?(?i:last|this|next)\s(?:year|quarter|month|week|weekend))",
        r"(?P<past>(?i:the\s)?(?i:past)\s(?P<punit>week|month|year))",
        r"(?P<ago>(?=\w+\s(?:year|month|week|day)s?\sago)"  # (implied by what follows: most words fail it at once)
        r"(?P<n>\d+|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s(?P<unit>year|month|week|day)s?\sago"
        r"(?:\s(?P<agoday>today|tomorrow|yesterday))?)",
        r"(?P<dayword>(?i:yesterday|today|tonight|last\snight|this\s(?:morning|afternoon|evening)))",
        rf"(?P<wd>(?i:(?:on|last|next|this|{deadline})\s)?{weekday})",
        rf"(?P<on>(?:on|by|until|as\sof)\s(?P<o1>{md}|{dm}))",
        rf"(?P<md>{md}|{dm})",
        rf"(?P<in>(?:in|during|by|until)\s(?P<i1>(?:early|mid-|mid|late)?\s?{month}(?:\s{year})?|{year}))",
        rf"(?P<my>(?:early|mid-|mid|late)\s?{month}(?:\s{year})?|{month}\s{year})",
        rf"(?P<dom>on\sthe\s(?P<dd>[0-3]?\d)(?:st|nd|rd|th))(?!\s+(?:{ordinal_nouns})\b)",
    ]
    return parts


def _month_number(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


_POINT = re.compile(
    r"(?:(?P<qual>early|mid-|mid|late)\s?)?"
    r"(?:(?P<m1>[A-Z][a-z]+\.?)\s(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?:the\s)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>[A-Z][a-z]+\.?)|(?P<m3>[A-Z][a-z]+\.?))?"
    r"(?:,?\s?(?P<y>\d{4}))?$"
)


@dataclass(frozen=True)
class _Point:
    year: int | None
    month: int | None
    day: int | None


def _parse_point(text: str) -> _Point:
    m = _POINT.match(text.strip())
    if not m:
        return _Point(None, None, None)
    month_word = m["m1"] or m["m2"] or m["m3"]
    day = m["d1"] or m["d2"]
    return _Point(
        int(m["y"]) if m["y"] else None,
        _month_number(month_word) if month_word else None,
        int(day) if day else None,
    )


def _valid(year: int, month: int, day: int | None) -> bool:
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def nearest_year(month: int, day: int | None, anchor: dt.date) -> int:
    """The year that puts month/day nearest to the anchor (ties go to the earlier year)."""
    best: tuple[int, int] | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = day if day and _valid(year, month, day) else 1
        distance = abs((dt.date(year, month, d) - anchor).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    assert best is not None
    return best[1]


def _year_around(month: int, day: int | None, anchor: dt.date, future: bool) -> int:
    """The year of the latest such month/day begun on or before the anchor ('on June 18',
    'in February' in an August article: that February), or in a future frame the first
    not yet over on the anchor ('will meet in March')."""
    year = anchor.year
    if future:
        last = day if day and _valid(year, month, day) else calendar.monthrange(year, month)[1]
        return year if dt.date(year, month, last) >= anchor else year + 1
    first = day if day and _valid(year, month, day) else 1
    return year if dt.date(year, month, first) <= anchor else year - 1


def _point_value(p: _Point, anchor: dt.date | None, direction: str | None = None) -> DateValue:
    inferred = False
    year = p.year
    if p.month is None and year is not None:
        return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", False)
    if p.month is None:
        return UNKNOWN
    if year is None:
        if anchor is None:
            return UNKNOWN
        year = nearest_year(p.month, p.day, anchor) if direction is None else _year_around(
            p.month, p.day, anchor, direction == "future")
        inferred = True
    if not _valid(year, p.month, p.day):
        return UNKNOWN
    if p.day is not None:
        d = dt.date(year, p.month, p.day)
        return DateValue(d, d, "day", inferred)
    last = calendar.monthrange(year, p.month)[1]
    return DateValue(dt.date(year, p.month, 1), dt.date(year, p.month, last), "month", inferred)


def _day_of_month(day: int, anchor: dt.date | None) -> DateValue:
    """'on the 30th': the day of that number nearest the anchor (in its month, the month
    before or the month after), inferred."""
    if anchor is None or not 1 <= day <= 31:
        return UNKNOWN
    candidates = []
    for shift in (-1, 0, 1):
        month_index = anchor.year * 12 + anchor.month - 1 + shift
        year, month = divmod(month_index, 12)
        if 1 <= year <= 9999 and _valid(year, month + 1, day):
            candidates.append(dt.date(year, month + 1, day))
    if not candidates:
        return UNKNOWN
    best = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    return DateValue(best, best, "day", True)


def _relative(unit: str, shift: int, anchor: dt.date | None) -> DateValue:
    if anchor is None:
        return UNKNOWN
    if unit == "quarter":
        q = _quarter(*_shift_quarter(*_quarter_of(anchor), shift))
        return DateValue(q.start, q.end, "quarter", True)
    if unit == "year":
        y = anchor.year + shift
        return DateValue(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", True)
    if unit == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        m += 1
        return DateValue(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month", True)
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
    return DateValue(monday, monday + dt.timedelta(days=6), "week", True)


_SHIFT = {"last": -1, "this": 0, "next": 1}


def _quarter(year: int, number: int) -> DateValue:
    first = dt.date(year, 3 * number - 2, 1)
    last_month = 3 * number
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return DateValue(first, last, "quarter", False)


def _quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _shift_quarter(year: int, number: int, shift: int) -> tuple[int, int]:
    y, q = divmod(year * 4 + number - 1 + shift, 4)
    return y, q + 1


def _quarter_without_year(number: int, anchor: dt.date | None, future: bool) -> DateValue:
    """'the third quarter': in a past frame the latest such quarter begun by the anchor, in a
    future frame the first one not yet over (inferred)."""
    if anchor is None:
        return UNKNOWN
    year, current = _quarter_of(anchor)
    if future:
        year += number < current
    else:
        year -= number > current
    q = _quarter(year, number)
    return DateValue(q.start, q.end, "quarter", True)


def _quarter_value(m: re.Match[str], anchor: dt.date | None, future: bool) -> DateValue:
    if m["qfiscal"] or m["qfiscal2"]:
        return UNKNOWN  # a fiscal year starts when its company or government says
    number = int(m["qn"]) if m["qn"] else lexicon()["quarters"][m["qword"].lower()]
    if m["qy"]:
        return _quarter(int(m["qy"]), number)
    return _quarter_without_year(number, anchor, future)


def _weekend(shift: int, anchor: dt.date | None, future: bool) -> DateValue:
    """'this weekend' (the last Saturday-Sunday on or before the anchor; in a future frame
    the first one ending on or after it), 'last weekend', 'next weekend'."""
    if anchor is None:
        return UNKNOWN
    saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    if future and shift == 0 and saturday + dt.timedelta(days=1) < anchor:
        saturday += dt.timedelta(weeks=1)
    saturday += dt.timedelta(weeks=shift if shift > 0 else 0) + dt.timedelta(weeks=-1 if shift < 0 else 0)
    return DateValue(saturday, saturday + dt.timedelta(days=1), "range", True)


def _weekday(words: list[str], anchor: dt.date | None, future: bool) -> DateValue:
    """'on Monday': the latest Monday on or before the anchor, or in a future frame the first
    on or after it; 'last Monday' a week back when said on a Monday; 'next Monday' ahead."""
    if anchor is None:
        return UNKNOWN
    target = lexicon()["weekdays"].index(words[-1])
    back = (anchor.weekday() - target) % 7
    if words[0] == "last" and back == 0:
        back = 7  # "last Monday", said on a Monday, is a week ago
    if words[0] == "next":
        back = -((target - anchor.weekday()) % 7 or 7)
    elif future and words[0] != "last":
        back = -((target - anchor.weekday()) % 7)
    d = anchor - dt.timedelta(days=back)
    return DateValue(d, d, "day", True)


def _iso_value(m: re.Match[str]) -> DateValue:
    year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    if not 1 <= month <= 12 or not _valid(year, month, day):
        return UNKNOWN
    d = dt.date(year, month, day)
    return DateValue(d, d, "day", False)


def _numeric_value(m: re.Match[str], month_first: bool | None) -> DateValue:
    """'11/05/2025': the order is settled by a part above 12 or by equal parts; else by the
    order the article's other numeric dates settle (inferred); else unknown."""
    first, second, year = int(m["n1"]), int(m["n2"]), int(m["ny"])
    inferred = False
    if first > 12 or second > 12 or first == second:
        month, day = (second, first) if first > 12 else (first, second)
    elif month_first is None:
        return UNKNOWN
    else:
        month, day = (first, second) if month_first else (second, first)
        inferred = True
    if not 1 <= month <= 12 or not _valid(year, month, day):
        return UNKNOWN
    d = dt.date(year, month, day)
    return DateValue(d, d, "day", inferred)


@dataclass(frozen=True)
class _Context:
    """What resolves one date expression beyond its own words."""

    anchor: dt.date | None
    shared_year: int | None = None
    future: bool = False
    month_first: bool | None = None
    """The order of the article's numeric dates (True: month/day/year), when they settle it."""


def _value(m: re.Match[str], ctx: _Context) -> DateValue:
    anchor, shared_year = ctx.anchor, ctx.shared_year
    if m["iso"]:
        return _iso_value(m)
    if m["num"]:
        return _numeric_value(m, ctx.month_first)
    if m["qtr"]:
        return _quarter_value(m, anchor, ctx.future)
    if m["range"]:
        first, last = _parse_point(m["r1"]), _parse_point(m["r2"])
        first_written, last_written = first.year is not None, last.year is not None
        b = _point_value(last, anchor)
        if not first_written and first.month is not None and b.start is not None:
            # "between Dec. 20 and Jan. 5": the start takes the end's year, or the one before
            year = b.start.year
            if (first.month, first.day or 1) > (b.start.month, b.start.day):
                year -= 1
            first = _Point(year, first.month, first.day)
        a = _point_value(first, anchor)
        if first_written and not last_written and a.start is not None and last.month is not None:
            year = a.start.year + (last.month < (first.month or 1))
            b = _point_value(_Point(year, last.month, last.day), anchor)
        inferred = not (first_written or last_written)  # a year written on one end holds for both
        if a.start is None or b.end is None or b.end < a.start:
            return UNKNOWN
        return DateValue(a.start, b.end, "range", inferred)
    if m["since"]:
        what = m["s1"]
        if what.startswith("last "):
            v = _relative(what.split()[1], -1, anchor)
        else:
            v = _point_value(_parse_point(what), anchor, "past")  # 'since February' looks back
        if v.start is None:
            return UNKNOWN
        return DateValue(v.start, None, "range", v.inferred)
    if m["past"]:
        if anchor is None:
            return UNKNOWN
        days = {"week": 7, "month": 30, "year": 365}[m["punit"]]
        start = anchor - dt.timedelta(days=days)
        return DateValue(start, anchor, "week" if m["punit"] == "week" else "range", True)
    if m["rel"]:
        word, unit = m["rel"].lower().split()[-2:]
        if unit == "weekend":
            return _weekend(_SHIFT[word], anchor, ctx.future)
        return _relative(unit, _SHIFT[word], anchor)
    if m["ago"]:
        words = lexicon()["number_words"]
        n = int(m["n"]) if m["n"].isdigit() else 1 if m["n"].lower() in {"a", "an"} else words[m["n"].lower()]
        if m["agoday"] and anchor is not None and m["unit"] in {"year", "month"}:
            # 'Two years ago tomorrow' (an anniversary): that day, N years or months back
            day = anchor + dt.timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[m["agoday"]])
            month = _relative("month", -n * (12 if m["unit"] == "year" else 1), day)
            d = month.start.replace(day=min(day.day, month.end.day))
            return DateValue(d, d, "day", True)
        if m["unit"] == "day":
            if anchor is None:
                return UNKNOWN
            d = anchor - dt.timedelta(days=n)
            return DateValue(d, d, "day", True)
        return _relative(m["unit"], -n, anchor)
    if m["dayword"]:
        if anchor is None:
            return UNKNOWN
        d = anchor - dt.timedelta(days=1 if m["dayword"].lower().split()[0] in {"yesterday", "last"} else 0)
        return DateValue(d, d, "day", True)
    if m["wd"]:
        return _weekday(m["wd"].lower().split(), anchor, ctx.future)
    if m["dom"]:
        return _day_of_month(int(m["dd"]), anchor)
    text = m["o1"] or m["md"] or m["i1"] or m["my"]
    point = _parse_point(text)
    if point.year is None and shared_year is not None and point.month is not None:
        return _point_value(_Point(shared_year, point.month, point.day), anchor)
    if point.day is not None:  # a day: the nearest such day ('The parade on the 4th of July was cancelled')
        return _point_value(point, anchor)
    return _point_value(point, anchor, "future" if ctx.future else "past")  # a month: looks back unless future


_SHARED_YEAR = re.compile(
    r"(?:\s*(?:,\s*)?(?:and|or|,)\s+(?:on\s+)?[A-Z][a-z]+\.?\s\d{1,2}(?:st|nd|rd|th)?)+,?\s(\d{4})"
)


_CLAUSE_START = re.compile(r"[.?!;\n]\s")
_WORD = re.compile(r"[\w-]+|['’]\w+")  # "we’ll" -> "we", "’ll"


@lru_cache(maxsize=1)
def _frame_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v["words"]) for k, v in lexicon()["date_frames"].items()}


@lru_cache(maxsize=1)
def _past_endings() -> tuple[str, ...]:
    """The past-tense endings as one tuple (str.endswith tests them all at once)."""
    return tuple(_frame_words()["past_ending"])


def future_frame(text: str, start: int, expression: str) -> bool:
    """True when the clause before a date puts it after the publication date: the word
    nearest the date that marks a tense is a future one ('will meet on Monday', 'is due
    Tuesday', 'expects to report ... Friday'), or there is none and the date is a deadline
    ('by Friday'). A past word nearer the date ('talks will resume, he said Friday') keeps
    it in the past. The words are the lexicon's `date_frames`."""
    frames, endings = _frame_words(), _past_endings()
    future, past, pair_ends = frames["future"], frames["past"], _future_pair_ends()
    clause_start = max(0, start - 300)
    for m in _CLAUSE_START.finditer(text, clause_start, start):
        clause_start = m.end()  # (the matches come in order: the last ends latest)
    words = _WORD.findall(text[clause_start:start])
    if words:
        words[0] = words[0].lower()  # (the clause's first word may be capitalised: the others are read as written)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in future or (i and word in pair_ends and f"{words[i - 1]} {word}" in future):
            return True
        if word in past:
            return False
        if word.endswith(endings) and any(
                word.endswith(e) and len(word) > len(e) + 2 and not word.endswith("e" + e) for e in endings) \
                and not (i and words[i - 1].lower() in frames["participle_openers"]):
            return False
    return expression.split()[0].lower() in frames["deadlines"]


@lru_cache(maxsize=1)
def _future_pair_ends() -> frozenset[str]:
    """The last words of the two-word future markers ('going to'): only after one of them
    is the pair of words before a date looked up."""
    return frozenset(w.split()[-1] for w in _frame_words()["future"] if " " in w)


@lru_cache(maxsize=1)
def _determiner_words() -> frozenset[str]:
    return grammar("noun_determiners") | grammar("prepositions")


def _after_determiner(text: str, m: re.Match[str]) -> bool:
    """A quarter written as an adjective ('third-quarter results') is a date after a
    determiner, possessive or preposition ('its third-quarter results', 'in third-quarter
    trading'); right after a verb ('reported third-quarter revenue of ...') it opens the
    verb's object, which the statement grammar would take for a date adjunct."""
    fiscal = set(lexicon()["fiscal_words"])
    before = [w for w in _WORD.findall(text[max(0, m.start() - 40) : m.start("qword")]) if w.lower() not in fiscal]
    return bool(before) and before[-1].lower() in _determiner_words()


def _month_first(matches: list[re.Match[str]]) -> bool | None:
    """The order of numeric dates (month/day or day/month) that the article's own numeric
    dates settle: a part above 12 shows which is the day. None when none settles it or they
    disagree."""
    orders = {
        int(m["n2"]) > 12
        for m in matches
        if m["num"] and (int(m["n1"]) > 12) != (int(m["n2"]) > 12)
    }
    return orders.pop() if len(orders) == 1 else None


def in_dates(token: Token, dates: list[DateMention] | tuple[DateMention, ...]) -> bool:
    """The token is part of one of the date expressions."""
    start = token.start
    for d in dates:  # a plain loop: called for most tokens of a sentence, with few dates
        if d.start <= start < d.end:
            return True
    return False


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved against the anchor (publication date).

    A month and day without a year take the year written on the next item of the
    same list ("on Jan. 2 and Jan. 6, 2024"); otherwise the year nearest the anchor,
    marked as inferred. A weekday or a quarter without a year looks forward from the
    anchor in a future frame (`future_frame`), back from it otherwise.
    """
    out: list[DateMention] = []
    matches = [m for m in _patterns().finditer(text) if not m["qadj"] or _after_determiner(text, m)]
    month_first = _month_first(matches)
    for m in matches:
        shared = _SHARED_YEAR.match(text, m.end())
        ctx = _Context(
            anchor,
            int(shared.group(1)) if shared else None,
            future_frame(text, m.start(), m.group()) if m["wd"] or m["qtr"] or m["rel"] or m["o1"] or m["md"] or m["i1"] or m["my"] else False,
            month_first,
        )
        try:
            value = _value(m, ctx)
        except (ValueError, OverflowError):  # a date beyond year 1..9999 after resolution
            value = UNKNOWN
        out.append(DateMention(m.start(), m.end(), m.group(), value))
    return out


def article_anchor(text: str, published: dt.date | None) -> dt.date | None:
    """The date that resolves missing years: the publication date, or else the first
    full date written in the article."""
    if published is not None:
        return published
    for mention in find_dates(text, None):
        v = mention.value
        if v.precision == "day" and not v.inferred and v.start:
            return v.start
    return None
