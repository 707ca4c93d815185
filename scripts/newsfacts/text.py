"""Split an article into paragraphs, sentences and tokens, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.lexicon import word_set

OPEN_QUOTES = "“\"«„"
CLOSE_QUOTES = "”\"»“"
BLANK = " \t\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
"""Characters that do not count as text at the ends of a paragraph (spaces, no-break spaces, BOM)."""
QUOTE_CHARS = set(OPEN_QUOTES + CLOSE_QUOTES)

_WORD_TAIL = r"(?:[\w.-]*(?:[’'](?!s\b)[\w.-]*)*[^\W_])?"
"""The rest of a word after its first letter: inner apostrophes, hyphens and dots, ending in a letter or digit."""
_TOKEN = re.compile(r"\s*(?:" + "|".join([  # a token with the spaces before it (skipped in the match: quicker than searching)
    r"[a-z]+(?![\w.’'-])",  # most tokens: lower-case letters that nothing of a word follows (the same match, quicker)
    r"[a-z]" + _WORD_TAIL,  # a word in lower case, which no alternative below but the word one can start
    r"[^\w\s$€£’']",  # punctuation that only the last alternative ('\S') can start: tried first, the same match
    r"[A-Z](?:\.[A-Z])+\.?",  # U.S., U.N.
    r"\d+-?[^\W\d_][\w-]*",  # 3rd, 155mm, 155-millimeter, 50-nation: ordinals, sizes, codes
    r"[$€£]?\d+(?:,\d{3})*(?:\.\d+)?%?",  # 7,000  $1.5  20%
    r"[’']s\b",  # possessive
    r"[^\W\d_]" + _WORD_TAIL,  # words, with inner apostrophes, hyphens
    # (runs of word characters repeated as a whole, the apostrophes between them: the same
    # matches as one character at a time, a sixth faster)
    r"\S",
]) + ")")
_SENTENCE_END = re.compile(r"[.!?]+[”\"’)]*(?=\s+[“\"‘(A-Z0-9])")


_OPENING_APOSTROPHES = re.compile(r"(?<!['’\w])''(?=[^\s'’])")
_CLOSING_APOSTROPHES = re.compile(r"(?<=[^\s'’])'?''(?![\w'’])")


def reading_text(text: str) -> str:
    """The text as the extractor reads it: two apostrophes used as quotation marks
    (''...'', the convention of some newspaper archives) become curly ones, padded with a
    space on their outer side (a third apostrophe before the closing pair, an inner
    single quote, stays). Same length, so every offset holds; rows take their text
    from the original."""
    if "''" not in text:  # both patterns need two apostrophes in a row: most articles have none
        return text
    return _CLOSING_APOSTROPHES.sub(lambda m: m.group()[:-2] + " ”", _OPENING_APOSTROPHES.sub("“ ", text))


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article: text == article[start:end]."""

    start: int
    end: int
    text: str


class Token:
    """A word, number or punctuation mark: text == article[start:end], `lower` its lower
    case. Never changed once made (nothing assigns to a token), but a plain class with
    slots, not a frozen dataclass like Span (nor a subclass of it): an article makes
    thousands of tokens, and the frozen constructor took twice as long (a tenth of the
    tokenizer's time). Equal and hashed by start, end and text, as a Span is."""

    __slots__ = ("start", "end", "text", "lower")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence with its paragraph number and tokens."""

    paragraph: int
    tokens: tuple[Token, ...]


_INITIALISM = re.compile(r"[A-Z](?:\.[A-Z])+\.")


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Tokens of `text`; offsets are shifted by `offset`. Abbreviations keep their dot."""
    out: list[Token] = []
    append = out.append
    abbreviations = word_set("abbreviations")
    end = 0
    # Strings, not match objects: each token with the spaces before it. Spaces at the end are
    # cut first: no alternative starts with a space, so the pattern would try each of them.
    for chunk in _TOKEN.findall(text.rstrip()):
        word = chunk.lstrip()
        end += len(chunk)
        start = end - len(word)
        if word == ".":
            if out and (
                text[out[-1].start - offset : end] in abbreviations
                or (len(out[-1].text) == 1 and out[-1].text.isupper() and out[-1].end - offset == start)
            ):  # an abbreviation, or an initial ('Lloyd J. Austin')
                prev = out.pop()
                append(Token(prev.start, offset + end, prev.text + "."))
                continue
        elif word[-1] == "." and word not in abbreviations and not _INITIALISM.fullmatch(word):
            append(Token(offset + start, offset + end - 1, word[:-1]))
            append(Token(offset + end - 1, offset + end, "."))
            continue
        append(Token(offset + start, offset + end, word))
    return tuple(out)


@lru_cache(maxsize=4)
def paragraphs(text: str) -> tuple[Span, ...]:
    """Non-blank lines of the article, without their line endings or outer spaces (kept
    for the last few texts: the sentences, the transcript turns and the quotations of one
    article all start from them)."""
    out: list[Span] = []
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        stripped = line.strip(BLANK)
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip(BLANK)))
        out.append(Span(start, start + len(stripped), stripped))
    return tuple(out)


def _ends_with_abbreviation(text: str, end: int) -> bool:
    """An abbreviation or a person's initial ('Lloyd J. Austin') does not end a sentence."""
    found = re.search(r"\S+$", text[max(0, end - 12) : end])
    word = found.group().lstrip(BLANK) if found else ""
    return word in word_set("abbreviations") or re.fullmatch(r"(?:[A-Z]\.)+", word) is not None


def sentences(text: str) -> list[Sentence]:
    """Sentences of every paragraph, each with its tokens."""
    out: list[Sentence] = []
    for number, para in enumerate(paragraphs(text)):
        cut = para.start
        for m in _SENTENCE_END.finditer(text, para.start, para.end):
            if m.group() == "." and _ends_with_abbreviation(text, m.end()):
                continue
            out.append(_sentence(text, cut, m.end(), number))
            cut = m.end()
            while cut < para.end and text[cut].isspace():
                cut += 1
        if cut < para.end:
            out.append(_sentence(text, cut, para.end, number))
    return out


def asks_question(sentence: Sentence) -> bool:
    """The sentence is a direct question: its last mark, inside any closing quotes, is '?'."""
    return sentence.text.rstrip().rstrip("\"”’')").endswith("?")


def _sentence(text: str, start: int, end: int, paragraph: int) -> Sentence:
    return Sentence(start, end, text[start:end], paragraph, tokenize(text[start:end], start))
