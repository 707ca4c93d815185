"""Speaker phrases: where the noun phrase that names who speaks starts and ends around a
reporting cue, and which actor it names (a name, a title, a description, a pronoun, a
document, a share of those polled). The word sets are the lexicon's `grammar`."""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.actors import ActorBook, Phrase, role_words
from newsfacts.cues import cue_forms
from newsfacts.dates import DateMention, in_dates
from newsfacts.lexicon import grammar, lexicon, word_set
from newsfacts.text import OPEN_QUOTES, Sentence, Token

MAX_SPEAKER_TOKENS = 14
"""A speaker phrase is short ('South Korean representative to the UN Hwang Joonkook' is 9)."""
MAX_APPOSITION_TOKENS = 24
"""An apposition may be longer ('attorney for one of four groups to file suit against ...')."""
BOUNDARIES = grammar("boundaries")
ADJUNCT_STARTS = grammar("adjunct_starts")
LEADING_ADVERBS = grammar("leading_adverbs")
HEARERS = grammar("hearers")
DETERMINERS = grammar("determiners")
AUXILIARY_WORDS = grammar("auxiliary_words")
"""Words between a subject and its reporting verb ('has also said', 'went on to say')."""
NOUN_DETERMINERS = grammar("noun_determiners")
MODALS = grammar("modals")
SUBJECT_STOPS = grammar("subject_stops")
"""Words that end a subject noun phrase read leftwards from its verb."""
NP_MARKS = grammar("np_marks")
NOT_SPEAKERS = grammar("not_speakers")
"""Words that cannot begin or end a speaker phrase on their own."""
DOCUMENTS = grammar("documents")
"""Things that carry a body's or a person's words ('a statement from the ministry')."""
PROPORTION = re.compile(
    r"(?:(?:more|fewer|less) than |about |almost |nearly |roughly |just |only )?"
    r"(?:\w+ (?:in|of|out of) (?:10|\w+)|\d+(?:\.\d+)? ?(?:%|percent|per cent)|(?:a|one|two) (?:third|quarter|fifth)s?|half"
    r"|most|many|some|others|few|several|majorities|a majority|the majority)"
    r"(?: of (?:the |all )?[\w’'-]+(?: [\w’'-]+)?| [\w’'-]+)?"
)
"""A share of people polled or counted speaking together ('six in 10', '85% of Democrats')."""
AGED = re.compile(r"\d+-year-old")
REFLEXIVES = grammar("reflexives")
POSTMODIFIERS = grammar("postmodifiers")
"""Words that start what follows a speaker's head ('a source close to him', 'a source familiar with')."""
HEAD_CUTS = grammar("head_cuts")
APPOSITION_STARTS = grammar("apposition_starts")
COORDINATORS = grammar("coordinators")
DASHES = frozenset({"—", "–", "-"})
"""Dashes written around a parenthesis ('The justice — who has been ... — said'); a '-' only
where `is_dash` says it stands as one."""
IRREGULAR_PAST = grammar("irregular_past")
QUANTITY_HEADS = grammar("quantity_heads")
PEOPLE_SUFFIXES = tuple(grammar("people_suffixes"))
"""Plural endings of words for people ('specialists', 'participants', 'voters')."""
ASIDES = frozenset(tuple(w.split()) for w in grammar("asides"))
ISSUING_VERBS = grammar("issuing_verbs")
PREPOSITIONS = grammar("prepositions")
PURPOSE_PREPOSITIONS = grammar("purpose_prepositions")
NOUN_SUFFIXES = tuple(grammar("noun_suffixes"))
"""Endings that mark a lower-case word as a noun ('The conservative publication has ...')."""
SENTENCE_ADVERBS = grammar("sentence_adverbs")
OPENING_ADJUNCTS = grammar("opening_adjuncts")
"""Words that open an adjunct before the subject ('In a statement on Thursday, X ...')."""


