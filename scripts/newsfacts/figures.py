"""Find the numbers an article claims about the world, with what they count."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts import money
from newsfacts.dates import DateMention, in_dates
from newsfacts.cues import cue_forms
from newsfacts.lexicon import gazetteer, grammar, lexicon, word_set
from newsfacts.nouns import is_plural, singular
from newsfacts.text import Token

COMPOUND = re.compile(r"^(\d+)-([a-z]+)$")
MAX_VALUE = 1e15
"""Larger 'numbers' are digit strings (identifiers, noise), not amounts."""
STOP_WORDS = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
              "may", "might", "be", "been", "being", "that", "which", "who", "whom", "whose",
              "to", "from", "in", "on", "at", "by", "for", "since", "with", "into", "against",
              "over", "during", "under", "after", "before", "between", "per", "across", "through",
              "as", "than", "if", "while", "when", "because", "but", "or", "we", "i", "you", "they",
              "he", "she", "it", "us", "them", "until", "till", "via", "amid", "among", "within", "without",
              "including", "toward", "towards", "despite", "throughout", "near", "upon", "onto", "beyond",
              "along", "following", "ahead", "unlike", "like", "except", "above", "below", "do", "does", "did"}
NOT_COUNTED = {"of", "the", "a", "an", "and", "its", "their", "his", "her", "our", "these", "those"}
PHRASE_PREPOSITIONS = {"by", "at", "on", "in", "from", "to", "against", "during", "with", "into", "over",
                       "between", "across", "near", "since", "until", "through"}
APPROXIMATOR_WORDS = {"about", "approximately", "some", "roughly", "around", "nearly", "almost",
                      "least", "most", "than", "up", "over", "under", "estimated"}
PRONOUN_BEFORE_ONE = {"no", "the", "every", "any", "each", "this", "that", "which", "someone"}
_DIGITS = re.compile(r"^([$€£₹]?)(\d+(?:,\d{3})*(?:\.\d+)?)(%?)$")
CLAUSE_ENDS = {",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "\"", "“", "”", "and", "but", "while", "whereas",
               "according", "although", "though", "because"}
"""Where the predicate of a fraction's clause ends."""
SUBJECT_OPENERS = {",", ";", ":", "—", "–", "(", "\"", "“", "and", "but", "that", "while", "whereas", "although"}
"""Words after which a fraction starts a clause as its subject."""
INCLUDING = {"including", "includes", "included"}
OBJECT_STARTS = {"a", "an", "the", "its", "their", "his", "her", "just", "only", "about", "more", "some"}
"""Words that open an object: a plural-looking word before one is a verb ('and receives a')."""
RATIO_NEXT = {"more", "as", "less", "the", "that", "what"}
"""Words after 'times' or 'twice' that make a ratio ('10 times more', 'twice the average')."""


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


@lru_cache(maxsize=1)
def _approximators_by_last() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The approximators by their last word, longest first (as `_approximators`)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, comp in _approximators():
        out.setdefault(words[-1], []).append((words, comp))
    return out


def _after_number(tokens: list[Token], k: int, value: float, text: str) -> tuple[float, int, str, str] | None:
    """A percent word, a currency word, a currency's subunit or an ISO code right after a
    number ending before token k: (value, tokens used after it, kind, unit)."""
    lex = lexicon()
    two = " ".join(x.lower for x in tokens[k : k + 2])
    one = tokens[k].lower if k < len(tokens) else ""
    for words in (two, one):
        if words in lex["percent_words"]:
            return value, len(words.split()), "percent", lex["percent_words"][words]
    if one in money.currency_words():
        return value, 1, "money", money.resolve(money.currency_words()[one], text)
    for n in (1, 2):  # '5 million Australian dollars', 'U.S. dollars', 'Hong Kong dollars'
        word = tokens[k + n].lower if k + n < len(tokens) else ""
        qualifier = " ".join(x.text for x in tokens[k : k + n])
        if word in money.currency_words() and qualifier[:1].isupper():
            code = money.named_code(qualifier, money.currency_words()[word])
            if code:
                return value, n + 1, "money", code
    sub = money.subunit(one, text)
    if sub is not None:
        return value * sub[1], 1, "money", sub[0]
    code = money.iso_code(tokens[k].text) if k < len(tokens) else None
    if code:
        return value, 1, "money", code
    return None


