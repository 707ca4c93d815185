"""Find the numbers an article claims about the world, with what they count."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.dates import DateMention
from newsfacts.cues import cue_forms
from newsfacts.lexicon import lexicon
from newsfacts.text import Token

COMPOUND = re.compile(r"^(\d+)-([a-z]+)$")
MAX_VALUE = 1e15
"""Larger 'numbers' are digit strings (identifiers, noise), not amounts."""
STOP_WORDS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
              "may", "might", "be", "been", "being", "that", "which", "who", "whom", "whose",
              "to", "from", "in", "on", "at", "by", "for", "since", "with", "into", "against",
              "over", "during", "under", "after", "before", "between", "per", "across", "through",
              "as", "than", "if", "while", "when", "because", "but", "or", "we", "i", "you", "they",
              "he", "she", "it", "us", "them"}
NOT_COUNTED = {"of", "the", "a", "an", "and", "its", "their", "his", "her", "our", "these", "those"}
PHRASE_PREPOSITIONS = {"by", "at", "on", "in", "from", "to", "against", "during", "with", "into", "over",
                       "between", "across", "near", "since", "until", "through"}
APPROXIMATOR_WORDS = {"about", "approximately", "some", "roughly", "around", "nearly", "almost",
                      "least", "most", "than", "up", "over", "under", "estimated"}
PRONOUN_BEFORE_ONE = {"no", "the", "every", "any", "each", "this", "that", "which", "someone"}
_DIGITS = re.compile(r"^([$€£]?)(\d+(?:,\d{3})*(?:\.\d+)?)(%?)$")


@dataclass(frozen=True)
class Figure:
    """A number expression and its normalised value."""

    start: int
    end: int
    value: float
    unit: str
    comparator: str
    quantity: str
    quantity_start: int
    quantity_end: int


@lru_cache(maxsize=1)
def _approximators() -> list[tuple[tuple[str, ...], str]]:
    pairs = [(tuple(k.split()), v) for k, v in lexicon()["approximators"].items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


def singular(word: str) -> str:
    """The singular of a plural noun ('containers' -> 'container', 'people' -> 'person')."""
    w = word.lower()
    irregular = lexicon()["irregular_plurals"]
    if w in irregular:
        return irregular[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _number(tokens: list[Token], i: int) -> tuple[float, int, str] | None:
    """(value, tokens used, kind) for a number starting at token i; kind is count, fraction,
    percent or a currency code."""
    lex = lexicon()
    t = tokens[i]
    m = _DIGITS.match(t.text)
    used = 1
    if m:
        value = float(m.group(2).replace(",", ""))
        kind = lex["currencies"].get(m.group(1), "count") if m.group(1) else "count"
        if m.group(3):
            return value, used, "percent"
    else:
        two = " ".join(x.lower for x in tokens[i : i + 2])
        if two in lex["fractions"] and len(tokens) > i + 1:
            return lex["fractions"][two], 2, "fraction"
        if t.lower in lex["fractions"]:
            return lex["fractions"][t.lower], 1, "fraction"
        words = lex["number_words"]
        parts = t.lower.split("-")
        if not all(p in words for p in parts) or t.lower in {"hundred", "dozen"}:
            return None
        value = float(sum(words[p] for p in parts))
        kind = "count"
    while i + used < len(tokens) and tokens[i + used].lower in lex["scales"]:
        value *= lex["scales"][tokens[i + used].lower]
        used += 1
    nxt = " ".join(x.lower for x in tokens[i + used : i + used + 2])
    for word in lex["percent_words"]:
        if nxt == word or nxt.split(" ")[0] == word:
            return value, used + len(word.split()), "percent"
    nxt1 = tokens[i + used].lower if i + used < len(tokens) else ""
    if nxt1 in lex["currency_words"]:
        return value, used + 1, lex["currency_words"][nxt1]
    return value, used, kind


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return cue_forms() - {"states", "claims", "reports", "estimates", "promises", "notes", "post", "posts", "call", "calls",
                          "answer", "answers", "comment", "comments", "counter", "counters", "report", "state",
                          "claim", "estimate", "promise", "note", "welcome", "thank", "pledge", "pledges", "remark",
                          "remarks", "repeat", "repeats", "tweet", "tweets", "voice", "voices", "demand", "demands",
                          "warning", "warnings", "reply", "replies"}


def _looks_plural(word: str) -> bool:
    w = word.lower()
    return w in lexicon()["irregular_plurals"] or (len(w) > 3 and w.endswith("s") and not w.endswith("ss"))


def _np_word(token: Token) -> bool:
    """A word that can sit inside a counted noun phrase."""
    w = token.lower
    if re.fullmatch(r"\d+(?:[.,]\d+)?-[a-z]+", w):
        return True  # a calibre or size: '155-millimeter'
    return (
        (token.text[:1].isalpha() or w in {"’s", "'s"})
        and w not in STOP_WORDS
        and w not in _reporting_verbs()
        and w not in APPROXIMATOR_WORDS
        and not any(c.isdigit() for c in w)
    )


def _quantity(tokens: list[Token], i: int) -> tuple[int, int, int] | None:
    """(first, head_end, last) token indexes of the counted noun phrase starting at i.

    The phrase runs over modifiers up to a plural (or mass) head noun, then goes on only
    through 'of ...' or 'and (other) ...'; head_end is where the first 'of' begins."""
    j = i
    head_end = None
    while j < len(tokens) and _np_word(tokens[j]) and tokens[j].lower not in {"of", "and", "or"}:
        j += 1
        if _looks_plural(tokens[j - 1].text):
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is None or nxt.lower not in {"of", "and", "or"}:
                break
            if j + 1 >= len(tokens) or not _np_word(tokens[j + 1]) or tokens[j + 1].lower in {"the", "a", "an"} and nxt.lower != "of":
                break
            if nxt.lower == "of" and head_end is None:
                head_end = j
            j += 1
    while j > i and tokens[j - 1].lower in NOT_COUNTED:
        j -= 1
    if j == i:
        return None
    return i, head_end if head_end is not None else j, j


def _reduced_relative(tokens: list[Token], j: int, dates: list[DateMention]) -> int:
    """Extend 'half of the missiles' over a participle and the prepositional phrases that
    follow it ('launched by Russia at Ukraine from December 2023 to February 2024'), which
    restrict what is counted; stop at the first word after a phrase that is not a
    preposition ('... exploded', '... hit their targets')."""
    if j >= len(tokens) or not tokens[j].lower.endswith("ed") or tokens[j].lower in STOP_WORDS:
        return j
    k, end = j + 1, j + 1
    while k < len(tokens) and tokens[k].lower in PHRASE_PREPOSITIONS:
        k += 1
        start = k
        while k < len(tokens):
            t = tokens[k]
            in_date = any(d.start <= t.start < d.end for d in dates)
            if not in_date and (t.lower in PHRASE_PREPOSITIONS or not _np_word(t) or t.lower.endswith("ed")):
                break
            after_name = k > start and tokens[k - 1].text[:1].isupper() or (
                k > start and any(d.start <= tokens[k - 1].start < d.end for d in dates))
            if not in_date and after_name and t.text.islower():
                break  # 'by Russia hit ...': a proper name or a date ends the phrase
            k += 1
            if not in_date and _looks_plural(t.text) and t.text.islower():
                break  # 'their targets': a plural noun ends the phrase
        if k == start:
            break
        end = k
    return end


@lru_cache(maxsize=1)
def _number_starts() -> frozenset[str]:
    """Words that can begin a number expression ('three', 'half', 'dozens', 'a billion')."""
    lex = lexicon()
    words = set(lex["number_words"]) | {w.split()[0] for w in lex["fractions"]} | {"a"}
    words |= {w.split()[0] for w in lex["vague_numbers"]}
    return frozenset(words) | frozenset(f"{a}-{b}" for a in lex["number_words"] for b in lex["number_words"])


def _disfluent(tokens: list[Token], k: int) -> bool:
    """A word broken off with a hyphen and a dash right after the number ('mil- —')."""
    return (
        k + 2 < len(tokens)
        and tokens[k].text.isalpha()
        and tokens[k + 1].text == "-"
        and tokens[k + 1].start == tokens[k].end
        and tokens[k + 2].text in {"—", "–", "-"}
    )


def _vague(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """'dozens', 'tens of thousands', 'several [dozen]': a lower bound and the tokens used."""
    table = lexicon()["vague_numbers"]
    words = [t.lower for t in tokens[i : i + 5] if t.text not in "[]"]
    used_words = 0
    best = None
    for n in (3, 2, 1):
        if n > len(words):
            continue  # 'dozens' at the end of a text: one word, not three
        key = " ".join(words[:n])
        if key in table and (n > 1 or key != "several"):
            best, used_words = table[key], n
            break
    if best is None:
        return None
    used = 0
    seen = 0
    while seen < used_words:
        if tokens[i + used].text not in "[]":
            seen += 1
        used += 1
    if i + used < len(tokens) and tokens[i + used].text == "]":
        used += 1
    return float(best), used


def _scale_after_a(tokens: list[Token], i: int) -> tuple[float, int, str] | None:
    """'a billion dollars', 'a hundred drones': the scale word is the number."""
    lex = lexicon()
    if tokens[i].lower == "a" and i + 1 < len(tokens) and tokens[i + 1].lower in lex["scales"]:
        value, used = float(lex["scales"][tokens[i + 1].lower]), 2
        nxt = tokens[i + used].lower if i + used < len(tokens) else ""
        if nxt in lex["currency_words"]:
            return value, used + 1, lex["currency_words"][nxt]
        return value, used, "count"
    return None


def _in_identifier(tokens: list[Token], i: int) -> bool:
    """'Fateh 360', 'Article 5': a number right after a capitalised name word is part of it."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (
        prev.text[:1].isupper()
        and prev.text.isalpha()
        and prev.lower not in lexicon()["approximators"]
        and prev.lower not in {"about", "some", "nearly", "almost", "around", "roughly", "over", "under", "than"}
        and _DIGITS.match(tokens[i].text) is not None
    )


