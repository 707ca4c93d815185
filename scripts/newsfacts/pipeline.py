"""Article -> rows of the five tables: the whole extraction, as a pure function."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from newsfacts.actors import ActorBook
from newsfacts.article import Article
from newsfacts.cues import speech_act
from newsfacts.dates import UNKNOWN, DateMention, DateValue, article_anchor, find_dates, future_frame
from newsfacts.events import Event, find_events, merge_repeats
from newsfacts.figures import find_figures
from newsfacts.lexicon import lexicon
from newsfacts.spans import SpanIndex
from newsfacts.statements import Found, Statement, find_statements
from newsfacts.text import Sentence, asks_question, paragraphs, reading_text, sentences
from newsfacts.transcript import LABEL, Turn, turns

Row = dict[str, object]


@dataclass
class Extraction:
    """The rows one article contributes to each table (actors before merging)."""

    source: Row
    actors: list[Row] = field(default_factory=list)
    statements: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    figures: list[Row] = field(default_factory=list)


def content_id(prefix: str, *parts: object) -> str:
    """An id derived from content: prefix and 12 hex digits of a sha256."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


@lru_cache(maxsize=1)
def _furniture() -> re.Pattern[str]:
    words = "|".join(lexicon()["furniture"])
    return re.compile(rf"^(?:{words})\s*:?\s*[\d,.]+[KkMm]?$", re.IGNORECASE)


def is_furniture(sentence: Sentence) -> bool:
    """Page furniture such as a view counter ('Views: 12')."""
    return bool(_furniture().match(sentence.text))


def is_heading(sentence: Sentence, paragraph_sentences: int) -> bool:
    """A section heading: a one-sentence paragraph of a few words with no final stop."""
    return (
        paragraph_sentences == 1
        and len(sentence.tokens) <= 14
        and sentence.text[-1:] not in ".!?”\"’:"
    )


def _date_fields(value: DateValue, mention: DateMention | None) -> Row:
    return {
        "date_start": value.start.isoformat() if value.start else None,
        "date_end": value.end.isoformat() if value.end else None,
        "date_precision": value.precision,
        "date_text": mention.text if mention else None,
        "date_inferred": value.inferred,
    }


def _region_tokens(sentence: Sentence, start: int, end: int) -> list:
    return [t for t in sentence.tokens if start <= t.start and t.end <= end]


def _transcript_statements(
    turns: list[Turn], published: dt.date | None, book: ActorBook
) -> list[Statement]:
    """One direct statement per paragraph of a labelled turn or an authored text."""
    date = DateValue(published, published, "day", True) if published else UNKNOWN
    out = []
    for turn in turns:
        if turn.question or turn.speaker is None:
            continue
        found = Found(None, turn.content.start, turn.content.end, "direct", turn.cue, turn.speaker, (), False)
        role = turn.speaker.role or (book.records[turn.speaker.actor_id].role if turn.speaker.actor_id else None)
        out.append(Statement(found, turn.speaker.actor_id, role, date, None, None))
    return out


def _unique(rows: list[Row], key: str) -> list[Row]:
    """Rows with distinct ids (the first one wins: two readings of the same span)."""
    seen: set[object] = set()
    out = []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            out.append(row)
    return out