def _number(tokens: list[Token], i: int, text: str) -> tuple[float, int, str, str | None] | None:
    """(value, tokens used, kind, unit) for a number starting at token i; kind is count,
    fraction, percent or money; unit is None for a count (its noun says it)."""
    lex = lexicon()
    t = tokens[i]
    m = _DIGITS.match(t.text)
    used = 1
    unit: str | None = None
    kind = "count"
    if m:
        value = float(m.group(2).replace(",", ""))
        if m.group(1):
            prefix = tokens[i - 1].text if i > 0 and tokens[i - 1].end == t.start else None
            prefix = prefix if prefix in lex["currency_prefixes"] else None
            kind, unit = "money", money.sign_unit(prefix, m.group(1), text)
        if m.group(3):
            return value, used, "percent", "percent"
    else:
        two = " ".join(x.lower for x in tokens[i : i + 2])
        if two in lex["fractions"] and len(tokens) > i + 1:
            return lex["fractions"][two], 2, "fraction", "fraction"
        if t.lower in lex["fractions"]:
            return lex["fractions"][t.lower], 1, "fraction", "fraction"
        words = lex["number_words"]
        parts = t.lower.split("-")
        if not all(p in words for p in parts) or t.lower in {"hundred", "dozen"}:
            return None
        value = float(sum(words[p] for p in parts))
    if i + used < len(tokens) and tokens[i + used].lower == "dozen" and not m:
        value *= 12  # 'two dozen'
        used += 1
    while i + used < len(tokens) and tokens[i + used].lower in lex["scales"]:
        value *= lex["scales"][tokens[i + used].lower]
        used += 1
    if kind == "count":
        after = _after_number(tokens, i + used, value, text)
        if after is not None:
            return after[0], used + after[1], after[2], after[3]
    return value, used, kind, unit


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return cue_forms() - {"states", "claims", "reports", "estimates", "promises", "notes", "post", "posts", "call", "calls",
                          "answer", "answers", "comment", "comments", "counter", "counters", "report", "state",
                          "claim", "estimate", "promise", "note", "welcome", "thank", "pledge", "pledges", "remark",
                          "remarks", "repeat", "repeats", "tweet", "tweets", "voice", "voices", "demand", "demands",
                          "warning", "warnings", "reply", "replies"}


def _looks_plural(word: str) -> bool:
    """A plural noun ('drones', 'people'; not 'previous', 'status', 'crisis'), or a mass noun
    that heads a counted phrase like one ('ammunition')."""
    return word.lower() in word_set("mass_nouns") or is_plural(word)


def _np_word(token: Token) -> bool:
    """A word that can sit inside a counted noun phrase."""
    w = token.lower
    if re.fullmatch(r"\d+(?:[.,]\d+)?-[a-z]+", w):
        return True  # a calibre or size: '155-millimeter'
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*-\d+[A-Za-z]?", token.text):
        return True  # a model name as a modifier: 'Shahed-136 drones', 'X7-400 accelerators'
    return (
        (token.text[:1].isalpha() or w in {"’s", "'s"})
        and w not in STOP_WORDS
        and w not in _reporting_verbs()
        and w not in APPROXIMATOR_WORDS
        and w not in grammar("auxiliary_words")
        and not w.endswith(("n't", "n’t"))
        and (w in {"a", "an"} or w not in _number_starts())
        and not any(c.isdigit() for c in w)
    )