def _figure_at(tokens: list[Token], i: int, text: str, dates: list[DateMention]) -> tuple[Figure, int] | None:
    """The figure that starts at token i, and the index after it."""
    t = tokens[i]
    if not (t.text[:1] in "$€£0123456789" or t.lower in _number_starts()):
        return None
    if any(d.start <= t.start < d.end for d in dates) or _in_identifier(tokens, i):
        return None
    compound = COMPOUND.match(t.text)
    if compound:  # "a 50-nation coalition": the number counts the noun it is joined to
        noun = compound.group(2)
        if noun in lexicon()["measures"] or i + 1 >= len(tokens) or not tokens[i + 1].text.islower():
            return None
        return Figure(t.start, t.end, float(compound.group(1)), noun, "eq", noun, t.start, t.end), i + 1
    if re.search(r"[A-Za-z]-?\d|\d-?[A-Za-z]", t.text):
        return None
    comparator, start = "eq", i
    for words, comp in _approximators():
        n = len(words)
        if i - n >= 0 and tuple(x.lower for x in tokens[i - n : i]) == words:
            comparator, start = comp, i - n
            break
    vague = _vague(tokens, i)
    if vague is not None:
        value, used = vague
        kind = "count"
        comparator = "gte" if comparator == "eq" else comparator
    else:
        if t.lower == "one" and (comparator == "eq" or (i > 0 and tokens[i - 1].lower in PRONOUN_BEFORE_ONE)):
            return None
        parsed = _scale_after_a(tokens, i) or _number(tokens, i)
        if parsed is None:
            return None
        value, used, kind = parsed
    k = i + used
    if _disfluent(tokens, k):
        return None  # "$20 mil- — $20 billion": the speaker corrected the number
    if kind == "count" and k + 1 < len(tokens) and tokens[k].lower == "times" and (
        tokens[k + 1].lower.endswith("er") or tokens[k + 1].lower in {"more", "as", "less"}
    ):  # "10 times larger": a ratio
        return Figure(tokens[start].start, tokens[k + 1].end, value, "factor", comparator,
                      text[tokens[k].start : tokens[k + 1].end], tokens[k].start, tokens[k + 1].end), k + 2
    if k < len(tokens) and tokens[k].lower == "of" and (kind in {"fraction", "percent"} or vague or t.lower == "one"):
        k += 1
        if k < len(tokens) and tokens[k].lower in {"the", "its", "their", "all", "these", "those", "our"}:
            k += 1
        if vague and k < len(tokens) and tokens[k].lower in lexicon()["currency_words"]:
            kind = lexicon()["currency_words"][tokens[k].lower]
            return Figure(tokens[start].start, tokens[k].end, value, kind, comparator,
                          text[t.start : tokens[k].end], t.start, tokens[k].end), k + 1
    money = kind.isupper()
    if money and k < len(tokens) and tokens[k].lower in {"in", "of", "for", "worth"}:
        k += 1
    q = _quantity(tokens, k) if k < len(tokens) else None
    if q is not None and kind in {"fraction", "percent"} and tokens[k - 1].lower in {"of", "the", "its", "their", "all"}:
        q = (q[0], q[1], _reduced_relative(tokens, q[2], dates))
    if money and q is None:
        q = (i, i + used, i + used)
    if q is None:
        return None
    q_first, head_end, q_last = q
    head = tokens[head_end - 1]
    if kind == "count":
        if not (tokens[q_first].text.islower() or _looks_plural(head.text)):
            return None
        if head.lower in lexicon()["not_counted_nouns"]:
            return None
    if kind in {"fraction", "percent"} or money:
        end_token, unit = i + used - 1, kind
    else:
        end_token, unit = head_end - 1, singular(head.text)
    if not math.isfinite(value) or value > MAX_VALUE:
        return None
    q_start, q_end = tokens[q_first].start, tokens[q_last - 1].end
    figure = Figure(tokens[start].start, tokens[end_token].end, value, unit, comparator,
                    text[q_start:q_end], q_start, q_end)
    return figure, q_last


