"""Sentences, tokens and dates, on short texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfacts.dates import article_anchor, find_dates, nearest_year
from newsfacts.text import paragraphs, sentences, tokenize


def test_sentences_keep_offsets_and_respect_abbreviations() -> None:
    text = "Views: 3\r\nU.S. officials met Gen. Smith on Dec. 4. He left.\n\n“Go,” she said. Then rain."
    sents = sentences(text)
    assert [s.text for s in sents] == [
        "Views: 3", "U.S. officials met Gen. Smith on Dec. 4.", "He left.", "“Go,” she said.", "Then rain.",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
    assert [s.paragraph for s in sents] == [0, 1, 1, 2, 2]


def test_paragraphs_skip_blank_lines_and_trim() -> None:
    text = "  one  \n\n\ttwo\r\n"
    assert [(p.start, p.text) for p in paragraphs(text)] == [(2, "one"), (10, "two")]


def test_tokens_split_possessives_and_keep_numbers_whole() -> None:
    words = [t.text for t in tokenize("Russia’s 7,000 shells, 20% and $1.5 billion; Hwasong-11 don’t")]
    assert words == ["Russia", "’s", "7,000", "shells", ",", "20%", "and", "$1.5", "billion", ";", "Hwasong-11", "don’t"]


PUB = dt.date(2024, 6, 21)


def test_the_tokenizer_s_leading_shortcuts_change_no_token() -> None:
    """The token pattern tries a lower-case word and a punctuation mark first (the commonest
    tokens) and takes the spaces before a token into its match; on any text it must give
    the tokens, at the same places, of the pattern without these shortcuts, whose order of
    alternatives defines the tokens."""
    import random
    import re

    from newsfacts.text import _TOKEN

    defining = re.compile("|".join([
        r"[A-Z](?:\.[A-Z])+\.?", r"\d+-?[^\W\d_][\w-]*", r"[$€£]?\d+(?:,\d{3})*(?:\.\d+)?%?", r"[’']s\b",
        r"[^\W\d_](?:[\w.-]*(?:[’'](?!s\b)[\w.-]*)*[^\W_])?", r"\S",
    ]))
    rng = random.Random(12)
    alphabet = "aZs9.-_’'$€£,;“”\"()é ß\n\tU"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 30))) for _ in range(5000)]
    texts += ["U.S. ‘officials’ said it's the 155-mm shells' $1.5bn e-mail -- Kyiv’s", "a’s b's 'tis rock ’n’ roll"]
    texts += [" \t x  ", "\u2029a\x1c", "   "]
    for text in texts:
        found, end = [], 0
        for chunk in _TOKEN.findall(text.rstrip()):  # as tokenize reads them
            end += len(chunk)
            found.append((end - len(chunk.lstrip()), chunk.lstrip()))
        assert found == [(m.start(), m.group()) for m in defining.finditer(text)], text



@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Jan. 11", ("2024-01-11", "2024-01-11", "day", True)),
        ("on Dec. 30, 2023", ("2023-12-30", "2023-12-30", "day", False)),
        ("on 24 February 2022", ("2022-02-24", "2022-02-24", "day", False)),
        ("in early January", ("2024-01-01", "2024-01-31", "month", True)),
        ("in March 2022", ("2022-03-01", "2022-03-31", "month", False)),
        ("in 2022", ("2022-01-01", "2022-12-31", "year", False)),
        ("since last year", ("2023-01-01", None, "range", True)),
        ("since February 2022", ("2022-02-01", None, "range", False)),
        ("from December 2023 to February 2024", ("2023-12-01", "2024-02-29", "range", False)),
        ("between March and May 2023", ("2023-03-01", "2023-05-31", "range", False)),
        ("last week", ("2024-06-10", "2024-06-16", "week", True)),
        ("said Tuesday", ("2024-06-18", "2024-06-18", "day", True)),
        ("yesterday", ("2024-06-20", "2024-06-20", "day", True)),
    ],
)
def test_date_expressions(text: str, expected: tuple) -> None:
    (mention,) = find_dates(text, PUB)
    v = mention.value
    got = (v.start.isoformat(), v.end.isoformat() if v.end else None, v.precision, v.inferred)
    assert got == expected
    assert mention.text == text.removeprefix("said ")


def test_list_shares_its_written_year() -> None:
    text = "on Dec. 30, 2023, as well as on Jan. 2 and Jan. 6, 2024"
    found = [(m.text, m.value.start.isoformat(), m.value.inferred) for m in find_dates(text, None)]
    assert found == [
        ("on Dec. 30, 2023", "2023-12-30", False),
        ("on Jan. 2", "2024-01-02", False),
        ("Jan. 6, 2024", "2024-01-06", False),
    ]


def test_missing_year_is_the_one_nearest_the_anchor() -> None:
    assert nearest_year(12, 30, dt.date(2024, 1, 5)) == 2023
    assert nearest_year(6, 18, dt.date(2024, 6, 21)) == 2024
    assert nearest_year(1, 11, dt.date(2024, 6, 21)) == 2024


def test_without_any_anchor_a_missing_year_stays_unknown() -> None:
    (m,) = find_dates("on June 18", None)
    assert (m.value.start, m.value.precision, m.value.inferred) == (None, "unknown", False)
    assert article_anchor("It happened on June 18.", None) is None
    assert article_anchor("Talks on March 3, 2022 failed; on June 18 more.", None) == dt.date(2022, 3, 3)


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Russia may strike again. May I ask?", PUB) == []
    (m,) = find_dates("in May", PUB)
    assert m.value.start == dt.date(2024, 5, 1)


def test_impossible_dates_are_unknown() -> None:
    (m,) = find_dates("on Feb. 30, 2023", PUB)
    assert m.value.precision == "unknown" and m.value.start is None


def test_a_year_written_last_holds_for_the_whole_list() -> None:
    found = [(m.text, m.value.start.isoformat(), m.value.inferred)
             for m in find_dates("on Jan. 2, Jan. 4 and Jan. 6, 2024", dt.date(2024, 12, 20))]
    assert found == [("on Jan. 2", "2024-01-02", False), ("Jan. 4", "2024-01-04", False), ("Jan. 6, 2024", "2024-01-06", False)]


@pytest.mark.parametrize(
    "text, start, end, inferred",
    [
        ("between Dec. 20 and Jan. 5", "2024-12-20", "2025-01-05", True),
        ("from December to February 2024", "2023-12-01", "2024-02-29", False),
        ("from March 2022 to May", "2022-03-01", "2022-05-31", False),
    ],
)
def test_ranges_across_a_year(text: str, start: str, end: str, inferred: bool) -> None:
    (m,) = find_dates(text, dt.date(2024, 12, 20))
    assert (m.value.start.isoformat(), m.value.end.isoformat(), m.value.inferred) == (start, end, inferred)


def test_last_and_next_weekdays() -> None:
    friday = dt.date(2024, 12, 20)
    assert find_dates("last Friday", friday)[0].value.start == dt.date(2024, 12, 13)
    assert find_dates("on Friday", friday)[0].value.start == friday
    assert find_dates("next Monday", friday)[0].value.start == dt.date(2024, 12, 23)


@pytest.mark.parametrize(
    ("text", "said", "start"),
    [
        ("The strike on the 30th killed two people.", dt.date(2024, 1, 9), dt.date(2023, 12, 30)),  # the month before
        ("Talks resume on the 12th.", dt.date(2024, 1, 9), dt.date(2024, 1, 12)),  # later in the same month
        ("Missiles were launched on the 2nd of January.", dt.date(2024, 1, 9), dt.date(2024, 1, 2)),
        ("The parade on the 4th of July was cancelled.", dt.date(2024, 6, 1), dt.date(2024, 7, 4)),
    ],
)
def test_days_of_the_month_written_with_the(text: str, said: dt.date, start: dt.date) -> None:
    found = find_dates(text, article_anchor(text, said))
    assert [(d.value.start, d.value.precision, d.value.inferred) for d in found] == [(start, "day", True)]


def test_an_ordinal_before_a_noun_is_not_a_date() -> None:
    text = "It marks the 15th anniversary of the agreement, on the 2nd floor."
    assert find_dates(text, article_anchor(text, dt.date(2024, 1, 9))) == []


def test_a_month_without_a_day_looks_back_unless_in_a_future_frame() -> None:
    import datetime as dt

    from newsfacts.dates import article_anchor, find_dates

    said = dt.date(2022, 8, 3)
    text = "Russia's invasion in February shocked Europe. The ministers will meet in March."
    found = [(m.text, m.value.start) for m in find_dates(text, article_anchor(text, said))]
    assert found == [("in February", dt.date(2022, 2, 1)), ("in March", dt.date(2023, 3, 1))]


def _first_chars(items, flags: int) -> tuple[set[str] | None, bool]:
    """The characters a parsed regular expression can start with (None: any) and whether it
    can match the empty string; enough of the regex grammar for the date pattern."""
    from re import _constants as c  # the parser's own opcodes: this test reads the pattern as re does

    out: set[str] = set()
    for op, av in items:
        chars, nullable = set(), False
        if op is c.LITERAL:
            chars = {chr(av)}
        elif op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE:
                    chars |= {chr(x) for x in range(a[0], a[1] + 1)}
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    chars |= set("0123456789")
                else:
                    return None, False
        elif op is c.SUBPATTERN:
            chars, nullable = _first_chars(av[3].data, (flags | av[1]) & ~av[2])
        elif op is c.BRANCH:
            for alt in av[1]:
                more, empty = _first_chars(alt.data, flags)
                if more is None:
                    return None, False
                chars, nullable = chars | more, nullable or empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, empty = _first_chars(av[2].data, flags)
            nullable = av[0] == 0 or empty
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            nullable = True
        else:
            return None, False
        if chars is None:
            return None, False
        if flags & c.SRE_FLAG_IGNORECASE:
            chars = {y for x in chars for y in (x, x.lower(), x.upper())}
        out |= chars
        if not nullable:
            return out, False
    return out, True


def test_every_date_starts_with_one_of_the_characters_the_pattern_looks_for() -> None:
    """DATE_STARTS lets the date pattern skip places where no date can start: it must hold
    every character the pattern's alternatives can start with (derived here from the
    pattern without that look-ahead), and no more."""
    import re
    from re import _parser

    from newsfacts.dates import DATE_STARTS, _patterns

    pattern = _patterns().pattern.replace("(?=[%s])" % DATE_STARTS, "", 1)
    assert pattern != _patterns().pattern
    chars, empty = _first_chars(_parser.parse(pattern, re.UNICODE).data, re.UNICODE)
    assert chars is not None and not empty
    assert chars == set(DATE_STARTS)


def test_an_anniversary_and_a_year_ago_are_dates() -> None:
    from newsfacts.dates import article_anchor, find_dates
    text = "Two years ago tomorrow, missiles hit. A year ago today it began. He left a day ago."
    found = {d.text: (d.value.start.isoformat(), d.value.precision) for d in find_dates(text, article_anchor(text, dt.date(2024, 2, 23)))}
    assert found == {"Two years ago tomorrow": ("2022-02-24", "day"), "A year ago today": ("2023-02-23", "day"),
                     "a day ago": ("2024-02-22", "day")}


def test_each_date_alternative_looks_for_the_characters_it_can_start_with() -> None:
    """ALTERNATIVE_STARTS lets each alternative of the date pattern be skipped where it
    cannot start: each set must be exactly what its alternative can start with (derived
    here from the alternative itself), one set per alternative, and together DATE_STARTS."""
    import re
    from re import _parser

    from newsfacts.dates import ALTERNATIVE_STARTS, DATE_STARTS, _alternatives, _patterns

    names = []
    for part in _alternatives():
        name = re.match(r"\(\?P<(\w+)>", part)[1]
        names.append(name)
        chars, empty = _first_chars(_parser.parse(part, re.UNICODE).data, re.UNICODE)
        assert chars is not None and not empty
        assert chars == set(ALTERNATIVE_STARTS[name]), name
        assert "(?=[%s])%s" % (ALTERNATIVE_STARTS[name], part) in _patterns().pattern
    assert sorted(names) == sorted(ALTERNATIVE_STARTS)
    assert set("".join(ALTERNATIVE_STARTS.values())) == set(DATE_STARTS)
