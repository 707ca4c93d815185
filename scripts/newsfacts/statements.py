"""Find attributed speech in sentences: who said what, with which cue, and when."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.actors import ActorBook, Phrase, gazetteer_mentions
from newsfacts.dates import UNKNOWN, DateMention, DateValue
from newsfacts.lexicon import lexicon
from newsfacts.text import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_CHARS, Sentence, Token

DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][\w.'’ -]{1,40})?(?:\s\([^)]{1,40}\))?\s[—–-]\s"
    r"|[A-Z][\w.'’ -]{1,30}\s[•|]\s)"
)
"""'KHARKIV, Ukraine (Reuters) — ': the place and agency that open a news story."""
MIN_CONTENT_WORDS = 3
"""Reported content shorter than this ('And', 'In addition') is a parenthetical, not a statement."""
MAX_SPEAKER_TOKENS = 14
"""A speaker phrase is short ('South Korean representative to the UN Hwang Joonkook' is 9)."""
BOUNDARIES = {",", ":", "”", "\"", "»", ";", "—", "–"}
ADJUNCT_STARTS = {"on", "in", "during", "at", "to", "after", "before", "last", "this", "earlier",
                  "later", "yesterday", "today", "while", "when", "as", "from", "via", "through"}
AUXILIARIES = {"was", "were", "been", "is", "are", "be"}
LEADING_ADVERBS = {"as", "then", "later", "also", "however", "but", "and", "meanwhile", "earlier", "separately",
                   "previously", "still", "now", "so", "yet"}
TIME_SHIFTS = {"earlier", "previously", "before", "later", "meanwhile", "separately"}
COORDINATED_CUES = {"telling", "adding", "saying", "said", "added", "urged", "noted", "stressed", "warned",
                    "insisting", "arguing", "claiming", "stating", "calling"}
HEARERS = {"reporters", "journalists", "lawmakers", "parliament", "senators", "news", "agency",
           "briefing", "conference", "state", "television", "tv", "media", "outlet"}
DETERMINERS = {"the", "a", "an"}
CLAIM_NOUNS = {"accusations", "accusation", "claims", "claim", "allegations", "allegation",
               "reports", "report", "statements", "statement", "charges"}


@dataclass(frozen=True)
class Found:
    """A statement found in one sentence, before ids and dates are assigned."""

    sentence: Sentence | None
    """The sentence it was found in; None for a transcript paragraph."""
    start: int
    end: int
    mode: str
    cue: str
    speaker: Phrase
    attribution: tuple[tuple[int, int], ...]
    denial: bool


@dataclass(frozen=True)
class Statement:
    """A statement with its resolved speaker, role and date."""

    found: Found
    speaker_id: str | None
    speaker_role: str | None
    date: DateValue
    date_mention: DateMention | None
    responds_to: int | None
    """Index of the earlier statement this one answers."""

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end


@lru_cache(maxsize=1)
def _cues() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["reporting_verbs"]) | frozenset(lex["object_verbs"]) | frozenset(lex["denial_verbs"])


def _is_cue(token: Token) -> bool:
    return token.lower in _cues()


def _content_span(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Trim a content span and decide its mode (direct, partial, indirect)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    if end - start < 2:
        return None
    chunk = text[start:end]
    if chunk[0] in OPEN_QUOTES and chunk[-1] in CLOSE_QUOTES and not any(c in QUOTE_CHARS for c in chunk[1:-1]):
        inner_start, inner_end = start + 1, end - 1
        while inner_end > inner_start and text[inner_end - 1] in ", ":
            inner_end -= 1
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        if inner_end <= inner_start:
            return None
        return inner_start, inner_end, "direct"
    if chunk[0] in OPEN_QUOTES and not any(c in CLOSE_QUOTES for c in chunk[1:]):
        # the quotation runs on into the next sentence: "...: “Russia targets homes. Every ...”"
        return start + 1, end, "direct"
    if any(c in QUOTE_CHARS for c in chunk):
        return start, end, "partial"
    return start, end, "indirect"


def _without_final_stop(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    if tokens and tokens[-1].text in {".", "!", "?"}:
        return tokens[:-1]
    return tokens


def _phrase_end(tokens: tuple[Token, ...], i: int, dates: list[DateMention]) -> int:
    """Index where a speaker phrase starting at i ends (before an adjunct or punctuation)."""
    k = i
    while k < len(tokens) and k - i <= MAX_SPEAKER_TOKENS:
        t = tokens[k]
        if t.text in BOUNDARIES or t.text in {".", "!", "?"}:
            break
        if k > i and (t.lower in ADJUNCT_STARTS and t.lower not in {"to"}):
            break
        if any(d.start <= t.start < d.end for d in dates):
            break
        k += 1
    return k


def _quoted(sentence: Sentence) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks in a sentence (an unclosed quote runs to its end)."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for t in sentence.tokens:
        if opened is None and t.text in OPEN_QUOTES:
            opened = t.end
        elif opened is not None and t.text in CLOSE_QUOTES:
            out.append((opened, t.start))
            opened = None
    if opened is not None:
        out.append((opened, sentence.end))
    return out


def _content_end(boundary: Token) -> int:
    """Where content ends before the attribution: after a closing quotation mark, before a comma."""
    return boundary.end if boundary.text in CLOSE_QUOTES else boundary.start


def _words(tokens: tuple[Token, ...]) -> int:
    return sum(1 for t in tokens if t.text[:1].isalnum())


def _boundary(tokens: tuple[Token, ...], i: int) -> int:
    """Index just after the last boundary mark before token i (0 at sentence start)."""
    for k in range(i - 1, -1, -1):
        if tokens[k].text in BOUNDARIES:
            return k + 1
    return 0


def _only_adjuncts(tokens: tuple[Token, ...], dates: list[DateMention]) -> bool:
    """True when tokens (what follows a cue) hold no content: nothing, a date, or a phrase
    such as 'during a press conference'."""
    return (
        not tokens
        or tokens[0].lower in ADJUNCT_STARTS
        or (tokens[0].text.islower() and tokens[0].lower.endswith("ly") and len(tokens[0].text) > 4)
        or tokens[0].text in BOUNDARIES
        or any(d.start <= tokens[0].start < d.end for d in dates)
    )


def _skip_recipient(tokens: tuple[Token, ...], i: int) -> int:
    """After 'told', the index past the hearer ('told Reuters', 'told reporters in Kyiv')."""
    k = i
    if k < len(tokens) and tokens[k].lower in DETERMINERS:
        k += 1
    start = k
    while k < len(tokens) and (tokens[k].text[:1].isupper() or tokens[k].lower in HEARERS):
        k += 1
    return k if k > start else i


def find_in_sentence(
    sentence: Sentence, text: str, book: ActorBook, dates: list[DateMention]
) -> Found | None:
    """The statement a sentence makes, trying the attribution patterns in turn."""
    toks = _without_final_stop(sentence.tokens)
    dateline = DATELINE.match(sentence.text)
    if dateline:
        toks = tuple(t for t in toks if t.start >= sentence.start + dateline.end())
    lowers = [t.lower for t in toks]
    s_start = toks[0].start if toks else sentence.start
    s_end = toks[-1].end if toks else sentence.end
    obj_verbs = set(lexicon()["object_verbs"])
    denials = set(lexicon()["denial_verbs"])

    def make(c_start: int, c_end: int, cue: Token | str, speaker: Phrase, attribution, denial=False):
        span = _content_span(text, c_start, c_end)
        if span is None:
            return None
        cue_text = cue if isinstance(cue, str) else cue.text
        return Found(sentence, span[0], span[1], span[2], cue_text, speaker, tuple(attribution), denial)

    # "According to X, ..." and "..., according to X."
    for i in range(len(toks) - 1):
        if lowers[i] == "according" and lowers[i + 1] == "to":
            k = _phrase_end(toks, i + 2, dates)
            speaker = book.phrase(list(toks[i + 2 : k]))
            if speaker is None:
                continue
            cue = text[toks[i].start : toks[i + 1].end]
            if i == 0 and k < len(toks):
                return make(toks[k].end, s_end, cue, speaker, [(s_start, toks[k].end)])
            if i > 0 and toks[i - 1].text in BOUNDARIES:
                return make(s_start, toks[i - 1].start, cue, speaker, [(toks[i].start, s_end)])

    named = [(m.start, m.end) for m in gazetteer_mentions(toks, text)] + _quoted(sentence)
    for i, tok in enumerate(toks):
        if not _is_cue(tok) or any(a <= tok.start < b for a, b in named):
            continue  # a cue inside a name or inside a quotation reports nothing
        after = toks[i + 1 :]
        if tok.lower in {"told", "tells", "tell"}:
            after = toks[_skip_recipient(toks, i + 1) :]
        # passive: "... was announced by X on Jan. 11."
        if (
            i >= 2
            and lowers[i - 1] in AUXILIARIES
            and after
            and after[0].lower == "by"
            and tok.lower in lexicon()["passive_cues"]
        ):
            k = _phrase_end(toks, i + 2, dates)
            speaker = book.phrase(list(toks[i + 2 : k]))
            if speaker:
                return make(s_start, toks[i - 1].start, tok, speaker, [(toks[i - 1].start, s_end)])
        b = _boundary(toks, i)
        speaker = None
        # inverted: "..., said X."
        if b == i and b > 0:
            k = _phrase_end(toks, i + 1, dates)
            speaker = book.phrase(list(toks[i + 1 : k]))
            if speaker and _only_adjuncts(toks[k:], dates):
                return make(s_start, _content_end(toks[b - 1]), tok, speaker, [(toks[b - 1].end, s_end)])
            # "A senior official, who spoke on condition of anonymity, said that ...",
            # "Oleh Marchuk, spokesperson for the ..., told journalists that ..."
            first_comma = next((x for x in range(1, i) if toks[x].text == ","), None)
            if first_comma is None or first_comma >= b - 1 or first_comma > MAX_SPEAKER_TOKENS:
                continue
            middle = toks[first_comma + 1]
            if not (middle.lower in {"who", "which", "a", "an", "the"} or middle.lower in lexicon()["role_words"]):
                continue
            speaker = book.phrase(list(toks[:first_comma]))
            if speaker is None:
                continue
            b = 0
        lead_end = b
        while lead_end < i and lowers[lead_end] in LEADING_ADVERBS:
            lead_end += 1
        if i - lead_end > MAX_SPEAKER_TOKENS:
            continue
        if speaker is None:
            phrase_end = i
            trailing = [
                d for d in dates
                if i - lead_end >= 2 and toks[lead_end].start < d.start and d.end == toks[i - 1].end
            ]
            if trailing:  # "Canada on Wednesday announced": the date is the statement's
                phrase_end = next((x for x in range(lead_end, i) if toks[x].start >= trailing[0].start), i)
                if phrase_end > lead_end and toks[phrase_end - 1].lower in {"on", "in", "last", "this"}:
                    phrase_end -= 1
            speaker = book.phrase(list(toks[lead_end:phrase_end]))
        if speaker is None:
            continue
        if b > 0 and _only_adjuncts(after, dates):
            boundary = toks[b - 1]
            c_end = _content_end(boundary)
            if _words(toks[: b - 1]) < MIN_CONTENT_WORDS:
                resumed = next((k for k in range(i + 1, len(toks)) if toks[k].text == ","), None)
                if resumed is None or _words(toks[resumed + 1 :]) < MIN_CONTENT_WORDS:
                    continue
                # "Air defense, Austin said, remains the top priority": the whole sentence
                return make(s_start, s_end, tok, speaker, [(toks[b].start, toks[resumed].end)])
            return make(s_start, c_end, tok, speaker, [(boundary.end, s_end)])
        if b > 6:
            continue
        lead = [(s_start, toks[lead_end].start)] if lead_end > 0 else []
        if lowers[0] == "as" and lead_end == 1:
            # "As President Biden said on Thursday when ..., a lasting peace must ..."
            comma = next((k for k in range(i + 1, len(toks)) if toks[k].text == ","), None)
            if comma is None or comma + 1 >= len(toks):
                continue
            return make(toks[comma + 1].start, s_end, tok, speaker, lead + [(toks[b].start, toks[comma].end)])
        # content after the cue: skip an adjunct up to "that" or ":"
        heard = _skip_recipient(toks, i + 1) if tok.lower in {"told", "tells", "tell"} else i + 1
        c_first = heard
        for k in range(heard, min(len(toks), i + 25)):
            if lowers[k] == "that" or toks[k].text == ":":
                if _only_adjuncts(toks[heard:k], dates):
                    c_first = k + 1
                break
        if c_first >= len(toks):
            continue
        c_end = s_end
        attribution = lead + [(toks[b].start, toks[c_first].start)]
        if tok.lower in obj_verbs and c_first == i + 1:
            trailing = [d for d in dates if d.end == c_end and d.start > toks[c_first].start]
            if trailing:
                c_end = trailing[0].start
                attribution.append((trailing[0].start, s_end))
        return make(toks[c_first].start, c_end, tok, speaker, attribution, tok.lower in denials)
    return None


def _quote_only(sentence: Sentence, text: str) -> tuple[int, int] | None:
    """A sentence that is one quotation and nothing else."""
    span = _content_span(text, sentence.start, sentence.end)
    if span and span[2] == "direct":
        return span[0], span[1]
    return None


def find_statements(
    sents: list[Sentence],
    text: str,
    book: ActorBook,
    dates: list[DateMention],
    skip: set[int],
    voices: dict[int, str | None] | None = None,
) -> list[Statement]:
    """Every statement of the article, in order, with speakers and dates resolved.

    `voices` gives, for sentences inside a transcript turn, who is speaking ('I', 'we')."""
    out: list[Statement] = []
    for index, sentence in enumerate(sents):
        if index in skip:
            continue
        book.voice = (voices or {}).get(index)
        inside = [d for d in dates if sentence.start <= d.start and d.end <= sentence.end]
        found = find_in_sentence(sentence, text, book, inside)
        if found is None and out and out[-1].found.sentence.paragraph == sentence.paragraph:
            prev = out[-1].found
            quote = _quote_only(sentence, text) or _quote_rest(sentence, text, prev)
            if quote:
                found = Found(sentence, quote[0], quote[1], "direct", prev.cue, prev.speaker, (), False)
        if found is None:
            continue
        for piece in _split_coordinated(found, text, book, inside):
            speaker_id = piece.speaker.actor_id
            book.note_speaker(speaker_id)
            if speaker_id is None and piece.speaker.kind == "description":
                book.last_person = None  # 'a senior official said ...; he added': not the earlier person
            role = piece.speaker.role or (book.records[speaker_id].role if speaker_id else None)
            date, mention = _statement_date(piece, text, inside, out, speaker_id)
            responds = _responds_to(piece, text, book, out) if piece.denial else None
            out.append(Statement(piece, speaker_id, role, date, mention, responds))
    return out


def _quote_rest(sentence: Sentence, text: str, prev: Found) -> tuple[int, int] | None:
    """The next sentence of a quotation opened in the previous one and not yet closed."""
    opened = prev.start > 0 and text[prev.start - 1] in OPEN_QUOTES
    if not opened or any(c in CLOSE_QUOTES for c in text[prev.start : prev.end]):
        return None
    chunk = sentence.text
    close = max(chunk.rfind(c) for c in CLOSE_QUOTES)
    if close <= 0 or chunk[0] in OPEN_QUOTES:
        return None
    return sentence.start, sentence.start + close


def _split_coordinated(found: Found, text: str, book: ActorBook, dates: list[DateMention]) -> list[Found]:
    """'dismissed the accusations as “absurd,” telling reporters that ...', '... and said
    they would ...': a second reporting verb in the content starts a second statement by
    the same speaker."""
    if found.sentence is None or found.mode == "direct":
        return [found]
    toks = [t for t in found.sentence.tokens if found.start <= t.start and t.end <= found.end]
    depth = 0
    for k, t in enumerate(toks[1:-1], start=1):
        if t.text in OPEN_QUOTES and t.text not in CLOSE_QUOTES:
            depth += 1
        elif t.text in CLOSE_QUOTES and t.text not in OPEN_QUOTES:
            depth = max(0, depth - 1)
        if depth or t.lower not in COORDINATED_CUES:
            continue
        if toks[k - 1].text not in {",", "and"} and not (toks[k - 1].text in CLOSE_QUOTES and k > 1):
            continue
        cut = toks[k - 1].start if toks[k - 1].text in {",", "and"} else toks[k - 1].end
        first = _content_span(text, found.start, cut)
        after = toks[k + 1 :]
        skip = _skip_recipient(tuple(after), 0) if t.lower in {"telling", "told"} else 0
        j = next((x for x in range(skip, min(len(after), skip + 8)) if after[x].lower == "that"), None)
        rest_start = after[j + 1].start if j is not None and j + 1 < len(after) else (after[skip].start if skip < len(after) else None)
        if first is None or rest_start is None:
            return [found]
        second = _content_span(text, rest_start, found.end)
        if second is None:
            return [found]
        head = Found(found.sentence, first[0], first[1], first[2], found.cue, found.speaker, found.attribution, found.denial)
        tail = Found(found.sentence, second[0], second[1], second[2], t.text, found.speaker, found.attribution, False)
        return [head, tail]
    return [found]


def _statement_date(
    found: Found, text: str, dates: list[DateMention], earlier: list[Statement], speaker_id: str | None
) -> tuple[DateValue, DateMention | None]:
    for a, b in found.attribution:
        for d in dates:
            if a <= d.start and d.end <= b and d.value.precision != "unknown":
                return d.value, d
    shifted = any(
        w.strip(",").lower() in TIME_SHIFTS for a, b in found.attribution for w in text[a:b].split()
    )
    if earlier and not shifted and speaker_id and earlier[-1].speaker_id == speaker_id:
        prev = earlier[-1].date
        if prev.precision != "unknown":
            return DateValue(prev.start, prev.end, prev.precision, True), None
    return UNKNOWN, None


def _responds_to(found: Found, text: str, book: ActorBook, earlier: list[Statement]) -> int | None:
    """A denial of 'the US accusations' answers the latest statement by a US speaker."""
    content = [t for t in found.sentence.tokens if found.start <= t.start < found.end]
    for mention in gazetteer_mentions(content, text):
        following = [t for t in content if t.start >= mention.end][:2]
        if not any(t.lower in CLAIM_NOUNS for t in following):
            continue
        accused = book.known(mention.actor_id)
        country = accused.country
        for index in range(len(earlier) - 1, -1, -1):
            sid = earlier[index].speaker_id
            if sid and (sid == accused.actor_id or (country and book.records[sid].country == country)):
                return index
    return None
