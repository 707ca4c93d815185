"""Shortcuts taken for speed give the answers of the plain tests they replace."""

from __future__ import annotations

import re
import sys

from newsfacts import dates, events, figures, money
from newsfacts.lexicon import lexicon
from newsfacts.text import tokenize


def test_a_mark_is_its_own_lower_case_and_nothing_else_lowers_to_one() -> None:
    """events._unreal looks for the marks of STOPS among the lower-case words: a token's
    text is a mark exactly when its lower case is."""
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert (c in events.STOPS) == (c.lower() in events.STOPS), repr(c)


def test_figure_starts_cached_per_word_as_tested_per_token() -> None:
    """figures._starts answers from _can_start (cached by the word as written) what it
    tested on each token."""
    words, currencies = figures._start_words(), lexicon()["currencies"]
    text = ("Between 2 and 3 USD, from $5 to €6, twice Five fifty USA EUR eur Eur £3 ₹4 "
            "the THREE Dozen 10% million A an One CHF XYZ 3rd -4 .5")
    tokens = tokenize(text)
    expected = [k for k, t in enumerate(tokens)
                if t.text[:1] in "$€£₹0123456789" or t.lower in words or t.text in currencies
                or (len(t.text) == 3 and t.text.isupper() and money.iso_code(t.text) is not None)]
    assert figures._starts(tokens) == expected
    assert expected  # (the text holds some)


def test_the_ago_lookahead_changes_no_date_match() -> None:
    """The lookahead at the head of the 'ago' alternative only skips early what the
    alternative would reject: the pattern without it finds the same matches."""
    guard = r"(?=\w+\s(?:year|month|week|day)s?\sago)"
    assert guard in dates._patterns().pattern
    plain = re.compile(dates._patterns().pattern.replace(guard, ""))
    text = ("Two years ago tomorrow, missiles hit. A year ago today it began. He left a day ago, "
            "an hour ago, 3 weeks ago and 12 months  ago; ten days ago. twelve years ago yesterday. "
            "One year Ago, five weeksago, seven month ago, ELEVEN years ago, 2 days ago.")
    assert [m.groupdict() | {"span": m.span()} for m in dates._patterns().finditer(text)] == \
        [m.groupdict() | {"span": m.span()} for m in plain.finditer(text)]
