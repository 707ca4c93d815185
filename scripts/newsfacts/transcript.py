"""Transcripts and single-voice official texts: speaker labels, turns, and authors named in
a heading ("MR. KIRBY:", "Q", "Statement from President ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.actors import ActorBook, Phrase
from newsfacts.lexicon import grammar
from newsfacts.text import Span, tokenize

_SPACE = r"[ \t\u00a0]"
LABEL = re.compile(
    rf"^(?P<label>(?:MR|MS|MRS|DR)\.{_SPACE}+[A-Z][A-Z'’\-]+(?:{_SPACE}[A-Z][A-Z'’\-]+)*"
    rf"|[A-Z][A-Z'’\-]+(?:{_SPACE}[A-Z][A-Z'’\-]+){{0,4}}):{_SPACE}*"
)
"""A speaker label: 'MR. KIRBY:', 'THE PRESIDENT:', 'SENIOR ADMINISTRATION OFFICIAL:'. A text is
read as a transcript only when at least two paragraphs carry a label (one capitalised
'UPDATE:' does not make a transcript)."""
ANONYMOUS = grammar("anonymous")
"""Label words that name a role, not a person: the turn's speaker stays unresolved."""
QUESTION = re.compile(rf"^Q(?:{_SPACE}+|:{_SPACE}*)")
HEADING_AUTHOR = re.compile(
    r"^(?P<cue>Statement (?:from|by)|Remarks (?:by|of)|Readout of .*? (?:by|with)|Op-Ed by|Letter from)\s+(?P<who>.+?)"
    r"(?:\s+(?:on|at|ahead of|to|regarding|for|in)\s.*|,.*)?$",
    re.IGNORECASE,
)
TITLE_AUTHOR = re.compile(r"^(?P<who>[A-Z][\w.’' -]+?)\s+(?P<cue>Statement)\s+(?:on|regarding|about)\s")
"""'President Biden Statement on CPI Inflation in June': the author before 'Statement'."""
ATTRIBUTABLE = re.compile(
    r"^(?:the (?:below|following)(?: \w+)? is )?(?P<cue>attributable to) (?P<who>[^:]+?):?$", re.IGNORECASE
)
"""'The below is attributable to Spokesperson Ned Price:': the paragraphs after it are his."""
STAGE_NOTE = re.compile(r"^\((?:[A-Z][^()]{0,40})\.?\)$")


@dataclass(frozen=True)
class Turn:
    """One paragraph of a labelled turn (or of a text with a named author)."""

    content: Span
    cue: str
    speaker: Phrase | None
    question: bool


_LEADING_NOTE = re.compile(r"^[\s\u00a0]*(\([A-Z][^()]{0,40}\))[\s\u00a0]*")
_TRAILING_NOTE = re.compile(r"[\s\u00a0]*(\([A-Z][^()]{0,40}\))[\s\u00a0]*$")