def _range(tokens: list[Token], i: int, text: str, dates: list[DateMention]) -> tuple[list[Figure], int] | None:
    """'between 20 and 30 shells', 'from 20 to 30 shells': two figures, the lower bound (gte)
    and the upper bound (lte), counting the same thing."""
    opener = tokens[i].lower
    if opener not in {"between", "from"} or i + 3 >= len(tokens):
        return None
    joiner = "and" if opener == "between" else "to"
    if tokens[i + 2].lower != joiner or not _DIGITS.match(tokens[i + 1].text) and tokens[i + 1].lower not in lexicon()["number_words"]:
        return None
    low = _number(tokens, i + 1)
    upper = _figure_at(tokens, i + 3, text, dates)
    if low is None or upper is None or low[1] != 1:
        return None
    high, after = upper
    if high.comparator != "eq" or low[2] != "count" and low[2] != high.unit:
        return None
    lower_fig = Figure(tokens[i].start, tokens[i + 1].end, low[0], high.unit, "gte", high.quantity,
                       high.quantity_start, high.quantity_end)
    upper_fig = Figure(high.start, high.end, high.value, high.unit, "lte", high.quantity,
                       high.quantity_start, high.quantity_end)
    return [lower_fig, upper_fig], after


def find_figures(tokens: list[Token], text: str, dates: list[DateMention]) -> list[Figure]:
    """Numbers with what they count, in one sentence; dates, ordinals, identifiers, durations
    and counts of things said are not figures."""
    out: list[Figure] = []
    i = 0
    while i < len(tokens):
        pair = _range(tokens, i, text, dates)
        if pair is not None:
            out += pair[0]
            i = pair[1]
            continue
        hit = _figure_at(tokens, i, text, dates)
        if hit is None:
            i += 1
            continue
        out.append(hit[0])
        i = max(hit[1], i + 1)
    return out