def _quantity(tokens: list[Token], i: int) -> tuple[int, int, int] | None:
    """(first, head_end, last) token indexes of the counted noun phrase starting at i.

    The phrase runs over modifiers up to a plural (or mass) head noun, then goes on only
    through 'of ...' or 'and (other) ...'; head_end is where the first 'of' begins."""
    j = i
    head_end = None
    before_and = None  # the end of the phrase before an 'and'/'or' that may not continue it
    while j < len(tokens) and _np_word(tokens[j]) and tokens[j].lower not in {"of", "and", "or"}:
        if j > i and tokens[j].lower in {"a", "an", "the"} and tokens[j - 1].lower not in {"of", "and", "or"}:
            break  # 'tonnes of oil a year': a new phrase
        j += 1
        if _looks_plural(tokens[j - 1].text):
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is None or nxt.lower not in {"of", "and", "or"}:
                break
            if j + 1 >= len(tokens) or not _np_word(tokens[j + 1]) or tokens[j + 1].lower in {"the", "a", "an"} and nxt.lower != "of":
                break
            if nxt.lower == "of" and head_end is None:
                head_end = j
            if nxt.lower != "of":
                before_and = j
            j += 1
    after = tokens[j].lower if j < len(tokens) else ""
    if before_and is not None and (not _looks_plural(tokens[j - 1].text) or after in OBJECT_STARTS or _DIGITS.match(after)):
        j = before_and  # 'people and injuring ...', 'states and receives a majority': no second noun
    if j - i > 1 and tokens[j - 1].lower.endswith("ed") and not _looks_plural(tokens[j - 1].text):
        j -= 1  # 'one bridge collapsed': a verb after the noun ends the phrase
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
            in_date = in_dates(t, dates)
            if not in_date and (t.lower in PHRASE_PREPOSITIONS or not _np_word(t) or t.lower.endswith("ed")):
                break
            after_name = k > start and tokens[k - 1].text[:1].isupper() or (
                k > start and in_dates(tokens[k - 1], dates))
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


def _scale_after_a(tokens: list[Token], i: int, text: str) -> tuple[float, int, str, str | None] | None:
    """'a billion dollars', 'a hundred drones', 'a dozen drones': the scale word is the number."""
    lex = lexicon()
    if tokens[i].lower == "a" and i + 1 < len(tokens) and (tokens[i + 1].lower in lex["scales"] or tokens[i + 1].lower == "dozen"):
        value, used = float(lex["scales"].get(tokens[i + 1].lower, 12)), 2
        after = _after_number(tokens, i + used, value, text)
        if after is not None:
            return after[0], used + after[1], after[2], after[3]
        return value, used, "count", None
    return None


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Capitalised words that may stand before an amount at the start of a sentence ('The
    63 drones', 'Only 12', 'About 40'): they do not make the number part of a name."""
    words = set(STOP_WORDS) | APPROXIMATOR_WORDS | {w.split()[0] for w in lexicon()["approximators"]}
    words |= grammar("noun_determiners") | grammar("leading_adverbs") | set(lexicon()["partitive_determiners"])
    return frozenset(words | {"only", "just", "another", "all", "some", "nearly", "of"})


def _in_identifier(tokens: list[Token], i: int) -> bool:
    """'Fateh 360', 'Resolution 2231', 'iPhone 15', 'No. 5': a number right after a name
    word (any capital letter in it) is part of the name."""
    if i == 0 or not re.fullmatch(r"\d+", tokens[i].text):
        return False  # '2.5 million', '12,000': an amount, not a number in a name
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    lex = lexicon()
    if nxt in lex["scales"] or nxt in money.currency_words() or nxt in lex["percent_words"]:
        return False  # 'fined Velatrix 2 million euros'
    prev = tokens[i - 1]
    if prev.text in {"No.", "no.", "#", "Nos."}:
        return True
    return prev.text.isalpha() and not prev.text.islower() and prev.lower not in _openers()


def _clock_time(tokens: list[Token], i: int, used: int) -> bool:
    """'10:30 a.m.', 'at 3 p.m.', '0600 GMT': a time of day, never a figure."""
    nxt = tokens[i + used].lower if i + used < len(tokens) else ""
    if nxt in word_set("clock_words"):
        return True
    if nxt == ":" and i + used + 1 < len(tokens) and tokens[i + used + 1].text.isdigit():
        return True
    return i >= 2 and tokens[i - 1].text == ":" and tokens[i - 2].text.isdigit()


def _age_apposition(tokens: list[Token], i: int, start: int) -> bool:
    """'John Smith, 45, was arrested': an age between commas after a name."""
    return (
        start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].text[:1].isupper()
        and i + 1 < len(tokens) and tokens[i + 1].text in {",", ".", ";"}
    )