def extract(article: Article, path: str) -> Extraction:
    """All rows for one article; `path` is where the article sits in the package."""
    text = reading_text(article.text)
    sid = article.source_id
    source: Row = {
        "source_id": sid,
        "path": path,
        "sha256": article.sha256,
        "characters": len(text),
        "title": article.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }
    sents = sentences(text)
    book = ActorBook(text, sents)
    paras = paragraphs(text)
    turn_list = turns(text, paras, book, article.title, article.byline)
    questions = SpanIndex([t.content for t in turn_list if t.question])
    per_paragraph: dict[int, int] = {}
    for s in sents:
        per_paragraph[s.paragraph] = per_paragraph.get(s.paragraph, 0) + 1
    skip = {
        i
        for i, s in enumerate(sents)
        if is_furniture(s)
        or is_heading(s, per_paragraph[s.paragraph])
        or questions.holding(s.start)
        or _is_label_only(s, turn_list)
    }
    dates = find_dates(text, article_anchor(text, article.published))
    date_index = SpanIndex(dates)
    voices = _voices(sents, turn_list)
    turn_statements = _transcript_statements(turn_list, article.published, book)
    paragraph_spans = {(s.start, s.end) for s in turn_statements}
    book.set_home(article.publisher)  # 'we' of an official speaks for the publisher's state ...
    statements = [
        s for s in find_statements(sents, text, book, dates, skip, voices) if (s.start, s.end) not in paragraph_spans
    ]  # a paragraph of a turn is its speaker's, whoever it reports
    book.set_home(None)  # ... but an event's actor is never taken from the publisher
    statements += turn_statements
    events = [e for e in merge_repeats(_events(sents, text, book, date_index, statements, skip, voices))
              if not _after(e.date, e.date_mention, text, article.published)]  # dated after publication: planned, not an occurrence
    out = Extraction(source)
    st_ids = [content_id("st", sid, s.start, s.end) for s in statements]
    for s, st_id in zip(statements, st_ids):
        out.statements.append(
            {
                "statement_id": st_id,
                "source_id": sid,
                "speaker_id": s.speaker_id,
                "speaker_text": s.found.speaker.text,
                "speaker_role": s.speaker_role,
                "mode": s.found.mode,
                "speech_act": speech_act(s.found.cue, s.found.denial),
                "cue": s.found.cue,
                "text": text[s.start : s.end],
                "start": s.start,
                "end": s.end,
                **(_date_fields(UNKNOWN, None) if _after(s.date, s.date_mention, text, article.published)  # not said after publication
                   else _date_fields(s.date, s.date_mention)),
                "responds_to_statement_id": st_ids[s.responds_to] if s.responds_to is not None else None,
            }
        )
    ev_ids: list[str] = []
    taken: set[str] = set()
    for e in events:
        ev_id = content_id(
            "ev", sid, e.start, e.end, e.type, e.actor_id or "", e.date_mention.start if e.date_mention else ""
        )
        if ev_id in taken and e.target_id:  # one row per partner ('met with NATO and the G7'): the target tells them apart
            ev_id = content_id("ev", sid, e.start, e.end, e.type, e.actor_id or "",
                               e.date_mention.start if e.date_mention else "", e.target_id)
        ev_ids.append(ev_id)
        taken.add(ev_id)
        out.events.append(
            {
                "event_id": ev_id,
                "source_id": sid,
                "event_type": e.type,
                "event_mode": e.mode,
                "actor_id": e.actor_id,
                "target_id": e.target_id,
                "instrument": e.instrument,
                "instrument_origin_id": e.origin_id,
                **_date_fields(e.date, e.date_mention),
                "text": text[e.start : e.end],
                "start": e.start,
                "end": e.end,
                "statement_id": _asserting(e, statements, st_ids),
                "claim_status": "disputed" if e.disputed else "reported",
                "disputed_by_statement_id": st_ids[e.statement] if e.disputed and e.statement is not None else None,
            }
        )
    out.figures = _figures(sents, text, date_index, statements, st_ids, events, ev_ids, skip, sid)
    merges = book.surname_merges()
    for row in out.statements:
        row["speaker_id"] = merges.get(row["speaker_id"], row["speaker_id"])
    for row in out.events:
        for key in ("actor_id", "target_id", "instrument_origin_id"):
            row[key] = merges.get(row[key], row[key])
    for row in out.statements + out.events + out.figures:
        row["text"] = article.text[row["start"] : row["end"]]  # as written, whatever the reading changed
    out.statements = _unique(out.statements, "statement_id")
    out.events = _unique(out.events, "event_id")
    out.figures = _unique(out.figures, "figure_id")
    used = {s["speaker_id"] for s in out.statements} | {
        e[k] for e in out.events for k in ("actor_id", "target_id", "instrument_origin_id")
    }
    for record in book.used({a for a in used if a}):
        out.actors.append(
            {
                "actor_id": record.actor_id,
                "name": record.name,
                "kind": record.kind,
                "country": record.country,
                "parent_actor_id": record.parent_actor_id,
                "aliases": sorted(f for f in record.forms if f != record.name),
            }
        )
    return out


def _voices(sents: list[Sentence], turn_list: list[Turn]) -> dict[int, str | None]:
    """Sentence index -> the speaker of the transcript turn holding it (one pass: both
    lists are in text order)."""
    out: dict[int, str | None] = {}
    k = 0
    for i, s in enumerate(sents):
        while k < len(turn_list) and turn_list[k].content.end <= s.start:
            k += 1
        if k < len(turn_list) and turn_list[k].content.start <= s.start and turn_list[k].speaker is not None:
            out[i] = turn_list[k].speaker.actor_id
    return out


def _is_label_only(sentence: Sentence, turn_list: list[Turn]) -> bool:
    """A sentence that holds nothing but a speaker label ('MR. KIRBY:')."""
    label = LABEL.match(sentence.text) if turn_list else None
    return label is not None and label.end() >= len(sentence.text)