def _strip_stage_notes(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop stage notes such as '(Laughter.)' and spaces at both ends of a paragraph."""
    changed = True
    while changed and start < end:
        changed = False
        chunk = text[start:end]
        m = _LEADING_NOTE.match(chunk)
        if m and m.end() < len(chunk):
            start += m.end()
            changed = True
        rest = text[start:end]
        m = _TRAILING_NOTE.search(rest) if rest.rstrip().endswith(")") else None  # the search tries every position
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
        while start < end and text[start] in " \t\u00a0":
            start += 1
        while end > start and text[end - 1] in " \t\u00a0":
            end -= 1
    return start, end


def _register_people(book: ActorBook, title: str | None) -> None:
    """Titled names in the document's title ('... by Press Secretary Karine Jean-Pierre and NSC
    Coordinator ... John Kirby') become known people with their roles."""
    if not title:
        return
    title = re.sub(r",\s*\w+ \d{1,2}, \d{4}$", "", title)
    byline = re.search(r"\s(?:by|from)\s+(.*)$", title)
    if byline is None:
        return
    for chunk in re.split(r"\s+(?:and|with|on|ahead of|of|for|to|at|in|from|regarding)\s+|,\s*|:\s*", byline.group(1)):
        tokens = list(tokenize(chunk, 0))
        while tokens and not tokens[0].text[:1].isupper():
            tokens.pop(0)
        if len(tokens) < 2:
            continue
        scratch = ActorBook(chunk)
        phrase = scratch.phrase(tokens)
        if phrase is None or phrase.actor_id is None or not phrase.role:
            continue
        record = scratch.records[phrase.actor_id]
        if record.kind == "person":
            book.adopt(record)


def _label_speaker(book: ActorBook, label: str, start: int) -> Phrase | None:
    """The person a label names: by surname ('MR. KIRBY'), or a role the title gave
    ('THE PRESIDENT'); None for a moderator."""
    words = label.replace("\u00a0", " ").split()
    if ANONYMOUS.intersection(words):
        return Phrase(label, start, start + len(label), "label", None)
    if words[0] == "THE":
        role = " ".join(words[1:]).lower()
        pattern = re.compile(rf"(?<!vice )\b{re.escape(role)}$")
        for record in book.records.values():
            if record.kind == "person" and record.role and pattern.search(record.role.lower()):
                return Phrase(label, start, start + len(label), "label", record.actor_id, record.role)
        return Phrase(label, start, start + len(label), "label", None)
    surname = "-".join(w.capitalize() for w in words[-1].split("-"))
    for record in reversed(list(book.records.values())):
        if record.kind == "person" and record.name.split()[-1].lower() == surname.lower():
            return Phrase(label, start, start + len(label), "label", record.actor_id, record.role)
    tokens = list(tokenize(surname, 0))
    surname_book = ActorBook(surname)
    surname_book.records = book.records
    phrase = surname_book.phrase(tokens)
    actor = phrase.actor_id if phrase else None
    return Phrase(label, start, start + len(label), "label", actor, book.records[actor].role if actor else None)


def turns(text: str, paragraphs: tuple[Span, ...], book: ActorBook, title: str | None, byline: str | None = None) -> list[Turn]:
    """The labelled paragraphs of a transcript, or the body of an authored text (its author
    named by the title or by the sidecar's byline); empty for ordinary articles."""
    _register_people(book, title)
    labelled = [LABEL.match(p.text) or QUESTION.match(p.text) for p in paragraphs]
    out: list[Turn] = []
    if sum(1 for m in labelled if m) >= 2 and any(m and m.re is LABEL for m in labelled):
        current: tuple[str, Phrase | None, bool] | None = None
        for para, m in zip(paragraphs, labelled):
            start = para.start
            if m is not None:
                if m.re is QUESTION:
                    current = ("Q", None, True)
                else:
                    label = m.group("label")
                    current = (label, _label_speaker(book, label, para.start), False)
                start = para.start + m.end()
            if current is None:
                continue
            a, b = _strip_stage_notes(text, start, para.end)
            if b > a and not STAGE_NOTE.match(text[a:b]):
                out.append(Turn(Span(a, b, text[a:b]), current[0], current[1], current[2]))
        return out
    heading = HEADING_AUTHOR.match(title or "") or TITLE_AUTHOR.match(title or "")
    if heading is None and paragraphs and len(paragraphs[0].text.split()) <= 25 and paragraphs[0].text[-1:] not in ".!?":
        heading = HEADING_AUTHOR.match(paragraphs[0].text)  # the text's own first line: 'Statement by ...'
        if heading is not None:
            _register_people(book, paragraphs[0].text)
            paragraphs = paragraphs[1:]
    attributed = next(((k, m) for k, p in enumerate(paragraphs[:3]) if (m := ATTRIBUTABLE.match(p.text))), None)
    if attributed is not None:
        who, cue = attributed[1].group("who"), attributed[1].group("cue")
        paragraphs = paragraphs[attributed[0] + 1 :]
    elif heading is not None:
        who, cue = heading.group("who"), heading.group("cue")
    elif byline:
        who, cue = byline.split(",")[0].strip(), byline.strip()
    else:
        return out
    author_book = ActorBook(who)
    author_book.records = book.records
    phrase = author_book.phrase(list(tokenize(who, 0)))
    if phrase is None or phrase.actor_id is None:
        office = book.office(who)
        if office is None:
            return out
        phrase = Phrase(who, 0, len(who), "name", office)
    role = phrase.role or (byline.split(",", 1)[1].strip() if heading is None and byline and "," in byline else None)
    if role and phrase.actor_id in book.records and not book.records[phrase.actor_id].role:
        book.records[phrase.actor_id].role = role
    author = Phrase(who, 0, 0, "heading", phrase.actor_id, role)
    for para in paragraphs:
        words = para.text.split()
        if para.text[-1:] in ".!?”\"’" and len(words) >= 2 and any(w[:1].islower() for w in words):
            # a sentence, "Thank you." too (not a place line such as "Washington, D.C.")
            out.append(Turn(para, cue, author, False))
    return out