def _demonym_person(tokens: list[Token], first: int, head: int) -> bool:
    """'3,000 North Koreans', '500 Britons', 'some 200 French': the head names people by
    their nation, so what is counted is a person."""
    if tokens[head].lower in word_set("demonym_nouns"):
        return True
    demonyms = gazetteer().demonyms
    for start in range(max(first, head - 2), head + 1):  # 'brave Americans', 'North Koreans'
        phrase = " ".join(t.text for t in tokens[start : head + 1])
        if phrase in demonyms or (phrase.endswith("s") and phrase[:-1] in demonyms):
            return True
    return False


def _unit_of(tokens: list[Token], first: int, head: int) -> str | None:
    """The unit a counted phrase gives: the singular of its head noun ('person' for a nation's
    people, the full name of an abbreviated measure); None when the head is no noun."""
    word = tokens[head].lower
    if word in word_set("not_unit_words") or not tokens[head].text[:1].isalpha():
        return None
    if _demonym_person(tokens, first, head):
        return "person"
    abbreviations = lexicon()["unit_abbreviations"]
    if word in abbreviations:
        return abbreviations[word]
    return singular(tokens[head].text)


def _rate(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """'per hour', 'per 100,000 people', 'a year', '/h' at token k: (the unit's rate part,
    tokens used). The denominator is part of the unit, never a figure of its own."""
    lex = lexicon()
    if k + 1 >= len(tokens):
        return None
    w, nxt = tokens[k].lower, tokens[k + 1]
    if w == "/" and tokens[k].start == tokens[k - 1].end and nxt.lower in lex["unit_abbreviations"]:
        return lex["unit_abbreviations"][nxt.lower], 2
    if w in {"a", "an", "each", "every"} and singular(nxt.text) in lex["rate_nouns"]:
        if w in {"a", "an"} and k + 2 < len(tokens) and tokens[k + 2].lower in {"earlier", "ago", "later", "before", "after"}:
            return None  # '$340 million a year earlier': when, not how often
        return singular(nxt.text), 2
    if w != "per" or nxt.lower in {"cent", "capita"}:
        return None
    if _DIGITS.match(nxt.text) and k + 2 < len(tokens) and tokens[k + 2].text.isalpha():
        j = k + 2
        while j < len(tokens) and tokens[j].lower in lex["scales"]:
            j += 1
        if j < len(tokens) and tokens[j].text.isalpha():
            return " ".join(t.text for t in tokens[k + 1 : j + 1]), j + 1 - k
        return None
    if nxt.text.isalpha() and nxt.lower not in STOP_WORDS:
        return lex["unit_abbreviations"].get(nxt.lower, singular(nxt.text)), 2
    return None


def _predicate(tokens: list[Token], j: int, dates: list[DateMention]) -> int:
    """The end of the predicate that starts at token j ('exploded in mid-air'), up to the end
    of the clause or a date written in it."""
    k = j
    while k < len(tokens):
        t = tokens[k]
        if t.lower in CLAUSE_ENDS or in_dates(t, dates):
            break
        k += 1
    while k > j and tokens[k - 1].lower in PHRASE_PREPOSITIONS | NOT_COUNTED:
        k -= 1
    return k


def _is_subject(tokens: list[Token], start: int) -> bool:
    """The expression opens its clause ('Half of the missiles exploded', '..., and two of the
    five fled'), so the words after its set say what the counted part did."""
    return start == 0 or tokens[start - 1].lower in SUBJECT_OPENERS


def _noun_before(tokens: list[Token], start: int) -> str | None:
    """The singular of the nearest plural noun before token `start` in the sentence
    ('Measles cases have risen to 23.5 per 100,000 residents' -> case)."""
    for j in range(start - 1, -1, -1):
        t = tokens[j]
        if t.text.islower() and _looks_plural(t.text) and _np_word(t) and t.lower not in word_set("not_unit_words"):
            return singular(t.text)
    return None


def _elided(tokens: list[Token], k: int, start: int, previous: Figure | None) -> tuple[str, str, int] | None:
    """A count whose noun is left out: (unit, quantity, index after) taken from the context.

    'hundreds more', 'nine others', 'including 1,040': the noun of the figure before it in
    the sentence; 'dozens were injured': people. Any other number without a noun is left out."""
    lex = lexicon()
    w = tokens[k].lower if k < len(tokens) else ""
    after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    if previous is not None and w in word_set("elided_heads") and after != "than":
        return previous.unit, previous.quantity, k + 1
    if previous is not None and start > 0 and tokens[start - 1].lower in INCLUDING | {"'s", "’s"}:
        return previous.unit, previous.quantity, k  # 'including 1,040'; '2,871,340 votes to Banda's 2,412,905'
    if previous is not None and start > 0 and tokens[start - 1].lower in {"and", "or"} and w in PHRASE_PREPOSITIONS:
        return previous.unit, previous.quantity, k  # '14 attacks near Pokrovsk and nine near Kostiantynivka'
    if previous is not None and start > 1 and tokens[start - 1].lower == "to" and tokens[start - 2].end == previous.end:
        return previous.unit, previous.quantity, k  # '78 votes to 41'
    if previous is not None and start > 0 and tokens[start - 1].lower == "and" and tokens[k - 1].text[:1].isalpha() \
            and (w.endswith("ed") or w in lex["elided_verbs"]):
        return previous.unit, previous.quantity, k  # 'nine of 14 economists expected a cut and five expected none'
    rate = _rate(tokens, k) if w == "per" else None
    if rate is not None:  # '23.5 per 100,000 residents': the noun counted is the one before it
        noun = previous.unit if previous is not None else _noun_before(tokens, start)
        if noun is not None:
            return f"{noun} per {rate[0]}", " ".join(t.text for t in tokens[k : k + rate[1]]), k + rate[1]
    j = k
    while j < len(tokens) and tokens[j].lower in grammar("auxiliary_words") | {"reportedly", "being"}:
        j += 1
    if j < len(tokens) and tokens[j].lower in word_set("casualty_words") and (j > k or w in word_set("casualty_words")):
        return "person", tokens[j].text, k
    return None


@dataclass(frozen=True)
class _Number:
    """A number expression read at a token: tokens [start, end) hold it with its
    approximator; kind is count, fraction, percent or money; unit is None for a count."""

    start: int
    first: int
    end: int
    value: float
    kind: str
    unit: str | None
    comparator: str
    vague: bool


def _read_number(tokens: list[Token], i: int, text: str, dates: list[DateMention]) -> _Number | None:
    """The number expression that starts at token i, or None when there is none or it is a
    date, a time of day, an age, an identifier or a bare 'one'."""
    lex = lexicon()
    t = tokens[i]
    money_before = None  # '₹ 50', 'USD 5 million': the currency stands before the number
    if (t.text in lex["currencies"] or money.iso_code(t.text)) and i + 1 < len(tokens) and _DIGITS.match(tokens[i + 1].text):
        money_before = money.iso_code(t.text) or money.sign_unit(None, t.text, text)
    elif not (t.text[:1] in "$€£₹0123456789" or t.lower in _number_starts()):
        return None
    if in_dates(t, dates) or _in_identifier(tokens, i):
        return None
    if re.search(r"[A-Za-z]-?\d|\d-?[A-Za-z]", t.text):
        return None
    comparator, start = "eq", i
    if money_before is None and i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].text in lex["currency_prefixes"]:
        start = i - 1  # 'US$5'
    for words, comp in _approximators_by_last().get(tokens[start - 1].lower, ()) if start > 0 else ():
        n = len(words)
        if start - n >= 0 and tuple(x.lower for x in tokens[start - n : start]) == words:
            comparator, start = comp, start - n
            break
    first = i + 1 if money_before else i
    vague = None if money_before else _vague(tokens, i)
    if vague is not None:
        value, used = vague
        number = _Number(start, first, i + used, value, "count", None, "gte" if comparator == "eq" else comparator, True)
    else:
        scaled = first + 1 < len(tokens) and tokens[first + 1].lower in lex["scales"]
        possessive = first + 1 < len(tokens) and tokens[first + 1].lower in {"'s", "’s"}
        if tokens[first].lower == "one" and not scaled and (
            comparator == "eq" or possessive or (i > 0 and tokens[i - 1].lower in PRONOUN_BEFORE_ONE)
        ):
            return None  # 'one of them', "one's own"
        parsed = _scale_after_a(tokens, i, text) or _number(tokens, first, text)
        if parsed is None:
            return None
        value, used, kind, unit = parsed
        if money_before:
            kind, unit = "money", money_before
        number = _Number(start, first, first + used, value, kind, unit, comparator, False)
    if _clock_time(tokens, first, number.end - first) or _disfluent(tokens, number.end) or _age_apposition(tokens, i, start):
        return None  # a time of day; "$20 mil- — $20 billion": the speaker corrected the number
    return number