def without_final_stop(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    if tokens and tokens[-1].text in {".", "!", "?"}:
        return tokens[:-1]
    return tokens


def phrase_end(tokens: tuple[Token, ...], i: int, dates: list[DateMention]) -> int:
    """Index where a speaker phrase starting at i ends (before an adjunct or punctuation)."""
    k = i
    while k < len(tokens) and k - i <= MAX_SPEAKER_TOKENS:
        t = tokens[k]
        if t.text == "(" and k > i and tokens[k - 1].text[:1].isupper():
            closing = next((x for x in range(k + 1, min(len(tokens), k + 8)) if tokens[x].text == ")"), None)
            if closing is not None:
                k = closing + 1  # 'Rep. Bobby Scott (D-Va.)'
                continue
        if t.text in BOUNDARIES or t.text in {".", "!", "?"}:
            break
        if k > i and (t.lower in ADJUNCT_STARTS and t.lower not in {"to"}):
            break
        if in_dates(t, dates):
            break
        k += 1
    return k


def skip_recipient(tokens: tuple[Token, ...], i: int) -> int:
    """After 'told', the index past the hearer ('told Reuters', 'told reporters in Kyiv')."""
    k = i
    if k < len(tokens) and tokens[k].lower in {"him", "her", "them", "us", "me", "you"}:
        return k + 1  # 'told him that', 'asked her whether'
    if k < len(tokens) and tokens[k].lower in DETERMINERS:
        k += 1
    start = k
    while k < len(tokens) and (tokens[k].text[:1].isupper() or tokens[k].lower in HEARERS
                               or ((k > start or start > i) and tokens[k].lower in _speaker_nouns())
                               or tokens[k].lower in _people_nouns()):  # 'told supporters
        k += 1  # 'told Reuters', 'told a Senate panel', 'told reporters'
    return k if k > start else i


def is_adverb(token: Token) -> bool:
    return token.text.islower() and token.lower.endswith("ly") and len(token.text) > 4


def skip_back(toks: tuple[Token, ...], k: int, floor: int, dates: list[DateMention]) -> int:
    """From token k leftwards, past auxiliaries, adverbs and a date ('has also', 'on Tuesday')."""
    while k >= floor:
        t = toks[k]
        surname = k > floor and toks[k - 1].text[:1].isupper() and t.text[:1].isupper()
        if t.lower in AUXILIARY_WORDS or is_adverb(t) or (in_dates(t, dates) and not surname):
            k -= 1
        elif t.text == "," and k - 2 >= floor and toks[k - 2].text == "," and (
            toks[k - 1].lower in LEADING_ADVERBS or toks[k - 1].lower in {"though", "too", "meanwhile", "however"}
        ):
            k -= 3  # 'Rival Hillary Clinton, however, has indicated ...'
        elif t.text == "," and k - 3 >= floor and toks[k - 3].text == "," and (toks[k - 2].lower, toks[k - 1].lower) in ASIDES:
            k -= 4  # 'Legislative leaders, for instance, noted ...'
        elif t.lower in {"on", "last", "this"} and k + 1 < len(toks) and in_dates(toks[k + 1], dates):
            k -= 1
        else:
            break
    return k


def subject_start(toks: tuple[Token, ...], end: int, floor: int) -> int:
    """Start of the noun phrase that ends just before token `end`, walking left to a
    clause word or punctuation (end itself when there is none)."""
    k = end - 1
    while k >= floor and end - k <= MAX_SPEAKER_TOKENS:
        t = toks[k]
        if t.text == ")":
            opening = next((x for x in range(k - 1, max(floor - 1, k - 8), -1) if toks[x].text == "("), None)
            if opening is not None and opening > floor and toks[opening - 1].text[:1].isupper():
                k = opening - 1  # 'Sen. Bernie Sanders (I-Vt.)'
                continue
        if t.lower in {"and", "&"} and k > floor and toks[k - 1].text[:1].isupper() and toks[k + 1].text[:1].isupper():
            k -= 1  # 'President Joe Biden and Chancellor Olaf Scholz': one phrase, several speakers
            continue
        if t.lower == "to" and k > floor and toks[k - 1].lower in role_words():
            k -= 1  # 'representative to the UN'
            continue
        if t.lower in {"to", "with", "about"} and k - 1 >= floor and toks[k - 1].lower in {"close", "familiar", "knowledgeable"}:
            k -= 2  # 'a source close to the campaign', 'a source familiar with the inquiry'
            continue
        if t.lower in SUBJECT_STOPS or (not t.text[:1].isalnum() and t.text not in NP_MARKS) or (
                t.text in DASHES and is_dash(toks, k)):
            break  # ('Donald Trump - who ... - said': a dash ends the phrase)
        k -= 1
    if end - k > MAX_SPEAKER_TOKENS:
        return end
    return k + 1


def first_person(word: str) -> bool:
    return word.lower().replace("’", "'").split("'")[0] in {"i", "we"}


def is_dash(toks: tuple[Token, ...], k: int) -> bool:
    """Token k is a dash: '—' or '–', or a '-' between spaces or doubled ('--'), not the
    hyphen of '(R-Ky.)'."""
    t = toks[k]
    if t.text != "-":
        return t.text in DASHES
    spaced = (k == 0 or toks[k - 1].end < t.start) and (k + 1 >= len(toks) or t.end < toks[k + 1].start)
    return spaced or (k > 0 and toks[k - 1].text == "-") or (k + 1 < len(toks) and toks[k + 1].text == "-")


def apposition_host(toks: tuple[Token, ...], left: int) -> tuple[int, int] | None:
    """The noun phrase an apposition ending at the comma `left` describes, as (start, comma):
    'Oleh Marchuk, spokesperson for the ..., said', 'Ramos, 58, told', 'Dean Ames, a salesman
    from Sumter, South Carolina, says' (a place, an age or an indefinite description between
    commas is passed over to the name before it)."""
    dashed = is_dash(toks, left)  # a comma, or a dash around a parenthesis ('Donald Trump - who previously said ... - said')
    if dashed and left > 0 and is_dash(toks, left - 1):
        left -= 1  # '--' written as two dashes
    c0 = next((x for x in range(left - 1, max(-1, left - MAX_APPOSITION_TOKENS - 1), -1)
               if (is_dash(toks, x) if dashed else toks[x].text == ",")), None)
    if c0 is None or c0 + 1 >= left:
        return None
    if dashed and c0 > 0 and is_dash(toks, c0 - 1):
        c0 -= 1
    first = toks[c0 + 1]
    titled = first.text.isalpha() and first.text.islower() and first.lower not in COORDINATORS \
        and any(t.lower in PREPOSITIONS for t in toks[c0 + 2 : left])  # 'dean of the law school', 'clad in a red cape'
    if not (first.lower in APPOSITION_STARTS or first.lower in role_words() or first.lower in _speaker_nouns() or first.text[:1].isupper()
            or first.lower.endswith("ing") or first.text[:1].isdigit() or titled or dashed):
        return None
    found: tuple[int, int] | None = None
    for _ in range(3):
        s0 = subject_start(toks, c0, 0)
        if s0 >= c0:
            return found
        found = s0, c0
        inner = toks[s0].lower in {"a", "an"} or (c0 - s0 == 1 and toks[s0].text[:1].isdigit())
        if not (inner and s0 > 1 and toks[s0 - 1].text == ","):
            return found
        c0 = s0 - 1
    return found


def speaker_phrase(book: ActorBook, tokens: tuple[Token, ...] | list[Token]) -> Phrase | None:
    """The speaker a noun phrase names: a known analysis, else the phrase itself, unresolved."""
    tokens = list(tokens)
    if ")" in {t.text for t in tokens}:
        opening = next(x for x, t in enumerate(tokens) if t.text == "(") if "(" in {t.text for t in tokens} else None
        closing = next(x for x, t in enumerate(tokens) if t.text == ")")
        if opening is not None and 0 < opening < closing:
            tokens = tokens[:opening] + tokens[closing + 1 :]  # '(D-Md.)': party and state, not the name
    while tokens and (tokens[0].lower in LEADING_ADVERBS or tokens[0].text in NP_MARKS or tokens[0].lower in _time_words()):
        tokens = tokens[1:]  # 'Last week I (said)'

    while len(tokens) > 1 and tokens[-1].text.islower() and (
        tokens[-1].lower in AUXILIARY_WORDS or tokens[-1].lower in IRREGULAR_PAST or tokens[-1].lower.endswith("ed")
    ):
        tokens = tokens[:-1]  # 'The candidate also continued (to refute)'
    if len(tokens) > 1 and tokens[-1].lower in REFLEXIVES:
        found = speaker_phrase(book, tokens[:-1])  # 'Cruz himself': Cruz, as written
        return _as_written(book, found, tokens) if found else None
    if not tokens or not tokens[-1].text[:1].isalnum() or tokens[-1].lower in NOT_SPEAKERS:
        return None
    if PROPORTION.fullmatch(" ".join([t.lower for t in tokens])):
        start, end = tokens[0].start, tokens[-1].end  # 'six in 10', '85% of Democrats', 'most': a share of those polled
        return Phrase(book.text[start:end], start, end, "description", None)
    if tokens[0].lower in NOT_SPEAKERS and (len(tokens) == 1 or tokens[1].text in NP_MARKS):
        return None  # 'that said', 'that's' (but 'some Democrats', 'one company')
    found = book.phrase(tokens)
    if found is not None:
        return found
    if len(tokens) == 2 and tokens[0].lower == "the" and tokens[1].lower in DOCUMENTS:
        # 'the statement': the body that issued the latest one
        return Phrase(book.text[tokens[0].start : tokens[1].end], tokens[0].start, tokens[1].end, "description", book.last_group)
    if len(tokens) > 3 and tokens[0].lower in DETERMINERS and tokens[1].lower in DOCUMENTS and tokens[2].lower in {"from", "by", "of"}:
        # 'a statement from the ministry': the ministry speaks through it
        author = speaker_phrase(book, tokens[3:])
        if author is not None:
            start, end = tokens[0].start, tokens[-1].end
            return Phrase(book.text[start:end], start, end, author.kind, author.actor_id, author.role)
    cut = next((k for k, t in enumerate(tokens) if k > 0 and (t.lower in HEAD_CUTS or t.lower in POSTMODIFIERS or (
        k > 1 and t.text.islower() and t.lower.endswith("ed") and "-" not in t.text))), None)
    if cut is not None:
        head = book.phrase(tokens[:cut])
        if head is not None:
            return _as_written(book, head, tokens)  # 'a person close to the Clintons', 'Gov. X of Ohio'
    name = len(tokens)
    while name > 0 and tokens[name - 1].text[:1].isupper() and len(tokens) - name < 4:
        name -= 1
    verbish = any(t.text.islower() and (t.lower.endswith(("ed", "ing")) or t.lower in SUBJECT_STOPS) for t in tokens[:name])
    if 0 < name < len(tokens) and tokens[name - 1].text[:1].islower() and not verbish:
        named = book.phrase(tokens[name:])
        if named is not None and named.kind == "name":
            start = tokens[0].start
            role = book.text[start : tokens[name - 1].end]
            return Phrase(book.text[start : tokens[-1].end], start, tokens[-1].end, "name", named.actor_id, role)
    core = tokens[:cut] if cut is not None else tokens
    if cut is not None and tokens[cut].lower == "of" and tokens[cut - 1].lower in QUANTITY_HEADS and cut + 1 < len(tokens):
        core = tokens  # 'a wide array of economists', 'majorities of Democrats': the people after 'of'
        if not _plausible_speaker(tokens[cut + 1 :]):
            return None
    elif not _plausible_speaker(core):
        return None
    start, end = tokens[0].start, tokens[-1].end
    return Phrase(book.text[start:end], start, end, "description", None)


def _as_written(book: ActorBook, found: Phrase, tokens: list[Token]) -> Phrase:
    """The phrase resolved from its head, with the whole phrase as its text."""
    start, end = tokens[0].start, tokens[-1].end
    return Phrase(book.text[start:end], start, end, found.kind, found.actor_id, found.role)


def source_as_written(book: ActorBook, tokens: tuple[Token, ...]) -> Phrase | None:
    """After 'according to', any noun phrase is a source ('a yearly Gallup poll', 'the
    foundation's tally'): kept as written, with no actor."""
    if not tokens or len(tokens) > MAX_SPEAKER_TOKENS or not tokens[-1].text[:1].isalnum() or (
        len(tokens) == 1 and tokens[0].lower in NOT_SPEAKERS - {"poll", "polls"}
    ):
        return None
    return Phrase(book.text[tokens[0].start : tokens[-1].end], tokens[0].start, tokens[-1].end, "description", None)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset({"last", "next", "week", "month", "year", "weekend", "today", "yesterday", "tonight", "earlier"}
                     | set(lex["weekdays"]))


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns for people, one or many ('delegate', 'supporters')."""
    return frozenset(lexicon()["person_nouns"]) | frozenset(lexicon()["collective_sources"])


@lru_cache(maxsize=1)
def _speaker_nouns() -> frozenset[str]:
    lex = lexicon()
    words = set(lex["person_nouns"]) | set(lex["group_nouns"]) | set(lex["collective_sources"]) | set(lex["role_words"])
    return frozenset(words | DOCUMENTS | {w + "s" for w in word_set("person_nouns")} | {w + "s" for w in word_set("group_nouns")})


@lru_cache(maxsize=1)
def _name_openers() -> frozenset[str]:
    """Lower-case words a name can follow inside a subject ('the spokesman John Kirby',
    'Secretary of State Antony J. Blinken'); after any other, the name starts an object."""
    return _speaker_nouns() | DETERMINERS | {"of", "for"}


def _plausible_speaker(core: list[Token]) -> bool:
    """An unresolved phrase can name a speaker when its head is a name or a noun that
    speaks (officials, the campaign, a statement) and nothing in it reads as a verb."""
    if not core or len(core) > 8:
        return False
    head = core[-1]
    people = head.text.isalpha() and (head.lower.endswith(PEOPLE_SUFFIXES) or (
        head.lower.endswith(("er", "or")) and len(core) > 1 and core[0].lower in DETERMINERS))  # 'specialists', 'the heckler'
    if not (head.text[:1].isupper() or head.lower in _speaker_nouns() or AGED.fullmatch(head.lower) or people):
        return False
    for t in core[:-1]:
        w = t.lower
        if t.text[:1].isupper() or w in DETERMINERS or w in NOUN_DETERMINERS or w in _speaker_nouns() or t.text in NP_MARKS:
            continue
        if (w.endswith(("ed", "ing", "n’t", "n't")) and "-" not in w) or w in SUBJECT_STOPS or w in AUXILIARY_WORDS:
            return False
    return True


def subject_of_participle(book: ActorBook, toks: tuple[Token, ...], i: int) -> tuple[Phrase, bool] | None:
    """The noun phrase right before a participle, when it names a speaker ('Trump vowing
    ...', 'both candidates acknowledging ...'); None after a comma or a document."""
    k = i - 1
    while k >= 0 and (toks[k].text[:1].isupper() or toks[k].text in NP_MARKS or toks[k].lower in _speaker_nouns()
                      or toks[k].lower in role_words() or toks[k].lower in DETERMINERS or toks[k].lower in {"both", "some", "many"}):
        k -= 1
    if k == i - 1 or toks[k + 1].lower in DETERMINERS and k + 2 == i:
        return None
    if k >= 0 and toks[k].lower in PREPOSITIONS and toks[k].lower != "with":
        return None  # 'broke into D.C. reporting ...': the object of a preposition
    phrase = speaker_phrase(book, toks[k + 1 : i])
    if phrase is None or not (phrase.kind in {"name", "pronoun", "joint"} or toks[i - 1].lower in _people_nouns()):
        return None  # 'a paper welcoming ...': the paper's issuer speaks, found elsewhere
    return phrase, False


def object_before(toks: tuple[Token, ...], to: int) -> int | None:
    """The preposition or verb before the noun phrase that ends at the infinitive marker
    `to` ('with Kuleba to', 'urged residents to'); None when no noun phrase stands there."""
    j = to - 1
    while j >= 0 and (toks[j].text[:1].isupper() or toks[j].lower in DETERMINERS or toks[j].lower in NOUN_DETERMINERS
                      or toks[j].text in NP_MARKS or (toks[j].text[:1].isalnum() and not _verb_like(toks[j]))):
        j -= 1
    if j < 0 or j == to - 1:
        return None
    w = toks[j].lower
    return j if w in PURPOSE_PREPOSITIONS or w == "for" or w.endswith("ed") or w in cue_forms() else None


def skip_lead(toks: tuple[Token, ...], k: int, end: int) -> int:
    while k < end and toks[k].lower in LEADING_ADVERBS:
        k += 1
    return k


def _past_opening_clause(toks: tuple[Token, ...], k: int, i: int) -> int:
    """Past an opening adjunct that ends in a comma: a participle clause ('Speaking in Ohio,',
    'Having announced ...,') or a prepositional or subordinate one ('In a statement,')."""
    t = toks[k]
    if (t.lower.endswith("ly") or t.lower in SENTENCE_ADVERBS) and k + 1 < i and toks[k + 1].text == ",":
        return skip_lead(toks, k + 2, i)  # 'Recently, ...', 'Likewise, ...'
    participle = t.text[:1].isupper() and t.lower.endswith(("ing", "ed")) and k + 1 < i and (
        toks[k + 1].text[:1].islower() or t.lower in cue_forms())  # 'Speaking in Ohio,', 'Asked Tuesday about X,'
    adverbial = t.lower in OPENING_ADJUNCTS or t.lower in PREPOSITIONS or t.lower in SENTENCE_ADVERBS or (
        t.lower.endswith("ly") and t.text.isalpha())
    if not (participle or adverbial):
        return k
    reach = 30 if participle else 12  # 'Declaring that he alone ... and rejuvenate the economy, the mogul ...'
    comma = next((x for x in range(k + 1, min(i, k + reach)) if toks[x].text == ","), None)
    return k if comma is None else skip_lead(toks, comma + 1, i)


def _verb_like(t: Token) -> bool:
    w = t.lower
    return w.endswith(("ed", "ing")) or w in _verbal_words() or not t.text[:1].isalnum()


@lru_cache(maxsize=1)
def _verbal_words() -> frozenset[str]:
    """Words that end a noun phrase read rightwards: auxiliaries, modals, subject stops,
    leading adverbs, head cuts, opening adjuncts and reporting cues."""
    return AUXILIARY_WORDS | MODALS | SUBJECT_STOPS | LEADING_ADVERBS | HEAD_CUTS | OPENING_ADJUNCTS | cue_forms()


def main_subject(book: ActorBook, toks: tuple[Token, ...], i: int) -> Phrase | None:
    """The subject at the start of a sentence ('Trump attacked Clinton on Monday, saying ...';
    'Speaking in Ohio, the Florida senator sought ..., saying ...')."""
    k = skip_lead(toks, 0, i)
    k = _past_opening_clause(toks, k, i) if k < i else k
    if k < i and toks[k].lower in OPENING_ADJUNCTS:
        return None  # 'On September 27 they published ...': no comma shows where the subject starts
    end, head = k, None
    while end < i and end - k < MAX_SPEAKER_TOKENS:
        t = toks[end]
        prev = toks[end - 1] if end > k else None
        if t.text not in NP_MARKS and (t.lower in DETERMINERS or t.lower in NOUN_DETERMINERS):
            if end > k:
                break
        elif t.text[:1].isupper() or t.text in NP_MARKS:
            if prev is not None and prev.text[:1].islower() and prev.lower not in _name_openers():
                break  # 'Trump hit Cruz': a name after a verb starts the object
            head = end + 1
        elif t.lower in _speaker_nouns() or (t.text.isalpha() and t.lower.endswith(NOUN_SUFFIXES)):
            head = end + 1
        elif t.lower in {"of", "for"} and head == end and end + 1 < i and toks[end + 1].text[:1].isupper():
            pass  # 'Secretary of State Antony J. Blinken'
        elif _verb_like(t) or (t.lower.endswith("s") and prev is not None and prev.text[:1].isupper()):
            break
        end += 1
    if head is None and end > k + 1 and toks[k].lower in DETERMINERS and end < i and toks[end].lower in ISSUING_VERBS:
        head = end  # 'The town released a statement saying ...': an unlisted noun that issues something
    if head is None or head >= i or toks[head].text == ":":
        return None  # a subject is followed by its verb
    speaker = speaker_phrase(book, toks[k:head])
    if speaker is None and toks[k].lower in DETERMINERS and head - k <= 4:
        speaker = Phrase(book.text[toks[k].start : toks[head - 1].end], toks[k].start, toks[head - 1].end, "description", None)
    return speaker


def note_subject(book: ActorBook, sentence: Sentence) -> None:
    """A person named as the subject of a sentence that reports no speech is who 'he' or
    'she' most likely means next ('Biden visited Kyiv. He said ...')."""
    toks = without_final_stop(sentence.tokens)
    if not toks or not toks[0].text[:1].isupper() or toks[0].text[:1] in OPEN_QUOTES:
        return
    subject = main_subject(book, toks, len(toks))
    if subject is not None and subject.kind == "name" and subject.actor_id and book.records[subject.actor_id].kind == "person":
        book.last_person = subject.actor_id