def _after(date: DateValue, mention: DateMention | None, text: str, published: dt.date | None) -> bool:
    """A date that begins after the publication date, written so, counted forward from it
    ('next week', 'tomorrow') or read forward in a future frame ('will meet on Monday'); a
    year only guessed for a month and day does not count."""
    if published is None or date.start is None or date.start <= published:
        return False
    return not date.inferred or (mention is not None and (
        bool(FORWARD_WORDS & set(mention.text.lower().split())) or future_frame(text, mention.start, mention.text)))


FORWARD_WORDS = {"next", "tomorrow", "coming"}


def _asserting(e: Event, statements: list[Statement], st_ids: list[str]) -> str | None:
    """The statement that asserts an event: the one that reports it or, for an event found
    inside a denial, the statement the denial answers (never the denial itself)."""
    if e.statement is None:
        return None
    if not e.disputed:
        return st_ids[e.statement]
    answered = statements[e.statement].responds_to
    return st_ids[answered] if answered is not None else None


def _containing(statements: SpanIndex[Statement], start: int, end: int, without: frozenset[int] = frozenset()) -> int | None:
    """Index (in the full list) of the narrowest statement whose content holds [start, end),
    the first of equal width, leaving out the statements of `without`."""
    best = None
    for i in statements.covering(start, end):
        s = statements.items[i]
        if i not in without and (best is None or s.end - s.start < statements.items[best].end - statements.items[best].start):
            best = i
    return best


def _events(sents, text, book, dates: SpanIndex[DateMention], statements: list[Statement], skip, voices) -> list[Event]:
    held = SpanIndex(statements)
    by_sentence: dict[int, list[tuple[int, Statement]]] = {}
    for i, s in enumerate(statements):
        if s.found.sentence is not None:
            by_sentence.setdefault(id(s.found.sentence), []).append((i, s))
    out: list[Event] = []
    for index, sentence in enumerate(sents):
        if index in skip:
            continue
        book.voice = voices.get(index)
        asks = asks_question(sentence)
        inside = dates.inside(sentence.start, sentence.end)
        hits = by_sentence.get(id(sentence))
        if hits is None:
            holder = _containing(held, sentence.start, sentence.end)
            voice = statements[holder].speaker_id if holder is not None else None  # a turn's 'we'
            out += find_events(list(sentence.tokens), text, book, inside, holder, None, False, speaker=voice, asks=asks)
            continue
        for st_index, st in hits:  # what each statement of the sentence reports
            content = _region_tokens(sentence, st.start, st.end)
            content_dates = [d for d in inside if st.start <= d.start and d.end <= st.end]
            announced = speech_act(st.found.cue, st.found.denial) in {"announce", "commit"}
            default = st.speaker_id if st.found.denial or announced else None  # 'X announced new sanctions': X's
            out += find_events(content, text, book, content_dates, st_index, default, st.found.denial,
                               speaker=st.speaker_id, asks=asks)
        reported = [(st.start, st.end) for _, st in hits]
        rest_dates = [d for d in inside if not any(a <= d.start < b for a, b in reported)]
        own = frozenset(i for i, _ in hits)
        holder = _containing(held, sentence.start, sentence.end, own)
        out += find_events(list(sentence.tokens), text, book, rest_dates, holder, hits[-1][1].speaker_id, False,
                           frozenset({"meeting", "pledge"}), tuple(reported), asks=asks)
    return out


def _figures(sents, text, dates: SpanIndex[DateMention], statements, st_ids, events, ev_ids, skip, sid) -> list[Row]:
    rows: list[Row] = []
    held, spans = SpanIndex(statements), SpanIndex(events)
    for index, sentence in enumerate(sents):
        if index in skip:
            continue
        inside = dates.inside(sentence.start, sentence.end)
        for f in find_figures(list(sentence.tokens), text, inside):
            st = _containing(held, f.start, f.end)
            ev = next(iter(spans.overlapping(min(f.start, f.quantity_start), max(f.end, f.quantity_end))), None)
            date, mention = (events[ev].date, events[ev].date_mention) if ev is not None else (UNKNOWN, None)
            rows.append(
                {
                    "figure_id": content_id("fg", sid, f.start, f.end),
                    "source_id": sid,
                    "statement_id": st_ids[st] if st is not None else None,
                    "event_id": ev_ids[ev] if ev is not None else None,
                    "value": f.value,
                    "unit": f.unit,
                    "comparator": f.comparator,
                    "quantity": f.quantity,
                    "text": text[f.start : f.end],
                    "start": f.start,
                    "end": f.end,
                    **_date_fields(date, mention),
                }
            )
    return rows