def _ratio(tokens: list[Token], n: _Number, text: str) -> tuple[Figure, int] | None:
    """'10 times larger' (unit factor) and 'half as much' (a fraction of an amount named
    before): the number with the two words after it."""
    k = n.end
    if k + 1 >= len(tokens):
        return None
    w, nxt = tokens[k].lower, tokens[k + 1]
    ratio = n.kind == "count" and w == "times" and (nxt.lower.endswith("er") or nxt.lower in RATIO_NEXT)
    share = n.kind == "fraction" and w == "as" and nxt.text.isalpha()
    if not (ratio or share):
        return None
    if ratio and nxt.lower in {"the", "that", "what"}:  # 'four times the national rate'
        q = _quantity(tokens, k + 1)
        last = tokens[q[2] - 1] if q is not None else nxt
        return Figure(tokens[n.start].start, tokens[k].end, n.value, "factor", n.comparator,
                      text[nxt.start : last.end], nxt.start, last.end), k + 1
    return Figure(tokens[n.start].start, nxt.end, n.value, "factor" if ratio else "fraction", n.comparator,
                  text[tokens[k].start : nxt.end], tokens[k].start, nxt.end), k + 2


def _of_set(tokens: list[Token], n: _Number, text: str) -> tuple[int, bool, int | None] | None:
    """After 'of' ('half of the missiles', 'dozens of people', '38 of the 63 drones'): (the
    index where the counted phrase starts, whether the number is a part of a set, the index
    of the whole's number or None). None when a count is followed by 'of' and no set."""
    lex = lexicon()
    k = n.end
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    part = n.kind == "count" and not n.vague and tokens[n.first].lower != "one"
    if part and (nxt is None or not (
        nxt.lower in word_set("partitive_determiners") or _DIGITS.match(nxt.text) or nxt.lower in lex["number_words"]
    )):
        return None
    k += 1
    if k < len(tokens) and tokens[k].lower in word_set("partitive_determiners"):
        k += 1
    owner = next((j for j in range(k, min(k + 4, len(tokens))) if tokens[j].lower in {"'s", "’s"}), None)
    if part and owner is not None and owner + 1 < len(tokens) and _DIGITS.match(tokens[owner + 1].text):
        k = owner + 1  # 'Three of the company's 11 directors'
    whole_number = None
    if part and k < len(tokens) and (_DIGITS.match(tokens[k].text) or tokens[k].lower in lex["number_words"]):
        whole = _number(tokens, k, text)
        if whole is None or whole[2] != "count":
            return None
        whole_number, k = k, k + whole[1]
    return k, part, whole_number


