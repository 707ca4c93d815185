"""Which currency an amount of money is in: an ISO 4217 code from pycountry when the
article settles it, else the currency word ('dollar', 'peso')."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from newsfacts.lexicon import lexicon
from newsfacts.nouns import plural

_CODE = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=None)
def codes_named(word: str) -> frozenset[str]:
    """The ISO 4217 codes whose pycountry name contains the currency word ('yen' -> JPY;
    'dollar' -> AUD, CAD, USD, ...). Funds and metals (the lexicon's `currency_funds`) are
    left out."""
    funds = set(lexicon()["currency_funds"])
    return frozenset(
        c.alpha_3 for c in pycountry.currencies
        if c.alpha_3 not in funds and "(" not in c.name and word in c.name.lower().split()
    )


@lru_cache(maxsize=1)
def currency_words() -> dict[str, str]:
    """Currency word (lower case, singular or plural) -> its lemma: the lexicon's words
    ('reais' -> 'real') and the last word of every pycountry currency name ('tenge',
    'shilling', 'kwacha'), with its plural; words that are also common English ('mark',
    'won': the lexicon's `currency_word_exclusions`) only through the lexicon."""
    lex = lexicon()
    excluded = set(lex["currency_word_exclusions"])
    words: dict[str, str] = {}
    for c in pycountry.currencies:
        last = c.name.lower().split()[-1]
        if "(" not in c.name and last.isalpha() and last not in excluded:
            words.setdefault(last, last)
            words.setdefault(plural(last), last)
    words.update(lex["currency_words"])
    return words


def iso_code(token: str) -> str | None:
    """The token itself when it is an ISO 4217 code written in capitals ('USD', 'EUR')."""
    if len(token) == 3 and _CODE.match(token) and pycountry.currencies.get(alpha_3=token) is not None:
        return token
    return None


@lru_cache(maxsize=None)
def named_code(qualifier: str, word: str) -> str | None:
    """The code of a qualified currency name ('Australian' 'dollar' -> AUD, 'U.S.' 'dollar'
    -> USD, 'British' 'pound' -> GBP), from pycountry's names or the lexicon's aliases."""
    name = f"{qualifier} {word}".lower().replace(".", "")
    aliases = lexicon()["currency_names"]
    if name in aliases:
        return aliases[name]
    for c in pycountry.currencies:
        if c.name.lower().replace(".", "") == name:
            return c.alpha_3
    return None


def _word_pattern() -> str:
    return "|".join(re.escape(w) for w in sorted(currency_words(), key=len, reverse=True))


@lru_cache(maxsize=64)
def settled(text: str) -> dict[str, str]:
    """Currency words the article settles: a word that names several currencies ('dollar')
    takes a code when every qualified mention of it in the article ('US$', 'A$', 'Australian
    dollars', 'USD 5') names the same one."""
    lex = lexicon()
    found: dict[str, set[str]] = {}
    prefixes = "|".join(re.escape(p) for p in sorted(lex["currency_prefixes"], key=len, reverse=True))
    for m in re.finditer(rf"(?<![A-Za-z])({prefixes})\$", text):
        found.setdefault("dollar", set()).add(lex["currency_prefixes"][m.group(1)])
    words = currency_words()
    for m in re.finditer(rf"((?:[A-Z][\w.]*\s+){{1,2}})({_word_pattern()})\b", text):
        lemma = words[m.group(2).lower()] if m.group(2).lower() in words else None
        qualifier = m.group(1).split()
        for n in (2, 1):
            if lemma and len(qualifier) >= n:
                code = named_code(" ".join(qualifier[-n:]), lemma)
                if code:
                    found.setdefault(lemma, set()).add(code)
                    break
    for m in re.finditer(r"(?<![\w$])([A-Z]{3})\s?\d|\d\s?(?:million|billion|thousand)?\s?([A-Z]{3})\b", text):
        code = iso_code(m.group(1) or m.group(2))
        if code:
            for lemma in set(words.values()):
                if code in codes_named(lemma):
                    found.setdefault(lemma, set()).add(code)
    return {lemma: next(iter(codes)) for lemma, codes in found.items() if len(codes) == 1}


def resolve(lemma: str, text: str) -> str:
    """The unit of an amount in the currency word `lemma`: its code when only one currency
    has that name or the article settles it, else the word itself."""
    alias = lexicon()["currency_names"].get(lemma)
    if alias:
        return alias
    codes = codes_named(lemma)
    if len(codes) == 1:
        return next(iter(codes))
    return settled(text).get(lemma, lemma)


def sign_unit(prefix: str | None, sign: str, text: str) -> str:
    """The unit of an amount written with a sign: 'US$' -> USD, '€' -> EUR, '£' -> GBP,
    '$' -> the article's settled dollar or 'dollar'."""
    lex = lexicon()
    if sign == "$" and prefix is not None:
        return lex["currency_prefixes"][prefix]
    meaning = lex["currencies"][sign]
    return meaning if iso_code(meaning) else resolve(meaning, text)


def subunit(word: str, text: str) -> tuple[str, float] | None:
    """'cents' -> (the article's dollar, or its euro when it writes euros and no dollars;
    0.01); 'pence' -> (GBP, 0.01)."""
    entry = lexicon()["currency_subunits"].get(word)
    if entry is None:
        return None
    lemma, share = entry
    if lemma == "dollar" and not re.search(r"\$|\bdollars?\b", text) and re.search(r"€|\beuros?\b", text):
        lemma = "euro"
    return (lemma if iso_code(lemma) else resolve(lemma, text)), float(share)
