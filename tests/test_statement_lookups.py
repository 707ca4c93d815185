"""The fast lookups of statement finding give what the plain searches they replace give:
the gazetteer's alias tree, the word count that stops early, the quotations of a sentence
found by bisection."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED
from newsfacts.actors import _alias_tokens, _in_caps_run, gazetteer_mentions
from newsfacts.quotations import overlapping, quotations
from newsfacts.statements import _has_words
from newsfacts.text import paragraphs, sentences, tokenize

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))
CRAFTED = (
    "North Korean troops and North Korean officials met the North Atlantic Treaty Organization. "
    "Russia’s Defense Ministry and Russia's Defence Ministry spoke of Côte d’Ivoire and the People’s Republic of China. "
    "WEAPONS IN US HANDS: the US and the U.S. State Department. North Korea, Democratic People's Republic of Korea.\n"
)


def _plain_mentions(tokens, text: str) -> list[tuple[int, int, str, bool]]:
    """Longest aliases left to right, every length tried at every token (the search the
    alias tree replaced)."""
    table = _alias_tokens()
    longest = max(len(key) for key in table)
    out, i = [], 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t.text.replace("’", "'") for t in tokens[i : i + n])
            if key[0][:1].isupper() and key in table:
                break
        else:
            i += 1
            continue
        if n == 1 and _in_caps_run(tokens, i):
            i += 1
            continue
        actor_id, demonym = table[key]
        out.append((tokens[i].start, tokens[i + n - 1].end, actor_id, demonym))
        i += n
    return out


def test_the_alias_tree_finds_the_longest_alias_at_each_token() -> None:
    texts = [CRAFTED, SEED.read_text(encoding="utf-8")] + [p.read_text(encoding="utf-8") for p in ARTICLES]
    found = 0
    for text in texts:
        for s in sentences(text):
            got = [(m.start, m.end, m.actor_id, m.demonym) for m in gazetteer_mentions(s.tokens, text)]
            assert got == _plain_mentions(s.tokens, text), s.text
            found += len(got)
    crafted = [m.text for m in gazetteer_mentions(tokenize(CRAFTED), CRAFTED)]
    assert "North Korean troops" in crafted and "Russia’s Defense Ministry" in crafted and "Côte d’Ivoire" in crafted
    assert found > 100


def test_has_words_says_what_the_full_count_says() -> None:
    texts = ["", " ", "—", "— – -", "said", "“Yes,” he said", "a b", " a\u00a0b\u2009c ", "_x __ ’s 1.5 ²", "— “ a” —b",
             "He said it again.", "In addition", "And", "“My hope,” he said, “is ...”"]
    for text in texts:
        for start in range(len(text) + 1):
            for n in range(1, 6):
                plain = len([w for w in text[start:].split() if w[:1].isalnum() or w[1:2].isalnum()])
                assert _has_words(text, start, len(text), n) == (plain >= n), (text, start, n)


def test_the_quotations_of_a_sentence_are_those_that_overlap_it() -> None:
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        quotes = quotations(text, paragraphs(text))
        for s in sentences(text):
            for start, end in [(s.start, s.end), (s.start + 1, s.end - 1), (s.start, s.start + 1)]:
                assert overlapping(quotes, start, end) == [q for q in quotes if q.start < end and start < q.end]


def test_a_dateline_lies_within_the_reach_its_precheck_reads() -> None:
    """_dateline looks for the pattern only when a dash or bar is in a sentence's first
    DATELINE_REACH characters: no match of DATELINE may be longer, or a widened pattern
    would pass datelines over."""
    try:
        from re import _parser as parser  # Python 3.11 and later
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    from newsfacts.statements import DATELINE, DATELINE_REACH, _dateline

    assert parser.parse(DATELINE.pattern).getwidth()[1] <= DATELINE_REACH
    dateline = "KHARKIV, Ukraine (Reuters) — Russian forces struck the city overnight, officials said."
    assert _dateline(dateline) is not None and _dateline(dateline).group() == DATELINE.match(dateline).group()
    assert _dateline("Officials said the city was struck overnight.") is None