def _figure_at(
    tokens: list[Token], i: int, text: str, dates: list[DateMention], previous: Figure | None = None
) -> tuple[Figure, int] | None:
    """The figure that starts at token i, and the index after it; `previous` is the figure
    before it in the sentence (for a count whose noun is left out)."""
    lex = lexicon()
    t = tokens[i]
    compound = COMPOUND.match(t.text)
    if compound and not in_dates(t, dates):
        # "a 50-nation coalition": the number counts the noun it is joined to
        noun = compound.group(2)
        if noun in lex["measures"] or noun in word_set("not_unit_words") or i + 1 >= len(tokens) or not tokens[i + 1].text.islower():
            return None
        return Figure(t.start, t.end, float(compound.group(1)), noun, "eq", noun, t.start, t.end), i + 1
    times = lex["multiplicatives"].get(t.lower)
    if times and i + 1 < len(tokens) and (tokens[i + 1].lower in RATIO_NEXT or tokens[i + 1].lower.endswith("er")):
        # 'roughly twice the November average': a ratio to what follows
        comparator, start = next(((c, i - len(w)) for w, c in _approximators()
                                  if i - len(w) >= 0 and tuple(x.lower for x in tokens[i - len(w) : i]) == w), ("eq", i))
        q = _quantity(tokens, i + 1)
        last = tokens[q[2] - 1] if q is not None else tokens[i + 1]
        return Figure(tokens[start].start, t.end, float(times), "factor", comparator, text[tokens[i + 1].start : last.end],
                      tokens[i + 1].start, last.end), i + 1
    n = _read_number(tokens, i, text, dates)
    if n is None:
        return None
    ratio = _ratio(tokens, n, text)
    if ratio is not None:
        return ratio
    unit, k, part, whole_number = n.unit, n.end, False, None
    if k < len(tokens) and tokens[k].lower == "of" and n.kind in {"fraction", "percent", "count"}:
        of = _of_set(tokens, n, text)
        if of is None:
            return None
        k, part, whole_number = of
        if n.vague and k < len(tokens) and tokens[k].lower in money.currency_words():  # 'billions of dollars'
            unit = money.resolve(money.currency_words()[tokens[k].lower], text)
            return Figure(tokens[n.start].start, tokens[k].end, n.value, unit, n.comparator,
                          text[t.start : tokens[k].end], t.start, tokens[k].end), k + 1
    rate = _rate(tokens, k) if n.kind in {"money", "percent"} and k == n.end else None
    if rate is not None:  # '$12 an hour', '3 percent a year'
        end = tokens[k + rate[1] - 1]
        return Figure(tokens[n.start].start, end.end, n.value, f"{unit} per {rate[0]}", n.comparator,
                      text[t.start : end.end], t.start, end.end), k + rate[1]
    if n.kind == "money" and k < len(tokens) and tokens[k].lower in {"in", "of", "for", "worth"}:
        k += 1
    q = _quantity(tokens, k) if k < len(tokens) else None
    if q is not None and n.kind == "money" and tokens[q[0]].lower in {"a", "an"}:
        q = None  # '$340 million a year earlier': nothing counted, the amount stands for itself
    head_unit = _unit_of(tokens, q[0], q[1] - 1) if q is not None else None
    elided_head = q is not None and tokens[q[1] - 1].lower in word_set("elided_heads")
    if q is not None and head_unit is None and not (n.kind == "count" and elided_head):
        q = None
    if q is not None and (
        (n.kind in {"fraction", "percent"} or part) and tokens[k - 1].lower in {"of", *lex["partitive_determiners"]}
        or whole_number is not None
    ):
        q = (q[0], q[1], _reduced_relative(tokens, q[2], dates))
        if _is_subject(tokens, n.start):
            q = (q[0], q[1], max(q[2], _predicate(tokens, q[2], dates)))
    if n.kind == "count" and (q is None or elided_head) and not part:
        context = _elided(tokens, n.end, n.start, previous)
        if context is None:
            return None
        unit, quantity, after = context
        end = tokens[max(after, n.end) - 1]
        return Figure(tokens[n.start].start, end.end, n.value, unit, n.comparator, quantity,
                      tokens[n.first].start, end.end), max(after, n.end)
    if n.kind in {"percent", "money"} and q is None:
        q = (i, n.end, n.end)  # nothing counted after it: the expression stands for itself
    if q is None:
        return None
    q_first, head_end, q_last = q
    head = tokens[head_end - 1]
    if n.kind == "count":
        if not _counts(n.value, head, head_unit) or head.lower in word_set("not_counted_nouns"):
            return None
        if _year_modifier(tokens, n.first, n.start, head):
            return None
        unit = head_unit
    if unit is None or not math.isfinite(n.value) or n.value > MAX_VALUE:
        return None
    end_token = head_end - 1 if n.kind == "count" and whole_number is None else n.end - 1
    rate_at = q_last if n.kind == "count" or q_last > n.end else n.end
    rate = _rate(tokens, rate_at)
    if rate is not None:
        unit = f"{unit} per {rate[0]}"
        if rate_at == end_token + 1:
            end_token = rate_at + rate[1] - 1
        if rate_at == q_last:
            q_last += rate[1]
    if whole_number is not None:
        q_first = whole_number
    q_start, q_end = tokens[q_first].start, tokens[q_last - 1].end
    figure = Figure(tokens[n.start].start, tokens[end_token].end, n.value, unit, n.comparator,
                    text[q_start:q_end], q_start, q_end)
    return figure, (whole_number if whole_number is not None else q_last)


