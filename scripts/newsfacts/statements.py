"""Find attributed speech in sentences: who said what, with which cue, and when."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsfacts.actors import ActorBook, Phrase, gazetteer_mentions
from newsfacts.dates import UNKNOWN, DateMention, DateValue
from newsfacts.lexicon import lexicon
from newsfacts.text import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_CHARS, Sentence, Token

DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][\w.'’ -]{1,40})?(?:\s\([^)]{1,40}\))?\s[—–-]\s")
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
HEARERS = {"reporters", "journalists", "lawmakers", "parliament", "senators", "a", "news", "agency",
           "briefing", "conference", "the", "state", "television", "tv", "media", "outlet"}
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

    named = [(m.start, m.end) for m in gazetteer_mentions(toks, text)]
    for i, tok in enumerate(toks):
        if not _is_cue(tok) or any(a <= tok.start < b for a, b in named):
            continue
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
        # inverted: "..., said X."
        if b == i and b > 0:
            k = _phrase_end(toks, i + 1, dates)
            speaker = book.phrase(list(toks[i + 1 : k]))
            if speaker and _only_adjuncts(toks[k:], dates):
                return make(s_start, _content_end(toks[b - 1]), tok, speaker, [(toks[b - 1].end, s_end)])
            continue
        lead_end = b
        while lead_end < i and lowers[lead_end] in LEADING_ADVERBS:
            lead_end += 1
        if i - lead_end > MAX_SPEAKER_TOKENS:
            continue
        speaker = book.phrase(list(toks[lead_end:i]))
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
        c_first = i + 1
        for k in range(i + 1, min(len(toks), i + 25)):
            if lowers[k] == "that" or toks[k].text == ":":
                if _only_adjuncts(toks[i + 1 : k], dates):
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
            quote = _quote_only(sentence, text)
            prev = out[-1].found
            if quote:
                found = Found(sentence, quote[0], quote[1], "direct", prev.cue, prev.speaker, (), False)
        if found is None:
            continue
        speaker_id = found.speaker.actor_id
        book.note_speaker(speaker_id)
        role = found.speaker.role or (book.records[speaker_id].role if speaker_id else None)
        date, mention = _statement_date(found, text, inside, out, speaker_id)
        responds = _responds_to(found, text, book, out) if found.denial else None
        out.append(Statement(found, speaker_id, role, date, mention, responds))
    return out


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