def _counts(value: float, head: Token, unit: str | None) -> bool:
    """A count above one needs a plural head ('40 drones', 'two aircraft', 'five French'):
    '4 decision' (of '5-4 decision') or 'two learned' counts nothing."""
    return value == 1 or _looks_plural(head.text) or unit == "person" or head.lower in lexicon()["unit_abbreviations"]


def _year_modifier(tokens: list[Token], i: int, start: int, head: Token) -> bool:
    """'Trump's 1995 tax filings', 'the 2016 campaign': a year before a noun, not a count."""
    text = tokens[i].text
    if not (len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100) or start != i:
        return False
    prev = tokens[i - 1].lower if i > 0 else ""
    return prev in grammar("noun_determiners") or prev in {"’s", "'s", "of", "in", "since"} or not _looks_plural(head.text)


def _range(tokens: list[Token], i: int, text: str, dates: list[DateMention]) -> tuple[list[Figure], int] | None:
    """'between 20 and 30 shells', 'from 20 to 30 shells': two figures, the lower bound (gte)
    and the upper bound (lte), counting the same thing. A scale written only on the upper
    bound applies to both ('between 4 and 5 million tonnes')."""
    opener = tokens[i].lower
    if opener not in {"between", "from"} or i + 3 >= len(tokens):
        return None
    joiner = "and" if opener == "between" else "to"
    if tokens[i + 2].lower != joiner or not _DIGITS.match(tokens[i + 1].text) and tokens[i + 1].lower not in lexicon()["number_words"]:
        return None
    low = _number(tokens, i + 1, text)
    upper = _figure_at(tokens, i + 3, text, dates)
    if low is None or upper is None or low[1] != 1:
        return None
    high, after = upper
    if high.comparator != "eq" or low[2] != "count" and low[3] != high.unit.split(" per ")[0]:
        return None
    low_value = low[0]
    scale = tokens[i + 4].lower if i + 4 < len(tokens) else ""
    if scale in lexicon()["scales"]:
        low_value *= lexicon()["scales"][scale]
    lower_fig = Figure(tokens[i].start, tokens[i + 1].end, low_value, high.unit, "gte", high.quantity,
                       high.quantity_start, high.quantity_end)
    upper_fig = Figure(high.start, high.end, high.value, high.unit, "lte", high.quantity,
                       high.quantity_start, high.quantity_end)
    return [lower_fig, upper_fig], after


def _starts(tokens: list[Token]) -> list[int]:
    """The indices of the tokens where a range or a figure can begin: what `_range`,
    `_figure_at` and `_read_number` require of their first token, tested once (a digit or
    currency sign, a number word, 'between' or 'from', a multiplicative, a currency); most
    words fail it."""
    return [k for k, t in enumerate(tokens) if _can_start(t.text)]


@lru_cache(maxsize=65536)
def _can_start(text: str) -> bool:
    """`_starts`' test of one token's text (it depends on nothing else: cached, as an
    article's words repeat)."""
    return (text[:1] in "$€£₹0123456789" or text.lower() in _start_words() or text in lexicon()["currencies"]
            or (len(text) == 3 and text.isupper() and money.iso_code(text) is not None))  # an ISO code: three capitals


@lru_cache(maxsize=1)
def _start_words() -> frozenset[str]:
    """Lower-case words a range or a figure can begin with: number words, 'between' and
    'from', multiplicatives ('twice')."""
    return _number_starts() | {"between", "from"} | frozenset(lexicon()["multiplicatives"])


def find_figures(tokens: list[Token], text: str, dates: list[DateMention]) -> list[Figure]:
    """Numbers with what they count, in one sentence; dates, times, ordinals, identifiers,
    ages, durations and counts of things said are not figures."""
    out: list[Figure] = []
    resume = 0  # the token after the latest figure or range: figures do not overlap
    for i in _starts(tokens):
        if i < resume:
            continue
        pair = _range(tokens, i, text, dates)
        if pair is not None:
            out += pair[0]
            resume = pair[1]
            continue
        hit = _figure_at(tokens, i, text, dates, out[-1] if out else None)
        if hit is None:
            continue
        out.append(hit[0])
        resume = hit[1]
    return out
